from django import forms
from django.utils.translation import gettext_lazy as _

from pact.constants import ROLES_COORDINATORS_GRANT, Role


class MemberInviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mailadres"))
    first_name = forms.CharField(label=_("Voornaam"), max_length=150)
    last_name = forms.CharField(label=_("Achternaam"), max_length=150)
    roles = forms.MultipleChoiceField(
        label=_("Rollen"),
        choices=[(role.value, role.label) for role in ROLES_COORDINATORS_GRANT],
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Redacteur: de pagina's van uw organisatie in de sociale kaart. "
            "Casusbehandelaar: casusregie. Coördinator: acties, casusoverzicht en leden."
        ),
    )

    def clean_roles(self) -> list[Role]:
        return [Role(value) for value in self.cleaned_data["roles"]]
