"""Small presentation rules for the printed sheet and the wallet card (HTML and PDF).

The list's content comes from the AnswerView (``render/view.py``); this decides what
of it fits on one line of paper.
"""

from __future__ import annotations

from ..render.view import AnswerView, LineView

CARD_LOCAL_LINES = 3


def _height(line: LineView) -> float:
    """A rough height of a line's card in text rows, to balance the sheet's two columns."""
    wide = 26  # characters per row beside the QR codes in a half-page column
    rows = 2.5 + len(line.numbers) * 1.4 + max(len(line.hours_rows), 1) + 1.2
    rows += sum(-(-len(caveat) // wide) * 0.85 for caveat in line.caveats)
    rows += sum(-(-len(n.sheet_note("zh")) // wide) * 0.9 for n in line.numbers)
    qr_rows = 7.5 if line.numbers else 0  # a 2 cm code and its caption
    return max(rows, qr_rows)


def split_columns(lines: list[LineView]) -> tuple[list[LineView], list[LineView]]:
    """The cards for the left and right columns, in reading order (down the left, then down the right),
    split where the two columns come out closest in height."""
    if len(lines) < 2:
        return list(lines), []
    heights = [_height(line) for line in lines]
    total = sum(heights)
    best, best_at, running = None, 1, 0.0
    for index in range(1, len(lines)):
        running += heights[index - 1]
        taller = max(running, total - running)
        if best is None or taller < best:
            best, best_at = taller, index
    return list(lines[:best_at]), list(lines[best_at:])


def shows_audiences(line: LineView) -> bool:
    """Whether the audience row says more than "for everyone"."""
    return len(line.audiences) > 1 or bool(line.restricted) or bool(line.focus)


LOCAL_SCOPES = ("city", "provincial", "institution")


def card_lines(view: AnswerView) -> list[LineView]:
    """The wallet card's local lines: the first few of the region with a number, in the list's order
    (the city's own, then the province's; within each, the caller's audience first, then the longest hours)."""
    return [line for line in view.others if line.numbers and line.scope in LOCAL_SCOPES][:CARD_LOCAL_LINES]
