"""Hostile overlays: no file can take over 12356 or an emergency number, or hide what a number dials.

Every case starts from the documented overlay example (which passes `hotline check`), changes one
thing, and must then fail `check` and be refused by every command that reads data, with exit 1 and
a message naming the file, the record and the field.
"""

import copy
import json

import pytest

from conftest import REPO

EXAMPLE = REPO / "docs" / "overlay-example.json"
AT = "2026-11-24T10:00"

COMMANDS = [
    ("now", "-r", "厦门", "--at", AT),
    ("list", "-r", "厦门"),
    ("show", "12356"),
    ("day", "-r", "厦门", "--date", "2026-11-24"),
    ("export", "--format", "md", "-o", "-", "-r", "厦门", "--at", AT),
    ("check",),
]


def example() -> dict:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))["hotlines"][0]


def national_12356(**changes) -> dict:
    record = {
        "id": "12356",
        "name": "全国统一心理援助热线12356",
        "scope": "national",
        "region": "000000",
        "numbers": [{"published": "12356", "dial": "12356", "kind": "short"}],
        "audiences": [{"key": "general"}],
        "validity": {"status": "ongoing"},
        "sources": [{"ref": "https://www.example.org/notice", "kind": "official", "date": "2026-01-01"}],
        "last_confirmed": "2026-01-01",
    }
    record.update(changes)
    return record


def with_number(**number) -> dict:
    record = example()
    record["numbers"] = [number]
    return record


def with_field(path: str, value) -> dict:
    record = example()
    target = record
    *parents, last = path.split(".")
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    if last.isdigit():
        target[int(last)] = value
    else:
        target[last] = value
    return record


FOUR_HUNDRED = {"published": "400-161-9995", "dial": "4001619995", "kind": "shared_cost_400"}

# (case id, the record, the record id the message names, the field the message names)
CASES = [
    ("national-12356-dials-a-400-number", national_12356(numbers=[FOUR_HUNDRED]), "12356", "numbers[0].dial"),
    ("national-12356-adds-a-400-number",
     national_12356(numbers=[{"published": "12356", "dial": "12356", "kind": "short"}, FOUR_HUNDRED]), "12356", "numbers[1].dial"),
    ("published-12356-dials-another-number",
     with_number(published="12356", dial="4001619995", kind="shared_cost_400"), "example-university-counselling", "numbers.0"),
    ("published-12356-dials-another-number-with-an-excuse",
     with_number(published="12356", dial="4001619995", kind="shared_cost_400", dial_inferred=True, note="更正"),
     "example-university-counselling", "numbers.0"),
    ("named-12356-dials-a-400-number",
     dict(example(), name="全国统一心理援助热线12356", numbers=[FOUR_HUNDRED]), "example-university-counselling", "numbers[0].dial"),
    ("fullwidth-12356-in-the-name",
     dict(example(), name="心理援助热线１２３５６", numbers=[FOUR_HUNDRED]), "example-university-counselling", "numbers[0].dial"),
    ("a-12356-centre-with-a-400-number",
     dict(example(), id="12356-fujian-xiamen", name="厦门市12356心理援助热线", scope="city", restricted=False,
          audiences=[{"key": "general"}],
          numbers=[{"published": "0592-12356", "dial": "059212356", "kind": "short_with_area_code"}, FOUR_HUNDRED]),
     "12356-fujian-xiamen", "numbers[1].dial"),
    ("id-110", dict(example(), id="110"), "110", "id"),
    ("id-120", dict(example(), id="120"), "120", "id"),
    ("id-999", dict(example(), id="999"), "999", "id"),
    ("dials-120", with_number(published="120", dial="120", kind="short"), "example-university-counselling", "numbers[0].dial"),
    ("dials-area-code-110", with_number(published="0592-110", dial="0592110", kind="short_with_area_code"),
     "example-university-counselling", "numbers[0].dial"),
    ("fullwidth-short-dial", with_number(published="12356", dial="１２３５６", kind="short"),
     "example-university-counselling", "numbers.0.dial"),
    ("fullwidth-mobile-dial", with_number(published="138 0013 8000", dial="１３８００１３８０００", kind="mobile"),
     "example-university-counselling", "numbers.0.dial"),
    ("devanagari-mobile-dial", with_number(published="138 0013 8000", dial="१३८००१३८०००", kind="mobile"),
     "example-university-counselling", "numbers.0.dial"),
    ("arabic-indic-short-dial", with_number(published="12356", dial="١٢٣٥٦", kind="short"),
     "example-university-counselling", "numbers.0.dial"),
    ("devanagari-published", with_number(published="१२३५६", dial="12356", kind="short"),
     "example-university-counselling", "numbers[0]"),
    ("hangul-filler-published", with_field("numbers.0.published", "\u3164"), "example-university-counselling", "numbers.0.published"),
    ("hangul-filler-in-name", with_field("name", "热线\u3164"), "example-university-counselling", "name"),
    ("zero-width-space", with_field("numbers.0.published", "0592-\u200b12356"), "example-university-counselling", "numbers.0.published"),
    ("word-joiner", with_field("name", "示例\u2060热线"), "example-university-counselling", "name"),
    ("byte-order-mark", with_field("caveats.0", "\ufeff示例"), "example-university-counselling", "caveats.0"),
    ("soft-hyphen", with_field("numbers.0.published", "0592-123\u00ad56"), "example-university-counselling", "numbers.0.published"),
    ("line-separator", with_field("numbers.0.note", "示例\u2028拨 0592-12356"), "example-university-counselling", "numbers.0.note"),
    ("combining-mark-on-a-digit", with_field("numbers.0.published", "0592-1235\u03016"), "example-university-counselling", "numbers.0.published"),
    ("keycap-on-a-digit", with_field("hours_published", "工作日 8\u20e3:30"), "example-university-counselling", "hours_published"),
    ("published-digits-differ-unexplained", with_number(published="0592-12355", dial="059212356", kind="short_with_area_code"),
     "example-university-counselling", "numbers[0]"),
]


def write(tmp_path, record) -> str:
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps({"hotlines": [record]}, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_the_starting_record_passes(invoke, tmp_path):
    path = write(tmp_path, example())
    result = invoke("check", "--data", path)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("case, record, record_id, field", CASES, ids=[case[0] for case in CASES])
def test_every_command_refuses_a_hostile_overlay(invoke, tmp_path, case, record, record_id, field):
    path = write(tmp_path, copy.deepcopy(record))
    for command in COMMANDS:
        result = invoke(*command, "--data", path)
        assert result.exit_code == 1, (command, result.output)
        assert result.stdout == "" or command[0] == "check" and "ok:" not in result.stdout, (command, result.stdout)
        problems = [line for line in result.stderr.splitlines() if "hostile.json" in line]
        assert problems, (command, result.stderr)
        assert any(f": {record_id}: " in line and field in line for line in problems), (command, field, problems)


def test_the_user_overlay_folder_is_held_to_the_same_rules(invoke, tmp_path, monkeypatch):
    folder = tmp_path / "user"
    folder.mkdir()
    (folder / "ours.json").write_text(json.dumps({"hotlines": [national_12356(numbers=[FOUR_HUNDRED])]}), encoding="utf-8")
    monkeypatch.setenv("HOTLINE_USER_DATA", str(folder))
    result = invoke("now", "-r", "北京", "--at", AT)
    assert result.exit_code == 1 and result.stdout == ""
    assert "ours.json: 12356:" in result.stderr and "numbers[0].dial" in result.stderr


def test_an_overlay_may_add_a_note_to_12356_and_the_answer_names_the_file(invoke, tmp_path):
    path = write(tmp_path, national_12356(caveats=["本机构备注：夜间可拨 12356"]))
    doc = json.loads(invoke("now", "--at", AT, "--json", "--data", path).stdout)
    assert doc["hotlines"][0]["id"] == "12356" and doc["hotlines"][0]["numbers"][0]["dial"] == "12356"
    assert doc["overlays"] == [path]
    plain = invoke("now", "--at", AT, "--format", "plain", "--data", path).stdout
    assert f"本次结果含自定义数据文件：{path}" in plain
    english = invoke("now", "--at", AT, "--format", "plain", "--lang", "en", "--data", path).stdout
    assert f"This answer uses your own data files: {path}" in english


def test_an_overlay_that_adds_a_local_centre_dialling_12356_is_accepted(invoke, tmp_path):
    centre = dict(example(), id="12356-fujian-xiamen", name="厦门市12356心理援助热线", scope="city", restricted=False,
                  audiences=[{"key": "general"}])
    path = write(tmp_path, centre)
    assert invoke("check", "--data", path).exit_code == 0
    doc = json.loads(invoke("now", "-r", "厦门", "--at", AT, "--json", "--data", path).stdout)
    assert doc["hotlines"][0]["id"] == "12356-fujian-xiamen" and doc["overlays"] == [path]


def test_an_overlay_not_shown_in_the_answer_is_not_named(invoke, tmp_path):
    path = write(tmp_path, example())  # a Xiamen line: not part of Beijing's answer
    doc = json.loads(invoke("now", "-r", "北京", "--at", AT, "--json", "--data", path).stdout)
    assert doc["overlays"] == []
    assert "自定义数据" not in invoke("now", "-r", "北京", "--at", AT, "--format", "plain", "--data", path).stdout


def test_without_overlays_the_answer_names_none(invoke):
    doc = json.loads(invoke("now", "-r", "厦门", "--at", AT, "--json").stdout)
    assert doc["overlays"] == []


# --------------------------------------------------------------------------- the rules, directly


def test_a_corrected_dial_form_needs_dial_inferred_and_an_explanation():
    from pydantic import ValidationError

    from hotline_cli.model import Hotline

    base = example()
    misprint = {"published": "0592-1235", "dial": "059212356", "kind": "short_with_area_code"}
    with pytest.raises(ValidationError):
        Hotline.model_validate(dict(base, numbers=[misprint], caveats=[]))
    with pytest.raises(ValidationError):
        Hotline.model_validate(dict(base, numbers=[dict(misprint, dial_inferred=True)], caveats=[]))
    Hotline.model_validate(dict(base, numbers=[dict(misprint, dial_inferred=True, note="来源漏印最后一位，按 12356 补全")], caveats=[]))
    Hotline.model_validate(dict(base, numbers=[dict(misprint, dial_inferred=True)]))  # the record's caveats explain


def test_dalian_misprint_is_explained_in_the_bundled_data(dataset):
    number = next(n for n in dataset.by_id["liaoning-dalian"].record.numbers if n.published == "041-8468 9595")
    assert not number.published_matches_dial() and number.dial_inferred and number.note


@pytest.mark.parametrize("published, dial, menu, matches", [
    ("0591-8787 5656", "059187875656", [], True),
    ("０５９１-１２３５６", "059112356", [], True),  # fullwidth published digits read the same
    ("0471-12320-5", "047112320", ["5"], True),  # menu keys after the number
    ("+86 10 8295 1332", "01082951332", [], True),
    ("962525", "021962525", [], False),
    ("१२३५६", "12356", [], False),
])
def test_published_digits_against_dial(published, dial, menu, matches):
    from hotline_cli.model import PhoneNumber

    kind = "short_with_area_code" if dial.startswith("0") and len(dial) < 10 else "landline"
    number = PhoneNumber(published=published, dial=dial, kind=kind, menu=menu)
    assert number.published_matches_dial() is matches


def test_every_bundled_published_form_matches_its_dial_or_says_why(dataset):
    for record in dataset.hotlines:
        for number in record.numbers:
            if not number.published_matches_dial():
                assert number.dial_inferred and (number.note or record.caveats), (record.id, number.published)


# --------------------------------------------------------------------------- the text rule, for any text

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

HIDDEN = st.characters(categories=["Cc", "Cf", "Co", "Cn", "Zl", "Zp"])
PLAIN = st.text(st.characters(categories=["Lo", "Lu", "Ll", "Nd", "Zs", "Po", "Pd", "Ps", "Pe"]), max_size=30)


@settings(max_examples=300, deadline=None)
@given(before=PLAIN, hidden=HIDDEN, after=PLAIN)
def test_any_hidden_character_anywhere_is_refused(before, hidden, after):
    from hotline_cli.model import visible_text

    with pytest.raises(ValueError):
        visible_text(before + hidden + after)


@settings(max_examples=300, deadline=None)
@given(digits=st.text(st.characters(categories=["Nd"]), min_size=1, max_size=5),
       mark=st.characters(categories=["Mn", "Mc", "Me"]), mark_first=st.booleans())
def test_a_combining_mark_touching_a_digit_is_refused(digits, mark, mark_first):
    from hotline_cli.model import visible_text

    with pytest.raises(ValueError):
        visible_text(mark + digits if mark_first else digits + mark)


@settings(max_examples=300, deadline=None)
@given(text=PLAIN)
def test_ordinary_text_passes_unchanged(text):
    from hotline_cli.model import visible_text

    if any(ch in "\u115f\u1160\u3164\uffa0" for ch in text):
        return  # the Hangul fillers are Lo, and refused on purpose
    assert visible_text(text) == text


def test_day_names_the_overlay_behind_its_lines(invoke, tmp_path):
    line = dict(example(), restricted=False, audiences=[{"key": "general"}], hours="24/7")
    path = write(tmp_path, line)
    doc = json.loads(invoke("day", "-r", "厦门", "--date", "2026-11-24", "--json", "--data", path).stdout)
    assert doc["overlays"] == [path]
    chart = invoke("day", "-r", "厦门", "--date", "2026-11-24", "--data", path).stdout
    assert f"本次结果含自定义数据文件：{path}" in chart.replace("\n", "")  # a long path wraps at 80 columns
    assert json.loads(invoke("day", "-r", "厦门", "--date", "2026-11-24", "--json").stdout)["overlays"] == []
