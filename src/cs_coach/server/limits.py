"""Request limits enforced while the body arrives, before any endpoint sees it.

`Content-Length` alone proves nothing: a chunked body has none, and a client may lie. So the bytes are
counted as they are received and reading stops at the limit (413); the whole body must arrive within a
deadline (408), so slow connections cannot pile up; and a POST must say it sends JSON (415).
"""

from __future__ import annotations

import json
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import anyio
from starlette.exceptions import HTTPException

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
_CLOSE = {"connection": "close"}  # the rest of the body is never read: the connection cannot be reused


class RequestLimits:
    """ASGI middleware: JSON-only bodies of at most `max_bytes`, read within `read_timeout` seconds.

    Over-limit and timeout are raised as HTTPException from inside `receive`, where the endpoint reads the
    body: FastAPI passes an HTTPException through and answers it (413/408) like any other."""

    def __init__(self, app: ASGIApp, max_bytes: int, read_timeout: float) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.read_timeout = read_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in _BODY_METHODS:
            await self.app(scope, receive, send)
            return
        headers = {name.lower(): value for name, value in scope.get("headers", [])}
        if not _is_json(headers.get(b"content-type", b"")):
            await _answer(send, 415, "send the body as JSON with 'content-type: application/json'")
            return
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            status = 413 if length.isdigit() else 400
            await _answer(send, status, f"the body may have at most {self.max_bytes:,} bytes")
            return
        await self.app(scope, self._guard(receive), send)

    def _guard(self, receive: Receive) -> Receive:
        deadline = time.monotonic() + self.read_timeout
        received = 0
        complete = False

        async def guarded() -> Message:
            nonlocal received, complete
            if complete:  # the body is in: later receives wait for a disconnect, with no deadline
                return await receive()
            left = deadline - time.monotonic()
            message = None
            if left > 0:
                with anyio.move_on_after(left):
                    message = await receive()
            if message is None:
                raise HTTPException(408, f"the body did not arrive within {self.read_timeout:g} s", _CLOSE)
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise HTTPException(413, f"the body may have at most {self.max_bytes:,} bytes", _CLOSE)
                complete = not message.get("more_body", False)
            return message

        return guarded


def _is_json(content_type: bytes) -> bool:
    media, _, params = content_type.decode("latin-1").partition(";")
    media = media.strip().lower()
    if not (media == "application/json" or (media.startswith("application/") and media.endswith("+json"))):
        return False
    charset = next((p.split("=", 1)[1].strip().strip('"').lower() for p in params.split(";")
                    if p.strip().lower().startswith("charset=")), "utf-8")
    return charset in ("utf-8", "utf8")


async def _answer(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})
