"""Kontroller av den byggda webbplatsen, sida för sida.

- varje sida har lang="sv";
- inga engelska gränssnittstexter från temat, Sphinx eller myst-nb;
- inga adresser till andra värdar i det som laddas när sidan öppnas;
- varje bild har en alternativtext som inte är ett filnamn;
- varje intern länk och ankare går till något som finns.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Comment

#: Engelska texter som temat, Sphinx eller myst-nb visar om översättningen fattas.
#: Listan underhålls för hand: lägg till en text när du ser den på en sida.
ENGELSKA_TEXTER = [
    "Skip to main content", "Back to top", "On this page", "Color mode", "Search this book",
    "Toggle primary sidebar", "Toggle secondary sidebar", "Show code cell source",
    "Hide code cell source", "Show code cell output", "Hide code cell output",
    "Show code cell content", "Link to this heading", "Link to this definition", "next page",
    "previous page", "Copyright", "Last updated", "Table of contents", "Contents", "Download",
    "Fullscreen", "Launch", "Site navigation", "Section Navigation", "Version warning",
    "Search", "Light", "Dark", "System Settings",
    "Print to PDF", "open issue", "Edit this page", "Repository", "Click to",
    "Please activate JavaScript", "Breadcrumb", "Home", "Main", "Page", "By", "Index",
    "Exercise", "Solution", "Note", "Warning", "Tip", "Important", "See also", "et al.",
    "URL:", "visited on", "editors", "edition", "Technical Report", "PhD thesis",
]
#: Numrerade figur- och tabelltexter på engelska ("Fig. 1", "Table 2").
_ENGELSK_NUMRERING = r"(?:Fig\.|Figure|Table|Listing) \d+"
_ENGELSKA = re.compile(
    r"(?<![\w-])(" + "|".join(map(re.escape, ENGELSKA_TEXTER)) + "|" + _ENGELSK_NUMRERING + r")(?![\w-])"
)
_ATTRIBUT_MED_TEXT = ("aria-label", "title", "placeholder", "alt", "data-bs-title", "value")
_LADDAS_VID_SIDVISNING = {
    "script": ["src"], "link": ["href"], "img": ["src", "srcset"], "iframe": ["src"],
    "source": ["src", "srcset"], "video": ["src", "poster"], "audio": ["src"],
    "embed": ["src"], "object": ["data"],
}
_FILNAMN = re.compile(r"(\.(png|jpe?g|gif|svg|webp)$)|^[0-9a-f]{16,}", re.IGNORECASE)


@cache
def _las(sida: Path) -> BeautifulSoup:
    return BeautifulSoup(sida.read_text(encoding="utf-8"), "html.parser")


def _namn(bygge, sida: Path) -> str:
    return str(sida.relative_to(bygge.html))


def _synlig_gransnittstext(soup: BeautifulSoup) -> list[str]:
    """Text och textattribut utom kod, skript och kommentarer."""
    kopia = BeautifulSoup(str(soup), "html.parser")
    for el in kopia(["script", "style", "pre", "code", "noscript"]):
        el.decompose()
    for el in kopia.select(".cell_input, .highlight, .output, .cell_output"):
        el.decompose()
    texter = [
        str(t) for t in kopia.find_all(string=True) if not isinstance(t, Comment) and t.strip()
    ]
    for el in kopia.find_all(True):
        texter += [str(el[a]) for a in _ATTRIBUT_MED_TEXT if el.has_attr(a)]
    return texter


def test_varje_sida_har_svenska_som_sprak(bygge, sidor):
    fel = [_namn(bygge, s) for s in sidor if _las(s).html.get("lang") != "sv"]
    assert not fel, f'Sidor utan lang="sv": {fel}'


def test_inga_engelska_gransnittstexter(bygge, sidor):
    fynd = []
    for sida in sidor:
        for text in _synlig_gransnittstext(_las(sida)):
            for traff in _ENGELSKA.findall(text):
                fynd.append(f"{_namn(bygge, sida)}: {traff!r} i {text.strip()[:60]!r}")
    assert not fynd, "Engelska gränssnittstexter:\n" + "\n".join(sorted(set(fynd)))


def test_inget_laddas_fran_andra_vardar(bygge, sidor):
    fynd = []
    for sida in sidor:
        for tagg, attribut in _LADDAS_VID_SIDVISNING.items():
            for el in _las(sida).find_all(tagg):
                for a in attribut:
                    for url in str(el.get(a, "")).replace(",", " ").split():
                        if urlsplit(url).netloc or url.startswith("//"):
                            fynd.append(f"{_namn(bygge, sida)}: <{tagg} {a}={url}>")
    assert not fynd, "Sidor som hämtar något från en annan värd:\n" + "\n".join(fynd)


def test_varje_bild_har_alternativtext(bygge, sidor):
    fynd = []
    for sida in sidor:
        for img in _las(sida).find_all("img"):
            alt = (img.get("alt") or "").strip()
            if not alt or _FILNAMN.search(alt):
                fynd.append(f"{_namn(bygge, sida)}: {img.get('src')} har alt={alt!r}")
    assert not fynd, "Bilder utan riktig alternativtext:\n" + "\n".join(fynd)


def test_interna_lankar_och_ankare_finns(bygge, sidor):
    fynd = []
    for sida in sidor:
        soup = _las(sida)
        for tagg, attribut in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for el in soup.find_all(tagg):
                url = el.get(attribut)
                if not url:
                    continue
                delar = urlsplit(url)
                if delar.scheme or delar.netloc:
                    continue
                mal = (sida.parent / unquote(delar.path)).resolve() if delar.path else sida
                if mal.is_dir():
                    mal = mal / "index.html"
                if not mal.exists():
                    fynd.append(f"{_namn(bygge, sida)}: {url} (filen saknas)")
                    continue
                if delar.fragment and mal.suffix == ".html":
                    ankare = unquote(delar.fragment)
                    if not _las(mal).find(id=ankare) and not _las(mal).find(attrs={"name": ankare}):
                        fynd.append(f"{_namn(bygge, sida)}: {url} (ankaret saknas)")
    assert not fynd, "Trasiga interna länkar:\n" + "\n".join(sorted(set(fynd)))


def test_versionen_syns_pa_varje_sida(bygge, sidor):
    from tryggaplatser import __version__

    utan = [_namn(bygge, s) for s in sidor if s.name != "index.html" or s.parent != bygge.html
            if f"version {__version__}" not in _las(s).get_text()]
    assert not utan, f"Sidor som inte visar versionen {__version__}: {utan}"


def test_varje_kallhanvisning_pekar_ut_en_enda_kalla(bygge, sidor):
    """Två olika källor får inte visas med samma text, till exempel (Brå, 2024)."""
    mal_per_text: dict[str, set[str]] = {}
    for sida in sidor:
        for a in _las(sida).select('a.reference.internal[href*="referenser.html#"]'):
            mal = urlsplit(a["href"]).fragment
            mal_per_text.setdefault(a.get_text(strip=True), set()).add(mal)
    assert mal_per_text, "Hittade inga källhänvisningar alls."
    tvetydiga = {text: sorted(mal) for text, mal in mal_per_text.items() if len(mal) > 1}
    assert not tvetydiga, f"Samma hänvisningstext för olika källor: {tvetydiga}"


def test_tal_i_tabeller_har_decimalkomma(bygge, sidor):
    """Tabeller visar decimaltal på svenskt sätt (0,25), inte på engelskt (0.25)."""
    engelskt = re.compile(r"^[−-]?\d+\.\d+$")
    fynd = []
    for sida in sidor:
        for cell in _las(sida).select("table td, table th"):
            text = cell.get_text(strip=True)
            if engelskt.match(text):
                fynd.append(f"{_namn(bygge, sida)}: {text}")
    assert not fynd, "Tal med decimalpunkt i tabeller:\n" + "\n".join(fynd[:40])
