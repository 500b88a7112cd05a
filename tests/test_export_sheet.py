"""The printed list is a sheet to pin on a wall: it fits a page or two, shows timetables rather than the
state at one minute, says when it was made, names its sources briefly, and has a wallet-card variant."""

import io
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from helpers import AT, WEEKDAY_LINE, export_args, write_hostile_overlay as write_overlay

A6_POINTS = (297.64, 419.53)
CHINA = ZoneInfo("Asia/Shanghai")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _pdf_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def _default_export(dataset, region_text: str, layout: str = "sheet"):
    """(exporter, view, layout) for what `hotline export -f pdf -r REGION` makes without --at: ordered by place."""
    from hotline_cli import api
    from hotline_cli.export.to_pdf import PdfExporter

    # With the old listings (export --all): the longest list each region can give.
    result = api.ask(dataset, api.resolve_place(dataset, region_text), at=datetime(2026, 11, 25, 21, 30, tzinfo=CHINA),
                     order="place", include_older=True)
    return PdfExporter(), api.view(result, "zh", dataset, order="place", active_only=True), layout


def _default_pdf(dataset, region_text: str, layout: str = "sheet") -> bytes:
    exporter, view, layout = _default_export(dataset, region_text, layout)
    return exporter.render(view, layout)


@pytest.fixture(scope="module")
def page_counts(dataset):
    """Pages of every province's default sheet, from the laid-out document the PDF is written from
    (writing 34 PDFs would only add font embedding; the PDFs of the extremes are counted with pypdf below)."""
    counts = {}
    for region in dataset.regions:
        exporter, view, layout = _default_export(dataset, region.code)
        counts[region.name] = len(exporter.layout(view, layout).pages)
    return counts


def test_every_province_fits_one_page_and_the_largest_two(page_counts, dataset):
    assert len(page_counts) == 34
    assert max(page_counts.values()) <= 2, {name: n for name, n in page_counts.items() if n > 2}
    two = [name for name, n in page_counts.items() if n == 2]
    # Only the province with the most lines may need a second page (pandemic-era lines are held back).
    assert set(two) <= {"北京市"}, two
    assert page_counts["福建省"] == 1
    for name, full in (("福建", "福建省"), ("北京", "北京市")):
        assert len(PdfReader(io.BytesIO(_default_pdf(dataset, name))).pages) == page_counts[full], name


@pytest.fixture(scope="module")
def fujian(dataset):
    return _default_pdf(dataset, "福建")


def test_footer_of_every_page_has_the_date_and_dataset_version(fujian, dataset):
    for text in _pdf_text(fujian):
        flat = squeeze(text)
        assert "生成日期：2026-11-25" in flat and f"数据版本：{dataset.meta.version}" in flat
        assert "如遇生命危险，请立即拨打120或110。号码可能变更，拨打前请核实。" in flat


def test_sources_are_named_by_publisher_and_date_not_by_address(fujian):
    flat = squeeze("".join(_pdf_text(fujian)))
    assert "海峡都市报2025-04-07" in flat
    assert "seed:" not in flat and ".txt" not in flat and "http" not in flat.replace("https://www.12320.net", "")


def test_numbers_have_one_clean_line(fujian):
    flat = squeeze("".join(_pdf_text(fujian)))
    assert "8008101117座机用户拨打" in flat  # the dialable form, 800 810 1117, then the note
    assert "印作" not in flat  # how a survey printed a number is not advice for the caller
    assert "座机拨打；座机用户拨打" not in flat


def test_sheet_shows_no_state_of_the_moment(fujian):
    flat = squeeze("".join(_pdf_text(fujian)))
    assert "开放中" not in flat and "未开放" not in flat and "至21:00" not in flat
    assert "每天9:00–21:00" in flat and "全天24小时" in flat


def test_default_html_is_the_same_at_any_hour_of_the_day(invoke, tmp_path):
    overlay = write_overlay(tmp_path)
    pages = []
    for hour in ("03:00", "12:00", "23:30"):
        result = invoke("export", "-f", "html", "-r", "厦门", "--all-hours", "--at", f"2026-11-24T{hour}", "--data", overlay, "-o", "-")
        assert result.exit_code == 0, result.output
        pages.append(re.sub(r'<section class="chart".*?</section>', "", result.stdout, flags=re.S))
    assert pages[0] == pages[1] == pages[2]


def test_hours_are_a_timetable_read_from_the_expression(invoke, tmp_path):
    from hotline_cli.render.hours_words import hours_rows

    assert hours_rows("Mo-Fr 08:00-12:00,14:30-17:30; PH off") == ["周一至周五 8:00–12:00、14:30–17:30", "法定节假日休息"]
    assert hours_rows(None, "工作日白天") == ["工作日白天"] and hours_rows(None) == []
    overlay = write_overlay(tmp_path)
    result = invoke(*export_args(overlay, "html", "-", "--all-hours"))
    card = re.search(rf'<article class="card" id="line-{WEEKDAY_LINE["id"]}">.*?</article>', result.stdout, re.S).group()
    assert re.search(r'<ul class="timetable"><li>工作日 9:00–17:00</li></ul>', card)


def test_html_keeps_full_source_addresses_in_an_appendix_not_printed(invoke, tmp_path):
    overlay = write_overlay(tmp_path)
    result = invoke(*export_args(overlay, "html", "-"))
    appendix = re.search(r'<section class="appendix">.*', result.stdout, re.S).group()
    assert "https://example.org/list?a=1&amp;b=&lt;x&gt;" in appendix
    assert re.search(r"@media print \{[^}]*\.appendix[^}]*display: none", result.stdout)


def test_wallet_card_is_one_a6_page_with_12356_emergency_and_three_local_lines(dataset):
    from hotline_cli.export.sheet import CARD_LOCAL_LINES

    for region in ("福建", "北京", "广东"):
        data = _default_pdf(dataset, region, layout="card")
        reader = PdfReader(io.BytesIO(data))
        assert len(reader.pages) == 1, region
        box = reader.pages[0].mediabox
        assert abs(float(box.width) - A6_POINTS[0]) < 1 and abs(float(box.height) - A6_POINTS[1]) < 1
        flat = squeeze(reader.pages[0].extract_text())
        assert "12356" in flat and "110" in flat and "120" in flat, region
    flat = squeeze(PdfReader(io.BytesIO(_default_pdf(dataset, "北京", layout="card"))).pages[0].extract_text())
    assert flat.count("010-") + flat.count("800-") <= CARD_LOCAL_LINES + 1


def test_card_lines_are_local_and_at_most_three(dataset):
    from hotline_cli import api
    from hotline_cli.export.sheet import card_lines

    result = api.ask(dataset, api.resolve_place(dataset, "北京"), at=datetime(2026, 11, 25, 21, 30, tzinfo=CHINA), order="place", include_older=True)
    view = api.view(result, "zh", order="place", active_only=True)
    chosen = card_lines(view)
    assert len(chosen) == 3
    assert all(line.scope in ("city", "provincial", "institution") and line.numbers for line in chosen)
    assert chosen == [line for line in view.others if line.scope in ("city", "provincial", "institution") and line.numbers][:3]


def test_card_layout_is_only_for_html_and_pdf(invoke):
    result = invoke("export", "-f", "md", "-r", "福建", "--layout", "card", "-o", "-")
    assert result.exit_code == 2
    assert "--layout card is for html and pdf" in result.stderr


def test_card_html(invoke, tmp_path):
    overlay = write_overlay(tmp_path)
    result = invoke(*export_args(overlay, "html", "-", "--layout", "card"))
    assert result.exit_code == 0, result.output
    assert "size: A6" in result.stdout and 'href="tel:12356"' in result.stdout


# ---------------------------------------------------------------- Markdown for chat groups


def _inline_texts(document: str) -> list[str]:
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(document)
    return ["".join(child.content for child in token.children) for token in tokens if token.type == "inline"]


def test_markdown_reads_clean_for_every_province(invoke, dataset):
    for region in dataset.regions:
        result = invoke("export", "-f", "md", "-r", region.code, "--all-hours", "--at", AT, "-o", "-")
        assert result.exit_code == 0, result.output
        document = result.stdout
        # A backslash only where a web address would otherwise turn into a link.
        stray = [m.group() for m in re.finditer(r"\\.", document) if m.group()[1] not in ":.@"]
        assert not stray, (region.name, stray)
        assert "\\(" not in document and "\\[" not in document


def test_markdown_renders_to_the_intended_text(invoke, dataset):
    from hotline_cli import api

    result = invoke("export", "-f", "md", "-r", "福建", "--all-hours", "--all", "--at", AT, "-o", "-")
    rendered = _inline_texts(result.stdout)
    instant = datetime.fromisoformat(AT).replace(tzinfo=CHINA)
    view = api.view(api.ask(dataset, api.resolve_place(dataset, "福建"), at=instant, order="place", include_older=True), "zh", dataset,
                    order="place", active_only=True)
    intended = [line.name for line in view.lines] + [c for line in view.lines for c in line.caveats]
    intended += [n.display for line in view.lines for n in line.numbers] + [line.hours for line in view.lines]
    intended += [channel for line in view.lines for channel in line.channels]
    for text in intended:
        assert any(text in shown for shown in rendered), text
    # A heading's text, exactly as in the data (an old listing: numbered after the current lines).
    assert any(re.fullmatch(r"\d+\. 闽政通APP\(心理援助热线\)", shown) for shown in rendered)


def test_printed_formats_without_at_are_ordered_by_place(invoke):
    result = invoke("export", "-f", "html", "-r", "福建", "-o", "-")
    assert result.exit_code == 0, result.output
    assert "按地区排列" in result.stdout
    cards = "".join(re.findall(r"<article.*?</article>", result.stdout, re.S))
    assert cards and "开放中" not in cards and "未开放" not in cards
