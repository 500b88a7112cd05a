"""The hours grammar: what parses, what it is written as, and how errors point."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hotline_cli.schedule import DayItem, Hours, HoursSyntaxError, TimeSpan, parse_hours

# Raw texts from the source survey and their encodings (docs/hours.md shows the same table).
SURVEY = [
    ("24小时", "24/7"),
    ("9:00-17:00 (工作日)", "WD 09:00-17:00"),
    ("8:30-11:30 14:00-17:00 18:00-21:00", "08:30-11:30,14:00-17:00,18:00-21:00"),
    ("8:30-11:30 13:00-16:30 (工作日)", "WD 08:30-11:30,13:00-16:30"),
    ("9:00-24:00", "09:00-24:00"),
    ("18:00-24:00", "18:00-24:00"),
    ("周一至周六 9:00-17:00", "Mo-Sa 09:00-17:00"),
    ("周一至周五 9:00-20:00", "Mo-Fr 09:00-20:00"),
    ("08:00 to 02:00 next day", "08:00-02:00"),
    ("400-650 6208 (9:00-18:00)", "09:00-18:00"),
    ("400-100 9595 (6:00-24:00)", "06:00-24:00"),
    ("13:00-22:00 (所有群众)", "13:00-22:00"),
    ("16:00-22:00 (医务人员专线)", "16:00-22:00"),
]


@pytest.mark.parametrize(("published", "encoded"), SURVEY)
def test_survey_encodings_are_canonical(published, encoded):
    hours = parse_hours(encoded)
    assert hours.canonical == encoded
    assert hours.warnings == ()


def test_structure_of_a_workday_rule():
    hours = parse_hours("WD 08:30-11:30,13:00-16:30")
    (rule,) = hours.rules
    assert rule.days == (DayItem("WD"),)
    assert rule.times == (TimeSpan(510, 690), TimeSpan(780, 990))
    assert rule.state == "open"
    assert hours.uses_calendar


def test_weekday_rule_does_not_use_the_calendar():
    assert not parse_hours("Mo-Fr 09:00-20:00").uses_calendar


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("22:00-26:00", "22:00-02:00"),  # OSM's extended form means the same
        ("08:00-26:00", "08:00-02:00"),
        ("00:00-00:00", "00:00-24:00"),
        ("12:00-12:00", "12:00-12:00"),
        ("Tu 23:59-48:00", "Tu 23:59-48:00"),
        ("00:00-25:00", "00:00-25:00"),
        ("mo-FR 9:00-17:00 OFF", "Mo-Fr 09:00-17:00 off"),
        ("  Mo - Fr   09 : 00 - 17 : 00  ", "Mo-Fr 09:00-17:00"),
        ("Mo-Fr\t09:00-12:00 ,14:00-17:00", "Mo-Fr 09:00-12:00,14:00-17:00"),
        ("Mo,We,Fr 10:00-12:00", "Mo,We,Fr 10:00-12:00"),
        ("Fr-Mo 10:00-12:00", "Fr-Mo 10:00-12:00"),
        ("Mo-Fr open", "Mo-Fr"),
        ("open", "open"),
        ("closed", "off"),
        ("unknown", "unknown"),
        ("PH off", "PH off"),
        ("Sa,PH 12:00-17:00", "Sa,PH 12:00-17:00"),
        ("RD 10:00-16:00", "RD 10:00-16:00"),
        ("24/7; PH 10:00-16:00", "24/7; PH 10:00-16:00"),
        ("Mo-Fr 10:00-16:00, We 12:00-18:00", "Mo-Fr 10:00-16:00, We 12:00-18:00"),
        ('Sa 10:00-12:00 unknown "call first; really"', 'Sa 10:00-12:00 unknown "call first; really"'),
        ('24/7 open "always"', '24/7 open "always"'),
        ("Mo-Fr 09:00-17:00; 12:00-13:00 off", "Mo-Fr 09:00-17:00; 12:00-13:00 off"),
    ],
)
def test_canonical_form(text, canonical):
    hours = parse_hours(text)
    assert hours.canonical == canonical
    assert str(hours) == canonical
    assert parse_hours(canonical).rules == hours.rules


def test_additional_and_normal_rules_are_marked():
    hours = parse_hours("Mo off, Tu 14:00-18:00; We-Sa 10:00-18:00")
    assert [r.additional for r in hours.rules] == [False, True, False]


def test_error_message_format_matches_the_contract():
    with pytest.raises(HoursSyntaxError) as caught:
        parse_hours("Mo-Fr 9x:00")
    error = caught.value
    assert str(error) == "expected a time like 09:00 at position 6: 'Mo-Fr 9x:00'"
    assert (error.text, error.position, error.expected) == ("Mo-Fr 9x:00", 6, "a time like 09:00")
    assert isinstance(error, ValueError)


@pytest.mark.parametrize(
    ("text", "position", "fragment"),
    [
        ("", 0, "a rule"),
        ("   ", 3, "a rule"),
        ("Mo-Fr 09:00", 11, "'-' and an end time"),
        ("Mo-Fr 09:00-1700", 12, "a time like 09:00"),
        ("Mo-Fr 09:00-17:60", 15, "minutes from 00 to 59"),
        ("24:00-26:00", 0, "a start time from 00:00 to 23:59"),
        ("23:00-49:00", 6, "no later than 48:00"),
        ("Mo-Xy 09:00-17:00", 3, "a weekday like Fr"),
        ("Mon 09:00-17:00", 0, "a weekday"),
        ("SH off", 0, "a weekday"),
        ("Jan 10:00-12:00", 0, "a weekday"),
        ("Mo-Fr 09:00-12:00 14:00-17:00", 18, "',' between time ranges"),
        ("Mo-Fr 09:00-17:00;", 18, "after ';'"),
        ("Mo-Fr 09:00-17:00,", 18, "after ','"),
        ("Mo-Fr 09:00-17:00 || unknown", 18, "'||' are not supported"),
        ("Mo: 09:00-17:00", 2, "',' and another day"),
        ("10:00-12:00 \"appointment\"", 12, "open, closed, off or unknown before the comment"),
        ("Mo 10:00-12:00; 14:00-16:00", 16, "a day selector"),
        ("Mo-Fr 09:00-17:00; unknown", 19, "a day selector"),
        ("PH-Su 10:00-12:00", 2, "cannot start a range"),
        ("Mo,,Tu", 3, "a weekday"),
        ("24/7, Mo off", 4, "open, closed, off or unknown"),
        ("Mo-Fr 09:00-17:00 \"x", 18, "a closing"),
        ("Mo-Fr 09.00-17.00", 8, "letters, digits"),
        ("Mo–Fr 09:00-17:00", 2, "letters, digits"),
        ("09:00-17:00 open open", 17, "a quoted comment"),
    ],
)
def test_errors_point_at_the_problem(text, position, fragment):
    with pytest.raises(HoursSyntaxError) as caught:
        parse_hours(text)
    assert caught.value.position == position
    assert fragment in caught.value.expected
    assert str(caught.value).endswith(f"at position {position}: {text!r}")


def test_off_rules_without_days_may_follow():
    # Painting a closed window over earlier rules means the same in every OSM tool.
    assert parse_hours("Mo-Fr 09:00-17:00; 12:00-13:00 off").rules[1].state == "closed"


def test_error_survives_pickling():
    try:
        parse_hours("Mo-Fr 9x:00")
    except HoursSyntaxError as error:
        copy = pickle.loads(pickle.dumps(error))
        assert (copy.text, copy.position, copy.expected, str(copy)) == (
            error.text,
            error.position,
            error.expected,
            str(error),
        )


def test_parsing_is_cached():
    assert parse_hours("Mo-Fr 09:00-17:00") is parse_hours("Mo-Fr 09:00-17:00")


def test_non_string_is_a_type_error():
    with pytest.raises(TypeError):
        parse_hours(None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "cut_on"),
    [
        ("Mo 22:00-02:00; Tu off", "Tu"),
        ("Fr 20:00-02:00, Sa off", "Sa"),
        ("Mo-Fr 20:00-02:00; Sa 10:00-12:00", "Sa"),
        ("WD 20:00-02:00; PH off", "Mo,Tu,We,Th,Fr,Sa,Su"),
        ("22:00-02:00; 00:00-01:00 off", "Mo,Tu,We,Th,Fr,Sa,Su"),
    ],
)
def test_warns_when_a_later_rule_cuts_a_window_after_midnight(text, cut_on):
    (warning,) = parse_hours(text).warnings
    assert f"after midnight on {cut_on};" in warning


@pytest.mark.parametrize(
    "text",
    [
        "Sa 10:00-12:00; Mo-Fr 20:00-02:00",  # the later window is not cut
        "Mo-Fr 20:00-02:00; Su 10:00-12:00",  # Saturday is untouched
        "Mo-Fr 20:00-02:00; Sa 03:00-04:00 off",  # off after the window ends
        "08:00-02:00",
    ],
)
def test_no_warning_when_nothing_is_cut(text):
    assert parse_hours(text).warnings == ()


def test_hours_objects_are_immutable_and_comparable():
    a = parse_hours("WD 09:00-17:00")
    assert isinstance(a, Hours)
    with pytest.raises(AttributeError):
        a.text = "x"  # type: ignore[misc]
    assert a == Hours(a.text, a.rules, a.warnings)


ALPHABET = "MoTuWeThFrSaSuPHWDRDoffopenclosedunknown0123456789:-,;/\"| \t24.x周一"


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(), st.text(alphabet=ALPHABET, max_size=40)))
def test_parse_raises_only_hours_syntax_error(text):
    try:
        hours = parse_hours(text)
    except HoursSyntaxError as error:
        assert 0 <= error.position <= len(text)
        assert error.text == text
    else:
        assert parse_hours(hours.canonical).rules == hours.rules


DOCS = (Path(__file__).resolve().parents[1] / "docs" / "hours.md").read_text(encoding="utf-8")


def _table_cells(start: str, stop: str, column: int) -> list[str]:
    section = DOCS.split(start, 1)[1].split(stop, 1)[0]
    cells = []
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    for line in rows[2:]:  # after the header and its separator
        columns = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        cells += re.findall(r"`([^`]+)`", columns[column])
    return cells


def test_documented_encodings_parse_to_themselves():
    encoded = _table_cells("## From published text", "A line whose numbers", 1)
    assert len(encoded) >= 12
    for text in encoded:
        assert parse_hours(text).canonical == text


def test_documented_refusals_are_refused():
    refused = _table_cells("### Refused on purpose", "Errors are", 0)
    assert len(refused) >= 8
    for text in refused:
        with pytest.raises(HoursSyntaxError):
            parse_hours(text.replace("\\|", "|"))
