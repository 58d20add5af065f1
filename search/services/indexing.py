"""Writing the index: documents and pages into every backend, a rebuild from the
database, and synonyms pushed to the backends that keep them themselves."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Page

from search import documents as document_source
from search import synonyms as synonym_cache
from search.analysis import normalise
from search.backends.base import BackendUnavailable, Document, SearchBackend
from search.models import SynonymGroup
from search.services.registry import mark_unavailable, write_backends


def index_documents(documents: Sequence[Document]) -> None:
    """Add or replace ready-made documents in every backend."""
    _write(lambda backend: backend.upsert(list(documents)))


def remove_documents(doc_ids: Sequence[str]) -> None:
    """Remove documents by id from every backend."""
    _write(lambda backend: backend.delete(list(doc_ids)))


def _write(action: Callable[[SearchBackend], None]) -> None:
    for backend in write_backends():
        if backend.name == "database":
            action(backend)
            continue
        try:
            action(backend)
        except BackendUnavailable as error:
            mark_unavailable(backend, error)


def index_object(obj, *, subtree: bool = False) -> None:
    """Bring the index in step with one page (and the pages its document touches).

    Public, live pages of the sociale kaart are (re)indexed; a page that is no longer
    searchable (unpublished, private, ended) is removed. Its parent is looked at again
    (an organisation's document sums up its services), and with ``subtree`` every page
    below it (a move changes their URLs). Called on commit by ``search/signals.py``.
    """
    found, gone = document_source.documents_for_pages(
        document_source.related_pages(obj, subtree=subtree)
    )
    if found:
        index_documents(found)
    if gone:
        remove_documents(gone)


def remove_object(obj) -> None:
    """Remove one page from the index (it was deleted); its parent is looked at again."""
    remove_documents(document_source.ids_for_page(obj.pk))
    if obj.path and obj.depth and obj.depth > 1:
        parent = Page.objects.filter(path=obj.path[: -Page.steplen]).first()
        if parent is not None:
            found, gone = document_source.documents_for_pages([parent.specific])
            if found:
                index_documents(found)
            if gone:
                remove_documents(gone)


def reindex_all(
    *,
    batch_size: int = 500,
    progress: Callable[[str, int], None] | None = None,
    documents: Callable[[], Iterable[Document]] | None = None,
) -> dict[str, int | str]:
    """Rebuild every backend from the database without taking search down.

    ``progress(backend_name, n)`` is called after each batch. Returns per backend the
    number of documents indexed, or the reason it failed (Meilisearch unreachable).
    """
    source = documents or document_source.all_documents
    outcome: dict[str, int | str] = {}
    for backend in write_backends():

        def step(n: int, name: str = backend.name) -> None:
            if progress:
                progress(name, n)

        if backend.name == "database":
            outcome[backend.name] = backend.rebuild(
                source(), batch_size=batch_size, progress=step
            )
            continue
        try:
            backend.apply_settings(synonyms=synonym_cache.current().groups)
            outcome[backend.name] = backend.rebuild(
                source(), batch_size=batch_size, progress=step
            )
        except BackendUnavailable as error:
            mark_unavailable(backend, error)
            outcome[backend.name] = type(error.__cause__ or error).__name__
    return outcome


# --- Synonyms ------------------------------------------------------------------------------


def synonyms_changed() -> None:
    """Push the synonyms to backends that keep them themselves (after commit)."""
    synonym_cache.forget()

    def push() -> None:
        groups = synonym_cache.current().groups
        for backend in write_backends():
            if backend.name == "database":
                continue  # reads SynonymGroup at query time
            try:
                backend.apply_settings(synonyms=groups)
            except BackendUnavailable as error:
                mark_unavailable(backend, error)

    transaction.on_commit(push)


def synonym_group_create(
    *, terms: Sequence[str], actor=None, note: str = ""
) -> SynonymGroup:
    """A new synonym group (``actor`` None: data migration or demo seed)."""
    cleaned = [term.strip() for term in terms if normalise(term)]
    if len(cleaned) < 2:
        raise ValidationError("Een synoniemengroep heeft minstens twee woorden nodig.")
    with transaction.atomic():
        group = SynonymGroup(terms=", ".join(cleaned), note=note)
        group.full_clean()
        group.save()
    synonyms_changed()
    return group
