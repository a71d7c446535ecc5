"""What a newcomer meets first at the command line: every refusal in Vietnamese, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from broadcaster.app.messages import is_vietnamese

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def cli(tmp_path: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BROADCASTER_DATA_DIR": str(tmp_path / "data")}
    return subprocess.run(
        [sys.executable, "-m", "broadcaster.cli", *args],
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def last_line(proc: subprocess.CompletedProcess[str]) -> str:
    """The last line of stderr, after a prompt left on it ("Mật khẩu: ")."""
    line = proc.stderr.strip().splitlines()[-1]
    return line[line.find("Lỗi: ") :] if "Lỗi: " in line else line


@pytest.mark.parametrize(
    ("stdin", "said"),
    [(None, "--password"), ("ngan\n", "8 ký tự")],
    ids=["no terminal, nothing typed", "too short"],
)
def test_user_add_without_a_good_password_is_refused_in_vietnamese(tmp_path: Path, stdin: str | None, said: str) -> None:
    proc = cli(tmp_path, "user", "add", "quantri", "--role", "admin", stdin=stdin)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    line = last_line(proc)
    assert line.startswith("Lỗi: ") and said in line and is_vietnamese(line), line
    assert "no Vietnamese message" not in proc.stderr


def test_a_file_the_reader_refuses_is_said_in_vietnamese_by_draft_and_ingest(tmp_path: Path) -> None:
    keyfacts = CORPUS / "keyfacts-dev.json"  # beside the documents, a newcomer's likely first pick
    drafted = cli(tmp_path, "draft", str(keyfacts))
    assert drafted.returncode == 2
    assert last_line(drafted) == "Lỗi: Chỉ nhận tệp PDF, Word (.docx), HTML hoặc văn bản thuần (.txt)."
    ingested = cli(tmp_path, "ingest", str(keyfacts))
    assert ingested.returncode == 1
    assert last_line(ingested).endswith(": Chỉ nhận tệp PDF, Word (.docx), HTML hoặc văn bản thuần (.txt).")


def test_ingest_names_the_id_that_bulletin_new_takes(tmp_path: Path) -> None:
    """The README's journey: ingest a document, then `bulletin new --document ID` with the id it printed."""
    ingested = cli(tmp_path, "ingest", str(CORPUS / "dev" / "ct-09-ct-ubnd-cantho.txt"))
    assert ingested.returncode == 0, ingested.stderr
    fields = ingested.stdout.split()
    assert fields[:3] == ["mới", fields[1], "09/CT-UBND"] and fields[1].startswith("#"), ingested.stdout
    made = cli(tmp_path, "bulletin", "new", "--document", fields[1].removeprefix("#"))
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip().endswith("(bản nháp)"), made.stdout


def test_plan_says_the_priority_classes_as_the_console_does() -> None:
    """`plan` keeps its own copy of the names (it imports no store); the console's are the reference."""
    from broadcaster.app.wording import PRIORITY_NAMES
    from broadcaster.cli import schedule
    from schedules.model import Priority

    assert schedule.PRIORITY_NAMES == PRIORITY_NAMES
    assert set(PRIORITY_NAMES) == {p.name.lower() for p in Priority}


def test_up_says_where_the_console_is_while_it_runs_with_stdout_not_a_terminal(tmp_path: Path) -> None:
    """Under systemd or `| tee` stdout is a file or a pipe: the first-admin hint and the console's
    address are read while the service runs, not when it stops."""
    import socket
    import time

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "BROADCASTER_DATA_DIR": str(tmp_path / "data"), "BROADCASTER_MEDIA_PORT": "0"}
    env.pop("PYTHONUNBUFFERED", None)  # as on a server: stdout to a file is block-buffered
    log = tmp_path / "up.log"
    with log.open("w") as out:
        up = subprocess.Popen(
            [sys.executable, "-m", "broadcaster.cli", "up", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 90
        while "Bảng điều khiển: http://" not in log.read_text(encoding="utf-8") and up.poll() is None:
            assert time.monotonic() < deadline, log.read_text(encoding="utf-8")
            try:  # the console answering while its banner is still unwritten is the failure
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
            except OSError:
                time.sleep(0.2)
                continue
            # the banner is printed before uvicorn listens: once the console answers it must be there
            assert "Bảng điều khiển: http://" in log.read_text(encoding="utf-8"), log.read_text(encoding="utf-8")
        said = log.read_text(encoding="utf-8")
        assert "broadcaster user add admin --role admin" in said and f":{port}/" in said, said
    finally:
        up.terminate()
        up.wait(timeout=30)
