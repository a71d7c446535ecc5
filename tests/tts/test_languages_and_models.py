"""Minority languages, online and local-model engines, recordings: each tested at its real boundary."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from media.audio import Audio
from media.encode import CODECS, encode
from media.master import chime
from tts.base import UnknownLanguage, Voice, VoiceUnavailable
from tts.espeak import EspeakEngine
from tts.languages import PROFILES, resolve
from tts.local_models import MmsEngine, PiperEngine
from tts.recorded import RecordingError, load_recording
from tts.registry import NoVoice, Registry, default_registry


def test_at_least_eight_minority_languages_have_profiles() -> None:
    minority = [p for p in PROFILES.values() if p.code != "vi"]
    assert len(minority) >= 8
    assert resolve("rad").name_vi == "Ê Đê" and resolve("km").code == "khm" and resolve("VIE").code == "vi"
    assert all(p.name_vi and p.name_native and p.script and "recording" in p.engines for p in minority)


def test_unknown_language() -> None:
    with pytest.raises(UnknownLanguage, match="unknown language code 'xx'"):
        default_registry().synthesize("abc", "xx")


def test_no_voice_never_falls_back_to_vietnamese() -> None:
    with pytest.raises(NoVoice, match=r"no voice installed for Ê Đê \(rad\): upload a recording or install a voice"):
        default_registry().synthesize("Klei mblang", "rad")


def test_status_lists_every_language() -> None:
    status = dict((p.code, voices) for p, voices in default_registry().status())
    assert status["rad"] == [] and status["vi"][0].engine == "espeak"


class FakeGTTS:
    """The boundary gTTS talks to the network through: write_to_fp."""

    fail = False

    def __init__(self, text: str, lang: str, timeout: float) -> None:
        self.text, self.lang = text, lang

    def write_to_fp(self, fp) -> None:  # type: ignore[no-untyped-def]
        from gtts import gTTSError

        if FakeGTTS.fail:
            raise gTTSError("Failed to connect. Probable cause: Unknown")
        fp.write(encode(chime(24000, 1.2), CODECS["mp3"]))


def test_gtts_online_and_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    import gtts

    from tts.gtts_engine import GttsEngine

    monkeypatch.setattr(gtts, "gTTS", FakeGTTS)
    engine = GttsEngine()
    khmer = next(v for v in engine.voices() if v.language == "khm")
    audio = engine.synthesize("សួស្តី", khmer)
    assert 1.0 < audio.duration_s < 1.5
    FakeGTTS.fail = True
    try:
        with pytest.raises(VoiceUnavailable, match="unreachable"):
            engine.synthesize("សួស្តី", khmer)
        registry = Registry()
        registry.add(engine)
        registry.add(EspeakEngine())
        _audio, voice = registry.synthesize("Xin chào bà con", "vi")
        assert voice.engine == "espeak"  # offline: the next voice speaks, gTTS is skipped
    finally:
        FakeGTTS.fail = False


def _tiny_piper_voice(folder: Path) -> Path:
    """A real ONNX model (built node by node, no torch) with a Piper config, run by onnxruntime.

    The graph takes Piper's inputs (phoneme ids, their length, the three scales) and sings: each
    phoneme is 64 samples of a sine whose pitch its embedding sets, scaled by the length scale.
    """
    onnx = pytest.importorskip("onnx")
    pytest.importorskip("piper")
    from onnx import TensorProto, helper, numpy_helper

    embed = np.random.default_rng(7).uniform(-1, 1, (256, 64)).astype(np.float32)

    def const(name: str, value: object, dtype: type) -> object:
        return numpy_helper.from_array(np.asarray(value, dtype=dtype), name)

    nodes = [
        helper.make_node("Gather", ["embed", "input"], ["pitch3"]),  # [1, N, 64]
        helper.make_node("Reshape", ["pitch3", "flat_shape"], ["pitch"]),  # [1, N*64]
        helper.make_node("Tanh", ["pitch"], ["bent"]),
        helper.make_node("Mul", ["bent", "hundredth"], ["small"]),
        helper.make_node("Add", ["small", "base_step"], ["step"]),
        helper.make_node("CumSum", ["step", "axis1"], ["phase"]),
        helper.make_node("Gather", ["scales", "one"], ["length_scale"]),
        helper.make_node("Mul", ["phase", "length_scale"], ["scaled"]),
        helper.make_node("Sin", ["scaled"], ["wave"]),
        helper.make_node("Gather", ["input_lengths", "zero"], ["length"]),
        helper.make_node("Greater", ["length", "zero"], ["spoken"]),
        helper.make_node("Cast", ["spoken"], ["gate"], to=TensorProto.FLOAT),
        helper.make_node("Mul", ["wave", "gate"], ["gated"]),
        helper.make_node("Unsqueeze", ["gated", "axes1"], ["output"]),  # [1, 1, time]
    ]
    graph = helper.make_graph(
        nodes,
        "tiny-piper",
        [
            helper.make_tensor_value_info("input", TensorProto.INT64, [1, "phonemes"]),
            helper.make_tensor_value_info("input_lengths", TensorProto.INT64, [1]),
            helper.make_tensor_value_info("scales", TensorProto.FLOAT, [3]),
        ],
        [helper.make_tensor_value_info("output", TensorProto.FLOAT, [1, 1, "time"])],
        [
            numpy_helper.from_array(embed, "embed"),
            const("flat_shape", [1, -1], np.int64),
            const("hundredth", 0.01, np.float32),
            const("base_step", 0.05, np.float32),
            const("axis1", 1, np.int64),
            const("one", 1, np.int64),
            const("zero", 0, np.int64),
            const("axes1", [1], np.int64),
        ],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    model_path = folder / "vi" / "tiny.onnx"
    model_path.parent.mkdir(parents=True)
    onnx.save(model, str(model_path))
    symbols = (
        ["_", "^", "$", " "]
        + [chr(c) for c in range(0x21, 0x7F)]
        + [chr(c) for c in range(0xC0, 0x2FF)]
        + [chr(c) for c in range(0x300, 0x370)]
    )
    config = {
        "num_symbols": 256,
        "num_speakers": 1,
        "audio": {"sample_rate": 16000},
        "espeak": {"voice": "vi"},
        "phoneme_type": "espeak",
        "phoneme_id_map": {s: [i % 256] for i, s in enumerate(symbols)},
    }
    model_path.with_suffix(".onnx.json").write_text(json.dumps(config))
    return model_path


def test_piper_voice_from_a_local_file(tmp_path: Path) -> None:
    model = _tiny_piper_voice(tmp_path)
    engine = PiperEngine(tmp_path)
    assert [v.voice_id for v in engine.voices()] == [str(model)]
    audio = engine.synthesize("Xin chào bà con", engine.voices()[0])
    assert audio.rate == 16000 and audio.duration_s > 0.1 and float(np.max(np.abs(audio.samples))) > 0.1
    registry = default_registry(voices_folder=tmp_path)
    assert registry.voices_for("vi")[0].engine == "piper"


def test_mms_vits_voice_from_a_local_folder(tmp_path: Path) -> None:
    pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    letters = sorted(set("abcdeghiklmnopqrstuvxyđêôơưăâáàảãạéèẻẽẹíìỉĩịóòỏõọúùủũụ '"))
    vocab = tmp_path / "vocab.json"
    vocab.write_text(json.dumps({c: i for i, c in enumerate(["<pad>", *letters])}, ensure_ascii=False))
    tokenizer = transformers.VitsTokenizer(str(vocab), language=None, add_blank=True, normalize=False, phonemize=False)
    config = transformers.VitsConfig(
        vocab_size=len(letters) + 1,
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        ffn_dim=16,
        flow_size=16,
        spectrogram_bins=33,
        upsample_initial_channel=16,
        upsample_rates=[4, 4],
        upsample_kernel_sizes=[8, 8],
        resblock_kernel_sizes=[3],
        resblock_dilation_sizes=[[1, 3]],
        prior_encoder_num_flows=1,
        posterior_encoder_num_wavenet_layers=1,
        duration_predictor_num_flows=1,
        depth_separable_num_layers=1,
        sampling_rate=16000,
    )
    folder = tmp_path / "voices" / "rad" / "tiny-mms"
    transformers.VitsModel(config).save_pretrained(str(folder))
    tokenizer.save_pretrained(str(folder))
    registry = default_registry(voices_folder=tmp_path / "voices")
    audio, voice = registry.synthesize("klei mblang", "rad")
    assert voice.engine == "mms" and audio.rate == 16000 and audio.duration_s > 0
    assert MmsEngine(tmp_path / "voices").voices()[0].language == "rad"


def test_recording_is_a_first_class_track() -> None:
    tone = Audio((0.3 * np.sin(np.arange(48000) * 2 * np.pi * 220 / 24000)).astype(np.float32), 24000)
    for codec in ("mp3", "opus"):
        audio = load_recording(encode(tone, CODECS[codec]))
        assert 1.9 < audio.duration_s < 2.2


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"", "empty"),
        (b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 80, "not a playable"),
        (b"\x1aE\xdf\xa3" + b"\x00" * 100, "not a playable"),
    ],
)
def test_corrupt_recordings_are_rejected(data: bytes, why: str) -> None:
    with pytest.raises(RecordingError, match=why):
        load_recording(data)


def test_silent_and_short_recordings_are_rejected() -> None:
    with pytest.raises(RecordingError, match="silent"):
        load_recording(encode(Audio.silence(3, 24000), CODECS["mp3"]))
    with pytest.raises(RecordingError, match="at least"):
        load_recording(encode(chime(24000, 0.4), CODECS["mp3"]))


def test_voice_dataclass_is_hashable() -> None:
    assert len({Voice("espeak", "vi", "vi"), Voice("espeak", "vi", "vi")}) == 1
