"""Versionen står på ett ställe, och ändringsloggen och CITATION.cff följer den.

Regeln: ``tryggaplatser.__version__`` är den nyaste utgivna versionen. Den översta
rubriken ``## [X.Y.Z] – ÅÅÅÅ-MM-DD`` i CHANGELOG.md (efter ``## [Ej utgiven]``) har
samma nummer, och dess datum är ``date-released`` i CITATION.cff. En version har
bara avsnitten Tillagt, Ändrat, Rättat och Borttaget.
"""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

import pytest

import tryggaplatser

ROT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROT / "book" / "_ext"))

from versioner import (  # noqa: E402
    AndringsloggFel,
    las_andringslogg,
    senaste_utgivna,
    svenskt_datum,
)


def _citation(nyckel: str) -> str:
    text = (ROT / "CITATION.cff").read_text(encoding="utf-8")
    traff = re.search(rf'^{nyckel}:\s*"?([^"\n]+)"?\s*$', text, re.MULTILINE)
    assert traff, f"CITATION.cff saknar {nyckel}"
    return traff.group(1)


def test_andringsloggen_foljer_formatet():
    versioner = las_andringslogg((ROT / "CHANGELOG.md").read_text(encoding="utf-8"))
    assert versioner, "CHANGELOG.md har ingen versionsrubrik"
    namn = [v.namn for v in versioner]
    assert len(namn) == len(set(namn)), f"En version står två gånger: {namn}"
    utgivna = [v for v in versioner if v.utgiven]
    datum = [v.datum for v in utgivna]
    assert datum == sorted(datum, reverse=True), "De utgivna versionerna står inte med den nyaste först"
    nummer = [tuple(map(int, v.namn.split("."))) for v in utgivna]
    assert nummer == sorted(nummer, reverse=True), "Versionsnumren minskar inte uppifrån"


def test_senaste_utgivna_versionen_ar_paketets_och_citation_foljer():
    versioner = las_andringslogg((ROT / "CHANGELOG.md").read_text(encoding="utf-8"))
    senaste = senaste_utgivna(versioner)
    version = tryggaplatser.__version__
    assert senaste is not None, (
        f"CHANGELOG.md har ingen utgiven version, men paketet är version {version}. "
        f"Döp om '## [Ej utgiven]' till '## [{version}] – {_citation('date-released')}' "
        f"(samma datum som date-released i CITATION.cff) och lägg en ny, tom '## [Ej utgiven]' överst.")
    assert senaste.namn == version, (
        f"Nyaste utgivna versionen i CHANGELOG.md är {senaste.namn}, paketets är {version}")
    assert _citation("version") == version
    assert _citation("date-released") == senaste.datum.isoformat(), (
        f"date-released i CITATION.cff ({_citation('date-released')}) är inte datumet för "
        f"version {version} i CHANGELOG.md ({senaste.datum})")


def test_lasningen_hittar_versioner_datum_och_avsnitt():
    text = (
        "# Ändringslogg\n\n## [Ej utgiven]\n\n### Rättat\n\n- Ett fel.\n\n"
        "## [1.2.0] – 2027-03-01\n\n### Tillagt\n\n- Kapitel 11.\n- En mall,\n  i två format.\n\n"
        "### Borttaget\n\n- Något gammalt.\n\n## [1.1.0] - 2027-01-15\n\n### Ändrat\n\n- Text.\n"
    )
    versioner = las_andringslogg(text)
    assert [v.namn for v in versioner] == ["Ej utgiven", "1.2.0", "1.1.0"]
    assert senaste_utgivna(versioner).namn == "1.2.0"
    assert versioner[1].datum == date(2027, 3, 1)
    assert versioner[1].avsnitt == {"Tillagt": ["Kapitel 11.", "En mall, i två format."],
                                    "Borttaget": ["Något gammalt."]}
    assert versioner[2].avsnitt == {"Ändrat": ["Text."]}


@pytest.mark.parametrize("text", [
    "## [Ej utgiven]\n\n### Nytt\n\n- x\n",
    "## [1.0.0]\n\n### Tillagt\n\n- x\n",
    "## [1.0] – 2027-01-01\n",
    "## 1.0.0 – 2027-01-01\n",
    "## [Ej utgiven] – 2027-01-01\n",
    "### Tillagt\n\n- x\n",
])
def test_fel_format_ger_fel(text):
    with pytest.raises(AndringsloggFel):
        las_andringslogg(text)


def test_svenskt_datum():
    assert svenskt_datum(date(2026, 11, 5)) == "5 november 2026"
    assert svenskt_datum(date(2027, 1, 31)) == "31 januari 2027"
