"""The shared ground of the import checks: what they compare with and how they report.

``Checker`` (``checking.py``) is built from ``LocationChecks`` and ``ServiceChecks``, which
all stand on ``CheckerBase``: the lookups, the problem report and small field checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.translation import gettext as _

from pact.models import Municipality, Organisation
from socialekaart.constants import SUMMARY_MAX_LENGTH
from socialekaart.hsds import vocabulary as v
from socialekaart.hsds.importing.reading import LANGUAGES, ImportReport, Problem
from socialekaart.hsds.texts import paragraphs, shorten, text_to_html
from socialekaart.models import Category, OrganisationPage, ServicePage, TargetGroup


@dataclass
class Lookups:
    """Everything the checks compare with, loaded once."""

    organisation_pages: dict
    organisations: list
    municipalities: list
    categories: dict
    target_groups: dict
    services: dict
    base_url: str
    source_base_urls: tuple[str, ...] = ()
    default_municipality: Any = None
    default_category: Any = None
    links: dict = field(default_factory=dict)

    @classmethod
    def load(
        cls,
        *,
        default_municipality=None,
        default_category=None,
        links=None,
        source_base_urls=(),
    ):
        return cls(
            organisation_pages={
                str(page.uuid): page
                for page in OrganisationPage.objects.select_related("organisation")
            },
            organisations=list(Organisation.objects.all()),
            municipalities=list(Municipality.objects.all()),
            categories={str(c.uuid): c for c in Category.objects.all()},
            target_groups={str(g.uuid): g for g in TargetGroup.objects.all()},
            services={str(s.uuid): s for s in ServicePage.objects.all()},
            base_url=settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
            source_base_urls=tuple(url.rstrip("/") for url in source_base_urls),
            default_municipality=default_municipality,
            default_category=default_category,
            links={key.casefold(): org for key, org in (links or {}).items()},
        )

    def municipality_by_code(self, code: str):
        code = (code or "").strip().upper()
        return next((m for m in self.municipalities if m.cbs_code == code), None)

    def municipality_by_name(self, name: str):
        name = (name or "").strip().casefold()
        return next(
            (
                m
                for m in self.municipalities
                if name and name in (m.name.casefold(), m.slug)
            ),
            None,
        )

    def category(self, term_id: str, code: str):
        if term_id in self.categories:
            return self.categories[term_id]
        return next((c for c in self.categories.values() if c.slug == code), None)

    def target_group(self, term_id: str, code: str):
        if term_id in self.target_groups:
            return self.target_groups[term_id]
        return next((g for g in self.target_groups.values() if g.slug == code), None)


class CheckerBase:
    """Lookups, the problem report and the small checks every part uses."""

    def __init__(self, lookups: Lookups, report: ImportReport) -> None:
        self.lookups = lookups
        self.report = report
        self.seen_ids: dict[str, str] = {}

    def error(self, where: str, message: str) -> None:
        self.report.problems.append(Problem(where, str(message)))

    def warn(self, where: str, message: str) -> None:
        self.report.problems.append(Problem(where, str(message), is_error=False))

    def once(self, where: str, kind: str, key: str) -> bool:
        if not key:
            return True
        earlier = self.seen_ids.get(f"{kind}:{key}")
        if earlier is not None:
            self.error(
                where,
                _("De id %(id)s komt al voor bij %(earlier)s.")
                % {"id": key, "earlier": earlier},
            )
            return False
        self.seen_ids[f"{kind}:{key}"] = where
        return True

    def text(self, where: str, name: str, value, limit: int) -> str:
        value = (value or "").strip() if isinstance(value, str) else ""
        if len(value) > limit:
            self.error(
                where,
                _("%(field)s is %(length)d tekens lang; hier passen er %(limit)d.")
                % {"field": name, "length": len(value), "limit": limit},
            )
            return value[:limit]
        return value

    def fit(self, where: str, value: str, limit: int) -> str:
        """One item of a list (a step, a document): shortened with a warning when it
        is too long, because the rest of the list is still worth having."""
        value = (value or "").strip()
        if len(value) <= limit:
            return value
        short = shorten(value, limit)
        self.warn(
            where,
            _("Te lang (%(length)d tekens), ingekort tot %(limit)d: '%(short)s'.")
            % {"length": len(value), "limit": limit, "short": short},
        )
        return short

    def email(self, where: str, value) -> str:
        value = (value or "").strip()
        if value:
            try:
                EmailValidator()(value)
            except ValidationError:
                self.error(
                    where, _("Ongeldig e-mailadres: %(value)s") % {"value": value}
                )
                return ""
        return value

    def website(self, where: str, value) -> str:
        value = (value or "").strip()
        if value:
            try:
                URLValidator()(value)
            except ValidationError:
                self.error(where, _("Ongeldige website: %(value)s") % {"value": value})
                return ""
        return value

    def own_slug(self, url: str) -> str:
        """The slug in one of our own page addresses (from our export, or from the
        export of another installation named in ``source_base_urls``), else ''."""
        for base in (self.lookups.base_url, *self.lookups.source_base_urls):
            if url and url.startswith(base + "/"):
                parts = [part for part in url[len(base) :].split("/") if part]
                return parts[-1] if parts else ""
        return ""

    def split_description(self, where: str, text) -> tuple[str, str]:
        """Our export puts the B1 summary first, then the description. Foreign data:
        the first paragraph becomes the summary when it is short enough."""
        parts = paragraphs(text or "")
        if not parts:
            return "", ""
        first = parts[0]
        if len(first) <= SUMMARY_MAX_LENGTH and "\n" not in first:
            return first, text_to_html("\n\n".join(parts[1:]))
        summary = shorten(first, SUMMARY_MAX_LENGTH)
        self.warn(
            where,
            _(
                "De beschrijving heeft geen korte samenvatting; ingekort tot: "
                "'%(summary)s'."
            )
            % {"summary": summary},
        )
        return summary, text_to_html("\n\n".join(parts))

    def language(self, where: str, language: dict) -> str:
        code = (language.get("code") or "").strip().lower()
        if code in LANGUAGES:
            return code
        self.warn(
            where,
            _(
                "Taal '%(name)s' staat niet in de lijst van de kaart en wordt niet "
                "ingelezen."
            )
            % {"name": language.get("name") or code},
        )
        return ""

    def term_code(self, attribute: dict) -> str:
        term = v.TERMS_BY_ID.get(str(attribute.get("taxonomy_term_id") or ""))
        if term is not None:
            return term.code
        nested = attribute.get("taxonomy_term") or {}
        if (
            nested.get("taxonomy_id") == v.CONDITIONS.id
            and nested.get("code") in v.TERMS
        ):
            return nested["code"]
        return ""

    def age(self, where: str, value) -> int | None:
        if value is None:
            return None
        if not float(value).is_integer() or not 0 <= value <= 120:
            self.error(where, _("Een leeftijd is een heel getal van 0 tot 120."))
            return None
        return int(value)

    def number(self, where: str, value, *, low: int, high: int) -> int | None:
        try:
            number = int(str(value).strip())
        except ValueError:
            self.error(
                where,
                _("Verwacht een geheel getal, niet '%(value)s'.") % {"value": value},
            )
            return None
        if not low <= number <= high:
            self.error(
                where,
                _("Verwacht een getal van %(low)d tot en met %(high)d, niet %(value)d.")
                % {"low": low, "high": high, "value": number},
            )
            return None
        return number
