"""Fitting text into a width of display cells, for the terminal and the SVG chart.

Chinese may break between any two characters; a phone number, a time range or a
Latin word never breaks (Rich breaks only at spaces, and a spaced phone number
"0591 8787 5656" has spaces). Measured with Rich's cell widths.
"""

from __future__ import annotations

import re

# A number in any of its printed forms (+86 591 8787 5656, 0591-12356, 800 810 1117), then
# runs of printable ASCII (and the en dash and middle dot of times and lists), spaces, or one character.
_TOKENS = re.compile(r"\+?\d+(?:[ \-]\d+)+(?![\d:.])|[!-~–\u00b7]+|\s+|.")


def _cells(text: str) -> int:
    from rich.cells import cell_len

    return cell_len(text)


def chars_in_cells(text: str, width: int) -> int:
    """How many characters of ``text`` make up its first ``width`` display cells."""
    used = 0
    for index, char in enumerate(text):
        if used >= width:
            return index
        used += _cells(char)
    return len(text)


def fit(name: str, width: int) -> str:
    """``name`` cut to ``width`` display cells (with …) and padded to exactly that width."""
    if _cells(name) <= width:
        return name + " " * (width - _cells(name))
    kept = ""
    for char in name:
        if _cells(kept + char) + 1 > width:
            break
        kept += char
    kept += "…"
    return kept + " " * (width - _cells(kept))


def wrap(sentence: str, width: int) -> list[str]:
    """Lines of at most ``width`` cells that never split a number, a time or a Latin word
    (unless one alone is wider than the screen)."""
    lines: list[str] = []
    current = ""
    for token in _TOKENS.findall(sentence):
        if token.isspace():
            if current and _cells(current + token) <= width:
                current += token
            elif current:
                lines.append(current.rstrip())
                current = ""
            continue
        if _cells(current + token) <= width:
            current += token
            continue
        if current.strip():
            lines.append(current.rstrip())
        current = ""
        while _cells(token) > width:  # a single run wider than the screen
            cut = chars_in_cells(token, width)
            while cut > 1 and _cells(token[:cut]) > width:
                cut -= 1
            lines.append(token[:cut])
            token = token[cut:]
        current = token
    if current.strip():
        lines.append(current.rstrip())
    return lines or [""]


def wrap_indented(line: str, width: int | None) -> list[str]:
    """One output line wrapped to ``width``, continuation lines indented like the first."""
    if width is None or _cells(line) <= width:
        return [line]
    indent = line[: len(line) - len(line.lstrip(" "))]
    body = line[len(indent):]
    inner = max(width - len(indent) - 2, 8)
    pieces = wrap(body, inner)
    return [indent + pieces[0]] + [indent + "  " + piece for piece in pieces[1:]]
