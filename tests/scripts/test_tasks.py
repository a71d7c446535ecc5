"""Directives, Công điện and the Government's resolutions written as tasks (issue 19: "Structure for every kind of
document", "Resident first"): each task said with whoever carries it out, cited by its section, task and item,
and scored by what residents feel. Every document here is made up (tests/scripts/data)."""

from __future__ import annotations

from pathlib import Path

from scripts.draft import draft
from scripts.legal import LegalDocument, parse
from scripts.listener import check
from scripts.tasks import Carriers, section_subject, task_weight, with_subject
from scripts.units import passage_units

DATA = Path(__file__).parent / "data"


def _doc(name: str) -> LegalDocument:
    return parse((DATA / name).read_text(encoding="utf-8"))


def test_a_task_group_s_items_are_parsed_and_cited_by_task_and_item() -> None:
    doc = _doc("nq-cp-relief.txt")
    [body] = doc.articles
    bank = next(c for c in body.clauses if c.number == "3")
    assert bank.text == "Ngân hàng Chính sách xã hội:" and [p.label for p in bank.points] == ["a", "b"]
    said = [s for s in draft(doc).sentences if "2%/năm" in s.text]
    assert said and said[0].source and said[0].source.label == "điểm 3, ý a", said


def test_a_task_is_said_with_the_actor_its_heading_names() -> None:
    doc = _doc("nq-cp-relief.txt")
    texts = [s.text for s in draft(doc).sentences]
    cut = [t for t in texts if "2%/năm" in t]
    assert cut and cut[0].startswith("Ngân hàng Chính sách xã hội giảm lãi suất cho vay 2%/năm"), cut
    advance = [t for t in texts if "tạm ứng bồi thường" in t]
    assert advance and "các doanh nghiệp bảo hiểm thực hiện ngay" in advance[0], "the insurers advance, not the ministry"


def test_a_section_title_names_the_actor_of_its_tasks() -> None:
    doc = _doc("ct-sections.txt")
    communes = doc.articles[1]
    assert section_subject(communes.title, doc.text) == "Ủy ban nhân dân các xã"
    said = [u[3] for u in passage_units(communes, text=doc.text)]
    assert "Ủy ban nhân dân các xã tổ chức tiêm phòng dại cho chó, mèo hai đợt mỗi năm." in said, said
    assert not any(s.startswith(("Rà soát", "Tổ chức")) for s in said), said


def test_a_resolution_is_called_a_resolution_and_its_preamble_is_not_read() -> None:
    doc = _doc("nq-cp-relief.txt")
    assert doc.doc_type == "Nghị quyết"
    script = draft(doc)
    assert "Chỉ thị" not in script.text and "Nghị quyết này" in script.text
    assert not any(w in script.text for w in ("Thời gian qua", "đồng chí", "hệ thống chính trị")), script.text
    body = [s for s in script.sentences if s.source and doc.number not in s.text and "Nghị quyết này" not in s.text]
    assert body and all(s.source and s.source.label != "phần đầu văn bản" for s in body), [s.source for s in body]
    assert not any("báo cáo" in s.text or "kinh phí" in s.text for s in script.sentences), "offices' reporting stays out"


def test_relief_leads_a_resolution_of_agency_tasks() -> None:
    script = draft(_doc("nq-cp-relief.txt"))
    lead = script.sentences[1].text
    assert any(w in lead for w in ("được gia hạn", "được cấp miễn phí", "giảm lãi suất")), lead
    assert "lương hưu của 3 tháng" in script.text, "the pension paid in advance is said"


def test_a_cong_dien_says_its_ban_evacuation_and_commune_work_with_their_dates() -> None:
    doc = _doc("cd-storm.txt")
    assert doc.doc_type == "Công điện"
    script = draft(doc)
    texts = [s.text for s in script.sentences]
    assert "Ở các tỉnh, thành phố ven biển, cấm tàu thuyền ra khơi từ 12 giờ ngày 06 tháng 9 năm 2027." in texts, texts
    evacuation = [t for t in texts if "được sơ tán" in t]  # what the provinces are told to do, as those moved hear it
    assert evacuation and evacuation[0].startswith("Người dân") and "17 giờ" in evacuation[0], texts
    communes = [s for s in script.sentences if "chằng chống nhà cửa" in s.text]
    assert communes and communes[0].text.startswith("Ủy ban nhân dân các xã ven biển") and "ngày 06 tháng 9" in communes[0].text
    assert communes[0].source and communes[0].source.label == "điểm 2"
    assert not any("báo cáo" in t for t in texts) and not [(t, check(t)) for t in texts if check(t)]


def test_with_subject_puts_the_actor_before_the_verb() -> None:
    bank = "Ngân hàng Nhà nước Việt Nam"
    assert (
        with_subject(bank, "Chỉ đạo các tổ chức tín dụng giảm lãi suất.") == f"{bank} chỉ đạo các tổ chức tín dụng giảm lãi suất."
    )
    assert with_subject("Sở Y tế", "Trong mùa mưa, kiểm tra nước sạch tại trạm bơm.") == (
        "Trong mùa mưa, Sở Y tế kiểm tra nước sạch tại trạm bơm."
    )
    assert with_subject("Sở Y tế", "Nghiêm cấm đổ rác xuống giếng.") == "Nghiêm cấm đổ rác xuống giếng.", "a ban has no actor"
    said = with_subject(
        "Ủy ban nhân dân xã", "Rà soát các giếng khoan, hoàn thành trước ngày 30/6/2027 và báo cáo về Sở Xây dựng."
    )
    assert said == "Ủy ban nhân dân xã rà soát các giếng khoan, hoàn thành trước ngày 30/6/2027.", said
    split = with_subject("Công an xã", "Hướng dẫn tàu thuyền vào bến; cấm tàu thuyền ra khơi khi có bão.")
    assert split == "Công an xã hướng dẫn tàu thuyền vào bến. Cấm tàu thuyền ra khơi khi có bão.", split
    told = with_subject("Hội Nông dân xã", "Vận động hội viên tiết kiệm nước tưới; chấp hành quy định về đăng ký giếng khoan.")
    assert told.endswith("; chấp hành quy định về đăng ký giếng khoan."), "after 'vận động', complying is the members'"


def test_a_heading_s_actor_is_not_given_to_the_lines_of_an_item_that_names_its_own() -> None:
    doc = parse(
        (DATA / "ct-sections.txt").read_text(encoding="utf-8").split("II. NHIỆM VỤ")[0]
        + "3. Sở Xây dựng\n\na) Giao Ban quản lý dự án chỉ đạo các chủ đầu tư có trách nhiệm:\n\n"
        "- Hoàn thành sửa chữa các cầu treo trước ngày 30 tháng 6 năm 2027.\n\nNơi nhận:\n"
    )
    carriers = Carriers(doc.articles[0], doc.text)
    assert carriers.lines("3", None, ["Sở Xây dựng"]) == []
    item = ["Giao Ban quản lý dự án chỉ đạo các chủ đầu tư có trách nhiệm:", "- Hoàn thành sửa chữa các cầu treo."]
    carriers.lines("3", "a", item)
    assert carriers.say("3", item[1]) == item[1], "the owners repair the bridges, not the department"


def test_what_residents_feel_weighs_more_than_an_office_s_work() -> None:
    assert task_weight("Các hộ gia đình có trách nhiệm kê khai giếng khoan với Ủy ban nhân dân xã.") > 0
    assert task_weight("Ủy ban nhân dân các xã rà soát các giếng khoan, hoàn thành trước ngày 30/6/2027.") > 0
    assert task_weight("Ngân hàng Chính sách xã hội giảm lãi suất cho vay 2%/năm đối với hộ nghèo.") > 0
    assert task_weight("Tăng cường công tác phối hợp giữa các sở, ngành.") < 0, "a task without an actor is not said"
    assert task_weight("Ủy ban nhân dân các xã tăng cường công tác tuyên truyền.") == 0


def test_a_place_heading_stays_with_its_items() -> None:
    """ "1. Đối với thành phố Sông Mây:" then "b) Cấm đốt rơm rạ …": said alone, one city's rule sounds general."""
    doc = _doc("kh-air-plan.txt")
    tasks = next(a for a in doc.articles if a.number == "mục II")
    said = {u[1]: u[3] for u in passage_units(tasks, text=doc.text) if u[0] == "1"}
    assert said["b"] == "Đối với thành phố Sông Mây, cấm đốt rơm rạ ngoài trời từ ngày 01 tháng 5 năm 2027.", said
    assert said["a"].startswith("Đối với thành phố Sông Mây, phấn đấu đến năm 2030"), said


def test_a_commune_s_work_at_residents_doors_is_aired() -> None:
    """ "Ủy ban nhân dân các xã tổ chức tiêm phòng dại cho chó, mèo …": residents bring their dogs; the offices'
    own review ("rà soát, thống kê …") stays out."""
    texts = [s.text for s in draft(_doc("ct-sections.txt")).sentences]
    assert "Ủy ban nhân dân các xã tổ chức tiêm phòng dại cho chó, mèo hai đợt mỗi năm." in texts, texts
    assert not any("rà soát" in t for t in texts)
    assert task_weight("Ủy ban nhân dân xã phun thuốc khử trùng tại các hộ chăn nuôi.") > 0


def test_a_long_task_is_measured_without_the_report_it_will_not_say() -> None:
    line = (
        "Thực hiện rà soát, thống kê tất cả các giếng khoan, bể chứa và trạm bơm nước sinh hoạt trên địa bàn, hoàn thành "
        "trước ngày 30/6/2027 và tổng hợp báo cáo về Sở Nông nghiệp và Môi trường theo mẫu hướng dẫn."
    )
    said = with_subject("Ủy ban nhân dân xã, phường", line)
    assert said.startswith("Ủy ban nhân dân xã, phường thực hiện rà soát") and said.endswith("ngày 30/6/2027."), said


def test_a_policy_a_plan_asks_to_study_or_draft_is_said_with_its_actor_not_as_received() -> None:
    """Issue 19, faithful: "Sở … chủ trì: a) Nghiên cứu, đề xuất chính sách … hỗ trợ miễn giảm học phí cho học sinh"
    said as "Học sinh … được hỗ trợ miễn giảm học phí" tells parents of a discount that does not exist yet."""
    doc = _doc("kh-school-plan.txt")
    texts = [s.text for s in draft(doc).sentences]
    assert not any(t.startswith(("Học sinh", "Xin nhắc lại: học sinh")) for t in texts), texts
    studied = [t for t in texts if "miễn giảm học phí" in t]
    assert all("nghiên cứu, đề xuất" in t for t in studied), studied
    assert task_weight("Sở Giáo dục xây dựng dự thảo quy định hỗ trợ tiền ăn cho học sinh, trình trong quý IV năm 2027.") <= 0


def test_a_policy_said_with_no_one_behind_it_is_flagged() -> None:
    assert [f.code for f in check("Áp dụng chính sách ưu đãi, hỗ trợ miễn giảm học phí cho học sinh vùng cao.")] == [
        "agency_work"
    ]
    assert [f.code for f in check("Xin nhắc lại: xây dựng cơ chế hỗ trợ người dân vùng lũ.")]
    assert not check("Sở Giáo dục và Đào tạo nghiên cứu, đề xuất chính sách ưu đãi cho học sinh vùng cao.")


def test_a_duty_after_a_deadline_is_said_with_its_own_holder_or_the_articles() -> None:
    """ "Chậm nhất 12 giờ sau khi …, chủ cơ sở lưu trú phải …" under "Trách nhiệm của hộ gia đình, cá nhân" was
    "Hộ gia đình, cá nhân phải chậm nhất 12 giờ sau khi người đến lưu trú.": the wrong holder, the duty lost; a bare
    duty after "Trong thời hạn …," was said alone, an order to everyone."""
    from tests.scripts.made_up import units

    body = (
        "Điều 2. Trách nhiệm của hộ gia đình, cá nhân\n"
        "1. Chậm nhất 12 giờ sau khi người đến lưu trú, chủ cơ sở lưu trú phải thông báo việc lưu trú với cơ quan "
        "đăng ký cư trú.\n"
        "Điều 3. Trách nhiệm của người chăn nuôi\n"
        "1. Chậm nhất 05 ngày làm việc kể từ ngày nhập đàn, khai báo với Ủy ban nhân dân cấp xã nơi chăn nuôi.\n"
        "2. Trong thời hạn 24 giờ kể từ khi phát hiện vật nuôi chết, báo cho trưởng thôn để được hướng dẫn tiêu hủy.\n"
    )
    said = units("Quy định về quản lý cư trú và chăn nuôi", body)
    assert (
        "Chậm nhất 12 giờ sau khi người đến lưu trú, chủ cơ sở lưu trú phải thông báo việc lưu trú với cơ quan đăng ký "
        "cư trú." in said
    )
    assert (
        "Chậm nhất 05 ngày làm việc kể từ ngày nhập đàn, người chăn nuôi phải khai báo với Ủy ban nhân dân cấp xã nơi "
        "chăn nuôi." in said
    )
    assert (
        "Trong thời hạn 24 giờ kể từ khi phát hiện vật nuôi chết, người chăn nuôi phải báo cho trưởng thôn để được "
        "hướng dẫn tiêu hủy." in said
    )
