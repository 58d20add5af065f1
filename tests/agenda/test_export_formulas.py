"""Exports of the plan never hold a live formula (issue 10, finding 7)."""

from __future__ import annotations

import csv
import io

import pytest

from agenda.exporting import plan_export
from agenda.models import Action

pytestmark = pytest.mark.django_db

ATTACK = "=cmd|' /C calc'!A0"


@pytest.fixture
def poisoned(world):
    action = Action.objects.filter(plan=world.plan).order_by("pk").first()
    Action.objects.filter(pk=action.pk).update(
        title=ATTACK, status_explanation="@SUM(1+1)*cmd|' /C calc'!A0"
    )
    return world.plan


def test_xlsx_writes_formula_like_text_as_text(poisoned):
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(plan_export(poisoned, "xlsx"))).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    title = next(cell for cell in cells if cell.value == ATTACK)
    assert title.data_type == "s"
    assert title.quotePrefix
    assert not any(cell.data_type == "f" for cell in cells)


def test_csv_puts_a_quote_before_formula_like_text(poisoned):
    text = plan_export(poisoned, "csv").decode().lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text)))
    values = [value for row in rows[1:] for value in row]
    assert "'" + ATTACK in values
    assert not any(value.startswith(("=", "+", "@", "\t", "\r")) for value in values)
    # Numbers and the "-" of an action without building block stay as they are.
    assert all(not value.startswith("-") or value == "-" for value in values)


def test_the_csv_comes_back_as_typed(poisoned):
    from agenda.services.importing import read_rows

    rows = read_rows("plan.csv", plan_export(poisoned, "csv"))
    assert ATTACK in {row.cells["actie"] for row in rows}
