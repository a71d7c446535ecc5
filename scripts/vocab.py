"""Vocabulary shared by the legal parser and the spoken-form normalizer.

Keys are the codes and abbreviations as written in Vietnamese legal texts; they are the
trade's own notation and have no English names.
"""

from __future__ import annotations

# Type codes at the start of a document symbol ("NĐ" in 15/2020/NĐ-CP).
DOC_TYPE_CODES: dict[str, str] = {
    "NĐ": "Nghị định",
    "QĐ": "Quyết định",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "NQ": "Nghị quyết",
    "NQLT": "Nghị quyết liên tịch",
    "CT": "Chỉ thị",
    "KH": "Kế hoạch",
    "CĐ": "Công điện",
    "TB": "Thông báo",
    "HD": "Hướng dẫn",
    "TTr": "Tờ trình",
    "BC": "Báo cáo",
    "PL": "Pháp lệnh",
    "L": "Lệnh",
    "CV": "Công văn",
}

# Issuer codes at the end of a document symbol ("CP" in 15/2020/NĐ-CP).
ISSUER_CODES: dict[str, str] = {
    "CP": "Chính phủ",
    "TTg": "Thủ tướng Chính phủ",
    "QH": "Quốc hội",
    "UBTVQH": "Ủy ban Thường vụ Quốc hội",
    "CTN": "Chủ tịch nước",
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "BTC": "Bộ Tài chính",
    "BYT": "Bộ Y tế",
    "BCA": "Bộ Công an",
    "BQP": "Bộ Quốc phòng",
    "BTTTT": "Bộ Thông tin và Truyền thông",
    "BGDĐT": "Bộ Giáo dục và Đào tạo",
    "BLĐTBXH": "Bộ Lao động - Thương binh và Xã hội",
    "BNNPTNT": "Bộ Nông nghiệp và Phát triển nông thôn",
    "BNNMT": "Bộ Nông nghiệp và Môi trường",
    "BTNMT": "Bộ Tài nguyên và Môi trường",
    "BGTVT": "Bộ Giao thông vận tải",
    "BXD": "Bộ Xây dựng",
    "BCT": "Bộ Công Thương",
    "BKHĐT": "Bộ Kế hoạch và Đầu tư",
    "BKHCN": "Bộ Khoa học và Công nghệ",
    "BTP": "Bộ Tư pháp",
    "BNV": "Bộ Nội vụ",
    "BNG": "Bộ Ngoại giao",
    "BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch",
    "BDTTG": "Bộ Dân tộc và Tôn giáo",
    "UBDT": "Ủy ban Dân tộc",
    "NHNN": "Ngân hàng Nhà nước Việt Nam",
    "TTCP": "Thanh tra Chính phủ",
    "VPCP": "Văn phòng Chính phủ",
    "TANDTC": "Tòa án nhân dân tối cao",
    "VKSNDTC": "Viện kiểm sát nhân dân tối cao",
    "KTNN": "Kiểm toán nhà nước",
    "BHXH": "Bảo hiểm xã hội Việt Nam",
}

# Issuers as printed in capitals in a document header, with their proper spelling.
HEADER_ISSUERS: dict[str, str] = {name.upper(): name for name in ISSUER_CODES.values()}
HEADER_ISSUERS.update({"BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI": "Bộ Lao động - Thương binh và Xã hội"})

ABBREVIATIONS: dict[str, str] = {
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "UBMTTQVN": "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "UBMTTQ": "Ủy ban Mặt trận Tổ quốc",
    "MTTQVN": "Mặt trận Tổ quốc Việt Nam",
    "MTTQ": "Mặt trận Tổ quốc",
    "UBTVQH": "Ủy ban Thường vụ Quốc hội",
    "BHYT": "bảo hiểm y tế",
    "BHXH": "bảo hiểm xã hội",
    "BHTN": "bảo hiểm thất nghiệp",
    "CCCD": "căn cước công dân",
    "CMND": "chứng minh nhân dân",
    "GPLX": "giấy phép lái xe",
    "VN": "Việt Nam",
    "TW": "Trung ương",
    "TƯ": "Trung ương",
    "THCS": "trung học cơ sở",
    "THPT": "trung học phổ thông",
    "PCCC": "phòng cháy, chữa cháy",
    "ATGT": "an toàn giao thông",
    "ATTP": "an toàn thực phẩm",
    "CSGT": "cảnh sát giao thông",
    "CAND": "Công an nhân dân",
    "QĐND": "Quân đội nhân dân",
    "HTX": "hợp tác xã",
    "NSNN": "ngân sách nhà nước",
    "ĐBSCL": "Đồng bằng sông Cửu Long",
    "TNHH": "trách nhiệm hữu hạn",
    "TAND": "Tòa án nhân dân",
    "VKSND": "Viện kiểm sát nhân dân",
    "CNTT": "công nghệ thông tin",
    "TTHC": "thủ tục hành chính",
    "VBQPPL": "văn bản quy phạm pháp luật",
    "XHCN": "xã hội chủ nghĩa",
    "KT-XH": "kinh tế - xã hội",
    "GD&ĐT": "giáo dục và đào tạo",
    "GDĐT": "giáo dục và đào tạo",
    "LĐTBXH": "lao động, thương binh và xã hội",
    "NN&PTNT": "nông nghiệp và phát triển nông thôn",
    "TN&MT": "tài nguyên và môi trường",
    "GTVT": "giao thông vận tải",
    "KH&CN": "khoa học và công nghệ",
    "BCĐ": "Ban Chỉ đạo",
    "BQL": "Ban quản lý",
    "DN": "doanh nghiệp",
    "CP": "Chính phủ",
    "QH": "Quốc hội",
    "COVID": "cô-vít",
    "SĐT": "số điện thoại",
    "ĐT": "điện thoại",
    "VNĐ": "đồng",
    "VND": "đồng",
    "HCM": "Hồ Chí Minh",
    "NĐ": "nghị định",
    "QĐ": "quyết định",
    "NQ": "nghị quyết",
    "QCVN": "quy chuẩn Việt Nam",
    "TCVN": "tiêu chuẩn Việt Nam",
    "USD": "đô la Mỹ",
    "GDP": "tổng sản phẩm trong nước",
    "VNeID": "vê en e ai đi",
}

# Party document symbols ("52-CT/TW"): the kind is said by the word before the number, the body after it.
PARTY_BODIES: dict[str, str] = {
    "TW": "Trung ương",
    "TƯ": "Trung ương",
    "TU": "Tỉnh ủy",
    "TƯU": "Thành ủy",
    "ThU": "Thành ủy",
    "HU": "Huyện ủy",
    "ĐU": "Đảng ủy",
    "QU": "Quận ủy",
}
PARTY_KINDS = ("CT", "NQ", "KL", "QĐ", "TB", "HD", "QC", "QyĐ", "CV", "BC", "KH")

UNITS: dict[str, str] = {
    "km/h": "ki-lô-mét trên giờ",
    "km²": "ki-lô-mét vuông",
    "km2": "ki-lô-mét vuông",
    "m²": "mét vuông",
    "m2": "mét vuông",
    "m³": "mét khối",
    "m3": "mét khối",
    "km": "ki-lô-mét",
    "cm": "xăng-ti-mét",
    "mm": "mi-li-mét",
    "kg": "ki-lô-gam",
    "mg": "mi-li-gam",
    "μg": "micrô gam",
    "µg": "micrô gam",
    "ml": "mi-li-lít",
    "dB": "đề-xi-ben",
    "kV": "ki-lô-vôn",
    "ha": "héc-ta",
    "kWh": "ki-lô-oát giờ",
    "kW": "ki-lô-oát",
    "MW": "mê-ga-oát",
    "°C": "độ C",
    "m": "mét",
    "đ": "đồng",
    "VNĐ": "đồng",
    "VND": "đồng",
}

# Units of money: a slash after them means "per" (mỗi), never "over" (trên).
CURRENCY_UNITS = frozenset({"đ", "VNĐ", "VND", "đồng", "%"})

# Words after which a Roman numeral is a number ("cấp IV", "Phụ lục II", "Chương V").
ROMAN_LEADS: tuple[str, ...] = tuple(
    "khóa|khoá|chương|phần|mục|quý|kỳ|thế kỷ|đợt|loại|hạng|nhóm|tập|cấp|cấp độ|phụ lục|mức|vùng|khu vực|bậc|giai đoạn|lớp".split(
        "|"
    )
)

# Letter names used to spell an unknown abbreviation aloud.
LETTER_NAMES: dict[str, str] = {
    "A": "a",
    "B": "bê",
    "C": "xê",
    "D": "dê",
    "Đ": "đê",
    "E": "e",
    "F": "ép",
    "G": "giê",
    "H": "hát",
    "I": "i",
    "J": "gi",
    "K": "ca",
    "L": "lờ",
    "M": "em",
    "N": "en",
    "O": "ô",
    "P": "pê",
    "Q": "quy",
    "R": "rờ",
    "S": "ét",
    "T": "tê",
    "U": "u",
    "V": "vê",
    "W": "vê kép",
    "X": "ích",
    "Y": "i dài",
    "Z": "dét",
}
