"""Data fixes, each pinned to the seed row or source it follows."""

from datetime import datetime

import pytest

from conftest import CHINA


def entries(out):
    """The numbered entries of a `now` answer, one text block each."""
    import re

    return [block for block in re.split(r"\n(?=\d+\. )", out) if re.match(r"\d+\. ", block)]


def records_with_dial(dataset, ending):
    return [(r, n) for r in dataset.hotlines for n in r.numbers if n.dial.endswith(ending)]


def test_jiangxi_966525_is_one_number_with_one_dial_form_and_one_state(dataset):
    # Seed 000 city row 27 prints "0791-966525"; 江西省卫健委 (2025-01-27) keeps it alongside 12356.
    found = records_with_dial(dataset, "966525")
    assert [(r.id, n.dial, n.old_number) for r, n in found] == [("12356-jiangxi", "0791966525", True)]
    jiangxi = dataset.by_id["12356-jiangxi"].record
    assert "000:city:27" in jiangxi.seed_refs
    assert "jiangxi-966525" not in dataset.by_id
    assert jiangxi.area_code_number() is None, "an old number is never offered as the 区号+12356 form"


def test_jiangxi_old_number_is_labelled_in_now(invoke):
    out = invoke("now", "-r", "南昌", "--at", "2026-11-24T10:00").stdout
    assert out.count("966525") == 1
    assert "0791-966525（原号码，12356过渡期内并行，可能停用" in out


def test_taolaoshi_is_a_youth_line_since_the_pandemic_ended(dataset, invoke):
    # Seed 001 row 33: 主要对青少年服务,疫情期间对全国所有需要心理支持的人群开放; 疫情期间 ended 2023-01-08.
    record = dataset.by_id["jiangsu-nanjing-taolaoshi"].record
    assert record.restricted and [a.key.value for a in record.audiences] == ["minors_youth"]
    assert "2023-01-08" in record.follows
    # A 2020 listing: --all shows it (with the reason when it is not offered).
    assert "陶老师" not in invoke("now", "-r", "南京", "-a", "民警", "--limit", "0", "--all").stdout
    assert "陶老师" in invoke("now", "-r", "南京", "-a", "青少年", "--limit", "0", "--all").stdout


READING = "12320的心理援助转接（全国12320及各地“区号-12320-按键”）一律按同一读法"


def test_every_12320_psychological_route_follows_one_reading(dataset):
    # Seed 002: from 2025-05-01 every local psychological hotline joined 12356.
    found = records_with_dial(dataset, "12320")
    assert len(found) >= 9
    for record, number in found:
        assert record.follows and READING in record.follows, record.id
        superseded = record.validity.status.value == "superseded"
        assert superseded or number.ended, (record.id, number.published)
        if superseded and record.id != "shanghai-12320-5":
            assert record.validity.superseded_by == "12356" and str(record.validity.since) == "2025-05-01"
    # Shanghai's own source: 12320-5 merged into 962525 on 2021-09-01.
    shanghai = dataset.by_id["shanghai-12320-5"].record.validity
    assert (shanghai.superseded_by, str(shanghai.since)) == ("shanghai-962525", "2021-09-01")


@pytest.mark.parametrize("region", ["上海", "南京", "重庆", "呼和浩特", "长春", "哈尔滨", "拉萨", "兰州"])
def test_no_12320_route_is_offered(invoke, region):
    out = invoke("now", "-r", region, "--limit", "0", "--at", "2026-11-24T10:00").stdout
    dialled = [line for line in out.splitlines() if line.strip().startswith("☎")]
    assert dialled and not any("12320" in line for line in dialled)  # the 12320.net website may be listed


def test_hongfeng_office_days_are_workdays_not_monday_to_friday(dataset):
    # Seed 001 row 17: 其他热线周一至周五 9:00-20:00 — run on office days.
    from hotline_cli.schedule import state_at_any

    record = dataset.by_id["beijing-hongfeng"].record
    office = [n for n in record.numbers if not n.ended]
    assert office and all(n.hours == "WD 09:00-20:00" for n in office)
    national_day = datetime(2026, 10, 1, 10, 0, tzinfo=CHINA)  # a Thursday, a statutory holiday
    assert state_at_any(["WD 09:00-20:00"], national_day, "Asia/Shanghai").status == "closed"
    import chinese_calendar

    makeup = next(d for d in sorted(chinese_calendar.get_workdays(datetime(2026, 1, 1).date(), datetime(2026, 12, 31).date()))
                  if d.weekday() >= 5)
    saturday = datetime(makeup.year, makeup.month, makeup.day, 10, 0, tzinfo=CHINA)
    assert state_at_any(["WD 09:00-20:00"], saturday, "Asia/Shanghai").status == "open"


def test_mainly_for_is_a_focus_shown_to_everyone(dataset, invoke):
    # Seed 001 row 12: 用心抗疫 — 主要对医护人员服务.
    from hotline_cli.query import qualifies

    record = dataset.by_id["beijing-yongxin-medical"].record
    assert not record.restricted and [k.value for k in record.focus] == ["medical_workers"]
    assert qualifies(record, None)
    police = dataset.by_id["jiangsu-police"].record  # seed 001 row 36: 主要对江苏公安民警提供服务
    assert police.focus and not police.restricted and qualifies(police, None)
    out = invoke("now", "-r", "南京", "--limit", "0", "--at", "2026-11-24T10:00", "--all").stdout
    assert "主要服务：民警（所有人可拨打）" in out
    en = invoke("now", "-r", "南京", "--limit", "0", "--at", "2026-11-24T10:00", "--lang", "en", "--all").stdout
    assert "mainly for: police officers (anyone may call)" in en


def test_a_focus_ranks_the_line_first_for_its_group(dataset):
    from hotline_cli.model import Audience
    from hotline_cli.query import answer
    from hotline_cli.regions import resolve

    place = resolve("南京", dataset.regions)
    at = datetime(2026, 11, 24, 10, 0, tzinfo=CHINA)
    lines = answer(dataset, at, place, Audience.police, include_older=True).lines  # a 2020 listing
    police = next(line for line in lines if line.record.id == "jiangsu-police")
    assert police.audience_match
    peers = [line for line in lines if line.group is police.group and line.record.city is None
             and line.record.region == police.record.region]
    assert peers[0] is police, [line.record.id for line in peers]


def test_every_mainly_for_record_is_not_restricted_unless_only_the_pandemic_opened_it(dataset):
    for record in dataset.hotlines:
        published = record.audience_published or ""
        if "主要" in published and "疫情期间对全国" not in published:
            assert not record.restricted, record.id


def test_focus_and_restricted_cannot_both_be_set():
    from pydantic import ValidationError

    from hotline_cli.model import Hotline

    base = dict(id="x", name="x", scope="national", region="000000", numbers=[{"published": "12356", "dial": "12356", "kind": "short"}],
                audiences=[{"key": "police"}], validity={"status": "ongoing"},
                sources=[{"ref": "https://example.org", "kind": "official"}], last_confirmed="2026-01-01")
    with pytest.raises(ValidationError, match="focus"):
        Hotline(**base, focus=["police"], restricted=True)
    with pytest.raises(ValidationError, match="focus group"):
        Hotline(**base, focus=["teachers"])


@pytest.mark.parametrize("lang,label,wrong", [("zh", "状态未确认", "已停用"), ("en", "status unconfirmed", "no longer offered")])
def test_lines_of_uncertain_validity_are_unconfirmed_not_ended(invoke, lang, label, wrong):
    # Seed 001 row 47: 山东师范大学 — 将继续工作三个月以上 (no end given, nothing confirms it since).
    out = invoke("now", "-r", "济南", "--all", "--limit", "0", "--lang", lang, "--at", "2026-11-24T10:00").stdout
    block = next(block for block in entries(out) if "0531 8618 1251" in block)
    assert label in block.splitlines()[0] and wrong not in block
