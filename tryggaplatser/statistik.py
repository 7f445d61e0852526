"""Statistiska hjälpfunktioner för enkäter: andelar, konfidensintervall och vikter.

Kapitel 4 visar stegen i pandas. Här finns de delar som återkommer i flera
analyser och som inte ska behöva skrivas om varje gång:

* :func:`effektivt_n` och :func:`designeffekt` beskriver hur mycket vikterna
  kostar i precision (Kishs effektiva urvalsstorlek).
* :func:`wilson_intervall` ger ett konfidensintervall för en andel.
* :func:`andel_med_ki` räknar en andel, vägd eller ovägd, med intervall.
* :func:`andel_per_grupp` gör samma sak per grupp och döljer eller flaggar
  små grupper.
* :func:`skillnad_med_ki` ger ett intervall för skillnaden mellan två andelar,
  till exempel två mätår.

Metodval
--------
Intervallet är Wilsons intervall (Wilson 1927). Det vanliga intervallet
``p ± 1,96·√(p(1−p)/n)`` (Waldintervallet) täcker det sanna värdet för sällan
när andelen är liten eller gruppen är liten, och det kan hamna under 0 eller
över 1. Brown, Cai och DasGupta (2001) jämförde metoderna och rekommenderar
bland annat Wilsons intervall. Wilsons intervall ligger alltid mellan 0 och 1.

När svaren är vägda räknas intervallet med Kishs effektiva urvalsstorlek
``n_eff = (Σw)² / Σw²`` i stället för antalet svar (Kish 1965). Det är en
approximation: den tar hänsyn till att olika stora vikter ger sämre precision,
men inte till klusterurval eller till samband mellan vikt och svar.

Intervallet för en skillnad mellan två oberoende andelar bygger på de två
Wilsonintervallen, enligt metod 10 hos Newcombe (1998).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from statistics import NormalDist

import numpy as np
import pandas as pd

__all__ = [
    "andel_med_ki",
    "andel_per_grupp",
    "designeffekt",
    "effektivt_n",
    "skillnad_med_ki",
    "wilson_intervall",
]

#: Etiketten för en grupp där bakgrundsuppgiften saknas.
SAKNAS = "Uppgift saknas"


def _som_vikter(vikter: object, funktion: str) -> np.ndarray:
    """Kontrollera vikter och gör om dem till en numpy-vektor."""
    try:
        w = np.asarray(vikter, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{funktion}: vikterna måste vara tal.") from None
    if w.ndim != 1:
        raise ValueError(f"{funktion}: vikterna måste vara en lista eller kolumn med tal.")
    if w.size == 0:
        raise ValueError(f"{funktion}: det finns inga vikter att räkna med.")
    ogiltiga = np.flatnonzero(~np.isfinite(w) | (w <= 0))
    if ogiltiga.size:
        rad = int(ogiltiga[0])
        raise ValueError(
            f"{funktion}: vikterna måste vara positiva tal, men {ogiltiga.size} av "
            f"{w.size} är det inte (första på plats {rad}: {float(w[rad])})."
        )
    return w


def effektivt_n(vikter: Sequence[float] | np.ndarray | pd.Series) -> float:
    """Räkna Kishs effektiva urvalsstorlek för en uppsättning vikter.

    Den effektiva urvalsstorleken är ``(Σw)² / Σw²``. Den säger hur många
    ovägda svar som skulle ge samma precision som de vägda svaren. Lika vikter
    ger samma tal som antalet svar; ju mer vikterna skiljer sig åt, desto
    mindre blir talet.

    Parametrar
    ----------
    vikter : sekvens av float
        En vikt per svar. Alla måste vara positiva tal.

    Returnerar
    ----------
    float
        Den effektiva urvalsstorleken, mellan 1 och antalet vikter.

    Exempel
    -------
    >>> effektivt_n([1, 1, 1, 1])
    4.0
    >>> effektivt_n([1, 1, 1, 3])
    3.0
    >>> effektivt_n([1, -1])
    Traceback (most recent call last):
    ...
    ValueError: effektivt_n: vikterna måste vara positiva tal, men 1 av 2 är det inte
    (första på plats 1: -1.0).
    """
    w = _som_vikter(vikter, "effektivt_n")
    return float(w.sum() ** 2 / (w**2).sum())


def designeffekt(vikter: Sequence[float] | np.ndarray | pd.Series) -> float:
    """Räkna Kishs designeffekt av olika stora vikter.

    Designeffekten är antalet svar delat med den effektiva urvalsstorleken,
    ``n · Σw² / (Σw)²``. Värdet 1 betyder att vikterna inte kostar något i
    precision. Värdet 2 betyder att variansen blir dubbelt så stor som i ett
    ovägt urval av samma storlek.

    Parametrar
    ----------
    vikter : sekvens av float
        En vikt per svar. Alla måste vara positiva tal.

    Returnerar
    ----------
    float
        Designeffekten, minst 1.

    Exempel
    -------
    >>> designeffekt([2, 2, 2])
    1.0
    >>> round(designeffekt([1, 1, 1, 3]), 4)
    1.3333
    """
    w = _som_vikter(vikter, "designeffekt")
    return float(w.size * (w**2).sum() / w.sum() ** 2)


def _z_varde(konfidens: float, funktion: str) -> float:
    if isinstance(konfidens, bool) or not isinstance(konfidens, (int, float)):
        raise TypeError(f"{funktion}: konfidens måste vara ett tal, till exempel 0.95.")
    if not 0 < konfidens < 1:
        raise ValueError(
            f"{funktion}: konfidens måste ligga mellan 0 och 1 (till exempel 0.95), "
            f"inte {konfidens!r}."
        )
    return NormalDist().inv_cdf(0.5 + konfidens / 2)


def wilson_intervall(andel: float, n: float, konfidens: float = 0.95) -> tuple[float, float]:
    """Räkna Wilsons konfidensintervall för en andel.

    Parametrar
    ----------
    andel : float
        Den skattade andelen, mellan 0 och 1.
    n : float
        Antalet svar bakom andelen. Vid vägda svar: den effektiva
        urvalsstorleken (se :func:`effektivt_n`). Behöver inte vara ett heltal.
    konfidens : float, standard 0.95
        Konfidensgraden. 0.95 ger ett 95-procentigt intervall.

    Returnerar
    ----------
    tuple[float, float]
        Intervallets nedre och övre gräns, båda mellan 0 och 1.

    Exempel
    -------
    >>> nedre, ovre = wilson_intervall(0.3, 100)
    >>> round(nedre, 4), round(ovre, 4)
    (0.2189, 0.3958)
    >>> wilson_intervall(0.0, 20)[0]
    0.0
    >>> wilson_intervall(0.5, 0)
    Traceback (most recent call last):
    ...
    ValueError: wilson_intervall: n måste vara större än 0, inte 0.
    """
    z = _z_varde(konfidens, "wilson_intervall")
    for namn, varde in (("andel", andel), ("n", n)):
        if isinstance(varde, bool) or not isinstance(varde, (int, float, np.number)):
            raise TypeError(f"wilson_intervall: {namn} måste vara ett tal, inte {varde!r}.")
        if not math.isfinite(varde):
            raise ValueError(f"wilson_intervall: {namn} saknas eller är oändligt ({varde!r}).")
    if not 0 <= andel <= 1:
        raise ValueError(f"wilson_intervall: andelen måste ligga mellan 0 och 1, inte {andel!r}.")
    if n <= 0:
        raise ValueError(f"wilson_intervall: n måste vara större än 0, inte {n!r}.")
    p, n = float(andel), float(n)
    z2n = z * z / n
    mitt = (p + z2n / 2) / (1 + z2n)
    halv = z / (1 + z2n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    # Avrundningsfel får inte flytta gränserna utanför [0, 1] eller förbi andelen.
    return max(0.0, min(mitt - halv, p)), min(1.0, max(mitt + halv, p))


def _som_utfall(utfall: object, funktion: str) -> np.ndarray:
    s = pd.Series(utfall)
    saknas = s.isna()
    if saknas.any():
        forsta = s.index[saknas.to_numpy()][0]
        raise ValueError(
            f"{funktion}: {int(saknas.sum())} svar saknar värde (första på rad {forsta!r}). "
            "Bestäm själv hur de ska räknas, till exempel genom att ta bort dem "
            "med dropna() och redovisa hur många de var."
        )
    if s.dtype == bool or str(s.dtype) == "boolean":
        return s.astype(float).to_numpy()
    try:
        y = s.astype(float).to_numpy()
    except (TypeError, ValueError):
        raise TypeError(
            f"{funktion}: utfallet måste vara sant/falskt eller 1/0, men kolumnen har "
            f"typen {s.dtype}."
        ) from None
    fel = np.flatnonzero((y != 0) & (y != 1))
    if fel.size:
        rad = s.index[fel[0]]
        raise ValueError(
            f"{funktion}: utfallet får bara innehålla 0 och 1 (eller sant/falskt), "
            f"men rad {rad!r} har värdet {s.iloc[fel[0]]!r}."
        )
    return y


def andel_med_ki(
    utfall: Sequence[bool] | pd.Series,
    vikter: Sequence[float] | pd.Series | None = None,
    konfidens: float = 0.95,
) -> dict[str, float]:
    """Räkna en andel med Wilsons konfidensintervall, ovägd eller vägd.

    Utan vikter är andelen antalet sanna svar delat med antalet svar, och
    intervallet bygger på antalet svar. Med vikter är andelen ``Σ w·y / Σ w``,
    och intervallet bygger på Kishs effektiva urvalsstorlek.

    Parametrar
    ----------
    utfall : sekvens av bool eller 0/1
        Ett värde per svar: sant (1) om svaret räknas till andelen.
        Saknade värden är inte tillåtna; ta bort dem först och redovisa hur många de var.
    vikter : sekvens av float, valfri
        En vikt per svar, i samma ordning som ``utfall``.
    konfidens : float, standard 0.95
        Konfidensgraden.

    Returnerar
    ----------
    dict
        ``andel``, ``ki_nedre``, ``ki_ovre``, ``n`` (antal svar, heltal) och
        ``n_eff`` (effektiv urvalsstorlek; lika med ``n`` utan vikter).
        En lista av sådana går direkt att göra om till en tabell med
        ``pd.DataFrame(lista)``.

    Exempel
    -------
    >>> r = andel_med_ki([True, False, False, True, False])
    >>> round(r["andel"], 2), int(r["n"]), r["n_eff"]
    (0.4, 5, 5.0)
    >>> r = andel_med_ki([1, 0, 0, 1], vikter=[1, 1, 1, 3])
    >>> round(r["andel"], 3), r["n_eff"]
    (0.667, 3.0)
    >>> bool(r["ki_nedre"] <= r["andel"] <= r["ki_ovre"])
    True
    """
    y = _som_utfall(utfall, "andel_med_ki")
    if y.size == 0:
        raise ValueError("andel_med_ki: det finns inga svar att räkna en andel på.")
    if vikter is None:
        andel = float(y.mean())
        n_eff = float(y.size)
    else:
        w = _som_vikter(vikter, "andel_med_ki")
        if w.size != y.size:
            raise ValueError(
                f"andel_med_ki: det finns {y.size} svar men {w.size} vikter; "
                "det ska vara en vikt per svar."
            )
        andel = float(np.dot(w, y) / w.sum())
        andel = min(1.0, max(0.0, andel))
        n_eff = effektivt_n(w)
    nedre, ovre = wilson_intervall(andel, n_eff, konfidens)
    return {"andel": andel, "ki_nedre": nedre, "ki_ovre": ovre, "n": int(y.size), "n_eff": n_eff}


def andel_per_grupp(
    df: pd.DataFrame,
    grupp: str | list[str],
    utfall: str,
    vikt: str | None = None,
    undertryck_under: int = 10,
    flagga_under: float = 50,
    konfidens: float = 0.95,
) -> pd.DataFrame:
    """Räkna en andel med konfidensintervall per grupp och hantera små grupper.

    Två gränser skyddar läsaren och de svarande:

    * Grupper med färre än ``undertryck_under`` svar visas inte: andel och
      intervall blir tomma (röjandeskydd). Gränsen gäller antalet personer,
      eftersom det är personer som kan pekas ut.
    * Grupper med en effektiv urvalsstorlek under ``flagga_under`` visas men
      flaggas som osäkra (precision). Gränsen gäller den effektiva
      urvalsstorleken, eftersom vikterna minskar precisionen.

    Svar där gruppvariabeln saknas samlas i en egen grupp,
    ``"Uppgift saknas"``, så att inget svar försvinner ur tabellen.

    Parametrar
    ----------
    df : pandas.DataFrame
        En rad per svar.
    grupp : str eller list[str]
        Kolumnen eller kolumnerna som delar in svaren i grupper.
    utfall : str
        Kolumn med sant/falskt (eller 1/0): räknas svaret till andelen?
    vikt : str, valfri
        Kolumn med vikter. Utan vikt räknas andelen ovägd.
    undertryck_under : int, standard 10
        Grupper med färre svar än så döljs. Standardvärdet är handbokens
        egen rekommendation, inte en officiell svensk regel.
    flagga_under : float, standard 50
        Grupper med lägre effektiv urvalsstorlek än så flaggas som osäkra.
        Vid 50 svar och en andel kring 30 procent är intervallet ungefär
        ±12 procentenheter brett. Även detta är handbokens egen gräns.
    konfidens : float, standard 0.95
        Konfidensgraden.

    Returnerar
    ----------
    pandas.DataFrame
        En rad per grupp med ``n``, ``n_eff``, ``andel``, ``ki_nedre``,
        ``ki_ovre`` och ``status`` (``"ok"``, ``"osäker"`` eller ``"dold"``).

    Exempel
    -------
    >>> df = pd.DataFrame({
    ...     "kon": ["kvinna"] * 60 + ["man"] * 12 + ["annat"] * 3,
    ...     "otrygg": [True] * 24 + [False] * 36 + [True] * 3 + [False] * 9 + [True] * 3,
    ... })
    >>> t = andel_per_grupp(df, "kon", "otrygg")
    >>> t[["n", "andel", "status"]]
             n  andel  status
    kon
    annat    3    NaN    dold
    kvinna  60   0.40      ok
    man     12   0.25  osäker
    """
    funktion = "andel_per_grupp"
    kolumner = [grupp] if isinstance(grupp, str) else list(grupp)
    behovs = [*kolumner, utfall] + ([vikt] if vikt is not None else [])
    saknade = [k for k in behovs if k not in df.columns]
    if saknade:
        raise KeyError(
            f"{funktion}: kolumnen {saknade[0]!r} finns inte i tabellen. "
            f"Tabellens kolumner är: {', '.join(map(str, df.columns))}."
        )
    if undertryck_under < 0 or flagga_under < 0:
        raise ValueError(f"{funktion}: gränserna för små grupper kan inte vara negativa.")

    data = df[behovs].copy()
    for k in kolumner:
        if data[k].isna().any():
            if isinstance(data[k].dtype, pd.CategoricalDtype):
                if SAKNAS not in data[k].cat.categories:
                    data[k] = data[k].cat.add_categories(SAKNAS)
            else:
                data[k] = data[k].astype(object)
            data[k] = data[k].fillna(SAKNAS)

    rader = []
    nycklar = []
    for nyckel, del_df in data.groupby(kolumner, observed=True, sort=True):
        vikter = del_df[vikt] if vikt is not None else None
        try:
            r = andel_med_ki(del_df[utfall], vikter, konfidens)
        except (TypeError, ValueError) as fel:
            raise type(fel)(f"{funktion}: i gruppen {nyckel!r}: {fel}") from None
        if r["n"] < undertryck_under:
            r.update(andel=np.nan, ki_nedre=np.nan, ki_ovre=np.nan)
            r["status"] = "dold"
        elif r["n_eff"] < flagga_under:
            r["status"] = "osäker"
        else:
            r["status"] = "ok"
        rader.append(r)
        nycklar.append(nyckel if len(kolumner) > 1 else nyckel[0])

    # Behåll gruppernas typ, så att kategoriernas ordning (till exempel åldersgrupper)
    # följer med när tabellen vänds med unstack eller sorteras.
    nyckeltabell = pd.DataFrame(
        [n if len(kolumner) > 1 else (n,) for n in nycklar], columns=kolumner
    ).astype({k: data[k].dtype for k in kolumner})
    if len(kolumner) > 1:
        index = pd.MultiIndex.from_frame(nyckeltabell)
    else:
        index = pd.Index(nyckeltabell[kolumner[0]], name=kolumner[0])
    resultat = pd.DataFrame(rader, index=index)
    resultat["n"] = resultat["n"].astype(int)
    for k in ("n_eff", "andel", "ki_nedre", "ki_ovre"):
        resultat[k] = resultat[k].astype(float)
    return resultat[["n", "n_eff", "andel", "ki_nedre", "ki_ovre", "status"]]


def skillnad_med_ki(
    forsta: dict[str, float], andra: dict[str, float], konfidens: float = 0.95
) -> dict[str, float]:
    """Räkna skillnaden mellan två oberoende andelar med konfidensintervall.

    Skillnaden är ``andra − forsta``, till exempel 2025 minus 2023. Intervallet
    bygger på de två andelarnas Wilsonintervall (Newcombes metod 10). Det
    fungerar också för vägda andelar, eftersom intervallen då redan bygger på
    den effektiva urvalsstorleken.

    Parametrar
    ----------
    forsta, andra : dict
        Resultat från :func:`andel_med_ki` med minst ``andel`` och ``n_eff``.
    konfidens : float, standard 0.95
        Konfidensgraden. Intervallen för de två andelarna räknas om med den.

    Returnerar
    ----------
    dict
        ``skillnad``, ``ki_nedre`` och ``ki_ovre``, i andelar (0,05 = fem
        procentenheter). Om intervallet inte innehåller 0 är skillnaden
        statistiskt säkerställd på den valda nivån.

    Exempel
    -------
    >>> fore = andel_med_ki([True] * 36 + [False] * 64)
    >>> efter = andel_med_ki([True] * 25 + [False] * 75)
    >>> r = skillnad_med_ki(fore, efter)
    >>> round(r["skillnad"], 2)
    -0.11
    >>> bool(r["ki_nedre"] < r["skillnad"] < r["ki_ovre"])
    True
    """
    delar = []
    for namn, r in (("forsta", forsta), ("andra", andra)):
        try:
            p, n = r["andel"], r["n_eff"]
        except (KeyError, TypeError):
            raise TypeError(
                f"skillnad_med_ki: {namn} måste vara ett resultat från andel_med_ki "
                "med nycklarna andel och n_eff."
            ) from None
        nedre, ovre = wilson_intervall(p, n, konfidens)
        delar.append((p, nedre, ovre))
    (p1, l1, u1), (p2, l2, u2) = delar
    d = p2 - p1
    nedre = d - math.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2)
    ovre = d + math.sqrt((u2 - p2) ** 2 + (p1 - l1) ** 2)
    return {"skillnad": d, "ki_nedre": max(-1.0, nedre), "ki_ovre": min(1.0, ovre)}
