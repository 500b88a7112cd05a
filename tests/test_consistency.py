"""Every output says the same thing the same way: the footer and the place name are identical
in `now` (plain, table, JSON), `day` (chart, JSON, SVG), `show` (text, JSON) and every export format,
in Chinese and in English, and the footer names the region's own emergency numbers."""

import csv
import io
import json
import re

import pytest

AT = "2026-11-24T23:30"
DAY = "2026-11-24"

# region typed, a record of that place for `show`, then per language: (place name, footer)
CASES = {
    "厦门": ("12356-fujian-xiamen", {
        "zh": ("福建省厦门市", "如遇生命危险，请立即拨打 120 或 110。号码可能变更，拨打前请核实。"),
        "en": ("Xiamen, Fujian", "If a life is in danger, call 120 or 110 now. Numbers change; check before relying on one."),
    }),
    "香港": ("xianggang-samaritans", {
        "zh": ("香港特别行政区", "如遇生命危险，请立即拨打 999。号码可能变更，拨打前请核实。"),
        "en": ("Hong Kong", "If a life is in danger, call 999 now. Numbers change; check before relying on one."),
    }),
    "台湾": ("taiwan-zhanglaoshi-1980", {
        "zh": ("台湾省", "如遇生命危险，请立即拨打 119 或 110。号码可能变更，拨打前请核实。"),
        "en": ("Taiwan", "If a life is in danger, call 119 or 110 now. Numbers change; check before relying on one."),
    }),
}


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _ok(result):
    assert result.exit_code == 0, result.output
    return result.stdout


def _svg_texts(dataset, region, lang):
    import xml.etree.ElementTree as ET
    from datetime import date

    from hotline_cli import api
    from hotline_cli.render.day_svg import render_svg

    timeline = api.day(dataset, date.fromisoformat(DAY), api.resolve_place(dataset, region))
    root = ET.fromstring(render_svg(api.day_view(timeline, lang)))
    return "\n".join("".join(element.itertext()) for element in root.iter("{http://www.w3.org/2000/svg}text"))


def _vcard_notes(text):
    unfolded = re.sub(r"\r\n ", "", text)
    notes = [line[len("NOTE:"):] for line in unfolded.split("\r\n") if line.startswith("NOTE:")]
    return [note.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\") for note in notes]


def outputs(invoke, dataset, region, record_id, lang):
    """(name, text that must show the place, text that must show the footer) for every output."""
    common = ("--region", region, "--lang", lang)
    found = []
    plain = _ok(invoke("now", *common, "--at", AT, "--format", "plain"))
    found.append(("now plain", plain, plain))
    table = _ok(invoke("now", *common, "--at", AT, "--format", "table"))
    found.append(("now table", re.sub(r"\s+", " ", table), re.sub(r"\s+", " ", table)))
    now_json = json.loads(_ok(invoke("now", *common, "--at", AT, "--json")))
    found.append(("now json", now_json["place"], now_json["footer"]))
    listing = _ok(invoke("list", *common, "--at", AT, "--format", "plain"))
    found.append(("list plain", listing, listing))
    chart = _ok(invoke("day", *common, "--date", DAY))
    found.append(("day chart", chart, chart))
    day_json = json.loads(_ok(invoke("day", *common, "--date", DAY, "--json")))
    found.append(("day json", day_json["place"], day_json["footer"]))
    svg = _svg_texts(dataset, region, lang)
    found.append(("day svg", svg, svg))
    shown = _ok(invoke("show", record_id, "--lang", lang))
    found.append(("show", shown, shown))
    shown_json = json.loads(_ok(invoke("show", record_id, "--lang", lang, "--json")))["hotlines"][0]
    found.append(("show json", shown_json["place"], shown_json["footer"]))
    for fmt in ("html", "md"):
        text = _ok(invoke("export", "--format", fmt, *common, "--at", AT, "-o", "-"))
        text = text.replace("\\", "") if fmt == "md" else text  # Markdown escapes brackets
        found.append((f"export {fmt}", text, text))
    exported = _ok(invoke("export", "--format", "csv", *common, "--at", AT, "-o", "-")).lstrip("\ufeff")
    cells = "\n".join(cell for row in csv.reader(io.StringIO(exported)) for cell in row)
    found.append(("export csv", None, cells))
    cards = invoke("export", "--format", "vcf", *common, "--at", AT, "-o", "-")
    _ok(cards)
    notes = _vcard_notes(cards.stdout_bytes.decode("utf-8"))
    assert notes
    found.extend((f"export vcf card {index}", None, note) for index, note in enumerate(notes))
    return found


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("region", list(CASES))
def test_footer_and_place_name_are_the_same_in_every_output(invoke, dataset, region, lang):
    record_id, expected = CASES[region]
    place, footer = expected[lang]
    for name, place_text, footer_text in outputs(invoke, dataset, region, record_id, lang):
        if "json" in name:
            # Machine-read documents carry the very same strings.
            assert (place_text, footer_text) == (place, footer), name
            continue
        # Screens and pages may wrap a sentence at their width; the words stay the same.
        if place_text is not None:
            assert squeeze(place) in squeeze(place_text), f"{name}: place name"
        assert squeeze(footer) in squeeze(footer_text), f"{name}: footer"


def test_the_printed_pdf_carries_the_same_footer_and_place(invoke, tmp_path):
    from pypdf import PdfReader

    for lang in ("zh", "en"):
        place, footer = CASES["厦门"][1][lang]
        target = tmp_path / f"list-{lang}.pdf"
        result = invoke("export", "--format", "pdf", "--region", "厦门", "--lang", lang, "--at", AT, "-o", target)
        assert result.exit_code == 0, result.output
        text = re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(target).pages))
        assert re.sub(r"\s+", "", place) in text and re.sub(r"\s+", "", footer) in text
