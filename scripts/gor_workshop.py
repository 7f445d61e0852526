"""Gör workshoppaketet: en zip-fil med allt som en workshop behöver.

Användning: ``make workshop``, eller
``python scripts/gor_workshop.py [--utfil _build/trygga-platser-workshop.zip] [--webbplats _build/html]``.

Paketet har en mapp, ``trygga-platser-workshop/``, med

- ``LASMIG.txt`` och ``START.html``: hur man börjar, på svenska;
- ``webbplats/``: den byggda handboken, som öppnas direkt från filsystemet
  (``webbplats/index.html``; bara sökningen behöver en webbserver);
- ``chapters/`` och ``exercises/``: kapitlens och övningarnas notebooks;
- ``data/``: datan, med README-filer och scheman;
- ``tryggaplatser/``, ``pyproject.toml`` och ``requirements.txt``: paketet och den
  låsta miljön, så att notebooks går att köra efter ``pip install``.

Mapparna ligger på samma sätt som i projektet, så att paketet hittar datan.
I en git-arbetskopia följer bara filer med som git följer (inga egna data som inte är incheckade).
Utan ``--webbplats`` byggs handboken först, strikt, i en tillfällig mapp.
Funktionen :func:`gor_workshop` tar en utfil och kan anropas av andra kommandon.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROT = Path(__file__).resolve().parent.parent
UTFIL = ROT / "_build" / "trygga-platser-workshop.zip"
TOPPMAPP = "trygga-platser-workshop"
#: Filer i projektets rot som följer med.
ROTFILER = ("requirements.txt", "pyproject.toml", "LICENSE")
#: Mappar vars filer följer med (utom cacheminnen och kontrollpunkter).
MAPPAR = ("chapters", "exercises", "data", "tryggaplatser")
_HOPPA_OVER = {"__pycache__", ".ipynb_checkpoints", ".pytest_cache", ".jupyter_cache"}


def _version() -> str:
    sys.path.insert(0, str(ROT))
    from tryggaplatser import __version__

    return __version__


def lasmig(version: str) -> str:
    """Startinstruktionen i ``LASMIG.txt`` (svenska, vanlig text)."""
    return f"""Trygga platser – en handbok: workshoppaket
===========================================

Handbokens version: {version}.
Datan om exempelstaden Mellanstad är påhittad.


1. Läsa handboken
-----------------

Öppna filen START.html, eller webbplats/index.html, i en webbläsare.
Handboken fungerar utan internet.
Bara sökfunktionen behöver en webbserver. Vill du söka, kör det här i den här mappen
(när Python är installerat, se steg 2) och gå till http://127.0.0.1:8000 i webbläsaren:

    python -m http.server --directory webbplats 8000

Självtesten finns i handboken under Övningar, Självtest. De kräver ingen installation.


2. Köra övningarna
------------------

Du behöver Python 3.11 eller senare. Skriv kommandona i den här mappen,
där filen requirements.txt ligger. Installationen tar några minuter.

Windows (PowerShell):

    py -3.11 -m venv .venv
    .venv\\Scripts\\pip install -r requirements.txt
    .venv\\Scripts\\pip install --no-deps -e .
    .venv\\Scripts\\pip install jupyterlab
    .venv\\Scripts\\jupyter-lab

macOS och Linux (Terminal):

    python3 -m venv .venv
    .venv/bin/pip install -r requirements.txt
    .venv/bin/pip install --no-deps -e .
    .venv/bin/pip install jupyterlab
    .venv/bin/jupyter-lab

JupyterLab öppnas i webbläsaren. Öppna exercises/02-vad-ar-trygghet/ovningar.ipynb
och kör cellerna uppifrån och ned. Efter varje uppgift säger en kontroll
"Rätt!" eller "Inte än".

Sidan Kom igång i handboken (webbplats/book/kom-igang.html) beskriver varje steg,
VS Code i stället för JupyterLab och vad du gör när något går fel.


3. Vad finns här?
-----------------

START.html        börja här: länkar till handboken
webbplats/        handboken som webbplats
chapters/         kapitlens beräkningssidor som notebooks
exercises/        övningar (ovningar.ipynb) och lösningar (losningar.ipynb)
data/             datan, med en README-fil i varje mapp
tryggaplatser/    handbokens Python-paket, som notebooks använder
requirements.txt  den låsta miljön: exakt vilka paketversioner som används
pyproject.toml    beskrivningen av paketet, för pip install -e .


Licenser: text och figurer CC BY 4.0, kod MIT, exempeldatan om Mellanstad CC0.
Riktiga öppna data har sina egna villkor i respektive datamapp.
"""


def start_html(version: str) -> str:
    """En startsida som länkar till handboken och säger vad paketet innehåller."""
    return f"""<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<title>Trygga platser – workshoppaket</title>
<style>body {{ font-family: sans-serif; max-width: 40rem; margin: 2rem auto; line-height: 1.5; }}</style>
</head>
<body>
<main>
<h1>Trygga platser – workshoppaket</h1>
<p>Handbokens version: {version}. Datan om exempelstaden Mellanstad är påhittad.</p>
<ul>
<li><a href="webbplats/book/index.html">Öppna handboken</a></li>
<li><a href="webbplats/book/sjalvtest/index.html">Självtest</a>: frågor om kapitlen, utan installation</li>
<li><a href="webbplats/book/kom-igang.html">Kom igång</a>: installera Python och kör övningarna</li>
<li><a href="webbplats/book/for-kursledare/index.html">För kursledare</a></li>
</ul>
<p>Handboken fungerar utan internet. Bara sökningen behöver en webbserver; se LASMIG.txt.</p>
</main>
</body>
</html>
"""


def _sparade_filer() -> set[Path] | None:
    """Filerna som git följer, eller None utanför en git-arbetskopia.

    Bara de följer med i paketet: en egen plats med riktiga data i data/, som
    inte är incheckad, ska aldrig hamna i en zip-fil som delas ut.
    """
    try:
        svar = subprocess.run(["git", "ls-files", "-z"], cwd=ROT, capture_output=True, text=True)
    except FileNotFoundError:
        return None
    if svar.returncode != 0:
        return None
    return {ROT / namn for namn in svar.stdout.split("\0") if namn}


def _filer(mapp: Path, sparade: set[Path] | None):
    for fil in sorted(mapp.rglob("*")):
        if not fil.is_file() or _HOPPA_OVER & set(fil.relative_to(ROT).parts):
            continue
        if sparade is None or fil in sparade:
            yield fil


def bygg_webbplatsen(utmapp: Path) -> Path:
    """Bygg handboken strikt till ``utmapp``; ger mappen med HTML-filerna."""
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    kommando = [str(jupyter_book), "build", str(ROT), "--all", "--warningiserror", "--nitpick",
                "--keep-going", "--path-output", str(utmapp)]
    resultat = subprocess.run(kommando, cwd=ROT, capture_output=True, text=True)
    if resultat.returncode != 0:
        logg = resultat.stdout[-3000:] + resultat.stderr[-3000:]
        raise SystemExit(f"Bygget av handboken misslyckades:\n{logg}")
    return utmapp / "_build" / "html"


def gor_workshop(utfil: Path = UTFIL, webbplats: Path | None = None) -> Path:
    """Skriv workshoppaketet till ``utfil`` (en zip-fil) och ge sökvägen tillbaka.

    ``webbplats`` är en redan byggd handbok (mappen med ``index.html``). Utan den
    byggs handboken först i en tillfällig mapp.
    """
    utfil = Path(utfil)
    with tempfile.TemporaryDirectory() as tillfallig:
        if webbplats is None:
            webbplats = bygg_webbplatsen(Path(tillfallig))
        webbplats = Path(webbplats)
        if not (webbplats / "index.html").is_file() or not (webbplats / "book" / "index.html").is_file():
            raise SystemExit(f"{webbplats} är ingen byggd handbok (index.html och book/index.html saknas).")
        version = _version()
        utfil.parent.mkdir(parents=True, exist_ok=True)
        halvfardig = utfil.with_name(utfil.name + ".tmp")
        with zipfile.ZipFile(halvfardig, "w", compression=zipfile.ZIP_DEFLATED) as paket:
            paket.writestr(f"{TOPPMAPP}/LASMIG.txt", lasmig(version).replace("\n", "\r\n"))
            paket.writestr(f"{TOPPMAPP}/START.html", start_html(version))
            for fil in sorted(p for p in webbplats.rglob("*") if p.is_file()):
                paket.write(fil, f"{TOPPMAPP}/webbplats/{fil.relative_to(webbplats).as_posix()}")
            for namn in ROTFILER:
                if (ROT / namn).is_file():
                    paket.write(ROT / namn, f"{TOPPMAPP}/{namn}")
            sparade = _sparade_filer()
            for mapp in MAPPAR:
                for fil in _filer(ROT / mapp, sparade):
                    paket.write(fil, f"{TOPPMAPP}/{fil.relative_to(ROT).as_posix()}")
        halvfardig.replace(utfil)
    return utfil


def main(argv: list[str] | None = None) -> int:
    tolk = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], add_help=False)
    tolk.add_argument("-h", "--hjalp", action="help", help="visa den här hjälpen")
    tolk.add_argument("--utfil", type=Path, default=UTFIL, help=f"zip-filen som skapas ({UTFIL.name})")
    tolk.add_argument("--webbplats", type=Path, help="en redan byggd handbok, till exempel _build/html")
    argument = tolk.parse_args(argv)
    utfil = gor_workshop(argument.utfil, argument.webbplats)
    storlek = utfil.stat().st_size / 1024 / 1024
    print(f"Klart: {utfil} ({f'{storlek:.1f}'.replace('.', ',')} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
