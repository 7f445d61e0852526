"""Datum och klockslag i de former som svenska kontor exporterar, en hel kolumn i taget.

Godtas: ``2024-03-05``, ``2024-03-05 22:15``, ISO 8601 med tidszon
(``2024-03-05T22:15:00+01:00``, ``...Z``), ``5/3/2024`` och ``5.3.2024``
(dag först), svenska månadsnamn hela eller förkortade (``5 mars 2024``,
``1 aug. 2024 kl. 08.30``), Excel-datum och, i .xlsx, Excels serienummer
för datum. Klockslag: ``22:15``, ``22.15``, ``kl. 22.15``.

Varje olikt värde i kolumnen tolkas en gång; resultatet sprids till alla
rader med samma värde.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from tryggaplatser._gemensamt import TIDSZON, lokal_tid
from tryggaplatser.rapport import FilFel, Radlogg
from tryggaplatser.skalor import MANADER

from .tal import unika

__all__ = [
    "EXEMPEL",
    "FORSTA_AR",
    "SISTA_AR",
    "Datumkolumn",
    "las_tidpunkter",
    "svensk_tid",
    "tolka_datum",
    "tolka_klockslag",
]

FORSTA_AR, SISTA_AR = 1900, 2100
EXEMPEL = "2024-03-05, 2024-03-05 22:15, 5 mars 2024 eller 5/3/2024"

_TID = r"(?:(?:[ T]+|\s*,?\s*kl\.?\s*)(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?:[:.](?P<s>\d{2})(?:[.,]\d+)?)?)?"
_ZON = r"\s*(?P<zon>Z|[+-]\d{2}(?::?\d{2})?)?"
_MONSTER = [
    ("iso", re.compile(rf"(?P<ar>\d{{4}})-(?P<man>\d{{1,2}})-(?P<dag>\d{{1,2}}){_TID}{_ZON}", re.I)),
    ("dmy", re.compile(rf"(?P<dag>\d{{1,2}})[/.](?P<man>\d{{1,2}})[/.](?P<ar>\d{{4}}){_TID}{_ZON}", re.I)),
    (
        "namn",
        re.compile(
            rf"(?P<dag>\d{{1,2}})\.?\s+(?P<mannamn>[^\W\d_]+)\.?,?\s+(?P<ar>\d{{4}}){_TID}{_ZON}", re.I
        ),
    ),
]
_RE_KLOCKSLAG = re.compile(r"(?:kl\.?\s*)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?", re.I)
_RE_SERIE = re.compile(r"\d{5}(?:[.,]\d+)?")
_EXCEL_NOLL = dt.datetime(1899, 12, 30)
# Serienummer för 1950-01-01 till 2099-12-31: i en CSV-fil är ett sådant tal nästan säkert ett datum.
_SERIE_CSV = (18_264, 73_050)
_TIMME_24 = "klockslaget 24.00 är inte tillåtet; skriv 00.00 nästa dag"
_NAT = np.datetime64("NaT", "ns")


def _manad(namn: str) -> int | None:
    """Månadens nummer för ett svenskt månadsnamn, helt eller förkortat (minst tre bokstäver)."""
    namn = namn.lower().rstrip(".")
    if namn == "sept":
        return 9
    traffar = [i for i, m in enumerate(MANADER, start=1) if len(namn) >= 3 and m.startswith(namn)]
    return traffar[0] if len(traffar) == 1 else None


def _orimligt_ar(ar: int) -> str:
    return f"årtalet {ar} är orimligt (väntade {FORSTA_AR}–{SISTA_AR})"


def _klockslag(h: int, mi: int, s: int) -> dt.time:
    if h == 24 and mi == 0 and s == 0:
        raise ValueError(_TIMME_24)
    try:
        return dt.time(h, mi, s)
    except ValueError:
        raise ValueError("klockslaget finns inte") from None


# Ett tolkat värde: (tid, har klockslag, tidszon i minuter eller nan) eller en orsak (str).
_Tolkat = tuple[dt.datetime, bool, float] | str


def _tolka_text(text: str) -> _Tolkat:
    for form, monster in _MONSTER:  # noqa: B007 - form används efter slingan
        m = monster.fullmatch(text)
        if m:
            break
    else:
        if _RE_SERIE.fullmatch(text):
            tal = float(text.replace(",", "."))
            if _SERIE_CSV[0] <= tal <= _SERIE_CSV[1]:
                return (
                    "ett tal, inte ett datum: det ser ut som Excels serienummer för datum "
                    f"(till exempel {tal:g} = {_EXCEL_NOLL + dt.timedelta(days=tal):%Y-%m-%d}); "
                    "spara om filen från Excel med datumen formaterade som datum, eller som .xlsx"
                )
        return "okänt datumformat"
    ar, dag = int(m["ar"]), int(m["dag"])
    if form == "namn":
        man = _manad(m["mannamn"])
        if man is None:
            return f"okänd månad ”{m['mannamn']}” (väntade ett svenskt månadsnamn som mars eller aug)"
    else:
        man = int(m["man"])
    if not FORSTA_AR <= ar <= SISTA_AR:
        return _orimligt_ar(ar)
    try:
        datum = dt.date(ar, man, dag)
    except ValueError:
        if form == "dmy" and man > 12 and dag <= 12:
            return (
                "datumet finns inte i kalendern: månad större än 12 (handboken läser 5/3/2024 som "
                "5 mars; är datumen skrivna som månad/dag/år?)"
            )
        return "datumet finns inte i kalendern"
    if m["h"] is None:
        return dt.datetime.combine(datum, dt.time(0)), False, math.nan
    try:
        tid = _klockslag(int(m["h"]), int(m["mi"]), int(m["s"] or 0))
    except ValueError as fel:
        return str(fel)
    return dt.datetime.combine(datum, tid), True, _zon_minuter(m["zon"])


def _zon_minuter(zon: str | None) -> float:
    """``Z`` → 0, ``+01:00`` och ``+0100`` och ``+01`` → 60, ingen → nan."""
    if not zon:
        return math.nan
    if zon.upper() == "Z":
        return 0.0
    siffror = zon[1:].replace(":", "")
    minuter = int(siffror[:2]) * 60 + (int(siffror[2:4]) if len(siffror) >= 4 else 0)
    return float(minuter if zon[0] == "+" else -minuter)


def _tolka_objekt(v: object, excel: bool) -> _Tolkat:
    """En cell från Excel: datum, tidpunkt, serienummer eller text."""
    if isinstance(v, str):
        text = v.strip()
        return "datum saknas" if not text else _tolka_text(text)
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "datum saknas"
    if isinstance(v, dt.datetime):
        tid, har_tid = v.replace(tzinfo=None), v.time() != dt.time(0)
    elif isinstance(v, dt.date):
        tid, har_tid = dt.datetime.combine(v, dt.time(0)), False
    elif isinstance(v, (int, float)) and not isinstance(v, bool) and excel and 1 <= v < 2_958_466:
        tid = _EXCEL_NOLL + dt.timedelta(seconds=round(float(v) * 86_400))
        har_tid = float(v) % 1 != 0
    else:
        return "okänt datumformat"
    if not FORSTA_AR <= tid.year <= SISTA_AR:
        return _orimligt_ar(tid.year)
    return tid, har_tid, math.nan


@dataclass
class Datumkolumn:
    """En tolkad datumkolumn: tiden som den står i filen, klockslag, tidszon och orsak vid fel."""

    naiv: np.ndarray  # datetime64[ns]; tiden som den står i filen (lokal tid eller med ``zon``)
    har_tid: np.ndarray
    zon_minuter: np.ndarray  # tidszonens förskjutning i minuter, nan om ingen angavs
    orsak: np.ndarray  # None eller en svensk text
    excel_serie: str = ""  # ett exempel på ett omräknat Excel-serienummer (bara .xlsx)


def tolka_datum(s: pd.Series | tuple[np.ndarray, np.ndarray], excel: bool = False) -> Datumkolumn:
    """Tolka en kolumn med datum (och kanske klockslag och tidszon).

    Exempel
    -------
    >>> d = tolka_datum(pd.Series(["2024-03-05T22:15:00Z", "5 mars 2024", "30/2/2024", ""]))
    >>> [str(t) for t in pd.Series(d.naiv)], d.har_tid.tolist(), d.zon_minuter.tolist()[:2]
    (['2024-03-05 22:15:00', '2024-03-05 00:00:00', 'NaT', 'NaT'], [True, False, False, False], [0.0, nan])
    >>> d.orsak.tolist()[2:]
    ['datumet finns inte i kalendern', 'datum saknas']
    """
    koder, varden = unika(s)
    tolkade = [_tolka_objekt(v, excel) for v in varden]
    ok = [not isinstance(t, str) for t in tolkade]
    naiv = np.array([np.datetime64(t[0], "ns") if o else _NAT for t, o in zip(tolkade, ok, strict=True)])
    har_tid = np.array([o and t[1] for t, o in zip(tolkade, ok, strict=True)], dtype=bool)
    zon = np.array([t[2] if o else math.nan for t, o in zip(tolkade, ok, strict=True)], dtype=float)
    orsak = np.array([None if o else t for t, o in zip(tolkade, ok, strict=True)] + [None], dtype=object)[:-1]
    serie = ""
    if excel:
        tal = [
            v
            for v, o in zip(varden, ok, strict=True)
            if o and isinstance(v, (int, float)) and not isinstance(v, bool)
        ]
        if tal:
            serie = f"{tal[0]:g} = {_EXCEL_NOLL + dt.timedelta(days=float(tal[0])):%Y-%m-%d}"
    if len(varden) == 0:
        naiv = np.array([], dtype="datetime64[ns]")
    return Datumkolumn(naiv[koder], har_tid[koder], zon[koder], orsak[koder], serie)


def _tolka_klockslag(v: object, excel: bool) -> dt.time | str | None:
    if isinstance(v, str):
        text = v.strip()
        if not text:
            return None
        m = _RE_KLOCKSLAG.fullmatch(text)
        if not m:
            return "okänt format på klockslaget"
        try:
            return _klockslag(int(m[1]), int(m[2]), int(m[3] or 0))
        except ValueError as fel:
            return str(fel)
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    if isinstance(v, dt.datetime):
        return v.time()
    if isinstance(v, dt.time):
        return v
    if isinstance(v, (int, float)) and not isinstance(v, bool) and excel and 0 <= v < 1:
        sekunder = round(float(v) * 86_400)  # Excels klockslag: en del av ett dygn
        return dt.time(sekunder // 3600, sekunder // 60 % 60, sekunder % 60) if sekunder < 86_400 else None
    return "okänt format på klockslaget"


def tolka_klockslag(
    s: pd.Series | tuple[np.ndarray, np.ndarray], excel: bool = False
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Tolka en kolumn med klockslag.

    Returnerar
    ----------
    tuple
        Tiden efter midnatt (``timedelta64``, NaT där klockslag saknas), en
        boolsk vektor för tomma celler och orsaken (None eller text) för
        celler som inte är klockslag.

    Exempel
    -------
    >>> tid, tom, orsak = tolka_klockslag(pd.Series(["22.15", "kl. 8:05", "", "25.61"]))
    >>> [str(t) for t in pd.Series(tid)], orsak.tolist()[3]
    (['0 days 22:15:00', '0 days 08:05:00', 'NaT', 'NaT'], 'klockslaget finns inte')
    """
    koder, varden = unika(s)
    tolkade = [_tolka_klockslag(v, excel) for v in varden]
    tid = np.array(
        [
            np.timedelta64(t.hour * 3600 + t.minute * 60 + t.second, "s")
            if isinstance(t, dt.time)
            else np.timedelta64("NaT")
            for t in tolkade
        ],
        dtype="timedelta64[ns]",
    )
    tom = np.array([t is None for t in tolkade], dtype=bool)
    orsak = np.array([t if isinstance(t, str) else None for t in tolkade] + [None], dtype=object)[:-1]
    return tid[koder], tom[koder], orsak[koder]


def svensk_tid(naiv: np.ndarray, zon_minuter: np.ndarray) -> tuple[pd.Series, np.ndarray, np.ndarray]:
    """Tider i Europe/Stockholm: med tidszon räknas de om, utan tidszon tolkas de som svensk tid.

    Returnerar tiderna och, för tider utan tidszon, vilka som inte fanns
    (sommartidsluckan) och vilka som fanns två gånger.
    """
    med_zon = ~np.isnan(zon_minuter)
    lokal, finns_ej, tvetydig = lokal_tid(pd.Series(np.where(med_zon, _NAT, naiv)))
    if med_zon.any():
        utc = naiv - np.nan_to_num(zon_minuter).astype("int64") * np.timedelta64(1, "m")
        omraknad = pd.Series(np.where(med_zon, utc, _NAT)).dt.tz_localize("UTC")
        lokal = lokal.where(~med_zon, omraknad.dt.tz_convert(TIDSZON))
    return lokal, finns_ej, tvetydig


def las_tidpunkter(tabell, val, data, ute: Radlogg, anm: Radlogg, kravs: bool, format_: list[str]) -> None:
    """Kolumnerna ``datum`` och ``tidpunkt`` (svensk tid) i ``data``; fel per rad i ``ute`` och ``anm``."""
    if "tidpunkt" not in val and "datum" not in val:
        if kravs:
            raise FilFel(
                f"Filen {tabell.namn} saknar en kolumn med datum. Väntade en kolumn som heter "
                "Datum, Tidpunkt eller Datum och tid (med datum som 2024-03-05, "
                "2024-03-05 22:15, 5 mars 2024 eller 5/3/2024). Kolumnerna i filen är: "
                + ", ".join(f"”{r}”" for r in tabell.rubriker if r)
                + "."
                + tabell.titeltips()
            )
        return
    dk = val.get("tidpunkt", val.get("datum"))
    dnamn = tabell.rubriker[dk]
    d = tolka_datum(tabell.unika(dk), tabell.excel)
    exempel = f" (väntade till exempel {EXEMPEL})"
    ute.lagg_till_per_orsak(
        tabell.rader,
        d.orsak,
        dnamn,
        {"okänt datumformat": exempel, "datumet finns inte i kalendern": exempel},
    )
    if d.excel_serie:
        format_.append(f"datum som Excels serienummer omräknade (till exempel {d.excel_serie})")
    ok = pd.isna(d.orsak)
    naiv, har_tid, zon = d.naiv, d.har_tid & ok, d.zon_minuter
    tnamn, fel_tid = None, np.zeros(len(ok), dtype=bool)
    if "tid" in val:
        tnamn = tabell.rubriker[val["tid"]]
        tid, tom, orsak = tolka_klockslag(tabell.unika(val["tid"]), tabell.excel)
        anm.lagg_till_per_orsak(
            tabell.rader[ok],
            orsak[ok],
            tnamn,
            {o: " (väntade till exempel 22:15 eller 22.15)" for o in pd.unique(orsak[ok & pd.notna(orsak)])},
        )
        # Ett klockslag i en egen kolumn gäller före klockslaget i datumkolumnen (svensk tid).
        fran_tid = ok & ~tom
        fel_tid = pd.notna(orsak)
        midnatt = naiv.astype("datetime64[D]").astype("datetime64[ns]")
        naiv = np.where(fran_tid, np.where(np.isnat(tid), midnatt, midnatt + tid), naiv)
        har_tid = np.where(fran_tid, ~np.isnat(tid), har_tid)
        zon = np.where(fran_tid, np.nan, zon)
    if not har_tid.any():
        data["datum"] = naiv.astype("datetime64[D]")
        format_.append("inga klockslag i filen; bara datum används")
        return
    tider, finns_ej, tvetydig = svensk_tid(np.where(har_tid, naiv, np.datetime64("NaT")), zon)
    kol = tnamn or dnamn
    anm.lagg_till(
        tabell.rader[finns_ej],
        "klockslaget finns inte (klockan ställs fram till sommartid); tolkat som en timme senare",
        kol,
    )
    anm.lagg_till(
        tabell.rader[tvetydig],
        "klockslaget finns två gånger (klockan ställs tillbaka till "
        "normaltid); tolkat som sommartid, det första av de två",
        kol,
    )
    anm.lagg_till(
        tabell.rader[ok & ~har_tid & ~fel_tid],
        "klockslag saknas; tidpunkten saknas men datumet används",
        dnamn,
    )
    med_zon = har_tid & ~np.isnan(zon)
    if med_zon.any():
        format_.append("tider med tidszon (som +01:00 eller Z) omräknade till svensk tid")
        lokal = tider.dt.tz_localize(None).to_numpy(dtype="datetime64[ns]")
        naiv = np.where(med_zon, lokal, naiv)
    data["datum"] = naiv.astype("datetime64[D]")
    data["tidpunkt"] = tider
