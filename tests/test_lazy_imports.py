"""Heavy libraries stay out of start-up: each is imported only by the command that draws or checks with it.

Each case runs a fresh interpreter and looks at sys.modules afterwards; no timing.
Typer itself imports pydantic, so pydantic is not on these lists.
"""

import json
import subprocess
import sys

import pytest

# Needed only for: tables and help (rich and what it pulls in), `hotline check` (phonenumbers),
# exports (jinja2, weasyprint, segno), tests (holidays), WD/RD/PH hours (chinese_calendar).
RICH = ["rich", "markdown_it", "pygments"]
CHECK_ONLY = ["phonenumbers"]
EXPORT_ONLY = ["jinja2", "weasyprint", "segno"]
NEVER = ["holidays"]
# python-dateutil reads only the forms people type (明天 9:00, 9pm, +2h), never plain ISO 8601.
TYPED_TIME_ONLY = ["dateutil"]
CALENDAR = ["chinese_calendar"]
# Needed only to read a region nothing matched as pinyin (福健 → fujian).
UNKNOWN_REGION_ONLY = ["pypinyin"]

RUN_COMMAND = """
import json, runpy, sys
out = sys.argv[1]
sys.argv = ["hotline", *sys.argv[2:]]
code = 0
try:
    runpy.run_module("hotline_cli", run_name="__main__", alter_sys=True)
except SystemExit as exit:
    code = exit.code or 0
with open(out, "w", encoding="utf-8") as handle:
    json.dump({"code": code, "modules": sorted(sys.modules)}, handle)
"""


def _top_level(modules) -> set[str]:
    return {name.split(".")[0] for name in modules}


@pytest.fixture(scope="module")
def imported_by_cli_module():
    done = subprocess.run(
        [sys.executable, "-c", "import json, sys, hotline_cli.cli; print(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return _top_level(json.loads(done.stdout))


_command_cache: dict[tuple[str, ...], tuple[set[str], str]] = {}


def imported_by_command(tmp_path_factory, *args) -> tuple[set[str], str]:
    """(top-level modules imported, stdout) after a successful `hotline ARGS` in a fresh interpreter."""
    if args not in _command_cache:
        out = tmp_path_factory.mktemp("modules") / "modules.json"
        done = subprocess.run([sys.executable, "-c", RUN_COMMAND, str(out), *args], capture_output=True, text=True)
        report = json.loads(out.read_text(encoding="utf-8"))
        # A command that failed early would import little and prove nothing.
        assert report["code"] == 0 and done.stdout.strip(), done.stderr
        _command_cache[args] = (_top_level(report["modules"]), done.stdout)
    return _command_cache[args]


AT = "2026-11-25T21:30"
NOW_JSON = ("now", "--region", "福建", "--json", "--at", AT)
NOW_PLAIN = ("now", "--region", "福建", "--format", "plain", "--at", AT)


@pytest.mark.parametrize("module", RICH + CHECK_ONLY + EXPORT_ONLY + NEVER + CALENDAR + TYPED_TIME_ONLY + UNKNOWN_REGION_ONLY)
def test_importing_the_cli_loads_no_heavy_module(imported_by_cli_module, module):
    assert module not in imported_by_cli_module


@pytest.mark.parametrize("module", RICH + CHECK_ONLY + EXPORT_ONLY + NEVER + TYPED_TIME_ONLY + UNKNOWN_REGION_ONLY)
def test_now_json_loads_no_heavy_module(tmp_path_factory, module):
    modules, stdout = imported_by_command(tmp_path_factory, *NOW_JSON)
    assert json.loads(stdout)["hotlines"], "the answer must list lines, or the check proves nothing"
    assert module not in modules


@pytest.mark.parametrize("module", RICH + CHECK_ONLY + EXPORT_ONLY + NEVER + UNKNOWN_REGION_ONLY)
def test_now_plain_loads_no_heavy_module(tmp_path_factory, module):
    modules, _ = imported_by_command(tmp_path_factory, *NOW_PLAIN)
    assert module not in modules


def _uses_official_days(record) -> bool:
    from datetime import date

    from hotline_cli.query import held_back, inactive_reason

    if held_back(record) is not None or inactive_reason(record, date(2026, 11, 25)) is not None:
        return False  # not offered, so its hours are never evaluated
    texts = [record.hours] + [n.hours for n in record.numbers] + [c.hours for c in record.channels] + [a.hours for a in record.audiences]
    return any(token in (text or "") for text in texts for token in ("WD", "RD", "PH"))


def _regions_by_calendar_use(dataset):
    national = [r for r in dataset.hotlines if r.region == "000000"]
    uses, avoids = [], []
    for region in dataset.regions:
        if region.phone_region != "CN":
            continue
        lines = national + [r for r in dataset.hotlines if r.region == region.code]
        (uses if any(_uses_official_days(r) for r in lines) else avoids).append(region)
    return uses, avoids


def test_official_calendar_is_loaded_only_when_a_region_needs_it(tmp_path_factory, dataset):
    uses, avoids = _regions_by_calendar_use(dataset)
    if not uses or not avoids:
        pytest.skip("the bundled data no longer has regions on both sides")

    needing, _ = imported_by_command(tmp_path_factory, "now", "--region", uses[0].short, "--json", "--at", AT)
    not_needing, _ = imported_by_command(tmp_path_factory, "now", "--region", avoids[0].short, "--json", "--at", AT)

    assert "chinese_calendar" in needing  # shows the check can see it at all
    assert "chinese_calendar" not in not_needing


def test_a_typed_time_loads_dateutil_and_nothing_else_heavy(tmp_path_factory):
    modules, stdout = imported_by_command(tmp_path_factory, "now", "--region", "福建", "--json", "--at", "明天 9:00")
    assert json.loads(stdout)["at"].endswith("T09:00:00+08:00")
    assert "dateutil" in modules  # shows the check can see it at all
    assert not set(RICH + CHECK_ONLY + EXPORT_ONLY + NEVER) & modules


CALL_LOG = ["hotline_cli.attempts", "hotline_cli.correction", "hotline_cli.cli.report"]


def _modules_of(tmp_path, env, *args) -> set[str]:
    import os

    out = tmp_path / "modules.json"
    subprocess.run([sys.executable, "-c", RUN_COMMAND, str(out), *args], capture_output=True, text=True,
                   env={**os.environ, **env}, check=True)
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["code"] == 0
    return set(report["modules"])


def test_the_call_log_code_loads_only_when_a_log_exists(tmp_path):
    folder = tmp_path / "user"
    folder.mkdir()
    env = {"HOTLINE_USER_DATA": str(folder)}
    without = _modules_of(tmp_path, env, *NOW_JSON)
    assert not without & set(CALL_LOG)
    (folder / "attempts.jsonl").write_text(
        '{"at": "2026-11-20T10:00:00+08:00", "dataset_version": "x", "line_id": "12356", "note": null, '
        '"number": "12356", "outcome": "busy"}\n', encoding="utf-8")
    with_log = _modules_of(tmp_path, env, *NOW_JSON)
    assert "hotline_cli.attempts" in with_log  # shows the check can see it at all
    assert "hotline_cli.correction" not in with_log


def _modules_after(tmp_path, *args) -> tuple[int, set[str]]:
    out = tmp_path / "modules.json"
    subprocess.run([sys.executable, "-c", RUN_COMMAND, str(out), *args], capture_output=True, text=True)
    report = json.loads(out.read_text(encoding="utf-8"))
    return report["code"], _top_level(report["modules"])


def test_pinyin_is_loaded_only_for_a_region_nothing_else_matched(tmp_path):
    code, modules = _modules_after(tmp_path, "now", "--region", "福健", "--json", "--at", AT)
    assert code == 2 and "pypinyin" in modules  # shows the check can see it at all
    code, modules = _modules_after(tmp_path, "now", "--region", "福州市鼓楼区", "--json", "--at", AT)
    assert code == 0 and "pypinyin" not in modules


# The project's modules behind `now --json`: a module added to this path is a choice made on
# purpose (each costs start-up), never a side effect of an import elsewhere.
NOW_JSON_MODULES = {
    "hotline_cli", "hotline_cli.api", "hotline_cli.audiences", "hotline_cli.china_time", "hotline_cli.cli",
    "hotline_cli.cli.answers", "hotline_cli.cli.common", "hotline_cli.cli.program", "hotline_cli.cli.stdout",
    "hotline_cli.compiled", "hotline_cli.dataset", "hotline_cli.overlays", "hotline_cli.phones", "hotline_cli.query",
    "hotline_cli.records", "hotline_cli.regions", "hotline_cli.render", "hotline_cli.render.hours_words",
    "hotline_cli.render.json_out", "hotline_cli.render.sources", "hotline_cli.render.view", "hotline_cli.render.words",
    "hotline_cli.schedule", "hotline_cli.schedule.calendar", "hotline_cli.schedule.engine",
    "hotline_cli.schedule.grammar", "hotline_cli.timeparse", "hotline_cli.value",
}


def test_now_json_imports_only_its_own_modules(tmp_path):
    def project_modules() -> set[str]:
        out = tmp_path / "modules.json"
        subprocess.run([sys.executable, "-c", RUN_COMMAND, str(out), *NOW_JSON], capture_output=True, text=True)
        report = json.loads(out.read_text(encoding="utf-8"))
        assert report["code"] == 0
        return {name for name in report["modules"] if name.split(".")[0] == "hotline_cli"}

    first = project_modules()  # may compile the bundled data, which validates it with the models
    assert first >= NOW_JSON_MODULES
    # Once compiled: no pydantic models, no other command, nothing else of the project.
    assert project_modules() == NOW_JSON_MODULES
