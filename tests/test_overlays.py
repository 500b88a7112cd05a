"""An organisation's own lines: --data files and folders, the per-user overlay folder, `show` origins."""

import json
from pathlib import Path

import pytest

from conftest import REPO
from helpers import write_overlay

EXAMPLE = REPO / "docs" / "overlay-example.json"
EXAMPLE_ID = "example-university-counselling"
AT = "2026-11-24T10:00"  # a Tuesday morning, a workday


def example_record() -> dict:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))["hotlines"][0]


def registered_commands() -> dict:
    import typer.main

    from hotline_cli.cli import app

    return typer.main.get_command(app).commands


def data_commands() -> list[str]:
    """Every registered command that reads the dataset, i.e. has a --data option; export/day when they exist."""
    names = []
    for name, command in registered_commands().items():
        if any("--data" in param.opts for param in command.params):
            names.append(name)
    return sorted(names)


def minimal_args(command: str) -> list[str]:
    return {"show": ["12356"], "export": ["--format", "csv", "--output", "-"]}.get(command, [])


# --------------------------------------------------------------------------- --data on every command


def test_every_command_that_loads_data_takes_data():
    commands = registered_commands()
    for name in ("now", "list", "show", "regions", "check"):
        assert name in data_commands(), f"{name} has no --data option"
    for name in ("export", "day"):
        if name in commands:
            assert name in data_commands(), f"{name} has no --data option"
    assert "audiences" not in data_commands()  # a fixed vocabulary, no data read


@pytest.mark.parametrize("command", ["now", "list", "show", "regions", "check"])
def test_missing_data_file_is_named_and_exits_1(invoke, tmp_path, command):
    missing = tmp_path / "no-such-lines.json"
    result = invoke(command, *minimal_args(command), "--data", missing)
    assert result.exit_code == 1
    assert str(missing) in result.stderr
    assert result.stdout == ""


def test_export_and_day_report_a_missing_data_file_when_registered(invoke, tmp_path):
    present = [name for name in ("export", "day") if name in data_commands()]
    if not present:
        pytest.skip("export/day not registered yet")
    for name in present:
        result = invoke(name, *minimal_args(name), "--data", tmp_path / "nothing.json")
        assert result.exit_code == 1, (name, result.output)
        assert "nothing.json" in result.stderr
        assert "Traceback" not in result.output


# --------------------------------------------------------------------------- the example file


def test_example_overlay_passes_check(invoke):
    result = invoke("check", "--data", EXAMPLE)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("ok:")


def test_example_is_marked_as_an_example_everywhere_a_person_looks():
    record = example_record()
    assert record["id"].startswith("example-")
    assert "示例" in record["name"] and "EXAMPLE" in record["name_en"]
    assert any("示例" in caveat for caveat in record["caveats"])
    assert "example.org" in record["sources"][0]["ref"]


def test_example_numbers_reach_a_real_12356_centre_so_nothing_fake_is_dialable(dataset):
    real_12356_dials = {
        number.dial
        for record in dataset.hotlines
        if record.id.startswith("12356-")
        for number in record.numbers
    }
    for number in example_record()["numbers"]:
        assert number["dial"] in real_12356_dials


def test_example_line_is_offered_to_its_audience_only(invoke):
    students = json.loads(invoke("now", "-r", "厦门", "-a", "大学生", "--at", AT, "--json", "--data", EXAMPLE).stdout)
    everyone = json.loads(invoke("now", "-r", "厦门", "--at", AT, "--json", "--data", EXAMPLE).stdout)
    assert EXAMPLE_ID in [line["id"] for line in students["hotlines"]]
    assert EXAMPLE_ID not in [line["id"] for line in everyone["hotlines"]]
    assert students["hotlines"][0]["id"] == "12356-fujian-xiamen"  # an overlay never displaces 12356


# --------------------------------------------------------------------------- merging


def test_new_id_adds_and_is_found_by_show_list_and_now(invoke, tmp_path):
    record = dict(example_record(), id="my-centre-line", restricted=False, audiences=[{"key": "general"}])
    overlay = write_overlay(tmp_path / "mine.json", record)
    listed = json.loads(invoke("list", "-r", "厦门", "--at", AT, "--json", "--data", overlay).stdout)
    assert "my-centre-line" in [line["id"] for line in listed["hotlines"]]
    now = json.loads(invoke("now", "-r", "厦门", "--at", AT, "--json", "--data", overlay).stdout)
    mine = [line for line in now["hotlines"] if line["id"] == "my-centre-line"]
    assert mine and mine[0]["origin"] == str(overlay)
    assert now["hotlines"][0]["id"] == "12356-fujian-xiamen"
    assert invoke("show", "my-centre-line", "--data", overlay).exit_code == 0


def test_same_id_replaces_the_bundled_record_and_show_says_so(invoke, tmp_path, dataset):
    bundled = dataset.by_id["12356-fujian-xiamen"].record.model_dump(mode="json", exclude_none=True)
    changed = dict(bundled, hours="Mo-Fr 09:00-17:00", hours_published="周一至周五 9:00-17:00（本机构核实）")
    overlay = write_overlay(tmp_path / "fix.json", changed)
    shown = invoke("show", "12356-fujian-xiamen", "--data", overlay)
    assert shown.exit_code == 0
    assert f"叠加文件 {overlay}" in shown.stdout
    assert "替换了同编号的原记录" in shown.stdout
    assert "本机构核实" in shown.stdout
    as_json = json.loads(invoke("show", "12356-fujian-xiamen", "--json", "--data", overlay).stdout)
    assert as_json["hotlines"][0]["origin"] == str(overlay)
    now = json.loads(invoke("now", "-r", "厦门", "--at", "2026-11-24T20:00", "--json", "--data", overlay).stdout)
    assert now["hotlines"][0]["id"] == "12356-fujian-xiamen"
    assert now["hotlines"][0]["status"] == "closed"  # the overlay's hours, not the bundled 24/7


def test_show_names_the_bundled_file_for_bundled_records(invoke):
    result = invoke("show", "12356-fujian-xiamen")
    assert "内置数据 data/hotlines/12356/350000-fujian.json" in result.stdout


def test_later_data_replaces_earlier(invoke, tmp_path):
    first = write_overlay(tmp_path / "a.json", dict(example_record(), name="第一版（示例）"))
    second = write_overlay(tmp_path / "b.json", dict(example_record(), name="第二版（示例）"))
    result = invoke("show", EXAMPLE_ID, "--data", first, "--data", second)
    assert "第二版" in result.stdout and "第一版" not in result.stdout


def test_a_folder_is_read_recursively_in_name_order(invoke, tmp_path):
    (tmp_path / "sub").mkdir()
    write_overlay(tmp_path / "sub" / "z.json", dict(example_record(), name="子目录（示例）"))
    write_overlay(tmp_path / "a.json", dict(example_record(), id="other-example-line", name="另一条（示例）"))
    (tmp_path / "notes.txt").write_text("not data")
    result = invoke("show", EXAMPLE_ID, "--data", tmp_path)
    assert result.exit_code == 0, result.output
    assert "子目录" in result.stdout
    assert invoke("show", "other-example-line", "--data", tmp_path).exit_code == 0


def test_an_empty_data_folder_is_reported_not_ignored(invoke, tmp_path):
    (tmp_path / "readme.txt").write_text("no json here")
    result = invoke("now", "--data", tmp_path)
    assert result.exit_code == 1
    assert "no .json files" in result.stderr
    assert result.stdout == ""


def test_a_duplicate_id_inside_one_overlay_is_an_error(invoke, tmp_path):
    overlay = write_overlay(tmp_path / "twice.json", example_record(), example_record())
    result = invoke("check", "--data", overlay)
    assert result.exit_code == 1
    assert "duplicate id" in result.stderr and EXAMPLE_ID in result.stderr


# --------------------------------------------------------------------------- broken overlays


BROKEN = {
    "missing field": (lambda r: {k: v for k, v in r.items() if k != "sources"}, "sources"),
    "bad number": (lambda r: dict(r, numbers=[dict(r["numbers"][0], dial="12-34")]), "numbers.0.dial"),
    "bad hours": (lambda r: dict(r, hours="weekdays 9 to 5"), "hours"),
    "bad number hours": (lambda r: dict(r, numbers=[dict(r["numbers"][0], hours="25:00-26:00")]), "numbers[0].hours"),
    "unknown time zone": (lambda r: dict(r, time_zone="Mars/Olympus"), "time_zone"),
    "unknown audience": (lambda r: dict(r, audiences=[{"key": "aliens"}]), "audiences.0.key"),
    "escape sequence": (lambda r: dict(r, name="\x1b[2J示例"), "name"),
    "reversed digits": (lambda r: dict(r, numbers=[dict(r["numbers"][0], published="\u202e65321-2950")]), "numbers.0.published"),
    "extra field": (lambda r: dict(r, phone="0592-12356"), "phone"),
}


# Every kind of break through `now`; two of them (one the schema catches, one only loading does) through the rest.
BROKEN_RUNS = [("now", case) for case in sorted(BROKEN)] + [
    (command, case) for command in ("list", "show", "regions", "check") for case in ("missing field", "bad hours")
]


@pytest.mark.parametrize("command, case", BROKEN_RUNS)
def test_a_broken_overlay_gives_one_message_naming_file_and_field(invoke, tmp_path, command, case):
    breaks, field = BROKEN[case]
    overlay = write_overlay(tmp_path / "ours.json", breaks(example_record()))
    result = invoke(command, *minimal_args(command), "--data", overlay)
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert result.stderr.startswith("hotline:")
    problem_lines = [line for line in result.stderr.splitlines() if line.strip().startswith("- ")]
    assert len(problem_lines) == 1, result.stderr
    assert str(overlay) in problem_lines[0] and field in problem_lines[0]
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr


def test_check_reports_dataset_level_problems_of_overlays(invoke, tmp_path):
    record = dict(example_record(), region="990000", city=None, scope="provincial")
    overlay = write_overlay(tmp_path / "far.json", record)
    result = invoke("check", "--data", overlay)
    assert result.exit_code == 1
    assert "990000 is not a known region" in result.stderr
    assert result.stdout == ""


def test_check_flags_an_overlay_number_outside_its_city(invoke, tmp_path):
    record = example_record()
    wrong = dict(record, numbers=[dict(record["numbers"][0], published="0591-12356", dial="059112356")])
    result = invoke("check", "--data", write_overlay(tmp_path / "wrong-city.json", wrong))
    assert result.exit_code == 1
    assert "0591" in result.stderr and EXAMPLE_ID in result.stderr


def test_many_broken_records_are_summarised_not_dumped(invoke, tmp_path):
    records = [dict(example_record(), id=f"line-{n}", name="") for n in range(500)]
    result = invoke("now", "--data", write_overlay(tmp_path / "all-wrong.json", *records))
    assert result.exit_code == 1
    assert "more problem(s) in this file" in result.stderr
    assert len(result.stderr.splitlines()) < 40


def test_many_records_with_unreadable_hours_are_summarised_too(invoke, tmp_path):
    records = [dict(example_record(), id=f"line-{n}", hours="whenever") for n in range(300)]
    result = invoke("check", "--data", write_overlay(tmp_path / "hours.json", *records))
    assert result.exit_code == 1
    assert "more problem(s) in this file" in result.stderr
    assert len(result.stderr.splitlines()) < 40


# --------------------------------------------------------------------------- the per-user folder


def test_user_folder_overlays_load_without_data(invoke, tmp_path, monkeypatch):
    folder = tmp_path / "user"
    folder.mkdir()
    (folder / "centre.json").write_bytes(EXAMPLE.read_bytes())
    monkeypatch.setenv("HOTLINE_USER_DATA", str(folder))
    result = invoke("show", EXAMPLE_ID)
    assert result.exit_code == 0, result.output
    assert f"叠加文件 {folder / 'centre.json'}" in result.stdout


def test_a_broken_file_in_the_user_folder_says_it_is_the_overlay_folder(invoke, tmp_path, monkeypatch):
    folder = tmp_path / "user"
    folder.mkdir()
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    monkeypatch.setenv("HOTLINE_USER_DATA", str(folder))
    result = invoke("now")
    assert result.exit_code == 1
    assert str(folder / "broken.json") in result.stderr
    assert "overlay folder" in result.stderr
    assert "12356" in result.stderr  # still told whom to call
    assert result.stdout == ""


@pytest.mark.parametrize("content", [None, "notes.txt"])
def test_an_absent_or_json_free_user_folder_is_normal(invoke, tmp_path, monkeypatch, content):
    folder = tmp_path / "user"
    if content:
        folder.mkdir()
        (folder / content).write_text("just notes")
    monkeypatch.setenv("HOTLINE_USER_DATA", str(folder))
    result = invoke("now", "--at", AT, "--format", "plain")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""


def test_user_overlay_location_follows_platformdirs_when_not_overridden(monkeypatch):
    from platformdirs import user_data_dir

    from hotline_cli.overlays import user_overlay_dir

    monkeypatch.delenv("HOTLINE_USER_DATA", raising=False)
    assert user_overlay_dir() == Path(user_data_dir("hotline", appauthor=False))


@pytest.mark.parametrize("xdg", [None, "absolute"])
@pytest.mark.parametrize("kind", ["data", "cache"])
def test_user_folders_are_platformdirs_answer_without_importing_it(kind, xdg, monkeypatch, tmp_path):
    import platformdirs

    from hotline_cli.folders import user_folder

    variable = "XDG_DATA_HOME" if kind == "data" else "XDG_CACHE_HOME"
    if xdg is None:
        monkeypatch.delenv(variable, raising=False)
    else:
        monkeypatch.setenv(variable, str(tmp_path / "xdg"))
    finder = platformdirs.user_data_dir if kind == "data" else platformdirs.user_cache_dir
    assert user_folder(kind) == Path(finder("hotline", appauthor=False))
