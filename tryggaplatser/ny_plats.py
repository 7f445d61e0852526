"""Gör en plats av egna filer: ``python -m tryggaplatser ny-plats MAPP --brott FIL``.

En plats är en mapp med datafiler och en beskrivning, ``plats.yml`` (se
:mod:`tryggaplatser.plats`). :func:`ny_plats` läser användarens egna filer
med samma inläsning som kommandot ``kontrollera`` (``tp.las_egna_brott``,
``tp.las_egen_enkat`` och ``tp.las_eget_flode``) och skriver dem i platsens
format. Sedan läser handbokens inläsningsfunktioner dem (``tp.las_brott(mapp)``
med flera), och kapitlens notebooks kan köras på platsen.

Det som går att räkna ut ur filerna skrivs in i ``plats.yml``: åren som
brottsdatan täcker, analysåret, enkätens år och områden och områdenas namn.
Det som bara användaren vet (platsens namn, när åtgärderna började) står som
``null`` eller som en platshållare, märkt ``FYLL I``, och finns med i
rapportens numrerade lista över vad som är kvar att göra.

Ingen rad försvinner i tysthet. Rader som inläsningen lämnar utanför står i
inläsningens rapport. Rader som inte går att använda på en plats (till exempel
ett brott utan klockslag eller koordinater) lämnas också utanför och redovisas
med filens egna radnummer.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from tryggaplatser._gemensamt import (
    SVERIGE_LAT,
    SVERIGE_LON,
    SVERIGE_NORD,
    SVERIGE_OST,
    SWEREF99TM,
    TIDSZON,
)
from tryggaplatser._sokvagar import DATAMAPP
from tryggaplatser.egna_filer import (
    FilFel,
    Inlasningsrapport,
    las_egen_enkat,
    las_eget_flode,
    las_egna_brott,
)
from tryggaplatser.egna_filer.filformat import las_tabell
from tryggaplatser.formatering import formatera_tal
from tryggaplatser.mellanstad import ALDERSGRUPPER, PROBLEMFRAGOR, SKALOR
from tryggaplatser.plats import BESKRIVNING
from tryggaplatser.rapport import komprimera_radnummer as _rader

__all__ = ["FRAGOR", "NyPlatsFel", "NyPlatsRapport", "ny_plats"]

#: Handbokens enkätfrågor, i samma ordning som kolumnerna i ``enkat.csv``.
FRAGOR = ["otrygg_kvall", "oro_samhalle", "otrygg_centrum", *PROBLEMFRAGOR]

#: Ord i kolumnnamnet som visar vilken fråga en kolumn är (efter normalisering:
#: små bokstäver, utan å, ä och ö). Varje fråga har en eller flera ordgrupper;
#: alla ord i en grupp ska finnas med. Ordningen avgör: centrum före kväll.
_ORD_FOR_FRAGA: dict[str, tuple[tuple[str, ...], ...]] = {
    "otrygg_centrum": (("trygg", "centrum"),),
    "otrygg_kvall": (("trygg", "kvall"),),
    "oro_samhalle": (("oro", "samhall"), ("oro", "brottslighet")),
    "problem_nedskrapning": (("skrap",),),
    "problem_klotter": (("klotter",),),
    "problem_berusade": (("berusad",),),
    "problem_belysning": (("belysning",),),
    "problem_ungdomsgang": (("ungdom",),),
    "problem_narkotikahandel": (("narkotika",), ("knark",)),
}

#: Rollerna som ett område i användarens GeoJSON kan ha, med namnet som används
#: om filen inte ger området något namn.
GEOROLLER = {
    "atgardsomrade": "Åtgärdsområdet",
    "buffertzon": "Buffertzonen",
    "jamforelseomrade": "Jämförelseområdet",
    "studieomrade": "Studieområdet",
}
_ROLLFORKLARING = (
    "atgardsomrade (där åtgärderna görs), buffertzon (en ring runt åtgärdsområdet), "
    "jamforelseomrade (ett liknande område utan åtgärder) eller studieomrade "
    "(hela området som datan täcker)"
)

#: Brottskategori för vanliga brottstyper, samma indelning som i Mellanstads data
#: (förenklad efter kriminalstatistikens huvudgrupper). Nyckeln är typen med små bokstäver.
BROTTSKATEGORI_FOR_TYP = {
    "misshandel": "Brott mot liv och hälsa",
    "olaga hot": "Brott mot frihet och frid",
    "ofredande": "Brott mot frihet och frid",
    "rån": "Stöld, rån och häleri",
    "butiksstöld": "Stöld, rån och häleri",
    "cykelstöld": "Stöld, rån och häleri",
    "fickstöld": "Stöld, rån och häleri",
    "stöld ur fordon": "Stöld, rån och häleri",
    "skadegörelse": "Skadegörelsebrott",
    "klotter": "Skadegörelsebrott",
    "narkotikabrott": "Narkotikabrott",
}
OKAND_KATEGORI = "Övriga brott"
OKAND_TYP = "Uppgift saknas"

#: Platshållare i plats.yml när namn eller kommun inte anges.
PLATSHALLARE_NAMN = "Min plats"
PLATSHALLARE_KOMMUN = "Min kommun"

#: Filerna som ny-plats kan skriva.
PLATSFILER = (
    BESKRIVNING, "brott.csv", "omraden.geojson", "enkat.csv", "befolkning.csv",
    "flode.csv", "raknare.csv",
)  # fmt: skip


class NyPlatsFel(ValueError):
    """Platsen kan inte skapas (till exempel för att mappen inte är tom)."""


# ---------------------------------------------------------------------------
# Rapporten


def _antal(n: int, en: str, flera: str) -> str:
    """Ett antal med rätt form av ordet: ``1 rad``, ``2 rader``."""
    return f"{formatera_tal(n)} {en if n == 1 else flera}"


@dataclass
class Del:
    """Vad som hände med en av användarens filer när platsen gjordes.

    Attribut
    --------
    rubrik : str
        Vad filen innehåller, till exempel ``"Brott"``.
    fil : str
        Filen som lästes.
    inlasning : Inlasningsrapport eller None
        Inläsningens rapport (samma som kommandot ``kontrollera`` skriver).
    utelamnade : dict
        Orsak -> radnummer i filen för rader som inte kom med i platsen,
        utöver dem som inläsningen redan lämnade utanför.
    anmarkningar : list of str
        Vad som fylldes i, räknades ut eller ändrades.
    """

    rubrik: str
    fil: str
    inlasning: Inlasningsrapport | None = None
    utelamnade: dict[str, list[int]] = field(default_factory=dict)
    anmarkningar: list[str] = field(default_factory=list)

    def lamna_utanfor(self, orsak: str, rader: Iterable[int]) -> None:
        rader = [int(r) for r in rader]
        if rader:
            self.utelamnade.setdefault(orsak, []).extend(rader)

    def text(self) -> str:
        ut = [f"{self.rubrik}: {self.fil}"]
        if self.inlasning is not None:
            ut += ["  " + rad for rad in self.inlasning.text().splitlines()]
        if self.utelamnade:
            alla = {r for rader in self.utelamnade.values() for r in rader}
            ut.append(f"  Lämnades också utanför när platsen gjordes: {_antal(len(alla), 'rad', 'rader')}")
            for orsak, rader in sorted(self.utelamnade.items(), key=lambda p: min(p[1])):
                ut.append(f"    - {orsak}: {_rader(rader)}")
        for a in self.anmarkningar:
            ut.append(f"  * {a}")
        return "\n".join(ut)


@dataclass
class NyPlatsRapport:
    """Vad :func:`ny_plats` gjorde.

    Attribut
    --------
    mapp : Path
        Platsens mapp.
    delar : list of Del
        En del per fil som lästes, med inläsningens rapport.
    filer : dict
        Filnamn i platsens mapp -> antal rader (för ``omraden.geojson``: antal
        områden, för ``plats.yml``: None).
    anmarkningar : list of str
        Allmänna anmärkningar (till exempel om mappen skrevs över).
    att_gora : list of str
        Det som användaren måste fylla i eller kontrollera, i ordning.
    """

    mapp: Path
    delar: list[Del] = field(default_factory=list)
    filer: dict[str, int | None] = field(default_factory=dict)
    anmarkningar: list[str] = field(default_factory=list)
    att_gora: list[str] = field(default_factory=list)

    def del_(self, rubrik: str) -> Del:
        """Delen med rubriken ``rubrik``."""
        return next(d for d in self.delar if d.rubrik == rubrik)

    def text(self) -> str:
        """Rapporten som svensk text."""
        ut = [f"Platsen skrevs till mappen {self.mapp}", ""]
        for d in self.delar:
            ut += [d.text(), ""]
        ut.append("Filer i platsens mapp:")
        for namn, antal in self.filer.items():
            if namn == BESKRIVNING:
                ut.append(f"  - {namn} (platsens beskrivning)")
            elif namn.endswith(".geojson"):
                ut.append(f"  - {namn}: {formatera_tal(antal)} områden")
            else:
                ut.append(f"  - {namn}: {formatera_tal(antal)} rader")
        for a in self.anmarkningar:
            ut.append(f"* {a}")
        ut += ["", "Kvar att göra:"]
        ut += [f"  {i}. {t}" for i, t in enumerate(self.att_gora, start=1)]
        ut.append(f"Platsen går att läsa redan nu: tp.las_plats({str(self.mapp)!r}).")
        return "\n".join(ut)


# ---------------------------------------------------------------------------
# Små hjälpfunktioner


def _norm(text: object) -> str:
    """Ett namn som går att jämföra: små bokstäver, utan å, ä och ö, med understreck.

    Exempel
    -------
    >>> _norm(" Åtgärds-område ")
    'atgards_omrade'
    """
    t = str(text).replace("\ufeff", "").strip().lower()
    for fran, till in (("å", "a"), ("ä", "a"), ("ö", "o"), ("é", "e"), ("ü", "u")):
        t = t.replace(fran, till)
    return re.sub(r"[^0-9a-z]+", "_", t).strip("_")


def _tal(v: object) -> float:
    """Ett tal med decimalkomma eller decimalpunkt; nan för tomt. ValueError annars."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return math.nan
    if isinstance(v, bool):
        raise ValueError(v)
    if isinstance(v, (int, float, np.integer, np.floating)):
        return float(v)
    t = re.sub(r"[\s\u00a0\u202f]", "", str(v)).replace("\u2212", "-").replace(",", ".")
    if not t:
        return math.nan
    return float(t)


def _iso(tider: pd.Series) -> list[str]:
    """Tidpunkter som ISO 8601 med tidszonsförskjutning, hela sekunder."""
    utc = tider.dt.tz_convert("UTC").dt.floor("s")  # avrundning i lokal tid är tvetydig vid omställningen
    return [t.isoformat() for t in utc.dt.tz_convert(TIDSZON)]


def _yaml(varde: object) -> str:
    """Ett värde skrivet som YAML på en rad."""
    import yaml

    if varde is None:
        return "null"
    if isinstance(varde, bool):
        return "true" if varde else "false"
    if isinstance(varde, int):
        return str(varde)
    if isinstance(varde, list):
        return "[" + ", ".join(_yaml(v) for v in varde) + "]"
    text = str(varde)
    try:
        enkel = (
            text == text.strip() and "#" not in text and ": " not in text
            and yaml.safe_load(text) == text
        )  # fmt: skip
    except yaml.YAMLError:
        enkel = False
    return text if enkel and not re.search(r"[\[\]{},&*!|>'\"%@`]", text) else json.dumps(
        text, ensure_ascii=False
    )


def _las_ra_tabell(fil: Path) -> tuple[list[str], list[tuple[int, list[object]]]]:
    """Filens rubriker och rader med filens radnummer, lästa som inläsningen av egna filer gör.

    Används för kolumner som inläsningen inte känner igen (enkätens år,
    designvikt, svarssätt) och för befolkningsfilen.
    """
    tabell = las_tabell(fil)
    kolumner = [varden[koder] for koder, varden in
                (tabell.unika(k) for k in range(len(tabell.rubriker)))]
    return tabell.rubriker, [(int(nr), [k[i] for k in kolumner])
                             for i, nr in enumerate(tabell.rader)]


def _extra_kolumn(
    rubriker: list[str], rader: list[tuple[int, list[object]]], namn: tuple[str, ...]
) -> tuple[str, dict[int, object]] | None:
    """Kolumnen med ett av ``namn`` (normaliserade): rubriken och radnummer -> värde."""
    normade = [_norm(r) for r in rubriker]
    grundnamn = [_norm(re.sub(r"\(.*\)", "", r)) for r in rubriker]  # utan tillägg inom parentes
    for n in namn:
        for lista in (normade, grundnamn):
            if n in lista:
                k = lista.index(n)
                return rubriker[k], {nr: (v[k] if k < len(v) else "") for nr, v in rader}
    return None


def _tom(v: object) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)) or not str(v).strip()


def _aldersgrupp(v: object) -> str | None:
    """Åldersgruppen som handbokens enkät skriver den, eller None.

    Exempel
    -------
    >>> _aldersgrupp("16-24 år"), _aldersgrupp(70), _aldersgrupp("85+")
    ('16–24', '65–84', None)
    """
    if _tom(v):
        return None
    if isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool):
        for grupp in ALDERSGRUPPER:
            lag, hog = (int(x) for x in grupp.split("–"))
            if lag <= v <= hog:
                return grupp
        return None
    text = re.sub(r"\s*år$", "", str(v).strip()).replace("-", "–").replace(" ", "")
    return text if text in ALDERSGRUPPER else None


_KON = {"kvinna": "Kvinna", "kvinnor": "Kvinna", "k": "Kvinna", "man": "Man", "man_": "Man",
        "m": "Man"}  # fmt: skip


def _kon(v: object) -> str | None:
    if _tom(v):
        return None
    return _KON.get(_norm(v))


# ---------------------------------------------------------------------------
# Områden (GeoJSON)


def _epsg(crs: object, fil: Path) -> int | None:
    """EPSG-koden i GeoJSON-filens crs-medlem, eller None om filen inte har någon."""
    if crs is None:
        return None
    namn = str((crs.get("properties") or {}).get("name", "")) if isinstance(crs, dict) else ""
    if re.search(r"CRS84$", namn):
        return 4326
    m = re.search(r"EPSG:+(\d+)$", namn)
    if not m:
        raise FilFel(
            f"Filen {fil}: koordinatsystemet {namn or crs!r} (medlemmen crs) går inte att tolka. "
            "Spara filen i WGS84 (utan crs) eller i SWEREF 99 TM (EPSG:3006)."
        )
    return int(m[1])


def _las_omraden(fil: Path, del_: Del) -> tuple[dict[str, object], dict[str, tuple[str, str]]]:
    """Läs användarens områden: roll -> polygon i SWEREF 99 TM (hela meter) och namn."""
    import shapely
    from pyproj import CRS, Transformer
    from pyproj.exceptions import CRSError
    from shapely.geometry import shape

    try:
        data = json.loads(Path(fil).read_bytes().decode("utf-8-sig"))
    except FileNotFoundError:
        raise FilFel(f"Filen {fil} finns inte. Kontrollera namnet och mappen.") from None
    except IsADirectoryError:
        raise FilFel(f"{fil} är en mapp, inte en fil. Ange en GeoJSON-fil.") from None
    except UnicodeDecodeError:
        raise FilFel(f"Filen {fil} är inte en GeoJSON-fil: den är inte text i UTF-8.") from None
    except json.JSONDecodeError as fel:
        raise FilFel(
            f"Filen {fil} är inte giltig GeoJSON: fel på rad {fel.lineno}, tecken {fel.colno} "
            f"({fel.msg}). Spara områdena som GeoJSON från ditt kartprogram (till exempel QGIS)."
        ) from None
    if isinstance(data, dict) and data.get("type") == "Feature":
        data = {"type": "FeatureCollection", "features": [data], "crs": data.get("crs")}
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise FilFel(
            f"Filen {fil} är inte en GeoJSON-fil med områden. Väntade en FeatureCollection "
            "med ett område (Feature med en polygon) per roll."
        )
    features = data.get("features") or []
    if not features:
        raise FilFel(f"Filen {fil} har inga områden (listan features är tom).")

    geometrier: list[tuple[str, object, str, str]] = []
    for nr, f in enumerate(features, start=1):
        egenskaper = (f or {}).get("properties") or {}
        normade = {_norm(k): v for k, v in egenskaper.items()}
        namn = normade.get("namn", normade.get("name"))
        vem = f"område nummer {nr}" + (f" (”{namn}”)" if namn else "")
        roll_varde = normade.get("omrade", normade.get("roll"))
        if _tom(roll_varde):
            finns = ", ".join(egenskaper) if egenskaper else "inga"
            raise FilFel(
                f"Filen {fil}, {vem}: egenskapen omrade (eller roll) saknas, så det går inte "
                f"att veta vilken roll området har. Egenskaper i filen: {finns}. Ge varje område "
                f"egenskapen omrade med en av koderna {_ROLLFORKLARING}."
            )
        roll = _norm(roll_varde).replace("_", "")
        for kod in GEOROLLER:
            if roll in (kod, kod + "t", kod + "en"):
                roll = kod
                break
        else:
            raise FilFel(
                f"Filen {fil}, {vem}: okänd roll ”{roll_varde}”. Väntade en av koderna "
                f"{_ROLLFORKLARING}. Resten (ovrigt) behöver inget eget område."
            )
        try:
            geom = shape(f["geometry"])
        except Exception:  # noqa: BLE001 - shapely ger många olika fel för trasig geometri
            raise FilFel(
                f"Filen {fil}, {vem}: geometrin går inte att läsa. Väntade en Polygon eller "
                "MultiPolygon med koordinater."
            ) from None
        if geom.geom_type not in ("Polygon", "MultiPolygon") or geom.is_empty:
            raise FilFel(
                f"Filen {fil}, {vem}: geometrin är {geom.geom_type}, inte en yta. Väntade en "
                "Polygon eller MultiPolygon (rita området som en yta, inte som en linje eller punkt)."
            )
        beskr = normade.get("beskrivning", normade.get("description"))
        geometrier.append((roll, geom, str(namn).strip() if not _tom(namn) else "",
                           str(beskr).strip() if not _tom(beskr) else ""))

    epsg = _epsg(data.get("crs"), fil)
    xy = np.vstack([shapely.get_coordinates(g) for _, g, _, _ in geometrier])
    i_grader = (SVERIGE_LON[0] <= xy[:, 0]).all() and (xy[:, 0] <= SVERIGE_LON[1]).all() and (
        (SVERIGE_LAT[0] <= xy[:, 1]).all() and (xy[:, 1] <= SVERIGE_LAT[1]).all())
    i_meter = (SVERIGE_OST[0] <= xy[:, 0]).all() and (xy[:, 0] <= SVERIGE_OST[1]).all() and (
        (SVERIGE_NORD[0] <= xy[:, 1]).all() and (xy[:, 1] <= SVERIGE_NORD[1]).all())
    if epsg is None:
        if i_grader:
            epsg = 4326
            del_.anmarkningar.append("koordinaterna är i WGS84 (grader), som GeoJSON-standarden "
                                     "säger; de räknades om till SWEREF 99 TM")
        elif i_meter:
            epsg = 3006
            del_.anmarkningar.append("filen anger inget koordinatsystem, men koordinaterna är meter "
                                     "i SWEREF 99 TM (EPSG:3006) och lästes så")
        else:
            raise FilFel(
                f"Filen {fil}: koordinaterna ligger inte i Sverige, varken som WGS84 "
                f"(longitud {SVERIGE_LON[0]}–{SVERIGE_LON[1]}, latitud {SVERIGE_LAT[0]}–"
                f"{SVERIGE_LAT[1]}) eller som SWEREF 99 TM i meter. Kontrollera att filen "
                "är sparad i WGS84 eller SWEREF 99 TM."
            )
    elif epsg == 4326 and not i_grader:
        raise FilFel(
            f"Filen {fil} säger att koordinaterna är WGS84 (grader), men de ligger inte i Sverige "
            "som longitud och latitud. Kontrollera filens koordinatsystem."
        )
    if epsg != 3006:
        try:
            tr = Transformer.from_crs(CRS.from_epsg(epsg), SWEREF99TM, always_xy=True)
        except CRSError:
            raise FilFel(f"Filen {fil}: koordinatsystemet EPSG:{epsg} är okänt.") from None
        if epsg != 4326:
            del_.anmarkningar.append(f"koordinaterna räknades om från EPSG:{epsg} till SWEREF 99 TM")

        def om(p: np.ndarray) -> np.ndarray:
            x, y = tr.transform(p[:, 0], p[:, 1])
            return np.column_stack([x, y])

        geometrier = [(r, shapely.transform(g, om), n, b) for r, g, n, b in geometrier]

    ut: dict[str, object] = {}
    namn_ut: dict[str, tuple[str, str]] = {}
    for roll, geom, namn, beskr in geometrier:
        if not geom.is_valid:
            geom = shapely.make_valid(geom)
            del_.anmarkningar.append(f"polygonen för {roll} korsade sig själv och rättades")
        geom = shapely.set_precision(geom, 1.0)  # hela meter, som i Mellanstads områden
        if roll in ut:
            ut[roll] = shapely.union(ut[roll], geom)
            del_.anmarkningar.append(f"flera områden har rollen {roll}; de slogs ihop till ett")
        else:
            ut[roll] = geom
            namn_ut[roll] = (namn or GEOROLLER[roll], beskr)
    for roll in GEOROLLER:
        if roll not in ut and roll != "studieomrade":
            del_.anmarkningar.append(f"filen har inget område med rollen {roll}")
    return {r: ut[r] for r in GEOROLLER if r in ut}, {r: namn_ut[r] for r in GEOROLLER if r in ut}


def _omrade_for(ost: np.ndarray, nord: np.ndarray, omraden: Mapping[str, object]) -> np.ndarray:
    """Områdeskod för punkter: åtgärdsområdet går före buffertzonen, den före jämförelseområdet.

    En punkt utanför dem (eller på en kant) får ``ovrigt``.
    """
    import shapely

    ut = np.full(len(ost), "ovrigt", dtype=object)
    for kod in ("jamforelseomrade", "buffertzon", "atgardsomrade"):
        if kod in omraden:
            ut[shapely.contains_xy(omraden[kod], ost, nord)] = kod
    return ut


def _skriv_omraden(omraden: dict[str, object], namn: dict[str, tuple[str, str]], fil: Path) -> None:
    from shapely.geometry import mapping

    def heltal(k: object) -> object:
        if isinstance(k, (list, tuple)):
            if k and isinstance(k[0], (int, float)):
                return [int(round(x)) for x in k]
            return [heltal(x) for x in k]
        return k

    rader = []
    for roll, geom in omraden.items():
        g = mapping(geom)
        g = {"type": g["type"], "coordinates": heltal(g["coordinates"])}
        egenskaper = {"omrade": roll, "namn": namn[roll][0], "beskrivning": namn[roll][1]}
        rader.append(json.dumps({"type": "Feature", "properties": egenskaper, "geometry": g},
                                ensure_ascii=False))
    text = (
        '{\n"type": "FeatureCollection",\n"name": "omraden",\n'
        '"crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3006"}},\n'
        '"features": [\n' + ",\n".join(rader) + "\n]\n}\n"
    )
    fil.write_text(text, encoding="utf-8")


# ---------------------------------------------------------------------------
# Brott


def _gor_brott(
    fil: Path, omraden: dict[str, object] | None, del_: Del, att_gora: list[str],
    koordinatsystem: str | None = None,
) -> pd.DataFrame:
    if koordinatsystem is None:
        data, rapport = las_egna_brott(fil)
    else:
        data, rapport = las_egna_brott(fil, koordinatsystem=koordinatsystem)
    del_.inlasning = rapport
    if "ost" not in data:
        raise FilFel(
            f"Filen {fil} har inga koordinater. En plats behöver veta var varje brott hände: "
            "kolumnerna X och Y (SWEREF 99 TM) eller Lat och Lon (WGS84)."
        )
    if "tidpunkt" not in data:
        raise FilFel(
            f"Filen {fil} har datum men inga klockslag. En plats behöver tidpunkten för varje "
            "brott (till exempel 2024-03-05 22:15, eller klockslaget i en egen kolumn Tid), "
            "eftersom analyserna visar brotten per timme och veckodag."
        )
    utan_tid = data["tidpunkt"].isna()
    del_.lamna_utanfor("klockslag saknas (platsen behöver en tidpunkt)", data.loc[utan_tid, "rad"])
    utan_plats = data["ost"].isna() | data["nord"].isna()
    del_.lamna_utanfor("koordinater saknas (platsen behöver var brottet hände)",
                       data.loc[utan_plats & ~utan_tid, "rad"])
    df = data[~(utan_tid | utan_plats)].reset_index(drop=True)
    if df.empty:
        raise FilFel(f"Filen {fil}: inget brott har både klockslag och koordinater.")

    if "brottstyp" in df:
        typ = df["brottstyp"].astype("object")
        saknas = typ.isna()
        if saknas.any():
            del_.anmarkningar.append(
                f"brottstyp saknas på {_rader(df.loc[saknas, 'rad'])}; där står ”{OKAND_TYP}”")
        typ = typ.where(~saknas, OKAND_TYP).astype(str)
    else:
        typ = pd.Series(OKAND_TYP, index=df.index)
        del_.anmarkningar.append(f"filen har ingen kolumn med brottstyp; alla brott fick ”{OKAND_TYP}”")
    if "brottskategori" in df:
        kat = df["brottskategori"].astype("object")
        saknas = kat.isna()
    else:
        kat = pd.Series(None, index=df.index, dtype="object")
        saknas = pd.Series(True, index=df.index)
    if saknas.any():
        gissad = typ.str.lower().map(BROTTSKATEGORI_FOR_TYP)
        okanda = sorted(set(typ[saknas & gissad.isna()]))
        kat = kat.where(~saknas, gissad.fillna(OKAND_KATEGORI))
        var = "" if saknas.all() else f" på {_rader(df.loc[saknas, 'rad'])}"
        del_.anmarkningar.append(
            f"brottskategorin saknas{var} och togs från brottstypen (samma indelning som i "
            "handbokens exempel)"
            + (f"; typerna {', '.join(okanda)} fick ”{OKAND_KATEGORI}”" if okanda else ""))
        if okanda:
            att_gora.append(
                f"Kontrollera brottskategorin för {', '.join(okanda)} i brott.csv: "
                f"nu står ”{OKAND_KATEGORI}”.")
    kat = kat.astype(str)

    ost = df["ost"].round().astype("int64").to_numpy()
    nord = df["nord"].round().astype("int64").to_numpy()
    if omraden:
        omrade = _omrade_for(ost.astype(float), nord.astype(float), omraden)
        if "studieomrade" in omraden:
            import shapely

            utanfor = ~shapely.contains_xy(omraden["studieomrade"], ost.astype(float),
                                           nord.astype(float))
            utanfor &= omrade == "ovrigt"
            if utanfor.any():
                del_.anmarkningar.append(
                    f"{formatera_tal(int(utanfor.sum()))} brott ligger utanför studieområdet "
                    "och fick koden ovrigt")
    else:
        omrade = np.full(len(df), "ovrigt", dtype=object)
        del_.anmarkningar.append("inga områden angavs (--omraden); alla brott fick koden ovrigt")

    tid = df["tidpunkt"].dt.tz_convert(TIDSZON)
    ordning = np.argsort(tid.dt.tz_convert("UTC").to_numpy(), kind="stable")
    ut = pd.DataFrame({
        "tidpunkt": tid, "brottskategori": kat, "brottstyp": typ, "ost": ost, "nord": nord,
        "omrade": omrade, "rad": df["rad"].to_numpy(),
    }).iloc[ordning].reset_index(drop=True)  # fmt: skip
    ids = df["id"].iloc[ordning].reset_index(drop=True) if "id" in df else None
    if ids is not None and ids.notna().all() and ids.is_unique:
        ut.insert(0, "id", ids.astype(str).to_numpy())
    else:
        if ids is not None:
            del_.anmarkningar.append("id i filen saknades eller var inte unika; nya id gjordes")
        ar = ut["tidpunkt"].dt.year
        lopnr = ut.groupby(ar).cumcount() + 1
        ut.insert(0, "id", [f"B-{a}-{n:05d}" for a, n in zip(ar, lopnr, strict=True)])
    return ut


# ---------------------------------------------------------------------------
# Enkät


def _svarskolumner(data: pd.DataFrame) -> list[str]:
    """Svarskolumnerna i en inläst enkät: de ordnade kategorierna (kön är inte ordnat)."""
    return [
        k for k in data.columns
        if isinstance(data[k].dtype, pd.CategoricalDtype) and data[k].dtype.ordered
    ]  # fmt: skip


def _skaltyp(kategorier: Iterable[str]) -> str:
    """Vilken sorts skala en svarskolumn har: ``problem``, ``oro`` eller ``trygghet``."""
    kategorier = set(kategorier)
    if kategorier & set(SKALOR["problem"]):
        return "problem"
    if kategorier & set(SKALOR["oro_samhalle"]):
        return "oro"
    return "trygghet"


def _rubrik_for(rapport: Inlasningsrapport, kolumn: str) -> str:
    """Filens rubrik för en kolumn i den inlästa datan."""
    for rubrik, beskr in rapport.kanda_kolumner.items():
        if beskr == kolumn or beskr.startswith(kolumn + " "):
            return rubrik
    return kolumn


def _fraga_for_namn(kolumn: str, skaltyp: str) -> str | None:
    """Handbokens fråga för en svarskolumn, efter kolumnens namn, eller None.

    Exempel
    -------
    >>> _fraga_for_namn("hur_trygg_kanner_du_dig_ute_ensam_sent_en_kvall", "trygghet")
    'otrygg_kvall'
    >>> _fraga_for_namn("problem_med_klotter", "problem"), _fraga_for_namn("f7", "oro")
    ('problem_klotter', None)
    """
    if kolumn in FRAGOR:
        return kolumn
    for fraga, grupper in _ORD_FOR_FRAGA.items():
        if fraga.startswith("problem_") and skaltyp != "problem" and "problem" not in kolumn:
            continue
        if any(all(o in kolumn for o in grupp) for grupp in grupper):
            return fraga
    return None


_LOSNING = (
    "Ange vilka kolumner som är svar på handbokens frågor med --fraga FRÅGA=RUBRIK "
    "(till exempel --fraga otrygg_kvall=F7), och hur koderna ska läsas med "
    "--svarskolumn RUBRIK=SKALA (till exempel --svarskolumn \"F7=1=Mycket trygg, "
    "4=Mycket otrygg\")."
)

#: Svarsskalans namn i inläsningen av egna filer för varje fråga.
_SKALNAMN = {"otrygg_kvall": "trygghet", "oro_samhalle": "oro", "otrygg_centrum": "trygghet_plats",
             **{f: "problem" for f in PROBLEMFRAGOR}}  # fmt: skip


def _alternativ(fraga: str) -> list[str]:
    """Frågans svarsalternativ i handbokens enkät."""
    return list(SKALOR["problem"] if fraga.startswith("problem_") else SKALOR[fraga])


def _koppla(
    data: pd.DataFrame, rapport: Inlasningsrapport, fragor: Mapping[str, str], fil: Path
) -> tuple[dict[str, tuple[str, str]], list[str]]:
    """Koppla svarskolumnerna till frågorna: först --fraga, sedan namnen.

    Returnerar fråga -> (kolumn i datan, rubrik i filen) och rubrikerna som inte kopplades.
    """
    kolumner = {k: _rubrik_for(rapport, k) for k in _svarskolumner(data)}
    koppling: dict[str, tuple[str, str]] = {}
    for fraga, rubrik in fragor.items():
        kolumn = next((k for k, r in kolumner.items() if _norm(rubrik) in (_norm(r), k)), None)
        if kolumn is None:
            raise FilFel(f"Filen {fil}: kolumnen ”{rubrik}” för frågan {fraga} gick inte att läsa "
                         f"som svar. {_LOSNING}")
        koppling[fraga] = (kolumn, kolumner[kolumn])
    tagna = {k for k, _ in koppling.values()}
    kandidater: dict[str, list[str]] = {}
    oanvanda: list[str] = []
    for kolumn in kolumner:
        if kolumn in tagna:
            continue
        fraga = _fraga_for_namn(kolumn, _skaltyp(data[kolumn].cat.categories))
        if fraga is None or fraga in koppling:
            oanvanda.append(kolumner[kolumn])
        else:
            kandidater.setdefault(fraga, []).append(kolumn)
    for fraga, lista in kandidater.items():
        exakta = [k for k in lista if k == fraga]
        if len(lista) > 1 and len(exakta) != 1:
            raise FilFel(
                f"Filen {fil}: flera kolumner passar frågan {fraga}: "
                + ", ".join(f"”{kolumner[k]}”" for k in lista)
                + f". Ange vilken som gäller med --fraga {fraga}=RUBRIK."
            )
        vald = exakta[0] if exakta else lista[0]
        koppling[fraga] = (vald, kolumner[vald])
        oanvanda += [kolumner[k] for k in lista if k != vald]
    return koppling, oanvanda


def _las_enkaten(
    fil: Path, fragor: Mapping[str, str], svarskolumner: Mapping[str, str], del_: Del
) -> tuple[pd.DataFrame, Inlasningsrapport, dict[str, pd.Series]]:
    """Läs enkäten och koppla svarskolumnerna till handbokens frågor.

    Returnerar datan, rapporten och fråga -> svaren med frågans svarsalternativ.
    Svar som inte är ett av frågans alternativ blir saknade och redovisas.
    """
    for fraga in fragor:
        if fraga not in FRAGOR:
            raise NyPlatsFel(
                f"--fraga {fraga}=...: okänd fråga {fraga!r}. Handbokens frågor är "
                + ", ".join(FRAGOR) + "."
            )
    sedda: dict[str, str] = {}
    for fraga, rubrik in fragor.items():
        if _norm(rubrik) in sedda:
            raise NyPlatsFel(
                f"--fraga: kolumnen ”{rubrik}” är angiven för två frågor ({sedda[_norm(rubrik)]} "
                f"och {fraga}). Varje fråga behöver en egen kolumn."
            )
        sedda[_norm(rubrik)] = fraga
    # Kolumner som användaren har pekat ut. None: inläsningen avgör skalan och frågar
    # om riktningen om svaren är koder utan förklaring.
    utpekade: dict[str, object] = {r: None for r in fragor.values()}
    utpekade.update(svarskolumner)

    def las(svarskol: Mapping[str, object] | None) -> tuple[pd.DataFrame, Inlasningsrapport]:
        try:
            return las_egen_enkat(fil, dict(svarskol)) if svarskol is not None else las_egen_enkat(fil)
        except FilFel:
            raise
        except ValueError as fel:  # till exempel en okänd skala i --svarskolumn
            raise NyPlatsFel(f"--svarskolumn: {fel}") from None

    # Först läses filen utan anvisningar, så att svarskolumnerna känns igen på namnet.
    try:
        data, rapport = las(None)
    except FilFel as fel:
        if not utpekade:
            raise FilFel(f"{fel} {_LOSNING}") from None
        data, rapport = las(utpekade)
        del_.anmarkningar.append(
            "bara kolumnerna i --fraga och --svarskolumn lästes som svar (utan dem går filen "
            f"inte att läsa: {fel})")
    else:
        lasta = {_norm(_rubrik_for(rapport, k)) for k in _svarskolumner(data)}
        lasta |= set(_svarskolumner(data))
        omlasning: dict[str, object] = {}
        if all(_norm(r) in lasta for r in fragor.values()):
            # Läs om med frågans skala där en kolumn lästes med en annan av handbokens
            # skalor (till exempel trygghet i stället för trygghet_plats).
            skalor = {frozenset(v) for v in SKALOR.values()}
            for fraga, (kolumn, rubrik) in _koppla(data, rapport, fragor, fil)[0].items():
                kat = frozenset(data[kolumn].cat.categories)
                if kat in skalor and kat != frozenset(_alternativ(fraga)):
                    omlasning[rubrik] = _SKALNAMN[fraga]
        if omlasning or svarskolumner or any(_norm(r) not in lasta for r in fragor.values()):
            alla = {_rubrik_for(rapport, k): None for k in _svarskolumner(data)}
            data, rapport = las({**alla, **utpekade, **omlasning, **svarskolumner})
    del_.inlasning = rapport
    koppling, oanvanda = _koppla(data, rapport, fragor, fil)
    if not koppling:
        svar = ", ".join(f"”{r}”" for r in oanvanda) or "inga"
        raise FilFel(
            f"Filen {fil}: ingen kolumn kunde kopplas till handbokens frågor ({', '.join(FRAGOR)}). "
            f"Kolumner med svar i filen: {svar}. {_LOSNING}"
        )

    # Svaren med frågans svarsalternativ.
    rad = data["rad"].to_numpy()
    svar: dict[str, pd.Series] = {}
    for fraga in FRAGOR:
        if fraga not in koppling:
            continue
        kolumn, rubrik = koppling[fraga]
        alternativ = _alternativ(fraga)
        varden = data[kolumn].astype("object").where(data[kolumn].notna(), None)
        utanfor = varden.notna() & ~varden.isin(alternativ)
        svar[fraga] = varden.where(~utanfor, None)
        hur = "enligt --fraga" if fraga in fragor else "känd på namnet"
        text = (f"frågan {fraga} ← kolumnen ”{rubrik}” ({hur}): "
                f"{_antal(int(svar[fraga].notna().sum()), 'svar', 'svar')}")
        problem = sum(len(p.rader) for p in rapport.anmarkningar if p.kolumn == rubrik)
        if problem:
            text += (f"; {_antal(problem, 'svar', 'svar')} utanför skalan eller Vet ej blev "
                     "saknade svar (se anmärkningarna ovan)")
        del_.anmarkningar.append(text)
        for varde in sorted(set(varden[utanfor])):
            del_.anmarkningar.append(
                f"frågan {fraga}: svaret ”{varde}” finns inte bland frågans svarsalternativ "
                f"({', '.join(alternativ)}) och blev saknat svar: "
                + _rader(rad[(varden == varde).to_numpy()]))
    saknade = [f for f in FRAGOR if f not in koppling]
    if saknade:
        del_.anmarkningar.append("frågor som filen inte har (tomma i enkat.csv): " + ", ".join(saknade))
    if oanvanda:
        del_.anmarkningar.append(
            "svarskolumner som inte kopplades till någon av handbokens frågor: "
            + ", ".join(f"”{r}”" for r in oanvanda)
            + " (koppla dem med --fraga FRÅGA=RUBRIK om de är det)"
        )
    return data, rapport, svar


def _gor_enkat(
    fil: Path,
    fragor: Mapping[str, str],
    svarskolumner: Mapping[str, str],
    enkatar: int | None,
    enkatomrade: str | None,
    standard_ar: int,
    standard_omrade: str,
    del_: Del,
    att_gora: list[str],
) -> pd.DataFrame:
    data, rapport, svar = _las_enkaten(fil, fragor, svarskolumner, del_)
    extra_rubriker, extra_rader = _las_ra_tabell(fil)
    rad = data["rad"].to_numpy()
    n = len(data)
    behall = np.ones(n, dtype=bool)

    # År: ur en kolumn i filen, ur svarsdatumet, ur --enkatar eller till sist analysåret.
    ar_kol = None if "ar" in data else _extra_kolumn(
        extra_rubriker, extra_rader, ("ar", "enkatar", "undersokningsar"))
    ar_rubrik = None
    if "ar" in data or ar_kol is not None:
        if "ar" in data:
            ar_rubrik = _rubrik_for(rapport, "ar")
            varden = dict(zip(rad, data["ar"], strict=True))
        else:
            ar_rubrik, varden = ar_kol
        ar = np.full(n, np.nan)
        for i, r in enumerate(rad):
            try:
                x = _tal(varden.get(r, ""))
            except (ValueError, TypeError):
                x = math.nan
            if math.isfinite(x) and x == int(x) and 1900 <= x <= 2100:
                ar[i] = x
    elif "datum" in data:
        ar = np.array([np.nan if d is None or pd.isna(d) else d.year for d in data["datum"]],
                      dtype=float)
        ar_rubrik = _rubrik_for(rapport, "datum")
        del_.anmarkningar.append("året togs från datumet då personen svarade")
    elif enkatar is not None:
        ar = np.full(n, float(enkatar))
        del_.anmarkningar.append(f"filen har inget år; alla svar fick året {enkatar} (--enkatar)")
    else:
        ar = np.full(n, float(standard_ar))
        del_.anmarkningar.append(
            f"filen har inget år; alla svar fick året {standard_ar}, det senaste hela året i "
            "brottsdatan")
        att_gora.append(
            f"Kontrollera enkätens år: filen hade inget år, så alla svar fick {standard_ar}. "
            "Kör om med --enkatar ÅR om det är fel.")
    fel = np.isnan(ar)
    behall &= ~fel
    del_.lamna_utanfor(f"kolumnen ”{ar_rubrik}”: året saknas eller är inte ett årtal", rad[fel])
    if enkatar is not None and ar_rubrik is not None:
        del_.anmarkningar.append(f"--enkatar {enkatar} användes inte: filen har en kolumn med år")

    # Område
    if "omrade" in data:
        omrade = data["omrade"].astype("object").where(data["omrade"].notna(), None)
        omrade = omrade.map(lambda v: None if v is None else " ".join(str(v).split()))
        saknas = omrade.isna().to_numpy()
        if saknas.any():
            del_.anmarkningar.append(f"område saknas på {_rader(rad[saknas])}; de svaren har inget område")
        if enkatomrade is not None:
            del_.anmarkningar.append("--enkatomrade användes inte: filen har en kolumn med område")
    else:
        valt = enkatomrade or standard_omrade
        omrade = pd.Series(valt, index=data.index, dtype="object")
        if enkatomrade:
            del_.anmarkningar.append(f"filen har inget område; alla svar fick området {valt} (--enkatomrade)")
        else:
            del_.anmarkningar.append(f"filen har inget område; alla svar fick området ”{valt}”")
            att_gora.append(
                f"Kontrollera enkätens område: filen hade inget område, så alla svar fick ”{valt}”. "
                "Kör om med --enkatomrade NAMN om du vill ha ett annat namn.")

    # Kön och ålder
    if "kon" in data:
        kon_in = data["kon"].astype("object")
        kon = kon_in.where(kon_in.isin(["Kvinna", "Man"]), None)
        annat = (kon_in == "Annat").to_numpy()
        if annat.any():
            del_.anmarkningar.append(
                f"kön Annat på {_rader(rad[annat])} sattes som saknat: handbokens vikter och "
                "befolkningstal delar bara in i kvinnor och män")
    else:
        kon = pd.Series(None, index=data.index, dtype="object")
        del_.anmarkningar.append("filen har inget kön; kolumnen kon är tom")
    if "aldersgrupp" in data:
        alder_in = data["aldersgrupp"].astype("object")
    elif "alder" in data:
        alder_in = data["alder"].astype("object")
    else:
        alder_in = pd.Series(None, index=data.index, dtype="object")
        del_.anmarkningar.append("filen har ingen ålder; kolumnen aldersgrupp är tom")
    aldersgrupp = alder_in.map(lambda v: None if _tom(v) else _aldersgrupp(v))
    udda = (aldersgrupp.isna() & ~alder_in.map(_tom)).to_numpy()
    if udda.any():
        del_.anmarkningar.append(
            f"ålder utanför handbokens grupper ({', '.join(ALDERSGRUPPER)}) på {_rader(rad[udda])}; "
            "satt som saknad")

    # Svar, svarat och vikt
    svarat = np.zeros(n, dtype=bool)
    for s in svar.values():
        svarat |= s.notna().to_numpy()
    if "vikt" in data:
        vikt = data["vikt"].to_numpy(dtype=float).copy()
        utan = svarat & np.isnan(vikt)
        del_.lamna_utanfor("svar utan vikt (filen har vikter, men inte på den här raden)",
                           rad[utan & behall])
        behall &= ~utan
        bortfall_med_vikt = ~svarat & ~np.isnan(vikt)
        if bortfall_med_vikt.any():
            del_.anmarkningar.append(
                f"{_antal(int(bortfall_med_vikt.sum()), 'rad', 'rader')} utan svar hade en vikt; "
                "vikten togs bort (raderna räknas som bortfall)")
        vikt[~svarat] = np.nan
        vikter_fran_fil = True
    else:
        vikt = np.where(svarat, 1.0, np.nan)
        vikter_fran_fil = False
        del_.anmarkningar.append("filen har inga vikter; varje svar fick vikten 1 (ovägda andelar)")

    # Designvikt och svarssätt (kolumner som inläsningen inte tolkar)
    dv_kol = _extra_kolumn(extra_rubriker, extra_rader, ("designvikt",))
    designvikt = None
    if dv_kol is not None:
        rubrik, varden = dv_kol
        designvikt = np.full(n, np.nan)
        fel = []
        for i, r in enumerate(rad):
            try:
                designvikt[i] = _tal(varden.get(r, ""))
            except ValueError:
                fel.append(r)
        if fel:
            del_.anmarkningar.append(f"kolumnen ”{rubrik}”: designvikten är inget tal på {_rader(fel)}")
    ss_kol = _extra_kolumn(extra_rubriker, extra_rader, ("svarssatt", "svarsmetod"))
    svarssatt = [None] * n
    if ss_kol is not None:
        rubrik, varden = ss_kol
        tolkat = {"webb": "Webb", "web": "Webb", "internet": "Webb", "papper": "Papper",
                  "post": "Papper"}
        okanda = []
        for i, r in enumerate(rad):
            v = varden.get(r, "")
            if svarat[i] and not _tom(v):
                svarssatt[i] = tolkat.get(_norm(v))
                if svarssatt[i] is None:
                    okanda.append(r)
        if okanda:
            del_.anmarkningar.append(
                f"kolumnen ”{rubrik}”: svarssättet är varken Webb eller Papper på {_rader(okanda)}; "
                "satt som saknat")

    # Id
    if "id" in data and data["id"].notna().all() and data["id"].is_unique:
        ids = data["id"].astype(str).to_numpy()
    else:
        if "id" in data:
            del_.anmarkningar.append("id i filen saknades eller var inte unika; nya id gjordes")
        ids = None

    ut = pd.DataFrame({
        "rad": rad, "ar": ar, "omrade": omrade.to_numpy(), "kon": kon.to_numpy(),
        "aldersgrupp": aldersgrupp.to_numpy(), "svarat": svarat,
        "svarssatt": svarssatt, "designvikt": designvikt if designvikt is not None else np.nan,
        "vikt": vikt,
        **{f: (svar[f].to_numpy() if f in svar else None) for f in FRAGOR},
    })  # fmt: skip
    if ids is not None:
        ut.insert(0, "id", ids)
    ut = ut[behall].reset_index(drop=True)
    ut["ar"] = ut["ar"].astype("int64")
    if ids is None:
        lopnr = ut.groupby("ar").cumcount() + 1
        ut.insert(0, "id", [f"E{a}-{n:04d}" for a, n in zip(ut["ar"], lopnr, strict=True)])
    ut.attrs["vikter_fran_fil"] = vikter_fran_fil
    ut.attrs["designvikt_fran_fil"] = designvikt is not None
    return ut


def _las_befolkning(fil: Path, enkat: pd.DataFrame, del_: Del) -> pd.DataFrame:
    """Läs en egen befolkningsfil: år, område, kön, åldersgrupp och antal."""
    rubriker, rader = _las_ra_tabell(fil)
    namn = {
        "ar": ("ar", "artal"),
        "omrade": ("omrade", "stadsdel", "bostadsomrade"),
        "kon": ("kon",),
        "aldersgrupp": ("aldersgrupp", "aldersklass", "alder"),
        "antal": ("antal", "antal_personer", "befolkning", "invanare"),
    }
    kol = {k: _extra_kolumn(rubriker, rader, n) for k, n in namn.items()}
    saknas = [k for k in ("kon", "aldersgrupp", "antal") if kol[k] is None]
    if saknas:
        raise FilFel(
            f"Filen {fil} saknar kolumnerna {', '.join(saknas)}. Väntade kolumnerna År, Område, "
            "Kön, Åldersgrupp och Antal (År och Område får saknas om enkäten har ett enda år "
            f"eller område). Kolumnerna i filen är: {', '.join(rubriker)}."
        )
    enkatar = sorted(enkat["ar"].unique().tolist())
    omraden = [o for o in pd.unique(enkat["omrade"].dropna())]
    if kol["omrade"] is None and len(omraden) != 1:
        raise FilFel(
            f"Filen {fil} saknar kolumnen Område, men enkäten har flera områden "
            f"({', '.join(omraden)}). Lägg till en kolumn Område."
        )
    ut, fel = [], {}
    for nr, _ in rader:
        v = {k: (None if kol[k] is None else kol[k][1].get(nr, "")) for k in namn}
        try:
            antal = _tal(v["antal"])
        except ValueError:
            antal = math.nan
        if not (math.isfinite(antal) and antal == int(antal) and antal >= 1):
            fel.setdefault("antal saknas eller är inte ett heltal större än 0", []).append(nr)
            continue
        kon, grupp = _kon(v["kon"]), _aldersgrupp(v["aldersgrupp"])
        if kon is None:
            fel.setdefault("kön är varken Kvinna eller Man", []).append(nr)
            continue
        if grupp is None:
            fel.setdefault(f"åldersgruppen är inte en av {', '.join(ALDERSGRUPPER)}", []).append(nr)
            continue
        omrade = omraden[0] if kol["omrade"] is None else " ".join(str(v["omrade"]).split())
        if omrade not in omraden:
            fel.setdefault("området finns inte i enkäten", []).append(nr)
            continue
        if kol["ar"] is None:
            arslista = enkatar
        else:
            try:
                a = _tal(v["ar"])
            except ValueError:
                a = math.nan
            if not (math.isfinite(a) and a == int(a) and 1900 <= a <= 2100):
                fel.setdefault("året saknas eller är inte ett årtal", []).append(nr)
                continue
            arslista = [int(a)]
        for a in arslista:
            ut.append((a, omrade, kon, grupp, int(antal)))
    for orsak, nummer in fel.items():
        del_.lamna_utanfor(orsak, nummer)
    if kol["ar"] is None:
        del_.anmarkningar.append("filen har inget år; samma befolkning gäller varje enkätår")
    df = pd.DataFrame(ut, columns=["ar", "omrade", "kon", "aldersgrupp", "antal"])
    dubbla = df.duplicated(["ar", "omrade", "kon", "aldersgrupp"], keep=False)
    if dubbla.any():
        raise FilFel(
            f"Filen {fil} har samma år, område, kön och åldersgrupp på flera rader. "
            "Väntade en rad per grupp."
        )
    if df.empty:
        raise FilFel(f"Filen {fil}: ingen rad går att använda.")
    return df


def _befolkning_och_designvikt(
    enkat: pd.DataFrame, befolkning_fil: Path | None, del_enkat: Del, delar: list[Del],
    att_gora: list[str],
) -> pd.DataFrame:
    """Befolkningen per cell, och designvikten i enkäten om filen inte hade någon."""
    cell = ["ar", "omrade", "kon", "aldersgrupp"]
    if befolkning_fil is not None:
        del_ = Del("Befolkning", str(befolkning_fil))
        delar.append(del_)
        bef = _las_befolkning(befolkning_fil, enkat, del_)
        kalla = "fil"
    else:
        svar = enkat[enkat["svarat"]].dropna(subset=cell)
        bef = svar.groupby(cell, sort=False)["vikt"].sum().round().astype("int64").reset_index(
            name="antal")
        bef = bef[bef["antal"] >= 1]
        if enkat.attrs.get("vikter_fran_fil"):
            kalla = "vikter"
            del_enkat.anmarkningar.append(
                "befolkning.csv är summan av vikterna per år, område, kön och åldersgrupp")
            att_gora.append(
                "Kontrollera befolkning.csv: den är räknad ur enkätens vikter. Har du "
                "befolkningen per område, kön och åldersgrupp (till exempel från SCB), kör om "
                "med --befolkning FIL.")
        else:
            kalla = "svar"
            del_enkat.anmarkningar.append(
                "befolkning.csv innehåller antalet svar per grupp, inte befolkningen (filen har "
                "inga vikter)")
            att_gora.append(
                "Byt ut befolkning.csv mot befolkningen 16–84 år per område, kön och åldersgrupp "
                "(till exempel från SCB) och kör om med --befolkning FIL. Nu står antalet svar där.")
    ordning = {
        "aldersgrupp": {g: i for i, g in enumerate(ALDERSGRUPPER)},
        "omrade": {o: i for i, o in enumerate(pd.unique(enkat["omrade"].dropna()))},
    }
    bef = bef.sort_values(
        ["ar", "omrade", "aldersgrupp", "kon"],
        key=lambda s: s.map(ordning[s.name]) if s.name in ordning else s, kind="stable",
    ).reset_index(drop=True)
    if not enkat.attrs.get("designvikt_fran_fil"):
        if kalla == "svar":
            enkat["designvikt"] = 1.0
            del_enkat.anmarkningar.append("filen har ingen designvikt; alla fick designvikten 1")
        else:
            bor = bef.groupby(["ar", "omrade"])["antal"].sum()
            urval = enkat.groupby(["ar", "omrade"]).size()
            kvot = (bor / urval).round(4)
            nyckel = pd.MultiIndex.from_frame(enkat[["ar", "omrade"]])
            enkat["designvikt"] = kvot.reindex(nyckel).to_numpy()
            del_enkat.anmarkningar.append(
                "designvikten räknades ut: befolkningen i området delat med antalet tillfrågade "
                "i området samma år")
            utan = enkat.loc[enkat["designvikt"].isna(), ["ar", "omrade"]].drop_duplicates()
            if len(utan):
                del_enkat.anmarkningar.append(
                    "designvikten saknas där befolkningen saknas: " + ", ".join(
                        f"{o} {a}" if pd.notna(o) else f"utan område {a}"
                        for a, o in utan.itertuples(index=False)))
    return bef[["ar", "omrade", "kon", "aldersgrupp", "antal"]]


# ---------------------------------------------------------------------------
# Flöden


def _raknar_id(namn: str, tagna: set[str]) -> str:
    """Ett id för en räknare: små ASCII-bokstäver och understreck, unikt.

    Exempel
    -------
    >>> _raknar_id("Stortorget, norra", set()), _raknar_id("1:an", set())
    ('stortorget_norra', 'raknare_1_an')
    """
    bas = _norm(namn) or "raknare"
    if bas[0].isdigit() or bas == "tidpunkt":
        bas = "raknare_" + bas
    ut, i = bas, 2
    while ut in tagna:
        ut, i = f"{bas}_{i}", i + 1
    tagna.add(ut)
    return ut


def _gor_flode(
    fil: Path, omraden: dict[str, object] | None, reserv: tuple[int, int], del_: Del,
    att_gora: list[str],
) -> tuple[pd.DataFrame, pd.DataFrame]:
    data, rapport = las_eget_flode(fil)
    del_.inlasning = rapport
    if "tidpunkt" not in data:
        raise FilFel(
            f"Filen {fil} har datum men inga klockslag. Platsens flöden räknas per timme: "
            "väntade en kolumn Tid (eller datum och klockslag i samma kolumn)."
        )
    utan_tid = data["tidpunkt"].isna()
    del_.lamna_utanfor("klockslag saknas (platsens flöden räknas per timme)", data.loc[utan_tid, "rad"])
    nyckel = "raknare" if "raknare" in data else "plats" if "plats" in data else None
    if nyckel is not None:
        utan_namn = data[nyckel].isna() & ~utan_tid
        del_.lamna_utanfor("räknarens namn saknas", data.loc[utan_namn, "rad"])
        utan_tid |= utan_namn
    df = data[~utan_tid].reset_index(drop=True)
    if df.empty:
        raise FilFel(f"Filen {fil}: ingen rad har både klockslag och räknare.")
    if nyckel is None:
        namn = pd.Series("Räknaren", index=df.index)
        del_.anmarkningar.append("filen har ingen kolumn Räknare; alla rader räknas till en räknare")
    else:
        namn = df[nyckel].astype(str).map(lambda v: " ".join(v.split()))
    tagna: set[str] = set()
    id_for = {n: _raknar_id(n, tagna) for n in pd.unique(namn)}
    df["raknare"] = namn.map(id_for)
    utc = df["tidpunkt"].dt.tz_convert("UTC")
    df["timme"] = utc.dt.floor("h")
    if (utc != df["timme"]).any():
        del_.anmarkningar.append("mätningar som inte börjar på hel timme lades ihop per timme")
    antal_per = df.groupby(["timme", "raknare"]).size()
    if (antal_per > 1).any() and not (utc != df["timme"]).any():
        del_.anmarkningar.append(
            f"{_antal(int((antal_per > 1).sum()), 'timme', 'timmar')} har flera rader för samma "
            "räknare; antalen lades ihop")
    summa = df.groupby(["timme", "raknare"])["antal"].sum(min_count=1)
    timmar = pd.date_range(df["timme"].min(), df["timme"].max(), freq="h", tz="UTC")
    ordning = list(id_for.values())
    bred = summa.unstack("raknare").reindex(index=timmar, columns=ordning).astype("Int64")
    tomma = int(bred.isna().all(axis=1).sum())
    if tomma:
        del_.anmarkningar.append(
            f"{_antal(tomma, 'timme', 'timmar')} utan mätning står som tomma (räknaren ur funktion)")
    bred.insert(0, "tidpunkt", _iso(pd.Series(timmar)))

    if "ost" in df and df["ost"].notna().any():
        lage = df.groupby("raknare")[["ost", "nord"]].median()
    else:
        lage = pd.DataFrame(index=ordning, columns=["ost", "nord"], dtype=float)
    saknar_lage = [r for r in ordning if r not in lage.index or lage.loc[r].isna().any()]
    lage = lage.reindex(ordning)
    for r in saknar_lage:
        lage.loc[r] = reserv
    if saknar_lage:
        att_gora.append(
            "Ange var räknarna står i raknare.csv (ost och nord i SWEREF 99 TM, och omrade). "
            "Nu står mitten av brottsplatserna där som platshållare, och området ovrigt, för "
            + ", ".join(saknar_lage) + ".")
    att_gora.append("Fyll i räknarnas mätmetod i raknare.csv (kolumnen metod, till exempel Kamerasensor).")
    ost = lage["ost"].round().astype("int64").to_numpy()
    nord = lage["nord"].round().astype("int64").to_numpy()
    omr = (_omrade_for(ost.astype(float), nord.astype(float), omraden) if omraden
           else np.full(len(ost), "ovrigt", dtype=object))
    omr[[r in saknar_lage for r in ordning]] = "ovrigt"  # en platshållare ligger inte i något område
    lokal = df["tidpunkt"].dt.tz_convert(TIDSZON)
    forsta = df[df["antal"].notna()].assign(dag=lokal.dt.date).groupby("raknare")["dag"].min()
    raknare = pd.DataFrame({
        "raknare": ordning, "namn": list(id_for), "ost": ost, "nord": nord, "omrade": omr,
        "metod": None, "forsta_dag": [str(forsta.get(r, lokal.dt.date.min())) for r in ordning],
    })  # fmt: skip
    return bred, raknare


# ---------------------------------------------------------------------------
# plats.yml


def _analysar(tider: pd.Series) -> tuple[int, int, int, bool]:
    """Första och sista år, och det senaste hela året (True om det gick att avgöra)."""
    lokal = tider.dt.tz_convert(TIDSZON)
    forsta, sista = int(lokal.dt.year.min()), int(lokal.dt.year.max())
    sista_tid = lokal.max()
    if sista_tid.month == 12:
        return forsta, sista, sista, True
    if sista > forsta:
        return forsta, sista, sista - 1, True
    return forsta, sista, sista, False


def _skriv_beskrivning(
    fil: Path, *, namn: str, namn_givet: bool, kommun: str, kommun_givet: bool,
    ar: tuple[int, int, int], omraden: dict[str, str], enkatar: list[int],
    enkatomraden: list[str], platsens_omrade: str | None,
) -> None:
    forsta, sista, analysar = ar
    fyll = "FYLL I: "
    rader = [
        "# Platsbeskrivning för handboken Trygga platser.",
        "# Skapad av kommandot `python -m tryggaplatser ny-plats` ur dina egna filer.",
        "# Rader märkta FYLL I behöver du komplettera. null betyder att uppgiften saknas.",
        "# Analyserna hämtar platsens namn, år och områden härifrån.",
        "",
        f"namn: {_yaml(namn)}"
        + ("" if namn_givet else f"    # {fyll}platsens namn i löptext, till exempel ”Torgets centrum”"),
        f"kommun: {_yaml(kommun)}" + ("" if kommun_givet else f"    # {fyll}kommunens namn"),
        "syntetisk: false               # false = riktiga data",
        "",
        "ar:                            # de år som brottsdatan täcker (ur brott.csv)",
        f"  forsta: {forsta}",
        f"  sista: {sista}",
        f"analysar: {analysar}                 # året då nulägesanalysen gjordes "
        "(nu det senaste hela året i brottsdatan)",
        f"atgarder:                      # {fyll}när åtgärderna började och var klara (ÅÅÅÅ-MM-DD)",
        "  start: null",
        "  klara: null",
        "uppfoljningsar: null           # FYLL I: året då åtgärderna följs upp",
        "",
        "# Områdena i brottsdatan: kod (roll) och namn i text (ur omraden.geojson).",
        "# Koderna är fasta: atgardsomrade, buffertzon, jamforelseomrade, ovrigt.",
        "omraden:",
        *[f"  {kod}: {_yaml(text)}" for kod, text in omraden.items()],
        "",
        "enkat:",
        f"  ar: {_yaml(enkatar)}" + ("" if enkatar else "                      # ingen enkät angavs"),
        f"  omraden: {_yaml(enkatomraden)}" + ("   # urvalets områden, i visningsordning"
                                              if enkatomraden else ""),
        f"  platsens_omrade: {_yaml(platsens_omrade)}"
        + ("" if platsens_omrade or not enkatomraden
           else f"     # {fyll}enkätområdet där platsen ligger, ett av omraden ovan"),
        "",
        "# Namn att skriva ut på kartor (SWEREF 99 TM, meter). Till exempel:",
        "#   - {namn: Torget, ost: 560180, nord: 6650060}",
        "landmarken: []",
        "",
    ]
    fil.write_text("\n".join(rader), encoding="utf-8")


# ---------------------------------------------------------------------------
# Huvudfunktionen


def _forbered_mapp(mapp: Path, skriv_over: bool) -> list[str]:
    """Kontrollera att mappen går att skriva i. Returnerar filer som finns där."""
    if mapp.exists() and not mapp.is_dir():
        raise NyPlatsFel(f"{mapp} är en fil, inte en mapp. Ange en ny mapp för platsen.")
    try:
        i_handboken = mapp.resolve().is_relative_to(DATAMAPP.resolve())
    except OSError:
        i_handboken = False
    innehall = sorted(p.name for p in mapp.iterdir()) if mapp.is_dir() else []
    if innehall and i_handboken:
        raise NyPlatsFel(
            f"Mappen {mapp} hör till handbokens egna data och skrivs aldrig över. "
            "Välj en ny mapp för platsen."
        )
    if innehall and not skriv_over:
        visat = ", ".join(innehall[:6]) + (" ..." if len(innehall) > 6 else "")
        raise NyPlatsFel(
            f"Mappen {mapp} är inte tom (den innehåller {visat}). Välj en ny mapp, eller "
            "lägg till --skriv-over för att skriva över platsens filer i den."
        )
    return innehall


def ny_plats(
    mapp: str | Path,
    brott: str | Path,
    *,
    enkat: str | Path | None = None,
    flode: str | Path | None = None,
    omraden: str | Path | None = None,
    befolkning: str | Path | None = None,
    namn: str | None = None,
    kommun: str | None = None,
    fragor: Mapping[str, str] | None = None,
    svarskolumner: Mapping[str, str] | None = None,
    koordinatsystem: str | None = None,
    enkatar: int | None = None,
    enkatomrade: str | None = None,
    skriv_over: bool = False,
) -> NyPlatsRapport:
    """Gör en plats av egna filer: skriv platsens datafiler och ``plats.yml`` i ``mapp``.

    Filerna läses med samma inläsning som kommandot ``kontrollera``. Allt läses
    och kontrolleras innan något skrivs: ett fel lämnar mappen som den var.

    Parametrar
    ----------
    mapp : str eller Path
        Platsens mapp. Den skapas om den inte finns och får inte innehålla
        några filer (se ``skriv_over``).
    brott : str eller Path
        Brott eller händelser med datum, klockslag och koordinater
        (CSV eller .xlsx, se ``tp.las_egna_brott``).
    enkat : str eller Path, valfri
        Enkätsvar (se ``tp.las_egen_enkat``). Ger ``enkat.csv`` och ``befolkning.csv``.
    flode : str eller Path, valfri
        Flödesmätningar (se ``tp.las_eget_flode``). Ger ``flode.csv`` och ``raknare.csv``.
    omraden : str eller Path, valfri
        Områdena som GeoJSON, i WGS84 eller SWEREF 99 TM. Varje område har
        egenskapen ``omrade`` (eller ``roll``) med en av koderna
        ``atgardsomrade``, ``buffertzon``, ``jamforelseomrade`` och
        ``studieomrade``. Utan områden får alla brott koden ``ovrigt``.
    befolkning : str eller Path, valfri
        Befolkningen per år, område, kön och åldersgrupp (kolumnerna År,
        Område, Kön, Åldersgrupp och Antal). Utan den räknas befolkningen ur
        enkätens vikter.
    namn, kommun : str, valfri
        Platsens och kommunens namn. Utan dem står en platshållare.
    fragor : dict, valfri
        Handbokens fråga -> rubriken i enkätfilen, för kolumner som inte
        känns igen på namnet, till exempel ``{"otrygg_kvall": "F7"}``.
    svarskolumner : dict, valfri
        Rubrik -> hur svaren ska läsas, som i ``tp.las_egen_enkat``: en skala
        (``"trygghet"``) eller koderna (``"1=Mycket otrygg, 4=Mycket trygg"``).
        Behövs när svaren är koder och filen inte säger vad de betyder.
    koordinatsystem : str, valfri
        Brottsfilens koordinatsystem, som i ``tp.las_egna_brott``
        (till exempel ``"EPSG:3011"``), när filen inte själv säger det.
    enkatar : int, valfri
        Enkätens år, om filen inte har något.
    enkatomrade : str, valfri
        Enkätens område, om filen inte har något.
    skriv_over : bool, standard False
        Skriv över platsens filer i en mapp som inte är tom.

    Returnerar
    ----------
    NyPlatsRapport
        Vad som lästes, skrevs och lämnades utanför, och vad som är kvar att
        fylla i. ``print(rapport.text())`` visar den på svenska.

    Fel
    ---
    FilFel
        Om en fil inte går att använda.
    NyPlatsFel
        Om mappen inte är tom eller ett val är fel.

    Exempel
    -------
    >>> import pathlib, tempfile
    >>> import tryggaplatser as tp
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (tmp / "brott.csv").write_text(
    ...     "Datum;Tid;Brottstyp;X;Y\\n2024-03-05;22:15;Misshandel;560010;6650020\\n"
    ...     "2024-12-06;01:05;Rån;560900;6650400\\n2024-12-07;;Rån;560900;6650400\\n",
    ...     encoding="utf-8")
    >>> rapport = ny_plats(tmp / "plats", tmp / "brott.csv", namn="Torget", kommun="Exempelby")
    >>> rapport.filer
    {'plats.yml': None, 'brott.csv': 2}
    >>> rapport.del_("Brott").utelamnade
    {'klockslag saknas (platsen behöver en tidpunkt)': [4]}
    >>> plats = tp.las_plats(tmp / "plats")
    >>> plats.namn, plats.ar, plats.analysar, plats.omraden
    ('Torget', [2024], 2024, {'ovrigt': 'Hela området'})
    >>> tp.las_brott(plats)["brottskategori"].tolist()
    ['Brott mot liv och hälsa', 'Stöld, rån och häleri']
    >>> rapport.att_gora[0]
    'Fyll i när åtgärderna började och var klara (atgarder.start och atgarder.klara i plats.yml).'
    """
    mapp = Path(mapp).expanduser()
    indata = [Path(p) for p in (brott, enkat, flode, omraden, befolkning) if p is not None]
    fanns = _forbered_mapp(mapp, skriv_over)
    rapport = NyPlatsRapport(mapp=mapp)
    att_gora: list[str] = []
    if enkat is None and (fragor or svarskolumner or enkatar is not None or enkatomrade
                          or befolkning is not None):
        raise NyPlatsFel("--fraga, --svarskolumn, --enkatar, --enkatomrade och --befolkning gäller "
                         "enkäten: ange enkätfilen med --enkat.")

    # 1. Läs och kontrollera allt.
    geo = namn_geo = None
    if omraden is not None:
        del_omr = Del("Områden", str(omraden))
        geo, namn_geo = _las_omraden(Path(omraden), del_omr)
    del_brott = Del("Brott", str(brott))
    rapport.delar.append(del_brott)
    brottdata = _gor_brott(Path(brott), geo, del_brott, att_gora, koordinatsystem)
    forsta, sista, analysar, hel = _analysar(brottdata["tidpunkt"])
    if not hel:
        del_brott.anmarkningar.append(
            f"brottsdatan täcker inte ett helt år; analysar sattes till {analysar}")
    if omraden is not None:
        rapport.delar.append(del_omr)
        del_omr.anmarkningar.insert(0, "områden: " + ", ".join(
            f"{kod} (”{namn_geo[kod][0]}”)" for kod in geo))
        per_omrade = brottdata["omrade"].value_counts()
        del_brott.anmarkningar.append(
            "brott per område: " + ", ".join(
                f"{kod} {formatera_tal(int(per_omrade.get(kod, 0)))}"
                for kod in [*[r for r in GEOROLLER if r in geo and r != "studieomrade"], "ovrigt"]))
    kommun_text = kommun or PLATSHALLARE_KOMMUN
    enkatdata = befdata = None
    if enkat is not None:
        del_enkat = Del("Enkät", str(enkat))
        rapport.delar.append(del_enkat)
        standard_omrade = kommun if kommun else "Hela kommunen"
        enkatdata = _gor_enkat(Path(enkat), dict(fragor or {}), dict(svarskolumner or {}), enkatar,
                               enkatomrade, analysar, standard_omrade, del_enkat, att_gora)
        befdata = _befolkning_och_designvikt(
            enkatdata, Path(befolkning) if befolkning is not None else None, del_enkat,
            rapport.delar, att_gora)
    flodedata = raknardata = None
    if flode is not None:
        del_flode = Del("Flöden", str(flode))
        rapport.delar.append(del_flode)
        reserv = (int(brottdata["ost"].median()), int(brottdata["nord"].median()))
        flodedata, raknardata = _gor_flode(Path(flode), geo, reserv, del_flode, att_gora)

    # 2. Skriv.
    mapp.mkdir(parents=True, exist_ok=True)
    indata_namn = {p.resolve() for p in indata if p.exists()}
    skrivs = {"brott.csv", BESKRIVNING}
    if geo is not None:
        skrivs.add("omraden.geojson")
    if enkatdata is not None:
        skrivs |= {"enkat.csv", "befolkning.csv"}
    if flodedata is not None:
        skrivs |= {"flode.csv", "raknare.csv"}
    for gammal in PLATSFILER:
        if gammal in fanns and gammal not in skrivs and (mapp / gammal).resolve() not in indata_namn:
            (mapp / gammal).unlink()
            rapport.anmarkningar.append(f"{gammal} fanns kvar från förut och togs bort "
                                        "(den hör inte till den nya platsen)")
    if fanns:
        rapport.anmarkningar.append("mappen var inte tom; platsens filer skrevs över (--skriv-over)")

    def skriv_csv(df: pd.DataFrame, namn_: str) -> None:
        df.to_csv(mapp / namn_, index=False, lineterminator="\n", encoding="utf-8")
        rapport.filer[namn_] = len(df)

    ut = brottdata.drop(columns="rad").copy()
    ut["tidpunkt"] = _iso(ut["tidpunkt"])
    skriv_csv(ut, "brott.csv")
    omraden_namn: dict[str, str] = {}
    if geo is not None:
        _skriv_omraden(geo, namn_geo, mapp / "omraden.geojson")
        rapport.filer["omraden.geojson"] = len(geo)
        omraden_namn = {k: namn_geo[k][0] for k in geo if k != "studieomrade"}
        omraden_namn["ovrigt"] = ("Övriga studieområdet" if "studieomrade" in geo
                                  else "Övriga området")
    else:
        omraden_namn = {"ovrigt": "Hela området"}
    enkatar_lista: list[int] = []
    enkatomraden: list[str] = []
    platsens = None
    if enkatdata is not None:
        e = enkatdata.drop(columns="rad").copy()
        e["svarat"] = e["svarat"].map({True: "true", False: "false"})
        skriv_csv(e, "enkat.csv")
        skriv_csv(befdata, "befolkning.csv")
        enkatar_lista = sorted(int(a) for a in enkatdata["ar"].unique())
        enkatomraden = [str(o) for o in pd.unique(enkatdata["omrade"].dropna())]
        if len(enkatomraden) == 1:
            platsens = enkatomraden[0]
            del_enkat.anmarkningar.append(
                f"enkäten har ett enda område; platsens enkätområde sattes till {platsens}")
    if flodedata is not None:
        skriv_csv(flodedata, "flode.csv")
        skriv_csv(raknardata, "raknare.csv")
    _skriv_beskrivning(
        mapp / BESKRIVNING, namn=namn or PLATSHALLARE_NAMN, namn_givet=bool(namn),
        kommun=kommun_text, kommun_givet=bool(kommun), ar=(forsta, sista, analysar),
        omraden=omraden_namn, enkatar=enkatar_lista, enkatomraden=enkatomraden,
        platsens_omrade=platsens,
    )
    rapport.filer[BESKRIVNING] = None
    rapport.filer = dict(sorted(rapport.filer.items(), key=lambda p: PLATSFILER.index(p[0])))

    # 3. Vad som är kvar.
    kvar = []
    if not namn:
        kvar.append(f"Ändra namn i plats.yml: där står platshållaren ”{PLATSHALLARE_NAMN}”.")
    if not kommun:
        kvar.append(f"Ändra kommun i plats.yml: där står platshållaren ”{PLATSHALLARE_KOMMUN}”.")
    kvar.append("Fyll i när åtgärderna började och var klara (atgarder.start och atgarder.klara "
                "i plats.yml).")
    kvar.append("Fyll i uppfoljningsar i plats.yml när du vet vilket år åtgärderna följs upp.")
    if enkatdata is not None and platsens is None:
        kvar.append("Fyll i enkat.platsens_omrade i plats.yml: det enkätområde som platsen ligger i "
                    f"(ett av {', '.join(enkatomraden)}).")
    if geo is None:
        kvar.append("Rita åtgärdsområdet och gärna en buffertzon och ett jämförelseområde som "
                    "GeoJSON och kör om med --omraden FIL --skriv-over. Nu har alla brott koden ovrigt.")
    kvar.append(f"Kontrollera analysar i plats.yml (nu {analysar}, det senaste hela året i brottsdatan).")
    kvar += att_gora
    kvar.append("Lägg gärna till landmärken (namn och koordinater) i plats.yml, så att kartorna får "
                "namn på kända platser.")
    rapport.att_gora = kvar
    return rapport


# ---------------------------------------------------------------------------
# Kommandoraden


def _artal(text: str) -> int:
    import argparse

    try:
        ar = int(text)
    except ValueError:
        ar = 0
    if not 1900 <= ar <= 2100:
        raise argparse.ArgumentTypeError(f"väntade ett årtal, till exempel 2024, inte {text!r}")
    return ar


def lagg_till_kommando(under) -> None:  # type: ignore[no-untyped-def]
    """Lägg till kommandot ``ny-plats`` bland kommandoradens underkommandon."""
    from tryggaplatser.kommandorad import underkommando

    k = underkommando(
        under,
        "ny-plats",
        "gör en plats (en mapp som kapitlens analyser kan köras på) av dina egna filer",
        "Läser dina filer på samma sätt som kommandot kontrollera och skriver dem som en "
        "plats: brott.csv, omraden.geojson, enkat.csv, befolkning.csv, flode.csv, "
        "raknare.csv och platsbeskrivningen plats.yml. Kommandot skriver vad det gjorde, "
        "vilka rader som lämnades utanför och varför, och vad du behöver fylla i själv.",
    )
    k.add_argument("mapp", metavar="MAPP", help="mappen som platsen skrivs till (ny eller tom)")
    k.add_argument("--brott", metavar="FIL", required=True,
                   help="brott eller händelser med datum, klockslag och koordinater (.csv eller .xlsx)")
    k.add_argument("--enkat", metavar="FIL", help="enkätsvar (.csv eller .xlsx)")
    k.add_argument("--flode", metavar="FIL", help="flödesmätningar: antal passerande (.csv eller .xlsx)")
    k.add_argument("--omraden", metavar="FIL",
                   help="områdena som GeoJSON; varje område har egenskapen omrade med koden "
                        "atgardsomrade, buffertzon, jamforelseomrade eller studieomrade")
    k.add_argument("--befolkning", metavar="FIL",
                   help="befolkningen per år, område, kön och åldersgrupp (kolumnen Antal)")
    k.add_argument("--namn", metavar="TEXT", help="platsens namn, till exempel ”Torgets centrum”")
    k.add_argument("--kommun", metavar="TEXT", help="kommunens namn")
    k.add_argument("--fraga", metavar="FRÅGA=RUBRIK", action="append", default=[],
                   help="koppla en kolumn i enkäten till en av handbokens frågor ("
                        + ", ".join(FRAGOR) + "), till exempel --fraga otrygg_kvall=F7; "
                        "går att ange flera gånger")
    k.add_argument("--svarskolumn", metavar="RUBRIK=SKALA", action="append", default=[],
                   help="hur svaren i en kolumn i enkäten ska läsas när de är koder: en skala "
                        "(trygghet, trygghet_plats, oro, problem; koden är platsen i skalan) "
                        "eller koderna, till exempel --svarskolumn \"F7=1=Mycket otrygg, "
                        "4=Mycket trygg\"; går att ange flera gånger")
    k.add_argument("--koordinatsystem", metavar="EPSG",
                   help="brottsfilens koordinatsystem, till exempel EPSG:3011, om filen inte "
                        "säger det och talen inte räcker för att avgöra det")
    k.add_argument("--enkatar", metavar="ÅR", type=_artal,
                   help="enkätens år, om enkätfilen inte har något")
    k.add_argument("--enkatomrade", metavar="NAMN", help="enkätens område, om enkätfilen inte har något")
    k.add_argument("--skriv-over", action="store_true",
                   help="skriv över platsens filer i en mapp som inte är tom")
    k.set_defaults(kor=kor_kommando)


def kor_kommando(args) -> int:  # type: ignore[no-untyped-def]
    """Kör ``ny-plats`` med tolkade argument. Returnerar slutkoden (0 eller 2)."""
    import sys

    from tryggaplatser.kommandorad import SLUTKOD_FILFEL, SLUTKOD_OK

    fragor: dict[str, str] = {}
    svarskolumner: dict[str, str] = {}
    try:
        for val in args.fraga:
            fraga, lika, rubrik = val.partition("=")
            if not lika or not fraga.strip() or not rubrik.strip():
                raise NyPlatsFel(
                    f"--fraga {val}: väntade FRÅGA=RUBRIK, till exempel --fraga otrygg_kvall=F7.")
            fragor[fraga.strip()] = rubrik.strip()
        for val in args.svarskolumn:
            rubrik, lika, skala = val.partition("=")
            if not lika or not rubrik.strip() or not skala.strip():
                raise NyPlatsFel(f"--svarskolumn {val}: väntade RUBRIK=SKALA, till exempel "
                                 "--svarskolumn F7=trygghet.")
            svarskolumner[rubrik.strip()] = skala.strip()
        rapport = ny_plats(
            args.mapp, args.brott, enkat=args.enkat, flode=args.flode, omraden=args.omraden,
            befolkning=args.befolkning, namn=args.namn, kommun=args.kommun, fragor=fragor,
            svarskolumner=svarskolumner, koordinatsystem=args.koordinatsystem,
            enkatar=args.enkatar, enkatomrade=args.enkatomrade, skriv_over=args.skriv_over,
        )
    except (FilFel, NyPlatsFel) as fel:
        print("Platsen kunde inte skapas. Inget skrevs.", file=sys.stderr)
        print(fel, file=sys.stderr)
        return SLUTKOD_FILFEL
    print(rapport.text())
    return SLUTKOD_OK
