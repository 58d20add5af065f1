import io
import json
import re
from pathlib import Path

from django.core.management import call_command

README = Path(__file__).resolve().parents[2] / "README.md"


def personas_json() -> list[dict]:
    out = io.StringIO()
    call_command("demo_personas", json=True, stdout=out)
    return json.loads(out.getvalue())


class DemoPersonasTests:
    def test_json_lists_username_password_organisation_roles(self):
        rows = personas_json()
        assert rows
        for row in rows:
            assert set(row) == {"username", "password", "organisation", "roles"}
            assert row["roles"]
        usernames = [row["username"] for row in rows]
        assert len(usernames) == len(set(usernames))
        assert {
            "casus.attenta",
            "coordinator.gkb",
            "regisseur.assen",
            "pactbeheer.aa-en-hunze",
        } <= set(usernames)

    def test_readme_table_shows_the_same_accounts(self):
        text = README.read_text(encoding="utf-8")
        block = text.split("<!-- personas:start -->")[1].split("<!-- personas:end -->")[
            0
        ]
        in_readme = re.findall(
            r"^\| `([^`]+)` \| `([^`]+)` \| ([^|]+) \| ([^|]+) \|$", block, re.M
        )
        expected = [
            (
                r["username"],
                r["password"],
                r["organisation"] or "—",
                ", ".join(r["roles"]),
            )
            for r in personas_json()
        ]
        assert [tuple(cell.strip() for cell in row) for row in in_readme] == expected
