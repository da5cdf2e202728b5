"""gunicorn settings for Burgeridee's app servers: `gunicorn -c deploy/gunicorn.conf.py burgeridee.wsgi`.

Everything comes from the environment (docs/configuration.md):
GUNICORN_WORKERS (processes, default 2), GUNICORN_THREADS (threads per process, default 4),
GUNICORN_TIMEOUT (seconds before a stuck request's worker is restarted, default 30), PORT (default 8000).
Request lines are written by the application itself (one JSON line each with LOG_FORMAT=json), so
gunicorn's access log is off; its own messages go to stderr.

Metrics: with several worker processes, each counts for itself; prometheus-client adds them up from
files in PROMETHEUS_MULTIPROC_DIR (default: a fresh directory under the temporary directory).
"""

import os
import shutil
import tempfile

bind = f"0.0.0.0:{int(os.environ.get('PORT') or 8000)}"
workers = int(os.environ.get("GUNICORN_WORKERS") or 2)
threads = int(os.environ.get("GUNICORN_THREADS") or 4)
timeout = int(os.environ.get("GUNICORN_TIMEOUT") or 30)
graceful_timeout = timeout
keepalive = 5
# A worker is replaced now and then, so a slow leak never grows: staggered, so not all at once.
max_requests = 2000
max_requests_jitter = 200
accesslog = None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
worker_tmp_dir = os.environ.get("GUNICORN_WORKER_TMP_DIR") or None  # /dev/shm in a container with a read-only root
wsgi_app = "burgeridee.wsgi:application"

os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", os.path.join(tempfile.gettempdir(), "burgeridee-metrics"))


def on_starting(server):
    """Start with an empty metrics directory: counts of a previous run must not be added to this one's."""
    directory = os.environ["PROMETHEUS_MULTIPROC_DIR"]
    shutil.rmtree(directory, ignore_errors=True)
    os.makedirs(directory, exist_ok=True)


def child_exit(server, worker):
    from prometheus_client import multiprocess  # imported in the master only when a worker ends

    multiprocess.mark_process_dead(worker.pid)
