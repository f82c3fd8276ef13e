# The README's two commands: `make run` and `make test`. Both set everything up on first use.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test lint bench screenshots package system-deps clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	@touch $(STAMP)

setup: system-deps $(STAMP)

system-deps:
	@bash scripts/system-deps.sh

run: setup
	$(BIN)/vlogkit gui $(ARGS)

# A hang inside native code (Qt's media stack) is out of pytest-timeout's reach: after TEST_TIMEOUT seconds (a whole
# run takes 12-18 minutes on 2 cores) the run is stopped - faulthandler has printed every thread's stack by then -
# and started once more; a second hang, like any failure, fails.
TEST_TIMEOUT ?= 1800
PYTEST := timeout -k 60 $(TEST_TIMEOUT) $(BIN)/python -m pytest -q -p no:cacheprovider $(PYTEST_ARGS)

test: setup
	@$(PYTEST); rc=$$?; \
	if [ $$rc -eq 124 ] || [ $$rc -eq 137 ]; then \
		echo "make test: the run hung for $(TEST_TIMEOUT) s (stacks above); running it once more"; \
		$(PYTEST); rc=$$?; \
	fi; exit $$rc

lint: setup
	$(BIN)/ruff check src tests benchmarks

bench: setup
	$(BIN)/python benchmarks/run_all.py

screenshots: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py

package: setup
	bash packaging/build.sh

clean:
	rm -rf $(VENV) dist build
