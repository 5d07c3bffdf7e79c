# Two commands matter (see README): `make run` and `make test`.
PY := .venv/bin/python
PIP := .venv/bin/pip
STAMP := .venv/.installed

.PHONY: run test check fmt bench bench-appeals bench-claims messages setup

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv .venv
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)
	cp -n .env.example .env 2>/dev/null || true

## run: set up and start the product with demo data on SQLite (http://127.0.0.1:8000)
run: setup
	bash scripts/ensure-system-packages.sh --run
	DEBUG=true $(PY) manage.py migrate --noinput
	DEBUG=true $(PY) manage.py seed_demo
	DEBUG=true $(PY) manage.py claims_index
	@echo "同心已就绪：打开 http://127.0.0.1:8000/ ，账号见 README（演示密码 tongxin123）"
	DEBUG=true $(PY) manage.py runserver 127.0.0.1:8000

## test: lint, migration check and the whole suite (browser test included)
test: setup
	bash scripts/ensure-system-packages.sh
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	DEBUG=true $(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest -n 2 --dist loadfile

check: test
	$(PY) -m mypy laborlaw

fmt: setup
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

## bench: the benchmarks (PostgreSQL on 127.0.0.1; see bench/README.md)
bench: bench-appeals bench-claims

bench-appeals: setup
	$(PY) bench/appeals_load.py

bench-claims: setup
	$(PY) bench/claims_cv.py
	$(PY) bench/similar_cases.py

messages: setup
	DEBUG=true $(PY) manage.py makemessages -l en --ignore=.venv --ignore=bench --ignore=laborlaw --ignore=claimtext
	DEBUG=true $(PY) manage.py compilemessages --ignore=.venv
