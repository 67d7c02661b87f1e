# make run   - install into .venv and serve on http://127.0.0.1:8000
# make test  - install into .venv and run the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
IMAGE ?= quote-attribution:smoke

.PHONY: install run test lint bench bench-smoke docker docker-check clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[dev]"
	touch $@

run: install
	$(BIN)/quote-attribution serve --bind 127.0.0.1:$(PORT)

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check models service devtools tests
	$(BIN)/hadolint Dockerfile

bench: install
	$(BIN)/python -m devtools.bench $(ARGS)

bench-smoke: install
	$(BIN)/python -m devtools.bench --smoke

docker:
	../shared/docker/build-and-smoke.sh

docker-check:  # the built image, read-only and without capabilities (needs Docker)
	.ci/docker-readonly $(IMAGE)

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .ruff_cache .hypothesis
