"""Data invariants, run on the real bundled data; counts come from the seeds themselves."""

import json
import re
from datetime import date

import pytest

from conftest import REPO, SEEDS

SEED_001 = SEEDS / "001_8b990758779e8b6f.txt"
SEED_000 = SEEDS / "000_4d2025a5d3b35cff.txt"


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def seed_001_rows() -> list[int]:
    rows = []
    for line in SEED_001.read_text(encoding="utf-8").splitlines():
        first = line.split("\t", 1)[0].strip()
        if "\t" in line and first.isdigit():
            rows.append(int(first))
    return rows


def seed_000_numbers() -> list[str]:
    text = SEED_000.read_text(encoding="utf-8")
    found = [digits(shown) for shown in re.findall(r"\[([^\]]+)\]\(tel:", text)]
    global_table = text[text.index("## 全球与地区求助资源") : text.index("## 如果你是系统成员或照护者")]
    for row in global_table.splitlines()[4:]:
        cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
        if len(cells) >= 3:
            found.extend(digits(n) for n in re.findall(r"\d[\d-]{1,}\d", cells[2]))
    return sorted(set(found))


def all_dialable(dataset) -> set[str]:
    reachable = set()
    for record in dataset.hotlines:
        for number in record.numbers:
            reachable.add(number.dial.lstrip("+") + "".join(number.menu))
            reachable.add(digits(number.published))
    return reachable


def test_seed_001_has_75_rows_and_each_has_a_record(dataset):
    rows = seed_001_rows()
    assert len(rows) == 75 and rows == list(range(1, 76))
    refs = [ref for record in dataset.hotlines for ref in record.seed_refs if ref.startswith("001:row:")]
    assert sorted(int(ref.rsplit(":", 1)[1]) for ref in refs) == rows, "each seed-001 row has exactly one record"


def test_every_phone_entry_of_seed_000_has_a_record(dataset):
    wanted = seed_000_numbers()
    assert len(wanted) >= 35
    reachable = all_dialable(dataset)
    missing = [number for number in wanted if number not in reachable]
    assert missing == []


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
