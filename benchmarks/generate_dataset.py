"""Write a large overlay dataset for benchmarks: N made-up hotline records that `hotline check` accepts.

Records are spread over the mainland provinces and their cities (one file per
province, as in data/hotlines), with landline, mobile, 400, 800 and
area-code-plus-short numbers that phonenumbers accepts and places in the
record's city, a mix of hours expressions from the grammar (24/7, plain
ranges, split days, weekdays, WD/RD/PH rules, unknown hours), audiences,
restricted lines and every validity status. The same seed gives the same files.

Every file is validated with the project's own pydantic model before it is
written, so a benchmark never measures the error path by accident.

    python benchmarks/generate_dataset.py --lines 10000 --out /tmp/bench-data
    hotline now --json --data /tmp/bench-data
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

try:
    import hotline_cli  # noqa: F401
except ImportError:  # running from a source checkout without an install
    sys.path.insert(0, str(REPO / "src"))

from hotline_cli.dataset import load  # noqa: E402
from hotline_cli.model import HotlinesFile, PhoneNumber, Region  # noqa: E402
from hotline_cli.phones import geocode, parse_problem  # noqa: E402
from hotline_cli.schedule import parse_hours  # noqa: E402

# (expression, how a source would print it, weight); None = hours not known.
HOURS = [
    ("24/7", "24小时", 30),
    ("08:00-22:00", "8:00-22:00", 10),
    ("09:00-21:00", "9:00-21:00", 10),
    ("08:30-11:30,14:00-17:30", "8:30-11:30、14:00-17:30", 6),
    ("Mo-Fr 09:00-17:00", "周一至周五 9:00-17:00", 8),
    ("WD 09:00-17:00", "工作日 9:00-17:00", 8),
    ("WD 08:30-12:00,14:00-17:30; RD 09:00-12:00", "工作日 8:30-12:00、14:00-17:30；休息日 9:00-12:00", 3),
    ("Mo-Fr 08:00-20:00; Sa,Su 09:00-17:00", "周一至周五 8:00-20:00，周末 9:00-17:00", 4),
    ("Mo-Fr 09:00-17:00; PH off", "周一至周五 9:00-17:00（法定节假日休息）", 3),
    ("18:00-02:00", "每晚18:00至次日2:00", 3),
    ("Mo-Fr 18:00-22:00; Sa,Su 09:00-22:00; PH 09:00-17:00", "工作日晚18:00-22:00，周末9:00-22:00，节假日9:00-17:00", 2),
    (None, None, 13),
]

# (name ending, English, audience key or None for everyone, how the source names the audience)
TOPICS = [
    ("心理援助热线", "psychological assistance hotline", None, None),
    ("心理健康服务热线", "mental health service line", None, None),
    ("心理危机干预热线", "crisis intervention line", None, None),
    ("青少年心理咨询热线", "youth counselling line", "minors_youth", "青少年"),
    ("大学生心理支持热线", "university student support line", "university_students", "在校大学生"),
    ("妇女儿童心理关爱热线", "women and children support line", "women", "妇女儿童"),
    ("职工心理服务热线", "workers' support line", "workers", "职工"),
    ("医务人员心理支持热线", "medical workers' support line", "medical_workers", "一线医务人员"),
    ("家长心理辅导热线", "parents' guidance line", "parents", "家长"),
]
INSTITUTIONS = ["第一人民医院", "精神卫生中心", "医科大学", "师范大学", "妇幼保健院", "青少年宫", "第二人民医院", "心理咨询中心"]
MOBILE_PREFIXES = ["135", "136", "138", "139", "150", "151", "158", "177", "186", "187", "189"]
FAKE = "基准测试生成的虚构记录，不是真实热线；号码随机生成。"


class Generator:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        dataset = load([])
        self.known_ids = set(dataset.by_id)
        self.regions: list[Region] = [
            region for region in dataset.regions if region.phone_region == "CN" and any(c.area_codes for c in region.cities)
        ]
        self.landline_lengths: dict[str, list[int]] = {}

    # ------------------------------------------------------------------ numbers

    def _number(self, **fields) -> PhoneNumber:
        return PhoneNumber(**fields)

    def _landline(self, area: str, names: list[str]) -> PhoneNumber | None:
        """A landline number phonenumbers accepts and places in one of `names`, or None."""
        lengths = self.landline_lengths.get(area, [8, 7])
        for _ in range(40):
            length = self.rng.choice(lengths)
            subscriber = str(self.rng.randint(2, 8)) + "".join(str(self.rng.randint(0, 9)) for _ in range(length - 1))
            split = 4 if length == 8 else 3
            number = self._number(
                published=f"{area}-{subscriber[:split]} {subscriber[split:]}",
                dial=area + subscriber,
                kind="landline",
            )
            if parse_problem(number) is None and any(name in geocode(number) for name in names):
                self.landline_lengths[area] = [length]
                return number
        return None

    def _random_digits(self, prefix: str, total: int) -> str:
        return prefix + "".join(str(self.rng.randint(0, 9)) for _ in range(total - len(prefix)))

    def _checked(self, make) -> PhoneNumber:
        for _ in range(40):
            number = make()
            if parse_problem(number) is None:
                return number
        raise RuntimeError("could not draw a valid number; phonenumbers' tables may have changed")

    def _mobile(self) -> PhoneNumber:
        def make():
            dial = self._random_digits(self.rng.choice(MOBILE_PREFIXES), 11)
            return self._number(published=f"{dial[:3]} {dial[3:7]} {dial[7:]}", dial=dial, kind="mobile")

        return self._checked(make)

    def _non_geographic(self, prefix: str, kind: str) -> PhoneNumber:
        def make():
            dial = self._random_digits(prefix, 10)
            return self._number(published=f"{dial[:3]}-{dial[3:6]}-{dial[6:]}", dial=dial, kind=kind)

        return self._checked(make)

    def _numbers(self, region: Region, city, hours: str | None) -> list[dict]:
        cities = [city] if city is not None else [c for c in region.cities if c.area_codes]
        numbers: list[PhoneNumber] = []
        for position in range(self.rng.choice([1, 1, 1, 2])):
            roll = self.rng.random()
            home = self.rng.choice(cities)
            names = [home.short, home.name] if city is not None else [region.short, region.name]
            number = None
            if roll < 0.55:
                number = self._landline(self.rng.choice(home.area_codes), names)
            elif roll < 0.65 and position == 0:
                area = home.area_codes[0]
                number = self._number(published=f"{area}-12320", dial=f"{area}12320", kind="short_with_area_code")
            elif roll < 0.75:
                number = self._non_geographic("400", "shared_cost_400")
            elif roll < 0.80:
                number = self._non_geographic("800", "toll_free_800")
            numbers.append(number or self._mobile())
        records = [number.model_dump(mode="json", exclude_defaults=True) for number in numbers]
        if len(records) == 2 and hours is not None and self.rng.random() < 0.5:
            # A second number that only answers part of the time, as some real lines publish.
            records[1]["hours"] = "Mo-Fr 09:00-17:00"
            records[1]["hours_published"] = "工作日 9:00-17:00"
        return records

    # ------------------------------------------------------------------ records

    def _day(self, start: date, span_days: int) -> str:
        return (start + timedelta(days=self.rng.randrange(span_days))).isoformat()

    def _validity(self, region: Region) -> dict:
        roll = self.rng.random()
        successor = f"12356-{region.pinyin}"
        if roll < 0.78:
            return {"status": "ongoing", "published": "长期有效"}
        if roll < 0.86:
            return {"status": "until", "until": self._day(date(2024, 6, 1), 1200), "published": "服务至公告日期"}
        if roll < 0.92:
            return {"status": "ended", "since": self._day(date(2023, 1, 1), 700), "reason": "官方公告已停止服务。"}
        if roll < 0.96 and successor in self.known_ids:
            return {
                "status": "superseded",
                "since": "2025-05-01",
                "superseded_by": successor,
                "reason": "已并入12356心理援助热线。",
            }
        return {"status": "uncertain", "reason": "来源未给出结束日期，之后也没有来源确认仍在服务。"}

    def record(self, index: int, region: Region) -> dict:
        rng = self.rng
        scope = rng.choices(["city", "institution", "provincial"], weights=[5, 3, 2])[0]
        city = None if scope == "provincial" else rng.choice([c for c in region.cities if c.area_codes])
        topic, topic_en, audience, audience_published = rng.choice(TOPICS)
        if scope == "provincial":
            name, name_en = f"{region.name}{topic}", f"{region.name_en} {topic_en}"
        elif scope == "city":
            name, name_en = f"{city.name}{topic}", f"{city.pinyin.title()} {topic_en}"
        else:
            place = rng.choice(INSTITUTIONS)
            name, name_en = f"{city.short}{place}{topic}", f"{city.pinyin.title()} institution {topic_en}"
        hours, hours_published, _ = rng.choices(HOURS, weights=[weight for *_, weight in HOURS])[0]
        audiences = [{"key": "general", "published": "所有需要心理支持的人"}]
        restricted = False
        if audience is not None:
            audiences = [{"key": audience, "published": audience_published}]
            restricted = rng.random() < 0.5
            if not restricted:
                audiences.insert(0, {"key": "general"})
        record_id = f"bench-{region.pinyin}-{index:05d}"
        record = {
            "id": record_id,
            # "12,356", never "12356": a name with 12356 in it presents the line as 12356, which an overlay may not do.
            "name": f"{name}（基准测试 {index:,}）",
            "name_en": f"{name_en} (benchmark {index:,})",
            "scope": scope,
            "region": region.code,
            "operator": f"{(city or region).name}心理健康服务中心",
            "numbers": self._numbers(region, city, hours),
            "audiences": audiences,
            "restricted": restricted,
            "validity": self._validity(region),
            "sources": [{"ref": f"https://www.example.org/hotline-benchmark/{record_id}", "kind": "official", "date": "2024-12-01"}],
            "last_confirmed": self._day(date(2024, 12, 1), 365),
            "caveats": [FAKE],
            "call_length": rng.choice(["10-30分钟", "30-50分钟", "不限"]),
        }
        if city is not None:
            record["city"] = city.code
        if hours is not None:
            record["hours"] = hours
            record["hours_published"] = hours_published
        if rng.random() < 0.1:
            record["channels"] = [{"kind": "wechat", "value": f"{(city or region).short}心理援助", "published": "微信公众号"}]
        return record

    def files(self, lines: int, files: int | None = None) -> dict[str, dict]:
        """One file per province, or `files` files each holding whole provinces (the same records either way)."""
        by_file: dict[str, list[dict]] = {}
        for index in range(lines):
            region = self.rng.choice(self.regions)
            if files is None:
                name = f"{region.code}-{region.pinyin}.json"
            else:
                name = f"part-{self.regions.index(region) % files:02d}.json"
            by_file.setdefault(name, []).append(self.record(index, region))
        return {name: {"hotlines": records} for name, records in sorted(by_file.items())}


def _check_hours_grammar() -> None:
    for expression, *_ in HOURS:
        if expression is not None:
            parse_hours(expression)  # raises on an expression outside the grammar


def generate(lines: int, out: Path, seed: int = 7, files: int | None = None) -> list[Path]:
    """Write `lines` records into JSON files under `out` (one per province, or `files` of them); return the files written."""
    _check_hours_grammar()
    if out.exists() and any(out.glob("*.json")):
        raise FileExistsError(f"{out} already holds JSON files; choose an empty folder")
    payloads = Generator(seed).files(lines, files)
    for payload in payloads.values():
        HotlinesFile.model_validate(payload)  # the same model `hotline` loads with
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, payload in payloads.items():
        path = out / name
        path.write_text(json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, required=True, help="how many hotline records to write")
    parser.add_argument("--out", type=Path, required=True, help="folder to write into (created; must hold no JSON files)")
    parser.add_argument("--files", type=int, help="write this many files, each holding whole provinces (default: one file per province)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7); the same seed gives the same files")
    args = parser.parse_args(argv)
    if args.lines < 1:
        parser.error("--lines must be at least 1")
    if args.files is not None and args.files < 1:
        parser.error("--files must be at least 1")
    try:
        written = generate(args.lines, args.out, args.seed, args.files)
    except FileExistsError as error:
        print(f"generate_dataset: {error}", file=sys.stderr)
        return 2
    print(f"wrote {args.lines} records in {len(written)} files to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
