"""Search: latency at 10,000 and 100,000 indexed services, and reindex throughput.

The sociale kaart's pages are too slow to create by the 100,000 (a Wagtail page is
several rows and a revision each), so synthetic documents of the sociale kaart contract's
shape are generated from the demo's own words and indexed straight into the search
backend through ``search.services.reindex_all`` (the code path of ``search_reindex``;
only the document source differs). The demo content stays in the index too.

Figures per database (the harness runs SQLite and PostgreSQL):
* ``search_reindex_<n>``: documents per second while building the index to n documents;
* ``search_api_<query>_<n>``: p50/p95 of the JSON API next to the bare view, with the
  number of documents the query finds (``matches``); ``search_page_<n>`` the HTML page;
* ``search_after_change_<n>``: the first search after a document changed, when each
  process rebuilds its in-memory filter snapshot (decision 24);
* ``search_p95_growth`` / ``search_p50_growth``: the figure at 100k divided by the one
  at 10k, per query.

The synthetic text draws every word uniformly from the demo's vocabulary, so common
queries match most documents (``schulden`` with its synonyms matches about 80%): a
pessimistic case for counting, facets and ranking.
"""

from __future__ import annotations

import json
import random
import time
from urllib.parse import urlencode

from django.contrib.auth.models import AnonymousUser

from benchmarks.harness import Timing
from search import documents as document_source
from search import services

MUNICIPALITIES = [
    ("aa-en-hunze", "Aa en Hunze", (53.00, 6.75)),
    ("assen", "Assen", (52.99, 6.56)),
    ("tynaarlo", "Tynaarlo", (53.08, 6.60)),
    ("coevorden", "Coevorden", (52.66, 6.74)),
    ("midden-drenthe", "Midden-Drenthe", (52.86, 6.51)),
]
CATEGORIES = [
    ("geld-en-schulden", "Geld en schulden"),
    ("eten-en-kleding", "Eten en kleding"),
    ("kinderen-en-jongeren", "Kinderen en jongeren"),
    ("meedoen-sport-en-cultuur", "Meedoen, sport en cultuur"),
    ("wonen-en-energie", "Wonen en energie"),
    ("taal-en-formulieren", "Taal en formulieren"),
]
TARGET_GROUPS = [
    ("kinderen", "Kinderen"),
    ("ouders", "Ouders"),
    ("volwassenen", "Volwassenen"),
    ("ouderen", "Ouderen"),
]
QUERIES = {
    "word": {"q": "schulden"},
    "typo": {"q": "schuldhlup"},
    "plain_words": {"q": "ik kan mijn huur niet betalen"},
    "filtered": {"q": "gratis sporten kind", "age": "9", "municipality": "assen"},
    "prefix_live": {"q": "voedselb", "live": "1"},
    "near_postcode": {"near": "9401", "category": "geld-en-schulden"},
}


def _vocabulary() -> list[str]:
    words: set[str] = set()
    for document in document_source.all_documents():
        for text in (document["title"], document["summary"], document["body"]):
            words.update(w.strip(".,:;!?()€’'\"").lower() for w in text.split())
    return sorted(w for w in words if w.isalpha() and len(w) > 2)


def synthetic_documents(count: int, words: list[str], start: int = 0):
    rng = random.Random(20261122 + start)
    for number in range(start, start + count):
        municipalities = rng.sample(MUNICIPALITIES, rng.choice([1, 1, 2, 3]))
        categories = rng.sample(CATEGORIES, rng.choice([1, 2]))
        groups = rng.sample(TARGET_GROUPS, rng.choice([1, 2]))
        lat, lng = municipalities[0][2]
        age_min = rng.choice([None, None, 0, 4, 12, 18])
        yield {
            "id": f"service-{900_000_000 + number}",
            "kind": "service",
            "page_id": 900_000_000 + number,
            "title": " ".join(rng.choices(words, k=rng.randint(2, 5))).capitalize(),
            "summary": " ".join(rng.choices(words, k=rng.randint(8, 16))).capitalize()
            + ".",
            "body": " ".join(rng.choices(words, k=rng.randint(30, 80))) + ".",
            "url": f"/bench/aanbod-{number}/",
            "organisation": f"Organisatie {number % 500}",
            "organisation_slug": f"organisatie-{number % 500}",
            "municipalities": [m[0] for m in municipalities],
            "municipality_names": [m[1] for m in municipalities],
            "categories": [c[0] for c in categories],
            "category_names": [c[1] for c in categories],
            "target_groups": [g[0] for g in groups],
            "target_group_names": [g[1] for g in groups],
            "is_free": rng.random() < 0.7,
            "age_min": age_min,
            "age_max": None if age_min is None else rng.choice([17, 23, None]),
            "locations": [
                {
                    "lat": lat + rng.uniform(-0.05, 0.05),
                    "lng": lng + rng.uniform(-0.05, 0.05),
                }
            ],
            "keywords": rng.choices(words, k=3),
            "status": "active" if rng.random() < 0.95 else "temporarily_closed",
            "last_checked_on": "2026-10-01",
        }


def run(ctx) -> None:
    sizes = (2_000, 10_000) if ctx.quick else (10_000, 100_000)
    words = _vocabulary()
    services.search_site("schulden", user=AnonymousUser())  # warm caches
    p50: dict[str, dict[int, float]] = {name: {} for name in QUERIES}
    p95: dict[str, dict[int, float]] = {name: {} for name in QUERIES}
    for size in sizes:
        ctx.progress(f"indexing {size} synthetic services ...")

        def source(size=size):
            yield from document_source.all_documents()
            yield from synthetic_documents(size, words)

        started = time.perf_counter()
        outcome = services.reindex_all(batch_size=1000, documents=source)
        seconds = time.perf_counter() - started
        indexed = int(outcome["database"])
        ctx.emit(
            f"search_reindex_{size}",
            documents=indexed,
            seconds=round(seconds, 1),
            documents_per_second=round(indexed / seconds),
        )
        # Fewer samples at the large size: the point is the growth of the p95, not
        # its third decimal.
        samples = 40 if size == sizes[0] else 20
        for name, params in QUERIES.items():
            url = "/api/search/?" + urlencode(params)
            line = ctx.measure(
                f"search_api_{name}_{size}",
                ctx.get(url),
                n=samples,
                documents=indexed,
                matches=json.loads(ctx.client.get(url).content)["total"],
            )
            p50[name][size] = line["p50_ms"]
            p95[name][size] = line["p95_ms"]
        ctx.measure(
            f"search_page_{size}",
            ctx.get("/zoeken/?" + urlencode({"q": "hulp bij schulden"})),
            n=samples,
            documents=indexed,
        )
        _after_change(ctx, words, size, indexed)
    small, large = sizes
    for label, figures in (("p95", p95), ("p50", p50)):
        ctx.emit(
            f"search_{label}_growth",
            sizes=list(sizes),
            **{
                name: round(values[large] / values[small], 2)
                for name, values in figures.items()
            },
        )


def _after_change(ctx, words: list[str], size: int, indexed: int) -> None:
    """The first search after a document changed: each process then rebuilds its
    filter snapshot (decision 24). The change itself is not timed."""
    document = next(synthetic_documents(1, words, start=size - 1))
    search = ctx.get("/api/search/?" + urlencode(QUERIES["word"]))
    n = 5 if ctx.quick else 20
    samples = []
    for number in range(n):
        services.index_documents([{**document, "title": f"Gewijzigd {number}"}])
        started = time.perf_counter()
        search()
        samples.append((time.perf_counter() - started) * 1000)
    services.index_documents([document])
    timing, base = Timing(samples), ctx.baseline(n)
    ctx.emit(
        f"search_after_change_{size}",
        n=n,
        p50_ms=round(timing.p50, 3),
        p95_ms=round(timing.p95, 3),
        bare_p50_ms=round(base.p50, 3),
        ratio_p50=round(timing.p50 / base.p50, 1),
        documents=indexed,
    )
