"""Where an export may write: only regular files, links only when asked, and messages that say what a path is.

Each case builds a folder with one destination of a given kind beside bystander
files, runs the export, and checks the exit code, the message, and that nothing
but the intended file changed (checksums of every other entry in the folder).
"""

import errno
import hashlib
import os
import stat
import subprocess
import sys

import pytest

from conftest import REPO
from helpers import export_args, write_hostile_overlay as write_overlay


def _fingerprint(folder):
    """Every entry below ``folder`` (links not followed): kind, mode and content checksum."""
    found = {}
    for root, dirs, files in os.walk(folder, followlinks=False):
        for name in dirs + files:
            path = os.path.join(root, name)
            info = os.lstat(path)
            if stat.S_ISREG(info.st_mode):
                with open(path, "rb") as stream:
                    digest = hashlib.sha256(stream.read()).hexdigest()
            elif stat.S_ISLNK(info.st_mode):
                digest = "->" + os.readlink(path)
            else:
                digest = f"rdev={info.st_rdev}"
            found[os.path.relpath(path, folder)] = (stat.S_IFMT(info.st_mode), stat.S_IMODE(info.st_mode), digest)
    return found


@pytest.fixture
def scene(tmp_path):
    """A folder with bystanders; returns (folder, overlay path)."""
    folder = tmp_path / "scene"
    folder.mkdir()
    (folder / "notes.txt").write_text("my own notes", encoding="utf-8")
    (folder / ".list.md.tmp").write_text("someone else's temporary file", encoding="utf-8")
    overlay = write_overlay(tmp_path)
    return folder, overlay


def _run(invoke, overlay, output, *extra):
    return invoke(*export_args(overlay, "md", output, *extra))


def _changed(before, after):
    return {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}


@pytest.mark.parametrize("force", [False, True])
def test_regular_file_needs_force_and_keeps_its_permissions(invoke, scene, force):
    folder, overlay = scene
    target = folder / "list.md"
    target.write_text("previous list", encoding="utf-8")
    target.chmod(0o640)
    before = _fingerprint(folder)
    result = _run(invoke, overlay, target, *(["--force"] if force else []))
    after = _fingerprint(folder)
    if force:
        assert result.exit_code == 0, result.output
        assert "12356" in target.read_text(encoding="utf-8")
        assert stat.S_IMODE(target.stat().st_mode) == 0o640
        assert _changed(before, after) == {"list.md"}
    else:
        assert result.exit_code == 2
        assert "already exists; add --force" in result.stderr
        assert after == before


def test_symlink_to_a_file_is_refused_without_force(invoke, scene):
    folder, overlay = scene
    (folder / "real.md").write_text("previous list", encoding="utf-8")
    (folder / "link.md").symlink_to("real.md")
    before = _fingerprint(folder)
    result = _run(invoke, overlay, folder / "link.md")
    assert result.exit_code == 2
    assert "is a symbolic link to real.md" in result.stderr and "--force" in result.stderr
    assert _fingerprint(folder) == before


def test_symlink_with_force_replaces_the_target_and_keeps_the_link(invoke, scene, tmp_path):
    folder, overlay = scene
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    real = elsewhere / "real.md"
    real.write_text("previous list", encoding="utf-8")
    real.chmod(0o604)
    (folder / "link.md").symlink_to(real)
    before, before_elsewhere = _fingerprint(folder), _fingerprint(elsewhere)
    result = _run(invoke, overlay, folder / "link.md", "--force")
    assert result.exit_code == 0, result.output
    assert "through the link" in result.stderr
    assert os.path.islink(folder / "link.md") and os.readlink(folder / "link.md") == str(real)
    assert "12356" in real.read_text(encoding="utf-8")
    assert stat.S_IMODE(real.stat().st_mode) == 0o604
    assert _fingerprint(folder) == before  # the link and the bystanders are untouched
    assert _changed(before_elsewhere, _fingerprint(elsewhere)) == {"real.md"}  # and no temporary file is left


@pytest.mark.parametrize("force", [False, True])
def test_symlink_loop_is_refused(invoke, scene, force):
    folder, overlay = scene
    (folder / "a.md").symlink_to("b.md")
    (folder / "b.md").symlink_to("a.md")
    before = _fingerprint(folder)
    result = _run(invoke, overlay, folder / "a.md", *(["--force"] if force else []))
    assert result.exit_code == 2
    assert "symbolic link loop" in result.stderr
    assert _fingerprint(folder) == before


def test_dangling_symlink_is_refused(invoke, scene):
    folder, overlay = scene
    (folder / "link.md").symlink_to("missing.md")
    before = _fingerprint(folder)
    result = _run(invoke, overlay, folder / "link.md", "--force")
    assert result.exit_code == 2
    assert "which does not exist" in result.stderr
    assert _fingerprint(folder) == before


def test_symlink_to_a_device_is_refused_even_with_force(invoke, scene):
    folder, overlay = scene
    (folder / "null.md").symlink_to(os.devnull)
    before = _fingerprint(folder)
    result = _run(invoke, overlay, folder / "null.md", "--force")
    assert result.exit_code == 2
    assert "character device" in result.stderr
    assert _fingerprint(folder) == before
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


@pytest.mark.parametrize("force", [False, True])
def test_fifo_is_refused(invoke, scene, force):
    folder, overlay = scene
    os.mkfifo(folder / "pipe.md")
    before = _fingerprint(folder)
    result = _run(invoke, overlay, folder / "pipe.md", *(["--force"] if force else []))
    assert result.exit_code == 2
    assert "is a named pipe (FIFO), not a regular file" in result.stderr
    assert _fingerprint(folder) == before


@pytest.mark.parametrize("force", [False, True])
def test_device_is_refused(invoke, scene, force):
    folder, overlay = scene
    device = folder / "null.md"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # the same device as /dev/null
    except PermissionError:
        pytest.skip("creating a device node needs CAP_MKNOD, which this user does not have")
    except OSError as error:
        if error.errno in (errno.EPERM, errno.EACCES, errno.EOPNOTSUPP, errno.EINVAL):
            pytest.skip(f"this file system does not allow device nodes ({error.strerror})")
        raise
    try:
        before = _fingerprint(folder)
        result = _run(invoke, overlay, device, *(["--force"] if force else []))
        assert result.exit_code == 2
        assert "is a character device, not a regular file" in result.stderr
        assert _fingerprint(folder) == before
        assert stat.S_ISCHR(os.lstat(device).st_mode)
    finally:
        os.unlink(device)


def test_socket_is_refused(invoke, scene, tmp_path):
    import socket

    folder, overlay = scene
    path = folder / "s.md"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
        before = _fingerprint(folder)
        result = _run(invoke, overlay, path, "--force")
        assert result.exit_code == 2
        assert "is a socket" in result.stderr
        assert _fingerprint(folder) == before
    finally:
        server.close()


@pytest.mark.parametrize("force", [False, True])
def test_folder_is_refused_with_or_without_force(invoke, scene, force):
    folder, overlay = scene
    (folder / "sub").mkdir()
    before = _fingerprint(folder)
    result = _run(invoke, overlay, folder / "sub", *(["--force"] if force else []))
    assert result.exit_code == 2
    assert "is a folder; give the name of a file" in result.stderr
    assert "already exists" not in result.stderr
    assert _fingerprint(folder) == before


def test_empty_path_says_it_is_empty(invoke, scene, monkeypatch):
    folder, overlay = scene
    monkeypatch.chdir(folder)
    before = _fingerprint(folder)
    result = _run(invoke, overlay, "")
    assert result.exit_code == 2
    assert "output path is empty" in result.stderr
    assert ". already exists" not in result.stderr
    assert _fingerprint(folder) == before


def test_parent_that_is_a_file_is_named_as_a_file(invoke, scene):
    folder, overlay = scene
    (folder / "file.html").write_text("x", encoding="utf-8")
    before = _fingerprint(folder)
    result = _run(invoke, overlay, folder / "file.html" / "x.html")
    assert result.exit_code == 2
    assert f"{folder / 'file.html'} is a file, not a folder" in result.stderr
    assert "does not exist" not in result.stderr
    assert _fingerprint(folder) == before


def test_missing_parent_is_named_as_missing(invoke, scene):
    folder, overlay = scene
    before = _fingerprint(folder)
    result = _run(invoke, overlay, folder / "nowhere" / "x.md")
    assert result.exit_code == 2
    assert f"folder {folder / 'nowhere'} does not exist" in result.stderr
    assert _fingerprint(folder) == before


def test_new_file_only_adds_that_file(invoke, scene):
    folder, overlay = scene
    before = _fingerprint(folder)
    result = _run(invoke, overlay, folder / "list.md")
    assert result.exit_code == 0, result.output
    assert _changed(before, _fingerprint(folder)) == {"list.md"}


def test_help_says_what_force_does_to_a_link(invoke):
    result = invoke("export", "--help")
    assert "symbolic link" in result.stdout and "the link stays" in " ".join(result.stdout.split())


# ---------------------------------------------------------------- the overlay folder


def test_overlay_setting_that_names_a_file_says_it_is_a_file(invoke, tmp_path, monkeypatch):
    bad = tmp_path / "x.txt"
    bad.write_text("not json", encoding="utf-8")
    monkeypatch.setenv("HOTLINE_USER_DATA", str(bad))
    result = invoke("now", "--region", "福建")
    assert result.exit_code == 1
    assert f"{bad} (HOTLINE_USER_DATA) is a file, not a folder" in result.stderr
    assert "is your overlay folder" not in result.stderr


def test_unreadable_overlay_folder_is_called_a_folder(invoke, tmp_path, monkeypatch):
    folder = tmp_path / "overlays"
    folder.mkdir()
    (folder / "a.json").write_text("{}", encoding="utf-8")
    monkeypatch.setenv("HOTLINE_USER_DATA", str(folder))
    real_access = os.access
    # Root reads everything, so the refusal is simulated where the code asks the system.
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: False if str(path) == str(folder) else real_access(path, mode, **kw))
    result = invoke("now", "--region", "福建")
    assert result.exit_code == 1
    assert f"{folder} (HOTLINE_USER_DATA) is a folder that cannot be read" in result.stderr
    assert "file named" not in result.stderr


# ---------------------------------------------------------------- stdout


def _run_on_terminal(*args):
    """Run hotline with a pseudo-terminal as stdout; return (exit code, bytes shown on it, stderr)."""
    import pty
    import threading

    leader, follower = pty.openpty()
    shown = bytearray()

    def drain():  # a full terminal buffer would block the child
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO once the child's side is closed
                return
            if not chunk:
                return
            shown.extend(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        process = subprocess.run(
            [sys.executable, "-m", "hotline_cli", *args], stdout=follower, stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL, cwd=REPO, env={**os.environ, "HOTLINE_USER_DATA": os.devnull + ".none"},
            timeout=180,
        )
    finally:
        os.close(follower)
    reader.join(timeout=10)
    os.close(leader)
    return process.returncode, bytes(shown), process.stderr.decode("utf-8", "replace")


def test_pdf_to_a_terminal_is_refused():
    code, shown, error = _run_on_terminal("export", "-f", "pdf", "-r", "福建", "-o", "-")
    assert code == 2
    assert b"%PDF" not in shown and len(shown) < 200
    assert "binary" in error and "terminal" in error


def test_text_format_to_a_terminal_is_written():
    code, shown, error = _run_on_terminal("export", "-f", "md", "-r", "福建", "-o", "-")
    assert code == 0, error
    assert "12356".encode() in shown


def test_pdf_to_a_pipe_is_written():
    process = subprocess.run([sys.executable, "-m", "hotline_cli", "export", "-f", "pdf", "-r", "福建", "-o", "-"],
                             capture_output=True, cwd=REPO, timeout=180,
                             env={**os.environ, "HOTLINE_USER_DATA": os.devnull + ".none"})
    assert process.returncode == 0, process.stderr
    assert process.stdout.startswith(b"%PDF")


# ---------------------------------------------------------------- temporary files

_KILLED_AT_RENAME = """
import os, signal, sys
from hotline_cli.export import output

def killed(src, dst):  # the power fails between writing the temporary file and renaming it
    os.kill(os.getpid(), signal.SIGKILL)

output.os.replace = killed
from hotline_cli.cli import main
sys.argv = ["hotline", *sys.argv[1:]]
main()
"""


def _export_process(*args):
    return subprocess.run([sys.executable, "-c", _KILLED_AT_RENAME, *args], capture_output=True, cwd=REPO, timeout=180,
                          env={**os.environ, "HOTLINE_USER_DATA": os.devnull + ".none"})


def _age(path, seconds):
    past = os.lstat(path).st_mtime - seconds
    os.utime(path, (past, past), follow_symlinks=False)


def test_kill_during_rename_keeps_the_destination_and_the_next_run_cleans_up(scene):
    folder, overlay = scene
    target = folder / "list.md"
    target.write_text("previous list", encoding="utf-8")
    killed = _export_process(*map(str, export_args(overlay, "md", target, "--force")))
    assert killed.returncode == -9, killed.stderr
    assert target.read_text(encoding="utf-8") == "previous list"
    left = [p for p in folder.iterdir() if p.name.startswith(".list.md.hotline-")]
    assert len(left) == 1 and left[0].name.endswith(".tmp")
    assert "12356" in left[0].read_text(encoding="utf-8")  # the whole document was written before the kill

    _age(left[0], 120)
    bystanders = _fingerprint(folder)
    from typer.testing import CliRunner

    from hotline_cli.cli import app

    result = CliRunner().invoke(app, [str(a) for a in export_args(overlay, "md", target, "--force")])
    assert result.exit_code == 0, result.output
    assert "12356" in target.read_text(encoding="utf-8")
    assert not [p for p in folder.iterdir() if ".hotline-" in p.name]
    assert _changed(bystanders, _fingerprint(folder)) == {"list.md", left[0].name}


def test_only_our_own_stale_temporary_files_are_removed(tmp_path):
    from hotline_cli.export.output import remove_stale_temporaries

    target = tmp_path / "list.md"
    ours_old = tmp_path / ".list.md.hotline-0123abcd.tmp"
    ours_fresh = tmp_path / ".list.md.hotline-89abcdef.tmp"
    other_destination = tmp_path / ".list.html.hotline-0123abcd.tmp"
    other_pattern = [tmp_path / ".list.md.hotline-0123abcd.tmp.bak", tmp_path / ".list.md.0123abcd.tmp",
                     tmp_path / "list.md.hotline-0123abcd.tmp", tmp_path / ".list.md.hotline-XYZ.tmp"]
    for path in (ours_old, ours_fresh, other_destination, *other_pattern):
        path.write_text("x", encoding="utf-8")
    link = tmp_path / ".list.md.hotline-aaaaaaaa.tmp"
    link.symlink_to(tmp_path / "precious")
    (tmp_path / "precious").write_text("keep", encoding="utf-8")
    folder_named_like_ours = tmp_path / ".list.md.hotline-bbbbbbbb.tmp"
    folder_named_like_ours.mkdir()
    for path in (ours_old, other_destination, *other_pattern, link, folder_named_like_ours):
        _age(path, 120)
    _age(ours_fresh, 30)

    removed = remove_stale_temporaries(target)

    assert removed == [ours_old]
    assert not ours_old.exists()
    for path in (ours_fresh, other_destination, *other_pattern, folder_named_like_ours, tmp_path / "precious"):
        assert path.exists(), path
    assert link.is_symlink()


def test_a_stale_temporary_file_of_another_user_is_kept(tmp_path):
    from hotline_cli.export.output import remove_stale_temporaries

    if os.geteuid() != 0:
        pytest.skip("giving a file to another user needs root")
    theirs = tmp_path / ".list.md.hotline-0123abcd.tmp"
    theirs.write_text("x", encoding="utf-8")
    os.chown(theirs, 65534, 65534)
    _age(theirs, 120)
    assert remove_stale_temporaries(tmp_path / "list.md") == []
    assert theirs.exists()


def test_temporary_file_sits_beside_the_link_target(tmp_path, monkeypatch):
    from hotline_cli.export import output

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "real.md").write_text("old", encoding="utf-8")
    (tmp_path / "link.md").symlink_to(elsewhere / "real.md")
    seen = []
    real_replace = os.replace

    def watch(src, dst):
        seen.append((os.path.dirname(src), str(dst)))
        return real_replace(src, dst)

    monkeypatch.setattr(output.os, "replace", watch)
    output.write_file(tmp_path / "link.md", b"new", force=True)
    assert seen == [(str(elsewhere), str(elsewhere / "real.md"))]
    assert (elsewhere / "real.md").read_bytes() == b"new"
    assert (tmp_path / "link.md").is_symlink()


# ---------------------------------------------------------------- the other files a command writes
# `log --export FILE` and `report --output-dir DIR` write by the same rules as an export.

REPORT_ARGS = ["report", "guangxi-nanning", "--what", "hours", "--value", "24/7", "--source", "https://example.gov.cn/a",
               "--source-date", "2026-11-01"]


def _log_export(invoke, folder, name, *extra):
    return invoke("log", "--export", folder / name, *extra)


def _report(invoke, folder, name, *extra):
    return invoke(*REPORT_ARGS, "--output-dir", folder, *extra)


WRITERS = {
    "log --export": (_log_export, "team.json", '"format": "hotline-attempts"'),
    "report": (_report, "hotline-report-guangxi-nanning.md", "guangxi-nanning"),
}


@pytest.fixture(params=sorted(WRITERS))
def writer(request):
    """(run(invoke, folder, *extra), the file name it writes in the folder, text the written file holds)."""
    run, name, marker = WRITERS[request.param]
    return (lambda invoke, folder, *extra: run(invoke, folder, name, *extra)), name, marker


REFUSED_KINDS = {
    "fifo": (os.mkfifo, "is a named pipe (FIFO), not a regular file"),
    "folder": (os.mkdir, "is a folder; give the name of a file"),
}


@pytest.mark.parametrize("force", [False, True])
@pytest.mark.parametrize("kind", sorted(REFUSED_KINDS))
def test_other_writers_refuse_what_is_not_a_regular_file(invoke, scene, writer, kind, force):
    folder, _ = scene
    run, name, _ = writer
    make, message = REFUSED_KINDS[kind]
    make(folder / name)
    before = _fingerprint(folder)
    result = run(invoke, folder, *(["--force"] if force else []))
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert _fingerprint(folder) == before  # report: not even the other file is written


def test_other_writers_refuse_a_link_to_a_device_even_with_force(invoke, scene, writer):
    folder, _ = scene
    run, name, _ = writer
    (folder / name).symlink_to(os.devnull)
    before = _fingerprint(folder)
    result = run(invoke, folder, "--force")
    assert result.exit_code == 2, result.output
    assert "character device" in result.stderr
    assert _fingerprint(folder) == before


def test_other_writers_keep_an_existing_file_and_a_link_without_force(invoke, scene, writer):
    folder, _ = scene
    run, name, _ = writer
    (folder / name).write_text("mine", encoding="utf-8")
    before = _fingerprint(folder)
    result = run(invoke, folder)
    assert result.exit_code == 2 and "already exists; add --force" in result.stderr
    assert _fingerprint(folder) == before
    (folder / name).unlink()
    (folder / "real").write_text("mine", encoding="utf-8")
    (folder / name).symlink_to("real")
    before = _fingerprint(folder)
    result = run(invoke, folder)
    assert result.exit_code == 2 and "is a symbolic link to real" in result.stderr and "--force" in result.stderr
    assert _fingerprint(folder) == before


def test_other_writers_with_force_replace_a_link_target_and_keep_the_link(invoke, scene, writer, tmp_path):
    folder, _ = scene
    run, name, marker = writer
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    real = elsewhere / "real"
    real.write_text("mine", encoding="utf-8")
    real.chmod(0o604)
    (folder / name).symlink_to(real)
    result = run(invoke, folder, "--force")
    assert result.exit_code == 0, result.output
    assert os.readlink(folder / name) == str(real)
    assert marker in real.read_text(encoding="utf-8")
    assert stat.S_IMODE(real.stat().st_mode) == 0o604
    assert [p.name for p in elsewhere.iterdir()] == ["real"]  # no temporary file left beside the target
    assert not [p for p in folder.iterdir() if ".hotline-" in p.name]


def test_forgetting_rewrites_the_call_log_through_its_link(invoke, tmp_path, monkeypatch):
    user = tmp_path / "user"
    user.mkdir()
    shared = tmp_path / "synced"
    shared.mkdir()
    (shared / "attempts.jsonl").write_text("", encoding="utf-8")
    (user / "attempts.jsonl").symlink_to(shared / "attempts.jsonl")
    monkeypatch.setenv("HOTLINE_USER_DATA", str(user))
    assert invoke("log", "12356", "answered", "--at", "2026-11-30T21:10").exit_code == 0
    assert invoke("log", "fujian-fjmu", "no-answer", "--at", "2026-11-30T21:20").exit_code == 0
    result = invoke("log", "--forget", "fujian-fjmu")
    assert result.exit_code == 0, result.output
    assert (user / "attempts.jsonl").is_symlink()
    kept = (shared / "attempts.jsonl").read_text(encoding="utf-8")
    assert "fujian-fjmu" not in kept and "12356" in kept
    assert sorted(p.name for p in shared.iterdir()) == ["attempts.jsonl"]
