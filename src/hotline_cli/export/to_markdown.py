"""Markdown for wikis and chat groups. Data is escaped so a name cannot become a link, a heading or HTML."""

from __future__ import annotations

import re

from ..render.view import AnswerView, LineView

# Characters that can start Markdown syntax in the middle of a line (CommonMark +
# GitHub tables and strikethrough). '-', '+', '.' only matter at a line start,
# and data never starts a line here, so phone numbers and times stay readable.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#|~!&])")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")


def escape(value: str) -> str:
    return _SPECIAL.sub(r"\\\1", _LINE_BREAKS.sub(" ", value)).strip()


class MarkdownExporter:

    def ensure_available(self) -> None:
        return None

    def render(self, view: AnswerView) -> str:
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
    out.append(f"- {labels['audiences']}{c}{escape('、'.join(line.audiences) if view.lang != 'en' else ', '.join(line.audiences))}")
    if line.restricted:
        out.append(f"- **{escape(line.restricted)}**")
    if line.focus:
        out.append(f"- {escape(line.focus)}")
    if line.call_length:
        out.append(f"- {labels['call_length']}{c}{escape(line.call_length)}")
    if line.operator:
        out.append(f"- {labels['operator']}{c}{escape(line.operator)}")
    for caveat in line.caveats:
        out.append(f"- {labels['caveat']}{c}{escape(caveat)}")
    refs = ", ".join(f"\\[{n}\\]" for n in line.source_numbers)
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
    out += [" · ".join(meta), "", escape(view.order_note), ""]
    emergency = " · ".join(f"**{escape(number)}** {escape(name)}" for number, name in view.emergency)
    out += [f"> **{labels['emergency']}**{colon}{emergency}", ">", f"> {escape(view.footer)}", ""]
    for _, warning in view.warnings:
        out += [f"> {escape(warning)}", ""]
    if view.primary is not None:
        out += [f"## {labels['first']} 12356", ""]
        out += _line(view, view.primary)
    out += [f"## {labels['others']}", ""]
    if not view.others:
        out += [escape(labels["none"]), ""]
    for line in view.others:
        out += _line(view, line)
    out += [f"## {labels['if_fails']}", "", escape(view.if_fails), "", escape(view.report_outdated), ""]
    out += [f"## {labels['sources']}", ""]
    for source in view.sources:
        dated = f" ({escape(source.date)})" if source.date else ""
        out.append(f"{source.number}. {_source(source.ref)}{dated}")
    out += ["", "---", "", escape(view.footer), ""]
    return "\n".join(out)


def _source(ref: str) -> str:
    # A web address stays clickable in an angle-bracket autolink; nothing else in it can form syntax.
    if ref.startswith(("https://", "http://")) and not re.search(r"[\s<>]", ref):
        return f"<{ref}>"
    return escape(ref)
