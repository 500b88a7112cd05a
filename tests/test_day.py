"""`hotline day`: the pure timeline core against the hours engine and the ranking, and the CLI."""

import json
from datetime import date, datetime, timedelta

import pytest
from rich.cells import cell_len

from conftest import CHINA, china
from helpers import write_overlay

WEEKDAY = date(2026, 11, 24)  # a Tuesday, no holiday near
NATIONAL_DAY = date(2026, 10, 1)
MAKEUP_SATURDAY = date(2026, 10, 10)  # worked to make up for the National Day week
PLAIN_SUNDAY = date(2026, 10, 11)
DAYS = [WEEKDAY, NATIONAL_DAY, MAKEUP_SATURDAY, PLAIN_SUNDAY]


def place(dataset, text):
    from hotline_cli.regions import resolve

    return None if text is None else resolve(text, dataset.regions)


def build(dataset, region, day, audience=None, now=None):
    from hotline_cli.audiences import resolve
    from hotline_cli.day import timeline

    who = resolve(audience) if audience else None
    # Old listings included: these tests follow the hours of every line, whatever its age.
    return timeline(dataset, day, place(dataset, region), who, now, include_older=True)


def line_of(result, record_id):
    found = [line for line in result.lines if line.record.id == record_id]
    assert found, f"{record_id} not in the timeline"
    return found[0]


def state_in(spans_open, spans_unknown, instant):
    if any(span.start <= instant < span.end for span in spans_open):
        return "open"
    if any(span.start <= instant < span.end for span in spans_unknown):
        return "unknown"
    return "closed"


def sample_instants(result):
    """Every quarter hour, plus each edge of every interval and the minute before it."""
    moments = {result.start + timedelta(minutes=15 * i) for i in range(96)}
    for line in result.lines:
        for span in (*line.open, *line.unknown):
            for edge in (span.start, span.end):
                for moment in (edge, edge - timedelta(minutes=1)):
                    if result.start <= moment < result.end:
                        moments.add(moment)
    for gap in result.uncovered:
        moments.update({gap.start, gap.end - timedelta(minutes=1)})
    return sorted(moments)


# --------------------------------------------------------------------------- calendar facts the tests rely on


def test_the_chosen_dates_are_what_the_official_calendar_says():
    from hotline_cli.schedule import day_kind

    assert day_kind(WEEKDAY).is_workday and not day_kind(WEEKDAY).is_holiday
    national = day_kind(NATIONAL_DAY)
    assert national.is_holiday and national.holiday_name == "National Day" and national.verified
    makeup = day_kind(MAKEUP_SATURDAY)
    assert MAKEUP_SATURDAY.weekday() == 5 and makeup.is_makeup_workday and makeup.is_workday
    assert not day_kind(PLAIN_SUNDAY).is_workday and not day_kind(PLAIN_SUNDAY).is_holiday


# --------------------------------------------------------------------------- intervals against the engine


@pytest.mark.parametrize("day, expect_open", [(WEEKDAY, True), (NATIONAL_DAY, False), (MAKEUP_SATURDAY, True), (PLAIN_SUNDAY, False)])
def test_workday_only_line_follows_holidays_and_makeup_days(dataset, day, expect_open):
    from hotline_cli.schedule import day_intervals

    record = dataset.by_id["liaoning-psych-counselors-assoc"].record
    assert record.hours == "WD 09:00-17:00"
    line = line_of(build(dataset, "辽宁", day), record.id)
    assert line.open == day_intervals(record.hours, day, record.time_zone).open
    if expect_open:
        assert [(s.start, s.end) for s in line.open] == [(china(day.year, day.month, day.day, 9, 0), china(day.year, day.month, day.day, 17, 0))]
    else:
        assert line.open == ()
    assert line.status_known and line.calendar_verified


def test_hours_past_midnight_show_on_both_sides_of_the_day(dataset):
    # Jinzhong's 12356 centre answers 08:00-02:00: the small hours belong to the evening before.
    result = build(dataset, "晋中", WEEKDAY)
    first = result.lines[0]
    assert first.record.id == "12356-shanxi-jinzhong" and first.is_12356
    assert [(s.start.time().isoformat(), s.end) for s in first.open] == [
        ("00:00:00", china(2026, 11, 24, 2, 0)),
        ("08:00:00", result.end),
    ]


def _offered_anyway(dataset, record_id):
    """The dataset with one pandemic-era record's pandemic wording removed, so that it is offered again."""
    from hotline_cli.dataset import Dataset
    from hotline_cli.query import held_back
    from hotline_cli.value import replace

    entries = []
    for entry in dataset.entries:
        if entry.record.id == record_id:
            record = entry.record
            numbers = [n.model_copy(update={"hours_published": None}) for n in record.numbers]
            record = record.model_copy(update={"hours_published": None, "audience_published": None, "caveats": [],
                                               "numbers": numbers})
            assert held_back(record) is None
            entry = replace(entry, record=record)
        entries.append(entry)
    return Dataset(meta=dataset.meta, regions=dataset.regions, entries=entries)


def test_ended_numbers_do_not_count_and_weekday_numbers_close_at_weekends(dataset):
    # Hongfeng's 09:00-21:00 number has ended; the others answer Mo-Fr 09:00-20:00. (The line itself
    # is a pandemic-era one, held back as such; its wording is removed here to test the hours alone.)
    dataset = _offered_anyway(dataset, "beijing-hongfeng")
    weekday = line_of(build(dataset, "北京", WEEKDAY), "beijing-hongfeng")
    assert [(s.start.hour, s.end.hour) for s in weekday.open] == [(9, 20)]
    assert line_of(build(dataset, "北京", PLAIN_SUNDAY), "beijing-hongfeng").open == ()


def test_unknown_hours_are_marked_unknown_never_open(dataset):
    result = build(dataset, "台湾", NATIONAL_DAY)
    unknown = [line for line in result.lines if line.record.hours is None]
    assert unknown, "Taiwan has a line whose hours no source gives (1980)"
    for line in unknown:
        assert line.open == () and not line.status_known
        assert [(s.start, s.end) for s in line.unknown] == [(result.start, result.end)]


def test_a_line_valid_until_a_date_has_no_hours_after_it(dataset):
    # Valid until 2020-05-31 (its published term): open that day, gone the next.
    last_day = build(dataset, "北京", date(2020, 5, 31))
    assert [(s.start.hour, s.end.hour) for s in line_of(last_day, "beijing-chenzhonggeng").open] == [(13, 22)]
    day_after = build(dataset, "北京", date(2020, 6, 1))
    assert all(line.open == () for line in day_after.lines if line.record.id == "beijing-chenzhonggeng")


def test_ended_line_in_an_overlay_has_no_hours(tmp_path, dataset):
    from hotline_cli.dataset import load

    overlay = overlay_file(tmp_path, [
        record_like(dataset, "beijing-crisis-center", validity={"status": "ended", "since": "2026-01-01", "reason": "停止服务"}),
    ])
    result = build(load([overlay]), "福建", WEEKDAY)
    assert all(line.record.id != "beijing-crisis-center" or line.open == () for line in result.lines)


PLACES = [("福建", None), ("北京", None), ("北京", "医务人员"), ("晋中", None), ("辽宁", None), ("江西", None), ("香港", None), (None, None)]


@pytest.mark.parametrize("region, audience", PLACES)
@pytest.mark.parametrize("day", DAYS)
def test_timeline_agrees_with_the_ranking_at_every_sampled_instant(dataset, region, audience, day):
    """Whatever `hotline now` says at an instant of the day, the timeline says too, line by line."""
    from hotline_cli.audiences import resolve
    from hotline_cli.query import Group, answer, evaluate_line

    result = build(dataset, region, day, audience)
    who = resolve(audience) if audience else None
    ranked = answer(dataset, result.start, place(dataset, region), who, include_older=True)
    assert [line.record.id for line in result.lines] == [line.record.id for line in ranked.lines]
    for instant in sample_instants(result):
        for line in result.lines:
            expected = evaluate_line(dataset.by_id[line.record.id], instant, who, Group.open_here).status
            assert state_in(line.open, line.unknown, instant) == expected, (line.record.id, instant)


def test_12356_comes_first(dataset):
    for region in ("福建", "厦门", "江西", None):
        for day in (WEEKDAY, NATIONAL_DAY):
            first = build(dataset, region, day).lines[0]
            assert first.is_12356 and first.record.is_12356
    # Outside the mainland 12356 cannot be dialled: the local lines lead, 12356 follows.
    last = build(dataset, "香港", WEEKDAY).lines[-1]
    assert last.is_12356 and last.record.id == "12356"


# --------------------------------------------------------------------------- uncovered hours


def check_uncovered(dataset, result, region, audience=None):
    """A gap exactly where no line but 12356 is open (asked of the ranking), with 12356's own state."""
    from hotline_cli.audiences import resolve
    from hotline_cli.query import Group, evaluate_line

    who = resolve(audience) if audience else None
    for instant in sample_instants(result):
        states = {line.record.id: evaluate_line(dataset.by_id[line.record.id], instant, who, Group.open_here).status
                  for line in result.lines}
        others_open = any(states[line.record.id] == "open" for line in result.lines if not line.is_12356)
        gaps = [gap for gap in result.uncovered if gap.start <= instant < gap.end]
        assert bool(gaps) == (not others_open), instant
        if gaps:
            primary = result.lines[0]
            assert gaps[0].primary == states[primary.record.id], instant
            assert gaps[0].emergency_only == (states[primary.record.id] != "open")


def test_uncovered_is_the_complement_of_coverage_by_other_lines(dataset):
    from hotline_cli.day import complement

    for region in ("福建", "江西", "香港", "广西"):
        for day in (WEEKDAY, NATIONAL_DAY):
            result = build(dataset, region, day)
            check_uncovered(dataset, result, region)
            others = [span for line in result.lines if not line.is_12356 for span in line.open]
            gaps = [(gap.start, gap.end) for gap in result.uncovered]
            joined = []
            for start, end in gaps:
                if joined and joined[-1][1] == start:
                    joined[-1] = (joined[-1][0], end)
                else:
                    joined.append((start, end))
            assert joined == [(s.start, s.end) for s in complement(others, result.start, result.end)]


def test_night_gaps_appear_when_the_round_the_clock_lines_close(tmp_path, dataset):
    from hotline_cli.dataset import load

    # The nationwide 24-hour lines cover every mainland night; give them day hours.
    overlay = overlay_file(tmp_path, [
        record_like(dataset, "beijing-crisis-center", hours="09:00-17:00"),
        record_like(dataset, "national-hope24", hours="09:00-17:00"),
    ])
    patched = load([overlay])
    result = build(patched, "江西", WEEKDAY)
    check_uncovered(patched, result, "江西")
    spans = [(gap.start, gap.end, gap.primary) for gap in result.uncovered]
    assert spans == [
        (result.start, china(2026, 11, 24, 6, 0), "closed"),  # Jiangxi's 12356 opens at 06:00
        (china(2026, 11, 24, 6, 0), china(2026, 11, 24, 9, 0), "open"),
        (china(2026, 11, 24, 17, 0), result.end, "open"),
    ]
    assert "emergency_only" in result.warnings


def test_uncovered_locally_ignores_nationwide_lines(dataset):
    result = build(dataset, "广西", WEEKDAY)
    nanning = line_of(result, "guangxi-nanning")
    assert [(s.start.hour, s.end.hour) for s in nanning.open] == [(8, 22)]
    local = [(gap.start.hour, gap.end) for gap in result.uncovered_locally]
    assert local == [(0, china(2026, 11, 24, 8, 0)), (22, result.end)]
    assert result.uncovered == ()  # the nationwide 24-hour lines are open all night
    assert build(dataset, None, WEEKDAY).uncovered_locally is None


def test_now_is_kept_only_inside_the_day(dataset):
    assert build(dataset, "福建", WEEKDAY, now=china(2026, 11, 24, 21, 30)).now == china(2026, 11, 24, 21, 30)
    assert build(dataset, "福建", WEEKDAY, now=china(2026, 11, 25, 0, 0)).now is None
    with pytest.raises(ValueError):
        build(dataset, "福建", WEEKDAY, now=datetime(2026, 11, 24, 21, 30))


# --------------------------------------------------------------------------- the terminal chart


def day_output(invoke, *args):
    result = invoke("day", *args)
    assert result.exit_code == 0, result.output
    return result.stdout


def assert_fits(text, width=80):
    for row in text.splitlines():
        assert cell_len(row) <= width, f"{cell_len(row)} cells: {row!r}"


@pytest.mark.parametrize("args", [
    ("--region", "福建", "--date", "2026-10-01"),
    ("--region", "北京", "--date", "2026-10-10", "--audience", "医务人员"),
    ("--region", "广西", "--date", "2099-10-01"),
    ("--region", "香港", "--lang", "en", "--date", "2026-11-24"),
    ("--lang", "en",),
])
def test_chart_fits_80_columns(invoke, args):
    text = day_output(invoke, *args)
    assert_fits(text)
    bars = [row for row in text.splitlines() if "█" in row or "░" in row]
    assert bars, text


def test_chart_rows_start_with_12356_and_draw_48_half_hours(invoke):
    text = day_output(invoke, "--region", "江西", "--date", "2026-11-24")
    rows = text.splitlines()
    ruler = next(index for index, row in enumerate(rows) if row.split()[:3] == ["0", "3", "6"])
    first = rows[ruler + 1]
    assert first.startswith("江西省12356")
    bar = first.split()[-1]
    # 06:00-24:00 in half-hour cells: twelve closed, thirty-six open.
    assert bar == "·" * 12 + "█" * 36


def test_chart_shows_the_gap_row(invoke, tmp_path, dataset):
    overlay = overlay_file(tmp_path, [
        record_like(dataset, "beijing-crisis-center", hours="09:00-17:00"),
        record_like(dataset, "national-hope24", hours="09:00-17:00"),
    ])
    text = day_output(invoke, "--region", "江西", "--date", "2026-11-24", "--data", overlay)
    row = next(line for line in text.splitlines() if line.startswith("除12356外无热线"))
    bar = row[-48:]
    assert bar == "!" * 12 + "─" * 6 + " " * 16 + "─" * 14
    assert "只有 12356 开放：06:00–09:00、17:00–24:00" in text
    assert "00:00–06:00" in text and "110/120" in text
    assert_fits(text)


def test_long_chinese_names_are_cut_with_an_ellipsis(invoke, tmp_path, dataset):
    long_name = "这是一个名字特别特别特别长的心理援助与危机干预热线服务中心（夜间专线）"
    overlay = overlay_file(tmp_path, [record_like(dataset, "beijing-crisis-center", name=long_name)])
    text = day_output(invoke, "--region", "福建", "--date", "2026-11-24", "--data", overlay)
    assert_fits(text)
    row = next(line for line in text.splitlines() if line.startswith("这是一个名字"))
    assert "…" in row and long_name not in row
    assert row.endswith("█" * 48)


def test_names_from_the_data_are_not_read_as_markup(invoke, tmp_path, dataset):
    overlay = overlay_file(tmp_path, [record_like(dataset, "beijing-crisis-center", name="[bold red]夜[/] 热线")])
    text = day_output(invoke, "--region", "福建", "--date", "2026-11-24", "--data", overlay)
    assert "[bold red]夜[/] 热线" in text


def test_holiday_and_makeup_days_are_named(invoke):
    assert "2026-10-01 周四 · 国庆节 法定节假日" in day_output(invoke, "-r", "福建", "--date", "2026-10-01")
    assert "2026-10-10 周六 · 调休上班" in day_output(invoke, "-r", "福建", "--date", "2026-10-10")
    assert "National Day public holiday" in day_output(invoke, "-r", "福建", "--date", "2026-10-01", "--lang", "en")


def test_unverified_calendar_is_announced(invoke):
    text = day_output(invoke, "-r", "福建", "--date", "2099-10-01")
    assert "2099 年的法定节假日已按《全国年节及纪念日放假办法》计算" in text and "调休安排未公布" in text
    doc = json.loads(day_output(invoke, "-r", "福建", "--date", "2099-10-01", "--format", "json"))
    assert doc["calendar_verified"] is False and doc["day_kind"]["verified"] is False
    assert "calendar_unverified" in [w["code"] for w in doc["warnings"]]


def test_today_is_the_default_and_gets_a_now_marker(invoke):
    text = day_output(invoke, "-r", "福建")
    today = datetime.now(CHINA).date()
    # Around midnight the command may have looked at the clock a moment before the test.
    assert today.isoformat() in text or (today - timedelta(days=1)).isoformat() in text
    marker = next(row for row in text.splitlines() if row.startswith("现在 "))
    assert marker.rstrip().endswith("▼")


def test_now_marker_sits_in_the_right_cell(dataset):
    from io import StringIO

    from rich.console import Console

    from hotline_cli.render.day_chart import render
    from hotline_cli.render.view import day_view

    out = StringIO()
    render(day_view(build(dataset, "福建", WEEKDAY, now=china(2026, 11, 24, 21, 40)), "zh"), Console(file=out, width=80, no_color=True))
    rows = out.getvalue().splitlines()
    marker = next(row for row in rows if row.startswith("现在 21:40"))
    bar_row = next(row for row in rows if row.startswith("福建省12356"))
    bar_start = cell_len(bar_row) - 48
    assert marker.endswith("▼")
    assert cell_len(marker[:-1]) - bar_start == 43  # 21:40 falls in the 44th half hour


@pytest.mark.parametrize("bad", ["2026-13-01", "yesterday", "01/10/2026", "2026-02-30", "0001-01-01", "20261001", "周八"])
def test_bad_date_exits_2_with_a_message(invoke, bad):
    result = invoke("day", "--region", "福建", "--date", bad)
    assert result.exit_code == 2
    assert "--date" in result.stderr and "Traceback" not in result.output
    assert result.stdout == ""


def test_bad_region_exits_2(invoke):
    result = invoke("day", "--region", "火星", "--date", "2026-10-01")
    assert result.exit_code == 2 and "hotline regions" in result.stderr


def test_help_has_examples(invoke):
    result = invoke("day", "--help")
    assert result.exit_code == 0 and "Examples:" in result.stdout and "--date" in result.stdout


# --------------------------------------------------------------------------- JSON


def test_json_shape(invoke, dataset):
    from hotline_cli.schedule import day_intervals

    doc = json.loads(day_output(invoke, "--region", "辽宁", "--date", "2026-10-10", "--format", "json", "--all"))
    assert doc["date"] == "2026-10-10"
    assert doc["day_kind"] == {"workday": True, "holiday": False, "holiday_name": None, "holiday_label": None,
                               "makeup_workday": True, "verified": True}
    assert doc["region"]["code"] == "210000" and doc["audience"] is None
    assert doc["hotlines"][0]["id"] == "12356-liaoning" and doc["hotlines"][0]["is_12356"]
    for line in doc["hotlines"]:
        assert {"id", "name", "status_known", "intervals", "unknown_intervals", "numbers"} <= line.keys()
        for span in line["intervals"]:
            start, end = datetime.fromisoformat(span["start"]), datetime.fromisoformat(span["end"])
            assert span["start"].endswith("+08:00") and span["end"].endswith("+08:00") and start < end
    record = dataset.by_id["liaoning-psych-counselors-assoc"].record
    engine = day_intervals(record.hours, MAKEUP_SATURDAY, record.time_zone).open
    line = next(line for line in doc["hotlines"] if line["id"] == record.id)
    assert line["intervals"] == [{"start": s.start.isoformat(), "end": s.end.isoformat()} for s in engine]
    assert line["intervals"] == [{"start": "2026-10-10T09:00:00+08:00", "end": "2026-10-10T17:00:00+08:00"}]
    assert isinstance(doc["uncovered"], list) and isinstance(doc["warnings"], list)


def test_json_day_kind_of_a_holiday_and_unknown_lines(invoke):
    doc = json.loads(day_output(invoke, "--region", "台湾", "--date", "2026-10-01", "--format", "json", "--lang", "zh"))
    assert doc["day_kind"]["holiday"] is True and doc["day_kind"]["holiday_label"] == "国庆节"
    lines = {line["id"]: line for line in doc["hotlines"]}
    # 1980: no source gives its hours; 1925: 24 hours (聯合報 2026-02-13).
    assert lines["taiwan-zhanglaoshi-1980"]["status_known"] is False and lines["taiwan-zhanglaoshi-1980"]["intervals"] == []
    assert lines["taiwan-1925"]["intervals"] == [{"start": "2026-10-01T00:00:00+08:00", "end": "2026-10-02T00:00:00+08:00"}]
    assert doc["uncovered"] == []
    assert "12356_mainland_only" in {w["code"] for w in doc["warnings"]}


def test_json_local_gaps_do_not_claim_emergency_only(invoke):
    doc = json.loads(day_output(invoke, "--region", "广西", "--date", "2026-11-24", "--json"))
    assert doc["uncovered"] == []
    assert doc["uncovered_locally"] == [
        {"start": "2026-11-24T00:00:00+08:00", "end": "2026-11-24T08:00:00+08:00", "12356": "unknown"},
        {"start": "2026-11-24T22:00:00+08:00", "end": "2026-11-25T00:00:00+08:00", "12356": "unknown"},
    ]
    assert json.loads(day_output(invoke, "--json", "--date", "2026-11-24"))["uncovered_locally"] is None


def test_json_is_plain_and_deterministic(invoke):
    args = ("--region", "福建", "--date", "2026-10-01", "--json")
    first, second = day_output(invoke, *args), day_output(invoke, *args)
    assert first == second
    assert "福建省12356心理援助热线" in first  # Chinese stays readable (no \u escapes)
    assert "\x1b[" not in first
    json.loads(first)


# --------------------------------------------------------------------------- overlays for the tests


def record_like(dataset, record_id, **changes):
    data = dataset.by_id[record_id].record.model_dump(mode="json", exclude_none=True)
    data.update(changes)
    return data


def overlay_file(tmp_path, records):
    return write_overlay(tmp_path / "overlay.json", *records)
