"""The call log: records, the 30-day rule and its effect on answers, durability, team files, reports."""

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from conftest import china
from hotline_cli import attempts as A

VERSION = "2026.11.23"
AT = "2026-12-01T10:00"  # a Tuesday; in Fuzhou several lines are open at this hour


def attempt(line_id, outcome, when, number=None, note=None):
    return A.new_attempt(line_id, number, outcome, when, note, VERSION)


@pytest.fixture
def log_file():
    return Path(os.environ["HOTLINE_USER_DATA"]) / "attempts.jsonl"


def now_json(invoke, *extra):
    result = invoke("now", "--region", "福州", "--at", AT, "--json", *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# --------------------------------------------------------------------------- the rule


@pytest.mark.parametrize("outcome", A.OUTCOMES)
def test_each_outcome_is_recorded_and_read_back(invoke, log_file, outcome):
    result = invoke("log", "fujian-fjmu", outcome, "--at", "2026-11-30T21:10", "--note", "试拨")
    assert result.exit_code == 0, result.output
    [line] = log_file.read_text(encoding="utf-8").splitlines()
    stored = json.loads(line)
    assert stored == {"line_id": "fujian-fjmu", "number": None, "outcome": outcome,
                      "at": "2026-11-30T21:10:00+08:00", "note": "试拨", "dataset_version": stored["dataset_version"]}
    log = A.line_log([A.attempt_from_dict(stored)], china(2026, 12, 1, 10))
    assert (log.failure is not None) == (outcome != "answered")
    assert (log.answered is not None) == (outcome == "answered")


def test_a_failure_counts_for_thirty_days_and_an_answer_clears_it():
    called = china(2026, 11, 30, 21, 10)
    failed = [attempt("x", "no-answer", called)]
    assert A.line_log(failed, called + timedelta(days=30)).failure == failed[0]
    assert A.line_log(failed, called + timedelta(days=30, minutes=1)).failure is None
    assert A.line_log(failed, called - timedelta(minutes=1)) is None  # the log says nothing of the past
    answered = failed + [attempt("x", "answered", called + timedelta(days=1))]
    log = A.line_log(answered, called + timedelta(days=2))
    assert log.failure is None and log.answered == answered[1]


def test_notes_read_like_the_issue_asks():
    log = A.line_log([attempt("x", "no-answer", china(2026, 11, 30, 21, 10))], china(2026, 12, 1))
    assert A.notes(log, "zh") == ["你 11-30 21:10 拨打无人接听"]
    assert A.notes(log, "en") == ["You called on 11-30 21:10: no answer"]
    answered = A.line_log([attempt("x", "answered", china(2026, 11, 30, 21, 10))], china(2026, 12, 1))
    assert A.notes(answered, "en") == ["last answered 11-30 21:10"]


def test_dead_twice_since_the_last_answer_hides_but_an_answer_brings_it_back():
    first, second = china(2026, 1, 5, 9), china(2026, 11, 28, 9)
    dead = [attempt("x", "out-of-service", first), attempt("x", "wrong-number", second)]
    assert A.line_log(dead, china(2026, 12, 1)).hidden
    assert not A.line_log(dead[:1], china(2026, 12, 1)).hidden
    revived = dead + [attempt("x", "answered", second + timedelta(hours=1))]
    assert not A.line_log(revived, china(2026, 12, 1)).hidden


def test_a_recent_failure_ranks_after_its_group_and_is_shown(invoke, log_file):
    before = now_json(invoke)
    # Fuzhou's own open lines are old listings (hidden); the two open national lines make the group here.
    open_here = [line["id"] for line in before["hotlines"] if line["group"] == "open_national"]
    assert len(open_here) >= 2, "the fixture instant must have two open lines in one group"
    first = open_here[0]
    assert invoke("log", first, "no-answer", "--at", "2026-11-30T21:10").exit_code == 0

    after = now_json(invoke)
    reordered = [line["id"] for line in after["hotlines"] if line["group"] == "open_national"]
    assert reordered == open_here[1:] + [first]
    assert [line["id"] for line in after["hotlines"]][0] == before["hotlines"][0]["id"]  # 12356 stays first
    line = next(line for line in after["hotlines"] if line["id"] == first)
    assert line["attempt_note"] == "你 11-30 21:10 拨打无人接听"
    assert line["attempts"][0]["outcome"] == "no-answer"
    plain = invoke("now", "--region", "福州", "--at", AT, "--format", "plain", "--lang", "en")
    assert "You called on 11-30 21:10: no answer" in plain.stdout

    # 31 days later the failure no longer counts: the order is the one without a log again.
    later = invoke("now", "--region", "福州", "--at", "2026-12-31T10:00", "--json")
    assert later.exit_code == 0
    ids = [line["id"] for line in json.loads(later.stdout)["hotlines"]]
    without_log = invoke("now", "--region", "福州", "--at", "2026-12-31T10:00", "--json", env={"HOTLINE_USER_DATA": str(log_file.parent / "empty")})
    assert ids == [line["id"] for line in json.loads(without_log.stdout)["hotlines"]]
    assert next(line for line in json.loads(later.stdout)["hotlines"] if line["id"] == first)["attempt_note"] is None


def test_dead_twice_hides_from_now_and_all_shows_the_reason(invoke):
    target = next(line["id"] for line in now_json(invoke)["hotlines"] if line["group"] == "open_national")
    for when, outcome in (("2026-11-20T10:00", "out-of-service"), ("2026-11-29T10:00", "wrong-number")):
        assert invoke("log", target, outcome, "--at", when).exit_code == 0
    hidden = now_json(invoke)
    assert target not in [line["id"] for line in hidden["hotlines"]]
    assert "hidden_by_call_log" in [warning["code"] for warning in hidden["warnings"]]
    plain = invoke("now", "--region", "福州", "--at", AT, "--format", "plain")
    assert "加 --all 可查看" in plain.stdout
    shown = {line["id"]: line for line in now_json(invoke, "--all")["hotlines"]}
    assert shown[target]["group"] == "inactive"
    assert "空号" in shown[target]["inactive_reason"]


def test_12356_is_never_hidden_or_moved(invoke):
    primary = now_json(invoke)["hotlines"][0]["id"]
    for when in ("2026-11-20T10:00", "2026-11-29T10:00"):
        assert invoke("log", primary, "out-of-service", "--at", when).exit_code == 0
    document = now_json(invoke)
    assert document["hotlines"][0]["id"] == primary
    assert document["hotlines"][0]["attempts"]


def test_json_with_a_log_matches_the_published_schema(invoke):
    import jsonschema

    from conftest import REPO

    invoke("log", "0591-85666661", "busy", "--at", "2026-11-30T21:10")
    schema = json.loads((REPO / "schema" / "now-output.schema.json").read_text(encoding="utf-8"))
    for args in (("now", "-r", "福州", "--all"), ("list", "-r", "福州", "--all")):
        jsonschema.validate(json.loads(invoke(*args, "--at", AT, "--json").stdout), schema)


def test_show_day_and_export_read_the_log(invoke, tmp_path):
    # A line every one of these answers shows (Fuzhou's own lines are old listings, left out by default).
    invoke("log", "beijing-crisis-center", "no-answer", "--at", "2026-11-30T21:10")
    shown = invoke("show", "beijing-crisis-center")
    assert "你的拨打记录" in shown.stdout and "无人接听" in shown.stdout
    exported = invoke("export", "--format", "md", "--region", "福州", "--at", AT, "-o", "-")
    assert "你 11-30 21:10 拨打无人接听" in exported.stdout
    day = invoke("day", "--region", "福州", "--date", "2026-12-01", "--json")
    assert day.exit_code == 0, day.output
    line = next(line for line in json.loads(day.stdout)["hotlines"] if line["id"] == "beijing-crisis-center")
    assert line["attempt_note"] == "你 11-30 21:10 拨打无人接听"


def test_numbers_in_any_printed_form_find_the_line(dataset):
    for key in ("0591-85666661", "0591 8566 6661", "059185666661", "+86 591 8566 6661", "0086-591-85666661",
                "(0591) 8566-6661", "fujian-provincial"):
        assert A.resolve(dataset, key)[0].record.id == "fujian-provincial"
    assert A.resolve(dataset, "+86 400-161-9995")[1] == "400-161-9995"


def test_bad_log_input_is_exit_2(invoke, log_file):
    assert invoke("log", "no-such-line", "busy").exit_code == 2
    assert invoke("log", "12356", "rang-for-ages").exit_code == 2
    assert invoke("log", "12356").exit_code == 2
    assert invoke("log", "12356", "busy", "--at", "2999-01-01T00:00").exit_code == 2
    assert invoke("log", "12356", "busy", "--note", "bad\x1b[31m").exit_code == 2
    assert not log_file.exists()


def test_no_file_is_written_by_reading_commands(invoke, log_file):
    for args in (("now", "-r", "福州"), ("log",), ("show", "12356"), ("log", "--json")):
        assert invoke(*args).exit_code == 0
    assert not any(log_file.parent.iterdir())


# --------------------------------------------------------------------------- the file


def test_torn_last_line_is_skipped_with_a_warning_and_the_next_append_starts_fresh(invoke, log_file):
    assert invoke("log", "12356", "answered", "--at", "2026-11-30T21:10").exit_code == 0
    with log_file.open("ab") as stream:
        stream.write(b'{"line_id": "12356", "outcome": "no-ans')  # a crash in the middle of a write
    listed = invoke("log", "--json")
    assert listed.exit_code == 0
    assert json.loads(listed.stdout)["count"] == 1
    assert "incomplete record" in listed.stderr
    assert invoke("log", "12356", "busy", "--at", "2026-11-30T22:00").exit_code == 0
    assert [a.outcome for a in A.read_log(log_file).attempts] == ["answered", "busy"]


def test_forget_removes_only_that_line(invoke, log_file):
    invoke("log", "12356", "answered", "--at", "2026-11-30T21:10")
    invoke("log", "0591-85666661", "no-answer", "--at", "2026-11-30T21:20")
    result = invoke("log", "--forget", "fujian-provincial")
    assert result.exit_code == 0 and "removed 1" in result.stdout
    assert [a.line_id for a in A.read_log(log_file).attempts] == ["12356"]
    assert [p.name for p in log_file.parent.iterdir()] == ["attempts.jsonl"]  # no temporary file left


WRITER = """
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from hotline_cli import attempts as A
path, worker = Path(sys.argv[1]), int(sys.argv[2])
start = datetime(2026, 11, 30, tzinfo=timezone(timedelta(hours=8)))
for n in range(50):
    A.append(path, [A.new_attempt("12356", "12356", "busy", start + timedelta(minutes=n), f"worker {worker} call {n} " + "x" * 300, "v1")])
"""


def test_concurrent_appends_from_several_processes_never_interleave(tmp_path):
    path = tmp_path / "attempts.jsonl"
    workers = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(w)]) for w in range(4)]
    assert all(worker.wait(timeout=120) == 0 for worker in workers)
    lines = path.read_bytes().split(b"\n")
    assert lines[-1] == b""
    records = [json.loads(line) for line in lines[:-1]]  # every line parses on its own
    assert len(records) == 200
    assert {record["note"].split(" call")[0] for record in records} == {f"worker {w}" for w in range(4)}


# --------------------------------------------------------------------------- team files


def test_export_and_import_deduplicate(invoke, tmp_path, log_file):
    invoke("log", "12356", "answered", "--at", "2026-11-30T21:10")
    invoke("log", "0591-85666661", "no-answer", "--at", "2026-11-30T21:20")
    shared = tmp_path / "team.json"
    assert invoke("log", "--export", shared).exit_code == 0
    assert invoke("log", "--export", shared).exit_code == 2  # never replaced without --force
    result = invoke("log", "--import", shared)
    assert result.exit_code == 0 and "imported 0" in result.stdout
    log_file.unlink()
    assert "imported 2" in invoke("log", "--import", shared).stdout
    assert len(A.read_log(log_file).attempts) == 2


def test_export_into_the_overlay_folder_is_refused(invoke, log_file):
    invoke("log", "12356", "answered", "--at", "2026-11-30T21:10")
    result = invoke("log", "--export", log_file.parent / "team.json")
    assert result.exit_code == 2 and "overlay folder" in result.stderr
    assert invoke("now").exit_code == 0


def _team_file(tmp_path, attempts, **top):
    path = tmp_path / "hostile.json"
    document = {"format": "hotline-attempts", "version": 1, "dataset_version": VERSION, "attempts": attempts, **top}
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


GOOD = {"line_id": "12356", "number": "12356", "outcome": "busy", "at": "2026-11-30T21:10:00+08:00", "note": None,
        "dataset_version": VERSION}


@pytest.mark.parametrize("bad", [
    {**GOOD, "note": "\x1b]8;;http://x\x07click"},
    {**GOOD, "note": "\u202eevil"},
    {**GOOD, "outcome": "maybe"},
    {**GOOD, "line_id": 12356},
    {**GOOD, "at": "yesterday"},
    {**GOOD, "at": "2026-11-30T21:10:00"},
    {**GOOD, "number": "12356; rm -rf /"},
    {**GOOD, "extra": 1},
    [1, 2],
    "text",
])
def test_import_refuses_hostile_records_naming_the_file(invoke, tmp_path, log_file, bad):
    path = _team_file(tmp_path, [GOOD, bad])
    result = invoke("log", "--import", path)
    assert result.exit_code == 1
    assert "hostile.json" in result.stderr and "attempts[2]" in result.stderr
    assert not log_file.exists()  # nothing of a refused file is kept


def test_import_refuses_huge_and_broken_files(invoke, tmp_path, log_file):
    huge = tmp_path / "huge.json"
    with huge.open("wb") as stream:
        stream.truncate(21 * 1024 * 1024)
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "hotline-attempts", "attempts": [', encoding="utf-8")
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000, encoding="utf-8")
    wrong = _team_file(tmp_path, {"not": "a list"})
    for path in (huge, broken, deep, wrong, tmp_path / "missing.json"):
        result = invoke("log", "--import", path)
        assert result.exit_code == 1, path
        assert path.name in result.stderr
        assert "Traceback" not in result.output
    assert not log_file.exists()


# --------------------------------------------------------------------------- report


def test_report_overlay_passes_check_and_markdown_renders(invoke, tmp_path):
    from markdown_it import MarkdownIt

    invoke("log", "0591-85666661", "out-of-service", "--at", "2026-11-30T21:10", "--note", "| `pipe` <b>")
    result = invoke("report", "0591-85666661", "--what", "number", "--value", "0591-12356",
                    "--source", "https://wjw.fujian.gov.cn/example", "--source-date", "2025-04-07",
                    "--output-dir", tmp_path, "--json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["sent"] is False
    overlay = Path(document["overlay_file"])
    checked = invoke("check", "--data", overlay)
    assert checked.exit_code == 0, checked.output
    shown = invoke("show", "fujian-provincial", "--data", overlay, "--json")
    numbers = json.loads(shown.stdout)["hotlines"][0]["numbers"]
    assert numbers[0]["published"] == "0591-12356" and numbers[1]["ended"] is True

    markdown = Path(document["report_file"]).read_text(encoding="utf-8")
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    fences = [t for t in tokens if t.type == "fence"]
    assert fences and fences[0].info == "diff" and '+      "published": "0591-12356"' in fences[0].content
    html = MarkdownIt("commonmark").enable("table").render(markdown)
    assert "<b>" not in html  # the user's note is text, not markup
    assert "<table>" in html and "out-of-service" in html
    assert VERSION in markdown and "https://wjw.fujian.gov.cn/example" in markdown


@pytest.mark.parametrize("what,value", [("hours", "Mo-Fr 08:00-22:00"), ("ended", None)])
def test_report_hours_and_ended_pass_check(invoke, tmp_path, what, value):
    args = ["report", "guangxi-nanning", "--what", what, "--source", "https://example.gov.cn/a",
            "--source-date", "2026-11-01", "--output-dir", tmp_path]
    if value:
        args += ["--value", value]
    assert invoke(*args).exit_code == 0
    assert invoke("check", "--data", tmp_path / "hotline-correction-guangxi-nanning.json").exit_code == 0


def test_report_never_overwrites_without_asking_and_refuses_bad_input(invoke, tmp_path):
    args = ["report", "guangxi-nanning", "--what", "hours", "--value", "24/7", "--source", "https://example.gov.cn/a",
            "--source-date", "2026-11-01", "--output-dir", tmp_path]
    assert invoke(*args).exit_code == 0
    (tmp_path / "hotline-report-guangxi-nanning.md").write_text("mine", encoding="utf-8")
    assert invoke(*args).exit_code == 2
    assert (tmp_path / "hotline-report-guangxi-nanning.md").read_text(encoding="utf-8") == "mine"
    assert invoke(*args, "--force").exit_code == 0
    assert invoke("report", "guangxi-nanning", "--what", "hours", "--value", "weekdays 9 to 5", "--source",
                  "https://example.gov.cn/a", "--source-date", "2026-11-01", "--output-dir", tmp_path).exit_code == 2
    assert invoke("report", "guangxi-nanning", "--what", "hours", "--value", "24/7",
                  "--output-dir", tmp_path).exit_code == 2  # no source


PTY_DRIVER = """
import os, pty, select, sys, time
pid, fd = pty.fork()
if pid == 0:
    os.chdir(sys.argv[1])
    os.execv(sys.executable, [sys.executable, "-m", "hotline_cli", "report", "guangxi-nanning"])
answers = iter(["opening hours", "hours", "Mo-Fr 08:00-22:00", "https://example.gov.cn/a", "2026-11-01"])
out, deadline = b"", time.time() + 120
while time.time() < deadline:
    if select.select([fd], [], [], 0.5)[0]:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
        if chunk.rstrip().endswith(b":"):
            os.write(fd, (next(answers, "") + "\\n").encode())
sys.stdout.write(out.decode("utf-8", "replace"))
sys.exit(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX terminal")
def test_report_asks_in_a_terminal(tmp_path):
    done = subprocess.run([sys.executable, "-c", PTY_DRIVER, str(tmp_path)], capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "What is wrong" in done.stdout and "nothing was sent automatically" in done.stdout
    overlay = json.loads((tmp_path / "hotline-correction-guangxi-nanning.json").read_text(encoding="utf-8"))
    assert overlay["hotlines"][0]["hours"] == "Mo-Fr 08:00-22:00"
