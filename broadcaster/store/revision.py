"""The migration scripts' head, read from their text: `broadcaster plan` (store.lite) and every
command on a store at head check the store's revision without importing Alembic or SQLAlchemy."""

from __future__ import annotations

import functools
import re
from pathlib import Path

MIGRATIONS = Path(__file__).parent / "migrations"


@functools.cache
def head_revision() -> str | None:
    """The one head of the migration scripts, read from their text without importing Alembic (a
    third of a second of every CLI command); None when the scripts do not say it plainly (a merge,
    several heads, a computed id): then Alembic decides, as always."""
    revisions: set[str] = set()
    downs: set[str] = set()
    for script in sorted((MIGRATIONS / "versions").glob("*.py")):
        source = script.read_text(encoding="utf-8")
        revision = re.search(r"""^revision(?:\s*:[^=\n]+)?\s*=\s*["']([^"'\n]+)["']\s*$""", source, re.M)
        down = re.search(r"^down_revision(?:\s*:[^=\n]+)?\s*=\s*(.+?)\s*$", source, re.M)
        if revision is None or down is None:
            return None
        revisions.add(revision[1])
        if down[1] == "None":
            continue
        single = re.fullmatch(r"""["']([^"'\n]+)["']""", down[1])
        if single is None:
            return None
        downs.add(single[1])
    heads = revisions - downs
    return heads.pop() if len(heads) == 1 else None
