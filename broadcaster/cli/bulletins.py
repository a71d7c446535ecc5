"""`broadcaster bulletin new …`: create a bulletin from a document or as one of the commune's programmes."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from broadcaster.config import Settings


def cmd_bulletin_new(args: argparse.Namespace, settings: Settings) -> int:
    from broadcaster.app import programmes, relays
    from broadcaster.app.messages import STATES
    from broadcaster.cli.common import actor
    from broadcaster.store.engine import open_store
    from broadcaster.store.models import Bulletin

    store = open_store(settings.database_url)
    who = actor(store, args.as_user)
    if args.document is not None:
        bulletin_id = programmes.bulletin_from_document(store, settings, who, args.document, again=args.again)
    elif args.notice is not None:
        bulletin_id = programmes.notice(store, settings, who, args.title or "", args.notice)
    elif args.audio is not None:
        data = Path(args.audio).read_bytes()
        bulletin_id = programmes.uploaded_audio(store, settings, who, args.title or Path(args.audio).stem, data)
    else:
        if args.minutes is None:
            raise programmes.ProgrammeError("Tiếp sóng cần thời lượng: thêm --minutes N.")
        bulletin_id = relays.relay(store, settings, who, args.title or "", args.relay, args.minutes)
    with store.session() as session:
        bulletin = session.get(Bulletin, bulletin_id)
        state = bulletin.state if bulletin is not None else "?"
    print(f"bản tin #{bulletin_id} ({STATES.get(state, state)})")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    group = sub.add_parser("bulletin", help="bulletins: create one from a document or a programme")
    verbs = group.add_subparsers(dest="bulletin_cmd", required=True)
    new = verbs.add_parser("new", help="create a bulletin (draft) and render its audio")
    source = new.add_mutually_exclusive_group(required=True)
    source.add_argument("--document", type=int, help="a stored document's id (see the console's “Văn bản mới”)")
    source.add_argument("--notice", help="a typed announcement, read by the Vietnamese voice")
    source.add_argument("--audio", help="an audio file (mp3, wav, ogg, webm…), mastered to the house loudness")
    source.add_argument("--relay", help="an http(s) live stream URL to relay for --minutes")
    new.add_argument("--title", help="the bulletin's title")
    new.add_argument("--minutes", type=float, help="how long the relay plays, in minutes")
    new.add_argument("--again", action="store_true", help="make another bulletin for a document that has one")
    new.add_argument("--as", dest="as_user", help="act as this user (default: the local administrator)")
    new.set_defaults(func=cmd_bulletin_new)
