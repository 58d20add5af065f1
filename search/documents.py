"""What gets indexed: documents for the public pages of the sociale kaart.

The sociale kaart decides what a page says in search
(``socialekaart.selectors.search_documents`` and ``search_document_for_page``: no
professional notes, only live public pages). This module adds the guarantees search
itself owes: never a draft, never a page behind a view restriction, never anything
else (cases, actions and people are not indexed at all), and every document complete
in the contract's shape (``search.backends.base.Document``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from django.db.models import Q
from wagtail.models import Page

from search.backends.base import Document

log = logging.getLogger("search")

KINDS = ("service", "organisation")
ORGANISATION_MODEL = "socialekaart.organisationpage"
SEARCHABLE_MODELS = ("socialekaart.servicepage", ORGANISATION_MODEL)
LIST_KEYS = (
    "municipalities",
    "municipality_names",
    "categories",
    "category_names",
    "target_groups",
    "target_group_names",
    "locations",
    "keywords",
)
TEXT_KEYS = ("title", "summary", "body", "url", "organisation", "organisation_slug")


def all_documents() -> Iterator[Document]:
    """Every searchable document, straight from the database."""
    selectors = _selectors()
    if selectors is None:
        return
    for document in selectors.search_documents():
        cleaned = clean(document)
        if cleaned is not None:
            yield cleaned


def document_for_page(page) -> Document | None:
    """The document of one page, or None when the page must not be searchable."""
    selectors = _selectors()
    if selectors is None or not page.live:
        return None
    if page.get_view_restrictions().exists():
        return None
    document = selectors.search_document_for_page(page.specific)
    return clean(document) if document else None


def is_searchable_kind(page) -> bool:
    """Can pages of this type be in the index at all (service and organisation pages)?"""
    return page.specific_class is not None and (
        page.specific_class._meta.label_lower in SEARCHABLE_MODELS
    )


def documents_for_pages(pages) -> tuple[list[Document], list[str]]:
    """(documents to index, ids to remove) for ``pages`` (searchable kinds only)."""
    found: list[Document] = []
    gone: list[str] = []
    for node in pages:
        if not is_searchable_kind(node):
            continue
        document = document_for_page(node)
        ids = ids_for_page(node.pk)
        if document is None:
            gone.extend(ids)
        else:
            found.append(document)
            gone.extend(i for i in ids if i != document["id"])
    return found, gone


def related_pages(page, *, subtree: bool) -> list:
    """The pages whose documents can change when ``page`` changes.

    The page itself; its parent (an organisation's document sums up its services);
    its children when it is an organisation (they carry its name); the whole subtree
    when ``subtree`` (a move or a new slug changes every URL below).
    """
    pages = [page]
    if subtree or (
        page.specific_class
        and page.specific_class._meta.label_lower == ORGANISATION_MODEL
    ):
        below = page.get_descendants() if subtree else page.get_children()
        pages.extend(below.specific())
    parent = (
        Page.objects.filter(path=page.path[: -Page.steplen]).first()
        if page.depth > 1
        else None
    )
    if parent is not None:
        pages.append(parent.specific)
    return pages


def document_ids_for_page_tree(page) -> list[str]:
    ids = ids_for_page(page.pk)
    if page.pk is not None and page.path:
        for pk in page.get_descendants().values_list("pk", flat=True):
            ids.extend(ids_for_page(pk))
    return ids


def ids_for_page(page_id: int | None) -> list[str]:
    """Every id a document of this page can have (the kind is part of the id)."""
    return [f"{kind}-{page_id}" for kind in KINDS] if page_id is not None else []


def clean(document: dict) -> Document | None:
    """``document`` with every contract key present and of the right type."""
    if not document or not document.get("id"):
        return None
    cleaned = dict(document)
    for key in LIST_KEYS:
        cleaned[key] = list(cleaned.get(key) or [])
    for key in TEXT_KEYS:
        cleaned[key] = str(cleaned.get(key) or "")
    cleaned["id"] = str(cleaned["id"])
    cleaned.setdefault("kind", cleaned["id"].split("-", 1)[0])
    cleaned.setdefault("page_id", None)
    cleaned["is_free"] = bool(cleaned.get("is_free"))
    for key in ("age_min", "age_max"):
        value = cleaned.get(key)
        cleaned[key] = int(value) if value is not None else None
    cleaned["status"] = cleaned.get("status") or "active"
    checked = cleaned.get("last_checked_on")
    if checked is not None and not isinstance(checked, str):
        cleaned["last_checked_on"] = checked.isoformat()
    else:
        cleaned.setdefault("last_checked_on", None)
    return cleaned  # type: ignore[return-value]


def _selectors():
    try:  # an optional dependency: search also runs without the sociale kaart
        from socialekaart import selectors
    except ImportError:  # the sociale kaart is not installed: nothing to index
        return None
    if not hasattr(selectors, "search_documents"):
        log.warning(
            "socialekaart.selectors has no search_documents(); nothing indexed."
        )
        return None
    return selectors


def estimated_count() -> int:
    """How many pages may become documents (for progress bars)."""
    kinds = Q()
    for label in SEARCHABLE_MODELS:
        app_label, model = label.split(".")
        kinds |= Q(content_type__app_label=app_label, content_type__model=model)
    return Page.objects.live().filter(kinds).count()
