"""Extract text from an untrusted file in a subprocess bounded in CPU, memory and time.

A zip bomb, a PDF whose one huge stream is shared by hundreds of pages, or a parser bug
can then only kill its own subprocess; the caller gets a `DocumentRefused` that says why,
and the rest of a batch goes on. The limits are set by the child on itself (`setrlimit`)
before it reads a byte of the file, which is safe in a threaded parent (no preexec_fn).
"""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from scripts.errors import DocumentError, DocumentRefused
from scripts.limits import MB, Limits
from scripts.sheets import SheetLimits

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[1]


def extract_text(data: bytes, name: str, limits: Limits | None = None) -> tuple[str, str]:
    """Text and media type of a document file; a PDF or DOCX is extracted in a bounded subprocess.

    :raises DocumentRefused: when the file is over a limit or the extraction ran out of CPU
        time, memory or wall-clock time.
    :raises DocumentError: for an unsupported or unreadable file.
    """
    from scripts.extract import check_size, extract_in_process, is_plain

    limits = limits or Limits()
    check_size(data, name, limits)  # the cheap refusals need no subprocess
    if is_plain(data, name):
        return extract_in_process(data, name, limits)  # decoding text or HTML under the size caps is linear and safe
    shown = Path(name).name or "the file"
    try:
        done = _run_child([name, json.dumps(asdict(limits))], data, limits.timeout_s)
    except subprocess.TimeoutExpired as exc:
        raise DocumentRefused(
            f"reading {shown} took longer than {limits.timeout_s:g} s and was stopped: "
            "the file is damaged or built to exhaust the reader; ask for another copy"
        ) from exc
    if done.returncode == -signal.SIGXCPU or done.returncode == -signal.SIGKILL:
        raise DocumentRefused(
            f"reading {shown} used more than {limits.cpu_s} s of CPU and was stopped: "
            "the file is damaged or built to exhaust the reader; ask for another copy"
        )
    refusal = f"reading {shown} failed (exit {done.returncode}): ask for another copy"
    answer = _answer(done, f"extraction of {name}", refusal)
    return str(answer["text"]), str(answer["media_type"])


def sheet_rows(data: bytes, limits: SheetLimits | None = None) -> list[list[Any]]:
    """The first sheet of an untrusted .xlsx, read in a bounded subprocess (see `scripts.sheets`).

    :raises DocumentRefused: over a limit, or the reader ran out of CPU, memory or time.
    :raises DocumentError: not a readable workbook.
    """
    from scripts.sheets import check_zip

    limits = limits or SheetLimits()
    check_zip(data, limits)  # the cheap refusals need no subprocess
    try:
        done = _run_child(["--sheet", json.dumps(asdict(limits))], data, limits.timeout_s)
    except subprocess.TimeoutExpired as exc:
        raise DocumentRefused(f"reading the workbook took longer than {limits.timeout_s:g} s and was stopped") from exc
    refusal = f"reading the workbook ran out of CPU time or memory and was stopped (exit {done.returncode})"
    return list(_answer(done, "reading a workbook", refusal)["rows"])


def _run_child(args: list[str], data: bytes, timeout_s: float) -> subprocess.CompletedProcess[bytes]:
    """This module run by our own interpreter on `data`; the child sets its own limits (`_limit_self`).

    :raises subprocess.TimeoutExpired: past `timeout_s` of wall-clock time.
    """
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run(  # noqa: S603 - our own interpreter and module, no shell
        [sys.executable, "-m", "scripts.sandbox", *args],
        input=data,
        capture_output=True,
        timeout=timeout_s,
        env=env,
        cwd=ROOT,
        check=False,
    )


def _answer(done: subprocess.CompletedProcess[bytes], what: str, refusal: str) -> dict[str, Any]:
    """The child's answer (see `_reply`).

    :raises DocumentRefused: `refusal` when the child died before it answered (logged as `what`),
        or the refusal it answered with.
    :raises DocumentError: the error it answered with.
    """
    try:
        answer: dict[str, Any] = json.loads(done.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        log.warning("%s died (%s): %s", what, done.returncode, done.stderr[-500:])
        raise DocumentRefused(refusal) from exc
    if "error" in answer:
        raise (DocumentRefused if answer.get("refused") else DocumentError)(answer["error"])
    return answer


def _reply(read: Callable[[], dict[str, object]], out_of_memory: str) -> int:
    """Write what `read` found, or why it could not, as the JSON answer the parent waits for."""
    try:
        answer = read()
    except DocumentRefused as exc:
        answer = {"error": str(exc), "refused": True}
    except DocumentError as exc:
        answer = {"error": str(exc), "refused": False}
    except MemoryError:
        answer = {"error": out_of_memory, "refused": True}
    sys.stdout.write(json.dumps(answer, ensure_ascii=False))
    return 0


def _sheet_main(raw_limits: str) -> int:
    from scripts.sheets import read_rows

    limits = SheetLimits(**json.loads(raw_limits))
    _limit_self(Limits(cpu_s=limits.cpu_s, memory_bytes=limits.memory_bytes))
    data = sys.stdin.buffer.read(limits.max_file_bytes + 1)
    out_of_memory = f"reading the workbook needs more than {limits.memory_bytes / MB:,.0f} MB of memory"
    return _reply(lambda: {"rows": read_rows(data, limits)}, out_of_memory)


def _limit_self(limits: Limits) -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_s, limits.cpu_s + 1))
    resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))  # the reader writes no file


def _main(name: str, raw_limits: str) -> int:
    limits = Limits(**json.loads(raw_limits))
    _limit_self(limits)
    from scripts.extract import extract_in_process

    data = sys.stdin.buffer.read(limits.max_file_bytes + 1)

    def read() -> dict[str, object]:
        text, media_type = extract_in_process(data, name, limits)
        return {"text": text, "media_type": media_type}

    out_of_memory = (
        f"reading the file needs more than {limits.memory_bytes / MB:,.0f} MB of memory "
        "(a zip bomb or a damaged file?): ask for another copy"
    )
    return _reply(read, out_of_memory)


if __name__ == "__main__":
    sys.exit(_sheet_main(sys.argv[2]) if sys.argv[1] == "--sheet" else _main(sys.argv[1], sys.argv[2]))
