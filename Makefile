# triangulate — the two commands a newcomer needs: `make demo` and `make test`.
# Each installs what it needs first (uv, then the locked environment in .venv).

PYTHON ?= python3
UV := $(shell command -v uv 2>/dev/null)
ifeq ($(UV),)
UV := $(PYTHON) -m uv
endif
RUN := $(UV) run --frozen --quiet
DB ?= triangulate.db

.PHONY: install demo test test-browser lint typecheck check eval pin-floors bench clean

install: .venv/.installed

.venv/.installed: pyproject.toml uv.lock
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv
	$(UV) sync --frozen --quiet
	@touch $@

## make demo: run the whole pipeline over the bundled demo corpus into $(DB), then summarise it.
demo: install
	$(RUN) triangulate ingest examples/seeds --db $(DB)
	$(RUN) triangulate summary --db $(DB)
	@echo
	@echo "Next:"
	@echo "  uv run triangulate events --db $(DB)                    # events with their evidence sentence"
	@echo "  uv run triangulate search 'Soldaten Russland' --db $(DB)  # full-text search over sentences"
	@echo "  uv run triangulate quotes --speaker Lee --db $(DB)        # who said what"
	@echo "  uv run triangulate claims --item soldiers --db $(DB)      # each figure with who asserts it, contradictions"
	@echo "  uv run triangulate flows --db $(DB)                     # who gives what to whom"
	@echo "  uv run triangulate documents --db $(DB)                 # documents, languages, dates"
	@echo "  uv run triangulate serve --db $(DB)                     # then open the dashboard: http://127.0.0.1:8000/dashboard"
	@echo "                                                             # (every page also as .json/.csv: /events.json, /timeline.csv …)"
	@echo "  uv run triangulate evaluate --gold examples/eval/gold.jsonl --docs examples/eval/docs.jsonl"

## make test: the whole test suite (includes the evaluation floors gate).
test: install
	$(RUN) pytest

## make test-browser: only the dashboard tests in headless chromium (apt-get install chromium first).
test-browser: install
	$(RUN) pytest -m browser -s tests/browser

lint: install
	$(RUN) ruff check src tests bench

typecheck: install
	$(RUN) mypy src/triangulate

check: lint typecheck test

eval: install
	$(RUN) triangulate evaluate --gold examples/eval/gold.jsonl --docs examples/eval/docs.jsonl --floors tests/eval_floors.json
	$(RUN) triangulate evaluate --gold examples/dev_en/gold.jsonl --docs examples/dev_en/docs.jsonl --floors tests/dev_en_floors.json
	$(RUN) triangulate evaluate --gold examples/heldout/gold.jsonl --docs examples/heldout/docs.jsonl --floors tests/heldout_floors.json

pin-floors: install
	$(RUN) triangulate evaluate --gold examples/eval/gold.jsonl --docs examples/eval/docs.jsonl --floors tests/eval_floors.json --pin $(PIN_FLAGS)
	$(RUN) triangulate evaluate --gold examples/dev_en/gold.jsonl --docs examples/dev_en/docs.jsonl --floors tests/dev_en_floors.json --pin $(PIN_FLAGS)
	$(RUN) triangulate evaluate --gold examples/heldout/gold.jsonl --docs examples/heldout/docs.jsonl --floors tests/heldout_floors.json --pin $(PIN_FLAGS)

bench: install
	$(RUN) python bench/ingest_bench.py

## make bench-api: API p50/p95 at 1,000,000 generated events (BENCH_DB=path keeps and reuses the store).
.PHONY: bench-api
bench-api: install
	$(RUN) python bench/api_bench.py $(if $(BENCH_DB),--db $(BENCH_DB))

clean:
	rm -rf .venv .pytest_cache .mypy_cache .ruff_cache $(DB) $(DB)-wal $(DB)-shm
