"""Write tests/fixtures/seed_rows.json: the facts the seed-coverage tests need, taken from the seeds.

The seed documents live outside the repository, so a clone can not read them; the tests
read this fixture instead. Regenerate it whenever a seed document changes:

    python tools/seed_fixture.py SEEDS_FOLDER [--out tests/fixtures/seed_rows.json]

SEEDS_FOLDER holds the seed documents (file names start with their number, 000_, 001_ …).
For every row of seed 001 (the 2020 survey table) and every phone entry of seed 000 (the
2025 crisis page) the fixture keeps an id, the name, the numbers as printed and the hours.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import seed001  # noqa: E402 - sibling tool that already reads the survey table faithfully

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "tests" / "fixtures" / "seed_rows.json"

DOCUMENTS = {
    "000": {
        "title": "危机与支援资源（Crisis & Support Resources）",
        "date": "2025-10-19",
        "what": "a 2025 web page of crisis resources: national hotlines, city hotlines and a table of help lines abroad",
    },
    "001": {
        "title": "推荐 | 专业可靠的中国心理热线(第五轮)",
        "date": "2020-05-27",
        "what": "the fifth list of the 2020 Chinese hotline survey: a table of 75 rated hotlines (序号 … 依托机构)",
    },
}

_TEL_LINK = re.compile(r"\[([^\]]+)\]\(tel:[^)]*\)([（(][^）)]*[）)])?")
_HOURS = re.compile(r"\d+\s*小时|\d{1,2}[:：]\d{2}\s*[-–~至]\s*\d{1,2}[:：]\d{2}")


def seed_file(folder: Path, number: str) -> Path:
    found = sorted(folder.glob(f"{number}_*.txt"))
    if len(found) != 1:
        raise SystemExit(f"{folder}: expected one seed file named {number}_*.txt, found {len(found)}")
    return found[0]


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _hours_of(cells: list[str]) -> str | None:
    for cell in cells:
        match = _HOURS.search(cell)
        if match:
            return match.group(0)
    return None


def seed_000_entries(text: str) -> list[dict]:
    entries: list[dict] = []
    for line in text.splitlines():
        if "(tel:" not in line:
            continue
        cells = _cells(line)
        for shown, aside in _TEL_LINK.findall(line):
            name = cells[0] + (aside or "") if line.strip().startswith("|") else line.strip()
            entries.append({"id": f"000:tel:{len(entries) + 1}", "name": name, "numbers": [shown],
                            "hours": _hours_of(cells)})
    table = text[text.index("## 全球与地区求助资源") : text.index("## 如果你是系统成员或照护者")]
    for row in table.splitlines()[4:]:
        cells = _cells(row)
        if len(cells) < 3:
            continue
        numbers = re.findall(r"\d[\d-]{1,}\d", cells[2])
        if numbers:
            entries.append({"id": f"000:abroad:{cells[0]}", "name": cells[2], "numbers": numbers,
                            "hours": _hours_of(cells)})
    return entries


def seed_001_rows(path: Path) -> list[dict]:
    return [{"id": f"001:row:{row.number}", "name": row.name, "numbers": [row.numbers], "hours": row.hours}
            for row in seed001.parse(path)]


def build(folder: Path) -> dict:
    return {
        "about": "Facts from the seed documents the tests check the data against; written by "
                 "tools/seed_fixture.py, do not edit by hand.",
        "documents": DOCUMENTS,
        "seed_000_entries": seed_000_entries(seed_file(folder, "000").read_text(encoding="utf-8")),
        "seed_001_rows": seed_001_rows(seed_file(folder, "001")),
    }


def render(document: dict) -> str:
    """JSON with one entry per line: short, and a changed seed row shows as one changed line."""
    def dumps(value) -> str:
        return json.dumps(value, ensure_ascii=False)

    parts = []
    for key, value in document.items():
        if isinstance(value, list):
            rows = ",\n".join(f"    {dumps(item)}" for item in value)
            parts.append(f"  {dumps(key)}: [\n{rows}\n  ]")
        elif isinstance(value, dict):
            rows = ",\n".join(f"    {dumps(name)}: {dumps(item)}" for name, item in value.items())
            parts.append(f"  {dumps(key)}: {{\n{rows}\n  }}")
        else:
            parts.append(f"  {dumps(key)}: {dumps(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seeds", type=Path, help="folder holding the seed documents")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    document = build(args.seeds)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render(document), encoding="utf-8")
    print(f"{args.out}: {len(document['seed_001_rows'])} survey rows, "
          f"{len(document['seed_000_entries'])} phone entries", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
