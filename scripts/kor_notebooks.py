"""Kör om handbokens notebooks och spara resultaten i filerna.

Användning: ``make notebooks`` (alla) eller
``python scripts/kor_notebooks.py chapters/02-vad-ar-trygghet/ntu-serien.ipynb``.

Körningen är deterministisk: fast PYTHONHASHSEED (sätts av Makefile),
matplotlib utan skärm, och ingen tidsmetadata i cellerna. Då syns bara
verkliga ändringar när du granskar diffen med git.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROT = Path(__file__).resolve().parent.parent
MAPPAR = ("chapters", "exercises")


def alla_notebooks() -> list[Path]:
    return sorted(
        p
        for mapp in MAPPAR
        for p in (ROT / mapp).rglob("*.ipynb")
        if ".ipynb_checkpoints" not in p.parts
    )


def kor(notebook: Path) -> float:
    nb = nbformat.read(notebook, as_version=4)
    start = time.perf_counter()
    NotebookClient(
        nb,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(notebook.parent)}},
        record_timing=False,
    ).execute()
    sekunder = time.perf_counter() - start
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    nb.metadata.pop("widgets", None)
    nbformat.write(nb, notebook)
    return sekunder


def main(argv: list[str]) -> int:
    if os.environ.get("PYTHONHASHSEED") != "0":
        print("Sätt PYTHONHASHSEED=0 (make notebooks gör det) så att körningen blir likadan varje gång.")
        return 2
    # Kärnan ärver miljön. Med MPLBACKEND=Agg skulle plt.show() inte ge någon bild i notebooken.
    os.environ.pop("MPLBACKEND", None)
    filer = [Path(a).resolve() for a in argv] or alla_notebooks()
    for fil in filer:
        print(f"Kör {fil.relative_to(ROT)} …", end=" ", flush=True)
        print(f"{kor(fil):.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
