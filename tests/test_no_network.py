"""A crisis caller's query is private: no command opens a network connection or looks up a host."""

import http.client  # noqa: F401 - imported before the block so these modules bind the real socket class
import os
import socket
import ssl  # noqa: F401
import subprocess
import sys
import urllib.request  # noqa: F401

import pytest

from conftest import REPO

EXAMPLE = REPO / "docs" / "overlay-example.json"
AT = "2026-11-24T23:30"


class NetworkUsed(OSError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    """Every way out through the socket module raises, and is recorded even if something swallows it."""
    attempts: list[str] = []

    def refuse(name):
        def blocked(*args, **kwargs):
            attempts.append(f"{name}{args[:2]!r}")
            raise NetworkUsed(f"network disabled in this test: {name}")

        return blocked

    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr",
                 "getnameinfo", "create_server", "socketpair"):
        monkeypatch.setattr(socket, name, refuse(name))
    for method in ("connect", "connect_ex", "sendto", "bind"):
        monkeypatch.setattr(socket.socket, method, refuse(f"socket.{method}"))

    class BlockedSocket(socket.socket):  # a class still, so modules that subclass it keep importing
        def __init__(self, *args, **kwargs):
            refuse("socket")(*args, **kwargs)

    monkeypatch.setattr(socket, "socket", BlockedSocket)
    return attempts


def _registered() -> set[str]:
    import typer.main

    from hotline_cli.cli import app

    return set(typer.main.get_command(app).commands)


RUNS = [
    ["--help"],
    ["--version"],
    ["now", "--help"],
    ["now", "--at", AT],
    ["now", "--region", "厦门", "--audience", "大学生", "--at", AT, "--format", "table", "--data", EXAMPLE],
    ["now", "--region", "福建", "--at", AT, "--format", "plain", "--lang", "en"],
    ["now", "--region", "0592", "--at", AT, "--json", "--all"],
    ["list", "--region", "北京", "--at", AT, "--format", "plain"],
    ["list", "--region", "beijing", "--json", "--data", EXAMPLE],
    ["show", "12356"],
    ["show", "800-810-1117", "--json"],
    ["show", "example-university-counselling", "--data", EXAMPLE],
    ["regions"],
    ["regions", "福建", "--json"],
    ["audiences"],
    ["audiences", "--json"],
    ["check", "--stats", "--data", EXAMPLE],
]
# Added by their own modules; included once they are registered.
OPTIONAL_RUNS = {
    "export": [
        ["export", "--format", "csv", "--output", "-", "--region", "福建", "--at", AT],
        ["export", "--format", "md", "--output", "-", "--region", "厦门", "--at", AT, "--data", EXAMPLE],
        ["export", "--format", "vcf", "--output", "-", "--region", "北京", "--at", AT],
        ["export", "--format", "html", "--output", "-", "--region", "福建", "--at", AT],
    ],
    "day": [
        ["day", "--region", "福建", "--date", "2026-10-01"],
        ["day", "--region", "厦门", "--date", "2026-11-24", "--format", "json", "--data", EXAMPLE],
    ],
}


def _all_runs() -> list:
    runs = [pytest.param(args, id=" ".join(str(a) for a in args[:3])) for args in RUNS]
    for command, more in OPTIONAL_RUNS.items():
        runs += [pytest.param(args, id=" ".join(str(a) for a in args[:3])) for args in more]
    return runs


@pytest.mark.parametrize("args", _all_runs())
def test_every_command_works_with_the_network_gone(invoke, no_network, args):
    if args[0] in OPTIONAL_RUNS and args[0] not in _registered():
        pytest.skip(f"`{args[0]}` is not registered")
    result = invoke(*args)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 0, result.output[-2000:]
    assert result.stdout.strip()
    assert no_network == []


def test_the_block_really_blocks(no_network):
    with pytest.raises(OSError):
        socket.create_connection(("example.org", 443))
    with pytest.raises(OSError):
        socket.socket()
    assert len(no_network) == 2


_GUARDED_PROCESS = (
    "import socket, sys\n"
    "def refuse(*a, **k):\n"
    "    sys.stderr.write('NETWORK USED\\n')\n"
    "    raise OSError('network disabled')\n"
    "class Blocked(socket.socket):\n"
    "    def __init__(self, *a, **k):\n"
    "        refuse()\n"
    "socket.socket = Blocked\n"
    "for name in ('create_connection', 'getaddrinfo', 'gethostbyname'):\n"
    "    setattr(socket, name, refuse)\n"
    "sys.argv = ['hotline'] + sys.argv[1:]\n"
    "from hotline_cli.cli import main\n"
    "main()\n"
)


@pytest.mark.parametrize(
    "args",
    [
        ["now", "--region", "福建", "--at", AT, "--format", "plain"],
        ["check", "--data", str(EXAMPLE)],
        ["export", "--format", "html", "--output", "-", "--region", "厦门", "--at", AT],
    ],
)
def test_a_fresh_process_never_touches_the_network_even_while_importing(tmp_path, args):
    if args[0] in OPTIONAL_RUNS and args[0] not in _registered():
        pytest.skip(f"`{args[0]}` is not registered")
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "HOTLINE_USER_DATA": str(tmp_path), "NO_COLOR": "1"}
    done = subprocess.run([sys.executable, "-c", _GUARDED_PROCESS, *args], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "NETWORK USED" not in done.stderr
    assert done.stdout.strip()
