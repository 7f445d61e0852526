"""Tester av svensk formatering och diagramstil."""

import datetime as dt
import math

import matplotlib
import pytest
from babel.numbers import parse_decimal
from hypothesis import given
from hypothesis import strategies as st

import tryggaplatser as tp

matplotlib.use("Agg")


@given(st.integers(min_value=-10**9, max_value=10**9))
def test_heltal_gar_att_lasa_tillbaka(tal):
    text = tp.formatera_tal(tal)
    assert "\xa0" in text or abs(tal) < 1000
    assert int(parse_decimal(text.replace("−", "-"), locale="sv_SE")) == tal


@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False), st.integers(0, 4))
def test_decimaltal_har_decimalkomma_och_ratt_antal_decimaler(tal, decimaler):
    text = tp.formatera_tal(tal, decimaler)
    assert "." not in text
    if decimaler:
        assert len(text.split(",")[1]) == decimaler
    tillbaka = float(parse_decimal(text.replace("−", "-"), locale="sv_SE"))
    assert math.isclose(tillbaka, round(tal, decimaler), abs_tol=10**-decimaler)


@given(st.floats(min_value=0, max_value=1))
def test_procent_har_mellanslag_fore_tecknet(andel):
    text = tp.formatera_procent(andel)
    assert text.endswith("\xa0%")
    assert 0 <= int(text.removesuffix("\xa0%")) <= 100


def test_negativa_tal_far_minustecken():
    assert tp.formatera_tal(-1234) == "−1\xa0234"
    assert tp.formatera_procent(-0.05) == "−5\xa0%"


@pytest.mark.parametrize("varde", [float("nan"), float("inf"), "tolv", None, True])
def test_ogiltiga_varden_ger_svenskt_fel(varde):
    with pytest.raises((TypeError, ValueError), match="formatera_tal"):
        tp.formatera_tal(varde)


def test_datum_kort_och_langt():
    datum = dt.date(2024, 12, 31)
    assert tp.formatera_datum(datum) == "2024-12-31"
    assert tp.formatera_datum(datum, form="lang") == "31 december 2024"
    with pytest.raises(ValueError, match="kort"):
        tp.formatera_datum(datum, form="mellan")


def test_axelns_tal_blir_svenska():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    tp.svenska_tal_pa_axel(ax, "x", decimaler=1)
    assert ax.xaxis.get_major_formatter()(1234.5, 0) == "1\xa0234,5"
    with pytest.raises(ValueError, match="axel"):
        tp.svenska_tal_pa_axel(ax, "z")
    plt.close(fig)
