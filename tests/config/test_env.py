"""Reading the environment: clear sentences for wrong values."""

import pytest

from config.env import (
    ConfigurationError,
    env_bool,
    env_int,
    env_list,
    env_url,
    parse_database_url,
    read_dotenv,
    redact_url,
)


class EnvTests:
    def test_yes_no_words(self, monkeypatch):
        for word, value in [
            ("1", True),
            ("ja", True),
            ("on", True),
            ("0", False),
            ("nee", False),
            ("", False),
        ]:
            monkeypatch.setenv("X_FLAG", word)
            assert env_bool("X_FLAG") is value
        monkeypatch.delenv("X_FLAG")
        assert env_bool("X_FLAG", True) is True

    def test_numbers_and_lists(self, monkeypatch):
        monkeypatch.setenv("X_NUM", " 42 ")
        monkeypatch.setenv("X_LIST", "a, b,,c ")
        assert env_int("X_NUM", 0) == 42
        assert env_list("X_LIST") == ["a", "b", "c"]

    def test_bad_url_scheme(self, monkeypatch):
        monkeypatch.setenv("X_URL", "ftp://host")
        with pytest.raises(ConfigurationError, match="must start with http://"):
            env_url("X_URL", ("http", "https"))

    def test_database_url_parsing(self):
        config = parse_database_url("postgres://u:p@db:5432/pact")
        assert config["ENGINE"] == "django.db.backends.postgresql"
        assert config["NAME"] == "pact"

    def test_redact_hides_password(self):
        assert redact_url("postgres://u:geheim@db/x") == "postgres://u:***@db/x"

    def test_dotenv_does_not_override_real_environment(self, tmp_path, monkeypatch):
        env = tmp_path / ".env"
        env.write_text(
            "# comment\nX_A=from-file\nexport X_B='quoted'\n", encoding="utf-8"
        )
        monkeypatch.setenv("X_A", "real")
        monkeypatch.delenv("X_B", raising=False)
        read_dotenv(env)
        import os

        assert os.environ["X_A"] == "real"
        assert os.environ["X_B"] == "quoted"
        monkeypatch.delenv("X_B")

    def test_dotenv_bad_line_is_reported_with_its_number(self, tmp_path):
        env = tmp_path / ".env"
        env.write_text("X_OK=1\nthis is not a setting\n", encoding="utf-8")
        with pytest.raises(ConfigurationError, match="Line 2"):
            read_dotenv(env)


class LoggingPrivacyTests:
    def test_query_strings_are_cut_from_log_records(self, caplog):
        import logging

        from config.logging import StripQueryStrings

        record = logging.LogRecord(
            "x",
            logging.INFO,
            __file__,
            1,
            '"GET %s" 200',
            ("/zoeken/?q=ik+heb+schulden",),
            None,
        )
        StripQueryStrings().filter(record)
        assert "schulden" not in record.getMessage()
        assert "/zoeken/?…" in record.getMessage()


class HealthTests:
    @pytest.mark.django_db
    def test_healthz(self, client):
        response = client.get("/healthz")
        assert response.status_code == 200
        body = response.json()
        assert body["status"] == "ok"
        assert body["components"] == {
            "database": "ok",
            "cache": "ok",
            "channel_layer": "ok",
            "search": "ok",
        }
