# Intercultural Cities Platform — the two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
ICC := $(BIN)/icc
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint typecheck contracts migrations pytest test-postgres bench messages screenshots clean constraints

$(STAMP): pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is required ($(PYTHON) not found)."; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

install: $(STAMP) messages ## create .venv and install the platform and its tools

messages: $(STAMP) ## compile the gettext catalogues
	cd src/icc && ../../$(ICC) compilemessages --ignore=.venv -v 0

run: install ## migrate, load demo data and serve on http://127.0.0.1:8000 (with a task worker)
	mkdir -p var
	$(ICC) migrate --no-input
	$(ICC) demo
	@echo "Serving on http://$(HOST):$(PORT)/ (background tasks run in a worker beside it)"
	trap 'kill 0' EXIT INT TERM; $(ICC) db_worker --interval 1 & $(ICC) runserver $(HOST):$(PORT)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy
	$(BIN)/mypy benchmarks

contracts: $(STAMP)
	$(BIN)/lint-imports

migrations: $(STAMP) ## fail when a model change has no migration (or a migration is not deterministic)
	DATABASE_URL=sqlite://:memory: $(ICC) makemigrations --check --dry-run

pytest: install
	$(BIN)/pytest --cov --cov-report=term

test: install lint typecheck contracts migrations pytest ## every check: ruff, mypy, import contracts, migrations, the whole test suite

bench: install ## benchmarks: print timings and ratios
	@for b in benchmarks/bench_*.py; do $(BIN)/python $$b || exit 1; done

constraints: ## take the newest versions pyproject.toml allows and write them to constraints.txt (then run make test)
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade --upgrade-strategy eager -e ".[dev]"
	{ sed -n '1,3p' constraints.txt; $(BIN)/pip freeze --exclude-editable; } > constraints.txt.new && mv constraints.txt.new constraints.txt
	touch $(STAMP)

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache .coverage
