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


def ruta_for_punkt(x: float, y: float, storlek: float = 100) -> tuple[int, int]:
    """Hörnet längst ned till vänster i den ruta som en punkt ligger i.

    En punkt som ligger exakt på en rutgräns hör till rutan norr respektive
    öster om gränsen. Varje punkt hamnar alltså i exakt en ruta.

    Parametrar
    ----------
    x, y : float
        Punktens koordinater i meter (SWEREF 99 TM).
    storlek : float, standard 100
        Rutans sida i meter.

    Exempel
    -------
    >>> ruta_for_punkt(512_345.6, 6_690_078.2)
    (512300, 6690000)
    >>> ruta_for_punkt(512_400, 6_690_100)
    (512400, 6690100)
    """
    if not storlek > 0:
        raise ValueError(f"ruta_for_punkt: storlek måste vara större än 0, inte {storlek!r}.")
    return int(math.floor(x / storlek) * storlek), int(math.floor(y / storlek) * storlek)


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
        utsträckningen ger ett fel i stället för att tyst försvinna.

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
    from shapely.geometry import box

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
        xmin, ymin, xmax, ymax = utstrackning
        xmin, ymin = np.floor(xmin / storlek) * storlek, np.floor(ymin / storlek) * storlek
        xmax, ymax = np.ceil(xmax / storlek) * storlek, np.ceil(ymax / storlek) * storlek
        utanfor = (xs < xmin) | (xs >= xmax) | (ys < ymin) | (ys >= ymax)
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
    punkt_x = (np.floor(xs / storlek) * storlek).astype(int)
    punkt_y = (np.floor(ys / storlek) * storlek).astype(int)
    antal = pd.DataFrame({"ruta_x": punkt_x, "ruta_y": punkt_y}).value_counts().rename("antal").reset_index()
    rutor = rutor.merge(antal, on=["ruta_x", "ruta_y"], how="left")
    rutor["antal"] = rutor["antal"].fillna(0).astype(int)
    geometri = [
        box(rx, ry, rx + storlek, ry + storlek)
        for rx, ry in zip(rutor["ruta_x"], rutor["ruta_y"], strict=True)
    ]
    return gpd.GeoDataFrame(rutor, geometry=geometri, crs=SWEREF99TM)


def gi_star(
    rutor: gpd.GeoDataFrame,
    kolumn: str = "antal",
    permutationer: int = 199,
    fro: int = 20251125,
    alfa: float = 0.05,
) -> pd.DataFrame:
    """Getis–Ords Gi* för varje ruta i ett regelbundet rutnät.

    Gi* jämför summan i en ruta och dess åtta grannar med vad man kan vänta
    sig om värdena vore slumpmässigt utspridda. Ett högt positivt z-värde
    betyder att rutan ligger i en samling rutor med höga värden (en hot
    spot). P-värdena tas fram genom slumpmässiga omkastningar
    (permutationer) med ett fast frö, så att resultatet blir detsamma varje
    gång. Funktionen justerar också p-värdena för att många rutor testas på
    en gång.

    P-värdet ``p`` räknas från z-värdet med normalfördelningen
    (Ord och Getis 1995). Omkastningarnas p-värde ``p_perm`` visas bredvid
    som kontroll. Det kan aldrig bli mindre än 2 / (permutationer + 1), och
    därför klarar ingen ruta en Bonferronijustering med få omkastningar.

    Parametrar
    ----------
    rutor : geopandas.GeoDataFrame
        Rutnätet från :func:`rutnat`, med kvadratiska rutor av samma storlek.
    kolumn : str, standard "antal"
        Värdet som ska testas.
    permutationer : int, standard 199
        Antal omkastningar. Fler ger säkrare p-värden men tar längre tid.
    fro : int
        Slumpfrö för omkastningarna.
    alfa : float, standard 0.05
        Signifikansnivå.

    Returnerar
    ----------
    pandas.DataFrame
        Samma index som ``rutor`` och kolumnerna ``z`` (standardiserat Gi*),
        ``p`` (ojusterat, tvåsidigt), ``p_perm`` (från omkastningarna), ``p_fdr``,
        ``p_bonferroni`` och ``klass``: ``"hot spot"``, ``"kall fläck"`` eller
        ``"ej signifikant"`` (efter FDR-justering).

    Exempel
    -------
    >>> import pandas as pd
    >>> import numpy as np
    >>> # en punkt i varje ruta, och 20 extra i fyra rutor mitt i
    >>> mitt = [(x, y) for x in (450, 550) for y in (450, 550)] * 20
    >>> jamnt = [(x, y) for x in range(50, 1000, 100) for y in range(50, 1000, 100)]
    >>> punkter = pd.DataFrame(jamnt + mitt, columns=["ost", "nord"])
    >>> rutor = rutnat(punkter, utstrackning=(0, 0, 1000, 1000))
    >>> resultat = gi_star(rutor, permutationer=99)
    >>> int((resultat["klass"] == "kall fläck").sum())
    0
    >>> bool((resultat.loc[rutor["antal"] > 1, "klass"] == "hot spot").all())
    True
    """
    if kolumn not in rutor.columns:
        raise KeyError(f"gi_star: kolumnen {kolumn!r} saknas i rutnätet.")
    if len(rutor) < 9:
        raise ValueError(f"gi_star: rutnätet har bara {len(rutor)} rutor; det behövs minst 9.")
    # esda och libpysal importeras här: de tar över en sekund att läsa in
    from esda import G_Local
    from libpysal.weights import DistanceBand
    from scipy import stats

    sida = float(np.sqrt(rutor.geometry.iloc[0].area))
    mittpunkter = np.column_stack([rutor.geometry.centroid.x, rutor.geometry.centroid.y])
    # grannar: de åtta rutorna runt om (diagonalen är sida * 1,414)
    vikter = DistanceBand(mittpunkter, threshold=sida * 1.5, binary=True, silence_warnings=True)
    y = rutor[kolumn].astype(float).to_numpy()
    with warnings.catch_warnings():
        # esda varnar för att standardvalet av mothypotes ändras i nästa version.
        # Vi gör om p-värdet till tvåsidigt själva nedan, så varningen gäller inte här.
        warnings.filterwarnings("ignore", message="The alternative hypothesis", category=DeprecationWarning)
        g = G_Local(y, vikter, transform="B", permutations=permutationer, star=True, n_jobs=1, seed=fro)
    z = np.asarray(g.Zs, dtype=float)
    # Tvåsidigt p-värde från z-värdet (normalfördelningen, Ord och Getis 1995).
    p = 2 * stats.norm.sf(np.abs(z))
    # Omkastningarnas p-värde är ensidigt i den riktning som värdet avviker; dubbla
    # för tvåsidigt. Det kan aldrig bli mindre än 2 / (permutationer + 1).
    p_perm = np.minimum(np.asarray(g.p_sim, dtype=float) * 2, 1.0)
    resultat = pd.DataFrame({"z": z, "p": p, "p_perm": p_perm}, index=rutor.index)
    resultat["p_fdr"] = justera_p(p, "fdr")
    resultat["p_bonferroni"] = justera_p(p, "bonferroni")
    klass = np.where(resultat["p_fdr"] <= alfa, np.where(z > 0, "hot spot", "kall fläck"), "ej signifikant")
    resultat["klass"] = pd.Categorical(klass, categories=["hot spot", "ej signifikant", "kall fläck"])
    return resultat


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
