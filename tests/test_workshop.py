"""Workshoppaketet (``make workshop``): zip-filen har alla delar och fungerar uppackad.

- webbplatsen med index.html, kapitlens och övningarnas notebooks, datan, paketet och
  den låsta miljön, och en startinstruktion på svenska;
- bara filer som git följer, och inga cacheminnen;
- uppackad hittar paketet datan i paketet, inte i projektet;
- i Chromium från filsystemet (file://): handboken öppnas från START.html, och ett
  självtest svarar, utan en enda begäran utanför paketet.

Paketet görs av samma bygge som de andra webbplatstesterna använder.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROT / "scripts"), str(ROT / "book" / "_ext")]

import gor_workshop  # noqa: E402
from sjalvtest import las_sjalvtest  # noqa: E402
from test_webblasare import stoppa_andra_adresser  # noqa: E402

TOPP = gor_workshop.TOPPMAPP


def _sparade(monster: str) -> list[str]:
    svar = subprocess.run(["git", "ls-files", "-z", monster], cwd=ROT, capture_output=True, text=True)
    assert svar.returncode == 0, svar.stderr
    return sorted(n for n in svar.stdout.split("\0") if n)


@pytest.fixture(scope="module")
def paket(bygge, tmp_path_factory):
    utfil = tmp_path_factory.mktemp("workshop") / "paket.zip"
    assert gor_workshop.gor_workshop(utfil, bygge.html) == utfil
    with zipfile.ZipFile(utfil) as zf:
        namn = set(zf.namelist())
        uppackad = tmp_path_factory.mktemp("uppackad")
        zf.extractall(uppackad)
    return {"namn": namn, "mapp": uppackad / TOPP}


def test_webbplatsen_ar_med(paket, bygge):
    for sida in ("index.html", "book/index.html", "book/kom-igang.html", "book/sjalvtest/kap01.html",
                 "book/for-kursledare/index.html", "_static/sjalvtest.js"):
        assert f"{TOPP}/webbplats/{sida}" in paket["namn"], sida
    byggda = {p.relative_to(bygge.html).as_posix() for p in bygge.html.rglob("*") if p.is_file()}
    med = {n.removeprefix(f"{TOPP}/webbplats/") for n in paket["namn"] if n.startswith(f"{TOPP}/webbplats/")}
    assert byggda == med


@pytest.mark.parametrize("monster", ["chapters/*.ipynb", "exercises/*.ipynb", "data/*", "tryggaplatser/*.py"])
def test_notebooks_data_och_paketet_ar_med(paket, monster):
    filer = _sparade(monster)
    assert filer, f"git följer inga filer som {monster}"
    saknas = [f for f in filer if f"{TOPP}/{f}" not in paket["namn"]]
    assert not saknas, f"Saknas i paketet: {saknas}"


def test_bara_filer_som_git_foljer_och_inga_cacheminnen(paket):
    sparade = set(_sparade("*"))
    egna = {"LASMIG.txt", "START.html"}
    utanfor = [n for n in paket["namn"] if not n.startswith(f"{TOPP}/webbplats/")
               and n.removeprefix(f"{TOPP}/") not in sparade | egna]
    assert not utanfor, f"Filer som git inte följer: {utanfor[:10]}"
    assert not [n for n in paket["namn"] if "__pycache__" in n or ".ipynb_checkpoints" in n]


def test_den_lasta_miljon_ar_densamma(paket):
    for namn in ("requirements.txt", "pyproject.toml"):
        assert (paket["mapp"] / namn).read_bytes() == (ROT / namn).read_bytes(), namn


def test_startinstruktionen_ar_pa_svenska(paket):
    text = (paket["mapp"] / "LASMIG.txt").read_bytes().decode("utf-8")
    assert "\r\n" in text, "LASMIG.txt ska ha Windows-radslut, så att Anteckningar visar raderna"
    for del_ in ("Öppna filen START.html", "Python 3.11", "pip install -r requirements.txt",
                 "pip install --no-deps -e .", "exercises/02-vad-ar-trygghet/ovningar.ipynb", "påhittad"):
        assert del_ in text, del_
    start = (paket["mapp"] / "START.html").read_text(encoding="utf-8")
    assert 'lang="sv"' in start
    for lank in ("webbplats/book/index.html", "webbplats/book/sjalvtest/index.html"):
        assert f'href="{lank}"' in start and (paket["mapp"] / lank).is_file(), lank


def test_uppackat_hittar_paketet_sin_data(paket):
    """Paketet i zip-filen läser datan bredvid sig, inte i projektet som paketet gjordes av."""
    kod = "import tryggaplatser as tp; print(tp.valj_plats('mellanstad').mapp)"
    svar = subprocess.run([sys.executable, "-c", kod], cwd=paket["mapp"], capture_output=True, text=True,
                          env={"PYTHONPATH": str(paket["mapp"]), "PATH": "/usr/bin:/bin"})
    assert svar.returncode == 0, svar.stderr
    assert Path(svar.stdout.strip()) == (paket["mapp"] / "data" / "mellanstad").resolve()


def test_handboken_fungerar_fran_filsystemet(paket, webblasare):
    mapp = paket["mapp"].resolve()
    jsfel = []
    kontext = webblasare.new_context(locale="sv-SE")
    utanfor = stoppa_andra_adresser(kontext, lambda url: url.startswith(mapp.as_uri()))
    flik = kontext.new_page()
    flik.on("pageerror", lambda fel: jsfel.append(str(fel)))
    flik.goto((mapp / "START.html").as_uri())
    flik.click("text=Öppna handboken")
    flik.wait_for_load_state("load")
    assert flik.url.endswith("webbplats/book/index.html"), flik.url
    assert "Trygga platser" in flik.title()
    flik.goto((mapp / "webbplats" / "book" / "sjalvtest" / "kap01.html").as_uri())
    flik.check("#kap01-f1-a2")
    flik.click("#kap01-f1 button")
    flik.wait_for_function("document.querySelector('#kap01-f1-aterkoppling').textContent.length > 0")
    svar = flik.inner_text("#kap01-f1-aterkoppling")
    kontext.close()
    fraga = las_sjalvtest(ROT / "book" / "sjalvtest" / "kap01.yml").fragor[0]
    vantat = "Rätt." if fraga.ratt == 2 else "Inte rätt."
    assert svar.startswith(vantat), svar
    assert not utanfor and not jsfel, f"Utanför paketet: {utanfor}\nJavaScript-fel: {jsfel}"
