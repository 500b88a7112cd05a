"""One self-contained HTML page to print on A4: no scripts, no network fonts, QR codes inline.

Jinja2 escapes every value from the data (autoescape on); the only markup
passed through unescaped is what this package draws itself: QR codes and the
day chart.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from ..phones import tel_uri
from ..render.view import AnswerView
from .sheet import card_lines, shows_audiences, split_columns

TEMPLATE = "list.html.j2"
TEMPLATES = {"sheet": TEMPLATE, "card": "card.html.j2"}
QR_BORDER = 2  # modules of white margin; the printed card adds more around it


@functools.lru_cache(maxsize=256)
def qr_svg(target: str) -> str:
    """An inline SVG QR code for a tel: link, sized by CSS (it carries only a viewBox)."""
    import segno

    code = segno.make(target, error="m", micro=False)
    svg = code.svg_inline(border=QR_BORDER, omitsize=True, dark="#000", light="#fff")
    # segno writes a plain <svg> element; make it crisp and say what it encodes.
    return svg.replace("<svg ", '<svg role="img" shape-rendering="crispEdges" ', 1)


def css_string(value: str) -> str:
    """A CSS string literal for our own labels: quotes, backslashes and '<' cannot break out."""
    escaped = re.sub(r'["\\<>\n]', lambda m: f"\\{ord(m.group()):x} ", value)
    return f'"{escaped}"'


def _environment():
    from jinja2 import Environment, StrictUndefined
    from markupsafe import Markup

    env = Environment(autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.filters["css_string"] = lambda value: Markup(css_string(value))
    env.globals["qr"] = lambda target: Markup(qr_svg(target))
    env.globals["tel"] = tel_uri
    env.globals["shows_audiences"] = shows_audiences
    env.globals["card_lines"] = card_lines
    env.globals["split_columns"] = split_columns
    return env


@functools.lru_cache(maxsize=None)
def _template(name: str):
    """Compiled once per process: the PDF exporter renders the page twice (once to learn its characters)."""
    source = (resources.files(__package__) / "templates" / name).read_text(encoding="utf-8")
    return _environment().from_string(source)


def render_html(view: AnswerView, font_css: str = "", layout: str = "sheet") -> str:
    """The page; ``font_css`` adds @font-face rules (the PDF exporter points them at an installed font).

    ``layout``: "sheet", the list to pin on a wall (A4), or "card", a wallet card (A6).
    """
    from markupsafe import Markup

    template = _template(TEMPLATES[layout])
    chart = Markup(view.day_chart_svg) if view.day_chart_svg else None
    labels = view.labels
    colon = labels["colon"]
    footer_meta = f"{labels['generated']}{colon}{view.made_on} · {labels['dataset']}{colon}{view.dataset_version}"
    return template.render(view=view, labels=labels, chart=chart, font_css=Markup(font_css), footer_meta=footer_meta)


class HtmlExporter:
    binary = False

    def ensure_available(self) -> None:
        return None

    def render(self, view: AnswerView, layout: str = "sheet") -> str:
        return render_html(view, layout=layout)
