"""What `hotline check` enforces on a loaded dataset, beyond the per-record schema.

Errors make the data unusable (the check fails); warnings are shown but pass.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta

from .dataset import BUNDLED, Dataset, LoadedHotline
from .model import NATIONAL, Hotline, NumberKind, PhoneNumber, Scope, SourceKind, ValidityStatus
from .value import Fresh, Value

STALE_AFTER = timedelta(days=365)
GEOGRAPHIC_KINDS = (NumberKind.landline, NumberKind.short_with_area_code)


class Report(Value, frozen=False):
    errors: list[str] = Fresh(list)
    warnings: list[str] = Fresh(list)
    stats: dict[str, int] = Fresh(dict)

    @property
    def ok(self) -> bool:
        return not self.errors




def _expected_place(dataset: Dataset, record: Hotline, number: PhoneNumber) -> tuple[str, list[str]] | None:
    """(label, names the geocoder may print) for where this number should be."""
    code = number.located_in or record.city
    if code is not None:
        found = dataset.city_by_code.get(code)
        if found is None:
            return None
        city = found[0]
        return city.name, [city.short, city.name]
    if record.region != NATIONAL and record.region in dataset.region_by_code:
        region = dataset.region_by_code[record.region]
        return region.name, [region.short, region.name]
    return None


def _area_codes_for(dataset: Dataset, record: Hotline, number: PhoneNumber) -> set[str]:
    code = number.located_in or record.city
    if code is not None and code in dataset.city_by_code:
        return set(dataset.city_by_code[code][0].area_codes)
    region = dataset.region_by_code.get(record.region)
    if region is None:
        return set()
    return {area for city in region.cities for area in city.area_codes}


def _check_numbers(dataset: Dataset, record: Hotline, all_area_codes: set[str], report: Report) -> None:
    from .phones import area_code_of, geocode, parse_problem

    for number in record.numbers:
        where = f"{record.id}: number {number.published}"
        if number.old_number and not (record.is_12356 and number.note):
            report.errors.append(
                f"{where}: old_number marks a number 12356 took over; it belongs on a 12356 record"
                " and needs a note saying what a source says of its transition"
            )
        problem = parse_problem(number)
        if problem:
            report.errors.append(f"{record.id}: numbers: {problem}")
            continue
        if number.country != "CN" or number.kind not in GEOGRAPHIC_KINDS:
            continue
        if number.located_in and number.located_in not in dataset.city_by_code:
            report.errors.append(f"{where}: located_in {number.located_in} is not a known city")
            continue
        if record.scope is Scope.national and number.located_in is None:
            continue  # a national service may sit in any city
        if number.kind is NumberKind.short_with_area_code:
            area = area_code_of(number.dial, all_area_codes)
            allowed = _area_codes_for(dataset, record, number)
            if area is None:
                report.errors.append(f"{where}: dial {number.dial} does not start with a known area code")
            elif allowed and area not in allowed:
                report.errors.append(
                    f"{where}: area code {area} does not belong to {_place_label(dataset, record, number)}"
                    f" (expected one of {', '.join(sorted(allowed))})"
                )
            continue
        expected = _expected_place(dataset, record, number)
        if expected is None:
            continue
        label, names = expected
        located = geocode(number)
        if not any(name in located for name in names):
            report.errors.append(
                f"{where}: area code places it in {located or 'an unknown place'}, but the record is for {label}"
                " (fix the number from a source, or set located_in with a note)"
            )


def _place_label(dataset: Dataset, record: Hotline, number: PhoneNumber) -> str:
    expected = _expected_place(dataset, record, number)
    return expected[0] if expected else record.region


def _hours_texts(record: Hotline):
    yield "hours", record.hours
    for number in record.numbers:
        yield f"numbers[{number.published}].hours", number.hours
    for channel in record.channels:
        yield f"channels[{channel.value}].hours", channel.hours
    for audience in record.audiences:
        yield f"audiences[{audience.key.value}].hours", audience.hours


def _check_hours(record: Hotline, report: Report) -> None:
    from .schedule import HoursSyntaxError, parse_hours

    for label, text in _hours_texts(record):
        if text is None:
            continue
        try:
            parse_hours(text)
        except HoursSyntaxError as error:
            report.errors.append(f"{record.id}: {label}: {error}")
    if record.hours is None and any(n.hours for n in record.numbers):
        missing = [n.published for n in record.numbers if n.hours is None and not n.ended]
        if missing:
            report.warnings.append(f"{record.id}: hours unknown for {', '.join(missing)}")


def run(dataset: Dataset, today: date) -> Report:
    report = Report()
    ids = {record.id for record in dataset.hotlines}
    all_area_codes = {area for region in dataset.regions for city in region.cities for area in city.area_codes}

    region_codes = Counter(region.code for region in dataset.regions)
    for code, count in region_codes.items():
        if count > 1:
            report.errors.append(f"regions: {code}: duplicate region code")
    city_codes = Counter(city.code for region in dataset.regions for city in region.cities)
    for code, count in city_codes.items():
        if count > 1:
            report.errors.append(f"regions: {code}: duplicate city code")

    from .overlays import emergency_numbers, emergency_problems

    emergency = emergency_numbers(dataset.regions)
    for entry in dataset.entries:
        record = entry.record
        report.errors.extend(f"{entry.file}: {record.id}: {problem}" for problem in emergency_problems(record, emergency))
        if record.region != NATIONAL and record.region not in dataset.region_by_code:
            report.errors.append(f"{record.id}: region: {record.region} is not a known region")
        if record.city is not None and record.city not in dataset.city_by_code:
            report.errors.append(f"{record.id}: city: {record.city} is not a known city")
        for related in record.related:
            if related not in ids:
                report.errors.append(f"{record.id}: related: {related} is not a known record id")
        superseded_by = record.validity.superseded_by
        if superseded_by and superseded_by not in ids:
            report.errors.append(f"{record.id}: validity.superseded_by: {superseded_by} is not a known record id")
        if not record.sources:
            report.errors.append(f"{record.id}: sources: a record needs at least one source")
        if record.last_confirmed > today:
            report.errors.append(f"{record.id}: last_confirmed: {record.last_confirmed} is in the future")
        elif _confirmed_before_newest_source(record):
            newest = max(source.date for source in record.sources if source.date)
            report.errors.append(
                f"{record.id}: last_confirmed: {record.last_confirmed} is older than its newest dated source ({newest})"
            )
        elif today - record.last_confirmed > STALE_AFTER:
            report.warnings.append(f"{record.id}: last confirmed {record.last_confirmed.isoformat()}, over 12 months ago")
        _check_sources(entry, report)
        _check_numbers(dataset, record, all_area_codes, report)
        _check_hours(record, report)

    _check_12356_hours_basis(dataset, report)
    report.stats = stats(dataset)
    return report


def _announces_hours(record: Hotline) -> bool:
    return bool(record.hours or record.hours_published)


def _check_12356_hours_basis(dataset: Dataset, report: Report) -> None:
    """Each province's 12356 record says whether its own announcement gives hours, and the data agrees."""
    lines = [r for r in dataset.hotlines if r.is_12356]
    for record in lines:
        if record.scope is not Scope.provincial:
            if record.hours_basis is not None:
                report.errors.append(f"{record.id}: hours_basis: only a province's 12356 record carries it")
            continue
        cities_announce = any(_announces_hours(c) for c in lines if c.id.startswith(record.id + "-"))
        expected = ("province_announcement" if _announces_hours(record)
                    else "city_announcements" if cities_announce else "none_found")
        if record.hours_basis != expected:
            report.errors.append(
                f"{record.id}: hours_basis: is {record.hours_basis}, but the data says {expected}"
                " (province_announcement: its own hours; city_announcements: some city records have hours; none_found)"
            )


_DATED = re.compile(r"\d{4}-\d{2}-\d{2}|\d{4}年\d{1,2}月\d{1,2}日")


def _check_sources(entry: LoadedHotline, report: Report) -> None:
    """A number or an hour offered to callers must rest on more than a content farm; a reprint says what it reprints.

    A line known only from aggregators may stay in the data as ``uncertain`` (never offered as open)."""
    record = entry.record
    where = f"{entry.file if entry.origin == BUNDLED else entry.origin}: {record.id}"
    offered = record.validity.status in (ValidityStatus.ongoing, ValidityStatus.until)
    states_facts = bool(record.numbers) or any(text for _, text in _hours_texts(record))
    if offered and states_facts and record.sources and all(s.kind is SourceKind.aggregator for s in record.sources):
        report.errors.append(
            f"{where}: sources: its numbers and hours rest on aggregator pages only;"
            " add an official, news or reprint source, or mark the line uncertain"
        )
    for source in record.sources:
        if source.kind is SourceKind.reprint and not (source.note and _DATED.search(source.note)):
            report.errors.append(
                f"{where}: sources: {source.ref}: a reprint's note names the original and its date (YYYY-MM-DD)"
            )


def strongest_grade(record: Hotline) -> SourceKind:
    """The most trusted grade among a record's sources (SourceKind lists them from most to least)."""
    order = list(SourceKind)
    return min((source.kind for source in record.sources), key=order.index)


def _confirmed_before_newest_source(record: Hotline) -> bool:
    """A line still offered was confirmed by its newest source; an ended line's later sources report the end."""
    if record.validity.status in (ValidityStatus.ended, ValidityStatus.superseded):
        return False
    dates = [source.date for source in record.sources if source.date]
    return bool(dates) and max(dates) > record.last_confirmed


def _cities_with_unique_area_code(dataset: Dataset, regions) -> int:
    """Cities no other city shares an area code with: the only ones where 区号+12356 may be suggested."""
    shared = dataset.shared_area_codes
    return sum(1 for region in regions for city in region.cities if city.area_codes and not shared & set(city.area_codes))


def stats(dataset: Dataset) -> dict[str, int]:
    lines_12356 = [r for r in dataset.hotlines if r.is_12356]
    provinces = {r.region for r in lines_12356 if r.scope is Scope.provincial}
    cities = [r for r in lines_12356 if r.scope is Scope.city]
    mainland = [region for region in dataset.regions if region.phone_region == "CN"]
    return {
        "hotlines": len(dataset.hotlines),
        "regions": len(dataset.regions),
        "cities": sum(len(region.cities) for region in dataset.regions),
        "12356_provinces": len(provinces),
        "mainland_provinces": len(mainland),
        "12356_cities": len(cities),
        "12356_provinces_with_city_records": len({r.region for r in cities}),
        "12356_cities_with_area_code_form": sum(1 for r in cities if r.area_code_number() is not None),
        "12356_records_with_sourced_hours": sum(1 for r in lines_12356 if r.hours is not None),
        "12356_records": len(lines_12356),
        "12356_cities_with_own_record": len({r.city for r in cities}),
        "mainland_cities": sum(len(region.cities) for region in mainland),
        "mainland_cities_with_unique_area_code": _cities_with_unique_area_code(dataset, mainland),
        **{f"12356_provinces_hours_{basis}": sum(1 for r in lines_12356 if r.hours_basis == basis)
           for basis in ("province_announcement", "city_announcements", "none_found")},
        **{f"records_strongest_source_{kind.value}": sum(1 for r in dataset.hotlines if strongest_grade(r) is kind)
           for kind in SourceKind},
        **{f"records_citing_{kind.value}": sum(1 for r in dataset.hotlines if any(s.kind is kind for s in r.sources))
           for kind in SourceKind},
    }
