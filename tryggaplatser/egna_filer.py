"""Inläsning av användarens egna filer: enkätsvar, brottslistor och flöden.

Filerna kommer ofta som export från ett kontorsprogram.
De kan vara semikolonavgränsade, ha decimalkomma, vara sparade som UTF-8
(med eller utan BOM) eller Windows-1252, eller vara Excel-filer (.xlsx).
Kolumnnamnen kan vara skrivna med eller utan å, ä och ö.

Alla tre inläsningsfunktionerna bygger på samma kärna och ger tillbaka
både datan och en rapport.
Rapporten säger hur många rader som lästes, hur många som går att använda
och vilka rader som lämnades utanför och varför.
Ingen rad försvinner i tysthet.
Radnummer räknas som i filen: rubrikraden är rad 1 och första dataraden är rad 2.

En fil som inte alls går att använda ger felet :class:`FilFel`.
Meddelandet säger vilken fil, vilken kolumn eller rad och vad som väntades.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from tryggaplatser._gemensamt import SVERIGE_LAT, SVERIGE_LON, SVERIGE_NORD, SVERIGE_OST, lokal_tid
from tryggaplatser.formatering import formatera_tabelltal, formatera_tal

__all__ = [
    "FilFel",
    "Inlasning",
    "Inlasningsrapport",
    "KOLUMNNAMN",
    "Problem",
    "SVARSSKALOR",
    "TRYGGHETSSKALA",
    "komprimera_radnummer",
    "las_egen_enkat",
    "las_egna_brott",
    "las_eget_flode",
    "normalisera_kolumnnamn",
    "tolka_tal",
]

RADNUMMER_FORKLARING = "Radnumren räknas som i filen: rubrikraden är rad 1."


def _radnummer_forklaring(rubrikrad: int) -> str:
    """Förklaringen av radnumren; rubrikraden är inte rad 1 om filen börjar med tomma rader."""
    return RADNUMMER_FORKLARING.replace("rad 1.", f"rad {rubrikrad}.")

SVARSSKALOR: dict[str, tuple[str, ...]] = {
    "trygghet": (
        "Mycket trygg", "Ganska trygg", "Ganska otrygg", "Mycket otrygg",
        "Går aldrig ut ensam på grund av otrygghet", "Går aldrig ut ensam av andra skäl",
    ),
    "trygghet_plats": (
        "Mycket trygg", "Ganska trygg", "Ganska otrygg", "Mycket otrygg",
        "Vistas aldrig där på kvällen",
    ),
    "oro": (
        "Inte alls", "I mycket liten utsträckning", "I ganska liten utsträckning",
        "I ganska stor utsträckning", "I mycket stor utsträckning",
    ),
    "problem": (
        "Inget problem alls", "Ganska litet problem", "Ganska stort problem",
        "Mycket stort problem",
    ),
}  # fmt: skip
"""Svarsskalorna som känns igen, samma som i Mellanstads enkät.

Varje skala går från tryggast (minst oro, minst problem) till otryggast.
De sista alternativen i ``trygghet`` och ``trygghet_plats`` (går aldrig ut,
vistas aldrig där) ligger utanför själva skalan men behålls som kategorier,
eftersom Brås mått räknar dem som går aldrig ut på grund av otrygghet som otrygga.

Svar som siffror tolkas som plats i skalan: koden 1 är första alternativet,
2 det andra och så vidare (för ``trygghet``: 1 = Mycket trygg,
4 = Mycket otrygg, 5 = Går aldrig ut ensam på grund av otrygghet).
Koderna 0, 9 och 99 och tomma celler räknas som saknade svar.
Om din leverantör kodar på annat sätt: byt till svarstext innan du läser in filen.
"""

TRYGGHETSSKALA = SVARSSKALOR["trygghet"]
"""Skalan för frågan om trygghet ute sent på kvällen (se :data:`SVARSSKALOR`)."""

_SAKNAT_SVAR = {
    "",
    "vet ej",
    "vet inte",
    "ej svar",
    "inget svar",
    "vill ej svara",
    "vill inte svara",
    "ingen uppgift",
    "uppgift saknas",
    "-",
    "na",
    "n/a",
}
_SAKNADE_KODER = {0, 9, 99}

# Kanoniskt namn -> godtagna (normaliserade) namn i filen, i prioritetsordning.
KOLUMNNAMN: dict[str, tuple[str, ...]] = {
    "tidpunkt": ("tidpunkt", "datum_och_tid", "datum_tid", "datumtid", "handelsetid"),
    "datum": ("datum", "brottsdatum", "handelsedatum", "dag"),
    "tid": ("tid", "klockslag", "klocka", "kl"),
    "id": ("id", "lopnr", "lopnummer", "arendenummer", "arendenr", "respondent", "respondentid"),
    "brottstyp": ("brottstyp", "brott", "handelsetyp", "typ"),
    "brottskategori": ("brottskategori", "kategori", "brottsgrupp"),
    "ost": ("ost", "x", "e", "easting", "x_koordinat", "sweref_x", "sweref99_x"),
    "nord": ("nord", "y", "n", "northing", "y_koordinat", "sweref_y", "sweref99_y"),
    "lat": ("lat", "latitud", "latitude"),
    "lon": ("lon", "long", "lng", "longitud", "longitude"),
    "kon": ("kon",),
    "alder": ("alder",),
    "aldersgrupp": ("aldersgrupp", "aldersklass"),
    "omrade": ("omrade", "stadsdel", "bostadsomrade"),
    "vikt": ("vikt", "vikter", "viktning"),
    "antal": ("antal", "antal_personer", "besokare", "passager"),
    "raknare": ("raknare", "matpunkt", "sensor"),
    "plats": ("plats", "adress", "platsnamn"),
}
"""Kolumner som inläsningen känner igen: handbokens namn och de namn som godtas i filen.

Namnen i filen jämförs efter :func:`normalisera_kolumnnamn`, så ``Öst``,
``ÖST`` och `` ost `` räknas som samma namn.
"""

_SYNONYM = {namn: kanon for kanon, namnen in KOLUMNNAMN.items() for namn in namnen}

# Rimliga värden i Sverige (samma gränser som datapaketets scheman).
_LAT, _LON, _OST, _NORD = SVERIGE_LAT, SVERIGE_LON, SVERIGE_OST, SVERIGE_NORD


def _intervall(granser: tuple[float, float]) -> str:
    """Gränserna som text i meddelandena, till exempel ``54,96–69,07``."""
    return f"{formatera_tabelltal(granser[0])}–{formatera_tabelltal(granser[1])}"


_KON = {
    "kvinna": "Kvinna",
    "k": "Kvinna",
    "kvinnor": "Kvinna",
    "female": "Kvinna",
    "f": "Kvinna",
    "man": "Man",
    "m": "Man",
    "män": "Man",
    "male": "Man",
    "annat": "Annat",
    "annan": "Annat",
    "icke-binar": "Annat",
    "icke-binär": "Annat",
}


class FilFel(ValueError):
    """Filen går inte att använda. Meddelandet säger varför och vad som väntades."""


@dataclass
class Problem:
    """Ett problem på en eller flera rader.

    Attribut
    --------
    orsak : str
        Vad som var fel, på svenska.
    rader : list of int
        Radnummer som i filen (rubrikraden är rad 1).
    kolumn : str or None
        Kolumnen i filen, om problemet gäller en kolumn.
    """

    orsak: str
    rader: list[int] = field(default_factory=list)
    kolumn: str | None = None


@dataclass
class Inlasningsrapport:
    """Vad som hände när en fil lästes in.

    Attribut
    --------
    fil : str
        Filens namn.
    typ : str
        ``"enkat"``, ``"brott"`` eller ``"flode"``.
    format : list of str
        Vad som upptäcktes om filen (avgränsare, teckenkodning, blad).
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
        Rubrikradens nummer i filen: 1, eller mer om filen börjar med tomma rader.
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
        """Antal rader som finns med i datan."""
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
        for p in self.utelamnade:
            ut.append(f"  - {_beskriv(p)}")
        if self.anmarkningar:
            ut.append("Anmärkningar (raderna finns kvar i datan):")
            for p in self.anmarkningar:
                ut.append(f"  - {_beskriv(p)}")
        if self.kanda_kolumner:
            par = [f"{fil} → {kanon}" for fil, kanon in self.kanda_kolumner.items()]
            ut.append("Kända kolumner: " + ", ".join(par))
        else:
            ut.append("Kända kolumner: inga")
        ign = ", ".join(self.ignorerade_kolumner) if self.ignorerade_kolumner else "inga"
        ut.append(f"Ignorerade kolumner: {ign}")
        ut.append(_radnummer_forklaring(self.rubrikrad))
        return "\n".join(ut)


class Inlasning(NamedTuple):
    """Resultatet av en inläsning: ``data`` och ``rapport``. Går att packa upp."""

    data: pd.DataFrame
    rapport: Inlasningsrapport


def _beskriv(p: Problem) -> str:
    kol = f"kolumnen ”{p.kolumn}”: " if p.kolumn else ""
    rader = f": {komprimera_radnummer(p.rader)}" if p.rader else ""
    return f"{kol}{p.orsak}{rader}"


# ---------------------------------------------------------------------------
# Små tolkningsregler (publika, så att de kan testas och återanvändas)


def normalisera_kolumnnamn(namn: object) -> str:
    """Gör ett kolumnnamn jämförbart: små bokstäver, utan å/ä/ö, med understreck.

    Parametrar
    ----------
    namn : str
        Kolumnnamnet som det står i filen.

    Returnerar
    ----------
    str
        Namnet med små bokstäver, å/ä → a, ö → o, é → e och allt som inte är
        bokstav eller siffra ersatt med ett understreck. Funktionen är
        idempotent: att normalisera två gånger ger samma resultat.

    Exempel
    -------
    >>> normalisera_kolumnnamn("  Åldersgrupp ")
    'aldersgrupp'
    >>> normalisera_kolumnnamn("ÖST")
    'ost'
    >>> normalisera_kolumnnamn("Datum och tid")
    'datum_och_tid'
    """
    text = str(namn).replace("\ufeff", "").strip().lower()
    for fran, till in (("å", "a"), ("ä", "a"), ("ö", "o"), ("é", "e"), ("ü", "u")):
        text = text.replace(fran, till)
    text = re.sub(r"[^0-9a-z]+", "_", text)
    return text.strip("_")


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
        Om värdet inte är ett tal.

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
        return float(varde)
    text = str(varde).strip()
    if not text:
        return math.nan
    text = re.sub(r"[\s\u00a0\u202f\u2009]", "", text).replace("\u2212", "-")
    if "," in text and "." in text:
        # 1.234,5 (punkt som tusental) eller 1,234.5 (komma som tusental)
        if text.rfind(",") > text.rfind("."):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    else:
        text = text.replace(",", ".")
    if not re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", text):
        raise ValueError(f"”{varde}” är inget tal")
    return float(text)


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

    def skriv(g: list[int]) -> str:
        if len(g) >= 3:
            return f"{g[0]}–{g[-1]}"
        return ", ".join(str(r) for r in g)

    visade = grupper[:hogst]
    delar = [skriv(g) for g in visade]
    rest = sum(len(g) for g in grupper[hogst:])
    if rest:
        text = ", ".join(delar) + f" och {formatera_tal(rest)} till"
    elif len(delar) == 1:
        text = delar[0]
        if ", " in text:  # två rader i följd: "5, 6" -> "5 och 6"
            text = " och ".join(text.split(", "))
    else:
        # sista gruppen kan bestå av två tal; dela upp så att "och" hamnar rätt
        platt = ", ".join(delar).split(", ")
        text = ", ".join(platt[:-1]) + " och " + platt[-1]
    return f"rad {text}"


# ---------------------------------------------------------------------------
# Läsning av filen till en tabell med textceller


@dataclass
class _Tabell:
    namn: str
    rubriker: list[str]
    rubrikrad: int
    rader: list[tuple[int, list[object]]]
    format: list[str]
    tomma: list[int]
    for_langa: list[int]


def _filnamn(fil: object) -> str:
    if isinstance(fil, (str, Path)):
        return str(fil)
    return str(getattr(fil, "name", "<filen>"))


def _las_bytes(fil: object, namn: str) -> bytes:
    if hasattr(fil, "read"):
        innehall = fil.read()  # type: ignore[union-attr]
        return innehall.encode("utf-8") if isinstance(innehall, str) else bytes(innehall)
    sokvag = Path(fil)  # type: ignore[arg-type]
    if not sokvag.exists():
        raise FilFel(f"Filen {namn} finns inte. Kontrollera namnet och mappen.")
    if sokvag.is_dir():
        raise FilFel(f"{namn} är en mapp, inte en fil. Ange en CSV- eller Excel-fil.")
    try:
        return sokvag.read_bytes()
    except PermissionError:
        raise FilFel(f"Filen {namn} går inte att läsa: behörighet saknas.") from None
    except OSError as fel:
        raise FilFel(f"Filen {namn} går inte att läsa ({fel.strerror}).") from None


def _avkoda(data: bytes, namn: str) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "UTF-8 med BOM"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "UTF-16"
    if b"\x00" in data:
        raise FilFel(
            f"Filen {namn} är varken en textfil (CSV) eller en Excel-fil (.xlsx): "
            "den innehåller binära tecken. Spara den som CSV eller .xlsx."
        )
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise FilFel(
            f"Filen {namn} går inte att läsa som text: den är varken UTF-8 eller "
            "Windows-1252. Spara den som CSV (UTF-8) eller .xlsx."
        ) from None
    return text, "Windows-1252"


def _ser_binar_ut(text: str) -> bool:
    if not text:
        return False
    kontroll = sum(1 for c in text if (ord(c) < 32 and c not in "\t\r\n") or 0x7F <= ord(c) < 0xA0)
    konstiga = sum(1 for c in text if c in "\x81\x8d\x8f\x90\x9d")
    return (kontroll + konstiga) / len(text) > 0.01


def _las_csv(data: bytes, namn: str) -> _Tabell:
    text, kodning = _avkoda(data, namn)
    if _ser_binar_ut(text):
        raise FilFel(
            f"Filen {namn} ser inte ut som en CSV-fil: den innehåller många styrtecken. "
            "Väntade en textfil med rubrikrad och värden åtskilda av semikolon eller komma."
        )
    if not text.strip():
        raise FilFel(f"Filen {namn} är tom. Väntade en rubrikrad följd av minst en rad med data.")
    # Avgränsaren avgörs av första raden med innehåll som har en avgränsare, så att en
    # titel utan avgränsare överst inte gör att filen delas upp fel.
    med_innehall = [rad for rad in text.splitlines() if rad.strip()]
    forsta = next((rad for rad in med_innehall if any(t in rad for t in ";\t,")), med_innehall[0])
    if ";" in forsta:
        avgransare, avg_namn = ";", "semikolonavgränsad"
    elif "\t" in forsta:
        avgransare, avg_namn = "\t", "tabbavgränsad"
    else:
        avgransare, avg_namn = ",", "kommaavgränsad"
    lasare = csv.reader(io.StringIO(text, newline=""), delimiter=avgransare)
    rubriker: list[str] | None = None
    rubrikrad = 0
    rader: list[tuple[int, list[object]]] = []
    tomma: list[int] = []
    for_langa: list[int] = []
    foregaende = 0
    try:
        for celler in lasare:
            start = foregaende + 1
            foregaende = lasare.line_num
            if not any(c.strip() for c in celler):
                if rubriker is not None:
                    tomma.append(start)
                continue
            if rubriker is None:
                rubriker, rubrikrad = [c.strip() for c in celler], start
                continue
            rader.append((start, list(celler)))
    except csv.Error as fel:
        raise FilFel(
            f"Filen {namn} kunde inte delas upp i kolumner på rad {foregaende + 1}: {fel}."
        ) from None
    if rubriker is None:
        raise FilFel(f"Filen {namn} är tom. Väntade en rubrikrad följd av minst en rad med data.")
    fmt = [f"CSV, {avg_namn}", f"teckenkodning {kodning}"]
    return _Tabell(namn, rubriker, rubrikrad, rader, fmt, tomma, for_langa)


def _las_xlsx(data: bytes, namn: str) -> _Tabell:
    import openpyxl

    try:
        bok = openpyxl.load_workbook(io.BytesIO(data), read_only=False, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as fel:
        raise FilFel(
            f"Filen {namn} går inte att öppna som Excel-fil (.xlsx): {fel}. "
            "Spara om den från Excel som .xlsx eller CSV."
        ) from None
    blad = bok.worksheets[0]
    fmt = [f"Excel (.xlsx), blad ”{blad.title}”"]
    if len(bok.worksheets) > 1:
        fmt.append(f"bara första bladet av {len(bok.worksheets)} lästes")
    rubriker: list[str] | None = None
    rubrikrad = 0
    rader: list[tuple[int, list[object]]] = []
    tomma: list[int] = []
    for nr, celler in enumerate(blad.iter_rows(values_only=True), start=1):
        varden = ["" if c is None else c for c in celler]
        if not any(str(v).strip() for v in varden):
            if rubriker is not None:
                tomma.append(nr)
            continue
        if rubriker is None:
            rubriker, rubrikrad = [str(v).strip() for v in varden], nr
            continue
        rader.append((nr, varden))
    if rubriker is None:
        raise FilFel(f"Filen {namn} är tom. Väntade en rubrikrad följd av minst en rad med data.")
    # Excel räknar ofta med tomma kolumner till höger: ta bort dem.
    while (
        rubriker
        and rubriker[-1] == ""
        and all(len(v) < len(rubriker) or str(v[len(rubriker) - 1]).strip() == "" for _, v in rader)
    ):
        rubriker.pop()
    return _Tabell(namn, rubriker, rubrikrad, rader, fmt, tomma, [])


def _las_tabell(fil: object) -> _Tabell:
    namn = _filnamn(fil)
    data = _las_bytes(fil, namn)
    if not data.strip():
        raise FilFel(f"Filen {namn} är tom. Väntade en rubrikrad följd av minst en rad med data.")
    slut = namn.lower()
    if slut.endswith(".xls") or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise FilFel(
            f"Filen {namn} är i det gamla Excel-formatet (.xls). "
            "Spara den som .xlsx eller CSV och försök igen."
        )
    if data.startswith(b"PK\x03\x04") or slut.endswith((".xlsx", ".xlsm")):
        return _las_xlsx(data, namn)
    return _las_csv(data, namn)


# ---------------------------------------------------------------------------
# Tolkning av kolumner


def _kanna_igen(tabell: _Tabell, rapport: Inlasningsrapport) -> dict[str, int]:
    """Kanoniskt namn -> kolumnindex. Fyller rapportens kolumnlistor."""
    sett: dict[str, int] = {}
    for i, rubrik in enumerate(tabell.rubriker):
        norm = normalisera_kolumnnamn(rubrik)
        if not norm:
            continue
        if norm in sett:
            raise FilFel(
                f"Filen {tabell.namn} har två kolumner med samma namn: "
                f"”{tabell.rubriker[sett[norm]]}” "
                f"(kolumn {sett[norm] + 1}) och ”{rubrik}” (kolumn {i + 1}). "
                "Väntade unika kolumnnamn; byt namn på eller ta bort den ena."
            )
        sett[norm] = i
    val: dict[str, int] = {}
    for kanon, namnen in KOLUMNNAMN.items():
        for n in namnen:
            if n in sett:
                val[kanon] = sett[n]
                break
    anvanda = set(val.values())
    for kanon, i in sorted(val.items(), key=lambda p: p[1]):
        rapport.kanda_kolumner[tabell.rubriker[i]] = kanon
    for i, rubrik in enumerate(tabell.rubriker):
        if i in anvanda:
            continue
        namn = rubrik if rubrik else f"(kolumn {i + 1} utan namn)"
        if not rubrik and all(_tom(_cell(v, i)) for _, v in tabell.rader):
            continue
        norm = normalisera_kolumnnamn(rubrik)
        if norm in _SYNONYM:
            kanon = _SYNONYM[norm]
            namn += f" (samma betydelse som ”{_rubrik_for(tabell, val[kanon])}”, som används)"
        rapport.ignorerade_kolumner.append(namn)
    return val


def _titeltips(tabell: _Tabell) -> str:
    """Ett tips om rubrikraden ser ut som en titel: ett enda namn, fler värden under."""
    namn = [r for r in tabell.rubriker if r]
    if len(namn) == 1 and any(sum(not _tom(v) for v in varden) > 1 for _, varden in tabell.rader):
        return (
            f" Rad {tabell.rubrikrad} lästes som rubrikrad men har bara ett namn (”{namn[0]}”). "
            "Är det en titel? Ta bort raderna ovanför kolumnnamnen så att de står överst."
        )
    return ""


def _rubrik_for(tabell: _Tabell, i: int) -> str:
    return tabell.rubriker[i]


def _cell(varden: list[object], i: int) -> object:
    return varden[i] if i < len(varden) else ""


def _tom(v: object) -> bool:
    return v is None or (isinstance(v, str) and not v.strip()) or (isinstance(v, float) and math.isnan(v))


_RE_ISO = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(?:kl\.?\s*)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$"
)
_RE_DMY = re.compile(
    r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})"
    r"(?:[ T]+(?:kl\.?\s*)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$"
)
_RE_DECIMALKOMMA = re.compile(r"^[-\u2212]?\d[\d\s\u00a0]*,\d+$")
_RE_TID = re.compile(r"^(?:kl\.?\s*)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$")


def _tolka_datum(v: object) -> tuple[dt.date, dt.time | None]:
    """Ett datum (med eller utan klockslag). ValueError med svensk orsak."""
    datum, tid = _tolka_datum_utan_kontroll(v)
    if not _FORSTA_AR <= datum.year <= _SISTA_AR:
        raise ValueError(f"årtalet {datum.year} är orimligt (väntade {_FORSTA_AR}–{_SISTA_AR})")
    return datum, tid


_FORSTA_AR, _SISTA_AR = 1900, 2100


def _tolka_datum_utan_kontroll(v: object) -> tuple[dt.date, dt.time | None]:
    if isinstance(v, dt.datetime):
        tid = v.time() if v.time() != dt.time(0) else None
        return v.date(), tid
    if isinstance(v, dt.date):
        return v, None
    text = str(v).strip()
    m = _RE_ISO.match(text)
    if m:
        ar, man, dag = int(m[1]), int(m[2]), int(m[3])
    else:
        m = _RE_DMY.match(text)
        if not m:
            raise ValueError("okänt datumformat")
        dag, man, ar = int(m[1]), int(m[2]), int(m[3])
    try:
        datum = dt.date(ar, man, dag)
    except ValueError:
        raise ValueError("datumet finns inte i kalendern") from None
    tid = None
    if m[4] is not None:
        tid = _gor_tid(int(m[4]), int(m[5]), int(m[6] or 0))
    return datum, tid


def _gor_tid(h: int, mi: int, s: int) -> dt.time:
    if h == 24 and mi == 0 and s == 0:
        raise ValueError("klockslaget 24.00 är inte tillåtet; skriv 00.00 nästa dag")
    try:
        return dt.time(h, mi, s)
    except ValueError:
        raise ValueError("klockslaget finns inte") from None


def _tolka_tid(v: object) -> dt.time:
    if isinstance(v, dt.datetime):
        return v.time()
    if isinstance(v, dt.time):
        return v
    m = _RE_TID.match(str(v).strip())
    if not m:
        raise ValueError("okänt format på klockslaget")
    return _gor_tid(int(m[1]), int(m[2]), int(m[3] or 0))


class _Radlogg:
    """Samlar problem per orsak, så att rapporten kan gruppera radnummer."""

    def __init__(self) -> None:
        self.problem: dict[tuple[str | None, str], list[int]] = {}

    def lagg_till(self, rad: int, orsak: str, kolumn: str | None = None) -> None:
        self.problem.setdefault((kolumn, orsak), []).append(rad)

    def lista(self) -> list[Problem]:
        return [Problem(orsak, sorted(r), kol) for (kol, orsak), r in self.problem.items()]


def _lokalisera(
    naiva: list[dt.datetime | None], rader: list[int], anm: _Radlogg, kolumn: str | None = None
) -> pd.Series:
    """Gör lokala klockslag till tidszonsmedvetna tider i Europe/Stockholm.

    Ett klockslag som inte finns (när klockan ställs fram till sommartid) flyttas
    en timme framåt. Ett klockslag som finns två gånger (när klockan ställs
    tillbaka) tolkas som det första, alltså sommartid. Båda fallen redovisas.
    """
    sommar, finns_ej, tvetydig = lokal_tid(naiva)
    for i in np.flatnonzero(finns_ej):
        anm.lagg_till(
            rader[i],
            "klockslaget finns inte (klockan ställs fram till sommartid); tolkat som en timme senare",
            kolumn,
        )
    for i in np.flatnonzero(tvetydig):
        anm.lagg_till(
            rader[i],
            "klockslaget finns två gånger (klockan ställs tillbaka till normaltid); "
            "tolkat som sommartid, det första av de två",
            kolumn,
        )
    return sommar


def _tidpunkter(
    tabell: _Tabell,
    val: dict[str, int],
    data: dict[str, list],
    ute: _Radlogg,
    anm: _Radlogg,
    kravs: bool,
    rapport_format: list[str],
) -> None:
    if not any(k in val for k in ("tidpunkt", "datum")):
        if kravs:
            raise FilFel(
                f"Filen {tabell.namn} saknar en kolumn med datum. Väntade en kolumn som heter "
                "Datum, Tidpunkt eller Datum och tid (med datum som 2024-03-05, "
                "2024-03-05 22:15 eller 5/3/2024). Kolumnerna i filen är: "
                + ", ".join(f"”{r}”" for r in tabell.rubriker if r)
                + "."
                + _titeltips(tabell)
            )
        return
    dk = val.get("tidpunkt", val.get("datum"))
    dnamn = tabell.rubriker[dk]
    tk = val.get("tid")
    tnamn = tabell.rubriker[tk] if tk is not None else None
    datum: list[dt.date | None] = []
    naiva: list[dt.datetime | None] = []
    har_tid = False
    utan_tid: list[int] = []
    for nr, varden in tabell.rader:
        v = _cell(varden, dk)
        if _tom(v):
            ute.lagg_till(nr, "datum saknas", dnamn)
            datum.append(None)
            naiva.append(None)
            continue
        try:
            d, t = _tolka_datum(v)
        except ValueError as fel:
            ute.lagg_till(
                nr,
                f"{fel} (väntade till exempel 2024-03-05, 2024-03-05 22:15 eller 5/3/2024)",
                dnamn,
            )
            datum.append(None)
            naiva.append(None)
            continue
        if tk is not None:
            tv = _cell(varden, tk)
            if not _tom(tv):
                try:
                    t = _tolka_tid(tv)
                except ValueError as fel:
                    anm.lagg_till(
                        nr,
                        f"{fel} (väntade till exempel 22:15 eller 22.15)",
                        tnamn,
                    )
                    t = None
        datum.append(d)
        naiva.append(dt.datetime.combine(d, t) if t is not None else None)
        if t is None:
            utan_tid.append(nr)
        har_tid = har_tid or t is not None
    data["datum"] = datum
    if har_tid:
        data["tidpunkt"] = _lokalisera(naiva, [nr for nr, _ in tabell.rader], anm, tnamn or dnamn)
        for nr in utan_tid:
            anm.lagg_till(nr, "klockslag saknas; tidpunkten saknas men datumet används", dnamn)
    else:
        rapport_format.append("inga klockslag i filen; bara datum används")


def _tal_kolumn(
    tabell: _Tabell,
    k: int,
    ute: _Radlogg,
    anm: _Radlogg,
    *,
    heltal: bool = False,
    minst: float | None = None,
    hogst: float | None = None,
    vid_fel: str = "ute",
    beskrivning: str = "ett tal",
) -> list[float]:
    """Tolka en kolumn som tal. vid_fel: "ute" lämnar raden utanför, "saknas" sätter NaN."""
    namn = tabell.rubriker[k]
    logg = ute if vid_fel == "ute" else anm
    svans = "" if vid_fel == "ute" else "; värdet satt som saknat"
    ut: list[float] = []
    for nr, varden in tabell.rader:
        v = _cell(varden, k)
        try:
            x = tolka_tal(v)
        except ValueError:
            logg.lagg_till(nr, f"väntade {beskrivning}{svans}", namn)
            ut.append(math.nan)
            continue
        if math.isnan(x):
            ut.append(x)
            continue
        fel = None
        if heltal and x != int(x):
            fel = f"väntade {beskrivning}, inte ett decimaltal"
        elif minst is not None and x < minst:
            fel = (
                f"väntade {beskrivning}, inte ett negativt tal"
                if minst == 0
                else (f"väntade {beskrivning} (minst {formatera_tal(minst)})")
            )
        elif hogst is not None and x > hogst:
            fel = f"väntade {beskrivning} (högst {formatera_tal(hogst)})"
        if fel:
            logg.lagg_till(nr, fel + svans, namn)
            x = math.nan
        ut.append(x)
    return ut


def _klassa(varden: list[float]) -> str | None:
    ok = [v for v in varden if not math.isnan(v)]
    if not ok:
        return None
    med = float(np.median(ok))
    for typ, (lo, hi) in (("lat", _LAT), ("lon", _LON), ("ost", _OST), ("nord", _NORD)):
        if lo <= med <= hi:
            return typ
    return None


def _koordinater(
    tabell: _Tabell,
    val: dict[str, int],
    data: dict[str, list],
    ute: _Radlogg,
    rapport: Inlasningsrapport,
) -> None:
    if "lat" in val or "lon" in val:
        if not ("lat" in val and "lon" in val):
            saknas = "Lon (eller Long, Lng)" if "lat" in val else "Lat"
            raise FilFel(
                f"Filen {tabell.namn} har bara en av koordinatkolumnerna: "
                f"kolumnen {saknas} saknas. "
                "Väntade både Lat och Lon (WGS84) eller både X och Y (SWEREF 99 TM)."
            )
        ka, kb = val["lat"], val["lon"]
    elif "ost" in val or "nord" in val:
        if not ("ost" in val and "nord" in val):
            saknas = "Y (eller Nord)" if "ost" in val else "X (eller Öst)"
            raise FilFel(
                f"Filen {tabell.namn} har bara en av koordinatkolumnerna: "
                f"kolumnen {saknas} saknas. "
                "Väntade både X och Y (SWEREF 99 TM) eller både Lat och Lon (WGS84)."
            )
        ka, kb = val["ost"], val["nord"]
    else:
        return
    a = _tal_kolumn(tabell, ka, ute, ute, beskrivning="en koordinat (ett tal)")
    b = _tal_kolumn(tabell, kb, ute, ute, beskrivning="en koordinat (ett tal)")
    na, nb = tabell.rubriker[ka], tabell.rubriker[kb]
    typer = {_klassa(a), _klassa(b)}
    if typer == {"lat", "lon"}:
        lat, lon = (a, b) if _klassa(a) == "lat" else (b, a)
        if "ost" in val:
            rapport.format.append(f"kolumnerna ”{na}” och ”{nb}” innehåller grader (WGS84)")
        from pyproj import Transformer

        tr = Transformer.from_crs("EPSG:4326", "EPSG:3006", always_xy=True)
        xs, ys = tr.transform(np.array(lon, dtype=float), np.array(lat, dtype=float))
        rapport.format.append("koordinater i WGS84 omräknade till SWEREF 99 TM (EPSG:3006)")
        latlon = (np.array(lat, dtype=float), np.array(lon, dtype=float))
    elif typer == {"ost", "nord"}:
        xs, ys = (a, b) if _klassa(a) == "ost" else (b, a)
        if _klassa(a) == "nord" and "ost" in val:
            konvention = " (lantmäterikonventionen x = norr)" if normalisera_kolumnnamn(na)[:1] == "x" else ""
            rapport.format.append(f"kolumnen ”{na}” innehåller nordvärden{konvention}; tolkad som norr")
        rapport.format.append("koordinater i SWEREF 99 TM (EPSG:3006)")
        from pyproj import Transformer

        tr = Transformer.from_crs("EPSG:3006", "EPSG:4326", always_xy=True)
        lon_, lat_ = tr.transform(np.array(xs, dtype=float), np.array(ys, dtype=float))
        latlon = (np.asarray(lat_), np.asarray(lon_))
    elif typer == {None}:
        return  # alla koordinater saknas eller är fel; redan rapporterat per rad
    else:
        raise FilFel(
            f"Filen {tabell.namn}: koordinaterna i kolumnerna ”{na}” och ”{nb}” "
            "går inte att tolka. "
            f"Väntade antingen SWEREF 99 TM i meter (öst {_intervall(_OST)}, "
            f"nord {_intervall(_NORD)}) eller WGS84 i grader "
            f"(lat {_intervall(_LAT)}, lon {_intervall(_LON)})."
        )
    xs = np.asarray(xs, dtype=float)
    ys = np.asarray(ys, dtype=float)
    lat_arr, lon_arr = latlon
    for i, (nr, _) in enumerate(tabell.rader):
        if math.isnan(xs[i]) or math.isnan(ys[i]):
            if not (math.isnan(a[i]) and math.isnan(b[i])):
                continue  # redan rapporterad som felaktig
            continue
        if not (_LAT[0] <= lat_arr[i] <= _LAT[1] and _LON[0] <= lon_arr[i] <= _LON[1]):
            ute.lagg_till(
                nr,
                f"koordinaten ligger utanför Sverige (väntade lat {_intervall(_LAT)} och "
                f"lon {_intervall(_LON)}, EPSG:3006:s område)",
                f"{na}/{nb}",
            )
            xs[i] = ys[i] = math.nan
    data["ost"] = list(xs)
    data["nord"] = list(ys)


def _text_kolumn(tabell: _Tabell, k: int) -> list[object]:
    ut: list[object] = []
    for _, varden in tabell.rader:
        v = _cell(varden, k)
        ut.append(pd.NA if _tom(v) else " ".join(str(v).split()))
    return ut


def _normalisera_svar(v: object) -> str:
    """Gemener, utan å/ä/ö och skiljetecken; "pga" skrivs ut."""
    t = " ".join(normalisera_kolumnnamn(v).split("_"))
    t = re.sub(r"\bp ?g ?a\b", "pa grund av", t)
    return t


_SVAR_TEXT = {
    namn: {_normalisera_svar(alt): alt for alt in alternativ} for namn, alternativ in SVARSSKALOR.items()
}


def _visa(v: object) -> str:
    return " ".join(str(v).split()).lower()


_SAKNAT_SVAR_NORM = {_normalisera_svar(t) for t in _SAKNAT_SVAR} | {""}
_KON_NORM = {_normalisera_svar(t): kon for t, kon in _KON.items()}
_SKALA_FRAN_NAMN = (("trygg", "trygghet"), ("oro", "oro"), ("problem", "problem"))


def _valj_skala(tabell: _Tabell, k: int) -> str | None:
    """Vilken skala en kolumn följer, eller None om den inte är en svarskolumn."""
    varden = [_cell(v, k) for _, v in tabell.rader]
    texter = [_normalisera_svar(v) for v in varden if not _tom(v)]
    if not texter:
        return None
    traffar = {namn: sum(t in alt for t in texter) for namn, alt in _SVAR_TEXT.items()}
    basta = max(traffar, key=lambda n: traffar[n])  # vid lika: första skalan
    if traffar[basta] >= max(1, 0.5 * len(texter)):
        return basta
    norm = normalisera_kolumnnamn(tabell.rubriker[k])
    for del_, skala in _SKALA_FRAN_NAMN:
        if del_ in norm:
            return skala
    return None


def _svarskolumn(tabell: _Tabell, k: int, skala: str, anm: _Radlogg) -> pd.Categorical:
    namn = tabell.rubriker[k]
    alternativ = SVARSSKALOR[skala]
    texter = _SVAR_TEXT[skala]
    ut: list[object] = []
    for nr, varden in tabell.rader:
        v = _cell(varden, k)
        t = "" if _tom(v) else _normalisera_svar(v)
        if t in _SAKNAT_SVAR_NORM:
            if t:
                anm.lagg_till(nr, f"svaret ”{_visa(v)}” räknas som saknat svar", namn)
            ut.append(None)
            continue
        if t in texter:
            ut.append(texter[t])
            continue
        try:
            kod = tolka_tal(v)
        except ValueError:
            kod = math.nan
        if math.isfinite(kod) and kod == int(kod):
            if 1 <= kod <= len(alternativ):
                ut.append(alternativ[int(kod) - 1])
                continue
            if kod in _SAKNADE_KODER:
                ut.append(None)
                continue
        anm.lagg_till(
            nr,
            f"okänt svar (väntade {', '.join(alternativ)} eller koderna 1–{len(alternativ)}); "
            "satt som saknat svar",
            namn,
        )
        ut.append(None)
    return pd.Categorical(ut, categories=list(alternativ), ordered=True)


# ---------------------------------------------------------------------------
# Gemensam kärna


def _las(fil: object, typ: str, svarskolumner: Iterable[str] | dict[str, str] | None = None) -> Inlasning:
    tabell = _las_tabell(fil)
    rapport = Inlasningsrapport(
        fil=tabell.namn, typ=typ, format=list(tabell.format), rubrikrad=tabell.rubrikrad
    )
    rapport.rader_lasta = len(tabell.rader) + len(tabell.tomma)
    if not tabell.rader:
        raise FilFel(
            f"Filen {tabell.namn} har bara en rubrikrad (rad {tabell.rubrikrad}) "
            "och inga rader med data. Väntade minst en rad med data under rubrikerna."
        )
    if tabell.rubrikrad > 1:
        rapport.format.append(f"rubrikraden är rad {tabell.rubrikrad} (tomma rader före den)")
    # Rubrikraden ska vara namn, inte data.
    if sum(_ser_ut_som_data(r) for r in tabell.rubriker if r) > len(tabell.rubriker) / 2:
        raise FilFel(
            f"Filen {tabell.namn}: rad {tabell.rubrikrad} ser ut som data, inte som rubriker "
            f"({', '.join(tabell.rubriker[:4])} ...). Väntade en rubrikrad med kolumnnamn "
            "som Datum, Brottstyp eller Kön överst i filen."
        )
    val = _kanna_igen(tabell, rapport)
    if any(
        isinstance(c, str) and _RE_DECIMALKOMMA.match(c.strip()) for _, varden in tabell.rader for c in varden
    ):
        rapport.format.append("decimalkomma")
    ute, anm = _Radlogg(), _Radlogg()
    for nr in tabell.tomma:
        ute.lagg_till(nr, "tom rad")
    antal_kol = len(tabell.rubriker)
    for nr, varden in tabell.rader:
        extra = [v for v in varden[antal_kol:] if not _tom(v)]
        if extra:
            ute.lagg_till(
                nr,
                f"raden har fler värden ({len(varden)}) än rubrikraden har kolumner ({antal_kol})",
            )
    data: dict[str, list] = {"rad": [nr for nr, _ in tabell.rader]}

    _tidpunkter(tabell, val, data, ute, anm, kravs=typ in ("brott", "flode"), rapport_format=rapport.format)
    _koordinater(tabell, val, data, ute, rapport)

    for k in ("brottskategori", "brottstyp"):
        if k in val:
            data[k] = _text_kolumn(tabell, val[k])
    if "id" in val:
        data["id"] = _text_kolumn(tabell, val["id"])
    for k in ("plats", "omrade", "raknare", "aldersgrupp"):
        if k in val:
            data[k] = _text_kolumn(tabell, val[k])
    if "kon" in val:
        namn = tabell.rubriker[val["kon"]]
        kon: list[object] = []
        for nr, varden in tabell.rader:
            v = _cell(varden, val["kon"])
            t = "" if _tom(v) else _normalisera_svar(v)
            if t in _SAKNAT_SVAR_NORM:
                kon.append(None)
            elif t in _KON_NORM:
                kon.append(_KON_NORM[t])
            else:
                anm.lagg_till(nr, "okänt värde (väntade Kvinna, Man eller Annat); satt som saknat", namn)
                kon.append(None)
        data["kon"] = kon
    if "alder" in val:
        data["alder"] = _tal_kolumn(
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
        data["vikt"] = _tal_kolumn(
            tabell, val["vikt"], ute, anm, minst=0, beskrivning="en vikt (ett tal, minst 0)"
        )
    if "antal" in val:
        data["antal"] = _tal_kolumn(
            tabell,
            val["antal"],
            ute,
            anm,
            heltal=True,
            minst=0,
            hogst=1e9,
            beskrivning="ett antal (ett heltal, minst 0)",
        )
        if typ == "flode":
            namn = tabell.rubriker[val["antal"]]
            for (nr, varden), x in zip(tabell.rader, data["antal"], strict=True):
                if math.isnan(x) and _tom(_cell(varden, val["antal"])):
                    ute.lagg_till(nr, "antal saknas", namn)

    if typ == "enkat":
        onskade: dict[str, str | None] | None = None
        if svarskolumner is not None:
            if isinstance(svarskolumner, dict):
                par = list(svarskolumner.items())
            else:
                par = [(namn, None) for namn in svarskolumner]
            for _, skala in par:
                if skala is not None and skala not in SVARSSKALOR:
                    raise ValueError(f"Okänd svarsskala {skala!r}; välj bland {', '.join(SVARSSKALOR)}.")
            onskade = {normalisera_kolumnnamn(n): skala for n, skala in par}
            finns = {normalisera_kolumnnamn(r) for r in tabell.rubriker}
            saknas = sorted(set(onskade) - finns)
            if saknas:
                raise FilFel(
                    f"Filen {tabell.namn} saknar svarskolumnen {', '.join(saknas)}. "
                    "Kolumnerna i filen är: " + ", ".join(f"”{r}”" for r in tabell.rubriker) + "."
                )
        svar = []
        for i, rubrik in enumerate(tabell.rubriker):
            if i in val.values() or not rubrik:
                continue
            norm = normalisera_kolumnnamn(rubrik)
            if onskade is not None:
                if norm not in onskade:
                    continue
                skala = onskade[norm] or _valj_skala(tabell, i) or "trygghet"
            else:
                skala = _valj_skala(tabell, i)
            if skala:
                kanon = norm
                while kanon in data:
                    kanon += "_svar"
                data[kanon] = _svarskolumn(tabell, i, skala, anm)
                rapport.kanda_kolumner[rubrik] = f"{kanon} (svar, skala {skala})"
                if rubrik in rapport.ignorerade_kolumner:
                    rapport.ignorerade_kolumner.remove(rubrik)
                svar.append(kanon)
        if not svar:
            raise FilFel(
                f"Filen {tabell.namn} har ingen kolumn med enkätsvar. Väntade minst en kolumn "
                "med svar som Mycket trygg, Ganska trygg, Ganska otrygg och Mycket otrygg "
                "(eller en annan av handbokens svarsskalor), eller koderna 1–4 i en kolumn "
                "vars namn innehåller ”trygg”."
                + _titeltips(tabell)
            )
    if typ == "flode" and "antal" not in val:
        raise FilFel(
            f"Filen {tabell.namn} saknar kolumnen Antal. Väntade en kolumn Antal med antalet "
            "passerande per tidsperiod (heltal, minst 0)."
        )

    df = pd.DataFrame(data)
    for k in ("brottskategori", "brottstyp"):
        if k in df:
            df[k] = df[k].astype("category")
    if "id" in df:
        df["id"] = df["id"].astype("string")
    if "kon" in df:
        df["kon"] = pd.Categorical(df["kon"], categories=["Kvinna", "Man", "Annat"])
    for k in ("plats", "omrade", "raknare", "aldersgrupp"):
        if k in df:
            df[k] = df[k].astype("string")
    if "alder" in df:
        df["alder"] = df["alder"].astype("Int64")
    if "antal" in df:
        df["antal"] = df["antal"].astype("Int64")
    rapport.utelamnade = ute.lista()
    rapport.anmarkningar = anm.lista()
    bort = set(rapport.utelamnade_rader)
    df = df[~df["rad"].isin(bort)].reset_index(drop=True)
    if "datum" in df:
        df["datum"] = pd.to_datetime(df["datum"]).dt.date
    if "tidpunkt" in df:
        df["tidpunkt"] = df["tidpunkt"].dt.as_unit("us")  # samma enhet som Mellanstads data
    if "tidpunkt" in df and "datum" in df:
        df = df[["rad", "tidpunkt", *[c for c in df.columns if c not in ("rad", "tidpunkt")]]]
    if df.empty:
        raise FilFel(
            f"Filen {tabell.namn}: ingen rad går att använda. "
            + "; ".join(_beskriv(p) for p in rapport.utelamnade[:3])
            + ". "
            + _radnummer_forklaring(tabell.rubrikrad)
        )
    return Inlasning(df, rapport)


def _ser_ut_som_data(text: str) -> bool:
    t = text.strip()
    if not t:
        return False
    try:
        tolka_tal(t)
        return True
    except ValueError:
        pass
    try:
        _tolka_datum(t)
        return True
    except ValueError:
        return False


# ---------------------------------------------------------------------------
# Publika inläsningsfunktioner


def las_egen_enkat(fil, svarskolumner: Iterable[str] | dict[str, str] | None = None) -> Inlasning:
    """Läs en egen enkätfil, till exempel en export från en enkätleverantör.

    Parametrar
    ----------
    fil : str, pathlib.Path eller filobjekt
        CSV (semikolon eller komma, UTF-8 med eller utan BOM eller Windows-1252)
        eller Excel (.xlsx). Första raden med innehåll är rubrikraden.
    svarskolumner : list of str eller dict, valfri
        Namnen på kolumnerna med svar. Som dict anger värdet skalan
        (en nyckel i :data:`SVARSSKALOR`, till exempel ``{"F7": "oro"}``).
        Utan den räknas en kolumn som svarskolumn om minst hälften av svaren
        är alternativ i någon av skalorna, eller om namnet innehåller
        ”trygg”, ”oro” eller ”problem” (då tolkas siffror som koder).

    Returnerar
    ----------
    Inlasning
        ``(data, rapport)``. ``data`` har kolumnen ``rad`` (radnummer i filen),
        de kända kolumnerna (``kon``, ``alder``, ``aldersgrupp``, ``omrade``,
        ``vikt``, ``datum`` ...) och en ordnad kategori per svarskolumn.
        Svar som koder tolkas som plats i skalan (se :data:`SVARSSKALOR`;
        1 = Mycket trygg ... 4 = Mycket otrygg). 0, 9, 99, tomt och Vet ej
        blir saknade svar.

    Fel
    ---
    FilFel
        Om filen inte går att använda.

    Exempel
    -------
    >>> import io
    >>> fil = io.BytesIO("Kön;Ålder;Vikt;Trygg kväll\\nKvinna;34;1,25;Ganska otrygg\\n"
    ...                  "Man;71;0,8;mycket trygg \\n".encode("cp1252"))
    >>> data, rapport = las_egen_enkat(fil)
    >>> data["trygg_kvall"].tolist()
    ['Ganska otrygg', 'Mycket trygg']
    >>> data["vikt"].tolist()
    [1.25, 0.8]
    >>> rapport.rader_anvandbara
    2
    >>> rapport.kanda_kolumner["Trygg kväll"]
    'trygg_kvall (svar, skala trygghet)'
    """
    return _las(fil, "enkat", svarskolumner)


def las_egna_brott(fil) -> Inlasning:
    """Läs en egen lista med brott eller händelser, till exempel ett utdrag från polisen.

    Parametrar
    ----------
    fil : str, pathlib.Path eller filobjekt
        CSV eller Excel (.xlsx). Datum krävs (kolumnen Datum eller Tidpunkt,
        klockslag gärna i en egen kolumn Tid eller Klockslag). Koordinater i
        SWEREF 99 TM (X/Y, Öst/Nord) eller WGS84 (Lat/Lon) är valfria.

    Returnerar
    ----------
    Inlasning
        ``(data, rapport)``. ``data`` har ``rad``, ``datum`` och ``tidpunkt``
        (Europe/Stockholm, om klockslag finns), ``brottstyp`` och
        ``brottskategori`` (kategorier) och ``ost``, ``nord`` i SWEREF 99 TM
        (EPSG:3006, meter) om koordinater finns: samma namn som i
        Mellanstads brottsdata, så att kapitlens kod fungerar på egna data.
        Kolumner som heter X och Y tolkas efter värdena: nordvärden
        (6–8 miljoner) blir ``nord`` även om kolumnen heter X.

    Fel
    ---
    FilFel
        Om filen inte går att använda, till exempel om datum saknas.

    Exempel
    -------
    >>> import io
    >>> fil = io.BytesIO(b"Datum,Brottstyp,Lat,Lon\\n2024-03-05 22:15,Misshandel,60.6,15.6\\n")
    >>> data, rapport = las_egna_brott(fil)
    >>> str(data.loc[0, "tidpunkt"])
    '2024-03-05 22:15:00+01:00'
    >>> 6_700_000 < float(data.loc[0, "nord"]) < 6_750_000  # norr i SWEREF 99 TM, meter
    True
    """
    return _las(fil, "brott")


def las_eget_flode(fil) -> Inlasning:
    """Läs egna flödesmätningar (antal passerande per tidsperiod och räknare).

    Parametrar
    ----------
    fil : str, pathlib.Path eller filobjekt
        CSV eller Excel (.xlsx) med Datum (och gärna Tid) samt Antal.
        Räknare och Plats är valfria.

    Returnerar
    ----------
    Inlasning
        ``(data, rapport)``. ``antal`` är heltal (minst 0). Rader med negativt
        antal eller decimaltal lämnas utanför och redovisas.

    Fel
    ---
    FilFel
        Om filen inte går att använda.

    Exempel
    -------
    >>> import io
    >>> fil = io.BytesIO(b"Datum;Tid;R\\xe4knare;Antal\\n2024-03-05;08.00;Torget;120\\n"
    ...                  b"2024-03-05;09.00;Torget;-4\\n")
    >>> data, rapport = las_eget_flode(fil)
    >>> data["antal"].tolist()
    [120]
    >>> rapport.utelamnade[0].rader
    [3]
    """
    return _las(fil, "flode")
