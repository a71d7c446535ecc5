"""Class: links into our own network (issue 22 #12), for relayed streams.

A relay tells every speaker of a zone to open a URL. One naming a loopback, private or
link-local address (the speaker's router, a metadata service, the speaker itself) was
accepted. Hypothesis draws such addresses, IPv4 and IPv6, literal or spelled as the resolver
reads them (127.1, a decimal 32-bit number), and local names: every one is refused in
Vietnamese, nothing is stored; public addresses and names are accepted; `relay_allow_private`
(tests, intranet radio) lets them through.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from broadcaster.app import relays
from broadcaster.app.programmes import ProgrammeError
from broadcaster.app.relays import check_stream_url
from broadcaster.config import Settings
from broadcaster.store.engine import open_store
from broadcaster.store.models import Bulletin
from tests.helpers import EDITOR

ABUSE = settings.get_profile("abuse")

NETWORKS = [
    "127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "100.64.0.0/10", "0.0.0.0/8",
    "::1/128", "fe80::/10", "fc00::/7", "::ffff:127.0.0.0/104",
]  # fmt: skip


@st.composite
def inside(draw: st.DrawFn) -> str:
    net = ipaddress.ip_network(draw(st.sampled_from(NETWORKS)))
    address = net[draw(st.integers(0, min(net.num_addresses - 1, 2**32)))]
    host = f"[{address}]" if address.version == 6 else str(address)
    if address.version == 4 and draw(st.booleans()):
        host = str(int(address))  # http://2130706433/ is 127.0.0.1 to the resolver
    port = draw(st.sampled_from(["", ":80", ":8000", ":1883"]))
    return f"{draw(st.sampled_from(['http', 'https']))}://{host}{port}/{draw(st.sampled_from(['live', 'admin', 'latest/meta-data']))}"


local_names = st.sampled_from(
    ["localhost", "LOCALHOST.", "router.local", "loa.lan", "metadata.google.internal", "x.home.arpa", "a.localhost", "127.1"]
).map(lambda h: f"http://{h}/live")


@given(url=st.one_of(inside(), local_names))
@ABUSE
def test_a_stream_into_our_own_network_is_refused(url: str) -> None:
    with pytest.raises(ProgrammeError, match="mạng nội bộ"):
        check_stream_url(url)
    assert check_stream_url(url, allow_private=True) == url


@given(url=st.sampled_from(["https://radio.example.vn/vov1/live.mp3", "http://8.8.8.8/live", "https://[2001:4860:4860::8888]/x"]))
@ABUSE
def test_public_streams_are_accepted(url: str) -> None:
    assert check_stream_url(url) == url


def test_a_relay_to_a_private_address_stores_nothing(tmp_path: Path) -> None:
    settings_ = Settings(data_dir=tmp_path / "data")
    store = open_store(settings_.database_url)
    with pytest.raises(ProgrammeError, match="mạng nội bộ"):
        relays.relay(store, settings_, EDITOR, "Đài", "http://169.254.169.254/latest/meta-data", 10)
    with store.session() as s:
        assert s.query(Bulletin).count() == 0
    allowed = Settings(data_dir=tmp_path / "data", relay_allow_private=True)
    assert relays.relay(store, allowed, EDITOR, "Đài", "http://127.0.0.1:8000/live", 10) > 0
