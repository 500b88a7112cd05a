"""Region resolution: every way a person writes a place."""

import pytest

from hotline_cli.regions import RegionError, resolve


@pytest.mark.parametrize("typed", ["福建", "福建省", "闽", "fujian", "Fujian", "FUJIAN", " 福建 ", "35", "350000"])
def test_province_forms(dataset, typed):
    assert resolve(typed, dataset.regions).code == "350000"


@pytest.mark.parametrize("typed", ["厦门", "厦门市", "xiamen", "0592", "592", "350200"])
def test_city_forms(dataset, typed):
    place = resolve(typed, dataset.regions)
    assert place.city is not None and place.city.code == "350200"
    assert place.region.code == "350000"


def test_every_region_resolves_by_every_name(dataset):
    for region in dataset.regions:
        for typed in (region.name, region.short, region.abbr, region.pinyin, region.name_en, region.code, region.code[:2]):
            assert resolve(typed, dataset.regions).region.code == region.code, typed


def test_every_city_resolves_by_name_and_area_code(dataset):
    shared = {}
    for region in dataset.regions:
        for city in region.cities:
            for area in city.area_codes:
                shared.setdefault(area, set()).add(city.code)
    for region in dataset.regions:
        for city in region.cities:
            place = resolve(city.name, dataset.regions)
            assert place.region.code == region.code, city.name
            for area in city.area_codes:
                by_area = resolve(area, dataset.regions)
                if len(shared[area]) == 1:
                    assert by_area.city.code == city.code
                else:
                    assert by_area.region.code == region.code and by_area.city is None


@pytest.mark.parametrize("typed,code", [("香港", "810000"), ("HK", "810000"), ("hong kong", "810000"), ("澳门", "820000"),
                                        ("Macau", "820000"), ("Macao", "820000"), ("台湾", "710000"), ("Taiwan", "710000")])
def test_hong_kong_macau_taiwan(dataset, typed, code):
    assert resolve(typed, dataset.regions).code == code


def test_unknown_region_suggests(dataset):
    with pytest.raises(RegionError) as caught:
        resolve("fujain", dataset.regions)
    assert "福建省" in caught.value.suggestions


def test_ambiguous_city_lists_both(dataset):
    with pytest.raises(RegionError) as caught:
        resolve("taizhou", dataset.regions)
    assert len(caught.value.suggestions) == 2


@pytest.mark.parametrize("typed", ["", "   ", "x" * 500, "\x00", "‮福建"])
def test_garbage_is_an_error_not_a_crash(dataset, typed):
    try:
        resolve(typed, dataset.regions)
    except RegionError:
        pass
