"""The fixed skeleton of the sociale kaart: home page, organisation index, the
moderation workflow and the pact admins' page permissions. Idempotent; run by
``seed_demo``, after migrations and by the test fixtures."""

from __future__ import annotations

from django.contrib.auth.models import Permission
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from pact.constants import Role
from pact.roles import role_group
from socialekaart.models import HomePage, OrganisationIndexPage

HOME_TITLE = "Sociale kaart armoedepact"
HOME_INTRO = (
    "Hier vindt u hulp bij geldzorgen, schulden, eten, kleding en meedoen. "
    "Gratis en dichtbij, in Drenthe."
)
INDEX_TITLE = "Organisaties"
INDEX_SLUG = "organisaties"
INDEX_INTRO = "Alle organisaties die in het armoedepact samenwerken, van A tot Z."
WORKFLOW_NAME = "Goedkeuring sociale kaart"
TASK_NAME = "Goedkeuring door een pactbeheerder"

# What pact admins may do anywhere in the sociale kaart (they approve, and they add
# organisation pages); editors get EDITOR_PAGE_PERMISSIONS on their organisation page.
PACT_ADMIN_PAGE_PERMISSIONS = (
    "add",
    "change",
    "publish",
    "bulk_delete",
    "lock",
    "unlock",
)
EDITOR_PAGE_PERMISSIONS = ("add", "change")


def page_permissions(actions) -> list[Permission]:
    codenames = [f"{action}_page" for action in actions]
    return list(
        Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=codenames
        ).order_by("codename")
    )


@transaction.atomic
def home_page_ensure():
    """The one home page, as the default site's root; replaces Wagtail's welcome page."""
    home = HomePage.objects.first()
    root = Page.get_first_root_node()
    if home is None:
        home = root.add_child(
            instance=HomePage(
                title=HOME_TITLE, slug="home-sociale-kaart", intro=HOME_INTRO
            )
        )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True, root_page=home)
    if site.root_page_id != home.pk or site.site_name != HOME_TITLE:
        site.root_page = home
        site.site_name = HOME_TITLE
        site.save()
    # Wagtail's initial "Welcome to your new Wagtail site!" page has no purpose here.
    root.get_children().exclude(pk=home.pk).filter(
        content_type__app_label="wagtailcore", slug="home"
    ).delete()
    return home


@transaction.atomic
def kaart_structure_ensure():
    """Home page, organisation index, moderation workflow, pact admins' rights.

    Returns the organisation index page. Running it again changes nothing.
    """
    home = home_page_ensure()
    index = OrganisationIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=OrganisationIndexPage(
                title=INDEX_TITLE, slug=INDEX_SLUG, intro=INDEX_INTRO
            )
        )
    moderation_workflow_ensure(home)
    pact_admins = role_group(Role.PACT_ADMIN)
    for permission in page_permissions(PACT_ADMIN_PAGE_PERMISSIONS):
        GroupPagePermission.objects.get_or_create(
            group=pact_admins, page=home, permission=permission
        )
    return index


def moderation_workflow_ensure(home: Page) -> Workflow:
    """Every change below the home page waits for a pact admin's approval."""
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.set([role_group(Role.PACT_ADMIN)])
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    link = WorkflowPage.objects.filter(page=home).first()
    if link is None:
        WorkflowPage.objects.create(page=home, workflow=workflow)
    elif link.workflow_id != workflow.pk:
        link.workflow = workflow
        link.save(update_fields=["workflow"])
    return workflow
