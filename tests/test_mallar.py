"""Mallarna: varje format läses tillbaka och säger samma sak som YAML-källan."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest
import yaml
from docx import Document
from openpyxl import load_workbook

from tryggaplatser.mallar import MallFel, las_mall, mallnamn, skriv_alla, skriv_mall
from tryggaplatser.mallar.skrivare import ANVISNINGSBLAD

EXEMPEL = {
    "namn": "provmall",
    "titel": "Provmall för en plats",
    "format": ["md", "xlsx", "docx"],
    "inledning": "Första stycket\nfortsätter här.\n\nAndra stycket med **fet** text.",
    "anvisningar": ["Fyll i en rad per åtgärd.", "Spara filen som .xlsx."],
    "avsnitt": [
        {"rubrik": "Innan ni börjar", "text": "Läs kapitel 8.", "punkter": ["Utse en ägare", "Boka möte"],
         "kryssruta": True},
        {"rubrik": "Bakgrund", "punkter": ["Vad analysen visade"]},
    ],
    "tabeller": [
        {"namn": "Åtgärder", "beskrivning": "En rad per åtgärd.", "rader": 5,
         "kolumner": [
             {"rubrik": "Åtgärd", "forklaring": "Vad som ska göras.", "bredd": 40},
             {"rubrik": "Status", "val": ["Planerad", "Pågår", "Genomförd"]},
             {"rubrik": "Ansvarig", "val_fran": "Ansvariga"},
             {"rubrik": "Kostnad (kr)", "typ": "heltal"},
         ],
         "exempel": [["Ny belysning", "Planerad", "Gatuenheten", 250000]]},
        {"namn": "Ansvariga", "kolumner": [{"rubrik": "Namn"}]},
    ],
}


@pytest.fixture
def mallfil(tmp_path):
    fil = tmp_path / "provmall.yml"
    fil.write_text(yaml.safe_dump(EXEMPEL, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return fil


def test_alla_format_skrivs(mallfil, tmp_path):
    skrivna = skriv_mall(mallfil, tmp_path / "ut")
    assert sorted(f.name for f in skrivna) == ["provmall.docx", "provmall.md", "provmall.xlsx"]


def test_kalkylbladet_har_rubriker_listor_och_anvisningar(mallfil, tmp_path):
    (xlsx,) = [f for f in skriv_mall(mallfil, tmp_path) if f.suffix == ".xlsx"]
    bok = load_workbook(xlsx)
    assert bok.sheetnames == ["Åtgärder", "Ansvariga", ANVISNINGSBLAD]
    blad = bok["Åtgärder"]
    assert [c.value for c in blad[1]] == ["Åtgärd", "Status", "Ansvarig", "Kostnad (kr)"]
    assert blad["A2"].value == "Ny belysning"  # exempelraden
    kontroller = {str(k.sqref): (k.type, k.formula1) for k in blad.data_validations.dataValidation}
    # En exempelrad och fem tomma rader under rubriken: rad 2–7.
    assert kontroller["B2:B7"] == ("list", '"Planerad,Pågår,Genomförd"')
    assert kontroller["C2:C7"] == ("list", "='Ansvariga'!$A$2:$A$200")
    assert kontroller["D2:D7"][0] == "whole"
    assert "A2:A7" not in kontroller  # fritext har ingen kontroll
    assert "Vad som ska göras." in blad["A1"].comment.text
    texter = [c.value for c in bok[ANVISNINGSBLAD]["A"] if c.value]
    assert texter[0] == EXEMPEL["titel"]
    for anvisning in EXEMPEL["anvisningar"]:
        assert f"• {anvisning}" in texter
    assert "Andra stycket med fet text." in texter  # fetstilen tas bort i Excel
    assert "☐ Utse en ägare" in texter


def test_dokumentet_har_rubriker_kryssrutor_och_tabell(mallfil, tmp_path):
    (docx,) = [f for f in skriv_mall(mallfil, tmp_path) if f.suffix == ".docx"]
    dok = Document(docx)
    rubriker = [p.text for p in dok.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert rubriker == [EXEMPEL["titel"], "Så fyller du i mallen", "Innan ni börjar", "Bakgrund",
                        "Åtgärder", "Ansvariga"]
    texter = [p.text for p in dok.paragraphs]
    assert "☐ Boka möte" in texter
    assert "Andra stycket med fet text." in texter
    fet = [r.text for p in dok.paragraphs for r in p.runs if r.bold]
    assert "fet" in fet
    tabell = dok.tables[0]
    assert [c.text for c in tabell.rows[0].cells] == ["Åtgärd", "Status", "Ansvarig", "Kostnad (kr)"]
    assert tabell.rows[1].cells[0].text == "Ny belysning"
    with zipfile.ZipFile(docx) as z:
        assert 'w:val="sv-SE"' in z.read("word/styles.xml").decode()


def test_markdown_har_samma_delar(mallfil, tmp_path):
    (md,) = [f for f in skriv_mall(mallfil, tmp_path) if f.suffix == ".md"]
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# Provmall för en plats\n")
    assert "Första stycket fortsätter här." in text
    assert "- [ ] Utse en ägare" in text
    assert "- Vad analysen visade" in text  # utan kryssruta
    assert "| Åtgärd | Status | Ansvarig | Kostnad (kr) |" in text
    assert "- **Status**: Välj bland: Planerad, Pågår, Genomförd." in text


@pytest.mark.parametrize(
    ("andring", "vantat"),
    [
        ({"titel": None}, "titel: saknas"),
        ({"format": ["pdf"]}, "okänt format pdf"),
        ({"extra": 1}, "okänd nyckel extra"),
        ({"namn": "Åtgärdsplan"}, "får bara innehålla"),
        ({"tabeller": [{"namn": "A" * 32, "kolumner": [{"rubrik": "X"}]}]}, "högst 31 tecken"),
        ({"tabeller": [{"namn": "T", "kolumner": [{"rubrik": "X", "val_fran": "Saknas"}]}]},
         "tabellen Saknas, som inte finns"),
        ({"tabeller": [{"namn": "T", "kolumner": [{"rubrik": "X", "typ": "pengar"}]}]}, "typen ska vara"),
        ({"tabeller": [{"namn": "T", "kolumner": [{"rubrik": "X"}], "exempel": [[1, 2]]}]},
         "exempelrad 1: har 2 värden men tabellen har 1 kolumner"),
        ({"tabeller": [{"namn": "T", "kolumner": [{"rubrik": "X", "val": ["v" * 130, "w" * 130]}]}]},
         "för lång"),
    ],
)
def test_felaktig_mall_ger_svenskt_fel_med_plats(tmp_path, andring, vantat):
    data = {**EXEMPEL, **andring}
    fil = tmp_path / "fel.yml"
    fil.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(MallFel, match=vantat) as fel:
        las_mall(fil)
    assert str(fel.value).startswith("fel.yml")


def test_okand_mall_namnger_de_som_finns():
    with pytest.raises(MallFel, match="finns inte"):
        las_mall("finns-inte")


@pytest.mark.parametrize("namn", mallnamn())
def test_handbokens_mallar_gar_att_skriva_och_oppna(namn, tmp_path):
    mall = las_mall(namn)
    assert mall["namn"] == namn  # filnamnet och namnet i filen stämmer
    for fil in skriv_mall(namn, tmp_path):
        if fil.suffix == ".xlsx":
            bok = load_workbook(fil)
            assert bok.sheetnames[-1] == ANVISNINGSBLAD
            for tabell in mall.get("tabeller") or []:
                assert [c.value for c in bok[tabell["namn"]][1]] == [k["rubrik"] for k in tabell["kolumner"]]
        elif fil.suffix == ".docx":
            rubriker = {p.text for p in Document(fil).paragraphs if p.style.name.startswith("Heading")}
            assert {a["rubrik"] for a in mall.get("avsnitt") or []} <= rubriker
        else:
            text = fil.read_text(encoding="utf-8")
            for avsnitt in mall.get("avsnitt") or []:
                assert f"## {avsnitt['rubrik']}\n" in text


def test_kommandot_skriver_mallarna(tmp_path):
    ut = tmp_path / "mina-mallar"
    resultat = subprocess.run([sys.executable, "-m", "tryggaplatser", "mallar", str(ut)],
                              capture_output=True, text=True, check=False)
    assert resultat.returncode == 0, resultat.stderr
    vantade = sorted(f.name for f in skriv_alla(tmp_path / "jamfor"))
    assert sorted(f.name for f in ut.iterdir()) == vantade
    assert resultat.stdout.count("Skrev ") == len(vantade)
