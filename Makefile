# Two set-up commands on a fresh machine with Python 3.11 (each installs what it needs):
#   make demo   - the main job: the whole pipeline against the offline replica, into ./data
#   make test   - the test suite (real Scrapy crawls of the replica, real Dagster, real DuckDB)
#   make test-fast - the inner loop: the tests marked `fast`
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: demo test test-fast lint install bench-extract

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/baoarchive demo

# Two workers (2 cores); a file's tests stay together, so its module fixtures are built once.
# Files are handed out in the order tests/conftest.py gives them (the pipeline's first), not
# pytest-xdist's default (most tests first), which left the longest single tests to the end.
PYTEST := $(BIN)/python -m pytest -n 2 --dist loadfile --no-loadscope-reorder

test: install
	$(PYTEST)

# The inner loop: tests marked `fast` (no whole-pipeline run of their own), under 90 s.
test-fast: install
	$(PYTEST) -m fast

lint: install
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/lint-imports

# The extraction benchmark (ours vs trafilatura, readability-lxml, goose3); prints its figures.
bench-extract: install
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python -m bench.extraction
