"""How far a listing can be trusted: the confidence tier, the ranking it drives, old listings and pandemic-era lines."""

import json
from datetime import date

import pytest

from conftest import REPO

BEIJING_NIGHT = ("now", "-r", "北京", "--at", "2026-12-02T23:30")
OLD_BEIJING_LINES = ("beijing-anxin-alipay", "beijing-ucas-qimingdeng", "beijing-zhongzaixie")


def record(sources, name="测试热线", last_confirmed="2020-05-27", **changes):
    """A validated record with these sources: the overlay record below, under another id."""
    from hotline_cli.model import Hotline

    return Hotline.model_validate(overlay_record(name, sources, last_confirmed, id="test-line", **changes))


def overlay_record(name, sources, last_confirmed, **changes) -> dict:
    data = {
        "id": "test-overlay-line",
        "name": name,
        "scope": "city",
        "region": "350000",
        "city": "350200",
        "numbers": [{"published": "0592-12356", "dial": "059212356", "kind": "short_with_area_code"}],
        "audiences": [{"key": "general"}],
        "hours": "24/7",
        "validity": {"status": "ongoing"},
        "sources": sources,
        "last_confirmed": last_confirmed,
    }
    data.update(changes)
    return data


def now_json(invoke, *args):
    result = invoke(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# --------------------------------------------------------------------------- the tier rule, directly

ON = date(2026, 12, 2)


@pytest.mark.parametrize("sources, tier", [
    ([{"ref": "https://www.gov.cn/a", "kind": "official", "date": "2025-10-19"}], "current"),
    ([{"ref": "https://news.example.cn/a", "kind": "news", "date": "2024-12-02"}], "current"),  # exactly 24 months
    ([{"ref": "https://news.example.cn/a", "kind": "news", "date": "2024-12-01"}], "old"),  # one day older
    ([{"ref": "https://www.gov.cn/a", "kind": "official"}], "unverified"),  # undated: cannot confirm, cannot age
    ([{"ref": "https://mirror.example.com/a", "kind": "reprint", "date": "2026-01-01"}], "unverified"),
    ([{"ref": "https://farm.example.com/a", "kind": "aggregator", "date": "2026-01-01"}], "unverified"),
    ([{"ref": "https://news.example.cn/a", "kind": "news"}], "unverified"),
    ([{"ref": "seed:001_8b990758779e8b6f.txt", "kind": "survey", "date": "2020-05-27"}], "old"),
    ([{"ref": "seed:009_x.txt", "kind": "survey", "date": "2026-01-01"}], "old"),  # a survey never confirms
    ([{"ref": "seed:001_8b990758779e8b6f.txt", "kind": "survey", "date": "2020-05-27"},
      {"ref": "https://www.gov.cn/a", "kind": "official", "date": "2026-03-01"}], "current"),
    ([{"ref": "seed:001_8b990758779e8b6f.txt", "kind": "survey", "date": "2020-05-27"},
      {"ref": "https://www.gov.cn/a", "kind": "official", "date": "2021-01-01"}], "old"),
])
def test_confidence_tier_from_sources(sources, tier):
    from hotline_cli.query import confidence

    assert confidence(record(sources, last_confirmed="2026-11-01"), ON).value == tier


def test_the_tier_depends_on_the_answer_date_only():
    from hotline_cli.query import confidence

    line = record([{"ref": "https://www.gov.cn/a", "kind": "official", "date": "2025-10-19"}], last_confirmed="2025-10-19")
    assert confidence(line, date(2027, 10, 19)).value == "current"
    assert confidence(line, date(2027, 10, 20)).value == "old"
    assert {confidence(line, ON) for _ in range(3)} == {confidence(line, ON)}


def test_months_before_keeps_the_day_or_takes_the_month_end():
    from hotline_cli.query import months_before

    assert months_before(date(2026, 12, 2), 24) == date(2024, 12, 2)
    assert months_before(date(2028, 2, 29), 24) == date(2026, 2, 28)
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_before(date(2026, 1, 15), 1) == date(2025, 12, 15)


@pytest.mark.parametrize("changes", [
    {"name": "某某抗疫心理援助热线"},
    {"audience_published": "疫情期间面向全体市民"},
    {"hours_published": "疫情期间每天 9:00-21:00"},
    {"caveats": ["疫情期间开通"]},
])
def test_pandemic_era_lines_need_an_official_news_or_reprint_source_from_after_2023(changes):
    from hotline_cli.query import held_back

    survey = [{"ref": "seed:001_8b990758779e8b6f.txt", "kind": "survey", "date": "2020-05-27"}]
    assert held_back(record(survey, **changes)) == "pandemic_era"
    late_2023 = survey + [{"ref": "https://www.gov.cn/a", "kind": "official", "date": "2023-12-31"}]
    assert held_back(record(late_2023, **changes)) == "pandemic_era"
    in_2024 = survey + [{"ref": "https://www.gov.cn/a", "kind": "official", "date": "2024-01-01"}]
    assert held_back(record(in_2024, **changes)) is None
    # A list repeated by an aggregator in 2025 confirms nothing; nor does the survey, whatever its date.
    for weak in ({"ref": "https://farm.example.com/a", "kind": "aggregator", "date": "2025-01-01"},
                 {"ref": "seed:009_x.txt", "kind": "survey", "date": "2025-01-01"}):
        assert held_back(record(survey + [weak], **changes)) == "pandemic_era"
    assert held_back(record(survey)) is None


# --------------------------------------------------------------------------- the Beijing night, through the CLI


def test_beijing_crisis_center_ranks_right_after_12356(invoke):
    doc = now_json(invoke, *BEIJING_NIGHT)
    ids = [line["id"] for line in doc["hotlines"]]
    assert ids[0] == "12356-beijing"
    assert ids[1] == "beijing-crisis-center"
    crisis = doc["hotlines"][1]
    assert crisis["numbers"][0]["dial"] == "8008101117" and crisis["last_confirmed"] == "2025-10-19"
    assert crisis["confidence"] in ("current", "unverified")
    # The 2020 listings are not offered: neither old listings nor pandemic-era lines are in the answer.
    assert not set(OLD_BEIJING_LINES) & set(ids)
    assert doc["hidden_older"] >= 1
    assert any(w["code"] == "older_hidden" and str(doc["hidden_older"]) in w["message"] for w in doc["warnings"])


def test_with_all_the_old_beijing_lines_come_after_the_crisis_center(invoke):
    doc = now_json(invoke, *BEIJING_NIGHT, "--all")
    by_id = {line["id"]: (position, line) for position, line in enumerate(doc["hotlines"])}
    crisis_at = by_id["beijing-crisis-center"][0]
    assert crisis_at == 1
    for old in OLD_BEIJING_LINES:
        position, line = by_id[old]
        assert position > crisis_at
        assert line["last_confirmed"] == "2020-05-27"
        assert line["confidence"] == "old"
    assert by_id["beijing-ucas-qimingdeng"][1]["group"] == "older"
    for pandemic in ("beijing-anxin-alipay", "beijing-zhongzaixie"):  # 抗疫 in their names
        line = by_id[pandemic][1]
        assert line["group"] == "inactive" and line["inactive_code"] == "pandemic_era" and line["inactive_reason"]
        assert line["status"] == "closed"
    assert doc["hidden_older"] == 0


def test_plain_output_counts_hidden_old_listings_and_labels_them_with_all(invoke):
    plain = invoke(*BEIJING_NIGHT, "--format", "plain")
    assert plain.exit_code == 0
    assert "条较早的信息" in plain.stdout and "--all" in plain.stdout
    assert "中国科学院大学" not in plain.stdout
    everything = invoke(*BEIJING_NIGHT, "--format", "plain", "--all").stdout
    assert "-- 较早的信息，可能已无人接听 --" in everything
    assert "最后核实 2020-05-27" in everything
    english = invoke(*BEIJING_NIGHT, "--format", "plain", "--all", "--lang", "en").stdout
    assert "Older listings, may no longer answer" in english


def test_table_output_has_the_older_heading(invoke):
    table = invoke(*BEIJING_NIGHT, "--format", "table", "--all", "--limit", "0").stdout
    assert "较早的信息" in table


@pytest.mark.parametrize("region", ["北京", "上海", "福建", "湖北", "广东", "辽宁", None])
def test_within_open_lines_a_better_tier_always_ranks_first(invoke, region):
    args = ["--at", "2026-11-24T10:00", "--all"] + (["-r", region] if region else [])
    doc = now_json(invoke, "now", *args)
    assert doc["hotlines"][0]["group"] == "12356"
    tiers = ["current", "unverified", "old"]
    open_tiers = [tiers.index(line["confidence"]) for line in doc["hotlines"]
                  if line["group"] in ("open_here", "open_national")]
    assert open_tiers == sorted(open_tiers)
    groups = [line["group"] for line in doc["hotlines"]]
    if "older" in groups:
        first_older = groups.index("older")
        assert all(group in ("older", "inactive") for group in groups[first_older:])
        assert all(line["confidence"] == "old" for line in doc["hotlines"] if line["group"] == "older")


def test_json_with_tiers_matches_the_schema(invoke):
    import jsonschema

    schema = json.loads((REPO / "schema" / "now-output.schema.json").read_text(encoding="utf-8"))
    for extra in ([], ["--all"]):
        jsonschema.validate(now_json(invoke, *BEIJING_NIGHT, *extra), schema)


def test_day_hides_old_listings_as_now_does(invoke):
    doc = json.loads(invoke("day", "-r", "北京", "--date", "2026-12-02", "--json").stdout)
    ids = {line["id"] for line in doc["hotlines"]}
    assert not set(OLD_BEIJING_LINES) & ids
    assert any(w["code"] == "older_hidden" for w in doc["warnings"])
    with_all = json.loads(invoke("day", "-r", "北京", "--date", "2026-12-02", "--json", "--all").stdout)
    assert "beijing-ucas-qimingdeng" in {line["id"] for line in with_all["hotlines"]}


# --------------------------------------------------------------------------- pandemic-era lines from an overlay


def test_a_pandemic_era_line_is_offered_only_with_a_source_from_after_2023(invoke, tmp_path):
    survey = {"ref": "seed:001_8b990758779e8b6f.txt", "kind": "survey", "date": "2020-05-27"}
    confirmed = overlay_record("厦门抗疫心理援助热线（测试）", [survey, {"ref": "https://www.gov.cn/x", "kind": "official", "date": "2025-06-01"}], "2025-06-01")
    stale = overlay_record("厦门抗疫心理援助热线（测试）", [survey, {"ref": "https://www.gov.cn/x", "kind": "official", "date": "2023-06-01"}], "2023-06-01")
    for data, offered in ((confirmed, True), (stale, False)):
        path = tmp_path / f"{offered}.json"
        path.write_text(json.dumps({"hotlines": [data]}, ensure_ascii=False), encoding="utf-8")
        doc = now_json(invoke, "now", "-r", "厦门", "--at", "2026-11-24T10:00", "--all", "--data", str(path))
        line = next(line for line in doc["hotlines"] if line["id"] == "test-overlay-line")
        if offered:
            assert line["status"] == "open" and line["confidence"] == "current" and line["group"] != "inactive"
        else:
            assert line["group"] == "inactive" and line["inactive_code"] == "pandemic_era"


def test_list_and_export_leave_old_listings_out_unless_all(invoke):
    listed = invoke("list", "-r", "北京", "--at", "2026-12-02T23:30", "--format", "plain", "--limit", "0").stdout
    assert "中国科学院大学" not in listed and "条较早的信息" in listed
    assert "中国科学院大学" in invoke("list", "-r", "北京", "--at", "2026-12-02T23:30", "--format", "plain", "--all").stdout
    exported = invoke("export", "-f", "md", "-r", "北京", "--at", "2026-12-02T23:30", "-o", "-")
    assert exported.exit_code == 0 and "中国科学院大学" not in exported.stdout
    with_all = invoke("export", "-f", "md", "-r", "北京", "--at", "2026-12-02T23:30", "--all", "-o", "-")
    assert with_all.exit_code == 0 and "中国科学院大学" in with_all.stdout


# --------------------------------------------------------------------------- show says what now says


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("line_id, tier", [("national-hope24", "unverified"), ("fujian-fjmu", "old"),
                                           ("12356-fujian-fuzhou", "current")])
def test_show_gives_the_tier_and_age_in_the_words_of_now(invoke, line_id, tier, lang):
    # No --at: `show` speaks of today, and so does this `now`.
    listing = now_json(invoke, "now", "-r", "福州", "--all", "--lang", lang)
    assert {line["id"]: line["confidence"] for line in listing["hotlines"]}[line_id] == tier
    plain = invoke("now", "-r", "福州", "--all", "--limit", "0", "--format", "plain", "--lang", lang).stdout
    detail = invoke("show", line_id, "--lang", lang)
    assert detail.exit_code == 0, detail.output
    document = json.loads(invoke("show", line_id, "--json", "--lang", lang).stdout)["hotlines"][0]
    assert document["confidence"] == tier
    if tier == "current":
        assert document["confidence_note"] is None
        assert not any(word in detail.stdout for word in ("未经官方", "较早的信息", "not confirmed by", "older listing"))
        return
    note = document["confidence_note"]
    assert note in plain and note in detail.stdout  # one wording, from the view model
    assert ("最后核实" if lang == "zh" else "last confirmed") in note
    if tier == "old":
        assert ("年前" if lang == "zh" else "years ago") in note  # the listing's age
