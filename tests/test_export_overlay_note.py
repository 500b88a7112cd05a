"""A printed or shared list says when the user's own data files changed it, in the words `now` uses.

Each export format with room for a note names the overlay file; a list from the bundled data names none.
"""

import io
import re

import pytest

from helpers import GOOD, overlay

AT = "2026-11-24T10:00"
WORDS = {"zh": "本次结果含自定义数据文件：{path}", "en": "This answer uses your own data files: {path}"}


def _export(invoke, fmt, target, *extra):
    result = invoke("export", "-f", fmt, "-r", "厦门", "--at", AT, "-o", target, *extra)
    assert result.exit_code == 0, result.output
    return target.read_bytes()


def _text(fmt, data: bytes) -> str:
    if fmt == "pdf":
        from pypdf import PdfReader

        return re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))
    text = data.decode("utf-8-sig")
    if fmt == "md":
        return text.replace("\\", "")  # the path's dots are escaped so no autolinker takes them as a domain
    return text.replace("\r\n ", "") if fmt == "vcf" else text  # vCard lines are folded


CASES = [("md", ()), ("csv", ()), ("vcf", ()), ("html", ()), ("html", ("--layout", "card")), ("pdf", ())]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("fmt, extra", CASES)
def test_each_format_names_the_overlay_file(invoke, tmp_path, fmt, extra, lang):
    if fmt == "pdf" and lang == "en":
        pytest.skip("one PDF is enough: laying out a CJK PDF takes seconds")
    path = overlay(tmp_path, GOOD)
    note = WORDS[lang].format(path=path)
    shown = _text(fmt, _export(invoke, fmt, tmp_path / f"list.{fmt}", "--data", path, "--lang", lang, *extra))
    if fmt == "pdf":
        note = re.sub(r"\s+", "", note)
    assert note in shown
    bundled = _text(fmt, _export(invoke, fmt, tmp_path / f"bundled.{fmt}", "--lang", lang, *extra))
    assert WORDS[lang].split("{")[0].strip() not in bundled


def test_csv_says_it_in_a_note_row(invoke, tmp_path):
    import csv

    path = overlay(tmp_path, GOOD)
    rows = list(csv.reader(io.StringIO(_export(invoke, "csv", tmp_path / "l.csv", "--data", path).decode("utf-8-sig"))))
    notes = [row for row in rows if row[1] == "说明"]
    assert [row[2] for row in notes][0] == WORDS["zh"].format(path=path)
    assert all(len(row) == len(rows[0]) for row in rows)


def test_vcard_says_it_only_on_the_card_of_the_overlay_line(invoke, tmp_path):
    path = overlay(tmp_path, GOOD)
    cards = _text("vcf", _export(invoke, "vcf", tmp_path / "l.vcf", "--data", path)).split("END:VCARD")
    marked = [card for card in cards if WORDS["zh"].format(path=path) in card]
    assert len(marked) == 1 and f"UID:hotline-cli:{GOOD['id']}" in marked[0]


def test_a_file_whose_lines_the_list_leaves_out_is_not_named(invoke, tmp_path):
    ended = dict(GOOD, validity={"status": "ended", "since": "2025-01-01", "reason": "测试用：已停止服务"})
    path = overlay(tmp_path, ended)
    assert invoke("check", "--data", path).exit_code == 0
    shown = _text("md", _export(invoke, "md", tmp_path / "l.md", "--data", path))
    assert "自定义数据文件" not in shown
