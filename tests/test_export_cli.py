"""`hotline export` as a command: formats, output handling, missing PDF libraries, start-up cost."""

import os
import subprocess
import sys

import pytest

from conftest import REPO
from helpers import ENDED, export_args, write_hostile_overlay as write_overlay

TEXT_FORMATS = ("html", "md", "csv", "vcf")


def test_every_format_choice_has_an_exporter():
    from hotline_cli.export.base import Exporter, exporter_for
    from hotline_cli.export.formats import ExportFormat

    for fmt in ExportFormat:
        exporter = exporter_for(fmt)
        assert isinstance(exporter, Exporter), fmt
        assert type(exporter).__module__.endswith(f"to_{ {'md': 'markdown', 'vcf': 'vcard'}.get(fmt.value, fmt.value)}")


def test_help_has_examples(invoke):
    result = invoke("export", "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert "hotline export" in result.stdout


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_dash_writes_to_stdout_and_leaves_no_file(invoke, tmp_path, fmt, monkeypatch):
    monkeypatch.chdir(tmp_path)
    overlay = write_overlay(tmp_path)
    result = invoke(*export_args(overlay, fmt, "-"))
    assert result.exit_code == 0, result.output
    assert "12356" in result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hostile.json"]


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_same_arguments_give_identical_bytes(invoke, tmp_path, fmt):
    overlay = write_overlay(tmp_path)
    first = invoke(*export_args(overlay, fmt, tmp_path / "a"))
    second = invoke(*export_args(overlay, fmt, tmp_path / "b"))
    assert first.exit_code == second.exit_code == 0, first.output + second.output
    assert (tmp_path / "a").read_bytes() == (tmp_path / "b").read_bytes()


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_ended_lines_and_ended_numbers_are_not_exported(invoke, tmp_path, fmt):
    overlay = write_overlay(tmp_path)
    result = invoke(*export_args(overlay, fmt))
    assert result.exit_code == 0, result.output
    assert ENDED["name"] not in result.stdout
    assert "0592-000 0000" not in result.stdout and "05920000000" not in result.stdout
    assert "0592 539 5159" in result.stdout or "05925395159" in result.stdout  # the hostile line's working number is there


def test_existing_file_is_kept_without_force(invoke, tmp_path):
    overlay = write_overlay(tmp_path)
    target = tmp_path / "list.md"
    target.write_text("my own notes", encoding="utf-8")
    result = invoke(*export_args(overlay, "md", target))
    assert result.exit_code == 2
    assert "--force" in result.stderr
    assert target.read_text(encoding="utf-8") == "my own notes"

    result = invoke(*export_args(overlay, "md", target, "--force"))
    assert result.exit_code == 0, result.output
    assert "12356" in target.read_text(encoding="utf-8")


def test_new_file_is_written_and_no_temporary_file_is_left(invoke, tmp_path):
    overlay = write_overlay(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    result = invoke(*export_args(overlay, "csv", out / "list.csv"))
    assert result.exit_code == 0, result.output
    assert [p.name for p in out.iterdir()] == ["list.csv"]
    assert (out / "list.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_failed_replace_keeps_the_old_file_and_cleans_up(invoke, tmp_path, monkeypatch):
    from hotline_cli.export import output

    overlay = write_overlay(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "list.md"
    target.write_text("previous list", encoding="utf-8")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "replace", broken_replace)
    result = invoke(*export_args(overlay, "md", target, "--force"))
    assert result.exit_code == 1
    assert "No space left on device" in result.stderr
    assert "Traceback" not in result.output
    assert target.read_text(encoding="utf-8") == "previous list"
    assert [p.name for p in out.iterdir()] == ["list.md"]


def test_a_file_that_appears_during_the_write_is_not_replaced(tmp_path, monkeypatch):
    from hotline_cli.export import output

    target = tmp_path / "list.md"
    real_link = os.link

    def someone_else_writes_first(src, dst):
        target.write_text("written by someone else", encoding="utf-8")
        return real_link(src, dst)

    monkeypatch.setattr(output.os, "link", someone_else_writes_first)
    with pytest.raises(output.OutputExists):
        output.write_file(target, b"our list")
    assert target.read_text(encoding="utf-8") == "written by someone else"
    assert [p.name for p in tmp_path.iterdir()] == ["list.md"]


def test_missing_folder_is_a_clear_input_error(invoke, tmp_path):
    overlay = write_overlay(tmp_path)
    result = invoke(*export_args(overlay, "md", tmp_path / "nowhere" / "list.md"))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_bad_format_is_rejected(invoke, tmp_path):
    result = invoke("export", "--format", "docx", "-o", tmp_path / "x")
    assert result.exit_code == 2


def test_bad_region_is_an_input_error_not_a_traceback(invoke, tmp_path):
    result = invoke("export", "--format", "md", "--region", "火星", "-o", "-")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_pdf_without_weasyprint_names_the_install_command(invoke, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # makes `import weasyprint` fail
    target = tmp_path / "list.pdf"
    result = invoke("export", "--format", "pdf", "--region", "福建", "-o", target)
    assert result.exit_code == 1
    assert "pip install 'hotline-cli[pdf]'" in result.stderr
    assert "Traceback" not in result.output
    assert not target.exists()


def test_pdf_without_the_font_package_names_the_install_command(invoke, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pylopdf_fonts_zh_cn", None)
    result = invoke("export", "--format", "pdf", "--region", "福建", "-o", tmp_path / "list.pdf")
    assert result.exit_code == 1
    assert "pip install 'hotline-cli[pdf]'" in result.stderr


def test_all_hours_order_does_not_depend_on_the_hour(invoke, tmp_path):
    overlay = write_overlay(tmp_path)
    lists = []
    for at in ("2026-11-24T03:00", "2026-11-24T10:00", "2026-11-24T23:30"):
        result = invoke("export", "-f", "csv", "-r", "厦门", "--all-hours", "--at", at, "--data", overlay, "-o", "-")
        assert result.exit_code == 0, result.output
        lists.append(result.stdout)
    assert lists[0] == lists[1] == lists[2]


def test_starting_the_cli_does_not_import_export_libraries():
    code = (
        "import sys, hotline_cli.cli\n"
        "heavy = [m for m in ('jinja2', 'markupsafe', 'segno', 'weasyprint', 'hotline_cli.export.sheet', 'hotline_cli.render.view') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.strip() == ""
