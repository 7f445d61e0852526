"""Det som flera moduler delar: tidszon, koordinatsystem, svenska namn på dagar
och månader, och hur lokala klockslag blir tider i svensk tid."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

# Dag- och månadsnamnen definieras i skalor; här för modulerna som hämtar dem härifrån.
from tryggaplatser.skalor import MANADER as MANADER
from tryggaplatser.skalor import VECKODAGAR as VECKODAGAR

TIDSZON = "Europe/Stockholm"

#: SWEREF 99 TM, det koordinatsystem som handbokens kartor och data använder.
SWEREF99TM = "EPSG:3006"

#: Rimliga koordinater i Sverige. Latitud och longitud är EPSG:3006:s
#: användningsområde (Sverige på land och till havs) enligt EPSG-registret.
SVERIGE_LAT = (54.96, 69.07)
SVERIGE_LON = (10.03, 24.17)
#: Ungefärliga intervall för SWEREF 99 TM inom Sverige (meter).
SVERIGE_OST = (150_000, 1_100_000)
SVERIGE_NORD = (6_000_000, 7_800_000)


def lokal_tid(naiva: list[dt.datetime | None] | pd.Series) -> tuple[pd.Series, np.ndarray, np.ndarray]:
    """Gör lokala klockslag utan tidszon till tider i svensk tid.

    Ett klockslag som inte finns (när klockan ställs fram till sommartid) flyttas
    en timme framåt. Ett klockslag som finns två gånger (när klockan ställs
    tillbaka) tolkas som det första, alltså sommartid. Anroparen redovisar båda.

    Parametrar
    ----------
    naiva : list of datetime or pandas.Series
        Klockslagen; en kolumn med ``datetime64`` går fortast.

    Returnerar
    ----------
    tuple
        Tiderna, och två boolska vektorer: klockslag som inte fanns och
        klockslag som fanns två gånger.

    Exempel
    -------
    >>> import datetime as dt
    >>> tider, finns_ej, tvetydig = lokal_tid(
    ...     [dt.datetime(2024, 3, 31, 2, 30), dt.datetime(2024, 10, 27, 2, 30), None]
    ... )
    >>> [str(t) for t in tider]
    ['2024-03-31 03:30:00+02:00', '2024-10-27 02:30:00+02:00', 'NaT']
    >>> finns_ej.tolist(), tvetydig.tolist()
    ([True, False, False], [False, True, False])
    """
    if isinstance(naiva, pd.Series) and pd.api.types.is_datetime64_dtype(naiva.dtype):
        naiv = naiva.reset_index(drop=True).astype("datetime64[ns]")  # snabbt för långa kolumner
    else:
        naiv = pd.Series(pd.to_datetime(pd.Series(naiva, dtype="object")), dtype="datetime64[ns]")
    n = len(naiv)
    sommar = naiv.dt.tz_localize(TIDSZON, ambiguous=np.ones(n, dtype=bool), nonexistent="NaT")
    vinter = naiv.dt.tz_localize(TIDSZON, ambiguous=np.zeros(n, dtype=bool), nonexistent="NaT")
    finns_ej = (sommar.isna() & naiv.notna()).to_numpy()
    tvetydig = (sommar.notna() & (sommar != vinter)).to_numpy()
    if finns_ej.any():
        flyttad = (naiv + pd.Timedelta(hours=1)).dt.tz_localize(
            TIDSZON, ambiguous=np.ones(n, dtype=bool), nonexistent="NaT"
        )
        sommar = sommar.where(~finns_ej, flyttad)
    return sommar, finns_ej, tvetydig
