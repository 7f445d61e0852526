"""Tester av tryggaplatser.statistik: andelar, Wilsons intervall och vikter."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tryggaplatser.statistik import (
    FLAGGA_UNDER,
    FOR_FA_I_KATEGORI,
    FOR_FA_SVAR,
    MINSTA_ANTAL_I_KATEGORI,
    MINSTA_ANTAL_SVAR,
    SAKNAS,
    SKYDDAR_ANNAN_GRUPP,
    andel_med_ki,
    andel_per_grupp,
    designeffekt,
    effektivt_n,
    skal_att_dolja,
    skillnad_med_ki,
    wilson_intervall,
)

Z95 = 1.959963984540054


def wilson_genom_att_invertera_testet(andel: float, n: float, z: float = Z95):
    """Oberoende beräkning: Wilsons intervall är de p0 där |andel − p0| ≤ z·√(p0(1−p0)/n).

    Gränserna är rötterna till (andel − p0)² = z²·p0(1 − p0)/n, en andragradsekvation i p0.
    """
    a = 1 + z * z / n
    b = -(2 * andel + z * z / n)
    c = andel * andel
    rotter = np.sort(np.roots([a, b, c]).real)
    return float(rotter[0]), float(rotter[1])


# --- effektivt_n och designeffekt ----------------------------------------------------------


def test_effektivt_n_for_kant_exempel():
    # Två svar, det ena med dubbel vikt: (1 + 2)² / (1 + 4) = 9/5.
    assert effektivt_n([1, 2]) == pytest.approx(1.8)


def test_effektivt_n_tar_pandas_serie():
    assert effektivt_n(pd.Series([0.5, 0.5, 0.5])) == pytest.approx(3.0)


@pytest.mark.parametrize("vikter", [[], [1, 0], [1, -2], [1, float("nan")], [1, math.inf]])
def test_effektivt_n_avvisar_ogiltiga_vikter(vikter):
    with pytest.raises(ValueError, match="effektivt_n"):
        effektivt_n(vikter)


def test_effektivt_n_avvisar_text():
    with pytest.raises(TypeError, match="tal"):
        effektivt_n(["ett", "två"])


@given(n=st.integers(1, 500), vikt=st.floats(0.01, 1000))
def test_lika_vikter_ger_effektivt_n_lika_med_n(n, vikt):
    assert effektivt_n([vikt] * n) == pytest.approx(n)
    assert designeffekt([vikt] * n) == pytest.approx(1.0)


@given(st.lists(st.floats(0.01, 100), min_size=1, max_size=200))
def test_effektivt_n_ligger_mellan_1_och_n(vikter):
    n_eff = effektivt_n(vikter)
    assert 1 - 1e-9 <= n_eff <= len(vikter) + 1e-9
    assert designeffekt(vikter) >= 1 - 1e-9
    assert designeffekt(vikter) * n_eff == pytest.approx(len(vikter))


@given(st.lists(st.floats(0.01, 100), min_size=1, max_size=50), st.floats(0.1, 10))
def test_effektivt_n_beror_inte_pa_viktens_skala(vikter, faktor):
    assert effektivt_n([w * faktor for w in vikter]) == pytest.approx(effektivt_n(vikter))


# --- wilson_intervall ----------------------------------------------------------------------


@pytest.mark.parametrize("andel,n", [(0.3, 100), (0.05, 40), (0.5, 10), (0.9, 1000), (0.27, 612.4)])
def test_wilson_stammer_med_inverterat_scoretest(andel, n):
    nedre, ovre = wilson_intervall(andel, n)
    vantat = wilson_genom_att_invertera_testet(andel, n)
    assert (nedre, ovre) == pytest.approx(vantat, abs=1e-9)


def test_wilson_vid_noll_och_alla():
    assert wilson_intervall(0.0, 25)[0] == 0.0
    assert wilson_intervall(1.0, 25)[1] == 1.0
    # Till skillnad från Waldintervallet blir intervallet inte noll brett vid andelen 0.
    assert wilson_intervall(0.0, 25)[1] > 0.05


def test_wilson_bredare_vid_hogre_konfidens():
    n90 = wilson_intervall(0.4, 80, konfidens=0.90)
    n99 = wilson_intervall(0.4, 80, konfidens=0.99)
    assert n99[0] < n90[0] and n99[1] > n90[1]


@pytest.mark.parametrize(
    "andel,n,konfidens,meddelande",
    [
        (1.2, 10, 0.95, "mellan 0 och 1"),
        (-0.1, 10, 0.95, "mellan 0 och 1"),
        (0.5, -3, 0.95, "större än 0"),
        (0.5, 10, 95, "konfidens"),
        (float("nan"), 10, 0.95, "saknas"),
    ],
)
def test_wilson_avvisar_ogiltiga_varden(andel, n, konfidens, meddelande):
    with pytest.raises(ValueError, match=meddelande):
        wilson_intervall(andel, n, konfidens)


@given(
    andel=st.floats(0, 1),
    n=st.floats(0.5, 1e6),
    konfidens=st.floats(0.5, 0.999),
)
def test_wilson_innehaller_andelen_och_ligger_i_0_1(andel, n, konfidens):
    nedre, ovre = wilson_intervall(andel, n, konfidens)
    assert 0.0 <= nedre <= andel <= ovre <= 1.0


@given(andel=st.floats(0.01, 0.99), n=st.floats(2, 1e5))
def test_wilson_smalnar_med_fler_svar(andel, n):
    smalt = wilson_intervall(andel, 4 * n)
    brett = wilson_intervall(andel, n)
    assert smalt[1] - smalt[0] < brett[1] - brett[0]


@given(andel=st.floats(0, 1), n=st.floats(1, 1e4))
def test_wilson_ar_symmetriskt_kring_halften(andel, n):
    nedre, ovre = wilson_intervall(andel, n)
    spegel_nedre, spegel_ovre = wilson_intervall(1 - andel, n)
    assert nedre == pytest.approx(1 - spegel_ovre, abs=1e-9)
    assert ovre == pytest.approx(1 - spegel_nedre, abs=1e-9)


# --- andel_med_ki --------------------------------------------------------------------------


def test_ovagd_andel_raknar_sanna_svar():
    r = andel_med_ki([True] * 27 + [False] * 73)
    assert r["andel"] == pytest.approx(0.27)
    assert r["n"] == 100 and r["n_eff"] == 100
    assert (r["ki_nedre"], r["ki_ovre"]) == pytest.approx(
        wilson_genom_att_invertera_testet(0.27, 100)
    )


def test_vagd_andel_och_effektivt_n():
    # Två svar med vikt 3 som är otrygga, två med vikt 1 som inte är det: 6 / 8.
    r = andel_med_ki([1, 1, 0, 0], vikter=[3, 3, 1, 1])
    assert r["andel"] == pytest.approx(0.75)
    assert r["n_eff"] == pytest.approx(64 / 20)
    assert (r["ki_nedre"], r["ki_ovre"]) == pytest.approx(
        wilson_genom_att_invertera_testet(0.75, 64 / 20)
    )


def test_andel_med_ki_kraver_lika_manga_vikter():
    with pytest.raises(ValueError, match="3 svar men 2 vikter"):
        andel_med_ki([1, 0, 1], vikter=[1, 2])


def test_andel_med_ki_stoppar_saknade_svar():
    with pytest.raises(ValueError, match="1 svar saknar värde"):
        andel_med_ki(pd.Series([True, None, False], dtype="boolean"))


def test_andel_med_ki_stoppar_andra_varden_an_0_och_1():
    with pytest.raises(ValueError, match="rad 2"):
        andel_med_ki([0, 1, 2])
    with pytest.raises(TypeError, match="sant/falskt"):
        andel_med_ki(["ja", "nej"])


def test_andel_med_ki_stoppar_tomt_utfall():
    with pytest.raises(ValueError, match="inga svar"):
        andel_med_ki([])


@settings(max_examples=60)
@given(st.lists(st.tuples(st.booleans(), st.floats(0.05, 20)), min_size=1, max_size=300))
def test_vagd_andel_har_intervall_runt_sig(par):
    utfall = [u for u, _ in par]
    vikter = [w for _, w in par]
    r = andel_med_ki(utfall, vikter)
    assert 0 <= r["ki_nedre"] <= r["andel"] <= r["ki_ovre"] <= 1
    assert r["n_eff"] <= r["n"] + 1e-9


@given(st.lists(st.booleans(), min_size=1, max_size=300), st.floats(0.1, 50))
def test_lika_vikter_ger_samma_resultat_som_ovagt(utfall, vikt):
    ovagt = andel_med_ki(utfall)
    vagt = andel_med_ki(utfall, [vikt] * len(utfall))
    for k in ("andel", "ki_nedre", "ki_ovre", "n_eff"):
        assert vagt[k] == pytest.approx(ovagt[k])


# --- andel_per_grupp -----------------------------------------------------------------------


@pytest.fixture
def enkat() -> pd.DataFrame:
    # 60 kvinnor (30 otrygga), 40 män (8 otrygga), 4 som svarat "annat" (alla otrygga).
    return pd.DataFrame(
        {
            "kon": ["kvinna"] * 60 + ["man"] * 40 + ["annat"] * 4,
            "omrade": (["centrum", "norr"] * 52),
            "otrygg": [True] * 30 + [False] * 30 + [True] * 8 + [False] * 32 + [True] * 4,
            "vikt": [1.0] * 60 + [2.0] * 40 + [1.0] * 4,
        }
    )


def test_andel_per_grupp_raknar_ratt_andelar(enkat):
    t = andel_per_grupp(enkat, "kon", "otrygg", sekundart_skydd=False)
    assert t.loc["kvinna", "andel"] == pytest.approx(0.5)
    assert t.loc["man", "andel"] == pytest.approx(0.2)
    assert list(t["n"]) == [4, 60, 40]  # grupperna i bokstavsordning


def test_andel_per_grupp_doljer_och_flaggar(enkat):
    t = andel_per_grupp(enkat, "kon", "otrygg", minsta_antal_svar=5, flagga_under=50,
                        sekundart_skydd=False)
    assert t.loc["annat", "status"] == "dold"
    assert t.loc["annat", "skal"] == FOR_FA_SVAR
    assert t.loc["annat", ["andel", "ki_nedre", "ki_ovre"]].isna().all()
    assert t.loc["annat", "n"] == 4  # antalet finns kvar, men inte andelen
    assert t.loc["man", "status"] == "osäker"  # 40 < 50
    assert t.loc["kvinna", "status"] == "ok"
    assert t.loc["kvinna", "skal"] == "" and t.loc["man", "skal"] == ""


def test_flaggan_galler_effektivt_n(enkat):
    # Inom varje kön är vikterna lika, så n_eff = n. Blanda vikter i en grupp:
    df = enkat.copy()
    df.loc[df["kon"] == "kvinna", "vikt"] = [1.0] * 30 + [10.0] * 30
    t = andel_per_grupp(df, "kon", "otrygg", vikt="vikt", flagga_under=50)
    assert t.loc["kvinna", "n"] == 60
    assert t.loc["kvinna", "n_eff"] < 50
    assert t.loc["kvinna", "status"] == "osäker"


def test_andel_per_grupp_med_tva_grupperingar(enkat):
    t = andel_per_grupp(enkat, ["kon", "omrade"], "otrygg")
    assert t.index.names == ["kon", "omrade"]
    assert t["n"].sum() == len(enkat)


def test_saknad_gruppuppgift_blir_egen_grupp(enkat):
    df = enkat.copy()
    df.loc[[0, 1, 2], "kon"] = None
    t = andel_per_grupp(df, "kon", "otrygg", minsta_antal_svar=0)
    assert t.loc[SAKNAS, "n"] == 3
    assert t["n"].sum() == len(df)


def test_saknad_uppgift_i_kategorisk_kolumn(enkat):
    df = enkat.copy()
    df["kon"] = pd.Categorical(df["kon"], categories=["kvinna", "man", "annat"])
    df.loc[[0, 1], "kon"] = np.nan
    t = andel_per_grupp(df, "kon", "otrygg", minsta_antal_svar=0)
    assert t.loc[SAKNAS, "n"] == 2
    assert list(t.index) == ["kvinna", "man", "annat", SAKNAS]


def test_okand_kolumn_ger_svenskt_fel(enkat):
    with pytest.raises(KeyError, match="'alder' finns inte"):
        andel_per_grupp(enkat, "alder", "otrygg")


def test_fel_i_en_grupp_namnger_gruppen(enkat):
    df = enkat.copy()
    df["otrygg"] = df["otrygg"].astype(int)
    df.loc[70, "otrygg"] = 3
    with pytest.raises(ValueError, match="gruppen .*man"):
        andel_per_grupp(df, "kon", "otrygg")


# --- regeln för små grupper: gränserna -----------------------------------------------------


def _grupp(namn: str, n: int, antal_otrygga: int) -> pd.DataFrame:
    return pd.DataFrame({"grupp": [namn] * n,
                         "otrygg": [True] * antal_otrygga + [False] * (n - antal_otrygga)})


def test_handbokens_granser_ar_de_som_texten_anger():
    # Grupper-notebooken och docstringarna säger 10 svar, 3 i en kategori och effektivt n 50.
    assert (MINSTA_ANTAL_SVAR, MINSTA_ANTAL_I_KATEGORI, FLAGGA_UNDER) == (10, 3, 50)


def test_grupp_med_exakt_tio_svar_visas_och_med_nio_doljs():
    # Handbokens gräns: 10 svar. Talen är skrivna ut här, inte hämtade ur konstanten,
    # så att testet fallerar om gränsen flyttas ett steg åt något håll.
    assert skal_att_dolja(10, 5) == ""
    assert skal_att_dolja(9, 5) == FOR_FA_SVAR
    df = pd.concat([_grupp("tio", 10, 5), _grupp("nio", 9, 4)])
    t = andel_per_grupp(df, "grupp", "otrygg", sekundart_skydd=False)
    assert t.loc["tio", "status"] != "dold"
    assert t.loc["tio", "andel"] == pytest.approx(0.5)
    assert t.loc["nio", "status"] == "dold"
    assert t.loc["nio", "skal"] == FOR_FA_SVAR
    assert np.isnan(t.loc["nio", "andel"])


def test_tre_i_kategorin_visas_och_tva_doljs():
    # Handbokens gräns: 3 svar i kategorin och 3 utanför den.
    assert skal_att_dolja(20, 3) == "" and skal_att_dolja(20, 17) == ""
    assert skal_att_dolja(20, 2) == FOR_FA_I_KATEGORI
    assert skal_att_dolja(20, 18) == FOR_FA_I_KATEGORI
    df = pd.concat([_grupp("tre", 20, 3), _grupp("två", 20, 2),
                    _grupp("sjutton", 20, 17), _grupp("arton", 20, 18)])
    t = andel_per_grupp(df, "grupp", "otrygg", sekundart_skydd=False)
    assert t.loc["tre", "andel"] == pytest.approx(0.15)
    assert t.loc["sjutton", "andel"] == pytest.approx(0.85)
    for namn in ("två", "arton"):
        assert t.loc[namn, "status"] == "dold", namn
        assert t.loc[namn, "skal"] == FOR_FA_I_KATEGORI
        assert np.isnan(t.loc[namn, "andel"])


@pytest.mark.parametrize("antal_otrygga", [0, 100])
def test_noll_och_hundra_procent_doljs_aven_i_stor_grupp(antal_otrygga):
    df = pd.concat([_grupp("alla lika", 100, antal_otrygga), _grupp("blandad", 100, 50)])
    t = andel_per_grupp(df, "grupp", "otrygg", sekundart_skydd=False)
    assert t.loc["alla lika", "status"] == "dold"
    assert t.loc["blandad", "status"] == "ok"


@pytest.mark.parametrize("grans", [1, 4, 25])
def test_gransen_for_antal_svar_galler_exakt_vid_vald_grans(grans):
    assert skal_att_dolja(grans, grans // 2 if grans > 1 else 0, minsta_antal_svar=grans,
                          minsta_antal_i_kategori=0) == ""
    assert skal_att_dolja(grans - 1, 0, minsta_antal_svar=grans,
                          minsta_antal_i_kategori=0) == FOR_FA_SVAR


@pytest.mark.parametrize("grans", [1, 2, 5])
def test_gransen_for_kategorin_galler_exakt_vid_vald_grans(grans):
    n = 40
    for antal in (grans, n - grans):
        assert skal_att_dolja(n, antal, minsta_antal_i_kategori=grans) == ""
    for antal in (grans - 1, n - grans + 1):
        assert skal_att_dolja(n, antal, minsta_antal_i_kategori=grans) == FOR_FA_I_KATEGORI


def test_kategorigransen_raknar_personer_inte_vikter():
    # Tre otrygga med små vikter får visas; två otrygga med stora vikter får inte det,
    # fast den vägda andelen är hög.
    tre = _grupp("tre", 30, 3).assign(vikt=[0.1] * 3 + [1.0] * 27)
    tva = _grupp("två", 30, 2).assign(vikt=[50.0] * 2 + [1.0] * 28)
    t = andel_per_grupp(pd.concat([tre, tva]), "grupp", "otrygg", vikt="vikt",
                        sekundart_skydd=False)
    assert t.loc["tre", "status"] != "dold"
    assert t.loc["två", "status"] == "dold"


def test_flaggan_galler_exakt_vid_effektivt_n_50():
    df = pd.concat([_grupp("femtio", 50, 20), _grupp("fyrtionio", 49, 20)])
    t = andel_per_grupp(df, "grupp", "otrygg", sekundart_skydd=False)
    assert t.loc["femtio", "status"] == "ok"
    assert t.loc["fyrtionio", "status"] == "osäker"


@pytest.mark.parametrize(
    "argument,fel",
    [
        ({"minsta_antal_svar": -1}, ValueError),
        ({"minsta_antal_i_kategori": -1}, ValueError),
        ({"flagga_under": -5}, ValueError),
        ({"minsta_antal_svar": 2.5}, TypeError),
        ({"minsta_antal_i_kategori": True}, TypeError),
    ],
)
def test_ogiltiga_granser_ger_svenskt_fel(enkat, argument, fel):
    with pytest.raises(fel, match="andel_per_grupp"):
        andel_per_grupp(enkat, "kon", "otrygg", **argument)


def test_skal_att_dolja_avvisar_fler_i_kategorin_an_svar():
    with pytest.raises(ValueError, match="större än n"):
        skal_att_dolja(5, 6)


# --- regeln för små grupper: sekundärt skydd ----------------------------------------------


def test_en_ensam_dold_grupp_skyddas_av_den_minsta_synliga():
    df = pd.concat([_grupp("A", 200, 60), _grupp("B", 40, 10), _grupp("C", 25, 5),
                    _grupp("D", 6, 3)])
    t = andel_per_grupp(df, "grupp", "otrygg")
    assert t.loc["D", "skal"] == FOR_FA_SVAR
    # Utan skydd går D att räkna fram ur totalen. C är den minsta synliga gruppen.
    assert t.loc["C", "status"] == "dold"
    assert t.loc["C", "skal"] == SKYDDAR_ANNAN_GRUPP
    assert np.isnan(t.loc["C", "andel"])
    assert list(t.loc[["A", "B"], "status"]) == ["ok", "osäker"]


def test_tva_dolda_grupper_behover_inget_extra_skydd():
    df = pd.concat([_grupp("A", 200, 60), _grupp("B", 40, 10), _grupp("C", 6, 3),
                    _grupp("D", 5, 2)])
    t = andel_per_grupp(df, "grupp", "otrygg")
    assert list(t["status"]) == ["ok", "osäker", "dold", "dold"]
    assert SKYDDAR_ANNAN_GRUPP not in set(t["skal"])


def test_inga_dolda_grupper_ger_inget_sekundart_skydd():
    df = pd.concat([_grupp("A", 200, 60), _grupp("B", 40, 10)])
    assert (andel_per_grupp(df, "grupp", "otrygg")["skal"] == "").all()


def test_sekundart_skydd_i_tva_riktningar():
    # Tre områden gånger två kön. Bara (norr, man) är för liten. Den går att räkna fram
    # både ur norrs totala andel och ur männens, så skyddet måste verka i båda riktningarna.
    delar = []
    for omrade, n_kvinnor, n_man in (("norr", 30, 5), ("centrum", 60, 50), ("söder", 40, 35)):
        delar.append(_grupp("kvinna", n_kvinnor, n_kvinnor // 2).assign(omrade=omrade))
        delar.append(_grupp("man", n_man, max(n_man // 3, 2)).assign(omrade=omrade))
    df = pd.concat(delar).rename(columns={"grupp": "kon"})
    t = andel_per_grupp(df, ["omrade", "kon"], "otrygg")
    dolda = set(t.index[t["status"] == "dold"])
    assert ("norr", "man") in dolda
    assert ("norr", "kvinna") in dolda  # skyddar inom norr
    assert ("söder", "man") in dolda  # den minsta synliga mannen skyddar inom männen
    assert ("söder", "kvinna") in dolda  # och då måste söder skyddas inom söder
    assert ("centrum", "kvinna") not in dolda and ("centrum", "man") not in dolda


@settings(max_examples=80)
@given(
    st.lists(st.tuples(st.integers(1, 40), st.floats(0, 1)), min_size=6, max_size=6),
)
def test_ingen_indelning_har_exakt_en_dold_grupp(celler):
    # Två kön gånger tre områden, med slumpade storlekar och andelar.
    delar = []
    for (n, p), (kon, omrade) in zip(celler, [(k, o) for k in "KM" for o in "xyz"], strict=True):
        antal = round(n * p)
        delar.append(_grupp(kon, n, antal).assign(omrade=omrade))
    df = pd.concat(delar).rename(columns={"grupp": "kon"})
    t = andel_per_grupp(df, ["kon", "omrade"], "otrygg")
    dold = t["status"] == "dold"
    for niva in ("kon", "omrade"):
        ovrig = "omrade" if niva == "kon" else "kon"
        per_indelning = dold.groupby(level=ovrig).agg(["sum", "size"])
        fel = per_indelning[(per_indelning["sum"] == 1) & (per_indelning["size"] > 1)]
        assert fel.empty, (niva, t[["n", "status", "skal"]])
    # Primärt dolda grupper är dolda av rätt skäl, och bara dolda grupper saknar andel.
    for (kon, omrade), rad in t.iterrows():
        d = df[(df["kon"] == kon) & (df["omrade"] == omrade)]
        if len(d) < 10 or min(d["otrygg"].sum(), (~d["otrygg"]).sum()) < 3:
            assert rad["status"] == "dold"
            assert rad["skal"] in (FOR_FA_SVAR, FOR_FA_I_KATEGORI)
    assert t.loc[dold, "andel"].isna().all() and t.loc[~dold, "andel"].notna().all()


# --- skillnad_med_ki -----------------------------------------------------------------------


def test_skillnad_stammer_med_newcombes_formel_raknad_for_hand():
    fore = andel_med_ki([True] * 40 + [False] * 60)
    efter = andel_med_ki([True] * 25 + [False] * 75)
    l1, u1 = wilson_genom_att_invertera_testet(0.40, 100)
    l2, u2 = wilson_genom_att_invertera_testet(0.25, 100)
    d = 0.25 - 0.40
    vantat_nedre = d - math.hypot(0.25 - l2, u1 - 0.40)
    vantat_ovre = d + math.hypot(u2 - 0.25, 0.40 - l1)
    r = skillnad_med_ki(fore, efter)
    assert r["skillnad"] == pytest.approx(-0.15)
    assert (r["ki_nedre"], r["ki_ovre"]) == pytest.approx((vantat_nedre, vantat_ovre))
    assert r["ki_ovre"] < 0  # 15 procentenheter med 100 svar per år är en säker minskning


def test_skillnad_kraver_resultat_fran_andel_med_ki():
    with pytest.raises(TypeError, match="andel_med_ki"):
        skillnad_med_ki({"andel": 0.3}, {"andel": 0.2, "n_eff": 10})


@given(
    p1=st.floats(0, 1), n1=st.floats(1, 1e4), p2=st.floats(0, 1), n2=st.floats(1, 1e4)
)
def test_skillnad_innehaller_skattningen_och_byter_tecken(p1, n1, p2, n2):
    a = {"andel": p1, "n_eff": n1}
    b = {"andel": p2, "n_eff": n2}
    r = skillnad_med_ki(a, b)
    assert -1 <= r["ki_nedre"] <= r["skillnad"] + 1e-12
    assert r["skillnad"] - 1e-12 <= r["ki_ovre"] <= 1
    omvand = skillnad_med_ki(b, a)
    assert omvand["ki_nedre"] == pytest.approx(-r["ki_ovre"], abs=1e-9)
    assert omvand["ki_ovre"] == pytest.approx(-r["ki_nedre"], abs=1e-9)


def test_kategoriernas_ordning_foljer_med_vid_unstack(enkat):
    df = enkat.copy()
    df["omrade"] = pd.Categorical(df["omrade"], categories=["norr", "centrum"])
    t = andel_per_grupp(df, ["omrade", "kon"], "otrygg", minsta_antal_svar=0)
    assert list(t.unstack("kon").index) == ["norr", "centrum"]
    assert list(andel_per_grupp(df, "omrade", "otrygg").index) == ["norr", "centrum"]


def test_andel_per_grupp_utan_svar_ger_tom_tabell_med_samma_kolumner():
    """En fråga som enkäten inte hade ger inga svar: tom tabell, inget KeyError."""
    tom = pd.DataFrame({"ar": pd.Series([], dtype=int), "utfall": pd.Series([], dtype=bool),
                        "vikt": pd.Series([], dtype=float)})
    resultat = andel_per_grupp(tom, "ar", "utfall", vikt="vikt")
    assert resultat.empty
    assert list(resultat.columns) == ["n", "n_eff", "andel", "ki_nedre", "ki_ovre", "status", "skal"]
