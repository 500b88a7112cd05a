"""The day chart for the HTML and PDF lists: one day's opening hours as inline SVG."""

from __future__ import annotations

import re
from datetime import date

_ACTIVE_CONTENT = re.compile(r"<\s*script|\son[a-z]+\s*=|javascript:", re.IGNORECASE)


def day_chart_svg(dataset, day: date, place, audience, lang: str) -> str:
    from ..day import timeline
    from ..render.day_svg import render_svg
    from ..render.view import day_view

    svg = render_svg(day_view(timeline(dataset, day, place, audience), lang))
    if _ACTIVE_CONTENT.search(svg):
        # A printed list is a static document; a chart that carries script is a bug upstream.
        raise ValueError("the day chart SVG contains script or event handlers")
    return svg
