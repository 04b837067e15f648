# The two commands of the README: `make run` and `make test`. Everything installs into .venv.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
PORT ?= 8000
CHROMIUM := /usr/bin/chromium

.PHONY: run test lint format messages install install-test chromium bench lighthouse cluster faultload

$(VENV)/bin/activate:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/activate
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(PIP) install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: install
	mkdir -p var/mail
	$(PY) manage.py migrate --no-input
	$(PY) manage.py seed_demo
	SITE_URL=$${SITE_URL:-http://127.0.0.1:$(PORT)} $(PY) manage.py runserver 127.0.0.1:$(PORT)

# Debian's chromium drives the browser tests; installed here when missing and apt is ours to run.
chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
		elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then \
			sudo apt-get update -qq && sudo apt-get install -y -qq chromium; \
		else echo "chromium is missing and apt needs root: browser tests will be skipped"; fi; \
	fi

# One test process per core (pytest-xdist; each has its own test database and browser);
# TEST_WORKERS=0 runs everything in this process, e.g. to debug one test.
TEST_WORKERS ?= auto
test: install-test chromium
	$(VENV)/bin/pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

lint: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-test
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Refresh the translation catalogues after changing UI strings; the compiled .mo files are
# committed so neither run nor test needs gettext.
messages: install
	$(PY) manage.py makemessages --locale da --locale en --ignore ".venv/*" --ignore "var/*" --no-obsolete
	$(PY) manage.py compilemessages --ignore ".venv/*"

# Load test against the anonymous and the logged-in floor (bench/run.py): PostgreSQL (a throwaway
# cluster unless DATABASE_URL is set), Redis, gunicorn and wrk on loopback; installs
# wrk/redis-server/postgresql when missing. BENCH_ARGS="--scale" also times the personal pages
# alone at 100,000 citizens.
bench: install
	$(PY) -m bench.run $(BENCH_ARGS)

# Two app servers behind nginx, checked as one service (bench/cluster.py), and comments posted
# by 40 citizens while PostgreSQL restarts, stops and a worker dies (bench/faultload.py). Both
# start their own PostgreSQL, Redis, gunicorns, nginx and task worker on loopback; install
# nginx/redis-server/postgresql when missing. On demand, not in CI.
cluster: install
	$(PY) -m bench.cluster

faultload: install
	$(PY) -m bench.faultload $(FAULTLOAD_ARGS)

# Lighthouse 12 (npm) with Debian's chromium, mobile profile, on a server `make bench` style.
lighthouse: install chromium
	$(PY) -m bench.lighthouse $(LIGHTHOUSE_ARGS)
