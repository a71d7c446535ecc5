"""Communes as records: an id zones and officials refer to, and a display name people read.

An official's commune is chosen from the list, never typed: a name that is not a commune's id
or display name is refused, so "Tân Lập" finds `tan-lap` and a typo is said, not stored.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from broadcaster.app.workflow import WorkflowError
from broadcaster.store.models import Commune, ZoneRow

ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")


class UnknownCommune(WorkflowError):
    code = "commune.unknown"

    def __init__(self, names: list[str]) -> None:
        super().__init__(f"unknown communes: {', '.join(names)}")
        self.names = names
        self.params = {"names": ", ".join(names)}


def folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return " ".join("".join(c for c in decomposed if unicodedata.category(c) != "Mn").lower().replace("-", " ").split())


def slug(name: str) -> str:
    """The id a commune's display name suggests: "Tân Lập" → "tan-lap"."""
    return "-".join(folded(name).split())[:64]


def listing(session: Session) -> list[Commune]:
    """Every commune by name; a commune a zone names without a record yet is listed under its id."""
    rows = {c.id: c for c in session.scalars(select(Commune))}
    for zone_commune in session.scalars(select(ZoneRow.commune).distinct()):
        if zone_commune and zone_commune not in rows:
            rows[zone_commune] = Commune(id=zone_commune, name=zone_commune)  # not added to the session
    return sorted(rows.values(), key=lambda c: (folded(c.name or c.id), c.id))


def names(session: Session) -> dict[str, str]:
    return {c.id: c.name or c.id for c in listing(session)}


def resolve(session: Session, given: Iterable[str]) -> list[str]:
    """Commune ids for what was chosen or typed (an id or a display name, any case or accents).

    :raises UnknownCommune: naming each that is no commune.
    """
    rows = listing(session)
    by_key: dict[str, str] = {}
    for row in rows:
        by_key[folded(row.id)] = row.id
        by_key[folded(row.name or row.id)] = row.id
    out, unknown = [], []
    for text in given:
        text = " ".join(str(text).split())
        if not text:
            continue
        found = by_key.get(folded(text))
        if found is None:
            unknown.append(text)
        elif found not in out:
            out.append(found)
    if unknown:
        raise UnknownCommune(unknown)
    return out


def ensure(session: Session, commune_id: str, name: str = "") -> Commune:
    """The commune with this id, created (named `name` or its id) when a zone brings a new one."""
    row = session.get(Commune, commune_id)
    if row is None:
        row = Commune(id=commune_id, name=name or commune_id)
        session.add(row)
        session.flush()
    elif name and row.name != name:
        row.name = name
    return row
