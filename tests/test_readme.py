"""The README's promises: its Quick start is what CI runs, its usage matches the real --help."""

import re

import pytest

from conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _quick_start_commands() -> list[str]:
    section = README[README.index("## Quick start") : README.index("## Usage")]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_quick_start_has_exactly_two_commands_and_ci_runs_them_verbatim():
    commands = _quick_start_commands()
    assert len(commands) == 2
    assert "hotline now --region 福建" in commands[0]
    assert "pytest" in commands[1]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    for command in commands:
        assert command in ci


CI = (REPO / ".ci" / "run").read_text(encoding="utf-8")


def _ci_lines() -> list[str]:
    return [line.strip() for line in CI.splitlines() if line.strip() and not line.strip().startswith("#")]


def test_ci_runs_the_commands_in_a_fresh_clone_of_head_in_an_empty_temporary_folder():
    lines = _ci_lines()
    assert "set -euo pipefail" in lines
    make_temp = next(i for i, line in enumerate(lines) if "mktemp -d" in line)
    clone = next(i for i, line in enumerate(lines) if line.startswith("git clone"))
    enter = next(i for i, line in enumerate(lines) if line.startswith("cd ") and "$workdir" in line)
    checkout = next(i for i, line in enumerate(lines) if line.startswith("git checkout") and "$head" in line)
    first_command = lines.index(_quick_start_commands()[0])
    assert make_temp < clone < enter < checkout < first_command
    assert "rev-parse HEAD" in CI and 'trap \'rm -rf "$workdir"\' EXIT' in CI
    # Nothing from the checkout itself is used after the clone, and no stale venv is reused.
    assert not any(line.startswith("cd ") and "source_repo" in line for line in lines[enter:])


def test_ci_treats_every_failure_of_a_command_line_and_pytest_exit_5_as_failure():
    lines = _ci_lines()
    for command in _quick_start_commands():
        at = lines.index(command)
        assert lines[at + 1] == "status=$?"
        assert any('"$status" -eq 0' in line and "fail" in line for line in lines[at + 2 : at + 4])
    assert '[ "$status" -ne 5 ]' in CI


def _usage_block() -> str:
    section = README[README.index("## Usage") : README.index("### What `now` shows")]
    return section


def _commands():
    from hotline_cli.cli import app

    return sorted(command.name or command.callback.__name__ for command in app.registered_commands)


def test_usage_lists_every_command():
    usage = _usage_block()
    for name in _commands():
        assert f"hotline {name}" in usage, name


@pytest.mark.parametrize("name", _commands())
def test_usage_lists_every_option_of_every_command(invoke, name, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    result = invoke(name, "--help")
    assert result.exit_code == 0
    # Option rows start with the option itself; descriptions may mention other commands' options.
    options = set(re.findall(r"^[^\w-]*(--[a-z][a-z-]+)", result.stdout, re.MULTILINE)) - {"--help"}
    if name != "audiences":
        assert options
    usage = _usage_block()
    block = usage[usage.index(f"hotline {name} ") :].split("\nhotline ", 1)[0]
    missing = sorted(option for option in options if option not in block)
    assert missing == [], f"README usage of `{name}` lacks {missing}"
