"""Tal skrivna på svenskt eller engelskt sätt: ett värde i taget eller en hel kolumn.

En kolumn tolkas värde för värde bland de olika värdena i kolumnen
(:func:`unika`), så att en lång fil med få olika värden går fort.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd

from tryggaplatser.formatering import formatera_tal
from tryggaplatser.rapport import Radlogg

_RE_ENKEL = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
_RE_TAL = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_RE_MELLANRUM = re.compile(r"[\s\u00a0\u202f\u2009]")


def unika(s: pd.Series | tuple[np.ndarray, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Kolumnens olika värden och, för varje cell, platsen för dess värde bland dem.

    Får kolumnen redan som ``(platser, värden)`` lämnas den som den är.

    Exempel
    -------
    >>> koder, varden = unika(pd.Series(["a", "b", "a"], dtype=object))
    >>> koder.tolist(), varden.tolist()
    ([0, 1, 0], ['a', 'b'])
    """
    if isinstance(s, tuple):
        return s
    koder, varden = pd.factorize(s.to_numpy(dtype=object), use_na_sentinel=False)
    return koder, np.asarray(varden, dtype=object)


def tolka_tal(varde: object) -> float:
    """Tolka ett tal skrivet på svenskt eller engelskt sätt.

    Decimalkomma och decimalpunkt godtas.
    Mellanslag (även hårda och smala) som tusentalsavgränsare tas bort.
    Minustecknet får vara ``-`` eller ``−``.

    Parametrar
    ----------
    varde : str or float
        Värdet från filen.

    Returnerar
    ----------
    float
        Talet, eller ``nan`` om cellen är tom.

    Fel
    ---
    ValueError
        Om värdet inte är ett ändligt tal (text, ``inf`` eller ett tal som är
        för stort för att räkna med, som ``1e400``).

    Exempel
    -------
    >>> tolka_tal("1,25")
    1.25
    >>> tolka_tal("12 345,5")
    12345.5
    >>> tolka_tal("−0,5")
    -0.5
    >>> tolka_tal("")
    nan
    """
    if varde is None:
        return math.nan
    if isinstance(varde, bool):
        raise ValueError(f"{varde!r} är inget tal")
    if isinstance(varde, (int, float, np.integer, np.floating)):
        x = float(varde)
    else:
        text = str(varde).strip()
        if not text:
            return math.nan
        if text.lower().lstrip("+-\u2212") in ("inf", "infinity", "oändligt", "∞"):
            raise ValueError(f"”{varde}” är oändligt, för stort för att räkna med")
        if _RE_ENKEL.fullmatch(text):
            x = float(text.replace(",", "."))
        else:
            text = _RE_MELLANRUM.sub("", text).replace("\u2212", "-")
            if "," in text and "." in text:
                # 1.234,5 (punkt som tusental) eller 1,234.5 (komma som tusental)
                if text.rfind(",") > text.rfind("."):
                    text = text.replace(".", "").replace(",", ".")
                else:
                    text = text.replace(",", "")
            else:
                text = text.replace(",", ".")
            if not _RE_TAL.fullmatch(text):
                raise ValueError(f"”{varde}” är inget tal")
            x = float(text)
    if math.isinf(x):
        raise ValueError(f"”{varde}” är för stort för att räkna med")
    return x


def _eller_fel(v: object) -> float | None:
    try:
        return tolka_tal(v)
    except ValueError:
        return None


def _for_stort(v: object) -> bool:
    """Om värdet är ett tal som är oändligt eller för stort för att räkna med (``1e400``)."""
    try:
        tolka_tal(v)
    except ValueError as fel:
        return "för stort" in str(fel)
    return False


def tal_kolumn(s: pd.Series | tuple[np.ndarray, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Tolka en hel kolumn som tal, som :func:`tolka_tal` gör med ett värde.

    Returnerar
    ----------
    tuple
        Talen (``nan`` för tomma och felaktiga celler) och en boolsk vektor
        som är sann där cellen inte är tom men inte är ett ändligt tal.

    Exempel
    -------
    >>> tal, fel = tal_kolumn(pd.Series(["1,5", "", "abc", "1e400", 2], dtype=object))
    >>> tal.tolist()[:2], fel.tolist()
    ([1.5, nan], [False, False, True, True, False])
    """
    koder, varden = unika(s)
    tal = np.full(len(varden), np.nan)
    fel = np.zeros(len(varden), dtype=bool)
    # Enkla tal som 12 och 1,5 räknas om i ett svep; resten ett i taget.
    texter = [v.strip() if isinstance(v, str) else None for v in varden]
    enkla = np.array([t is not None and _RE_ENKEL.fullmatch(t) is not None for t in texter], dtype=bool)
    if enkla.any():
        tal[enkla] = np.array([texter[i].replace(",", ".") for i in np.flatnonzero(enkla)], dtype=float)
        oandliga = np.isinf(tal)  # 400 siffror blir oändligt
        fel[oandliga], tal[oandliga] = True, np.nan
    for i in np.flatnonzero(~enkla):
        x = _eller_fel(varden[i])
        if x is None:
            fel[i] = True
        else:
            tal[i] = x
    return tal[koder], fel[koder]


def ar_tal(text: str) -> bool:
    """Om en text är ett tal (används för att känna igen en rubrikrad som är data)."""
    t = _eller_fel(text)
    return t is not None and not math.isnan(t)


#: Reglerna för ett antal personer (flöden): heltal från 0, med en övre gräns mot felskrivningar.
ANTAL = {"heltal": True, "minst": 0, "hogst": 1e9, "beskrivning": "ett antal (ett heltal, minst 0)"}


def tal_med_regler(
    tabell, k, ute, anm, *, heltal=False, minst=None, hogst=None, vid_fel="ute", beskrivning="ett tal"
):
    """Tolka en kolumn som tal. vid_fel: "ute" lämnar raden utanför, "saknas" sätter NaN."""
    namn = tabell.rubriker[k]
    logg = ute if vid_fel == "ute" else anm
    svans = "" if vid_fel == "ute" else "; värdet satt som saknat"
    x, fel = tal_kolumn(tabell.unika(k))
    orsak = np.full(len(x), None, dtype=object)
    orsak[fel] = f"väntade {beskrivning}{svans}"
    koder, texter = tabell.unika_texter(k)
    for_stort = fel & np.array([_for_stort(t) for t in texter] + [False])[koder]
    orsak[for_stort] = f"väntade {beskrivning}, inte ett oändligt eller för stort tal{svans}"
    with np.errstate(invalid="ignore"):
        if heltal:
            orsak[pd.isna(orsak) & (x != np.floor(x)) & ~np.isnan(x)] = (
                f"väntade {beskrivning}, inte ett decimaltal{svans}"
            )
        if minst is not None:
            lag = (
                f"väntade {beskrivning}, inte ett negativt tal"
                if minst == 0
                else f"väntade {beskrivning} (minst {formatera_tal(minst)})"
            )
            orsak[pd.isna(orsak) & (x < minst)] = lag + svans
        if hogst is not None:
            orsak[pd.isna(orsak) & (x > hogst)] = (
                f"väntade {beskrivning} (högst {formatera_tal(hogst)}){svans}"
            )
    logg.lagg_till_per_orsak(tabell.rader, orsak, namn, {})
    return np.where(pd.isna(orsak), x, np.nan)


def las_talkolumner(tabell, val, data, ute: Radlogg, anm: Radlogg, typ: str) -> None:
    """Kolumnerna ``alder``, ``vikt`` och ``antal`` i ``data``, med handbokens regler."""
    if "alder" in val:
        data["alder"] = tal_med_regler(
            tabell,
            val["alder"],
            ute,
            anm,
            heltal=True,
            minst=0,
            hogst=120,
            vid_fel="saknas",
            beskrivning="en ålder i hela år",
        )
    if "vikt" in val:
        data["vikt"] = tal_med_regler(
            tabell, val["vikt"], ute, anm, minst=0, beskrivning="en vikt (ett tal, minst 0)"
        )
    if "antal" in val:
        k = val["antal"]
        data["antal"] = tal_med_regler(tabell, k, ute, anm, **ANTAL)
        if typ == "flode":
            ute.lagg_till(tabell.rader[tabell.tom(k)], "antal saknas", tabell.rubriker[k])
