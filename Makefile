# The two commands a newcomer needs: `make demo` and `make test` (see README.md).

PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && echo $$p && break; done)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
PORT   ?= 8000
# Links in the demo's e-mails point at the port the demo serves on (issue 11).
DEMO   := DJANGO_DEBUG=1 PACT_DEMO_MODE=1 PACT_BASE_URL=$${PACT_BASE_URL:-http://127.0.0.1:$(PORT)}
PYTEST := $(PY) -m pytest

.PHONY: help install demo serve serve-prod test test-fast test-postgres test-browser bench lint format check messages clean

help:
	@echo "make demo   - install, migrate, load demo data and serve on http://127.0.0.1:$(PORT)"
	@echo "make test   - run the whole test suite (unit, integration and browser tests)"
	@echo "make bench  - run the benchmarks (one JSON line per scenario)"
	@echo "make serve-prod - the production servers (docs/deployment.md): gunicorn + daphne"
	@echo "make lint | format | check | messages"

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is needed (python3 --version)."; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@echo "Installing dependencies into $(VENV) (about a minute the first time) ..."
	@$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(PY) -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

demo: install
	@echo "Preparing the database (var/db.sqlite3) ..."
	@$(DEMO) $(PY) manage.py migrate --noinput -v 0
	@$(DEMO) $(PY) manage.py seed_demo
	@$(MAKE) --no-print-directory serve

serve: install
	@echo ""
	@echo "Sociale kaart (inwoners):  http://127.0.0.1:$(PORT)/"
	@echo "Zoeken:                    http://127.0.0.1:$(PORT)/zoeken/"
	@echo "Inloggen (professionals):  http://127.0.0.1:$(PORT)/inloggen/"
	@echo "Beheer (sociale kaart):    http://127.0.0.1:$(PORT)/admin/"
	@echo "Casusregie:                http://127.0.0.1:$(PORT)/casusregie/"
	@echo "Actieagenda:               http://127.0.0.1:$(PORT)/agenda/"
	@echo "HSDS-API (Open Referral):  http://127.0.0.1:$(PORT)/api/hsds/"
	@echo ""
	@echo "Demo-accounts (wachtwoorden alleen voor de demo):"
	@$(DEMO) $(PY) manage.py demo_personas
	@echo ""
	@echo "Stoppen: Ctrl+C"
	@$(DEMO) $(VENV)/bin/daphne --verbosity 0 -b 127.0.0.1 -p $(PORT) config.asgi:application

# What production runs (docs/deployment.md, decision 0070): gunicorn (WSGI, HTTP) with
# config/gunicorn.py on PACT_WEB_BIND (127.0.0.1:$(PORT)), and daphne (ASGI) for the
# websockets under /ws/ on 127.0.0.1:$(WS_PORT); the reverse proxy of docs/deployment.md
# routes /ws/ there. Uses the environment (or .env) as it is: no demo defaults.
WS_PORT ?= 8001
serve-prod: install
	@echo "HTTP (gunicorn): $${PACT_WEB_BIND:-127.0.0.1:$(PORT)}   websockets (daphne): 127.0.0.1:$(WS_PORT)"
	@trap 'kill 0' INT TERM; \
	 $(VENV)/bin/daphne --verbosity 0 -b 127.0.0.1 -p $(WS_PORT) config.asgi:application & \
	 PACT_WEB_BIND=$${PACT_WEB_BIND:-127.0.0.1:$(PORT)} \
	 $(VENV)/bin/gunicorn -c python:config.gunicorn config.wsgi:application & \
	 wait

# The whole suite: everything but the browser tests in one pytest process, then the
# browser tests in their own (sync Playwright and pytest-asyncio do not share a process).
test: install
	@$(PYTEST) -m "not browser" -q --durations=15
	@$(MAKE) --no-print-directory test-browser

test-fast: install
	@$(PYTEST) -m "not browser and not slow" -q

test-browser: install
	@bash .ci/ensure-chromium
	@DJANGO_ALLOW_ASYNC_UNSAFE=true $(PYTEST) -m browser -p no:asyncio -q tests/browser

# The same suite on PostgreSQL and Redis (what CI runs second).
test-postgres: install
	@DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/armoedepact} \
	 REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/0} \
	 $(PYTEST) -m "not browser" -q

bench: install
	@$(PY) -m benchmarks.run $(BENCH_ARGS)

lint: install
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/ruff format --check .
	@$(VENV)/bin/lint-imports --no-cache
	@$(VENV)/bin/mypy

format: install
	@$(VENV)/bin/ruff check --fix .
	@$(VENV)/bin/ruff format .

check: install
	@$(PY) manage.py check
	@$(PY) manage.py makemigrations --check --dry-run

# Extract translatable strings into each app's locale/en catalogue, then compile.
messages: install
	@for app in config pact socialekaart search casusregie agenda vroegsignalering; do \
		mkdir -p $$app/locale && \
		(cd $$app && ../$(PY) ../manage.py makemessages -l en --no-obsolete -v 0 -i "migrations/*") || exit 1; \
	done
	@$(PY) manage.py compilemessages -v 0 -i ".venv" -i "var"

clean:
	rm -rf var/ .pytest_cache .ruff_cache
