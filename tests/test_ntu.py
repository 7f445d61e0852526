"""Tester för Brås NTU-siffror i data/ntu och för inläsningen med las_ntu."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from tryggaplatser import las_ntu
from tryggaplatser.exempeldata import INDIKATORER, JAMFORBARHET

ROT = Path(__file__).resolve().parent.parent
CSV = ROT / "data" / "ntu" / "ntu.csv"
README = ROT / "data" / "ntu" / "README.md"
BIB = ROT / "book" / "references.bib"
DATAPAKET = ROT / "data" / "datapackage.json"
NOTEBOOK = ROT / "chapters" / "02-vad-ar-trygghet" / "ntu-serien.ipynb"


@pytest.fixture(scope="module")
def rader() -> list[dict[str, str]]:
    with CSV.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _bibnycklar() -> set[str]:
    return set(re.findall(r"^@\w+\{([^,\s]+),", BIB.read_text(encoding="utf-8"), re.M))


def test_varje_kalla_finns_i_referenslistan(rader):
    nycklar = _bibnycklar()
    saknas = sorted({r["kalla"] for r in rader} - nycklar)
    assert not saknas, f"Nycklar i ntu.csv som saknas i references.bib: {saknas}"


def test_andelarna_ar_procent_mellan_0_och_100(rader):
    for nr, r in enumerate(rader, start=2):
        assert 0 <= float(r["andel_procent"]) <= 100, f"rad {nr}: {r['andel_procent']}"


def test_varje_ar_finns_en_gang_per_indikator(rader):
    par = [(r["indikator"], r["ar"]) for r in rader]
    dubbletter = {p for p in par if par.count(p) > 1}
    assert not dubbletter


def test_bara_kanda_indikatorer_och_jamforbarhet(rader):
    assert {r["indikator"] for r in rader} <= set(INDIKATORER)
    assert {r["jamforbarhet"] for r in rader} <= set(JAMFORBARHET)


def test_inget_varde_fore_2017_kallas_ny_metod(rader):
    # Metoden byttes 2017. Ett äldre värde kan vara omräknat, men inte insamlat med den nya metoden.
    for r in rader:
        if int(r["ar"]) < 2017:
            assert r["jamforbarhet"] != "ny_metod", r


def test_las_ntu_ger_ratt_typer_och_samma_varden(rader):
    ntu = las_ntu()
    assert len(ntu) == len(rader)
    assert ntu["ar"].dtype == "int64"
    assert isinstance(ntu["indikator"].dtype, pd.CategoricalDtype)
    assert list(ntu["indikator"].cat.categories) == list(INDIKATORER)
    assert isinstance(ntu["jamforbarhet"].dtype, pd.CategoricalDtype)
    assert ntu["andel"].dtype == "float64"
    assert ntu["kalla"].dtype == "string"
    assert "andel_procent" not in ntu.columns
    # Andelen är procenttalet delat med 100, rad för rad.
    fran_fil = {(r["indikator"], int(r["ar"])): float(r["andel_procent"]) / 100 for r in rader}
    fran_las = {
        (str(i), int(a)): float(v) for i, a, v in ntu[["indikator", "ar", "andel"]].itertuples(index=False)
    }
    assert fran_las == pytest.approx(fran_fil)


def test_las_ntu_ar_sorterad_per_indikator():
    ntu = las_ntu()
    for _, grupp in ntu.groupby("indikator", observed=True):
        assert grupp["ar"].is_monotonic_increasing


def _skriv(tmp_path: Path, text: str) -> Path:
    fil = tmp_path / "egen_ntu.csv"
    fil.write_text(text, encoding="utf-8")
    return fil


RUBRIK = "ar,indikator,andel_procent,jamforbarhet,kalla,anmarkning\n"


def test_okand_indikator_ger_fel_med_fil_kolumn_och_rad(tmp_path):
    fil = _skriv(
        tmp_path,
        RUBRIK + "2020,oro_samhalle,47,ny_metod,x,\n2021,otrygghet,28,ny_metod,x,\n",
    )
    with pytest.raises(ValueError, match=r"egen_ntu\.csv.*'indikator'.*rad 3"):
        las_ntu(fil)


def test_andel_over_100_ger_fel(tmp_path):
    fil = _skriv(tmp_path, RUBRIK + "2020,oro_samhalle,147,ny_metod,x,\n")
    with pytest.raises(ValueError, match=r"'andel_procent'.*rad 2.*0 och 100"):
        las_ntu(fil)


def test_dubblerat_ar_ger_fel(tmp_path):
    fil = _skriv(
        tmp_path,
        RUBRIK + "2020,oro_samhalle,47,ny_metod,x,\n2020,oro_samhalle,46,ny_metod,y,\n",
    )
    with pytest.raises(ValueError, match=r"rad 3.*högst en gång"):
        las_ntu(fil)


def test_saknad_kolumn_ger_fel(tmp_path):
    fil = _skriv(tmp_path, "ar,indikator,andel_procent\n2020,oro_samhalle,47\n")
    with pytest.raises(ValueError, match="saknas"):
        las_ntu(fil)


def test_tom_kalla_ger_fel(tmp_path):
    fil = _skriv(tmp_path, RUBRIK + "2020,oro_samhalle,47,ny_metod,,\n")
    with pytest.raises(ValueError, match=r"'kalla'.*rad 2"):
        las_ntu(fil)


def test_readme_tar_upp_varje_rad(rader):
    text = README.read_text(encoding="utf-8")
    for r in rader:
        monster = rf"\| {r['ar']} \| {r['indikator']} \| {r['andel_procent']} % \| `{r['kalla']}` \|"
        assert re.search(monster, text), f"README saknar raden {r['ar']} {r['indikator']}"


def test_schemat_i_datapaketet_stammer_med_filen():
    from frictionless import Package

    paket = Package(str(DATAPAKET))
    resurs = paket.get_resource("ntu")
    with CSV.open(encoding="utf-8") as f:
        rubrik = f.readline().strip().split(",")
    assert [falt.name for falt in resurs.schema.fields] == rubrik
    rapport = resurs.validate()
    assert rapport.valid, rapport.flatten(["rowNumber", "fieldName", "type", "note"])


def test_alt_texten_namner_senaste_vardet_for_varje_matt():
    alt = _alt_text()
    ntu = las_ntu()
    nya = ntu[ntu["jamforbarhet"] == "ny_metod"]
    for kod in INDIKATORER:
        senaste = nya[nya["indikator"] == kod].sort_values("ar").iloc[-1]
        forvantat = f"{round(senaste['andel'] * 100)} procent {senaste['ar']}"
        assert forvantat in alt, f"alt-texten saknar {forvantat!r}"


def _alt_text() -> str:
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    alt = [
        c["metadata"]["mystnb"]["image"]["alt"]
        for c in nb["cells"]
        if c["cell_type"] == "code" and "image" in c["metadata"].get("mystnb", {})
    ]
    assert len(alt) == 1
    return " ".join(alt[0].split())


def test_varje_tal_och_ar_i_alt_texten_finns_i_filen(rader):
    # Alt-texten skrivs för hand. Varje "NN procent ÅÅÅÅ" i den ska vara ett värde i ntu.csv,
    # så att ett borttaget eller ändrat värde inte blir kvar i texten.
    i_filen = {(int(r["ar"]), round(float(r["andel_procent"]))) for r in rader}
    par = [(int(ar), int(tal)) for tal, ar in re.findall(r"\b(\d{1,3}) procent (\d{4})\b", _alt_text())]
    assert par, "alt-texten nämner inga värden med år"
    saknas = [p for p in par if p not in i_filen]
    assert not saknas, f"alt-texten nämner värden som inte finns i ntu.csv (år, procent): {saknas}"


def test_notebooken_hanvisar_till_varje_kalla_i_filen(rader):
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    citerade = {k.strip() for grupp in re.findall(r"\{cite\}`([^`]+)`", text) for k in grupp.split(",")}
    saknas = sorted({r["kalla"] for r in rader} - citerade)
    assert not saknas, f"Källor i ntu.csv som notebooken inte hänvisar till: {saknas}"
