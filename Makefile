# make run   - install into .venv and serve on http://127.0.0.1:8000
# make test  - install into .venv and run the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
IMAGE ?= quote-attribution:smoke
# setuptools announces every editable install with a notice; the install is meant to be one
EDITABLE := PYTHONWARNINGS="ignore:Editable installation"

.PHONY: install install-dev run test lint bench bench-smoke bench-spark deploy-check docker docker-check clean

install: $(VENV)/.installed          # what serving needs
install-dev: $(VENV)/.installed-dev  # and the tests, linters, benchmark and PySpark

$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(EDITABLE) $(BIN)/python -m pip install --quiet -c requirements.lock -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(EDITABLE) $(BIN)/python -m pip install --quiet -c requirements.lock -e ".[dev,spark]"
	touch $@

run: install
	$(BIN)/quote-attribution serve --bind 127.0.0.1:$(PORT)

test: install-dev
	$(BIN)/python -m pytest -q

lint: install-dev
	$(BIN)/ruff check models service devtools tests
	$(BIN)/hadolint Dockerfile

bench: install-dev
	$(BIN)/python -m devtools.bench $(ARGS)

bench-smoke: install-dev
	$(BIN)/python -m devtools.bench --smoke

# the Spark job on a standalone cluster of 1, then 2 one-core workers on loopback (needs Java 17)
bench-spark: install-dev
	$(BIN)/python -m devtools.spark_cluster bench $(ARGS)

# Kubernetes manifests (deploy/k8s): rendered by kubectl's built-in kustomize, validated against
# the API schemas of a current Kubernetes, and linted for security by checkov, offline.
K8S_VERSION ?= 1.37.0
DEPLOY_VENV := .venv-deploy

$(DEPLOY_VENV)/.installed: deploy/requirements.lock
	$(PYTHON) -m venv $(DEPLOY_VENV)
	$(DEPLOY_VENV)/bin/python -m pip install --quiet -r deploy/requirements.lock
	touch $@

deploy-check: $(DEPLOY_VENV)/.installed
	@command -v kubectl >/dev/null || { echo "deploy-check needs kubectl (its kustomize renders the manifests)"; exit 1; }
	mkdir -p build/k8s
	kubectl kustomize deploy/k8s/base > build/k8s/base.yaml
	kubectl kustomize deploy/k8s/overlays/production > build/k8s/production.yaml
	kubectl kustomize deploy/k8s/batch > build/k8s/batch.yaml
	$(DEPLOY_VENV)/bin/kubernetes-validate --strict --quiet -k $(K8S_VERSION) build/k8s/base.yaml \
		build/k8s/production.yaml build/k8s/batch.yaml
	$(DEPLOY_VENV)/bin/checkov --quiet --compact --skip-download --framework kubernetes -f build/k8s/production.yaml
	$(DEPLOY_VENV)/bin/checkov --quiet --compact --skip-download --framework kubernetes -f build/k8s/batch.yaml
	@# the base carries no namespace: every overlay gives it one (CKV_K8S_21, default namespace)
	$(DEPLOY_VENV)/bin/checkov --quiet --compact --skip-download --framework kubernetes --skip-check CKV_K8S_21 \
		-f build/k8s/base.yaml

docker:
	../shared/docker/build-and-smoke.sh

docker-check:  # the built image, read-only and without capabilities (needs Docker)
	.ci/docker-readonly $(IMAGE)

clean:
	rm -rf $(VENV) $(DEPLOY_VENV) build *.egg-info .pytest_cache .ruff_cache .hypothesis
