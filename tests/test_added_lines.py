"""Lines added with their own sources: 12355, Hong Kong, Taiwan 1925, Macau."""

import pytest


def test_12355_is_a_national_youth_line_open_to_all(dataset, invoke):
    record = dataset.by_id["national-12355"].record
    assert record.scope.value == "national" and [n.dial for n in record.numbers] == ["12355"]
    assert [k.value for k in record.focus] == ["minors_youth"] and not record.restricted
    assert record.hours is None  # hours differ by province; no national time found
    # Its newest sources are from 2023: an older listing, shown with --all.
    assert "12355青少年服务台" in invoke("now", "-r", "成都", "--limit", "0", "--all").stdout


def test_hong_kong_samaritans_and_befrienders_are_two_organisations(dataset):
    # HKU CSRP and am730: 2389 2222 is 香港撒瑪利亞防止自殺會; 2896 0000 is 撒瑪利亞會 (seed 000 mixed them).
    sbhk = dataset.by_id["xianggang-sbhk"].record
    samaritans = dataset.by_id["xianggang-samaritans"].record
    assert "23892222" in [n.dial for n in sbhk.numbers] and "香港撒瑪利亞防止自殺會" in sbhk.name
    assert [n.dial for n in samaritans.numbers] == ["28960000"] and sbhk.name != samaritans.name
    assert sbhk.hours == samaritans.hours == "24/7"
    assert "000:global:2" in sbhk.seed_refs and sbhk.follows


@pytest.mark.parametrize("record_id,dial", [("taiwan-1925", "1925"), ("xianggang-18111", "18111"),
                                            ("aomen-caritas-life-hope", "28525222")])
def test_added_24_hour_lines_rest_on_more_than_aggregators(dataset, record_id, dial):
    record = dataset.by_id[record_id].record
    assert record.hours == "24/7" and dial in [n.dial for n in record.numbers]
    assert any(s.kind.value in ("official", "news") for s in record.sources)


def test_hong_kong_answer_lists_both_samaritan_numbers_open_at_night(invoke):
    out = invoke("now", "-r", "香港", "--at", "2026-11-24T03:00", "--limit", "0").stdout
    assert "2389 2222" in out and "2896 0000" in out and "999" in out
