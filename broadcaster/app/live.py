"""Live microphone: an official speaks on the phone and the speakers of the chosen zones play it.

The browser records the microphone in one-second WebM/Opus pieces and posts each; a `LiveRelay`
feeds them to ffmpeg (imageio-ffmpeg), which transcodes to an MP3 stream served over HTTP at an
unguessable URL. The speakers get the existing relay path: a signed emergency `play` command with
that stream URL and a window (the bulletin, kind "live", binds URL and window; its author approves
it on their own word, to review after, like an emergency message). Push to talk is the
microphone track switched on while the button is held: one recording, one stream, silence between.
Audited: who spoke, where, when it started and ended.
"""

from __future__ import annotations

import logging
import secrets
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from broadcaster.app import emergency, programmes, relays, tasks
from broadcaster.app.workflow import Action, Actor, PermissionDenied, WorkflowError, audit, require
from broadcaster.config import Settings
from broadcaster.errors import NotFound
from broadcaster.store.engine import Store
from broadcaster.store.models import Bulletin

log = logging.getLogger(__name__)

MAX_MINUTES = 30
CHUNK_LIMIT = 256 * 1024  # one second of Opus is a few kilobytes


class LiveRelay:
    """One live stream: WebM/Opus in (`feed`), MP3 out to every listener (`listen`)."""

    def __init__(self, ffmpeg: str) -> None:
        self._process = subprocess.Popen(  # noqa: S603
            [
                ffmpeg, "-hide_banner", "-loglevel", "error",
                "-fflags", "nobuffer", "-probesize", "4096", "-analyzeduration", "0",
                "-f", "webm", "-i", "pipe:0",
                "-vn", "-ac", "1", "-ar", "32000", "-c:a", "libmp3lame", "-b:a", "48k",
                "-flush_packets", "1", "-f", "mp3", "pipe:1",
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self._pieces: list[bytes] = []
        self._done = False
        self._changed = threading.Condition()
        self.fed = 0
        self.started = time.monotonic()
        threading.Thread(target=self._read, name="live-relay", daemon=True).start()

    def _read(self) -> None:
        out = self._process.stdout
        assert out is not None
        while True:
            piece = out.read1(4096)  # type: ignore[attr-defined]
            with self._changed:
                if not piece:
                    self._done = True
                    self._changed.notify_all()
                    return
                self._pieces.append(piece)
                self._changed.notify_all()

    def feed(self, data: bytes) -> None:
        """:raises WorkflowError: the stream has ended."""
        stdin = self._process.stdin
        if stdin is None or self._done or stdin.closed:
            raise WorkflowError("the live stream has ended", "live.ended")
        try:
            stdin.write(data)
            stdin.flush()
        except (BrokenPipeError, ValueError) as exc:
            raise WorkflowError("the live stream has ended", "live.ended") from exc
        self.fed += len(data)

    def close(self) -> None:
        stdin = self._process.stdin
        if stdin is not None and not stdin.closed:
            try:
                stdin.close()
            except BrokenPipeError:
                pass
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()

    @property
    def ended(self) -> bool:
        return self._done

    def listen(self, wait_s: float = 1.0) -> Iterator[bytes]:
        """Every MP3 byte from the start, then each new piece as it comes, until the stream ends.
        Yields b"" every `wait_s` while nothing comes (a caller can stop when its client left)."""
        sent = 0
        while True:
            with self._changed:
                if sent >= len(self._pieces) and not self._done:
                    self._changed.wait(wait_s)
                pieces, done = self._pieces[sent:], self._done
            sent += len(pieces)
            if pieces:
                yield b"".join(pieces)
            elif done:
                return
            else:
                yield b""


@dataclass
class Session:
    bulletin_id: int
    task_id: int
    token: str
    username: str
    zones: list[str]
    relay: LiveRelay
    opened: float = field(default_factory=time.time)


class LiveDesk:
    """The live sessions of this console process, by bulletin id and by stream token."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store, self.settings = store, settings
        self.sessions: dict[int, Session] = {}
        self.lock = threading.Lock()

    def open(self, actor: Actor, zones: list[str], reason: object, minutes: float, base_url: str) -> Session:
        """Check the right and the zones, make the stream and its bulletin (approved on the
        speaker's word), and queue the emergency play of the stream URL.

        :raises PermissionDenied: a role without the right, a zone of another commune.
        :raises WorkflowError: no zone, a short reason, a window outside 1–30 minutes.
        """
        require(actor, Action.LIVE)
        with self.store.session() as session:
            reason = emergency.check_request(session, actor, zones, reason)
        if not 1 <= minutes <= MAX_MINUTES:
            raise WorkflowError(f"a live broadcast lasts 1–{MAX_MINUTES} minutes", "live.minutes")
        from media.encode import ffmpeg_path

        token = secrets.token_urlsafe(24)
        url = f"{base_url.rstrip('/')}/truc-tiep/luong/{token}.mp3"
        title = f"Nói trực tiếp: {reason}"[: programmes.MAX_TITLE_CHARS]
        bulletin_id = relays.relay(
            self.store, self.settings, emergency.author(actor), title, url, minutes, kind="live", ours=True
        )
        relay = LiveRelay(ffmpeg_path())
        try:
            with self.store.session() as session:
                bulletin = session.get(Bulletin, bulletin_id)
                assert bulletin is not None
                emergency.approve_on_own_word(session, actor, bulletin, zones, reason)
                audit(session, actor, "live.started", f"bulletin:{bulletin_id}", zones=zones, reason=reason, minutes=minutes)
                session.flush()
                task_id = tasks.request_emergency(session, actor, bulletin_id, zones, reason=reason).id
        except Exception:
            relay.close()
            raise
        live = Session(bulletin_id, task_id, token, actor.username, zones, relay)
        with self.lock:
            self.sessions[bulletin_id] = live
        return live

    def get(self, actor: Actor, bulletin_id: int) -> Session:
        """:raises LookupError: no such live session here. :raises PermissionDenied: someone else's."""
        with self.lock:
            live = self.sessions.get(bulletin_id)
        if live is None:
            raise NotFound(f"no live session {bulletin_id}")
        if live.username != actor.username:
            raise PermissionDenied(f"{actor.username} may not speak in someone else's live session", "perm.role", action="speak")
        return live

    def by_token(self, token: str) -> LiveRelay:
        with self.lock:
            for live in self.sessions.values():
                if secrets.compare_digest(live.token, token):
                    return live.relay
        raise NotFound("no live stream")

    def feed(self, actor: Actor, bulletin_id: int, data: bytes) -> int:
        if len(data) > CHUNK_LIMIT:
            raise WorkflowError("a live audio piece is too large", "http.413")
        live = self.get(actor, bulletin_id)
        live.relay.feed(data)
        return live.relay.fed

    def close(self, actor: Actor, bulletin_id: int) -> None:
        live = self.get(actor, bulletin_id)
        live.relay.close()
        with self.store.session() as session:
            audit(
                session,
                actor,
                "live.ended",
                f"bulletin:{bulletin_id}",
                zones=live.zones,
                seconds=round(time.time() - live.opened),
                bytes_in=live.relay.fed,
            )

    def shutdown(self) -> None:
        with self.lock:
            sessions = list(self.sessions.values())
        for live in sessions:
            live.relay.close()
