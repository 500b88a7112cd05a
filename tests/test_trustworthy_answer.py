"""What a caller reads is dialable as printed, right for where they are, in their language, and never breaks.

Each case here is one seen with the real commands: the Dalian misprint shown first, a Hong Kong footer
saying 120/110, Macau told to "call the numbers below" with none below, "Region: 福建省" in English,
a GBK console getting a traceback instead of numbers, a phone number split across two lines.
"""

import json
import os
import re
import shlex
import subprocess
import sys

import pytest

from helpers import run_hotline

AT = "2026-11-24T23:30"
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def plain(invoke, *args):
    result = invoke("now", *args, "--at", AT, "--format", "plain")
    assert result.exit_code == 0, result.output
    return result.stdout


def document(invoke, *args):
    result = invoke("now", *args, "--at", AT, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# --------------------------------------------------------------------------- what is printed is what is dialled


def test_every_number_is_shown_first_in_phonenumbers_national_format(dataset):
    import phonenumbers

    from hotline_cli.model import NumberKind
    from hotline_cli.phones import mainland_area_code, national_format

    checked = 0
    for record in dataset.hotlines:
        for number in record.numbers:
            if number.kind is NumberKind.short_with_area_code:
                # phonenumbers cuts these service numbers in the wrong place (059 112356): area code, hyphen, service.
                area, service = national_format(number).split("-")
                assert area + service == number.dial and area == mainland_area_code(number.dial)
                continue
            parsed = phonenumbers.parse(number.dial, number.country)
            assert national_format(number) == phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
            checked += 1
    assert checked > 50


def test_dalian_is_shown_with_its_dialable_number_first_and_the_misprint_second(invoke):
    text = plain(invoke, "--region", "大连", "--limit", "0")
    assert "☎ 0411 8468 9595（原文印作 041-8468 9595，区号为推断" in text
    english = plain(invoke, "--region", "大连", "--limit", "0", "--lang", "en")
    assert "☎ 0411 8468 9595 (published as 041-8468 9595, area code inferred" in english
    line = next(line for line in document(invoke, "--region", "大连")["hotlines"] if line["id"] == "liaoning-dalian")
    assert line["numbers"][0]["display"] == "0411 8468 9595"
    assert line["numbers"][0]["published"] == "041-8468 9595"
    for fmt in ("html", "md"):
        exported = invoke("export", "--format", fmt, "--region", "大连", "--at", AT, "-o", "-").stdout
        assert exported.index("0411 8468 9595") < exported.index("041-8468 9595"), fmt


def test_a_printed_form_that_reaches_the_same_number_is_not_repeated(invoke):
    text = plain(invoke, "--region", "北京", "--limit", "0")
    assert "☎ 800 810 1117（座机拨打）" in text
    assert "原文印作 800" not in text


# --------------------------------------------------------------------------- right for where the caller is


@pytest.mark.parametrize(("region", "numbers", "english"), [
    ("香港", "999", "999"), ("澳门", "999", "999"), ("台湾", "119 或 110", "119 or 110"),
    ("福建", "120 或 110", "120 or 110"),
])
def test_every_text_naming_emergency_numbers_takes_them_from_the_region(invoke, region, numbers, english):
    text = plain(invoke, "--region", region)
    assert text.splitlines()[-1] == f"如遇生命危险，请立即拨打 {numbers}。号码可能变更，拨打前请核实。"
    assert document(invoke, "--region", region)["footer"] == text.splitlines()[-1]
    assert document(invoke, "--region", region, "--lang", "en")["footer"].startswith(f"If a life is in danger, call {english} now.")
    if region != "福建":
        assert "120 或 110" not in text and "120/110" not in text
        exported = invoke("export", "--format", "md", "--region", region, "--at", AT, "-o", "-").stdout
        assert "120" not in exported.replace("12356", "") or region == "台湾"
        assert "请改拨 12356" not in exported  # 12356 cannot be dialled there
        assert "心理援助请先拨 12356" not in exported
        assert exported.index("### 1. ") < exported.index("全国统一心理援助热线 12356")


def test_outside_the_mainland_local_lines_come_first_and_12356_is_said_to_be_unreachable(invoke):
    text = plain(invoke, "--region", "香港", "--limit", "0")
    assert text.index("2389 2222") < text.index("全国统一心理援助热线 12356")
    assert "在香港特别行政区无法拨通 12356 以及 400、800 开头的号码（仅限中国大陆境内）；请拨本地号码（列在 12356 之前）。" in text
    assert "☎ 12356（在香港特别行政区无法拨通，仅限中国大陆境内" in text
    macau = document(invoke, "--region", "澳门")
    assert macau["hotlines"][-1]["id"] == "12356" and len(macau["hotlines"]) > 1


def test_macau_is_never_told_to_call_local_numbers_when_none_are_listed(invoke, dataset, tmp_path):
    from helpers import write_overlay

    # Take Macau's local lines away (as an overlay marking them ended) to see the answer without one.
    ended = []
    for line in document(invoke, "--region", "澳门")["hotlines"][:-1]:
        record = dataset.by_id[line["id"]].record.model_dump(mode="json", exclude_none=True)
        record["validity"] = {"status": "ended", "since": "2025-01-01", "reason": "test: no local line"}
        ended.append(record)
    overlay = write_overlay(tmp_path / "no-local.json", *ended)
    for lang in ("zh", "en"):
        doc = document(invoke, "--region", "澳门", "--lang", lang, "--data", overlay)
        assert [line["id"] for line in doc["hotlines"]] == ["12356"]
        text = plain(invoke, "--region", "澳门", "--lang", lang, "--data", overlay)
        assert "在当地请拨打以下号码" not in text and "本地号码（列在" not in text and "local numbers, listed" not in text
        assert ("没有收录澳门特别行政区本地的心理援助热线；如遇危机请拨打 999" in text) or ("in a crisis call 999" in text)


def test_a_caller_abroad_gets_one_line_on_mainland_only_numbers_and_the_plus_86_form(invoke):
    abroad = invoke("now", "--region", "北京", "--at", "2026-11-24T10:30-05:00", "--format", "plain").stdout
    mentions = [line for line in abroad.splitlines() if "+86" in line]
    assert len(mentions) == 1
    assert "UTC-05:00" in mentions[0] and "12356" in mentions[0] and "400、800" in mentions[0]
    assert re.search(r"\+86 \d{2,3} \d{3,4} \d{4}", mentions[0])
    home = invoke("now", "--region", "北京", "--at", "2026-11-24T23:30+08:00", "--format", "plain").stdout
    assert "+86" not in home



@pytest.mark.parametrize("lang", ["zh", "en"])
def test_outside_the_mainland_the_plus_86_advice_gives_no_other_country_as_its_example(invoke, lang):
    # Hong Kong's lines are +852: "+86 …, e.g. +852 2896 0000" would contradict itself.
    text = invoke("now", "--region", "香港", "--at", "2026-11-24T10:30-05:00", "--format", "plain", "--lang", lang).stdout
    advice = [line for line in text.splitlines() if "+86" in line]
    assert len(advice) == 1 and "UTC-05:00" in advice[0]
    assert "+852" not in advice[0]
    assert "2896 0000" in text  # the local line is still listed

# --------------------------------------------------------------------------- --lang en is English


def test_english_header_place_hours_and_validity(invoke):
    text = plain(invoke, "--region", "xiamen", "--lang", "en")
    assert "Region: Xiamen, Fujian" in text and "福建" not in text.splitlines()[1]
    assert "Hours: 24 hours, every day" in text and "Hours: 24小时" not in text
    assert "From the 2020 survey; the number may have changed" in text or "2020年调查数据" not in text
    shown = invoke("show", "12356-fujian-xiamen", "--lang", "en").stdout
    assert "Validity: ongoing" in shown and "Region: Xiamen, Fujian" in shown and "有效期" not in shown
    assert "有效期: 长期有效" in invoke("show", "12356-fujian-xiamen").stdout


# --------------------------------------------------------------------------- output that cannot break


def _command(*args) -> str:
    code = "import sys; from hotline_cli.cli import main; sys.argv = ['hotline', *sys.argv[1:]]; main()"
    return " ".join(shlex.quote(part) for part in (sys.executable, "-c", code, *args))


@pytest.mark.parametrize("encoding", ["gbk", "ascii"])
def test_any_console_encoding_gets_the_numbers(encoding, dataset):
    env = {"PYTHONIOENCODING": encoding}
    done = run_hotline("now", "--region", "福建", "--at", AT, "--format", "plain", env=env)
    assert done.returncode == 0, done.stderr
    text = done.stdout.decode(encoding)  # every byte is valid in the console's encoding
    assert "Traceback" not in done.stderr.decode("utf-8", "replace")
    as_json = run_hotline("now", "--region", "福建", "--at", AT, "--json", env=env)
    reference = run_hotline("now", "--region", "福建", "--at", AT, "--json")
    numbers = [n["display"] for line in json.loads(reference.stdout)["hotlines"] for n in line["numbers"]]
    assert len(numbers) > 2
    for number in ("110", "120", *numbers):
        assert number in text
    assert "Tel: 12356" in text  # ☎ is in neither encoding: an ASCII stand-in
    assert as_json.returncode == 0 and json.loads(as_json.stdout.decode(encoding)) == json.loads(reference.stdout)
    chart = run_hotline("day", "--region", "福建", "--date", "2026-11-24", env=env)
    assert chart.returncode == 0 and "12356" in chart.stdout.decode(encoding)


def _in_a_terminal(args, columns: int) -> str:
    import fcntl
    import pty
    import struct
    import termios

    env = dict(os.environ, COLUMNS=str(columns), TERM="xterm")
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 60, columns, 0, 0))
    code = "import sys; from hotline_cli.cli import main; sys.argv = ['hotline', *sys.argv[1:]]; main()"
    process = subprocess.Popen([sys.executable, "-c", code, *args], stdin=slave, stdout=slave, stderr=slave, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    assert process.wait() == 0
    return ANSI.sub("", b"".join(chunks).decode("utf-8")).replace("\r\n", "\n")


@pytest.mark.parametrize("columns", [40, 50, 64, 100])
def test_a_phone_number_is_never_split_at_any_width(invoke, columns):
    from rich.cells import cell_len

    args = ["now", "--region", "北京", "--at", AT, "--limit", "0"]
    screen = _in_a_terminal(args, columns)
    doc = document(invoke, "--region", "北京")
    rows = screen.splitlines()
    assert max(cell_len(row.rstrip()) for row in rows) <= columns
    for line in doc["hotlines"]:
        for number in line["numbers"]:
            assert any(number["display"] in row for row in rows), (columns, number["display"])
    assert "800 810 1117" in screen and "0591 8787" not in screen.replace("0591 8787 5656", "")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_show_on_a_narrow_terminal_wraps_without_splitting_a_number(lang):
    from rich.cells import cell_len

    # The caveat ends in 010-8295-1332 past column 33: left to the terminal, it would break inside the number.
    screen = _in_a_terminal(["show", "beijing-crisis-center", "--lang", lang], 40)
    rows = screen.splitlines()
    assert max(cell_len(row.rstrip()) for row in rows) <= 40
    for number in ("800 810 1117", "010 8295 1332", "010-8295-1332"):
        assert any(number in row for row in rows), number


@pytest.mark.parametrize("args", [("now", "--region", "福建"), ("day", "--region", "福建"), ("show", "12356"),
                                  ("--help",), ("--version",)])
def test_full_disk_closed_stdout_and_broken_pipes_end_cleanly_with_one_exit_code(args):
    full = subprocess.run(f"{_command(*args)} >/dev/full", shell=True, capture_output=True, text=True)
    assert full.returncode == 3, full.stderr
    assert full.stderr.count("\n") == 1 and "cannot write the answer" in full.stderr and "Traceback" not in full.stderr
    closed = subprocess.run(f"{_command(*args)} >&-", shell=True, capture_output=True, text=True)
    assert closed.returncode == 3, closed.stderr
    assert "standard output is closed" in closed.stderr and "Traceback" not in closed.stderr
    for reader in ("head -c1 >/dev/null", "true"):
        piped = subprocess.run(["bash", "-c", f"{_command(*args)} | {reader}; exit ${{PIPESTATUS[0]}}"],
                               capture_output=True, text=True)
        assert piped.returncode == 0, (reader, piped.stderr)
        assert piped.stderr == "", (reader, piped.stderr)
