"""Hostile and random input: never a traceback, never half an answer, the documented exit code.

Exit codes: 0 answer printed, 1 bad data (or an internal error), 2 bad input.
On failure stdout stays empty and stderr says why.
"""

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO
from helpers import write_overlay

EXAMPLE = REPO / "docs" / "overlay-example.json"
AT = "2026-11-24T23:30"
def fuzz(examples: int) -> settings:
    # Derandomized: the same examples every run, so a red build is reproducible and the time bounded.
    return settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)


def run(*args):
    from typer.testing import CliRunner

    from hotline_cli.cli import app

    return CliRunner().invoke(app, [str(a) for a in args])


def assert_sound(result, allowed=(0, 1, 2)):
    """The contract every run keeps, whatever it was given."""
    unexpected = result.exception if not isinstance(result.exception, SystemExit) else None
    assert unexpected is None, f"uncaught {type(unexpected).__name__}: {unexpected}"
    assert result.exit_code in allowed, (result.exit_code, result.output[-2000:])
    assert "Traceback" not in result.output
    if result.exit_code == 0:
        assert result.stdout.strip(), "exit 0 with nothing printed"
    else:
        assert result.stdout == "", "half an answer on stdout"
        assert result.stderr.strip(), "a failure with no explanation"
        assert "internal error" not in result.stderr, result.stderr


def assert_fails(result, code, *words):
    assert_sound(result, (code,))
    for word in words:
        assert word in result.stderr, (word, result.stderr)


_CACHE: dict = {}


@pytest.fixture
def cached_dataset(monkeypatch):
    """Reuse one bundled dataset across fuzzed runs: the arguments are under test here, not loading."""
    import hotline_cli.dataset as dataset_module

    real_load = dataset_module.load
    if "bundled" not in _CACHE:
        _CACHE["bundled"] = real_load([])
    bundled = _CACHE["bundled"]

    def load(overlays=None, compiled=False):
        return bundled if not overlays else real_load(overlays, compiled=compiled)

    monkeypatch.setattr(dataset_module, "load", load)
    return bundled


# --------------------------------------------------------------------------- hand-picked arguments

NASTY_TEXT = [
    "",
    " ",
    "\x00",
    "\x1b[31m福建",
    "\u202e建福",
    "福" * 5000,
    "x" * 100_000,
    "😀",
    "\ud800",
    "../../etc/passwd",
    "'; DROP TABLE hotlines; --",
    "%s%n{0}",
    "9" * 400,
    "-1",
    "\n\t\r",
]


@pytest.mark.parametrize("text", NASTY_TEXT, ids=range(len(NASTY_TEXT)))
def test_nasty_region_is_bad_input(cached_dataset, text):
    result = run("now", "--region", text, "--at", AT)
    assert_fails(result, 2, "region")
    assert len(result.stderr) < 2000  # what was typed is quoted, not echoed whole
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr


@pytest.mark.parametrize("text", ["福建\x00", "\u200f福建", " 福建\t", "福\u200b建"])
def test_invisible_characters_around_a_real_name_are_forgiven(cached_dataset, text):
    result = run("now", "--region", text, "--at", AT, "--json")
    assert_sound(result, (0,))
    assert json.loads(result.stdout)["region"]["code"] == "350000"


@pytest.mark.parametrize("text", NASTY_TEXT, ids=range(len(NASTY_TEXT)))
def test_nasty_audience_is_a_warning_and_the_answer_is_for_everyone(cached_dataset, text):
    result = run("now", "--audience", text, "--at", AT, "--lang", "en")
    assert_sound(result, (0,))
    assert "12356" in result.stdout
    assert "Unknown audience" in result.stderr
    assert len(result.stderr) < 2000
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr


@pytest.mark.parametrize("text", NASTY_TEXT, ids=range(len(NASTY_TEXT)))
def test_nasty_show_key_is_bad_input(cached_dataset, text):
    result = run("show", text)
    assert_fails(result, 2)
    assert len(result.stderr) < 2000
    assert "\x1b" not in result.stderr


@pytest.mark.parametrize(
    "at, code",
    [
        ("2027-02-29", 2),
        ("2028-02-29T12:00", 0),
        ("24:00", 0),
        ("2026-10-01T24:00", 0),
        ("2026-10-01T24:01", 2),
        ("25:00", 2),
        ("9999-12-31T23:59", 2),
        ("9999-12-31T24:00", 2),
        ("99999-01-01", 2),
        ("0001-01-01", 2),
        ("0001-01-01T00:00+14:00", 2),
        ("1900-01-01T00:00", 0),
        ("9997-12-31T23:59", 0),
        ("2026-10-01T10:00+23:59", 0),
        ("2026-10-01T10:00+24:00", 2),
        ("2026-10-01T10:00Z", 0),
        ("", 2),
        ("   ", 2),
        ("now", 0),
        ("2026-10-01\x00T10:00", 2),
        ("2026-10-01T10:00\u202e", 2),
        ("\x1b[2J", 2),
        ("2" * 10_000, 2),
        ("２０２６-１０-０１", 2),
        ("2026-13-01", 2),
        ("yesterday", 2),
        ("tomorrow 9", 2),
        ("21:30 CST", 2),
        ("UTC+8", 2),
        ("+99999999d", 2),
        ("+1d", 0),
    ],
)
@pytest.mark.parametrize("command", ["now", "list"])
def test_at_edge_cases(cached_dataset, command, at, code):
    result = run(command, "--at", at, "--region", "福建", "--format", "plain")
    assert_sound(result, (code,))
    if code == 2:
        assert "--at" in result.stderr
        assert len(result.stderr) < 2000


@pytest.mark.parametrize(
    "args",
    [
        ["now", "--format", "xml"],
        ["now", "--format", ""],
        ["now", "--lang", "fr"],
        ["now", "--lang", "\x00"],
        ["now", "--limit", "-1"],
        ["now", "--limit", "many"],
        ["now", "--no-such-option"],
        ["list", "--format", "yaml"],
        ["show"],
        ["show", "12356", "--lang", "de"],
        ["regions", "福建", "extra"],
        ["audiences", "--json", "--json=no"],
        ["check", "--stats=maybe"],
        ["frobnicate"],
    ],
)
def test_malformed_options_are_usage_errors(cached_dataset, args):
    assert_fails(run(*args), 2)


def test_a_huge_limit_is_just_everything(cached_dataset):
    assert_sound(run("now", "--limit", str(10**30), "--at", AT, "--format", "plain"), (0,))


@pytest.mark.parametrize("region", NASTY_TEXT[:8])
def test_regions_with_a_nasty_argument(cached_dataset, region):
    assert_fails(run("regions", region), 2, "region")


# --------------------------------------------------------------------------- hostile --data files


def _write(path: Path, content) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _example() -> dict:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))["hotlines"][0]


DATA_FILES = {
    "missing": (lambda d: d / "absent.json", "no such file"),
    "empty folder": (lambda d: (d / "empty").mkdir() or d / "empty", "no .json files"),
    "folder of other files": (lambda d: (d / "docs").mkdir() or _write(d / "docs" / "a.txt", "{}").parent, "no .json files"),
    "empty file": (lambda d: _write(d / "e.json", ""), "not valid JSON"),
    "binary garbage": (lambda d: _write(d / "g.json", bytes(range(256)) * 40), "not UTF-8"),
    "utf-16": (lambda d: _write(d / "u.json", '{"hotlines": []}'.encode("utf-16")), "not UTF-8"),
    "truncated": (lambda d: _write(d / "t.json", EXAMPLE.read_text(encoding="utf-8")[:300]), "not valid JSON"),
    "deep list": (lambda d: _write(d / "n.json", "[" * 100_000 + "]" * 100_000), "not valid JSON"),
    "deep inside hotlines": (lambda d: _write(d / "m.json", '{"hotlines": ' + "[" * 100_000 + "]" * 100_000 + "}"), "not valid JSON"),
    "deep inside a record": (
        lambda d: _write(d / "r.json", '{"hotlines": [{"id": ' + '{"a": ' * 50_000 + "1" + "}" * 50_000 + "}]}"),
        "not valid JSON",
    ),
    "moderately deep field": (
        lambda d: _write(d / "f.json", json.dumps({"hotlines": [dict(_example(), caveats=json.loads("[" * 150 + "]" * 150))]})),
        "caveats",
    ),
    "top level list": (lambda d: _write(d / "l.json", "[]"), "top level"),
    "top level string": (lambda d: _write(d / "s.json", '"hotlines"'), "top level"),
    "top level null": (lambda d: _write(d / "z.json", "null"), "top level"),
    "hotlines not a list": (lambda d: _write(d / "h.json", '{"hotlines": {"id": "x"}}'), "hotlines"),
    "record not an object": (lambda d: _write(d / "o.json", '{"hotlines": [42]}'), "record #1"),
    "huge id": (lambda d: _write(d / "i.json", json.dumps({"hotlines": [dict(_example(), id="A" * 2_000_000)]})), "id"),
    "huge key": (lambda d: _write(d / "k.json", json.dumps({"hotlines": [dict(_example(), **{"k" * 1_000_000: 1})]})), "Extra inputs"),
    "nan and infinity": (lambda d: _write(d / "x.json", '{"hotlines": [], "x": NaN, "y": 1e999999}'), "x"),
    "a directory named .json": (lambda d: (d / "dir.json").mkdir() or d / "dir.json", "no .json files"),
}


@pytest.mark.parametrize("case", sorted(DATA_FILES))
def test_hostile_data_file_is_bad_data(tmp_path, case):
    make, words = DATA_FILES[case]
    path = make(tmp_path)
    result = run("now", "--at", AT, "--data", path)
    assert_fails(result, 1, words)
    assert len(result.stderr) < 5000


@pytest.mark.parametrize("command", ["list", "show", "regions", "check"])
def test_every_data_command_survives_a_deeply_nested_file(tmp_path, command):
    path = _write(tmp_path / "deep.json", "[" * 100_000 + "]" * 100_000)
    args = ["12356"] if command == "show" else []
    assert_fails(run(command, *args, "--data", path), 1, "deep.json")


def test_a_huge_but_valid_string_is_shown_not_fatal(tmp_path, cached_dataset):
    name = "示例" * 200_000
    record = dict(_example(), name=name)
    path = _write(tmp_path / "big.json", json.dumps({"hotlines": [record]}, ensure_ascii=False))
    result = run("show", "example-university-counselling", "--data", path)
    assert_sound(result, (0,))
    assert name in result.stdout


def _limit_just_above_bundled_files(monkeypatch) -> int:
    """Lower the size limit as far as the bundled files allow, so the test needs no 20 MiB file."""
    import hotline_cli.dataset as dataset_module

    limit = max(path.stat().st_size for path in (REPO / "data").rglob("*.json")) + 1
    monkeypatch.setattr(dataset_module, "MAX_FILE_BYTES", limit)
    return limit


def test_a_file_over_the_size_limit_is_refused(tmp_path, monkeypatch):
    limit = _limit_just_above_bundled_files(monkeypatch)
    path = _write(tmp_path / "padded.json", '{"hotlines": []}' + " " * limit)  # valid JSON, only too big
    assert_fails(run("now", "--data", path), 1, "padded.json", "larger than")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_an_endless_device_is_refused_not_read_forever(monkeypatch):
    _limit_just_above_bundled_files(monkeypatch)
    assert_fails(run("now", "--data", "/dev/zero"), 1, "/dev/zero", "larger than")


def test_an_unreadable_file_is_reported(tmp_path):
    path = _write(tmp_path / "locked.json", '{"hotlines": []}')
    path.chmod(0)
    try:
        try:
            path.read_bytes()
        except PermissionError:
            pass
        else:
            pytest.skip("running with privileges that ignore file permissions (root)")
        assert_fails(run("now", "--data", path), 1, "locked.json", "permission denied")
    finally:
        path.chmod(0o600)


def test_an_unreadable_folder_is_reported(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    _write(folder / "a.json", '{"hotlines": []}')
    folder.chmod(0)
    try:
        if os.access(folder, os.R_OK | os.X_OK):
            pytest.skip("running with privileges that ignore file permissions (root)")
        assert_fails(run("now", "--data", folder), 1, "locked", "permission denied")
    finally:
        folder.chmod(0o700)


@pytest.mark.parametrize("name", ["a\x00b.json", "x" * 5000 + ".json", "\x1b[2J.json"])
def test_unusable_file_names_are_reported(tmp_path, name):
    result = run("now", "--data", tmp_path / name)
    assert_sound(result, (1, 2))  # a NUL byte is refused while parsing options (2), the rest when loading (1)
    assert len(result.stderr) < 2000 and "\x1b" not in result.stderr


# --------------------------------------------------------------------------- every command under random arguments

texts = st.text(alphabet=st.characters(codec=None), max_size=40) | st.sampled_from(NASTY_TEXT)
regions_typed = st.sampled_from(["福建", "厦门", "0592", "592", "beijing", "闽", "35", "香港", "hk", "海南", "0898", "新疆", "taiwan"])
audiences_typed = st.sampled_from(["学生", "student", "大学生", "medical", "民警", "家长", "everyone", "teen"])
offsets = st.sampled_from(["", "Z", "+08:00", "-12:00", "+14:00", "+05:45", "-03:30"])
instants = st.builds(
    lambda moment, offset: moment.isoformat(timespec="minutes") + offset,
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)),
    offsets,
)
formats = st.sampled_from(["table", "plain", "json"]) | texts
langs = st.sampled_from(["zh", "en"]) | texts


def _option(name, values):
    return st.one_of(st.just([]), values.map(lambda value: [name, value]))


@fuzz(80)
@given(
    region=_option("--region", regions_typed | texts),
    audience=_option("--audience", audiences_typed | texts),
    at=_option("--at", instants | texts),
    fmt=_option("--format", formats),
    lang=_option("--lang", langs),
    flags=st.lists(st.sampled_from(["--all", "--json", "--limit=0", "--limit=3"]), max_size=2, unique=True),
)
def test_now_under_random_arguments(cached_dataset, region, audience, at, fmt, lang, flags):
    result = run("now", *region, *audience, *at, *fmt, *lang, *flags)
    assert_sound(result, (0, 2))


@fuzz(40)
@given(
    moment=st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(9997, 12, 30)),
    offset=offsets,
    region=regions_typed,
    audience=st.one_of(st.just([]), audiences_typed.map(lambda a: ["--audience", a])),
)
def test_every_instant_in_the_accepted_range_gets_an_answer(cached_dataset, moment, offset, region, audience):
    result = run("now", "--at", moment.isoformat(timespec="minutes") + offset, "--region", region, *audience, "--json")
    assert_sound(result, (0,))
    document = json.loads(result.stdout)
    ids = [line["id"] for line in document["hotlines"]]
    # 12356 leads on the mainland; outside it the local lines come first and 12356 follows them.
    mainland = document["region"] is None or document["region"]["code"] not in ("710000", "810000", "820000")
    assert (ids[0] if mainland else ids[-1]).startswith("12356")


@fuzz(40)
@given(
    region=_option("--region", regions_typed | texts),
    audience=_option("--audience", audiences_typed | texts),
    at=_option("--at", instants | texts),
    fmt=_option("--format", formats),
    lang=_option("--lang", langs),
    flags=st.lists(st.sampled_from(["--all", "--json"]), max_size=2, unique=True),
)
def test_list_under_random_arguments(cached_dataset, region, audience, at, fmt, lang, flags):
    assert_sound(run("list", *region, *audience, *at, *fmt, *lang, *flags), (0, 2))


@fuzz(40)
@given(
    key=st.sampled_from(["12356", "12356-fujian-xiamen", "0592-12356", "800-810-1117", "4001619995"]) | texts,
    lang=_option("--lang", langs),
    flags=st.lists(st.sampled_from(["--json"]), max_size=1),
)
def test_show_under_random_arguments(cached_dataset, key, lang, flags):
    assert_sound(run("show", key, *lang, *flags), (0, 2))


@fuzz(30)
@given(region=st.one_of(st.just([]), (regions_typed | texts).map(lambda r: [r])), flags=st.lists(st.just("--json"), max_size=1))
def test_regions_under_random_arguments(cached_dataset, region, flags):
    assert_sound(run("regions", *region, *flags), (0, 2))


@fuzz(10)
@given(extra=st.lists(st.sampled_from(["--json", "--lang", "zh", "-x", "福建"]) | texts, max_size=2))
def test_audiences_under_random_arguments(extra):
    assert_sound(run("audiences", *extra), (0, 2))


@fuzz(15)
@given(
    # Names inside an empty folder: no separators or dot-only names, so nothing real is ever read.
    paths=st.lists(
        st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00/"), min_size=1, max_size=30).filter(lambda n: n.strip(".")),
        min_size=1,
        max_size=2,
    ),
    flags=st.lists(st.sampled_from(["--stats", "--verbose"]), max_size=2, unique=True),
)
def test_check_under_random_data_paths(tmp_path_factory, paths, flags):
    base = tmp_path_factory.getbasetemp()
    data = [arg for path in paths for arg in ("--data", base / "fuzz" / path)]
    assert_sound(run("check", *flags, *data), (1, 2))


def _registered(name: str) -> bool:
    import typer.main

    from hotline_cli.cli import app

    return name in typer.main.get_command(app).commands


@pytest.mark.skipif(not _registered("export"), reason="export not registered")
@fuzz(15)
@given(
    fmt=st.sampled_from(["csv", "md", "vcf"]),
    region=_option("--region", regions_typed | texts),
    audience=_option("--audience", audiences_typed | texts),
    at=_option("--at", instants | texts),
)
def test_export_to_stdout_under_random_arguments(cached_dataset, fmt, region, audience, at):
    assert_sound(run("export", "--format", fmt, "--output", "-", *region, *audience, *at), (0, 2))


@pytest.mark.skipif(not _registered("day"), reason="day not registered")
@fuzz(15)
@given(
    region=_option("--region", regions_typed | texts),
    audience=_option("--audience", audiences_typed | texts),
    day=_option("--date", st.dates().map(str) | texts),
)
def test_day_under_random_arguments(cached_dataset, region, audience, day):
    assert_sound(run("day", *region, *audience, *day), (0, 2))


# --------------------------------------------------------------------------- random overlay content

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=10,
)
RECORD_FIELDS = sorted(_example()) + ["numbers.0.dial", "numbers.0.kind", "numbers.0.hours", "validity.status", "validity.until"]
plausible = st.sampled_from(
    ["24/7", "Mo-Fr 09:00-17:00", "WD 08:30-11:30", "PH off", "closed", "350000", "350200", "000000", "national",
     "city", "2026-01-01", "Asia/Shanghai", "America/New_York", "Pacific/Kiritimati", "ongoing", "until", "ended",
     "0592-12356", "059212356", "landline", "mobile", "short", True, False, [], {}, "", None]
)


@fuzz(30)
@given(changes=st.lists(st.tuples(st.sampled_from(RECORD_FIELDS), plausible | json_values), min_size=1, max_size=3))
def test_random_overlay_records_give_an_answer_or_a_data_error(tmp_path_factory, changes):
    record = _example()
    for field, value in changes:
        record = _mutated_from(record, field, value)
    path = write_overlay(tmp_path_factory.getbasetemp() / "random-overlay.json", record)
    result = run("now", "--region", "厦门", "--at", AT, "--json", "--data", path)
    assert_sound(result, (0, 1))
    if result.exit_code == 1:
        assert "random-overlay.json" in result.stderr
    else:
        # Loaded: every view of the record must work too.
        for args in (["show", record["id"]], ["list", "-r", "厦门", "--format", "table"]):
            assert_sound(run(*args, "--data", path), (0,))


def _mutated_from(record: dict, field: str, value) -> dict:
    record = json.loads(json.dumps(record))
    target = record
    parts = field.split(".")
    for part in parts[:-1]:
        nxt = target[int(part)] if isinstance(target, list) and part.isdigit() and int(part) < len(target) else (
            target.get(part) if isinstance(target, dict) else None)
        if not isinstance(nxt, (dict, list)):
            return record
        target = nxt
    if isinstance(target, dict):
        target[parts[-1]] = value
    return record


@fuzz(20)
@given(content=st.binary(max_size=300) | json_values.map(json.dumps))
def test_random_file_content_is_an_answer_or_a_data_error(tmp_path_factory, content):
    path = tmp_path_factory.getbasetemp() / "random-content.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    result = run("list", "--data", path, "--format", "plain")
    assert_sound(result, (0, 1))
    if result.exit_code == 1:
        assert "random-content.json" in result.stderr


# --------------------------------------------------------------------------- --debug: tracebacks for developers only


def _boom(*args, **kwargs):
    raise RuntimeError("forced failure for the test")


def test_an_internal_error_is_one_line_without_debug(monkeypatch):
    import hotline_cli.query

    monkeypatch.setattr(hotline_cli.query, "answer", _boom)
    result = run("now", "--at", AT)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "Traceback" not in result.output
    message = result.stderr.strip()
    assert message.count("\n") == 0
    assert "internal error" in message and "forced failure" in message
    assert "12356" in message and "--debug" in message


@pytest.mark.parametrize("how", ["flag", "env"])
def test_debug_lets_the_error_through(monkeypatch, how):
    import hotline_cli.query

    monkeypatch.setattr(hotline_cli.query, "answer", _boom)
    if how == "env":
        monkeypatch.setenv("HOTLINE_DEBUG", "1")
        result = run("now", "--at", AT)
    else:
        result = run("--debug", "now", "--at", AT)
    assert isinstance(result.exception, RuntimeError)
    assert result.exit_code == 1


def test_debug_state_does_not_leak_into_the_next_run(monkeypatch):
    import hotline_cli.query

    run("--debug", "audiences")
    monkeypatch.setattr(hotline_cli.query, "answer", _boom)
    result = run("now", "--at", AT)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "internal error" in result.stderr


_FORCED = (
    "import sys, hotline_cli.query as q\n"
    "def boom(*a, **k):\n"
    "    raise RuntimeError('forced failure for the test')\n"
    "q.answer = boom\n"
    "from hotline_cli.cli import main\n"
    "sys.argv = ['hotline'] + sys.argv[1:]\n"
    "main()\n"
)


@pytest.mark.parametrize("debug", [False, True])
def test_a_real_process_prints_a_traceback_only_when_debugging(tmp_path, debug):
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "HOTLINE_USER_DATA": str(tmp_path), "NO_COLOR": "1"}
    env.pop("HOTLINE_DEBUG", None)
    args = ["--debug"] if debug else []
    done = subprocess.run([sys.executable, "-c", _FORCED, *args, "now", "--at", AT],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 1
    assert done.stdout == ""
    assert ("Traceback" in done.stderr) is debug
    assert "forced failure for the test" in done.stderr
