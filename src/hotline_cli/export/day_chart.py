"""The day chart for the HTML and PDF lists: one day's opening hours as inline SVG."""

from __future__ import annotations

from datetime import date


def day_chart_svg(dataset, day: date, place, audience, lang: str) -> str:
    from ..day import timeline
    from ..render.day_svg import render_svg
    from ..render.view import day_view

    # The renderer escapes every text it draws: that, not a scan for suspicious words, keeps
    # the chart inert (a scan rejected ordinary names such as "phone or online = same").
    return render_svg(day_view(timeline(dataset, day, place, audience), lang))
