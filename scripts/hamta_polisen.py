"""Välj ut Polisens händelser för Dalarnas och Västmanlands län.

Läser den delade arkivfilen (alla län) och skriver de rader vars plats
(``location_name``) är en kommun i de två länen eller länet självt.
Kolumnerna och värdena lämnas oförändrade; bara raderna väljs ut.

Användning (från projektets rot)::

    python scripts/hamta_polisen.py \
        ../shared/data/polisen-handelser/polisen-handelser-2022-2026.csv.gz

Utdata: ``data/polisen-handelser/polisen-handelser-dalarna-vastmanland.csv.gz``.
Filen skrivs byte för byte likadant varje gång (gzip utan tidsstämpel).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import sys
from pathlib import Path

from tryggaplatser.polisen import KOMMUNER_I_LAN

KOMMUNER = KOMMUNER_I_LAN  # 15 kommuner i Dalarnas län, 10 i Västmanlands län

UTFIL = (
    Path(__file__).resolve().parent.parent
    / "data"
    / "polisen-handelser"
    / "polisen-handelser-dalarna-vastmanland.csv.gz"
)


def valj_rader(kalla: Path) -> tuple[list[str], list[list[str]], int]:
    """Läs källfilen och behåll raderna för de två länen, i källans ordning."""
    platser = set(KOMMUNER) | {k for kommuner in KOMMUNER.values() for k in kommuner}
    with gzip.open(kalla, "rt", encoding="utf-8", newline="") as f:
        lasare = csv.reader(f)
        rubriker = next(lasare)
        plats = rubriker.index("location_name")
        alla = list(lasare)
    return rubriker, [r for r in alla if r[plats] in platser], len(alla)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kalla", type=Path, help="sökväg till den delade .csv.gz-filen")
    parser.add_argument("--ut", type=Path, default=UTFIL, help="var den nya filen skrivs")
    args = parser.parse_args(argv)
    rubriker, rader, totalt = valj_rader(args.kalla)
    buffert = io.StringIO(newline="")
    skrivare = csv.writer(buffert, lineterminator="\n")
    skrivare.writerow(rubriker)
    skrivare.writerows(rader)
    args.ut.parent.mkdir(parents=True, exist_ok=True)
    with open(args.ut, "wb") as rå:
        with gzip.GzipFile(filename="", mode="wb", fileobj=rå, mtime=0, compresslevel=9) as gz:
            gz.write(buffert.getvalue().encode("utf-8"))
    print(f"{len(rader)} av {totalt} rader skrevs till {args.ut}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
