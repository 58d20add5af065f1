"""Accessibility checks with axe-core (bundled with axe-playwright-python)."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

BLOCKING_IMPACTS = {"serious", "critical"}
_axe = Axe()


def serious_violations(page) -> list[dict]:
    """axe-core violations of impact serious or critical on the current page (WCAG 2.1 AA)."""
    results = _axe.run(
        page,
        options={
            "runOnly": {
                "type": "tag",
                "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"],
            }
        },
    )
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "targets": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in results.response["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]


def assert_accessible(page) -> None:
    violations = serious_violations(page)
    assert not violations, (
        f"axe-core found serious violations on {page.url}: {violations}"
    )
