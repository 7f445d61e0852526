"""Tester för Polisens händelser: urvalet, schemat och inläsningen."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import importlib.util
import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tryggaplatser._sokvagar import DATAMAPP, ROT
from tryggaplatser.polisen import (
    FIL,
    KOMMUNER_I_LAN,
    MANADER,
    _tolka_publicerad,
    las_polisens_handelser,
    tolka_rubriktid,
)

DELAD_FIL = ROT.parent / "shared/data/polisen-handelser/polisen-handelser-2022-2026.csv.gz"


@pytest.fixture(scope="module")
def handelser():
    return las_polisens_handelser(med_rapport=True)


def radata() -> list[dict[str, str]]:
    with gzip.open(FIL, "rt", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


# --- Kommunlistorna ----------------------------------------------------------


def test_kommunlistorna_har_ratt_antal():
    assert len(KOMMUNER_I_LAN["Dalarnas län"]) == 15
    assert len(KOMMUNER_I_LAN["Västmanlands län"]) == 10
    alla = [k for ks in KOMMUNER_I_LAN.values() for k in ks]
    assert len(set(alla)) == 25
    for pilot in ("Avesta", "Falun", "Sala", "Hallstahammar"):
        assert pilot in alla


# --- Rubrikens tid --------------------------------------------------------------


@pytest.mark.parametrize(
    ("rubrik", "publicerad", "vantad"),
    [
        ("22 augusti 17.59, Brand, Falun", "2024-08-22 18:30", "2024-08-22 17:59"),
        ("26 september 14:21, Rån, Sala", "2022-09-26 15:55", "2022-09-26 14:21"),
        ("31 december 23.40, Misshandel, Mora", "2025-01-01 00:15", "2024-12-31 23:40"),
        ("1 januari 00:05, Brand, Avesta", "2024-12-31 23:59", "2025-01-01 00:05"),
        ("28 december 22.00, Övrigt, Falun", "2026-01-04 09:00", "2025-12-28 22:00"),
        ("29 februari 12.00, Stöld, Sala", "2024-03-01 08:00", "2024-02-29 12:00"),
        ("5 Maj 7.05, Stöld, Sala", "2024-05-05 08:00", "2024-05-05 07:05"),
    ],
)
def test_rubriktid_exempel(rubrik, publicerad, vantad):
    assert tolka_rubriktid(rubrik, dt.datetime.fromisoformat(publicerad)) == (
        dt.datetime.fromisoformat(vantad)
    )


@pytest.mark.parametrize(
    "rubrik",
    ["Trafikolycka i Mora", "", "32 januari 12.00, X, Y", "5 maj 25.00, X, Y", "5 mai 12.00, X"],
)
def test_rubriktid_som_inte_gar_att_tolka(rubrik):
    assert tolka_rubriktid(rubrik, dt.datetime(2024, 5, 5)) is None


def test_29_februari_ett_ar_som_inte_ar_skottar():
    # 2023 är inget skottår; närmaste möjliga år är 2024 (inte 2022).
    assert tolka_rubriktid("29 februari 12.00, X, Y", dt.datetime(2023, 3, 1)) == dt.datetime(
        2024, 2, 29, 12, 0
    )


@given(
    st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2090, 12, 31)),
    st.timedeltas(min_value=dt.timedelta(hours=-3), max_value=dt.timedelta(days=150)),
    st.sampled_from([".", ":"]),
    st.booleans(),
)
def test_rubriktid_rundtur(tid, fordrojning, skiljetecken, nolla):
    """Rubriken som Polisen skriver den tolkas tillbaka till samma tid, alla datum."""
    tid = tid.replace(second=0, microsecond=0)
    timme = f"{tid.hour:02d}" if nolla else str(tid.hour)
    rubrik = f"{tid.day} {MANADER[tid.month - 1]} {timme}{skiljetecken}{tid:%M}, Stöld, Sala"
    assert tolka_rubriktid(rubrik, tid + fordrojning) == tid


# --- Publiceringstiden -------------------------------------------------------------


def test_publiceringstid_med_timme_utan_nolla_och_olika_forskjutning():
    s = _tolka_publicerad(
        pd.Series(
            [
                "2022-10-31 8:24:32 +01:00",
                "2023-07-01 23:05:00 +02:00",
                "2023-07-01 23:05:00 +02:00 extra",
            ]
        )
    )
    assert s.iloc[0] == pd.Timestamp("2022-10-31 07:24:32", tz="UTC")
    assert s.iloc[1] == pd.Timestamp("2023-07-01 21:05:00", tz="UTC")
    assert str(s.iloc[1].tz) == "Europe/Stockholm"
    assert pd.isna(s.iloc[2])


# --- Den lagrade filen och inläsningen -----------------------------------------------


def test_ingen_rad_tas_bort(handelser):
    df, rapport = handelser
    rader = radata()
    assert len(df) == len(rader) == rapport.rader_lasta
    assert rapport.utelamnade == []
    assert df["id"].tolist() == [int(r["id"]) for r in rader]
    assert df["id"].is_unique


def test_bara_de_tva_lanen(handelser):
    df, _ = handelser
    platser = set(KOMMUNER_I_LAN) | {k for ks in KOMMUNER_I_LAN.values() for k in ks}
    assert set(df["plats"]) == platser  # alla 25 kommuner och båda länen förekommer
    assert df["lan"].notna().all()


def test_kommun_och_lan_stammer(handelser):
    df, _ = handelser
    lanrader = df["plats"].isin(list(KOMMUNER_I_LAN))
    assert df.loc[lanrader, "kommun"].isna().all()
    assert (df.loc[lanrader, "lan"].astype(str) == df.loc[lanrader, "plats"]).all()
    for lan, kommuner in KOMMUNER_I_LAN.items():
        del_ = df[df["kommun"].isin(kommuner)]
        assert (del_["lan"] == lan).all()
    # "Borlänge" innehåller "län" men är en kommun
    assert (df.loc[df["plats"] == "Borlänge", "kommun"] == "Borlänge").all()


def test_positionen_ar_i_lanen(handelser):
    df, _ = handelser
    assert df["lat"].between(59.0, 62.5).all()  # Västmanlands och Dalarnas ungefärliga läge
    assert df["lng"].between(12.0, 17.5).all()
    # samma plats har alltid samma mittpunkt
    assert (df.groupby("plats")[["lat", "lng"]].nunique() == 1).all().all()


def test_sammanfattningar_markeras(handelser):
    df, rapport = handelser
    vantade = df["typ"].astype(str).str.startswith("Sammanfattning")
    assert (df["ar_sammanfattning"] == vantade).all()
    assert vantade.sum() > 0
    p = [p for p in rapport.anmarkningar if p.orsak.startswith("sammanfattning")][0]
    assert len(p.rader) == int(vantade.sum())


def test_handelsetid_och_publicering_hanger_ihop(handelser):
    df, rapport = handelser
    rader = radata()
    # Rubrikens dag och månad och klockslag finns i händelsetiden.
    for i in range(0, len(rader), 7):
        if pd.notna(df["tid_anmarkning"].iloc[i]):
            continue  # sommartidens början eller slut
        t = df["handelsetid"].iloc[i]
        dag, manad, kl = rader[i]["name"].split(",")[0].split(" ")
        timme, minut = re.split(r"[.:]", kl)
        assert (t.day, MANADER[t.month - 1], t.hour, t.minute) == (
            int(dag),
            manad,
            int(timme),
            int(minut),
        )
    skillnad = df["publicerad"] - df["handelsetid"]
    # Året är rätt valt: ingen händelse ligger ett halvår eller mer från publiceringen.
    # (Några meddelanden publiceras före händelsen, till exempel om en planerad insats.)
    assert (skillnad.abs() < pd.Timedelta(days=183)).all()
    assert pd.Timedelta(0) < skillnad.median() < pd.Timedelta(days=1)
    assert df["handelsetid"].notna().sum() + sum(
        len(p.rader) for p in rapport.anmarkningar if "gick inte att tolka" in p.orsak
    ) == len(df)


def test_tidszon(handelser):
    df, _ = handelser
    assert str(df["publicerad"].dt.tz) == "Europe/Stockholm"
    assert str(df["handelsetid"].dt.tz) == "Europe/Stockholm"
    # Förskjutningen i källan bevaras: samma ögonblick som källans text.
    forsta = radata()[0]["datetime"]
    assert df["publicerad"].iloc[0] == pd.Timestamp(
        dt.datetime.strptime(forsta.replace(" +", "+"), "%Y-%m-%d %H:%M:%S%z")
    )


def test_datapaketet_validerar():
    import frictionless  # ett krav i requirements.in: saknas det ska testet fallera, inte hoppas över
    paket = frictionless.Package(str(DATAMAPP / "datapackage.json"))
    resurs = paket.get_resource("polisen-handelser")
    rapport = resurs.validate()
    assert rapport.valid, rapport.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    assert rapport.tasks[0].stats["rows"] == len(radata())


# --- Urvalsskriptet (scripts/hamta_polisen.py) -------------------------------------
#
# Skriptet körs i CI på en liten påhittad fil i tests/filer/. Saknas skriptet,
# paketet eller ett bibliotek det behöver fallerar testerna; de hoppas aldrig över.

FIXTUR = Path(__file__).resolve().parent / "filer" / "polisen-kalla.csv"

# Vad urvalet ska ge för fixturen, bestämt för hand ur README:n i tests/filer:
# länen och deras kommuner behålls (också Borlänge, som innehåller "län", och
# "Falun " med ett mellanslag efter), grannar och liknande namn gör det inte.
BEHALLS = ["901", "903", "904", "907", "908", "911", "912"]
TAS_BORT = {
    "902": "Stockholm",
    "905": "Uppsala län",
    "906": "Salem",
    "909": "Heby",
    "910": "Ljusnarsberg",
    "913": "Dalarna",
    "914": "Västervik",
    "915": "Hallsberg",
    "916": "Kungsbacka",
}


@pytest.fixture(scope="module")
def skript():
    spec = importlib.util.spec_from_file_location("hamta_polisen", ROT / "scripts" / "hamta_polisen.py")
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return modul


def fixturrader() -> tuple[list[str], list[list[str]]]:
    with open(FIXTUR, encoding="utf-8", newline="") as f:
        rader = list(csv.reader(f))
    return rader[0], rader[1:]


def test_fixturen_ar_den_som_beskrivs():
    rubriker, rader = fixturrader()
    assert rubriker == ["id", "datetime", "name", "summary", "url", "type", "location_name", "location_gps"]
    assert sorted(r[0] for r in rader) == sorted(BEHALLS + list(TAS_BORT))
    platser = {r[0]: r[6] for r in rader}
    assert {i: platser[i] for i in TAS_BORT} == TAS_BORT


def test_urvalet_pa_fixturen(skript):
    rubriker, rader = fixturrader()
    valda = skript.valj_rader(rubriker, rader)
    assert [r[0] for r in valda] == BEHALLS  # rätt rader, i källans ordning
    # Raderna lämnas oförändrade, också texten med citattecken och radbrytning.
    efter_id = {r[0]: r for r in rader}
    assert valda == [efter_id[i] for i in BEHALLS]
    assert '"citat"' in efter_id["904"][3] and "\n" in efter_id["904"][3]
    assert efter_id["912"][6] == "Falun "


def test_urvalet_kraver_platskolumnen_och_hela_rader(skript):
    rubriker, rader = fixturrader()
    utan = [r for r in rubriker if r != "location_name"]
    with pytest.raises(ValueError, match="saknar kolumnen location_name"):
        skript.valj_rader(utan, [])
    kort = [*rader[:2], rader[2][:-1]]
    with pytest.raises(ValueError, match=r"Post 4 i källfilen .* har 7 värden, men rubrikraden har 8"):
        skript.valj_rader(rubriker, kort)


def test_urvalsskriptet_pa_fixturen(skript, tmp_path):
    kalla = tmp_path / "kalla.csv.gz"
    kalla.write_bytes(gzip.compress(FIXTUR.read_bytes(), mtime=0))
    ut = tmp_path / "mapp" / "urval.csv.gz"
    assert skript.main([str(kalla), "--ut", str(ut)]) == 0
    data = ut.read_bytes()
    assert data[4:8] == b"\0\0\0\0"  # ingen tidsstämpel i gzip-huvudet
    with gzip.open(ut, "rt", encoding="utf-8", newline="") as f:
        ut_rader = list(csv.reader(f))
    rubriker, rader = fixturrader()
    assert ut_rader[0] == rubriker
    assert [r[0] for r in ut_rader[1:]] == BEHALLS
    assert ut_rader[1:] == [r for r in rader if r[0] in BEHALLS]
    # Samma indata ger samma byte.
    ut2 = tmp_path / "urval2.csv.gz"
    assert skript.main([str(kalla), "--ut", str(ut2)]) == 0
    assert ut2.read_bytes() == data
    # Och filen går att läsa som paketets egen fil.
    las = pd.read_csv(ut, dtype="string", keep_default_na=False)
    assert las["location_name"].str.strip().tolist() == [
        "Västerås", "Dalarnas län", "Borlänge", "Malung-Sälen", "Västmanlands län", "Sala", "Falun",
    ]  # fmt: skip


def test_skriptets_platser(skript):
    # 2 län + 15 kommuner i Dalarnas län + 10 i Västmanlands län
    assert len(skript.PLATSER) == 2 + 15 + 10
    assert {"Dalarnas län", "Västmanlands län", "Borlänge", "Västerås", "Malung-Sälen"} <= skript.PLATSER


# Jämförelse med den riktiga, delade källfilen. Den finns inte i förrådet (den är
# stor och delas mellan projekt), så testet körs bara där den finns. Urvalets
# logik testas ändå alltid, ovan, på fixturen.
@pytest.mark.skipif(not DELAD_FIL.exists(), reason="den delade källfilen finns inte här")
def test_urvalsskriptet_ger_samma_fil(skript, tmp_path):
    ut = tmp_path / "ny.csv.gz"
    assert skript.main([str(DELAD_FIL), "--ut", str(ut)]) == 0
    assert ut.read_bytes() == Path(FIL).read_bytes()
    # Och urvalet är rätt: jämför med en oberoende läsning av källan.
    kalla = pd.read_csv(DELAD_FIL, dtype=str, keep_default_na=False)
    platser = set(KOMMUNER_I_LAN) | {k for ks in KOMMUNER_I_LAN.values() for k in ks}
    vantade = kalla[kalla["location_name"].isin(platser)]
    assert [r["id"] for r in radata()] == vantade["id"].tolist()
    # Inga rader i källan har en plats som liknar länens men saknas i urvalet.
    for namn in kalla["location_name"].unique():
        if namn.startswith(("Dalarna", "Västmanland")):
            assert namn in platser
