"""Tester för ``python -m tryggaplatser ny-plats``: en plats av egna filer.

Testfilerna i ``tests/filer/ny-plats/`` är besvärliga på det sätt som egna
filer brukar vara: semikolon, decimalkomma, Windows-1252, WGS84 i stället för
SWEREF 99 TM, tomma rader, svar utanför svarsskalan och en GeoJSON i WGS84 där
rollerna är skrivna på olika sätt. README-filen i mappen beskriver dem.

Kommandot körs både genom ``kommandorad.main`` och som en egen process.
Förväntade värden räknas ut i testerna ur testfilerna, och för Mellanstad ur
``tp.las_brott()`` och ``tp.las_enkat()``: de skrivs aldrig av från utskriften.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
import yaml

import tryggaplatser as tp
from tryggaplatser.kommandorad import SLUTKOD_FILFEL, SLUTKOD_OK, main
from tryggaplatser.ny_plats import FRAGOR, NyPlatsFel, ny_plats

ROT = Path(__file__).resolve().parent.parent
FILER = ROT / "tests" / "filer" / "ny-plats"
MELLANSTAD = ROT / "data" / "mellanstad"


def kor(*argument: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Kör kommandot som en användare gör: en egen process."""
    resultat = subprocess.run(
        [sys.executable, "-m", "tryggaplatser", *argument],
        capture_output=True, text=True, encoding="utf-8", cwd=cwd, timeout=120,
    )  # fmt: skip
    assert "Traceback" not in resultat.stdout + resultat.stderr
    return resultat


def alla_filer(mapp: Path, *extra: str) -> list[str]:
    return [
        "ny-plats", str(mapp), "--brott", str(FILER / "brott.csv"),
        "--enkat", str(FILER / "enkat.csv"), "--flode", str(FILER / "flode.csv"),
        "--omraden", str(FILER / "omraden.geojson"), "--fraga", "problem_klotter=F12", *extra,
    ]  # fmt: skip


@pytest.fixture(scope="module")
def egen_plats(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """En plats gjord av alla testfilerna genom kommandoradens main(). Ger mappen och utskriften."""
    import contextlib
    import io

    mapp = tmp_path_factory.mktemp("egen") / "plats"
    ut, fel = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(ut), contextlib.redirect_stderr(fel):
        kod = main(alla_filer(mapp, "--kommun", "Exempelby"))
    assert kod == SLUTKOD_OK, fel.getvalue()
    assert fel.getvalue() == ""
    return mapp, ut.getvalue()


# ---------------------------------------------------------------------------
# Platsen går att läsa


def test_platsen_laddas_med_varje_inlasningsfunktion(egen_plats) -> None:
    mapp, _ = egen_plats
    plats = tp.las_plats(mapp)
    assert plats.kommun == "Exempelby"
    assert plats.namn == "Min plats"  # platshållaren, eftersom --namn inte angavs
    assert plats.syntetisk is False
    brott = tp.las_brott(plats)
    assert str(brott["tidpunkt"].dt.tz) == "Europe/Stockholm"
    assert brott["ost"].dtype == "int64" and brott["nord"].dtype == "int64"
    # Åren i plats.yml är de år som brottsdatan täcker.
    assert plats.ar == sorted(brott["tidpunkt"].dt.year.unique().tolist())
    assert plats.analysar == brott["tidpunkt"].dt.year.max()  # sista brottet är i december
    enkat = tp.las_enkat(plats)
    assert list(enkat.columns[:9]) == ["id", "ar", "omrade", "kon", "aldersgrupp", "svarat",
                                       "svarssatt", "designvikt", "vikt"]
    assert list(enkat.columns[9:]) == FRAGOR
    assert plats.enkatar == sorted(enkat["ar"].unique().tolist())
    assert set(plats.enkatomraden) == set(enkat["omrade"].dropna())
    befolkning = tp.las_befolkning(plats)
    assert (befolkning["antal"] >= 1).all()
    flode = tp.las_flode(plats)
    assert list(flode.columns) == ["tidpunkt", "raknare", "antal"]
    raknare = tp.las_raknare(plats)
    assert list(tp.las_flode(plats, bred=True).columns[1:]) == raknare["raknare"].tolist()
    omraden = tp.las_omraden(plats)
    assert omraden.crs.to_epsg() == 3006
    assert omraden["omrade"].tolist() == ["atgardsomrade", "buffertzon", "jamforelseomrade",
                                          "studieomrade"]
    # Filer som ny-plats inte gör saknas, och inläsningen säger det på svenska.
    for fil, lasare in (("verksamheter.csv", tp.las_verksamheter), ("atgarder.csv", tp.las_atgarder)):
        assert not plats.har(fil)
        with pytest.raises(tp.PlatsFel, match=f"saknar filen {fil}"):
            lasare(plats)


def test_miljovariabeln_valjer_den_nya_platsen(egen_plats, monkeypatch) -> None:
    """Så väljer en notebook platsen: valj_plats() med TRYGGAPLATSER_PLATS."""
    mapp, _ = egen_plats
    monkeypatch.setenv("TRYGGAPLATSER_PLATS", str(mapp))
    plats = tp.valj_plats("mellanstad")
    assert plats.mapp == mapp.resolve()
    assert len(tp.las_brott(plats)) == len(tp.las_brott(mapp))


def test_platsens_filer_har_samma_kolumner_som_mellanstads(egen_plats) -> None:
    mapp, _ = egen_plats
    for fil in ("brott.csv", "enkat.csv", "befolkning.csv", "raknare.csv"):
        egen = pd.read_csv(mapp / fil, nrows=0).columns.tolist()
        assert egen == pd.read_csv(MELLANSTAD / fil, nrows=0).columns.tolist(), fil
    tider = pd.read_csv(mapp / "brott.csv")["tidpunkt"]
    assert tider.str.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}").all()
    assert pd.read_csv(mapp / "flode.csv", nrows=0).columns[0] == "tidpunkt"


# ---------------------------------------------------------------------------
# Områden


# Punkterna i brott.csv (latitud, longitud) och området de ligger i, räknat för hand ur
# rektanglarna i omraden.geojson: åtgärdsområdet är longitud 15,630–15,640 och latitud
# 60,600–60,606; buffertzonen 15,620–15,650 och 60,595–60,611 utom åtgärdsområdet;
# jämförelseområdet 15,700–15,710 och 60,620–60,626; studieområdet 15,600–15,720 och
# 60,590–60,630. Varje punkt ligger minst 0,005 grader (cirka 270 meter) från en kant.
VANTADE_OMRADEN = {
    "A-1": "atgardsomrade",  # 15,635 / 60,603: mitt i åtgärdsområdet
    "A-2": "buffertzon",  # 15,625: väster om åtgärdsområdet, innanför buffertzonen
    "A-3": "jamforelseomrade",  # 15,705 / 60,623: mitt i jämförelseområdet
    "A-4": "ovrigt",  # 15,660 / 60,600: öster om buffertzonen, i studieområdet
    "A-5": "ovrigt",  # 15,800 / 60,650: utanför studieområdet
    "A-9": "atgardsomrade",  # 15,636 / 60,603
    "A-10": "atgardsomrade",  # 15,6351 / 60,6031
}


def test_omradeskoderna_for_punkter_i_och_utanfor_omradena(egen_plats) -> None:
    mapp, utskrift = egen_plats
    brott = tp.las_brott(mapp)
    assert dict(zip(brott["id"], brott["omrade"].astype(str), strict=True)) == VANTADE_OMRADEN
    assert "1 brott ligger utanför studieområdet" in utskrift
    plats = tp.las_plats(mapp)
    # Namnen kommer ur GeoJSON-filen; rollen står på tre olika sätt där.
    assert plats.omraden == {"atgardsomrade": "Torget", "buffertzon": "Ringen runt torget",
                             "jamforelseomrade": "Norra torget", "ovrigt": "Övriga studieområdet"}
    omraden = tp.las_omraden(mapp)
    assert omraden.set_index("omrade").loc["jamforelseomrade", "beskrivning"] == "Ett torg utan åtgärder."
    # Polygonerna räknades om från grader till meter i SWEREF 99 TM.
    atgard = omraden.set_index("omrade").loc["atgardsomrade", "geometry"]
    assert 500_000 < atgard.centroid.x < 600_000 and 6_700_000 < atgard.centroid.y < 6_750_000
    # Buffertzonen har ett hål där åtgärdsområdet ligger.
    buffert = omraden.set_index("omrade").loc["buffertzon", "geometry"]
    assert not buffert.contains(atgard.centroid)


def test_utan_omraden_far_alla_brott_ovrigt_och_rapporten_sager_det(tmp_path) -> None:
    rapport = ny_plats(tmp_path / "p", FILER / "brott.csv", namn="Torget", kommun="Exempelby")
    brott = tp.las_brott(tmp_path / "p")
    assert set(brott["omrade"].astype(str)) == {"ovrigt"}
    assert not (tmp_path / "p" / "omraden.geojson").exists()
    assert tp.las_plats(tmp_path / "p").omraden == {"ovrigt": "Hela området"}
    assert any("alla brott fick koden ovrigt" in a for a in rapport.del_("Brott").anmarkningar)
    assert any("--omraden" in t for t in rapport.att_gora)
    assert not any("namn i plats.yml" in t or "kommun i plats.yml" in t for t in rapport.att_gora)


# ---------------------------------------------------------------------------
# Rapporten


def test_rapporten_namnger_utelamnade_rader_med_filens_radnummer(egen_plats) -> None:
    _, ut = egen_plats
    # Brott: rad 7 är tom, rad 8 saknar klockslag, rad 9 saknar koordinater, rad 10 ligger i Paris.
    assert "Rader lästa (utan rubrikraden): 11" in ut
    assert "tom rad: rad 7" in ut
    assert "klockslag saknas (platsen behöver en tidpunkt): rad 8" in ut
    assert "koordinater saknas (platsen behöver var brottet hände): rad 9" in ut
    assert any("utanför Sverige" in r and r.endswith(": rad 10") for r in ut.splitlines())
    assert "typerna Bedrägeri fick ”Övriga brott”" in ut
    # Enkät: rad 4 har ett okänt svar, rad 8 svar utan vikt, rad 9 saknar år.
    assert "okänt svar" in ut and "satt som saknat svar: rad 4" in ut
    assert "svar utan vikt (filen har vikter, men inte på den här raden): rad 8" in ut
    assert "kolumnen ”År”: året saknas eller är inte ett årtal: rad 9" in ut
    assert "kön Annat på rad 6 sattes som saknat" in ut
    assert "ålder utanför handbokens grupper (16–24, 25–44, 45–64, 65–84) på rad 7" in ut
    # Flöden: rad 6 har ett negativt antal, rad 7 saknar klockslag.
    assert "inte ett negativt tal: rad 6" in ut
    assert "klockslag saknas (platsens flöden räknas per timme): rad 7" in ut
    # Filerna och antalet rader i dem.
    brott_rader = len(pd.read_csv(FILER / "brott.csv", sep=";", encoding="cp1252").dropna(how="all"))
    assert f"brott.csv: {brott_rader - 3} rader" in ut  # rad 8, 9 och 10 lämnades utanför
    assert "omraden.geojson: 4 områden" in ut


def test_rapporten_slutar_med_en_numrerad_lista_over_det_som_ar_kvar(egen_plats) -> None:
    _, ut = egen_plats
    kvar = ut.split("Kvar att göra:\n", 1)[1].splitlines()
    numrerade = [r for r in kvar if r.strip()[:1].isdigit()]
    assert [int(r.split(".")[0]) for r in numrerade] == list(range(1, len(numrerade) + 1))
    text = "\n".join(numrerade)
    assert "Ändra namn i plats.yml" in text  # --namn angavs inte
    assert "Ändra kommun" not in text  # --kommun angavs
    assert "atgarder.start och atgarder.klara" in text
    assert "enkat.platsens_omrade" in text  # enkäten har två områden
    assert "raknare.csv" in text  # flödesfilen har inga koordinater


def test_plats_yml_markerar_det_som_ska_fyllas_i(egen_plats) -> None:
    mapp, _ = egen_plats
    text = (mapp / "plats.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["atgarder"] == {"start": None, "klara": None}
    assert data["enkat"]["platsens_omrade"] is None
    assert data["landmarken"] == []
    for nyckel in ("namn:", "atgarder:", "platsens_omrade:"):
        rad = next(r for r in text.splitlines() if r.strip().startswith(nyckel))
        assert "# FYLL I" in rad, rad
    assert "# FYLL I" not in next(r for r in text.splitlines() if r.startswith("kommun:"))
    # När användaren fyller i platshållarna går platsen fortfarande att läsa.
    data["namn"] = "Torget i Exempelby"
    data["atgarder"] = {"start": "2024-02-01", "klara": "2024-11-30"}
    data["enkat"]["platsens_omrade"] = data["enkat"]["omraden"][0]
    kopia = mapp.parent / "ifylld"
    kopia.mkdir()
    for fil in mapp.iterdir():
        (kopia / fil.name).write_bytes(fil.read_bytes())
    (kopia / "plats.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    plats = tp.las_plats(kopia)
    assert plats.namn == "Torget i Exempelby" and str(plats.atgarder_start) == "2024-02-01"


# ---------------------------------------------------------------------------
# Enkäten


def test_enkatens_svar_vikter_och_ar(egen_plats) -> None:
    mapp, _ = egen_plats
    enkat = tp.las_enkat(mapp).set_index("id")
    # Löpnummer 7 (svar utan vikt) och 8 (inget år) är inte med; 4 svarade inte.
    assert sorted(enkat.index, key=int) == ["1", "2", "3", "4", "5", "6", "9"]
    assert enkat["svarat"].to_dict() == {i: i != "4" for i in enkat.index}
    assert enkat.loc["1", "vikt"] == 1.25 and pd.isna(enkat.loc["4", "vikt"])
    assert enkat.loc["1", "otrygg_kvall"] == "Ganska otrygg"
    assert pd.isna(enkat.loc["3", "otrygg_kvall"])  # ”Jätteotrygg” finns inte på skalan
    assert pd.isna(enkat.loc["3", "oro_samhalle"])  # Vet ej
    assert enkat.loc["2", "otrygg_centrum"] == "Vistas aldrig där på kvällen"
    assert enkat.loc["1", "problem_klotter"] == "Ganska stort problem"  # --fraga problem_klotter=F12
    # Koderna i F12 står i rubriken: 1=Inget problem alls … 4=Mycket stort problem.
    assert enkat.loc["2", "problem_klotter"] == "Inget problem alls"
    assert enkat.loc["9", "problem_klotter"] == "Ganska stort problem"
    assert enkat["problem_berusade"].isna().all()  # frågan finns inte i filen
    assert pd.isna(enkat.loc["5", "kon"]) and pd.isna(enkat.loc["6", "aldersgrupp"])
    assert enkat.loc["2", "aldersgrupp"] == "65–84"


def test_befolkningsfil_ger_befolkning_och_designvikt(tmp_path) -> None:
    mapp = tmp_path / "p"
    rapport = ny_plats(mapp, FILER / "brott.csv", enkat=FILER / "enkat.csv",
                       befolkning=FILER / "befolkning.csv", fragor={"problem_klotter": "F12"})
    bef_fil = pd.read_csv(FILER / "befolkning.csv", sep=";")
    bef_fil = bef_fil[bef_fil["Område"].isin(["Centrum", "Söder"]) & (bef_fil["Antal"] != "många")]
    bef_fil["Antal"] = bef_fil["Antal"].astype(int)
    bef = tp.las_befolkning(mapp)
    # Filen har inget år: samma befolkning gäller båda enkätåren.
    assert sorted(bef["ar"].unique().tolist()) == [2023, 2025]
    assert bef.groupby("ar")["antal"].sum().tolist() == [bef_fil["Antal"].sum()] * 2
    utel = rapport.del_("Befolkning").utelamnade
    assert utel["området finns inte i enkäten"] == [18]
    assert utel["antal saknas eller är inte ett heltal större än 0"] == [19]
    # Designvikten: invånare i området delat med antalet tillfrågade där samma år.
    enkat = tp.las_enkat(mapp)
    centrum = bef_fil.loc[bef_fil["Område"] == "Centrum", "Antal"].sum()
    tillfragade = ((enkat["ar"] == 2023) & (enkat["omrade"] == "Centrum")).sum()
    vantad = round(centrum / tillfragade, 4)
    assert (enkat.loc[(enkat["ar"] == 2023) & (enkat["omrade"] == "Centrum"), "designvikt"] == vantad).all()


def test_enkat_utan_ar_och_omrade_far_dem_ur_valen(tmp_path) -> None:
    fil = tmp_path / "enkat.csv"
    fil.write_text("Kön;Trygg kväll\nKvinna;Ganska otrygg\nMan;Mycket trygg\n", encoding="utf-8")
    rapport = ny_plats(tmp_path / "p", FILER / "brott.csv", enkat=fil, enkatar=2024,
                       enkatomrade="Hela staden")
    enkat = tp.las_enkat(tmp_path / "p")
    assert enkat["ar"].tolist() == [2024, 2024]
    assert enkat["omrade"].astype(str).tolist() == ["Hela staden", "Hela staden"]
    assert enkat["vikt"].tolist() == [1.0, 1.0]  # filen har inga vikter
    plats = tp.las_plats(tmp_path / "p")
    assert plats.platsens_enkatomrade == "Hela staden"  # det enda området
    anm = " ".join(rapport.del_("Enkät").anmarkningar)
    assert "alla svar fick året 2024 (--enkatar)" in anm
    assert "varje svar fick vikten 1" in anm
    assert any("befolkning.csv" in t and "--befolkning" in t for t in rapport.att_gora)
    # Utan --enkatar: analysåret, och rapporten ber användaren kontrollera det.
    rapport = ny_plats(tmp_path / "q", FILER / "brott.csv", enkat=fil)
    analysar = tp.las_plats(tmp_path / "q").analysar
    assert tp.las_enkat(tmp_path / "q")["ar"].unique().tolist() == [analysar]
    assert any(t.startswith("Kontrollera enkätens år") for t in rapport.att_gora)


def test_fraga_kopplar_en_kolumn_och_okand_fraga_ger_fel(tmp_path, capsys) -> None:
    fil = tmp_path / "enkat.csv"
    fil.write_text("F7;F8\nGanska otrygg;Mycket trygg\nMycket trygg;Ganska trygg\n", encoding="utf-8")
    ny_plats(tmp_path / "p", FILER / "brott.csv", enkat=fil, enkatar=2024,
             fragor={"otrygg_kvall": "F7", "otrygg_centrum": "f8"})
    enkat = tp.las_enkat(tmp_path / "p")
    assert enkat["otrygg_kvall"].tolist() == ["Ganska otrygg", "Mycket trygg"]
    assert enkat["otrygg_centrum"].tolist() == ["Mycket trygg", "Ganska trygg"]
    # Utan --fraga känns F7 och F8 inte igen på namnet: felet säger hur man gör.
    kod = main(["ny-plats", str(tmp_path / "q"), "--brott", str(FILER / "brott.csv"),
                "--enkat", str(fil), "--enkatar", "2024"])
    fel = capsys.readouterr().err
    assert kod == SLUTKOD_FILFEL and "--fraga FRÅGA=RUBRIK" in fel
    assert "Kolumner med svar i filen: ”F7”, ”F8”" in fel
    assert not (tmp_path / "q").exists()
    kod = main(["ny-plats", str(tmp_path / "r"), "--brott", str(FILER / "brott.csv"),
                "--enkat", str(fil), "--fraga", "trygghet=F7"])
    fel = capsys.readouterr().err
    assert kod == SLUTKOD_FILFEL and "okänd fråga 'trygghet'" in fel and "otrygg_kvall" in fel


def test_svar_utanfor_fragans_alternativ_och_koder_utan_forklaring(tmp_path, capsys) -> None:
    fil = tmp_path / "enkat.csv"
    fil.write_text(
        "Kön;Trygg kväll (1=Mycket otrygg, 2=Ganska otrygg, 3=Varken trygg eller otrygg, "
        "4=Ganska trygg, 5=Mycket trygg);F7\nKvinna;3;1\nMan;5;4\nMan;1;2\n", encoding="utf-8")
    argument = ["ny-plats", str(tmp_path / "p"), "--brott", str(FILER / "brott.csv"),
                "--enkat", str(fil), "--enkatar", "2024", "--fraga", "oro_samhalle=F7"]
    # F7 har koder utan förklaring: åt vilket håll skalan går ska användaren säga.
    assert main(argument) == SLUTKOD_FILFEL
    fel = capsys.readouterr().err
    assert "kolumnen ”F7”" in fel and "--svarskolumn" in fel
    assert not (tmp_path / "p").exists()
    assert main([*argument, "--svarskolumn", "F7=1=I mycket stor utsträckning, 5=Inte alls"]) == 0
    ut = capsys.readouterr().out
    enkat = tp.las_enkat(tmp_path / "p")
    assert enkat["oro_samhalle"].tolist() == ["I mycket stor utsträckning", "I mycket liten utsträckning",
                                              "I ganska stor utsträckning"]
    # Femgradig skala: mittalternativet finns inte i handbokens fråga och redovisas.
    assert pd.isna(enkat.loc[0, "otrygg_kvall"])
    assert enkat["otrygg_kvall"].tolist()[1:] == ["Mycket trygg", "Mycket otrygg"]
    assert ("frågan otrygg_kvall: svaret ”Varken trygg eller otrygg” finns inte bland frågans "
            "svarsalternativ") in ut
    assert "blev saknat svar: rad 2" in ut


# ---------------------------------------------------------------------------
# Flöden


def test_flodet_blir_brett_per_timme_med_luckor(egen_plats) -> None:
    mapp, _ = egen_plats
    bred = tp.las_flode(mapp, bred=True)
    assert bred.columns.tolist() == ["tidpunkt", "torget", "parkstraket"]
    assert [t.hour for t in bred["tidpunkt"]] == [8, 9, 10, 11]  # timme 10 saknas i filen
    assert bred["torget"].tolist()[:2] == [120, 95] and pd.isna(bred["torget"][2])
    assert bred["parkstraket"].isna().tolist() == [False, True, True, True]  # -4 lämnades utanför
    raknare = tp.las_raknare(mapp).set_index("raknare")
    assert raknare.loc["parkstraket", "namn"] == "Parkstråket"
    assert str(raknare.loc["torget", "forsta_dag"].date()) == "2024-03-05"


# ---------------------------------------------------------------------------
# Fel ger slutkod 2 och ett svenskt meddelande


def test_som_egen_process(tmp_path) -> None:
    mapp = tmp_path / "plats"
    r = kor(*alla_filer(mapp, "--namn", "Torget", "--kommun", "Exempelby"))
    assert r.returncode == SLUTKOD_OK, r.stderr
    assert r.stderr == ""
    assert "Platsen skrevs till mappen" in r.stdout and "Kvar att göra:" in r.stdout
    assert "Ändra namn" not in r.stdout
    plats = tp.las_plats(mapp)
    assert plats.namn == "Torget" and plats.kommun == "Exempelby"
    assert len(tp.las_brott(plats)) == len(VANTADE_OMRADEN)


def test_saknad_brottsfil_ger_slutkod_2(tmp_path, capsys) -> None:
    mapp = tmp_path / "plats"
    r = kor("ny-plats", str(mapp), "--brott", str(tmp_path / "finns-inte.csv"))
    assert r.returncode == SLUTKOD_FILFEL
    assert "Platsen kunde inte skapas" in r.stderr and "finns inte" in r.stderr
    assert not mapp.exists()
    # Utan --brott alls: argparse säger det på svenska.
    kod = main(["ny-plats", str(mapp)])
    assert kod == SLUTKOD_FILFEL
    assert "de här argumenten saknas: --brott" in capsys.readouterr().err


def test_geojson_utan_roller_ger_slutkod_2_och_forklarar(tmp_path) -> None:
    mapp = tmp_path / "plats"
    r = kor("ny-plats", str(mapp), "--brott", str(FILER / "brott.csv"),
            "--omraden", str(FILER / "omraden-utan-roll.geojson"))
    assert r.returncode == SLUTKOD_FILFEL
    assert "område nummer 3 (”Norra torget”)" in r.stderr
    assert "egenskapen omrade (eller roll) saknas" in r.stderr
    assert "atgardsomrade (där åtgärderna görs)" in r.stderr
    assert not mapp.exists()


@pytest.mark.parametrize(
    ("innehall", "vantat"),
    [
        ('{"type": "FeatureCollection", "features": [', "inte giltig GeoJSON: fel på rad 1"),
        ('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": '
         '{"omrade": "centrum"}, "geometry": {"type": "Polygon", "coordinates": '
         '[[[15.6, 60.6], [15.7, 60.6], [15.7, 60.7], [15.6, 60.6]]]}}]}', "okänd roll ”centrum”"),
        ('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": '
         '{"omrade": "atgardsomrade"}, "geometry": {"type": "Point", "coordinates": [15.6, 60.6]}}]}',
         "geometrin är Point, inte en yta"),
        ('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": '
         '{"omrade": "atgardsomrade"}, "geometry": {"type": "Polygon", "coordinates": '
         '[[[2.3, 48.8], [2.4, 48.8], [2.4, 48.9], [2.3, 48.8]]]}}]}', "ligger inte i Sverige"),
    ],
    ids=["trasig-json", "okand-roll", "punkt", "utanfor-sverige"],
)
def test_dalig_geojson_ger_slutkod_2(tmp_path, capsys, innehall, vantat) -> None:
    fil = tmp_path / "omraden.geojson"
    fil.write_text(innehall, encoding="utf-8")
    kod = main(["ny-plats", str(tmp_path / "p"), "--brott", str(FILER / "brott.csv"),
                "--omraden", str(fil)])
    ut = capsys.readouterr()
    assert kod == SLUTKOD_FILFEL
    assert vantat in ut.err and "Traceback" not in ut.err + ut.out
    assert not (tmp_path / "p").exists()


def test_skriver_inte_over_en_mapp_som_inte_ar_tom(tmp_path, capsys) -> None:
    mapp = tmp_path / "p"
    mapp.mkdir()
    (mapp / "enkat.csv").write_text("gammal\n", encoding="utf-8")
    (mapp / "anteckningar.txt").write_text("mina\n", encoding="utf-8")
    argument = ["ny-plats", str(mapp), "--brott", str(FILER / "brott.csv")]
    assert main(argument) == SLUTKOD_FILFEL
    fel = capsys.readouterr().err
    assert "inte tom" in fel and "--skriv-over" in fel
    assert (mapp / "enkat.csv").read_text(encoding="utf-8") == "gammal\n"
    assert not (mapp / "brott.csv").exists()
    assert main([*argument, "--skriv-over"]) == SLUTKOD_OK
    ut = capsys.readouterr().out
    # En gammal enkat.csv hör inte till den nya platsen (ingen enkät angavs): den tas bort.
    assert not (mapp / "enkat.csv").exists() and "enkat.csv fanns kvar från förut" in ut
    assert (mapp / "anteckningar.txt").read_text(encoding="utf-8") == "mina\n"
    assert len(tp.las_brott(mapp)) == len(VANTADE_OMRADEN)


def test_skriver_aldrig_i_handbokens_egna_platser() -> None:
    with pytest.raises(NyPlatsFel, match="handbokens egna data"):
        ny_plats(MELLANSTAD, MELLANSTAD / "brott.csv", skriv_over=True)


# ---------------------------------------------------------------------------
# Mellanstad som egen plats


def mellanstads_brott_som_export(fil: Path) -> None:
    """Mellanstads brott som en typisk export: semikolon, Windows-1252, datum och klockslag
    i lokal tid i var sin kolumn, koordinater som X och Y."""
    b = pd.read_csv(MELLANSTAD / "brott.csv", dtype=str)
    tid = pd.to_datetime(b["tidpunkt"], utc=True).dt.tz_convert("Europe/Stockholm")
    pd.DataFrame({
        "Ärendenummer": b["id"], "Datum": tid.dt.strftime("%Y-%m-%d"),
        "Klockslag": tid.dt.strftime("%H.%M"), "Brottskategori": b["brottskategori"],
        "Brottstyp": b["brottstyp"], "X": b["ost"], "Y": b["nord"],
    }).to_csv(fil, sep=";", index=False, encoding="cp1252")  # fmt: skip


@pytest.fixture(scope="module", params=["direkt", "export"])
def mellanstad_som_egen(request, tmp_path_factory: pytest.TempPathFactory):
    """En plats gjord av Mellanstads egna filer: brott.csv direkt eller som export."""
    tmp = tmp_path_factory.mktemp("ms")
    brott = MELLANSTAD / "brott.csv"
    if request.param == "export":
        brott = tmp / "brott-export.csv"
        mellanstads_brott_som_export(brott)
    mapp = tmp / "plats"
    rapport = ny_plats(mapp, brott, enkat=MELLANSTAD / "enkat.csv",
                       omraden=MELLANSTAD / "omraden.geojson", namn="Mellanstads centrum",
                       kommun="Mellanstad")
    return mapp, rapport


def test_mellanstads_egna_filer_ger_samma_brott_per_ar_och_omrade(mellanstad_som_egen) -> None:
    mapp, rapport = mellanstad_som_egen
    original, egen = tp.las_brott(), tp.las_brott(mapp)

    def per_ar_och_omrade(b: pd.DataFrame) -> pd.Series:
        return b.groupby([b["tidpunkt"].dt.year, b["omrade"].astype(str)]).size()

    pd.testing.assert_series_equal(per_ar_och_omrade(egen), per_ar_och_omrade(original))
    # Varje brott har samma område som i Mellanstads data.
    jamfor = original.merge(egen, on="id", suffixes=("", "_egen"))
    assert len(jamfor) == len(original) == len(egen)
    assert (jamfor["omrade"].astype(str) == jamfor["omrade_egen"].astype(str)).all()
    # Och samma tidpunkt, utom där ett klockslag utan tidszon finns två gånger
    # (omställningen till normaltid); de raderna namnger rapporten.
    olika = jamfor.index[jamfor["tidpunkt"] != jamfor["tidpunkt_egen"]]
    tvetydiga = {r for p in rapport.del_("Brott").inlasning.anmarkningar if "två gånger" in p.orsak
                 for r in p.rader}
    assert {int(i) + 2 for i in olika} <= tvetydiga  # radnummer i exporten: rubrikraden är rad 1
    assert tp.las_plats(mapp).ar == tp.las_plats().ar


def test_mellanstads_egna_filer_ger_samma_enkatsvar_per_ar(mellanstad_som_egen) -> None:
    mapp, _ = mellanstad_som_egen
    original = tp.las_enkat(bara_svarande=True)
    egen = tp.las_enkat(mapp, bara_svarande=True)
    assert len(egen) == len(original)
    for fraga in FRAGOR:
        pd.testing.assert_series_equal(
            egen.groupby("ar")[fraga].value_counts(), original.groupby("ar")[fraga].value_counts(),
            obj=fraga,
        )
    assert tp.las_plats(mapp).enkatar == tp.las_plats().enkatar
    # Vikterna summerar till befolkningen i varje cell: befolkning.csv blir densamma.
    cell = ["ar", "omrade", "kon", "aldersgrupp"]

    def befolkning(b: pd.DataFrame) -> pd.Series:
        return b.astype({k: str for k in cell}).set_index(cell)["antal"].sort_index()

    pd.testing.assert_series_equal(befolkning(tp.las_befolkning(mapp)),
                                   befolkning(tp.las_befolkning()))
