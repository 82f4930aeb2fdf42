# Claimtrack: `make run` serves the embedded default, `make test` runs the suite.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format bench worker check clean

$(VENV)/.installed-runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed-runtime requirements-dev.txt
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

## run: SQLite, in-process extraction, registries and demo articles loaded, server on $(HOST):$(PORT)
run: $(VENV)/.installed-runtime
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py demo_setup
	DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

## test: the whole suite (SQLite unless DATABASE_URL/REDIS_URL point at real services)
test: $(VENV)/.installed-dev
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## bench: every script in bench/, each printing its figures
bench: $(VENV)/.installed-dev
	@for script in bench/[!_]*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

## worker: a Celery worker (and beat for the sweep) for the full stack; needs REDIS_URL
worker: $(VENV)/.installed-runtime
	$(VENV)/bin/celery -A config worker --beat --loglevel=INFO --concurrency=2

clean:
	rm -rf $(VENV) var staticfiles
