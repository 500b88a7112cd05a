"""The one word table: every key in both languages, with the same placeholders; English is English."""

import re
import string

from hotline_cli.render.words import DATA_TEXT_EN, LANGS, WORDS

CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")
# English wordings that quote a Chinese term on purpose, for the reader who meets it on a Chinese page.
QUOTES_CHINESE = {"makeup", "calendar_unverified"}


def _fields(template) -> set[str]:
    if isinstance(template, list):
        return set()
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_key_has_both_languages_of_the_same_kind():
    for key, entry in WORDS.items():
        assert set(entry) == set(LANGS), key
        kinds = {type(value) for value in entry.values()}
        assert len(kinds) == 1, key
        if isinstance(entry["zh"], list):
            assert len(entry["zh"]) == len(entry["en"]), key


def test_both_languages_take_the_same_placeholders():
    for key, entry in WORDS.items():
        assert _fields(entry["zh"]) == _fields(entry["en"]), key


def test_english_words_are_english():
    for key, entry in WORDS.items():
        values = entry["en"] if isinstance(entry["en"], list) else [entry["en"]]
        if key not in QUOTES_CHINESE:
            assert not any(CJK.search(value) for value in values), key
    for chinese, english in DATA_TEXT_EN.items():
        assert CJK.search(chinese) and not CJK.search(english), chinese


def test_no_other_module_keeps_a_label_table():
    from conftest import REPO

    # Wording lives in render/words.py; a {"zh": …, "en": …} table anywhere else is a second table.
    for path in (REPO / "src" / "hotline_cli").rglob("*.py"):
        if path.name == "words.py":
            continue
        assert not re.search(r'["\']en["\']\s*:\s*\{', path.read_text(encoding="utf-8")), path
