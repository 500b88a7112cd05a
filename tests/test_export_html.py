"""HTML export, read back with the standard library's HTML parser."""

import json
import re
from html.parser import HTMLParser

from test_export_fixtures import AT, FORMULA_OPERATOR, HOSTILE, SCRIPT_NAME, export_args, write_overlay


class Page(HTMLParser):
    """Elements, the text inside each article, and everything that could load or run something."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.articles: list[dict] = []
        self.style = ""
        self.text: list[str] = []
        self._stack: list[str] = []
        self._article: dict | None = None
        self._article_depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "article":
            self._article = {"id": attrs.get("id"), "class": attrs.get("class", ""), "text": [], "svgs": 0,
                             "links": []}
            self.articles.append(self._article)
        if self._article is not None:
            if tag == "svg":
                self._article["svgs"] += 1
            if tag == "a":
                self._article["links"].append(attrs.get("href"))
        self._stack.append(tag)

    def handle_endtag(self, tag):
        if tag == "article":
            self._article = None
        while self._stack and self._stack.pop() != tag:
            pass

    def handle_data(self, data):
        if self._stack and self._stack[-1] == "style":
            self.style += data
            return
        self.text.append(data)
        if self._article is not None:
            self._article["text"].append(data)


def parse(text: str) -> Page:
    page = Page()
    page.feed(text)
    page.close()
    return page


def article_text(article) -> str:
    return "".join(article["text"])


def export_html(invoke, tmp_path, *extra):
    overlay = write_overlay(tmp_path)
    result = invoke(*export_args(overlay, "html", "-", *extra))
    assert result.exit_code == 0, result.output
    return result.stdout, overlay


def test_hostile_name_is_text_not_markup(invoke, tmp_path):
    html, _ = export_html(invoke, tmp_path)
    page = parse(html)
    assert not [tag for tag, _ in page.tags if tag == "script"]
    assert not [attrs for _, attrs in page.tags if any(name.startswith("on") for name in attrs)]
    hostile = next(a for a in page.articles if a["id"] == f"line-{HOSTILE['id']}")
    text = article_text(hostile)
    assert SCRIPT_NAME in text  # shown exactly, as characters
    assert FORMULA_OPERATOR in text
    assert "http://evil.invalid" not in " ".join(filter(None, hostile["links"]))
    assert "&lt;script&gt;" in html


def test_self_contained_a4_page(invoke, tmp_path):
    html, _ = export_html(invoke, tmp_path)
    page = parse(html)
    assert not [tag for tag, _ in page.tags if tag in ("link", "script", "iframe", "img", "object")]
    assert not [attrs for _, attrs in page.tags if "src" in attrs]
    assert "url(" not in page.style and "@import" not in page.style
    assert re.search(r"@page\s*\{[^}]*size:\s*A4", page.style)
    external = [attrs["href"] for tag, attrs in page.tags if tag == "a" and attrs.get("href", "").startswith("http")]
    assert external == []


def test_order_is_the_order_of_hotline_now(invoke, tmp_path):
    html, overlay = export_html(invoke, tmp_path)
    now = invoke("now", "--json", "--region", "厦门", "--at", AT, "--data", overlay)
    expected = [line["id"] for line in json.loads(now.stdout)["hotlines"]]
    exported = [a["id"].removeprefix("line-") for a in parse(html).articles]
    assert exported == expected
    assert exported[0].startswith("12356")


def test_emergency_numbers_come_before_12356_and_the_other_lines(invoke, tmp_path):
    html, _ = export_html(invoke, tmp_path)
    text = "".join(parse(html).text)
    first_emergency = text.index("110")
    assert first_emergency < text.index("0592-12356") < text.index("0592-539 5159")
    assert text.index("120") < text.index("0592-12356")


def test_each_number_has_a_qr_code_and_a_tel_link(invoke, tmp_path):
    html, _ = export_html(invoke, tmp_path)
    page = parse(html)
    primary = page.articles[0]
    assert "primary" in primary["class"]
    assert primary["svgs"] == 2  # 12356 and 0592-12356
    assert "tel:12356" in primary["links"] and "tel:059212356" in primary["links"]
    hostile = next(a for a in page.articles if a["id"] == f"line-{HOSTILE['id']}")
    assert hostile["svgs"] == 2  # the ended third number is left out
    assert "tel:+86-592-539-5159" in hostile["links"] and "tel:+86-138-0592-0000" in hostile["links"]
    assert re.search(r"figure\.qr svg\s*\{[^}]*width:\s*2[0-9]mm", page.style)  # at least 2 cm to scan


def test_list_says_when_it_was_made_and_what_to_do_if_a_number_fails(invoke, tmp_path, dataset):
    html, _ = export_html(invoke, tmp_path)
    text = "".join(parse(html).text)
    assert "2026-11-24" in text
    assert dataset.meta.version in text
    assert "号码可能变更，拨打前请核实；如遇生命危险请拨打 120/110" in text
    assert dataset.meta.report_outdated in text
    assert "https://example.org/list?a=1&b=<x>" in text  # the hostile source, listed as text


def test_per_line_details_in_plain_words(invoke, tmp_path):
    html, _ = export_html(invoke, tmp_path)
    hostile = next(a for a in parse(html).articles if a["id"] == f"line-{HOSTILE['id']}")
    text = article_text(hostile)
    assert "全天24小时" in text
    assert "学生（工作日 9:00–17:00）" in text
    assert "座机拨打" in text and "手机拨打" in text and "接通后按 2" in text
    assert "单次通话时长" in text


def test_english_labels(invoke, tmp_path):
    html, _ = export_html(invoke, tmp_path, "--lang", "en")
    page = parse(html)
    text = "".join(page.text)
    assert '<html lang="en">' in html
    assert "Emergency" in text and "Made on" in text and "Xiamen" in text


def test_day_chart_is_included_when_the_chart_renderer_exists(invoke, tmp_path):
    import importlib.util

    html, _ = export_html(invoke, tmp_path)
    available = importlib.util.find_spec("hotline_cli.day") and importlib.util.find_spec("hotline_cli.render.day_svg")
    chart = re.search(r'<section class="chart" id="day-chart">(.*?)</section>', html, re.S)
    if not available:
        assert chart is None
        return
    assert chart is not None
    assert "<svg" in chart.group(1) and "<script" not in chart.group(1).lower()
    assert "2026-11-24" in chart.group(1)


def test_all_hours_list_shows_hours_not_a_moment(invoke, tmp_path):
    overlay = write_overlay(tmp_path)
    result = invoke("export", "-f", "html", "-r", "厦门", "--all-hours", "--at", "2026-11-24", "--data", overlay, "-o", "-")
    assert result.exit_code == 0, result.output
    page = parse(result.stdout)
    cards = "".join(article_text(a) for a in page.articles)
    assert "开放中" not in cards and "未开放" not in cards
    assert "按地区排列" in "".join(page.text)
    assert "工作日 9:00–17:00" in cards  # the weekday test line's hours
