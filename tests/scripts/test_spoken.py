from __future__ import annotations

from pathlib import Path

import pytest

from scripts.errors import SpokenFormError
from scripts.numwords import read_int, roman_to_int
from scripts.spoken import check_spoken, normalize, unspeakable
from tests.conftest import CORPUS, spoken_canon


def load_cases() -> list[tuple[str, list[str]]]:
    cases = []
    for line in (CORPUS / "normalization-dev.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        written, spoken = line.split("\t")
        cases.append((written, spoken.split(" | ")))
    return cases


CASES = load_cases()


def test_corpus_has_cases() -> None:
    assert len(CASES) >= 50


@pytest.mark.parametrize(("written", "alternatives"), CASES, ids=[c[0][:40] for c in CASES])
def test_dev_normalization_cases(written: str, alternatives: list[str]) -> None:
    assert spoken_canon(normalize(written)) in {spoken_canon(a) for a in alternatives}


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (0, "không"),
        (10, "mười"),
        (15, "mười lăm"),
        (21, "hai mươi mốt"),
        (105, "một trăm linh năm"),
        (2010, "hai nghìn không trăm mười"),
        (1_000_050, "một triệu không trăm năm mươi"),
        (3_000_000_000, "ba tỷ"),
        (1_200_000_005, "một tỷ hai trăm triệu không trăm linh năm"),
    ],
)
def test_read_int(number: int, words: str) -> None:
    assert read_int(number) == words


def test_southern_dialect() -> None:
    assert normalize("105 hộ, 2.000 người", "south") == "một trăm lẻ năm hộ, hai ngàn người"


def test_unknown_dialect_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown dialect"):
        normalize("1", "central-highlands")


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("Thông tư số 02/2026/TT-BTC", "Thông tư số hai năm hai nghìn không trăm hai mươi sáu của Bộ Tài chính"),
        (
            "Nghị quyết số 89/2025/UBTVQH15",
            "Nghị quyết số tám mươi chín năm hai nghìn không trăm hai mươi lăm của Ủy ban Thường vụ Quốc hội khóa mười lăm",
        ),
        ("Chỉ thị số 06/CT-UBND", "Chỉ thị số sáu của Ủy ban nhân dân"),
        ("gọi 0912.345.678", "gọi không chín một hai ba bốn năm sáu bảy tám"),
        ("lúc 17:30", "lúc mười bảy giờ ba mươi phút"),
        ("Chương IV", "Chương bốn"),
        ("thứ 4", "thứ tư"),
        ("XYZ", "ích i dài dét"),
        ("500.000đ", "năm trăm nghìn đồng"),
        ("từ 3-5 ngày", "từ ba đến năm ngày"),
        ("ngày 30-4-1975", "ngày ba mươi tháng tư năm một nghìn chín trăm bảy mươi lăm"),
    ],
)
def test_more_conventions(written: str, spoken: str) -> None:
    assert spoken_canon(normalize(written)) == spoken_canon(spoken)


def test_words_in_capitals_are_not_spelled() -> None:
    assert normalize("TRÊN ĐỊA BÀN TỈNH") == "TRÊN ĐỊA BÀN TỈNH"


def test_roman_numerals_are_validated() -> None:
    assert roman_to_int("XIV") == 14
    with pytest.raises(ValueError):
        roman_to_int("IIII")


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        # a slash after money or a unit is "per", after a measure over a measure it is "over"
        ("phí 3 lần/năm", "phí ba lần mỗi năm"),
        ("Mẫu giáo (3 buổi tiếng Anh/tuần)", "Mẫu giáo, ba buổi tiếng Anh mỗi tuần"),  # a period after any word: per
        ("thu theo học sinh/tháng", "thu theo học sinh mỗi tháng"),
        ("ghi ngày/tháng/năm sinh", "ghi ngày, tháng, năm sinh"),  # periods on both sides: a list, not "per"
        ("Đơn vị tính: đồng/người/tháng", "Đơn vị tính: đồng mỗi người mỗi tháng"),
        ("xả 10 m3/ngày đêm", "xả mười mét khối mỗi ngày đêm"),
        ("nồng độ 5 mg/m3", "nồng độ năm mi li gam trên mét khối"),
        ("thôn/tổ dân phố", "thôn, tổ dân phố"),
        ("cá nhân và/hoặc tổ chức", "cá nhân hoặc tổ chức"),
        # numbers over numbers: dates only where written as dates, else fractions or ratios
        ("từ 01/7 đến 31/12", "từ mồng một tháng bảy đến ba mươi mốt tháng mười hai"),
        ("1/2 số hộ", "một phần hai số hộ"),
        ("tỷ lệ 30/100 hộ", "tỷ lệ ba mươi trên một trăm hộ"),
        # Roman numerals only after a category word, and letters that are licence classes stay letters
        ("vùng II", "vùng hai"),
        ("giấy phép lái xe hạng C", "giấy phép lái xe hạng xê"),
        ("cúm A H5N1", "cúm a hát năm en một"),
        ("TCVN 5945:2005", "tiêu chuẩn Việt Nam năm nghìn chín trăm bốn mươi lăm năm hai nghìn không trăm linh năm"),
        ("Nghị định 15 /2020/NĐ-CP", "Nghị định mười lăm năm hai nghìn không trăm hai mươi của Chính phủ"),
        ("Quyết định số 12/qđ-ubnd", "Quyết định số mười hai của Ủy ban nhân dân"),
        ("tốc độ ≤ 40 km/h", "tốc độ không quá bốn mươi ki lô mét trên giờ"),
        ("5.000 đồng (năm nghìn đồng chẵn)", "năm nghìn đồng"),
        ("mức **mới** (xem dưới)", "mức mới, xem dưới"),
    ],
)
def test_general_conventions(written: str, spoken: str) -> None:
    assert spoken_canon(normalize(written)) == spoken_canon(spoken)


def test_a_parenthesis_that_says_something_else_is_kept() -> None:
    assert "tăng" in normalize("120.000 đồng (tăng thêm)")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Mức hỗ trợ 500.000 đồng", "chữ số"),
        ("đồng/người", "gạch chéo"),
        ("tăng 8%", "phần trăm"),
        ("xem (dưới)", "ngoặc"),
        ("mức **mới**", "định dạng"),
        ("liên hệ PTXD ngay", "viết tắt"),
        ("hộp thư a@b.vn", "ký hiệu"),
    ],
)
def test_final_check_names_what_a_speaker_cannot_say(text: str, reason: str) -> None:
    problems = unspeakable(text)
    assert problems and any(reason in p for p in problems)


def test_final_check_passes_normalized_corpus_and_words_in_capitals() -> None:
    assert unspeakable("TRÊN ĐỊA BÀN TỈNH QUẢNG TRỊ, Ủy ban nhân dân xã") == []
    leftovers = {w: unspeakable(normalize(w)) for w, _ in CASES}
    assert {w: p for w, p in leftovers.items() if p} == {}


def test_check_spoken_names_the_sentence() -> None:
    with pytest.raises(SpokenFormError, match="câu 2") as caught:
        check_spoken(["Kính thưa bà con.", "Gửi thư tới a@b.vn."])
    assert caught.value.sentence == 2


def test_render_refuses_unsayable_text(tmp_path: Path) -> None:
    from broadcaster.app.rendering import render
    from broadcaster.app.workflow import WorkflowError
    from broadcaster.store.engine import open_store
    from broadcaster.store.models import Bulletin, ScriptVersion
    from media.store import MediaStore
    from tts.registry import default_registry

    store = open_store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    with store.session() as session:
        session.add(Bulletin(id=1, title="Bản tin"))
    sentences = ["Kính thưa bà con.", "Lương hưu tăng 8%.", "Mọi thắc mắc gửi về hộp thư lienhe@xa.gov.vn."]
    script = ScriptVersion(
        bulletin_id=1,
        language="vi",
        version=1,
        text=" ".join(sentences),
        sha256="0" * 64,
        author="t",
        sentences=[{"text": s, "source": None} for s in sentences],
    )
    registry = default_registry(tmp_path / "cache")
    with store.session() as session, pytest.raises(WorkflowError, match="câu 3.*«@»"):
        render(session, script, registry, MediaStore(tmp_path / "media"), "Bản tin", "1/2026/NQ-HĐND")
    assert registry.cache is not None and registry.cache.misses == 0, "nothing was synthesized"
    assert not list((tmp_path / "media").glob("**/*.mp3"))


def test_every_drafted_and_exemplar_sentence_passes_the_final_check() -> None:
    """The gate blocks leftovers, not bulletins: real drafts and the editor's exemplars pass it."""
    import json

    from scripts.draft import draft
    from scripts.legal import parse

    sentences = [
        s.text for p in sorted((CORPUS / "dev").glob("*.txt")) for s in draft(parse(p.read_text(encoding="utf-8"))).sentences
    ]
    for path in sorted((CORPUS / "exemplars").glob("*.json")):
        payload = json.loads(path.read_text(encoding="utf-8"))
        sentences += [s["text"] for s in payload.get("script", payload)["sentences"]]
    assert len(sentences) > 150
    assert {s: unspeakable(normalize(s)) for s in sentences if unspeakable(normalize(s))} == {}


def test_licence_classes_are_each_spelled_the_same_way() -> None:
    said = normalize("được cấp giấy phép lái xe hạng A1, A, B1, B, C1; Hạng C, BE hoặc D1E")
    assert said == "được cấp giấy phép lái xe hạng a một, a, bê một, bê, xê một; Hạng xê, bê e hoặc dê một e"


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        # the issuance sentence keeps its capital when its first token is read out
        (
            "Ngày 05 tháng 3 năm 2027, Ủy ban nhân dân xã thông báo.",
            "Ngày mồng năm tháng ba năm hai nghìn không trăm hai mươi bảy",
        ),
        ("Nhà kho từ 50 m2trở lên phải có bình chữa cháy.", "năm mươi mét vuông trở lên"),  # unit glued to a word
        ("Mỗi suất quà gồm 5kg gạo.", "năm ki-lô-gam gạo"),
        ("2.Việc đăng ký được làm tại xã.", "Việc đăng ký được làm tại xã."),  # list number glued on
        ("[4] Riêng hộ nghèo được miễn phí.", "Riêng hộ nghèo được miễn phí."),  # footnote mark
        ("Mức hỗ trợ là 20 USD/người.", "hai mươi đô la Mỹ mỗi người"),
        ("Giá được tính bằng đô la Mỹ (USD).", "Giá được tính bằng đô la Mỹ."),  # acronym already said
        ("Vùng hạn chế xe (LEZ) bắt đầu từ năm sau.", "Vùng hạn chế xe bắt đầu từ năm sau."),
        ("Thực hiện Nghị quyết số 18-NQ/TW.", "Nghị quyết số mười tám của Trung ương"),  # party symbol
        ("Bồi dưỡng 0,5 lần mức lương cơ sở/người/ngày.", "không phẩy năm lần mức lương cơ sở mỗi người mỗi ngày"),
        ("Làm dưới 4 giờ được tính 1/2 ngày công.", "nửa ngày công"),
        ("Gọi số 0987.654.321 khi có cháy.", "không chín tám bảy sáu năm bốn ba hai một"),  # dotted phone
        ("Liên hệ 0203.3812.456.", "không hai không ba ba tám một hai bốn năm sáu"),
        ("Thời hạn là 03 năm Trường hợp gia hạn thì nộp đơn.", "ba năm. Trường hợp gia hạn"),  # lost sentence break
        ("Mỗi hộ được 300.000 đồng/hộ/lần c.", "ba trăm nghìn đồng mỗi hộ mỗi lần."),  # stray list letter
    ],
)
def test_spoken_form_of_what_the_editor_heard_wrong(written: str, spoken: str) -> None:
    out = normalize(written)
    assert spoken in out, out
    assert not unspeakable(out), unspeakable(out)


def test_one_letter_words_and_decimal_thousands_are_left_alone() -> None:
    assert normalize("Trạm thú y.") == "Trạm thú y."
    assert normalize("Phạt 1.500.000 đồng.") == "Phạt một triệu năm trăm nghìn đồng."
    assert "một phần ba" in normalize("Giảm 1/3 số tiền.")


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("Bể chứa phải cách nhà ở ít nhất 15 m.", "mười lăm mét."),  # a unit letter ends the sentence
        ("Lệ phí là 25 (USD) mỗi lượt.", "hai mươi lăm đô la Mỹ mỗi lượt"),  # a currency in brackets is the unit
        ("Phí bến bãi 40.000 (đồng) mỗi xe.", "bốn mươi nghìn đồng mỗi xe"),
    ],
)
def test_a_unit_after_a_number_is_said_never_taken_for_a_stray_mark(written: str, spoken: str) -> None:
    out = normalize(written)
    assert spoken in out, out


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        (
            "Thực hiện Quyết định số 7/2024/QĐ-UBND của Ủy ban nhân dân tỉnh Yên Bái.",
            "Quyết định số bảy năm hai nghìn không trăm hai mươi tư của Ủy ban nhân dân tỉnh Yên Bái",
        ),
        (
            "Theo Chỉ thị số 31-CT/TW ngày 05/02/2024 của Ban Bí thư.",
            "Chỉ thị số ba mươi mốt ngày mồng năm tháng hai năm hai nghìn không trăm hai mươi tư của Ban Bí thư",
        ),
        ("Thông tư số 9/2023/TT-BYT do Bộ Y tế ban hành.", "Thông tư số chín năm hai nghìn không trăm hai mươi ba do Bộ Y tế"),
    ],
)
def test_the_issuer_is_said_once_when_the_sentence_names_it(written: str, spoken: str) -> None:
    assert spoken in normalize(written), normalize(written)
