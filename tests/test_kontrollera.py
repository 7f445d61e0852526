"""Tester för kommandot ``python -m tryggaplatser kontrollera``.

Kommandot körs som en egen process, precis som en användare kör det.
Varje test kontrollerar slutkoden, att inget ``Traceback`` syns och att
meddelandet säger vad som hände.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile

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
