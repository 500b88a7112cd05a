"""The day chart as SVG for the HTML/PDF export."""

import json
import xml.etree.ElementTree as ET
from datetime import date

from conftest import china

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE_NAME = '<script>1</script>&"热线'


def overlay(tmp_path, dataset, **changes):
    """An overlay file replacing the nationwide 24-hour lines, with ``changes`` to the first."""
    records = []
    for record_id in ("beijing-crisis-center", "national-hope24"):
        data = dataset.by_id[record_id].record.model_dump(mode="json", exclude_none=True)
        data.update(changes if not records else {"hours": changes.get("hours", data.get("hours"))})
        records.append(data)
    path = tmp_path / "lines.json"
    path.write_text(json.dumps({"hotlines": records}, ensure_ascii=False), encoding="utf-8")
    return path


def chart(dataset, region, day, lang="zh", now=None):
    from hotline_cli.day import timeline
    from hotline_cli.regions import resolve
    from hotline_cli.render.day_svg import render_svg

    result = timeline(dataset, day, resolve(region, dataset.regions), None, now)
    return result, render_svg(result, lang)


def texts(root):
    return ["".join(element.itertext()) for element in root.iter(f"{SVG}text")]


def test_svg_parses_and_escapes_names_from_the_data(tmp_path, dataset):
    from hotline_cli.dataset import load

    patched = load([overlay(tmp_path, dataset, name=HOSTILE_NAME, hours="09:00-17:00")])
    _, svg = chart(patched, "福建", date(2026, 11, 24))
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert not [element for element in root.iter() if element.tag.split("}")[-1].lower() in ("script", "foreignobject")]
    assert "<script" not in svg and "&lt;script&gt;" in svg
    assert HOSTILE_NAME in texts(root)  # shown as text, exactly as the data has it
    assert not any(name.startswith("on") for element in root.iter() for name in element.attrib)


def test_svg_is_printable_width_and_self_contained(dataset):
    _, svg = chart(dataset, "江西", date(2026, 10, 1))
    root = ET.fromstring(svg)
    assert root.get("width") == "180mm" and root.get("viewBox").startswith("0 0 180 ")
    assert "url(" not in svg and "@font-face" not in svg and "href" not in svg
    assert 'id="' not in svg  # several charts can share one page
    assert root.find(f"{SVG}title") is not None


def test_svg_draws_one_row_per_line_with_open_windows(dataset):
    result, svg = chart(dataset, "江西", date(2026, 11, 24))
    root = ET.fromstring(svg)
    shown = texts(root)
    assert shown.index("江西省12356心理援助热线") < shown.index("北京市心理援助热线")
    open_fill = "#2e7d32"
    bars = [rect for rect in root.iter(f"{SVG}rect") if rect.get("fill") == open_fill]
    drawn = sum(float(rect.get("width")) for rect in bars)
    # Jiangxi 12356 (06:00-24:00) plus two 24-hour lines, on a 24-hour axis, and one legend swatch.
    legend = 5.0
    hours_drawn = (drawn - legend) / ((176.0 - 58.0) / 24)
    assert round(hours_drawn, 1) == 18 + 24 + 24
    assert any("00:00" == t for t in shown) and any("24:00" == t for t in shown)


def test_svg_highlights_uncovered_hours(tmp_path, dataset):
    from hotline_cli.dataset import load

    patched = load([overlay(tmp_path, dataset, hours="09:00-17:00")])
    result, svg = chart(patched, "江西", date(2026, 11, 24), lang="en")
    assert result.uncovered
    root = ET.fromstring(svg)
    emergency_bands = [rect for rect in root.iter(f"{SVG}rect") if rect.get("fill") == "#f8d7da"]
    only_12356_bands = [rect for rect in root.iter(f"{SVG}rect") if rect.get("fill") == "#fff3cd"]
    assert len(emergency_bands) == 1 and len(only_12356_bands) == 2
    assert any("Only 12356 is open: 06:00–09:00, 17:00–24:00" in t for t in texts(root))


def test_svg_marks_now_and_is_deterministic(dataset):
    _, first = chart(dataset, "福建", date(2026, 11, 24), now=china(2026, 11, 24, 12, 0))
    _, second = chart(dataset, "福建", date(2026, 11, 24), now=china(2026, 11, 24, 12, 0))
    assert first == second
    root = ET.fromstring(first)
    marks = [line for line in root.iter(f"{SVG}line") if line.get("stroke") == "#ad1457"]
    assert len(marks) == 1 and float(marks[0].get("x1")) == 58.0 + (176.0 - 58.0) / 2


def test_svg_prints_the_area_code_form_only_where_a_source_confirms_it(dataset):
    day = date(2026, 11, 24)
    confirmed = texts(ET.fromstring(chart(dataset, "晋中", day)[1]))
    unconfirmed = texts(ET.fromstring(chart(dataset, "太原", day)[1]))
    assert any("0354-12356" in t for t in confirmed)
    assert not any("0351-12356" in t for t in unconfirmed)  # the chart has no room to say it is unconfirmed
