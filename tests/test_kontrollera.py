"""Tester för kommandot ``python -m tryggaplatser kontrollera``.

Kommandot körs som en egen process, precis som en användare kör det.
Varje test kontrollerar slutkoden, att inget ``Traceback`` syns och att
meddelandet säger vad som hände.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest

from tryggaplatser.kommandorad import SLUTKOD_FILFEL, SLUTKOD_OK, kontrollera, main


def kor(*argument: str, cwd=None) -> subprocess.CompletedProcess:
    resultat = subprocess.run(
        [sys.executable, "-m", "tryggaplatser", *argument],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=60,
    )
    assert "Traceback" not in resultat.stdout + resultat.stderr
    return resultat


ENKAT_1252 = (
    "Löpnr;Kön;Ålder;Vikt;Hur trygg känner du dig ute ensam sent en kväll?;Kommentar\r\n"
    "1;Kvinna;34;1,25;Ganska otrygg;\r\n"
    "2;Man;71;0,80;Mycket trygg;bor nära\r\n"
    ";;;;;\r\n"
    "3;Kvinna;19;2,10;Mycket otrygg;\r\n"
    "4;Man;45;-1,00;Ganska trygg;\r\n"
    "5;Man;52;1,10;Jätteotrygg;\r\n"
)

BROTT_WGS84 = (
    "Datum,Klockslag,Brottstyp,Latitud,Longitud\n"
    "2024-03-05,22:15,Misshandel,60.6065,15.6355\n"
    "5/3/2024,23.40,Skadegörelse,60.6070,15.6360\n"
    "2024-03-06,01:05,Rån,48.8566,2.3522\n"
)


def test_enkat_semikolon_windows1252_decimalkomma(tmp_path):
    fil = tmp_path / "enkat.csv"
    fil.write_bytes(ENKAT_1252.encode("cp1252"))
    r = kor("kontrollera", str(fil), "--typ", "enkat", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    ut = r.stdout
    assert "Format: CSV, semikolonavgränsad, teckenkodning Windows-1252, decimalkomma" in ut
    assert "Rader lästa (utan rubrikraden): 6" in ut
    assert "Användbara rader: 4" in ut
    assert "Utelämnade rader: 2" in ut
    assert "tom rad: rad 4" in ut
    assert "kolumnen ”Vikt”: väntade en vikt (ett tal, minst 0), inte ett negativt tal: rad 6" in ut
    assert "okänt svar" in ut and ": rad 7" in ut
    assert "Kön → kon" in ut and "Vikt → vikt" in ut
    assert "Löpnr → id" in ut
    assert "Ignorerade kolumner: Kommentar" in ut
    assert "rubrikraden är rad 1" in ut


def test_brott_wgs84(tmp_path):
    fil = tmp_path / "handelser.csv"
    fil.write_text(BROTT_WGS84, encoding="utf-8")
    r = kor("kontrollera", str(fil), "--typ", "brott")
    assert r.returncode == 0, r.stderr
    ut = r.stdout
    assert "koordinater i WGS84 omräknade till SWEREF 99 TM (EPSG:3006)" in ut
    assert "Användbara rader: 2" in ut
    assert "utanför Sverige" in ut and ": rad 4" in ut
    assert "Latitud → lat, Longitud → lon" in ut


@pytest.mark.parametrize(
    ("namn", "innehall", "typ", "vantat"),
    [
        ("tom.csv", b"", "brott", "tom.csv är tom. Väntade en rubrikrad"),
        (
            "utan_datum.csv",
            "Brottstyp;Plats\nStöld;Torget\n".encode(),
            "brott",
            "utan_datum.csv saknar en kolumn med datum. Väntade en kolumn som heter Datum",
        ),
        (
            "slump.csv",
            np.random.default_rng(7).integers(0, 256, 5000, dtype=np.uint8).tobytes(),
            "brott",
            "slump.csv är varken en textfil (CSV) eller en Excel-fil (.xlsx)",
        ),
        ("rubrik.csv", b"Datum;Antal\n", "flode", "har bara en rubrikrad (rad 1)"),
        ("falsk.xlsx", b"Datum;Brottstyp\n2024-03-05;Ran\n", "brott", "öppna som Excel-fil"),
        ("enkat.csv", "Kön;Ålder\nKvinna;34\n".encode(), "enkat", "ingen kolumn med enkätsvar"),
        ("utan_antal.csv", b"Datum;Plats\n2024-03-05;Torget\n", "flode", "saknar kolumnen Antal"),
    ],
)
def test_oanvandbara_filer_ger_slutkod_2_och_svenskt_meddelande(tmp_path, namn, innehall, typ, vantat):
    fil = tmp_path / namn
    fil.write_bytes(innehall)
    r = kor("kontrollera", str(fil), "--typ", typ)
    assert r.returncode == SLUTKOD_FILFEL
    assert "Filen kan inte användas." in r.stderr
    assert vantat in r.stderr
    assert str(fil) in r.stderr  # meddelandet namnger filen


def test_fil_som_inte_finns_och_mapp(tmp_path):
    r = kor("kontrollera", str(tmp_path / "saknas.csv"), "--typ", "brott")
    assert r.returncode == SLUTKOD_FILFEL and "saknas.csv finns inte" in r.stderr
    r = kor("kontrollera", str(tmp_path), "--typ", "brott")
    assert r.returncode == SLUTKOD_FILFEL and "är en mapp, inte en fil" in r.stderr


def test_trasig_zip_som_xlsx(tmp_path):
    fil = tmp_path / "trasig.xlsx"
    with zipfile.ZipFile(fil, "w") as z:
        z.writestr("hej.txt", "inte en arbetsbok")
    r = kor("kontrollera", str(fil), "--typ", "brott")
    assert r.returncode == SLUTKOD_FILFEL
    assert "trasig.xlsx går inte att öppna som Excel-fil" in r.stderr


def test_felaktiga_argument_ger_svensk_hjalp_utan_traceback():
    r = kor("kontrollera", "fil.csv", "--typ", "okand")
    assert r.returncode == 2
    assert "ogiltigt val" in r.stderr and "användning:" in r.stderr
    r = kor("kontrollera", "fil.csv")
    assert r.returncode == 2 and "de här argumenten saknas: --typ" in r.stderr
    r = kor()
    assert r.returncode == 2 and "kontrollera" in r.stdout


def test_hjalptexten_ar_svensk():
    r = kor("kontrollera", "--hjalp")
    assert r.returncode == 0
    assert "filen som ska kontrolleras" in r.stdout
    assert "enkat = enkätsvar" in r.stdout
    assert "usage" not in r.stdout


def test_oväntat_fel_fangas_utan_traceback(monkeypatch, capsys):
    import tryggaplatser.egna_filer as ef

    def krasch(*_a, **_k):
        raise RuntimeError("påhittat fel")

    monkeypatch.setattr(ef, "las_egna_brott", krasch)
    kod = main(["kontrollera", "x.csv", "--typ", "brott"])
    fangat = capsys.readouterr()
    assert kod == 3
    assert "Ett oväntat fel uppstod" in fangat.err and "påhittat fel" in fangat.err
    assert "Traceback" not in fangat.out + fangat.err


def test_kontrollera_direkt(tmp_path, capsys):
    fil = tmp_path / "flode.csv"
    fil.write_text("Datum;Tid;Räknare;Antal\n2024-03-05;08.00;Torget;120\n", encoding="utf-8")
    assert kontrollera(str(fil), "flode") == SLUTKOD_OK
    assert "Användbara rader: 1" in capsys.readouterr().out


def test_flode_med_tomma_rader_fore_rubriken_och_nollor(tmp_path):
    # Rubrikraden är rad 3; antal 0 är ett giltigt värde; rad 5 har ett negativt antal.
    fil = tmp_path / "flode.csv"
    fil.write_text(
        "\n;;\nDatum;Tid;Räknare;Antal\n2024-03-05;03.00;Torget;0\n2024-03-05;04.00;Torget;-2\n"
        "2024-03-05;05.00;Torget;7\n",
        encoding="utf-8",
    )
    r = kor("kontrollera", str(fil), "--typ", "flode")
    assert r.returncode == SLUTKOD_OK, r.stderr
    ut = r.stdout
    assert "Rader lästa (utan rubrikraden): 3" in ut
    assert "Användbara rader: 2" in ut
    assert "kolumnen ”Antal”: väntade ett antal (ett heltal, minst 0), inte ett negativt tal: rad 5" in ut
    assert "rubrikraden är rad 3 (tomma rader före den)" in ut
    assert ut.rstrip().endswith("Radnumren räknas som i filen: rubrikraden är rad 3.")


FILER = Path(__file__).parent / "filer"
MELLANSTAD = Path(__file__).parent.parent / "data" / "mellanstad"


@pytest.mark.parametrize(
    ("fil", "typ", "rader", "vantat"),
    [
        ("brott.csv", "brott", "7 530", "tider med tidszon (som +01:00 eller Z) omräknade till svensk tid"),
        ("enkat.csv", "enkat", "8 100", "otrygg_kvall → otrygg_kvall (svar, skala trygghet)"),
        ("flode.csv", "flode", "26 304", "bred form: en kolumn per räknare (busstationen, stortorget"),
    ],
)
def test_handbokens_egna_filer_kan_kontrolleras(fil, typ, rader, vantat):
    r = kor("kontrollera", str(MELLANSTAD / fil), "--typ", typ)
    assert r.returncode == SLUTKOD_OK, r.stderr
    assert f"Rader lästa (utan rubrikraden): {rader}" in r.stdout.replace("\xa0", " ")
    assert f"Användbara rader: {rader}" in r.stdout.replace("\xa0", " ")
    assert "Utelämnade rader: 0" in r.stdout
    assert vantat in r.stdout


def test_lokal_sweref_zon_kraver_koordinatsystem():
    fil = str(FILER / "brott-sweref-18-00.csv")
    r = kor("kontrollera", fil, "--typ", "brott")
    assert r.returncode == SLUTKOD_FILFEL
    assert "en av de lokala SWEREF 99-zonerna" in r.stderr and "--koordinatsystem EPSG:3011" in r.stderr
    assert "utanför Sverige" not in r.stderr
    r = kor("kontrollera", fil, "--typ", "brott", "--koordinatsystem", "EPSG:3011")
    assert r.returncode == SLUTKOD_OK, r.stderr
    assert "koordinater i SWEREF 99 18 00 (EPSG:3011), angivet med koordinatsystem" in r.stdout
    assert "Användbara rader: 4" in r.stdout and "X → nord, Y → ost" in r.stdout
    r = kor("kontrollera", fil, "--typ", "brott", "--koordinatsystem", "EPSG:1")
    assert r.returncode == SLUTKOD_FILFEL and "Okänt koordinatsystem: EPSG:1" in r.stderr
    r = kor("kontrollera", fil, "--typ", "enkat", "--koordinatsystem", "EPSG:3011")
    assert r.returncode == SLUTKOD_FILFEL and "gäller bara --typ brott" in r.stderr


def test_skala_i_rubriken_och_svarskolumn_pa_kommandoraden(tmp_path):
    r = kor("kontrollera", str(FILER / "enkat-skala-i-rubriken.csv"), "--typ", "enkat")
    assert r.returncode == SLUTKOD_OK, r.stderr
    assert "koderna 1=Mycket otrygg, 2=Ganska otrygg, 3=Varken trygg eller otrygg" in r.stdout
    assert "Kön (1=Man, 2=Kvinna) → kon" in r.stdout
    # Koder utan skala: felet ber om skalan, och --svarskolumn ger den.
    fil = tmp_path / "koder.csv"
    fil.write_text("Trygg kväll;Kön\n1;Kvinna\n4;Man\n", encoding="utf-8")
    r = kor("kontrollera", str(fil), "--typ", "enkat")
    assert r.returncode == SLUTKOD_FILFEL
    assert "åt vilket håll skalan går" in r.stderr and '--svarskolumn "Trygg kväll=trygghet"' in r.stderr
    for skala in ("trygghet", "1=Mycket trygg, 4=Mycket otrygg"):
        r = kor("kontrollera", str(fil), "--typ", "enkat", "--svarskolumn", f"Trygg kväll={skala}")
        assert r.returncode == SLUTKOD_OK, r.stderr
        assert "trygg_kvall (svar, skala trygghet)" in r.stdout
    r = kor("kontrollera", str(fil), "--typ", "enkat", "--svarskolumn", "Trygg kväll=glädje")
    assert r.returncode == SLUTKOD_FILFEL and "Okänd svarsskala 'glädje'" in r.stderr
    r = kor("kontrollera", str(fil), "--typ", "enkat", "--svarskolumn", "Trygg kväll")
    assert r.returncode == SLUTKOD_FILFEL and "ska skrivas KOLUMN=SKALA" in r.stderr


def test_kontorsexport_med_titel_och_svenska_datum():
    r = kor("kontrollera", str(FILER / "brott-kontorsexport.csv"), "--typ", "brott")
    assert r.returncode == SLUTKOD_OK, r.stderr
    ut = r.stdout
    assert "rubrikraden är rad 4; rad 1–2 före den är titel eller anteckning och lästes inte" in ut
    assert "Rader lästa (utan rubrikraden): 7" in ut and "Användbara rader: 5" in ut
    assert "Excels serienummer för datum (till exempel 45356 = 2024-03-05)" in ut and ": rad 8" in ut
    assert "kolumnen ”Öst”: väntade en koordinat (ett tal): rad 9" in ut
    assert ut.rstrip().endswith("rubrikraden är rad 4.")


@pytest.mark.parametrize(
    ("namn", "innehall"),
    [
        ("for_stor.csv", "Datum;Vikt;Trygg\n2024-03-05;1e400;Mycket trygg\n2024-03-05;1;Mycket trygg\n"),
        ("oandlig.csv", "Datum;Vikt;Trygg\n2024-03-05;inf;Mycket trygg\n2024-03-05;1;Mycket trygg\n"),
    ],
)
def test_for_stora_tal_ger_anmarkning_inte_ovantat_fel(tmp_path, namn, innehall):
    fil = tmp_path / namn
    fil.write_text(innehall, encoding="utf-8")
    r = kor("kontrollera", str(fil), "--typ", "enkat")
    assert r.returncode == SLUTKOD_OK, r.stderr
    assert "oväntat fel" not in r.stdout + r.stderr
    assert "väntade en vikt (ett tal, minst 0), inte ett oändligt eller för stort tal: rad 2" in r.stdout


def test_trasigt_xml_i_xlsx(tmp_path):
    import openpyxl

    bok = openpyxl.Workbook()
    bok.active.append(["Datum", "Brottstyp"])
    riktig = tmp_path / "riktig.xlsx"
    bok.save(riktig)
    trasig = tmp_path / "trasig.xlsx"
    with zipfile.ZipFile(riktig) as z, zipfile.ZipFile(trasig, "w") as ut:
        for namn in z.namelist():
            ut.writestr(namn, b"<<<" if namn.endswith("sheet1.xml") else z.read(namn))
    r = kor("kontrollera", str(trasig), "--typ", "brott")
    assert r.returncode == SLUTKOD_FILFEL
    assert "trasig.xlsx går inte att öppna som Excel-fil" in r.stderr
    assert "oväntat fel" not in r.stderr
