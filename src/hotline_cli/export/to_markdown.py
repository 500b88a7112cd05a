"""Markdown for wikis and chat groups. Data is escaped so a name cannot become a link, a heading or HTML.

The escaping is minimal: chat apps show the source as typed, so a backslash
appears only before a character that would otherwise be taken as syntax.
"""

from __future__ import annotations

import re

from ..render.view import AnswerView, LineView
from ..render.words import word

# Chat apps (WeChat, DingTalk) show the Markdown source as it is, so a backslash
# goes only where a character would otherwise form syntax: everywhere for the few
# characters that always can (emphasis, code, links), in context for the rest.
# Parentheses, braces, '#', '|', '!' and a lone '~' form nothing in the middle of a line
# of this document (no '[' survives to open a link; no line here continues a table).
_ALWAYS = frozenset("`*_[]")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)")
# What GitHub's and markdown-it's autolinkers pick up: a scheme before "//" or a
# mail address's '@', and a dot before something that reads as a top-level domain.
_SCHEME_COLON = re.compile(r"(?<=[A-Za-z0-9+.-])(?=:/)|(?<=mailto)(?=:)", re.IGNORECASE)
_DOMAIN_DOT = re.compile(r"(?<=[A-Za-z0-9-])(?=\.[A-Za-z0-9-]{2,})(?=\.[A-Za-z0-9-]*[A-Za-z])")
_MAIL_AT = re.compile(r"(?<=[A-Za-z0-9._%+-])(?=@[A-Za-z0-9])")
_LINE_START = re.compile(r"^(?:[#>+=|~-]|\d{1,9}(?=[.)]))")


def escape(value: str, line_start: bool = False) -> str:
    """``value`` as Markdown text that renders as exactly these characters and forms no syntax.

    ``line_start``: the text begins a line, where '#', '>', '-', '1.' and the like open blocks.
    """
    value = _LINE_BREAKS.sub(" ", value).strip()
    marks = set()  # positions to put a backslash before
    for pattern in (_SCHEME_COLON, _DOMAIN_DOT, _MAIL_AT):
        marks.update(match.start() for match in pattern.finditer(value))
    for match in _ENTITY.finditer(value):
        marks.add(match.start())
    strikes = value.count("~") > 1  # GitHub strikes through between two single tildes
    for index, char in enumerate(value):
        following = value[index + 1] if index + 1 < len(value) else ""
        if char in _ALWAYS or (char == "~" and strikes):
            marks.add(index)
        elif char == "\\" and (following == "" or following in _ASCII_PUNCTUATION):
            marks.add(index)
        elif char == "<" and (following.isascii() and (following.isalpha() or following in "/!?")):
            marks.add(index)
    closing = len(value) - len(value.rstrip("#"))
    if closing:  # a trailing '#' run would close a heading
        marks.add(len(value) - closing)
    if line_start:
        start = _LINE_START.match(value)
        if start:
            marks.add(start.end() if value[0].isdigit() else 0)
    out = []
    for index, char in enumerate(value):
        if index in marks:
            out.append("\\")
        out.append(char)
    return "".join(out)


class MarkdownExporter:
    binary = False

    def ensure_available(self) -> None:
        return None

    def render(self, view: AnswerView, layout: str = "sheet") -> str:
        return render_markdown(view)


def _line(view: AnswerView, line: LineView) -> list[str]:
    labels = view.labels
    c = labels["colon"]
    heading = f"### {line.shown_number}. {escape(line.name)}" if line.shown_number else f"### {escape(line.name)}"
    out = [heading, ""]
    for number in line.numbers:
        extras = ("; " if view.lang == "en" else "；").join(escape(part) for part in number.details)
        out.append(f"- ☎ **{escape(number.display)}**" + (f" — {extras}" if extras else ""))
    if line.area_dial:
        out.append(f"- {escape(line.area_dial)}")
    for channel in line.channels:
        out.append(f"- {labels['channels']}{c}{escape(channel)}")
    if line.status:
        out.append(f"- {labels['status']}{c}{escape(line.status)}")
    if line.hours:
        out.append(f"- {labels['hours']}{c}{escape(line.hours)}")
    out.append(f"- {labels['audiences']}{c}{escape(word(view.lang, 'list_sep').join(line.audiences))}")
    if line.restricted:
        out.append(f"- **{escape(line.restricted)}**")
    if line.call_length:
        out.append(f"- {labels['call_length']}{c}{escape(line.call_length)}")
    if line.operator:
        out.append(f"- {labels['operator']}{c}{escape(line.operator)}")
    for caveat in line.caveats:
        out.append(f"- {labels['caveat']}{c}{escape(caveat)}")
    # "[1]" is plain text in CommonMark: the document defines no link references, and data cannot add one.
    refs = " ".join(f"[{n}]" for n in line.source_numbers)
    out.append(f"- {labels['last_confirmed']}{c}{escape(line.last_confirmed)} · {labels['sources']} {refs}")
    out.append("")
    return out


def render_markdown(view: AnswerView) -> str:
    labels = view.labels
    out = [f"# {escape(view.title)}", ""]
    colon = labels["colon"]
    meta = [f"{labels['generated']}{colon}{escape(view.made_on)}", f"{labels['dataset']}{colon}{escape(view.dataset_version)}"]
    if view.audience:
        meta.append(f"{labels['audience']}{colon}{escape(view.audience)}")
    out += [" · ".join(meta), "", escape(view.order_note, line_start=True), ""]
    emergency = " · ".join(f"**{escape(number)}** {escape(name)}" for number, name in view.emergency)
    out += [f"> **{labels['emergency']}**{colon}{emergency}", ">", f"> {escape(view.footer)}", ""]
    for note in ([view.overlays] if view.overlays else []) + [warning for _, warning in view.warnings]:
        out += [f"> {escape(note)}", ""]
    if view.primary is not None:
        out += [f"## {labels['first']} 12356", ""]
        out += _line(view, view.primary)
    out += [f"## {labels['others']}", ""]
    if not view.others:
        out += [escape(labels["none"], line_start=True), ""]
    for line in view.others:
        out += _line(view, line)
    out += [f"## {labels['if_fails']}", "", escape(view.if_fails, line_start=True), "", escape(view.report_outdated, line_start=True), ""]
    out += [f"## {labels['sources']}", ""]
    for source in view.sources:
        dated = f" ({escape(source.date)})" if source.date else ""
        out.append(f"{source.number}. {escape(source.label or source.ref)}{dated}")
    out += ["", "---", "", escape(view.footer, line_start=True), ""]
    return "\n".join(out)
