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


def test_okant_svar_i_enkaten_ger_fel(kopia: Path) -> None:
    fil = kopia / "enkat.csv"
    text = fil.read_text(encoding="utf-8").replace("Mycket trygg", "Väldigt trygg", 1)
    fil.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="okänt värde 'Väldigt trygg'"):
        tp.las_enkat(kopia)
