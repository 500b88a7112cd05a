"""Check data/regions.json: codes, pinyin, formatting, and area codes against phonenumbers' geocoder.

For every city and area code, sample landline numbers (leading digits 2-8, 8 then 7
subscriber digits) are geocoded in Chinese; at least one valid sample must name the city.
Where the geocoder names another place (a city sharing the code, or the
prefecture's seat), the pair is listed below in SHARED with the reason. Exits 1 and lists every mismatch.

    PYTHONPATH=src .venv/bin/python tools/verify_regions.py
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import phonenumbers
from phonenumbers import geocoder

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from hotline_cli.model import RegionsFile  # noqa: E402

PATH = ROOT / "data" / "regions.json"

# (city code, area code) -> what the geocoder prints instead, and why the code is still right.
SHARED = {
    ("410200", "0371"): "郑州",  # 开封's own 0378 was merged into Zhengzhou's 0371 (2021); 0378 is gone from the numbering plan
    ("419001", "0391"): "焦作",  # 济源 has always dialled through Jiaozuo's 0391
    ("341600", "0558"): "阜阳",  # 亳州 was split off Fuyang and kept 0558
    ("429021", "0719"): "十堰",  # 神农架林区 uses Shiyan's 0719
    ("430200", "0731"): "株州",  # 株洲 is in 长株潭's 0731; the geocoder misspells it 株州
    ("450800", "0775"): "玉林",  # 贵港 shares 0775 with Yulin
    ("451100", "0774"): "梧州",  # 贺州 shares 0774 with Wuzhou
    ("451300", "0772"): "柳州",  # 来宾 shares 0772 with Liuzhou
    ("620200", "0937"): "酒泉",  # 嘉峪关 shares 0937 with Jiuquan
    ("620300", "0935"): "武威",  # 金昌 shares 0935 with Wuwei
    ("533100", "0692"): "芒市",  # the geocoder names 德宏's seat
    ("533400", "0887"): "香格里拉",  # the geocoder names 迪庆's seat
    # Xinjiang's corps cities (兵团) dial with the code of the prefecture they sit in.
    ("659002", "0997"): "阿克苏",  # 阿拉尔
    ("659003", "0998"): "喀什",  # 图木舒克
    ("659004", "0994"): "昌吉",  # 五家渠
    ("659005", "0906"): "阿勒泰",  # 北屯
    ("659006", "0996"): "巴音郭楞",  # 铁门关
    ("659007", "0909"): "博尔塔拉",  # 双河
    ("659008", "0999"): "伊犁",  # 可克达拉
    ("659009", "0903"): "和田",  # 昆玉
    ("659010", "0992"): "伊犁",  # 胡杨河 (0992, the 奎屯/独山子 code)
    ("659011", "0902"): "哈密",  # 新星
    ("659012", "0901"): "塔城",  # 白杨
}
# 0898 is the single code of all Hainan; the geocoder says 海口/三亚 for every number.
HAINAN_CODE, HAINAN_NAMES = "0898", ("海口", "三亚")


def descriptions(area: str) -> set[str]:
    found = set()
    for first in "2345678":
        for length in (8, 7):
            number = phonenumbers.parse(area + first + "1234567"[: length - 1], "CN")
            if phonenumbers.is_valid_number(number):
                found.add(geocoder.description_for_number(number, "zh"))
    return found


def main() -> int:
    text = PATH.read_text(encoding="utf-8")
    data = RegionsFile.model_validate_json(text)
    problems: list[str] = []
    raw = json.loads(text)
    if text != json.dumps(raw, ensure_ascii=False, indent=2, sort_keys=True) + "\n":
        problems.append("formatting: not 2-space, sorted-key, ensure_ascii=False JSON with a trailing newline")
    codes = [r.code for r in data.regions]
    if codes != sorted(codes):
        problems.append("regions are not sorted by code")
    all_codes = Counter(codes + [c.code for r in data.regions for c in r.cities])
    problems += [f"{code}: duplicate code" for code, n in all_codes.items() if n > 1]
    for region in data.regions:
        city_codes = [c.code for c in region.cities]
        if city_codes != sorted(city_codes):
            problems.append(f"{region.code}: cities are not sorted by code")
        problems += [f"{region.code}: pinyin {p!r} repeated" for p, n in Counter(c.pinyin for c in region.cities).items() if n > 1]
        for city in region.cities:
            if city.code[:2] != region.code[:2]:
                problems.append(f"{city.code} {city.name}: not inside {region.code}")
            if region.phone_region == "CN" and not city.area_codes:
                problems.append(f"{city.code} {city.name}: no area code")
            for area in city.area_codes:
                found = descriptions(area)
                if not found:
                    problems.append(f"{city.code} {city.name}: {area} gives no valid number")
                    continue
                expected = [city.short, city.name]
                if (city.code, area) in SHARED:
                    expected = [SHARED[(city.code, area)]]
                elif area == HAINAN_CODE and region.code == "460000":
                    expected = list(HAINAN_NAMES)
                if not any(name in d for d in found for name in expected):
                    problems.append(f"{city.code} {city.name}: {area} geocodes to {sorted(found)}")
    for problem in problems:
        print(problem)
    cities = sum(len(r.cities) for r in data.regions)
    print(f"{len(data.regions)} regions, {cities} cities, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
