"""`hotline check` passes on the bundled data and fails clearly on each kind of bad record."""

import json

import pytest

from conftest import REPO
from helpers import GOOD, overlay

def test_bundled_data_passes(invoke):
    result = invoke("check")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("ok:")


def test_good_overlay_passes(invoke, tmp_path):
    result = invoke("check", "--data", overlay(tmp_path, GOOD))
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    "change,expected",
    [
        ({"scope": "planet"}, "test-xiamen-line: scope: Input should be"),
        ({"last_confirmed": "yesterday"}, "test-xiamen-line: last_confirmed:"),
        ({"sources": []}, "test-xiamen-line: sources: List should have at least 1 item"),
        ({"hours": "9-17"}, "test-xiamen-line: hours:"),
        ({"numbers": [{"published": "0591-8566 6661", "dial": "059185666661", "kind": "landline"}]}, "area code places it in 福建省福州市"),
        ({"numbers": [{"published": "0592-123", "dial": "0592123", "kind": "landline"}]}, "not a valid CN number"),
        ({"numbers": [{"published": "0591-12356", "dial": "059112356", "kind": "short_with_area_code"}]}, "area code 0591 does not belong to 厦门市"),
        ({"city": "359900"}, "city: 359900 is not a known city"),
        (
            {"sources": [{"ref": "https://example.org/a", "kind": "official", "date": "2026-01-01"}, {"ref": "https://example.org/b", "kind": "official", "date": "2026-03-01"}]},
            "last_confirmed: 2026-01-01 is older than its newest dated source (2026-03-01)",
        ),
        (
            {"numbers": [{"published": "0592-539 5159", "dial": "05925395159", "kind": "landline", "old_number": True,
                          "note": "原号码"}]},
            "old_number marks a number 12356 took over; it belongs on a 12356 record",
        ),
    ],
)
def test_bad_record_fails_with_a_readable_message(invoke, tmp_path, change, expected):
    result = invoke("check", "--data", overlay(tmp_path, {**GOOD, **change}))
    assert result.exit_code == 1
    assert expected in result.stderr
    assert "Traceback" not in result.output


def test_duplicate_id_fails(invoke, tmp_path):
    result = invoke("check", "--data", overlay(tmp_path, GOOD, GOOD))
    assert result.exit_code == 1
    assert "test-xiamen-line: id: duplicate id" in result.stderr


def test_missing_source_field_fails(invoke, tmp_path):
    record = {key: value for key, value in GOOD.items() if key != "sources"}
    result = invoke("check", "--data", overlay(tmp_path, record))
    assert result.exit_code == 1
    assert "test-xiamen-line: sources: Field required" in result.stderr


def test_stale_record_is_a_warning_not_an_error(invoke, tmp_path):
    old = {**GOOD, "last_confirmed": "2020-01-01", "sources": [{"ref": "https://example.org/announcement", "kind": "official", "date": "2020-01-01"}]}
    result = invoke("check", "--verbose", "--data", overlay(tmp_path, old))
    assert result.exit_code == 0
    assert "test-xiamen-line: last confirmed 2020-01-01, over 12 months ago" in result.stderr


def test_broken_json_names_the_file(invoke, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"hotlines": [', encoding="utf-8")
    result = invoke("check", "--data", path)
    assert result.exit_code == 1
    assert "broken.json: not valid JSON" in result.stderr


def test_stats_report_12356_coverage(invoke):
    result = invoke("check", "--stats")
    assert result.exit_code == 0
    reported = dict(line.split(": ", 1) for line in result.stdout.splitlines() if ": " in line)

    # Counted again straight from the data files, without the package's model.
    records = [
        record
        for path in sorted((REPO / "data" / "hotlines" / "12356").glob("*.json"))
        for record in json.loads(path.read_text(encoding="utf-8"))["hotlines"]
    ]
    cities = [r for r in records if r["scope"] == "city"]
    assert reported["12356_provinces"] == "31"
    assert reported["12356_records"] == str(len(records))
    assert reported["12356_cities"] == str(len(cities))
    assert reported["12356_provinces_with_city_records"] == str(len({r["region"] for r in cities}))
    assert reported["12356_records_with_sourced_hours"] == str(sum(1 for r in records if r.get("hours")))
    assert reported["12356_cities_with_area_code_form"] == str(
        sum(1 for r in cities if any(n["kind"] == "short_with_area_code" for n in r["numbers"]))
    )


def test_old_number_on_a_12356_record_needs_a_note_on_its_transition(invoke, tmp_path, dataset):
    centre = {
        **GOOD,
        "id": "12356-fujian-test",
        "numbers": [
            {"published": "12356", "dial": "12356", "kind": "short"},
            {"published": "0592-539 5159", "dial": "05925395159", "kind": "landline", "old_number": True},
        ],
    }
    # An overlay may not put any number but 12356 on a 12356 line; the rule is checked on the dataset itself.
    result = invoke("check", "--data", overlay(tmp_path, centre))
    assert result.exit_code == 1 and "12356-fujian-test: numbers[1].dial" in result.stderr
    assert "12356-fujian-test: number 0592-539 5159: old_number marks" in "\n".join(_run_with(dataset, centre).errors)
    centre["numbers"][1]["note"] = "过渡期内与12356并行，结束日期未公布"
    assert not [e for e in _run_with(dataset, centre).errors if "12356-fujian-test" in e]


def _run_with(dataset, record: dict):
    from datetime import date

    from hotline_cli.checks import run
    from hotline_cli.dataset import Dataset, LoadedHotline
    from hotline_cli.model import Hotline

    entries = [*dataset.entries, LoadedHotline(Hotline.model_validate(record), "bundled", "data/hotlines/test.json")]
    return run(Dataset(meta=dataset.meta, regions=dataset.regions, entries=entries), date(2026, 11, 24))
