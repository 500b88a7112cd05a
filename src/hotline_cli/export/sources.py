"""Who published a source, in a few words, for a printed list: "海都报 2025-04-07", not a file name or an address.

The seed documents are named by their publication (from their own title lines);
a web page by the publisher its note names ("泉州市卫健委网站：…"), else by its site.
Full addresses stay available where there is room for them (the HTML appendix,
CSV, JSON).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..model import Source, SourceKind

# Seed documents by file-name prefix: the publication each one is (its title or masthead).
SEED_TITLES = {
    "zh": {
        "seed:000": "危机与支援资源指南（网页）",
        "seed:001": "中国心理热线评估（第五轮，2020年调查）",
        "seed:002": "中国青年报",
        "seed:003": "心理援助热线资料",
        "seed:004": "海峡都市报",
    },
    "en": {
        "seed:000": "Crisis & Support Resources guide (web page)",
        "seed:001": "Survey of Chinese psychological hotlines (round 5, 2020)",
        "seed:002": "China Youth Daily",
        "seed:003": "psychological hotline material",
        "seed:004": "Straits Metropolis Daily",
    },
}
_REPRINT = {"zh": "转载网页", "en": "reprint"}
_SURVEY = {"zh": "2020年调查", "en": "2020 survey"}
_PUBLISHER = re.compile(r"^([^：:（(，,。；;]{2,24})[：:]")


def source_label(source: Source, lang: str = "zh") -> str:
    """A short name for who published the source (without its date)."""
    titles = SEED_TITLES.get(lang, SEED_TITLES["zh"])
    if source.ref.startswith("seed:"):
        return titles.get(source.ref[:8], source.ref.removeprefix("seed:"))
    host = urlsplit(source.ref).hostname or source.ref
    host = host.removeprefix("www.").removeprefix("m.")
    note = (source.note or "").strip()
    if source.kind is SourceKind.reprint or note.startswith(("转载", "reprint", "Reprint")):
        return f"{_REPRINT.get(lang, _REPRINT['zh'])} {host}"
    if source.kind is SourceKind.survey:
        return _SURVEY.get(lang, _SURVEY["zh"])
    found = _PUBLISHER.match(note)
    if found and not found.group(1).startswith(("城市表", "表")):
        return found.group(1).strip()
    return host
