"""The standing abuse suite: bounded by default, heavier with LOA_FUZZ_EXAMPLES (see docs/protocol.md)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

EXAMPLES = int(os.environ.get("LOA_FUZZ_EXAMPLES", "150"))

settings.register_profile(
    "abuse",
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=os.environ.get("LOA_FUZZ_EXAMPLES") is None,  # CI is reproducible; opt-in runs explore
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
