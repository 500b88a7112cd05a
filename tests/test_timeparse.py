"""`--at` and `day --date` in the forms people type, each read against a fixed "now"."""

import json
from datetime import datetime

import pytest

from conftest import CHINA, china
from hotline_cli.timeparse import InstantError, parse_date, parse_instant

# Wednesday 2026-11-25, 21:10 in China.
NOW = china(2026, 11, 25, 21, 10)


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("2026-10-01T21:30", china(2026, 10, 1, 21, 30)),
        ("2026-10-01 21:30", china(2026, 10, 1, 21, 30)),
        ("2026-10-01", china(2026, 10, 1, 0, 0)),
        ("2026-10-01T21:30+08:00", china(2026, 10, 1, 21, 30)),
        ("2026-10-01T21:30-05:00", china(2026, 10, 2, 10, 30)),
        ("2026-10-01T13:30Z", china(2026, 10, 1, 21, 30)),
        ("21:30", china(2026, 11, 25, 21, 30)),
        ("24:00", china(2026, 11, 26, 0, 0)),
        ("9pm", china(2026, 11, 25, 21, 0)),
        ("9:30am", china(2026, 11, 25, 9, 30)),
        ("12am", china(2026, 11, 25, 0, 0)),
        ("晚上9点", china(2026, 11, 25, 21, 0)),
        ("2026/10/01 21:30", china(2026, 10, 1, 21, 30)),
        ("2026/10/01T21:30+08:00", china(2026, 10, 1, 21, 30)),
        ("2026/10/01 21:30 +0800", china(2026, 10, 1, 21, 30)),
        ("2026.10.01", china(2026, 10, 1, 0, 0)),
        ("10-01 21:30", china(2026, 10, 1, 21, 30)),
        ("10/1 9pm", china(2026, 10, 1, 21, 0)),
        ("10月1日 9点半", china(2026, 10, 1, 9, 30)),
        ("2026年10月1日 21:30", china(2026, 10, 1, 21, 30)),
        ("Oct 1 9pm", china(2026, 10, 1, 21, 0)),
        ("1 October 2026 21:30", china(2026, 10, 1, 21, 30)),
        ("今天 23:00", china(2026, 11, 25, 23, 0)),
        ("明天 9:00", china(2026, 11, 26, 9, 0)),
        ("明天9:00", china(2026, 11, 26, 9, 0)),
        ("明天\u30009:00", china(2026, 11, 26, 9, 0)),
        ("明天  9：00", china(2026, 11, 26, 9, 0)),
        ("明天", china(2026, 11, 26, 0, 0)),
        ("后天 晚上9点", china(2026, 11, 27, 21, 0)),
        ("周六 10:00", china(2026, 11, 28, 10, 0)),
        ("星期六 10:00", china(2026, 11, 28, 10, 0)),
        ("礼拜天", china(2026, 11, 29, 0, 0)),
        ("周三 08:00", china(2026, 11, 25, 8, 0)),  # today is Wednesday: today, not next week
        ("周一", china(2026, 11, 30, 0, 0)),
        ("下周六 10:00", china(2026, 12, 5, 10, 0)),
        ("下周一", china(2026, 11, 30, 0, 0)),
        ("下周三", china(2026, 12, 2, 0, 0)),
        ("today 23:00", china(2026, 11, 25, 23, 0)),
        ("tomorrow 09:00", china(2026, 11, 26, 9, 0)),
        ("Tomorrow 9am", china(2026, 11, 26, 9, 0)),
        ("saturday 10:00", china(2026, 11, 28, 10, 0)),
        ("sat", china(2026, 11, 28, 0, 0)),
        ("monday 9am", china(2026, 11, 30, 9, 0)),
        ("mon", china(2026, 11, 30, 0, 0)),
        ("+2h", china(2026, 11, 25, 23, 10)),
        ("+30m", china(2026, 11, 25, 21, 40)),
        ("+1d", china(2026, 11, 26, 21, 10)),
        ("+1h30m", china(2026, 11, 25, 22, 40)),
        ("-15m", china(2026, 11, 25, 20, 55)),
        ("now", NOW),
        ("现在", NOW),
    ],
)
def test_each_typed_form_resolves_against_a_fixed_now(typed, expected):
    assert parse_instant(typed, NOW) == expected


@pytest.mark.parametrize(
    "typed, understood",
    [
        ("01/02/2026", "01/02/2026"),     # which is the month?
        ("2130", "2130"),                 # 21:30, or the year 2130?
        ("明天 9", "9"),                  # 9:00 or 21:00?
        ("next friday", "next friday"),   # this week's or next week's?
        ("21:30 CST", "CST"),             # China, US Central or Cuba?
        ("2026/10/01 21:30 UTC+8", "UTC"),  # POSIX reads UTC+8 as UTC-8
        ("13pm", "13"),
    ],
)
def test_ambiguous_input_is_refused_saying_what_was_understood(typed, understood):
    with pytest.raises(InstantError) as caught:
        parse_instant(typed, NOW)
    message = str(caught.value)
    assert "ambiguous" in message and understood in message and "明天 9:00" in message


@pytest.mark.parametrize("typed", ["yesterday", "周八 10:00", "明天 25:00", "10-01 foo", "2026/02/30", "abc", "+2x", "２１:３０"])
def test_unreadable_input_is_an_error_with_examples(typed):
    with pytest.raises(InstantError) as caught:
        parse_instant(typed, NOW)
    assert "2026-10-01T21:30" in str(caught.value)


def test_understood_part_is_echoed_when_the_rest_is_not():
    with pytest.raises(InstantError) as caught:
        parse_instant("10-01 foo", NOW)
    assert "2026-10-01" in str(caught.value) and "'foo'" in str(caught.value)


@pytest.mark.parametrize("typed, day", [("明天", "2026-11-26"), ("周六", "2026-11-28"), ("下周一", "2026-11-30"),
                                        ("tomorrow", "2026-11-26"), ("10-01", "2026-10-01"), ("2026-10-01", "2026-10-01")])
def test_parse_date(typed, day):
    assert parse_date(typed, NOW).isoformat() == day


@pytest.fixture
def fixed_clock(monkeypatch):
    import hotline_cli.timeparse as timeparse

    monkeypatch.setattr(timeparse, "current_time", lambda: NOW)


@pytest.mark.parametrize("command", ["now", "list"])
@pytest.mark.parametrize("typed, at", [("明天 9:00", "2026-11-26T09:00:00+08:00"), ("+2h", "2026-11-25T23:10:00+08:00"),
                                       ("周六 10:00", "2026-11-28T10:00:00+08:00"), ("9pm", "2026-11-25T21:00:00+08:00")])
def test_the_resolved_instant_is_echoed_in_json_and_in_the_header(invoke, fixed_clock, command, typed, at):
    doc = json.loads(invoke(command, "-r", "福建", "--at", typed, "--json").stdout)
    assert doc["at"] == at
    plain = invoke(command, "-r", "福建", "--at", typed, "--format", "plain")
    assert plain.exit_code == 0
    shown = datetime.fromisoformat(at)
    assert f"时间: {shown:%Y-%m-%d %H:%M} (北京时间)" in plain.stdout


def test_export_takes_a_typed_time(invoke, fixed_clock):
    typed = invoke("export", "-f", "csv", "-r", "福建", "--at", "明天 9:00", "-o", "-")
    iso = invoke("export", "-f", "csv", "-r", "福建", "--at", "2026-11-26T09:00", "-o", "-")
    assert typed.exit_code == 0 and typed.stdout == iso.stdout


@pytest.mark.parametrize("typed, day", [("明天", "2026-11-26"), ("周六", "2026-11-28"), ("tomorrow", "2026-11-26")])
def test_day_takes_a_day_word(invoke, fixed_clock, typed, day):
    doc = json.loads(invoke("day", "-r", "福建", "--date", typed, "--json").stdout)
    assert doc["date"] == day


def test_day_defaults_to_the_fixed_today(invoke, fixed_clock):
    assert json.loads(invoke("day", "-r", "福建", "--json").stdout)["date"] == "2026-11-25"


@pytest.mark.parametrize("typed", ["01/02/2026", "明天 9", "yesterday"])
def test_cli_refuses_ambiguous_or_unreadable_time_with_exit_2(invoke, fixed_clock, typed):
    result = invoke("now", "-r", "福建", "--at", typed)
    assert result.exit_code == 2 and result.stdout == ""
    assert "--at" in result.stderr and "明天 9:00" in result.stderr and "Traceback" not in result.output


def test_out_of_range_years_keep_their_message():
    with pytest.raises(InstantError, match=r"out of range \(years 1900-9997\)"):
        parse_instant("9999-12-31T23:59", NOW)
    with pytest.raises(InstantError, match="out of range"):
        parse_instant("+9000000d", NOW)


def test_relative_forms_count_from_the_real_clock_by_default():
    from datetime import timedelta

    before = datetime.now(CHINA)
    later = parse_instant("+2h")
    assert timedelta(hours=2) <= later - before < timedelta(hours=2, minutes=1)
