# Two entry points for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint format bench eval clean postgres browser

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The main job: build the local SQLite store from the bundled examples, then serve it
# on http://127.0.0.1:8000/ (read-only unless DEMARCHE_TOKEN is set).
demo: $(STAMP)
	$(BIN)/demarche ingest --examples
	$(BIN)/demarche overview
	$(BIN)/demarche serve

test: $(STAMP) postgres browser
	$(BIN)/ruff check src tests bench tools
	$(BIN)/ruff format --check src tests bench tools
	$(BIN)/python -m pytest

# The browser tests drive Debian's headless Chromium.
browser:
	test -x /usr/bin/chromium || (apt-get update && apt-get install -y chromium chromium-driver)

# The store tests run against a real PostgreSQL server on 127.0.0.1:5432.
postgres:
	tools/ensure_postgres.sh

lint: $(STAMP)
	$(BIN)/ruff check src tests bench tools

format: $(STAMP)
	$(BIN)/ruff format src tests bench tools
	$(BIN)/ruff check --fix src tests bench tools

bench: $(STAMP)
	$(BIN)/python bench/analyze.py

eval: $(STAMP)
	$(BIN)/demarche eval ner --factrueval ../shared/factrueval-2016/devset

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .ruff_cache
