"""Gemensamma fixturer: ett strikt bygge av handboken per testkörning.

Med pytest-xdist (``make test`` kör ``-n auto --dist loadfile``) delar alla
arbetsprocesser samma bygge: den första som behöver det bygger, med ett
fillås, och de andra läser resultatet. Utan fillås (Windows utan WSL) bygger
varje arbetsprocess sitt eget.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

import pytest
from hypothesis import settings

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

# Tider får aldrig avgöra om ett test går igenom: ingen tidsgräns per exempel.
settings.register_profile("handbok", deadline=None)
settings.load_profile("handbok")

ROT = Path(__file__).resolve().parent.parent


@dataclass
class Bygge:
    returkod: int
    logg: str
    html: Path
    #: De spårade filernas ändringar enligt git före och efter bygget (None utan git).
    sparade_fore: dict[str, str] | None = None
    sparade_efter: dict[str, str] | None = None

    def sidor(self) -> list[Path]:
        """Alla HTML-sidor som en läsare kan öppna (inte temats egna filer)."""
        return sorted(
            p
            for p in self.html.rglob("*.html")
            if not {"_static", "_sources", "_images"} & set(p.relative_to(self.html).parts)
        )


def sparade_filers_andringar() -> dict[str, str] | None:
    """Varje ändrad eller borttagen spårad fil, med git-status och innehållets hash.

    Hashen gör att också en fil som redan var ändrad före bygget och som bygget
    skriver om syns som en skillnad.
    """
    ut = subprocess.run(["git", "status", "--porcelain=v1", "-z", "--untracked-files=no"],
                        cwd=ROT, capture_output=True)
    if ut.returncode != 0:
        return None
    andringar = {}
    for post in ut.stdout.decode("utf-8", "surrogateescape").split("\0"):
        if not post:
            continue
        status, sokvag = post[:2], post[3:]
        fil = ROT / sokvag
        innehall = hashlib.sha256(fil.read_bytes()).hexdigest() if fil.is_file() else "saknas"
        andringar[sokvag] = f"{status} {innehall}"
    return andringar


def _bygg(ut: Path) -> Bygge:
    """Bygg hela handboken från början, strikt, till ``ut``."""
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    kommando = [str(jupyter_book), "build", str(ROT), "--all", "-W", "-n", "--keep-going",
                "--path-output", str(ut)]
    fore = sparade_filers_andringar()
    resultat = subprocess.run(kommando, cwd=ROT, capture_output=True, text=True)
    return Bygge(resultat.returncode, resultat.stdout + resultat.stderr, ut / "_build" / "html",
                 fore, sparade_filers_andringar())


def _bygg_en_gang(mapp: Path) -> Bygge:
    """Bygg till ``mapp`` om ingen annan process redan har gjort det, annars läs resultatet.

    Låset släpps av operativsystemet om processen dör; då bygger nästa process.
    """
    mapp.mkdir(parents=True, exist_ok=True)
    resultatfil = mapp / "bygge.json"
    with open(mapp / "bygge.las", "w") as las:
        fcntl.flock(las, fcntl.LOCK_EX)
        if resultatfil.exists():
            data = json.loads(resultatfil.read_text(encoding="utf-8"))
            return Bygge(**{**data, "html": Path(data["html"])})
        bygge = _bygg(mapp)
        tillfallig = resultatfil.with_suffix(".tmp")
        tillfallig.write_text(json.dumps({**asdict(bygge), "html": str(bygge.html)}), encoding="utf-8")
        tillfallig.replace(resultatfil)
        return bygge


@pytest.fixture(scope="session")
def bygge(tmp_path_factory: pytest.TempPathFactory) -> Bygge:
    """Handboken byggd från början, strikt, i en tillfällig mapp (en gång per testkörning)."""
    if fcntl is None:
        return _bygg(tmp_path_factory.mktemp("bygge"))
    gemensam = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        # Arbetsprocessernas tillfälliga mappar ligger i körningens gemensamma mapp.
        gemensam = gemensam.parent
    return _bygg_en_gang(gemensam / "handbok")


@pytest.fixture(scope="session")
def sidor(bygge: Bygge) -> list[Path]:
    """De byggda sidorna; ett bygge utan sidor är ett fel, inte ett tomt godkänt test."""
    sidor = bygge.sidor()
    assert sidor, f"Inga byggda sidor i {bygge.html}; bygget misslyckades (se test_bygge.py)."
    return sidor
