"""Mönstren som kapitlen ska hitta i Mellanstads data, hittade med egna analyser.

Varje test motsvarar en punkt under "Vad datan innehåller" i
``data/mellanstad/README.md``. Testerna läser bara de publicerade filerna
(via inläsningsfunktionerna), aldrig generatorns parametrar, och räknar
själva fram mönstret. Områdestillhörighet tas från GeoJSON-polygonerna,
inte från kolumnen ``omrade``.
"""

from __future__ import annotations

from collections import deque

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from scipy import stats

import tryggaplatser as tp

VALD = ["Misshandel", "Olaga hot", "Ofredande"]
OTRYGGA = ["Ganska otrygg", "Mycket otrygg", "Går aldrig ut ensam på grund av otrygghet"]
STOR_ORO = ["I ganska stor utsträckning", "I mycket stor utsträckning"]


@pytest.fixture(scope="module")
def brott() -> pd.DataFrame:
    b = tp.las_brott()
    omraden = tp.las_omraden()
    punkter = gpd.GeoDataFrame(b[["id"]], geometry=gpd.points_from_xy(b["ost"], b["nord"]),
                               crs="EPSG:3006")
    delar = omraden[omraden["omrade"] != "studieomrade"][["omrade", "geometry"]]
    koppling = gpd.sjoin(punkter, delar, how="left", predicate="within")
    assert koppling.index.is_unique  # områdena överlappar inte
    b["zon"] = koppling["omrade"].fillna("ovrigt").to_numpy()
    b["ar"] = b["tidpunkt"].dt.year
    return b


@pytest.fixture(scope="module")
def svar() -> pd.DataFrame:
    return tp.las_enkat(bara_svarande=True)


def viktad_andel(df: pd.DataFrame, kolumn: str, varden: list[str]) -> float:
    d = df[df[kolumn].notna()]
    return float((d["vikt"] * d[kolumn].isin(varden)).sum() / d["vikt"].sum())


# --- Koncentration ----------------------------------------------------------

def test_koncentration_fa_rutor_har_mycket_brott(brott: pd.DataFrame) -> None:
    ruta = (brott["ost"] // 100).astype(str) + "_" + (brott["nord"] // 100).astype(str)
    antal = ruta.value_counts()
    topp = int(np.ceil(0.05 * len(antal)))
    andel = antal.iloc[:topp].sum() / len(brott)
    assert andel > 0.40, f"De 5 % rutor med flest brott har bara {andel:.0%} av brotten"
    # Jämförelse: samma antal brott jämnt utspridda över studieområdet ger låg koncentration.
    rng = np.random.default_rng(1)
    omr = tp.las_omraden().set_index("omrade").loc["studieomrade", "geometry"]
    x0, y0, x1, y1 = omr.bounds
    x = rng.uniform(x0, x1, len(brott)) // 100
    y = rng.uniform(y0, y1, len(brott)) // 100
    slump = pd.Series(list(zip(x, y, strict=True))).value_counts()
    slump_andel = slump.iloc[:int(np.ceil(0.05 * len(slump)))].sum() / len(brott)
    assert andel > 3 * slump_andel


# --- Tid: veckodag, timme och säsong ---------------------------------------

def helgnatt(t: pd.Series) -> pd.Series:
    d, h = t.dt.day_of_week, t.dt.hour
    return ((d == 4) & (h >= 22)) | ((d == 5) & ((h < 4) | (h >= 22))) | ((d == 6) & (h < 4))


def test_vald_helgnatter_vid_busstation_och_krogar(brott: pd.DataFrame) -> None:
    v = tp.las_verksamheter()
    nav = v[v["typ"].isin(["Busstation", "Bar/pub", "Nattklubb"]) & (v["omrade"] ==
                                                                     "atgardsomrade")]
    assert len(nav) >= 4
    vald = brott[brott["brottstyp"].isin(VALD)].copy()
    avst = np.sqrt((vald["ost"].to_numpy()[:, None] - nav["ost"].to_numpy()[None, :]) ** 2
                   + (vald["nord"].to_numpy()[:, None] - nav["nord"].to_numpy()[None, :]) ** 2)
    nara = avst.min(axis=1) <= 150
    natt = helgnatt(vald["tidpunkt"]).to_numpy()
    # Helgnätterna är 12 av veckans 168 timmar (7 %).
    andel_nara = natt[nara].mean()
    andel_annars = natt[~nara].mean()
    assert andel_nara > 0.35, andel_nara
    assert andel_nara > 2 * andel_annars, (andel_nara, andel_annars)
    # Och de flesta våldsbrott på helgnätter sker nära busstationen och krogarna.
    assert nara[natt].mean() > 0.5
    # Brott per timme: helgnatt nära är minst fem gånger vanligare än andra timmar nära.
    per_timme_natt = (nara & natt).sum() / 12
    per_timme_ovrigt = (nara & ~natt).sum() / 156
    assert per_timme_natt > 5 * per_timme_ovrigt


def test_butiksstold_pa_vardagar_dagtid(brott: pd.DataFrame) -> None:
    bs = brott[brott["brottstyp"] == "Butiksstöld"]["tidpunkt"]
    vardag_dag = (bs.dt.day_of_week < 5) & bs.dt.hour.between(8, 17)
    natt = (bs.dt.hour >= 22) | (bs.dt.hour < 7)
    # Vardagar 08–18 är 50 av veckans 168 timmar (30 %).
    assert vardag_dag.mean() > 0.6, vardag_dag.mean()
    assert natt.mean() < 0.03, natt.mean()


def test_sasong_mer_brott_pa_sommaren(brott: pd.DataFrame) -> None:
    t = brott["tidpunkt"]
    dagar = pd.Series(pd.date_range("2021-01-01", "2025-12-31", freq="D"))
    def per_dag(urval: pd.Series, manader: list[int]) -> float:
        return urval.dt.month.isin(manader).sum() / dagar.dt.month.isin(manader).sum()

    sommar, vinter = [6, 7, 8], [12, 1, 2]
    assert per_dag(t, sommar) > 1.15 * per_dag(t, vinter)
    cykel = brott[brott["brottstyp"] == "Cykelstöld"]["tidpunkt"]
    assert per_dag(cykel, sommar) > 2.5 * per_dag(cykel, vinter)
    butik = brott[brott["brottstyp"] == "Butiksstöld"]["tidpunkt"]
    butik_per_dag = {m: per_dag(butik, [m]) for m in range(1, 13)}
    assert max(butik_per_dag, key=butik_per_dag.get) == 12
    # Skillnaden mellan månaderna är inte slump: chi-två mot lika många brott per dag.
    per_manad = t.dt.month.value_counts().sort_index()
    dagar_per_manad = dagar.dt.month.value_counts().sort_index()
    forvantat = dagar_per_manad / dagar_per_manad.sum() * per_manad.sum()
    assert stats.chisquare(per_manad, forvantat).pvalue < 1e-6


# --- Effekt, jämförelseområde, förflyttning och spridning ------------------

def antal(brott: pd.DataFrame, zon: str, ar: list[int], typ: str | None = None) -> float:
    d = brott[(brott["zon"] == zon) & brott["ar"].isin(ar)]
    if typ is not None:
        d = d[d["brottstyp"] == typ]
    return len(d) / len(ar)


FORE, EFTER = [2022, 2023], [2025]


def test_minskning_i_atgardsomradet_jamfort_med_jamforelseomradet(brott) -> None:
    a = antal(brott, "atgardsomrade", EFTER) / antal(brott, "atgardsomrade", FORE)
    c = antal(brott, "jamforelseomrade", EFTER) / antal(brott, "jamforelseomrade", FORE)
    assert a < 0.8, a
    # Nettoeffekt (relativ förändring mot jämförelseområdet) minst 15 procent.
    assert a / c < 0.85, (a, c)
    # Jämförelseområdet har en egen, svagare trend: ingen stor förändring.
    assert 0.8 < c < 1.1, c


def wdq(brott: pd.DataFrame, typ: str | None = None) -> float:
    def kvot(zon: str, ar: list[int]) -> float:
        return antal(brott, zon, ar, typ) / antal(brott, "jamforelseomrade", ar, typ)

    tallare = kvot("buffertzon", EFTER) - kvot("buffertzon", FORE)
    namnare = kvot("atgardsomrade", EFTER) - kvot("atgardsomrade", FORE)
    return tallare / namnare


def test_spridning_av_nytta_i_buffertzonen_wdq_positiv(brott: pd.DataFrame) -> None:
    varde = wdq(brott)
    assert varde > 0.1, f"WDQ = {varde:.2f}; väntade spridning av nytta (WDQ > 0)"
    assert varde < 1, varde


def test_narkotikabrott_forflyttas_till_buffertzonen(brott: pd.DataFrame) -> None:
    typ = "Narkotikabrott"
    a_fore, a_efter = antal(brott, "atgardsomrade", FORE, typ), antal(brott, "atgardsomrade",
                                                                      EFTER, typ)
    b_fore, b_efter = antal(brott, "buffertzon", FORE, typ), antal(brott, "buffertzon",
                                                                   EFTER, typ)
    assert a_efter < 0.7 * a_fore
    assert b_efter > 1.4 * b_fore
    assert wdq(brott, typ) < 0, "väntade förflyttning av narkotikabrott (WDQ < 0)"
    # Ökningen sitter vid Kyrkparken.
    v = tp.las_verksamheter().set_index("namn")
    kp = v.loc["Kyrkparken", ["ost", "nord"]].astype(float)
    nark = brott[(brott["brottstyp"] == typ) & (brott["zon"] == "buffertzon")]
    nara = np.hypot(nark["ost"] - kp["ost"], nark["nord"] - kp["nord"]) < 150
    per_ar = nark[nara].groupby("ar").size()
    assert per_ar.get(2025, 0) > 2 * per_ar.reindex(FORE, fill_value=0).mean()


def test_2023_var_ett_toppar_i_atgardsomradet(brott: pd.DataFrame) -> None:
    # Analysåret var ovanligt högt: risk för regression mot medelvärdet.
    topp = antal(brott, "atgardsomrade", [2023])
    assert topp > 1.1 * antal(brott, "atgardsomrade", [2021, 2022])


# --- Enkäten ---------------------------------------------------------------

def test_kvinnor_och_aldre_mer_otrygga_pa_kvallen(svar: pd.DataFrame) -> None:
    for ar, d in svar.groupby("ar"):
        kvinnor = viktad_andel(d[d["kon"] == "Kvinna"], "otrygg_kvall", OTRYGGA)
        man = viktad_andel(d[d["kon"] == "Man"], "otrygg_kvall", OTRYGGA)
        assert kvinnor > man + 0.1, (ar, kvinnor, man)
        alder = {g: viktad_andel(d[d["aldersgrupp"] == g], "otrygg_kvall", OTRYGGA)
                 for g in d["aldersgrupp"].cat.categories}
        assert max(alder, key=alder.get) == "65–84", (ar, alder)


def test_oro_for_samhallet_over_lokal_otrygghet(svar: pd.DataFrame) -> None:
    for ar, d in svar.groupby("ar"):
        oro = viktad_andel(d, "oro_samhalle", STOR_ORO)
        otrygg = viktad_andel(d, "otrygg_kvall", OTRYGGA)
        assert oro > otrygg + 0.15, (ar, oro, otrygg)
        assert 0.15 < otrygg < 0.4 and 0.35 < oro < 0.7


def test_trygghet_i_centrum_okar_efter_atgarderna(svar: pd.DataFrame) -> None:
    otrygga = ["Ganska otrygg", "Mycket otrygg"]
    c = svar[svar["omrade"] == "Centrum"]
    fore = viktad_andel(c[c["ar"] == 2023], "otrygg_centrum", otrygga)
    efter = viktad_andel(c[c["ar"] == 2025], "otrygg_centrum", otrygga)
    assert efter < fore - 0.05, (fore, efter)
    stort = ["Ganska stort problem", "Mycket stort problem"]
    bel_fore = viktad_andel(c[c["ar"] == 2023], "problem_belysning", stort)
    bel_efter = viktad_andel(c[c["ar"] == 2025], "problem_belysning", stort)
    assert bel_efter < bel_fore - 0.1, (bel_fore, bel_efter)


def test_bortfallet_ar_skevt_sa_vikterna_spelar_roll() -> None:
    e = tp.las_enkat()
    unga_man = e[(e["kon"] == "Man") & (e["aldersgrupp"] == "16–24")]["svarat"].mean()
    aldre_kvinnor = e[(e["kon"] == "Kvinna") & (e["aldersgrupp"] == "65–84")]["svarat"].mean()
    assert unga_man < 0.4 < 0.6 < aldre_kvinnor, (unga_man, aldre_kvinnor)
    svar = e[e["svarat"]]
    for _ar, d in svar.groupby("ar"):
        d = d[d["otrygg_kvall"].notna()]
        oviktad = d["otrygg_kvall"].isin(OTRYGGA).mean()
        viktad = viktad_andel(d, "otrygg_kvall", OTRYGGA)
        assert abs(oviktad - viktad) > 0.01


# --- Flöden, besiktning och samverkan ---------------------------------------

def test_fler_pa_parkstraket_pa_kvallen_efter_belysningen() -> None:
    f = tp.las_flode(bred=True)
    t = f["tidpunkt"]
    kvall = (t.dt.hour >= 18) | (t.dt.hour < 1)
    dag = t.dt.hour.between(9, 15)

    def kvot(start: str, slut: str) -> float:
        period = (t >= pd.Timestamp(start, tz="Europe/Stockholm")) & (
            t < pd.Timestamp(slut, tz="Europe/Stockholm"))
        p = f.loc[period, "parkstraket"]
        return float(p[kvall[period]].mean() / p[dag[period]].mean())

    # Samma årstid före och efter, kvällsflöde i förhållande till dagflöde.
    fore = kvot("2023-11-01", "2024-03-01")
    efter = kvot("2024-11-01", "2025-03-01")
    assert efter > 1.2 * fore, (fore, efter)


def test_besiktningen_forbattras_dar_atgarder_gjordes() -> None:
    b = tp.las_besiktning()
    bred = b.pivot_table(index=["delplats", "faktor"], columns="ar", values="poang",
                         observed=True)
    assert (bred[2025] - bred[2023]).mean() > 1
    park = bred.loc["Parkstråket"]
    assert tp.besiktningsniva(int(park.loc["Belysning", 2023])) == "Röd"
    assert tp.besiktningsniva(int(park.loc["Belysning", 2025])) == "Grön"
    atg = tp.las_atgarder()
    med_atgard = set(atg["delplats"])
    forandring = (bred[2025] - bred[2023]).groupby(level="delplats", observed=True).mean()
    assert forandring.loc[sorted(med_atgard & set(forandring.index))].min() > 0


def medelavstand(kanter: pd.DataFrame) -> float:
    grannar: dict[str, set[str]] = {}
    for a, b in zip(kanter["fran"], kanter["till"], strict=True):
        grannar.setdefault(a, set()).add(b)
        grannar.setdefault(b, set()).add(a)
    avstand = []
    for start in sorted(grannar):
        sett = {start: 0}
        ko = deque([start])
        while ko:
            nod = ko.popleft()
            for g in sorted(grannar[nod]):
                if g not in sett:
                    sett[g] = sett[nod] + 1
                    ko.append(g)
        assert len(sett) == len(grannar), "nätverket hänger inte ihop"
        avstand += [v for k, v in sett.items() if k != start]
    return float(np.mean(avstand))


def test_kortare_kontaktvagar_efter_platssamverkan() -> None:
    fore = medelavstand(tp.las_kontakter(period="fore"))
    efter = medelavstand(tp.las_kontakter(period="efter"))
    assert efter < fore - 0.5, (fore, efter)
