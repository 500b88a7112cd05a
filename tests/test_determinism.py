"""The same inputs and --at give byte-identical output: across runs, and across processes with different hash seeds."""

import os
import subprocess
import sys

import pytest

from conftest import REPO

EXAMPLE = REPO / "docs" / "overlay-example.json"
AT = "2026-11-24T23:30"

COMMANDS = [
    ["now", "--region", "福建", "--at", AT, "--format", "plain"],
    ["now", "--region", "厦门", "--audience", "大学生", "--at", AT, "--json", "--data", str(EXAMPLE)],
    ["now", "--at", "2026-10-01T09:00", "--format", "table", "--lang", "en", "--all"],
    ["now", "--region", "香港", "--at", AT, "--json"],
    ["list", "--region", "北京", "--at", AT, "--format", "plain", "--all"],
    ["list", "--region", "0592", "--at", AT, "--json", "--data", str(EXAMPLE)],
    ["show", "12356", "--json"],
    ["show", "example-university-counselling", "--data", str(EXAMPLE)],
    ["regions", "--json"],
    ["regions", "福建"],
    ["audiences"],
    ["now", "--region", "nowhere-at-all", "--at", AT],  # failures are stable too
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: " ".join(args[:3]))
def test_same_inputs_same_bytes_in_one_process(invoke, args):
    first, second = invoke(*args), invoke(*args)
    assert first.exit_code == second.exit_code
    assert first.stdout_bytes == second.stdout_bytes
    assert first.stderr_bytes == second.stderr_bytes
    assert first.stdout_bytes or first.exit_code != 0


def test_a_folder_of_overlays_merges_in_the_same_order_every_time(invoke, tmp_path):
    # Two files give the same id different names: the later one in name order must always win.
    body = EXAMPLE.read_text(encoding="utf-8")
    for name, label in (("b.json", "乙"), ("a.json", "甲"), ("c/z.json", "丙")):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(body.replace("示例大学心理咨询中心", f"示例大学心理咨询中心{label}"), encoding="utf-8")
    outputs = {invoke("show", "example-university-counselling", "--data", tmp_path).stdout for _ in range(3)}
    assert len(outputs) == 1
    assert "示例大学心理咨询中心丙" in outputs.pop()


def _run_process(args, seed: str, user_data) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO / "src"),
        "PYTHONHASHSEED": seed,
        "HOTLINE_USER_DATA": str(user_data),
        "NO_COLOR": "1",
        "COLUMNS": "80",
        "TERM": "dumb",
    }
    env.pop("HOTLINE_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "hotline_cli", *args], capture_output=True, env=env, timeout=120)


# A new process each: commands covering the plain, JSON, table and detail renderers and an overlay, not all of COMMANDS.
PROCESS_COMMANDS = [COMMANDS[0], COMMANDS[1], COMMANDS[2], COMMANDS[7]]


@pytest.mark.parametrize("args", PROCESS_COMMANDS, ids=lambda args: " ".join(args[:3]))
def test_two_processes_with_different_hash_seeds_print_the_same_bytes(tmp_path, args):
    first = _run_process(args, "1", tmp_path)
    second = _run_process(args, "4242", tmp_path)
    assert first.returncode == 0, first.stderr.decode()[-2000:]
    assert first.returncode == second.returncode
    assert first.stdout == second.stdout
    assert first.stderr == second.stderr
    assert first.stdout
