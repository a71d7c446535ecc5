"""The words that negate or forbid what follows, for every stage that must never drop them.

A rule said without its "không" says the opposite; a ban's "cấm" said apart from what it bans is heard as a right.
"""

from __future__ import annotations

import re

NEGATION_WORDS = ("không", "chưa", "chẳng")
BAN_WORDS = ("cấm", "nghiêm cấm")
NEGATION = "|".join(NEGATION_WORDS)
BAN = "|".join(BAN_WORDS)
# "… không được tính là thời gian đã đóng …": a negated rule (a negation before the modal or the verb of the rule)
NEGATED_RULE = re.compile(r"\b(?:không|chưa)\s+(?:được|phải|bị|là|có|thuộc|tính)\b")
