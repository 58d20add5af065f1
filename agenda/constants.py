"""Choices and named constants of the action agenda."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ScheduleKind(models.TextChoices):
    ONCE = "eenmalig", _("Eenmalig (kwartalen)")
    YEARLY = "jaarlijks", _("Jaarlijks terugkerend")
    CONTINUOUS = "doorlopend", _("Doorlopend")
    UNKNOWN = "onbekend", _("Onbekend")


class ReviewReason(models.TextChoices):
    """Why a timing needs a person to look at it."""

    MISSING = "missing", _("Geen planning opgegeven")
    NOT_UNDERSTOOD = "not_understood", _("Planning niet herkend")
    YEAR_ASSUMED = "year_assumed", _("Jaar aangenomen uit de planperiode")
    OUTSIDE_PERIOD = "outside_period", _("Valt (deels) buiten de planperiode")
    YEARLY_WITHOUT_QUARTER = "yearly_without_quarter", _("Jaarlijks, zonder kwartaal")


class Status(models.TextChoices):
    NOT_STARTED = "not_started", _("Nog niet gestart")
    ON_TRACK = "on_track", _("Op schema")
    AT_RISK = "at_risk", _("Risico")
    DELAYED = "delayed", _("Vertraagd")
    DONE = "done", _("Afgerond")
    STOPPED = "stopped", _("Gestopt")


# Statuses that need a sentence saying why.
STATUSES_NEEDING_EXPLANATION = (Status.AT_RISK, Status.DELAYED)
# An action (occurrence) in one of these is finished: never overdue, no update expected.
FINISHED_STATUSES = (Status.DONE, Status.STOPPED)


class OwnerRole(models.TextChoices):
    LEAD = "lead", _("Trekker")
    EXECUTING = "executing", _("Uitvoerend")
    FUNDING = "funding", _("Financier")


class UpdateState(models.TextChoices):
    DRAFT = "draft", _("Concept")
    SUBMITTED = "submitted", _("Ingediend")
    RETURNED = "returned", _("Teruggestuurd met een vraag")


class RevisionKind(models.TextChoices):
    SAVED = "saved", _("Concept opgeslagen")
    SUBMITTED = "submitted", _("Ingediend")
    RETURNED = "returned", _("Teruggestuurd")


class Direction(models.TextChoices):
    UP = "up", _("Hoger is beter")
    DOWN = "down", _("Lager is beter")
    STABLE = "stable", _("Gelijk houden")


class Aggregation(models.TextChoices):
    SUM = "sum", _("Optellen over partners")
    AVERAGE = "average", _("Gemiddelde van partners")


class RoundCadence(models.TextChoices):
    QUARTERLY = "quarterly", _("Per kwartaal")
    COUNCIL = "council", _("Volgens de raadscyclus")


class NotificationKind(models.TextChoices):
    ROUND_CLOSING = "round_closing", _("Ronde sluit binnenkort")
    UPDATE_MISSING = "update_missing", _("Update ontbreekt")
    UPDATE_RETURNED = "update_returned", _("Update teruggestuurd")
    UPDATE_SUBMITTED = "update_submitted", _("Update ingediend")


# Roll-up of progress to a building block (docs/agenda.md, "Roll-up"): the mean of the
# reported progress of its actions, shown only when at least ROLLUP_MIN_ACTIONS actions
# and at least ROLLUP_MIN_SHARE of its expected actions reported a percentage.
ROLLUP_MIN_ACTIONS = 2
ROLLUP_MIN_SHARE = 0.5

# Rounds per quarter: open from the first day of the quarter, close this many days
# after it ends. Reminders go this many days before closing.
ROUND_CLOSES_DAYS_AFTER_QUARTER = 21
REMINDER_DAYS_BEFORE_CLOSE = 7

# Lengths
STORY_MAX_LENGTH = 2000
SIGNAL_MAX_LENGTH = 1000
