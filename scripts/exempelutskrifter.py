"""Skriv kommandonas svar på exempelfilerna i Din egen plats.

Användning: ``python scripts/exempelutskrifter.py``.

Sidorna i ``book/din-egen-plats/`` visar vad ``kontrollera`` och ``ny-plats``
svarar på de påhittade exempelfilerna. Svaren sparas i ``*.txt`` bredvid
sidorna. Testet ``tests/test_din_egen_plats.py`` kör samma kommandon och
jämför, så att sidorna inte visar gamla svar när paketet ändras.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROT = Path(__file__).resolve().parent.parent
MAPP = ROT / "book" / "din-egen-plats"

#: Utskriftsfil och kommandots argument (körs i en kopia av mappen).
KOMMANDON = {
    "kontroll-brott.txt": ["kontrollera", "exempel-brott.csv", "--typ", "brott"],
    "kontroll-enkat.txt": ["kontrollera", "exempel-enkat.csv", "--typ", "enkat"],
    "kontroll-flode.txt": ["kontrollera", "exempel-flode.csv", "--typ", "flode"],
    "kontroll-lokal-zon.txt": ["kontrollera", "exempel-lokal-zon.csv", "--typ", "brott"],
    "ny-plats-utskrift.txt": [
        "ny-plats", "resecentrum", "--brott", "exempel-brott.csv", "--enkat",
        "exempel-enkat.csv", "--flode", "exempel-flode.csv", "--omraden",
        "exempel-omraden.geojson", "--namn", "Resecentrum", "--kommun", "Exempelby",
    ],
}


def utskrifter() -> dict[str, str]:
    """Kör kommandona på en kopia av exempelfilerna och returnera svaren (stdout och stderr)."""
    svar = {}
    with tempfile.TemporaryDirectory() as tmp:
        arbete = Path(tmp) / "exempel"
        shutil.copytree(MAPP, arbete, ignore=shutil.ignore_patterns("*.md", "*.txt"))
        miljo = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "100"}
        for fil, argument in KOMMANDON.items():
            ut = subprocess.run([sys.executable, "-m", "tryggaplatser", *argument], cwd=arbete,
                                capture_output=True, text=True, env=miljo)
            svar[fil] = ut.stdout + ut.stderr
    return svar


def main() -> None:
    for fil, text in utskrifter().items():
        (MAPP / fil).write_text(text, encoding="utf-8")
        print(f"Skrev {fil}")


if __name__ == "__main__":
    main()
