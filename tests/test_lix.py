"""Tester för LIX-mätningen i tryggaplatser.lix.

De förväntade värdena är räknade för hand ur texterna i testerna.
"""

import json

import pytest

from tryggaplatser.lix import Lix, las_fil, lix, lix_for_filer, lopande_text, rakna


def test_formeln_med_handraknade_tal():
    # 9 ord, 2 meningar, långa ord: brottsförebyggande, Kommunen, samordningsfunktion (3)
    text = "Lagen gäller brottsförebyggande arbete. Kommunen ska ha en samordningsfunktion."
    r = rakna(text)
    assert (r.ord, r.meningar, r.langa_ord) == (9, 2, 3)
    assert r.varde == pytest.approx(9 / 2 + 100 * 3 / 9)


def test_sex_bokstaver_ar_inte_langt_men_sju_ar_det():
    assert rakna("mening.").langa_ord == 0  # 6 bokstäver
    assert rakna("meningar.").langa_ord == 1  # 8 bokstäver
    assert rakna("å-ä-ö-å.").langa_ord == 0  # bindestreck räknas inte som bokstäver


def test_forkortningar_delar_inte_meningar():
    r = rakna("Det gäller t.ex. polisen och bl.a. kommunen.")
    assert r.meningar == 1


def test_rad_utan_skiljetecken_ar_en_mening():
    r = rakna("- första punkten\n- andra punkten\n")
    assert r.meningar == 2


def test_siffror_ar_inte_ord():
    r = rakna("Lagen trädde i kraft 2023.")
    assert r.ord == 4


def test_tom_text_ger_begripligt_fel():
    with pytest.raises(ValueError, match="saknar ord"):
        lix("``` ```")


def test_lopande_text_tar_bort_kod_tabeller_och_rubriker():
    md = "\n".join(
        [
            "---",
            "title: x",
            "---",
            "# Rubrik med långaordsomfång",
            "(etikett)=",
            ":::{admonition} Det här lär du dig",
            ":class: tip",
            "Läs {term}`lägesbilden <Lägesbild>` noga {cite}`lag_2023_196`.",
            ":::",
            "| kolumn | annan |",
            "```{code-cell} ipython3",
            "samordningsfunktionen = 1",
            "```",
            "Se [lagen](https://example.org).",
        ]
    )
    kvar = lopande_text(md)
    assert kvar.split() == ["Läs", "lägesbilden", "noga", ".", "Se", "lagen."]


def test_las_fil_laser_bara_markdownceller(tmp_path):
    nb = {
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": ["En kort mening.\n"]},
            {
                "cell_type": "code",
                "metadata": {},
                "source": "samordningsfunktionen = 1",
                "outputs": [],
            },
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    fil = tmp_path / "x.ipynb"
    fil.write_text(json.dumps(nb), encoding="utf-8")
    assert las_fil(fil).split() == ["En", "kort", "mening."]


def test_kapitel_summerar_filerna(tmp_path):
    (tmp_path / "a.md").write_text("Ett två tre.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("Fyra fem.\nSex sju åtta nio.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("räknas inte", encoding="utf-8")
    assert lix_for_filer([tmp_path]) == Lix(ord=9, meningar=3, langa_ord=0)


def test_fel_filtyp_namnger_filen(tmp_path):
    with pytest.raises(ValueError, match="c.txt"):
        las_fil(tmp_path / "c.txt")
