"""Mallen för åtgärdsplanen (kapitel 8): kalkylbladet och Markdown läses tillbaka.

De väntade rubrikerna och listorna står här eller kommer från paketet (platsens
statusar och fyndens teman), inte från mallens YAML-fil, så att testet kan
upptäcka en mall som har glidit isär från handboken.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from openpyxl import load_workbook

import tryggaplatser as tp
from tryggaplatser.mallar import skriv_mall

ROT = Path(__file__).resolve().parent.parent
KAPITEL8 = ROT / "chapters" / "08-fran-analys-till-atgardsplan"


@pytest.fixture(scope="module")
def filer(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    skrivna = skriv_mall("atgardsplan", tmp_path_factory.mktemp("mall"))
    return {f.suffix.lstrip("."): f for f in skrivna}


def _listor(blad) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Kolumnrubrik -> formeln för kolumnens lista (rullgardin) i ett blad."""
    rubriker = {c.column_letter: c.value for c in blad[1]}
    listor = {}
    for kontroll in blad.data_validations.dataValidation:
        if kontroll.type != "list":
            continue
        for omrade in str(kontroll.sqref).split():
            listor[rubriker[re.match(r"[A-Z]+", omrade).group()]] = kontroll.formula1
    return listor


def test_mallen_finns_som_kalkylblad_och_markdown(filer: dict[str, Path]) -> None:
    assert set(filer) == {"md", "xlsx"}


def test_kalkylbladets_blad_och_rubriker(filer: dict[str, Path]) -> None:
    bok = load_workbook(filer["xlsx"])
    assert bok.sheetnames == ["Åtgärder", "Fynd", "Indikatorer", "Ansvariga", "Anvisningar"]
    rubriker = [c.value for c in bok["Åtgärder"][1]]
    for rubrik in ("Id", "Åtgärd", "Delplats", "Fynd", "Tema", "Ansvarig", "Kostnad (kr)", "Start", "Klar",
                   "Indikator", "Status"):
        assert rubrik in rubriker, rubrik
    assert [c.value for c in bok["Fynd"][1]][:4] == ["Fynd", "Underlag", "Delplats", "Tema"]
    indikatorer = [c.value for c in bok["Indikatorer"][1]]
    assert indikatorer[0] == "Indikator" and "Utgångsvärde" in indikatorer and "Slag" in indikatorer
    assert bok["Ansvariga"]["A1"].value == "Aktör"


def test_listorna_for_status_tema_och_ansvarig(filer: dict[str, Path]) -> None:
    bok = load_workbook(filer["xlsx"])
    listor = _listor(bok["Åtgärder"])
    # Statusarna är desamma som i platsens åtgärdsfil, och temana desamma som fyndens.
    statusar = list(tp.las_atgarder()["status"].cat.categories)
    assert listor["Status"] == '"' + ",".join(statusar) + '"'
    assert listor["Tema"] == '"' + ",".join(tp.FYNDTEMAN) + '"'
    assert listor["Effekt väntas"] == '"Kort sikt,Lång sikt"'
    # Ansvarig väljs ur första kolumnen i bladet Ansvariga.
    assert listor["Ansvarig"].startswith("='Ansvariga'!$A$2")
    assert _listor(bok["Indikatorer"])["Slag"] == '"Resultat,Process"'


def test_anvisningarna_forklarar_fynd_och_indikatorer(filer: dict[str, Path]) -> None:
    blad = load_workbook(filer["xlsx"])["Anvisningar"]
    text = "\n".join(str(c.value) for c in blad["A"] if c.value)
    assert text.startswith("Åtgärdsplan för en plats")
    assert "Så fyller du i mallen" in text
    assert "Skriv i kolumnen Fynd vilket eller vilka fynd åtgärden svarar mot" in text
    assert "innan åtgärderna börjar" in text
    for blad_namn in ("Åtgärder", "Fynd", "Indikatorer", "Ansvariga"):
        assert f"Bladet {blad_namn}" in text


def test_markdown_har_tabeller_och_kryssrutor(filer: dict[str, Path]) -> None:
    text = filer["md"].read_text(encoding="utf-8")
    assert text.startswith("# Åtgärdsplan för en plats\n")
    for rubrik in ("## Åtgärder", "## Fynd", "## Indikatorer", "## Ansvariga", "## Innan planen beslutas"):
        assert rubrik in text
    assert "| Id | Åtgärd | Delplats | Fynd | Tema |" in text
    assert text.count("- [ ] ") >= 4


def test_indikatorerna_i_kapitlet_och_pa_berakningssidan_ar_desamma() -> None:
    """Kapitel 10 hänvisar till indikatorerna: texten och beräkningssidan måste säga samma sak."""
    index = (KAPITEL8 / "index.md").read_text(encoding="utf-8")
    i_texten = dict(re.findall(r"^\| (I\d) \| ([^|]+?) \|", index, flags=re.MULTILINE))
    nb = nbformat.read(KAPITEL8 / "tidslinje-och-utgangsvarden.ipynb", as_version=4)
    html = "".join(ut["data"].get("text/html", "") for c in nb.cells if c.cell_type == "code"
                   for ut in c.get("outputs", []) if "data" in ut)
    pa_sidan = dict(re.findall(r"<td>(I\d)</td>\s*<td>([^<]+)</td>", html))
    assert list(i_texten) == [f"I{i}" for i in range(1, 8)]
    assert i_texten == pa_sidan
