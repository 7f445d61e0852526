"""Den byggda handboken i en riktig webbläsare (Chromium utan fönster).

För varje sida, i ljust och mörkt läge:
- sidan laddas utan JavaScript-fel;
- axe-core med reglerna för WCAG 2.1 nivå A och AA hittar inga brister;
- ingen begäran går till någon annan värd än den lokala servern.

Saknas Chromium hoppas bara de här testerna över, med ett tydligt besked.
I CI (miljövariabeln CI satt) är saknad Chromium ett fel.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

AXE_REGLER = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
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


@pytest.fixture(scope="module")
def server(bygge):
    hanterare = functools.partial(_TystHanterare, directory=str(bygge.html))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), hanterare)
    trad = threading.Thread(target=httpd.serve_forever, daemon=True)
    trad.start()
    yield f"127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def webblasare():
    sokvag = _chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=sokvag, args=CHROMIUM_FLAGGOR)
        yield browser
        browser.close()


@pytest.mark.parametrize("farglage", ["light", "dark"])
def test_sidorna_ar_tillgangliga_och_laddar_inget_utifran(bygge, sidor, server, webblasare, farglage):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    brister, utifran, jsfel = [], [], []
    kontext = webblasare.new_context(color_scheme=farglage, locale="sv-SE")

    def _granska(route):
        if urlsplit(route.request.url).netloc == server or route.request.url.startswith("data:"):
            route.continue_()
        else:
            utifran.append(f"{sida_namn}: {route.request.url}")
            route.abort()

    kontext.route("**/*", _granska)
    for sida in sidor:
        sida_namn = str(sida.relative_to(bygge.html))
        flik = kontext.new_page()
        flik.on("pageerror", lambda fel, namn=sida_namn: jsfel.append(f"{namn}: {fel}"))
        flik.goto(f"http://{server}/{sida_namn}", wait_until="networkidle")
        resultat = axe.run(
            flik, options={"runOnly": {"type": "tag", "values": AXE_REGLER}, "resultTypes": ["violations"]}
        )
        for brist in resultat.response["violations"]:
            for nod in brist["nodes"]:
                brister.append(f"{sida_namn}: {brist['id']} ({brist['impact']}) vid {nod['target']}")
        flik.close()
    kontext.close()
    assert not utifran, "Begäranden till andra värdar:\n" + "\n".join(utifran)
    assert not jsfel, "JavaScript-fel:\n" + "\n".join(jsfel)
    rubrik = f"axe-core hittade brister mot WCAG 2.1 A/AA ({farglage} läge):\n"
    assert not brister, rubrik + "\n".join(brister)
