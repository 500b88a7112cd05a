"""Shell completion candidates for --region and --audience.

Imported only when a shell asks for candidates (Typer calls the option's `autocompletion`
callback then), so a normal run never reads the region list for this.
"""

from __future__ import annotations

import json


def _matches(value: str, incomplete: str) -> bool:
    return value.startswith(incomplete) or value.lower().startswith(incomplete.lower())


def region_candidates(incomplete: str) -> list[tuple[str, str]]:
    """(what to insert, what it is) for every way --region accepts a place, provinces first."""
    from .dataset import bundled_root

    document = json.loads((bundled_root() / "regions.json").read_text(encoding="utf-8"))
    seen: set[str] = set()
    found: list[tuple[str, str]] = []

    def offer(value: str | None, about: str) -> None:
        if value and value not in seen and _matches(value, incomplete):
            seen.add(value)
            found.append((value, about))

    for region in document["regions"]:
        for value in (region.get("short"), region.get("name"), region.get("abbr"), region.get("pinyin"), region.get("name_en")):
            offer(value, region["name"])
    for region in document["regions"]:
        for city in region.get("cities", []):
            about = f"{city['name']} · {region['short']}"
            for value in (city.get("short"), city.get("name"), city.get("pinyin")):
                offer(value, about)
    return found


def audience_candidates(incomplete: str) -> list[tuple[str, str]]:
    """Every audience key and every word --audience accepts for it."""
    from .audiences import LABELS, SYNONYMS

    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    for audience, words in SYNONYMS.items():
        about = " / ".join(LABELS[audience])
        for value in (audience.value, *words):
            if value not in seen and _matches(value, incomplete):
                seen.add(value)
                found.append((value, about))
    return found
