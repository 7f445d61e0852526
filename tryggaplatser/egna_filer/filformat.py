"""Från fil till tabell: teckenkodning, avgränsare, Excel-blad och rubrikrad.

Resultatet är en :class:`Tabell` med rubrikerna och en kolumn med råa
celler per rubrik. Radnumren är filens egna. Rader ovanför rubrikraden
(titel, anteckningar) och tomma rader räknas och redovisas.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from tryggaplatser.rapport import FilFel, Problem

from .rubriker import SYNONYM, tolka_rubrik
from .tal import ar_tal

__all__ = ["Tabell", "las_tabell"]

#: Så många rader med innehåll överst i filen kan vara titel och anteckningar.
TITELRADER_HOGST = 20


@dataclass
class Tabell:
    """En fil som rubriker och kolumner med råa celler (text, eller tal och datum från Excel).

    Varje kolumn lagras som sina olika värden och, för varje rad, platsen för
    radens värde bland dem (``pandas.factorize``): tolkningen av en kolumn med
    200 000 rader men 1 000 olika datum görs 1 000 gånger, inte 200 000.
    """

    namn: str
    rubriker: list[str]
    rubrikrad: int
    rader: np.ndarray
    unika_varden: list[tuple[np.ndarray, np.ndarray]]
    format: list[str]
    excel: bool = False
    tomma: list[int] = field(default_factory=list)
    for_langa: list[tuple[int, int]] = field(default_factory=list)
    titelrader: list[tuple[int, str]] = field(default_factory=list)
    anmarkningar: list[Problem] = field(default_factory=list)
    _texter: dict[int, np.ndarray] = field(default_factory=dict, repr=False)

    def unika(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Kolumnens olika råa värden och, för varje rad, platsen för radens värde bland dem."""
        return self.unika_varden[k]

    def unika_texter(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Som :meth:`unika`, men med värdena som text utan blanksteg runt (tal från Excel utan ``.0``)."""
        koder, varden = self.unika_varden[k]
        if k not in self._texter:
            self._texter[k] = np.array([_som_text(v) for v in varden] + [""], dtype=object)[:-1]
        return koder, self._texter[k]

    def text(self, k: int) -> pd.Series:
        """Kolumnens celler som text utan blanksteg runt."""
        koder, texter = self.unika_texter(k)
        return pd.Series(texter[koder], dtype=object)

    def titeltips(self) -> str:
        """Ett tips om rubrikraden ser ut som en titel: ett enda namn i en bredare rad."""
        namn = [r for r in self.rubriker if r]
        if len(namn) == 1 and len(self.rubriker) > 1:
            return (
                f" Rad {self.rubrikrad} lästes som rubrikrad men har bara ett namn (”{namn[0]}”). "
                "Är det en titel? Ta bort raderna ovanför kolumnnamnen så att de står överst."
            )
        return ""

    def tom(self, k: int) -> np.ndarray:
        """Sant där cellen är tom eller bara har blanksteg."""
        koder, texter = self.unika_texter(k)
        return (texter == "")[koder] if len(texter) else np.zeros(len(koder), dtype=bool)


def _som_text(v: object) -> str:
    if isinstance(v, str):
        return v.strip()
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, dt.datetime) and v.time() == dt.time(0):
        return v.date().isoformat()
    return str(v).strip()


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
        try:
            return data[3:].decode("utf-8"), "UTF-8 med BOM"
        except UnicodeDecodeError:
            raise FilFel(
                f"Filen {namn} börjar som UTF-8 men har tecken som inte är UTF-8. "
                "Spara den igen som CSV (UTF-8) eller .xlsx."
            ) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            raise FilFel(
                f"Filen {namn} börjar som UTF-16 men går inte att läsa som UTF-16. "
                "Spara den igen som CSV (UTF-8) eller .xlsx."
            ) from None
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
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        raise FilFel(
            f"Filen {namn} går inte att läsa som text: den är varken UTF-8 eller "
            "Windows-1252. Spara den som CSV (UTF-8) eller .xlsx."
        ) from None


def _ser_binar_ut(text: str) -> bool:
    prov = text[:100_000]
    if not prov:
        return False
    kontroll = sum(1 for c in prov if (ord(c) < 32 and c not in "\t\r\n") or 0x7F <= ord(c) < 0xA0)
    konstiga = sum(1 for c in prov if c in "\x81\x8d\x8f\x90\x9d")
    return (kontroll + konstiga) / len(prov) > 0.01


# En fil som kolumner: cellerna per kolumn (tomma celler är ""), radnumren och antalet fält per rad.
_Kolumner = tuple[list[np.ndarray], list[int], np.ndarray]
_OVANLIGA_RADSLUT = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def _till_kolumner(rader: list[list[object]], nummer: list[int]) -> _Kolumner:
    falt = np.fromiter(map(len, rader), dtype=np.int64, count=len(rader))
    kolumner = [np.array(k + ("",), dtype=object)[:-1] for k in itertools.zip_longest(*rader, fillvalue="")]
    return kolumner, nummer, falt


def _snabb_csv(text: str, avgransare: str) -> _Kolumner | None:
    """Utan citattecken är varje rad i filen en rad i tabellen: pandas delar upp den (snabbt)."""
    if '"' in text or _OVANLIGA_RADSLUT.search(text):
        return None
    linjer = text.splitlines()
    falt = np.fromiter((linje.count(avgransare) + 1 for linje in linjer), dtype=np.int64, count=len(linjer))
    try:
        df = pd.read_csv(
            io.StringIO(text), sep=avgransare, header=None, names=range(int(falt.max())), dtype=object,
            na_filter=False, skip_blank_lines=False, engine="c", quoting=csv.QUOTE_NONE,
        )  # fmt: skip
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError):
        return None
    if len(df) != len(linjer):
        return None
    falt[np.array([not linje for linje in linjer], dtype=bool)] = 0
    return [df[k].to_numpy(dtype=object) for k in df.columns], list(range(1, len(linjer) + 1)), falt


def _utan_parenteser(rad: str) -> str:
    return re.sub(r"\([^()]*\)", "", rad)


def _las_csv(data: bytes, namn: str) -> tuple[_Kolumner, list[str]]:
    text, kodning = _avkoda(data, namn)
    if _ser_binar_ut(text):
        raise FilFel(
            f"Filen {namn} ser inte ut som en CSV-fil: den innehåller många styrtecken. "
            "Väntade en textfil med rubrikrad och värden åtskilda av semikolon eller komma."
        )
    # Avgränsaren är det tecken som finns på flest av de första raderna (utanför parenteser),
    # så att en titel som "Koordinater i RT 90 2,5 gon V" eller ett kommatecken i
    # "Kön (1=Man, 2=Kvinna)" inte gör att filen delas upp fel. Vid lika: semikolon före
    # tabb före komma. Utan avgränsare har filen en enda kolumn.
    forsta = [_utan_parenteser(r) for r in itertools.islice(filter(str.strip, text.splitlines()), 50)]
    antal = {t: sum(t in r for r in forsta) for t in ";\t,"}
    namn = {";": "semikolonavgränsad", "\t": "tabbavgränsad", ",": "kommaavgränsad"}
    avgransare = max(";\t,", key=lambda t: antal[t])  # max ger det första vid lika
    avg_namn = namn[avgransare] if antal[avgransare] else "en kolumn utan avgränsare"
    fmt = [f"CSV, {avg_namn}", f"teckenkodning {kodning}"]
    snabb = _snabb_csv(text, avgransare)
    if snabb is not None:
        return snabb, fmt
    lasare = csv.reader(io.StringIO(text, newline=""), delimiter=avgransare)
    rader: list[list[object]] = []
    nummer: list[int] = []
    foregaende = 0
    try:
        for celler in lasare:
            rader.append(celler)
            nummer.append(foregaende + 1)
            foregaende = lasare.line_num
    except csv.Error as fel:
        raise FilFel(
            f"Filen {namn} kunde inte delas upp i kolumner på rad {foregaende + 1}: {fel}."
        ) from None
    return _till_kolumner(rader, nummer), fmt


def _las_xlsx(data: bytes, namn: str) -> tuple[_Kolumner, list[str], list[tuple[int, int, int, int]]]:
    import openpyxl

    try:
        bok = openpyxl.load_workbook(io.BytesIO(data), read_only=False, data_only=True)
        blad = bok.worksheets[0]
        rader = [["" if c is None else c for c in celler] for celler in blad.iter_rows(values_only=True)]
        sammanslagna = [(r.min_row, r.max_row, r.min_col, r.max_col) for r in blad.merged_cells.ranges]
    except Exception as fel:  # noqa: BLE001 - en trasig fil kan ge många olika fel i openpyxl
        raise FilFel(
            f"Filen {namn} går inte att öppna som Excel-fil (.xlsx): "
            f"{_kort_fel(fel)}. Spara om den från Excel som .xlsx eller CSV."
        ) from None
    fmt = [f"Excel (.xlsx), blad ”{blad.title}”"]
    if len(bok.worksheets) > 1:
        fmt.append(f"bara första bladet av {len(bok.worksheets)} lästes")
    return _till_kolumner(rader, list(range(1, len(rader) + 1))), fmt, sammanslagna


def _kort_fel(fel: Exception) -> str:
    text = " ".join(str(fel).split())[:120]
    return text or type(fel).__name__


def _tom_cell(v: object) -> bool:
    if isinstance(v, str):
        return not v.strip()
    return v is None or (isinstance(v, float) and math.isnan(v))


_RE_DATUMLIK = re.compile(r"^\s*(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{4})")


def ser_ut_som_data(v: object) -> bool:
    """Om en rubrikcell ser ut som ett värde (tal eller datum) snarare än ett namn."""
    if isinstance(v, (int, float, dt.date, dt.time)):
        return True
    text = str(v).strip()
    return bool(text) and (ar_tal(text) or bool(_RE_DATUMLIK.match(text)))


def _unika_och_tomma(kolumn: np.ndarray) -> tuple[tuple[np.ndarray, np.ndarray], np.ndarray]:
    """Kolumnens olika värden (se :class:`Tabell`) och vilka celler som är tomma."""
    koder, varden = pd.factorize(kolumn, use_na_sentinel=False)
    varden = np.asarray(varden, dtype=object)
    return (koder, varden), np.array([_tom_cell(v) for v in varden] + [True], dtype=bool)[koder]


def _hitta_rubrikrad(kolumner: list[np.ndarray], antal: np.ndarray) -> int:
    """Radindex för rubrikraden: första raden som är lika bred som datan och inte är data.

    Titlar och anteckningar överst har oftast bara en cell med innehåll.
    Bland raderna som duger väljs helst en med ett känt kolumnnamn.
    """
    innehall = np.flatnonzero(antal)[: TITELRADER_HOGST + 50]
    kandidater = []
    for pos, i in enumerate(innehall[:TITELRADER_HOGST]):
        efter = antal[innehall[pos + 1 : pos + 51]]
        bredd = float(np.median(efter)) if len(efter) else antal[i]
        celler = [k[i] for k in kolumner if not _tom_cell(k[i])]
        if antal[i] >= 2 and antal[i] >= bredd / 2 and sum(map(ser_ut_som_data, celler)) <= antal[i] / 2:
            kandidater.append(int(i))
    if not kandidater:
        return int(innehall[0])
    for i in kandidater:
        if any(tolka_rubrik(str(k[i])).grundnamn in SYNONYM for k in kolumner if not _tom_cell(k[i])):
            return i
    return kandidater[0]


def _fyll_sammanslagna(kolumner, nummer: list[int], sammanslagna, rubrikrad: int, rubriker) -> list[Problem]:
    """Fyll sammanslagna celler under rubrikraden med värdet i områdets första cell."""
    index = {nr: i for i, nr in enumerate(nummer)}
    problem = []
    for r0, r1, k0, k1 in sorted(sammanslagna):
        if r0 <= rubrikrad or r0 not in index or k0 > len(kolumner):
            continue
        varde = kolumner[k0 - 1][index[r0]]
        for k in range(k0 - 1, min(k1, len(kolumner))):
            for nr in range(r0, r1 + 1):
                if nr in index:
                    kolumner[k][index[nr]] = varde
            if r1 > r0:
                kolumn = rubriker[k] if k < len(rubriker) and rubriker[k] else f"kolumn {k + 1}"
                orsak = f"sammanslagen cell: värdet ”{_som_text(varde)}” på rad {r0} gäller raderna {r0}–{r1}"
                problem.append(Problem(orsak, list(range(r0, r1 + 1)), kolumn))
    return problem


def las_tabell(fil: object) -> Tabell:
    """Läs en CSV- eller Excel-fil till en :class:`Tabell`.

    Fel
    ---
    FilFel
        Om filen inte finns, är tom, har fel format eller inte går att dela upp.
    """
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
    sammanslagna: list = []
    excel = data.startswith(b"PK\x03\x04") or slut.endswith((".xlsx", ".xlsm"))
    if excel:
        (kolumner, nummer, falt), fmt, sammanslagna = _las_xlsx(data, namn)
    else:
        (kolumner, nummer, falt), fmt = _las_csv(data, namn)
    unika = [_unika_och_tomma(k) for k in kolumner]
    tomma = np.array([t for _, t in unika]) if unika else np.ones((0, len(nummer)), dtype=bool)
    antal = (~tomma).sum(axis=0)
    if not antal.any():
        raise FilFel(f"Filen {namn} är tom. Väntade en rubrikrad följd av minst en rad med data.")
    h = _hitta_rubrikrad(kolumner, antal)
    rubrikrad = nummer[h]
    rubriker = [_som_text(k[h]) for k in kolumner[: falt[h]]]
    anm = []
    if sammanslagna:
        anm = _fyll_sammanslagna(kolumner, nummer, sammanslagna, rubrikrad, rubriker)
        unika = [_unika_och_tomma(k) for k in kolumner]
        tomma = np.array([t for _, t in unika])
        antal = (~tomma).sum(axis=0)
    if excel:
        # Excel räknar ofta med tomma kolumner till höger: ta bort dem.
        while rubriker and not rubriker[-1] and tomma[len(rubriker) - 1, h + 1 :].all():
            rubriker.pop()
    bredd = len(rubriker)
    nummer_ = np.asarray(nummer, dtype=np.int64)
    under = np.arange(len(nummer)) > h
    med_data = under & (antal > 0)
    langa = med_data & (~tomma[bredd:]).any(axis=0) if len(kolumner) > bredd else np.zeros_like(under)
    titlar = [
        (nummer[i], " ".join(_som_text(k[i]) for k in kolumner if not _tom_cell(k[i])))
        for i in np.flatnonzero(antal[:h])
    ]
    return Tabell(
        namn=namn,
        rubriker=rubriker,
        rubrikrad=rubrikrad,
        rader=nummer_[med_data],
        unika_varden=[(koder[med_data], varden) for (koder, varden), _ in unika[:bredd]],
        format=fmt,
        excel=excel,
        tomma=nummer_[under & (antal == 0)].tolist(),
        for_langa=list(zip(nummer_[langa].tolist(), falt[langa].tolist(), strict=True)),
        titelrader=titlar,
        anmarkningar=anm,
    )
