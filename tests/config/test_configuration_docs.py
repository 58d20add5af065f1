"""docs/configuration.md, .env.example and the settings name the same variables."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
READ_CALL = re.compile(r"env_(?:str|bool|int|list|url)\(\s*\"([A-Z0-9_]+)\"")


def variables_read_by_code() -> set[str]:
    names = set()
    for path in [
        ROOT / "config" / "settings.py",
        ROOT / "config" / "env.py",
        ROOT / "config" / "gunicorn.py",
        ROOT / "benchmarks" / "settings.py",
    ]:
        names |= set(READ_CALL.findall(path.read_text(encoding="utf-8")))
    return names - {
        "PACT_BENCH_DATABASE_URL"
    }  # benchmark-only, documented in docs there


def variables_in_docs() -> set[str]:
    text = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    return set(re.findall(r"^\| `([A-Z0-9_]+)` \|", text, re.M)) | set(
        re.findall(r"`(EMAIL_[A-Z_]+)`", text)
    )


def variables_in_env_example() -> set[str]:
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    return set(re.findall(r"^#? ?([A-Z0-9_]+)=", text, re.M))


class ConfigurationDocsTests:
    def test_every_variable_the_code_reads_is_documented(self):
        assert variables_read_by_code() - variables_in_docs() == set()

    def test_docs_and_env_example_list_the_same_variables(self):
        assert variables_in_docs() == variables_in_env_example()

    def test_docs_list_nothing_the_code_does_not_read(self):
        assert variables_in_docs() - variables_read_by_code() == set()
