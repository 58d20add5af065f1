"""manage.py check --deploy: passes with real values, refuses the embedded defaults."""

from __future__ import annotations

from tests.config.inprocess import run

PRODUCTION = {
    "DJANGO_SECRET_KEY": "k8#Qz1!vR7@pW3$eT9%yU5^iO0&aS2*dF4(gH6)jK8-lZ1+xC3=vB5",
    "DJANGO_ALLOWED_HOSTS": "sociale-kaart.armoedepact.nl",
    "DATABASE_URL": "postgres://pact:secret@db.internal:5432/armoedepact",
    "REDIS_URL": "redis://redis.internal:6379/0",
    "MEILISEARCH_URL": "http://search.internal:7700",
    "MEILISEARCH_API_KEY": "a-master-key",
    "EMAIL_HOST": "smtp.armoedepact.nl",
}


class DeployCheckTests:
    def test_production_settings_pass_the_deploy_check(self):
        result = run(
            ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION
        )
        assert result.returncode == 0, result.stdout + result.stderr

    def test_embedded_defaults_are_refused_in_production(self):
        result = run(["manage.py", "check", "--deploy"])
        assert result.returncode != 0
        output = result.stdout + result.stderr
        for check_id in ("pact.E001", "pact.E002", "pact.E003", "pact.E004"):
            assert check_id in output

    def test_demo_mode_is_refused_in_production(self):
        result = run(
            ["manage.py", "check", "--deploy"], PACT_DEMO_MODE="1", **PRODUCTION
        )
        assert "pact.E005" in result.stdout + result.stderr

    def test_database_search_is_a_warning_only(self):
        env = {k: v for k, v in PRODUCTION.items() if not k.startswith("MEILISEARCH")}
        result = run(["manage.py", "check", "--deploy"], **env)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "pact.W001" in result.stdout + result.stderr

    def test_debug_mode_skips_the_production_check(self):
        result = run(["manage.py", "check"], DJANGO_DEBUG="1")
        assert result.returncode == 0, result.stdout + result.stderr


class SecurityLimitTests:
    """Issue 10, finding 10: the deploy check passed with 2FA off, no mail server, a
    one-year idle session and 100,000 allowed failures."""

    def test_weak_security_settings_are_refused(self):
        env = {k: v for k, v in PRODUCTION.items() if k != "EMAIL_HOST"}
        result = run(
            ["manage.py", "check", "--deploy"],
            PACT_REQUIRE_2FA="0",
            PACT_SESSION_IDLE_SECONDS=str(365 * 24 * 3600),
            PACT_LOGIN_FAILURE_LIMIT="100000",
            PACT_LOGIN_ADDRESS_FAILURE_LIMIT="1000000",
            **env,
        )
        assert result.returncode != 0
        output = result.stdout + result.stderr
        for check_id in (
            "pact.E006",
            "pact.E007",
            "pact.E008",
            "pact.E009",
            "pact.E010",
        ):
            assert check_id in output, check_id


class ConnectionBoundCheckTests:
    """Decision 0070: the processes together never open more connections than the
    database takes; the deploy check refuses a configuration that could."""

    def test_the_documented_defaults_fit_postgresqls_default_limit(self):
        result = run(
            ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION
        )
        assert "pact.E071" not in result.stdout + result.stderr

    def test_too_many_workers_for_the_database_are_refused(self):
        result = run(
            ["manage.py", "check", "--deploy"],
            PACT_WEB_WORKERS="16",
            PACT_DB_POOL_MAX="8",
            PACT_DB_MAX_CONNECTIONS="100",
            **PRODUCTION,
        )
        assert result.returncode != 0
        output = result.stdout + result.stderr
        assert "pact.E071" in output
        assert "could open 146 database connections" in output

    def test_a_smaller_pool_makes_the_same_workers_fit(self):
        result = run(
            ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
            PACT_WEB_WORKERS="16",
            PACT_DB_POOL_MAX="4",
            PACT_DB_MAX_CONNECTIONS="100",
            **PRODUCTION,
        )
        assert result.returncode == 0, result.stdout + result.stderr
