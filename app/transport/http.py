"""HTTP over aiohttp: a client for callbacks and a server for the API and simulated
subscribers, both in our own request/response types."""

from __future__ import annotations

import asyncio
import logging
import socket
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web

from app import json_codec

log = logging.getLogger(__name__)

#: How much of a response body is kept in the attempt log.
RESPONSE_HEAD = 4096
USER_AGENT = "PushStudio/0.1 (+callback service)"


@dataclass(frozen=True, slots=True)
class HttpResult:
    """How one outgoing request ended: a status, or an error saying why there was none."""

    status: int | None
    headers: Mapping[str, str]
    body_head: bytes
    latency_ms: float
    error: str | None = None


class HttpClient:
    """One pooled aiohttp session; ``post`` never raises for network trouble."""

    def __init__(self) -> None:
        self._session: aiohttp.ClientSession | None = None

    async def start(self) -> None:
        if self._session is None:
            # No global cap: the callback service's lanes bound concurrency per subscriber.
            connector = aiohttp.TCPConnector(limit=0, limit_per_host=0)
            self._session = aiohttp.ClientSession(
                connector=connector, headers={"User-Agent": USER_AGENT},
                auto_decompress=True)

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def post(self, url: str, body: bytes, headers: Mapping[str, str],
                   time_limit: float) -> HttpResult:
        """POST and read at most RESPONSE_HEAD bytes of the answer, within ``time_limit``
        seconds for the whole exchange (the subscription's timeout)."""
        return await self.request("POST", url, body, headers, time_limit, RESPONSE_HEAD)

    async def request(self, method: str, url: str, body: bytes | None = None,
                      headers: Mapping[str, str] | None = None, time_limit: float = 30.0,
                      read_limit: int = -1) -> HttpResult:
        """Any request; the answer's body read whole (or its first ``read_limit`` bytes).
        Network trouble is an ``error``, never an exception."""
        assert self._session is not None, "HttpClient.start() first"
        started = time.perf_counter()
        try:
            async with self._session.request(
                    method, url, data=body, headers=dict(headers or {}), allow_redirects=False,
                    timeout=aiohttp.ClientTimeout(total=time_limit)) as response:
                head = await response.content.read(read_limit)
                return HttpResult(response.status, dict(response.headers), head,
                                  _ms(started))
        except TimeoutError:
            return HttpResult(None, {}, b"", _ms(started),
                              f"timed out after {time_limit:g} s")
        except aiohttp.ClientConnectorError as error:
            return HttpResult(None, {}, b"", _ms(started),
                              f"cannot connect to {error.host}:{error.port}: "
                              f"{error.os_error.strerror or error.os_error}")
        except aiohttp.ClientError as error:
            return HttpResult(None, {}, b"", _ms(started),
                              f"{type(error).__name__}: {error}" if str(error)
                              else type(error).__name__)


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 3)


# --- serving ---------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class HttpRequest:
    method: str
    path: str
    query: Mapping[str, str]
    #: Header names in lower case.
    headers: Mapping[str, str]
    body: bytes
    received_at: float = field(default_factory=time.time)


@dataclass(slots=True)
class HttpResponse:
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def json(cls, value: Any, status: int = 200) -> HttpResponse:
        return cls(status, json_codec.dumps(value).encode())


Handler = Callable[[HttpRequest], Awaitable[HttpResponse]]


class HttpServer:
    """Serves every request to one handler. Bodies over ``max_body`` get 413 before the
    handler sees them."""

    def __init__(self, handler: Handler, host: str = "127.0.0.1", port: int = 0,
                 max_body: int = 1024 * 1024) -> None:
        self.handler, self.host, self.port, self.max_body = handler, host, port, max_body
        self._runner: web.AppRunner | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    async def start(self) -> HttpServer:
        app = web.Application(client_max_size=self.max_body)
        app.router.add_route("*", "/{tail:.*}", self._serve)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        # Bind ourselves so that port 0 (any free port) can be read back.
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self.port))
        self.port = sock.getsockname()[1]
        await web.SockSite(self._runner, sock).start()
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _serve(self, request: web.Request) -> web.StreamResponse:
        try:
            body = await request.read()
        except web.HTTPRequestEntityTooLarge:
            return _web(HttpResponse.json({"errors": [{
                "path": "", "message": f"the body is over {self.max_body:,} bytes",
                "hint": "send one event at a time, each under 1 MB"}]}, 413))
        ours = HttpRequest(request.method, request.path, dict(request.query),
                           {k.lower(): v for k, v in request.headers.items()}, body)
        try:
            response = await self.handler(ours)
        except asyncio.CancelledError:
            raise
        except Exception:  # a handler bug must not take the server down; it is logged
            log.exception("handling %s %s failed", request.method, request.path)
            response = HttpResponse.json({"errors": [{"path": "", "message":
                                                      "internal error; see the log"}]}, 500)
        return _web(response)


def _web(response: HttpResponse) -> web.Response:
    return web.Response(status=response.status, body=response.body,
                        content_type=response.content_type, headers=response.headers)
