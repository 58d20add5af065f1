"""Choices and named constants of casusregie (see ``docs/casusregie.md``)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Complexity(models.TextChoices):
    SINGLE = "enkelvoudig", _("Enkelvoudig")
    COMPLEX = "complex", _("Complex")


class ResidentRegie(models.TextChoices):
    """Where the resident sits in the car ("zelf weer aan het stuur")."""

    DRIVES = "stuurt_zelf", _("Zit zelf aan het stuur")
    SHARES = "stuurt_samen", _("Stuurt samen met de hulpverlener")
    BACK_SEAT = "achterbank", _("Zit tijdelijk op de achterbank")


class CaseStatus(models.TextChoices):
    REGISTERED = "aangemeld", _("Aangemeld")
    ACTIVE = "actief", _("Actief")
    CLOSED = "afgesloten", _("Afgesloten")


class CaseOutcome(models.TextChoices):
    GOALS_REACHED = "doelen_bereikt", _("Doelen bereikt")
    PARTLY_REACHED = "deels_bereikt", _("Doelen deels bereikt")
    RESIDENT_STOPPED = "inwoner_gestopt", _("Inwoner wil niet verder")
    MOVED = "verhuisd", _("Inwoner is verhuisd")
    REFERRED_OUTSIDE = "buiten_pact", _("Verwezen buiten het pact")
    CONSENT_WITHDRAWN = "toestemming_ingetrokken", _("Toestemming ingetrokken")
    NO_CONTACT = "geen_contact", _("Geen contact te krijgen")


class GoalStatus(models.TextChoices):
    OPEN = "open", _("Nog niet begonnen")
    IN_PROGRESS = "bezig", _("Bezig")
    REACHED = "bereikt", _("Bereikt")
    STOPPED = "gestopt", _("Gestopt")


class InvolvementRole(models.TextChoices):
    LEAD = "regiehouder", _("Regiehouder")
    INVOLVED = "betrokken", _("Betrokken")
    REGISSEUR = "regisseur", _("Regisseur (gemeente)")


class Basis(models.TextChoices):
    CONSENT = "toestemming", _("Toestemming van de inwoner")
    LEGAL_TASK = "wettelijke_taak", _("Wettelijke taak")


class LegalGround(models.TextChoices):
    WGS = "wgs", _("Wet gemeentelijke schuldhulpverlening")
    PARTICIPATIEWET = "participatiewet", _("Participatiewet")
    WMO = "wmo", _("Wet maatschappelijke ondersteuning 2015")


class ConsentForm(models.TextChoices):
    VERBAL = "mondeling", _("Mondeling, vastgelegd door de hulpverlener")
    WRITTEN = "schriftelijk", _("Schriftelijk, met handtekening")
    DIGITAL = "digitaal", _("Digitaal bevestigd")


class HandoverStatus(models.TextChoices):
    """The life of a hand-over proposal (see ``casusregie/services/handover.py``)."""

    PROPOSED = "voorgesteld", _("Voorgesteld")
    ACCEPTED = "geaccepteerd", _("Geaccepteerd, wacht op eerste contact")
    COMPLETED = "afgerond", _("Afgerond")
    DECLINED = "afgewezen", _("Afgewezen")
    WITHDRAWN = "ingetrokken", _("Ingetrokken")
    EXPIRED = "verlopen", _("Verlopen")
    CANCELLED = "vervallen", _("Vervallen")


OPEN_HANDOVER_STATUSES = (HandoverStatus.PROPOSED, HandoverStatus.ACCEPTED)


class EscalationTrigger(models.TextChoices):
    REQUEST = "verzoek", _("Verzoek van een partner")
    EXPIRY = "verlopen", _("Overdrachtsvoorstel verlopen")
    CONSENT_WITHDRAWN = "toestemming", _("Toestemming van de regiehouder ingetrokken")


class EscalationStatus(models.TextChoices):
    OPEN = "open", _("Open")
    TAKEN_OVER = "overgenomen", _("Regie overgenomen door de regisseur")
    RETURNED = "teruggegeven", _("Teruggegeven met advies")
    CLOSED = "gesloten", _("Gesloten met de casus")


class BreakGlassReason(models.TextChoices):
    COMPLAINT = "klacht", _("Behandeling van een klacht")
    DATA_REQUEST = "verzoek_inwoner", _("Verzoek van de inwoner (inzage, correctie)")
    INCIDENT = "incident", _("Beveiligingsincident of datalek")
    LEGAL_DEMAND = "vordering", _("Wettelijke vordering")
    CONTINUITY = "continuiteit", _("Continuïteit: regiehouder onbereikbaar")


class EventKind(models.TextChoices):
    """Kinds of timeline events; audit actions use ``AuditAction``."""

    CASE_OPENED = "case_opened", _("Casus aangemeld")
    REGIE_CHANGED = "regie_changed", _("Regie van de inwoner aangepast")
    GOAL_ADDED = "goal_added", _("Doel toegevoegd")
    GOAL_CHANGED = "goal_changed", _("Doel bijgewerkt")
    GOALS_REORDERED = "goals_reordered", _("Volgorde van doelen aangepast")
    CONSENT_RECORDED = "consent_recorded", _("Toestemming vastgelegd")
    CONSENT_WITHDRAWN = "consent_withdrawn", _("Toestemming ingetrokken")
    INVOLVEMENT_ADDED = "involvement_added", _("Organisatie betrokken")
    INVOLVEMENT_ENDED = "involvement_ended", _("Organisatie niet meer betrokken")
    NOTE_ADDED = "note_added", _("Notitie toegevoegd")
    HANDOVER_PROPOSED = "handover_proposed", _("Overdracht voorgesteld")
    HANDOVER_ACCEPTED = "handover_accepted", _("Overdracht geaccepteerd")
    HANDOVER_DECLINED = "handover_declined", _("Overdracht afgewezen")
    HANDOVER_WITHDRAWN = "handover_withdrawn", _("Overdracht ingetrokken")
    HANDOVER_EXPIRED = "handover_expired", _("Overdracht verlopen")
    HANDOVER_CANCELLED = "handover_cancelled", _("Overdracht vervallen")
    HANDOVER_COMPLETED = "handover_completed", _("Overdracht afgerond")
    FIRST_CONTACT = "first_contact", _("Eerste contact met de inwoner")
    ESCALATION_OPENED = "escalation_opened", _("Voorgelegd aan de regisseur")
    ESCALATION_TAKEN_OVER = "escalation_taken_over", _("Regisseur nam de regie over")
    ESCALATION_RETURNED = "escalation_returned", _("Regisseur gaf advies terug")
    CASE_CLOSED = "case_closed", _("Casus afgesloten")


class AuditChannel(models.TextChoices):
    WEB = "web", _("Webpagina")
    API = "api", _("API")
    EXPORT = "export", _("Export")
    PRINT = "print", _("Afdruk")
    SYSTEM = "system", _("Systeem")


class AuditAction(models.TextChoices):
    """What a row in the access log records. Reads, changes, exports and prints."""

    CASE_LIST = "case.list", _("Lijst met casussen bekeken")
    CASE_VIEW = "case.view", _("Casus bekeken")
    CASE_PRINT = "case.print", _("Casus afgedrukt")
    CASE_EXPORT_JSON = "case.export_json", _("Casus geëxporteerd (JSON)")
    CASE_EXPORT_PDF = "case.export_pdf", _("Casus geëxporteerd (PDF)")
    ACCESS_LOG_VIEW = "case.access_log_view", _("Inzageoverzicht bekeken")
    HANDOVER_VIEW = "handover.view", _("Overdrachtsnotitie bekeken")
    HANDOVER_FORM_VIEW = "handover.form_view", _("Overdrachtsformulier geopend")
    CASE_CHANGE = "case.change", _("Casus gewijzigd")
    BREAK_GLASS_OPEN = "breakglass.open", _("Noodtoegang geopend")
    BREAK_GLASS_DENIED = "breakglass.denied", _("Noodtoegang geweigerd")
    BREAK_GLASS_REPORT_VIEW = (
        "breakglass.report_view",
        _("Overzicht van noodtoegang bekeken"),
    )
    CASE_PURGE = "case.purge", _("Casus verwijderd na bewaartermijn")
    # Vroegsignalering keeps its reads in this one log (no case; the household by UUID).
    SIGNAL_LIST = "signal.list", _("Wachtrij met signalen bekeken")
    SIGNAL_VIEW = "signal.view", _("Huishouden met signalen bekeken")
    SIGNAL_LETTER = "signal.letter", _("Brief bij signalen gemaakt")
    SIGNAL_CHANGE = "signal.change", _("Huishouden met signalen gewijzigd")
    SIGNAL_IMPORT = "signal.import", _("Signalen ingelezen")
    SIGNAL_PURGE = "signal.purge", _("Signalen verwijderd na bewaartermijn")
    # The second step of the login (no case; the codes themselves are never logged).
    RECOVERY_CODES_CREATED = "otp.recovery_codes_created", _("Herstelcodes gemaakt")
    RECOVERY_CODES_REPLACED = (
        "otp.recovery_codes_replaced",
        _("Herstelcodes vervangen door nieuwe"),
    )
    RECOVERY_CODE_USED = "otp.recovery_code_used", _("Ingelogd met een herstelcode")
    RECOVERY_CODE_REJECTED = (
        "otp.recovery_code_rejected",
        _("Verkeerde herstelcode ingevuld"),
    )


# Escalation suggestions (issue 5): how many active partners or declines suggest the
# regisseur, and the break-glass duration.
SUGGEST_ESCALATION_PARTNERS = 3
SUGGEST_ESCALATION_DECLINES = 2
BREAK_GLASS_MINUTES = 60
# After this many refused break-glass attempts within BREAK_GLASS_ATTEMPT_WINDOW_MINUTES
# a person cannot try again until the window has passed (reference guessing).
BREAK_GLASS_DENIED_LIMIT = 5
BREAK_GLASS_ATTEMPT_WINDOW_MINUTES = 60
CASE_PAGE_SIZE = 50
# Recovery codes for the second login step: how many are made at a time.
RECOVERY_CODE_COUNT = 10
