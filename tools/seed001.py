"""Read the 2020-05-27 hotline survey (seed 001) and cross-check data/hotlines against it.

The survey is a tab-separated table with ten columns:
序号 热线所在地 热线名称 热线号码 服务对象 热线工作时间 单次服务时长 热线开通日期 热线有效期 依托机构

This script does NOT write records: they were curated by hand, because the table has
traps no parser should guess at (numbers split across spaces, a wrong area code,
numbers without one, QQ numbers and app-only lines, hours per number or per audience).
It only reads the table faithfully and checks that the data still accounts for it:

* every row 1..75 has exactly one record whose ``seed_refs`` contains ``001:row:<序号>``;
* the digits of the row's 热线号码 cell, in order, are exactly the digits of some of that
  record's ``published`` numbers and channels (so no digit was lost, added or reordered
  when a cell was split into numbers; numbers the record got from other sources are
  allowed in between).

Usage:  python tools/seed001.py [--seed PATH] [--data DIR] [--list]
Exit status 0 when every row is accounted for, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SEED = ROOT.parent / "shared" / "seeds" / "001_8b990758779e8b6f.txt"
HEADER = "序号\t热线所在地\t热线名称\t热线号码\t服务对象\t热线工作时间\t单次服务时长\t热线开通日期\t热线有效期\t依托机构"
COLUMNS = ("location", "name", "numbers", "audience", "hours", "call_length", "opened", "validity", "operator")


@dataclass
class Row:
    number: int
    location: str  # as printed; "" when the row leaves it blank or lacks the column
    location_carried: str  # the last location printed above (how the table reads by eye)
    shifted: bool  # the row lacks the location column (its cells start one column early)
    name: str
    numbers: str
    audience: str
    hours: str
    call_length: str
    opened: str
    validity: str
    operator: str


def parse(path: Path) -> list[Row]:
    text = path.read_text(encoding="utf-8")
    if HEADER not in text:
        raise SystemExit(f"{path}: table header not found")
    body = text.split(HEADER, 1)[1]
    rows: list[Row] = []
    carried = ""
    for line in body.splitlines():
        if not line.strip():
            continue  # blank lines inside the table are not rows
        cells = line.split("\t")
        if not cells[0].strip().isdigit():
            raise SystemExit(f"{path}: unexpected line in table: {line[:60]!r}")
        cells = [cell.strip() for cell in cells[1:]]
        while len(cells) < len(COLUMNS):
            cells.append("")
        # A row that lacks its location column has the hotline name where the location
        # belongs, the number where the name belongs, and an empty last cell.
        shifted = cells[-1] == "" and re.search(r"\d{3}", cells[1]) is not None
        if shifted:
            cells = [""] + cells[:-1]
        if cells[0]:
            carried = cells[0]
        fields = dict(zip(COLUMNS, cells))
        rows.append(Row(number=int(line.split("\t")[0]), location_carried=carried, shifted=shifted, **fields))
    return rows


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def load_records(data: Path) -> list[dict]:
    records: list[dict] = []
    for path in sorted(data.rglob("*.json")):
        records.extend(json.loads(path.read_text(encoding="utf-8")).get("hotlines", []))
    return records


def accounts_for(cell: str, pieces: list[str]) -> bool:
    """Is the cell's digit string the concatenation of some of ``pieces``, in order?"""
    want = digits(cell)
    if not want:
        return True
    for size in range(1, len(pieces) + 1):
        for chosen in combinations(pieces, size):
            if "".join(chosen) == want:
                return True
    return False


def check(rows: list[Row], records: list[dict]) -> list[str]:
    problems: list[str] = []
    by_ref: dict[str, list[dict]] = {}
    for record in records:
        for ref in record.get("seed_refs", []):
            by_ref.setdefault(ref, []).append(record)
    expected = list(range(1, len(rows) + 1))
    if [row.number for row in rows] != expected:
        problems.append(f"seed rows are not numbered 1..{len(rows)} in order")
    for row in rows:
        found = by_ref.get(f"001:row:{row.number}", [])
        if len(found) != 1:
            ids = ", ".join(r.get("id", "?") for r in found) or "none"
            problems.append(f"row {row.number} {row.name}: expected exactly one record, found {ids}")
            continue
        record = found[0]
        pieces = [digits(n.get("published", "")) for n in record.get("numbers", [])]
        pieces += [digits(c.get("published") or c.get("value", "")) for c in record.get("channels", [])]
        pieces = [p for p in pieces if p]
        if not accounts_for(row.numbers, pieces):
            problems.append(
                f"row {row.number} {row.name}: digits of {row.numbers!r} are not the record "
                f"{record.get('id')}'s published numbers in order ({pieces})"
            )
    extra = sorted(
        {ref for ref in by_ref if ref.startswith("001:row:")} - {f"001:row:{n}" for n in expected},
        key=lambda ref: int(ref.rsplit(":", 1)[1]) if ref.rsplit(":", 1)[1].isdigit() else 0,
    )
    for ref in extra:
        problems.append(f"{ref}: no such row in the seed")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=Path, default=DEFAULT_SEED)
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "hotlines")
    parser.add_argument("--list", action="store_true", help="print the parsed rows as JSON lines")
    args = parser.parse_args(argv)
    rows = parse(args.seed)
    if args.list:
        for row in rows:
            print(json.dumps(row.__dict__, ensure_ascii=False))
    problems = check(rows, load_records(args.data))
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(rows)} rows, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
