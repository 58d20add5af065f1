"""Creating organisation and service pages through Wagtail's page API.

Pages are content with revisions and moderation, so most editing happens in the Wagtail
admin. These services create pages from code (the demo, imports, tests) exactly as the
admin would: a page, a revision, and then either publication (people who may publish,
or the system) or submission to the moderation workflow (editors).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Page

from pact.models import Municipality, Organisation
from socialekaart.constants import PROFESSIONAL_FIELDS
from socialekaart.models import EligibilityRule, Location, OrganisationPage, ServicePage
from socialekaart.permissions import NotAllowed
from socialekaart.services.permissions import organisation_page_sync_permissions

TREE_FIELDS = [
    "path",
    "depth",
    "numchild",
    "url_path",
    "draft_title",
    "translation_key",
    "locale",
    "content_type",
    "slug",
]


def _authorise_add(actor, parent: Page) -> None:
    if actor is None:
        return
    if not parent.permissions_for_user(actor).can_add_subpage():
        raise NotAllowed(_("U mag hier geen pagina toevoegen."))


def _save_new_page(parent: Page, page: Page, *, actor, publish: bool) -> Page:
    """Add ``page`` under ``parent``; publish it, or submit it for moderation when the
    actor may not publish."""
    may_publish = (
        actor is None or parent.permissions_for_user(actor).can_publish_subpage()
    )
    page.owner = actor
    page.live = False
    # Page.save() validates drafts minimally (title, slug): validate every field first,
    # so a bad value is a ValidationError on every database, never a database error.
    page.clean_fields(exclude=TREE_FIELDS)
    if not Page._slug_is_available(page.slug, parent):
        raise ValidationError({"slug": _("Deze korte naam is hier al in gebruik.")})
    parent.add_child(instance=page)
    revision = page.save_revision(user=actor, log_action=True)
    if publish and may_publish:
        revision.publish(user=actor)
    elif publish:
        workflow = page.get_workflow()
        if workflow is not None:
            workflow.start(page, actor)
    page.refresh_from_db()
    return page


@transaction.atomic
def organisation_page_create(
    *,
    parent: Page,
    organisation: Organisation | None,
    summary: str,
    title: str = "",
    slug: str = "",
    description: str = "",
    locations: Sequence[dict[str, Any]] = (),
    actor=None,
    publish: bool = True,
    **fields: Any,
) -> Page:
    """Create the sociale kaart page of ``organisation`` under ``parent`` (the
    organisation index), with its ``locations`` (dicts of ``Location`` fields).

    Grants the organisation's editors page permissions on it. Raises ``NotAllowed``
    when ``actor`` may not add pages there, ``ValidationError`` for invalid fields.
    """
    _authorise_add(actor, parent)
    title = title or (organisation.name if organisation else "")
    page = OrganisationPage(
        title=title,
        slug=slug or (organisation.slug if organisation else slugify(title)),
        organisation=organisation,
        summary=summary,
        description=description,
        **fields,
    )
    page.locations = [Location(**location) for location in locations]  # type: ignore[misc]  # modelcluster
    for location in page.locations.all():
        location.full_clean(exclude=["page"])
    page = _save_new_page(parent, page, actor=actor, publish=publish)
    organisation_page_sync_permissions(page)
    return page


@transaction.atomic
def service_page_create(
    *,
    organisation_page: Page,
    title: str,
    summary: str,
    categories: Iterable,
    municipalities: Iterable[Municipality],
    slug: str = "",
    target_groups: Iterable = (),
    rules: Sequence[dict[str, Any]] = (),
    location_names: Iterable[str] = (),
    actor=None,
    publish: bool = True,
    **fields: Any,
) -> Page:
    """Create a help offering under ``organisation_page``.

    ``rules`` are dicts of ``EligibilityRule`` fields (``municipalities`` a list of
    municipalities); ``location_names`` pick the organisation's locations by name.
    Publishes when ``actor`` may publish (or is the system); otherwise the page goes
    into the moderation workflow. Raises ``NotAllowed`` or ``ValidationError``.
    """
    _authorise_add(actor, organisation_page)
    page = ServicePage(
        title=title, slug=slug or slugify(title), summary=summary, **fields
    )
    page.categories.set(list(categories))
    page.target_groups.set(list(target_groups))
    area = list(municipalities)
    page.municipalities.set(area)
    wanted = list(location_names)
    if wanted:
        found = {
            location.name: location
            for location in Location.objects.filter(
                page=organisation_page, name__in=wanted
            )
        }
        missing = [name for name in wanted if name not in found]
        if missing:
            raise ValidationError(
                _("Onbekende locatie: %(names)s") % {"names": ", ".join(missing)}
            )
        page.locations.set([found[name] for name in wanted])
    built_rules = []
    area_ids = {municipality.pk for municipality in area}
    for spec in rules:
        spec = dict(spec)
        rule_municipalities = list(spec.pop("municipalities", []))
        if {m.pk for m in rule_municipalities} - area_ids:
            raise ValidationError(
                _("Een regel noemt een gemeente buiten het werkgebied.")
            )
        rule = EligibilityRule(**spec)
        rule.municipalities.set(rule_municipalities)
        rule.full_clean(exclude=["page"])
        built_rules.append(rule)
    page.eligibility_rules = built_rules  # type: ignore[misc]  # modelcluster
    if not page.categories.all():
        raise ValidationError(_("Kies minstens één categorie."))
    if not area:
        raise ValidationError(_("Kies minstens één gemeente in het werkgebied."))
    return _save_new_page(organisation_page, page, actor=actor, publish=publish)


@transaction.atomic
def page_professional_fields_set(*, page: Page, actor=None, **fields: Any) -> Page:
    """Set what only professionals see (``PROFESSIONAL_FIELDS``, which an HSDS import
    cannot fill) on ``page``'s latest revision, and publish it.

    The system (``actor=None``) or someone who may publish the page. Raises
    ``NotAllowed``, or ``ValidationError`` for any other field or a value the page
    refuses."""
    page = page.specific
    allowed = (
        PROFESSIONAL_FIELDS if isinstance(page, OrganisationPage | ServicePage) else ()
    )
    unknown = sorted(set(fields) - set(allowed))
    if unknown:
        raise ValidationError(
            _("Deze velden horen hier niet: %(names)s") % {"names": ", ".join(unknown)}
        )
    if actor is not None and not page.permissions_for_user(actor).can_publish():
        raise NotAllowed(_("U mag deze pagina niet publiceren."))
    latest = page.get_latest_revision_as_object()
    for name, value in fields.items():
        setattr(latest, name, value)
    latest.full_clean()
    latest.save_revision(user=actor, log_action=True).publish(user=actor)
    return type(page).objects.get(pk=page.pk)
