"""The hook for the day chart: one day's opening hours as inline SVG, drawn by `hotline day`'s renderer.

The HTML and PDF lists show the chart when `hotline_cli.day.timeline` and
`hotline_cli.render.day_svg.render_svg` are installed, and go without it otherwise.
"""

from __future__ import annotations

from datetime import date

_PROVIDERS = ("hotline_cli.day", "hotline_cli.render.day_svg")


def day_chart_svg(dataset, day: date, place, audience, lang: str) -> str | None:
    """Inline SVG for the day, or None when the chart renderer is not available."""
    try:
        from ..day import timeline
        from ..render.day_svg import render_svg
    except ImportError as error:
        if error.name in _PROVIDERS:
            return None
        raise
    # The renderer escapes every text it draws: that, not a scan for suspicious words, keeps
    # the chart inert (a scan rejected ordinary names such as "phone or online = same").
    return render_svg(timeline(dataset, day, place, audience), lang)
