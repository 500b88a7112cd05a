"""PDF export through WeasyPrint, read back with pypdf (text, page size, embedded fonts)."""

import io
import re

import pytest

from pypdf import PdfReader

from helpers import SCRIPT_NAME, export_args, write_hostile_overlay as write_overlay

A4_POINTS = (595.28, 841.89)


def _render(folder, name):
    from typer.testing import CliRunner

    from hotline_cli.cli import app

    overlay = write_overlay(folder)
    target = folder / name
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HOTLINE_USER_DATA", str(folder / "no-user-data"))
        result = CliRunner().invoke(app, [str(a) for a in export_args(overlay, "pdf", target)])
    assert result.exit_code == 0, result.output
    return target.read_bytes()


@pytest.fixture(scope="module")
def pdf_folder(tmp_path_factory):
    return tmp_path_factory.mktemp("pdf")


@pytest.fixture(scope="module")
def pdf(pdf_folder):
    # One rendering for the whole module: laying out a CJK PDF takes seconds.
    return _render(pdf_folder, "list.pdf")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_is_a_pdf_on_a4_pages(pdf):
    assert pdf.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 1
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - A4_POINTS[0]) < 1 and abs(height - A4_POINTS[1]) < 1


def test_names_and_numbers_can_be_read_back(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    text = squeeze("".join(page.extract_text() for page in reader.pages))
    for expected in ("110", "120", "12356", "0592-12356", "05925395159", "13805920000", "厦门市12356心理援助热线",
                     "全天24小时", "工作日9:00–17:00"):
        assert squeeze(expected) in text, expected
    assert squeeze(SCRIPT_NAME)[:40] in text  # the hostile name, as printed characters
    assert "已经停用的测试热线" not in text


def test_every_page_carries_the_warning_footer(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        assert squeeze("如遇生命危险，请立即拨打 120 或 110。号码可能变更，拨打前请核实。") in squeeze(page.extract_text())


def test_chinese_is_set_in_an_embedded_cjk_font(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    # The @font-face family that points at the bundled Noto Sans SC file; without it Chinese prints as boxes.
    assert any(name.endswith("+Hotline-CJK") for name in fonts), fonts


def test_same_arguments_give_identical_pdf_bytes(pdf, pdf_folder):
    # The same overlay file too: the list names it.
    assert _render(pdf_folder, "again.pdf") == pdf


def test_links_dial_the_numbers(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    uris = set()
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action and "/URI" in action:
                uris.add(str(action["/URI"]))
    assert "tel:+86-592-539-5159" in uris and "tel:+86-138-0592-0000" in uris
