"""The benchmark data generator writes data that `hotline check` accepts. Nothing here is timed."""

import importlib.util
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def generator():
    spec = importlib.util.spec_from_file_location("generate_dataset", REPO / "benchmarks" / "generate_dataset.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _records(folder: Path) -> list[dict]:
    return [record for path in sorted(folder.glob("*.json")) for record in json.loads(path.read_text("utf-8"))["hotlines"]]


def test_generated_lines_pass_check(generator, invoke, dataset, tmp_path):
    out = tmp_path / "bench"
    assert generator.main(["--lines", "50", "--out", str(out)]) == 0

    result = invoke("check", "--data", out)

    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"ok: {len(dataset.hotlines) + 50} hotlines")


def test_generated_lines_are_spread_and_varied(generator, dataset, tmp_path):
    generator.generate(200, tmp_path)
    records = _records(tmp_path)

    assert len(records) == 200
    assert len({record["id"] for record in records}) == 200
    assert not {record["id"] for record in records} & set(dataset.by_id), "generated ids must add lines, not replace"
    assert len({record["region"] for record in records}) >= 10
    assert len({record.get("hours") for record in records}) >= 6
    assert any("WD" in (record.get("hours") or "") for record in records)
    kinds = {number["kind"] for record in records for number in record["numbers"]}
    assert {"landline", "mobile"} <= kinds
    assert len({record["validity"]["status"] for record in records}) >= 3


def test_same_seed_gives_same_files(generator, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    generator.generate(30, first, seed=3)
    generator.generate(30, second, seed=3)

    names = sorted(path.name for path in first.glob("*.json"))
    assert names == sorted(path.name for path in second.glob("*.json"))
    assert all((first / name).read_bytes() == (second / name).read_bytes() for name in names)


def test_refuses_a_folder_that_already_holds_data(generator, tmp_path, capsys):
    existing = tmp_path / "mine.json"
    existing.write_text('{"hotlines": []}', encoding="utf-8")

    assert generator.main(["--lines", "5", "--out", str(tmp_path)]) == 2

    assert existing.read_text(encoding="utf-8") == '{"hotlines": []}'
    assert "already holds JSON files" in capsys.readouterr().err
