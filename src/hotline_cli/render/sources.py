"""Who published a source, in a few words, for a printed list: "海都报 2025-04-07", not a file name or an address.

The seed documents are named by their publication (from their own title lines);
a web page by the publisher its note names ("泉州市卫健委网站：…"), else by its site.
Full addresses stay available where there is room for them (the HTML appendix,
CSV, JSON).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..records import Source, SourceKind
from .words import word

# Seed documents by file-name prefix; their publication names live in the word table (seed_000 …).
_SEEDS = ("seed:000", "seed:001", "seed:002", "seed:003", "seed:004")
_PUBLISHER = re.compile(r"^([^：:（(，,。；;]{2,24})[：:]")


def source_label(source: Source, lang: str = "zh") -> str:
    """A short name for who published the source (without its date)."""
    if source.ref.startswith("seed:"):
        prefix = source.ref[:8]
        return word(lang, prefix.replace(":", "_")) if prefix in _SEEDS else source.ref.removeprefix("seed:")
    host = urlsplit(source.ref).hostname or source.ref
    host = host.removeprefix("www.").removeprefix("m.")
    note = (source.note or "").strip()
    if source.kind is SourceKind.reprint or note.startswith(("转载", "reprint", "Reprint")):
        return f"{word(lang, 'reprint_of')} {host}"
    if source.kind is SourceKind.survey:
        return word(lang, "grade_survey")
    found = _PUBLISHER.match(note)
    if found and not found.group(1).startswith(("城市表", "表")):
        return found.group(1).strip()
    return host
