"""Measuring helpers for the benchmarks.

Every scenario is measured in-process through Django's test client (the whole
middleware stack, templates and queries; no network) and reported with the bare view
(``/bench/bare/``) measured just before it with the same number of requests, so ratios
stay meaningful on a noisy shared machine where absolute times do not.
"""

from __future__ import annotations

import gc
import json
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection
from django.test import Client


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


@dataclass
class Timing:
    samples_ms: list[float]
    queries: int | None = None

    @property
    def p50(self) -> float:
        return statistics.median(self.samples_ms)

    @property
    def p95(self) -> float:
        return percentile(self.samples_ms, 0.95)


def time_calls(call: Callable[[], object], n: int, warmup: int = 3) -> Timing:
    for _ in range(warmup):
        call()
    gc.collect()
    samples = []
    for _ in range(n):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return Timing(samples, queries=count_queries(call))


def count_queries(call: Callable[[], object]) -> int:
    """Database queries one call makes (counted at the cursor, so resets do not matter)."""
    count = 0

    def counter(execute, sql, params, many, context):
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):
        call()
    return count


@dataclass
class Context:
    """What a scenario gets: the database label, a client, and the measuring helpers."""

    database: str
    quick: bool
    client: Client = field(default_factory=Client)

    def get(
        self, url: str, client: Client | None = None, expect: int = 200
    ) -> Callable[[], None]:
        client = client or self.client

        def call() -> None:
            response = client.get(url)
            if response.status_code != expect:
                raise AssertionError(
                    f"GET {url} answered {response.status_code}, expected {expect}"
                )

        return call

    def baseline(self, n: int) -> Timing:
        return time_calls(self.get("/bench/bare/"), n)

    def measure(
        self, scenario: str, call: Callable[[], object], n: int, **figures
    ) -> dict:
        """Time ``call`` n times next to the bare view; print and return the JSON line."""
        if self.quick:
            n = max(5, n // 10)
        base = self.baseline(n)
        timing = time_calls(call, n)
        return self.emit(
            scenario,
            n=n,
            p50_ms=round(timing.p50, 3),
            p95_ms=round(timing.p95, 3),
            bare_p50_ms=round(base.p50, 3),
            bare_p95_ms=round(base.p95, 3),
            ratio_p50=round(timing.p50 / base.p50, 1),
            ratio_p95=round(timing.p95 / base.p95, 1),
            queries=timing.queries,
            **figures,
        )

    def emit(self, scenario: str, **figures) -> dict:
        line = {"scenario": scenario, "database": self.database, **figures}
        sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
        sys.stdout.flush()
        return line

    def progress(self, message: str) -> None:
        sys.stderr.write(f"  {message}\n")
        sys.stderr.flush()
