"""Never an empty answer: every audience people ask for is known, and an unknown word is a warning."""

import json

import pytest

AT = "2026-12-02T23:30"


def now_json(invoke, *args):
    result = invoke("now", *args, "--at", AT, "--json")
    assert result.exit_code == 0, result.output
    return result, json.loads(result.stdout)


@pytest.mark.parametrize("typed, key", [
    ("老人", "older_people"), ("老年人", "older_people"), ("elderly", "older_people"), ("older people", "older_people"),
    ("孕产妇", "perinatal"), ("perinatal", "perinatal"), ("pregnant", "perinatal"),
    ("LGBT", "lgbtq"), ("LGBTQ", "lgbtq"), ("LGBTQ+", "lgbtq"), ("性少数", "lgbtq"),
    ("残疾人", "people_with_disabilities"), ("disabled", "people_with_disabilities"),
    ("people with disabilities", "people_with_disabilities"),
    ("退役军人", "veterans"), ("veterans", "veterans"),
])
def test_groups_people_ask_for_are_audiences(invoke, typed, key):
    result, doc = now_json(invoke, "-a", typed, "-r", "北京")
    assert doc["audience"] == key
    assert doc["hotlines"][0]["id"] == "12356-beijing"
    assert not [w for w in doc["warnings"] if w["code"] == "unknown_audience"]
    assert "warning" not in result.stderr


def test_now_for_old_people_exits_0_with_12356_first(invoke):
    result = invoke("now", "-a", "老人", "--at", AT, "--format", "plain")
    assert result.exit_code == 0
    first = next(line for line in result.stdout.splitlines() if line.startswith("1. "))
    assert "12356" in first


def test_an_unknown_word_answers_for_everyone_with_a_warning(invoke):
    result, doc = now_json(invoke, "-a", "martians", "-r", "北京")
    _, everyone = now_json(invoke, "-r", "北京")
    assert doc["audience"] is None
    assert [line["id"] for line in doc["hotlines"]] == [line["id"] for line in everyone["hotlines"]]
    assert doc["hotlines"][0]["id"] == "12356-beijing"
    warning = next(w for w in doc["warnings"] if w["code"] == "unknown_audience")
    assert "'martians'" in warning["message"] and "老年人" in warning["message"] and "学生" in warning["message"]
    assert "warning" in result.stderr and "martians" in result.stderr


def test_unknown_word_in_plain_output_warns_on_stderr_only(invoke):
    result = invoke("now", "-a", "martians", "--at", AT, "--format", "plain", "--lang", "en")
    assert result.exit_code == 0
    assert "Unknown audience 'martians'" in result.stderr and "older people" in result.stderr
    assert "Unknown audience" not in result.stdout
    assert "12356" in result.stdout


def test_a_close_word_is_suggested(invoke):
    result = invoke("now", "-a", "studnet", "--at", AT, "--format", "plain")
    assert result.exit_code == 0 and "did you mean" in result.stderr and "students" in result.stderr


@pytest.mark.parametrize("command", [
    ("list", "-r", "北京"),
    ("day", "-r", "北京", "--date", "2026-12-02"),
    ("export", "--format", "md", "-o", "-", "-r", "北京", "--at", AT),
])
def test_other_commands_answer_for_everyone_too(invoke, command):
    result = invoke(*command, "-a", "martians")
    assert result.exit_code == 0, result.output
    assert "12356" in result.stdout and "martians" in result.stderr


def test_audiences_lists_the_new_groups(invoke):
    listed = invoke("audiences").stdout
    for key in ("older_people", "perinatal", "lgbtq", "people_with_disabilities", "veterans"):
        assert key in listed
    doc = json.loads(invoke("audiences", "--json").stdout)
    assert "老人" in json.dumps(doc, ensure_ascii=False)


def test_resolve_leniently_directly():
    from hotline_cli.audiences import resolve_leniently
    from hotline_cli.model import Audience

    assert resolve_leniently("长者") == (Audience.older_people, None)
    who, error = resolve_leniently("")
    assert who is None and error is not None
