# Two commands set up everything on a fresh machine: `make play` and `make test`.
# Both create .venv in the repo root with the standard library's venv and pip.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q
# Extra pytest options, e.g. `make test PYTEST_ARGS=-n0` to run in one process.
PYTEST_ARGS ?=

.PHONY: play test check bench model clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.run-installed: pyproject.toml | $(VENV)/bin/python
	$(PIP) install -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml | $(VENV)/bin/python
	$(PIP) install -e '.[test]'
	touch $@

$(VENV)/.dev-installed: pyproject.toml | $(VENV)/bin/python
	$(PIP) install -e '.[test,dev]'
	touch $@

play: $(VENV)/.run-installed
	$(PY) -m simulator

# The results-store tests (marked postgres) start a throwaway PostgreSQL under .pg/ with
# scripts/postgres.sh (installing Debian's postgresql as root if missing). The classroom's
# browser tests (marked browser) drive Debian's chromium, installed by scripts/browser.sh.
# The suite runs in parallel (pytest-xdist, one worker per core, at most 4: pyproject.toml).
test: $(VENV)/.test-installed
	$(PY) -m pytest $(PYTEST_ARGS)

check: $(VENV)/.dev-installed
	$(PY) -m ruff format --check simulator tests benchmarks
	$(PY) -m ruff check simulator tests benchmarks
	$(PY) -m mypy
	$(PY) -m pytest $(PYTEST_ARGS)

# Retrain the grader's learned layer from the exemplar bank (deterministic).
model: $(VENV)/.test-installed
	$(PY) -m simulator train

bench: $(VENV)/.test-installed
	$(PY) benchmarks/run_all.py
	$(PY) benchmarks/results_store.py
	$(PY) benchmarks/classroom.py

clean:
	rm -rf $(VENV) build *.egg-info
