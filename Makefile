# Two commands for a fresh Linux machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PKG_STAMP := $(VENV)/.installed-package

.PHONY: run test lint test-package package bench shots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/dlab

# ruff, and the import contracts of pyproject.toml (layers; no Qt in core or engines).
lint: $(STAMP)
	$(BIN)/ruff check dlab tests benchmarks packaging setup.py tools
	$(BIN)/lint-imports

test: $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/dlab bench

# The standalone executable (packaging/README.md): dist/dlab/ and its archive.
$(PKG_STAMP): $(STAMP)
	$(BIN)/python -m pip install -e '.[test,package]'
	touch $(PKG_STAMP)

package: $(PKG_STAMP)
	$(BIN)/python packaging/build.py

# Builds the bundle unless dist/dlab was built from the current sources, then checks it.
test-package: $(PKG_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m packaging -o faulthandler_timeout=3600 \
		tests/e2e/test_packaging.py

clean:
	rm -rf $(VENV) build dist .pytest_cache
