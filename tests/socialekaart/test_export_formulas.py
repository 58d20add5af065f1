"""The sociale kaart's CSV exports never hold a live formula (issue 10, finding 7):
``export_kaart_csv`` (and its import round trip) and the HSDS tabular package."""

from __future__ import annotations

import csv
import io
from io import StringIO

import pytest

from socialekaart.hsds import kaart_csv
from tests.socialekaart.hsds_support import build, shared_data

pytestmark = pytest.mark.django_db

ATTACK = '=HYPERLINK("http://evil.example","Klik")'


@pytest.fixture(scope="module")
def shared(django_db_setup, django_db_blocker):
    with shared_data(django_db_blocker, build) as data:
        yield data


@pytest.fixture
def poisoned(shared, db):
    from socialekaart.models import ServicePage

    page = ServicePage.objects.get(title="Kindpakket")
    ServicePage.objects.filter(pk=page.pk).update(
        title=ATTACK, summary="+31 592 123456 @ balie", keywords="-1+1"
    )
    return page


def exported() -> str:
    handle = StringIO()
    kaart_csv.export_csv(handle)
    return handle.getvalue()


def test_kaart_csv_neutralises_formula_like_cells(poisoned):
    rows = list(csv.DictReader(io.StringIO(exported().lstrip("\ufeff")), delimiter=";"))
    row = next(r for r in rows if r["id"] == str(poisoned.uuid))
    assert row["titel"] == "'" + ATTACK
    assert row["samenvatting"].startswith("'+")
    assert row["zoekwoorden"] == "'-1+1"
    for other in rows:
        assert not any(
            value.startswith(("=", "+", "-", "@")) and len(value) > 1
            for value in other.values()
        )


def test_kaart_csv_round_trip_changes_nothing(poisoned):
    report = kaart_csv.import_csv(exported(), actor=None, dry_run=True)
    assert report.ok, [str(p) for p in report.problems]
    assert report.published == report.submitted == 0


def test_hsds_tabular_csv_neutralises_too(poisoned, tmp_path):
    from socialekaart.hsds import exporting

    exporting.write_tabular(exporting.organization_package(), tmp_path)
    text = (tmp_path / "services.csv").read_text(encoding="utf-8")
    values = [v for row in csv.reader(io.StringIO(text)) for v in row]
    assert "'" + ATTACK in values
    assert ATTACK not in values
