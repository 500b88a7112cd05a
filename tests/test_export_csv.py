"""CSV export, read back with the csv module as a spreadsheet would see it."""

import csv
import io

import pytest

from helpers import FORMULA_OPERATOR, HOSTILE, SCRIPT_NAME, export_args, write_hostile_overlay as write_overlay


@pytest.fixture
def exported(invoke, tmp_path):
    overlay = write_overlay(tmp_path)
    target = tmp_path / "list.csv"
    result = invoke(*export_args(overlay, "csv", target))
    assert result.exit_code == 0, result.output
    return target.read_bytes()


def rows(raw: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_utf8_with_bom_and_crlf(exported):
    assert exported.startswith(b"\xef\xbb\xbf")
    assert exported.decode("utf-8-sig").count("\r\n") == len(rows(exported)) + 1


def test_one_row_per_working_number(exported):
    table = rows(exported)
    hostile = [row for row in table if row["编号"] == HOSTILE["id"]]
    assert [row["号码"] for row in hostile] == ["0592 539 5159", "138 0592 0000"]
    assert [row["拨号"] for row in hostile] == ["05925395159", "13805920000"]
    assert hostile[0]["热线"] == SCRIPT_NAME
    assert hostile[0]["拨打说明"] == "座机拨打；接通后按 2"
    primary = [row for row in table if row["类别"] == "12356"]
    assert [row["号码"] for row in primary] == ["12356", "0592-12356"]


def test_emergency_rows_first_then_12356(exported):
    table = rows(exported)
    categories = [row["类别"] for row in table]
    assert categories[:3] == ["紧急", "紧急", "紧急"]
    assert {row["号码"] for row in table[:3]} >= {"110", "120"}
    assert categories[3] == "12356"


def test_formula_cells_are_defused(exported):
    table = rows(exported)
    hostile = next(row for row in table if row["编号"] == HOSTILE["id"])
    assert hostile["依托机构"] == "'" + FORMULA_OPERATOR
    assert hostile["单次通话时长"] == "'-1"
    assert hostile["说明"] == "'@转人工"
    for row in table:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


def test_defuse_rules():
    from hotline_cli.export.to_csv import defuse

    assert defuse("=1+2") == "'=1+2"
    assert defuse("\t=1") == "'\t=1"
    assert defuse("\r@x") == "'\r@x"
    assert defuse("12356") == "12356"
    assert defuse("a=b") == "a=b"
    assert defuse("") == ""


def test_english_headings(invoke, tmp_path):
    overlay = write_overlay(tmp_path)
    result = invoke(*export_args(overlay, "csv", "-", "--lang", "en"))
    assert result.exit_code == 0, result.output
    header = next(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert header[:4] == ["No.", "Category", "Hotline", "Number"]
