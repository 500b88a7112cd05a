"""Hostile records for the export tests, written as an overlay file (`--data`), and a check that they load.

The exports must show such records as plain text in every format: markup,
Markdown syntax, spreadsheet formulas and vCard separators all stay inert.
"""

import json

SCRIPT_NAME = '<script>alert("x")</script>测试热线 *粗体* [链接](http://evil.invalid) & 更多说明文字让名字超过一行'
FORMULA_OPERATOR = '=HYPERLINK("http://evil.invalid","点我")'
TRICKY_CAVEAT = "第一部分; 分号, 逗号 \\ 反斜杠"

HOSTILE = {
    "id": "test-hostile-xiamen",
    "name": SCRIPT_NAME,
    "scope": "city",
    "region": "350000",
    "city": "350200",
    "operator": FORMULA_OPERATOR,
    "numbers": [
        {"published": "0592-539 5159", "dial": "05925395159", "kind": "landline", "for_callers": "landline",
         "menu": ["2"], "note": "@转人工"},
        {"published": "138 0592 0000", "dial": "13805920000", "kind": "mobile", "for_callers": "mobile"},
        {"published": "0592-000 0000", "dial": "05920000000", "kind": "landline", "ended": True,
         "note": "已停用的号码"},
    ],
    "audiences": [{"key": "general"}, {"key": "students", "hours": "WD 09:00-17:00"}],
    "hours": "24/7",
    "call_length": "-1",
    "caveats": [TRICKY_CAVEAT, "+86 开头的说明"],
    "validity": {"status": "ongoing"},
    "sources": [{"ref": "https://example.org/list?a=1&b=<x>", "kind": "official", "date": "2026-01-01"}],
    "last_confirmed": "2026-01-01",
}

ENDED = {
    "id": "test-ended-xiamen",
    "name": "已经停用的测试热线",
    "scope": "city",
    "region": "350000",
    "city": "350200",
    "numbers": [{"published": "0592-511 1111", "dial": "05925111111", "kind": "landline"}],
    "audiences": [{"key": "general"}],
    "hours": "24/7",
    "validity": {"status": "ended", "since": "2025-01-01", "reason": "测试用：已停止服务"},
    "sources": [{"ref": "https://example.org/ended", "kind": "official", "date": "2025-01-01"}],
    "last_confirmed": "2025-01-01",
}

WEEKDAY_LINE = {
    "id": "test-weekday-xiamen",
    "name": "厦门工作日测试热线",
    "scope": "city",
    "region": "350000",
    "city": "350200",
    "numbers": [{"published": "0592-522 2222", "dial": "05925222222", "kind": "landline"}],
    "audiences": [{"key": "general"}],
    "hours": "WD 09:00-17:00",
    "validity": {"status": "ongoing"},
    "sources": [{"ref": "https://example.org/weekday", "kind": "official", "date": "2026-01-01"}],
    "last_confirmed": "2026-01-01",
}

RECORDS = (HOSTILE, ENDED, WEEKDAY_LINE)
AT = "2026-11-24T23:30"  # a Tuesday night: the weekday line is closed, 24/7 lines are open


def write_overlay(folder):
    path = folder / "hostile.json"
    path.write_text(json.dumps({"hotlines": list(RECORDS)}, ensure_ascii=False), encoding="utf-8")
    return path


def export_args(overlay, fmt, output="-", *extra):
    return ("export", "--format", fmt, "--region", "厦门", "--at", AT, "--data", overlay, "-o", output, *extra)


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
