"""`python -m bench province` at a size a test can afford: three bridged Mosquittos, two service
workers on PostgreSQL, 50 light speakers. Every speaker gets the emergency, every ack is stored as a row,
whichever worker took it, and pushing again and again leaves the leader's `Dispatcher.sent` as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.province import measure

pytestmark = [pytest.mark.slow, pytest.mark.postgres]
SPEAKERS = 50


def test_the_province_bench_delivers_to_every_speaker_and_stores_every_ack(tmp_path: Path) -> None:
    figures = measure(SPEAKERS, tmp_path, pushes=11)
    n = SPEAKERS
    assert figures["store"] == "postgresql"
    assert figures[f"bare_received_{n}"] == n  # the anchor went through the bridges to both communes
    assert figures[f"sync_pushed_{n}"] == n
    assert figures[f"received_{n}"] == n, "a speaker did not receive the emergency"
    assert figures[f"acks_stored_{n}"] == n, "an ack of the emergency was not stored as a row of command_acks"
    assert figures[f"reports_a_{n}"] > 0 and figures[f"reports_b_{n}"] > 0, "one worker took every report"
    assert figures[f"settled_after_emergency_{n}"] is True
    assert figures[f"pushes_{n}"] == 11  # each push ended with every speaker's ack stored
    # one programme a speaker and the emergency, however many pushes went by
    assert figures[f"dispatcher_sent_after_10_{n}"] == figures[f"dispatcher_sent_after_11_{n}"] == n + 1
    for figure in ("bare_receive_p99_s", "receive_p99_s", "ack_stored_p99_s", "sync_s", "push_p50_s", "rss_growth_mib"):
        assert figures[f"{figure}_{n}"] == figures[f"{figure}_{n}"], f"{figure} was not measured"  # not NaN
