"""Regler för hela projektet som går att kontrollera mekaniskt."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import tryggaplatser

ROT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted(
    p for mapp in ("chapters", "exercises") for p in (ROT / mapp).rglob("*.ipynb")
    if ".ipynb_checkpoints" not in p.parts
)


def _sparade_filer() -> list[str]:
    ut = subprocess.run(["git", "ls-files"], cwd=ROT, capture_output=True, text=True)
    if ut.returncode != 0:
        pytest.skip("Inte en git-arbetskopia; filnamnen kontrolleras inte.")
    return ut.stdout.splitlines()


def test_readme_borjar_med_de_tva_kommandona():
    text = (ROT / "README.md").read_text(encoding="utf-8")
    forsta_kodblock = re.search(r"```\w*\n(.*?)```", text, re.DOTALL).group(1)
    assert forsta_kodblock.split("\n")[:-1] == ["make book", "make test"]


def test_ci_kor_readmes_testkommando():
    ci = (ROT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci, re.MULTILINE)


def test_versionen_star_pa_ett_stalle_och_citation_foljer_den():
    cff = (ROT / "CITATION.cff").read_text(encoding="utf-8")
    assert f'version: "{tryggaplatser.__version__}"' in cff


def test_miljon_ar_last_med_exakta_versioner():
    rader = [r for r in (ROT / "requirements.txt").read_text().splitlines() if r and not r.startswith("#")]
    olasta = [r for r in rader if not re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[^=\s]+", r)]
    assert not olasta, f"Rader utan exakt version i requirements.txt: {olasta}"
    jb = next(r for r in rader if r.lower().startswith("jupyter-book=="))
    assert jb.split("==")[1].startswith("1."), f"Jupyter Book måste vara version 1: {jb}"


def test_filnamn_ar_sma_ascii_med_bindestreck():
    felaktiga = [
        f for f in _sparade_filer()
        if f.startswith(("chapters/", "exercises/", "book/", "data/"))
        and not re.fullmatch(r"[a-z0-9_./\-]+", f.removeprefix("book/_templates/").removeprefix("book/_ext/"))
        and "/LC_MESSAGES/" not in f and not f.endswith("README.md")
    ]
    assert not felaktiga, f"Filnamn med versaler, å/ä/ö eller mellanslag: {felaktiga}"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROT)))
def test_notebooken_folljer_reglerna(notebook):
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    fel = []
    for nr, cell in enumerate(nb["cells"], start=1):
        if cell["cell_type"] != "code" or not "".join(cell["source"]).strip():
            continue
        if cell.get("execution_count") is None:
            fel.append(f"cell {nr}: är inte körd (nbval kan inte jämföra den)")
        if "execution" in cell.get("metadata", {}):
            fel.append(f"cell {nr}: har tidsmetadata; kör om med scripts/kor_notebooks.py")
        utdata = cell.get("outputs", [])
        if any(o.get("output_type") == "error" for o in utdata):
            fel.append(f"cell {nr}: har ett felmeddelande som utdata")
        if any(o.get("name") == "stderr" for o in utdata):
            fel.append(f"cell {nr}: skriver till stderr (varningar syns på webbplatsen)")
        if any("image/png" in o.get("data", {}) or "image/svg+xml" in o.get("data", {}) for o in utdata):
            mystnb = cell.get("metadata", {}).get("mystnb", {})
            if not mystnb.get("image", {}).get("alt"):
                fel.append(f"cell {nr}: figur utan alternativtext (mystnb.image.alt)")
            if not mystnb.get("figure", {}).get("caption"):
                fel.append(f"cell {nr}: figur utan bildtext (mystnb.figure.caption)")
        figur = cell.get("metadata", {}).get("mystnb", {}).get("figure")
        if figur and not any("image/png" in o.get("data", {}) for o in utdata):
            fel.append(f"cell {nr}: har figurmetadata men ingen bild (kördes med MPLBACKEND=Agg?)")
        if re.search(r"\.set_title\(|(\.\./)+data/", "".join(cell["source"])):
            fel.append(f"cell {nr}: använder set_title eller läser ../data direkt")
    assert not fel, f"{notebook.relative_to(ROT)}:\n" + "\n".join(fel)


def test_koden_foljer_kodstilen():
    ruff = Path(sys.executable).parent / "ruff"
    ut = subprocess.run([str(ruff), "check", "tryggaplatser", "tests", "scripts", "book/_ext"],
                        cwd=ROT, capture_output=True, text=True)
    assert ut.returncode == 0, ut.stdout + ut.stderr
