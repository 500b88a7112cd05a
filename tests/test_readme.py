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


def test_readme_stays_short_and_points_into_docs():
    assert len(README.encode("utf-8")) <= 12 * 1024
    for page in ("day", "data", "hours", "overlays", "export", "performance"):
        assert f"(docs/{page}.md)" in README
        assert (REPO / "docs" / f"{page}.md").is_file()


def test_python_example_runs_and_says_what_the_cli_says(capsys, invoke):
    section = README[README.index("## Use it from Python"):]
    code = re.search(r"```python\n(.+?)\n```", section, re.DOTALL)[1]
    exec(compile(code, "README.md", "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    assert "12356" in printed[0]
    cli = invoke("now", "--region", "厦门", "--at", "2026-11-24T23:30", "--lang", "en", "--format", "plain").stdout
    assert printed[-1] == cli.splitlines()[-1]  # the same footer
    for row in printed[:-1]:
        name, number, status = row.split(" | ")
        assert f". {name} — {status}" in cli and (number == "-" or f"☎ {number}" in cli)
