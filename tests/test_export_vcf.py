"""vCard export, read back with vobject as a contacts app would."""

import pytest
import vobject

from test_export_fixtures import FORMULA_OPERATOR, HOSTILE, SCRIPT_NAME, TRICKY_CAVEAT, export_args, write_overlay


@pytest.fixture
def exported(invoke, tmp_path):
    overlay = write_overlay(tmp_path)
    target = tmp_path / "hotlines.vcf"
    result = invoke(*export_args(overlay, "vcf", target))
    assert result.exit_code == 0, result.output
    return target.read_bytes()


def cards(raw: bytes):
    return list(vobject.readComponents(raw.decode("utf-8")))


def by_uid(raw: bytes, record_id: str):
    return next(card for card in cards(raw) if card.uid.value == f"hotline-cli:{record_id}")


def test_every_card_parses_and_is_version_3(exported):
    parsed = cards(exported)
    assert len(parsed) >= 3
    for card in parsed:
        assert card.version.value == "3.0"
        assert card.fn.value and card.contents.get("tel")


def test_hostile_card_reads_back_exactly(exported):
    card = by_uid(exported, HOSTILE["id"])
    assert card.fn.value == SCRIPT_NAME
    assert card.org.value == [FORMULA_OPERATOR]
    note = card.note.value
    assert TRICKY_CAVEAT in note  # ; , and \ survive the escaping
    assert "全天24小时" in note and "接通后按 2" in note
    assert "号码可能变更，拨打前请核实；如遇生命危险请拨打 120/110" in note
    assert card.url.value == "https://example.org/list?a=1&b=<x>"


def test_numbers_with_types_and_dial_form(exported):
    card = by_uid(exported, HOSTILE["id"])
    tels = {tel.value: sorted(t.upper() for t in tel.params["TYPE"]) for tel in card.contents["tel"]}
    assert tels == {"+86-592-539-5159": ["VOICE", "WORK"], "+86-138-0592-0000": ["CELL", "VOICE"]}


def test_12356_card_comes_first_with_both_dial_forms(exported):
    first = cards(exported)[0]
    assert first.uid.value.startswith("hotline-cli:12356")
    assert [tel.value for tel in first.contents["tel"]] == ["12356", "059212356"]


def test_crlf_and_folding_at_75_octets_without_splitting_characters(exported):
    assert exported.endswith(b"\r\n")
    physical = exported.split(b"\r\n")[:-1]
    assert b"\n" not in b"".join(physical)
    assert max(len(line) for line in physical) <= 75
    assert any(line.startswith(b" ") for line in physical)  # the long name and notes were folded
    for line in physical:
        line.decode("utf-8")  # a fold never cuts a multi-byte character


def test_fold_and_escape_rules():
    from hotline_cli.export.to_vcard import escape, fold

    assert escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    folded = fold("NOTE:" + "心" * 40)
    pieces = folded.split("\r\n")
    assert all(len(piece.encode("utf-8")) <= 75 for piece in pieces)
    assert "".join(piece[1:] if i else piece for i, piece in enumerate(pieces)) == "NOTE:" + "心" * 40
    assert fold("SHORT:1") == "SHORT:1"
