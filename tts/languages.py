"""Language profiles: Vietnamese and the minority languages of Vietnam's communes.

Codes are ISO 639-3 (BCP 47 for Vietnamese: "vi"). `engines` lists what can serve a
language when its voice is installed: a recording always can.
"""

from __future__ import annotations

from dataclasses import dataclass

from tts.base import UnknownLanguage


@dataclass(frozen=True, slots=True)
class LanguageProfile:
    code: str
    name_vi: str
    name_native: str
    script: str
    engines: tuple[str, ...]
    gtts_code: str | None = None
    espeak_voice: str | None = None
    note: str = ""


PROFILES: dict[str, LanguageProfile] = {
    p.code: p
    for p in (
        LanguageProfile("vi", "Tiếng Việt", "Tiếng Việt", "Latin", ("espeak", "piper", "mms", "gtts", "recording"), "vi", "vi"),
        LanguageProfile("rad", "Ê Đê", "Klei Êđê", "Latin", ("mms", "recording")),
        LanguageProfile("jra", "Gia Rai (J'rai)", "Jarai", "Latin", ("mms", "recording")),
        LanguageProfile("bdq", "Ba Na", "Bahnar", "Latin", ("mms", "recording")),
        LanguageProfile("hnj", "H'Mông (Mông Lềnh)", "Hmoob Ntsuab", "Latin", ("mms", "recording")),
        LanguageProfile("mww", "H'Mông (Mông Trắng)", "Hmoob Dawb", "Latin", ("mms", "recording")),
        LanguageProfile("khm", "Khmer", "ភាសាខ្មែរ", "Khmer", ("mms", "gtts", "recording"), "km"),
        LanguageProfile("tyz", "Tày", "Tày", "Latin", ("mms", "recording")),
        LanguageProfile("blt", "Thái (Thái Đen)", "ꪼꪕꪒꪾ", "Tai Viet", ("mms", "recording")),
        LanguageProfile("mtq", "Mường", "Mường", "Latin", ("mms", "recording")),
        LanguageProfile("cjm", "Chăm", "Cham", "Cham", ("mms", "recording")),
        LanguageProfile("cmo", "M'nông", "Mnông", "Latin", ("mms", "recording")),
        LanguageProfile("nut", "Nùng", "Nùng", "Latin", ("recording",)),
        LanguageProfile("sed", "Xơ Đăng", "Xơ Đăng", "Latin", ("mms", "recording")),
    )
}
ALIASES = {"vie": "vi", "vi-vn": "vi", "km": "khm", "km-kh": "khm", "hmn": "hnj"}


def resolve(code: str) -> LanguageProfile:
    """:raises UnknownLanguage: with the known codes, for a code without a profile."""
    key = code.strip().lower()
    key = ALIASES.get(key, key)
    if key not in PROFILES:
        known = ", ".join(sorted(PROFILES))
        raise UnknownLanguage(f"unknown language code {code!r}; known codes: {known}")
    return PROFILES[key]
