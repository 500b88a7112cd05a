"""Escaping is the only guard: hostile text in any field stays text in every format.

One overlay record puts `<script>`, `javascript:`, `on*=` attributes, `=`
formulas, Markdown syntax and bare web addresses into every field a list shows.
Each format is read back with a parser of its own kind (html.parser, an XML
parser for the SVG, pypdf, markdown-it under CommonMark and with GitHub-style
autolinks, the csv module, vobject), and must show that text without it
becoming markup, a link or a formula.
"""

import csv
import io
import json
import re
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

AT = "2026-11-24T23:30"
SCRIPT = '<script>alert("x")</script>'
EVENT = '" onmouseover="alert(1)" x="'
NAME = f'{SCRIPT}热线 javascript:alert(1) <img src=x onerror=alert(1)> Counselling, phone or online = same'
OPERATOR = '=HYPERLINK("javascript:alert(1)","点我")'
CAVEATS = [
    "http://example.org/a",
    '<a href="javascript:alert(1)" onclick="alert(2)">点这里</a>',
    "见 www.example.org 或 mail@example.org",
    "[链接](javascript:alert(1)) 与 <javascript:alert(1)>",
    "@SUM(1+1)",
    "+86 开头的说明",
    "-1 天",
    "闽政通APP(心理援助热线)",
    "# 不是标题 *不是强调* `不是代码` ~~不是删除线~~ &amp; 不是实体",
]
NOTE = f"{EVENT}onfocus=alert(3)"
CHANNEL = "javascript:alert(1)"
SOURCE = 'https://example.org/list?a=1&b="><script>alert(1)</script>'

RECORD = {
    "id": "test-escaping-xiamen",
    "name": NAME,
    "name_en": NAME,
    "scope": "city",
    "region": "350000",
    "city": "350200",
    "operator": OPERATOR,
    "numbers": [{"published": "0592-539 5159", "dial": "05925395159", "kind": "landline", "note": NOTE}],
    "channels": [{"kind": "web", "value": CHANNEL}],
    "audiences": [{"key": "general"}],
    "hours": "24/7",
    "call_length": "=1+1",
    "caveats": CAVEATS,
    "validity": {"status": "ongoing"},
    "sources": [{"ref": SOURCE, "date": "2026-01-01", "kind": "news"}],
    "last_confirmed": "2026-01-01",
}
FIELDS = [NAME, OPERATOR, *CAVEATS, NOTE, CHANNEL]


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    """Every format of the same list, made once through the CLI."""
    from typer.testing import CliRunner

    from hotline_cli.cli import app

    folder = tmp_path_factory.mktemp("escaping")
    overlay = folder / "overlay.json"
    overlay.write_text(json.dumps({"hotlines": [RECORD]}, ensure_ascii=False), encoding="utf-8")
    made = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HOTLINE_USER_DATA", str(folder / "no-user-data"))
        for fmt in ("html", "pdf", "md", "csv", "vcf"):
            target = folder / f"list.{fmt}"
            result = CliRunner().invoke(app, ["export", "-f", fmt, "-r", "厦门", "--at", AT, "--data", str(overlay),
                                              "-o", str(target), "--all-hours"])
            assert result.exit_code == 0, result.output
            made[fmt] = target.read_bytes()
    return made


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attributes, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend((tag, name, value or "") for name, value in attrs)

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.text.append(data)


def test_html_has_no_script_no_event_handlers_and_only_tel_or_local_links(exports):
    page = _Elements()
    page.feed(exports["html"].decode("utf-8"))
    assert "script" not in page.tags and "img" not in page.tags and "iframe" not in page.tags
    assert not [a for a in page.attributes if a[1].lower().startswith("on")]
    links = [value for tag, name, value in page.attributes if name.lower() in ("href", "src", "xlink:href", "action")]
    assert links and all(link.startswith(("tel:", "#")) for link in links), links
    assert not [value for *_, value in page.attributes if "javascript" in value.lower()]
    shown = "".join(page.text)
    for field in FIELDS:
        assert field in shown, field  # every character of the data is shown, as text


def test_svg_chart_escapes_the_data(exports):
    svg = re.search(r"<svg xmlns=\"http://www.w3.org/2000/svg\".*?</svg>", exports["html"].decode("utf-8"), re.S).group()
    root = ElementTree.fromstring(svg)
    names = {element.tag.split("}")[-1] for element in root.iter()}
    assert "script" not in names and "a" not in names and "foreignObject" not in names
    for element in root.iter():
        assert not [name for name in element.attrib if name.lower().startswith("on") or name.endswith("href")]
    texts = " ".join(element.text or "" for element in root.iter())
    assert "<script>" in texts  # drawn as characters (the chart shortens long names)


def test_pdf_links_only_dial(exports):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(exports["pdf"]))
    uris = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and action.get_object().get("/S") == "/URI":
                uris.append(str(action.get_object()["/URI"]))
    assert uris and all(uri.startswith("tel:") for uri in uris), uris
    root = reader.trailer["/Root"]
    assert "/OpenAction" not in root and "/JavaScript" not in (root.get("/Names") or {})


def _markdown_parsers():
    from markdown_it import MarkdownIt

    return {"commonmark": MarkdownIt("commonmark"), "gfm": MarkdownIt("gfm-like")}


def _inline_children(tokens):
    for token in tokens:
        if token.type == "inline":
            yield from token.children or []


def test_markdown_shows_the_data_and_links_nothing(exports):
    document = exports["md"].decode("utf-8")
    for flavour, parser in _markdown_parsers().items():
        tokens = parser.parse(document)
        kinds = {token.type for token in tokens} | {child.type for child in _inline_children(tokens)}
        assert not kinds & {"html_inline", "html_block", "link_open", "image", "code_inline", "s_open"}, (flavour, kinds)
        texts = ["".join(c.content for c in t.children if c.type == "text") for t in tokens if t.type == "inline"]
        for field in FIELDS:
            assert any(field in text for text in texts), (flavour, field)
    assert "\\(" not in document and "\\)" not in document  # parentheses never form syntax here


def test_csv_cells_never_start_a_formula(exports):
    rows = list(csv.reader(io.StringIO(exports["csv"].decode("utf-8-sig"))))
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'" + OPERATOR in cells and "'=1+1" in cells


def test_vcard_keeps_each_value_in_its_property(exports):
    import vobject

    cards = list(vobject.readComponents(exports["vcf"].decode("utf-8")))
    card = next(c for c in cards if "热线 javascript" in c.fn.value)
    assert card.fn.value == NAME
    assert card.org.value == [OPERATOR]
    assert [tel.value for tel in card.contents["tel"]] == ["+86-592-539-5159"]
    assert set(card.contents) <= {"version", "n", "fn", "org", "tel", "categories", "note", "url", "uid"}
    assert CAVEATS[0] in card.note.value and NOTE in card.note.value


# ---------------------------------------------------------------- Markdown escaping, for any text


_MARKDOWN_HEAVY = list("\\`*_[]()<>#|~!&:.@=-+{}'\"/ ") + ["http://", "www.", "javascript:", "&amp;", "&#35;", "1.", "a", "中"]
_text = st.lists(st.one_of(st.sampled_from(_MARKDOWN_HEAVY),
                           st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029")),
                 max_size=30).map("".join)


def _normalised(value: str) -> str:
    return re.sub(r"[\r\n\u2028\u2029]+", " ", value).strip()


def _rendered_text(parser, source: str):
    """The text of the one paragraph, list item or heading ``source`` makes, and the kinds of inline tokens."""
    tokens = parser.parse(source)
    inline = [t for t in tokens if t.type == "inline"]
    if not inline:
        return "", set(), {t.type for t in tokens}
    children = inline[0].children or []
    return "".join(c.content for c in children), {c.type for c in children}, {t.type for t in tokens}


@settings(max_examples=300, deadline=None)
@given(_text)
def test_escaped_text_renders_as_itself_and_nothing_else(value):
    from hotline_cli.export.to_markdown import escape

    expected = _normalised(value)
    for parser in _markdown_parsers().values():
        cases = [
            (f"- 注意：{escape(value)}", "注意：" + expected, {"bullet_list_open"}),
            (f"### 1. {escape(value)}", ("1. " + expected).strip(), {"heading_open"}),
            (escape(value, line_start=True), expected, {"paragraph_open"} if expected else set()),
        ]
        for source, intended, block in cases:
            shown, inline_kinds, block_kinds = _rendered_text(parser, source)
            assert shown == intended, (source, shown)
            assert inline_kinds <= {"text"}, (source, inline_kinds)
            assert block <= block_kinds and not block_kinds & {"html_block", "hr", "fence", "code_block", "table_open"}, (source, block_kinds)


def test_chat_text_needs_no_backslashes():
    from hotline_cli.export.to_markdown import escape

    for plain in ("闽政通APP(心理援助热线)", "周一至周五 9:00~17:00", "0591-87xxxxxx 转 2", "Mon-Fri 9am-5pm (China time)",
                  "12356 · 24小时", "e.g. students", "{周末} #2 100% & more!"):
        assert escape(plain) == plain
