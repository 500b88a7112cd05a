"""Every source carries a grade; `check` refuses a line offered on aggregator pages alone; `show` and `--stats` print grades."""

import json
from datetime import date

import pytest

from conftest import REPO
from test_check import GOOD, overlay

AGGREGATOR_ONLY = {**GOOD, "sources": [{"ref": "https://example.org/farm", "kind": "aggregator", "date": "2026-01-01"}]}


def test_line_offered_on_aggregator_pages_alone_is_refused(invoke, tmp_path):
    path = overlay(tmp_path, AGGREGATOR_ONLY)
    result = invoke("check", "--data", path)
    assert result.exit_code == 1
    assert f"{path}: test-xiamen-line: sources: its numbers and hours rest on aggregator pages only" in result.stderr


def test_aggregator_only_line_may_stay_as_uncertain(invoke, tmp_path):
    uncertain = {**AGGREGATOR_ONLY, "validity": {"status": "uncertain", "reason": "只见于聚合页"}}
    result = invoke("check", "--data", overlay(tmp_path, uncertain))
    assert result.exit_code == 0, result.output


def test_aggregator_plus_news_passes(invoke, tmp_path):
    both = {**AGGREGATOR_ONLY, "sources": AGGREGATOR_ONLY["sources"] + [{"ref": "https://example.org/paper", "kind": "news", "date": "2026-01-01"}]}
    result = invoke("check", "--data", overlay(tmp_path, both))
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("note", [None, "转载页，未写原文"])
def test_reprint_must_name_the_original_and_its_date(invoke, tmp_path, note):
    source = {"ref": "https://example.org/mirror", "kind": "reprint", "date": "2026-01-01"}
    if note:
        source["note"] = note
    result = invoke("check", "--data", overlay(tmp_path, {**GOOD, "sources": [source]}))
    assert result.exit_code == 1
    assert "a reprint's note names the original and its date" in result.stderr
    source["note"] = "原文：某日报，2025-12-31"
    assert invoke("check", "--data", overlay(tmp_path, {**GOOD, "sources": [source]})).exit_code == 0


def test_a_source_without_a_grade_is_refused(invoke, tmp_path):
    ungraded = {**GOOD, "sources": [{"ref": "https://example.org/announcement", "date": "2026-01-01"}]}
    result = invoke("check", "--data", overlay(tmp_path, ungraded))
    assert result.exit_code == 1
    assert "test-xiamen-line: sources.0.kind: Field required" in result.stderr


def test_show_prints_each_sources_grade(invoke):
    zh = invoke("show", "xianggang-sbhk").stdout
    assert "来源 [聚合页，未核实]: seed:000_" in zh
    assert "来源 [官方]: https://csrp.hku.hk/getting-help/" in zh
    assert "来源 [新闻媒体]: https://am730.com.hk/" in zh
    en = invoke("show", "xianggang-sbhk", "--lang", "en").stdout
    assert "Source [official]: https://csrp.hku.hk/getting-help/" in en


def test_stats_count_records_per_grade(invoke):
    result = invoke("check", "--stats")
    reported = dict(line.split(": ", 1) for line in result.stdout.splitlines() if ": " in line)
    records = [
        record
        for path in sorted((REPO / "data" / "hotlines").rglob("*.json"))
        for record in json.loads(path.read_text(encoding="utf-8"))["hotlines"]
    ]
    order = ["official", "news", "reprint", "aggregator", "survey"]
    for kind in order:
        citing = sum(1 for r in records if any(s["kind"] == kind for s in r["sources"]))
        strongest = sum(1 for r in records if min((s["kind"] for s in r["sources"]), key=order.index) == kind)
        assert reported[f"records_citing_{kind}"] == str(citing)
        assert reported[f"records_strongest_source_{kind}"] == str(strongest)
    assert sum(int(reported[f"records_strongest_source_{k}"]) for k in order) == len(records)


# The seeds' grades, as judged from their text (see README, "Sources and grades"):
# 000 a community wiki page citing nothing (aggregator), 001 the 2020 survey, 002 China Youth Daily (news),
# 003 the national technical guideline (official), 004 Haidu/Straits Metropolis Daily (news).
SEED_GRADES = {"000": "aggregator", "001": "survey", "002": "news", "003": "official", "004": "news"}


def test_every_seed_source_has_its_seeds_grade(dataset):
    for record in dataset.hotlines:
        for source in record.sources:
            if source.ref.startswith("seed:"):
                assert source.kind.value == SEED_GRADES[source.ref[5:8]], (record.id, source.ref)


def test_seed_002_is_dated_from_its_own_text(dataset):
    # Seed 002 says "7月9日……开放相关培训通道", so it was written on or after 2025-07-09.
    dated = [(r, s) for r in dataset.hotlines for s in r.sources if s.ref.startswith("seed:002") and s.date]
    assert dated, "seed 002 is cited with a date"
    for record, source in dated:
        assert source.date >= date(2025, 7, 9), record.id
        assert record.last_confirmed != date(2025, 7, 1), record.id
