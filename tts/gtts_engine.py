"""gTTS: Google Translate's voice, online only. Offline it fails fast and the next voice is used."""

from __future__ import annotations

import io
import logging

from media.audio import Audio
from tts.base import Voice, VoiceUnavailable
from tts.languages import PROFILES

log = logging.getLogger(__name__)


class GttsEngine:
    name = "gtts"

    def __init__(self, timeout_s: float = 5.0) -> None:
        import gtts

        self.timeout_s = timeout_s
        self.version = f"gtts-{gtts.__version__}"

    def voices(self) -> list[Voice]:
        return [
            Voice(self.name, p.gtts_code, p.code, None, f"gTTS {p.name_vi} (trực tuyến)")
            for p in PROFILES.values()
            if p.gtts_code
        ]

    def synthesize(self, text: str, voice: Voice) -> Audio:
        from gtts import gTTS, gTTSError

        from media.decode import decode
        from media.errors import MediaError

        buffer = io.BytesIO()
        try:
            gTTS(text, lang=voice.voice_id, timeout=self.timeout_s).write_to_fp(buffer)
        except (gTTSError, OSError) as exc:
            log.warning("gTTS unavailable (%s); falling back to the next voice", exc)
            raise VoiceUnavailable(f"gTTS is unreachable: {exc}") from exc
        try:
            return decode(buffer.getvalue(), rate=24000)
        except MediaError as exc:
            raise VoiceUnavailable(f"gTTS returned unreadable audio: {exc}") from exc
