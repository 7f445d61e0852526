"""Gemensamma fixturer: ett strikt bygge av handboken per testkörning."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

# Tider får aldrig avgöra om ett test går igenom: ingen tidsgräns per exempel.
settings.register_profile("handbok", deadline=None)
settings.load_profile("handbok")

ROT = Path(__file__).resolve().parent.parent


@dataclass
class Bygge:
    returkod: int
    logg: str
    html: Path

    def sidor(self) -> list[Path]:
        """Alla HTML-sidor som en läsare kan öppna (inte temats egna filer)."""
        return sorted(
            p
            for p in self.html.rglob("*.html")
            if not {"_static", "_sources", "_images"} & set(p.relative_to(self.html).parts)
        )


@pytest.fixture(scope="session")
def bygge(tmp_path_factory: pytest.TempPathFactory) -> Bygge:
    """Bygg hela handboken från början, strikt, i en tillfällig mapp."""
    ut = tmp_path_factory.mktemp("bygge")
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    kommando = [str(jupyter_book), "build", str(ROT), "--all", "-W", "-n", "--keep-going",
                "--path-output", str(ut)]
    resultat = subprocess.run(kommando, cwd=ROT, capture_output=True, text=True)
    return Bygge(resultat.returncode, resultat.stdout + resultat.stderr, ut / "_build" / "html")


@pytest.fixture(scope="session")
def sidor(bygge: Bygge) -> list[Path]:
    """De byggda sidorna; ett bygge utan sidor är ett fel, inte ett tomt godkänt test."""
    sidor = bygge.sidor()
    assert sidor, f"Inga byggda sidor i {bygge.html}; bygget misslyckades (se test_bygge.py)."
    return sidor
