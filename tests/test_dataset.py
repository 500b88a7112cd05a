"""Data invariants, run on the real bundled data; seed facts come from tests/fixtures/seed_rows.json."""

import json
from datetime import date
from itertools import combinations

import pytest

from conftest import REPO

SEED_FACTS = json.loads((REPO / "tests" / "fixtures" / "seed_rows.json").read_text(encoding="utf-8"))


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def all_dialable(dataset) -> set[str]:
    reachable = set()
    for record in dataset.hotlines:
        for number in record.numbers:
            reachable.add(number.dial.lstrip("+") + "".join(number.menu))
            reachable.add(digits(number.published))
    return reachable


def _published_pieces(record) -> list[str]:
    pieces = [digits(number.published) for number in record.numbers]
    pieces += [digits(channel.published or channel.value or "") for channel in record.channels]
    return [piece for piece in pieces if piece]


def _spelled_by(cell: str, pieces: list[str]) -> bool:
    """Are the cell's digits some of the record's published numbers, in order (none lost or added)?"""
    wanted = digits(cell)
    return not wanted or any(
        "".join(chosen) == wanted for size in range(1, len(pieces) + 1) for chosen in combinations(pieces, size)
    )


def test_seed_001_has_75_rows_and_each_has_a_record(dataset):
    rows = SEED_FACTS["seed_001_rows"]
    assert [row["id"] for row in rows] == [f"001:row:{n}" for n in range(1, 76)]
    by_ref: dict[str, list] = {}
    for record in dataset.hotlines:
        for ref in record.seed_refs:
            by_ref.setdefault(ref, []).append(record)
    problems = []
    for row in rows:
        found = by_ref.get(row["id"], [])
        if len(found) != 1:
            problems.append(f"{row['id']} {row['name']}: {len(found)} records")
        elif not _spelled_by(row["numbers"][0], _published_pieces(found[0])):
            problems.append(f"{row['id']} {row['name']}: {row['numbers'][0]!r} not in {found[0].id}")
    extra = sorted(ref for ref in by_ref if ref.startswith("001:row:") and ref not in {row["id"] for row in rows})
    assert problems == [] and extra == []


def test_every_phone_entry_of_seed_000_has_a_record(dataset):
    entries = SEED_FACTS["seed_000_entries"]
    assert len(entries) >= 35
    reachable = all_dialable(dataset)
    missing = [(entry["id"], number) for entry in entries for number in entry["numbers"] if digits(number) not in reachable]
    assert missing == []


def test_seed_fixture_names_its_documents_by_title_and_date():
    for key in ("000", "001"):
        document = SEED_FACTS["documents"][key]
        assert document["title"] and date.fromisoformat(document["date"]) and document["what"]


def test_every_mainland_province_has_a_12356_record(dataset):
    mainland = [region for region in dataset.regions if region.phone_region == "CN"]
    assert len(mainland) == 31
    for region in mainland:
        record = dataset.by_id.get(f"12356-{region.pinyin}")
        assert record is not None, region.name
        assert record.record.region == region.code
        assert any(number.dial == "12356" for number in record.record.numbers)
    assert "12356" in dataset.by_id


def test_all_34_provincial_divisions_with_emergency_numbers(dataset):
    assert len(dataset.regions) == 34
    codes = {region.code for region in dataset.regions}
    assert {"810000", "820000", "710000"} <= codes
    for region in dataset.regions:
        if region.phone_region == "CN":
            assert {"110", "120"} <= {e.number for e in region.emergency}
    assert {e.number for e in dataset.region_by_code["810000"].emergency} >= {"999"}


def test_every_city_named_by_a_record_is_known(dataset):
    for record in dataset.hotlines:
        if record.city is not None:
            assert record.city in dataset.city_by_code, record.id


def test_every_record_has_a_dated_source_and_confirmation(dataset):
    for record in dataset.hotlines:
        assert record.sources
        assert any(source.date is not None for source in record.sources), record.id
        assert record.last_confirmed <= date.today()


def test_bundled_data_passes_check(dataset):
    from hotline_cli.checks import run

    report = run(dataset, date.today())
    assert report.errors == []


def test_data_files_are_sorted_and_canonically_formatted():
    for path in sorted((REPO / "data").rglob("*.json")):
        text = path.read_text(encoding="utf-8")
        document = json.loads(text)
        assert text == json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n", path.name
        if "hotlines" in document:
            ids = [record["id"] for record in document["hotlines"]]
            assert ids == sorted(ids), path.name
        if "regions" in document:
            codes = [region["code"] for region in document["regions"]]
            assert codes == sorted(codes)


@pytest.mark.parametrize("name", ["hotlines.schema.json", "regions.schema.json"])
def test_published_data_schema_matches_the_model(name):
    from hotline_cli.schemas import DATA_SCHEMAS, render

    committed = (REPO / "schema" / name).read_text(encoding="utf-8")
    assert committed == render(DATA_SCHEMAS[name]), "run: python -m hotline_cli.schemas schema"


def test_bundled_files_validate_against_the_published_schema():
    import jsonschema

    schema = json.loads((REPO / "schema" / "hotlines.schema.json").read_text(encoding="utf-8"))
    for path in sorted((REPO / "data" / "hotlines").rglob("*.json")):
        jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), schema)


def test_wrong_area_code_in_seed_is_flagged_not_hidden(dataset):
    # Seed 001 prints Dalian's line as 041-…; phonenumbers would place 041-8468… in 阜新.
    dalian = [r for r in dataset.hotlines if "001:row:26" in r.seed_refs][0]
    number = dalian.numbers[0]
    assert number.published.startswith("041-")
    assert number.dial.startswith("0411") and number.dial_inferred
    assert dalian.caveats
