"""A real HTTP server in the test process that answers like Meilisearch 1.x.

It records every request (method, path, query string, JSON body, headers) so contract
tests can compare them with Meilisearch's documented API, and answers with the documented
response shapes: task summaries (202) for writes, task objects for ``GET /tasks/{uid}``,
``index_not_found`` errors for unknown indexes, and a configurable search answer.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@dataclass
class Recorded:
    method: str
    path: str
    query: dict
    body: object
    headers: dict


@dataclass
class FakeMeilisearch:
    indexes: set[str] = field(default_factory=set)
    requests: list[Recorded] = field(default_factory=list)
    search_answer: dict = field(default_factory=dict)
    search_status: int = 200
    task_counter: int = 0

    def start(self) -> FakeMeilisearch:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output clean
                pass

            def _handle(self):
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                body = json.loads(raw) if raw else None
                fake.requests.append(
                    Recorded(
                        self.command,
                        parts.path,
                        {k: v[0] for k, v in parse_qs(parts.query).items()},
                        body,
                        {k.lower(): v for k, v in self.headers.items()},
                    )
                )
                status, answer = fake.answer(self.command, parts.path, body)
                payload = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _handle

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def writes(self) -> list[Recorded]:
        return [r for r in self.requests if not r.path.startswith("/tasks/")]

    # --- Answers --------------------------------------------------------------------------

    def _task(self, index_uid, kind):
        self.task_counter += 1
        return 202, {
            "taskUid": self.task_counter,
            "indexUid": index_uid,
            "status": "enqueued",
            "type": kind,
            "enqueuedAt": "2026-11-22T10:00:00.000000Z",
        }

    def _not_found(self, uid):
        return 404, {
            "message": f"Index `{uid}` not found.",
            "code": "index_not_found",
            "type": "invalid_request",
            "link": "https://docs.meilisearch.com/errors#index_not_found",
        }

    def answer(self, method: str, path: str, body):
        segments = [s for s in path.split("/") if s]
        if segments[:1] == ["tasks"] and method == "GET":
            return 200, {
                "uid": int(segments[1]),
                "indexUid": None,
                "status": "succeeded",
                "type": "documentAdditionOrUpdate",
                "details": {},
                "error": None,
                "duration": "PT0.001S",
                "enqueuedAt": "2026-11-22T10:00:00.000000Z",
                "startedAt": "2026-11-22T10:00:00.000000Z",
                "finishedAt": "2026-11-22T10:00:00.001000Z",
            }
        if segments == ["indexes"] and method == "POST":
            self.indexes.add(body["uid"])
            return self._task(body["uid"], "indexCreation")
        if segments == ["swap-indexes"] and method == "POST":
            return self._task(None, "indexSwap")
        if segments[:1] != ["indexes"] or len(segments) < 2:
            return 404, {
                "message": "not found",
                "code": "not_found",
                "type": "invalid_request",
                "link": "",
            }
        uid = segments[1]
        rest = segments[2:]
        if method == "GET" and not rest:
            if uid not in self.indexes:
                return self._not_found(uid)
            return 200, {
                "uid": uid,
                "primaryKey": "id",
                "createdAt": "2026-11-22T10:00:00Z",
                "updatedAt": "2026-11-22T10:00:00Z",
            }
        if method == "DELETE" and not rest:
            self.indexes.discard(uid)
            return self._task(uid, "indexDeletion")
        if rest == ["settings"] and method == "PATCH":
            return self._task(uid, "settingsUpdate")
        if rest == ["documents"] and method == "POST":
            self.indexes.add(uid)
            return self._task(uid, "documentAdditionOrUpdate")
        if rest == ["documents", "delete"] and method == "POST":
            return self._task(uid, "documentDeletion")
        if rest == ["documents"] and method == "DELETE":
            return self._task(uid, "documentDeletion")
        if rest == ["search"] and method == "POST":
            if self.search_status != 200:
                return self.search_status, {
                    "message": "internal",
                    "code": "internal",
                    "type": "internal",
                    "link": "",
                }
            if uid not in self.indexes:
                return self._not_found(uid)
            return 200, self.search_answer or {
                "hits": [],
                "query": body.get("q", ""),
                "processingTimeMs": 1,
                "hitsPerPage": body.get("hitsPerPage", 20),
                "page": body.get("page", 1),
                "totalPages": 0,
                "totalHits": 0,
                "facetDistribution": {},
            }
        return 404, {
            "message": "not found",
            "code": "not_found",
            "type": "invalid_request",
            "link": "",
        }
