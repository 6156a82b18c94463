VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: setup test lint bench index clean check-docker

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -c constraints.txt torch==2.13.0
	$(PIP) install --quiet -c constraints.txt -e '.[dev]'
	touch $@

test: setup
	$(VENV)/bin/pytest -q

lint: setup
	$(VENV)/bin/ruff check bot tests benchmarks
	$(VENV)/bin/ruff format --check bot tests benchmarks

bench: setup
	$(PY) benchmarks/run_all.py

# Runs the Dockerfile's RUN steps in a fresh venv and checks the result (no Docker engine here).
check-docker: setup
	$(PY) scripts/check_docker_steps.py

index: setup
	$(VENV)/bin/hansyn reindex

clean:
	rm -rf $(VENV) index/current index/.build-* .pytest_cache
