"""The examples in docs/ are real output: each fenced block after an HTML comment naming a command is checked.

`<!-- output: hotline ARGS -->`      the block is exactly what the command prints (80 columns, no colour);
`<!-- lines-in: hotline A | hotline B -->`  every line of the block is a line one of the commands prints;
`<!-- json-excerpt: hotline ARGS -->` every key in the block has the same value in the command's JSON,
                                     and every list item in it matches an item of the real list.
"""

import json
import re
import shlex

import pytest

from conftest import REPO

DIRECTIVE = re.compile(r"<!-- (output|lines-in|json-excerpt): (.+?) -->\n```[a-z]*\n(.*?)\n```", re.DOTALL)


def examples():
    found = []
    for path in sorted((REPO / "docs").glob("*.md")):
        for match in DIRECTIVE.finditer(path.read_text(encoding="utf-8")):
            found.append(pytest.param(match[1], match[2], match[3], id=f"{path.name}:{match[2][:40]}"))
    return found


def _run(invoke, command: str) -> str:
    words = shlex.split(command)
    assert words[0] == "hotline", command
    result = invoke(*words[1:])
    assert result.exit_code == 0, result.output
    return result.stdout


def _contains(real, excerpt) -> bool:
    if isinstance(excerpt, dict):
        return isinstance(real, dict) and all(key in real and _contains(real[key], value) for key, value in excerpt.items())
    if isinstance(excerpt, list):
        return isinstance(real, list) and all(any(_contains(item, wanted) for item in real) for wanted in excerpt)
    return real == excerpt


def test_docs_have_checked_examples():
    assert len(examples()) >= 4


@pytest.mark.parametrize(("kind", "commands", "block"), examples())
def test_example_is_real_output(invoke, kind, commands, block):
    if kind == "output":
        assert _run(invoke, commands).rstrip("\n") == block
    elif kind == "lines-in":
        printed = {line.rstrip() for command in commands.split(" | ") for line in _run(invoke, command).splitlines()}
        missing = [line for line in block.splitlines() if line.rstrip() not in printed]
        assert missing == []
    else:
        assert _contains(json.loads(_run(invoke, commands)), json.loads(block))
