"""Rapporten om en inläsning: vilka rader som lästes, lämnades utanför eller ändrades.

Läsarna av egna filer (:mod:`tryggaplatser.egna_filer`) och av Polisens
händelser (:mod:`tryggaplatser.polisen`) redovisar med samma klasser.
Ingen rad försvinner i tysthet: varje utelämnad rad har en orsak.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
import pandas as pd

from tryggaplatser.formatering import formatera_tal

__all__ = [
    "FilFel",
    "Inlasning",
    "Inlasningsrapport",
    "Problem",
    "Radlogg",
    "komprimera_radnummer",
    "radnummer_forklaring",
]


class FilFel(ValueError):
    """Filen går inte att använda. Meddelandet säger varför och vad som väntades."""


def radnummer_forklaring(rubrikrad: int = 1) -> str:
    """Förklaringen av radnumren i rapporter och fel.

    Exempel
    -------
    >>> radnummer_forklaring(3)
    'Radnumren räknas som i filen: rubrikraden är rad 3.'
    """
    return f"Radnumren räknas som i filen: rubrikraden är rad {rubrikrad}."


@dataclass
class Problem:
    """Ett problem på en eller flera rader.

    Attribut
    --------
    orsak : str
        Vad som var fel, på svenska.
    rader : list of int
        Radnummer som i filen.
    kolumn : str or None
        Kolumnen i filen, om problemet gäller en kolumn.
    """

    orsak: str
    rader: list[int] = field(default_factory=list)
    kolumn: str | None = None

    def text(self) -> str:
        """Problemet som en rad i rapporten.

        Exempel
        -------
        >>> Problem("datum saknas", [4, 2, 3], "Datum").text()
        'kolumnen ”Datum”: datum saknas: rad 2–4'
        """
        kol = f"kolumnen ”{self.kolumn}”: " if self.kolumn else ""
        rader = f": {komprimera_radnummer(self.rader)}" if self.rader else ""
        return f"{kol}{self.orsak}{rader}"


@dataclass
class Inlasningsrapport:
    """Vad som hände när en fil lästes in.

    Attribut
    --------
    fil : str
        Filens namn.
    typ : str
        ``"enkat"``, ``"brott"`` eller ``"flode"`` (eller ``"polisen"``).
    format : list of str
        Vad som upptäcktes om filen (avgränsare, teckenkodning, blad, skalor,
        koordinatsystem).
    rader_lasta : int
        Antal rader efter rubrikraden, tomma rader medräknade.
    utelamnade : list of Problem
        Rader som inte finns med i datan, med orsak. Tomma rader ingår.
    anmarkningar : list of Problem
        Värden som ändrades eller sattes som saknade; raderna finns kvar.
    kanda_kolumner : dict
        Kolumnnamn i filen -> handbokens namn.
    ignorerade_kolumner : list of str
        Kolumner i filen som inte används.
    rubrikrad : int
        Rubrikradens nummer i filen: 1, eller mer om filen börjar med tomma
        rader eller en titel.
    """

    fil: str
    typ: str
    format: list[str] = field(default_factory=list)
    rader_lasta: int = 0
    utelamnade: list[Problem] = field(default_factory=list)
    anmarkningar: list[Problem] = field(default_factory=list)
    kanda_kolumner: dict[str, str] = field(default_factory=dict)
    ignorerade_kolumner: list[str] = field(default_factory=list)
    rubrikrad: int = 1

    @property
    def utelamnade_rader(self) -> list[int]:
        """Alla utelämnade radnummer, sorterade."""
        return sorted({r for p in self.utelamnade for r in p.rader})

    @property
    def rader_anvandbara(self) -> int:
        """Antal rader i filen som finns med i datan."""
        return self.rader_lasta - len(self.utelamnade_rader)

    def text(self) -> str:
        """Rapporten som svensk text, en uppgift per rad.

        Exempel
        -------
        >>> r = Inlasningsrapport(fil="a.csv", typ="brott", rader_lasta=3,
        ...                       utelamnade=[Problem("tom rad", [3])])
        >>> print(r.text())
        Fil: a.csv
        Rader lästa (utan rubrikraden): 3
        Användbara rader: 2
        Utelämnade rader: 1
          - tom rad: rad 3
        Kända kolumner: inga
        Ignorerade kolumner: inga
        Radnumren räknas som i filen: rubrikraden är rad 1.
        """
        t = formatera_tal
        ut = [f"Fil: {self.fil}"]
        if self.format:
            ut.append("Format: " + ", ".join(self.format))
        ut.append(f"Rader lästa (utan rubrikraden): {t(self.rader_lasta)}")
        ut.append(f"Användbara rader: {t(self.rader_anvandbara)}")
        ut.append(f"Utelämnade rader: {t(len(self.utelamnade_rader))}")
        ut += [f"  - {p.text()}" for p in self.utelamnade]
        if self.anmarkningar:
            ut.append("Anmärkningar (raderna finns kvar i datan):")
            ut += [f"  - {p.text()}" for p in self.anmarkningar]
        par = [f"{fil} → {kanon}" for fil, kanon in self.kanda_kolumner.items()]
        ut.append("Kända kolumner: " + (", ".join(par) if par else "inga"))
        ut.append("Ignorerade kolumner: " + (", ".join(self.ignorerade_kolumner) or "inga"))
        ut.append(radnummer_forklaring(self.rubrikrad))
        return "\n".join(ut)


class Inlasning(NamedTuple):
    """Resultatet av en inläsning: ``data`` och ``rapport``. Går att packa upp."""

    data: pd.DataFrame
    rapport: Inlasningsrapport


class Radlogg:
    """Samlar problem per kolumn och orsak, så att rapporten kan gruppera radnummer.

    Exempel
    -------
    >>> logg = Radlogg()
    >>> logg.lagg_till(5, "datum saknas", "Datum")
    >>> logg.lagg_till([7, 6], "datum saknas", "Datum")
    >>> [p.text() for p in logg.lista()]
    ['kolumnen ”Datum”: datum saknas: rad 5–7']
    """

    def __init__(self) -> None:
        self.problem: dict[tuple[str | None, str], list[int]] = {}

    def lagg_till(self, rader: int | Iterable[int], orsak: str, kolumn: str | None = None) -> None:
        """Lägg till en rad eller flera rader (en lista eller en numpy-vektor)."""
        nya = [int(rader)] if isinstance(rader, (int, np.integer)) else [int(r) for r in rader]
        if nya:
            self.problem.setdefault((kolumn, orsak), []).extend(nya)

    def lagg_till_per_orsak(
        self, rader: np.ndarray, orsak: np.ndarray, kolumn: str | None, tillagg: dict[str, str] | None = None
    ) -> None:
        """Lägg till rader grupperade per orsak; ``orsak`` har en text eller None (inget fel) per rad.

        ``tillagg`` lägger till text efter vissa orsaker, till exempel ett exempel på rätt format.
        """
        finns = pd.notna(orsak)
        for text in pd.unique(orsak[finns]):
            self.lagg_till(rader[orsak == text], text + (tillagg or {}).get(text, ""), kolumn)

    def lista(self) -> list[Problem]:
        """Problemen i den ordning de först lades till, med sorterade radnummer."""
        return [Problem(orsak, sorted(set(r)), kol) for (kol, orsak), r in self.problem.items()]


def komprimera_radnummer(rader: Iterable[int], hogst: int = 8) -> str:
    """Skriv en lista med radnummer kort, till exempel ``rad 5, 9, 12 och 40 till``.

    Följder av rader i rad skrivs som intervall (``rad 4–7``).

    Parametrar
    ----------
    rader : list of int
        Radnumren.
    hogst : int, standard 8
        Hur många nummer eller intervall som visas innan resten bara räknas.

    Exempel
    -------
    >>> komprimera_radnummer([5])
    'rad 5'
    >>> komprimera_radnummer([9, 5])
    'rad 5 och 9'
    >>> komprimera_radnummer([4, 5, 6, 7, 10])
    'rad 4–7 och 10'
    >>> komprimera_radnummer([2, 5, 9, 12, 15, 20, 22], hogst=3)
    'rad 2, 5, 9 och 4 till'
    """
    nummer = sorted(set(int(r) for r in rader))
    if not nummer:
        return "inga rader"
    grupper: list[list[int]] = []
    for r in nummer:
        if grupper and r == grupper[-1][-1] + 1:
            grupper[-1].append(r)
        else:
            grupper.append([r])
    # En följd av tre eller fler skrivs som intervall; två i följd som två tal.
    delar: list[str] = []
    for g in grupper[:hogst]:
        delar += [f"{g[0]}–{g[-1]}"] if len(g) >= 3 else [str(r) for r in g]
    rest = sum(len(g) for g in grupper[hogst:])
    if rest:
        return "rad " + ", ".join(delar) + f" och {formatera_tal(rest)} till"
    if len(delar) == 1:
        return f"rad {delar[0]}"
    return "rad " + ", ".join(delar[:-1]) + " och " + delar[-1]
