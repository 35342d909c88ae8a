# The handbook's front door. `make help` lists the targets.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum requirements.txt | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1
# Bytecode is kept in .cache/pycache, not beside the sources: the tree stays clean, and a build
# does not recompile the handbook's own modules every time it starts.
unexport PYTHONDONTWRITEBYTECODE
export PYTHONPYCACHEPREFIX := $(CURDIR)/.cache/pycache

.DEFAULT_GOAL := help
.PHONY: help setup check schema build serve pdf test lock bench bench-phone new-question lint clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	@rm -f $(VENV)/.installed-* && touch $@

setup: $(STAMP) ## Create .venv and install the pinned dependencies

check: $(STAMP) ## Validate data/ only (fast, no site build)
	$(BIN)/python -m macros.check

schema: $(STAMP) ## Regenerate schema/*.schema.json from the models
	$(BIN)/python -m macros.schema

build: check ## Build the site into site/ (strict); a failed build publishes nothing
	@rm -rf .site-tmp
	$(BIN)/mkdocs build --strict --quiet -d .site-tmp
	@rm -rf site && mv .site-tmp site
	@echo "built site/"

serve: check ## Build and serve on http://127.0.0.1:8000, rebuilding on changes
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

pdf: build ## Write the checklist PDFs to site/pdf/
	$(BIN)/python -m macros.pdf site

test: lint ## Lint, then run the whole test suite (browser tests need /usr/bin/chromium)
	$(BIN)/python -m pytest

lint: $(STAMP) ## Run ruff's checks and its format check on the Python code
	$(BIN)/ruff check macros hooks tests scripts
	$(BIN)/ruff format --check macros hooks tests scripts

bench: $(STAMP) ## Measure build, size and search cost at the shipped size, 1,000 and 5,000 questions
	$(BIN)/python scripts/bench.py

bench-phone: $(STAMP) ## Lighthouse (mobile) on every page kind, served gzipped (needs npm and Chromium)
	$(BIN)/python scripts/lighthouse.py

# The values reach the script exactly as typed, `$` and all: `$(value NAME)` reads a variable
# without expanding it, single quotes keep the shell from reading it, and `unexport` stops make
# from expanding it into the script's environment, where a `$(shell ...)` in it would run.
NEW_QUESTION_VARS := ROUND TRACK TYPE DIFFICULTY PROMPT PROMPT_FILE
unexport $(NEW_QUESTION_VARS)
as_typed = '$(subst ','\'',$(value $(1)))'
new-question: $(STAMP) ## Scaffold data/questions/<id>.yml (ROUND=, TRACK=, TYPE=, PROMPT= or PROMPT_FILE=)
	@$(BIN)/python scripts/new_question.py --round=$(call as_typed,ROUND) --track=$(call as_typed,TRACK) \
		--type=$(call as_typed,TYPE) --difficulty=$(call as_typed,DIFFICULTY) \
		--prompt=$(call as_typed,PROMPT) --prompt-file=$(call as_typed,PROMPT_FILE)

# Extras stay in the pins (fonttools[woff]): pip, checking hashes, refuses a dependency that asks for
# an extra the lock file dropped as soon as a newer release of that package comes out.
lock: $(STAMP) ## Re-pin requirements.txt (exact versions and hashes) from requirements.in
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --no-strip-extras --no-emit-index-url --no-emit-find-links -o requirements.txt requirements.in

clean: ## Remove the built site and caches (keeps .venv)
	rm -rf site .site-tmp .cache .pytest_cache .ruff_cache
	find . -name __pycache__ -not -path './.venv/*' -prune -exec rm -rf {} +
