# Two commands on a fresh machine: `make demo` and `make test`. Everything installs into .venv.
# Each target installs only what it needs (README, "Install"):
#   make demo / make install   the product: what the demo and a commune's service need
#   make voices                 + Piper and MMS-VITS voices (onnxruntime, torch, transformers)
#   make test                   + the test tools and both voices (the voice tests run in CI)
#   make test-future            the suite with the clock a year ahead (Debian's faketime)
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUM := $(shell cksum < pyproject.toml | cut -d' ' -f1)
BASE := $(VENV)/.installed-base-$(SUM)
VOICES := $(VENV)/.installed-voices-$(SUM)
TESTS := $(VENV)/.installed-test-$(SUM)
# Independent tests run in parallel (pytest-xdist); JOBS=0 runs them in one process.
JOBS ?= 3
PYTEST := $(BIN)/python -m pytest -q -p no:cacheprovider -n $(JOBS) --dist worksteal --durations=25
FUTURE ?= +365d

.PHONY: demo test test-future lint bench install voices
install: $(BASE)

$(BASE): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	rm -f $(VENV)/.installed-base-* && touch $@

$(VOICES): $(BASE)
	$(BIN)/python -m pip install -q -e '.[piper,mms]'
	rm -f $(VENV)/.installed-voices-* && touch $@

$(TESTS): $(BASE)
	$(BIN)/python -m pip install -q -e '.[test,piper,mms]'
	rm -f $(VENV)/.installed-test-* && touch $@

voices: $(VOICES)

demo: $(BASE)
	$(BIN)/broadcaster demo $(ARGS)

lint: $(TESTS)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy broadcaster scripts tts media schedules devices bench

test: lint
	$(PYTEST) $(ARGS)

# The suite a year from now: a test that books a literal date, or an expiry computed once, fails here
# the day it would fail for real. The wall clock is faked (libfaketime) for Python and every child it
# starts but the browser; Mosquitto and PostgreSQL keep real time. The monotonic clock stays real:
# tests/faketime/sitecustomize.py says why and mends what libfaketime 0.9.10 then breaks.
test-future: $(TESTS)
	@command -v faketime >/dev/null || { echo "test-future needs faketime (apt-get install faketime)"; exit 2; }
	FAKETIME_DONT_FAKE_MONOTONIC=1 PYTHONPATH=$(CURDIR)/tests/faketime$${PYTHONPATH:+:$$PYTHONPATH} \
	  faketime -f $(FUTURE) $(PYTEST) $(ARGS)

bench: $(TESTS)
	$(BIN)/python -m bench $(ARGS)
