"""Platser: beskrivningen plats.yml, valet av plats, och beräkningssidorna på två andra platser
(Provköping, gjord av generatorn, och en tunn egen plats, gjord med ny_plats)."""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import tryggaplatser as tp
from tryggaplatser.plats import BESKRIVNING, MILJOVARIABEL

ROT = Path(__file__).resolve().parent.parent
GENERATOR = ROT / "scripts" / "generera_mellanstad.py"


@pytest.fixture(scope="session")
def provkoping(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Testernas andra stad, skapad av samma generator med andra inställningar."""
    mapp = tmp_path_factory.mktemp("provkoping")
    ut = subprocess.run([sys.executable, str(GENERATOR), "--stad", "provkoping", "--utmapp",
                         str(mapp)], capture_output=True, text=True)
    assert ut.returncode == 0, ut.stderr
    return mapp


def test_mellanstads_beskrivning_stammer_med_datan() -> None:
    plats = tp.las_plats()
    brott = tp.las_brott(plats)
    assert sorted(brott["tidpunkt"].dt.year.unique()) == plats.ar
    enkat = tp.las_enkat(plats)
    assert sorted(enkat["ar"].unique()) == plats.enkatar
    assert set(enkat["omrade"].unique()) == set(plats.enkatomraden)
    assert plats.atgarder_start == tp.las_atgarder(plats)["startdatum"].min().date()


def test_andra_staden_har_egna_namn_ar_och_koordinater(provkoping: Path) -> None:
    ms, pk = tp.las_plats(), tp.las_plats(provkoping)
    assert pk.kommun != ms.kommun
    assert pk.ar != ms.ar and pk.analysar != ms.analysar
    assert not set(pk.enkatomraden) & {"Centrum", "Norrby", "Söder"}
    brott = tp.las_brott(pk)
    assert sorted(brott["tidpunkt"].dt.year.unique()) == pk.ar
    assert brott["ost"].min() > tp.las_brott(ms)["ost"].max()
    assert not pk.har("flode.csv") and not pk.har("raknare.csv")
    for fil in provkoping.iterdir():
        assert ms.kommun not in fil.read_text(encoding="utf-8"), fil.name


def test_andra_stadens_enkat_har_mycket_sma_grupper(provkoping: Path) -> None:
    svar = tp.las_enkat(provkoping, bara_svarande=True)
    grupper = svar.groupby(["ar", "omrade", "kon", "aldersgrupp"], observed=True).size()
    assert grupper.min() < 5
    assert len(svar) < len(tp.las_enkat(bara_svarande=True)) / 4


def test_saknad_datafil_ger_svenskt_fel_med_plats_och_fil(provkoping: Path) -> None:
    with pytest.raises(tp.PlatsFel, match=r"Provköpings resecentrum .* saknar filen flode\.csv"):
        tp.las_flode(provkoping)


def test_miljovariabeln_valjer_plats(provkoping: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(MILJOVARIABEL, raising=False)
    assert tp.valj_plats("mellanstad").kommun == "Mellanstad"
    monkeypatch.setenv(MILJOVARIABEL, str(provkoping))
    assert tp.valj_plats("mellanstad").kommun == "Provköping"


def test_okand_plats_namnger_handbokens_platser() -> None:
    with pytest.raises(tp.PlatsFel, match=r"Hittar ingen plats som heter ingenstans.*mellanstad"):
        tp.las_plats("ingenstans")


def _beskrivning_med(tmp_path: Path, **andrat) -> Path:
    data = yaml.safe_load((tp.las_plats().mapp / BESKRIVNING).read_text(encoding="utf-8"))
    for nyckel, varde in andrat.items():
        mal = data
        *vag, sista = nyckel.split("__")
        for d in vag:
            mal = mal[d]
        mal[sista] = varde
    (tmp_path / BESKRIVNING).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("andrat", "vantat"), [
    ({"ar__forsta": "tjugohundra"}, r"nyckeln ar\.forsta: väntade ett årtal"),
    ({"ar__sista": 2019}, r"nyckeln ar\.sista: väntade ett år som inte är före ar\.forsta"),
    ({"analysar": 2030}, r"nyckeln analysar: väntade ett år från 2021 till 2025, inte 2030"),
    ({"omraden": {"centrum": "Centrum"}}, r"nyckeln omraden: väntade bara koderna"),
    ({"enkat__platsens_omrade": "Väster"}, r"nyckeln enkat\.platsens_omrade: väntade ett av"),
    ({"atgarder__start": "1 februari"}, r"nyckeln atgarder\.start: väntade ett datum"),
    ({"namn": ""}, r"nyckeln namn: väntade en text"),
])
def test_felaktig_beskrivning_ger_fel_med_fil_och_nyckel(tmp_path: Path, andrat: dict,
                                                          vantat: str) -> None:
    mapp = _beskrivning_med(tmp_path, **andrat)
    with pytest.raises(tp.PlatsFel, match=rf"{BESKRIVNING}, {vantat}"):
        tp.las_plats(mapp)


def test_analysaret_far_vara_forsta_och_sista_aret(tmp_path: Path) -> None:
    for ar in (2021, 2025):
        assert tp.las_plats(_beskrivning_med(tmp_path, analysar=ar)).analysar == ar


def test_mapp_utan_beskrivning_sager_hur_man_gor_en(tmp_path: Path) -> None:
    with pytest.raises(tp.PlatsFel, match=r"har ingen platsbeskrivning.*ny-plats"):
        tp.las_plats(tmp_path)


def test_andra_staden_foljer_datapaketets_scheman(provkoping: Path) -> None:
    """Schemat gäller varje plats, inte bara Mellanstad."""
    from frictionless import Package

    paket = json.loads((ROT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    resurser = []
    for r in paket["resources"]:
        if r["name"].startswith("mellanstad-") and (provkoping / Path(r["path"]).name).exists():
            resurser.append({**r, "path": Path(r["path"]).name})
    assert len(resurser) >= 12
    rapport = Package({"name": "provkoping", "resources": resurser},
                      basepath=str(provkoping)).validate()
    fel = [f"{t.name}: {e.message}" for t in rapport.tasks for e in t.errors]
    assert rapport.valid, "\n".join(fel[:20])


# ---------------------------------------------------------------------------
# En tunn egen plats, gjord med ny_plats av små egna filer
# ---------------------------------------------------------------------------

#: Den tunna platsens brott: tre år och sex typer, utan butiksstöld och narkotikabrott.
TUNNA_BROTT = {"Misshandel": 70, "Olaga hot": 60, "Ofredande": 60, "Cykelstöld": 90, "Skadegörelse": 70,
               "Stöld ur fordon": 50}
TUNNA_AR = (2022, 2023, 2024)
#: Områden i WGS84 (latitud, longitud för två hörn): inget buffertområde.
TUNNA_OMRADEN = {"atgardsomrade": ("Stationsområdet", (59.857, 17.634, 59.863, 17.646)),
                 "jamforelseomrade": ("Gamla torget", (59.864, 17.650, 59.868, 17.658)),
                 "studieomrade": ("Tätorten", (59.850, 17.620, 59.870, 17.660))}
SVAR_KVALL = ["Mycket trygg", "Ganska trygg", "Ganska otrygg", "Mycket otrygg",
              "Går aldrig ut ensam på grund av otrygghet", "Går aldrig ut ensam av andra skäl"]
SVAR_ORO = ["I mycket stor utsträckning", "I ganska stor utsträckning", "I ganska liten utsträckning",
            "I mycket liten utsträckning", "Inte alls"]


def _skriv_egna_filer(mapp: Path) -> dict[str, Path]:
    """Små egna filer som en användare kan ha: ett polisutdrag, en enkät och områden.

    Utdraget har semikolon, svenska datum, klockslag med punkt, WGS84 med decimalkomma
    och Windows-1252. Enkäten har bara frågorna om kvällen och om oron, två år och två
    områden. Slumptalen har ett fast frö, så filerna blir desamma varje gång.
    """
    import numpy as np

    slump = np.random.default_rng(2024)
    rader = ["Anm.nr;Brottsdatum;Kl;Brottstyp;Latitud;Longitud"]
    typer = slump.permutation([typ for typ, antal in TUNNA_BROTT.items() for _ in range(antal)])
    timvikt = np.r_[np.full(6, 1.0), np.full(12, 2.0), np.full(6, 3.0)]  # fler brott på kvällen
    for i, typ in enumerate(typer):
        dag = np.datetime64(f"{TUNNA_AR[i % 3]}-01-01") + int(slump.integers(365))
        timme, minut = int(slump.choice(24, p=timvikt / timvikt.sum())), int(slump.integers(60))
        if slump.random() < 0.6:  # samlade runt stationen
            lat, lon = slump.normal(59.860, 0.0012), slump.normal(17.640, 0.0024)
        else:
            lat, lon = slump.uniform(59.850, 59.870), slump.uniform(17.620, 17.660)
        koordinater = f"{lat:.5f};{lon:.5f}".replace(".", ",")
        rader.append(f"{7000 + i};{dag};{timme:02d}.{minut:02d};{typ};{koordinater}")
    brott = mapp / "polisutdrag.csv"
    brott.write_text("\n".join(rader) + "\n", encoding="cp1252")

    rader = ["Löpnr;År;Område;Kön;Ålder;Vikt;Otrygg kväll;Oro samhälle"]
    for nummer in range(600):
        kvinna = slump.random() < 0.5
        kvall = slump.choice(SVAR_KVALL, p=[0.3, 0.3, 0.2, 0.1, 0.05, 0.05] if kvinna
                             else [0.45, 0.3, 0.12, 0.05, 0.03, 0.05])
        oro = slump.choice(SVAR_ORO, p=[0.15, 0.3, 0.3, 0.15, 0.1])
        vikt = f"{slump.uniform(20, 60):.1f}".replace(".", ",")
        omrade = "Centrum" if slump.random() < 0.5 else "Väster"
        alder = str(int(slump.integers(16, 85)))
        kvall, oro = [s if slump.random() > 0.03 else "" for s in (kvall, oro)]  # några tomma svar
        rader.append(";".join([str(nummer + 1), "2022" if nummer < 300 else "2024", omrade,
                               "Kvinna" if kvinna else "Man", alder, vikt, kvall, oro]))
    enkat = mapp / "enkat.csv"
    enkat.write_text("\n".join(rader) + "\n", encoding="utf-8")

    def ruta(lat0: float, lon0: float, lat1: float, lon1: float) -> list:
        return [[[lon0, lat0], [lon1, lat0], [lon1, lat1], [lon0, lat1], [lon0, lat0]]]

    omraden = mapp / "omraden.geojson"
    omraden.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"omrade": kod, "namn": namn},
         "geometry": {"type": "Polygon", "coordinates": ruta(*horn)}}
        for kod, (namn, horn) in TUNNA_OMRADEN.items()]}, ensure_ascii=False), encoding="utf-8")
    return {"brott": brott, "enkat": enkat, "omraden": omraden}


@pytest.fixture(scope="session")
def tunn_plats(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """En egen plats som är tunnare än Provköping, gjord med tp.ny_plats som en användare gör."""
    filer = _skriv_egna_filer(tmp_path_factory.mktemp("egna-filer"))
    mapp = tmp_path_factory.mktemp("tunn") / "plats"
    tp.ny_plats(mapp, filer["brott"], enkat=filer["enkat"], omraden=filer["omraden"],
                namn="Stationsområdet", kommun="Tunnby")
    return mapp


def test_den_tunna_platsen_ar_tunnare_an_provkoping(tunn_plats: Path, provkoping: Path) -> None:
    from tryggaplatser.ny_plats import FRAGOR

    plats, pk = tp.las_plats(tunn_plats), tp.las_plats(provkoping)
    enkat = tp.las_enkat(plats, bara_svarande=True)
    assert [f for f in FRAGOR if enkat[f].notna().any()] == ["otrygg_kvall", "oro_samhalle"]
    assert len(plats.enkatar) == 2 and len(plats.enkatomraden) == 2 < len(pk.enkatomraden)
    brott = tp.las_brott(plats)
    assert sorted(brott["tidpunkt"].dt.year.unique()) == list(TUNNA_AR)
    assert brott["brottstyp"].value_counts().to_dict() == TUNNA_BROTT
    assert set(tp.las_omraden(plats)["omrade"]) == set(TUNNA_OMRADEN)
    assert "buffertzon" not in plats.omraden and "buffertzon" in pk.omraden
    assert not plats.landmarken and pk.landmarken
    assert plats.atgarder_start is None and plats.platsens_enkatomrade is None
    for fil in ("flode.csv", "raknare.csv", "verksamheter.csv", "besiktning.csv", "gator.geojson",
                "atgarder.csv", "trygghetsvandring.csv"):
        assert not plats.har(fil), fil
    assert sorted(p.name for p in tunn_plats.iterdir()) == sorted(
        ["plats.yml", "brott.csv", "enkat.csv", "befolkning.csv", "omraden.geojson"])


# ---------------------------------------------------------------------------
# Varje analys körs på den andra staden och på den tunna platsen
# ---------------------------------------------------------------------------

NOTEBOOKS = sorted((ROT / "chapters").rglob("*.ipynb"))
_PLATSDATA = re.compile(
    r"tp\.las_(brott|enkat|befolkning|raknare|flode|verksamheter|besiktning|"
    r"trygghetsvandring|aktorer|kontakter|atgarder|omraden|gator)\(")


def _har_parametercell(nb: dict) -> bool:
    kod = [c for c in nb["cells"] if c["cell_type"] == "code"]
    return bool(kod) and "parameters" in kod[0].get("metadata", {}).get("tags", [])


def _platsnotebooks() -> list[Path]:
    return [p for p in NOTEBOOKS if _PLATSDATA.search(p.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("notebook", _platsnotebooks(), ids=lambda p: p.stem)
def test_notebook_med_platsdata_valjer_plats_i_en_parametercell(notebook: Path) -> None:
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    assert _har_parametercell(nb), (
        f"{notebook.relative_to(ROT)}: första kodcellen ska ha taggen parameters och välja "
        "platsen (PLATS = ...), så att notebooken går att köra på en annan plats.")
    kod = "".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    assert "tp.valj_plats(PLATS)" in kod


def _utdatatext(nb) -> str:
    delar = []
    for cell in nb.cells:
        for ut in cell.get("outputs", []):
            delar.append(ut.get("text", ""))
            for mime, data in ut.get("data", {}).items():
                if "text/" in mime or mime.endswith("json"):  # också glue (papermill.record)
                    delar.append(data if isinstance(data, str) else json.dumps(data))
    return "\n".join(delar)


def _klistrat(nb) -> dict[str, str]:
    varden = {}
    for cell in nb.cells:
        for ut in cell.get("outputs", []):
            namn = ut.get("metadata", {}).get("scrapbook", {}).get("name")
            data = ut.get("data", {})
            markdown = [v for k, v in data.items() if k.endswith("text/markdown")]
            text = [v for k, v in data.items() if k.endswith("text/plain")]
            if namn and markdown:  # glue av Markdown: texten, inte objektets repr
                varden[namn] = markdown[0]
            elif namn and text:  # glue sparar under application/papermill.record/text/plain
                varden[namn] = ast.literal_eval(text[0])
    return varden


#: Platserna som varje analys körs på (namnen på deras fixturer).
PLATSER = ["provkoping", "tunn_plats"]


@pytest.fixture(scope="module")
def korda():
    """Kör en notebook på en plats (en gång per notebook och plats)."""
    import nbformat
    from nbclient import NotebookClient

    cache: dict[tuple[Path, Path], object] = {}

    def kor(notebook: Path, mapp: Path):
        if (notebook, mapp) not in cache:
            nb = nbformat.read(notebook, as_version=4)
            gammal = os.environ.get(MILJOVARIABEL)
            os.environ[MILJOVARIABEL] = str(mapp)
            os.environ.setdefault("MPLBACKEND", "Agg")
            try:
                NotebookClient(nb, timeout=120, kernel_name="python3",
                               resources={"metadata": {"path": str(notebook.parent)}}).execute()
            finally:
                if gammal is None:
                    os.environ.pop(MILJOVARIABEL)
                else:
                    os.environ[MILJOVARIABEL] = gammal
            cache[notebook, mapp] = nb
        return cache[notebook, mapp]

    return kor


@pytest.mark.parametrize("platsnamn", PLATSER)
@pytest.mark.parametrize("notebook", _platsnotebooks(), ids=lambda p: p.stem)
def test_notebooken_kors_pa_andra_platser_utan_fel(notebook: Path, platsnamn: str, korda,
                                                   request: pytest.FixtureRequest) -> None:
    nb = korda(notebook, request.getfixturevalue(platsnamn))
    fel = [ut for c in nb.cells for ut in c.get("outputs", [])
           if ut.get("output_type") == "error" or ut.get("name") == "stderr"]
    assert not fel, f"{notebook.name}: fel eller varningar på {platsnamn}: {fel[:2]}"
    text = _utdatatext(nb)
    assert tp.las_plats().kommun not in text, (
        f"{notebook.name} skriver Mellanstad fast platsen är en annan: "
        f"...{text[max(0, text.find('Mellanstad') - 80):text.find('Mellanstad') + 40]}...")


# Hjälp för rubriktalen: samma definitioner som kapitlen, räknade direkt med paketet.
OTRYGGA = ["Ganska otrygg", "Mycket otrygg", "Går aldrig ut ensam på grund av otrygghet"]
STOR_ORO = ["I ganska stor utsträckning", "I mycket stor utsträckning"]
VALD = ["Misshandel", "Olaga hot", "Ofredande"]
MOT_PERSON = [*VALD, "Rån", "Fickstöld"]


def _enkatar(p) -> int:
    """Året för nulägesanalysen, eller den senaste enkäten före det."""
    return max(a for a in p.enkatar if a <= p.analysar)


def _svar(p, ar: int, fraga: str):
    return tp.las_enkat(p, bara_svarande=True).dropna(subset=[fraga]).query(f"ar == {ar}")


def _vagd_andel(p, ar: int, fraga: str, svar: list[str]) -> dict:
    s = _svar(p, ar, fraga)
    return tp.andel_med_ki(s[fraga].isin(svar), s["vikt"])


def _otrygga_per_grupp(p, grupper):
    s = _svar(p, _enkatar(p), "otrygg_kvall")
    return tp.andel_per_grupp(s.assign(otrygg=s["otrygg_kvall"].isin(OTRYGGA)), grupper, "otrygg",
                              vikt="vikt")


def _brott_analysaret(p, utan_narkotika: bool = True):
    b = tp.las_brott(p)
    b = b[b["tidpunkt"].dt.year == p.analysar]
    return b[b["brottstyp"] != "Narkotikabrott"] if utan_narkotika else b


def _studieomradet(p) -> tuple:
    o = tp.las_omraden(p)
    return tuple(o.loc[o["omrade"] == "studieomrade"].total_bounds)


def _vald_helgnatt(p) -> float:
    """Andel våld fredag och lördag 22–04: lördag eller söndag före 06 när klockan flyttas 2 h."""
    b = tp.las_brott(p)
    t = b.loc[b["brottstyp"].isin(VALD), "tidpunkt"]
    dag_efter_22 = t.dt.day_of_week + (t.dt.hour >= 22)
    return float((dag_efter_22.isin([5, 6]) & ((t.dt.hour + 2) % 24 < 6)).mean())


def _plats_med_hogst_risk(p) -> str | None:
    """Räknaren med flest brott mot person inom 100 m per besökare; None utan besöksräkning."""
    if not (p.har("flode.csv") and p.har("raknare.csv")):
        return None
    b = _brott_analysaret(p, utan_narkotika=False)
    b = b[b["brottstyp"].isin(MOT_PERSON)]
    f = tp.las_flode(p)
    f = f[f["tidpunkt"].dt.year == p.analysar]

    def tal(rad) -> float:
        nara = (b["ost"] - rad.ost) ** 2 + (b["nord"] - rad.nord) ** 2 <= 100 ** 2
        besokare = int(f.loc[f["raknare"] == rad.raknare, "antal"].sum())
        return tp.tal_per_tusen(int(nara.sum()), besokare)["tal"]

    return max(tp.las_raknare(p).itertuples(), key=tal).namn.split(",")[0]


def _natverksmatt(p, period: str, matt: str) -> str | None:
    """Kapitel 9: täthet eller genomsnittligt avstånd (största delen); None utan aktörer och kontakter."""
    from tryggaplatser import samverkan as sv

    if not (p.har("aktorer.csv") and p.har("kontakter.csv")):
        return None
    g = sv.natverk(tp.las_aktorer(p), tp.las_kontakter(p, period=period))
    if matt == "tathet":
        return tp.formatera_procent(sv.tathet(g), 1)
    avstand = sv.genomsnittligt_avstand(g)
    return None if avstand is None else tp.formatera_tal(avstand, 1)


def _brott_i_atgardsomradet(p):
    """Kapitel 6: analysårets brott utom narkotikabrott i åtgärdsområdet (hela området om det saknas)."""
    b = _brott_analysaret(p)
    har = "atgardsomrade" in p.omraden and bool((tp.las_brott(p)["omrade"] == "atgardsomrade").any())
    return b[b["omrade"] == "atgardsomrade"] if har else b


def _tomma_timmar(p) -> str | None:
    """Veckotimmar med färre än en tiondel av den mest besökta timmens passerande (räknarna i
    åtgärdsområdet, medel per räknare och summa), räknat på flödesfilens breda form."""
    if not (p.har("flode.csv") and p.har("raknare.csv")):
        return None
    raknare = tp.las_raknare(p)
    kol = list(raknare.loc[raknare["omrade"] == "atgardsomrade", "raknare"]) or list(raknare["raknare"])
    bred = tp.las_flode(p, bred=True)
    bred = bred[bred["tidpunkt"].dt.year == p.analysar]
    profil = bred[kol].astype(float).groupby(
        [bred["tidpunkt"].dt.day_of_week, bred["tidpunkt"].dt.hour]).mean().sum(axis=1)
    return tp.formatera_tal(int((profil < 0.1 * profil.max()).sum() + (168 - len(profil))))


def _verksamheter_vid_hot_spots(p) -> str | None:
    """Verksamheter högst 100 m från en hot spot-ruta (FDR), mätt med shapely mot rutornas union."""
    import shapely

    if not p.har("verksamheter.csv"):
        return None
    rutor = tp.rutnat(_brott_analysaret(p), utstrackning=_studieomradet(p))
    hot = rutor[(tp.gi_star(rutor, fro=2023)["klass"] == "hot spot").to_numpy()]
    if len(hot) == 0:
        return None
    v = tp.las_verksamheter(p)
    avstand = shapely.distance(hot.geometry.union_all(), shapely.points(v["ost"], v["nord"]))
    return tp.formatera_tal(int((avstand <= 100).sum()))


def _roda_forsta_besiktningen(p) -> str | None:
    """Bedömningar på röd nivå (0–7 poäng, handbokens gräns) vid den första besiktningen."""
    if not p.har("besiktning.csv"):
        return None
    b = tp.las_besiktning(p)
    forsta = b[b["ar"] == b["ar"].min()]
    return tp.formatera_tal(int((forsta["poang"] <= 7).sum()))


def _iakttagelser(p) -> str | None:
    """Rader i trygghetsvandringens fil, lästa utan paketet."""
    import csv

    if not p.har("trygghetsvandring.csv"):
        return None
    with p.fil("trygghetsvandring.csv").open(encoding="utf-8", newline="") as f:
        return tp.formatera_tal(sum(1 for _ in csv.DictReader(f)))


def _fynd_utan_atgard(p) -> int:
    """Fynd (tp.las_fynd) som ingen åtgärd svarar på; utan åtgärdsplan är det alla fynd."""
    fynd = tp.las_fynd(p)
    if not p.har("atgarder.csv"):
        return len(fynd)
    besvarade = {f for lista in tp.atgarder_med_fynd(p, fynd)["fynd"] for f in lista}
    return int((~fynd["fynd"].isin(besvarade)).sum())


#: Rubriktal per notebook: nyckeln som notebooken klistrar in och hur paketet räknar fram
#: samma tal för platsen. Varje notebook med platsdata ska ha minst ett.
RUBRIKTAL: dict[str, dict[str, object]] = {
    "fran-svar-till-indikator": {
        "svarsandel": lambda p: tp.formatera_procent(float(
            (e := tp.las_enkat(p)).loc[e["ar"] == _enkatar(p), "svarat"].mean())),
        "otr_vagd": lambda p: tp.formatera_procent(
            _vagd_andel(p, _enkatar(p), "otrygg_kvall", OTRYGGA)["andel"]),
        "oro_vagd": lambda p: tp.formatera_procent(
            _vagd_andel(p, _enkatar(p), "oro_samhalle", STOR_ORO)["andel"]),
    },
    "grupper": {
        "kvinnor": lambda p: tp.formatera_procent(float(
            _otrygga_per_grupp(p, "kon").loc["Kvinna", "andel"])),
        "man": lambda p: tp.formatera_procent(float(_otrygga_per_grupp(p, "kon").loc["Man", "andel"])),
        "antal_doljda": lambda p: tp.formatera_tal(int((_otrygga_per_grupp(
            p, ["omrade", "kon", "aldersgrupp"])["status"] == "dold").sum())),
    },
    # Huvudjämförelsen: otrygga vid utevistelse sen kväll, alla, första mot sista mätåret.
    "trender": {
        "huvud_forsta": lambda p: tp.formatera_procent(
            _vagd_andel(p, p.enkatar[0], "otrygg_kvall", OTRYGGA)["andel"]),
        "huvud_sista": lambda p: tp.formatera_procent(
            _vagd_andel(p, p.enkatar[-1], "otrygg_kvall", OTRYGGA)["andel"]),
        "huvud_diff": lambda p: tp.formatera_tal(tp.skillnad_med_ki(
            _vagd_andel(p, p.enkatar[0], "otrygg_kvall", OTRYGGA),
            _vagd_andel(p, p.enkatar[-1], "otrygg_kvall", OTRYGGA))["skillnad"] * 100, 1),
    },
    "tid": {
        "antal_brott": lambda p: tp.formatera_tal(len(tp.las_brott(p))),
        "hogsta_antal": lambda p: tp.formatera_tal(
            int(tp.las_brott(p)["tidpunkt"].dt.year.value_counts().max())),
        "vald_helgnatt": lambda p: tp.formatera_procent(_vald_helgnatt(p)),
    },
    # Analysåret utan narkotikabrott, rutor på 100 m över studieområdet.
    "koncentration": {
        "antal_polisinitierade": lambda p: tp.formatera_tal(int(
            (_brott_analysaret(p, utan_narkotika=False)["brottstyp"] == "Narkotikabrott").sum())),
        "halften_alla": lambda p: tp.formatera_procent(tp.andel_platser_for_andel_brott(
            tp.rutnat(_brott_analysaret(p), utstrackning=_studieomradet(p))["antal"], 0.5), 1),
        "andel_topp10": lambda p: tp.formatera_procent(float(
            (a := tp.rutnat(_brott_analysaret(p))["antal"]).nlargest(10).sum() / a.sum())),
    },
    # Gi* med notebookens slumpfrö och 99 999 omkastningar; en hot spot klarar FDR-justeringen.
    "hot-spots": {
        "antal_rutor": lambda p: tp.formatera_tal(len(tp.rutnat(
            _brott_analysaret(p, utan_narkotika=False), utstrackning=_studieomradet(p)))),
        "max_antal": lambda p: tp.formatera_tal(int(
            (b := _brott_analysaret(p)).groupby([b["ost"] // 100, b["nord"] // 100]).size().max())),
        "platsen_fdr": lambda p: tp.formatera_tal(int((tp.gi_star(tp.rutnat(
            _brott_analysaret(p), utstrackning=_studieomradet(p)), fro=2023)["klass"]
            == "hot spot").sum())),
    },
    "per-besokare": {
        "brott_mot_person": lambda p: tp.formatera_tal(int(
            _brott_analysaret(p, utan_narkotika=False)["brottstyp"].isin(MOT_PERSON).sum())),
        "storst_tal_plats": _plats_med_hogst_risk,
    },
    # Kapitel 6.
    "aktivitet-over-dygnet": {
        "antal_brott": lambda p: tp.formatera_tal(len(_brott_i_atgardsomradet(p))),
        "antal_tomma": _tomma_timmar,
    },
    "funktioner-vid-hot-spots": {
        "antal_hot": lambda p: tp.formatera_tal(int((tp.gi_star(tp.rutnat(
            _brott_analysaret(p), utstrackning=_studieomradet(p)), fro=2023)["klass"] == "hot spot").sum())),
        "antal_nara": _verksamheter_vid_hot_spots,
    },
    "trygghetsbesiktning": {
        "antal_roda_fore": _roda_forsta_besiktningen,
    },
    "trygghetsvandring": {
        "antal_iakttagelser": _iakttagelser,
    },
    # Åtgärdsplanen sorterad efter teknik och triangelns sida; en plats utan plan klistrar inga tal.
    # Kapitel 8: fynden och planen räknas av paketet; median av planens kostnader i kronor.
    "atgardsplanen": {
        "antal_fynd": lambda p: tp.formatera_tal(len(tp.las_fynd(p))),
        "antal_obesvarade": lambda p: tp.formatera_tal(_fynd_utan_atgard(p)),
        "median_kostnad": lambda p: tp.formatera_tal(float(tp.las_atgarder(p)["kostnad_kr"].median()))
        if p.har("atgarder.csv") else None,
    },
    # Tidslinjen: planens första start och sista slut.
    "tidslinje-och-utgangsvarden": {
        "forsta_start": lambda p: tp.formatera_datum(tp.las_atgarder(p)["startdatum"].min(), "lang")
        if p.har("atgarder.csv") else None,
        "sista_klar": lambda p: tp.formatera_datum(tp.las_atgarder(p)["slutdatum"].max(), "lang")
        if p.har("atgarder.csv") else None,
    },
    "atgarderna-sorterade": {
        "antal_atgarder": lambda p: tp.formatera_tal(len(tp.las_atgarder(p)))
        if p.har("atgarder.csv") else None,
        "antal_tekniker": lambda p: tp.formatera_tal(int(tp.las_atgarder(p)["teknik_nr"].nunique()))
        if p.har("atgarder.csv") else None,
        "andel_storsta_sida": lambda p: tp.formatera_procent(float(
            tp.las_atgarder(p)["triangelsida"].value_counts(normalize=True).max()))
        if p.har("atgarder.csv") else None,
        "antal_obesvarade": lambda p: tp.formatera_tal(_fynd_utan_atgard(p)),
    },
    # Kapitel 9: stort betyder 4 eller 5; en plats utan aktörer och kontakter klistrar inga tal.
    "intressentkarta": {
        "antal_aktorer": lambda p: tp.formatera_tal(len(tp.las_aktorer(p))) if p.har("aktorer.csv") else None,
        "antal_nyckelaktorer": lambda p: tp.formatera_tal(int(
            ((a := tp.las_aktorer(p))["inflytande"].ge(4) & a["intresse"].ge(4)).sum()))
        if p.har("aktorer.csv") else None,
    },
    "natverket": {
        "tathet_fore": lambda p: _natverksmatt(p, "fore", "tathet"),
        "tathet_efter": lambda p: _natverksmatt(p, "efter", "tathet"),
        "avstand_fore": lambda p: _natverksmatt(p, "fore", "avstand"),
        "avstand_efter": lambda p: _natverksmatt(p, "efter", "avstand"),
    },
    # Kapitel 10: analysåret mot uppföljningsåret; "–" när platsen saknar det som behövs.
    "processresultat": {"andel_gjort": lambda p: _uppf_process(p)},
    "fore-och-efter": {"riktning": lambda p: _uppf_riktning(p)},
    "forskjutning": {"buffert_ord": lambda p: _uppf_buffert(p)},
    "regression-mot-medelvardet": {"antal_rutor": lambda p: tp.formatera_tal(int(
        (tp.rutnat((b := tp.las_brott(p))[b["tidpunkt"].dt.year == p.analysar])["antal"] > 0).sum()))},
    "enkatens-forandring": {"huvud_skillnad": lambda p: _uppf_enkat(p)},
}


# Kapitel 10, räknat direkt med paketet (inte med notebookens kod).
def _uppf_efter(p) -> int | None:
    return p.uppfoljningsar if p.uppfoljningsar in p.ar and p.uppfoljningsar > p.analysar else None


def _uppf_antal(p, omrade: str, ar: int) -> int:
    b = tp.las_brott(p)
    return int(((b["omrade"] == omrade) & (b["tidpunkt"].dt.year == ar)).sum())


def _uppf_process(p) -> str:
    if not p.har("atgarder.csv"):
        return "–"
    import pandas as pd

    a = tp.las_atgarder(p)
    start = p.atgarder_start or a["startdatum"].min().date()
    dag = pd.Timestamp(start.replace(year=start.year + 1))
    return tp.formatera_procent(float((a["startdatum"] <= dag).mean()))


def _uppf_riktning(p) -> str:
    efter = _uppf_efter(p)
    if "jamforelseomrade" not in p.omraden or efter is None:
        return "–"
    n = {f"{namn}_{tid}": _uppf_antal(p, omrade, ar) for namn, omrade in
         [("atgard", "atgardsomrade"), ("jamforelse", "jamforelseomrade")]
         for tid, ar in [("fore", p.analysar), ("efter", efter)]}
    if min(n.values()) == 0:
        return "–"
    return "färre" if tp.skillnad_i_skillnader(**n)["kvot"] < 1 else "fler"


def _uppf_buffert(p) -> str:
    efter = _uppf_efter(p)
    omraden = [("atgard", "atgardsomrade"), ("buffert", "buffertzon"), ("jamforelse", "jamforelseomrade")]
    if efter is None or any(o not in p.omraden for _, o in omraden):
        return "–"
    b = tp.wdd(**{f"{namn}_{tid}": _uppf_antal(p, omrade, ar) for namn, omrade in omraden
                  for tid, ar in [("fore", p.analysar), ("efter", efter)]})["buffert"]
    return "spridning" if b < 0 else "förskjutning" if b > 0 else "ingen förändring"


def _uppf_enkat(p) -> str:
    fore = [a for a in p.enkatar if a <= p.analysar]
    efter = [a for a in p.enkatar if a > p.analysar]
    if not fore or not efter:
        return "–"
    e = tp.las_enkat(p, bara_svarande=True)
    if "otrygg_centrum" in e and e["otrygg_centrum"].notna().any():
        fraga, svar = "otrygg_centrum", ["Ganska otrygg", "Mycket otrygg"]
    else:
        fraga, svar = "otrygg_kvall", OTRYGGA
    r = [tp.andel_med_ki((s := e[(e["ar"] == ar) & e[fraga].notna()])[fraga].isin(svar), s["vikt"])
         for ar in (fore[-1], efter[0])]
    return tp.formatera_tal(abs(tp.skillnad_med_ki(*r)["skillnad"]) * 100, 1)


@pytest.mark.parametrize("platsnamn", PLATSER)
@pytest.mark.parametrize("notebook", _platsnotebooks(), ids=lambda p: p.stem)
def test_rubriktalen_pa_andra_platser_stammer_med_paketets_berakning(
        notebook: Path, platsnamn: str, korda, request: pytest.FixtureRequest) -> None:
    kontroller = RUBRIKTAL.get(notebook.stem)
    assert kontroller, f"{notebook.name}: inga rubriktal att kontrollera i RUBRIKTAL"
    mapp = request.getfixturevalue(platsnamn)
    klistrat = _klistrat(korda(notebook, mapp))
    plats = tp.las_plats(mapp)
    for nyckel, berakning in kontroller.items():
        assert klistrat.get(nyckel) == berakning(plats), nyckel


# ---------------------------------------------------------------------------
# Det som en plats saknar sägs i texten, och siffrorna läses som svenska
# ---------------------------------------------------------------------------

KAPITEL4 = ROT / "chapters" / "04-matta-trygghet"
KAPITEL5 = ROT / "chapters" / "05-brottsligheten-pa-platsen"
#: Länken till handbokens enkätmall, som texten ger när en fråga saknas.
ENKATMALL = "{doc}`enkätmall </book/din-egen-plats/enkatmall>`"
#: Indikatorerna i trender: frågan, raden i tabellen och namnet i meningen om vad som saknas.
TRENDFRAGOR = {
    "oro_samhalle": ("Stor oro för brottsligheten i samhället", "oro för brottsligheten i samhället"),
    "otrygg_centrum": ("Otrygghet i centrum en kväll", "otrygghet i centrum en kväll"),
}


def _tabeller(nb) -> str:
    """HTML för tabellerna som notebooken visar (inte det som klistras in med glue)."""
    return "\n".join(ut["data"]["text/html"] for c in nb.cells for ut in c.get("outputs", [])
                     if "text/html" in ut.get("data", {}))


def _lasbar_text(nb) -> str:
    """Det läsaren ser som text: texten med de klistrade värdena ifyllda, utskrifter och tabeller."""
    klistrat = _klistrat(nb)

    def fyll_i(text: str) -> str:
        return re.sub(r"\{glue:(?:text|md)\}`([^`:]+)(?::\w+)?`", lambda m: str(klistrat[m.group(1)]), text)

    texter = [fyll_i(c.source) for c in nb.cells if c.cell_type == "markdown"]
    texter += [fyll_i(c.metadata.get("mystnb", {}).get(del_, {}).get(nyckel, ""))
               for c in nb.cells for del_, nyckel in (("figure", "caption"), ("image", "alt"))]
    utskrifter = [ut.get("text", "") for c in nb.cells for ut in c.get("outputs", [])]
    return "\n".join([*texter, *klistrat.values(), *utskrifter, _tabeller(nb)])


def test_enkatmallen_som_texten_lankar_till_finns() -> None:
    assert (ROT / ENKATMALL.split("</")[1].rstrip(">`")).with_suffix(".md").exists()


@pytest.mark.parametrize("platsnamn", PLATSER)
def test_trender_visar_bara_fragor_som_enkaten_har(platsnamn: str, korda,
                                                   request: pytest.FixtureRequest) -> None:
    mapp = request.getfixturevalue(platsnamn)
    enkat = tp.las_enkat(mapp, bara_svarande=True)
    nb = korda(KAPITEL4 / "trender.ipynb", mapp)
    tabeller, saknas = _tabeller(nb), _klistrat(nb)["saknade_fragor"]
    for fraga, (rad, i_meningen) in TRENDFRAGOR.items():
        finns = bool(enkat[fraga].notna().any())
        assert (rad in tabeller) == finns, rad
        assert (i_meningen in saknas) == (not finns), saknas
    assert (ENKATMALL in saknas) == any(not enkat[f].notna().any() for f in TRENDFRAGOR)
    problem = [f for f in enkat if f.startswith("problem_")]
    assert ("problem i bostadsområdet" in _klistrat(nb)["saknade_problem"]) == (
        not enkat[problem].notna().any().any())


@pytest.mark.parametrize("platsnamn", PLATSER)
def test_tid_och_hot_spots_sager_vad_platsen_saknar(platsnamn: str, korda,
                                                    request: pytest.FixtureRequest) -> None:
    mapp = request.getfixturevalue(platsnamn)
    plats, brott = tp.las_plats(mapp), tp.las_brott(mapp)
    tid = _klistrat(korda(KAPITEL5 / "tid.ipynb", mapp))
    har_butik = bool((brott["brottstyp"] == "Butiksstöld").any())
    assert (tid["butik_text"] == "Platsen har inga butiksstölder i datan.") == (not har_butik)
    hot = _lasbar_text(korda(KAPITEL5 / "hot-spots.ipynb", mapp))
    if "buffertzon" not in plats.omraden:
        assert "ringen runt" not in hot and "ingen buffertzon" in hot
    narkotika = bool((brott.loc[brott["tidpunkt"].dt.year == plats.analysar, "brottstyp"]
                      == "Narkotikabrott").any())
    assert ("platsens data har inga sådana" in hot) == (not narkotika)


#: Tal som blir fel svenska när en plats har få eller inga av något. Texten ska säga det i ord.
TRASIGA_TAL = {
    "0 stycken": re.compile(r"\b0 stycken\b"),
    "0 personer": re.compile(r"(?<![\d\xa0])0 personer\b"),
    "visas 0": re.compile(r"\bvisas 0 "),
    "1 jämförelser": re.compile(r"\b(?:1|en) jämförelser\b"),
    "samma tal som gräns för ett spann": re.compile(r"\b(\d+(?:,\d+)?) till \1 procentenheter\b"),
    "men bara samma andel": re.compile(r"är (\d+\xa0%) av befolkningen men bara \1 "),
}


@pytest.mark.parametrize("platsnamn", PLATSER)
@pytest.mark.parametrize("notebook", _platsnotebooks(), ids=lambda p: p.stem)
def test_texten_har_inga_trasiga_tal_pa_andra_platser(notebook: Path, platsnamn: str, korda,
                                                      request: pytest.FixtureRequest) -> None:
    text = _lasbar_text(korda(notebook, request.getfixturevalue(platsnamn)))
    for namn, monster in TRASIGA_TAL.items():
        traff = monster.search(text)
        assert not traff, f"{notebook.name}, {namn}: ...{text[max(0, traff.start() - 60):traff.end()]}..."
