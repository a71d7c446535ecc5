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
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    try:
        done = subprocess.run(  # noqa: S603 - our own interpreter and module, no shell
            [sys.executable, "-m", "scripts.sandbox", name, json.dumps(asdict(limits))],
            input=data,
            capture_output=True,
            timeout=limits.timeout_s,
            env=env,
            cwd=ROOT,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise DocumentRefused(
            f"reading {Path(name).name or 'the file'} took longer than {limits.timeout_s:g} s and was stopped: "
            "the file is damaged or built to exhaust the reader; ask for another copy"
        ) from exc
    if done.returncode == -signal.SIGXCPU or done.returncode == -signal.SIGKILL:
        raise DocumentRefused(
            f"reading {Path(name).name or 'the file'} used more than {limits.cpu_s} s of CPU and was stopped: "
            "the file is damaged or built to exhaust the reader; ask for another copy"
        )
    try:
        answer = json.loads(done.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        log.warning("extraction of %s died (%s): %s", name, done.returncode, done.stderr[-500:])
        raise DocumentRefused(
            f"reading {Path(name).name or 'the file'} failed (exit {done.returncode}): ask for another copy"
        ) from exc
    if "error" in answer:
        raise (DocumentRefused if answer.get("refused") else DocumentError)(answer["error"])
    return str(answer["text"]), str(answer["media_type"])


def sheet_rows(data: bytes, limits: SheetLimits | None = None) -> list[list[Any]]:
    """The first sheet of an untrusted .xlsx, read in a bounded subprocess (see `scripts.sheets`).

    :raises DocumentRefused: over a limit, or the reader ran out of CPU, memory or time.
    :raises DocumentError: not a readable workbook.
    """
    from scripts.sheets import check_zip

    limits = limits or SheetLimits()
    check_zip(data, limits)  # the cheap refusals need no subprocess
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    try:
        done = subprocess.run(  # noqa: S603 - our own interpreter and module, no shell
            [sys.executable, "-m", "scripts.sandbox", "--sheet", json.dumps(asdict(limits))],
            input=data,
            capture_output=True,
            timeout=limits.timeout_s,
            env=env,
            cwd=ROOT,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise DocumentRefused(f"reading the workbook took longer than {limits.timeout_s:g} s and was stopped") from exc
    try:
        answer = json.loads(done.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        log.warning("reading a workbook died (%s): %s", done.returncode, done.stderr[-500:])
        raise DocumentRefused(
            f"reading the workbook ran out of CPU time or memory and was stopped (exit {done.returncode})"
        ) from exc
    if "error" in answer:
        raise (DocumentRefused if answer.get("refused") else DocumentError)(answer["error"])
    return list(answer["rows"])


def _sheet_main(raw_limits: str) -> int:
    from scripts.sheets import read_rows

    limits = SheetLimits(**json.loads(raw_limits))
    _limit_self(Limits(cpu_s=limits.cpu_s, memory_bytes=limits.memory_bytes))
    data = sys.stdin.buffer.read(limits.max_file_bytes + 1)
    try:
        answer: dict[str, object] = {"rows": read_rows(data, limits)}
    except DocumentRefused as exc:
        answer = {"error": str(exc), "refused": True}
    except DocumentError as exc:
        answer = {"error": str(exc), "refused": False}
    except MemoryError:
        answer = {"error": f"reading the workbook needs more than {limits.memory_bytes / MB:,.0f} MB of memory", "refused": True}
    sys.stdout.write(json.dumps(answer, ensure_ascii=False))
    return 0


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
    try:
        text, media_type = extract_in_process(data, name, limits)
        answer: dict[str, object] = {"text": text, "media_type": media_type}
    except DocumentRefused as exc:
        answer = {"error": str(exc), "refused": True}
    except DocumentError as exc:
        answer = {"error": str(exc), "refused": False}
    except MemoryError:
        answer = {
            "error": f"reading the file needs more than {limits.memory_bytes / MB:,.0f} MB of memory "
            "(a zip bomb or a damaged file?): ask for another copy",
            "refused": True,
        }
    sys.stdout.write(json.dumps(answer, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(_sheet_main(sys.argv[2]) if sys.argv[1] == "--sheet" else _main(sys.argv[1], sys.argv[2]))
