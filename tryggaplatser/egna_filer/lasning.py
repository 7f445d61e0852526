"""Kärnan i inläsningen: från tabell till data och rapport, ett steg per funktion."""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
import pandas as pd

from tryggaplatser.rapport import FilFel, Inlasning, Inlasningsrapport, Radlogg, radnummer_forklaring

from .filformat import Tabell, las_tabell, ser_ut_som_data
from .flode import las_bred_flode
from .koordinater import las_koordinater
from .rubriker import KOLUMNNAMN, SYNONYM, Rubrik, tolka_rubrik
from .svar import kodad_text, kon_kolumn, las_svarskolumner
from .tal import las_talkolumner
from .tider import las_tidpunkter

_TEXTKOLUMNER = ("brottskategori", "brottstyp", "id", "plats", "omrade", "raknare", "aldersgrupp")
_RE_DECIMALKOMMA = re.compile(r"[-\u2212]?\d[\d\s\u00a0]*,\d+")
_RE_BLANKSTEG = re.compile(r"\s+")


def las(
    fil: object,
    typ: str,
    svarskolumner: Iterable[str] | dict[str, object] | None = None,
    koordinatsystem: object = None,
) -> Inlasning:
    """Läs en egen fil av typen ``"enkat"``, ``"brott"`` eller ``"flode"``."""
    tabell = las_tabell(fil)
    rapport = Inlasningsrapport(
        fil=tabell.namn, typ=typ, format=list(tabell.format), rubrikrad=tabell.rubrikrad
    )
    rapport.rader_lasta = len(tabell.rader) + len(tabell.tomma)
    _kontrollera_rubrikrad(tabell, rapport)
    rubriker = [tolka_rubrik(r) for r in tabell.rubriker]
    val = _kanna_igen(tabell, rubriker, rapport)
    ute, anm = Radlogg(), Radlogg()
    _radproblem(tabell, ute, anm)
    data: dict[str, object] = {"rad": tabell.rader}
    las_tidpunkter(tabell, val, data, ute, anm, kravs=typ in ("brott", "flode"), format_=rapport.format)
    koord = las_koordinater(tabell, val, ute, anm, rapport, koordinatsystem)
    if koord:
        data.update(koord)
    _text_och_kon(tabell, val, rubriker, data, anm)
    las_talkolumner(tabell, val, data, ute, anm, typ)
    bred: list[str] = []
    if typ == "enkat":
        las_svarskolumner(tabell, val, rubriker, svarskolumner, data, anm, rapport)
    if typ == "flode" and "antal" not in val:
        bred = las_bred_flode(tabell, val, data, ute, anm, rapport)
    if any(
        _RE_DECIMALKOMMA.fullmatch(t)
        for k in _talkolumner(val, bred, tabell)
        for t in tabell.unika_texter(k)[1]
    ):
        rapport.format.append("decimalkomma")
    rapport.utelamnade = ute.lista()
    rapport.anmarkningar = anm.lista()
    return Inlasning(_bygg_data(data, rapport, tabell, bred), rapport)


def _talkolumner(val: dict[str, int], bred: list[str], tabell: Tabell) -> list[int]:
    kol = [val[k] for k in ("alder", "vikt", "antal", "ost", "nord", "lat", "lon") if k in val]
    return kol + [tabell.rubriker.index(r) for r in bred]


def _kontrollera_rubrikrad(tabell: Tabell, rapport: Inlasningsrapport) -> None:
    if len(tabell.rader) == 0:
        raise FilFel(
            f"Filen {tabell.namn} har bara en rubrikrad (rad {tabell.rubrikrad}) "
            "och inga rader med data. Väntade minst en rad med data under rubrikerna."
        )
    if sum(ser_ut_som_data(r) for r in tabell.rubriker if r) > len(tabell.rubriker) / 2:
        raise FilFel(
            f"Filen {tabell.namn}: rad {tabell.rubrikrad} ser ut som data, inte som rubriker "
            f"({', '.join(tabell.rubriker[:4])} ...). Väntade en rubrikrad med kolumnnamn "
            "som Datum, Brottstyp eller Kön överst i filen."
        )
    if tabell.titelrader:
        nummer = [nr for nr, _ in tabell.titelrader]
        texter = ", ".join(f"”{t if len(t) <= 80 else t[:79] + '…'}”" for _, t in tabell.titelrader[:3])
        rader = f"rad {nummer[0]}" if len(nummer) == 1 else f"rad {nummer[0]}–{nummer[-1]}"
        rapport.format.append(
            f"rubrikraden är rad {tabell.rubrikrad}; {rader} före den är titel eller anteckning "
            f"och lästes inte ({texter})"
        )
    elif tabell.rubrikrad > 1:
        rapport.format.append(f"rubrikraden är rad {tabell.rubrikrad} (tomma rader före den)")


def _kanna_igen(tabell: Tabell, rubriker: list[Rubrik], rapport: Inlasningsrapport) -> dict[str, int]:
    """Kanoniskt namn -> kolumnindex. Fyller rapportens kolumnlistor."""
    sett: dict[str, int] = {}
    for i, r in enumerate(rubriker):
        if r.normaliserat in sett:
            j = sett[r.normaliserat]
            raise FilFel(
                f"Filen {tabell.namn} har två kolumner med samma namn: ”{tabell.rubriker[j]}” "
                f"(kolumn {j + 1}) och ”{r.text}” (kolumn {i + 1}). "
                "Väntade unika kolumnnamn; byt namn på eller ta bort den ena."
            )
        if r.normaliserat:
            sett[r.normaliserat] = i
    # Namnet före en parentes räknas också: "X (SWEREF 99 TM)" är X.
    namn: dict[str, int] = {}
    for i, r in enumerate(rubriker):
        for nyckel in (r.normaliserat, r.grundnamn):
            if nyckel in SYNONYM:
                namn.setdefault(nyckel, i)
                break
    val: dict[str, int] = {}
    for kanon, namnen in KOLUMNNAMN.items():
        traffar = [namn[n] for n in namnen if n in namn and namn[n] not in val.values()]
        if traffar:
            val[kanon] = traffar[0]
    for kanon, i in sorted(val.items(), key=lambda p: p[1]):
        rapport.kanda_kolumner[tabell.rubriker[i]] = kanon
    for i, r in enumerate(rubriker):
        if i in val.values() or (not r.text and tabell.tom(i).all()):
            continue
        text = r.text or f"(kolumn {i + 1} utan namn)"
        nyckel = r.normaliserat if r.normaliserat in SYNONYM else r.grundnamn
        if nyckel in SYNONYM and SYNONYM[nyckel] in val:
            text += f" (samma betydelse som ”{tabell.rubriker[val[SYNONYM[nyckel]]]}”, som används)"
        rapport.ignorerade_kolumner.append(text)
    return val


def _radproblem(tabell: Tabell, ute: Radlogg, anm: Radlogg) -> None:
    ute.lagg_till(tabell.tomma, "tom rad")
    bredd = len(tabell.rubriker)
    for nr, antal in tabell.for_langa:
        ute.lagg_till(nr, f"raden har fler värden ({antal}) än rubrikraden har kolumner ({bredd})")
    for p in tabell.anmarkningar:
        anm.lagg_till(p.rader, p.orsak, p.kolumn)


def _text_och_kon(tabell, val, rubriker, data, anm: Radlogg) -> None:
    for kanon in _TEXTKOLUMNER:
        if kanon in val:
            k = val[kanon]
            koder, texter = tabell.unika_texter(k)
            texter = np.array([_RE_BLANKSTEG.sub(" ", t) for t in texter] + [""], dtype=object)[:-1]
            data[kanon] = kodad_text(koder, texter, tabell.rader, rubriker[k], anm)
    if "kon" in val:
        k = val["kon"]
        data["kon"] = kon_kolumn(tabell.text(k), tabell.rader, rubriker[k], anm)


def _bygg_data(data: dict, rapport: Inlasningsrapport, tabell: Tabell, bred: list[str]) -> pd.DataFrame:
    kolumner = {k: v for k, v in data.items() if not isinstance(k, tuple)}
    df = pd.DataFrame(kolumner)
    for k in ("brottskategori", "brottstyp"):
        if k in df:
            df[k] = df[k].astype("category")
    for k in ("id", "plats", "omrade", "raknare", "aldersgrupp"):
        if k in df:
            df[k] = df[k].astype("string")
    for k in ("alder", "antal"):
        if k in df:
            df[k] = pd.array(df[k], dtype="Float64").astype("Int64")
    behall = ~df["rad"].isin(set(rapport.utelamnade_rader)).to_numpy()
    if bred:
        delar = []
        for namn in bred:
            del_ = df[behall].assign(raknare=namn, antal=data[("antal", namn)][behall])
            delar.append(del_[del_["antal"].notna()])
        df = pd.concat(delar).sort_values("rad", kind="stable")
        df["raknare"] = df["raknare"].astype("string")
        df["antal"] = pd.array(df["antal"], dtype="Float64").astype("Int64")
    else:
        df = df[behall]
    df = df.reset_index(drop=True)
    if "datum" in df:
        df["datum"] = df["datum"].dt.date
    if "tidpunkt" in df:
        df["tidpunkt"] = df["tidpunkt"].dt.as_unit("us")  # samma enhet som Mellanstads data
        df = df[["rad", "tidpunkt", *[c for c in df.columns if c not in ("rad", "tidpunkt")]]]
    if df.empty:
        raise FilFel(
            f"Filen {tabell.namn}: ingen rad går att använda. "
            + "; ".join(p.text() for p in rapport.utelamnade[:3])
            + ". "
            + radnummer_forklaring(tabell.rubrikrad)
        )
    return df
