"""A year without a published arrangement (2027 today): statutory holidays known, makeup days not."""

import json

import pytest

WD_LINE = "辽宁省心理咨询师协会心理援助热线"  # seed 001: 9:00-17:00 (工作日), encoded WD 09:00-17:00


@pytest.mark.parametrize("at", ["2027-10-01T10:00", "2027-02-08T10:00"])  # 国庆; 春节 初三 (a Monday)
def test_workday_line_is_closed_on_a_statutory_holiday_of_2027(invoke, dataset, at):
    # The workday-only line of Liaoning is a 2020 listing: --all brings it in, with its hours.
    assert dataset.by_id["liaoning-psych-counselors-assoc"].record.hours == "WD 09:00-17:00"
    doc = json.loads(invoke("now", "--all", "-r", "辽宁", "--at", at, "--limit", "0", "--json").stdout)
    line = next(line for line in doc["hotlines"] if line["name"] == WD_LINE)
    assert line["status"] == "closed"
    plain = invoke("now", "--all", "-r", "辽宁", "--at", at, "--limit", "0", "--format", "plain").stdout
    entry = next(block for block in plain.split("\n") if block.startswith(tuple("0123456789")) and WD_LINE in block)
    assert "未开放" in entry


@pytest.mark.parametrize("lang,says,never", [
    ("zh", ["法定节假日已按《全国年节及纪念日放假办法》计算", "调休安排（补休和周末补班）尚未公布"], "按周一至周五计算工作日"),
    ("en", ["statutory holidays are computed from the law", "only its makeup arrangement"], "official holiday calendar"),
])
def test_warning_is_limited_to_the_makeup_days(invoke, lang, says, never):
    doc = json.loads(invoke("now", "--all", "-r", "辽宁", "--at", "2027-10-01T10:00", "--json", "--lang", lang).stdout)
    message = next(w["message"] for w in doc["warnings"] if w["code"] == "calendar_unverified")
    assert "2027" in message and all(part in message for part in says) and never not in message


def test_the_workday_line_opens_on_the_next_weekday_after_national_day_2027(invoke):
    # 1-3 October are the law's; 4 October (Monday) is taken as a workday until the notice says otherwise.
    doc = json.loads(invoke("now", "--all", "-r", "辽宁", "--at", "2027-10-01T10:00", "--limit", "0", "--json").stdout)
    line = next(line for line in doc["hotlines"] if line["name"] == WD_LINE)
    assert line["opens_at"].startswith("2027-10-04T09:00")
