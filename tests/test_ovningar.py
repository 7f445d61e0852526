"""Övningarna i exercises/ och deras automatiska återkoppling (tryggaplatser.ovningar).

- varje kontroll säger "Rätt!" för rätt svar, räknat här i testet på ett eget sätt, och
  "Inte än" för fel svar, med en ledtråd för de vanligaste felen;
- ett svar av fel sort ger en mening om vad som väntades, aldrig ett fel från Python;
- övningsfilen (ovningar.ipynb) är exakt vad scripts/gor_ovningar.py gör av lösningsfilen;
- i de sparade resultaten säger varje kontroll i lösningsfilen "Rätt!" och varje kontroll i
  övningsfilen "Inte än" (nbval kontrollerar att resultaten går att upprepa);
- båda filerna körs på den andra staden, Provköping: lösningarna är rätt där också, och
  övningsfilen går att köra utan fel.
"""

from __future__ import annotations

import calendar
import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import networkx as nx
import numpy as np
import pandas as pd
import pytest

import tryggaplatser as tp
from tryggaplatser import ovningar
from tryggaplatser.plats import MILJOVARIABEL

ROT = Path(__file__).resolve().parent.parent
MAPP = ROT / "exercises"
KALLOR = sorted(MAPP.glob("*/losningar.ipynb"))
_KONTROLL = re.compile(r"ovningar\.(kontrollera_\d+_\d+)\(svar, plats\)")


def _gor_ovningar():
    spec = importlib.util.spec_from_file_location("gor_ovningar", ROT / "scripts" / "gor_ovningar.py")
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return modul


GOR = _gor_ovningar()


@pytest.fixture(scope="module")
def ms():
    return tp.las_plats()


def _utskrift(capsys, funktion, svar, plats) -> str:
    funktion(svar, plats)
    return " ".join(capsys.readouterr().out.split())


# ---------------------------------------------------------------------------
# Rätt svar, räknade här utan paketets facit
# ---------------------------------------------------------------------------

OTRYGGA = ["Ganska otrygg", "Mycket otrygg", "Går aldrig ut ensam på grund av otrygghet"]
STOR_ORO = ["I ganska stor utsträckning", "I mycket stor utsträckning"]


def _enkat_ar(p, ar, fraga):
    e = tp.las_enkat(p)
    return e[e["svarat"] & (e["ar"] == ar) & e[fraga].notna()]


def _ratt_2_1(p):
    s = _enkat_ar(p, p.enkatar[-1], "oro_samhalle")
    return s["oro_samhalle"].isin(STOR_ORO).sum() / len(s)


def _ratt_2_2(p):
    s = _enkat_ar(p, p.enkatar[-1], "otrygg_kvall")
    return 100 * (_ratt_2_1(p) - s["otrygg_kvall"].isin(OTRYGGA).sum() / len(s))


def _ratt_2_3(p):
    s = _enkat_ar(p, p.enkatar[-1], "otrygg_kvall")
    return pd.DataFrame({"Kön": ["Kvinna", "Man"], "Andel": [
        (s.loc[s["kon"] == k, "otrygg_kvall"] == OTRYGGA[2]).mean() for k in ("Kvinna", "Man")]})


def _ratt_2_4(p):
    s = _enkat_ar(p, p.enkatar[-1], "otrygg_kvall").dropna(subset=["oro_samhalle"])
    oro = s["oro_samhalle"].isin(STOR_ORO)
    return [100 * s.loc[oro, "otrygg_kvall"].isin(OTRYGGA).mean(),
            100 * s.loc[~oro, "otrygg_kvall"].isin(OTRYGGA).mean()]


def _ratt_4_1(p):
    e = tp.las_enkat(p)
    forsta = e[e["ar"] == min(e["ar"])]
    return 100 * forsta["svarat"].sum() / len(forsta)


def _i_omradet(p):
    s = _enkat_ar(p, p.enkatar[0], "otrygg_kvall")
    return s[s["omrade"] == p.platsens_enkatomrade]


def _ratt_4_2(p):
    s = _i_omradet(p)
    return np.average(s["otrygg_kvall"].isin(OTRYGGA), weights=s["vikt"])


def _ratt_4_3(p):
    s = _i_omradet(p)
    andel = np.average(s["otrygg_kvall"].isin(OTRYGGA), weights=s["vikt"])
    n_eff = s["vikt"].sum() ** 2 / (s["vikt"] ** 2).sum()
    return tp.wilson_intervall(andel, n_eff)


def _ratt_4_4(p):
    s = _enkat_ar(p, p.enkatar[0], "oro_samhalle")
    s = s.assign(stor=s["oro_samhalle"].isin(STOR_ORO))
    t = tp.andel_per_grupp(s, ["kon", "aldersgrupp"], "stor", vikt="vikt").reset_index()
    return t.rename(columns={"kon": "Kön", "aldersgrupp": "Åldersgrupp", "andel": "Andel"})[
        ["Kön", "Åldersgrupp", "Andel"]]


def _ratt_4_5(p):
    andelar = []
    for ar in (p.enkatar[0], p.enkatar[-1]):
        s = _enkat_ar(p, ar, "problem_klotter")
        andelar.append(np.average(s["problem_klotter"].isin(["Ganska stort problem", "Mycket stort problem"]),
                                  weights=s["vikt"]))
    return round(100 * (andelar[1] - andelar[0]), 1)


def _ratt_5_1(p):
    b = tp.las_brott(p)
    i_omradet = b["omrade"] == "jamforelseomrade"
    return {ar: int((i_omradet & (b["tidpunkt"].dt.year == ar)).sum()) for ar in p.ar}


def _ratt_5_2(p):
    b = tp.las_brott(p)
    timme = b.loc[b["brottstyp"] == "Stöld ur fordon", "tidpunkt"].dt.hour
    return float(timme.isin([22, 23, 0, 1, 2, 3, 4, 5]).mean())


def _ratt_5_3(p):
    b = tp.las_brott(p)
    t = b.loc[b["brottstyp"] == "Skadegörelse", "tidpunkt"]
    dagar = {m: sum(calendar.monthrange(ar, m)[1] for ar in p.ar) for m in range(1, 13)}
    per_dag = {m: (t.dt.month == m).sum() / dagar[m] for m in range(1, 13)}
    return tp.MANADER[max(per_dag, key=per_dag.get) - 1].upper()


def _studieomradet(p):
    o = tp.las_omraden(p)
    return tuple(o.loc[o["omrade"] == "studieomrade"].total_bounds)


def _ratt_5_4(p):
    b = tp.las_brott(p)
    b = b[(b["brottstyp"] == "Cykelstöld") & (b["tidpunkt"].dt.year == p.uppfoljningsar)]
    antal = np.sort(tp.rutnat(b, utstrackning=_studieomradet(p))["antal"].to_numpy())[::-1]
    behovs = int(np.argmax(np.cumsum(antal) >= antal.sum() / 2)) + 1
    return behovs / len(antal)


def _ratt_5_5(p):
    b = tp.las_brott(p)
    b = b[b["brottstyp"].isin(["Misshandel", "Olaga hot", "Ofredande"])
          & (b["tidpunkt"].dt.year == p.analysar)]
    return np.int64((tp.gi_star(tp.rutnat(b, utstrackning=_studieomradet(p)))["klass"] == "hot spot").sum())



def _ratt_6_1(p):
    b = tp.las_besiktning(p)
    delplats = pd.unique(b["delplats"].astype(str))[-1]
    valda = b[b["delplats"].astype(str) == delplats]
    return int(valda.loc[valda["ar"] == b["ar"].max(), "poang"].sum()
               - valda.loc[valda["ar"] == b["ar"].min(), "poang"].sum())


def _ratt_6_2(p):
    from tryggaplatser.skalor import BESIKTNINGSNIVAER

    b = tp.las_besiktning(p)
    forsta = b[b["ar"] == b["ar"].min()]
    grans = BESIKTNINGSNIVAER["Röd"][1]
    return pd.DataFrame({"Delplats": pd.unique(forsta["delplats"].astype(str))}).assign(
        Antal=lambda t: [int(((forsta["delplats"].astype(str) == d) & (forsta["poang"] <= grans)).sum())
                         for d in t["Delplats"]])


def _ratt_6_3(p):
    v = tp.las_verksamheter(p)
    utan_personal = ["Torg", "Park", "Parkering", "Busshållplats"]
    v = v[(v["omrade"] == "jamforelseomrade") & ~v["typ"].isin(utan_personal)]
    return int((tp.oppna_per_timme(v).to_numpy() == 0).sum())


def _ratt_6_4(p):
    from collections import Counter

    t = tp.las_trygghetsvandring(p)
    return Counter(t.loc[t["grupp"] == "Unga 15–19 år", "problemtyp"].astype(str)).most_common(1)[0][0]


def _ratt_7_1(p):
    a = tp.las_atgarder(p)
    return 100 * sum(a["status"] == "Genomförd") / len(a)


def _ratt_7_2(p):
    a = tp.las_atgarder(p)
    return {sida: int(a.loc[(a["status"] == "Genomförd") & (a["triangelsida"] == sida), "kostnad_kr"].sum())
            for sida in a["triangelsida"].astype(str).unique()}


def _ratt_7_3(p):
    t = tp.las_tekniker()
    return len(set(t.loc[t["strategi"] == "Öka risken", "teknik_nr"]) - set(tp.las_atgarder(p)["teknik_nr"]))


def _ratt_7_4(p):
    a = tp.las_atgarder(p)
    summa = {d: a.loc[a["delplats"].astype(str) == d, "kostnad_kr"].sum() for d in a["delplats"].astype(str)}
    return max(summa, key=summa.get).upper()


def _fynd_med_atgard(p):
    fynd = tp.las_fynd(p)
    besvarade = set().union(*tp.atgarder_med_fynd(p, fynd)["fynd"])
    return fynd, besvarade


def _ratt_8_1(p):
    fynd, besvarade = _fynd_med_atgard(p)
    return sum(1 for f, tema in zip(fynd["fynd"], fynd["tema"].astype(str), strict=True)
               if tema == "Skötsel och nedskräpning" and f not in besvarade)


def _ratt_8_2(p):
    fynd, besvarade = _fynd_med_atgard(p)
    return {int(k): float(np.mean([f in besvarade for f in fynd.loc[fynd["kapitel"] == k, "fynd"]]))
            for k in sorted(fynd["kapitel"].unique())}


def _ratt_8_3(p):
    a = tp.atgarder_med_fynd(p)
    return sum(k for k, f in zip(a["kostnad_kr"], a["fynd"], strict=True) if not f) / a["kostnad_kr"].sum()


def _graf(p, period, frekvenser=None):
    k = tp.las_kontakter(p)
    k = k[k["period"] == period]
    if frekvenser:
        k = k[k["frekvens"].isin(frekvenser)]
    g = nx.Graph()
    g.add_nodes_from(tp.las_aktorer(p)["id"])
    g.add_edges_from(zip(k["fran"], k["till"], strict=True))
    return g


def _ratt_9_1(p):
    g = _graf(p, "efter", ["Varje vecka", "Varje månad"])
    n = g.number_of_nodes()
    return g.number_of_edges() / (n * (n - 1) / 2)


def _ratt_9_2(p):
    return nx.betweenness_centrality(_graf(p, "fore"))["polis"]


def _ratt_9_3(p):
    a = tp.las_aktorer(p)
    samordnare = a.loc[(a["typ"] == "Kommun") & a["namn"].str.contains("samordn"), "id"].iloc[0]
    avstand = nx.single_source_shortest_path_length(_graf(p, "fore"), samordnare)
    return sum(1 for aktor in a["id"] if avstand.get(aktor, 99) > 2)


def _tre_omraden(p, b):
    ar = b["tidpunkt"].dt.year
    return {(o, t): int(((b["omrade"] == o) & (ar == a)).sum())
            for o in ("atgardsomrade", "buffertzon", "jamforelseomrade")
            for t, a in (("f", p.analysar), ("e", p.uppfoljningsar))}


def _ratt_10_1(p):
    b = tp.las_brott(p)
    n = _tre_omraden(p, b[b["brottstyp"].isin(["Misshandel", "Olaga hot", "Ofredande"])])
    atgard = n["atgardsomrade", "e"] / n["atgardsomrade", "f"]
    return atgard / (n["jamforelseomrade", "e"] / n["jamforelseomrade", "f"])


def _ratt_10_2(p):
    b = tp.las_brott(p)
    n = _tre_omraden(p, b[b["brottskategori"] == "Skadegörelsebrott"])
    r_f, r_e = n["atgardsomrade", "f"], n["atgardsomrade", "e"]
    d_f, d_e = n["buffertzon", "f"], n["buffertzon", "e"]
    c_f, c_e = n["jamforelseomrade", "f"], n["jamforelseomrade", "e"]
    return (d_e / c_e - d_f / c_f) / (r_e / c_e - r_f / c_f)


def _ratt_10_3(p):
    b = tp.las_brott(p)
    niva = tp.rutnat(b[b["tidpunkt"].dt.year == p.analysar])["antal"].to_numpy(dtype=float)
    niva = niva[niva > 0]
    slump = np.random.default_rng(7)
    ar1, ar2 = slump.poisson(niva), slump.poisson(niva)
    topp = max(1, min(10, len(niva) // 10))
    return round(float(np.mean(ar2[np.argsort(-ar1, kind="stable")[:topp]])), 2)


#: uppgift: (rätt svar, ett fel svar)
UPPGIFTER = {
    "2_1": (_ratt_2_1, 0.99),
    "2_2": (_ratt_2_2, -3.0),
    "2_3": (_ratt_2_3, {"Kvinna": 0.5, "Man": 0.5}),
    "2_4": (_ratt_2_4, (0.9, 0.1)),
    "4_1": (_ratt_4_1, 0.2),
    "4_2": (_ratt_4_2, 0.9),
    "4_3": (_ratt_4_3, (0.1, 0.9)),
    "4_4": (_ratt_4_4, pd.DataFrame({"Kön": ["Kvinna"], "Åldersgrupp": ["16–24"], "Andel": [0.5]})),
    "4_5": (_ratt_4_5, 40.0),
    "5_1": (_ratt_5_1, {2021: 1}),
    "5_2": (_ratt_5_2, 0.01),
    "5_3": (_ratt_5_3, 13),
    "5_4": (_ratt_5_4, 0.5),
    "5_5": (_ratt_5_5, 10_000),
    "6_1": (_ratt_6_1, 1_000),
    "6_2": (_ratt_6_2, {"Ingenstans": 3}),
    "6_3": (_ratt_6_3, 500),
    "6_4": (_ratt_6_4, "Trafik"),
    "7_1": (_ratt_7_1, 0.01),
    "7_2": (_ratt_7_2, {"Plats": 1, "Gärningsperson": 1, "Offer eller mål": 1}),
    "7_3": (_ratt_7_3, 25),
    "7_4": (_ratt_7_4, "ingen delplats"),
    "8_1": (_ratt_8_1, 100),
    "8_2": (_ratt_8_2, {4: 0.01, 5: 0.01, 6: 0.01}),
    "8_3": (_ratt_8_3, 0.99),
    "9_1": (_ratt_9_1, 0.99),
    "9_2": (_ratt_9_2, 0.99),
    "9_3": (_ratt_9_3, 100),
    "10_1": (_ratt_10_1, 100.0),
    "10_2": (_ratt_10_2, -100.0),
    "10_3": (_ratt_10_3, 10_000.0),
}


def _kontroll(nr: str):
    return getattr(ovningar, f"kontrollera_{nr}")


@pytest.mark.parametrize("nr", UPPGIFTER)
def test_ratt_svar_ger_ratt(nr, ms, capsys):
    ratt, _ = UPPGIFTER[nr]
    assert _utskrift(capsys, _kontroll(nr), ratt(ms), ms).startswith("Rätt!")


@pytest.mark.parametrize("nr", UPPGIFTER)
def test_fel_svar_ger_inte_an(nr, ms, capsys):
    _, fel = UPPGIFTER[nr]
    text = _utskrift(capsys, _kontroll(nr), fel, ms)
    assert text.startswith("Inte än: "), text
    assert len(text) > 30, "ledtråden ska säga något"


@pytest.mark.parametrize("svar", [..., None, "hälften", [], {}, pd.DataFrame(), float("nan"), True,
                                  object(), [1, 2, 3]],
                         # Namn utan minnesadress: alla xdist-processer måste samla samma tester.
                         ids=lambda v: type(v).__name__ if type(v) is object else repr(v))
@pytest.mark.parametrize("nr", UPPGIFTER)
def test_fel_sort_av_svar_ger_ett_besked_och_inget_fel(nr, svar, ms, capsys):
    text = _utskrift(capsys, _kontroll(nr), svar, ms)
    assert text.startswith("Inte än: "), text
    assert "Traceback" not in text


def test_platshallaren_sager_att_svaret_saknas(ms, capsys):
    assert "Byt ut ... mot din kod" in _utskrift(capsys, ovningar.kontrollera_4_2, ..., ms)


def test_fel_sort_sager_vad_som_vantades(ms, capsys):
    assert _utskrift(capsys, ovningar.kontrollera_5_2, "natt", ms) == (
        "Inte än: svaret ska vara ett tal (en andel), men svar är en text (str).")
    assert "ett nummer 1–12" in _utskrift(capsys, ovningar.kontrollera_5_3, [3], ms)
    assert "två tal" in _utskrift(capsys, ovningar.kontrollera_2_4, 0.3, ms)


def test_utan_plats_sager_hur_kontrollen_anropas(capsys):
    assert "kontrollera(svar, plats)" in _utskrift(capsys, ovningar.kontrollera_2_1, 0.5, None)


def test_plats_utan_datafilen_ger_ett_besked_och_inget_fel(tmp_path, capsys):
    import shutil

    mapp = tmp_path / "plats"
    shutil.copytree(tp.las_plats().mapp, mapp)
    (mapp / "brott.csv").unlink()
    text = _utskrift(capsys, ovningar.kontrollera_5_2, 0.3, tp.las_plats(mapp))
    assert text.startswith("Kontrollen går inte att göra på den här platsen.") and "brott.csv" in text


def test_andel_godtas_i_procent_och_avrundad(ms, capsys):
    ratt = _ratt_4_2(ms)
    for svar in (round(ratt, 2), round(100 * ratt), round(100 * ratt, 1)):
        assert _utskrift(capsys, ovningar.kontrollera_4_2, svar, ms).startswith("Rätt!"), svar
    assert _utskrift(capsys, ovningar.kontrollera_4_2, ratt + 0.02, ms).startswith("Inte än")


@pytest.mark.parametrize(("nr", "fel", "ledtrad"), [
    ("2_1", lambda p: (_enkat_ar(p, p.enkatar[-1], "oro_samhalle")["oro_samhalle"] == STOR_ORO[1]).mean(),
     "mycket stor utsträckning"),
    ("2_2", lambda p: -_ratt_2_2(p), "andra hållet"),
    ("2_4", lambda p: _ratt_2_4(p)[::-1], "fel ordning"),
    ("4_2", lambda p: _i_omradet(p)["otrygg_kvall"].isin(OTRYGGA).mean(), "ovägda"),
    ("5_2", lambda p: tp.las_brott(p)["tidpunkt"].dt.hour.isin([22, 23, 0, 1, 2, 3, 4, 5]).mean(),
     "alla brott"),
    ("5_4", lambda p: tp.andel_platser_for_andel_brott(tp.rutnat(
        tp.las_brott(p).query("brottstyp == 'Cykelstöld'").loc[
            lambda b: b["tidpunkt"].dt.year == p.uppfoljningsar], utstrackning=_studieomradet(p))
        .query("antal > 0")["antal"]), "tomma rutorna"),
    ("6_1", lambda p: -_ratt_6_1(p), "andra hållet"),
    ("7_1", lambda p: float(tp.las_atgarder(p).query("status == 'Genomförd'")["kostnad_kr"].sum()
                            / tp.las_atgarder(p)["kostnad_kr"].sum()), "andelen av kostnaden"),
    ("8_2", lambda p: {k: 1 - v for k, v in _ratt_8_2(p).items()}, "utan åtgärd"),
    ("9_2", lambda p: nx.betweenness_centrality(_graf(p, "efter"))["polis"], "mellanheten efter"),
    ("9_3", lambda p: sum(1 for a in tp.las_aktorer(p)["id"] if nx.single_source_shortest_path_length(
        _graf(p, "fore"), "kommun_trygghet").get(a, 99) >= 2), "exakt två steg"),
    ("10_1", lambda p: 1 / _ratt_10_1(p), "upp och ned"),
])
def test_vanliga_fel_far_en_ledtrad(nr, fel, ledtrad, ms, capsys):
    text = _utskrift(capsys, _kontroll(nr), fel(ms), ms)
    assert text.startswith("Inte än: ") and ledtrad in text, text


def test_en_dold_grupp_som_visas_ar_fel(capsys):
    """På Provköping döljs grupper; en tabell som visar dem ändå godtas inte."""
    pk = tp.las_plats(_provkoping_mapp())
    tabell = _ratt_4_4(pk)
    assert tabell["Andel"].isna().any(), "Provköping ska ha dolda grupper i uppgift 4.4"
    assert _utskrift(capsys, ovningar.kontrollera_4_4, tabell, pk).startswith("Rätt!")
    visad = tabell.fillna({"Andel": 0.5})
    assert "ska döljas" in _utskrift(capsys, ovningar.kontrollera_4_4, visad, pk)


def test_kontrollerna_raknar_med_datan_inte_med_inskrivna_tal():
    """Inga facitsiffror i koden: bara toleranser, signifikansnivån och hälften som decimaltal, inga årtal."""
    import ast

    trad = ast.parse((ROT / "tryggaplatser" / "ovningar.py").read_text(encoding="utf-8"))
    tal = {n.value for n in ast.walk(trad) if isinstance(n, ast.Constant)
           and isinstance(n.value, (int, float)) and not isinstance(n.value, bool)}
    assert {t for t in tal if isinstance(t, float)} <= {0.0051, 0.51, 0.0005, 0.05, 0.5}, tal
    assert max(t for t in tal if isinstance(t, int)) < 1900, tal


# ---------------------------------------------------------------------------
# Övningsfilerna: gjorda av lösningsfilerna, med rätt resultat
# ---------------------------------------------------------------------------

def test_varje_kapitel_med_analyser_har_ovningar():
    assert [k.parent.name for k in KALLOR] == [
        "02-vad-ar-trygghet", "04-matta-trygghet", "05-brottsligheten-pa-platsen",
        "06-kartlaggning-av-platsen", "07-situationell-brottsprevention", "08-fran-analys-till-atgardsplan",
        "09-samverkan", "10-uppfoljning-och-utvardering"]
    for kalla in KALLOR:
        assert (ROT / "chapters" / kalla.parent.name).is_dir(), kalla.parent.name


def _jamforbar(nb) -> list[tuple]:
    return [(c.cell_type, c.source, json.dumps(c.get("metadata", {}).get("tags", [])))
            for c in nb.cells]


@pytest.mark.parametrize("kalla", KALLOR, ids=lambda p: p.parent.name)
def test_ovningsfilen_ar_gjord_av_losningsfilen(kalla):
    gjord = GOR.gor_ovning(nbformat.read(kalla, as_version=4))
    sparad = nbformat.read(GOR.ovningsfil(kalla), as_version=4)
    assert _jamforbar(sparad) == _jamforbar(gjord), (
        f"{GOR.ovningsfil(kalla).relative_to(ROT)} har inte gjorts om efter en ändring i "
        f"{kalla.name}. Kör make ovningar.")


@pytest.mark.parametrize("kalla", KALLOR, ids=lambda p: p.parent.name)
def test_losningsfilen_har_tre_till_sex_uppgifter_med_kontroll(kalla):
    nb = nbformat.read(kalla, as_version=4)
    kod = [c for c in nb.cells if c.cell_type == "code"]
    assert kod[0].metadata.get("tags") == ["parameters"]
    assert "plats = tp.valj_plats(PLATS)" in kod[1].source
    svar = [c for c in kod if GOR.SLUT_PA_SVARET in c.source]
    assert 3 <= len(svar) <= 6
    kontroller = [_KONTROLL.search(c.source).group(1) for c in svar]
    assert len(set(kontroller)) == len(kontroller)
    assert all(hasattr(ovningar, k) for k in kontroller)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert text.count("{exercise-start}") == text.count("{solution-start}") == len(svar)
    for c in nb.cells:  # inget platsnamn eller årtal skrivs in
        assert not re.search(r"Mellanstad|Centrum|Norrby|(?<!\d)20\d\d(?!\d)", c.source), c.source


def _kontrollutskrifter(nb) -> list[str]:
    """Utskriften från varje cell som kör en kontroll."""
    return [" ".join(o.get("text", "") for o in c.outputs if o.get("output_type") == "stream").strip()
            for c in nb.cells if c.cell_type == "code" and _KONTROLL.search(c.source)]


@pytest.mark.parametrize("kalla", KALLOR, ids=lambda p: p.parent.name)
def test_sparade_resultat_ratt_i_losningen_och_inte_an_i_ovningen(kalla):
    losning = _kontrollutskrifter(nbformat.read(kalla, as_version=4))
    ovning = _kontrollutskrifter(nbformat.read(GOR.ovningsfil(kalla), as_version=4))
    assert losning and all(t.startswith("Rätt!") for t in losning), losning
    assert len(ovning) == len(losning) and all(t.startswith("Inte än:") for t in ovning), ovning


# ---------------------------------------------------------------------------
# Körda på Provköping
# ---------------------------------------------------------------------------

_PROVKOPING: list[Path] = []


def _provkoping_mapp() -> Path:
    """Testernas andra stad, skapad en gång per testkörning i en tillfällig mapp."""
    if not _PROVKOPING:
        import tempfile

        mapp = Path(tempfile.mkdtemp(prefix="provkoping-ovningar-"))
        ut = subprocess.run([sys.executable, str(ROT / "scripts" / "generera_mellanstad.py"), "--stad",
                             "provkoping", "--utmapp", str(mapp)], capture_output=True, text=True)
        assert ut.returncode == 0, ut.stderr
        _PROVKOPING.append(mapp)
    return _PROVKOPING[0]


def _kor(notebook: Path, mapp: Path):
    from nbclient import NotebookClient

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
    return nb


@pytest.mark.parametrize("fil", ["losningar.ipynb", "ovningar.ipynb"])
@pytest.mark.parametrize("mapp", [k.parent for k in KALLOR], ids=lambda p: p.name)
def test_ovningarna_kors_pa_provkoping(mapp, fil):
    nb = _kor(mapp / fil, _provkoping_mapp())
    fel = [o for c in nb.cells for o in c.get("outputs", [])
           if o.get("output_type") == "error" or o.get("name") == "stderr"]
    assert not fel, fel[:2]
    utskrifter = _kontrollutskrifter(nb)
    vantat = "Rätt!" if fil == "losningar.ipynb" else "Inte än:"
    assert utskrifter and all(t.startswith(vantat) for t in utskrifter), utskrifter
    text = json.dumps([c.get("outputs", []) for c in nb.cells], ensure_ascii=False)
    assert "Provköping" in text and tp.las_plats().kommun not in text
