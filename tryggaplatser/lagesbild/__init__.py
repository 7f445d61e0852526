"""Lägesbilden: ``python -m tryggaplatser lagesbild MAPP``.

Kommandot gör en rapport om en plats (en mapp från ``ny-plats``, eller
``mellanstad``) med handbokens analyser från kapitel 4 och 5:

- ``lagesbild.html``: hela rapporten i en fil, med bilderna inbäddade och
  ingenting som hämtas utifrån;
- ``lagesbild.pdf``: samma rapport som A4, utskriven av en Chromium utan fönster;
- ``figurer/*.png`` och ``tabeller/*.xlsx``: diagrammen och tabellerna var för sig.

Talen räknas i :mod:`tryggaplatser.lagesbild.berakning` med samma funktioner som
kapitlen använder. Rapportens rubriker och text står i en Jinja-mall,
``mall.html.j2``, som en kommun kan kopiera och ändra (``--mall FIL``).

Slutkoder: 0 när allt är skrivet, 2 när platsen eller ett val inte går att
använda, 3 vid ett oväntat fel och 4 när HTML-filen, diagrammen och tabellerna
är skrivna men PDF:en saknas (ingen Chromium hittades eller utskriften misslyckades).
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tryggaplatser.kommandorad import SLUTKOD_FILFEL, SLUTKOD_OK, underkommando

#: Slutkoden när rapporten är skriven men PDF:en saknas.
SLUTKOD_UTAN_PDF = 4
#: Mallen som följer med handboken.
MALL = Path(__file__).with_name("mall.html.j2")
#: Handboken har ingen publicerad adress ännu. Därför pekar länkarna som standard på den
#: byggda handboken på den här datorn (``make book`` bygger den till _build/html/).
STANDARD_HANDBOK_URL = (Path(__file__).resolve().parents[2] / "_build" / "html").as_uri() + "/"
#: Webbläsarna som kan skriva ut PDF:en, i den ordning de prövas.
WEBBLASARE = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "msedge")

#: Handbokens sidor som förklarar varje del av rapporten (sökvägar under handbokens adress).
SIDOR = {
    "lagen": "chapters/03-kommunernas-ansvar/index.html",
    "indikator": "chapters/04-matta-trygghet/fran-svar-till-indikator.html",
    "grupper": "chapters/04-matta-trygghet/grupper.html",
    "trender": "chapters/04-matta-trygghet/trender.html",
    "tid": "chapters/05-brottsligheten-pa-platsen/tid.html",
    "koncentration": "chapters/05-brottsligheten-pa-platsen/koncentration.html",
    "hot_spots": "chapters/05-brottsligheten-pa-platsen/hot-spots.html",
    "per_besokare": "chapters/05-brottsligheten-pa-platsen/per-besokare.html",
    "kartlaggning": "chapters/06-kartlaggning-av-platsen/index.html",
    "besiktning": "chapters/06-kartlaggning-av-platsen/trygghetsbesiktning.html",
    "vandring": "chapters/06-kartlaggning-av-platsen/trygghetsvandring.html",
    "hamta_data": "book/din-egen-plats/hamta-data.html",
    "enkatmall": "book/din-egen-plats/enkatmall.html",
    "gdpr": "book/din-egen-plats/gdpr-och-sekretess.html",
    "lagesbild": "book/din-egen-plats/lagesbild.html",
}


def hitta_webblasare() -> str | None:
    """Sökvägen till en Chromium-webbläsare (miljövariabeln CHROMIUM går före), eller None."""
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"]
    for namn in WEBBLASARE:
        sokvag = shutil.which(namn)
        if sokvag:
            return sokvag
    return None


def skriv_pdf(html: Path, pdf: Path, webblasare: str) -> str | None:
    """Skriv ut HTML-filen som PDF med Chromium utan fönster. Returnerar ett felmeddelande eller None."""
    with tempfile.TemporaryDirectory(prefix="lagesbild-chromium-") as profil:
        kommando = [
            webblasare,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profil}",
            "--no-pdf-header-footer",
            "--print-to-pdf-no-header",
            f"--print-to-pdf={pdf}",
            html.resolve().as_uri(),
        ]
        try:
            ut = subprocess.run(kommando, capture_output=True, text=True, timeout=120)
        except (OSError, subprocess.TimeoutExpired) as fel:
            return f"{type(fel).__name__}: {fel}"
    if not pdf.is_file() or pdf.stat().st_size == 0:
        return (ut.stderr.strip().splitlines() or ["okänt fel"])[-1]
    return None


def _data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def _skriv_tabeller(tabeller: dict, mapp: Path) -> list[str]:
    import pandas as pd

    mapp.mkdir(parents=True, exist_ok=True)
    namn = []
    for fil, (rubrik, tabell) in tabeller.items():
        sokvag = mapp / f"{fil}.xlsx"
        with pd.ExcelWriter(sokvag, engine="openpyxl") as skrivare:
            tabell.to_excel(skrivare, index=False, sheet_name="Tabell", startrow=1)
            blad = skrivare.sheets["Tabell"]
            blad["A1"] = rubrik
            for kolumn in blad.columns:
                bredd = max(len(str(c.value or "")) for c in kolumn[1:]) if len(kolumn) > 1 else 10
                blad.column_dimensions[kolumn[0].column_letter].width = min(max(bredd + 2, 10), 60)
        namn.append(sokvag.name)
    return namn


def skapa_lagesbild(
    plats,
    ut: Path,
    ar: int | None = None,
    handbok_url: str = STANDARD_HANDBOK_URL,
    mall: Path | None = None,
    pdf: bool = True,
    skriv=print,
) -> dict:
    """Gör lägesbilden för en plats och skriv filerna i mappen ``ut``.

    Parametrar
    ----------
    plats : Plats, str eller Path
        Platsen (en mapp med ``plats.yml`` eller ``"mellanstad"``).
    ut : Path
        Mappen som filerna skrivs till. Den skapas om den saknas.
    ar : int, valfri
        Året som rapporten gäller. Utan år: platsens analysår.
    handbok_url : str
        Handbokens adress, som länkarna från rapporten börjar med.
    mall : Path, valfri
        En egen Jinja-mall i stället för ``mall.html.j2``.
    pdf : bool
        Skriv också en PDF (kräver Chromium).
    skriv : funktion
        Tar emot en rad om varje steg (standard: ``print``).

    Returnerar
    ----------
    dict
        ``html``, ``pdf`` (sökväg eller None), ``pdf_fel``, ``figurer``, ``tabeller``,
        ``sekunder`` och ``varden`` (talen som mallen fick).
    """
    import jinja2

    import tryggaplatser as tp
    from tryggaplatser.lagesbild import berakning, figurer

    start = time.perf_counter()
    steg = 6 if pdf else 5
    skriv(f"[1/{steg}] Läser platsen och räknar kontrollsummor för filerna …")
    plats = tp.las_plats(plats)
    ar = plats.analysar if ar is None else ar
    mallfil = Path(mall) if mall is not None else MALL
    if not mallfil.is_file():
        raise tp.PlatsFel(f"Mallen {mallfil} finns inte. Ange en befintlig fil med --mall.")
    summor = berakning.kontrollsummor(plats.mapp)

    skriv(f"[2/{steg}] Räknar enkätens andelar, brotten, rutnätet och hot spots för {ar} …")
    underlag = berakning.berakna(plats, ar)

    skriv(f"[3/{steg}] Ritar diagrammen …")
    bilder = figurer.rita_alla(underlag.figurdata, ar)
    ut = Path(ut)
    (ut / "figurer").mkdir(parents=True, exist_ok=True)
    for namn, png in bilder.items():
        (ut / "figurer" / f"{namn}.png").write_bytes(png)

    skriv(f"[4/{steg}] Skriver tabellerna som Excelfiler …")
    tabellfiler = _skriv_tabeller(underlag.tabeller, ut / "tabeller")

    skriv(f"[5/{steg}] Fyller i mallen {mallfil.name} och skriver HTML-filen …")
    bas = handbok_url if handbok_url.endswith("/") else handbok_url + "/"
    miljo = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(mallfil.parent)),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        undefined=jinja2.StrictUndefined,
        lstrip_blocks=True,
    )
    miljo.filters["lista"] = berakning.lista
    idag = dt.date.today()
    varden = {
        **underlag.varden,
        "plats": plats,
        "ar": ar,
        "version": tp.__version__,
        "datum": tp.formatera_datum(idag),
        "datum_lang": tp.formatera_datum(idag, "lang"),
        "kontrollsummor": summor,
        "bilder": {n: _data_uri(p) for n, p in bilder.items()},
        "lank": {nyckel: bas + sida for nyckel, sida in SIDOR.items()},
        "handbok_url": bas,
        "standard_url": bas == STANDARD_HANDBOK_URL,
        "tabellfiler": tabellfiler,
    }
    html = miljo.get_template(mallfil.name).render(**varden)
    htmlfil = ut / "lagesbild.html"
    htmlfil.write_text(html, encoding="utf-8")

    pdffil, pdf_fel = None, None
    if pdf:
        skriv(f"[6/{steg}] Skriver ut PDF:en (A4) med Chromium …")
        webblasare = hitta_webblasare()
        if webblasare is None:
            pdf_fel = "ingen Chromium hittades"
        else:
            pdffil = ut / "lagesbild.pdf"
            pdf_fel = skriv_pdf(htmlfil, pdffil, webblasare)
            if pdf_fel:
                pdffil = None
    return {
        "html": htmlfil,
        "pdf": pdffil,
        "pdf_fel": pdf_fel,
        "figurer": sorted(bilder),
        "tabeller": tabellfiler,
        "sekunder": time.perf_counter() - start,
        "varden": varden,
    }


def kor_kommando(args: argparse.Namespace) -> int:
    """Kör ``lagesbild`` från kommandoraden."""
    import jinja2

    import tryggaplatser as tp

    try:
        resultat = skapa_lagesbild(
            args.mapp,
            Path(args.ut),
            ar=args.ar,
            handbok_url=args.handbok_url,
            mall=args.mall,
            pdf=not args.utan_pdf,
            skriv=lambda rad: print(rad, flush=True),
        )
    except (tp.PlatsFel, FileNotFoundError) as fel:
        print(f"Lägesbilden kunde inte göras. {fel}", file=sys.stderr)
        return SLUTKOD_FILFEL
    except jinja2.TemplateError as fel:
        print(f"Mallen går inte att använda: {fel}", file=sys.stderr)
        return SLUTKOD_FILFEL
    print(f"Klart på {tp.formatera_tal(resultat['sekunder'], 1)} sekunder.")
    print(f"Rapporten: {resultat['html']}")
    print(f"Diagram: {len(resultat['figurer'])} i {resultat['html'].parent / 'figurer'}")
    print(f"Tabeller: {len(resultat['tabeller'])} i {resultat['html'].parent / 'tabeller'}")
    if args.utan_pdf:
        return SLUTKOD_OK
    if resultat["pdf"] is None:
        print(
            f"PDF:en kunde inte skrivas ({resultat['pdf_fel']}). HTML-filen, diagrammen och tabellerna "
            "är klara. Installera Chromium (Debian och Ubuntu: apt-get install chromium) och kör "
            "kommandot igen, eller öppna HTML-filen i en webbläsare och välj Skriv ut, A4, "
            "Spara som PDF.",
            file=sys.stderr,
        )
        return SLUTKOD_UTAN_PDF
    print(f"PDF: {resultat['pdf']}")
    return SLUTKOD_OK


def lagg_till_kommando(under) -> None:
    """Lägg till ``lagesbild`` bland kommandoradens underkommandon."""
    k = underkommando(
        under,
        "lagesbild",
        "gör en lägesbild (HTML, PDF, diagram och tabeller) för en plats",
        "Gör en rapport om platsen med handbokens analyser av trygghetsenkäten och de anmälda "
        "brotten, och med besiktningen och trygghetsvandringen om platsen har dem. Rapporten "
        "skrivs som en HTML-fil och en PDF (A4), och diagrammen och tabellerna skrivs var för "
        "sig (PNG och Excel). Slutkod 0: allt skrivet. 2: platsen eller ett val går inte att "
        "använda. 4: allt utom PDF:en skrivet (ingen Chromium).",
    )
    k.add_argument("mapp", metavar="MAPP", help="platsens mapp (från ny-plats) eller mellanstad")
    k.add_argument(
        "--ut",
        metavar="UTMAPP",
        default="lagesbild",
        help="mappen som rapporten skrivs till (standard: lagesbild i den aktuella mappen)",
    )
    k.add_argument(
        "--ar",
        metavar="ÅR",
        type=int,
        default=None,
        help="året som rapporten gäller (standard: analysåret i platsens plats.yml)",
    )
    k.add_argument(
        "--handbok-url",
        metavar="URL",
        default=STANDARD_HANDBOK_URL,
        help="handbokens adress, som länkarna i rapporten börjar med (standard: den byggda "
        "handboken på den här datorn, _build/html; handboken har ingen publicerad adress ännu)",
    )
    k.add_argument(
        "--mall",
        metavar="FIL",
        default=None,
        help="en egen Jinja-mall (kopiera tryggaplatser/lagesbild/mall.html.j2 och ändra den)",
    )
    k.add_argument("--utan-pdf", action="store_true", help="skriv ingen PDF")
    k.set_defaults(kor=kor_kommando)
