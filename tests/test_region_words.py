"""Region words as people write them: districts, everyday names, traditional script, pinyin slips."""

import json

import pytest

AT = "2026-11-24T10:00"


def region_of(invoke, typed):
    result = invoke("now", "-r", typed, "--at", AT, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["region"]


@pytest.mark.parametrize("typed, city, within", [
    ("福州市鼓楼区", "350100", "鼓楼区"),
    ("厦门市思明区", "350200", "思明区"),
    ("福建省福州市鼓楼区", "350100", "鼓楼区"),
    ("福建福州鼓楼区", "350100", "鼓楼区"),
    ("福州鼓楼区", "350100", "鼓楼区"),
    ("福州市福清市", "350100", "福清市"),
    ("福建省厦门市", "350200", None),
])
def test_a_district_resolves_to_its_city_with_a_note(invoke, typed, city, within):
    region = region_of(invoke, typed)
    assert region["city"]["code"] == city and region["within"] == within


def test_the_answer_says_which_city_it_is_for(invoke):
    plain = invoke("now", "-r", "福州市鼓楼区", "--at", AT, "--format", "plain").stdout
    assert "鼓楼区：按福州市回答" in plain
    english = invoke("now", "-r", "福州市鼓楼区", "--at", AT, "--format", "plain", "--lang", "en").stdout
    assert "answering for Fuzhou" in english
    doc = json.loads(invoke("now", "-r", "福州市鼓楼区", "--at", AT, "--json").stdout)
    assert doc["hotlines"][0]["id"].startswith("12356-fujian")


def test_a_municipality_district_answers_for_the_municipality(invoke):
    region = region_of(invoke, "北京市海淀区")
    assert region["code"] == "110000" and region["within"] == "海淀区"


@pytest.mark.parametrize("typed, code", [
    ("内蒙", "150000"), ("台北", "710000"), ("臺灣", "710000"), ("高雄", "710000"), ("港", "810000"),
    ("澳", "820000"), ("澳門", "820000"), ("中国香港", "810000"), ("九龙", "810000"),
])
def test_everyday_names_resolve(invoke, typed, code):
    assert region_of(invoke, typed)["code"] == code


def test_taipei_says_the_answer_is_for_taiwan(invoke):
    region = region_of(invoke, "台北")
    assert region["within"] == "台北" and region["city"] is None


@pytest.mark.parametrize("typed, first", [("福健", "福建省"), ("福健省", "福建省"), ("厦们", "福建省厦门市"),
                                          ("peking", "北京市"), ("canton", "广东省广州市"), ("amoy", "福建省厦门市")])
def test_a_slip_with_the_same_sound_is_suggested_first(invoke, typed, first):
    result = invoke("now", "-r", typed, "--at", AT)
    assert result.exit_code == 2
    suggestions = next(line for line in result.stderr.splitlines() if "did you mean" in line)
    assert suggestions.split(": ", 1)[1].split(", ")[0] == first


@pytest.mark.parametrize("typed", ["鼓楼区", "福州市abc", "福州市鼓楼", "区"])
def test_nothing_is_invented(invoke, typed):
    # A bare district name is ambiguous (several cities have a 鼓楼区) and there is no district table.
    assert invoke("now", "-r", typed, "--at", AT).exit_code == 2


def test_pinyin_readings_directly():
    from hotline_cli.regions import _pinyin_readings

    assert "xiamen" in _pinyin_readings("厦们")
    assert _pinyin_readings("福健") == {"fujian"}
    assert len(_pinyin_readings("行" * 40)) <= 64


@pytest.mark.parametrize("typed, first", [("北京朝阳", "北京市"), ("上海浦东", "上海市"), ("福州市鼓楼", "福建省福州市")])
def test_a_place_named_at_the_start_is_suggested_before_look_alikes(invoke, typed, first):
    # 北京朝阳 once suggested 辽宁省朝阳市 first, and 上海浦东 青海省海东市: another province's lines.
    result = invoke("now", "-r", typed, "--at", AT)
    assert result.exit_code == 2
    suggestions = next(line for line in result.stderr.splitlines() if "did you mean" in line)
    assert suggestions.split(": ", 1)[1].split(", ")[0] == first
