"""Compare what two installs of hotline print for `now`, plain and --json, over every region.

    python tools/compare_outputs.py --before /tmp/old/.venv/bin/python --after .venv/bin/python

Each interpreter runs every case in one process (Typer's CliRunner, output not a terminal, so
`now` writes its plain form), with no user overlays, an empty cache folder and a fixed width.
Cases: every region of the bundled data (and no region; with --cities every city too) × a set of
audiences × three instants × plain and --json. Prints the cases whose exit code or output differ;
exit 1 if any.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

AUDIENCES = [None, "学生", "medical", "parents", "youth", "police"]
# A weekday evening, a national holiday's small hours, a Sunday morning (China time).
INSTANTS = ["2026-11-25T21:30", "2026-10-01T03:15", "2026-03-08T09:00"]

DRIVER = r"""
import json, sys
from typer.testing import CliRunner
from hotline_cli.cli import app

audiences, instants, out, cities = json.loads(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3], sys.argv[4] == "1"
runner = CliRunner()
regions = json.loads(runner.invoke(app, ["regions", "--json"]).stdout)
codes = [None]
for region in regions["regions"]:
    codes.append(region["code"])
    codes.extend(city["code"] for city in region.get("cities", []) if cities)
results = {}
for code in codes:
    for audience in audiences:
        for at in instants:
            for fmt in ([], ["--json"]):
                args = ["now", "--at", at, *fmt]
                args += ["--region", code] if code else []
                args += ["--audience", audience] if audience else []
                done = runner.invoke(app, args)
                results[" ".join(args)] = [done.exit_code, done.stdout]
with open(out, "w", encoding="utf-8") as handle:
    json.dump(results, handle, ensure_ascii=False)
"""


def outputs(python: str, scratch: Path, name: str, cities: bool) -> dict[str, list]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("HOTLINE_")}
    for folder in ("user-data", "cache"):
        (scratch / name / folder).mkdir(parents=True)
    env.update({"HOTLINE_USER_DATA": str(scratch / name / "user-data"), "XDG_CACHE_HOME": str(scratch / name / "cache"),
                "NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "100", "PYTHONHASHSEED": "0"})
    out = scratch / f"{name}.json"
    # Absolute, but not resolved: a virtual environment's python is a link that must stay one.
    python = os.path.abspath(python)
    subprocess.run([python, "-c", DRIVER, json.dumps(AUDIENCES), json.dumps(INSTANTS), str(out), "1" if cities else "0"],
                   env=env, cwd=scratch, check=True)
    return json.loads(out.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", required=True, help="python of the install to compare against")
    parser.add_argument("--after", default=sys.executable, help="python of the install under test (default: this one)")
    parser.add_argument("--cities", action="store_true", help="also every city (about ten times as many cases)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="hotline-compare-") as scratch_name:
        scratch = Path(scratch_name)
        before = outputs(args.before, scratch, "before", args.cities)
        after = outputs(args.after, scratch, "after", args.cities)
    differing = [case for case in before if before[case] != after.get(case)]
    differing += [case for case in after if case not in before]
    for case in differing:
        old, new = before.get(case, [None, ""]), after.get(case, [None, ""])
        print(f"--- {case}: exit {old[0]} → {new[0]}")
        sys.stdout.writelines(difflib.unified_diff(old[1].splitlines(True), new[1].splitlines(True), "before", "after", n=1))
    print(f"{len(before)} cases, {len(differing)} differ", file=sys.stderr)
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
