"""The Kubernetes base agrees with the service it runs (rendering, schemas and the security lint
are `make deploy-check`, which needs kubectl)."""

from __future__ import annotations

from pathlib import Path

import yaml

from service.config import Settings

DEPLOYMENT = Path(__file__).resolve().parent.parent / "deploy" / "k8s" / "base" / "deployment.yaml"


def container() -> tuple[dict, dict]:
    spec = yaml.safe_load(DEPLOYMENT.read_text(encoding="utf-8"))["spec"]["template"]["spec"]
    return spec, spec["containers"][0]


def test_the_pod_has_time_to_finish_what_it_accepted():
    pod, main = container()
    env = {e["name"]: e["value"] for e in main["env"]}
    timeout = Settings.from_env(env).timeout
    pause = main["lifecycle"]["preStop"]["sleep"]["seconds"]
    assert pod["terminationGracePeriodSeconds"] >= pause + timeout + 10  # gunicorn's graceful_timeout


def test_one_worker_per_requested_core_and_the_probes_the_service_answers(client):
    _, main = container()
    env = {e["name"]: e["value"] for e in main["env"]}
    assert int(env["WEB_CONCURRENCY"]) == int(main["resources"]["requests"]["cpu"])
    assert main["ports"][0]["containerPort"] == Settings().port
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        assert client.get(main[probe]["httpGet"]["path"]).status_code in (200, 503)
    assert main["securityContext"]["readOnlyRootFilesystem"] is True
