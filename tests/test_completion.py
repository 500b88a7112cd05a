"""Shell completion: Typer's --install-completion/--show-completion, and candidates for --region and --audience.

Each case runs the installed `hotline` in a real process, the way a shell asks for candidates.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def _hotline() -> list[str]:
    script = Path(sys.executable).with_name("hotline")
    found = script if script.exists() else shutil.which("hotline")
    return [str(found)] if found else [sys.executable, "-m", "hotline_cli"]


def complete(shell: str, words: str) -> str:
    """What `hotline` answers a shell that asks for candidates after `words`."""
    env = dict(os.environ, _HOTLINE_COMPLETE=f"complete_{shell}", PYTHONIOENCODING="utf-8")
    parts = words.split(" ")
    if shell == "bash":
        env.update(COMP_WORDS=words, COMP_CWORD=str(len(parts) - 1))
    else:
        env.update(_TYPER_COMPLETE_ARGS=words, _TYPER_COMPLETE_WORD_TO_COMPLETE=parts[-1])
        if shell == "fish":
            env["_TYPER_COMPLETE_FISH_ACTION"] = "get-args"
    done = subprocess.run(_hotline(), env=env, capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_bash_completes_a_chinese_region_prefix_with_provinces_and_cities():
    candidates = complete("bash", "hotline now --region 福").split()
    assert {"福建", "福州"} <= set(candidates)
    assert candidates.index("福建") < candidates.index("福州")  # provinces first
    assert all(candidate.startswith("福") for candidate in candidates)


def test_bash_completes_a_pinyin_prefix():
    candidates = complete("bash", "hotline now --region xia").split()
    assert {"xiamen", "xianggang"} <= set(candidates)
    assert all(candidate.startswith("xia") for candidate in candidates)


def test_bash_completes_a_jiancheng_and_the_short_option():
    assert "闽" in complete("bash", "hotline list -r 闽").split()


@pytest.mark.parametrize("typed, wanted", [("stu", {"student", "students"}), ("学", {"学生"}), ("med", {"medical"}),
                                           ("university", {"university_students", "university"})])
def test_bash_completes_audience_keys_and_synonyms(typed, wanted):
    candidates = set(complete("bash", f"hotline now --audience {typed}").split())
    assert wanted <= candidates
    assert all(candidate.startswith(typed) for candidate in candidates)


@pytest.mark.parametrize("shell", ["zsh", "fish", "powershell"])
def test_other_shells_get_the_same_candidates_with_what_each_is(shell):
    out = complete(shell, "hotline day --region 福")
    assert "福建" in out and "福州" in out and "福建省" in out
    out = complete(shell, "hotline now --audience 医")
    assert "医务人员" in out


def test_every_candidate_is_accepted_by_the_command(invoke):
    from hotline_cli.completion import audience_candidates, region_candidates

    for value, _ in audience_candidates(""):
        assert invoke("now", "--audience", value, "--json", "--at", "2026-11-25T21:30").exit_code == 0, value
    provinces = [value for value, about in region_candidates("") if "·" not in about]
    for value in provinces:
        assert invoke("regions", value).exit_code == 0, value


def test_install_and_show_completion_exist(invoke):
    help_text = invoke("--help").stdout
    assert "--install-completion" in help_text and "--show-completion" in help_text
    if shutil.which("bash") is None:
        pytest.skip("no bash to show completion for")
    # Run from bash: the shell is found among the parent processes, which a test runner's may lack.
    shown = subprocess.run(["bash", "-c", '"$@"; exit $?', "bash", *_hotline(), "--show-completion"],
                           capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert shown.returncode == 0 and "_HOTLINE_COMPLETE" in shown.stdout


def test_a_normal_run_does_not_load_the_completion_code():
    code = (
        "import json, sys\n"
        "sys.argv = ['hotline', 'now', '--region', '福建', '--json', '--at', '2026-11-25T21:30']\n"
        "from hotline_cli.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(json.dumps('hotline_cli.completion' in sys.modules), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert json.loads(done.stdout)["hotlines"]
    assert done.stderr.strip().splitlines()[-1] == "false"
