"""Platser: beskrivningen plats.yml, valet av plats och testernas andra stad."""

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
# Varje analys körs på den andra staden
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


@pytest.fixture(scope="module")
def korda(provkoping: Path, tmp_path_factory: pytest.TempPathFactory):
    """Kör en notebook på den andra staden (en gång per notebook)."""
    import nbformat
    from nbclient import NotebookClient

    cache: dict[Path, object] = {}

    def kor(notebook: Path):
        if notebook not in cache:
            nb = nbformat.read(notebook, as_version=4)
            gammal = os.environ.get(MILJOVARIABEL)
            os.environ[MILJOVARIABEL] = str(provkoping)
            os.environ.setdefault("MPLBACKEND", "Agg")
            try:
                NotebookClient(nb, timeout=120, kernel_name="python3",
                               resources={"metadata": {"path": str(notebook.parent)}}).execute()
            finally:
                if gammal is None:
                    os.environ.pop(MILJOVARIABEL)
                else:
                    os.environ[MILJOVARIABEL] = gammal
            cache[notebook] = nb
        return cache[notebook]

    return kor


@pytest.mark.parametrize("notebook", _platsnotebooks(), ids=lambda p: p.stem)
def test_notebooken_kors_pa_andra_staden_utan_fel(notebook: Path, korda) -> None:
    nb = korda(notebook)
    fel = [ut for c in nb.cells for ut in c.get("outputs", [])
           if ut.get("output_type") == "error" or ut.get("name") == "stderr"]
    assert not fel, f"{notebook.name}: fel eller varningar på den andra staden: {fel[:2]}"
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
}


@pytest.mark.parametrize("notebook", _platsnotebooks(), ids=lambda p: p.stem)
def test_rubriktalen_pa_andra_staden_stammer_med_paketets_berakning(
        notebook: Path, korda, provkoping: Path) -> None:
    kontroller = RUBRIKTAL.get(notebook.stem)
    assert kontroller, f"{notebook.name}: inga rubriktal att kontrollera i RUBRIKTAL"
    klistrat = _klistrat(korda(notebook))
    plats = tp.las_plats(provkoping)
    for nyckel, berakning in kontroller.items():
        assert klistrat.get(nyckel) == berakning(plats), nyckel
