"""gunicorn's settings for Burgeridee's web process (deploy/bin/web), all from the environment.

Used in the container image and by `make cluster-test`; docs/operations.md lists the variables.
"""

import os
from pathlib import Path

# Where to listen: GUNICORN_BIND wins; otherwise every interface on $PORT (the container's port).
bind = os.environ.get("GUNICORN_BIND") or f"0.0.0.0:{os.environ.get('PORT', '8000')}"
# Synchronous worker processes per app server. Scale out with more app servers (replicas), not with
# a large number here: two to four per CPU the container may use.
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
# A request that takes longer is cut off (the PDFs take well under a second).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
# On SIGTERM (a rolling update, a scale-down) running requests get this long; keep it below the
# pod's terminationGracePeriodSeconds (30 s).
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "25"))
# Behind a load balancer that keeps connections open.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# A worker is replaced after this many requests (with jitter), so memory cannot creep up.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
# The workers' heartbeat files in memory: the root file system may be read-only.
worker_tmp_dir = "/dev/shm" if Path("/dev/shm").is_dir() else None  # noqa: S108 - gunicorn's heartbeat files
# gunicorn believes X-Forwarded-Proto only from these addresses (the app uses TRUSTED_PROXIES the same way).
forwarded_allow_ips = os.environ.get("TRUSTED_PROXIES") or "127.0.0.1"
# The application logs every request itself; gunicorn's access log only on request.
accesslog = "-" if os.environ.get("GUNICORN_ACCESS_LOG", "").lower() in {"1", "true", "yes"} else None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
proc_name = "burgeridee-web"
