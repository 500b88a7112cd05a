"""`hotline now` and friends, through the CLI and the pure core."""

import json
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO, china

AT_WEEKDAY_NIGHT = "2026-11-24T23:30"  # a Tuesday


def now_json(invoke, *args):
    result = invoke("now", "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# --------------------------------------------------------------------------- ordering


def test_fujian_answer_starts_with_emergency_then_12356(invoke):
    doc = now_json(invoke, "--region", "福建", "--at", AT_WEEKDAY_NIGHT)
    assert [e["number"] for e in doc["emergency"]][:2] == ["110", "120"]
    assert doc["hotlines"][0]["id"] == "12356-fujian"
    assert doc["region"]["code"] == "350000"


def test_city_gets_its_own_centre_and_the_area_code_dial_string(invoke):
    doc = now_json(invoke, "--region", "厦门", "--at", AT_WEEKDAY_NIGHT)
    first = doc["hotlines"][0]
    assert first["id"] == "12356-fujian-xiamen"
    assert first["area_dial"] == "0592-12356"
    assert first["status"] == "open"  # seed 004: every Fujian city centre answers 24 h


@pytest.mark.parametrize(
    ("city", "dial", "confirmed"),
    [
        ("厦门", "0592-12356", True),  # seed 004: area-code dialling works across Fujian
        ("晋中", "0354-12356", True),  # 晋中's own announcement names 0354
        ("太原", "0351-12356", False),  # a city centre whose sources never mention the area-code form
        ("大同", "0352-12356", False),  # no city record at all: the province's line answers
    ],
)
def test_area_code_dial_string_says_whether_a_source_confirms_it(dataset, city, dial, confirmed):
    from hotline_cli.query import answer
    from hotline_cli.regions import resolve

    first = answer(dataset, china(2026, 11, 24, 23, 30), resolve(city, dataset.regions)).lines[0]
    assert (first.area_dial, first.area_dial_confirmed) == (dial, confirmed)


def test_unconfirmed_area_code_dialling_is_shown_as_a_try_not_a_promise(invoke):
    unconfirmed = invoke("now", "--region", "太原", "--at", AT_WEEKDAY_NIGHT, "--format", "plain")
    confirmed = invoke("now", "--region", "晋中", "--at", AT_WEEKDAY_NIGHT, "--format", "plain")
    assert "在外地可试拨 0351-12356" in unconfirmed.stdout and "本市未见公告" in unconfirmed.stdout
    assert "在外地拨打 0354-12356 可接通本地热线" in confirmed.stdout and "本市未见公告" not in confirmed.stdout
    doc = now_json(invoke, "--region", "太原", "--at", AT_WEEKDAY_NIGHT)
    assert doc["hotlines"][0]["area_dial_confirmed"] is False


def test_an_old_local_number_is_labelled_as_one_that_may_stop_working(invoke):
    result = invoke("now", "--region", "中山", "--at", AT_WEEKDAY_NIGHT, "--format", "plain")
    assert "☎ 0760 8888 4120（原号码，12356过渡期内并行，可能停用）" in result.stdout
    doc = now_json(invoke, "--region", "中山", "--at", AT_WEEKDAY_NIGHT)
    old = {n["display"]: n["old_number"] for n in doc["hotlines"][0]["numbers"]}
    assert old == {"12356": False, "0760 8888 4120": True}


def test_national_view_without_region(invoke):
    doc = now_json(invoke, "--at", AT_WEEKDAY_NIGHT)
    assert doc["region"] is None
    assert doc["hotlines"][0]["id"] == "12356"
    assert all(line["scope"] == "national" for line in doc["hotlines"])


def test_open_lines_come_before_closed_ones_and_city_before_province(invoke, dataset):
    doc = now_json(invoke, "--region", "福建", "--at", "2026-11-24T10:00")
    groups = [line["group"] for line in doc["hotlines"]]
    # Open lines are one block (ranked by confidence first), so open_here and open_national count as one here.
    order = ["12356", "open", "unknown", "opens_later", "older", "inactive"]
    blocks = ["open" if group in ("open_here", "open_national") else group for group in groups]
    assert blocks == sorted(blocks, key=order.index)
    opens = [line["opens_at"] for line in doc["hotlines"] if line["group"] == "opens_later"]
    assert opens == sorted(opens)


def test_each_open_line_says_when_it_closes_and_each_closed_when_it_opens(invoke):
    doc = now_json(invoke, "--region", "北京", "--at", "2026-11-24T07:00")
    for line in doc["hotlines"]:
        if line["status"] == "open" and line["hours"] != "24/7" and any(n["hours"] not in (None, "24/7") for n in line["numbers"]):
            assert line["closes_at"] is not None, line["id"]
        if line["status"] == "closed":
            assert line["opens_at"] is not None, line["id"]


def _places(dataset):
    places = [None]
    for region in dataset.regions:
        places.append(region.code)
        places.extend(city.code for city in region.cities)
    return places


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_12356_is_always_first_for_every_region_audience_and_instant(dataset, data):
    from hotline_cli.model import Audience
    from hotline_cli.query import answer
    from hotline_cli.regions import resolve

    code = data.draw(st.sampled_from(_places(dataset)))
    audience = data.draw(st.sampled_from([None, *Audience]))
    minutes = data.draw(st.integers(min_value=0, max_value=3 * 366 * 24 * 60))
    instant = china(2025, 5, 1) + timedelta(minutes=minutes)
    place = resolve(code, dataset.regions) if code else None
    result = answer(dataset, instant, place, audience)
    assert result.lines, "never an empty answer"
    # First on the mainland; outside it (where 12356 cannot be dialled) after the local lines.
    mainland = place is None or place.region.phone_region == "CN"
    assert (result.lines[0] if mainland else result.lines[-1]).record.is_12356
    assert result.emergency
    assert all(line.group.value != "inactive" for line in result.lines)


# --------------------------------------------------------------------------- region forms and bad input


@pytest.mark.parametrize("typed", ["福建", "福建省", "闽", "fujian", "Fujian", "35", "350000"])
def test_every_province_form(invoke, typed):
    assert now_json(invoke, "--region", typed, "--at", AT_WEEKDAY_NIGHT)["region"]["code"] == "350000"


@pytest.mark.parametrize("typed,city", [("厦门", "350200"), ("0592", "350200"), ("厦门市", "350200"), ("0591", "350100")])
def test_city_and_area_code_forms(invoke, typed, city):
    assert now_json(invoke, "--region", typed, "--at", AT_WEEKDAY_NIGHT)["region"]["city"]["code"] == city


@pytest.mark.parametrize("typed,code", [("香港", "810000"), ("Macau", "820000"), ("台湾", "710000")])
def test_hong_kong_macau_taiwan_show_local_emergency_numbers(invoke, typed, code):
    doc = now_json(invoke, "--region", typed, "--at", AT_WEEKDAY_NIGHT)
    assert doc["region"]["code"] == code
    # 12356 cannot be dialled there: the local lines come first, 12356 after them.
    assert doc["hotlines"][-1]["id"] == "12356"
    assert all(line["id"] != "12356" for line in doc["hotlines"][:-1])
    assert any(w["code"] == "12356_mainland_only" for w in doc["warnings"])
    assert "110" not in [e["number"] for e in doc["emergency"]] or code == "710000"


def test_unknown_region_exits_2_with_suggestions(invoke):
    result = invoke("now", "--region", "fujain")
    assert result.exit_code == 2
    assert "did you mean" in result.stderr and "福建省" in result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.output


def test_ambiguous_region_exits_2(invoke):
    result = invoke("now", "--region", "taizhou")
    assert result.exit_code == 2
    assert "泰州" in result.stderr and "台州" in result.stderr


@pytest.mark.parametrize("args", [["--at", "yesterday"], ["--at", "2027-02-29T10:00"],
                                  ["--at", "99999-01-01"], ["--format", "xml"], ["--at", ""]])
def test_bad_input_exits_2_without_traceback(invoke, args):
    result = invoke("now", *args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.stderr.strip()


def test_24_00_means_midnight(invoke):
    a = now_json(invoke, "--at", "2026-11-24T24:00")
    b = now_json(invoke, "--at", "2026-11-25T00:00")
    assert a == b


def test_offset_is_honoured_and_naive_time_is_china_time(invoke):
    in_new_york = now_json(invoke, "--region", "北京", "--at", "2026-11-24T10:30-05:00")
    in_china = now_json(invoke, "--region", "北京", "--at", "2026-11-24T23:30")
    assert in_new_york["at"] == "2026-11-24T23:30:00+08:00"
    abroad = [w for w in in_new_york["warnings"] if w["code"] == "abroad"]
    assert len(abroad) == 1 and "UTC-05:00" in abroad[0]["message"]
    assert in_new_york["hotlines"] == in_china["hotlines"]
    assert not any(w["code"] == "abroad" for w in in_china["warnings"])


# --------------------------------------------------------------------------- audiences


@pytest.mark.parametrize("typed,key", [("学生", "students"), ("大学生", "university_students"), ("student", "students"),
                                       ("青少年", "minors_youth"), ("youth", "minors_youth"), ("医务人员", "medical_workers"),
                                       ("medical", "medical_workers"), ("民警", "police"), ("police", "police"),
                                       ("家长", "parents"), ("parents", "parents"), ("教师", "teachers"), ("teachers", "teachers")])
def test_audience_synonyms(invoke, typed, key):
    assert now_json(invoke, "--audience", typed, "--at", AT_WEEKDAY_NIGHT)["audience"] == key


def test_restricted_lines_only_for_their_audience(dataset):
    from hotline_cli.model import Audience
    from hotline_cli.query import answer
    from hotline_cli.regions import resolve

    from hotline_cli.query import held_back

    restricted = [r for r in dataset.hotlines if r.restricted and r.validity.status.value == "ongoing" and held_back(r) is None]
    assert restricted
    for record in restricted:
        place = resolve(record.city or record.region, dataset.regions) if record.region != "000000" else None
        instant = china(2026, 11, 24, 10, 0)
        # Old listings are held back by default; the restriction rule is about every listing.
        everyone = {line.record.id for line in answer(dataset, instant, place, None, include_older=True).lines}
        assert record.id not in everyone
        audience = next(a.key for a in record.audiences if a.key is not Audience.general)
        theirs = {line.record.id for line in answer(dataset, instant, place, audience, include_older=True).lines}
        assert record.id in theirs


# --------------------------------------------------------------------------- --all, warnings, never empty


def test_ended_lines_only_with_all_and_each_with_a_reason(invoke):
    plain = now_json(invoke, "--region", "北京", "--at", AT_WEEKDAY_NIGHT)
    everything = now_json(invoke, "--region", "北京", "--all", "--at", AT_WEEKDAY_NIGHT)
    assert not [line for line in plain["hotlines"] if line["group"] == "inactive"]
    inactive = [line for line in everything["hotlines"] if line["group"] == "inactive"]
    assert inactive
    assert all(line["inactive_reason"] for line in inactive)
    assert len(everything["hotlines"]) > len(plain["hotlines"])


def test_calendar_warning_for_a_year_without_official_calendar(invoke):
    # The workday-only line of Liaoning is an old listing: --all brings it (and its calendar) in.
    doc = now_json(invoke, "--region", "辽宁", "--at", "2027-10-01T10:00", "--all")
    warning = [w for w in doc["warnings"] if w["code"] == "calendar_unverified"]
    assert warning and "2027" in warning[0]["message"]
    plain = invoke("now", "--region", "辽宁", "--at", "2027-10-01T10:00", "--format", "plain", "--all")
    assert "2027" in plain.stdout and "节假日" in plain.stdout


def test_no_calendar_warning_inside_known_years(invoke):
    doc = now_json(invoke, "--region", "辽宁", "--at", "2026-03-10T10:00")
    assert not [w for w in doc["warnings"] if w["code"] == "calendar_unverified"]


def test_never_empty_when_nothing_else_is_open(invoke, dataset):
    # Find a province whose only lines are 12356 and national ones, at a quiet hour.
    doc = now_json(invoke, "--region", "青海", "--at", "2026-11-24T03:00")
    assert doc["hotlines"] and doc["emergency"]
    if doc["nothing_else_open"]:
        assert any(w["code"] == "nothing_else_open" for w in doc["warnings"])
        plain = invoke("now", "--region", "青海", "--at", "2026-11-24T03:00", "--format", "plain").stdout
        assert "12356" in plain and "120" in plain


# --------------------------------------------------------------------------- output


def test_json_matches_the_published_schema(invoke, dataset):
    import jsonschema

    from hotline_cli.phones import national_format, tel_uri
    from hotline_cli.query import emergency_for
    from hotline_cli.regions import resolve
    from hotline_cli.render.view import footer_text

    schema = json.loads((REPO / "schema" / "now-output.schema.json").read_text(encoding="utf-8"))
    for args in (["--region", "福建"], ["--region", "厦门", "--all"], [], ["--region", "香港"], ["--region", "北京", "--audience", "医务人员"]):
        doc = now_json(invoke, *args, "--at", AT_WEEKDAY_NIGHT)
        jsonschema.validate(doc, schema)
        # Beyond the shape: each number's forms agree with its record, and the document ends with the footer.
        for line in doc["hotlines"]:
            record = dataset.by_id[line["id"]].record
            published = {n.published: n for n in record.numbers}
            for number in line["numbers"]:
                source = published[number["published"]]
                assert number["dial"] == source.dial
                assert number["display"] == national_format(source)
                assert number["tel"] == tel_uri(source)
        assert doc["footer"] == footer_text(emergency_for(dataset, resolve(args[1], dataset.regions) if args and args[0] == "--region" else None), "zh")


def test_same_at_gives_byte_identical_output(invoke):
    for fmt in ("json", "plain", "table"):
        first = invoke("now", "--region", "福建", "--at", AT_WEEKDAY_NIGHT, "--format", fmt).stdout
        second = invoke("now", "--region", "福建", "--at", AT_WEEKDAY_NIGHT, "--format", fmt).stdout
        assert first == second and first


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_plain_output_has_no_escape_codes_and_every_line_is_in_the_language_asked(invoke, lang):
    import re

    result = invoke("now", "--region", "福建", "--at", AT_WEEKDAY_NIGHT, "--lang", lang, "--limit", "0")
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout
    lines = result.stdout.splitlines()
    doc = now_json(invoke, "--region", "福建", "--at", AT_WEEKDAY_NIGHT, "--lang", lang)
    header = {"zh": ("紧急情况: 110 报警", "地区: 福建省"), "en": ("Emergency: 110 Police", "Region: Fujian")}[lang]
    assert lines[0].startswith(header[0]) and header[1] in lines[1]
    assert lines[-1] == doc["footer"]
    # Each line of the answer, in order, with each of its numbers in the dialable form.
    at = 0
    for position, line in enumerate(doc["hotlines"], start=1):
        name = line["name_en"] if lang == "en" and line["name_en"] else line["name"]
        at = next(i for i in range(at, len(lines)) if lines[i].startswith(f"{position}. {name} — "))
        for number in line["numbers"]:
            assert any(row.startswith(f"   ☎ {number['display']}") for row in lines[at:at + 12]), number
    if lang == "en":
        # Everything the tool writes is English; Chinese left in it is data text, and marked so.
        for row in lines:
            for label in ("Hours: ", "Note: "):
                if row.strip().startswith(label) and re.search(r"[\u4e00-\u9fff]", row):
                    assert "[Chinese]" in row, row


def test_table_fits_80_columns_with_chinese_text(invoke):
    from rich.cells import cell_len

    result = invoke("now", "--region", "北京", "--format", "table", "--at", AT_WEEKDAY_NIGHT)
    assert result.exit_code == 0
    assert "12356" in result.stdout
    widths = [cell_len(line) for line in result.stdout.splitlines()]
    assert max(widths) <= 80


def test_a_screen_says_how_many_more_lines_there_are(invoke):
    everything = now_json(invoke, "--region", "北京", "--at", "2026-11-24T10:00")
    assert len(everything["hotlines"]) > 2, "the check needs more lines than the limit"
    result = invoke("now", "--region", "北京", "--format", "plain", "--at", "2026-11-24T10:00", "--limit", "2")
    hidden = len(everything["hotlines"]) - 2
    assert f"另有 {hidden} 条热线未显示；加 --limit 0 查看全部。" in result.stdout
    assert "\n2. " in result.stdout and "\n3. " not in result.stdout
    default = invoke("now", "--region", "北京", "--format", "plain", "--at", "2026-11-24T10:00")
    assert ("条热线未显示" in default.stdout) == (len(everything["hotlines"]) > 8)  # one screen, 8 lines, by default
    everything_shown = invoke("now", "--region", "北京", "--format", "plain", "--at", "2026-11-24T10:00", "--limit", "0")
    assert f"\n{len(everything['hotlines'])}. " in everything_shown.stdout and "条热线未显示" not in everything_shown.stdout

def test_english_labels(invoke):
    result = invoke("now", "--region", "福建", "--lang", "en", "--format", "plain", "--at", AT_WEEKDAY_NIGHT)
    assert result.stdout.startswith("Emergency: 110")
    assert "If a life is in danger" in result.stdout


def test_messages_on_stderr_data_on_stdout(invoke):
    result = invoke("now", "--region", "nowhere-at-all")
    assert result.stdout == "" and result.stderr


# --------------------------------------------------------------------------- other commands


def test_show_12356_lists_known_centres(invoke):
    result = invoke("show", "12356")
    assert result.exit_code == 0
    assert "0592-12356" in result.stdout
    doc = json.loads(invoke("show", "12356", "--json").stdout)
    assert doc["hotlines"][0]["id"] == "12356"
    assert len(doc["hotlines"][0]["centres"]) >= 31


@pytest.mark.parametrize("key", ["800-810-1117", "4001619995", "12356-fujian-xiamen"])
def test_show_by_number_or_id(invoke, key):
    result = invoke("show", key)
    assert result.exit_code == 0, result.output
    assert "来源" in result.stdout and "最后核实" in result.stdout


def test_show_unknown_exits_2(invoke):
    result = invoke("show", "99999999")
    assert result.exit_code == 2


def test_list_shows_hours_regardless_of_time(invoke):
    doc = json.loads(invoke("list", "--region", "福建", "--json").stdout)
    assert doc["hotlines"][0]["id"] == "12356-fujian"
    assert len(doc["hotlines"]) >= 2


def test_regions_and_audiences(invoke):
    regions = invoke("regions")
    assert regions.exit_code == 0 and "闽" in regions.stdout and regions.stdout.count("\n") == 34
    cities = invoke("regions", "福建")
    assert "0592" in cities.stdout
    audiences = invoke("audiences")
    assert "medical_workers" in audiences.stdout and "医务人员" in audiences.stdout



@pytest.mark.parametrize("region, lang, expected", [("香港", "en", "emergency: 999 Emergency (police, fire, ambulance)"),
                                                    ("福建", "en", "emergency: 110 Police 120 Ambulance 119 Fire"),
                                                    ("福建", "zh", "emergency: 110 报警 120 急救 119 火警")])
def test_regions_names_the_emergency_numbers_in_the_answer_words(invoke, region, lang, expected):
    result = invoke("regions", region, "--lang", lang)
    assert result.exit_code == 0 and expected in result.stdout.splitlines()

def test_version(invoke):
    from hotline_cli import __version__

    result = invoke("--version")
    assert result.exit_code == 0 and __version__ in result.stdout


COMMANDS = ["now", "list", "show", "regions", "audiences", "check"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_has_examples(invoke, command):
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert "Examples" in result.stdout
