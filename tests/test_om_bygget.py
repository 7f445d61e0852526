"""Sidan "Om bygget" (book/_ext/om_bygget.py) listar paketen som handboken byggdes med."""

from __future__ import annotations

import datetime as dt
import platform
import re
import sys
from importlib import metadata
from pathlib import Path

from bs4 import BeautifulSoup

ROT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROT / "book" / "_ext"))

import om_bygget  # noqa: E402


def _lasta_paket() -> dict[str, str]:
    """Paketen i requirements.txt, lästa här oberoende av tillägget: namn -> låst version."""
    paket = {}
    for rad in (ROT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if "==" in rad and not rad.lstrip().startswith("#"):
            namn, version = rad.split("==", 1)
            paket[namn.strip()] = version.strip()
    return paket


def test_svenskt_datum():
    assert om_bygget.svenskt_datum(dt.date(2026, 3, 5)) == "5 mars 2026"
    assert om_bygget.svenskt_datum(dt.date(2025, 12, 31)) == "31 december 2025"


def test_byggdatum_fran_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 1 januari 2026, 00:00 UTC
    assert om_bygget.byggdatum() == dt.date(2026, 1, 1)


def test_okant_paket_syns(tmp_path):
    krav = tmp_path / "requirements.txt"
    krav.write_text("# kommentar\nfinns-inte-paketet==1.0\nnumpy==0.0\n\n", encoding="utf-8")
    assert om_bygget.paket(krav) == [("finns-inte-paketet", "inte installerat"),
                                     ("numpy", metadata.version("numpy"))]


def test_sidan_listar_varje_paket_med_installerad_version(bygge):
    sida = bygge.html / "book" / "om-bygget.html"
    assert sida.exists(), "Sidan Om bygget byggdes inte."
    soup = BeautifulSoup(sida.read_text(encoding="utf-8"), "html.parser")
    tabell = soup.select_one("table.paketversioner")
    assert tabell is not None
    rubriker = [th.get_text(strip=True) for th in tabell.select("thead th")]
    assert rubriker == ["Paket", "Version"]
    rader = {r.select("td")[0].get_text(strip=True): r.select("td")[1].get_text(strip=True)
             for r in tabell.select("tbody tr")}
    lasta = _lasta_paket()
    assert set(rader) == set(lasta)
    for namn in lasta:
        assert rader[namn] == metadata.version(namn), namn
    text = soup.select_one("main").get_text(" ", strip=True)
    assert f"Python {platform.python_version()}" in text
    manader = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
    assert re.search(rf"Byggd \d{{1,2}} ({manader}) 20\d\d\.", text), text[:300]


def test_sidan_finns_i_innehallsforteckningen(bygge):
    om = (bygge.html / "book" / "om-handboken.html").read_text(encoding="utf-8")
    assert 'href="om-bygget.html"' in om
