# Burgeridee: `make run` serves the demo, `make test` runs every test. Both set up what is missing.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

DEV_ENV := BURGERIDEE_ENV=development BURGERIDEE_DEMO=true SITE_URL=http://$(HOST):$(PORT) \
	EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend
TEST_ENV := BURGERIDEE_ENV=test

.PHONY: help install assets docs db run worker test test-fast lint format messages check-deploy clean bench loadtest loadtest-short \
	api-schema cluster-test cluster-test-short manifests

help:
	@echo "make run    - install, build assets, prepare the demo database and serve http://$(HOST):$(PORT)"
	@echo "make worker - run the background worker (daily digest, mails)"
	@echo "make test   - run the whole test suite, end-to-end browser tests included"
	@echo "make lint   - ruff lint and format check, the import layers (lint-imports), bandit, migrations check,"
	@echo "              publiccode.yml against the standard, the manual (make docs)"
	@echo "make docs   - build the manual (docs/manual/, MkDocs) with warnings as errors and its links and anchors checked"
	@echo "make bench SIZE=small|medium|full|national [MUNICIPALITY=N] - seed, serve as in production, measure every page (docs/benchmark.md)"
	@echo "make loadtest / loadtest-short - residents and staff under load, PostgreSQL stopped for 10 s"
	@echo "make cluster-test / cluster-test-short - three app servers, a load balancer, Redis, two workers, SMTP; faults"
	@echo "make manifests - render the Kubernetes manifests (example overlay) with kubectl kustomize"

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements/dev.txt | $(BIN)/activate
	$(BIN)/python -m pip install --quiet --upgrade pip uv
	$(BIN)/uv pip sync --quiet --python $(BIN)/python requirements/dev.txt
	touch $@

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed node_modules/.installed

assets: node_modules/.installed
	node assets/build.mjs
	$(MAKE) docs

# The manual (docs/manual/, Dutch, one part per role) into src/burgeridee/static/dist/handleiding/, which the app
# serves (MANUAL_URL). Strict: any warning fails, and so does a link to a missing page or anchor (mkdocs.yml
# "validation"); nothing is fetched from the network. Its pictures come from tests/e2e/manual/.
docs: $(VENV)/.installed
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --clean --quiet

# The migrations were squashed to one per app before the first release (0.1.0): a demo database made
# before that cannot be migrated and is made anew (it holds only demo data and what you tried out).
SCHEMA_STAMP := var/.schema-0.1.0
db: install
	mkdir -p var/mail
	@if [ -f var/burgeridee.sqlite3 ] && [ ! -f $(SCHEMA_STAMP) ]; then \
		echo "The demo database in var/ is from before the squashed migrations; making it anew."; \
		rm -f var/burgeridee.sqlite3; fi
	$(DEV_ENV) $(BIN)/python manage.py migrate --no-input -v0
	touch $(SCHEMA_STAMP)
	$(DEV_ENV) $(BIN)/python manage.py createcachetable
	$(DEV_ENV) $(BIN)/python manage.py seed_demo

run: install assets db
	bin/ensure-system-packages --runtime
	@$(DEV_ENV) $(BIN)/python manage.py demo_logins
	$(DEV_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# Background tasks (the daily digest, mails): the django-tasks database worker. Queue the digest
# every working day at 07:00 with `manage.py send_daily_digest` (cron or a systemd timer).
worker: install
	$(DEV_ENV) $(BIN)/python manage.py db_worker --queue-name '*'

test: install assets
	bin/ensure-system-packages
	$(TEST_ENV) $(BIN)/python -m pytest -p xdist -n $${PYTEST_WORKERS:-2} $(PYTEST_ARGS)

test-fast: install assets
	$(TEST_ENV) $(BIN)/python -m pytest -m "not e2e" $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	PYTHONPATH=src $(BIN)/lint-imports --no-cache
	$(BIN)/bandit --quiet --recursive src --exclude '*/tests/*,*/migrations/*'
	$(BIN)/hadolint deploy/Dockerfile
	$(BIN)/python -m tests.release.publiccode
	$(MAKE) docs
	$(TEST_ENV) $(BIN)/python manage.py makemigrations --check --dry-run
	$(TEST_ENV) $(BIN)/python manage.py spectacular --validate --fail-on-warn | diff -u docs/api/openapi.yaml - \
		|| (echo "docs/api/openapi.yaml differs from the code: run make api-schema"; exit 1)

# The committed OpenAPI document of the REST API (docs/api.md); `make lint` and a test fail when it drifts.
api-schema: install
	$(TEST_ENV) $(BIN)/python manage.py spectacular --validate --fail-on-warn --file docs/api/openapi.yaml

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: install
	cd src/burgeridee && $(TEST_ENV) ../../$(BIN)/python ../../manage.py makemessages -l en --no-obsolete -i "static/*" && $(TEST_ENV) ../../$(BIN)/python ../../manage.py compilemessages

check-deploy: install assets
	BURGERIDEE_ENV=production SECRET_KEY=check-deploy-$$(head -c 32 /dev/urandom | base64 | tr -dc A-Za-z0-9) \
		ALLOWED_HOSTS=burgeridee.example.nl $(BIN)/python manage.py check --deploy --fail-level WARNING

SIZE ?= small
MUNICIPALITY ?= 1
bench: install assets
	$(BIN)/python -m bench.run --size $(SIZE) --municipality $(MUNICIPALITY)

loadtest: install assets
	$(BIN)/python -m bench.loadtest --duration 120

loadtest-short: install assets
	$(BIN)/python -m bench.loadtest --duration 50 --outage-at 15

# Production on one machine (docs/operations.md): PostgreSQL, Redis, three gunicorn app servers behind nginx, two
# workers and an SMTP server, as real processes; kills and outages during the run. Needs redis-server and nginx.
cluster-test: install assets
	bin/ensure-system-packages --cluster
	$(BIN)/python -m bench.cluster --duration 240 --smtp-outage 30

cluster-test-short: install assets
	bin/ensure-system-packages --cluster
	$(BIN)/python -m bench.cluster --duration 75 --smtp-outage 10 --throughput-seconds 10

manifests: install
	$(BIN)/kubectl kustomize deploy/kubernetes/overlays/example

clean:
	rm -rf $(VENV) node_modules src/burgeridee/static/dist staticfiles var
