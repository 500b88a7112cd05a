"""Rewrite the `<!-- output: hotline … -->` examples in docs/*.md with what the commands print now.

Run after a data or wording change makes tests/test_docs.py fail, then read the diff: it is
what a reader of the docs will see change. Same environment as the tests: 80 columns, no
colour, no user overlays.
"""

import os
import re
import shlex
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BLOCK = re.compile(r"(<!-- output: (.+?) -->\n```[a-z]*\n)(.*?)(\n```)", re.DOTALL)


def main() -> int:
    os.environ.update(COLUMNS="80", NO_COLOR="1", TERM="dumb", HOTLINE_USER_DATA=tempfile.mkdtemp())
    from typer.testing import CliRunner

    from hotline_cli.cli import app

    runner = CliRunner()

    def output(match: re.Match) -> str:
        words = shlex.split(match[2])
        result = runner.invoke(app, words[1:])
        if result.exit_code != 0:
            raise SystemExit(f"{match[2]}: exit {result.exit_code}\n{result.output}")
        return match[1] + result.stdout.rstrip("\n") + match[4]

    for path in sorted((REPO / "docs").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        updated = BLOCK.sub(output, text)
        if updated != text:
            path.write_text(updated, encoding="utf-8")
            print(f"updated {path.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
