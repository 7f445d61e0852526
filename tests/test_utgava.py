"""Utgåvan (scripts/gor_utgava.py, ``make release``): filerna, kontrollsummorna och PDF-filen.

Utgåvan görs en gång per modul av testkörningens gemensamma bygge (conftest.py),
så PDF-filen kostar två utskrifter i Chromium men inget eget bygge.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from test_webblasare import _chromium

import tryggaplatser

ROT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROT / "scripts"))

import gor_utgava  # noqa: E402

VERSION = tryggaplatser.__version__
A4 = (595.28, 841.89)  # punkter


@pytest.fixture(scope="module")
def utgava(bygge, tmp_path_factory) -> Path:
    _chromium()  # hoppar över eller fäller med ett tydligt besked om Chromium saknas
    assert bygge.returkod == 0, "Bygget misslyckades; se test_bygge.py."
    return gor_utgava.gor_utgava(tmp_path_factory.mktemp("utgava"), webbplats=bygge.html)


@pytest.fixture(scope="module")
def pdf(utgava):
    from pypdf import PdfReader

    return PdfReader(utgava / gor_utgava.filnamn(VERSION)["pdf"])


def _manifest(utgava: Path) -> dict[str, str]:
    rader = (utgava / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    assert all(re.fullmatch(r"[0-9a-f]{64}  \S.*", r) for r in rader), rader
    return {r[66:]: r[:64] for r in rader}


def test_utgavan_har_alla_filer_och_manifestet_tacker_dem(utgava):
    assert utgava.name == VERSION
    namn = gor_utgava.filnamn(VERSION)
    manifest = _manifest(utgava)
    for fil in (namn["webbplats"], namn["pdf"], namn["workshop"], "LASMIG.md"):
        assert fil in manifest, fil
    mallar = [f for f in manifest if f.startswith("mallar/")]
    assert {Path(f).suffix for f in mallar} >= {".md", ".xlsx", ".docx"}, mallar
    pa_disk = {p.relative_to(utgava).as_posix() for p in utgava.rglob("*") if p.is_file()}
    assert pa_disk == set(manifest) | {"SHA256SUMS"}
    lasmig = (utgava / "LASMIG.md").read_text(encoding="utf-8")
    assert all(f"`{f}`" in lasmig for f in manifest if f != "LASMIG.md")


def test_kontrollsummorna_stammer(utgava):
    for fil, summa in _manifest(utgava).items():
        assert hashlib.sha256((utgava / fil).read_bytes()).hexdigest() == summa, fil
    if shutil.which("sha256sum"):
        svar = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=utgava, capture_output=True, text=True)
        assert svar.returncode == 0, svar.stdout + svar.stderr


def test_en_andrad_fil_fangas_av_manifestet(utgava, tmp_path):
    kopia = tmp_path / "kopia"
    shutil.copytree(utgava, kopia)
    with open(kopia / "LASMIG.md", "a", encoding="utf-8") as f:
        f.write("ändrad\n")
    assert hashlib.sha256((kopia / "LASMIG.md").read_bytes()).hexdigest() != _manifest(kopia)["LASMIG.md"]
    if shutil.which("sha256sum"):
        svar = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=kopia, capture_output=True, text=True)
        assert svar.returncode != 0


def test_webbplatsen_och_workshoppaketet_ar_hela(utgava, bygge):
    namn = gor_utgava.filnamn(VERSION)
    with zipfile.ZipFile(utgava / namn["webbplats"]) as z:
        filer = set(z.namelist())
    topp = f"trygga-platser-{VERSION}"
    assert {f"{topp}/index.html", f"{topp}/book/index.html", f"{topp}/book/publicera.html"} <= filer
    antal = sum(1 for p in bygge.html.rglob("*") if p.is_file())
    assert len(filer) == antal
    with zipfile.ZipFile(utgava / namn["workshop"]) as z:
        workshop = z.namelist()
    assert any(f.endswith("/LASMIG.txt") for f in workshop)
    assert any(f.endswith(".ipynb") for f in workshop)


def test_pdf_ar_a4_med_svensk_text(pdf):
    assert len(pdf.pages) > 100
    for sida in pdf.pages:
        bredd, hojd = float(sida.mediabox.width), float(sida.mediabox.height)
        assert abs(bredd - A4[0]) < 2 and abs(hojd - A4[1]) < 2, (bredd, hojd)
    text = pdf.pages[0].extract_text() + pdf.pages[3].extract_text()
    assert "Trygga platser" in text and f"Version {VERSION}" in text
    alla = "".join(pdf.pages[i].extract_text() for i in range(0, len(pdf.pages), 10))
    for tecken in "åäöÅÄÖ":
        assert tecken in alla, tecken


def test_pdf_har_sidnummer_pa_varje_sida(pdf):
    antal = len(pdf.pages)
    for nr in (1, 2, antal // 2, antal):
        assert f"Sida {nr} av {antal}" in pdf.pages[nr - 1].extract_text(), nr


def test_innehallsforteckningen_pekar_pa_ratt_sida(pdf):
    """Raderna "5. Brottsligheten på platsen 58" i innehållet: sidan 58 har kapitlets rubrik."""
    innehall = pdf.pages[1].extract_text() + pdf.pages[2].extract_text()
    assert "Innehåll" in innehall
    rader = re.findall(r"^(\d+)\. (.+?) (\d+)$", innehall, re.MULTILINE)
    assert len(rader) >= 10, rader
    for kapitel, titel, sida in rader:
        assert titel in pdf.pages[int(sida) - 1].extract_text(), (kapitel, titel, sida)
    sidor = [int(s) for _, _, s in rader]
    assert sidor == sorted(sidor)


def test_pdf_har_bokmarken_bilder_och_interna_lankar(pdf):
    titlar = [p.title for p in pdf.outline if not isinstance(p, list)]
    assert "Innehåll" in titlar and "Grunder" in titlar and "Analys" in titlar, titlar
    bilder = sum(len(pdf.pages[i].images) for i in range(len(pdf.pages)))
    assert bilder >= 20, bilder
    interna, externa = 0, 0
    for sida in pdf.pages:
        for annot in sida.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            if "/Dest" in annot or annot.get("/A", {}).get("/S") == "/GoTo":
                interna += 1
            elif annot.get("/A", {}).get("/S") == "/URI":
                externa += 1
                assert not annot["/A"]["/URI"].startswith("file:"), annot["/A"]["/URI"]
    assert interna >= 100, interna
    assert externa >= 10, externa


def test_varje_intern_lank_har_ett_mal(pdf):
    mal = set(pdf.named_destinations)
    saknas = []
    for sida in pdf.pages:
        for annot in sida.get("/Annots") or []:
            annot = annot.get_object()
            dest = annot.get("/Dest")
            if isinstance(dest, str) and dest not in mal:
                saknas.append(dest)
    assert not saknas, saknas[:10]


def test_tabeller_kod_och_figurer_ryms_pa_sidan(bygge, tmp_path, webblasare):
    """I utskriftsläge, på A4:s bredd innanför marginalerna (178 mm), sticker inget ut till höger."""
    samlad = tmp_path / "handbok.html"
    samlad.write_text(gor_utgava.samlad_html(bygge.html, gor_utgava.innehall(bygge.html), VERSION),
                      encoding="utf-8")
    flik = webblasare.new_page(viewport={"width": 673, "height": 1000})
    flik.emulate_media(media="print")
    flik.goto(samlad.as_uri(), wait_until="load", timeout=300_000)
    antal = flik.evaluate("document.querySelectorAll('table, pre, img').length")
    # Till höger om sidan, eller bredare inuti än rutan (kod som skulle rullas i sidled).
    utanfor = flik.evaluate("""() => [...document.querySelectorAll("table, pre, img, .cell_output")]
        .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1
            || el.scrollWidth > el.clientWidth + 1)
        .map(el => el.tagName + " i " + (el.closest("section") || {}).id)""")
    flik.close()
    assert antal > 100, antal
    assert not utanfor, utanfor[:20]
