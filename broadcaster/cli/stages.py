"""`broadcaster draft`, `spoken`, `ingest`, `render`, `voices`: one stage at a time, from the shell."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from broadcaster.config import Settings


def cmd_draft(args: argparse.Namespace, settings: Settings) -> int:
    from scripts.draft import draft, draft_warnings
    from scripts.header import header_json
    from scripts.ingest import HttpFetcher, load_document
    from scripts.legal import parse

    document = parse(load_document(args.path, HttpFetcher(policy=settings.link_policy())).text)
    script = draft(document, settings.dialect)
    warnings = draft_warnings(document, script)
    for warning in warnings:  # a doubtful parse still drafts, but never silently
        print(f"cảnh báo [{warning['code']}]: {warning['message']}", file=sys.stderr)
    if args.json:
        payload = {
            "document": {**header_json(document), "amends": document.amends},
            "warnings": warnings,
            "script": script.to_dict(),
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    print(f"{document.full_title} ({document.number}) — ước tính {script.est_duration_s} giây\n")
    for sentence in script.sentences:
        print(sentence.text)
        if sentence.source is None:
            print("    [câu mẫu]")
        else:
            where = sentence.source.label
            print(f"    [{where}: “{sentence.source.quote[:160]}”]")
    return 0


def cmd_spoken(args: argparse.Namespace, settings: Settings) -> int:
    from scripts.spoken import normalize

    for line in sys.stdin:
        print(normalize(line.rstrip("\n"), args.dialect or settings.dialect))
    return 0


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from broadcaster.app.documents import ingest, known_problem
    from broadcaster.store.engine import open_store
    from scripts.ingest import HttpFetcher

    store = open_store(settings.database_url)
    with store.session() as session:
        result = ingest(session, list(args.sources), HttpFetcher(policy=settings.link_policy()))
    for row in result.stored:
        print(f"mới     #{row.id}  {row.number}  {row.title[:80]}")  # the id `bulletin new --document` takes
    for origin in result.unchanged:
        print(f"đã có   {origin}")
    for origin, reason in result.failures:
        print(f"lỗi     {origin}: {known_problem(reason)}", file=sys.stderr)
    return 1 if result.failures and not result.stored and not result.unchanged else 0


def _registry(settings: Settings):  # type: ignore[no-untyped-def]
    from tts.registry import default_registry

    return default_registry(settings.cache_dir, settings.voices_dir, settings.online_tts)


def _codec_for(out: str, asked: str | None) -> str:
    """The codec the file name says (`x.opus` is Opus, `x.mp3` MP3), unless `--codec` says it;
    a name and a codec that disagree are refused rather than writing MP3 into `x.opus`."""
    by_name = {".mp3": "mp3", ".opus": "opus", ".ogg": "opus", ".oga": "opus"}.get(Path(out).suffix.lower())
    if asked and by_name and asked != by_name:
        raise ValueError(f"--out {out} là tệp {by_name}, nhưng --codec là {asked}: hãy dùng một định dạng")
    return asked or by_name or "mp3"


def cmd_render(args: argparse.Namespace, settings: Settings) -> int:
    from media.bulletin import Track, sequence
    from media.deliver import encode_measured
    from media.encode import CODECS
    from media.master import MasterSettings, master
    from scripts.spoken import normalize
    from tts.languages import resolve

    codec_name = _codec_for(args.out, args.codec)
    profile = resolve(args.lang)
    text = args.text if args.text is not None else Path(args.file).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise ValueError("nothing to render: the text is empty")
    if profile.code == "vi":
        lines = [normalize(line, settings.dialect) for line in lines]
    registry = _registry(settings)
    if args.voice:
        registry.preferences[profile.code] = [
            v for v in registry.voices_for(profile.code) if args.voice in (v.voice_id, v.engine)
        ]
    parts = tuple(registry.synthesize(line, profile.code, settings.dialect)[0] for line in lines)
    audio = sequence([Track(profile.code, parts)], jingle=not args.no_jingle)
    mastered, _ = master(audio, MasterSettings(target_lufs=settings.target_lufs))
    codec = CODECS[codec_name]
    data, loudness = encode_measured(mastered, codec, {"title": args.title or lines[0][:60]})
    Path(args.out).write_bytes(data)
    print(
        f"{args.out}: {mastered.duration_s:.1f} s, {loudness.integrated_lufs:.1f} LUFS, "
        f"đỉnh {loudness.true_peak_dbtp:.1f} dBTP, {codec.name} {codec.bitrate}"
    )
    return 0


def cmd_voices(args: argparse.Namespace, settings: Settings) -> int:
    registry = _registry(settings)
    for profile, voices in registry.status():
        state = ", ".join(f"{v.engine}:{Path(v.voice_id).name}" for v in voices) or "chưa có giọng — tải bản ghi âm lên"
        print(f"{profile.code:<5} {profile.name_vi:<22} {profile.name_native:<14} {state}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    dr = sub.add_parser("draft", help="parse a document and draft its script")
    dr.add_argument("path")
    dr.add_argument("--json", action="store_true")
    dr.set_defaults(func=cmd_draft)

    sp = sub.add_parser("spoken", help="written Vietnamese on stdin → spoken form on stdout")
    sp.add_argument("--dialect", choices=("north", "south"))
    sp.set_defaults(func=cmd_spoken)

    ing = sub.add_parser("ingest", help="store documents from feeds and files")
    ing.add_argument("sources", nargs="+")
    ing.set_defaults(func=cmd_ingest)

    rd = sub.add_parser("render", help="speak text to an audio file")
    src = rd.add_mutually_exclusive_group(required=True)
    src.add_argument("--text")
    src.add_argument("--file")
    rd.add_argument("--lang", default="vi")
    rd.add_argument("--voice", help="engine name or voice id to use")
    rd.add_argument("--title")
    rd.add_argument("--no-jingle", action="store_true")
    rd.add_argument(
        "--codec", choices=("mp3", "opus"), default=None, help="mp3 or opus (default: from --out's extension, else mp3)"
    )
    rd.add_argument("--out", required=True)
    rd.set_defaults(func=cmd_render)

    vo = sub.add_parser("voices", help="installed voices per language")
    vo.set_defaults(func=cmd_voices)
