"""Tester för tryggaplatser.brottsanalys: koncentration, p-justering och tal per besökare."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tryggaplatser.brottsanalys import (
    MANADER,
    VECKODAGAR,
    andel_platser_for_andel_brott,
    justera_p,
    koncentrationskurva,
    poissonintervall,
    tal_per_tusen,
)

antal_listor = st.lists(st.integers(min_value=0, max_value=500), min_size=1, max_size=60).filter(
    lambda v: sum(v) > 0
)


@given(antal_listor)
def test_koncentrationskurvan_ar_monoton_och_slutar_i_ett_ett(antal):
    kurva = koncentrationskurva(antal)
    assert kurva.iloc[0].tolist() == [0.0, 0.0]
    assert kurva.iloc[-1].tolist() == [1.0, 1.0]
    assert (np.diff(kurva["andel_platser"]) > 0).all()
    assert (np.diff(kurva["andel_brott"]) >= -1e-12).all()


@given(antal_listor)
def test_koncentrationskurvan_ligger_aldrig_under_diagonalen(antal):
    # sorterad från flest brott: de första k platserna har minst k/n av brotten
    kurva = koncentrationskurva(antal)
    assert (kurva["andel_brott"] >= kurva["andel_platser"] - 1e-9).all()


@given(antal_listor, st.floats(min_value=0.01, max_value=1.0))
def test_andel_platser_ar_minsta_antalet_som_racker(antal, andel):
    resultat = andel_platser_for_andel_brott(antal, andel)
    k = round(resultat * len(antal))
    sorterade = sorted(antal, reverse=True)
    total = sum(antal)
    assert sum(sorterade[:k]) >= andel * total - 1e-9
    assert k == 1 or sum(sorterade[: k - 1]) < andel * total


def test_lika_fordelning_ger_proportionell_andel():
    assert andel_platser_for_andel_brott([3] * 10, 0.5) == 0.5
    assert andel_platser_for_andel_brott([3] * 10, 1.0) == 1.0


def test_tomma_platser_raknas_i_namnaren():
    # samma brott, fler tomma platser: mindre andel platser behövs
    utan = andel_platser_for_andel_brott([5, 3, 2], 0.5)
    med = andel_platser_for_andel_brott([5, 3, 2] + [0] * 7, 0.5)
    assert utan == pytest.approx(1 / 3)
    assert med == pytest.approx(1 / 10)


@pytest.mark.parametrize(
    ("antal", "meddelande"),
    [([], "tom"), ([1, -2], "negativt"), ([0, 0], "alla antal är 0"), ([1.0, np.nan], "rad 1")],
)
def test_felaktiga_antal_ger_svenska_fel(antal, meddelande):
    with pytest.raises(ValueError, match=meddelande):
        koncentrationskurva(antal)


def test_felaktig_andel():
    with pytest.raises(ValueError, match="mellan 0 och 1"):
        andel_platser_for_andel_brott([1, 2], 1.5)


def test_bonferroni_multiplicerar_med_antalet_test():
    assert justera_p([0.001, 0.5], "bonferroni").tolist() == pytest.approx([0.002, 1.0])


def test_fdr_mot_handrakning():
    # Benjamini–Hochberg för hand: p sorterade 0.01, 0.02, 0.03, 0.5 med n = 4
    # p*n/rang = 0.04, 0.04, 0.04, 0.5
    p = [0.03, 0.5, 0.01, 0.02]
    assert justera_p(p, "fdr").tolist() == pytest.approx([0.04, 0.5, 0.04, 0.04])


def test_fdr_osorterade_p_varden_mot_handrakning():
    # Benjamini–Hochberg för hand, n = 5. Sorterade p med rang r och p * 5 / r:
    #   0,01 (r = 1) -> 0,05
    #   0,035 (r = 2) -> 0,0875
    #   0,04 (r = 3) -> 0,2 / 3 ≈ 0,0667
    #   0,2 (r = 4) -> 0,25
    #   0,3 (r = 5) -> 0,3
    # Sedan minsta värdet bakifrån, så att talen inte minskar i sorterad ordning:
    #   0,05; min(0,0875; 0,0667) = 0,0667; 0,0667; 0,25; 0,3
    # och tillbaka i indatas ordning.
    p = [0.3, 0.01, 0.04, 0.035, 0.2]
    forvantat = [0.3, 0.05, 0.2 / 3, 0.2 / 3, 0.25]
    assert justera_p(p, "fdr").tolist() == pytest.approx(forvantat)
    assert justera_p(np.array(p), "fdr").tolist() == pytest.approx(forvantat)


@given(st.lists(st.floats(min_value=0, max_value=1), min_size=1, max_size=50))
def test_fdr_ar_monoton_i_sorterad_ordning(p):
    justerade = justera_p(p, "fdr")
    ordning = np.argsort(p, kind="stable")
    assert (np.diff(justerade[ordning]) >= -1e-12).all()
    # Lika p-värden får lika justerade värden.
    for a, b in zip(ordning[:-1], ordning[1:], strict=True):
        if p[a] == p[b]:
            assert justerade[a] == pytest.approx(justerade[b])


@given(st.lists(st.floats(min_value=0, max_value=1), min_size=1, max_size=50))
def test_justeringen_sanker_aldrig_p_och_fdr_ar_mildare(p):
    fdr = justera_p(p, "fdr")
    bonf = justera_p(p, "bonferroni")
    assert (fdr >= np.asarray(p) - 1e-12).all()
    assert (fdr <= bonf + 1e-12).all()
    assert (fdr <= 1).all()


def test_okand_metod():
    with pytest.raises(ValueError, match="fdr"):
        justera_p([0.1], "holm")


def test_poissonintervall_kanda_varden():
    # Exakta gränser för 0 och 1 händelser: (0; −ln 0,025) och (−ln 0,975; ...)
    nedre0, ovre0 = poissonintervall(0)
    assert nedre0 == 0.0
    assert ovre0 == pytest.approx(-np.log(0.025), rel=1e-9)
    nedre1, _ = poissonintervall(1)
    assert nedre1 == pytest.approx(-np.log(0.975), rel=1e-9)


@pytest.mark.parametrize("antal", [1, 2, 7, 48, 312, 5_000])
@pytest.mark.parametrize("konfidens", [0.9, 0.95, 0.99])
def test_poissonintervallet_ar_garwoods_chi2_intervall(antal, konfidens):
    # Garwoods exakta intervall står oftast med chi2-kvantiler; funktionen räknar med gammakvantiler.
    from scipy import stats

    alfa = 1 - konfidens
    nedre, ovre = poissonintervall(antal, konfidens)
    assert nedre == pytest.approx(stats.chi2.ppf(alfa / 2, 2 * antal) / 2, rel=1e-10)
    assert ovre == pytest.approx(stats.chi2.ppf(1 - alfa / 2, 2 * antal + 2) / 2, rel=1e-10)


@given(st.integers(min_value=0, max_value=10_000))
def test_poissonintervallet_innehaller_antalet(antal):
    nedre, ovre = poissonintervall(antal)
    assert nedre <= antal <= ovre


def test_tal_per_tusen_skalar_med_besokare():
    a = tal_per_tusen(20, 10_000)
    b = tal_per_tusen(20, 40_000)
    assert a["tal"] == pytest.approx(2.0)
    assert b["tal"] == pytest.approx(a["tal"] / 4)
    assert a["nedre"] < a["tal"] < a["ovre"]
    with pytest.raises(ValueError, match="besökare"):
        tal_per_tusen(3, 0)


def test_namnlistor():
    assert len(VECKODAGAR) == 7 and VECKODAGAR[0] == "måndag"
    assert len(MANADER) == 12 and MANADER[11] == "december"
