"""Datapaketet data/datapackage.json: alla filer stämmer med sina tabellscheman.

Valideringen görs med biblioteket frictionless. Vid fel listar testet
resurs, rad, kolumn och vad som var fel, på en rad per fel.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from frictionless import Package, validate

ROT = Path(__file__).resolve().parent.parent
PAKET = ROT / "data" / "datapackage.json"


def felrader(rapport) -> list[str]:
    rader = []
    for uppgift in rapport.tasks:
        for fel in uppgift.errors:
            plats = []
            for attr, namn in (("row_number", "rad"), ("field_name", "kolumn")):
                varde = getattr(fel, attr, None)
                if varde is not None:
                    plats.append(f"{namn} {varde}")
            rader.append(f"{uppgift.name}: {', '.join(plats) or 'hela resursen'}: {fel.type}: "
                         f"{fel.note or fel.message}")
    for fel in rapport.errors:
        rader.append(f"datapaketet: {fel.type}: {fel.message}")
    return rader


def kontrollera(paket: Path) -> list[str]:
    rapport = validate(str(paket))
    return [] if rapport.valid else felrader(rapport)


def test_datapaketet_ar_giltigt() -> None:
    fel = kontrollera(PAKET)
    assert not fel, "Datapaketet stämmer inte med datan:\n" + "\n".join(fel[:30])


def test_varje_fil_i_data_har_en_resurs() -> None:
    paket = Package(str(PAKET))
    vagar = {r.path for r in paket.resources}
    filer = {str(p.relative_to(PAKET.parent)) for p in PAKET.parent.rglob("*")
             if p.is_file() and p.suffix in {".csv", ".gz", ".geojson"}}
    saknas = sorted(filer - vagar)
    assert not saknas, f"Filer utan resurs i datapackage.json: {saknas}"


def test_mellanstads_resurser_har_licens_och_beskrivning() -> None:
    paket = json.loads(PAKET.read_text(encoding="utf-8"))
    namn = [r["name"] for r in paket["resources"]]
    assert len(namn) == len(set(namn))
    mina = [r for r in paket["resources"] if r["name"].startswith("mellanstad-")]
    assert len(mina) == 14
    for r in mina:
        assert r["licenses"][0]["name"] == "CC0-1.0", r["name"]
        assert r.get("description"), r["name"]
        for f in r.get("schema", {}).get("fields", []):
            assert f.get("description"), (r["name"], f["name"])


@pytest.fixture
def mellanstadpaket(tmp_path: Path) -> Path:
    """Ett paket med bara Mellanstads resurser, i en kopia som testet kan förstöra."""
    paket = json.loads(PAKET.read_text(encoding="utf-8"))
    paket["resources"] = [r for r in paket["resources"] if r["name"].startswith("mellanstad-")]
    shutil.copytree(PAKET.parent / "mellanstad", tmp_path / "mellanstad")
    ut = tmp_path / "datapackage.json"
    ut.write_text(json.dumps(paket, ensure_ascii=False), encoding="utf-8")
    return ut


def test_valideringen_hittar_fel_varde(mellanstadpaket: Path) -> None:
    assert kontrollera(mellanstadpaket) == []
    fil = mellanstadpaket.parent / "mellanstad" / "besiktning.csv"
    rader = fil.read_text(encoding="utf-8").splitlines()
    delar = rader[2].split(",")
    delar[5] = "25"  # poäng över 20
    rader[2] = ",".join(delar)
    fil.write_text("\n".join(rader) + "\n", encoding="utf-8")
    fel = kontrollera(mellanstadpaket)
    assert len(fel) == 1
    assert fel[0].startswith("mellanstad-besiktning: rad 3, kolumn poang: constraint-error")


def test_valideringen_hittar_okand_aktor(mellanstadpaket: Path) -> None:
    fil = mellanstadpaket.parent / "mellanstad" / "kontakter.csv"
    text = fil.read_text(encoding="utf-8")
    fil.write_text(text.replace("fore,bevakning,gallerian", "fore,bevakning,okand_aktor", 1),
                   encoding="utf-8")
    fel = kontrollera(mellanstadpaket)
    assert any("mellanstad-kontakter" in f and "foreign-key" in f for f in fel), fel
