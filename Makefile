# Every target bootstraps .venv itself: `make run` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench screenshots demo snapshots-update clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)  ## open the app on your own data
	@$(BIN)/mastery $(ARGS)

demo: $(STAMP)  ## the app on a made-up five-week history in a temporary folder
	@$(BIN)/mastery demo

# -n auto: two pytest-xdist workers per CPU (see tests/conftest.py). Bytecode is written even
# where PYTHONDONTWRITEBYTECODE is set (some CI images set it): the suite starts `mastery` in
# hundreds of processes, and each would compile the package again (a quarter of their time).
test: $(STAMP)  ## the whole suite: lint, unit, store, reliability, Pilot and snapshots
	@$(BIN)/ruff check .
	@env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest -q -n auto --dist worksteal

lint: $(STAMP)
	@$(BIN)/ruff check .
	@$(BIN)/ruff format --check . || true

# `make bench` runs them all; `make bench keys` (or any names after bench) only those.
BENCH_NAMES := $(filter-out bench,$(MAKECMDGOALS))

bench: $(STAMP)  ## print start-up, save and CLI timings (ratios against baselines)
	@$(BIN)/python -m benchmarks $(BENCH_NAMES) $(ARGS)

ifneq ($(filter bench,$(MAKECMDGOALS)),)
$(BENCH_NAMES):
	@:
endif

screenshots: $(STAMP)  ## regenerate screenshots/*.svg from demo data
	@$(BIN)/python scripts/screenshots.py
	@$(BIN)/python scripts/browser_screenshot.py

snapshots-update: $(STAMP)  ## accept changed SVG snapshots after looking at them
	@$(BIN)/python -m pytest -q tests/snapshots --snapshot-update

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
