"""Välj ut Polisens händelser för Dalarnas och Västmanlands län.

Läser den delade arkivfilen (alla län) och skriver de rader vars plats
(``location_name``) är en kommun i de två länen eller länet självt.
Kolumnerna och värdena lämnas oförändrade; bara raderna väljs ut.

Användning (från projektets rot)::

    python scripts/hamta_polisen.py \
        ../shared/data/polisen-handelser/polisen-handelser-2022-2026.csv.gz

Utdata: ``data/polisen-handelser/polisen-handelser-dalarna-vastmanland.csv.gz``.
Filen skrivs byte för byte likadant varje gång (gzip utan tidsstämpel).

Skriptet hämtar ingenting från nätet. Urvalet (:func:`valj_rader`) och
skrivningen (:func:`som_gzip`) tar redan lästa data, så att testerna kan köra
dem på en liten fil i ``tests/filer/``.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import sys
from collections.abc import Iterable
from pathlib import Path

from tryggaplatser.polisen import KOMMUNER_I_LAN

KOMMUNER = KOMMUNER_I_LAN  # 15 kommuner i Dalarnas län, 10 i Västmanlands län
PLATSER = frozenset(KOMMUNER) | {k for kommuner in KOMMUNER.values() for k in kommuner}
"""Platserna som behålls: de två länen och deras 25 kommuner, stavade som i källan."""

UTFIL = (
    Path(__file__).resolve().parent.parent
    / "data"
    / "polisen-handelser"
    / "polisen-handelser-dalarna-vastmanland.csv.gz"
)


def valj_rader(rubriker: list[str], rader: Iterable[list[str]]) -> list[list[str]]:
    """Behåll raderna vars ``location_name`` är ett av länen eller en kommun i dem.

    Platsen jämförs med :data:`PLATSER` utan blanksteg före och efter (som
    inläsningen i ``tryggaplatser.polisen`` gör); stavningen i övrigt måste vara
    exakt. Raderna behåller källans ordning och ändras inte. En rad med fel
    antal värden ger ``ValueError``: ingen rad försvinner i tysthet.
    """
    if "location_name" not in rubriker:
        raise ValueError(
            f"Källfilen saknar kolumnen location_name. Kolumnerna i filen är: {', '.join(rubriker)}."
        )
    plats = rubriker.index("location_name")
    valda = []
    for nr, rad in enumerate(rader, start=2):
        if len(rad) != len(rubriker):
            raise ValueError(
                f"Post {nr} i källfilen (rubrikraden är post 1) har {len(rad)} värden, "
                f"men rubrikraden har {len(rubriker)} kolumner."
            )
        if rad[plats].strip() in PLATSER:
            valda.append(rad)
    return valda


def las_kalla(kalla: Path) -> tuple[list[str], list[list[str]]]:
    """Läs källfilen (CSV, gzip, UTF-8): rubrikerna och alla rader."""
    with gzip.open(kalla, "rt", encoding="utf-8", newline="") as f:
        lasare = csv.reader(f)
        rubriker = next(lasare)
        return rubriker, list(lasare)


def som_gzip(rubriker: list[str], rader: list[list[str]]) -> bytes:
    """Rubrikerna och raderna som gzippad CSV, byte för byte likadan varje gång."""
    buffert = io.StringIO(newline="")
    skrivare = csv.writer(buffert, lineterminator="\n")
    skrivare.writerow(rubriker)
    skrivare.writerows(rader)
    ut = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=ut, mtime=0, compresslevel=9) as gz:
        gz.write(buffert.getvalue().encode("utf-8"))
    return ut.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kalla", type=Path, help="sökväg till den delade .csv.gz-filen")
    parser.add_argument("--ut", type=Path, default=UTFIL, help="var den nya filen skrivs")
    args = parser.parse_args(argv)
    rubriker, alla = las_kalla(args.kalla)
    rader = valj_rader(rubriker, alla)
    args.ut.parent.mkdir(parents=True, exist_ok=True)
    args.ut.write_bytes(som_gzip(rubriker, rader))
    print(f"{len(rader)} av {len(alla)} rader skrevs till {args.ut}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
