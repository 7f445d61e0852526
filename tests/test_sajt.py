"""Kontroller av den byggda webbplatsen, sida för sida.

- varje sida har lang="sv";
- inga engelska gränssnittstexter från temat, Sphinx eller myst-nb;
- inga adresser till andra värdar i det som laddas när sidan öppnas;
- varje bild har en alternativtext som inte är ett filnamn;
- varje intern länk och ankare går till något som finns;
- inget rått Python-resultat på någon sida: inga tupler, dtype- eller Name-rader,
  variabelnamn som kolumnrubriker, radnummer som index eller p = 0;
- tal i tabeller med decimalkomma och datum i löptexten på svenskt sätt;
- ett kapitels sidor numreras 5.1, 5.2 ... och sökningens utdrag börjar med sidans text;
- en knapps namn innehåller den text som syns på knappen (WCAG 2.5.3).
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
    "Show code cell content", "Link to this heading", "Link to this definition",
    "Link to this term", "next page",
    "previous page", "Copyright", "Last updated", "Table of contents", "Contents", "Download",
    "Fullscreen", "Launch", "Site navigation", "Section Navigation", "Version warning",
    "Search", "Light", "Dark", "System Settings",
    "Print to PDF", "open issue", "Edit this page", "Repository", "Click to",
    "Please activate JavaScript", "Breadcrumb", "Home", "Main", "Page", "By", "Index",
    "Exercise", "Solution", "Note", "Warning", "Tip", "Important", "See also", "et al.",
    "URL:", "visited on", "editors", "edition", "Technical Report", "PhD thesis",
    "Toggle hidden content", "Toggle navigation", "Toggle", "Copy to clipboard", "Copied!",
    "Copy", "Failed to copy", "Close", "Expand", "Collapse", "Show", "Hide", "Clear search",
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
    """Tabeller och utskrifter visar decimaltal på svenskt sätt (0,25), inte på engelskt (0.25).

    En cell som bara är ett tal, eventuellt med procent- eller enhetstecken, får inte ha
    decimalpunkt. Tal i e-form (1e-05) är aldrig svenska. I utskrifter gäller samma sak
    för varje ord som är ett tal.
    """
    engelskt = re.compile(r"[−-]?\d+\.\d+(?:\s?(?:%|‰|[a-zåäö]+))?")
    e_form = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)?e[+−-]?\d+(?![\w.])")
    fynd = []
    for sida in sidor:
        soup = _las(sida)
        # Paketversioner (2026.6 på sidan Om bygget) är inga decimaltal.
        for cell in soup.select("table:not(.paketversioner) td, table:not(.paketversioner) th"):
            text = cell.get_text(strip=True)
            if engelskt.fullmatch(text) or e_form.search(text):
                fynd.append(f"{_namn(bygge, sida)}: {text}")
        for utskrift in _textutdata(soup):
            fynd += [f"{_namn(bygge, sida)}: {ordet} i en utskrift" for ordet in utskrift.split()
                     if re.fullmatch(r"[−-]?\d+\.\d+%?", ordet) or e_form.fullmatch(ordet)]
    assert not fynd, "Tal med decimalpunkt i tabeller:\n" + "\n".join(fynd[:40])


# --- Inget rått Python-resultat -------------------------------------------------------

#: En tupel som Python skriver den: (38, 38) eller (5635, 14).
_TUPEL = re.compile(r"\((?:[−-]?\d+(?:\.\d+)?, )+[−-]?\d+(?:\.\d+)?,?\)")
#: Raderna som pandas skriver under en Series, och Pythons representation av objekt.
_PANDAS_RAD = re.compile(r"\bdtype: \w+|^Name: ", re.MULTILINE)
_REPR = re.compile(
    r"\b(?:datetime\.\w+|Timestamp|Timedelta|np\.\w+|numpy\.\w+|Decimal|Index|array)\(|"
    r"<[\w.]+ object at 0x[0-9a-f]+>"
)
#: En utskriven Series: minst två rader i följd med en etikett, två mellanslag och ett tal.
_SERIE = re.compile(r"(?:^\S[^\n]*? {2,}[−-]?\d[\d.,]*$\n?){2,}", re.MULTILINE)
#: En kolumnrubrik som är ett variabelnamn: ruta_x, n_eff, ki_nedre.
_VARIABELNAMN = re.compile(r"[a-zåäö]+(?:_[a-zåäö0-9]+)+")
_HELTAL = re.compile(r"[−-]?\d+")


def _celler_med_utdata(soup: BeautifulSoup):
    return soup.select(".cell_output")


def _textutdata(soup: BeautifulSoup) -> list[str]:
    """Utskrifter och textresultat (print, en cell som slutar med ett värde)."""
    return [pre.get_text() for cell in _celler_med_utdata(soup) for pre in cell.select("pre")]


def _tabellens_index(tabell) -> tuple[list[str], list[str]]:
    """(indexets namn, indexets etiketter) i en tabell från pandas."""
    namn = [th.get_text(strip=True) for th in tabell.select("thead tr > th:first-child")]
    etiketter = [th.get_text(strip=True) for th in tabell.select("tbody tr > th:first-child")]
    return [n for n in namn if n], etiketter


def test_inga_python_utskrifter_i_resultaten(bygge, sidor):
    """Inga tupler, dtype- och Name-rader, objektrepresentationer eller utskrivna Series."""
    fynd = []
    for sida in sidor:
        for cell in _celler_med_utdata(_las(sida)):
            text = cell.get_text("\n")
            for monster in (_TUPEL, _PANDAS_RAD, _REPR):
                fynd += [f"{_namn(bygge, sida)}: {m.group(0)!r}" for m in monster.finditer(text)]
        for utskrift in _textutdata(_las(sida)):
            fynd += [f"{_namn(bygge, sida)}: utskriven Series {m.group(0)[:60]!r}"
                     for m in _SERIE.finditer(utskrift)]
    assert not fynd, "Rått Python-resultat på sidorna:\n" + "\n".join(sorted(set(fynd)))


def test_inga_variabelnamn_som_kolumnrubriker(bygge, sidor):
    """Tabeller har svenska rubriker, inte kolumnnamn från koden (ruta_x, n_eff, ki_nedre)."""
    fynd = []
    for sida in sidor:
        for th in _las(sida).select("table th"):
            text = th.get_text(strip=True)
            if not th.find("code") and _VARIABELNAMN.fullmatch(text):
                fynd.append(f"{_namn(bygge, sida)}: {text}")
    assert not fynd, "Kolumnrubriker som är variabelnamn:\n" + "\n".join(sorted(set(fynd)))


def test_inga_radnummer_som_index(bygge, sidor):
    """En tabell från pandas visar inte sitt heltalsindex (0, 1, 2 ... eller 470, 469 ...).

    Ett heltalsindex godtas bara med ett svenskt namn, som "År" för 2021, 2023 och 2025.
    Ett namn som är ett variabelnamn med små bokstäver (veckodag) räknas inte.
    """
    fynd = []
    for sida in sidor:
        for tabell in _las(sida).select(".cell_output table"):
            namn, etiketter = _tabellens_index(tabell)
            if not etiketter or not all(_HELTAL.fullmatch(e) for e in etiketter):
                continue
            if not namn or all(re.fullmatch(r"[a-zåäö_]+", n) for n in namn):
                fynd.append(f"{_namn(bygge, sida)}: index {', '.join(etiketter[:5])} ... "
                            f"(namn: {namn or 'inget'})")
    assert not fynd, "Tabeller som visar pandas radindex:\n" + "\n".join(fynd)


def test_inget_p_lika_med_noll(bygge, sidor):
    """Ett p-värde är aldrig exakt noll: skriv p < 0,001, inte p = 0 eller en nolla i tabellen."""
    noll = re.compile(r"[−-]?0(?:[,.]0+)?(?:e[+-]?\d+)?")
    fynd = []
    for sida in sidor:
        soup = _las(sida)
        for m in re.finditer(r"\bp\s*={1,2}\s*0(?:[,.]0+)?(?![\d,.]*\d)", soup.get_text(" ")):
            fynd.append(f"{_namn(bygge, sida)}: {m.group(0)!r}")
        for tabell in soup.select("table"):
            rubriker = [th.get_text(strip=True).lower() for th in tabell.select("thead tr:first-child th")]
            for kol, rubrik in enumerate(rubriker):
                if rubrik not in {"p", "p-värde", "p_varde", "p-varde"}:
                    continue
                for rad in tabell.select("tbody tr"):
                    celler = rad.find_all(["th", "td"], recursive=False)
                    if kol < len(celler) and noll.fullmatch(celler[kol].get_text(strip=True)):
                        fynd.append(f"{_namn(bygge, sida)}: kolumnen {rubrik!r} har värdet "
                                    f"{celler[kol].get_text(strip=True)!r}")
    assert not fynd, "p-värden som visas som noll:\n" + "\n".join(sorted(set(fynd)))


#: Engelska och numeriska datumformer som inte hör hemma i svensk löptext.
_MANAD = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATUM = re.compile(
    r"(?<![\w/.-])(?:\d{4}-\d{2}-\d{2}|\d{4}/\d{1,2}/\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4}|"
    rf"(?:{_MANAD}) \d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)? (?:of )?(?:{_MANAD}))"
    r"(?![\w/])"
)


_VERSIONSRUBRIK = re.compile(r"\[\d+\.\d+\.\d+\] – \d{4}-\d{2}-\d{2}(?: ?#)?")


def _lopande_text(soup: BeautifulSoup) -> list[str]:
    """Stycken, listpunkter och bildtexter i sidans artikel, utan kod, tabeller och källor."""
    artikel = soup.select_one("article")
    if artikel is None:
        return []
    artikel = BeautifulSoup(str(artikel), "html.parser")
    for el in artikel(["script", "style", "pre", "code", "table"]):
        el.decompose()
    for el in artikel.select(".cell_input, .cell_output, .citation, .citation-list, a.external"):
        el.decompose()
    return [el.get_text(" ", strip=True)
            for el in artikel.find_all(["p", "dt", "dd", "figcaption", "caption", "h1", "h2", "h3"])]


def test_datum_i_lopande_text_skrivs_pa_svenska(bygge, sidor):
    """I löptext: 31 oktober 2022, inte 2022-10-31, 10/31/2022 eller October 31.

    Tabeller, kod och referenslistan får ha datum som 2022-10-31, och ändringsloggens
    versionsrubriker följer Keep a Changelog (``[0.2.0] – 2026-11-30``).
    """
    fynd = []
    for sida in sidor:
        for stycke in _lopande_text(_las(sida)):
            if _VERSIONSRUBRIK.fullmatch(stycke):
                continue
            fynd += [f"{_namn(bygge, sida)}: {m.group(0)!r} i {stycke[:70]!r}"
                     for m in _DATUM.finditer(stycke)]
    assert not fynd, "Datum som inte är skrivna på svenskt sätt:\n" + "\n".join(sorted(set(fynd)))


# --- Numrering, sökning och tillgängliga namn ----------------------------------------

_NUMMER = re.compile(r"^(\d+(?:\.\d+)*)\. ")


def test_kapitlets_sidor_numreras_efter_kapitlet(bygge):
    """I menyn har kapitel N sidorna N.1, N.2 ... i följd (inte N.8 efter inledningens rubriker)."""
    soup = _las(bygge.html / "book" / "index.html")
    kapitel = soup.select("nav.bd-docs-nav li.toctree-l1")
    fel, numrerade = [], 0
    for kap in kapitel:
        lank = kap.find("a")
        m = _NUMMER.match(lank.get_text(strip=True))
        if not m:
            continue
        numrerade += 1
        sidor = [a.get_text(strip=True) for a in kap.select("li.toctree-l2 > a")]
        vantat = [f"{m.group(1)}.{i}" for i in range(1, len(sidor) + 1)]
        faktiskt = [(_NUMMER.match(t) or [None, None])[1] for t in sidor]
        if faktiskt != vantat:
            fel.append(f"{lank.get_text(strip=True)}: {faktiskt}, väntat {vantat}")
    assert numrerade >= 5, f"Hittade bara {numrerade} numrerade kapitel i menyn."
    assert not fel, "Sidornas nummer följer inte kapitlet:\n" + "\n".join(fel)


def test_forsta_notebooken_i_kapitel_5_ar_5_1(bygge):
    soup = _las(bygge.html / "chapters" / "05-brottsligheten-pa-platsen" / "tid.html")
    titel = soup.title.get_text(strip=True)
    assert titel.startswith("5.1. "), f"Sidans titel är {titel!r}, väntat 5.1."
    aktuell = soup.select_one("nav.bd-docs-nav li.toctree-l2.current > a")
    assert aktuell is not None and aktuell.get_text(strip=True).startswith("5.1. "), aktuell


def test_losningen_heter_som_uppgiften(bygge):
    """Under rubriken "Uppgift 5.1" heter lösningen "Lösning till uppgift 5.1", inte "Övning (5.1)"."""
    sidor = sorted((bygge.html / "exercises").glob("*/losningar.html"))
    assert len(sidor) >= 8, f"Hittade bara {len(sidor)} sidor med lösningar."
    fel = []
    for sida in sidor:
        soup = _las(sida)
        # Uppgifternas rubriker i sidans ordning; varje uppgift har en lösning under sig.
        vantade = [f"Lösning till uppgift {m.group(1)}" for h in soup.select("h2")
                   if (m := re.match(r"Uppgift (\d+\.\d+):", h.get_text(strip=True)))]
        rubriker = [" ".join(r.get_text().split()) for r in soup.select("div.solution .admonition-title")]
        assert rubriker, f"{sida.parent.name}: sidan har inga lösningar."
        if rubriker != vantade:
            fel.append(f"{sida.parent.name}: {rubriker}, väntat {vantade}")
        # Länken till uppgiften börjar inte med ett (understruket) mellanslag.
        lanktexter = [a.get_text() for a in soup.select("div.solution .admonition-title a")]
        fel += [f"{sida.parent.name}: länktexten {t!r}" for t in lanktexter if t != t.strip()]
    assert not fel, "Lösningarnas rubriker stämmer inte med uppgifterna:\n" + "\n".join(fel)


def test_kapitelinledningens_rubriker_har_inga_nummer(bygge, sidor):
    """Rubrikerna på ett kapitels första sida tar inte nummer från kapitlets sidor.

    Gäller kapitel med flera sidor; ett kapitel med en enda sida numrerar sina rubriker 3.1, 3.2 ...
    """
    fynd, inledningar = [], 0
    for sida in sidor:
        if sida.name != "index.html" or "chapters" not in sida.parts:
            continue
        if not _las(sida).select_one("nav.bd-docs-nav li.toctree-l1.current.has-children"):
            continue
        inledningar += 1
        for rubrik in _las(sida).select("article h2, article h3"):
            if rubrik.select_one(".section-number"):
                fynd.append(f"{_namn(bygge, sida)}: {rubrik.get_text(' ', strip=True)[:60]}")
    assert inledningar >= 4, f"Hittade bara {inledningar} kapitel med flera sidor."
    assert not fynd, "Numrerade rubriker på kapitlens första sidor:\n" + "\n".join(fynd)


def test_utskriftens_innehallsforteckning_ligger_utanfor_main(bygge, sidor):
    """Sökningens utdrag är början av <main>; där ska sidans text stå, inte "Innehåll"."""
    fynd = []
    for sida in sidor:
        main = _las(sida).select_one('[role="main"]')
        if main is None:
            continue
        if main.select_one("#jb-print-docs-body, #jb-print-toc"):
            fynd.append(f"{_namn(bygge, sida)}: utskriftens innehållsförteckning ligger i <main>")
        elif main.get_text(" ", strip=True).startswith("Innehåll"):
            fynd.append(f"{_namn(bygge, sida)}: <main> börjar med 'Innehåll'")
    assert not fynd, "\n".join(fynd)


_INTERAKTIVA = "a, button, summary, [role=button], [role=link], [role=tab], [role=menuitem]"


def _synlig_text(el) -> str:
    kopia = BeautifulSoup(str(el), "html.parser")
    for dolt in kopia.select('[aria-hidden="true"], .visually-hidden, .sr-only, script, style'):
        dolt.decompose()
    return " ".join(kopia.get_text(" ").split())


def _ord(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def test_namnet_innehaller_den_synliga_texten(bygge, sidor):
    """En knapp eller länk med aria-label har den synliga texten i sitt namn (WCAG 2.5.3).

    Sökknappen visar "Sök Ctrl + K"; en aria-label "Sök" döljer resten. Knappen för
    dold kod visar "Visa koden"; en aria-label "Toggle hidden content" säger något annat.
    """
    fynd = []
    for sida in sidor:
        for el in _las(sida).select(_INTERAKTIVA):
            etikett = el.get("aria-label")
            synlig = _synlig_text(el)
            if etikett is None or not _ord(synlig):
                continue
            namn = " ".join(_ord(etikett))
            # Som axe: varje ord i den synliga texten ska finnas, i samma ordning.
            if " ".join(_ord(synlig)) not in namn:
                fynd.append(f"{_namn(bygge, sida)}: <{el.name}> visar {synlig[:40]!r} "
                            f"men heter {etikett!r}")
    assert not fynd, "Namn som inte innehåller den synliga texten:\n" + "\n".join(sorted(set(fynd)))
