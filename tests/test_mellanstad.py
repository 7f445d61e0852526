"""Tester för Mellanstads inläsningsfunktioner och generatorn.

Generatorn körs på riktigt (som `make data`) till en tillfällig mapp, och
filerna jämförs byte för byte (SHA-256) med de incheckade.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import tryggaplatser as tp
from tryggaplatser import mellanstad as ms

ROT = Path(__file__).resolve().parent.parent
GENERATOR = ROT / "scripts" / "generera_mellanstad.py"
DATA = ROT / "data" / "mellanstad"


def sha256(fil: Path) -> str:
    return hashlib.sha256(fil.read_bytes()).hexdigest()


def generera(ut: Path) -> dict[str, str]:
    resultat = subprocess.run([sys.executable, str(GENERATOR), "--utmapp", str(ut)],
                              capture_output=True, text=True, cwd=ut)
    assert resultat.returncode == 0, resultat.stderr
    assert resultat.stderr == "", f"Generatorn skrev varningar:\n{resultat.stderr}"
    return {f.name: sha256(f) for f in sorted(ut.iterdir())}


@pytest.fixture(scope="module")
def genererad(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return generera(tmp_path_factory.mktemp("mellanstad1"))


def test_generatorn_aterskapar_de_incheckade_filerna(genererad: dict[str, str]) -> None:
    incheckade = {f.name: sha256(f) for f in sorted(DATA.iterdir())
                  if f.suffix in {".csv", ".geojson", ".yml"}}
    assert set(genererad) == set(incheckade), (
        "Generatorn och data/mellanstad har olika filer: "
        f"bara genererade {sorted(set(genererad) - set(incheckade))}, "
        f"bara incheckade {sorted(set(incheckade) - set(genererad))}"
    )
    skiljer = [namn for namn in genererad if genererad[namn] != incheckade[namn]]
    assert not skiljer, (
        f"Dessa filer skiljer sig från generatorns utdata: {skiljer}. Kör `make data` och checka in."
    )


def test_generatorn_ger_samma_byte_tva_ganger(genererad, tmp_path: Path) -> None:
    assert generera(tmp_path) == genererad


def test_datamangden_ar_lagom_stor() -> None:
    total = sum(f.stat().st_size for f in DATA.iterdir())
    assert total < 5 * 1024 * 1024


def test_alla_inlasare_ar_exporterade() -> None:
    for namn in ["las_brott", "las_enkat", "las_befolkning", "las_flode", "las_raknare",
                 "las_verksamheter", "las_besiktning", "las_trygghetsvandring", "las_aktorer",
                 "las_kontakter", "las_tekniker", "las_atgarder", "las_omraden", "las_gator",
                 "oppna_per_timme", "besiktningsniva"]:
        assert namn in tp.__all__
        assert getattr(tp, namn) is getattr(ms, namn)


def test_inlasning_fungerar_fran_annan_katalog(tmp_path: Path) -> None:
    kod = "import tryggaplatser as tp; print(len(tp.las_brott()), len(tp.las_omraden()))"
    res = subprocess.run([sys.executable, "-c", kod], cwd=tmp_path, capture_output=True,
                         text=True)
    assert res.returncode == 0, res.stderr
    antal_brott, antal_omraden = map(int, res.stdout.split())
    assert antal_brott > 5000 and antal_omraden == 4


def test_brott_typer_och_volymer() -> None:
    b = tp.las_brott()
    assert str(b["tidpunkt"].dt.tz) == "Europe/Stockholm"
    assert b["id"].is_unique
    per_ar = b.groupby(b["tidpunkt"].dt.year).size()
    assert per_ar.between(1000, 2000).all(), per_ar
    assert b["ost"].between(555_000, 565_000).all()
    assert b["nord"].between(6_645_000, 6_655_000).all()
    assert b["tidpunkt"].is_monotonic_increasing
    # Tidszonen följer sommartiden: juli +02:00, januari +01:00.
    juli = b[b["tidpunkt"].dt.month == 7]["tidpunkt"].iloc[0]
    januari = b[b["tidpunkt"].dt.month == 1]["tidpunkt"].iloc[0]
    assert juli.utcoffset() == pd.Timedelta(hours=2)
    assert januari.utcoffset() == pd.Timedelta(hours=1)


def test_omradeskolumnen_stammer_med_polygonerna() -> None:
    import geopandas as gpd

    b = tp.las_brott()
    o = tp.las_omraden().set_index("omrade")
    punkter = gpd.GeoSeries(gpd.points_from_xy(b["ost"], b["nord"]), crs="EPSG:3006")
    for kod in ("atgardsomrade", "buffertzon", "jamforelseomrade"):
        inne = punkter.within(o.loc[kod, "geometry"]).to_numpy()
        assert (inne == (b["omrade"] == kod).to_numpy()).all(), kod
    assert punkter.within(o.loc["studieomrade", "geometry"]).all()


def test_omraden_och_gator_ar_giltiga_geometrier() -> None:
    o = tp.las_omraden()
    g = tp.las_gator()
    assert o.crs.to_epsg() == 3006 and g.crs.to_epsg() == 3006
    assert o.is_valid.all() and g.is_valid.all()
    idx = o.set_index("omrade")["geometry"]
    assert not idx["atgardsomrade"].intersects(idx["jamforelseomrade"])
    # Buffertzonen är en ring som rör åtgärdsområdet men inte överlappar det.
    assert idx["buffertzon"].touches(idx["atgardsomrade"])
    assert idx["atgardsomrade"].intersection(idx["buffertzon"]).area < 1.0


def test_enkat_typer_vikter_och_bortfall() -> None:
    e = tp.las_enkat()
    svar = tp.las_enkat(bara_svarande=True)
    assert svar["svarat"].all() and len(svar) == int(e["svarat"].sum())
    per_ar = svar.groupby("ar").size()
    assert per_ar.between(1000, 1500).all(), per_ar
    assert e.loc[~e["svarat"], ["vikt", "otrygg_kvall", "svarssatt"]].isna().all().all()
    assert svar["vikt"].notna().all() and (svar["vikt"] > 0).all()
    # Vikterna summerar till befolkningen varje år.
    bef = tp.las_befolkning().groupby("ar")["antal"].sum()
    vikt = svar.groupby("ar")["vikt"].sum()
    assert (abs(vikt - bef) < 1).all()
    # Partiellt bortfall finns men är litet.
    saknas = svar["otrygg_kvall"].isna().mean()
    assert 0 < saknas < 0.1
    for kol in ["otrygg_kvall", "oro_samhalle", "otrygg_centrum", *ms.PROBLEMFRAGOR]:
        assert svar[kol].cat.ordered, kol
    assert svar["aldersgrupp"].cat.ordered
    assert list(svar["problem_belysning"].cat.categories) == ms.SKALOR["problem"]


def test_flode_lang_och_bred_form() -> None:
    lang = tp.las_flode()
    bred = tp.las_flode(bred=True)
    assert len(lang) == 4 * len(bred)
    assert bred["tidpunkt"].dt.year.unique().tolist() == [2023, 2024, 2025]
    # Timserien är obruten i UTC: exakt en timme mellan raderna.
    steg = bred["tidpunkt"].diff().dropna().unique()
    assert list(steg) == [pd.Timedelta(hours=1)]
    assert (lang["antal"].dropna() >= 0).all()
    # Avbrott i räkningen är tomma värden, inte nollor (se README).
    saknas = lang[lang["antal"].isna()]
    assert set(saknas["raknare"]) == {"busstationen", "parkstraket", "norrby_torg"}
    avbrott = saknas[saknas["raknare"] == "busstationen"]["tidpunkt"]
    assert str(avbrott.min()) == "2024-03-04 09:00:00+01:00"
    assert str(avbrott.max()) == "2024-03-12 14:00:00+01:00"
    r = tp.las_raknare()
    assert set(r["raknare"]) == set(lang["raknare"].cat.categories)


def test_verksamheter_och_oppettider() -> None:
    v = tp.las_verksamheter()
    assert v["id"].is_unique
    assert {"Bar/pub", "Nattklubb", "Busstation", "Järnvägsstation", "Skola",
            "Dagligvarubutik"} <= set(v["typ"].cat.categories)
    alla = tp.oppna_per_timme(v)
    assert alla.shape == (7, 24)
    # Dygnet-runt-platser räknas varje timme.
    dygnet = int((v["oppet_man"] == "00:00-24:00").sum())
    assert int(alla.min().min()) >= dygnet
    krogar = tp.oppna_per_timme(v, ["Bar/pub", "Nattklubb"])
    # Krogarna har flest öppna fredag och lördag kväll, inga på förmiddagen.
    assert krogar.loc["lor", 23] > krogar.loc["tis", 23]
    assert krogar.loc[:, 9].sum() == 0
    assert krogar.loc["lor", 1] > 0  # öppet efter midnatt natten mot lördag


def test_oppna_per_timme_raknar_over_midnatt() -> None:
    v = pd.DataFrame({"typ": ["Bar/pub"], **{f"oppet_{d}": ["stängt"] for d in ms.VECKODAGAR}})
    v["oppet_son"] = "22:30-01:15"
    t = tp.oppna_per_timme(v)
    assert t.loc["son", 22] == 1 and t.loc["son", 23] == 1
    assert t.loc["man", 0] == 1 and t.loc["man", 1] == 1 and t.loc["man", 2] == 0
    assert t.to_numpy().sum() == 4


def test_besiktning_och_nivaer() -> None:
    b = tp.las_besiktning()
    assert len(b) == 2 * b["delplats"].nunique() * b["faktor"].nunique()
    niva = tp.besiktningsniva(b["poang"])
    assert set(niva.cat.categories) == {"Röd", "Gul", "Grön"}
    assert tp.besiktningsniva(0) == "Röd" and tp.besiktningsniva(20) == "Grön"
    with pytest.raises(ValueError, match="mellan 0 och 20"):
        tp.besiktningsniva(21)
    with pytest.raises(ValueError, match="mellan 0 och 20"):
        tp.besiktningsniva(pd.Series([5, -1]))


def test_aktorer_kontakter_och_atgarder_hanger_ihop() -> None:
    a = tp.las_aktorer()
    k = tp.las_kontakter()
    atg = tp.las_atgarder()
    tek = tp.las_tekniker()
    ids = set(a["id"])
    assert set(k["fran"]) | set(k["till"]) <= ids
    assert set(atg["ansvarig"]) <= ids
    # Varje åtgärds tekniknamn och strategi stämmer med teknikstabellen.
    sammanfogad = atg.merge(tek, on="teknik_nr", suffixes=("", "_tabell"))
    assert len(sammanfogad) == len(atg)
    assert (sammanfogad["teknik"].astype(str) == sammanfogad["teknik_tabell"]).all()
    assert (sammanfogad["strategi"] == sammanfogad["strategi_tabell"]).all()
    assert (atg["slutdatum"] >= atg["startdatum"]).all()
    assert atg["startdatum"].min().date() == tp.las_plats().atgarder_start
    with pytest.raises(ValueError, match="fore"):
        tp.las_kontakter(period="under")


def test_trygghetsvandring_ligger_i_centrum() -> None:
    t = tp.las_trygghetsvandring()
    o = tp.las_omraden().set_index("omrade")["geometry"]
    import geopandas as gpd

    pkt = gpd.points_from_xy(t["ost"], t["nord"])
    inne = [o["atgardsomrade"].contains(p) or o["buffertzon"].contains(p) for p in pkt]
    assert all(inne)


@pytest.fixture
def kopia(tmp_path: Path) -> Path:
    """En kopia av platsmappen som testet kan förstöra."""
    mapp = tmp_path / "mellanstad"
    shutil.copytree(DATA, mapp)
    return mapp


def test_saknad_fil_ger_svenskt_fel(kopia: Path) -> None:
    (kopia / "brott.csv").unlink()
    with pytest.raises(tp.PlatsFel, match=r"Platsen Mellanstads centrum .* saknar filen brott\.csv"):
        tp.las_brott(kopia)


def test_saknad_kolumn_ger_svenskt_fel(kopia: Path) -> None:
    fil = kopia / "aktorer.csv"
    df = pd.read_csv(fil).drop(columns="intresse")
    df.to_csv(fil, index=False)
    with pytest.raises(ValueError, match=r"aktorer\.csv saknar kolumnerna intresse"):
        tp.las_aktorer(kopia)


def test_okant_varde_ger_fel_med_rad_och_kolumn(kopia: Path) -> None:
    fil = kopia / "brott.csv"
    rader = fil.read_text(encoding="utf-8").splitlines()
    rader[3] = rader[3].rsplit(",", 1)[0] + ",centrum"
    fil.write_text("\n".join(rader) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"kolumnen omrade, rad 4: okänt värde 'centrum'"):
        tp.las_brott(kopia)


def test_felet_namner_vardet_pa_raden_det_pekar_ut(kopia: Path) -> None:
    # Två okända värden: felet gäller det första i filen, och värdet står på den raden.
    fil = kopia / "brott.csv"
    rader = fil.read_text(encoding="utf-8").splitlines()
    rader[3] = rader[3].rsplit(",", 1)[0] + ",torget"
    rader[5] = rader[5].rsplit(",", 1)[0] + ",centrum"
    fil.write_text("\n".join(rader) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"kolumnen omrade, rad 4: okänt värde 'torget'"):
        tp.las_brott(kopia)


def test_okant_svar_i_enkaten_ger_fel(kopia: Path) -> None:
    fil = kopia / "enkat.csv"
    text = fil.read_text(encoding="utf-8").replace("Mycket trygg", "Väldigt trygg", 1)
    fil.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="okänt värde 'Väldigt trygg'"):
        tp.las_enkat(kopia)


# --- Noll passerande är ett mätvärde, inte ett saknat värde ----------------------------------


def test_flodets_nollor_behalls_och_tomma_celler_saknas() -> None:
    import csv

    with open(DATA / "flode.csv", encoding="utf-8", newline="") as f:
        rader = list(csv.DictReader(f))
    bred = tp.las_flode(bred=True)
    lang = tp.las_flode()
    raknare = [k for k in rader[0] if k != "tidpunkt"]
    assert len(bred) == len(rader)
    for r in raknare:
        nollor = sum(rad[r] == "0" for rad in rader)
        tomma = sum(rad[r] == "" for rad in rader)
        assert nollor > 0, r  # datan har timmar utan passerande vid varje räknare
        assert int((bred[r] == 0).sum()) == nollor, r
        assert int(bred[r].isna().sum()) == tomma, r
        del_ = lang[lang["raknare"] == r]["antal"]
        assert int((del_ == 0).sum()) == nollor and int(del_.isna().sum()) == tomma, r


def test_flode_med_nollor_i_en_liten_fil(kopia: Path) -> None:
    (kopia / "flode.csv").write_text(
        "tidpunkt,busstationen,stortorget,parkstraket,norrby_torg\n"
        "2024-03-05T03:00:00+01:00,0,0,,1\n"
        "2024-03-05T04:00:00+01:00,2,0,0,\n",
        encoding="utf-8",
    )
    bred = tp.las_flode(kopia, bred=True)
    assert bred["busstationen"].tolist() == [0, 2]
    assert bred["stortorget"].tolist() == [0, 0]
    assert bred["parkstraket"].isna().tolist() == [True, False]
    assert bred["parkstraket"].iloc[1] == 0
    assert bred["norrby_torg"].isna().tolist() == [False, True]


# --- Besiktningens nivåer: samma svar för ett tal och för en serie ---------------------------


def niva_enligt_tabellen(poang: int) -> str:
    """Nivån enligt BESIKTNINGSNIVAER, utan att gå via besiktningsniva."""
    traffar = [n for n, (lag, hog) in ms.BESIKTNINGSNIVAER.items() if lag <= poang <= hog]
    assert len(traffar) == 1, (poang, traffar)
    return traffar[0]


def test_besiktningsnivaerna_tacker_0_till_20_utan_luckor() -> None:
    assert list(ms.BESIKTNINGSNIVAER) == ["Röd", "Gul", "Grön"]
    intervall = list(ms.BESIKTNINGSNIVAER.values())
    assert intervall[0][0] == 0 and intervall[-1][1] == 20
    for (_, hog), (lag, _) in zip(intervall, intervall[1:], strict=False):
        assert lag == hog + 1


GRANSER = {0: "Röd", 7: "Röd", 8: "Gul", 13: "Gul", 14: "Grön", 20: "Grön"}  # handbokens gränser


@pytest.mark.parametrize("poang", range(0, 21))
def test_besiktningsniva_for_tal_och_serie_ar_samma(poang: int) -> None:
    vantad = niva_enligt_tabellen(poang)
    if poang in GRANSER:
        assert vantad == GRANSER[poang]
    assert tp.besiktningsniva(poang) == vantad
    assert tp.besiktningsniva(np.int64(poang)) == vantad
    assert tp.besiktningsniva(float(poang)) == vantad
    for serie in (pd.Series([poang], index=[17]), pd.Series([float(poang)], index=[17]),
                  pd.Series([poang], index=[17], dtype="Int64")):
        s = tp.besiktningsniva(serie)
        assert s.tolist() == [vantad]
        assert s.index.tolist() == [17] and s.name == "niva"
        assert s.cat.ordered and list(s.cat.categories) == list(ms.BESIKTNINGSNIVAER)


def test_besiktningsniva_for_hela_skalan_i_en_serie() -> None:
    s = tp.besiktningsniva(pd.Series(range(20, -1, -1)))
    assert s.tolist() == [niva_enligt_tabellen(p) for p in range(20, -1, -1)]
    assert s.max() == "Grön" and s.min() == "Röd"  # ordnade: Röd < Gul < Grön


@pytest.mark.parametrize("poang", [-1, 21, 7.5, 13.5, -0.5, 20.5])
def test_ogiltiga_besiktningspoang_ger_samma_fel(poang: float) -> None:
    with pytest.raises(ValueError) as som_tal:
        tp.besiktningsniva(poang)
    with pytest.raises(ValueError) as i_serie:
        tp.besiktningsniva(pd.Series([10, poang]))
    assert str(i_serie.value) == str(som_tal.value)
    vantat = "mellan 0 och 20" if not 0 <= poang <= 20 else "ett heltal"
    assert vantat in str(som_tal.value)


def test_saknade_besiktningspoang_ger_saknad_niva() -> None:
    for serie in (pd.Series([5, None], dtype="Int64"), pd.Series([5.0, float("nan")])):
        s = tp.besiktningsniva(serie)
        assert s.iloc[0] == "Röd" and pd.isna(s.iloc[1])


# --- Öppettider som går över midnatt --------------------------------------------------------


def oppna_timmar(dag: str, tider: str) -> set[tuple[str, int]]:
    """Timmarna då en enda verksamhet med öppettiden ``tider`` på ``dag`` räknas som öppen."""
    v = pd.DataFrame({"typ": ["Bar/pub"], **{f"oppet_{d}": ["stängt"] for d in ms.VECKODAGAR}})
    v[f"oppet_{dag}"] = tider
    t = tp.oppna_per_timme(v)
    assert set(t.to_numpy().ravel()) <= {0, 1}
    return {(d, int(h)) for d in t.index for h in t.columns if t.loc[d, h] == 1}


def test_oppet_20_till_02_ar_oppet_till_och_med_timmen_01() -> None:
    # Docstringen: öppen en timme om den har öppet någon del av timmen.
    # 20:00–02:00 är öppet 20.00–01.59: timmarna 20–23 och 00–01 natten efter.
    oppet = oppna_timmar("ons", "20:00-02:00")
    assert oppet == {("ons", 20), ("ons", 21), ("ons", 22), ("ons", 23), ("tor", 0), ("tor", 1)}
    assert ("ons", 23) in oppet and ("tor", 1) in oppet
    assert ("tor", 3) not in oppet and ("ons", 19) not in oppet
    assert ("tor", 2) not in oppet  # stänger exakt 02.00: ingen del av timmen 02
    assert ("ons", 1) not in oppet  # natten efter, inte natten före


def test_oppet_till_midnatt_och_delar_av_timmar() -> None:
    assert oppna_timmar("ons", "20:00-00:00") == {("ons", h) for h in range(20, 24)}
    assert oppna_timmar("ons", "20:00-02:30") == oppna_timmar("ons", "20:00-02:00") | {("tor", 2)}
    assert oppna_timmar("ons", "19:59-02:00") == oppna_timmar("ons", "20:00-02:00") | {("ons", 19)}


def test_oppet_over_midnatt_fran_sondag_till_mandag() -> None:
    assert oppna_timmar("son", "20:00-02:00") == {
        ("son", 20), ("son", 21), ("son", 22), ("son", 23), ("man", 0), ("man", 1),
    }  # fmt: skip


def test_dygnet_runt_och_samma_tid_for_oppning_och_stangning() -> None:
    assert oppna_timmar("ons", "00:00-24:00") == {("ons", h) for h in range(24)}
    # Stängningstid lika med öppningstid: stänger samma klockslag nästa dygn (docstringen).
    assert oppna_timmar("ons", "22:00-22:00") == (
        {("ons", 22), ("ons", 23)} | {("tor", h) for h in range(22)}
    )
    assert oppna_timmar("ons", "stängt") == set()
