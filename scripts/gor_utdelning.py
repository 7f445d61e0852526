"""Gör utskrifterna till en workshop: övningsblad och självtest, och ett facit för kursledaren.

Användning: ``make utdelning``, eller
``python scripts/gor_utdelning.py [--utmapp _build/utdelning]``.

Två PDF-filer i A4 skapas i utmappen (som git inte ser):

- ``ovningsblad-och-sjalvtest.pdf`` för deltagarna: uppgifterna ur varje
  ``exercises/NN-namn/ovningar.ipynb`` (textcellerna) och självtestens frågor utan svar;
- ``facit-for-kursledaren.pdf``: lösningarna ur ``losningar.ipynb`` med kontrollens svar
  för Mellanstad, och självtestens rätta svar med förklaringar.

Sidorna skrivs först som HTML och skrivs sedan ut med Chromium utan fönster
(``--print-to-pdf``). Chromium hittas i sökvägen eller i miljövariabeln ``CHROMIUM``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from html import escape
from pathlib import Path

import nbformat
from markdown_it import MarkdownIt

ROT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROT / "book" / "_ext"))

from sjalvtest import Sjalvtest, las_sjalvtest  # noqa: E402

OVNINGAR = ROT / "exercises"
SJALVTEST = ROT / "book" / "sjalvtest"
UTMAPP = ROT / "_build" / "utdelning"
DELTAGARE = "ovningsblad-och-sjalvtest"
FACIT = "facit-for-kursledaren"
SLUT_PA_SVARET = "# --- slut på svaret ---"
LOSNINGSTAGG = "losning"

_MD = MarkdownIt("commonmark").enable("table")
#: En MyST-roll: {doc}`text <mål>` eller {term}`ord`.
_ROLL = re.compile(r"\{[\w:-]+\}`([^`<]*?)(?:\s*<[^`>]*>)?`")
#: Början eller slutet av ett MyST-direktiv (``` eller :::), och dess inställningar (:class: ...).
_DIREKTIV_START = re.compile(r"^(`{3,}|:{3,})\{[\w-]+\}\s*(.*)$")
_DIREKTIV_SLUT = re.compile(r"^(`{3,}|:{3,})\s*$")
_INSTALLNING = re.compile(r"^:[\w-]+:")

CSS = """
@page { size: A4; margin: 18mm 16mm 18mm 16mm; }
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt;
       line-height: 1.4; color: #000; }
h1 { font-size: 18pt; margin: 0 0 6mm; }
h2 { font-size: 13.5pt; margin: 6mm 0 2mm; break-after: avoid; }
h3 { font-size: 11.5pt; margin: 4mm 0 1.5mm; break-after: avoid; }
section.del { break-before: page; }
section.del:first-of-type { break-before: auto; }
.uppgift, .fraga { break-inside: avoid; }
pre { white-space: pre-wrap; font-size: 9pt; background: #f2f2f2; padding: 2mm; border: 0.3mm solid #999; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 9.5pt; }
ol.alternativ { list-style: upper-alpha; }
.svarsrad { border-bottom: 0.3mm solid #000; display: inline-block; width: 40mm; height: 5mm; }
.anteckningar { height: 28mm; border: 0.3mm dashed #888; margin: 2mm 0 4mm; }
.anteckningar::before { content: "Anteckningar"; font-size: 8pt; color: #555; padding: 1mm; }
p.forklaring { margin-top: 1mm; }
.ratt { font-weight: bold; }
table { border-collapse: collapse; } td, th { border: 0.3mm solid #999; padding: 1mm 2mm; }
.fot { font-size: 8.5pt; color: #333; }
"""


@dataclass
class Uppgift:
    rubrik: str
    text_html: str
    losning: list[str]
    kontrollsvar: list[str]


@dataclass
class Ovningsset:
    mapp: str
    titel: str
    inledning_html: str
    uppgifter: list[Uppgift]


def _utan_myst(text: str) -> str:
    """Markdown utan MyST-roller och direktivens rader (innehållet blir kvar)."""
    text = _ROLL.sub(lambda m: m.group(1).strip(), text)
    rader, i_direktiv = [], 0
    for rad in text.splitlines():
        if _DIREKTIV_START.match(rad):
            i_direktiv += 1
            rubrik = _DIREKTIV_START.match(rad).group(2).strip()
            if rubrik:
                rader.append(f"**{rubrik}**")
            continue
        if i_direktiv and _DIREKTIV_SLUT.match(rad):
            i_direktiv -= 1
            continue
        if i_direktiv and _INSTALLNING.match(rad):
            continue
        rader.append(rad)
    return "\n".join(rader)


def _html(markdown: str) -> str:
    return _MD.render(_utan_myst(markdown))


def _rubrik_och_resten(text: str) -> tuple[str, str]:
    forsta, _, resten = text.strip().partition("\n")
    return forsta.lstrip("#").strip(), resten


def _utdata(cell) -> list[str]:
    texter = []
    for utdata in cell.get("outputs", []):
        if utdata.get("output_type") == "stream" and utdata.get("name") == "stdout":
            texter.append("".join(utdata.get("text", "")).strip())
    return [t for t in texter if t]


def las_ovningsset(mapp: Path) -> Ovningsset:
    """Uppgifterna ur övningsfilen och lösningarna ur lösningsfilen i en mapp under exercises/."""
    ovning = nbformat.read(mapp / "ovningar.ipynb", as_version=4)
    losning = nbformat.read(mapp / "losningar.ipynb", as_version=4)
    titel, inledning, uppgifter = mapp.name, "", []
    for cell in ovning.cells:
        if cell.cell_type != "markdown":
            continue
        text = cell.source.strip()
        if text.startswith("# "):
            titel, resten = _rubrik_och_resten(text)
            inledning = _html(resten)
        elif text.startswith("## Uppgift"):
            rubrik, resten = _rubrik_och_resten(text)
            uppgifter.append(Uppgift(rubrik, _html(resten), [], []))
    # Lösningarna: kodceller efter varje uppgiftsrubrik i lösningsfilen.
    per_rubrik: dict[str, Uppgift] = {u.rubrik: u for u in uppgifter}
    aktuell = None
    for cell in losning.cells:
        if cell.cell_type == "markdown":
            text = cell.source.strip()
            if text.startswith("## "):
                aktuell = per_rubrik.get(_rubrik_och_resten(text)[0])
            continue
        if aktuell is None or cell.cell_type != "code":
            continue
        kallkod = cell.source
        if SLUT_PA_SVARET in kallkod:
            aktuell.losning.append(kallkod.split(SLUT_PA_SVARET)[0].rstrip())
            aktuell.kontrollsvar += _utdata(cell)
        elif LOSNINGSTAGG in cell.metadata.get("tags", []):
            aktuell.losning.append(kallkod.rstrip())
            aktuell.kontrollsvar += _utdata(cell)
    return Ovningsset(mapp.name, titel, inledning, uppgifter)


def alla_ovningsset() -> list[Ovningsset]:
    return [las_ovningsset(p.parent) for p in sorted(OVNINGAR.glob("*/ovningar.ipynb"))
            if (p.parent / "losningar.ipynb").is_file()]


def alla_sjalvtest() -> list[tuple[str, Sjalvtest]]:
    return [(p.stem, las_sjalvtest(p)) for p in sorted(SJALVTEST.glob("kap*.yml"))]


def _sida(titel: str, delar: list[str]) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(titel)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        + "\n".join(delar) + "\n</body>\n</html>\n"
    )


def _kapitelnummer(namn: str) -> str:
    siffror = re.match(r"\D*(\d+)", namn)
    return str(int(siffror.group(1))) if siffror else namn


def html_for_deltagare(ovningar: list[Ovningsset], tester: list[tuple[str, Sjalvtest]]) -> str:
    """Övningsbladen och självtesten, utan lösningar och utan svar."""
    delar = [
        '<section class="del"><h1>Trygga platser: övningar och självtest</h1>',
        "<p>Övningsbladen har uppgifterna ur handbokens övningsfiler. "
        "Du löser dem i filen <code>ovningar.ipynb</code> i kapitlets mapp under "
        "<code>exercises/</code>. Där säger en kontroll efter varje uppgift om svaret är rätt.</p>",
        "<p>Självtesten har frågor om kapitlen. Svara med ett kryss eller ett tal. "
        "Kursledaren har facit.</p>",
        '<p class="fot">Datan om exempelstaden Mellanstad är påhittad.</p></section>',
    ]
    for ovning in ovningar:
        delar.append(f'<section class="del"><h1>{escape(ovning.titel)}</h1>{ovning.inledning_html}')
        for uppgift in ovning.uppgifter:
            delar.append(f'<div class="uppgift"><h2>{escape(uppgift.rubrik)}</h2>{uppgift.text_html}'
                         '<div class="anteckningar"></div></div>')
        delar.append("</section>")
    for namn, test in tester:
        delar.append(f'<section class="del"><h1>Självtest, kapitel {_kapitelnummer(namn)}: '
                     f"{escape(test.titel)}</h1>")
        for nummer, fraga in enumerate(test.fragor, start=1):
            delar.append(f'<div class="fraga"><h2>Fråga {nummer}</h2><p>{escape(fraga.fraga)}</p>')
            if fraga.ar_tal:
                enhet = f" {escape(fraga.enhet)}" if fraga.enhet else ""
                delar.append(f'<p>Svar: <span class="svarsrad"></span>{enhet}</p>')
            else:
                delar.append('<ol class="alternativ">'
                             + "".join(f"<li>☐ {escape(a)}</li>" for a in fraga.alternativ) + "</ol>")
            delar.append("</div>")
        delar.append("</section>")
    return _sida("Trygga platser: övningar och självtest", delar)


def html_for_facit(ovningar: list[Ovningsset], tester: list[tuple[str, Sjalvtest]]) -> str:
    """Lösningarna till övningarna och självtestens rätta svar med förklaringar."""
    delar = [
        '<section class="del"><h1>Facit för kursledaren</h1>',
        "<p>Lösningarna är kod ur handbokens lösningsfiler (<code>losningar.ipynb</code>). "
        "Under varje lösning står vad kontrollen svarar för exempelstaden Mellanstad. "
        "Andra lösningar kan också vara rätt: kontrollen jämför svaret, inte koden.</p>",
        "<p>Självtestens rätta svar står med samma förklaring som läsaren får på webbplatsen.</p>",
        '<p class="fot">Datan om Mellanstad är påhittad. Facit är bara för kursledaren.</p></section>',
    ]
    for ovning in ovningar:
        titel = re.sub(r"^Övningar:", "Lösningar:", ovning.titel)
        if titel == ovning.titel:
            titel = f"Lösningar: {ovning.titel}"
        delar.append(f'<section class="del"><h1>{escape(titel)}</h1>')
        for uppgift in ovning.uppgifter:
            delar.append(f'<div class="uppgift"><h2>{escape(uppgift.rubrik)}</h2>')
            for kod in uppgift.losning:
                delar.append(f"<pre><code>{escape(kod)}</code></pre>")
            for svar in uppgift.kontrollsvar:
                delar.append(f"<p><strong>Kontrollen:</strong> {escape(svar)}</p>")
            if not uppgift.losning:
                delar.append("<p>Uppgiften är öppen och har ingen lösning i lösningsfilen.</p>")
            delar.append("</div>")
        delar.append("</section>")
    for namn, test in tester:
        delar.append(f'<section class="del"><h1>Facit: självtest, kapitel {_kapitelnummer(namn)}: '
                     f"{escape(test.titel)}</h1>")
        for nummer, fraga in enumerate(test.fragor, start=1):
            if fraga.ar_tal:
                svar = escape(fraga.ratt_svar())
            else:
                svar = f"{'ABCDEFGH'[fraga.ratt - 1]}. {escape(fraga.ratt_svar())}"
            delar.append(
                f'<div class="fraga"><h2>Fråga {nummer}</h2><p>{escape(fraga.fraga)}</p>'
                f'<p class="ratt">Rätt svar: {svar}</p>'
                f'<p class="forklaring">{escape(fraga.forklaring)}</p></div>')
        delar.append("</section>")
    return _sida("Trygga platser: facit för kursledaren", delar)


def chromium() -> str:
    sokvag = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not sokvag:
        raise SystemExit(
            "Hittar inte Chromium. Installera det (Debian och Ubuntu: apt install chromium) "
            "eller ange sökvägen i miljövariabeln CHROMIUM.")
    return sokvag


def skriv_ut(html: Path, pdf: Path) -> None:
    """Skriv ut en HTML-fil till PDF med Chromium utan fönster."""
    with tempfile.TemporaryDirectory() as profil:
        kommando = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={profil}", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", html.resolve().as_uri()]
        resultat = subprocess.run(kommando, capture_output=True, text=True, timeout=180)
    if resultat.returncode != 0 or not pdf.is_file():
        raise SystemExit(f"Chromium kunde inte skriva {pdf}:\n{resultat.stderr[-2000:]}")


def gor_utdelning(utmapp: Path = UTMAPP) -> tuple[Path, Path]:
    """Skriv deltagarnas PDF och kursledarens facit i ``utmapp``. Ger sökvägarna tillbaka."""
    utmapp.mkdir(parents=True, exist_ok=True)
    ovningar, tester = alla_ovningsset(), alla_sjalvtest()
    if not ovningar and not tester:
        raise SystemExit("Hittar varken övningar i exercises/ eller självtest i book/sjalvtest/.")
    resultat = []
    for namn, html in ((DELTAGARE, html_for_deltagare(ovningar, tester)),
                       (FACIT, html_for_facit(ovningar, tester))):
        htmlfil, pdf = utmapp / f"{namn}.html", utmapp / f"{namn}.pdf"
        htmlfil.write_text(html, encoding="utf-8")
        pdf.unlink(missing_ok=True)
        skriv_ut(htmlfil, pdf)
        resultat.append(pdf)
    return resultat[0], resultat[1]


def main(argv: list[str] | None = None) -> int:
    tolk = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], add_help=False)
    tolk.add_argument("-h", "--hjalp", action="help", help="visa den här hjälpen")
    tolk.add_argument("--utmapp", type=Path, default=UTMAPP, help=f"mappen för PDF-filerna ({UTMAPP.name})")
    argument = tolk.parse_args(argv)
    deltagare, facit = gor_utdelning(argument.utmapp)
    print(f"Klart: {deltagare}\n       {facit} (bara för kursledaren)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
