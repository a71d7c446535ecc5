"""The words with which a lead announces the list under it: "… như sau:", "… sau đây:", "… gồm:", "… cụ thể:".

A point continues its lead without them ("Nghiêm cấm các hành vi sau đây:" + "a) Kê khai gian dối …" → "Nghiêm cấm
kê khai gian dối …"), so each stage that joins a lead and its points takes them off with the patterns here.
"""

from __future__ import annotations

import re

ANNOUNCING = r"(?:cụ thể|như sau|sau đây|gồm có|bao gồm|gồm)"
# a lead's last words that only announce its list, its colon and a closing "là" ("Mức hỗ trợ là:") with them
# "… có những quyền sau:": a bare "sau" announces only after a noun that counts what the list holds
BARE_SAU = r"(?:(?<=quyền)|(?<=vụ)|(?<=nhiệm)|(?<=vi)|(?<=hợp)|(?<=tượng)|(?<=kiện))\s+sau"
LEAD_TAIL = re.compile(rf"\s*(?:,\s*)?(?:{ANNOUNCING}|cụ thể như sau|là|{BARE_SAU})\s*:?\s*$", re.I)
# the same words, one or several ("…, cụ thể như sau"), after a lead whose colon is already gone
ANNOUNCE_TAIL = re.compile(rf"(?:\s*,?\s+{ANNOUNCING})+$")
# "Giá vé đối với trẻ em được quy định như sau:": the lead only says that a list follows
ANNOUNCES = re.compile(r"\b(?:được|đã được)\s+quy định(?:\s+cụ thể)?\s*(?:như sau|sau đây)?\s*:?$")
# a table's lead: "Mức hỗ trợ như sau:", "Mức thu là:" (not "gồm", which names what the table holds)
TABLE_LEAD_TAIL = re.compile(r"\s*(như sau|sau đây|là)\s*:?\s*$")
# "… có các nghĩa vụ [sau đây]" + "đăng ký …": one duty follows, "… có nghĩa vụ đăng ký …"
OWN_PLURAL = re.compile(r"\b(có)\s+(?:các|những)\s+(quyền|nghĩa vụ|trách nhiệm)$")
# a clause's label over its list ("Đối tượng áp dụng:", "Phạm vi điều chỉnh:"): no verb a point could share
# and the enacting formula over a resolution's numbered tasks ("QUYẾT NGHỊ:"): it shares nothing with them either
SCOPE_NAMES = r"(?:Đối tượng(?: (?:áp dụng|thụ hưởng|điều chỉnh))?|Phạm vi (?:điều chỉnh|áp dụng))"  # also scripts.fragments
SCOPE_LABEL = re.compile(rf"^(?:{SCOPE_NAMES}|(?-i:QUYẾT NGHỊ|QUYẾT ĐỊNH))$", re.I)
