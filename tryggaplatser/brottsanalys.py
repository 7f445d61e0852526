"""Mått för att beskriva var och när brott sker.

Här finns det som kapitel 5 återanvänder: koncentrationskurvan, andelen
platser som står för en viss andel av brotten, justering av p-värden när
många test görs samtidigt och tal per 1 000 besökare med osäkerhet.
Stegen som kapitlet lär ut (gruppera, räkna, korstabulera) står synliga i
notebookarna; funktionerna här gör bara räkningen.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

# Dag- och månadsnamnen finns kvar här för kapitlens notebooks (tp.VECKODAGAR, tp.MANADER).
from tryggaplatser._gemensamt import MANADER as MANADER
from tryggaplatser._gemensamt import VECKODAGAR as VECKODAGAR


def _som_antal(antal: Sequence[float] | pd.Series | np.ndarray, funktion: str) -> np.ndarray:
    """Gör om en följd av antal till en numpy-vektor och kontrollera den."""
    varden = np.asarray(antal, dtype=float).ravel()
    if varden.size == 0:
        raise ValueError(f"{funktion}: listan med antal är tom; det finns inga platser att räkna på.")
    if np.isnan(varden).any():
        rad = int(np.flatnonzero(np.isnan(varden))[0])
        raise ValueError(f"{funktion}: antal saknas på rad {rad}. Fyll i 0 för platser utan brott.")
    if (varden < 0).any():
        rad = int(np.flatnonzero(varden < 0)[0])
        raise ValueError(f"{funktion}: antal kan inte vara negativt (rad {rad} har {varden[rad]:g}).")
    if varden.sum() == 0:
        raise ValueError(f"{funktion}: alla antal är 0; det finns inga brott att fördela.")
    return varden


def koncentrationskurva(antal: Sequence[float] | pd.Series | np.ndarray) -> pd.DataFrame:
    """Beräkna koncentrationskurvan för brott över platser.

    Platserna sorteras från flest till färst brott. För varje steg visar
    kurvan hur stor andel av platserna som har räknats och hur stor andel av
    brotten de står för. Kurvan börjar i (0, 0) och slutar i (1, 1). Ju
    brantare den stiger i början, desto mer koncentrerade är brotten.

    Parametrar
    ----------
    antal : följd av tal
        Antal brott per plats, till exempel per ruta i ett rutnät. Ta med
        platser utan brott (antal 0): de hör till nämnaren.

    Returnerar
    ----------
    pandas.DataFrame
        Kolumnerna ``andel_platser`` och ``andel_brott``, en rad mer än
        antalet platser (startpunkten).

    Exempel
    -------
    >>> kurva = koncentrationskurva([0, 6, 1, 3])
    >>> kurva["andel_platser"].tolist()
    [0.0, 0.25, 0.5, 0.75, 1.0]
    >>> kurva["andel_brott"].tolist()
    [0.0, 0.6, 0.9, 1.0, 1.0]
    """
    varden = _som_antal(antal, "koncentrationskurva")
    sorterade = np.sort(varden)[::-1]
    andel_brott = np.concatenate([[0.0], np.cumsum(sorterade) / sorterade.sum()])
    andel_platser = np.arange(varden.size + 1) / varden.size
    andel_brott[-1] = 1.0  # undvik avrundningsfel i sista steget
    return pd.DataFrame({"andel_platser": andel_platser, "andel_brott": andel_brott})


def andel_platser_for_andel_brott(
    antal: Sequence[float] | pd.Series | np.ndarray, andel: float = 0.5
) -> float:
    """Minsta andel av platserna som tillsammans har en given andel av brotten.

    Det är måttet i lagen om brottskoncentration: hur många procent av
    platserna behövs för att nå till exempel 50 procent av brotten? Platserna
    tas i ordning från flest brott, och man räknar hela platser tills
    andelen är nådd.

    Parametrar
    ----------
    antal : följd av tal
        Antal brott per plats, platser utan brott inräknade.
    andel : float, standard 0.5
        Andelen av brotten (större än 0, högst 1).

    Returnerar
    ----------
    float
        Andelen platser (0–1).

    Exempel
    -------
    >>> andel_platser_for_andel_brott([0, 6, 1, 3], andel=0.5)
    0.25
    >>> andel_platser_for_andel_brott([1, 1, 1, 1], andel=0.5)
    0.5
    """
    if not 0 < andel <= 1:
        raise ValueError(f"andel_platser_for_andel_brott: andel måste ligga mellan 0 och 1, inte {andel!r}.")
    varden = _som_antal(antal, "andel_platser_for_andel_brott")
    sorterade = np.sort(varden)[::-1]
    kumulativ = np.cumsum(sorterade) / sorterade.sum()
    # liten marginal så att 0.5 inte missas på grund av flyttalsavrundning
    platser = int(np.searchsorted(kumulativ, andel - 1e-12) + 1)
    return min(platser, varden.size) / varden.size


def justera_p(p: Sequence[float] | np.ndarray, metod: str = "fdr") -> np.ndarray:
    """Justera p-värden när många test görs på en gång.

    När man testar hundratals rutor samtidigt blir några "signifikanta" av ren
    slump. Bonferroni multiplicerar varje p-värde med antalet test och skyddar
    mot att ens ett enda fynd är falskt. Benjamini och Hochbergs metod (FDR)
    styr i stället den förväntade andelen falska fynd bland fynden och är
    därför mindre sträng.

    Parametrar
    ----------
    p : följd av tal
        P-värden mellan 0 och 1.
    metod : {"fdr", "bonferroni"}
        Justeringsmetod.

    Returnerar
    ----------
    numpy.ndarray
        Justerade p-värden i samma ordning som indata, högst 1.

    Exempel
    -------
    >>> justera_p([0.01, 0.02, 0.04], metod="bonferroni").round(2).tolist()
    [0.03, 0.06, 0.12]
    >>> justera_p([0.01, 0.02, 0.04], metod="fdr").round(2).tolist()
    [0.03, 0.03, 0.04]
    """
    varden = np.asarray(p, dtype=float).ravel()
    if varden.size == 0:
        raise ValueError("justera_p: listan med p-värden är tom.")
    if np.isnan(varden).any() or (varden < 0).any() or (varden > 1).any():
        rad = int(np.flatnonzero(~((varden >= 0) & (varden <= 1)))[0])
        raise ValueError(f"justera_p: p-värdet på rad {rad} ({varden[rad]!r}) ligger inte mellan 0 och 1.")
    n = varden.size
    if metod == "bonferroni":
        return np.minimum(varden * n, 1.0)
    if metod == "fdr":
        ordning = np.argsort(varden)
        rangordnade = varden[ordning] * n / np.arange(1, n + 1)
        # ta minsta värdet bakifrån så att de justerade värdena inte minskar
        rangordnade = np.minimum.accumulate(rangordnade[::-1])[::-1]
        justerade = np.empty(n)
        justerade[ordning] = np.minimum(rangordnade, 1.0)
        return justerade
    raise ValueError(f'justera_p: metod måste vara "fdr" eller "bonferroni", inte {metod!r}.')


def poissonintervall(antal: float, konfidens: float = 0.95) -> tuple[float, float]:
    """Exakt konfidensintervall för ett antal händelser (Poissonfördelning).

    Ett antal brott under ett år är ett utfall av en slumpmässig process. Även
    om förhållandena är desamma blir antalet inte exakt lika nästa år.
    Intervallet visar hur mycket antalet kan variera av slump.

    Parametrar
    ----------
    antal : float
        Observerat antal (heltal, 0 eller mer).
    konfidens : float, standard 0.95
        Konfidensgrad.

    Returnerar
    ----------
    tuple[float, float]
        Nedre och övre gräns.

    Exempel
    -------
    >>> nedre, ovre = poissonintervall(10)
    >>> round(nedre, 2), round(ovre, 2)
    (4.8, 18.39)
    >>> poissonintervall(0)[0]
    0.0
    """
    if antal < 0 or antal != int(antal):
        raise ValueError(f"poissonintervall: antal måste vara ett heltal, 0 eller mer, inte {antal!r}.")
    if not 0 < konfidens < 1:
        raise ValueError(f"poissonintervall: konfidens måste ligga mellan 0 och 1, inte {konfidens!r}.")
    # Gränserna är chi2-kvantiler delade med två, alltså kvantiler i gammafördelningen:
    # chi2.ppf(q, 2k) / 2 = gammaincinv(k, q). scipy.special läses in på en bråkdel av
    # den tid som scipy.stats tar, och det märks i varje notebook som visar ett intervall.
    from scipy.special import gammaincinv

    alfa = 1 - konfidens
    nedre = 0.0 if antal == 0 else float(gammaincinv(antal, alfa / 2))
    ovre = float(gammaincinv(antal + 1, 1 - alfa / 2))
    return nedre, ovre


def tal_per_tusen(antal: float, besokare: float, konfidens: float = 0.95) -> dict[str, float]:
    """Brott per 1 000 besökare, med konfidensintervall.

    Intervallet bygger på att antalet brott är Poissonfördelat och att
    antalet besökare är känt. Räkningen av besökare har också fel, så det
    verkliga intervallet är bredare.

    Parametrar
    ----------
    antal : float
        Antal brott under perioden.
    besokare : float
        Antal besökare under samma period och på samma plats (större än 0).
    konfidens : float, standard 0.95
        Konfidensgrad.

    Returnerar
    ----------
    dict
        Nycklarna ``tal``, ``nedre`` och ``ovre`` (brott per 1 000 besökare).

    Exempel
    -------
    >>> resultat = tal_per_tusen(10, 50_000)
    >>> resultat["tal"]
    0.2
    >>> round(resultat["nedre"], 3), round(resultat["ovre"], 3)
    (0.096, 0.368)
    """
    if not besokare > 0:
        raise ValueError(f"tal_per_tusen: antal besökare måste vara större än 0, inte {besokare!r}.")
    nedre, ovre = poissonintervall(antal, konfidens)
    faktor = 1000 / besokare
    return {"tal": antal * faktor, "nedre": nedre * faktor, "ovre": ovre * faktor}


# ---------------------------------------------------------------------------
# Beräkningar som både kapitel 5 och lägesbilden (``python -m tryggaplatser lagesbild``)
# använder. De står här en gång, så att kapitlet och rapporten visar samma tal.
# ---------------------------------------------------------------------------

#: Våldsbrotten i kapitel 5 (tidsmönstren): misshandel, olaga hot och ofredande.
VALDSBROTT = ["Misshandel", "Olaga hot", "Ofredande"]
#: Brott mot person (per besökare): våldsbrotten, rån och fickstöld.
BROTT_MOT_PERSON = [*VALDSBROTT, "Rån", "Fickstöld"]
#: Brott som polisen själv upptäcker. De speglar mest polisens insatser och räknas inte
#: när brottens koncentration och hot spots beskrivs.
POLISINITIERADE = ["Narkotikabrott"]


def brott_per_ar(brott: pd.DataFrame, ar: Sequence[int], konfidens: float = 0.95) -> pd.DataFrame:
    """Antal brott per år, med ett exakt konfidensintervall (Poisson) för varje år.

    Parametrar
    ----------
    brott : pandas.DataFrame
        En rad per brott, med kolumnen ``tidpunkt``.
    ar : följd av int
        Åren som ska visas. Ett år utan brott får antalet 0.

    Returnerar
    ----------
    pandas.DataFrame
        Index ``ar`` och kolumnerna ``antal``, ``nedre`` och ``ovre``.

    Exempel
    -------
    >>> b = pd.DataFrame({"tidpunkt": pd.to_datetime(["2023-05-01"] * 10 + ["2024-01-02"])})
    >>> t = brott_per_ar(b, [2023, 2024, 2025])
    >>> t["antal"].tolist()
    [10, 1, 0]
    >>> round(float(t.loc[2023, "nedre"]), 2), round(float(t.loc[2023, "ovre"]), 2)
    (4.8, 18.39)
    """
    antal = brott["tidpunkt"].dt.year.value_counts().reindex(list(ar), fill_value=0).astype(int)
    granser = [poissonintervall(int(n), konfidens) for n in antal]
    return pd.DataFrame(
        {"antal": antal.to_numpy(), "nedre": [g[0] for g in granser], "ovre": [g[1] for g in granser]},
        index=pd.Index(list(ar), name="ar"),
    )


def veckodag_och_timme(brott: pd.DataFrame) -> pd.DataFrame:
    """Antal brott per veckodag (rader, måndag = 0) och timme (kolumner 0–23).

    Alla sju dagar och 24 timmar finns med, också de utan brott.

    Exempel
    -------
    >>> b = pd.DataFrame({"tidpunkt": pd.to_datetime(["2023-05-06 23:10", "2023-05-06 23:40"])})
    >>> m = veckodag_och_timme(b)
    >>> m.shape, int(m.loc[5, 23]), int(m.to_numpy().sum())
    ((7, 24), 2, 2)
    """
    t = brott["tidpunkt"]
    return (pd.crosstab(t.dt.day_of_week, t.dt.hour)
            .reindex(index=range(7), columns=range(24), fill_value=0)
            .rename_axis(index="veckodag", columns="timme"))


def pa_helgnatt(tidpunkt: pd.Series) -> pd.Series:
    """Sant för tidpunkter på en helgnatt: fredag och lördag från klockan 22 till 04.

    Helgnätterna är tolv timmar av veckans 168.

    Exempel
    -------
    >>> t = pd.Series(pd.to_datetime(["2023-05-05 22:00", "2023-05-06 03:59", "2023-05-06 04:00",
    ...                               "2023-05-07 03:00", "2023-05-08 01:00"]))
    >>> pa_helgnatt(t).tolist()
    [True, True, False, True, False]
    """
    dag, timme = tidpunkt.dt.day_of_week, tidpunkt.dt.hour
    return (((dag == 4) & (timme >= 22)) | ((dag == 5) & ((timme < 4) | (timme >= 22)))
            | ((dag == 6) & (timme < 4)))


def brott_for_rutnat(brott: pd.DataFrame, ar: int) -> pd.DataFrame:
    """Brotten ett år, utan de brott som polisen själv upptäcker (:data:`POLISINITIERADE`).

    Det är brotten som kapitel 5 lägger i rutnätet för koncentrationen och hot spots.

    Exempel
    -------
    >>> b = pd.DataFrame({"tidpunkt": pd.to_datetime(["2023-01-01", "2023-02-01", "2024-01-01"]),
    ...                   "brottstyp": ["Rån", "Narkotikabrott", "Rån"]})
    >>> len(brott_for_rutnat(b, 2023))
    1
    """
    pa_aret = brott[brott["tidpunkt"].dt.year == ar]
    return pa_aret[~pa_aret["brottstyp"].isin(POLISINITIERADE)].copy()


def brott_nara_raknare(brott: pd.DataFrame, flode: pd.DataFrame, raknare: pd.Series,
                       radie: float = 100) -> pd.DataFrame:
    """Brotten inom ``radie`` meter från en räknare, med markering för timmar utan räkning.

    Kolumnen ``utan_rakning`` är sann för ett brott som skedde en timme då räknaren
    inte räknade (antalet saknas i flödet). Sådana brott har ingen nämnare.

    Parametrar
    ----------
    brott : pandas.DataFrame
        Brotten, med ``tidpunkt``, ``ost`` och ``nord``.
    flode : pandas.DataFrame
        Flödet i lång form (:func:`tryggaplatser.las_flode`): ``raknare``, ``tidpunkt``, ``antal``.
    raknare : pandas.Series
        En rad ur :func:`tryggaplatser.las_raknare`: ``raknare``, ``ost``, ``nord``.
    """
    avstand = np.hypot(brott["ost"] - raknare["ost"], brott["nord"] - raknare["nord"])
    nara = brott[avstand <= radie].copy()
    saknas = flode.loc[(flode["raknare"] == raknare["raknare"]) & flode["antal"].isna(), "tidpunkt"]
    nara["utan_rakning"] = (nara["tidpunkt"].dt.tz_convert("UTC").dt.floor("h")
                            .isin(saknas.dt.tz_convert("UTC")))
    return nara


def brott_per_besokare(brott: pd.DataFrame, flode: pd.DataFrame, raknare: pd.DataFrame,
                       radie: float = 100, typer: Sequence[str] = tuple(BROTT_MOT_PERSON),
                       konfidens: float = 0.95) -> pd.DataFrame:
    """Brott per 1 000 besökare vid varje räknare, med konfidensintervall.

    Brotten räknas inom ``radie`` meter från räknaren. Brott under timmar då räknaren
    inte räknade tas bort (``borttagna``), eftersom de saknar besökare att dela med.
    Ge brotten och flödet för samma period, till exempel analysåret.

    Returnerar
    ----------
    pandas.DataFrame
        Index ``raknare`` och kolumnerna ``plats`` (namnet före första kommatecknet),
        ``brott``, ``borttagna``, ``besokare``, ``tal``, ``nedre`` och ``ovre``.
    """
    rader = []
    for _, rad in raknare.iterrows():
        nara = brott_nara_raknare(brott, flode, rad, radie)
        besokare = int(flode.loc[flode["raknare"] == rad["raknare"], "antal"].sum())
        av_typen = nara["brottstyp"].isin(list(typer))
        antal = int((av_typen & ~nara["utan_rakning"]).sum())
        rader.append({
            "raknare": rad["raknare"], "plats": str(rad["namn"]).split(",")[0], "brott": antal,
            "borttagna": int((av_typen & nara["utan_rakning"]).sum()), "besokare": besokare,
            **tal_per_tusen(antal, besokare, konfidens),
        })
    return pd.DataFrame(rader).set_index("raknare")
