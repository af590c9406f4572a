"""The local HTTP API as a script would use it: the scenario runner and the load generator go
through here, so what they can do a user's own script can do too (DESIGN.md: the simulator
uses the public app API). The same client talks to the platform a command starts for itself
and to a ``serve`` already running elsewhere.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from app.transport.http import HttpClient


class ApiError(Exception):
    """The API refused a request, or could not be reached; the message says which and why."""

    def __init__(self, method: str, path: str, status: int | None,
                 errors: list[dict[str, Any]]) -> None:
        self.method, self.path, self.status, self.errors = method, path, status, errors
        said = "; ".join(_finding(e) for e in errors) or "no reason given"
        super().__init__(f"{method} {path} → {status or 'no answer'}: {said}")


def _finding(error: dict[str, Any]) -> str:
    text = f"{error['path']}: " if error.get("path") else ""
    text += str(error.get("message", ""))
    return text + (f" (hint: {error['hint']})" if error.get("hint") else "")


class PlatformClient:
    """``async with PlatformClient(url, token) as api: await api.post("/api/events", doc)``."""

    def __init__(self, base_url: str, token: str, *, time_limit: float = 60.0) -> None:
        self.base_url, self.time_limit = base_url.rstrip("/"), time_limit
        self._auth = {"Authorization": f"Bearer {token}", "Content-Type": "application/json",
                      "Accept": "application/json"}
        self._http = HttpClient()

    async def __aenter__(self) -> PlatformClient:
        await self._http.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._http.close()

    async def call(self, method: str, path: str, doc: Any = None,
                   query: dict[str, Any] | None = None) -> Any:
        """The decoded JSON answer of a 2xx; ApiError otherwise."""
        status, answer = await self.exchange(method, path, doc, query)
        if status is None or not 200 <= status < 300:
            errors = answer.get("errors") if isinstance(answer, dict) else None
            raise ApiError(method, path, status, errors if isinstance(errors, list) else
                           [{"path": "", "message": str(answer)}])
        return answer

    async def exchange(self, method: str, path: str, doc: Any = None,
                       query: dict[str, Any] | None = None) -> tuple[int | None, Any]:
        """(status, decoded answer) whatever the status; status None when nobody answered,
        and then the answer is ``{"errors": [...]}`` saying why."""
        wanted = {k: v for k, v in (query or {}).items() if v is not None}
        url = self.base_url + path + (f"?{urlencode(wanted)}" if wanted else "")
        body = None if doc is None else json.dumps(doc, ensure_ascii=False).encode()
        result = await self._http.request(method, url, body, self._auth, self.time_limit)
        if result.status is None:
            return None, {"errors": [{"path": "", "message": result.error or "no answer",
                                      "hint": f"is Push Studio serving at {self.base_url}?"}]}
        try:
            answer = json.loads(result.body_head) if result.body_head else None
        except ValueError:
            answer = {"errors": [{"path": "", "message": result.body_head[:200].decode(
                "utf-8", "replace")}]}
        return result.status, answer

    async def get(self, path: str, **query: Any) -> Any:
        return await self.call("GET", path, query=query)

    async def post(self, path: str, doc: Any = None, **query: Any) -> Any:
        return await self.call("POST", path, {} if doc is None else doc, query)

    async def put(self, path: str, doc: Any) -> Any:
        return await self.call("PUT", path, doc)
