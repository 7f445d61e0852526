"""Inläsning av handbokens publicerade serier (inte Mellanstads syntetiska data)."""

from __future__ import annotations

import pandas as pd

from tryggaplatser._sokvagar import DATAMAPP

INDIKATORER = {
    "oro_samhalle": "Oro för brottsligheten i samhället",
    "otrygg_kvall": "Otrygg ute sent på kvällen i det egna bostadsområdet",
}


def las_ntu() -> pd.DataFrame:
    """Läs Brås publicerade huvudresultat från Nationella trygghetsundersökningen.

    Returnerar
    ----------
    pandas.DataFrame
        En rad per år och indikator med kolumnerna ``ar`` (int), ``indikator``
        (kategori), ``andel`` (andel 0–1), ``jamforbar_med_2017`` (bool) och
        ``kalla`` (nyckel i handbokens referenslista).

    Exempel
    -------
    >>> ntu = las_ntu()
    >>> sorted(ntu["indikator"].cat.categories)
    ['oro_samhalle', 'otrygg_kvall']
    >>> bool(ntu["andel"].between(0, 1).all())
    True
    """
    fil = DATAMAPP / "ntu" / "ntu.csv"
    df = pd.read_csv(fil, dtype={"indikator": "category", "kalla": "string"})
    df["andel"] = df["andel_procent"] / 100
    return df.drop(columns="andel_procent")
