"""Två versioner bredvid varandra (scripts/bygg_versioner.py), i en riktig webbläsare.

Testet gör ett tillfälligt git-arkiv av arbetskopians filer med en kort
innehållsförteckning (så att byggena går fort) och två taggar:

- v0.0.1 har startsidan, kapitel 1, kapitel 3 och sidan Versioner;
- v0.0.2 har startsidan, kapitel 1, kapitel 2 och sidan Versioner (kapitel 3 är borta).

Sedan byggs versionsträdet och visas med http.server. Inga taggar läggs i projektets arkiv.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from test_webblasare import AXE, AXE_REGLER, statisk_server, stoppa_andra_adresser

ROT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROT / "scripts"))

import bygg_versioner  # noqa: E402

KAP1 = "chapters/01-modellen/index.html"
KAP2 = "chapters/02-vad-ar-trygghet/index.html"
KAP3 = "chapters/03-kommunernas-ansvar/index.html"
_TOC = """format: jb-book
root: book/index
chapters:
{kapitel}  - file: book/versioner
"""


def _git(arkiv: Path, *argument: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", *argument],
                   cwd=arkiv, check=True, capture_output=True)


def _spara_version(arkiv: Path, version: str, kapitel: list[str]) -> None:
    (arkiv / "_toc.yml").write_text(
        _TOC.format(kapitel="".join(f"  - file: chapters/{k}/index\n" for k in kapitel)), encoding="utf-8")
    init = arkiv / "tryggaplatser" / "__init__.py"
    text = init.read_text(encoding="utf-8")
    ny = re.sub(r'^__version__ = "[^"]+"', f'__version__ = "{version}"', text, count=1, flags=re.MULTILINE)
    assert ny != text
    init.write_text(ny, encoding="utf-8")
    _git(arkiv, "add", "-A")
    _git(arkiv, "commit", "-q", "-m", f"version {version}")
    _git(arkiv, "tag", f"v{version}")


@pytest.fixture(scope="module")
def tradet(tmp_path_factory) -> Path:
    arkiv = tmp_path_factory.mktemp("arkiv")
    # Arbetskopians filer som git följer eller skulle följa (också sådant som inte är incheckat än).
    filer = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                           cwd=ROT, capture_output=True, text=True, check=True)
    for namn in filer.stdout.split("\0"):
        kalla = ROT / namn
        if namn and kalla.is_file():
            (arkiv / namn).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(kalla, arkiv / namn)
    _git(arkiv, "init", "-q")
    _spara_version(arkiv, "0.0.1", ["01-modellen", "03-kommunernas-ansvar"])
    _spara_version(arkiv, "0.0.2", ["01-modellen", "02-vad-ar-trygghet"])
    ut = tmp_path_factory.mktemp("versioner")
    bygg_versioner.bygg_versioner(ut, repo=arkiv, strikt=False)
    return ut


def test_tradet_har_versionerna_latest_och_versionslistan(tradet):
    data = json.loads((tradet / "versioner.json").read_text(encoding="utf-8"))
    assert data["nyaste"] == "0.0.2"
    assert [v["version"] for v in data["versioner"]] == ["0.0.2", "0.0.1"]
    gammal, ny = data["versioner"][1], data["versioner"][0]
    assert KAP3 in gammal["sidor"] and KAP3 not in ny["sidor"]
    assert KAP2 in ny["sidor"] and KAP2 not in gammal["sidor"]
    for mapp in ("v0.0.1", "v0.0.2", "latest"):
        assert (tradet / mapp / "book" / "index.html").is_file(), mapp
    # Varje version är byggd med sitt eget paket: versionen i sidfoten.
    assert "version 0.0.1" in (tradet / "v0.0.1" / KAP1).read_text(encoding="utf-8")
    assert "version 0.0.2" in (tradet / "v0.0.2" / KAP1).read_text(encoding="utf-8")
    assert "version 0.0.2" in (tradet / "latest" / KAP1).read_text(encoding="utf-8")
    assert "latest/book/index.html" in (tradet / "index.html").read_text(encoding="utf-8")


def test_aldre_version_har_beskedet_i_html_och_nyaste_saknar_det(tradet):
    gammal = (tradet / "v0.0.1" / KAP1).read_text(encoding="utf-8")
    assert bygg_versioner.NOTIS_ID in gammal
    assert 'href="../../../latest/chapters/01-modellen/index.html"' in gammal
    borta = (tradet / "v0.0.1" / KAP3).read_text(encoding="utf-8")
    assert 'href="../../../latest/book/index.html"' in borta
    for mapp in ("v0.0.2", "latest"):
        assert bygg_versioner.NOTIS_ID not in (tradet / mapp / KAP1).read_text(encoding="utf-8")
    # En förkomprimerad kopia (.gz) bredvid en ändrad fil är ändrad på samma sätt.
    for packad in (tradet / "v0.0.1").rglob("*.gz"):
        assert gzip.decompress(packad.read_bytes()) == packad.with_suffix("").read_bytes(), packad


def test_komplettera_sida_lagger_in_valjaren_i_en_gammal_sida():
    gammal = ('<html><head><title>x</title></head><body><nav class="bd-docs-nav">meny</nav>'
              '<article class="bd-article"><h1>Rubrik</h1></article></body></html>')
    ny = bygg_versioner.komplettera_sida(gammal, "0.9.0", "chapters/a/b.html", "1.0.0", {"chapters/a/b.html"})
    assert ny.index('class="handbok-versioner"') < ny.index('class="bd-docs-nav')
    assert 'data-rot="../../"' in ny and 'src="../../_static/versioner.js"' in ny
    assert ny.index(bygg_versioner.NOTIS_ID) < ny.index("<h1>")
    assert 'href="../../../latest/chapters/a/b.html"' in ny
    # En andra körning ändrar inget.
    assert bygg_versioner.komplettera_sida(ny, "0.9.0", "chapters/a/b.html", "1.0.0", set()) == ny


@pytest.fixture(scope="module")
def server(tradet):
    with statisk_server(tradet) as adress:
        yield adress


@pytest.fixture
def flik(webblasare, server):
    kontext = webblasare.new_context(locale="sv-SE")
    utifran = stoppa_andra_adresser(kontext, lambda url: urlsplit(url).netloc == server)
    sida = kontext.new_page()
    jsfel: list[str] = []
    sida.on("pageerror", lambda fel: jsfel.append(str(fel)))
    yield sida
    kontext.close()
    assert not utifran, f"Begäranden till andra värdar: {utifran}"
    assert not jsfel, f"JavaScript-fel: {jsfel}"


def test_valjaren_byter_version_och_aldre_version_sager_att_en_nyare_finns(flik, server):
    flik.goto(f"http://{server}/v0.0.1/{KAP1}", wait_until="networkidle")
    lista = flik.get_by_label("Välj version")
    assert lista.is_visible()
    assert flik.locator("#handbok-versionsval option").all_inner_texts()[0].startswith("0.0.2 (nyaste)")
    notis = flik.locator("#handbok-versionsnotis")
    assert notis.is_visible() and "nyare version, 0.0.2" in notis.inner_text()
    # Med tangentbordet: fokus på listan, välj den nyaste, tabba till knappen och tryck Enter.
    lista.focus()
    lista.select_option(label=flik.locator("#handbok-versionsval option").first.inner_text())
    flik.keyboard.press("Tab")
    assert flik.evaluate("document.activeElement.textContent") == "Byt version"
    with flik.expect_navigation():
        flik.keyboard.press("Enter")
    assert urlsplit(flik.url).path == f"/v0.0.2/{KAP1}"
    assert flik.locator("#handbok-versionsnotis").count() == 0
    assert flik.get_by_label("Välj version").input_value().endswith(f"v0.0.2/{KAP1}")
    # Och tillbaka till den gamla.
    flik.get_by_label("Välj version").select_option(label="0.0.1")
    with flik.expect_navigation():
        flik.get_by_role("button", name="Byt version").click()
    assert urlsplit(flik.url).path == f"/v0.0.1/{KAP1}"


def test_beskedet_leder_till_samma_sida_eller_till_startsidan(flik, server):
    flik.goto(f"http://{server}/v0.0.1/{KAP1}", wait_until="networkidle")
    with flik.expect_navigation():
        flik.get_by_role("link", name="Läs samma sida i den nyaste versionen").click()
    assert urlsplit(flik.url).path == f"/latest/{KAP1}"
    assert "version 0.0.2" in flik.content()
    flik.goto(f"http://{server}/v0.0.1/{KAP3}", wait_until="networkidle")
    with flik.expect_navigation():
        flik.get_by_role("link", name="Gå till den nyaste versionens startsida").click()
    assert urlsplit(flik.url).path == "/latest/book/index.html"


def test_utan_webbserver_finns_lanken_och_beskedet_kvar(webblasare, tradet):
    kontext = webblasare.new_context(locale="sv-SE")
    sida = kontext.new_page()
    sida.goto((tradet / "v0.0.1" / KAP1).as_uri(), wait_until="load")
    assert sida.locator("#handbok-versionsval").count() == 0
    assert sida.get_by_role("link", name="Alla versioner").is_visible()
    assert sida.locator("#handbok-versionsnotis").is_visible()
    kontext.close()


@pytest.mark.parametrize("farglage", ["light", "dark"])
def test_axe_godkanner_sidan_med_valjare_och_besked(webblasare, server, farglage):
    kontext = webblasare.new_context(locale="sv-SE", color_scheme=farglage)
    flik = kontext.new_page()
    flik.goto(f"http://{server}/v0.0.1/{KAP1}", wait_until="networkidle")
    assert flik.locator("#handbok-versionsval").count() == 1
    assert flik.locator("#handbok-versionsnotis").count() == 1
    flik.evaluate(AXE.read_text(encoding="utf-8"))
    resultat = flik.evaluate(
        "regler => axe.run(document, {runOnly: {type: 'tag', values: regler}, resultTypes: ['violations']})",
        AXE_REGLER)
    kontext.close()
    brister = [f"{b['id']} ({b['impact']}) vid {n['target']}"
               for b in resultat["violations"] for n in b["nodes"]]
    assert not brister, f"axe-core hittade brister ({farglage} läge):\n" + "\n".join(brister)
