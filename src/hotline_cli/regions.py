"""Resolve what a person typed (福建 / 福建省 / 闽 / fujian / 35 / 厦门 / 0592 …) to a region or city."""

from __future__ import annotations

import difflib
import re
import unicodedata

from .records import City, Region
from .value import Value

MAX_INPUT = 64


class Place(Value, eq=False):
    region: Region
    city: City | None = None
    via_area_code: str | None = None
    # A place inside the answer's place that was typed (鼓楼区 of 福州市鼓楼区, 台北 for 台湾): the
    # answer is for the enclosing city or region, and says so.
    within: str | None = None

    @property
    def label(self) -> str:
        return f"{self.region.name}{self.city.name}" if self.city and self.city.name != self.region.name else self.region.name

    @property
    def code(self) -> str:
        return self.city.code if self.city else self.region.code


class RegionError(ValueError):
    def __init__(self, text: str, message: str, suggestions: list[str]):
        self.text = text
        self.suggestions = suggestions
        super().__init__(message)


def quoted(text: str, keep: int = 60) -> str:
    """What a person typed, for a message: repr-escaped and cut short, whatever its size."""
    return repr(text[:keep]) + ("…" if len(text) > keep else "")


def normalize(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).strip().lower()
    return "".join(ch for ch in folded if ch.isalnum())


_REGION_SUFFIXES = ("特别行政区", "壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "省", "市")
_CITY_SUFFIXES = ("自治州", "地区", "盟", "市", "县", "林区")


def _strip_suffix(name: str, suffixes: tuple[str, ...]) -> str:
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def _add(index: dict[str, list[Place]], key: str, place: Place) -> None:
    key = normalize(key)
    if not key:
        return
    found = index.setdefault(key, [])
    if all(existing.code != place.code for existing in found):
        found.append(place)


_INDEX_CACHE: dict[int, tuple[list[Region], tuple[dict, dict]]] = {}


def _index(regions: list[Region]) -> tuple[dict[str, list[Place]], dict[str, list[Place]]]:
    cached = _INDEX_CACHE.get(id(regions))
    if cached is not None and cached[0] is regions:
        return cached[1]
    built = _build_index(regions)
    _INDEX_CACHE.clear()
    _INDEX_CACHE[id(regions)] = (regions, built)
    return built


_ENGLISH_ALIASES = {"810000": ("hk", "hongkong"), "820000": ("macao", "macau", "mo"), "710000": ("tw",), "540000": ("tibet", "xizang")}
# Everyday and traditional-script names of a whole region.
_REGION_ALIASES = {
    "150000": ("内蒙",),
    "710000": ("臺灣", "台灣", "臺灣省", "中国台湾", "中國台灣"),
    "810000": ("香港特区", "香港特區", "中国香港", "中國香港", "hksar"),
    "820000": ("澳門", "澳门特区", "澳門特區", "中国澳门", "中國澳門", "macausar"),
}
# Well-known places inside regions that have no city list here: the answer is for the region, noted.
_PLACES_WITHOUT_CITY = {
    "710000": ("台北", "臺北", "台北市", "臺北市", "新北", "新北市", "台中", "臺中", "台中市", "臺中市", "台南", "臺南",
               "台南市", "臺南市", "高雄", "高雄市", "桃园", "桃園", "基隆", "新竹", "taipei", "kaohsiung", "taichung", "tainan"),
    "810000": ("九龙", "九龍", "新界", "港岛", "香港岛", "香港島", "kowloon", "newterritories"),
    "820000": ("氹仔", "路环", "路環", "taipa", "coloane"),
}
# Older romanisations still in use (postal and Wade-Giles): suggested, never guessed silently.
_OLD_ROMANISATIONS = {
    "peking": "beijing", "peiping": "beijing", "tientsin": "tianjin", "canton": "guangzhou", "amoy": "xiamen",
    "foochow": "fuzhou", "nanking": "nanjing", "tsingtao": "qingdao", "chungking": "chongqing", "hangchow": "hangzhou",
    "soochow": "suzhou", "swatow": "shantou", "mukden": "shenyang", "sian": "xian", "kwangtung": "guangdong",
    "fukien": "fujian", "szechwan": "sichuan", "szechuan": "sichuan", "hupeh": "hubei", "honan": "henan",
    "shantung": "shandong", "kiangsu": "jiangsu", "chekiang": "zhejiang", "kweichow": "guizhou", "kiangsi": "jiangxi",
    "shensi": "shaanxi", "shansi": "shanxi", "kansu": "gansu", "sinkiang": "xinjiang", "kwangsi": "guangxi",
    "hopeh": "hebei", "anhwei": "anhui", "kirin": "jilin", "heilungkiang": "heilongjiang",
}
# What follows a city's name when a person adds the district or county: 鼓楼区, 福清市, 长泰县, 达拉特旗.
# A string, compiled by `re` on first use: only a place name with something after it needs it.
_DISTRICT = r"^[\u4e00-\u9fff]{1,10}(?:区|县|市|旗|镇|乡|街道)$"


def _region_keys(region: Region) -> tuple[str, ...]:
    return (region.name, region.short, region.abbr, region.pinyin, region.name_en, region.code, region.code[:2],
            _strip_suffix(region.name, _REGION_SUFFIXES), *_ENGLISH_ALIASES.get(region.code, ()),
            *_REGION_ALIASES.get(region.code, ()))


def _province_named(key: str, regions: list[Region]) -> Region | None:
    """A province typed by one of its own names, found without indexing 369 cities (most queries)."""
    for region in regions:
        if key in (normalize(alias) for alias in _region_keys(region)):
            return region
    return None


def _build_index(regions: list[Region]) -> tuple[dict[str, list[Place]], dict[str, list[Place]]]:
    """(names index, area-code index). Region names win over city names of the same spelling."""
    names: dict[str, list[Place]] = {}
    cities: dict[str, list[Place]] = {}
    areas: dict[str, list[Place]] = {}
    for region in regions:
        place = Place(region)
        for key in _region_keys(region):
            _add(names, key, place)
        for city in region.cities:
            city_place = Place(region, city)
            for key in (city.name, city.short, city.pinyin, city.code, city.code[:4], _strip_suffix(city.name, _CITY_SUFFIXES)):
                _add(cities, key, city_place)
            for area in city.area_codes:
                _add(areas, area, city_place)
    for key, found in cities.items():
        if key in names:
            # A municipality's own city entry (北京市) resolves to the municipality.
            continue
        names[key] = found
    return names, areas


def _sorted(places) -> list[Place]:
    return sorted(places, key=lambda p: p.code)


def resolve(text: str, regions: list[Region]) -> Place:
    """One place for what was typed, or RegionError with suggestions."""
    raw = text if isinstance(text, str) else str(text)
    key = normalize(raw[:MAX_INPUT * 4])
    if not key or len(key) > MAX_INPUT:
        raise RegionError(raw, "empty or overlong region", [])
    if not (key.isdigit() and (key.startswith("0") or len(key) == 3)):
        province = _province_named(key, regions)
        if province is not None:
            return Place(province)
    names, areas = _index(regions)

    digits = key if key.isdigit() else None
    if digits and (digits.startswith("0") or len(digits) in (3,) ):
        area = digits if digits.startswith("0") else "0" + digits
        found = areas.get(area)
        if found:
            return _one_of(raw, found, via_area=area)
    found = names.get(key)
    if found:
        return _one_of(raw, found)
    if not key.isdigit():
        for suffixes in (_REGION_SUFFIXES, _CITY_SUFFIXES):
            stripped = _strip_suffix(key, suffixes)
            if stripped != key and stripped in names:
                return _one_of(raw, names[stripped])
    if not key.isdigit():
        inside = _place_within(key, regions, names)
        if inside is not None:
            return inside
    labels: list[str] = []
    # A place named at the start of what was typed comes first (北京朝阳: 北京市, never 辽宁省朝阳市 before it).
    for place in _named_at_start(key, names):
        if place.label not in labels:
            labels.append(place.label)
    for place in _sounds_like(key, regions):
        if place.label not in labels:
            labels.append(place.label)
    suggestions = difflib.get_close_matches(key, list(names), n=5, cutoff=0.6)
    for suggestion in suggestions:
        for place in _sorted(names[suggestion]):
            if place.label not in labels:
                labels.append(place.label)
    raise RegionError(raw, f"unknown region {quoted(raw)}", labels[:5])


def _named_at_start(key: str, names: dict[str, list[Place]]) -> list[Place]:
    """The places whose longest name begins ``key`` (two characters at least), for suggestions only."""
    for end in range(len(key) - 1, 1, -1):
        found = names.get(key[:end])
        if found:
            return _sorted(found)
    return []


def _place_within(key: str, regions: list[Region], names: dict[str, list[Place]]) -> Place | None:
    """A district or county typed after its city (福州市鼓楼区, 福建福州鼓楼区, 北京市海淀区), or a
    well-known place of a region without a city list (台北): the enclosing place, noting what was typed."""
    for region in regions:
        for alias in _PLACES_WITHOUT_CITY.get(region.code, ()):
            if key == normalize(alias):
                return Place(region, None, within=alias)
    for region in regions:
        for prefix in sorted({normalize(name) for name in _region_keys(region) if not name.isdigit()}, key=len, reverse=True):
            if len(prefix) < 2 or not key.startswith(prefix) or key == prefix:
                continue
            rest = key[len(prefix):]
            found = _city_and_district(rest, region)
            if found is not None:
                return found
            if region.kind.value == "municipality" and re.match(_DISTRICT, rest):
                return Place(region, None, within=rest)
    for region in regions:
        found = _city_and_district(key, region)
        if found is not None:
            return found
    return None


def _city_and_district(text: str, region: Region) -> Place | None:
    """`text` is one of the region's cities, or a city followed by a district-shaped name."""
    for city in region.cities:
        for name in sorted({normalize(city.name), normalize(city.short)}, key=len, reverse=True):
            if len(name) < 2 or not text.startswith(name):
                continue
            rest = text[len(name):]
            if not rest:
                return Place(region, city)
            if re.match(_DISTRICT, rest):
                return Place(region, city, within=rest)
    return None


def _sounds_like(key: str, regions: list[Region]) -> list[Place]:
    """Places whose pinyin is what was typed, read as pinyin: 福健 and 厦们 (input-method slips), Peking.

    Only reached for input nothing else matched, so pypinyin (large) is imported here alone.
    """
    readings = {_OLD_ROMANISATIONS[key]} if key in _OLD_ROMANISATIONS else set()
    if any("\u4e00" <= ch <= "\u9fff" for ch in key):
        readings |= _pinyin_readings(key)
        for suffixes in (_REGION_SUFFIXES, _CITY_SUFFIXES):
            stripped = _strip_suffix(key, suffixes)
            if stripped != key:
                readings |= _pinyin_readings(stripped)
    if not readings:
        return []
    found = [Place(region) for region in regions if region.pinyin in readings]
    found += [Place(region, city) for region in regions for city in region.cities if city.pinyin in readings]
    return found


MAX_READINGS = 64


def _pinyin_readings(text: str) -> set[str]:
    """Every way of reading `text` in toneless pinyin (heteronyms included, at most MAX_READINGS)."""
    from pypinyin import Style, pinyin

    readings = [""]
    for options in pinyin(text, style=Style.NORMAL, heteronym=True):
        options = [option.lower() for option in options if option] or [""]
        if len(readings) * len(options) > MAX_READINGS:
            options = options[:1]
        readings = [reading + option for reading in readings for option in options]
    return {reading for reading in readings if reading.isascii() and reading.isalpha()}


def _one_of(raw: str, found: list[Place], via_area: str | None = None) -> Place:
    places = _sorted(found)
    if len(places) == 1:
        place = places[0]
        return Place(place.region, place.city, via_area)
    provinces = {p.region.code for p in places}
    if via_area and len(provinces) == 1:
        # One area code for several cities of a province (0898 for Hainan): the province answers.
        return Place(places[0].region, None, via_area)
    raise RegionError(raw, f"ambiguous region {quoted(raw)}", [p.label for p in places][:8])
