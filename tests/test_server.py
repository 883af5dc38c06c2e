"""The optional HTTP service: same models as the library, limits enforced, OpenAPI published."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient

import cs_coach
from cs_coach.server.app import MAX_BATCH, MAX_TEXT_CHARS, create_app


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(cs_coach.default_coach()))


def test_check_returns_the_library_report(client: TestClient) -> None:
    text = "환불은 규정상 안 됩니다."
    response = client.post("/check", json={"text": text})
    assert response.status_code == 200
    assert cs_coach.Report.model_validate(response.json()) == cs_coach.check(text)


def test_check_many_keeps_order_and_fix_applies(client: TestClient) -> None:
    reports = client.post("/check_many", json={"texts": ["안 돼요.", "감사합니다."]}).json()
    assert [bool(r["findings"]) for r in reports] == [True, False]
    fixed = client.post("/fix", json={"text": "커피 나오셨습니다."}).json()
    assert fixed["text"] == "커피 나왔습니다."


def test_limits_and_bad_input_are_clear_errors(client: TestClient) -> None:
    assert client.post("/check", json={"text": "가" * (MAX_TEXT_CHARS + 1)}).status_code == 422
    assert client.post("/check_many", json={"texts": ["네"] * (MAX_BATCH + 1)}).status_code == 422
    assert client.post("/check", json={"text": 3}).status_code == 422
    assert client.post("/check", json={"txt": "오타"}).status_code == 422
    big = b'{"text": "' + b"a" * 2_100_000 + b'"}'
    assert client.post("/check", content=big, headers={"content-type": "application/json"}).status_code == 413


def test_rules_openapi_and_playground(client: TestClient) -> None:
    rules = client.get("/rules").json()
    assert any(r["id"] == "an-doeda" for r in rules)
    assert client.get("/rules/an-doeda").json()["category"] == "positive"
    assert client.get("/rules/nope").status_code == 404
    schema = client.get("/openapi.json").json()
    assert {"/check", "/check_many", "/fix", "/rules"} <= set(schema["paths"])
    page = client.get("/")
    assert page.status_code == 200 and "<textarea" in page.text and "http" not in page.text.split("<script>")[0]
