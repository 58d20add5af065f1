"""Management commands: search_reindex and search_load_postcodes."""

from __future__ import annotations

from io import StringIO

from django.core.management import CommandError, call_command

import pytest

from search.models import PostcodeArea

pytestmark = pytest.mark.django_db


class ReindexCommandTests:
    def test_reports_what_each_backend_indexed(self, wagtail_site):
        out = StringIO()
        call_command("search_reindex", "--no-progress", stdout=out, stderr=StringIO())
        assert "database:" in out.getvalue()
        assert "documenten geïndexeerd" in out.getvalue()

    def test_batch_size_must_be_positive(self):
        with pytest.raises(CommandError):
            call_command("search_reindex", "--batch-size", "0")


class LoadPostcodesCommandTests:
    def test_loads_a_valid_file(self, tmp_path):
        path = tmp_path / "pc4.csv"
        path.write_text(
            "postcode,lat,lng,plaats\n1011,52,3731,4,9009,Amsterdam\n", encoding="utf-8"
        )
        path.write_text(
            'postcode,lat,lng,plaats\n1011,"52,3731","4,9009",Amsterdam\n',
            encoding="utf-8",
        )
        out = StringIO()
        call_command("search_load_postcodes", str(path), stdout=out)
        area = PostcodeArea.objects.get(code="1011")
        assert (area.lat, area.lng, area.place) == (52.3731, 4.9009, "Amsterdam")

    def test_any_bad_line_loads_nothing_and_every_bad_line_is_reported(self, tmp_path):
        path = tmp_path / "pc4.csv"
        path.write_text(
            "postcode,lat,lng,place\n1011,52.37,4.90,Amsterdam\n0123,52.0,5.0,X\n3511,abc,5.1,Utrecht\n"
            "9999,40.0,5.0,Ver weg\n1011,52.0,4.0,Dubbel\n",
            encoding="utf-8",
        )
        err = StringIO()
        before = PostcodeArea.objects.count()
        with pytest.raises(CommandError, match="Niets geladen: 4"):
            call_command("search_load_postcodes", str(path), stderr=err)
        report = err.getvalue()
        for line in ("regel 3:", "regel 4:", "regel 5:", "regel 6:"):
            assert line in report
        assert "ook op regel 2" in report
        assert PostcodeArea.objects.count() == before

    def test_missing_columns_are_named(self, tmp_path):
        path = tmp_path / "pc4.csv"
        path.write_text("pc,x,y\n1011,1,2\n", encoding="utf-8")
        err = StringIO()
        with pytest.raises(CommandError):
            call_command("search_load_postcodes", str(path), stderr=err)
        assert "lat, lng, postcode" in err.getvalue()

    def test_demo_postcodes_come_with_the_migrations(self, starter_data):
        assert (
            PostcodeArea.objects.filter(
                code__in=["9401", "9461", "7741", "9411", "9481"]
            ).count()
            == 5
        )
