"""Nätverksmåtten i tryggaplatser.samverkan, kontrollerade med uträkningar för hand."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import pandas as pd
import pytest

import tryggaplatser as tp
from tryggaplatser import samverkan as sv

#: Ett litet nätverk att räkna på för hand:
#:
#:     butik — centrum — samordnare — polis      ensam
#:                           |
#:                         gata
AKTORER = pd.DataFrame({
    "id": ["butik", "centrum", "samordnare", "polis", "gata", "ensam"],
    "namn": ["Butiken", "Centrumföreningen", "Kommunens trygghetssamordnare", "Polisen",
             "Gatuenheten", "Församlingen"],
    "typ": ["Näringsidkare", "Näringsidkare", "Kommun", "Polis", "Kommun", "Civilsamhälle"],
})
KONTAKTER = pd.DataFrame({"fran": ["butik", "centrum", "samordnare", "samordnare"],
                          "till": ["centrum", "samordnare", "polis", "gata"]})


@pytest.fixture
def g():
    return sv.natverk(AKTORER, KONTAKTER)


def test_tatheten_ar_2m_genom_n_ganger_n_minus_1(g) -> None:
    # 6 aktörer ger 6 · 5 / 2 = 15 möjliga par; 4 av dem har kontakt.
    assert sv.tathet(g) == pytest.approx(4 / 15)
    assert sv.tathet(g) == pytest.approx(2 * 4 / (6 * 5))


def test_tatheten_ar_noll_utan_kontakter_och_ett_med_alla() -> None:
    tom = sv.natverk(AKTORER, KONTAKTER.iloc[0:0])
    assert sv.tathet(tom) == 0
    alla = pd.DataFrame(list(itertools.combinations(AKTORER["id"], 2)), columns=["fran", "till"])
    assert sv.tathet(sv.natverk(AKTORER, alla)) == 1


def test_mellanheten_for_samordnaren_raknad_for_hand(g) -> None:
    # Den stora delen har fem aktörer. Samordnaren ligger på den enda kortaste vägen
    # mellan följande par av de andra fyra: butik–polis, butik–gata, centrum–polis,
    # centrum–gata och polis–gata, alltså 5 par. Inte på butik–centrum.
    # Med n = 6 aktörer normeras med (n − 1)(n − 2) / 2 = 10 par.
    assert sv.mellanhet(g)["samordnare"] == pytest.approx(5 / 10)
    # Centrumföreningen ligger mellan butiken och de tre andra: 3 par av 10.
    assert sv.mellanhet(g)["centrum"] == pytest.approx(3 / 10)
    assert sv.mellanhet(g)[["butik", "polis", "gata", "ensam"]].eq(0).all()
    assert list(sv.mellanhet(g).index[:2]) == ["samordnare", "centrum"]


def test_genomsnittligt_avstand_raknas_i_storsta_delen(g) -> None:
    # Parvisa avstånd i delen butik, centrum, samordnare, polis, gata (10 par):
    # butik: 1, 2, 3, 3; centrum: 1, 2, 2; samordnare: 1, 1; polis–gata: 2. Summa 18.
    assert sv.genomsnittligt_avstand(g) == pytest.approx(18 / 10)
    assert [len(d) for d in sv.komponenter(g)] == [5, 1]


def test_genomsnittligt_avstand_saknas_utan_par() -> None:
    assert sv.genomsnittligt_avstand(sv.natverk(AKTORER, KONTAKTER.iloc[0:0])) is None


def test_isolerade_och_steg(g) -> None:
    assert sv.isolerade(g) == ["ensam"]
    assert sv.steg_mellan(g, "butik", "samordnare") == 2
    assert sv.steg_mellan(g, "butik", "polis") == 3
    assert sv.steg_mellan(g, "butik", "butik") == 0
    assert sv.steg_mellan(g, "butik", "ensam") is None


def test_en_ny_kontakt_kortar_vagen(g) -> None:
    efter = sv.natverk(AKTORER, pd.concat([KONTAKTER, pd.DataFrame({"fran": ["butik"],
                                                                      "till": ["samordnare"]})]))
    assert sv.steg_mellan(efter, "butik", "polis") == 2
    assert sv.genomsnittligt_avstand(efter) < sv.genomsnittligt_avstand(g)
    assert sv.tathet(efter) == pytest.approx(5 / 15)


def test_okand_aktor_i_kontakterna_ger_svenskt_fel() -> None:
    with pytest.raises(ValueError, match=r"rad 2 nämner aktören 'okänd'"):
        sv.natverk(AKTORER, pd.DataFrame({"fran": ["butik", "okänd"], "till": ["centrum", "polis"]}))


def test_samordnaren_och_naringsidkarna_valjs_efter_typ_och_roll() -> None:
    assert sv.hitta_samordnare(AKTORER) == "samordnare"
    assert sv.hitta_samordnare(AKTORER[AKTORER["id"] != "samordnare"]) is None
    assert sv.aktorer_av_typ(AKTORER, "Näringsidkare") == ["butik", "centrum"]


def test_mellanstads_natverk_blir_tatare_och_kortare_efter() -> None:
    """Datan säger att nya kontakter ofta går via samordnaren: måtten ska visa det."""
    aktorer = tp.las_aktorer()
    fore = sv.natverk(aktorer, tp.las_kontakter(period="fore"))
    efter = sv.natverk(aktorer, tp.las_kontakter(period="efter"))
    assert sv.tathet(efter) > sv.tathet(fore)
    assert sv.genomsnittligt_avstand(efter) < sv.genomsnittligt_avstand(fore)
    samordnare = sv.hitta_samordnare(aktorer)
    assert samordnare is not None
    assert sv.mellanhet(efter).index[0] == samordnare
    for butik in sv.aktorer_av_typ(aktorer, "Näringsidkare"):
        assert sv.steg_mellan(efter, butik, samordnare) <= sv.steg_mellan(fore, butik, samordnare)


def test_tatheten_stammer_med_antalet_rader_i_filen() -> None:
    aktorer = tp.las_aktorer()
    for period in ("fore", "efter"):
        kontakter = tp.las_kontakter(period=period)
        n, m = len(aktorer), len(kontakter)
        assert math.isclose(sv.tathet(sv.natverk(aktorer, kontakter)), 2 * m / (n * (n - 1)))


# ---------------------------------------------------------------------------
# Mallen för en överenskommelse och sidan som länkar till den
# ---------------------------------------------------------------------------

SIDA = Path(__file__).resolve().parent.parent / "chapters" / "09-samverkan" / "overenskommelse.md"


def _avsnitt(mall: dict, rubrik: str) -> dict:
    return next(a for a in mall["avsnitt"] if a["rubrik"] == rubrik)


def test_overenskommelsen_oppnas_i_word_med_rubrikerna(tmp_path: Path) -> None:
    import docx

    from tryggaplatser.mallar import las_mall, skriv_mall

    mall = las_mall("overenskommelse")
    filer = {f.suffix: f for f in skriv_mall("overenskommelse", tmp_path)}
    assert set(filer) == {".md", ".docx"}
    dokument = docx.Document(str(filer[".docx"]))
    rubriker = [p.text for p in dokument.paragraphs if p.style.name.startswith("Heading")]
    # Frågorna i kapitlets lista: varje en rubrik i dokumentet.
    for rubrik in ["Parter", "Område", "Problem och mål", "Organisation", "Parternas åtaganden",
                   "Finansiering", "Möten", "Information och sekretess", "Uppföljning",
                   "Giltighet och ändringar", "Underskrifter", "Checklista före underskrift"]:
        assert rubrik in rubriker, rubrik
    assert [t.rows[0].cells[0].text for t in dokument.tables] == ["Part", "Månad"]
    assert "☐" in "\n".join(p.text for p in dokument.paragraphs)
    assert mall["titel"] in filer[".md"].read_text(encoding="utf-8")


def test_sidans_checklista_och_motesplan_ar_desamma_som_mallens() -> None:
    from tryggaplatser.mallar import las_mall

    mall = las_mall("overenskommelse")
    text = SIDA.read_text(encoding="utf-8")
    avsnitt = text.split("## Checklista före underskrift")[1].split("\n## ")[0]
    kryss = [rad[len("- "):] for rad in avsnitt.splitlines() if rad.startswith("- ")]
    assert kryss == _avsnitt(mall, "Checklista före underskrift")["punkter"]
    tabellrader = [rad.strip("|").split("|") for rad in text.splitlines()
                   if rad.startswith("| ") and not rad.startswith("| Månad")]
    plan = next(t for t in mall["tabeller"] if t["namn"].startswith("Mötesplan"))
    assert [[c.strip() for c in rad] for rad in tabellrader] == plan["exempel"]


def test_sidan_lankar_till_mallens_filer() -> None:
    from tryggaplatser.mallar import las_mall

    mall = las_mall("overenskommelse")
    text = SIDA.read_text(encoding="utf-8")
    for format_ in mall["format"]:
        assert f"<{mall['namn']}.{format_}>`" in text, format_
