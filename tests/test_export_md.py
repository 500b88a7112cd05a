"""Markdown export, read back with a CommonMark parser (markdown-it-py)."""

import pytest
from markdown_it import MarkdownIt

from test_export_fixtures import FORMULA_OPERATOR, SCRIPT_NAME, TRICKY_CAVEAT, export_args, write_overlay


@pytest.fixture
def markdown(invoke, tmp_path):
    overlay = write_overlay(tmp_path)
    result = invoke(*export_args(overlay, "md"))
    assert result.exit_code == 0, result.output
    return result.stdout


def tokens(text):
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    return parser.parse(text)


def flat(tokens_):
    for token in tokens_:
        yield token
        yield from flat(token.children or [])


def plain(inline) -> str:
    return "".join(child.content for child in inline.children if child.type in ("text", "code_inline"))


def headings(tokens_):
    found = []
    for index, token in enumerate(tokens_):
        if token.type == "heading_open":
            found.append((token.tag, plain(tokens_[index + 1])))
    return found


def test_data_cannot_become_markup_links_or_emphasis(markdown, dataset):
    parsed = tokens(markdown)
    bundled_sources = {source.ref for record in dataset.hotlines for source in record.sources}
    kinds = {token.type for token in flat(parsed)}
    assert "html_inline" not in kinds and "html_block" not in kinds
    links = [t.attrGet("href") for t in flat(parsed) if t.type == "link_open"]
    assert all(href.startswith("https://example.org/") or href in bundled_sources for href in links), links
    assert not any("evil.invalid" in href for href in links)
    title = next(text for tag, text in headings(parsed) if "测试热线" in text)
    assert title.endswith(SCRIPT_NAME)  # every character shown, none taken as syntax


def test_hostile_details_read_back_exactly(markdown):
    texts = [plain(t) for t in tokens(markdown) if t.type == "inline"]
    assert any(FORMULA_OPERATOR in text for text in texts)
    assert any(TRICKY_CAVEAT in text for text in texts)


def test_structure_emergency_then_12356_then_lines(markdown):
    parsed = tokens(markdown)
    found = headings(parsed)
    assert found[0][0] == "h1" and "厦门" in found[0][1]
    h2 = [text for tag, text in found if tag == "h2"]
    assert "12356" in h2[0]
    h3 = [text for tag, text in found if tag == "h3"]
    assert "12356" in h3[0] and not h3[0][0].isdigit()  # the 12356 entry is not one of the numbered others
    assert [text.split(".")[0] for text in h3[1:]] == [str(n) for n in range(1, len(h3))]
    assert any(text.endswith(SCRIPT_NAME) for text in h3[1:])
    quote = markdown.index("> **紧急情况**")
    assert quote < markdown.index("## 心理援助请先拨 12356")
    assert "**110**" in markdown[quote:quote + 200]


def test_sources_and_footer(markdown, dataset):
    assert "号码可能变更，拨打前请核实；如遇生命危险请拨打 120/110" in markdown
    assert dataset.meta.version in markdown
    sources = [t for t in tokens(markdown) if t.type == "ordered_list_open"]
    assert sources, "sources are an ordered list"
    texts = [plain(t) for t in tokens(markdown) if t.type == "inline"]
    # Named by publisher (here the site) and date; the full address is in the HTML's appendix.
    assert any("example.org (2026-01-01)" in text for text in texts), texts
