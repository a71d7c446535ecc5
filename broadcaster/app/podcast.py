"""A commune's podcast feed, published where its `atom:link rel="self"` says it is.

The feed is written to `data_dir/podcast/<commune>.xml`, which the service's media server
serves at `/podcast/<commune>.xml` beside `/media/` and `/cover.png`: the self link, the channel
link and the cover all resolve (podcast apps and validators fetch them). The service writes
every commune's feed after each re-plan; `broadcaster podcast` writes and prints one.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from broadcaster.app.approval import approved_media
from broadcaster.app.planning import aware
from broadcaster.config import Settings
from broadcaster.store.engine import Store
from broadcaster.store.models import BookingRow, Bulletin, ZoneRow
from schedules.podcast import Channel, Episode, feed

SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")  # a commune id that is a file name and a URL segment


def site_url(settings: Settings) -> str:
    """The root the media server answers (the channel link, cover and feeds live there)."""
    return settings.public_media_base.removesuffix("media/")


def self_url(settings: Settings, commune: str) -> str:
    return f"{site_url(settings)}podcast/{commune}.xml"


def _episodes(store: Store, settings: Settings, communes: set[str] | None) -> dict[str, list[Episode]]:
    """Each commune's live, approved bulletins (expired alerts left out): one pass over the bookings."""
    base = settings.public_media_base
    now = datetime.now(UTC)
    found: dict[str, dict[int, Episode]] = {}
    with store.session() as session:
        commune_of = {z.id: z.commune for z in session.scalars(select(ZoneRow)) if communes is None or z.commune in communes}
        for c in communes or set(commune_of.values()):
            found[c] = {}
        for booking in session.scalars(select(BookingRow).where(BookingRow.withdrawn.is_(False))):
            reached = {commune_of[z] for z in booking.zones or [] if z in commune_of}
            expires = aware(booking.until_at)
            if not reached or (expires is not None and expires <= now):
                continue  # an expired alert is not offered for listening again
            bulletin = session.get(Bulletin, booking.bulletin_id)
            media = approved_media(session, booking.bulletin_id)
            if bulletin is None or media is None or bulletin.state == "withdrawn":
                continue
            episode = Episode(
                f"bulletin-{bulletin.id}-{media.sha256[:12]}",
                bulletin.title,
                f"{base}{media.sha256}.{media.extension}",
                media.bytes,
                media.duration_ms / 1000,
                media.created_at.replace(tzinfo=media.created_at.tzinfo or UTC),
            )
            for c in reached:
                found[c][bulletin.id] = episode
    return {c: list(e.values()) for c, e in found.items()}


def _feed(settings: Settings, commune: str, episodes: list[Episode], self_link: str | None = None) -> str:
    site = site_url(settings)
    channel = Channel(
        f"Bản tin pháp luật — {commune}",
        site,
        "Nghe lại các bản tin của loa truyền thanh xã",
        self_url=self_link or self_url(settings, commune),
        image_url=f"{site}cover.png",
        owner_name=settings.podcast_owner,
        owner_email=settings.podcast_email,
    )
    return feed(channel, episodes)


def commune_feed(store: Store, settings: Settings, commune: str, self_link: str | None = None) -> str:
    """The RSS feed of a commune's live, approved bulletins."""
    return _feed(settings, commune, _episodes(store, settings, {commune})[commune], self_link)


def _write(settings: Settings, commune: str, text: str) -> Path:
    if not SAFE_NAME.match(commune):
        raise ValueError(f"commune id {commune!r} cannot name a feed file")
    folder = settings.data_dir / "podcast"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{commune}.xml"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        tmp = path.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    return path


def publish(store: Store, settings: Settings, commune: str) -> Path:
    """Write a commune's feed where the media server serves it (only when it changed)."""
    if not SAFE_NAME.match(commune):
        raise ValueError(f"commune id {commune!r} cannot name a feed file")
    return _write(settings, commune, commune_feed(store, settings, commune))


def publish_all(store: Store, settings: Settings) -> list[Path]:
    """Every commune's feed (the service calls this after each re-plan)."""
    return [
        _write(settings, c, _feed(settings, c, episodes))
        for c, episodes in sorted(_episodes(store, settings, None).items())
        if SAFE_NAME.match(c)
    ]
