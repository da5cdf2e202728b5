"""gunicorn settings for Burgeridee's app servers: `gunicorn -c deploy/gunicorn.conf.py` (deploy/bin/web).

Everything comes from the environment (docs/configuration.md, "Processes"): GUNICORN_WORKERS (processes,
default 2; WEB_CONCURRENCY is read too), GUNICORN_THREADS (threads per process, default 4), GUNICORN_TIMEOUT
(seconds before a stuck request's worker is restarted, default 30), PORT (default 8000) or GUNICORN_BIND.
Used in the container image and by `make cluster-test`.

Request lines are written by the application itself (one JSON line each with LOG_FORMAT=json), so
gunicorn's access log is off unless GUNICORN_ACCESS_LOG=true; its own messages go to stderr.

Metrics: with several worker processes, each counts for itself; prometheus-client adds them up from
files in PROMETHEUS_MULTIPROC_DIR (default: a fresh directory under the temporary directory; several app
servers on one machine need one each).
"""

import gc
import os
import shutil
import tempfile
from pathlib import Path


def _env_int(*names: str, default: int) -> int:
    for name in names:
        if os.environ.get(name):
            return int(os.environ[name])
    return default


# Where to listen: GUNICORN_BIND wins; otherwise every interface on $PORT (the container's port).
bind = os.environ.get("GUNICORN_BIND") or f"0.0.0.0:{_env_int('PORT', default=8000)}"
# Worker processes per app server, each with a few threads. Scale out with more app servers (replicas).
workers = _env_int("GUNICORN_WORKERS", "WEB_CONCURRENCY", default=2)
threads = _env_int("GUNICORN_THREADS", default=4)
timeout = _env_int("GUNICORN_TIMEOUT", default=30)
# On SIGTERM (a rolling update, a scale-down) running requests get this long; keep it below the pod's
# terminationGracePeriodSeconds minus its preStop pause (40 - 5 s in deploy/kubernetes).
graceful_timeout = _env_int("GUNICORN_GRACEFUL_TIMEOUT", default=timeout)
# Behind a load balancer that keeps connections open.
keepalive = _env_int("GUNICORN_KEEPALIVE", default=5)
# A worker is replaced now and then, so a slow leak never grows: staggered, so not all at once.
max_requests = _env_int("GUNICORN_MAX_REQUESTS", default=2000)
max_requests_jitter = max_requests // 10
# The workers' heartbeat files in memory: the root file system may be read-only.
worker_tmp_dir = os.environ.get("GUNICORN_WORKER_TMP_DIR") or ("/dev/shm" if Path("/dev/shm").is_dir() else None)  # noqa: S108
# gunicorn believes X-Forwarded-Proto only from these addresses (the app uses TRUSTED_PROXIES the same way).
forwarded_allow_ips = os.environ.get("TRUSTED_PROXIES") or "127.0.0.1"
accesslog = "-" if os.environ.get("GUNICORN_ACCESS_LOG", "").lower() in {"1", "true", "yes"} else None
errorlog = "-"
loglevel = (os.environ.get("GUNICORN_LOG_LEVEL") or os.environ.get("LOG_LEVEL") or "info").lower()
proc_name = "burgeridee-web"
wsgi_app = "burgeridee.wsgi:application"

os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", os.path.join(tempfile.gettempdir(), "burgeridee-metrics"))


def on_starting(server):
    """Start with an empty metrics directory: counts of a previous run must not be added to this one's."""
    directory = os.environ["PROMETHEUS_MULTIPROC_DIR"]
    shutil.rmtree(directory, ignore_errors=True)
    os.makedirs(directory, exist_ok=True)


def post_worker_init(worker):
    """Load WeasyPrint before the worker takes requests (1.4 s of CPU otherwise paid by its first PDF), then keep
    everything loaded so far (Django, the app's modules, WeasyPrint) out of the garbage collector's full passes:
    they scanned those hundreds of thousands of long-lived objects again every few dozen requests, a pause that
    landed on whichever request was running (docs/benchmark.md, session 7)."""
    try:
        from burgeridee.documents.rendering import warm_up

        warm_up()
    except Exception:  # a worker that cannot make PDFs still serves every other page; the PDF request will say why
        worker.log.exception("Could not load WeasyPrint when the worker started")
    gc.collect()
    gc.freeze()


def child_exit(server, worker):
    try:
        from prometheus_client import multiprocess  # imported in the master only when a worker ends
    except ImportError:  # a release without metrics
        return
    multiprocess.mark_process_dead(worker.pid)
