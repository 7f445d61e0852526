"""Den byggda handboken i en riktig webbläsare (Chromium utan fönster).

För varje sida, i ljust och mörkt läge:
- sidan laddas utan JavaScript-fel;
- axe-core med alla regler för WCAG 2.0 och 2.1 nivå A och AA, också de som axe
  kallar experimentella, hittar inga brister;
- inga engelska namn eller etiketter, inte heller sådana som skript lägger till;
- ingen begäran går till någon annan värd än den lokala servern.

Sökningen visar sidans egen text som utdrag, inte utskriftens "Innehåll".

axe-core ligger i tests/vendor/axe.min.js, hämtad från npm med ``npm pack axe-core@4.14.1``
(versionen står i filens första rad, licensen MPL 2.0 i tests/vendor/axe-core-LICENSE).
Byt version genom att byta filen och AXE_VERSION.

Saknas Chromium hoppas bara de här testerna över, med ett tydligt besked.
I CI (miljövariabeln CI satt) är saknad Chromium ett fel.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from test_sajt import _ENGELSKA

AXE_REGLER = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
AXE_VERSION = "4.14.1"
CHROMIUM_FLAGGOR = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def _chromium() -> str:
    sokvag = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if sokvag:
        return sokvag
    besked = (
        "Chromium saknas, så webbläsartesterna (axe-core och nätverkskontrollen) körs inte. "
        "Installera Chromium (Debian/Ubuntu: apt-get install chromium) eller ange sökvägen i "
        "miljövariabeln CHROMIUM. CI kör alltid de här testerna."
    )
    if os.environ.get("CI"):
        pytest.fail(besked)
    pytest.skip(besked)


class _TystHanterare(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextmanager
def statisk_server(mapp: Path) -> Iterator[str]:
    """Visa filerna i ``mapp`` med http.server på en ledig port. Ger "127.0.0.1:port"."""
    hanterare = functools.partial(_TystHanterare, directory=str(mapp))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), hanterare)
    trad = threading.Thread(target=httpd.serve_forever, daemon=True)
    trad.start()
    try:
        yield f"127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


def stoppa_andra_adresser(kontext, egen: Callable[[str], bool],
                          beskriv: Callable[[str], str] = str) -> list[str]:
    """Låt sidorna i en Playwright-kontext hämta bara egna adresser (och ``data:``).

    ``egen(url)`` säger vilka adresser som hör till det som testas. Allt annat stoppas och
    hamnar, som ``beskriv(url)``, i listan som returneras; testet kräver att den är tom.
    """
    stoppade: list[str] = []

    def granska(route) -> None:
        url = route.request.url
        if url.startswith("data:") or egen(url):
            route.continue_()
        else:
            stoppade.append(beskriv(url))
            route.abort()

    kontext.route("**/*", granska)
    return stoppade


@pytest.fixture(scope="module")
def server(bygge):
    with statisk_server(bygge.html) as adress:
        yield adress


def test_axe_ar_den_last_versionen():
    forsta_raden = AXE.read_text(encoding="utf-8").split("\n", 1)[0]
    assert forsta_raden == f"/*! axe v{AXE_VERSION}", forsta_raden


#: Regler med någon av WCAG-taggarna som axe inte kör om de inte slås på (experimentella).
_EXPERIMENTELLA = """taggar => axe.getRules(taggar)
    .filter(regel => regel.tags.includes("experimental")).map(regel => regel.ruleId)"""

#: Namn och etiketter i den färdiga sidan, efter att temats skript har lagt till sina.
_ETIKETTER = """() => [...document.querySelectorAll("[aria-label], [title], svg title, [placeholder]")]
    .flatMap(el => el.matches("svg title") ? [el.textContent]
        : ["aria-label", "title", "placeholder"].map(a => el.getAttribute(a)))
    .filter(text => text)"""


def test_sparren_stoppar_en_annan_vard_och_slapper_igenom_egna_adresser(webblasare, tmp_path):
    (tmp_path / "bild.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    sida = tmp_path / "sida.html"
    sida.write_text('<img src="bild.svg" alt=""><img src="https://exempel.invalid/spion.png" alt="">',
                    encoding="utf-8")
    kontext = webblasare.new_context()
    stoppade = stoppa_andra_adresser(kontext, lambda url: url.startswith(tmp_path.as_uri()),
                                     lambda url: f"sida.html: {url}")
    flik = kontext.new_page()
    flik.goto(sida.as_uri(), wait_until="load")
    kontext.close()
    assert stoppade == ["sida.html: https://exempel.invalid/spion.png"]


@pytest.mark.parametrize("farglage", ["light", "dark"])
def test_sidorna_ar_tillgangliga_och_laddar_inget_utifran(bygge, sidor, server, webblasare, farglage):
    axe = AXE.read_text(encoding="utf-8")
    brister, jsfel, engelska = [], [], []
    kontext = webblasare.new_context(color_scheme=farglage, locale="sv-SE")
    # sida_namn slås upp när en begäran stoppas: sidan som just laddas.
    utifran = stoppa_andra_adresser(kontext, lambda url: urlsplit(url).netloc == server,
                                    lambda url: f"{sida_namn}: {url}")
    for sida in sidor:
        sida_namn = str(sida.relative_to(bygge.html))
        flik = kontext.new_page()
        flik.on("pageerror", lambda fel, namn=sida_namn: jsfel.append(f"{namn}: {fel}"))
        flik.goto(f"http://{server}/{sida_namn}", wait_until="networkidle")
        flik.evaluate(axe)
        experimentella = flik.evaluate(_EXPERIMENTELLA, AXE_REGLER)
        installningar = {
            "runOnly": {"type": "tag", "values": AXE_REGLER},
            "rules": {regel: {"enabled": True} for regel in experimentella},
            "resultTypes": ["violations"],
        }
        resultat = flik.evaluate("installningar => axe.run(document, installningar)", installningar)
        for brist in resultat["violations"]:
            for nod in brist["nodes"]:
                brister.append(f"{sida_namn}: {brist['id']} ({brist['impact']}) vid {nod['target']}")
        for text in flik.evaluate(_ETIKETTER):
            engelska += [f"{sida_namn}: {t!r} i {text!r}" for t in _ENGELSKA.findall(text)]
        flik.close()
    kontext.close()
    assert experimentella, "axe har inga experimentella WCAG-regler; kontrollera inställningarna."
    fel = {
        "Begäranden till andra värdar": utifran,
        "JavaScript-fel": jsfel,
        "Engelska namn och etiketter": sorted(set(engelska)),
        f"axe-core {AXE_VERSION} hittade brister mot WCAG 2.1 A/AA ({farglage} läge)": brister,
    }
    assert not any(fel.values()), "\n".join(
        f"{rubrik}:\n" + "\n".join(fynd) for rubrik, fynd in fel.items() if fynd)


def _artikelns_text(sida: Path) -> str:
    """Artikelns text som sökningen läser den (textContent utan rubriklänkar och skript)."""
    from bs4 import BeautifulSoup

    artikel = BeautifulSoup(sida.read_text(encoding="utf-8"), "html.parser").select_one("article")
    for el in artikel.select(".headerlink, script, style"):
        el.decompose()
    return " ".join(artikel.get_text().split())


def test_sokningens_utdrag_borjar_med_sidans_text(bygge, server, webblasare):
    """Sök på "trygghet": varje utdrag är text ur sidans artikel.

    Förut låg utskriftens innehållsförteckning först i <main>, så att utdragen
    blev sidans titel följd av "Innehåll".
    """
    kontext = webblasare.new_context(locale="sv-SE")
    flik = kontext.new_page()
    flik.goto(f"http://{server}/search.html?q=trygghet", wait_until="networkidle")
    flik.wait_for_selector("#search-results ul.search li p.context")
    traffar = flik.evaluate("""() => [...document.querySelectorAll("#search-results ul.search li")]
        .filter(li => li.querySelector("p.context"))
        .map(li => [li.querySelector("a").getAttribute("href"),
                    li.querySelector("p.context").textContent])""")
    kontext.close()
    assert len(traffar) >= 3, f"Sökningen gav för få träffar med utdrag: {traffar}"
    fel = []
    for lank, utdrag in traffar:
        text = " ".join(utdrag.split()).removeprefix("...").removesuffix("...").strip()
        sida = bygge.html / urlsplit(lank).path
        if text.startswith("Innehåll") or text not in _artikelns_text(sida):
            fel.append(f"{lank}: {text[:100]!r}")
    assert not fel, "Sökträffar vars utdrag inte är sidans text:\n" + "\n".join(fel)
