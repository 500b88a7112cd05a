"""JSON Schemas of the data files, generated from the model.

`python -m hotline_cli.schemas` rewrites schema/*.schema.json; a test fails when
the committed files drift from the model.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .model import HotlinesFile, RegionsFile

DATA_SCHEMAS = {
    "hotlines.schema.json": HotlinesFile,
    "regions.schema.json": RegionsFile,
}


def render(model) -> str:
    return json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write(folder: Path) -> list[Path]:
    written = []
    for name, model in DATA_SCHEMAS.items():
        path = folder / name
        path.write_text(render(model), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("schema")
    for path in write(target):
        print(path)
