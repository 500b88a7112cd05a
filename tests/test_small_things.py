"""Ids in `list`, `--limit` wherever lines are listed, `--version`, and hints that lead somewhere."""

import json
import re
import shlex

import pytest

from conftest import REPO

AT = "2026-11-25T21:30"


# --------------------------------------------------------------------------- ids in list


def test_list_plain_shows_the_id_of_every_line_and_show_takes_it(invoke):
    listed = invoke("list", "-r", "福建", "--at", AT, "--format", "plain")
    ids = re.findall(r"^   id: (\S+)$", listed.stdout, re.MULTILINE)
    doc = json.loads(invoke("list", "-r", "福建", "--at", AT, "--json").stdout)
    assert ids == [line["id"] for line in doc["hotlines"]] and "12356-fujian" in ids
    for record_id in ids:
        shown = invoke("show", record_id, "--json")
        assert shown.exit_code == 0, record_id
        assert json.loads(shown.stdout)["hotlines"][0]["id"] == record_id


def test_list_table_has_an_id_column(invoke, monkeypatch):
    monkeypatch.setenv("COLUMNS", "160")  # wide enough that no id is folded
    table = invoke("list", "-r", "福建", "--at", AT, "--format", "table").stdout
    header = next(row for row in table.splitlines() if "#" in row)
    assert header.split()[-1] == "id"
    assert re.search(r"\b12356-fujian\s*$", table, re.MULTILINE)


def test_now_shows_no_ids(invoke):
    assert "id: " not in invoke("now", "-r", "福建", "--at", AT, "--format", "plain").stdout


# --------------------------------------------------------------------------- --limit


def _plain_positions(text: str) -> list[str]:
    return re.findall(r"^\d+\. (.+?) — ", text, re.MULTILINE)


@pytest.mark.parametrize("command", ["now", "list"])
def test_limit_caps_lines_keeps_12356_first_and_0_means_all(invoke, command):
    every = _plain_positions(invoke(command, "-r", "福建", "--at", AT, "-f", "plain", "--limit", "0").stdout)
    two = invoke(command, "-r", "福建", "--at", AT, "-f", "plain", "--limit", "2").stdout
    assert len(every) > 3
    assert _plain_positions(two) == every[:2] and "12356" in every[0]
    assert f"另有 {len(every) - 2} 条热线未显示；加 --limit 0 查看全部。" in two


def test_list_shows_every_line_by_default(invoke):
    default = _plain_positions(invoke("list", "-r", "福建", "--all", "--at", AT, "-f", "plain").stdout)
    assert default == _plain_positions(invoke("list", "-r", "福建", "--all", "--at", AT, "-f", "plain", "--limit", "0").stdout)
    assert len(default) > 8


def test_day_limit_cuts_bars_not_the_gap_rows(invoke):
    every = invoke("day", "-r", "福建", "--date", "2026-10-01").stdout
    two = invoke("day", "-r", "福建", "--date", "2026-10-01", "--limit", "2").stdout
    bars = [row for row in every.splitlines() if re.search(r"[█░▒·]{48}$", row)]
    kept = [row for row in two.splitlines() if re.search(r"[█░▒·]{48}$", row)]
    assert len(bars) > 3 and kept == bars[:2]
    for gap_row in ("除12356外无热线", "除12356外无本地热线"):
        assert next(r for r in every.splitlines() if r.startswith(gap_row)) == next(r for r in two.splitlines() if r.startswith(gap_row))
    assert f"另有 {len(bars) - 2} 条热线未显示" in two


def test_export_limit(invoke):
    every = invoke("export", "-f", "csv", "-r", "福建", "--at", AT, "-o", "-").stdout.splitlines()
    two = invoke("export", "-f", "csv", "-r", "福建", "--at", AT, "--limit", "2", "-o", "-").stdout.splitlines()
    numbered = [row for row in two if re.match(r"^\d+,", row)]
    # One row per number: a line with two numbers has two rows of the same position.
    assert sorted({row.split(",")[0] for row in numbered}) == ["1", "2"] and "12356" in numbered[0]
    assert two == [row for row in every if not re.match(r"^([3-9]|\d\d+),", row)]


@pytest.mark.parametrize("command", ["now", "list", "day"])
def test_negative_limit_is_bad_input(invoke, command):
    assert invoke(command, "--limit", "-1").exit_code == 2


# --------------------------------------------------------------------------- --version


def test_version_names_the_program_and_the_dataset_with_its_date(invoke):
    from hotline_cli import __version__

    meta = json.loads((REPO / "data" / "meta.json").read_text(encoding="utf-8"))
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"hotline {__version__}",
        f"dataset {meta['version']} (released {meta['version'].replace('.', '-')})",
    ]


# --------------------------------------------------------------------------- every hint leads somewhere


def _commands_named_in_messages() -> set[str]:
    """Every `hotline …` command the program's messages and labels tell a person to run."""
    found = set()
    for path in (REPO / "src" / "hotline_cli").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for command in re.findall(r"see `(hotline [^`]+)`", source):
            found.add(command)
    return found


def test_the_messages_name_some_commands():
    assert {"hotline regions", "hotline audiences", "hotline list"} <= _commands_named_in_messages()


@pytest.mark.parametrize("command", sorted(_commands_named_in_messages()))
def test_every_see_hint_names_a_command_that_runs(invoke, command):
    result = invoke(*shlex.split(command)[1:])
    assert result.exit_code == 0 and result.stdout.strip(), command


@pytest.mark.parametrize(
    "args, hint",
    [
        (("now", "-r", "火星"), "hotline regions"),
        (("show", "no-such-line"), "hotline list"),
    ],
)
def test_error_hints_point_at_real_commands(invoke, args, hint):
    result = invoke(*args)
    assert result.exit_code == 2 and f"see `{hint}`" in result.stderr


def test_unknown_audience_warning_points_at_the_audiences_command(invoke):
    result = invoke("now", "-a", "martians")
    assert result.exit_code == 0 and "see `hotline audiences`" in result.stderr


def test_day_hint_runs_the_list_it_names(invoke):
    chart = invoke("day", "-r", "厦门", "-a", "学生", "--date", "2026-10-01").stdout
    command = next(row for row in chart.splitlines() if "hotline list" in row).split("：", 1)[1]
    listed = invoke(*shlex.split(command)[1:], "--format", "plain")
    assert listed.exit_code == 0 and "id: 12356-fujian-xiamen" in listed.stdout


def test_check_hint_adds_verbose_which_lists_the_warnings(invoke):
    quiet = invoke("check")
    count = int(re.search(r"(\d+) warning\(s\); add --verbose to list them", quiet.stderr)[1])
    verbose = invoke("check", "--verbose")
    assert verbose.exit_code == 0 and verbose.stderr.count("warning: ") == count


def test_internal_error_hint_names_a_form_that_exists(invoke, monkeypatch):
    import hotline_cli.query as query

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(query, "answer", broken)
    hinted = invoke("now", "--at", AT)
    assert "`hotline --debug …`" in hinted.stderr
    debugging = invoke("--debug", "now", "--at", AT)
    assert isinstance(debugging.exception, RuntimeError)
