"""The media server's conditional and range requests, per RFC 9110 (issue 22 #16).

Weak ETags and If-None-Match lists → 304 when any matches (weak comparison); If-Range with
another tag → 200 and the whole file; a satisfiable multi-range → 206 multipart/byteranges;
every 304 carries Cache-Control and the ETag. The class (conditional and range headers) is
generated with hypothesis and checked against the file's bytes.
"""

from __future__ import annotations

import hashlib
import http.client
import random
from collections.abc import Iterator
from email import message_from_bytes
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devices.mediaserver import MediaServer, ranges

DATA = bytes(random.Random(5000).getrandbits(8) for _ in range(5000))  # the same in every xdist worker: the tag is in test ids
SHA = hashlib.sha256(DATA).hexdigest()
TAG = f'"{SHA}"'


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MediaServer]:
    folder = tmp_path_factory.mktemp("media")
    (folder / f"{SHA}.mp3").write_bytes(DATA)
    with MediaServer(folder) as running:
        yield running


def get(server: MediaServer, headers: dict[str, str], method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection(server.host, server.port, timeout=10)
    try:
        connection.request(method, f"/media/{SHA}.mp3", headers=headers)
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


@pytest.mark.parametrize(
    "value",
    [TAG, f"W/{TAG}", f'"other", {TAG}', f'W/"x", W/{TAG}, "y"', "*", f'"a",W/{TAG}'],
)
def test_if_none_match_with_weak_tags_and_lists_gets_304_with_cache_control_and_etag(server: MediaServer, value: str) -> None:
    status, headers, body = get(server, {"If-None-Match": value})
    assert status == 304 and body == b""
    assert headers["etag"] == TAG and "immutable" in headers["cache-control"]


def test_if_none_match_without_our_tag_gets_the_file(server: MediaServer) -> None:
    status, headers, body = get(server, {"If-None-Match": '"abc", W/"def"'})
    assert status == 200 and body == DATA and headers["etag"] == TAG


def test_if_range_with_another_tag_gets_the_whole_file(server: MediaServer) -> None:
    for other in ('"0000"', f"W/{TAG}", "Mon, 01 Jan 2001 00:00:00 GMT"):
        status, _, body = get(server, {"Range": "bytes=10-19", "If-Range": other})
        assert (status, body) == (200, DATA), other
    status, headers, body = get(server, {"Range": "bytes=10-19", "If-Range": TAG})
    assert (status, body, headers["content-range"]) == (206, DATA[10:20], f"bytes 10-19/{len(DATA)}")


def test_a_satisfiable_multi_range_gets_multipart_byteranges(server: MediaServer) -> None:
    status, headers, body = get(server, {"Range": "bytes=0-9, 100-199, -5, 9000-9999"})
    assert status == 206
    assert headers["content-type"].startswith("multipart/byteranges; boundary=")
    message = message_from_bytes(f"Content-Type: {headers['content-type']}\r\n\r\n".encode() + body)
    parts = [(p["Content-Range"], p.get_payload(decode=True)) for p in message.get_payload()]  # type: ignore[union-attr]
    size = len(DATA)
    assert parts == [
        (f"bytes 0-9/{size}", DATA[0:10]),
        (f"bytes 100-199/{size}", DATA[100:200]),
        (f"bytes {size - 5}-{size - 1}/{size}", DATA[-5:]),
    ]


def test_overlapping_ranges_are_merged_and_only_unsatisfiable_ones_get_416(server: MediaServer) -> None:
    status, headers, body = get(server, {"Range": "bytes=0-9,5-19"})
    assert (status, body, headers["content-range"]) == (206, DATA[:20], f"bytes 0-19/{len(DATA)}")
    status, headers, _ = get(server, {"Range": "bytes=9000-9999, 7000-"})
    assert status == 416 and headers["content-range"] == f"bytes */{len(DATA)}"


def test_if_match_and_if_modified_since(server: MediaServer) -> None:
    assert get(server, {"If-Match": '"nope"'})[0] == 412
    assert get(server, {"If-Match": TAG})[0] == 200
    status, headers, _ = get(server, {"If-Modified-Since": "Fri, 01 Jan 2100 00:00:00 GMT"})
    assert status == 304 and "immutable" in headers["cache-control"]


def _expected(range_header: str | None, if_range: str | None) -> tuple[int, list[tuple[int, int]] | None]:
    """A reference reading of RFC 9110 for one file, written apart from the server's code."""
    size = len(DATA)
    if range_header is None or (if_range is not None and if_range != TAG):
        return 200, None
    unit, _, spec = range_header.partition("=")
    if unit != "bytes":
        return 200, None
    out: list[tuple[int, int]] = []
    for part in spec.split(","):
        a, _, b = part.strip().partition("-")
        if a == "":
            n = int(b)
            if n:
                out.append((max(0, size - n), size - 1))
        elif int(a) < size:
            out.append((int(a), min(size - 1, int(b)) if b else size - 1))
    if not out:
        return 416, []
    merged: list[tuple[int, int]] = []
    for s, e in sorted(out):
        if merged and s <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return 206, merged


positions = st.integers(0, 7000)
one_range = st.one_of(
    st.tuples(positions, st.integers(0, 3000)).map(lambda t: f"{t[0]}-{t[0] + t[1]}"),
    positions.map(lambda p: f"{p}-"),
    st.integers(0, 7000).map(lambda n: f"-{n}"),
)
range_headers = st.one_of(st.none(), st.lists(one_range, min_size=1, max_size=6).map(lambda r: "bytes=" + ", ".join(r)))
if_ranges = st.one_of(st.none(), st.sampled_from([TAG, f"W/{TAG}", '"x"']))


@settings(max_examples=80, deadline=None, derandomize=True)
@given(range_header=range_headers, if_range=if_ranges)
def test_every_range_request_is_answered_with_the_right_bytes(
    server: MediaServer, range_header: str | None, if_range: str | None
) -> None:
    headers = {k: v for k, v in (("Range", range_header), ("If-Range", if_range)) if v is not None}
    status, got, body = get(server, headers)
    want_status, want = _expected(range_header, if_range)
    assert status == want_status
    if status == 200:
        assert body == DATA
    elif status == 206 and want is not None and len(want) == 1:
        (s, e) = want[0]
        assert body == DATA[s : e + 1] and got["content-range"] == f"bytes {s}-{e}/{len(DATA)}"
    elif status == 206 and want is not None:
        message = message_from_bytes(f"Content-Type: {got['content-type']}\r\n\r\n".encode() + body)
        payloads = [p.get_payload(decode=True) for p in message.get_payload()]  # type: ignore[union-attr]
        assert payloads == [DATA[s : e + 1] for s, e in want]
    assert got["etag"] == TAG


def test_ranges_ignores_what_it_does_not_understand() -> None:
    assert ranges("items=0-1", 10) is None
    assert ranges("bytes=5-1", 10) is None
    assert ranges("bytes=a-b", 10) is None
    assert ranges("bytes=20-", 10) == []
    assert ranges("bytes=-0", 10) == []
    assert ranges("bytes=0-0,-1", 10) == [(0, 0), (9, 9)]


def test_head_gets_headers_only(server: MediaServer, tmp_path: Path) -> None:
    status, headers, body = get(server, {}, "HEAD")
    assert status == 200 and body == b"" and int(headers["content-length"]) == len(DATA)
