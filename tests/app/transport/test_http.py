"""Real HTTP on 127.0.0.1: the client against a real aiohttp server, both in our types."""

from __future__ import annotations

import socket

from app.transport.http import HttpRequest, HttpResponse, HttpServer


async def echo(request: HttpRequest) -> HttpResponse:
    if request.path == "/boom":
        raise RuntimeError("handler bug")
    return HttpResponse.json({"method": request.method, "path": request.path,
                              "query": dict(request.query), "ua": request.headers["user-agent"],
                              "size": len(request.body)}, 201)


async def test_a_round_trip(client):
    server = await HttpServer(echo).start()
    try:
        result = await client.post(f"{server.url}/x?a=1", b"hello", {"X-Test": "1"}, 5)
        assert result.status == 201 and result.error is None and result.latency_ms > 0
        assert b'"path":"/x"' in result.body_head and b'"size":5' in result.body_head
        assert b"PushStudio" in result.body_head
    finally:
        await server.stop()


async def test_bodies_over_the_limit_get_413_without_reaching_the_handler(client):
    seen = []

    async def handler(request):
        seen.append(request)
        return HttpResponse()

    server = await HttpServer(handler, max_body=1000).start()
    try:
        result = await client.post(server.url, b"x" * 2000, {}, 5)
        assert result.status == 413 and b"over 1,000 bytes" in result.body_head and not seen
    finally:
        await server.stop()


async def test_a_handler_bug_is_a_500_and_the_server_lives_on(client):
    server = await HttpServer(echo).start()
    try:
        assert (await client.post(f"{server.url}/boom", b"", {}, 5)).status == 500
        assert (await client.post(f"{server.url}/ok", b"", {}, 5)).status == 201
    finally:
        await server.stop()


async def test_no_listener_is_an_error_not_an_exception(client):
    with socket.socket() as s:  # a port that nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = await client.post(f"http://127.0.0.1:{port}/", b"", {}, 5)
    assert result.status is None and "cannot connect to 127.0.0.1" in result.error


async def test_only_the_head_of_a_large_answer_is_kept(client):
    async def big(_request):
        return HttpResponse(200, b"y" * 100_000, "text/plain")

    server = await HttpServer(big).start()
    try:
        assert len((await client.post(server.url, b"", {}, 5)).body_head) == 4096
    finally:
        await server.stop()
