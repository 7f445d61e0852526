"""Tester för tryggaplatser.rumslig: rutnät, Gi* och kartdetaljer."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import itertools  # noqa: E402
import warnings  # noqa: E402

import geopandas as gpd  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from shapely.geometry import box  # noqa: E402

from tryggaplatser.rumslig import (  # noqa: E402
    SWEREF99TM,
    gi_star,
    kartram,
    nordpil,
    rita_linjer,
    ruta_for_punkt,
    rutnat,
    skalstock,
)

koordinater = st.floats(min_value=0, max_value=2_000, allow_nan=False)


@given(koordinater, koordinater, st.sampled_from([50, 100, 250]))
def test_punkten_ligger_i_sin_ruta(x, y, storlek):
    rx, ry = ruta_for_punkt(x, y, storlek)
    assert rx <= x < rx + storlek
    assert ry <= y < ry + storlek
    assert rx % storlek == 0 and ry % storlek == 0


@given(koordinater, koordinater)
def test_rutan_ar_stabil(x, y):
    # samma punkt ger samma ruta, och en flytt inom rutan byter inte ruta
    rx, ry = ruta_for_punkt(x, y)
    assert ruta_for_punkt(x, y) == (rx, ry)
    assert ruta_for_punkt(rx + 0.5, ry + 99.5) == (rx, ry)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(koordinater, koordinater), min_size=1, max_size=40))
def test_rutnatet_tappar_inga_punkter(punkter):
    df = pd.DataFrame(punkter, columns=["ost", "nord"])
    rutor = rutnat(df, utstrackning=(0, 0, 2_001, 2_001))
    assert rutor["antal"].sum() == len(df)
    assert (rutor["antal"] >= 0).all()
    # varje punkt räknas i den ruta som ruta_for_punkt anger
    for x, y in punkter[:5]:
        rx, ry = ruta_for_punkt(x, y)
        rad = rutor[(rutor["ruta_x"] == rx) & (rutor["ruta_y"] == ry)]
        assert len(rad) == 1 and rad["antal"].iloc[0] >= 1


def test_rutnatet_har_tomma_rutor_och_ratt_form():
    df = pd.DataFrame({"ost": [10.0], "nord": [10.0]})
    rutor = rutnat(df, storlek=100, utstrackning=(0, 0, 300, 200))
    assert len(rutor) == 6
    assert rutor["antal"].tolist() == [1, 0, 0, 0, 0, 0]
    assert rutor.crs.to_epsg() == 3006
    assert rutor.geometry.area.tolist() == pytest.approx([10_000.0] * 6)


def test_punkt_utanfor_utstrackningen_ger_fel():
    df = pd.DataFrame({"ost": [10.0, 900.0], "nord": [10.0, 10.0]}, index=[7, 8])
    with pytest.raises(ValueError, match="rad 8"):
        rutnat(df, utstrackning=(0, 0, 300, 300))


def test_saknad_kolumn_och_trasig_koordinat():
    with pytest.raises(KeyError, match="'nord'"):
        rutnat(pd.DataFrame({"ost": [1.0], "y": [1.0]}))
    with pytest.raises(ValueError, match="rad 1"):
        rutnat(pd.DataFrame({"ost": [1.0, "abc"], "nord": [1.0, 2.0]}))
    # egna kolumnnamn går också bra
    rutor = rutnat(pd.DataFrame({"x": [1.0], "y": [1.0]}), x="x", y="y")
    assert rutor["antal"].sum() == 1


def _kluster_rutnat():
    rng = np.random.default_rng(7)
    bakgrund = rng.uniform(0, 1_500, size=(300, 2))
    kluster = rng.normal(750, 60, size=(200, 2))
    df = pd.DataFrame(np.vstack([bakgrund, kluster]), columns=["ost", "nord"])
    return rutnat(df, utstrackning=(0, 0, 1_500, 1_500))


def _rutor_fran_matris(varden: np.ndarray) -> gpd.GeoDataFrame:
    """Ett rutnät med 100-metersrutor, rad för rad från söder, med värdena i kolumnen antal."""
    rader, kolumner = varden.shape
    r, k = np.divmod(np.arange(rader * kolumner), kolumner)
    geometri = [box(kk * 100, rr * 100, kk * 100 + 100, rr * 100 + 100) for rr, kk in zip(r, k, strict=True)]
    return gpd.GeoDataFrame({"antal": varden.ravel().astype(float)}, geometry=geometri, crs="EPSG:3006")


def test_punkt_pa_rutnatets_yttre_kant_raknas():
    # Punkter exakt på den östra och norra kanten (x = 300, y = 100) hör till rutnätet.
    df = pd.DataFrame({"ost": [300.0, 150.0, 300.0], "nord": [50.0, 100.0, 100.0]})
    rutor = rutnat(df, storlek=100, utstrackning=(0, 0, 300, 100))
    assert rutor["antal"].sum() == 3
    assert rutor.set_index(["ruta_x", "ruta_y"])["antal"].to_dict() == {(0, 0): 0, (100, 0): 1, (200, 0): 2}
    assert ruta_for_punkt(300, 100, utstrackning=(0, 0, 300, 100)) == (200, 0)
    assert ruta_for_punkt(300, 50, utstrackning=(0, 0, 300, 100)) == (200, 0)
    # Inne i rutnätet gäller den vanliga regeln: gränsen hör till rutan norr och öster om den.
    assert ruta_for_punkt(200, 50, utstrackning=(0, 0, 300, 100)) == (200, 0)
    # Strax utanför kanten är utanför.
    with pytest.raises(ValueError, match="utanför"):
        rutnat(pd.DataFrame({"ost": [300.5], "nord": [50.0]}), utstrackning=(0, 0, 300, 100))
    with pytest.raises(ValueError, match="utanför"):
        ruta_for_punkt(300.5, 50, utstrackning=(0, 0, 300, 100))


def test_gi_star_anvander_de_atta_grannarna_och_rutan_sjalv():
    # 4 × 4 rutor. Det enda stora värdet ligger snett ovanför hörnrutan nere till vänster.
    varden = np.zeros((4, 4))
    varden[1, 1] = 10
    varden[3, 3] = 1
    varden[0, 0] = 2
    res = gi_star(_rutor_fran_matris(varden), permutationer=999, fro=1)
    summa = res["summa"].to_numpy().reshape(4, 4)
    grannar = res["grannar"].to_numpy().reshape(4, 4)
    # Hörnrutan: sig själv (2), öster (0), norr (0) och diagonalen (10). Med bara
    # grannar i väster, öster, norr och söder (tornets grannar) hade summan blivit 2.
    assert summa[0, 0] == 12
    # Rutan två steg österut når diagonalen (1, 1) men inte (0, 0).
    assert summa[0, 2] == 10
    # Rutan mitt emot i hörnet uppe till höger når inte (1, 1).
    assert summa[3, 3] == 1
    assert summa[2, 2] == 11
    assert grannar[0, 0] == 3 and grannar[0, 1] == 5 and grannar[1, 1] == 8


def test_gi_star_z_som_esda_med_drottninggrannar_inte_tornets():
    from esda import G_Local
    from libpysal.weights import lat2W

    rng = np.random.default_rng(4)
    varden = rng.gamma(2, 1, size=(12, 15))
    res = gi_star(_rutor_fran_matris(varden), permutationer=9_999, fro=3)
    y = varden.ravel()
    drottning = G_Local(y, lat2W(12, 15, rook=False), transform="B", permutations=0, star=True)
    torn = G_Local(y, lat2W(12, 15, rook=True), transform="B", permutations=0, star=True)
    assert res["z"].to_numpy() == pytest.approx(drottning.Zs, abs=1e-9)
    assert np.abs(res["z"].to_numpy() - torn.Zs).max() > 0.5


def test_gi_star_p_som_esda_utan_lika_varden():
    # Utan lika värden ger esdas omkastningar (riktade, dubblade) samma p-värden som
    # våra, bortsett från slumpens fel. Med 9 999 omkastningar är felet under 0,02.
    from esda import G_Local
    from libpysal.weights import lat2W

    rng = np.random.default_rng(5)
    varden = rng.gamma(2, 1, size=(10, 10))
    varden[4:7, 4:7] += 3
    res = gi_star(_rutor_fran_matris(varden), permutationer=9_999, fro=8)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        esda = G_Local(varden.ravel(), lat2W(10, 10, rook=False), transform="B", permutations=9_999,
                       star=True, n_jobs=1, seed=2)
    assert np.abs(res["p"].to_numpy() - np.minimum(2 * esda.p_sim, 1)).max() < 0.05


def test_gi_star_p_mot_exakt_uppraknad_fordelning():
    # 3 × 3 rutor. Varje ruta behåller sitt värde, och grannarna dras bland de 8 andra
    # rutorna. Alla sätt att välja grannarna räknas upp (56 för hörn och kanter), och
    # det exakta p-värdet jämförs med omkastningarnas. Värdena 2, 3 och 4 finns bara en
    # gång, 5 är störst: då märks det om fel förekomst tas bort ur urnan.
    varden = np.array([[5.0, 1, 0], [2, 0, 3], [0, 1, 4]])
    res = gi_star(_rutor_fran_matris(varden), permutationer=99_999, fro=11)
    y = varden.ravel()
    for i in range(9):
        rad, kol = divmod(i, 3)
        grannar = [
            r * 3 + k for r in range(rad - 1, rad + 2) for k in range(kol - 1, kol + 2)
            if 0 <= r < 3 and 0 <= k < 3 and (r, k) != (rad, kol)
        ]
        observerat = y[grannar].sum()
        summor = np.array([sum(c) for c in itertools.combinations(np.delete(y, i), len(grannar))])
        hog, lag = (summor >= observerat).mean(), (summor <= observerat).mean()
        exakt = min(1.0, 2 * min(hog, lag))
        assert res["p"].iloc[i] == pytest.approx(exakt, abs=0.01), i
    # Mittrutan har alla andra rutor som grannar: summan ändras aldrig, så p = 1 och z = 0.
    assert res["p"].iloc[4] == 1.0
    assert res["z"].iloc[4] == 0.0


def test_gi_star_hittar_klustret_och_ar_reproducerbar():
    rutor = _kluster_rutnat()
    a = gi_star(rutor, permutationer=9_999, fro=1)
    b = gi_star(rutor, permutationer=9_999, fro=1)
    pd.testing.assert_frame_equal(a, b)
    hot = a["klass"] == "hot spot"
    # hot spot-rutorna ligger nära klustrets mitt (750, 750)
    mitt_x = rutor.loc[hot, "ruta_x"] + 50
    mitt_y = rutor.loc[hot, "ruta_y"] + 50
    assert hot.sum() >= 4
    assert (np.hypot(mitt_x - 750, mitt_y - 750) < 400).all()


def test_gi_star_klassen_bygger_pa_justerade_p():
    # Utan mönster: några rutor får p under 0,05 av slump, men inte efter FDR-justering.
    rng = np.random.default_rng(3)
    df = pd.DataFrame(rng.uniform(0, 2_000, size=(800, 2)), columns=["ost", "nord"])
    res = gi_star(rutnat(df, utstrackning=(0, 0, 2_000, 2_000)), permutationer=19_999)
    bara_ojusterat = (res["p"] <= 0.05) & (res["p_fdr"] > 0.05)
    assert bara_ojusterat.sum() >= 3
    assert (res.loc[bara_ojusterat, "klass"] == "ej signifikant").all()
    assert (res.loc[res["klass"] != "ej signifikant", "p_fdr"] <= 0.05).all()
    assert (res["p_bonferroni"] <= 0.05).sum() <= 2


def test_gi_star_justeringarna_ar_strangare_och_p_har_ett_golv():
    res = gi_star(_kluster_rutnat(), permutationer=9_999)
    assert (res["p_fdr"] >= res["p"] - 1e-12).all()
    assert (res["p_bonferroni"] >= res["p_fdr"] - 1e-12).all()
    # omkastningarnas p-värde har ett golv på 2/(9 999 + 1)
    assert res["p"].min() >= 2 / 10_000 - 1e-12
    assert res["p"].min() == pytest.approx(2 / 10_000)


def test_gi_star_varnar_nar_bonferroni_inte_kan_klaras():
    # 225 rutor: Bonferronis gräns är 0,05/225 ≈ 0,00022. Golvet 2/(P + 1) når dit först vid P = 8 999.
    with pytest.warns(UserWarning, match="minst 8999 omkastningar"):
        gi_star(_kluster_rutnat(), permutationer=8_998)
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)
        gi_star(_kluster_rutnat(), permutationer=8_999)


def test_gi_star_felaktig_indata():
    rutor = _kluster_rutnat()
    with pytest.raises(KeyError, match="saknas"):
        gi_star(rutor, kolumn="brott")
    with pytest.raises(ValueError, match="minst 9"):
        gi_star(rutor.head(4))
    with pytest.raises(ValueError, match="samma värde"):
        gi_star(rutor.assign(antal=3))


def test_kartdetaljer():
    fig, ax = plt.subplots()
    kartram(ax, (0, 0, 2_000, 1_000))
    langd = skalstock(ax)
    nordpil(ax)
    texter = [t.get_text() for t in ax.texts]
    assert langd == 500
    assert "500\xa0m" in texter and "N" in texter
    assert ax.get_aspect() == 1.0
    assert skalstock(ax, langd=1_500) == 1_500
    assert "1,5\xa0km" in [t.get_text() for t in ax.texts]
    with pytest.raises(ValueError, match="större än 0"):
        skalstock(ax, langd=0)
    plt.close(fig)


def test_rita_linjer_ritar_gator_och_kanter_utan_att_rita_om_figuren():
    from shapely.geometry import LineString, MultiLineString, Point, Polygon

    fig, ax = plt.subplots()
    ritningar = []
    fig.canvas.mpl_connect("draw_event", ritningar.append)
    gator = gpd.GeoDataFrame(
        {"namn": ["Storgatan", "Torggatan", "tom", "saknas"]},
        geometry=[LineString([(0, 0), (300, 0)]),
                  MultiLineString([[(0, 100), (50, 100)], [(60, 100), (90, 120), (120, 100)]]),
                  LineString(), None],
        crs=SWEREF99TM,
    )
    med_hal = Polygon([(0, 0), (400, 0), (400, 300), (0, 300)], holes=[[(100, 100), (200, 100), (200, 200)]])
    gator_linjer = rita_linjer(ax, gator, color="grey", linewidth=0.8)
    kanter = rita_linjer(ax, gpd.GeoSeries([med_hal, box(500, 0, 600, 50)]), color="black", linestyle="--")

    # Den tomma och den saknade gatan hoppas över; multilinjen blir två linjer med sina egna punkter.
    assert [s.tolist() for s in gator_linjer.get_segments()] == [
        [[0, 0], [300, 0]], [[0, 100], [50, 100]], [[60, 100], [90, 120], [120, 100]]]
    # En yta ritas med sin kant: ytterkanten och hålet för sig, slutna (första punkten en gång till).
    segment = kanter.get_segments()
    assert [len(s) for s in segment] == [5, 4, 5]
    assert all((s[0] == s[-1]).all() for s in segment)
    assert kanter.get_linestyle() != gator_linjer.get_linestyle()
    assert ax.get_xlim()[1] >= 600  # axlarna rymmer linjerna
    assert ritningar == []  # geopandas ritar om figuren efter varje lager; det här gör det inte
    with pytest.raises(TypeError, match="'inte en geometri' är inte en geometri"):
        rita_linjer(ax, [Point(0, 0).buffer(1), "inte en geometri"])
    plt.close(fig)
