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
from .base import ExportContext
from .common import ListView, list_view

TEMPLATE = "list.html.j2"
QR_BORDER = 2  # modules of white margin; the printed card adds more around it


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
    return env


@functools.lru_cache(maxsize=None)
def _template(name: str):
    """Compiled once per process: the PDF exporter renders the page twice (once to learn its characters)."""
    source = (resources.files(__package__) / "templates" / name).read_text(encoding="utf-8")
    return _environment().from_string(source)


def render_html(view: ListView, font_css: str = "") -> str:
    """The page; ``font_css`` adds @font-face rules (the PDF exporter points them at an installed font)."""
    from markupsafe import Markup

    template = _template(TEMPLATE)
    chart = Markup(view.day_chart_svg) if view.day_chart_svg else None
    return template.render(view=view, labels=view.labels, chart=chart, font_css=Markup(font_css))


class HtmlExporter:
    media_type = "text/html; charset=utf-8"
    binary = False

    def ensure_available(self) -> None:
        return None

    def render(self, answer, context: ExportContext) -> str:
        return render_html(list_view(answer, context))
