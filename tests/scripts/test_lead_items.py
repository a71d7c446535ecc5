"""A list item said with the holder and verb its lead line gives (scripts/lead_items.py); made-up texts."""

from scripts.lead_items import lead_items, read
from tests.scripts.made_up import units

SUBJECT = "Ban hành Quy định về trật tự nông thôn trên địa bàn tỉnh An Bình"


def test_a_holders_duties_are_said_with_the_holder_and_the_items_own_verb() -> None:
    said = units(
        SUBJECT,
        """Điều 2. Trách nhiệm của chủ hộ chăn nuôi
1. Chủ hộ chăn nuôi trên địa bàn xã có trách nhiệm sau đây:
a) Tiêm phòng đầy đủ cho đàn gia súc, gia cầm theo lịch của thú y xã và giữ sổ tiêm phòng tại nhà;
b) Khai báo ngay với trưởng thôn khi gia súc, gia cầm ốm chết hàng loạt trong khu chuồng trại của gia đình.
2. Người đăng ký nuôi chó có quyền sau đây:
a) Được cấp thẻ đeo cho chó tại Ủy ban nhân dân cấp xã nơi cư trú mà không phải nộp bất kỳ khoản phí nào;
b) Khiếu nại quyết định xử lý chó thả rông của Ủy ban nhân dân cấp xã theo quy định của pháp luật về khiếu nại.
""",
    )
    assert (
        "Chủ hộ chăn nuôi trên địa bàn xã có trách nhiệm tiêm phòng đầy đủ cho đàn gia súc, gia cầm theo lịch của thú y"
        " xã và giữ sổ tiêm phòng tại nhà." in said
    )
    assert any(s.startswith("Chủ hộ chăn nuôi trên địa bàn xã có trách nhiệm khai báo ngay với trưởng thôn") for s in said)
    assert any(s.startswith("Người đăng ký nuôi chó được cấp thẻ đeo cho chó tại Ủy ban nhân dân cấp xã") for s in said)
    assert any(s.startswith("Người đăng ký nuôi chó có quyền khiếu nại quyết định xử lý chó thả rông") for s in said)


def test_the_clauses_of_a_ban_article_are_each_said_as_bans() -> None:
    said = units(
        SUBJECT,
        """Điều 3. Các hành vi bị nghiêm cấm
1. Đốt rơm rạ, phụ phẩm nông nghiệp trên đồng ruộng sát khu dân cư và các tuyến đường liên thôn khi trời có gió lớn; thả rông trâu, bò, dê trên các tuyến đường giao thông liên xã, liên thôn vào ban đêm.
2. Hành vi khác gây mất trật tự nông thôn.
""",
    )
    assert (
        "Nghiêm cấm đốt rơm rạ, phụ phẩm nông nghiệp trên đồng ruộng sát khu dân cư và các tuyến đường liên thôn khi"
        " trời có gió lớn." in said
    )
    assert "Nghiêm cấm thả rông trâu, bò, dê trên các tuyến đường giao thông liên xã, liên thôn vào ban đêm." in said
    assert not any("khác gây mất trật tự" in s for s in said)


def test_a_listed_place_or_thing_stands_where_the_leads_noun_stood() -> None:
    said = units(
        SUBJECT,
        """Điều 4. Nơi không được họp chợ
1. Người buôn bán nhỏ lẻ không được bày bán hàng hóa tại các vị trí sau đây:
a) Trên lòng đường, vỉa hè của các tuyến đường tỉnh đi qua trung tâm xã và khu vực cổng trường học;
b) Hành lang an toàn của đường sắt và các cầu treo dân sinh trên địa bàn xã trong những ngày mưa bão.
2. Người cao tuổi từ đủ 75 tuổi trở lên sống một mình được hưởng các chế độ sau đây:
a) Trợ cấp xã hội hằng tháng: 600.000 đồng/tháng;
b) Thẻ bảo hiểm y tế do ngân sách tỉnh đóng toàn bộ.
""",
    )
    assert (
        "Người buôn bán nhỏ lẻ không được bày bán hàng hóa trên lòng đường, vỉa hè của các tuyến đường tỉnh đi qua"
        " trung tâm xã và khu vực cổng trường học." in said
    )
    assert any(s.startswith("Người buôn bán nhỏ lẻ không được bày bán hàng hóa tại") and "hành lang an toàn" in s for s in said)
    assert any(s.startswith("Người cao tuổi từ đủ 75 tuổi trở lên sống một mình được hưởng") and "600.000" in s for s in said)
    assert any(s.startswith("Người cao tuổi từ đủ 75 tuổi trở lên sống một mình được hưởng thẻ bảo hiểm y tế") for s in said)


def test_members_of_a_covered_group_are_said_as_its_subjects() -> None:
    assert lead_items("Đối tượng được hỗ trợ tiền điện gồm:", "a) Hộ nghèo theo chuẩn nghèo của tỉnh;") == [
        "Hộ nghèo theo chuẩn nghèo của tỉnh được hỗ trợ tiền điện."
    ]
    assert lead_items("Các trường hợp được miễn lệ phí đăng ký cư trú:", "b) Người khuyết tật đặc biệt nặng;") == [
        "Người khuyết tật đặc biệt nặng được miễn lệ phí đăng ký cư trú."
    ]
    assert lead_items("Đối tượng được hỗ trợ tiền điện gồm:", "c) Cơ quan, đơn vị sự nghiệp công lập;") is None  # no people
    assert lead_items("Đối tượng miễn học phí:", "a) Trẻ em mầm non 5 tuổi ở thôn đặc biệt khó khăn;") == [
        "Trẻ em mầm non 5 tuổi ở thôn đặc biệt khó khăn được miễn học phí."
    ]  # "Đối tượng miễn …" names those exempted
    assert lead_items("Đối tượng áp dụng:", "a) Hộ nghèo;") is None  # a scope, not a giving


def test_a_benefit_listed_after_its_holder_is_said_as_received() -> None:
    assert lead_items(
        "Người có công với cách mạng được hưởng chế độ như sau:", "a) Trợ cấp một lần bằng 02 tháng lương cơ sở;"
    ) == ["Người có công với cách mạng được hưởng trợ cấp một lần bằng 02 tháng lương cơ sở."]


def test_a_duty_lead_turns_phai_khong_into_khong_duoc() -> None:
    said = lead_items("Người lái đò phải thực hiện các quy định sau đây:", "b) Không chở quá số người cho phép;")
    assert said == ["Người lái đò không được chở quá số người cho phép."]


def test_items_that_are_not_acts_of_the_lead_are_refused() -> None:
    duties = "Người thuê đất có nghĩa vụ sau đây:"
    assert lead_items(duties, "a) Người cho thuê đất phải bàn giao đất đúng hạn;") is None  # its own subject
    assert lead_items(duties, "b) Thực hiện quy định tại khoản 1 Điều này;") is None  # points elsewhere
    assert lead_items(duties, "c) Nộp tiền thuê đất; nội dung và thời hạn ghi trong hợp đồng;") is None  # one act's objects
    assert lead_items("Người được hỗ trợ không được thực hiện các hành vi sau:", "a) Không khai báo;") is None
    assert read("Việc vận chuyển hành khách phải tuân thủ các quy định sau đây:") is None  # an activity, no holder
    assert read("Mức hỗ trợ như sau:") is None  # rows of amounts are scripts.lead_rows'


def test_an_item_whose_opening_words_cleaning_would_cut_is_not_said() -> None:
    assert (
        lead_items("Người phát hiện cháy rừng có trách nhiệm sau đây:", "a) Báo tin ngay cho cơ quan Công an, trạm y tế xã;")
        is None
    )


def test_givings_under_a_policy_title_or_to_listed_groups_are_said_as_received() -> None:
    said = units(
        SUBJECT,
        """Điều 5. Chính sách hỗ trợ người cao tuổi
1. Chính sách hỗ trợ:
a) Hỗ trợ 500.000 đồng/người/tháng cho người cao tuổi cô đơn không nơi nương tựa;
b) Miễn tiền sử dụng đất đối với hộ nghèo được giao đất ở lần đầu.
2. Hỗ trợ kinh phí mua thẻ bảo hiểm y tế cho các đối tượng sau:
a) Người cao tuổi từ đủ 70 tuổi đến dưới 75 tuổi;
b) Người khuyết tật nhẹ.
""",
    )
    assert "Người cao tuổi cô đơn không nơi nương tựa được hỗ trợ 500.000 đồng/người/tháng." in said
    assert "Hộ nghèo được giao đất ở lần đầu được miễn tiền sử dụng đất." in said
    assert "Người cao tuổi từ đủ 70 tuổi đến dưới 75 tuổi được hỗ trợ mua thẻ bảo hiểm y tế." in said
    assert "Người khuyết tật nhẹ được hỗ trợ mua thẻ bảo hiểm y tế." in said
    assert not any(s.startswith("Chính sách hỗ trợ") for s in said)  # the title is no holder
    assert read("Nội dung chi:") is None  # an office's spending


def test_a_condition_named_by_a_noun_is_not_said_as_a_duty() -> None:
    lead = "Người học lái xe phải đáp ứng các điều kiện sau đây:"
    assert lead_items(lead, "a) Sức khỏe phù hợp với hạng xe đăng ký học;") is None  # "phải sức khỏe …" says nothing
    assert lead_items(lead, "b) Có giấy khám sức khỏe do cơ sở y tế cấp;") == [
        "Người học lái xe phải có giấy khám sức khỏe do cơ sở y tế cấp."
    ]
    assert lead_items("Nghiêm cấm:", "Nghiêm cấm đốt pháo nổ trong khu dân cư.") == ["Nghiêm cấm đốt pháo nổ trong khu dân cư."]


def test_rates_that_depend_on_a_case_keep_the_leads_holder_whole() -> None:
    said = units(
        SUBJECT,
        """Điều 6. Hỗ trợ khắc phục thiên tai
1. Hỗ trợ một lần cho hộ gia đình có nhà ở bị thiệt hại do thiên tai, mức hỗ trợ như sau:
a) Nhà bị sập đổ hoàn toàn: 40.000.000 đồng/hộ;
b) Nhà bị hư hỏng nặng: 20.000.000 đồng/hộ.
2. Hộ nghèo được hỗ trợ tiền điện hằng tháng với mức như sau:
- Hộ có từ 1 đến 3 nhân khẩu: 50.000 đồng/hộ/tháng;
- Hộ có từ 4 nhân khẩu trở lên: 70.000 đồng/hộ/tháng.
""",
    )
    assert (
        "Trường hợp nhà bị sập đổ hoàn toàn, hộ gia đình có nhà ở bị thiệt hại do thiên tai được hỗ trợ một lần"
        " 40.000.000 đồng/hộ." in said
    )
    assert "Trường hợp hộ có từ 4 nhân khẩu trở lên, hộ nghèo được hỗ trợ tiền điện hằng tháng 70.000 đồng/hộ/tháng." in said


def test_a_part_that_qualifies_the_act_before_it_is_never_said_as_an_act_of_its_own() -> None:
    said = units(
        SUBJECT,
        """Điều 3. Các hành vi bị nghiêm cấm
1. Đốt rơm rạ, phụ phẩm nông nghiệp trên đồng ruộng sát khu dân cư; trừ trường hợp được Ủy ban nhân dân xã cho phép bằng văn bản.
Điều 4. Trách nhiệm của hộ gia đình
Hộ gia đình trên địa bàn xã phải thực hiện các quy định sau đây:
a) Nộp phí vệ sinh môi trường hằng tháng cho tổ thu gom của thôn; trừ hộ nghèo và hộ cận nghèo;
b) Đăng ký tạm trú cho người đến ở; chưa áp dụng với người dưới 14 tuổi.
""",
    )
    assert not any(s.startswith(("Nghiêm cấm trừ", "Hộ gia đình trên địa bàn xã phải trừ")) for s in said)
    assert not any("phải chưa áp dụng" in s for s in said)
    # the act is never said without the exception that follows it
    assert "Nghiêm cấm đốt rơm rạ, phụ phẩm nông nghiệp trên đồng ruộng sát khu dân cư." not in said
    assert not any(s.endswith("cho tổ thu gom của thôn.") for s in said)
    assert lead_items("Người dân có quyền sau:", "a) Được miễn phí vệ sinh; tối đa 3 tháng;") is None


def test_an_exception_inside_a_group_or_holder_is_closed_before_the_predicate() -> None:
    said = units(
        SUBJECT,
        """Điều 5. Hỗ trợ sửa nhà
1. Đối tượng được hỗ trợ sửa nhà gồm:
a) Hộ nghèo có nhà dột nát, trừ hộ đã có nhà kiên cố;
b) Hộ cận nghèo có người khuyết tật.
2. Hộ nhận hỗ trợ, trừ hộ được miễn đối ứng, có trách nhiệm sau đây:
a) Góp ngày công cùng tổ thợ của thôn trong thời gian sửa nhà.
""",
    )
    assert "Hộ nghèo có nhà dột nát, trừ hộ đã có nhà kiên cố, được hỗ trợ sửa nhà." in said
    assert any(s.startswith("Hộ nhận hỗ trợ, trừ hộ được miễn đối ứng, có trách nhiệm góp ngày công") for s in said)
    assert not any("nhà kiên cố được" in s or "đối ứng có trách nhiệm" in s for s in said)
    lead = "Người lao động của hợp tác xã, trừ người làm việc dưới một tháng, có nghĩa vụ sau đây:"
    assert lead_items(lead, "a) Tham gia bảo hiểm xã hội bắt buộc;") == [
        "Người lao động của hợp tác xã, trừ người làm việc dưới một tháng, có nghĩa vụ tham gia bảo hiểm xã hội bắt buộc."
    ]


def test_a_ban_or_a_negation_under_a_duty_lead_is_said_as_a_ban() -> None:
    duty = "Gia đình có tang phải thực hiện các quy định sau đây:"
    assert lead_items(duty, "a) Nghiêm cấm tổ chức đánh bạc trong đám tang;") == ["Nghiêm cấm tổ chức đánh bạc trong đám tang."]
    assert lead_items(duty, "b) Cấm rải tiền âm phủ trên đường;") == ["Cấm rải tiền âm phủ trên đường."]
    task = "Người tổ chức lễ tang có trách nhiệm sau đây:"
    assert lead_items(task, "c) Không được rải tiền âm phủ trên đường;") == [
        "Người tổ chức lễ tang không được rải tiền âm phủ trên đường."
    ]
    assert lead_items("Người trúng đấu giá có quyền sau đây:", "a) Không nộp tiền đặt trước;") is None


def test_a_long_duty_is_said_with_its_holder_or_not_at_all() -> None:
    """An act under a holder's lead, too long with the whole holder, used to be said alone: an order to everyone. Now
    the holder goes without the area the whole decision is for ("trên địa bàn …"), or the act is not said."""
    from scripts.units import with_lead

    register = (
        "Đăng ký với Ủy ban nhân dân cấp xã nơi cư trú trong thời hạn 10 ngày kể từ ngày bắt đầu nuôi và cập nhật khi có"
        " thay đổi."
    )
    duty = "Người nuôi chó, mèo trên địa bàn xã, phường có trách nhiệm thực hiện đầy đủ các quy định sau đây:"
    assert with_lead(duty, register) == [
        "Người nuôi chó, mèo có trách nhiệm đăng ký với Ủy ban nhân dân cấp xã nơi cư trú trong thời hạn 10 ngày kể từ"
        " ngày bắt đầu nuôi và cập nhật khi có thay đổi."
    ]
    report = (
        "Thông báo ngay cho trưởng thôn khi phát hiện đường ống bị rò rỉ, vỡ hoặc có dấu hiệu bị đấu nối trái phép vào hệ thống."
    )
    holder = "Hộ gia đình, cá nhân sử dụng nước sạch của công trình cấp nước tập trung nông thôn:"  # a holder, no verb
    assert with_lead(holder, report) == []  # with its holder too long to hear; alone, an order to everyone
    short = "Hộ gia đình sử dụng nước sạch trên địa bàn xã:"
    assert with_lead(short, report) == [
        "Hộ gia đình sử dụng nước sạch thông báo ngay cho trưởng thôn khi phát hiện đường ống bị rò rỉ, vỡ hoặc có dấu"
        " hiệu bị đấu nối trái phép vào hệ thống."
    ]


def test_a_ban_list_item_with_its_own_rule_or_an_exceptions_cases_is_not_said_as_banned() -> None:
    """Under "Các hành vi bị nghiêm cấm": "4. Người dưới 16 tuổi không được điều khiển xe gắn máy." was "Nghiêm cấm
    người dưới 16 tuổi không được điều khiển xe gắn máy." (a double negation), and "2. Sử dụng pháo nổ, trừ các
    trường hợp sau đây:" + "a) Sử dụng pháo hoa …" was said alone, "Sử dụng pháo hoa …", heard as an instruction."""
    body = (
        "Điều 3. Các hành vi bị nghiêm cấm\n1. Đốt rừng, phá rừng dưới mọi hình thức.\n"
        "2. Sản xuất, mua bán, vận chuyển, sử dụng pháo nổ, trừ các trường hợp sau đây:\n"
        "a) Sử dụng pháo hoa do cơ sở được cấp phép sản xuất trong các dịp lễ, Tết;\n"
        "b) Sử dụng pháo hiệu để báo hiệu khi gặp nạn trên biển.\n"
        "3. Người dưới 16 tuổi không được điều khiển xe gắn máy.\n"
    )
    said = units("Quy định về bảo đảm trật tự, an toàn xã hội", body)
    assert "Người dưới 16 tuổi không được điều khiển xe gắn máy." in said
    assert "Nghiêm cấm đốt rừng, phá rừng dưới mọi hình thức." in said
    assert not any("pháo hoa" in s or "pháo hiệu" in s or "cấm người" in s for s in said), said


def test_a_duty_item_with_its_own_modal_or_deadline_is_said_in_order() -> None:
    """ "Hộ gia đình, cá nhân có nghĩa vụ sau đây:" + "Không được chuyển nhượng đất …" was "… có nghĩa vụ không được
    chuyển nhượng …" (two verbs), and + "Chậm nhất 15 ngày …, thông báo …" was "… có nghĩa vụ chậm nhất 15 ngày …,
    thông báo …": the deadline put where the duty's verb goes."""
    body = (
        "Điều 3. Nghĩa vụ của người sử dụng đất\n3. Hộ gia đình, cá nhân có nghĩa vụ sau đây:\n"
        "a) Kê khai đúng diện tích đất đang sử dụng;\n"
        "b) Chậm nhất 15 ngày kể từ ngày có thay đổi, thông báo cho Ủy ban nhân dân cấp xã;\n"
        "c) Không được chuyển nhượng đất khi chưa nộp đủ tiền sử dụng đất, trừ trường hợp được ghi nợ.\n"
    )
    said = units("Quy định về thu tiền sử dụng đất", body)
    assert (
        "Chậm nhất 15 ngày kể từ ngày có thay đổi, hộ gia đình, cá nhân có nghĩa vụ thông báo cho Ủy ban nhân dân cấp xã." in said
    )
    assert (
        "Hộ gia đình, cá nhân không được chuyển nhượng đất khi chưa nộp đủ tiền sử dụng đất, trừ trường hợp được ghi nợ." in said
    )


def test_a_duty_or_right_lead_in_the_plural_is_said_as_one_duty_per_item() -> None:
    """ "Chủ nuôi chó có các nghĩa vụ sau đây:" + "a) Đăng ký …" was "Chủ nuôi chó có các nghĩa vụ đăng ký …": "các"
    counts duties, and one duty follows; said "có nghĩa vụ đăng ký …", as for the singular lead. And "… có những quyền
    sau:" lost only its colon: "… quyền sau được tiêm phòng …"; a bare "sau" after the noun announces the list too."""
    body = (
        "Điều 2. Quyền và nghĩa vụ của chủ nuôi\n1. Chủ nuôi chó có các nghĩa vụ sau đây:\n"
        "a) Đăng ký nuôi chó với Ủy ban nhân dân xã;\nb) Tiêm phòng bệnh dại cho chó mỗi năm một lần.\n"
        "2. Chủ nuôi chó có những quyền sau:\na) Được hướng dẫn cách phòng bệnh dại cho chó;\n"
        "b) Được tiêm phòng miễn phí cho chó tại trạm thú y xã.\n"
    )
    said = units("Quy định về quản lý chó nuôi", body)
    assert "Chủ nuôi chó có nghĩa vụ đăng ký nuôi chó với Ủy ban nhân dân xã." in said, said
    assert "Chủ nuôi chó có quyền được tiêm phòng miễn phí cho chó tại trạm thú y xã." in said, said
    assert not any(" các nghĩa vụ " in s or " những quyền " in s for s in said), said
