"""Tester för tryggaplatser.rumslig: rutnät, Gi* och kartdetaljer."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tryggaplatser.rumslig import (  # noqa: E402
    gi_star,
    kartram,
    nordpil,
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


def test_gi_star_hittar_klustret_och_ar_reproducerbar():
    rutor = _kluster_rutnat()
    a = gi_star(rutor, permutationer=99, fro=1)
    b = gi_star(rutor, permutationer=99, fro=1)
    pd.testing.assert_frame_equal(a, b)
    hot = a["klass"] == "hot spot"
    # hot spot-rutorna ligger nära klustrets mitt (750, 750)
    mitt_x = rutor.loc[hot, "ruta_x"] + 50
    mitt_y = rutor.loc[hot, "ruta_y"] + 50
    assert hot.sum() >= 4
    assert (np.hypot(mitt_x - 750, mitt_y - 750) < 400).all()


def test_gi_star_justeringarna_ar_strangare():
    res = gi_star(_kluster_rutnat(), permutationer=99)
    assert (res["p_fdr"] >= res["p"] - 1e-12).all()
    assert (res["p_bonferroni"] >= res["p_fdr"] - 1e-12).all()
    # omkastningarnas p-värde har ett golv på 2/(99+1)
    assert res["p_perm"].min() >= 2 / 100 - 1e-6


def test_gi_star_utan_monster_ger_fa_fynd_efter_justering():
    rng = np.random.default_rng(3)
    df = pd.DataFrame(rng.uniform(0, 2_000, size=(800, 2)), columns=["ost", "nord"])
    res = gi_star(rutnat(df, utstrackning=(0, 0, 2_000, 2_000)), permutationer=99)
    assert (res["p"] <= 0.05).sum() > (res["p_fdr"] <= 0.05).sum() or (res["p"] <= 0.05).sum() == 0
    assert (res["p_bonferroni"] <= 0.05).sum() <= 2


def test_gi_star_felaktig_indata():
    rutor = _kluster_rutnat()
    with pytest.raises(KeyError, match="saknas"):
        gi_star(rutor, kolumn="brott")
    with pytest.raises(ValueError, match="minst 9"):
        gi_star(rutor.head(4))


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
