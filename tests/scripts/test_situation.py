"""A Công điện's situation (issue 19): where the storm is, how strong, when it arrives, said before the tasks."""

from __future__ import annotations

from scripts.draft import draft
from scripts.legal import parse
from scripts.listener import passes
from scripts.situation import situation_sentences

STORM = """THỦ TƯỚNG CHÍNH PHỦ

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 77/CĐ-TTg

Hà Nội, ngày 14 tháng 10 năm 2026

CÔNG ĐIỆN
VỀ VIỆC TẬP TRUNG ỨNG PHÓ KHẨN CẤP VỚI BÃO SỐ 9

THỦ TƯỚNG CHÍNH PHỦ điện:
- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Quảng Trị, Huế, Đà Nẵng, Quảng Ngãi;
- Các Bộ: Quốc phòng, Công an, Nông nghiệp và Môi trường.

Theo Trung tâm Dự báo khí tượng thủy văn quốc gia, hồi 07 giờ ngày 14 tháng 10, vị trí tâm bão số 9 ở trên vùng biển \
phía Đông Bắc của khu vực Bắc Biển Đông, sức gió mạnh nhất vùng gần tâm bão mạnh cấp 13, giật cấp 16. Dự báo từ chiều \
tối ngày 15 tháng 10, bão đi vào đất liền các tỉnh từ Quảng Trị đến Quảng Ngãi, gây mưa rất to từ 200 đến 400 mm.

Để chủ động ứng phó khẩn cấp với bão số 9, bảo đảm an toàn tính mạng, tài sản của Nhân dân, Thủ tướng Chính phủ yêu cầu:

1. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố nêu trên:
a) Tổ chức kêu gọi, hướng dẫn tàu thuyền đang hoạt động trên biển di chuyển vào nơi tránh trú an toàn; cấm tàu thuyền ra \
khơi từ 12 giờ ngày 14 tháng 10.
b) Sơ tán người dân ở nhà không an toàn, vùng trũng thấp, ven sông, ven biển đến nơi an toàn trước 17 giờ ngày 15 tháng 10.
2. Văn phòng Chính phủ theo dõi, đôn đốc theo chức năng, nhiệm vụ được giao./.

Nơi nhận:
- Như trên;
- Lưu: VT.

THỦ TƯỚNG
Nguyễn Văn A
""".replace("\\\n", "")


def test_the_storm_s_position_strength_and_landfall_are_said_before_the_tasks_without_the_forecaster_s_name() -> None:
    script = draft(parse(STORM))
    said = [s.text for s in script.sentences]
    where = next(i for i, s in enumerate(said) if "tâm bão số 9 đang ở trên vùng biển phía Đông Bắc" in s)
    assert said[where].startswith("Hồi 07 giờ ngày 14 tháng 10,"), said[where]
    assert "Sức gió mạnh nhất vùng gần tâm bão là cấp 13, giật cấp 16." in said
    landfall = next(s for s in said if "đi vào đất liền" in s)
    assert landfall.startswith("Theo dự báo, từ chiều tối ngày 15 tháng 10, bão sẽ đi vào đất liền"), landfall
    assert "từ 200 đến 400 mm" in landfall
    evacuation = next(i for i, s in enumerate(said) if s.startswith("Người dân ở nhà không an toàn") and "được sơ tán" in s)
    assert where < evacuation, "what is happening comes before what to do"
    assert not any("Trung tâm Dự báo" in s or s.startswith("Để chủ động") or "Các Bộ" in s for s in said), said
    assert all(passes(s) for s in said)


def test_an_opening_without_a_hazard_and_a_figure_is_context_and_is_not_said() -> None:
    calm = STORM.replace(
        STORM[STORM.index("Theo Trung tâm") : STORM.index("Để chủ động")],
        "Thời gian qua, các địa phương đã làm tốt công tác phòng chống thiên tai.\n\n",
    )
    doc = parse(calm)
    assert situation_sentences(doc.doc_type, doc.preamble) == []
    assert not any("Thời gian qua" in s.text for s in draft(doc).sentences)


def test_a_short_last_part_of_a_forecast_closes_the_sentence_before_it_and_sẽ_never_follows_a_negation() -> None:
    from scripts.situation import _phrased, _said

    said = _said(
        _phrased(
            "Hồi 07 giờ ngày 14 tháng 10, vị trí tâm bão số 9 ở trên vùng biển phía Đông Bắc của khu vực Bắc Biển Đông, "
            "sức gió mạnh nhất vùng gần tâm bão mạnh cấp 13, giật cấp 16, sóng biển cao 8 m."
        )
    )
    assert said[-1] == "Sức gió mạnh nhất vùng gần tâm bão là cấp 13, giật cấp 16, sóng biển cao 8 m.", said
    turned = _phrased("Dự báo trong 24 giờ tới, bão không đi vào đất liền mà di chuyển ra biển.")
    assert "không sẽ" not in turned and "không đi vào đất liền" in turned, turned


def test_a_cong_dien_copied_without_blank_lines_still_says_its_situation_and_the_communes_call() -> None:
    """A copy with no blank line after the title ran the title on to the end of the header: the storm's position
    and strength were never read. "Kêu gọi, hướng dẫn tàu thuyền … vào nơi tránh trú trước 17 giờ" under the
    communes' chairmen was no actor's act, and was dropped: the fishermen's deadline."""
    text = (
        "ỦY BAN NHÂN DÂN TỈNH AN BÌNH\nSố: 05/CĐ-UBND\nAn Bình, ngày 12 tháng 9 năm 2026\nCÔNG ĐIỆN\n"
        "Về việc tập trung ứng phó khẩn cấp với bão số 5\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:\n"
        "- Chủ tịch Ủy ban nhân dân các xã, phường;\n"
        "Theo tin của Trung tâm Dự báo khí tượng thủy văn quốc gia, hồi 07 giờ ngày 12 tháng 9, vị trí tâm bão ở khoảng "
        "17,5 độ Vĩ Bắc; sức gió mạnh nhất vùng gần tâm bão mạnh cấp 12, giật cấp 15.\n"
        "Để chủ động ứng phó với bão, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:\n"
        "1. Chủ tịch Ủy ban nhân dân các xã, phường ven biển:\n"
        "a) Kêu gọi, hướng dẫn tàu thuyền đang hoạt động trên biển khẩn trương vào nơi tránh trú an toàn trước 17 giờ ngày 12 tháng 9;\n"
        "b) Cấm người dân ra đường khi bão đổ bộ.\n"
    )
    said = " ".join(s.text for s in draft(parse(text)).sentences)
    assert "sức gió mạnh nhất vùng gần tâm bão là cấp 12, giật cấp 15" in said, said
    assert "kêu gọi, hướng dẫn tàu thuyền đang hoạt động trên biển khẩn trương vào nơi tránh trú an toàn trước 17 giờ" in said


def test_a_cong_dien_opens_as_an_urgent_notice_not_as_a_legal_bulletin() -> None:
    """A storm dispatch opened "sau đây là bản tin phổ biến, giáo dục pháp luật", as a new decree on fees would."""
    said = [s.text for s in draft(parse(STORM)).sentences]
    assert said[0] == "Kính thưa bà con, xin thông báo khẩn.", said[:2]
