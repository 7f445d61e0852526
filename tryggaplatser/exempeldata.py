"""Inläsning av handbokens publicerade serier (inte Mellanstads syntetiska data)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from tryggaplatser._sokvagar import DATAMAPP

#: Indikatorerna i NTU-filen och deras namn i text och diagram.
INDIKATORER = {
    "oro_samhalle": "Oro för brottsligheten i samhället",
    "otrygg_kvall": "Otrygg ute sent på kvällen i det egna bostadsområdet",
}

#: Hur ett värde förhåller sig till NTU:s metod från 2017.
JAMFORBARHET = {
    "ny_metod": "Insamlat med metoden från 2017",
    "osaker": "Osäkert om värdet är omräknat till metoden från 2017",
}

_KOLUMNER = ["ar", "indikator", "andel_procent", "jamforbarhet", "kalla", "anmarkning"]


def _fel(fil: Path, kolumn: str, rad: int, vantat: str, varde: object) -> ValueError:
    # Rad 1 i filen är rubrikraden, så dataraden med index 0 är rad 2.
    return ValueError(
        f"{fil.name}: kolumnen {kolumn!r} på rad {rad + 2} har värdet {varde!r}; väntade {vantat}."
    )


def las_ntu(fil: Path | str | None = None) -> pd.DataFrame:
    """Läs Brås publicerade huvudresultat från Nationella trygghetsundersökningen.

    Filen innehåller bara värden som handboken har hittat i en källa.
    Varje rad har en nyckel till handbokens referenslista.

    Parametrar
    ----------
    fil : sökväg, valfri
        En annan fil med samma kolumner. Standard är ``data/ntu/ntu.csv``.

    Returnerar
    ----------
    pandas.DataFrame
        En rad per år och indikator med kolumnerna ``ar`` (int), ``indikator``
        (kategori), ``andel`` (andel 0–1), ``jamforbarhet`` (kategori,
        ``"ny_metod"`` eller ``"osaker"``), ``kalla`` (nyckel i handbokens
        referenslista) och ``anmarkning`` (text, kan vara tom).

    Fel
    ---
    ValueError
        Om en kolumn saknas, om ett värde inte är tillåtet eller om samma år
        finns två gånger för en indikator. Felet anger fil, kolumn och rad.

    Exempel
    -------
    >>> ntu = las_ntu()
    >>> sorted(ntu["indikator"].cat.categories)
    ['oro_samhalle', 'otrygg_kvall']
    >>> bool(ntu["andel"].between(0, 1).all())
    True
    >>> sorted(ntu["jamforbarhet"].cat.categories)
    ['ny_metod', 'osaker']
    """
    fil = Path(fil) if fil is not None else DATAMAPP / "ntu" / "ntu.csv"
    df = pd.read_csv(fil, dtype="string", keep_default_na=False)

    saknas = [k for k in _KOLUMNER if k not in df.columns]
    if saknas:
        raise ValueError(f"{fil.name}: kolumnerna {saknas} saknas. Filen ska ha {_KOLUMNER}.")
    df = df[_KOLUMNER].copy()

    for rad, varde in df["ar"].items():
        if not (varde.isdigit() and 2006 <= int(varde) <= 2100):
            raise _fel(fil, "ar", rad, "ett årtal från 2006 (NTU:s första år)", varde)
    for rad, varde in df["indikator"].items():
        if varde not in INDIKATORER:
            raise _fel(fil, "indikator", rad, f"något av {list(INDIKATORER)}", varde)
    for rad, varde in df["andel_procent"].items():
        try:
            tal = float(varde.replace(",", "."))
        except ValueError:
            raise _fel(fil, "andel_procent", rad, "ett tal mellan 0 och 100", varde) from None
        if not 0 <= tal <= 100:
            raise _fel(fil, "andel_procent", rad, "ett tal mellan 0 och 100", varde)
    for rad, varde in df["jamforbarhet"].items():
        if varde not in JAMFORBARHET:
            raise _fel(fil, "jamforbarhet", rad, f"något av {list(JAMFORBARHET)}", varde)
    for rad, varde in df["kalla"].items():
        if not varde.strip():
            raise _fel(fil, "kalla", rad, "en nyckel i book/references.bib", varde)

    dubbletter = df.duplicated(subset=["indikator", "ar"], keep="first")
    if dubbletter.any():
        rad = int(dubbletter.idxmax())
        raise _fel(fil, "ar", rad, "varje år högst en gång per indikator", df.loc[rad, "ar"])

    ut = pd.DataFrame(
        {
            "ar": df["ar"].astype(int),
            "indikator": pd.Categorical(df["indikator"], categories=list(INDIKATORER)),
            "andel": df["andel_procent"].str.replace(",", ".").astype(float) / 100,
            "jamforbarhet": pd.Categorical(df["jamforbarhet"], categories=list(JAMFORBARHET)),
            "kalla": df["kalla"].astype("string"),
            "anmarkning": df["anmarkning"].astype("string"),
        }
    )
    return ut.sort_values(["indikator", "ar"], ignore_index=True)
