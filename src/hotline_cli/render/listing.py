"""`hotline regions` and `hotline audiences`."""

from __future__ import annotations

from ..audiences import LABELS, SYNONYMS
from ..dataset import Dataset


def regions_dict(dataset: Dataset, place) -> dict:
    chosen = [place.region] if place is not None else dataset.regions
    return {
        "regions": [
            {
                "code": r.code, "name": r.name, "short": r.short, "abbr": r.abbr, "pinyin": r.pinyin,
                "name_en": r.name_en, "time_zone": r.time_zone,
                "emergency": [e.number for e in r.emergency],
                "cities": [
                    {"code": c.code, "name": c.name, "pinyin": c.pinyin, "area_codes": list(c.area_codes)}
                    for c in r.cities
                ],
            }
            for r in chosen
        ]
    }


def regions_text(dataset: Dataset, place, lang: str = "zh") -> str:
    from .view import emergency_items

    out = []
    if place is None:
        for r in dataset.regions:
            out.append(f"{r.code}  {r.abbr}  {r.name:<10}\t{r.pinyin:<14}{r.name_en}  ({len(r.cities)} cities)")
    else:
        r = place.region
        out.append(f"{r.code}  {r.abbr}  {r.name}  {r.pinyin}  {r.name_en}  {r.time_zone}")
        out.append("emergency: " + " ".join(f"{number} {name}" for number, name in emergency_items(r.emergency, lang)))
        for c in r.cities:
            out.append(f"  {c.code}  {c.name:<10}\t{c.pinyin:<14}{' '.join(c.area_codes)}")
    return "\n".join(out) + "\n"


def audiences_dict() -> dict:
    return {
        "audiences": [
            {"key": key.value, "zh": zh, "en": en, "words": list(SYNONYMS[key])} for key, (zh, en) in LABELS.items()
        ]
    }


def audiences_text() -> str:
    out = []
    for key, (zh, en) in LABELS.items():
        out.append(f"{key.value:<20} {zh} / {en}: {', '.join(SYNONYMS[key])}")
    return "\n".join(out) + "\n"
