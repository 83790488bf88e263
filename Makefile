# Colloquium: `make run` serves the demo site; `make test` runs every check.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PG_URL ?= postgres://colloquium:colloquium@127.0.0.1:5432/colloquium
PYTEST_WORKERS ?= 2
# `make test` fails when line coverage of the project's code (.coveragerc) falls below this.
COVERAGE_FLOOR ?= 94
SYSTEM_PACKAGES := chromium libharfbuzz-subset0 fonts-noto-core gettext
# `make stack`: the production shape's other parts (PostgreSQL comes from `make postgres`).
STACK_PACKAGES := redis-server nginx openssl

.PHONY: run messages compile-messages translations fonts install system-deps stack-deps test test-sqlite test-postgres test-stack stack stack-stop loadtest faults lint format check security bench backup restore postgres worker clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

# Installs the Debian packages named in $(1) that are missing.
define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:$$missing"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q $$missing \
		|| { echo "Could not install$$missing with apt-get; install them and retry." >&2; exit 1; }; \
	fi
endef

# Chromium drives the browser tests; libharfbuzz-subset0 keeps WeasyPrint fast
# (without it WeasyPrint falls back to a slow subsetter and only logs a warning).
system-deps:
	$(call apt_install,$(SYSTEM_PACKAGES))

stack-deps:
	$(call apt_install,$(STACK_PACKAGES))

# The pinned JavaScript (package.json): axe-core for the browser tests, and jsQR, the check-in desk's
# QR decoder, which the site serves from its own static files: npm's copy is put there (it is also
# kept in the repository, so a deployment needs no npm; tests/checkin check that the two agree).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	cp node_modules/jsqr/dist/jsQR.js checkin/static/checkin/vendor/jsQR.js
	touch $@

# One Django process: migrates only when needed, loads the demo content, then runs runserver.
# SITE_URL (certificates, QR codes, emails, the API) is the address served, unless set.
run: install system-deps compile-messages
	SITE_URL=$(or $(SITE_URL),http://127.0.0.1:$(PORT)) $(BIN)/python manage.py serve_demo 127.0.0.1:$(PORT)

worker: install compile-messages
	$(BIN)/python manage.py worker

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	git ls-files -co --exclude-standard '*.html' | while read -r f; do [ -f "$$f" ] && echo "$$f"; done | xargs $(BIN)/djhtml --check

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: install translations
	DJANGO_SETTINGS_MODULE=colloquium_site.settings.test $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=colloquium_site.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

# Languages (docs/languages.md). The catalogues are locale/<language>/LC_MESSAGES/django.po (the
# project's strings) and locale/libraries/<language>/… (the libraries' strings its pages show);
# the compiled .mo files are build output.
MESSAGE_IGNORES := --ignore=.venv --ignore=node_modules --ignore=static --ignore=media --ignore=tests \
	--ignore=bench --ignore=ops --ignore=docs --ignore=.stack --ignore=private --ignore='migrations/*'

# After marking new strings: brings every language's catalogue up to date (new strings empty, to translate).
messages: install system-deps
	$(BIN)/python manage.py makemessages --all --no-location --no-obsolete $(MESSAGE_IGNORES)

compile-messages: install system-deps
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules -v0

# Prints each catalogue's statistics (strings, translated, fuzzy) and fails on an untranslated,
# fuzzy or missing string, or on template text no translation tag covers.
translations: install system-deps compile-messages
	DJANGO_SETTINGS_MODULE=colloquium_site.settings.test $(BIN)/python manage.py translation_report

# The browser's Devanagari fonts, subset from the Noto files the PDFs use (every shaping feature kept).
fonts: install
	for w in regular bold; do W=$$(echo $$w | sed 's/./\U&/'); $(BIN)/pyftsubset core/static/core/fonts/NotoSansDevanagari-$$W.ttf \
		--unicodes="U+0900-097F,U+1CD0-1CFF,U+200C-200D,U+20B9,U+25CC,U+A8E0-A8FF" --layout-features='*' \
		--flavor=woff2 --no-hinting --desubroutinize --output-file=colloquium_site/static/fonts/noto-sans-devanagari-$$w.woff2; done

test: install system-deps node_modules/.installed lint check test-sqlite test-postgres test-stack

# The SQLite run measures coverage and prints the total in its summary.
test-sqlite: compile-messages
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadfile --cov --cov-report=term:skip-covered --cov-fail-under=$(COVERAGE_FLOOR)

postgres:
	@bash .ci/postgres.sh

# The browser journeys drive the same views the SQLite run has already walked in Chromium; on
# PostgreSQL the suite proves the database behaviour (locks, constraints, concurrent requests in
# transactional tests and tests/stack), which keeps `make test` inside its time budget.
test-postgres: postgres compile-messages
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadfile --ignore=tests/browser

# The production shape on this machine, no containers (ops/stack.py, docs/deployment.md): PostgreSQL,
# Redis, an S3 server, two gunicorn app servers, nginx with TLS on https://localhost, the task worker.
# Idempotent; pid files and logs in .stack/. `make stack-stop` stops it all.
stack: install system-deps stack-deps postgres compile-messages
	@PG_URL=$(PG_URL) $(BIN)/python ops/stack.py start

stack-stop:
	@$(BIN)/python ops/stack.py stop

# tests/stack against a running stack: brings it up, runs them, stops it whatever they answered.
test-stack: install system-deps stack-deps postgres compile-messages
	@PG_URL=$(PG_URL) $(BIN)/python ops/stack.py start && \
	STACK_URL=https://localhost $(BIN)/pytest tests/stack -m stack; \
	status=$$?; $(BIN)/python ops/stack.py stop; exit $$status

# locust, for `make loadtest` and `make faults` only (requirements-load.txt): `make test` stays lean.
$(VENV)/.load-installed: requirements-load.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-load.txt
	touch $@

# The issue's load on the stack (brought up if it is not; it stays up): 5 minutes of anonymous pages,
# signed-in learners and a burst of 300 check-ins (ops/loadtest/). LOADTEST_SECONDS shortens a trial.
# Writes .stack/loadtest/report.md and report.json, judged against the targets of docs/reliability.md.
loadtest: install system-deps stack-deps postgres compile-messages $(VENV)/.load-installed
	@PG_URL=$(PG_URL) $(BIN)/python ops/stack.py start
	$(BIN)/python ops/loadtest/run.py

# The faults of docs/reliability.md, each under load (FAULTS_SECONDS, 90): `make faults` runs them
# all (the last, backup, rebuilds the stack); `make faults SCENARIOS="redis worker"` some.
# Needs root: it restarts the machine's PostgreSQL. Results in .stack/loadtest/faults/.
faults: install system-deps stack-deps postgres $(VENV)/.load-installed
	@PG_URL=$(PG_URL) $(BIN)/python ops/stack.py start
	$(BIN)/python ops/loadtest/faults.py $(SCENARIOS)

# Benchmark (not part of `make test`, about 15 minutes): builds the national and the small data
# sets in bench/data/ once, serves copies of them with gunicorn on 127.0.0.1, drives every page
# with wrk and the POST journeys with Python clients, each figure judged as a ratio to the ceiling
# view measured just before and after it, and writes bench/results/latest.{json,md}.
# BENCH_SECONDS (10) sets the length of each figure.
bench: install system-deps compile-messages
	@command -v wrk >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q wrk; }
	$(BIN)/python bench/run.py

# Security checks on their own: Django's deployment check with the documented production
# environment, the security suite on SQLite, then the race and backup tests on PostgreSQL.
# (`make test` already runs tests/security on both databases; this is the focused subset.)
security: install
	set -a && . ./.env.example && set +a && $(BIN)/python manage.py check --deploy --fail-level WARNING
	$(BIN)/pytest -q tests/security
	@bash .ci/postgres.sh
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -q tests/security/test_races.py tests/security/test_backup.py

# Database (pg_dump custom format, or SQLite's online backup) and media into backups/<time>/.
backup: install
	$(BIN)/python ops/backup.py

# make restore BACKUP=backups/<time>: the current database file and media are moved aside first.
restore: install
	@test -n "$(BACKUP)" || { echo "Usage: make restore BACKUP=backups/<time>" >&2; exit 1; }
	$(BIN)/python ops/restore.py "$(BACKUP)"

clean:
	rm -rf $(VENV) node_modules static .test-media
