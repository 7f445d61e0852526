"""Utskrifterna (``make utdelning``): två PDF-filer i A4, och facit bara i kursledarens fil.

Förväntningarna kommer från källorna (självtestens YAML-filer och övningarnas
notebooks), aldrig från de PDF-filer som granskas. PDF-texten läses med den lilla
läsaren i tests/pdftext.py. Saknas Chromium hoppas testerna över med ett tydligt
besked, utom i CI där det är ett fel.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pdftext import sidstorlekar, text, utan_blanksteg
from test_webblasare import _chromium

ROT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROT / "scripts"))

import gor_utdelning  # noqa: E402

#: A4 i punkter (210 × 297 mm). Chromium avrundar till hela bildpunkter, så en punkt hit eller dit.
A4 = (595.28, 841.89)


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    _chromium()
    utmapp = tmp_path_factory.mktemp("utdelning")
    deltagare, facit = gor_utdelning.gor_utdelning(utmapp)
    return {"deltagare": deltagare, "facit": facit,
            "deltagare_text": utan_blanksteg(text(deltagare)), "facit_text": utan_blanksteg(text(facit))}


def test_bada_filerna_finns_och_ar_a4(pdf):
    for namn in ("deltagare", "facit"):
        storlekar = sidstorlekar(pdf[namn])
        assert len(storlekar) >= 5, f"{pdf[namn].name}: bara {len(storlekar)} sidor"
        fel = [s for s in storlekar if abs(s[0] - A4[0]) > 1 or abs(s[1] - A4[1]) > 1]
        assert not fel, f"{pdf[namn].name}: sidor som inte är A4: {sorted(set(fel))}"


def test_pdftext_kanner_igen_brevformatet(tmp_path):
    """Läsaren skiljer A4 från US Letter (612 × 792 punkter), som Chromium annars väljer."""
    letter = b"1 0 obj\n<</Type /Page\n/MediaBox [0 0 612 792]>>\nendobj\n"
    fil = tmp_path / "brev.pdf"
    fil.write_bytes(b"%PDF-1.4\n" + letter)
    assert sidstorlekar(fil) == [(612.0, 792.0)]


def test_texten_har_svenska_tecken(pdf):
    for namn in ("deltagare_text", "facit_text"):
        assert {"å", "ä", "ö"} <= set(pdf[namn]), f"{namn} saknar å, ä eller ö"
    assert utan_blanksteg("Trygga platser: övningar och självtest") in pdf["deltagare_text"]
    assert utan_blanksteg("Facit för kursledaren") in pdf["facit_text"]
    assert "\ufffd" not in pdf["deltagare_text"] + pdf["facit_text"], "tecken som inte gick att läsa"


def test_sjalvtestens_fragor_i_bada_och_svaren_bara_i_facit(pdf):
    tester = gor_utdelning.alla_sjalvtest()
    assert len(tester) >= 5
    fel = []
    for namn, test in tester:
        for nummer, fraga in enumerate(test.fragor, start=1):
            plats = f"{namn} fråga {nummer}"
            for alternativ in fraga.alternativ:
                if utan_blanksteg(alternativ) not in pdf["deltagare_text"]:
                    fel.append(f"{plats}: alternativet {alternativ!r} saknas hos deltagarna")
            for fil in ("deltagare_text", "facit_text"):
                if utan_blanksteg(fraga.fraga) not in pdf[fil]:
                    fel.append(f"{plats}: frågan saknas i {fil}")
            forklaring = utan_blanksteg(fraga.forklaring)
            if forklaring not in pdf["facit_text"]:
                fel.append(f"{plats}: förklaringen saknas i facit")
            if forklaring in pdf["deltagare_text"]:
                fel.append(f"{plats}: förklaringen står i deltagarnas fil")
            # Flervalsfrågor: bokstaven för det rätta alternativet (A för 1) och dess text.
            bokstav = "" if fraga.ar_tal else f"{chr(ord('A') + fraga.ratt - 1)}. "
            if utan_blanksteg(f"Rätt svar: {bokstav}{fraga.ratt_svar()}") not in pdf["facit_text"]:
                fel.append(f"{plats}: rätt svar {fraga.ratt_svar()!r} saknas i facit")
    assert utan_blanksteg("Rätt svar") not in pdf["deltagare_text"]
    assert not fel, "\n".join(fel)


def test_ovningarna_i_bada_och_losningarna_bara_i_facit(pdf):
    set_ = gor_utdelning.alla_ovningsset()
    assert set_, "Hittar inga övningar i exercises/."
    fel = []
    for ovning in set_:
        assert ovning.uppgifter, f"{ovning.mapp}: inga uppgifter"
        for uppgift in ovning.uppgifter:
            if utan_blanksteg(uppgift.rubrik) not in pdf["deltagare_text"]:
                fel.append(f"{ovning.mapp}: {uppgift.rubrik!r} saknas hos deltagarna")
            for kod in uppgift.losning:
                rad = utan_blanksteg(kod.strip().splitlines()[-1])
                if rad not in pdf["facit_text"]:
                    fel.append(f"{ovning.mapp}: lösningsraden {rad!r} saknas i facit")
                if rad in pdf["deltagare_text"]:
                    fel.append(f"{ovning.mapp}: lösningsraden {rad!r} står hos deltagarna")
            for svar in uppgift.kontrollsvar:
                if utan_blanksteg(svar) not in pdf["facit_text"]:
                    fel.append(f"{ovning.mapp}: kontrollens svar {svar[:40]!r} saknas i facit")
    losningar = sum(len(u.losning) for o in set_ for u in o.uppgifter)
    assert losningar >= len(set_) * 3, f"Bara {losningar} lösningar hittades i lösningsfilerna."
    assert utan_blanksteg("Kontrollen: Rätt!") not in pdf["deltagare_text"]
    assert not fel, "\n".join(fel)


def test_utdelningen_hamnar_dar_git_inte_ser_den():
    for namn in (gor_utdelning.DELTAGARE, gor_utdelning.FACIT):
        sokvag = (gor_utdelning.UTMAPP / f"{namn}.pdf").relative_to(ROT)
        svar = subprocess.run(["git", "check-ignore", "-q", str(sokvag)], cwd=ROT)
        assert svar.returncode == 0, f"git ignorerar inte {sokvag}"


def test_myst_roller_och_direktiv_blir_vanlig_text():
    markdown = ("Se {doc}`kapitlet <../index>` och {term}`trygghet`.\n\n"
                ":::{admonition} Tänk på\n:class: tip\nInnehållet.\n:::\n")
    html = gor_utdelning._html(markdown)
    assert "Se kapitlet och trygghet." in html
    assert "<strong>Tänk på</strong>" in html and "Innehållet." in html
    assert "{" not in html and ":class:" not in html and ":::" not in html
