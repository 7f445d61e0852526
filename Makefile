# Trygga platser – handboken. `make help` visar målen.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
JB := $(VENV)/bin/jupyter-book
export PYTHONHASHSEED := 0
# Antal parallella testprocesser (pytest-xdist): auto = en per kärna. `make test TESTPROCESSER=1` kör i en process.
TESTPROCESSER ?= auto

.PHONY: help book test notebooks serve lock benchmark lint clean data utdelning workshop ovningar release versioner

help: ## Visa målen
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(VENV)/klar: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

book: $(VENV)/klar ## Bygg webbplatsen till _build/html/
	$(JB) build . --warningiserror --nitpick --keep-going
	@echo "Klart: öppna _build/html/index.html i en webbläsare (eller kör make serve)."

test: $(VENV)/klar ## Kör alla tester: paket, data, notebooks, bygget, webbplatsen och webbläsaren
	$(PY) -m pytest -n $(TESTPROCESSER) --dist loadfile

notebooks: $(VENV)/klar ## Kör om alla notebooks och spara resultaten i filerna
	$(PY) scripts/kor_notebooks.py

serve: book ## Visa den byggda handboken på http://127.0.0.1:8000
	$(PY) -m http.server --bind 127.0.0.1 --directory _build/html 8000

data: $(VENV)/klar ## Skapa om exempeldatan, dess scheman och README-tabeller från generatorn
	$(PY) scripts/generera_mellanstad.py
	$(PY) scripts/mellanstad_datapaket.py

benchmark: $(VENV)/klar ## Mät byggtid, körtid för notebooks och sidvikt
	$(PY) scripts/benchmark.py

ovningar: $(VENV)/klar ## Kör om lösningsfilerna i exercises/ och gör övningsfilerna av dem
	$(PY) scripts/kor_notebooks.py $(wildcard exercises/*/losningar.ipynb)
	$(PY) scripts/gor_ovningar.py

utdelning: $(VENV)/klar ## Skriv ut övningsblad och självtest (A4, PDF) och ett facit till _build/utdelning/
	$(PY) scripts/gor_utdelning.py

workshop: $(VENV)/klar ## Gör workshoppaketet _build/trygga-platser-workshop.zip: webbplatsen, notebooks, data, miljö
	$(PY) scripts/gor_workshop.py

release: $(VENV)/klar ## Ge ut versionen: webbplats, PDF, workshoppaket, mallar och SHA256SUMS i _build/utgava/VERSION/
	$(PY) scripts/gor_utgava.py

versioner: $(VENV)/klar ## Bygg alla versioner (git-taggar vX.Y.Z och arbetskopian) bredvid varandra i _build/versioner/
	$(PY) scripts/bygg_versioner.py

lint: $(VENV)/klar ## Kontrollera kodstilen med ruff
	$(VENV)/bin/ruff check tryggaplatser tests scripts book/_ext

lock: ## Lås om miljön från requirements.in (tar några minuter)
	rm -rf .lasmiljo
	$(PYTHON) -m venv .lasmiljo
	.lasmiljo/bin/pip install --quiet --disable-pip-version-check -r requirements.in
	{ echo "# Låst miljö: skapad av \`make lock\` från requirements.in. Ändra inte för hand."; \
	  .lasmiljo/bin/pip freeze --exclude-editable; } > requirements.txt
	rm -rf .lasmiljo

clean: ## Ta bort byggresultat (men inte den virtuella miljön)
	rm -rf _build
