"""schemathesis over the JSON API's own OpenAPI, signed in as an administrator: no input gives a 5xx.

Example counts are small so CI stays fast; `LOA_FUZZ_EXAMPLES=N` runs more (as the device fuzzing).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, settings

from broadcaster.app import directory
from broadcaster.app.workflow import Actor, Role
from broadcaster.config import Settings
from broadcaster.store.engine import open_store
from broadcaster.web.app import create_app

EXAMPLES = int(os.environ.get("LOA_FUZZ_EXAMPLES", "8"))
PASSWORD = "mat-khau-dai-qua"
_DATA = Path(tempfile.mkdtemp(prefix="loa-api-fuzz-"))
_SETTINGS = Settings(data_dir=_DATA / "data")
_STORE = open_store(_SETTINGS.database_url)
with _STORE.session() as _s:
    directory.create_user(_s, Actor("installer", Role.ADMIN), "quantri", Role.ADMIN, PASSWORD, "Quản trị", ["xa-a"])
    directory.save_zone(_s, Actor("installer", Role.ADMIN), directory.ZoneSpec("thon-1", "xa-a", slots=("07:00",), quiet=()))
_APP = create_app(_SETTINGS, _STORE)
schema = schemathesis.openapi.from_dict(_APP.openapi())
STATUSES: dict[int, int] = {}
SAMPLES: dict[int, str] = {}  # what the generated requests got, for the record (printed with -s)


def teardown_module() -> None:
    print(f"API fuzz: {sum(STATUSES.values())} requests, statuses {dict(sorted(STATUSES.items()))} {SAMPLES}")


def _sign_in(c: Any) -> None:
    signed = c.post("/api/session", json={"username": "quantri", "password": PASSWORD})
    assert signed.status_code == 200, signed.text
    c.headers["X-CSRF-Token"] = signed.json()["csrf"]


@pytest.fixture(scope="module")
def client() -> Any:
    with TestClient(_APP, base_url="http://testserver") as c:
        _sign_in(c)
        yield c


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_no_input_makes_the_api_fail(case: Any, client: Any) -> None:
    kwargs = case.as_transport_kwargs(base_url="http://testserver")
    headers = {k: v for k, v in (kwargs.pop("headers", None) or {}).items() if k.lower() not in ("cookie", "x-csrf-token")}
    request: dict[str, Any] = {"method": kwargs["method"], "url": kwargs["url"], "headers": headers}
    for key in ("params", "json", "data", "files"):
        if kwargs.get(key) is not None:
            request[key] = kwargs[key]
    if "content" in kwargs and kwargs["content"] is not None:
        request["content"] = kwargs["content"]
    response = client.request(**request)
    STATUSES[response.status_code] = STATUSES.get(response.status_code, 0) + 1
    if response.status_code == 405:
        SAMPLES.setdefault(405, f"{case.method} {case.formatted_path}")
    if case.path == "/api/session":  # a generated sign-out or sign-in replaced the session: sign in again
        _sign_in(client)
    assert response.status_code < 500, (case.method, case.path, response.status_code, response.text[:300])
