"""The optional HTTP service: same models as the library, limits enforced, OpenAPI published."""

from __future__ import annotations

import json

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


def test_strict_models_do_not_coerce(client: TestClient) -> None:
    assert client.post("/fix", json={"text": "안 돼요.", "unsafe": "yes"}).status_code == 422
    assert client.post("/fix", json={"text": "안 돼요.", "unsafe": 1}).status_code == 422
    assert client.post("/fix", json={"text": "안 돼요.", "unsafe": True}).status_code == 200
    assert client.post("/check_many", json={"texts": ["네", 5]}).status_code == 422


def test_validation_errors_never_echo_the_input(client: TestClient) -> None:
    secret = "고객 주민번호 900101-1234567 " * 1_000  # over the length limit
    for body in ({"text": secret}, {"text": secret[:100], "unsafe": secret}, {"text": 3, secret[:5000]: 1}):
        response = client.post("/fix", json=body)
        assert response.status_code == 422
        assert "900101" not in response.text and len(response.text) < 2_000
        assert all(set(d) == {"loc", "msg", "type"} for d in response.json()["detail"])
    unknown = client.post("/check", json={"text": "네", "txt": "오타"}).json()["detail"]
    assert unknown[0]["loc"] == ["body", "txt"]  # a short unknown key is named, to help the client
    broken = client.post("/check", content=b'{"text": "' + secret.encode() + b'"', headers=JSON)
    assert broken.status_code == 422 and "900101" not in broken.text


JSON = {"content-type": "application/json"}


def test_only_json_bodies_are_accepted(client: TestClient) -> None:
    assert client.post("/check", content="안 돼요.".encode(), headers={"content-type": "text/plain"}).status_code == 415
    form = {"content-type": "application/x-www-form-urlencoded"}
    assert client.post("/check", content=b'{"text": "x"}', headers=form).status_code == 415
    latin = {"content-type": "application/json; charset=latin-1"}
    assert client.post("/check", content=b'{"text": "x"}', headers=latin).status_code == 415
    utf8 = {"content-type": "application/json; charset=utf-8"}
    assert client.post("/check", content='{"text": "네"}'.encode(), headers=utf8).status_code == 200


@pytest.mark.parametrize("text", ["안 돼요 \ud800 정말요", "\udfff", "가" * 10 + "\udc80"])
def test_lone_surrogates_are_a_client_error(client: TestClient, text: str) -> None:
    body = json.dumps({"text": text}).encode()  # ensure_ascii: the surrogate travels as \\udxxx
    for path in ("/check", "/fix"):
        response = client.post(path, content=body, headers=JSON)
        assert response.status_code == 422, response.text
        assert "unicode" in response.text and "\\u" not in response.text
    many = json.dumps({"texts": ["네", text]}).encode()
    assert client.post("/check_many", content=many, headers=JSON).status_code == 422


def test_a_library_value_error_is_a_422(monkeypatch: pytest.MonkeyPatch) -> None:
    coach = cs_coach.default_coach()

    class Refusing:
        ruleset = coach.ruleset

        def check(self, text: str) -> cs_coach.Report:
            raise ValueError("text cannot be analysed at position 3")

    app = create_app(Refusing())  # type: ignore[arg-type]
    response = TestClient(app).post("/check", json={"text": "안녕"})
    assert response.status_code == 422 and "position 3" in response.json()["detail"][0]["msg"]


def _asgi_post(app, chunks: list[bytes], delay: float = 0.0, headers: list | None = None,
               final: bool = True) -> tuple[int, bytes, int]:
    """POST /check straight through ASGI with a chunked body (no content-length): status, body, chunks read."""
    import anyio

    sent = {"n": 0}
    out: dict = {}

    async def receive() -> dict:
        if sent["n"] < len(chunks):
            if delay:
                await anyio.sleep(delay)
            sent["n"] += 1
            more = sent["n"] < len(chunks) or not final
            return {"type": "http.request", "body": chunks[sent["n"] - 1], "more_body": more}
        await anyio.sleep(3600)  # the client never sends anything more
        return {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        if message["type"] == "http.response.start":
            out["status"] = message["status"]
        elif message["type"] == "http.response.body":
            out["body"] = out.get("body", b"") + message.get("body", b"")

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
             "path": "/check", "raw_path": b"/check", "query_string": b"", "root_path": "",
             "headers": headers if headers is not None else [(b"content-type", b"application/json"),
                                                              (b"transfer-encoding", b"chunked")],
             "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80)}

    async def main() -> None:
        with anyio.fail_after(30):
            await app(scope, receive, send)

    anyio.run(main)
    return out["status"], out.get("body", b""), sent["n"]


def test_a_chunked_body_is_counted_as_it_arrives() -> None:
    app = create_app(cs_coach.default_coach(), max_body_bytes=10_000)
    chunks = [b'{"text": "'] + [b"a" * 1_000] * 1_000 + [b'"}']  # 1 MB, no content-length
    status, body, read = _asgi_post(app, chunks)
    assert status == 413 and b"10,000" in body
    assert read < 20  # reading stopped at the limit, not after the whole body
    ok_status, _, _ = _asgi_post(app, [b'{"text": ', '"안 돼요."}'.encode()])
    assert ok_status == 200


def test_a_slow_body_times_out() -> None:
    app = create_app(cs_coach.default_coach(), body_timeout=0.3)
    status, _, read = _asgi_post(app, [b'{"text": "'] + [b"a"] * 100 + [b'"}'], delay=0.05)
    assert status == 408 and read < 100
    stalled, _, _ = _asgi_post(app, [b'{"text": "'] + [b"a"] * 3, final=False)  # then silence
    assert stalled == 408


def test_playground_formats_validation_errors(client: TestClient) -> None:
    script = client.get("/").text.split("<script>")[1]
    assert "d.msg" in script and ".detail ||" not in script  # not "[object Object]"


def test_labels_give_korean_names_for_every_code(client: TestClient) -> None:
    labels = client.get("/labels").json()
    assert set(labels["categories"]) == set(cs_coach.CATEGORIES)
    assert labels["severities"] == {"error": "오류", "warning": "경고", "info": "참고"}
    assert labels["levels"]["hapsyo"] == "합쇼체"
    page = client.get("/").text
    assert 'fetch("/labels")' in page and 'label("categories", f.category)' in page
