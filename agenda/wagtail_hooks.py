"""Agenda in the Wagtail admin: a menu link to the agenda, and labels of its log actions."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from pact.roles import can


class AgendaMenuItem(MenuItem):
    def is_shown(self, request):
        return can(request.user, "agenda.view")


@hooks.register("register_admin_menu_item")
def register_agenda_menu_item():
    return AgendaMenuItem(
        _("Actieagenda"), reverse("agenda:index"), icon_name="list-ul", order=300
    )


@hooks.register("register_log_actions")
def register_agenda_log_actions(actions):
    for action, label in [
        ("agenda.plan.create", _("Actieplan aangemaakt")),
        ("agenda.plan.import", _("Acties ingelezen")),
        ("agenda.building_block.create", _("Bouwsteen toegevoegd")),
        ("agenda.action.create", _("Actie toegevoegd")),
        ("agenda.action.timing_confirmed", _("Planning nagekeken")),
        ("agenda.round.create", _("Rapportageronde aangemaakt")),
        ("agenda.round.close", _("Rapportageronde gesloten")),
        ("agenda.update.submit", _("Update ingediend")),
        ("agenda.update.return", _("Update teruggestuurd")),
    ]:
        actions.register_action(action, label, label)
