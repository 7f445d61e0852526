"""Rutnät, hot spots och kartdetaljer i SWEREF 99 TM.

Koordinaterna är meter i SWEREF 99 TM (EPSG:3006): x är östlig koordinat
och y är nordlig. Ett rutnät med 100 meters rutor delar in platsen i lika
stora bitar, så att antal brott kan jämföras mellan rutorna.
"""

from __future__ import annotations

import math
import warnings
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.patches import FancyArrow, Rectangle

from tryggaplatser._gemensamt import SWEREF99TM
from tryggaplatser.brottsanalys import justera_p
from tryggaplatser.formatering import formatera_tal

if TYPE_CHECKING:
    import geopandas as gpd

def _kontrollera_kolumner(df: pd.DataFrame, kolumner: list[str], funktion: str) -> None:
    saknas = [k for k in kolumner if k not in df.columns]
    if saknas:
        raise KeyError(
            f"{funktion}: kolumnen {saknas[0]!r} saknas. Tabellen har kolumnerna "
            f"{', '.join(map(str, df.columns))}."
        )
    for kolumn in kolumner:
        varden = pd.to_numeric(df[kolumn], errors="coerce")
        fel = varden.isna() | ~np.isfinite(varden.astype(float))
        if fel.any():
            rad = fel[fel].index[0]
            raise ValueError(
                f"{funktion}: kolumnen {kolumn!r} har ett värde som inte är en koordinat "
                f"på rad {rad}: {df.loc[rad, kolumn]!r}."
            )

#: Slumpfröet för Gi*-testets omkastningar. Ett fast tal, så att kapitel 5, kapitel 6,
#: fynden och lägesbilden får samma hot spots varje gång.
GI_FRO = 2023


def ruta_for_punkt(
    x: float,
    y: float,
    storlek: float = 100,
    utstrackning: tuple[float, float, float, float] | None = None,
) -> tuple[int, int]:
    """Hörnet längst ned till vänster i den ruta som en punkt ligger i.

    En punkt som ligger exakt på en rutgräns hör till rutan norr respektive
    öster om gränsen. Varje punkt hamnar alltså i exakt en ruta. Med en
    utsträckning finns ett undantag: en punkt på rutnätets yttre kant i
    norr eller öster hör till rutan innanför kanten, så att den räknas i
    rutnätet i stället för att hamna utanför.

    Parametrar
    ----------
    x, y : float
        Punktens koordinater i meter (SWEREF 99 TM).
    storlek : float, standard 100
        Rutans sida i meter.
    utstrackning : (xmin, ymin, xmax, ymax), valfri
        Rutnätets område, som i :func:`rutnat`. En punkt utanför det ger ett fel.

    Exempel
    -------
    >>> ruta_for_punkt(512_345.6, 6_690_078.2)
    (512300, 6690000)
    >>> ruta_for_punkt(512_400, 6_690_100)
    (512400, 6690100)
    >>> ruta_for_punkt(300, 100, utstrackning=(0, 0, 300, 100))
    (200, 0)
    """
    if not storlek > 0:
        raise ValueError(f"ruta_for_punkt: storlek måste vara större än 0, inte {storlek!r}.")
    rx, ry = math.floor(x / storlek) * storlek, math.floor(y / storlek) * storlek
    if utstrackning is not None:
        xmin, ymin, xmax, ymax = _rutnatets_granser(utstrackning, storlek)
        if not (xmin <= x <= xmax and ymin <= y <= ymax):
            raise ValueError(
                f"ruta_for_punkt: punkten ({x:g}, {y:g}) ligger utanför rutnätet "
                f"({xmin:g}–{xmax:g}, {ymin:g}–{ymax:g})."
            )
        rx, ry = min(rx, xmax - storlek), min(ry, ymax - storlek)
    return int(rx), int(ry)


def _rutnatets_granser(
    utstrackning: tuple[float, float, float, float], storlek: float
) -> tuple[float, float, float, float]:
    """Utsträckningen utvidgad till hela rutor."""
    xmin, ymin, xmax, ymax = utstrackning
    return (
        math.floor(xmin / storlek) * storlek,
        math.floor(ymin / storlek) * storlek,
        math.ceil(xmax / storlek) * storlek,
        math.ceil(ymax / storlek) * storlek,
    )


def rutnat(
    df: pd.DataFrame,
    storlek: float = 100,
    x: str = "ost",
    y: str = "nord",
    utstrackning: tuple[float, float, float, float] | None = None,
) -> gpd.GeoDataFrame:
    """Räkna punkter per ruta i ett rutnät, tomma rutor inräknade.

    Rutnätet täcker utsträckningen helt. Rutor utan punkter får antalet 0,
    eftersom de hör till nämnaren när man jämför rutor eller mäter
    koncentration.

    Parametrar
    ----------
    df : pandas.DataFrame
        En rad per händelse med koordinater i meter (SWEREF 99 TM).
    storlek : float, standard 100
        Rutans sida i meter.
    x, y : str, standard "ost" och "nord"
        Kolumnerna med östlig och nordlig koordinat.
    utstrackning : (xmin, ymin, xmax, ymax), valfri
        Området som rutnätet ska täcka, till exempel fallområdets gränser.
        Utan den används punkternas egen utsträckning. Punkter utanför
        utsträckningen ger ett fel i stället för att tyst försvinna. En
        punkt exakt på den yttre kanten i norr eller öster räknas i rutan
        innanför kanten.

    Returnerar
    ----------
    geopandas.GeoDataFrame
        En rad per ruta med kolumnerna ``ruta_x``, ``ruta_y`` (hörnet nere
        till vänster), ``antal`` och ``geometry`` (kvadraten), i SWEREF 99 TM.
        Raderna är sorterade från söder till norr och väster till öster.

    Exempel
    -------
    >>> import pandas as pd
    >>> punkter = pd.DataFrame({"ost": [10, 20, 150], "nord": [10, 30, 40]})
    >>> rutor = rutnat(punkter, storlek=100, utstrackning=(0, 0, 300, 100))
    >>> rutor[["ruta_x", "ruta_y", "antal"]].to_numpy().tolist()
    [[0, 0, 2], [100, 0, 1], [200, 0, 0]]
    """
    import geopandas as gpd  # läses in först här, så att paketet startar snabbt
    import shapely

    if not storlek > 0:
        raise ValueError(f"rutnat: storlek måste vara större än 0, inte {storlek!r}.")
    _kontrollera_kolumner(df, [x, y], "rutnat")
    xs = df[x].astype(float).to_numpy()
    ys = df[y].astype(float).to_numpy()
    if utstrackning is None:
        if len(df) == 0:
            raise ValueError("rutnat: tabellen är tom och ingen utsträckning är angiven.")
        xmin, ymin = np.floor(xs.min() / storlek) * storlek, np.floor(ys.min() / storlek) * storlek
        xmax = (np.floor(xs.max() / storlek) + 1) * storlek
        ymax = (np.floor(ys.max() / storlek) + 1) * storlek
    else:
        xmin, ymin, xmax, ymax = _rutnatets_granser(utstrackning, storlek)
        # Kanten i norr och öster hör till rutnätet (se ruta_for_punkt).
        utanfor = (xs < xmin) | (xs > xmax) | (ys < ymin) | (ys > ymax)
        if utanfor.any():
            rad = df.index[np.flatnonzero(utanfor)[0]]
            antal_utanfor = int(utanfor.sum())
            ord_punkter = "punkt" if antal_utanfor == 1 else "punkter"
            raise ValueError(
                f"rutnat: {antal_utanfor} {ord_punkter} ligger utanför utsträckningen, "
                f"den första på rad {rad} ({xs[utanfor][0]:g}, {ys[utanfor][0]:g}). "
                "Välj bort dem först eller gör utsträckningen större."
            )
    kolumner = np.arange(xmin, xmax, storlek)
    rader = np.arange(ymin, ymax, storlek)
    gx, gy = np.meshgrid(kolumner, rader)
    rutor = pd.DataFrame({"ruta_x": gx.ravel().astype(int), "ruta_y": gy.ravel().astype(int)})
    punkt_x = np.minimum(np.floor(xs / storlek) * storlek, xmax - storlek).astype(int)
    punkt_y = np.minimum(np.floor(ys / storlek) * storlek, ymax - storlek).astype(int)
    antal = pd.DataFrame({"ruta_x": punkt_x, "ruta_y": punkt_y}).value_counts().rename("antal").reset_index()
    rutor = rutor.merge(antal, on=["ruta_x", "ruta_y"], how="left")
    rutor["antal"] = rutor["antal"].fillna(0).astype(int)
    hornx, horny = rutor["ruta_x"].to_numpy(), rutor["ruta_y"].to_numpy()
    geometri = shapely.box(hornx, horny, hornx + storlek, horny + storlek)
    return gpd.GeoDataFrame(rutor, geometry=geometri, crs=SWEREF99TM)


def gi_star(
    rutor: gpd.GeoDataFrame,
    kolumn: str = "antal",
    permutationer: int = 99_999,
    fro: int = 20251125,
    alfa: float = 0.05,
) -> pd.DataFrame:
    """Getis–Ords Gi* för varje ruta i ett regelbundet rutnät, med omkastningstest.

    Gi* räknar ihop värdet i en ruta och i dess åtta grannar (rutorna runt
    om, också på diagonalen) och jämför summan med vad slumpen ger.
    Nollhypotesen är att de observerade värdena är slumpmässigt fördelade
    över rutorna. Den prövas med **villkorlig randomisering** (Anselin
    1995): rutans eget värde ligger kvar, och grannarnas värden dras om och
    om igen slumpmässigt, utan återläggning, bland de andra rutornas värden.
    P-värdet är andelen omkastningar som ger en summa minst lika extrem som
    den observerade. Slumpfröet är fast, så att resultatet blir detsamma
    varje gång.

    P-värdet är tvåsidigt och kan aldrig bli mindre än
    2 / (permutationer + 1). För att en ruta ska kunna klara en
    Bonferronijustering över n rutor måste det golvet ligga under alfa / n;
    annars ger funktionen en varning. Hot spots och kalla fläckar bestäms av
    de FDR-justerade p-värdena (Benjamini och Hochberg). Grannrutornas test
    hänger ihop, eftersom deras grannskap överlappar, så justeringarna är
    ungefärliga.

    Parametrar
    ----------
    rutor : geopandas.GeoDataFrame
        Rutnätet från :func:`rutnat`, med kvadratiska rutor av samma storlek.
    kolumn : str, standard "antal"
        Värdet som ska testas.
    permutationer : int, standard 99 999
        Antal omkastningar. Fler ger ett lägre golv för p-värdet men tar
        längre tid.
    fro : int
        Slumpfrö för omkastningarna.
    alfa : float, standard 0.05
        Signifikansnivå för de justerade p-värdena.

    Returnerar
    ----------
    pandas.DataFrame
        Samma index som ``rutor`` och kolumnerna ``summa`` (rutans och
        grannarnas värden), ``grannar`` (antal grannar, 3–8), ``z``
        (standardiserat Gi* enligt Ord och Getis 1995, som mått på hur
        mycket summan avviker), ``p`` (tvåsidigt, från omkastningarna),
        ``p_fdr``, ``p_bonferroni`` och ``klass``: ``"hot spot"``,
        ``"kall fläck"`` eller ``"ej signifikant"``.

    Exempel
    -------
    >>> import pandas as pd
    >>> # en punkt i varje ruta, och 20 extra i fyra rutor mitt i
    >>> mitt = [(x, y) for x in (450, 550) for y in (450, 550)] * 20
    >>> jamnt = [(x, y) for x in range(50, 1000, 100) for y in range(50, 1000, 100)]
    >>> punkter = pd.DataFrame(jamnt + mitt, columns=["ost", "nord"])
    >>> rutor = rutnat(punkter, utstrackning=(0, 0, 1000, 1000))
    >>> resultat = gi_star(rutor, permutationer=9_999)
    >>> int((resultat["klass"] == "kall fläck").sum())
    0
    >>> bool((resultat.loc[rutor["antal"] > 1, "klass"] == "hot spot").all())
    True
    """
    if kolumn not in rutor.columns:
        raise KeyError(f"gi_star: kolumnen {kolumn!r} saknas i rutnätet.")
    if len(rutor) < 9:
        raise ValueError(f"gi_star: rutnätet har bara {len(rutor)} rutor; det behövs minst 9.")
    if int(permutationer) != permutationer or permutationer < 1:
        raise ValueError(
            f"gi_star: permutationer måste vara ett heltal, 1 eller mer, inte {permutationer!r}."
        )
    permutationer = int(permutationer)
    y = pd.to_numeric(rutor[kolumn], errors="coerce").to_numpy(dtype=float)
    if not np.isfinite(y).all():
        rad = rutor.index[np.flatnonzero(~np.isfinite(y))[0]]
        raise ValueError(f"gi_star: kolumnen {kolumn!r} saknar ett tal på rad {rad}.")
    n = len(y)
    if np.ptp(y) == 0:
        raise ValueError(f"gi_star: alla rutor har samma värde i {kolumn!r}; det finns inget att jämföra.")

    grannar = _drottninggrannar(rutor)
    antal_grannar = (grannar >= 0).sum(axis=1)
    # summan i rutan och dess grannar (index -1 betyder att grannen saknas, vid kanten)
    med_noll = np.append(y, 0.0)
    grannsumma = med_noll[grannar].sum(axis=1)
    summa = y + grannsumma

    # z enligt Ord och Getis (1995) för binära vikter där rutan själv ingår (samma som esda.G_Local)
    vikt = antal_grannar + 1
    medel = y.mean()
    varians = (y**2).mean() - medel**2
    vantat = vikt * medel
    spridning = np.sqrt(vikt * (n - vikt) / (n - 1) * varians)
    # En ruta vars grannskap täcker hela rutnätet avviker aldrig: z = 0.
    z = np.divide(summa - vantat, spridning, out=np.zeros(n), where=spridning > 0)

    # Villkorlig randomisering. Samma slumpdragningar (index bland de n - 1 andra
    # rutorna) används för alla rutor, som i esda. Fördelningen för grannsumman
    # beror bara på antalet grannar och på rutans eget värde (det som tas bort ur
    # urnan), så rutor med samma par räknas en gång.
    #
    # Urnan för en ruta är de sorterade värdena utan en förekomst av rutans eget
    # värde, på plats "bort". Dras plats m i urnan blir värdet sorterade[m] om
    # m < bort och annars sorterade[m + 1] = sorterade[m] + steg[m]. Summan är
    # alltså grundsumman plus de steg som ligger på eller efter "bort". Stegen är
    # 0 utom där värdet byter, så de få som inte är 0 sparas för sig.
    dragningar = _dragningar_utan_aterlaggning(n - 1, int(antal_grannar.max()), permutationer, fro)
    sorterade = np.sort(y)
    steg = np.diff(sorterade)
    grundsumma, glesa_steg = {}, {}
    for k in np.unique(antal_grannar):
        index = dragningar[:, :k]
        grundsumma[k] = sorterade[index].sum(axis=1)
        rad, kol = np.nonzero(steg[index] > 0)
        plats = index[rad, kol]
        glesa_steg[k] = (rad, plats, steg[plats])
    tolerans = 1e-9 * (np.abs(y).sum() + 1)  # avrundning när summor räknas i olika ordning
    storre = np.empty(n)
    mindre = np.empty(n)
    grupper = pd.Series(np.arange(n)).groupby([antal_grannar, y]).indices
    for (k, varde), celler in grupper.items():
        bort = int(np.searchsorted(sorterade, varde))  # en förekomst av rutans eget värde
        rad, plats, hopp = glesa_steg[k]
        efter = plats >= bort
        slumpsummor = grundsumma[k] + np.bincount(rad[efter], weights=hopp[efter], minlength=permutationer)
        slumpsummor.sort()
        observerat = grannsumma[celler]
        storre[celler] = permutationer - np.searchsorted(slumpsummor, observerat - tolerans, side="left")
        mindre[celler] = np.searchsorted(slumpsummor, observerat + tolerans, side="right")
    p_hog = (storre + 1) / (permutationer + 1)
    p_lag = (mindre + 1) / (permutationer + 1)
    p = np.minimum(2 * np.minimum(p_hog, p_lag), 1.0)

    # Bonferroni kräver p * n <= alfa. Med golvet 2 / (permutationer + 1) går det
    # bara om permutationer + 1 >= 2 * n / alfa.
    minsta_antal = math.ceil(round(2 * n / alfa, 9)) - 1
    if permutationer < minsta_antal:
        warnings.warn(
            f"gi_star: med {permutationer} omkastningar kan inget p-värde bli mindre än "
            f"{2 / (permutationer + 1):.2g}, men Bonferronis gräns för {n} rutor är {alfa / n:.2g}. "
            f"Ingen ruta kan klara Bonferroni; använd minst {minsta_antal} omkastningar.",
            UserWarning,
            stacklevel=2,
        )

    resultat = pd.DataFrame(
        {"summa": summa, "grannar": antal_grannar, "z": z, "p": p}, index=rutor.index
    )
    resultat["p_fdr"] = justera_p(p, "fdr")
    resultat["p_bonferroni"] = justera_p(p, "bonferroni")
    signifikant = resultat["p_fdr"].to_numpy() <= alfa
    klass = np.where(signifikant, np.where(p_hog <= p_lag, "hot spot", "kall fläck"), "ej signifikant")
    resultat["klass"] = pd.Categorical(klass, categories=["hot spot", "ej signifikant", "kall fläck"])
    return resultat


def _drottninggrannar(rutor: gpd.GeoDataFrame) -> np.ndarray:
    """De åtta grannarna till varje ruta (drottninggrannar), -1 där grannen saknas."""
    ytor = rutor.geometry.area.to_numpy()
    sida = float(np.sqrt(ytor[0]))
    if not np.allclose(ytor, sida**2):
        raise ValueError("gi_star: rutorna är inte lika stora; använd ett rutnät från rutnat.")
    mitt = rutor.geometry.centroid
    kolumn = (mitt.x.to_numpy() - mitt.x.min()) / sida
    rad = (mitt.y.to_numpy() - mitt.y.min()) / sida
    if not (np.allclose(kolumn, np.round(kolumn)) and np.allclose(rad, np.round(rad))):
        raise ValueError(
            "gi_star: rutorna ligger inte i ett regelbundet rutnät; använd ett rutnät från rutnat."
        )
    kolumn, rad = np.round(kolumn).astype(int), np.round(rad).astype(int)
    plats = np.full((rad.max() + 3, kolumn.max() + 3), -1, dtype=np.int64)
    if len(set(zip(rad.tolist(), kolumn.tolist(), strict=True))) < len(rad):
        raise ValueError("gi_star: två rutor ligger på samma plats i rutnätet.")
    plats[rad + 1, kolumn + 1] = np.arange(len(rad))
    steg = [(dr, dk) for dr in (-1, 0, 1) for dk in (-1, 0, 1) if (dr, dk) != (0, 0)]
    return np.column_stack([plats[rad + 1 + dr, kolumn + 1 + dk] for dr, dk in steg])


def _dragningar_utan_aterlaggning(antal: int, k: int, upprepningar: int, fro: int) -> np.ndarray:
    """``upprepningar`` rader med k olika heltal från 0 till antal - 1, i slumpad ordning.

    Talen dras ett i taget bland dem som inte redan dragits, så att varje rad
    (och de första j talen i varje rad) är ett likformigt urval utan återläggning.
    """
    if k > antal:
        raise ValueError(f"gi_star: kan inte dra {k} olika grannar bland {antal} rutor.")
    slump = np.random.default_rng(fro)
    valda = np.empty((upprepningar, k), dtype=np.int64)
    for j in range(k):
        varde = slump.integers(0, antal - j, size=upprepningar)
        # flytta förbi de tal som redan dragits, i stigande ordning
        for tidigare in np.sort(valda[:, :j], axis=1).T:
            varde += tidigare <= varde
        valda[:, j] = varde
    return valda


def _rund_langd(maxlangd: float) -> float:
    """Största "runda" längd (1, 2 eller 5 gånger en tiopotens) som ryms."""
    tiopotens = 10 ** math.floor(math.log10(maxlangd))
    for faktor in (5, 2, 1):
        if faktor * tiopotens <= maxlangd:
            return faktor * tiopotens
    return tiopotens


def skalstock(ax: Axes, langd: float | None = None, plats: tuple[float, float] = (0.05, 0.05)) -> float:
    """Rita en skalstock på en karta i meter.

    Skalstocken har två fält i svart och vitt, så att den syns även i
    gråskala, och en text som "200 m".

    Parametrar
    ----------
    ax : matplotlib.axes.Axes
        Kartans axlar, med koordinater i meter och lika skala på axlarna.
    langd : float, valfri
        Skalstockens längd i meter. Utan den väljs en rund längd som är
        högst en fjärdedel av kartans bredd.
    plats : (float, float)
        Nedre vänstra hörnet som andel av kartans bredd och höjd.

    Returnerar
    ----------
    float
        Skalstockens längd i meter.

    Exempel
    -------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> _ = ax.set_xlim(0, 1000); _ = ax.set_ylim(0, 800)
    >>> skalstock(ax)
    200
    >>> plt.close(fig)
    """
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    bredd, hojd = x1 - x0, y1 - y0
    if langd is None:
        langd = _rund_langd(bredd / 4)
    if not langd > 0:
        raise ValueError(f"skalstock: längden måste vara större än 0, inte {langd!r}.")
    langd = int(langd) if float(langd).is_integer() else langd
    xs = x0 + plats[0] * bredd
    ys = y0 + plats[1] * hojd
    tjocklek = hojd * 0.015
    halv = langd / 2
    ax.add_patch(Rectangle((xs, ys), halv, tjocklek, facecolor="black", edgecolor="black", zorder=5))
    ax.add_patch(Rectangle((xs + halv, ys), halv, tjocklek, facecolor="white", edgecolor="black", zorder=5))
    text = (
        f"{formatera_tal(langd)}\xa0m"
        if langd < 1000
        else f"{formatera_tal(langd / 1000, 1 if langd % 1000 else 0)}\xa0km"
    )
    ax.text(
        xs + langd / 2,
        ys + tjocklek * 1.8,
        text,
        ha="center",
        va="bottom",
        fontsize=9,
        zorder=6,
        bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1},
    )
    return langd


def nordpil(ax: Axes, plats: tuple[float, float] = (0.93, 0.82), storlek: float = 0.09) -> None:
    """Rita en nordpil med bokstaven N.

    I SWEREF 99 TM pekar y-axeln mot norr längs den centrala meridianen
    (15° öst). Vid Mellanstads longitud är skillnaden mot geografisk norr
    under en grad, så pilen pekar rakt uppåt.

    Parametrar
    ----------
    ax : matplotlib.axes.Axes
        Kartans axlar.
    plats : (float, float)
        Pilens spets som andel av kartans bredd och höjd.
    storlek : float
        Pilens längd som andel av kartans höjd.

    Exempel
    -------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> nordpil(ax)
    >>> [t.get_text() for t in ax.texts]
    ['N']
    >>> plt.close(fig)
    """
    x, y = plats
    pil = FancyArrow(
        x,
        y - storlek,
        0,
        storlek,
        width=0.012,
        head_width=0.04,
        head_length=storlek * 0.4,
        length_includes_head=True,
        transform=ax.transAxes,
        facecolor="black",
        edgecolor="white",
        linewidth=0.8,
        zorder=6,
    )
    ax.add_patch(pil)
    ax.text(
        x,
        y + 0.01,
        "N",
        transform=ax.transAxes,
        ha="center",
        va="bottom",
        fontsize=11,
        fontweight="bold",
        zorder=6,
        bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1},
    )


def kartram(ax: Axes, utstrackning: tuple[float, float, float, float] | None = None) -> None:
    """Gör i ordning axlarna för en karta i SWEREF 99 TM.

    Sätter lika skala på axlarna, tar bort rutnät och koordinattal (de säger
    lite för en läsare) och skriver koordinatsystemet i axeltexterna.

    Parametrar
    ----------
    ax : matplotlib.axes.Axes
        Kartans axlar.
    utstrackning : (xmin, ymin, xmax, ymax), valfri
        Kartans gränser i meter.

    Exempel
    -------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> kartram(ax, (0, 0, 1000, 800))
    >>> [float(v) for v in ax.get_xlim()]
    [0.0, 1000.0]
    >>> plt.close(fig)
    """
    if utstrackning is not None:
        xmin, ymin, xmax, ymax = utstrackning
        ax.set_xlim(xmin, xmax)
        ax.set_ylim(ymin, ymax)
    ax.set_aspect("equal")
    ax.grid(False)
    ax.set_xticks([])
    ax.set_yticks([])
    for sida in ax.spines.values():
        sida.set_visible(True)
        sida.set_color("#555555")
    ax.set_xlabel("Väst–öst (SWEREF 99 TM)")
    ax.set_ylabel("Syd–nord (SWEREF 99 TM)")


def rita_linjer(ax: Axes, geometrier, **stil) -> LineCollection:
    """Rita gator eller gränser på en karta som en enda linjesamling.

    geopandas ``plot`` ritar om hela figuren efter varje lager. På en karta med
    gator och två gränser blir det en halv sekund i onödan; här ritas figuren
    först när den visas. Ytor ritas med sin kant.

    Parametrar
    ----------
    ax : matplotlib.axes.Axes
        Kartans axlar.
    geometrier : geopandas.GeoSeries, geopandas.GeoDataFrame eller en lista med shapely-geometrier
        Linjer, multilinjer eller ytor i kartans koordinater.
    **stil
        Det som ``matplotlib.collections.LineCollection`` tar, till exempel
        ``color``, ``linewidth``, ``linestyle`` och ``zorder``.

    Returnerar
    ----------
    matplotlib.collections.LineCollection
        Linjerna som ritades.

    Exempel
    -------
    >>> import matplotlib.pyplot as plt
    >>> import shapely
    >>> fig, ax = plt.subplots()
    >>> gata = shapely.LineString([(0, 0), (100, 0), (100, 50)])
    >>> kvarter = shapely.box(10, 10, 60, 40)
    >>> linjer = rita_linjer(ax, [gata, kvarter], color="black")
    >>> [len(linje) for linje in linjer.get_segments()]
    [3, 5]
    >>> plt.close(fig)
    """
    import shapely

    geometrier = np.asarray(getattr(geometrier, "geometry", geometrier), dtype=object)
    for geometri in geometrier:
        if geometri is not None and not isinstance(geometri, shapely.Geometry):
            raise TypeError(f"rita_linjer: {geometri!r} är inte en geometri (en linje eller en yta).")
    geometrier = geometrier[~(shapely.is_missing(geometrier) | shapely.is_empty(geometrier))]
    ytor = np.isin(shapely.get_type_id(geometrier), [3, 6])  # Polygon, MultiPolygon
    delar = shapely.get_parts(np.where(ytor, shapely.boundary(geometrier), geometrier))
    linjer = LineCollection([shapely.get_coordinates(del_) for del_ in delar], **stil)
    ax.add_collection(linjer)
    ax.autoscale_view()
    return linjer


def studieomradets_granser(omraden: gpd.GeoDataFrame | None,
                           brott: pd.DataFrame) -> tuple[float, float, float, float]:
    """Rutnätets område: studieområdets gränser, eller alla brott om det saknas.

    Parametrar
    ----------
    omraden : geopandas.GeoDataFrame eller None
        Platsens områden (:func:`tryggaplatser.las_omraden`), eller None om platsen
        inte har någon områdesfil.
    brott : pandas.DataFrame
        Brotten med ``ost`` och ``nord``.

    Returnerar
    ----------
    tuple
        (xmin, ymin, xmax, ymax) i meter, att ge som ``utstrackning`` till :func:`rutnat`.

    Exempel
    -------
    >>> b = pd.DataFrame({"ost": [10.0, 250.0], "nord": [5.0, 90.0]})
    >>> studieomradets_granser(None, b)
    (10.0, 5.0, 250.0, 90.0)
    """
    if omraden is not None and (omraden["omrade"] == "studieomrade").any():
        return tuple(float(v) for v in omraden.loc[omraden["omrade"] == "studieomrade"].total_bounds)
    return (float(brott["ost"].min()), float(brott["nord"].min()),
            float(brott["ost"].max()), float(brott["nord"].max()))


def omkastningar_for_bonferroni(antal_rutor: int, alfa: float = 0.05, minst: int = 99_999) -> int:
    """Antal omkastningar för :func:`gi_star` så att en ruta kan klara en Bonferronijustering.

    P-värdets golv är 2 / (omkastningar + 1). Det ska ligga under ``alfa / antal_rutor``.
    Funktionen ger minst ``minst`` omkastningar, och fler när rutnätet är större.

    Exempel
    -------
    >>> omkastningar_for_bonferroni(1_444)
    99999
    >>> omkastningar_for_bonferroni(5_000)
    199999
    """
    return max(minst, int(np.ceil(2 * antal_rutor / alfa)) - 1)
