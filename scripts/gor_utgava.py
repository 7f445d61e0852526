"""Ge ut en version: alla filer som hör till handbokens aktuella version.

Användning: ``make release``, eller
``python scripts/gor_utgava.py [--utmapp _build/utgava] [--webbplats _build/html]``.

Mappen ``<utmapp>/<version>/`` (git ser den inte) får

- ``trygga-platser-<version>-webbplats.zip``: den byggda webbplatsen;
- ``trygga-platser-<version>.pdf``: hela handboken i A4 med innehållsförteckning,
  sidnummer, figurer och länkar;
- ``trygga-platser-<version>-workshop.zip``: workshoppaketet (``scripts/gor_workshop.py``);
- ``mallar/``: mallarna (``tryggaplatser.mallar.skriv_alla``);
- ``LASMIG.md``: en lista över filerna, på svenska;
- ``SHA256SUMS``: kontrollsummorna i samma format som ``sha256sum``, så att
  ``sha256sum -c SHA256SUMS`` kontrollerar alla filer.

PDF-filen görs så här: alla sidor i webbplatsen (i innehållsförteckningens ordning)
sätts ihop till en HTML-fil med en egen innehållsförteckning, länkarna mellan sidorna
blir länkar inom filen, och Chromium utan fönster skriver ut den med
``book/_static/utskrift.css``. Första utskriften ger sidnumren till innehållsförteckningen,
den andra är den färdiga filen. Chromium hittas i sökvägen eller i miljövariabeln ``CHROMIUM``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import posixpath
import shutil
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROT = Path(__file__).resolve().parent.parent
UTMAPP = ROT / "_build" / "utgava"
UTSKRIFTSSTIL = ROT / "book" / "_static" / "utskrift.css"
sys.path.insert(0, str(ROT))
sys.path.insert(0, str(ROT / "scripts"))

import gor_workshop  # noqa: E402

CHROMIUM_FLAGGOR = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
_MANADER = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
            "september", "oktober", "november", "december")


@dataclass
class Post:
    """En rad i innehållsförteckningen: en del (rubrik utan sida) eller en sida."""

    titel: str
    niva: int
    sida: str | None = None  # relativ sökväg i webbplatsen, till exempel "book/index.html"


def version() -> str:
    from tryggaplatser import __version__

    return __version__


def filnamn(version: str) -> dict[str, str]:
    bas = f"trygga-platser-{version}"
    return {"webbplats": f"{bas}-webbplats.zip", "pdf": f"{bas}.pdf", "workshop": f"{bas}-workshop.zip"}


def hitta_chromium() -> str:
    sokvag = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not sokvag:
        raise SystemExit("Chromium saknas. Installera det (apt-get install chromium) eller ange CHROMIUM.")
    return sokvag


# --- Innehållsförteckningen ----------------------------------------------------------


def innehall(html: Path) -> list[Post]:
    """Sidorna i läsordning med delarnas rubriker, ur sidopanelen på startsidan."""
    from bs4 import BeautifulSoup

    start = html / "book" / "index.html"
    soup = BeautifulSoup(start.read_text(encoding="utf-8"), "html.parser")
    titel = soup.select_one("article h1")
    poster = [Post(_text(titel) if titel else "Startsida", 1, "book/index.html")]
    nav = soup.select_one("nav.bd-docs-nav")
    for el in nav.select("p.caption, li.toctree-l1, li.toctree-l2, li.toctree-l3"):
        if el.name == "p":
            poster.append(Post(_text(el), 0))
            continue
        lank = el.find("a", recursive=False) or el.select_one("a")
        niva = int(next(c for c in el["class"] if c.startswith("toctree-l"))[-1])
        sida = posixpath.normpath(posixpath.join("book", urlsplit(lank["href"]).path))
        if sida.endswith(".html") and sida != "book/index.html":  # "#" är startsidan själv
            poster.append(Post(_text(lank), niva, sida))
    return poster


def _text(el) -> str:
    return " ".join(el.get_text(" ").split()).replace(" #", "")


# --- Den samlade HTML-filen -----------------------------------------------------------


def _ankare(nr: int, fragment: str = "") -> str:
    return f"s{nr}" + (f"-{fragment}" if fragment else "")


def _sidans_artikel(html: Path, post: Post, nr: int, sidnummer: dict[str, int], forskjutning: int):
    """Sidans artikel med nya id:n, länkar inom den samlade filen och bilder med full sökväg."""
    from bs4 import BeautifulSoup

    fil = html / post.sida
    soup = BeautifulSoup(fil.read_text(encoding="utf-8"), "html.parser")
    artikel = soup.select_one("article.bd-article")
    for el in artikel.select("script, .headerlink, details.hide, button, nav.handbok-versioner"):
        el.decompose()
    for el in artikel.select("[id]"):
        el["id"] = _ankare(nr, el["id"])
    katalog = posixpath.dirname(post.sida)
    for lank in artikel.select("a[href]"):
        delar = urlsplit(lank["href"])
        if delar.scheme or lank["href"].startswith("//"):
            continue
        mal = posixpath.normpath(posixpath.join(katalog, unquote(delar.path))) if delar.path else post.sida
        if mal in sidnummer:
            lank["href"] = "#" + _ankare(sidnummer[mal], delar.fragment)
        else:
            lank.unwrap()  # en fil på webbplatsen (mall, nedladdning): texten blir kvar
    for bild in artikel.select("img[src]"):
        if not urlsplit(bild["src"]).scheme:
            bild["src"] = (fil.parent / unquote(bild["src"])).resolve().as_uri()
    for niva in range(6, 0, -1):  # sidans rubriker flyttas ned under delens och kapitlets
        for rubrik in artikel.find_all(f"h{niva}"):
            rubrik.name = f"h{min(niva + forskjutning, 6)}"
    return artikel


def samlad_html(html: Path, poster: list[Post], ver: str, sidnr_i_pdf: dict[str, int] | None = None) -> str:
    """Hela handboken som en HTML-fil. ``sidnr_i_pdf``: ankare -> sidnummer i innehållsförteckningen."""
    sidnummer = {p.sida: nr for nr, p in enumerate(poster) if p.sida}
    stilar = sorted(
        p.relative_to(html).as_posix() for p in (html / "_static").rglob("*.css")
        if p.name in {"pygments.css", "sphinx-book-theme.css", "pydata-sphinx-theme.css", "handbok.css"}
        or p.name.startswith("mystnb.")
    )
    lankar = "\n".join(f'<link rel="stylesheet" href="{(html / s).as_uri()}">' for s in stilar)
    toc, kropp, efter_del = [], [], False
    for nr, post in enumerate(poster):
        klass = "del" if post.sida is None else f"niva-{post.niva}"
        toc.append(f'<li class="{klass}"><a href="#{_ankare(nr)}"><span class="titel">{_esc(post.titel)}'
                   f'</span><span class="sidnr">{_sidnr(sidnr_i_pdf, _ankare(nr))}</span></a></li>')
        if post.sida is None:
            kropp.append(f'<h1 class="utskrift-del" id="{_ankare(nr)}">{_esc(post.titel)}</h1>')
            efter_del = True
            continue
        artikel = _sidans_artikel(html, post, nr, sidnummer, forskjutning=post.niva)
        klass = "utskrift-sida efter-del" if efter_del else "utskrift-sida"
        kropp.append(f'<section class="{klass}" id="{_ankare(nr)}">{artikel.decode_contents()}</section>')
        efter_del = False
    idag = date.today()
    return f"""<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<title>Trygga platser – en handbok, version {ver}</title>
{lankar}
<style>{UTSKRIFTSSTIL.read_text(encoding="utf-8")}</style>
</head>
<body>
<div class="utskrift-titelsida">
<h1>Trygga platser – en handbok</h1>
<p>Version {ver}</p>
<p>Utskriven {idag.day} {_MANADER[idag.month - 1]} {idag.year}</p>
<p>Handboksprojektet Trygga platser. Text och figurer: CC BY 4.0. Kod: MIT.</p>
</div>
<nav class="utskrift-innehall" aria-label="Innehåll">
<h1>Innehåll</h1>
<ol>
{chr(10).join(toc)}
</ol>
</nav>
{chr(10).join(kropp)}
</body>
</html>
"""


def _esc(text: str) -> str:
    from html import escape

    return escape(text)


def _sidnr(sidnr_i_pdf: dict[str, int] | None, ankare: str) -> str:
    # Första utskriften har platshållare med samma bredd, så att sidbrytningarna blir desamma.
    if sidnr_i_pdf is None:
        return "000"
    return str(sidnr_i_pdf.get(ankare, ""))


# --- PDF ------------------------------------------------------------------------------


def skriv_pdf(html_fil: Path, pdf: Path, ver: str, chromium: str) -> None:
    """Skriv ut HTML-filen som A4-PDF med sidnummer i sidfoten och bokmärken från rubrikerna."""
    from playwright.sync_api import sync_playwright

    fot = (
        '<div style="font-family: DejaVu Sans, sans-serif; font-size: 8pt; width: 100%; '
        'margin: 0 16mm; display: flex; justify-content: space-between; color: #333;">'
        f"<span>Trygga platser – en handbok, version {ver}</span>"
        '<span>Sida <span class="pageNumber"></span> av <span class="totalPages"></span></span></div>'
    )
    with sync_playwright() as pw:
        webblasare = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGGOR)
        try:
            flik = webblasare.new_page()
            flik.goto(html_fil.resolve().as_uri(), wait_until="load", timeout=300_000)
            flik.pdf(path=str(pdf), format="A4", print_background=True, display_header_footer=True,
                     header_template="<span></span>", footer_template=fot, outline=True, tagged=True,
                     margin={"top": "18mm", "bottom": "20mm", "left": "16mm", "right": "16mm"})
        finally:
            webblasare.close()


def sidnummer_for_ankare(pdf: Path) -> dict[str, int]:
    """Sidnumret (från 1) för varje namngivet mål i PDF-filen, alltså varje länkat ankare."""
    from pypdf import PdfReader

    lasare = PdfReader(pdf)
    return {str(namn).lstrip("/"): lasare.get_destination_page_number(mal) + 1
            for namn, mal in lasare.named_destinations.items()}


def gor_pdf(html: Path, pdf: Path, ver: str, chromium: str | None = None) -> Path:
    """Hela handboken som PDF ur den byggda webbplatsen ``html``."""
    chromium = chromium or hitta_chromium()
    poster = innehall(html)
    with tempfile.TemporaryDirectory(prefix="utgava-pdf-") as tmp:
        samlad = Path(tmp, "handbok.html")
        samlad.write_text(samlad_html(html, poster, ver), encoding="utf-8")
        forsta = Path(tmp, "forsta.pdf")
        skriv_pdf(samlad, forsta, ver, chromium)
        samlad.write_text(samlad_html(html, poster, ver, sidnummer_for_ankare(forsta)), encoding="utf-8")
        pdf.parent.mkdir(parents=True, exist_ok=True)
        skriv_pdf(samlad, pdf, ver, chromium)
    return pdf


# --- Paket, mallar och manifest -------------------------------------------------------


def zippa_webbplatsen(html: Path, utfil: Path, ver: str) -> Path:
    topp = f"trygga-platser-{ver}"
    with zipfile.ZipFile(utfil, "w", compression=zipfile.ZIP_DEFLATED) as paket:
        for fil in sorted(p for p in html.rglob("*") if p.is_file()):
            paket.write(fil, f"{topp}/{fil.relative_to(html).as_posix()}")
    return utfil


def skriv_mallar(mapp: Path) -> list[Path]:
    from tryggaplatser.mallar import skriv_alla

    mapp.mkdir(parents=True, exist_ok=True)
    return skriv_alla(mapp)


def sha256(fil: Path) -> str:
    summa = hashlib.sha256()
    with open(fil, "rb") as f:
        for bit in iter(lambda: f.read(1 << 20), b""):
            summa.update(bit)
    return summa.hexdigest()


def _storlek(fil: Path) -> str:
    kb = fil.stat().st_size / 1024
    return f"{kb / 1024:.1f} MB".replace(".", ",") if kb >= 1024 else f"{kb:.0f} kB"


def skriv_lasmig(mapp: Path, ver: str, filer: list[Path]) -> Path:
    namn = filnamn(ver)
    beskrivning = {
        namn["webbplats"]: "Webbplatsen. Packa upp och lägg mappen på en webbserver, eller öppna index.html.",
        namn["pdf"]: "Hela handboken som PDF i A4, med innehållsförteckning och sidnummer.",
        namn["workshop"]: "Workshoppaketet: webbplatsen, notebooks, övningar, data och miljön.",
    }
    rader = [f"# Trygga platser – en handbok, version {ver}", "",
             "Filerna i den här versionen. Kontrollera dem med `sha256sum -c SHA256SUMS`.", "",
             "| Fil | Storlek | Vad den är |", "| --- | --- | --- |"]
    for fil in filer:
        rel = fil.relative_to(mapp).as_posix()
        text = beskrivning.get(rel, "Mall att fylla i." if rel.startswith("mallar/") else "")
        rader.append(f"| `{rel}` | {_storlek(fil)} | {text} |")
    rader += ["", "Hur kommunen lägger upp webbplatsen står i handboken, på sidan "
              "*Lägga upp handboken på egen webbplats*.", ""]
    lasmig = mapp / "LASMIG.md"
    lasmig.write_text("\n".join(rader), encoding="utf-8")
    return lasmig


def skriv_manifest(mapp: Path, filer: list[Path]) -> Path:
    """SHA256SUMS i sha256sums format: summa, två mellanslag, sökväg relativt till mappen."""
    rader = [f"{sha256(f)}  {f.relative_to(mapp).as_posix()}\n" for f in sorted(filer)]
    manifest = mapp / "SHA256SUMS"
    manifest.write_text("".join(rader), encoding="utf-8")
    return manifest


def gor_utgava(utmapp: Path = UTMAPP, webbplats: Path | None = None) -> Path:
    """Gör alla filer för den aktuella versionen i ``utmapp/<version>/`` och ge mappen tillbaka."""
    ver = version()
    mapp = Path(utmapp) / ver
    if mapp.exists():
        shutil.rmtree(mapp)
    mapp.mkdir(parents=True)
    namn = filnamn(ver)
    with tempfile.TemporaryDirectory(prefix="utgava-") as tmp:
        if webbplats is None:
            print("Bygger webbplatsen …", flush=True)
            webbplats = gor_workshop.bygg_webbplatsen(Path(tmp))
        webbplats = Path(webbplats)
        print("Skriver PDF-filen …", flush=True)
        gor_pdf(webbplats, mapp / namn["pdf"], ver)
        print("Packar webbplatsen och workshoppaketet …", flush=True)
        zippa_webbplatsen(webbplats, mapp / namn["webbplats"], ver)
        gor_workshop.gor_workshop(mapp / namn["workshop"], webbplats)
    mallar = skriv_mallar(mapp / "mallar")
    filer = [mapp / namn["webbplats"], mapp / namn["pdf"], mapp / namn["workshop"], *sorted(mallar)]
    filer.append(skriv_lasmig(mapp, ver, filer))
    skriv_manifest(mapp, filer)
    return mapp


def main(argv: list[str] | None = None) -> int:
    tolk = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], add_help=False)
    tolk.add_argument("-h", "--hjalp", action="help", help="visa den här hjälpen")
    tolk.add_argument("--utmapp", type=Path, default=UTMAPP, help="mappen som versionens mapp skapas i")
    tolk.add_argument("--webbplats", type=Path, help="en redan byggd handbok, till exempel _build/html")
    argument = tolk.parse_args(argv)
    mapp = gor_utgava(argument.utmapp, argument.webbplats)
    print(f"Klart: {mapp}")
    print(f"Kontrollera: (cd {mapp} && sha256sum -c SHA256SUMS)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
