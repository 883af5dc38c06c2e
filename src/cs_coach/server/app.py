"""FastAPI app over the public API: JSON in, the same models out, with request limits and a playground.

Checking is CPU-bound and Kiwi releases no parallelism to Python threads for short texts, so the endpoints
are plain `def` (run in the thread pool) and share one warmed Coach.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import resources
from typing import Annotated, Any, TypeVar

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from .. import __version__
from ..engine import Coach
from ..labels import CATEGORY_LABELS, LEVEL_LABELS, SEVERITY_LABELS
from ..models import FixResult, Report
from .limits import RequestLimits

T = TypeVar("T")
R = TypeVar("R")

MAX_TEXT_CHARS = 20_000
MAX_BATCH = 500
MAX_BODY_BYTES = 2_000_000
BODY_TIMEOUT_SECONDS = 15.0
_MAX_KEY = 32  # an error names an unknown key only when it is this short (a key is what the client sent, too)


# A lone surrogate (JSON may carry "\\ud800") is refused by pydantic's str validation itself: a 422.
Text = Annotated[str, Field(max_length=MAX_TEXT_CHARS)]


class _Request(BaseModel):
    # strict: "unsafe": "yes" or "text": 3 is an error, never coerced; extra fields are an error too.
    model_config = ConfigDict(extra="forbid", strict=True)


class CheckRequest(_Request):
    text: Text


class CheckManyRequest(_Request):
    texts: Annotated[list[Text], Field(max_length=MAX_BATCH)]


class FixRequest(CheckRequest):
    unsafe: bool = False
    inputs: Annotated[dict[Annotated[str, Field(max_length=40)], Annotated[str, Field(max_length=500)]],
                      Field(max_length=20)] = Field(default_factory=dict)
    """Values for the slots of template rewrites ({"대안": "…"}); applied only with `unsafe`."""


class RuleInfo(BaseModel):
    id: str
    pack: str
    category: str
    severity: str
    message: str
    why: str


def create_app(coach: Coach | None = None, max_body_bytes: int = MAX_BODY_BYTES,
               body_timeout: float = BODY_TIMEOUT_SECONDS) -> FastAPI:
    """An app bound to one Coach (the built-in packs by default)."""
    app = FastAPI(title="cs_coach", version=__version__,
                  description="Korean customer-service reply coaching: findings, reasons and rewrites.")
    app.state.coach = coach or Coach()

    app.add_middleware(RequestLimits, max_bytes=max_body_bytes, read_timeout=body_timeout)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        # FastAPI's default answer repeats the input (the whole text): give only where and what.
        return JSONResponse({"detail": [_public(error) for error in exc.errors()]}, status_code=422)

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    @app.post("/check", response_model=Report)
    def check(body: CheckRequest) -> Report:
        return _unprocessable_on_value_error(app.state.coach.check, body.text)

    @app.post("/check_many", response_model=list[Report])
    def check_many(body: CheckManyRequest) -> list[Report]:
        return _unprocessable_on_value_error(lambda texts: list(app.state.coach.check_many(texts)), body.texts)

    @app.post("/fix", response_model=FixResult)
    def fix(body: FixRequest) -> FixResult:
        return _unprocessable_on_value_error(
            lambda text: app.state.coach.fix(text, unsafe=body.unsafe, inputs=body.inputs), body.text
        )

    @app.get("/rules", response_model=list[RuleInfo])
    def rules() -> list[RuleInfo]:
        return [RuleInfo(id=r.id, pack=r.pack, category=r.rule.category, severity=r.rule.severity,
                         message=r.rule.message, why=r.rule.why) for r in app.state.coach.ruleset.rules]

    @app.get("/rules/{rule_id}", response_model=RuleInfo)
    def rule(rule_id: str) -> RuleInfo:
        found = next((r for r in rules() if r.id == rule_id), None)
        if found is None:
            raise HTTPException(status_code=404, detail=f"unknown rule {rule_id!r}")
        return found

    @app.get("/labels")
    def labels() -> dict[str, dict[str, str]]:
        """Korean names of categories, severities and speech levels, for showing results to people."""
        return {"categories": CATEGORY_LABELS, "severities": SEVERITY_LABELS, "levels": LEVEL_LABELS}

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def playground() -> str:
        return (resources.files("cs_coach.server") / "static" / "playground.html").read_text(encoding="utf-8")

    return app


def _public(error: Mapping[str, Any]) -> dict[str, Any]:
    loc = [part if isinstance(part, int) or len(str(part)) <= _MAX_KEY else f"<a key of {len(str(part))} characters>"
           for part in error.get("loc", ())]
    return {"loc": loc, "msg": str(error.get("msg", "invalid request")), "type": str(error.get("type", ""))}


def _unprocessable_on_value_error(call: Callable[[T], R], argument: T) -> R:
    """The library's ValueError on a text (what it cannot analyse) is the client's error: 422, not 500."""
    try:
        return call(argument)
    except ValueError as exc:
        detail = [{"loc": ["body"], "msg": str(exc)[:300], "type": "value_error"}]
        raise HTTPException(status_code=422, detail=detail) from None


def serve(host: str = "127.0.0.1", port: int = 8000, limit_concurrency: int = 100) -> None:
    """uvicorn with a bound on open connections (503 beyond it); bodies are bounded by RequestLimits."""
    import uvicorn

    uvicorn.run(create_app(), host=host, port=port, log_level="info", limit_concurrency=limit_concurrency,
                timeout_keep_alive=5)
