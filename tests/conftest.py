from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

REPO = Path(__file__).resolve().parents[1]
CHINA = ZoneInfo("Asia/Shanghai")


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path_factory, monkeypatch):
    # No user overlays, no colour, a fixed width: output depends on the arguments only.
    monkeypatch.setenv("HOTLINE_USER_DATA", str(tmp_path_factory.mktemp("user-data")))
    # Each test starts with an empty cache (compiled bundled data, validated overlays), never the user's own.
    monkeypatch.setenv("HOTLINE_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("HOTLINE_NO_CACHE", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.delenv("HOTLINE_DEBUG", raising=False)
    monkeypatch.setenv("TERM", "dumb")


@pytest.fixture(scope="session")
def dataset():
    from hotline_cli.dataset import load

    return load([])


@pytest.fixture
def runner():
    from typer.testing import CliRunner

    return CliRunner()


@pytest.fixture
def invoke(runner):
    from hotline_cli.cli import app

    def run(*args, **kwargs):
        return runner.invoke(app, [str(a) for a in args], **kwargs)

    return run


def china(*parts) -> datetime:
    return datetime(*parts, tzinfo=CHINA)
