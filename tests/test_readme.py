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
