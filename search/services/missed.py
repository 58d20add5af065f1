"""Missed searches: what is kept of a search that found nothing (ordinary words only,
never anything traceable to a person, decision 0066) and how it is counted."""

from __future__ import annotations

import re
from functools import lru_cache

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from pact.roles import can
from search.analysis import Decompounder, tokenize
from search.models import MissedSearch

MISSED_MAX_WORDS = 6
MISSED_MAX_LENGTH = 100


# Anything traceable: e-mail and web addresses, and every digit (phone numbers, BSN,
# house numbers, postcodes, dates). A search holding one is not kept at all.
_PERSONAL = re.compile(r"\S+@\S+|(?:https?://|www\.)\S+|\d", re.IGNORECASE)
# Capitalised words joined by a tussenvoegsel: "Jan de Vries", "Fatima el Amrani".
_TUSSENVOEGSELS = r"(?:van|de|der|den|het|ten|ter|te|in|op|la|le|el|al|da|di|du|'t)"
_NAME_WITH_TUSSENVOEGSEL = re.compile(
    rf"\b[A-ZÀ-Ý][\w'’-]+(?:\s+{_TUSSENVOEGSELS})+\s+[A-ZÀ-Ý][\w'’-]+"
)
# Two or more capitalised words in a row ("Hendrikje Qwazlowski")...
_CAPITALISED_RUN = re.compile(r"\b[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+)+")
# ... count as a name when one of them is rare as an ordinary word (Zipf frequency in
# wordfreq's Dutch list; "Hendrikje" 2.3, "Tweedehands" 3.8, "Fietsen" 4.6).
NAME_WORD_MAX_ZIPF = 2.5


def _looks_like_a_name(text: str) -> bool:
    import wordfreq  # late on purpose: about 0.2 s to import (see search.analysis)

    if _NAME_WITH_TUSSENVOEGSEL.search(text):
        return True
    for run in _CAPITALISED_RUN.findall(text):
        if any(
            wordfreq.zipf_frequency(word, "nl") < NAME_WORD_MAX_ZIPF
            for word in tokenize(run)
        ):
            return True
    return False


def _is_known_word(word: str) -> bool:
    """A Dutch word (``wordfreq``'s list) or a compound of Dutch words. A surname
    such as "Qwazlowski" is neither."""
    import wordfreq  # late on purpose: about 0.2 s to import (see search.analysis)

    if wordfreq.zipf_frequency(word, "nl") > 0:
        return True
    return bool(_decompounder().split(word))


@lru_cache(maxsize=1)
def _decompounder():
    return Decompounder()


def missed_query_text(text: str) -> str:
    """What is kept of a search that found nothing: ordinary words only, or nothing.

    Not kept at all (``""`` is returned): a search with an e-mail or web address or any
    digit (phone numbers, BSN, house numbers, postcodes, dates); one that looks like a
    person's name (capitalised words joined by a tussenvoegsel, capitalised words in a
    row of which one is rare as an ordinary word, or a word that is neither Dutch nor a
    compound of Dutch words); and long stories (decision 0066).
    """
    text = text or ""
    if _PERSONAL.search(text) or _looks_like_a_name(text):
        return ""
    words = tokenize(text)
    if not words or len(words) > MISSED_MAX_WORDS:
        return ""
    if not all(_is_known_word(word) for word in words):
        return ""
    return " ".join(words)[:MISSED_MAX_LENGTH]


def missed_search_record(text: str) -> MissedSearch | None:
    """Count one search that found nothing (see ``missed_query_text``)."""
    query = missed_query_text(text)
    if not query:
        return None
    today = timezone.localdate()
    rows = MissedSearch.objects.filter(query=query)
    if not rows.update(count=F("count") + 1, last_seen_on=today):
        try:
            with transaction.atomic():
                MissedSearch.objects.create(
                    query=query, count=1, first_seen_on=today, last_seen_on=today
                )
        except IntegrityError:  # someone else counted the same words first
            rows.update(count=F("count") + 1, last_seen_on=today)
    return rows.first()


def missed_search_delete(*, missed: MissedSearch, actor) -> None:
    """Remove a counted search (handled: content or a synonym was added)."""
    if not can(actor, "kaart.manage_taxonomy"):
        raise PermissionDenied
    missed.delete()
