"""Start-up benchmark: each `hotline` command beside a one-command Typer app.

The work behind one answer is tiny, so start-up is what a caller waits for.
A Typer program that does nothing (baseline_app.py) already costs most of it;
that is the floor, and every command is reported as a ratio to it, measured in
the same run on the same interpreter:

- instructions executed, counted by valgrind's callgrind (repeatable to well
  under 1 %, so it is what the budget is judged on);
- median wall time over alternating runs (baseline, command, baseline, …);
- peak resident memory of each process (from wait4's rusage).

    .venv/bin/python benchmarks/run.py
    .venv/bin/python benchmarks/run.py --repeat 9 --markdown perf.md
    .venv/bin/python benchmarks/run.py --no-callgrind --only json,table

Standard library and valgrind only. Commands that do not exist in this version
(or fail) are reported as such and the rest are still measured.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BASELINE = HERE / "baseline_app.py"
GENERATOR = HERE / "generate_dataset.py"

# A weekday evening: a realistic hour to be asked, fixed so every run does the same work.
DEFAULT_AT = "2026-11-25T21:30"
RSS_BUDGET = 1.3
SMALL_LINES, LARGE_LINES = 1_000, 10_000
PDF_WALL_BUDGET = 3.0  # seconds: a printed list is made while someone waits at the printer
# A large organisation's overlay folder: judged on the clock and on memory, not in instructions.
HUGE_LINES, HUGE_FILES = 100_000, 10
HUGE_WALL_BUDGET, HUGE_RSS_MB_BUDGET = 3.0, 300.0


@dataclass
class Case:
    key: str
    label: str
    args: list[str]
    instructions_budget: float | None
    rss_budget: float | None = RSS_BUDGET
    needs_data: int | None = None  # generated records passed with --data
    data_files: int | None = None  # how many files they are spread over (default: one per province)
    rss_mb_budget: float | None = None  # peak RSS in MB, for commands judged in absolute terms
    cold_wall: float | None = None  # the first run's wall time, which fills the overlay cache
    problem: str | None = None  # why it could not be measured
    wall_budget: float | None = None  # seconds of median wall time, for commands judged by the clock
    callgrind: bool = True  # False where counting instructions would take many minutes (PDF layout)
    wall: list[float] = field(default_factory=list)
    baseline_wall: list[float] = field(default_factory=list)
    rss: list[float] = field(default_factory=list)
    baseline_rss: list[float] = field(default_factory=list)
    instructions: int | None = None


def cases(at: str) -> list[Case]:
    return [
        Case("plain", "`hotline now --region 福建`, stdout piped (plain)", ["now", "--region", "福建", "--at", at], 1.25),
        # A terminal's table is drawn with Rich, imported for it alone; the budget judges the piped answer.
        Case("table", "`hotline now --region 福建 --format table` (a terminal's layout, Rich)",
             ["now", "--region", "福建", "--format", "table", "--at", at], None),
        Case("json", "`hotline now --region 福建 --json`", ["now", "--region", "福建", "--json", "--at", at], 1.15),
        # Measured for comparison; the memory budget is the answer's (`now`), not an export's.
        Case("export", "`hotline export --format html --region 福建 -o -`", ["export", "--format", "html", "--region", "福建", "-o", "-", "--at", at],
             None, rss_budget=None),
        Case("lines1k", f"`hotline now --json` + {SMALL_LINES:,} lines", ["now", "--json", "--at", at], None, needs_data=SMALL_LINES),
        Case("lines10k", f"`hotline now --json` + {LARGE_LINES:,} lines", ["now", "--json", "--at", at], 1.5, needs_data=LARGE_LINES),
        Case("lines100k", f"`hotline now --json` + {HUGE_LINES:,} lines in {HUGE_FILES} files",
             ["now", "--json", "--at", at], None, rss_budget=None, needs_data=HUGE_LINES, data_files=HUGE_FILES,
             wall_budget=HUGE_WALL_BUDGET, rss_mb_budget=HUGE_RSS_MB_BUDGET, callgrind=False),
        Case("pdf", "`hotline export --format pdf --region 福建 -o -`", ["export", "--format", "pdf", "--region", "福建", "-o", "-", "--at", at],
             None, rss_budget=None, wall_budget=PDF_WALL_BUDGET, callgrind=False),
    ]


# --------------------------------------------------------------------------- environment


def child_environment(scratch: Path) -> dict[str, str]:
    """The same environment for the baseline and every command, free of personal settings."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("HOTLINE_")
        # Without byte-code caches every run would compile the program again: not what an installed program does.
        and name not in ("PYTHONPROFILEIMPORTTIME", "PYTHONTRACEMALLOC", "PYTHONDEVMODE", "PYTHONMALLOC", "PYTHONSTARTUP",
                         "PYTHONDONTWRITEBYTECODE")
    }
    # Children run in a scratch folder, so relative PYTHONPATH entries must be made absolute.
    paths = [str(Path(p).resolve()) for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
    if importlib.util.find_spec("hotline_cli") is None and (REPO / "src" / "hotline_cli").is_dir():
        paths.insert(0, str(REPO / "src"))
    if paths:
        env["PYTHONPATH"] = os.pathsep.join(paths)
    # An empty per-user data folder: the platformdirs lookup still happens, personal overlays do not count.
    empty = scratch / "xdg-data"
    empty.mkdir()
    env["XDG_DATA_HOME"] = str(empty)
    # A cache folder of its own, thrown away with the scratch folder: the first (unmeasured) run
    # compiles the bundled data and checks the overlays into it, as a first run does.
    env["HOTLINE_CACHE_DIR"] = str(scratch / "cache")
    env.update({"NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "100", "PYTHONHASHSEED": "0"})
    return env


PROBE = """
import hotline_cli, typer, pydantic
try:
    from hotline_cli.overlays import user_overlay_files
    overlays = len(user_overlay_files())
except Exception:
    overlays = 0
print(hotline_cli.__file__, getattr(hotline_cli, "__version__", "?"), typer.__version__, pydantic.VERSION, overlays, sep="\\n")
"""


def probe(env: dict[str, str], cwd: Path) -> dict[str, str]:
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"run.py: cannot import hotline_cli with {sys.executable}; install it first (pip install .)\n{done.stderr}")
    where, version, typer_version, pydantic_version, overlays = done.stdout.split("\n")[:5]
    return {"where": where, "version": version, "typer": typer_version, "pydantic": pydantic_version, "overlays": overlays}


# --------------------------------------------------------------------------- measuring


def rss_megabytes(usage) -> float:
    # Linux reports ru_maxrss in KiB, macOS in bytes.
    return usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)


def run_once(argv: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, int]:
    """(wall seconds, peak RSS MiB, exit code) of one run with output discarded."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, rss_megabytes(usage), proc.returncode


def why_unusable(argv: list[str], env: dict[str, str], cwd: Path) -> str | None:
    """Run once (also warming byte-code caches); a reason when the command cannot be measured."""
    done = subprocess.run(argv, env=env, cwd=cwd, capture_output=True, stdin=subprocess.DEVNULL)
    if done.returncode == 0 and done.stdout:
        return None
    stderr = done.stderr.decode("utf-8", "replace")
    if "No such command" in stderr:
        return "not available (no such command in this version)"
    lines = [line.strip(" │╭╰─") for line in stderr.splitlines() if line.strip(" │╭╰─")]
    message = next((line for line in lines if line.startswith("hotline:")), lines[-1] if lines else "")
    if done.returncode == 0:
        return "not measured: printed nothing"
    return f"not measured: exit {done.returncode}" + (f" ({message[:120]})" if message else "")


COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def count_instructions(argv: list[str], env: dict[str, str], cwd: Path, log: Path) -> int | None:
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", f"--log-file={log}", *argv]
    done = subprocess.run(command, env=env, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    found = COLLECTED.search(log.read_text(errors="replace")) if log.exists() else None
    if done.returncode != 0 or found is None:
        return None
    return int(found.group(1))


# --------------------------------------------------------------------------- report


def ratio(value: float | None, base: float | None) -> float | None:
    if value is None or not base:
        return None
    return value / base


def fmt(value: float | None, pattern: str) -> str:
    return "—" if value is None else format(value, pattern)


def verdict(case: Case, instructions_ratio: float | None, rss_ratio: float | None, wall: float | None = None,
            rss: float | None = None) -> str:
    failed, unjudged = [], []
    if case.wall_budget is not None and wall is not None and wall > case.wall_budget:
        failed.append("wall")
    if case.rss_mb_budget is not None and rss is not None and rss > case.rss_mb_budget:
        failed.append("RSS")
    if case.instructions_budget is not None:
        if instructions_ratio is None:
            unjudged.append("instr")
        elif instructions_ratio > case.instructions_budget:
            failed.append("instr")
    if case.rss_budget is not None and rss_ratio is not None and rss_ratio > case.rss_budget:
        failed.append("RSS")
    if failed:
        return "**FAIL** (" + ", ".join(failed) + ")"
    return "pass" + (" (instr not measured)" if unjudged else "")


def budget_text(case: Case) -> str:
    parts = []
    if case.instructions_budget is not None:
        parts.append(f"instr ≤ {case.instructions_budget:g}")
    if case.rss_budget is not None:
        parts.append(f"RSS ≤ {case.rss_budget:g}")
    if case.rss_mb_budget is not None:
        parts.append(f"RSS ≤ {case.rss_mb_budget:g} MB")
    if case.wall_budget is not None:
        parts.append(f"wall ≤ {case.wall_budget:g} s")
    return "; ".join(parts) or "—"


def report(selected: list[Case], baseline: Case, notes: list[str]) -> tuple[str, bool]:
    header = "| command | instructions | ratio | budget | pass/fail | median wall ms | ratio | peak RSS MB | ratio |"
    rows = [header, "|" + "---|" * 9]
    base_wall = statistics.median(baseline.wall) if baseline.wall else None
    base_rss = max(baseline.rss) if baseline.rss else None
    base_instructions = f"{baseline.instructions / 1e6:,.1f} M" if baseline.instructions is not None else "—"
    rows.append(
        f"| baseline: one-command Typer app | {base_instructions} | {'1.00' if baseline.instructions else '—'} | — | — "
        f"| {fmt(base_wall and base_wall * 1000, '.0f')} | 1.00 | {fmt(base_rss, '.1f')} | 1.00 |"
    )
    all_pass = True
    for case in selected:
        if case.problem:
            # A command this version lacks is only reported; one that fails is a failure.
            all_pass = all_pass and not case.problem.startswith("not measured")
            rows.append(f"| {case.label} | {case.problem} | — | {budget_text(case)} | — | — | — | — | — |")
            continue
        instructions_ratio = ratio(case.instructions, baseline.instructions)
        wall = statistics.median(case.wall)
        wall_ratio = wall / statistics.median(case.baseline_wall)
        rss = max(case.rss)
        rss_ratio = rss / max(case.baseline_rss)
        result = verdict(case, instructions_ratio, rss_ratio, wall, rss)
        all_pass = all_pass and not result.startswith("**FAIL")
        instructions = f"{case.instructions / 1e6:,.1f} M" if case.instructions is not None else "—"
        rows.append(
            f"| {case.label} | {instructions} | {fmt(instructions_ratio, '.2f')} | {budget_text(case)} | {result} "
            f"| {wall * 1000:.0f} | {wall_ratio:.2f} | {rss:.1f} | {rss_ratio:.2f} |"
        )
    cold = [f"{case.key} {case.cold_wall:.1f} s" for case in selected if case.cold_wall is not None and not case.problem]
    if cold:
        notes = notes + ["runs with generated lines are timed after a first run that validates the files and fills the overlay"
                         f" cache; that first run took: {', '.join(cold)}"]
    lines = rows + [""] + [f"- {note}" for note in notes]
    return "\n".join(lines) + "\n", all_pass


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="wall-time runs of each command and of the baseline beside it (default 5)")
    parser.add_argument("--no-callgrind", action="store_true", help="skip instruction counts (for machines without valgrind)")
    parser.add_argument("--markdown", type=Path, help="also write the table to this file")
    parser.add_argument("--only", help="comma-separated subset: plain,table,json,export,lines1k,lines10k,lines100k,pdf")
    parser.add_argument("--at", default=DEFAULT_AT, help=f"instant passed to `now` so every run does the same work (default {DEFAULT_AT})")
    parser.add_argument("--check", action="store_true", help="exit 1 when a command is over budget or fails")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    selected = cases(args.at)
    if args.only:
        wanted = {key.strip() for key in args.only.split(",") if key.strip()}
        unknown = wanted - {case.key for case in selected}
        if unknown:
            parser.error(f"--only: unknown {', '.join(sorted(unknown))}")
        selected = [case for case in selected if case.key in wanted]

    use_callgrind = not args.no_callgrind
    notes: list[str] = []
    if use_callgrind and shutil.which("valgrind") is None:
        print("run.py: valgrind not found; instruction counts skipped (install valgrind or pass --no-callgrind)", file=sys.stderr)
        use_callgrind = False

    def say(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="hotline-bench-") as scratch_name:
        scratch = Path(scratch_name)
        env = child_environment(scratch)
        info = probe(env, scratch)
        if info["overlays"] != "0":
            # platformdirs ignores XDG_DATA_HOME on this system: point the tool at an empty folder instead.
            env["HOTLINE_USER_DATA"] = str(scratch / "xdg-data")
        say(f"measuring {info['where']} with {sys.executable}")

        hotline = [sys.executable, "-m", "hotline_cli"]

        def command(case: Case) -> list[str]:
            return hotline + case.args

        baseline = Case("baseline", "baseline", [], None)
        baseline_argv = [sys.executable, str(BASELINE), "--name", "world"]
        problem = why_unusable(baseline_argv, env, scratch)
        if problem:
            sys.exit(f"run.py: the baseline app does not run: {problem}")

        for case in selected:
            if case.needs_data:
                folder = scratch / f"data-{case.needs_data}-{case.data_files or 'provinces'}"
                say(f"generating {case.needs_data:,} lines …")
                spread = ["--files", str(case.data_files)] if case.data_files else []
                done = subprocess.run(
                    [sys.executable, str(GENERATOR), "--lines", str(case.needs_data), "--out", str(folder), *spread],
                    env=env, cwd=scratch, capture_output=True, text=True,
                )
                if done.returncode != 0:
                    case.problem = "not measured: generate_dataset.py failed"
                    say(done.stderr)
                    continue
                case.args = case.args + ["--data", str(folder)]
            started = time.perf_counter()
            case.problem = why_unusable(command(case), env, scratch)
            if case.needs_data:
                case.cold_wall = time.perf_counter() - started
            if case.problem:
                say(f"{case.key}: {case.problem}")
        measured = [case for case in selected if not case.problem]

        for case in measured:
            say(f"wall time: {case.key} ×{args.repeat} beside the baseline …")
            for _ in range(args.repeat):
                for target, argv in ((baseline, baseline_argv), (case, command(case))):
                    elapsed, rss, code = run_once(argv, env, scratch)
                    if code != 0:
                        sys.exit(f"run.py: {' '.join(argv)} exited {code} during timing")
                    target.wall.append(elapsed)
                    target.rss.append(rss)
                    if target is case:
                        case.baseline_wall.append(baseline.wall[-1])
                        case.baseline_rss.append(baseline.rss[-1])

        if use_callgrind:
            counted = [case for case in measured if case.callgrind]
            for target, argv in [(baseline, baseline_argv)] + [(case, command(case)) for case in counted]:
                say(f"callgrind: {target.key} …")
                started = time.perf_counter()
                target.instructions = count_instructions(argv, env, scratch, scratch / f"callgrind-{target.key}.log")
                say(f"  {fmt(target.instructions, ',')} instructions ({time.perf_counter() - started:.0f} s)")
            valgrind = subprocess.run(["valgrind", "--version"], capture_output=True, text=True).stdout.strip()
            notes.append(f"instructions: {valgrind} callgrind, total Ir of one run each (PYTHONHASHSEED=0); budgets are judged on these ratios")
        else:
            notes.append("instructions: not measured (--no-callgrind or no valgrind); pass/fail covers peak RSS only")

    notes += [
        f"wall time: median of {args.repeat} runs, each command alternating with the baseline; peak RSS: largest ru_maxrss of those runs",
        f"`now` and `export` run with `--at {args.at}`; generated lines come from benchmarks/generate_dataset.py (seed 7) passed with `--data`",
        f"Python {platform.python_version()} ({sys.executable}), {platform.system()} {platform.machine()}, {os.cpu_count()} CPUs; "
        f"hotline {info['version']}, typer {info['typer']}, pydantic {info['pydantic']}",
    ]
    table, all_pass = report(selected, baseline, notes)
    print(table)
    if args.markdown:
        args.markdown.write_text(table, encoding="utf-8")
    return 1 if args.check and not all_pass else 0


if __name__ == "__main__":
    sys.exit(main())
