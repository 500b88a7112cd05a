"""The hostile records of the export tests (tests/helpers.py) load, and reach the answer."""

import json

from helpers import AT, ENDED, HOSTILE, RECORDS, WEEKDAY_LINE, write_hostile_overlay as write_overlay


def test_overlay_loads_and_replaces_nothing(tmp_path):
    from hotline_cli.dataset import load

    dataset = load([write_overlay(tmp_path)])
    assert {r["id"] for r in RECORDS} <= set(dataset.by_id)
    assert dataset.replaced == []


def test_hostile_line_is_in_the_answer_and_the_ended_one_is_not(tmp_path, invoke):
    result = invoke("now", "--json", "--region", "厦门", "--at", AT, "--data", write_overlay(tmp_path))
    assert result.exit_code == 0, result.output
    ids = [line["id"] for line in json.loads(result.stdout)["hotlines"]]
    assert HOSTILE["id"] in ids and WEEKDAY_LINE["id"] in ids
    assert ENDED["id"] not in ids
