"""The store's tables (SQLAlchemy 2). Instants are stored in UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(32))
    password_hash: Mapped[str] = mapped_column(String(255), default="")
    communes: Mapped[list[Any]] = mapped_column(JSON, default=list)
    languages: Mapped[list[Any]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("number", "issuer", name="uq_document_number_issuer"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(80))
    issuer: Mapped[str] = mapped_column(String(200))
    doc_type: Mapped[str] = mapped_column(String(60))
    title: Mapped[str] = mapped_column(Text)
    issued_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    effective_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    origin: Mapped[str] = mapped_column(Text, default="")
    feed: Mapped[str] = mapped_column(Text, default="")  # the feed that listed it; "" when given by hand
    text: Mapped[str] = mapped_column(Text)
    relations: Mapped[list[Any]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class IngestFailure(Base):
    __tablename__ = "ingest_failures"
    id: Mapped[int] = mapped_column(primary_key=True)
    origin: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Bulletin(Base):
    __tablename__ = "bulletins"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), nullable=True)
    title: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(20), default="draft")
    flagged: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    # what the bulletin is: "document", "notice", "audio", "recording" or "relay" (broadcaster.app.programmes)
    kind: Mapped[str] = mapped_column(String(16), default="document", server_default="document")
    stream_url: Mapped[str | None] = mapped_column(Text, nullable=True)  # a relay: the live stream devices play
    stream_duration_ms: Mapped[int | None] = mapped_column(Integer, nullable=True)  # … for this booked window
    # what the drafter doubted ({code, message}, scripts.draft.draft_warnings): an approver acknowledges each
    draft_warnings: Mapped[list[Any]] = mapped_column(JSON, default=list, server_default="[]")
    # the approval that is on air: it keeps the bookings playing while a newer version is in review
    approval_id: Mapped[int | None] = mapped_column(Integer, nullable=True)


class ScriptVersion(Base):
    __tablename__ = "script_versions"
    __table_args__ = (UniqueConstraint("bulletin_id", "language", "version", name="uq_script_version"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    bulletin_id: Mapped[int] = mapped_column(ForeignKey("bulletins.id"))
    language: Mapped[str] = mapped_column(String(16))
    version: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    sentences: Mapped[list[Any]] = mapped_column(JSON, default=list)
    sha256: Mapped[str] = mapped_column(String(64))
    author: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class MediaAsset(Base):
    """One rendering of one bulletin. The same bytes may belong to several bulletins (a notice
    repeated word for word): the media store keeps the file once, each bulletin has its own row,
    so approving or re-rendering one never touches another's binding."""

    __tablename__ = "media_assets"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)
    bulletin_id: Mapped[int] = mapped_column(ForeignKey("bulletins.id"), primary_key=True)
    language: Mapped[str] = mapped_column(String(16))
    script_sha256: Mapped[str] = mapped_column(String(64), default="")
    # every language's script version a rendering was made from (approval.scripts_sha)
    scripts_sha256: Mapped[str] = mapped_column(String(64), default="")
    codec: Mapped[str] = mapped_column(String(16))
    extension: Mapped[str] = mapped_column(String(8))
    bytes: Mapped[int] = mapped_column(Integer)
    duration_ms: Mapped[int] = mapped_column(Integer)
    loudness_lufs: Mapped[float | None] = mapped_column(Float, nullable=True)
    true_peak_dbtp: Mapped[float | None] = mapped_column(Float, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Approval(Base):
    __tablename__ = "approvals"
    id: Mapped[int] = mapped_column(primary_key=True)
    bulletin_id: Mapped[int] = mapped_column(ForeignKey("bulletins.id"))
    approver: Mapped[str] = mapped_column(String(64))
    bundle_sha256: Mapped[str] = mapped_column(String(64))
    # what it binds: {language mix ("vi", "vi+hmn"): audio sha256}, {language: script sha256}, a relay's stream
    # (None on approvals given before revision approved_01: those bind the bulletin's current scripts)
    media: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    scripts: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    stream: Mapped[str | None] = mapped_column(Text, nullable=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Commune(Base):
    """A commune (xã, phường, đặc khu): the id zones and officials refer to, and the name people read."""

    __tablename__ = "communes"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")


class ZoneRow(Base):
    __tablename__ = "zones"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    commune: Mapped[str] = mapped_column(String(200))
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Ho_Chi_Minh")
    slots: Mapped[list[Any]] = mapped_column(JSON, default=list)
    quiet: Mapped[list[Any]] = mapped_column(JSON, default=list)
    languages: Mapped[list[Any]] = mapped_column(JSON, default=list)
    max_plays_per_day: Mapped[int] = mapped_column(Integer, default=10)
    households_urban: Mapped[int] = mapped_column(Integer, default=0)  # for residents reached (issue 14)
    households_rural: Mapped[int] = mapped_column(Integer, default=0)
    # {"power": [{"on", "off"}], "volume": [{"at", "volume"}]} in the zone's time zone (devices.timetable)
    timetable: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)


class DeviceRow(Base):
    __tablename__ = "devices"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    zone_id: Mapped[str] = mapped_column(ForeignKey("zones.id"))
    name: Mapped[str] = mapped_column(String(200), default="")
    online: Mapped[bool] = mapped_column(Boolean, default=False)
    last_seen: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    state: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # the broker password in Mosquitto's own hash format (devices.acl.password_hash); never in clear
    mqtt_password_hash: Mapped[str | None] = mapped_column(String(200), nullable=True)
    credentials_issued: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class BookingRow(Base):
    __tablename__ = "bookings"
    id: Mapped[int] = mapped_column(primary_key=True)
    bulletin_id: Mapped[int] = mapped_column(ForeignKey("bulletins.id"))
    zones: Mapped[list[Any]] = mapped_column(JSON)
    priority: Mapped[str] = mapped_column(String(16), default="normal")
    rule: Mapped[str] = mapped_column(Text, default="")
    starts_on: Mapped[date] = mapped_column(Date)
    until: Mapped[date | None] = mapped_column(Date, nullable=True)
    slot: Mapped[str | None] = mapped_column(String(5), nullable=True)
    repeat: Mapped[int] = mapped_column(Integer, default=1)
    gap_s: Mapped[int] = mapped_column(Integer, default=0)
    fire_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    until_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False)


class PlayReport(Base):
    __tablename__ = "play_reports"
    __table_args__ = (UniqueConstraint("device_id", "item_id", name="uq_play_device_item"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[str] = mapped_column(String(64))
    item_id: Mapped[str] = mapped_column(String(64))
    bulletin_id: Mapped[str] = mapped_column(String(64), default="")
    sha256: Mapped[str] = mapped_column(String(64))
    started: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ended: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    volume: Mapped[int] = mapped_column(Integer, default=0)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # as it happened: the device's zone when it reported, and whether the play was cut short
    zone_id: Mapped[str] = mapped_column(String(64), default="")
    outcome: Mapped[str] = mapped_column(String(16), default="completed")
    played_ms: Mapped[int] = mapped_column(Integer, default=0)


class AuditEvent(Base):
    """Append-only: the store never updates or deletes these rows."""

    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str] = mapped_column(String(128))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    address: Mapped[str] = mapped_column(String(64), default="")


class ProgrammePush(Base):
    """The last programme pushed to a device: re-pushing an identical one is skipped."""

    __tablename__ = "programme_pushes"
    device_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    message_id: Mapped[str] = mapped_column(String(64), default="")
    items: Mapped[int] = mapped_column(Integer, default=0)
    pushed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    acked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class CommandRow(Base):
    """A command to a device or zone, tracked per device: sent → acked / rejected / timed out."""

    __tablename__ = "commands"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    target: Mapped[str] = mapped_column(String(80))
    body: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    sent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    attempts: Mapped[int] = mapped_column(Integer, default=1)


class CommandAck(Base):
    """A device's ack of a command, a row each (issue 21): an emergency's 10,000 acks are
    inserted batch by batch, where a JSON object per command was rewritten whole for every batch.
    The first ack a device sends is kept; one it sends again is ignored (`ON CONFLICT DO NOTHING`)."""

    __tablename__ = "command_acks"
    command_id: Mapped[str] = mapped_column(ForeignKey("commands.id", ondelete="CASCADE"), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    status: Mapped[str] = mapped_column(String(16))  # "ok" or "rejected"
    reason: Mapped[str | None] = mapped_column(String(32), nullable=True)
    at: Mapped[str | None] = mapped_column(String(40), nullable=True)  # as the device's clock said it
    # when the service stored it; None for the acks moved from the JSON column (acks_01)
    received_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True, default=utcnow)


class CapRecord(Base):
    """CAP alerts seen, by sender,identifier, and the bulletin each became."""

    __tablename__ = "cap_alerts"
    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    bulletin_id: Mapped[int | None] = mapped_column(ForeignKey("bulletins.id"), nullable=True)
    status: Mapped[str] = mapped_column(String(16))
    msg_type: Mapped[str] = mapped_column(String(16))
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # pending until handed to the speakers; see broadcaster.app.cap_import.CapState
    state: Mapped[str] = mapped_column(String(16), default="pending", server_default="delivered")
    task_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    detail: Mapped[str] = mapped_column(Text, default="", server_default="")
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    document: Mapped[str] = mapped_column(Text, default="", server_default="")


class ServiceTask(Base):
    """A request from a front door (console, API, CLI) that only the running service can carry out."""

    __tablename__ = "service_tasks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(32))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    actor: Mapped[str] = mapped_column(String(64))
    address: Mapped[str] = mapped_column(String(64), default="")
    state: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    result: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    error: Mapped[str] = mapped_column(Text, default="")


class ServiceBeat(Base):
    """The running service's heartbeat: front doors tell users whether their request will run now."""

    __tablename__ = "service_heartbeat"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    beat_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    info: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class DeviceSample(Base):
    """Presence and telemetry as received, kept for uptime statistics (append-only)."""

    __tablename__ = "device_samples"
    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    kind: Mapped[str] = mapped_column(String(16))
    online: Mapped[bool] = mapped_column(Boolean, default=True)
    body: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class PlannedPlay(Base):
    """A play as it was planned (zone, commune, time), kept so later zone edits cannot erase it."""

    __tablename__ = "planned_plays"
    item_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    zone_id: Mapped[str] = mapped_column(String(64), index=True)
    commune: Mapped[str] = mapped_column(String(200), default="")
    bulletin_id: Mapped[str] = mapped_column(String(64), default="")
    title: Mapped[str] = mapped_column(Text, default="")
    starts_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    duration_ms: Mapped[int] = mapped_column(Integer, default=0)
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class RevokedSession(Base):
    """Server-side session revocation: `session:<sid>` (one sign-out) or `user:<name>` (all older sessions).

    Session cookies are signed and stateless; a row here makes a cookie worthless before it expires.
    """

    __tablename__ = "revoked_sessions"
    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Notification(Base):
    """Something a person should know (a speaker offline, a play missed, work waiting, an
    emergency to review): shown under the console's bell, e-mailed when they asked for it."""

    __tablename__ = "notifications"
    __table_args__ = (UniqueConstraint("username", "key", name="uq_notification_user_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # broadcaster.app.notifications.KINDS
    key: Mapped[str] = mapped_column(String(128))  # one notification per user and event (offline:<device>:<since>)
    title: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text, default="")
    link: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    mail: Mapped[str] = mapped_column(String(16), default="")  # "" not to send, "pending", "sent", "failed"


class NotificationPrefs(Base):
    """Per user: the e-mail address notifications go to, and which kinds are e-mailed."""

    __tablename__ = "notification_prefs"
    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    email: Mapped[str] = mapped_column(String(254), default="")
    kinds: Mapped[list[Any]] = mapped_column(JSON, default=list)
