"""区号+12356 is never suggested where the area code cannot choose the city; 12356 coverage counts."""

import json

import pytest

from conftest import REPO

SHARED = [("开封", "0371"), ("郑州", "0371"), ("安顺", "0851"), ("贵阳", "0851"), ("株洲", "0731"), ("三亚", "0898")]


@pytest.mark.parametrize("city,code", SHARED)
def test_no_area_code_form_for_a_city_sharing_its_code(invoke, city, code):
    doc = json.loads(invoke("now", "-r", city, "--json", "--at", "2026-11-24T10:00").stdout)
    first = doc["hotlines"][0]
    assert first["area_dial"] is None, (city, first["area_dial"])
    plain = invoke("now", "-r", city, "--at", "2026-11-24T10:00").stdout
    assert f"{code}-12356" not in plain and "试拨" not in plain


def test_unique_code_without_a_source_stays_unconfirmed(invoke):
    # 洛阳 (0379) has no 12356 record of its own and no other city uses 0379.
    doc = json.loads(invoke("now", "-r", "洛阳", "--json", "--at", "2026-11-24T10:00").stdout)
    assert (doc["hotlines"][0]["area_dial"], doc["hotlines"][0]["area_dial_confirmed"]) == ("0379-12356", False)
    assert "在外地可试拨 0379-12356（此拨法多地可用，本市未见公告）" in invoke("now", "-r", "洛阳").stdout


def test_sourced_form_is_confirmed(invoke):
    # Seed 004: 福州 0591-12356; 晋中 0354 (山西经济网 2025-04-30).
    for city, dial in (("福州", "0591-12356"), ("晋中", "0354-12356")):
        doc = json.loads(invoke("now", "-r", city, "--json", "--at", "2026-11-24T10:00").stdout)
        assert (doc["hotlines"][0]["area_dial"], doc["hotlines"][0]["area_dial_confirmed"]) == (dial, True)


def test_the_rule_lives_on_the_record(dataset):
    from hotline_cli.model import City

    fujian = dataset.by_id["12356-fujian-fuzhou"].record
    fuzhou = dataset.city_by_code[fujian.city][0]
    assert fujian.area_dial_for(fuzhou, code_shared=False) == ("0591-12356", True)
    assert fujian.area_dial_for(fuzhou, code_shared=True) == (None, False)
    other = City(code="350300", name="莆田市", short="莆田", pinyin="putian", area_codes=["0594"])
    assert dataset.by_id["12356-fujian"].record.area_dial_for(other, code_shared=False) == ("0594-12356", False)


def _records():
    return [record for path in sorted((REPO / "data" / "hotlines" / "12356").glob("*.json"))
            for record in json.loads(path.read_text(encoding="utf-8"))["hotlines"]]


def test_stats_report_cities_unique_codes_and_provinces_with_sourced_hours(invoke):
    reported = dict(line.split(": ", 1) for line in invoke("check", "--stats").stdout.splitlines() if ": " in line)
    records = _records()
    regions = json.loads((REPO / "data" / "regions.json").read_text(encoding="utf-8"))["regions"]
    owners = {}
    for region in regions:
        for city in region["cities"]:
            for code in set(city["area_codes"]):
                owners[code] = owners.get(code, 0) + 1
    unique = sum(1 for region in regions if region["phone_region"] == "CN" for city in region["cities"]
                 if city["area_codes"] and all(owners[c] == 1 for c in city["area_codes"]))
    assert reported["mainland_cities_with_unique_area_code"] == str(unique)
    assert reported["12356_cities_with_own_record"] == str(len({r["city"] for r in records if r["scope"] == "city"}))
    provinces = [r for r in records if r["scope"] == "provincial"]
    assert len(provinces) == 31 and all(r.get("hours_basis") for r in provinces)
    for basis in ("province_announcement", "city_announcements", "none_found"):
        assert reported[f"12356_provinces_hours_{basis}"] == str(sum(1 for r in provinces if r["hours_basis"] == basis))


def test_each_province_says_whether_its_own_announcement_gives_hours(dataset):
    # Jiangxi's own announcement (江西省卫健委 2025-01-27) gives 6:00-24:00; Heilongjiang's (新华网 2025-10-12)
    # gives 7×18 h without times; Guizhou's gives hours only for 贵阳 and 六盘水 (their records).
    basis = {r.id: r.hours_basis for r in dataset.hotlines if r.hours_basis}
    assert basis["12356-jiangxi"] == basis["12356-heilongjiang"] == "province_announcement"
    assert basis["12356-guizhou"] == "city_announcements"
    assert basis["12356-liaoning"] == "none_found"


def test_check_refuses_a_wrong_hours_basis(invoke, tmp_path, dataset):
    record = dataset.by_id["12356-liaoning"].record.model_dump(mode="json", exclude_none=True)
    record["hours_basis"] = "province_announcement"
    path = tmp_path / "liaoning.json"
    path.write_text(json.dumps({"hotlines": [record]}, ensure_ascii=False), encoding="utf-8")
    result = invoke("check", "--data", path)
    assert result.exit_code == 1
    assert "12356-liaoning: hours_basis: is province_announcement, but the data says none_found" in result.stderr
