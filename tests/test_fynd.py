"""Tester för tryggaplatser.fynd: analysens fynd och kopplingen från åtgärderna.

De små tabellerna är gjorda för hand. De väntade talen är räknade för hand i
kommentarerna, inte avlästa ur funktionernas svar.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import shapely

import tryggaplatser as tp
from tryggaplatser.fynd import (
    FYNDTEMAN,
    HELA_PLATSEN,
    TEMA_FOR_BROTTSKATEGORI,
    TEMA_FOR_FAKTOR,
    TEMA_FOR_PROBLEMFRAGA,
    TEMA_FOR_PROBLEMTYP,
    atgarder_med_fynd,
    fynd_for_atgard,
    fynd_ur_besiktning_och_vandring,
    fynd_ur_brott,
    fynd_ur_enkat,
    fynd_ur_hot_spots,
    las_fynd,
)

ROT = Path(__file__).resolve().parent.parent


def _text(fynd: dict) -> str:
    """Beskrivningen med vanliga mellanslag (procenttecknet står efter ett hårt mellanslag)."""
    return fynd["beskrivning"].replace("\xa0", " ")
MELLANSTAD = ROT / "data" / "mellanstad"


# ---------------------------------------------------------------------------
# Tabellerna över teman
# ---------------------------------------------------------------------------

def test_tabellerna_tacker_platsens_varden_och_pekar_pa_teman() -> None:
    for tabell in (TEMA_FOR_FAKTOR, TEMA_FOR_PROBLEMTYP, TEMA_FOR_BROTTSKATEGORI):
        assert set(tabell.values()) <= set(FYNDTEMAN)
    assert {t for t, _ in TEMA_FOR_PROBLEMFRAGA.values()} <= set(FYNDTEMAN)
    assert len(set(FYNDTEMAN)) == len(FYNDTEMAN)
    # Varje faktor, problemtyp och brottskategori i Mellanstads data har ett tema.
    assert set(tp.las_besiktning()["faktor"].astype(str)) <= set(TEMA_FOR_FAKTOR)
    assert set(tp.las_trygghetsvandring()["problemtyp"].astype(str)) <= set(TEMA_FOR_PROBLEMTYP)
    assert set(tp.las_brott()["brottskategori"].astype(str)) <= set(TEMA_FOR_BROTTSKATEGORI)
    enkat = tp.las_enkat()
    assert {k for k in enkat.columns if k.startswith("problem_")} <= set(TEMA_FOR_PROBLEMFRAGA)


# ---------------------------------------------------------------------------
# Kapitel 6: besiktningen och trygghetsvandringen
# ---------------------------------------------------------------------------

def _besiktning() -> pd.DataFrame:
    rader = [
        (2023, "Torget", "Belysning", 5),                  # röd: fynd
        (2023, "Torget", "Orientering och skyltning", 10),  # gul utan iakttagelse: inget fynd
        (2023, "Parken", "Skymda platser", 12),            # gul, och vandringen såg skymd sikt
        (2023, "Parken", "Överblick och sikt", 15),        # grön: nämns inte
        (2025, "Torget", "Belysning", 3),                  # efter analysåret: räknas inte
    ]
    df = pd.DataFrame(rader, columns=["ar", "delplats", "faktor", "poang"])
    df["datum"] = pd.to_datetime(df["ar"].astype(str) + "-10-01")
    return df


def _vandring() -> pd.DataFrame:
    rader = [
        ("2023-10-05", "Parken", "Skymd sikt"),
        ("2023-10-05", "Parken", "Skymd sikt"),
        ("2023-10-05", "Torget", "Trafik"),
        ("2025-10-05", "Torget", "Narkotikahandel"),  # efter analysåret: räknas inte
    ]
    df = pd.DataFrame(rader, columns=["datum", "plats", "problemtyp"])
    df["datum"] = pd.to_datetime(df["datum"])
    return df


def test_besiktning_och_vandring_ger_fynd_for_rott_och_for_iakttagelser() -> None:
    fynd = pd.DataFrame(fynd_ur_besiktning_och_vandring(_besiktning(), _vandring(), 2023))
    nycklar = set(zip(fynd["delplats"], fynd["tema"], strict=True))
    # Tre fynd: Torgets belysning (röd), Parkens sikt (gul + två iakttagelser), Torgets trafik.
    assert nycklar == {("Torget", "Belysning"), ("Parken", "Överblick och sikt"), ("Torget", "Trafik")}
    assert (fynd["kapitel"] == 6).all()
    text = fynd.set_index(["delplats", "tema"])["beskrivning"]
    belysning = text[("Torget", "Belysning")]
    assert "5 poäng (röd)" in belysning and "2023" in belysning and "3 poäng" not in belysning
    sikt = text[("Parken", "Överblick och sikt")]
    assert "skymda platser 12 poäng (gul)" in sikt and "två iakttagelser" in sikt
    assert "15 poäng" not in sikt  # grön nivå nämns inte
    assert "en iakttagelse" in text[("Torget", "Trafik")]


def test_besiktning_och_vandring_utan_data_ger_inga_fynd() -> None:
    assert fynd_ur_besiktning_och_vandring(None, None, 2023) == []
    # Bara data efter analysåret: inga fynd.
    assert fynd_ur_besiktning_och_vandring(_besiktning(), _vandring(), 2020) == []


# ---------------------------------------------------------------------------
# Kapitel 5: brotten
# ---------------------------------------------------------------------------

def _brott(rader: list[tuple[str, str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(
        [(pd.Timestamp(t), kat, typ, omr) for t, kat, typ, omr in rader],
        columns=["tidpunkt", "brottskategori", "brottstyp", "omrade"],
    )


def test_brottens_teman_och_helgnatterna() -> None:
    stold = ("Stöld, rån och häleri", "Butiksstöld")
    vald = ("Brott mot liv och hälsa", "Misshandel")
    narko = ("Narkotikabrott", "Narkotikabrott")
    rader = (
        [("2023-03-01 12:00", *stold, "atgardsomrade")] * 6
        # två misshandlar lördag 2023-03-04 klockan 23: helgnatt
        + [("2023-03-04 23:00", *vald, "atgardsomrade")] * 2
        + [("2023-03-01 12:00", *narko, "atgardsomrade")] * 2   # polisens egna upptäckter
        + [("2023-03-01 12:00", *stold, "ovrigt")] * 10          # utanför åtgärdsområdet
        + [("2024-03-01 12:00", *vald, "atgardsomrade")] * 10    # efter analysåret
    )
    fynd = fynd_ur_brott(_brott(rader), 2023, 2021)
    teman = [f["tema"] for f in fynd]
    # 6 stölder och 2 våldsbrott av 8 (narkotikabrotten räknas inte): 75 % och 25 %.
    assert teman == ["Stöld", "Våld och hot", "Våld och hot"]
    assert "6 av 8 brott (75 %)" in _text(fynd[0])
    assert "2 av 8 brott (25 %)" in _text(fynd[1])
    # Båda våldsbrotten före analysåret var en helgnatt: 100 %. Wilsons nedre gräns för 2 av 2
    # är 2 / (2 + 1,96²) = 0,34, mer än 12/168 = 0,07, så det blir ett fynd.
    assert _text(fynd[2]).startswith("100 %") and "2023" in _text(fynd[2])
    assert all(f["delplats"] == HELA_PLATSEN and f["kapitel"] == 5 for f in fynd)


def test_vald_mitt_pa_dagen_ger_inget_helgnattsfynd() -> None:
    vald = ("Brott mot frihet och frid", "Olaga hot")
    rader = [("2023-03-01 12:00", *vald, "atgardsomrade")] * 30  # en onsdag klockan 12
    fynd = fynd_ur_brott(_brott(rader), 2023)
    assert [f["tema"] for f in fynd] == ["Våld och hot"]
    assert "30 av 30 brott (100 %)" in _text(fynd[0])


def _rutor_med_samling() -> pd.DataFrame:
    """En stöld i varje ruta i ett rutnät 10 × 10, och 20 våldsbrott i var och en av fyra rutor i mitten."""
    jamnt = [(x, y, "Stöld, rån och häleri", "Cykelstöld") for x in range(50, 1000, 100)
             for y in range(50, 1000, 100)]
    mitt = [(x, y, "Brott mot liv och hälsa", "Misshandel") for x in (450, 550) for y in (450, 550)] * 20
    df = pd.DataFrame(jamnt + mitt, columns=["ost", "nord", "brottskategori", "brottstyp"])
    df["tidpunkt"] = pd.Timestamp("2023-06-01 12:00")
    return df


def test_hot_spot_hor_till_narmaste_delplats() -> None:
    brott = _rutor_med_samling()
    delplatser = {"Torget": (500.0, 500.0), "Parken": (50.0, 950.0)}
    fynd = fynd_ur_hot_spots(brott, 2023, (0, 0, 1000, 1000), delplatser, permutationer=9_999)
    assert len(fynd) == 1
    f = fynd[0]
    assert (f["delplats"], f["tema"], f["kapitel"]) == ("Torget", "Våld och hot", 5)
    # Alla 80 våldsbrott ligger i de fyra rutorna i mitten, som är hot spots.
    assert "med 80." in f["beskrivning"]


def test_hot_spot_utanfor_omradet_raknas_inte() -> None:
    brott = _rutor_med_samling()
    hornet = shapely.box(0, 0, 200, 200)  # ett område långt från samlingen i mitten
    assert fynd_ur_hot_spots(brott, 2023, (0, 0, 1000, 1000), {"Torget": (500.0, 500.0)},
                             inom=hornet, permutationer=9_999) == []
    # Utan delplatser i närheten gäller fyndet hela platsen.
    fynd = fynd_ur_hot_spots(brott, 2023, (0, 0, 1000, 1000), {"Parken": (50.0, 950.0)},
                             permutationer=9_999)
    assert [f["delplats"] for f in fynd] == [HELA_PLATSEN]
    assert fynd_ur_hot_spots(brott, 2019, (0, 0, 1000, 1000), {}, permutationer=9_999) == []


# ---------------------------------------------------------------------------
# Kapitel 4: enkäten
# ---------------------------------------------------------------------------

def _enkat() -> pd.DataFrame:
    rader = (
        [("Kvinna", "25–44", True)] * 8 + [("Kvinna", "25–44", False)] * 12
        + [("Man", "25–44", True)] * 4 + [("Man", "25–44", False)] * 16
        + [("Kvinna", "16–24", True)] * 5   # en liten grupp: döljs, fast alla är otrygga
    )
    df = pd.DataFrame(rader, columns=["kon", "aldersgrupp", "otrygg"])
    df["otrygg_kvall"] = np.where(df["otrygg"], "Mycket otrygg", "Ganska trygg")
    df = df.drop(columns="otrygg").assign(ar=2023, omrade="Centrum", vikt=1.0)
    n = len(df)  # 45
    df["problem_klotter"] = ["Ganska stort problem"] * 30 + ["Inget problem alls"] * (n - 30)
    df["problem_nedskrapning"] = ["Mycket stort problem"] * 10 + ["Ganska litet problem"] * (n - 10)
    # Alla ser dålig belysning som ett stort problem: 100 % får inte visas, så inget fynd.
    df["problem_belysning"] = "Mycket stort problem"
    # Bara nio svarade om narkotikahandel, sju av dem "stort": 78 %, men för få svar för att visas.
    df["problem_narkotikahandel"] = (["Ganska stort problem"] * 7 + ["Inget problem alls"] * 2
                                     + [None] * (n - 9))
    return df


def test_enkaten_ger_mest_otrygga_gruppen_och_storsta_problemet() -> None:
    fynd = fynd_ur_enkat(_enkat(), 2023, "Centrum")
    assert [f["tema"] for f in fynd] == ["Otrygghet kvällstid", "Klotter och skadegörelse"]
    # Kvinnorna: 13 av 25 = 52 %. Alla: 17 av 45 = 38 %. Gruppen 16–24 år (5 svar) döljs.
    assert "52 % av kvinnorna" in _text(fynd[0]) and "38 % av alla" in _text(fynd[0])
    assert "16–24" not in _text(fynd[0])
    # Klotter: 30 av 45 = 67 %. Belysningen (100 %) och narkotikahandeln (9 svar) döljs av regeln
    # för små grupper.
    assert "67 %" in _text(fynd[1]) and "klotter" in _text(fynd[1])
    assert all(f["kapitel"] == 4 and f["delplats"] == HELA_PLATSEN for f in fynd)


def test_enkaten_annat_ar_eller_utan_omrade() -> None:
    assert fynd_ur_enkat(_enkat(), 2021, "Centrum") == []
    fynd = fynd_ur_enkat(_enkat(), 2023, None)
    assert [f["tema"] for f in fynd] == ["Otrygghet kvällstid"]


# ---------------------------------------------------------------------------
# Kopplingen mellan åtgärder och fynd
# ---------------------------------------------------------------------------

def test_atgard_svarar_mot_samma_tema_pa_samma_delplats_eller_hela_platsen() -> None:
    fynd = pd.DataFrame({
        "fynd": ["F01", "F02", "F03", "F04"],
        "delplats": ["Torget", HELA_PLATSEN, "Parken", "Torget"],
        "tema": ["Belysning", "Belysning", "Belysning", "Stöld"],
    })
    assert fynd_for_atgard("Torget", "Belysning", fynd) == ["F01", "F02"]
    assert fynd_for_atgard("Parken", "Belysning", fynd) == ["F02", "F03"]
    assert fynd_for_atgard("Kajen", "Belysning", fynd) == ["F02"]
    assert fynd_for_atgard(HELA_PLATSEN, "Belysning", fynd) == ["F01", "F02", "F03"]
    assert fynd_for_atgard("Torget", "Trafik", fynd) == []
    assert fynd_for_atgard("Torget", None, fynd) == []
    assert fynd_for_atgard("Torget", np.nan, fynd) == []


# ---------------------------------------------------------------------------
# Mellanstad och en plats med färre filer
# ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def mellanstad_fynd() -> pd.DataFrame:
    return las_fynd("mellanstad")


def test_mellanstads_fynd_ar_valformade(mellanstad_fynd: pd.DataFrame) -> None:
    f = mellanstad_fynd
    assert list(f.columns) == ["fynd", "kapitel", "delplats", "tema", "beskrivning"]
    assert f["fynd"].tolist() == [f"F{i:02d}" for i in range(1, len(f) + 1)]
    assert set(f["kapitel"]) == {4, 5, 6}
    assert f["tema"].isin(FYNDTEMAN).all()
    delplatser = (set(tp.las_atgarder()["delplats"].astype(str))
                  | set(tp.las_besiktning()["delplats"].astype(str))
                  | set(tp.las_trygghetsvandring()["plats"].astype(str)) | {HELA_PLATSEN})
    assert set(f["delplats"]) <= delplatser
    assert f["beskrivning"].str.match(r"^[A-ZÅÄÖ0-9].*\.$").all()


def test_mellanstads_atgarder_svarar_mot_fynd(mellanstad_fynd: pd.DataFrame) -> None:
    a = atgarder_med_fynd("mellanstad", mellanstad_fynd)
    assert len(a) == len(tp.las_atgarder()) and a["tema"].notna().all()
    assert (a["fynd"].map(len) > 0).sum() > len(a) / 2
    tema_for = mellanstad_fynd.set_index("fynd")["tema"]
    delplats_for = mellanstad_fynd.set_index("fynd")["delplats"]
    for _, rad in a.iterrows():
        for fid in rad["fynd"]:
            assert tema_for[fid] == rad["tema"]
            assert delplats_for[fid] in (rad["delplats"], HELA_PLATSEN)


def test_en_iakttagelse_utan_atgard_blir_ett_fynd_utan_atgard(mellanstad_fynd: pd.DataFrame) -> None:
    # Direkt ur filerna: iakttagelser analysåret vars tema ingen åtgärd på samma delplats
    # (eller på hela platsen) har.
    plats = tp.las_plats("mellanstad")
    atg = pd.read_csv(MELLANSTAD / "atgarder.csv")
    vandring = pd.read_csv(MELLANSTAD / "trygghetsvandring.csv")
    vandring = vandring[vandring["datum"].str[:4].astype(int) == plats.analysar]
    utan = set()
    for _, rad in vandring.iterrows():
        tema = TEMA_FOR_PROBLEMTYP[rad["problemtyp"]]
        svar = atg[(atg["tema"] == tema) & atg["delplats"].isin([rad["plats"], HELA_PLATSEN])]
        if svar.empty:
            utan.add((rad["plats"], tema))
    assert utan, "Mellanstads data har ingen iakttagelse utan åtgärd; testet behöver nya data"
    besvarade = {fid for lista in atgarder_med_fynd("mellanstad", mellanstad_fynd)["fynd"] for fid in lista}
    obesvarade = mellanstad_fynd[~mellanstad_fynd["fynd"].isin(besvarade)]
    assert utan <= set(zip(obesvarade["delplats"], obesvarade["tema"], strict=True))


def test_plats_med_farre_filer_ger_farre_fynd(tmp_path: Path, mellanstad_fynd: pd.DataFrame) -> None:
    mapp = tmp_path / "liten"
    shutil.copytree(MELLANSTAD, mapp)
    for fil in ("besiktning.csv", "trygghetsvandring.csv", "enkat.csv", "omraden.geojson"):
        (mapp / fil).unlink()
    atg = pd.read_csv(mapp / "atgarder.csv").drop(columns="tema")  # en åtgärdsfil utan tema
    atg.to_csv(mapp / "atgarder.csv", index=False)
    fynd = las_fynd(mapp)
    assert set(fynd["kapitel"]) == {5}
    assert 0 < len(fynd) < len(mellanstad_fynd)
    a = atgarder_med_fynd(mapp, fynd)
    assert a["tema"].isna().all() and (a["fynd"].map(len) == 0).all()


def test_okant_tema_i_atgarderna_ger_svenskt_fel(tmp_path: Path) -> None:
    mapp = tmp_path / "fel"
    shutil.copytree(MELLANSTAD, mapp)
    atg = pd.read_csv(mapp / "atgarder.csv")
    atg.loc[0, "tema"] = "Ljus"
    atg.to_csv(mapp / "atgarder.csv", index=False)
    with pytest.raises(ValueError, match="kolumnen tema, rad 2: okänt värde 'Ljus'"):
        tp.las_atgarder(mapp)
