# claimcheck — `make help` lists the targets.
.DEFAULT_GOAL := help
SHELL := /bin/bash

VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Matplotlib and Jupyter caches live in the repo so a read-only home never writes warnings.
export MPLCONFIGDIR := $(CURDIR)/.cache/matplotlib
export JUPYTER_PLATFORM_DIRS := 1
export PYDEVD_DISABLE_FILE_VALIDATION := 1
export PYTHONHASHSEED := 0

.PHONY: help setup report test bench screenshots lock clean

help: ## Show this help.
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-12s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml requirements.lock
	@test -x $(PY) || python3 -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check uv
	@$(VENV)/bin/uv pip install --quiet --python $(PY) --compile-bytecode -r requirements.lock -e .
	@$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (claimcheck)" >/dev/null
	@mkdir -p $(MPLCONFIGDIR)
	@touch $(STAMP)

setup: $(STAMP) ## Create .venv, install claimcheck and its tools, register the kernel.

report: $(STAMP) ## Validate the audit, execute the notebooks, render reports/ (the main job).
	@$(VENV)/bin/claimcheck report --out reports

test: $(STAMP) ## Run the tests, nbval on every notebook included (strict).
	@$(PY) -m pytest -q -p no:cacheprovider tests notebooks --nbval --nbval-current-env --nbval-sanitize-with notebooks/sanitize.cfg -p no:randomly

bench: $(STAMP) ## Run the benchmarks, write their results into README.md and re-execute the notebooks that show them.
	@$(PY) benchmarks/run_all.py
	@$(PY) scripts/make_notebooks.py

screenshots: $(STAMP) ## Render the report and screenshot it in headless Chromium (needs chromium).
	@$(PY) scripts/screenshots.py

lock: ## Re-resolve requirements.lock from pyproject.toml (then regenerate notebooks).
	@python3 -m pip install --quiet uv && python3 -m uv pip compile --quiet pyproject.toml --extra test --extra bench -o requirements.lock

clean: ## Remove the virtual environment, caches and rendered reports.
	rm -rf $(VENV) .cache reports .pytest_cache .hypothesis
