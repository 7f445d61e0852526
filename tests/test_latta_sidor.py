"""Lätta sidor (book/_ext/latta_sidor.py): ingen fontawesome.js, inga källkartor, ikonerna kvar."""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fontTools.ttLib import TTFont

ROT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROT / "book" / "_ext"))

import latta_sidor  # noqa: E402


def _tema_skript() -> Path:
    import pydata_sphinx_theme

    tema = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme"
    return tema / "static" / "scripts" / "fontawesome.js"


def test_ikonerna_lases_ur_temats_skript():
    ikoner = latta_sidor.las_ikoner(_tema_skript().read_text(encoding="utf-8"))
    bredd, hojd, kod, vag = ikoner[("fas", "magnifying-glass")]
    assert (bredd, hojd, kod) == (512, 512, "f002")
    assert vag.startswith("M") and len(vag) > 100
    # Aliaset "search" är samma ikon; den ifyllda och den ihåliga varianten skiljer sig.
    assert ikoner[("fas", "search")] == ikoner[("fas", "magnifying-glass")]
    assert ikoner[("far", "trash-can")][3] != ikoner[("fas", "trash-can")][3]


def test_ikonelement_blir_svg_med_samma_klasser():
    ikoner = {("fas", "bars"): (448, 512, "f0c9", "M0 96z")}
    html = '<button><span class="fa-solid fa-bars" aria-hidden="true"></span></button>'
    ny = latta_sidor._byt_ikoner(html, ikoner, saknas := set())
    assert not saknas
    svg = BeautifulSoup(ny, "html.parser").find("svg")
    assert svg is not None and "<span" not in ny
    assert svg["class"] == ["svg-inline--fa", "fa-solid", "fa-bars"]
    assert svg["viewbox"] == "0 0 448 512" and svg.path["d"] == "M0 96z"
    assert svg["aria-hidden"] == "true"


def test_okand_ikon_lamnas_och_anteckans():
    html = '<i class="fa-solid fa-finns-inte"></i>'
    saknas: set[str] = set()
    assert latta_sidor._byt_ikoner(html, {}, saknas) == html
    assert saknas == {"fa-solid fa-finns-inte"}


def test_ingen_fontawesome_js_och_inga_kallkartor(bygge):
    filer = [f for f in bygge.html.rglob("*") if f.is_file()]
    assert filer, "Bygget gav inga filer."
    assert not [f for f in filer if f.suffix == ".map"], "Källkartor i webbplatsen"
    assert not [f for f in filer if f.name.startswith("fontawesome.js")]
    for fil in filer:
        if fil.suffix in {".js", ".css", ".html"}:
            text = fil.read_text(encoding="utf-8")
            assert "sourceMappingURL" not in text, fil
            assert "fontawesome.js" not in text, fil


def test_ikonerna_finns_kvar_som_svg(bygge, sidor):
    """Där temat hade en ikon (<i class="fa-solid …">) finns nu en SVG med en form."""
    for sida in sidor:
        if sida.name == "index.html" and sida.parent == bygge.html:
            continue  # omdirigeringssidan
        soup = BeautifulSoup(sida.read_text(encoding="utf-8"), "html.parser")
        kvar = soup.select("i[class*='fa-'], span.fa-solid, span.fa-regular, span.fa-brands")
        assert not kvar, f"{sida}: ikonelement utan SVG: {kvar[:3]}"
        ikoner = soup.select("svg.svg-inline--fa")
        namn = {k for svg in ikoner for k in svg["class"] if k.startswith("fa-") and k != "fa-solid"}
        # Sökknappen och menyknappen finns på varje sida.
        assert {"fa-magnifying-glass", "fa-bars"} <= namn, f"{sida}: ikoner {sorted(namn)}"
        for svg in ikoner:
            assert svg.get("viewbox") and svg.path and len(svg.path.get("d", "")) > 20, f"{sida}: {svg}"
            assert svg.get("aria-hidden") == "true"


def test_ikonernas_css_laddas(bygge, sidor):
    sida = next(s for s in sidor if s.name == "intro.html" or "chapters" in s.parts)
    soup = BeautifulSoup(sida.read_text(encoding="utf-8"), "html.parser")
    lankar = [link["href"].split("?")[0] for link in soup.select("link[rel=stylesheet]")]
    assert any(h.endswith(f"_static/{latta_sidor.IKON_CSS}") for h in lankar), lankar
    assert ".svg-inline--fa" in (bygge.html / "_static" / latta_sidor.IKON_CSS).read_text(encoding="utf-8")


def test_typsnitten_som_css_pekar_pa_finns(bygge):
    """Varje url() i CSS:en pekar på en fil som finns (typsnitten har bytts mot delmängder)."""
    saknas = []
    for css in (bygge.html / "_static").rglob("*.css"):
        for url in re.findall(r"url\(([^)]+)\)", css.read_text(encoding="utf-8")):
            url = url.strip("'\"").split("?")[0].split("#")[0]
            if url.startswith("data:") or not url:
                continue
            if not (css.parent / url).exists():
                saknas.append(f"{css.name}: {url}")
    assert not saknas, saknas


def test_rutornas_ikoner_finns_i_det_delade_typsnittet(bygge):
    """Rutan "Obs!" ritar sin ikon (--pst-icon-info-circle) med det ifyllda typsnittet."""
    css = (bygge.html / "_static" / "styles" / "pydata-sphinx-theme.css").read_text(encoding="utf-8")
    tecken = re.search(r'--pst-icon-info-circle:"(.)"', css).group(1)
    typsnitt = bygge.html / "_static" / "vendor" / "fontawesome" / "webfonts" / "fa-solid-900.woff"
    assert ord(tecken) in TTFont(typsnitt).getBestCmap()
    assert typsnitt.stat().st_size < 20_000, "typsnittet har inte delats upp"


@pytest.mark.parametrize("andelse", [".html", ".css", ".js"])
def test_forkomprimerade_kopior_ar_identiska(bygge, andelse):
    filer = [f for f in bygge.html.rglob(f"*{andelse}") if f.stat().st_size > 1000]
    assert filer
    for fil in filer:
        gz = fil.with_name(fil.name + ".gz")
        assert gz.exists(), f"{fil} saknar .gz"
        assert gzip.decompress(gz.read_bytes()) == fil.read_bytes(), f"{gz} är inaktuell"
