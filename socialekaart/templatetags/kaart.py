"""Template helpers of the sociale kaart (presentation only)."""

from __future__ import annotations

import json
from html import unescape

from django import template
from django.conf import settings
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from socialekaart.constants import LANGUAGE_CHOICES, AgeSubject, HouseholdType, Weekday
from socialekaart.eligibility import age_range, join_clauses
from socialekaart.eligibility import amount_text as format_amount
from socialekaart.eligibility import euros as format_euros
from socialekaart.eligibility import euros_cents as format_euros_cents

register = template.Library()

LANGUAGES = dict(LANGUAGE_CHOICES)


@register.filter
def weekday_names(days) -> str:
    """["1", "2", "3"] -> "maandag tot en met woensdag"; ["1", "3"] -> "maandag en woensdag"."""
    numbers = sorted(int(day) for day in days or [])
    if not numbers:
        return ""
    names = {int(value): label for value, label in Weekday.choices}
    if len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return _("%(first)s tot en met %(last)s") % {
            "first": names[numbers[0]],
            "last": names[numbers[-1]],
        }
    return join_clauses([str(names[number]) for number in numbers])


@register.filter
def language_names(codes) -> str:
    return join_clauses([str(LANGUAGES.get(code, code)) for code in codes or []])


@register.filter
def euros(amount) -> str:
    return format_euros(amount) if amount is not None else ""


@register.filter
def euros_cents(amount) -> str:
    """``€ 1.600,00``."""
    return keep_euro(format_euros_cents(amount)) if amount is not None else ""


@register.filter
def amount_text(amount) -> str:
    """One rule's amount for the household: ``€ 350,00 per kind per jaar``."""
    return keep_euro(format_amount(amount))


@register.filter
def keep_euro(text) -> str:
    """The euro sign stays on the line of its amount (a no-break space after it)."""
    return str(text).replace("€ ", "€\u00a0")


@register.filter
def tel_href(number: str) -> str:
    """A ``tel:`` address: digits and a leading +."""
    digits = "".join(ch for ch in number or "" if ch.isdigit() or ch == "+")
    return f"tel:{digits}"


@register.filter
def municipality_names(municipalities) -> str:
    return join_clauses([m.name for m in municipalities])


@register.simple_tag(takes_context=True)
def breadcrumbs_for(context, page, *extra_titles):
    """Ancestors of ``page`` from the home page, then ``page``, then sub-view titles.
    One query."""
    if page is None:
        return []
    home_depth = 2
    crumbs = [
        {
            "title": ancestor.title if ancestor.depth > home_depth else _("Home"),
            "url": ancestor.url,
        }
        for ancestor in page.get_ancestors().filter(depth__gte=home_depth)
    ]
    crumbs.append(
        {"title": page.title if page.depth > home_depth else _("Home"), "url": page.url}
    )
    crumbs.extend({"title": title, "url": ""} for title in extra_titles if title)
    return crumbs if len(crumbs) > 1 else []


@register.filter
def household_labels(rule) -> str:
    return join_clauses(
        [str(HouseholdType(code).label).lower() for code in rule.household_types]
    )


@register.filter
def age_text(rule) -> str:
    span = age_range(rule.min_age, rule.max_age)
    if rule.age_subject == AgeSubject.CHILD:
        return _("voor kinderen %(span)s") % {"span": span}
    return _("voor mensen %(span)s") % {"span": span}


@register.filter
def sentence(text) -> str:
    """End ``text`` with one full stop (unless it ends with other punctuation)."""
    text = str(text or "").strip()
    return text if not text or text[-1] in ".!?" else text + "."


@register.filter
def blocks_as_text(stream) -> str:
    """Opening hours (or any stream of small blocks) as one line of plain text, for
    the summary a professional sends: "maandag: 09:00–12:00 uur; woensdag: ..."."""
    return "; ".join(
        " ".join(unescape(strip_tags(str(block.render()))).split())
        for block in stream or []
    )


@register.simple_tag
def content_lang() -> str:
    """``lang="nl"`` for editors' content when the page is shown in another language.

    The interface is translated, the content exists in Dutch only: marking it lets a
    screen reader pronounce it as Dutch (WCAG 2.1 success criterion 3.1.2). Empty on
    Dutch pages. Use as ``{% content_lang as nl %}`` and ``<p{{ nl }}>``.
    """
    content_language = settings.LANGUAGE_CODE.split("-")[0]
    if (get_language() or content_language).split("-")[0] == content_language:
        return ""
    return mark_safe(f' lang="{content_language}"')  # noqa: S308 (a setting, not input)


@register.simple_tag
def opening_data(hours, exceptions=None) -> str:
    """Opening hours (and exceptions) as JSON for ``data-opening``: the browser works
    out "nu open" in Amsterdam time (``kaart.js``), because a page from the anonymous
    cache may be minutes old (decision 0073)."""

    def time(value) -> str | None:
        return value.strftime("%H:%M") if value else None

    periods = [
        {
            "days": [int(day) for day in block.value["days"]],
            "opens": time(block.value["opens"]),
            "closes": time(block.value["closes"]),
        }
        for block in hours or []
    ]
    special = [
        {
            "from": block.value["date_from"].isoformat(),
            "until": (
                block.value["date_until"] or block.value["date_from"]
            ).isoformat(),
            "closed": bool(block.value["is_closed"]),
            "opens": time(block.value.get("opens")),
            "closes": time(block.value.get("closes")),
        }
        for block in exceptions or []
        if block.value.get("date_from")
    ]
    return json.dumps({"hours": periods, "exceptions": special}, separators=(",", ":"))
