# Two commands do all set-up on a fresh machine:
#   make run    creates .venv, installs the reader and opens it on the bundled corpus
#   make test   creates .venv, installs the reader with its test tools and runs the tests
PYTHON ?= python3
# make bench ARGS=--large (or BENCH_ARGS=...): arguments of python -m benchmarks
BENCH_ARGS ?= $(ARGS)
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench screenshot clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/reader

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# ruff, then mypy: strict on the core packages and the command line, the default level on the
# window (pyproject.toml's [tool.mypy]).
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy reader

bench: $(STAMP)
	$(PY) -m pip install --quiet -e '.[bench]'
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks $(BENCH_ARGS)

screenshot: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/reader --screenshot docs/screenshot.png --query 金承涛

clean:
	rm -rf $(VENV) build *.egg-info
