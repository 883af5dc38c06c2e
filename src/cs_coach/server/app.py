"""FastAPI app over the public API: JSON in, the same models out, with request limits and a playground.

Checking is CPU-bound and Kiwi releases no parallelism to Python threads for short texts, so the endpoints
are plain `def` (run in the thread pool) and share one warmed Coach.
"""

from __future__ import annotations

from importlib import resources
from typing import Annotated

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from .. import __version__
from ..engine import Coach
from ..models import FixResult, Report

MAX_TEXT_CHARS = 20_000
MAX_BATCH = 500
MAX_BODY_BYTES = 2_000_000


class CheckRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: Annotated[str, Field(max_length=MAX_TEXT_CHARS)]


class CheckManyRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    texts: Annotated[list[Annotated[str, Field(max_length=MAX_TEXT_CHARS)]], Field(max_length=MAX_BATCH)]


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


def create_app(coach: Coach | None = None) -> FastAPI:
    """An app bound to one Coach (the built-in packs by default)."""
    app = FastAPI(title="cs_coach", version=__version__,
                  description="Korean customer-service reply coaching: findings, reasons and rewrites.")
    app.state.coach = coach or Coach()

    @app.middleware("http")
    async def limit_body(request: Request, call_next):  # type: ignore[no-untyped-def]
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > MAX_BODY_BYTES:
            return JSONResponse({"detail": f"body over {MAX_BODY_BYTES} bytes"}, status_code=413)
        return await call_next(request)

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    @app.post("/check", response_model=Report)
    def check(body: CheckRequest) -> Report:
        return app.state.coach.check(body.text)

    @app.post("/check_many", response_model=list[Report])
    def check_many(body: CheckManyRequest) -> list[Report]:
        return list(app.state.coach.check_many(body.texts))

    @app.post("/fix", response_model=FixResult)
    def fix(body: FixRequest) -> FixResult:
        return app.state.coach.fix(body.text, unsafe=body.unsafe, inputs=body.inputs)

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

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def playground() -> str:
        return (resources.files("cs_coach.server") / "static" / "playground.html").read_text(encoding="utf-8")

    return app


def serve(host: str = "127.0.0.1", port: int = 8000) -> None:
    import uvicorn

    uvicorn.run(create_app(), host=host, port=port, log_level="info")
