"""Skapa Mellanstads syntetiska exempeldata, eller en annan påhittad stad.

Användning: ``make data`` eller
``python scripts/generera_mellanstad.py [--stad NAMN] [--utmapp MAPP]``.

Standard är Mellanstad, handbokens exempelstad. ``--stad provkoping`` ger
testernas andra stad: andra koordinater, år, namn och frön, en liten enkät
med mycket små grupper och ingen flödesräkning. Testerna kör alla
notebooks på den för att visa att analyserna inte är bundna till Mellanstad.

Skriptet är deterministiskt: samma kod ger samma filer, byte för byte.
Alla slumptal kommer från numpy-generatorer med fasta frön, ett frö per
datamängd, så att en ändring i en datamängd inte rubbar de andra.
Inga tidsstämplar för själva körningen skrivs någonstans.

Mellanstad är påhittad. Koordinaterna ligger i SWEREF 99 TM (EPSG:3006),
ungefär där en mellanstor stad i mellersta Sverige skulle kunna ligga.
Mönstren som kapitlen ska hitta beskrivs i ``data/mellanstad/README.md``.
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import LineString, Point, Polygon, mapping

from tryggaplatser.fynd import FYNDTEMAN
from tryggaplatser.skalor import BESIKTNINGSNIVAER, SVARSSKALOR, VECKODAGAR_KORT

ROT = Path(__file__).resolve().parent.parent
STANDARDMAPP = ROT / "data" / "mellanstad"
TIDSZON = "Europe/Stockholm"

# Stadens nollpunkt (busstationen). Allt annat anges i meter från den.
E0, N0 = 560_000, 6_650_000


@dataclass(frozen=True)
class Stad:
    """Inställningar för en genererad stad. Standardvärdena ger Mellanstad."""

    kod: str = "mellanstad"
    kommun: str = "Mellanstad"
    platsnamn: str = "Mellanstads centrum"
    fro: int = 20240301
    #: Flytt i meter (öst, nord) från Mellanstads läge.
    flytt: tuple[int, int] = (0, 0)
    #: År före (-) eller efter (+) Mellanstads 2021–2025.
    ar_flytt: int = 0
    idprefix: str = "MS"
    #: Värden i datan som byter namn, till exempel enkätområden och platser.
    namnbyten: dict[str, str] = field(default_factory=dict)
    #: Bruttourvalet som andel av Mellanstads.
    enkat_andel: float = 1.0
    med_flode: bool = True


STADER = {
    "mellanstad": Stad(),
    "provkoping": Stad(
        kod="provkoping", kommun="Provköping", platsnamn="Provköpings resecentrum",
        fro=19970611, flytt=(114_350, -70_270), ar_flytt=-3, idprefix="PK",
        namnbyten={"Centrum": "Stadskärnan", "Norrby": "Östra", "Söder": "Södra",
                   "Busstationen": "Resecentrum", "Stortorget": "Rådhustorget",
                   "Norrby torg": "Östra torget", "Kyrkparken": "Slottsparken",
                   "Busstorget": "Stationsplan"},
        enkat_andel=0.12, med_flode=False,
    ),
}
#: Staden som skrivs just nu (sätts av :func:`generera`).
STAD = STADER["mellanstad"]


def rng_for(nummer: int) -> np.random.Generator:
    """En egen slumpgenerator per datamängd."""
    return np.random.default_rng([STAD.fro, nummer])


def flytta_ar(ar: int) -> int:
    """Mellanstads år som motsvarande år i staden som skrivs."""
    return ar + STAD.ar_flytt


def flytta_datum(datum: str | pd.Timestamp) -> str:
    """Ett datum (ÅÅÅÅ-MM-DD) i Mellanstad som samma dag i staden som skrivs."""
    return (pd.Timestamp(datum) + pd.DateOffset(years=STAD.ar_flytt)).strftime("%Y-%m-%d")


def byt_namn(varde: object) -> object:
    """Stadens namn på en plats, ett område eller kommunen."""
    if not isinstance(varde, str):
        return varde
    return STAD.namnbyten.get(varde, varde).replace("Mellanstad", STAD.kommun)


def byt_namn_i_text(text: str) -> str:
    """Stadens namn på platserna inne i en text, till exempel en åtgärd.

    Hela ord byts, med stor eller liten första bokstav som i texten:
    "vid busstationen" blir "vid resecentrum" i Provköping.
    """
    if STAD == STADER["mellanstad"]:
        return text
    byten = {**STAD.namnbyten, "Mellanstad": STAD.kommun}
    for gammalt in sorted(byten, key=len, reverse=True):  # "Norrby torg" före "Norrby"
        nytt = byten[gammalt]
        for g, n in ((gammalt, nytt), (gammalt[:1].lower() + gammalt[1:], nytt[:1].lower() + nytt[1:])):
            text = re.sub(rf"\b{re.escape(g)}\b", n, text)
    return text


def p(dx: float, dy: float) -> tuple[float, float]:
    """Punkt i SWEREF 99 TM från lokala meter."""
    return (E0 + dx, N0 + dy)


# ---------------------------------------------------------------------------
# Geografi
# ---------------------------------------------------------------------------

PLATSER = {
    "Busstationen": p(0, 0),
    "Stortorget": p(180, 60),
    "Gallerian": p(300, -20),
    "Järnvägsstationen": p(-150, -380),
    "Kyrkparken": p(-330, 170),
    "Centralskolan": p(520, 430),
    "Norrby torg": p(1900, 1820),
    "Stormarknaden": p(1250, -700),
}
PARKSTRAKET = [p(180, 40), p(100, -150), p(-50, -300), p(-150, -380)]
KROGSTRAKET = [p(200, 160), p(360, 160)]

ATGARDSOMRADE = Polygon(
    [p(-240, -470), p(-60, -470), p(70, -290), p(190, -130), p(410, -110),
     p(430, 240), p(120, 250), p(-90, 110), p(-90, -120), p(-140, -250),
     p(-240, -330)]
)
BUFFERTBREDD = 300
# Hela meter, så att områdeskoderna i datan stämmer exakt med GeoJSON-filen.
_buffert_yttre = shapely.set_precision(ATGARDSOMRADE.buffer(BUFFERTBREDD, quad_segs=4), 1.0)
BUFFERTZON = shapely.set_precision(_buffert_yttre.difference(ATGARDSOMRADE), 1.0)
JAMFORELSEOMRADE = Polygon(
    [p(1620, 1580), p(2180, 1560), p(2220, 1990), p(1880, 2080), p(1640, 2000)]
)
STUDIEOMRADE = Polygon([p(-1200, -1200), p(2600, -1200), p(2600, 2600), p(-1200, 2600)])

OMRADEN = [
    ("atgardsomrade", "Åtgärdsområdet",
     "Mellanstads centrum: busstationen, Stortorget, Storgatans krogstråk, "
     "Gallerian och parkstråket till järnvägsstationen. Här gjordes åtgärderna 2024."),
    ("buffertzon", "Buffertzonen",
     f"En ring {BUFFERTBREDD} meter runt åtgärdsområdet. Används för att upptäcka "
     "förflyttning av brott eller spridning av nytta."),
    ("jamforelseomrade", "Jämförelseområdet",
     "Norrby centrum: ett annat centrum med torg, pub, butiker och busshållplats. "
     "Inga åtgärder 2024."),
    ("studieomrade", "Studieområdet",
     "Hela området som brottsdatan täcker: centrala Mellanstad med Norrby, "
     "Söder och Västra."),
]

GATOR = [
    ("Storgatan", "Huvudgata", [p(-400, 160), p(-90, 160), p(200, 160), p(360, 160), p(700, 170)]),
    ("Järnvägsgatan", "Huvudgata", [p(-700, -420), p(-150, -420), p(300, -420), p(900, -430)]),
    ("Torggatan", "Lokalgata", [p(180, 160), p(180, -200)]),
    ("Busstorget", "Lokalgata", [p(-90, 30), p(120, 30)]),
    ("Kyrkogatan", "Lokalgata", [p(-330, 500), p(-330, -300)]),
    ("Skolgatan", "Lokalgata", [p(360, 160), p(520, 430), p(560, 700)]),
    ("Parkstråket", "Gång- och cykelväg", PARKSTRAKET),
    ("Norrbyvägen", "Huvudgata", [p(360, 160), p(900, 700), p(1500, 1300), p(1900, 1700),
                                  p(2300, 2200)]),
    ("Norrby torggata", "Lokalgata", [p(1700, 1820), p(2100, 1820)]),
    ("Söderleden", "Huvudgata", [p(-1100, -900), p(300, -900), p(1250, -700), p(2500, -600)]),
    ("Västra vägen", "Lokalgata", [p(-1100, 700), p(-400, 600), p(-90, 160)]),
]


def omrade_for(e: np.ndarray, n: np.ndarray) -> np.ndarray:
    """Områdeskod för punkter: åtgärd, buffert, jämförelse eller övrigt."""
    ut = np.full(len(e), "ovrigt", dtype=object)
    ut[shapely.contains_xy(JAMFORELSEOMRADE, e, n)] = "jamforelseomrade"
    ut[shapely.contains_xy(BUFFERTZON, e, n)] = "buffertzon"
    ut[shapely.contains_xy(ATGARDSOMRADE, e, n)] = "atgardsomrade"
    return ut


def kontrollera_geografi() -> None:
    for namn in ("Busstationen", "Stortorget", "Gallerian", "Järnvägsstationen"):
        assert ATGARDSOMRADE.contains(Point(PLATSER[namn])), namn
    for namn in ("Kyrkparken", "Centralskolan"):
        assert BUFFERTZON.contains(Point(PLATSER[namn])), namn
    assert JAMFORELSEOMRADE.contains(Point(PLATSER["Norrby torg"]))
    assert ATGARDSOMRADE.contains(LineString(PARKSTRAKET))
    assert ATGARDSOMRADE.contains(LineString(KROGSTRAKET))
    assert not _buffert_yttre.intersects(JAMFORELSEOMRADE)
    assert STUDIEOMRADE.contains(_buffert_yttre) and STUDIEOMRADE.contains(JAMFORELSEOMRADE)


# ---------------------------------------------------------------------------
# Skrivhjälp
# ---------------------------------------------------------------------------

def skriv_csv(df: pd.DataFrame, fil: Path) -> None:
    if STAD != STADER["mellanstad"]:
        df = df.copy()
        for kol in df.columns:
            if pd.api.types.is_string_dtype(df[kol]):
                df[kol] = df[kol].map(byt_namn)
        for kol, d in (("ost", STAD.flytt[0]), ("nord", STAD.flytt[1])):
            if kol in df.columns:
                df[kol] = df[kol] + d
    df.to_csv(fil, index=False, lineterminator="\n", encoding="utf-8")


def avrunda_koord(geom) -> dict:
    """GeoJSON-geometri med hela meter (heltal) för stabil utskrift."""
    if STAD.flytt != (0, 0):
        geom = shapely.transform(geom, lambda xy: xy + STAD.flytt)
    geom = shapely.set_precision(geom, 1.0)
    g = mapping(geom)

    def runda(obj):
        if isinstance(obj, (list, tuple)):
            if obj and isinstance(obj[0], (int, float)):
                return [int(round(v)) for v in obj]
            return [runda(o) for o in obj]
        return obj

    return {"type": g["type"], "coordinates": runda(g["coordinates"])}


def skriv_geojson(features: list[dict], fil: Path, namn: str) -> None:
    rader = [
        "{",
        '"type": "FeatureCollection",',
        f'"name": "{namn}",',
        '"crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3006"}},',
        '"features": [',
    ]
    delar = [json.dumps(f, ensure_ascii=False, separators=(", ", ": ")) for f in features]
    rader.append(",\n".join(delar))
    rader += ["]", "}"]
    fil.write_text("\n".join(rader) + "\n", encoding="utf-8")


def iso_tid(tider: pd.DatetimeIndex | pd.Series) -> list[str]:
    """ISO 8601 med sekunder och tidszonsförskjutning, t.ex. 2024-03-01T22:15:00+01:00."""
    s = pd.Series(tider).dt.strftime("%Y-%m-%dT%H:%M:%S%z")
    return [v[:-2] + ":" + v[-2:] for v in s]


# ---------------------------------------------------------------------------
# Tidsprofiler (vikt per veckodag 0=måndag och timme)
# ---------------------------------------------------------------------------

def profil(namn: str) -> np.ndarray:
    w = np.ones((7, 24))
    h = np.arange(24)
    if namn == "helgnatt":  # våld vid krogar och busstation
        for d in range(7):
            w[d] = np.where((h >= 8) & (h < 18), 1.0, 0.4)
            w[d, 18:22] = 2.0
            w[d, 22:24] = 3.0
            w[d, 0:4] = 1.5
        w[3, 22:24] = 4.0  # torsdag
        w[4, 18:22] = 4.0
        w[4, 22:24] = 14.0  # fredag kväll
        w[5, 0:4] = [16.0, 15.0, 11.0, 6.0]  # natt mot lördag
        w[5, 18:22] = 4.0
        w[5, 22:24] = 15.0
        w[6, 0:4] = [18.0, 16.0, 12.0, 6.0]  # natt mot söndag
    elif namn == "spridd":
        for d in range(7):
            w[d] = np.where((h >= 8) & (h < 17), 1.0, 0.5)
            w[d, 17:23] = 2.0
            w[d, 23] = 1.5
            w[d, 0:3] = 1.2
        w[[5, 6], 0:3] = 2.2
        w[[4, 5], 18:24] = 2.6
    elif namn == "butik":
        w[:] = 0.02
        for d in range(5):
            w[d, 8:10] = 2.0
            w[d, 10:18] = 6.0
            w[d, 18:21] = 3.0
        w[5, 9:10] = 1.5
        w[5, 10:16] = 3.5
        w[5, 16:18] = 1.5
        w[6, 11:16] = 1.5
    elif namn == "kvall":
        for d in range(7):
            w[d] = 0.3
            w[d, 12:18] = 1.5
            w[d, 18:24] = 4.0
            w[d, 0:3] = 3.0
        w[[4, 5], 18:24] *= 1.5
        w[[5, 6], 0:3] *= 1.5
    elif namn == "natt":  # skadegörelse, klotter
        for d in range(7):
            w[d] = 1.0
            w[d, 20:24] = 3.0
            w[d, 0:4] = 3.0
            w[d, 5:8] = 0.5
        w[[5, 6], 0:4] = 4.5
    elif namn == "dag":  # cykelstöld, fickstöld, stöld ur fordon
        for d in range(7):
            w[d] = 0.5
            w[d, 7:19] = 2.0
            w[d, 19:24] = 1.2
        w[[5, 6], 7:19] = 1.4
    elif namn == "skola":
        for d in range(5):
            w[d, 8:16] = 3.0
            w[d, 18:23] = 2.0
        w[[5, 6], 18:24] = 2.5
    else:
        raise ValueError(namn)
    return w


SASONG = {
    "vald": [0.8, 0.8, 0.9, 0.95, 1.1, 1.25, 1.2, 1.2, 1.0, 0.95, 0.9, 1.05],
    "butik": [0.95, 0.9, 0.95, 0.95, 1.0, 0.95, 0.85, 0.95, 1.0, 1.05, 1.15, 1.3],
    "cykel": [0.3, 0.3, 0.6, 1.1, 1.5, 1.7, 1.7, 1.7, 1.4, 0.9, 0.5, 0.3],
    "skadegorelse": [0.8, 0.8, 0.9, 1.0, 1.1, 1.2, 1.2, 1.25, 1.1, 1.0, 0.9, 0.8],
    "jamn": [0.95, 0.95, 1.0, 1.0, 1.0, 1.05, 1.05, 1.05, 1.0, 1.0, 0.95, 0.95],
}

BROTTSTYPER = {
    # brottstyp: (brottskategori, tidsprofil på andra platser, säsong)
    "Misshandel": ("Brott mot liv och hälsa", "spridd", "vald"),
    "Olaga hot": ("Brott mot frihet och frid", "spridd", "vald"),
    "Ofredande": ("Brott mot frihet och frid", "spridd", "vald"),
    "Rån": ("Stöld, rån och häleri", "kvall", "vald"),
    "Butiksstöld": ("Stöld, rån och häleri", "butik", "butik"),
    "Cykelstöld": ("Stöld, rån och häleri", "dag", "cykel"),
    "Fickstöld": ("Stöld, rån och häleri", "dag", "jamn"),
    "Stöld ur fordon": ("Stöld, rån och häleri", "natt", "jamn"),
    "Skadegörelse": ("Skadegörelsebrott", "natt", "skadegorelse"),
    "Klotter": ("Skadegörelsebrott", "natt", "skadegorelse"),
    "Narkotikabrott": ("Narkotikabrott", "kvall", "jamn"),
}
VALD = ("Misshandel", "Olaga hot", "Ofredande")

# Åtgärdernas effekt i åtgärdsområdet när de är fullt genomförda (faktor på nivån).
EFFEKT_ATGARD = {
    "Misshandel": 0.58, "Olaga hot": 0.62, "Ofredande": 0.6, "Rån": 0.5,
    "Narkotikabrott": 0.45, "Skadegörelse": 0.6, "Klotter": 0.5, "Cykelstöld": 0.6,
    "Butiksstöld": 0.9, "Fickstöld": 0.8, "Stöld ur fordon": 0.9,
}
EFFEKT_BUFFERT = 0.65  # spridning av nytta i buffertzonen (utom narkotika)
FORFLYTTAD_NARKOTIKA = 12.0  # narkotikabrott per år som flyttar till Kyrkparken
RAMP_START = pd.Timestamp("2024-03-01")
RAMP_SLUT = pd.Timestamp("2024-11-30")
TREND = {2021: 0.97, 2022: 1.0, 2023: 1.03, 2024: 1.0, 2025: 0.97}
TOPP_2023 = 1.12  # åtgärdsområdet hade ett ovanligt högt år 2023

# Källor: (namn, zon, rumslig modell, {brottstyp: antal per år}, tidsprofil eller None)
# Tidsprofil None betyder brottstypens egen profil.
KALLOR = [
    ("busstationen", "atgard", ("punkt", PLATSER["Busstationen"], 25),
     {"Misshandel": 32, "Olaga hot": 12, "Ofredande": 18, "Rån": 6, "Narkotikabrott": 16,
      "Skadegörelse": 15, "Klotter": 8, "Fickstöld": 10}, "helgnatt"),
    ("krogstraket", "atgard", ("linje", KROGSTRAKET, 18),
     {"Misshandel": 48, "Olaga hot": 15, "Ofredande": 20, "Skadegörelse": 10,
      "Narkotikabrott": 6, "Fickstöld": 8}, "helgnatt"),
    ("stortorget", "atgard", ("punkt", PLATSER["Stortorget"], 30),
     {"Skadegörelse": 15, "Klotter": 10, "Misshandel": 10, "Ofredande": 8, "Cykelstöld": 10,
      "Narkotikabrott": 5}, None),
    ("gallerian", "atgard", ("punkt", PLATSER["Gallerian"], 15),
     {"Butiksstöld": 115, "Fickstöld": 10, "Olaga hot": 5, "Skadegörelse": 4}, None),
    ("centrumbutiken", "atgard", ("punkt", p(100, 150), 8), {"Butiksstöld": 35}, None),
    ("parkstraket", "atgard", ("linje", PARKSTRAKET, 15),
     {"Rån": 8, "Ofredande": 12, "Narkotikabrott": 20, "Misshandel": 8, "Skadegörelse": 10,
      "Klotter": 10}, "kvall"),
    ("jarnvagsstationen", "atgard", ("punkt", PLATSER["Järnvägsstationen"], 25),
     {"Cykelstöld": 30, "Skadegörelse": 12, "Klotter": 8, "Misshandel": 6, "Ofredande": 6},
     None),
    ("centrumbostader", "buffert", ("polygon", BUFFERTZON, None),
     {"Skadegörelse": 40, "Klotter": 15, "Misshandel": 22, "Olaga hot": 18, "Ofredande": 14,
      "Cykelstöld": 30, "Stöld ur fordon": 25, "Narkotikabrott": 8, "Butiksstöld": 20}, None),
    ("kyrkparken", "buffert", ("punkt", PLATSER["Kyrkparken"], 30),
     {"Narkotikabrott": 6, "Skadegörelse": 8, "Ofredande": 5, "Klotter": 5}, "kvall"),
    ("centralskolan", "buffert", ("punkt", PLATSER["Centralskolan"], 30),
     {"Skadegörelse": 16, "Klotter": 10, "Misshandel": 6}, "skola"),
    ("norrby_torg", "jamforelse", ("punkt", PLATSER["Norrby torg"], 30),
     {"Misshandel": 36, "Olaga hot": 14, "Ofredande": 16, "Skadegörelse": 22, "Klotter": 12,
      "Narkotikabrott": 14, "Rån": 5}, "helgnatt"),
    ("norrby_butik", "jamforelse", ("punkt", p(2000, 1750), 10),
     {"Butiksstöld": 90, "Fickstöld": 8}, None),
    ("norrby_bostader", "jamforelse", ("polygon", JAMFORELSEOMRADE, None),
     {"Skadegörelse": 35, "Cykelstöld": 28, "Stöld ur fordon": 20, "Misshandel": 14,
      "Olaga hot": 14, "Ofredande": 11, "Klotter": 11}, None),
    ("stormarknaden", "ovrigt", ("punkt", PLATSER["Stormarknaden"], 20),
     {"Butiksstöld": 90, "Stöld ur fordon": 15, "Skadegörelse": 5}, None),
    ("soder", "ovrigt", ("punkt", p(800, -650), 170),
     {"Skadegörelse": 25, "Misshandel": 12, "Olaga hot": 12, "Cykelstöld": 10,
      "Stöld ur fordon": 15, "Klotter": 6, "Narkotikabrott": 5}, None),
    ("vastra", "ovrigt", ("punkt", p(-650, 800), 190),
     {"Skadegörelse": 15, "Misshandel": 8, "Olaga hot": 8, "Cykelstöld": 8,
      "Stöld ur fordon": 10}, None),
    ("spridda", "ovrigt", ("polygon", STUDIEOMRADE, None),
     {"Skadegörelse": 40, "Stöld ur fordon": 30, "Cykelstöld": 25, "Misshandel": 15,
      "Olaga hot": 20, "Ofredande": 12, "Klotter": 15, "Narkotikabrott": 8}, None),
]


def ramp(dagar: pd.DatetimeIndex) -> np.ndarray:
    """0 före åtgärderna, 1 när de är fullt genomförda, linjärt däremellan."""
    start, slut = pd.Timestamp(flytta_datum(RAMP_START)), pd.Timestamp(flytta_datum(RAMP_SLUT))
    t = (dagar - start).days.values / (slut - start).days
    return np.clip(t, 0.0, 1.0)


def dra_punkter(rng: np.random.Generator, modell: tuple, antal: int) -> tuple:
    typ, geo, sd = modell
    e = np.empty(0)
    n = np.empty(0)
    while len(e) < antal:
        behov = antal - len(e)
        if typ == "punkt":
            ne = rng.normal(geo[0], sd, behov)
            nn = rng.normal(geo[1], sd, behov)
        elif typ == "linje":
            linje = LineString(geo)
            avst = rng.uniform(0, linje.length, behov)
            pkt = shapely.line_interpolate_point(linje, avst)
            ne = shapely.get_x(pkt) + rng.normal(0, sd, behov)
            nn = shapely.get_y(pkt) + rng.normal(0, sd, behov)
        elif typ == "polygon":
            x0, y0, x1, y1 = geo.bounds
            ne = rng.uniform(x0, x1, behov * 3)
            nn = rng.uniform(y0, y1, behov * 3)
            inne = shapely.contains_xy(geo, ne, nn)
            ne, nn = ne[inne][:behov], nn[inne][:behov]
        else:
            raise ValueError(typ)
        inne = shapely.contains_xy(STUDIEOMRADE, ne, nn)
        e = np.concatenate([e, ne[inne]])
        n = np.concatenate([n, nn[inne]])
    return np.round(e).astype(int), np.round(n).astype(int)


def generera_brott(ut: Path) -> None:
    rng = rng_for(1)
    dagar = pd.date_range(f"{flytta_ar(2021)}-01-01", f"{flytta_ar(2025)}-12-31", freq="D")
    manad = dagar.month.values - 1
    veckodag = dagar.day_of_week.values
    ar = dagar.year.values
    trend = np.array([TREND[a - STAD.ar_flytt] for a in ar])
    r = ramp(dagar)
    zoner = ("atgard", "buffert", "jamforelse", "ovrigt")
    dagsbrus = {z: rng.gamma(6.0, 1 / 6.0, len(dagar)) for z in zoner}

    kallor = list(KALLOR)
    # Förflyttning: narkotikahandel som flyttar till Kyrkparken när åtgärderna börjar.
    kallor.append(("kyrkparken_forflyttning", "forflyttning",
                   ("punkt", PLATSER["Kyrkparken"], 30),
                   {"Narkotikabrott": FORFLYTTAD_NARKOTIKA}, "kvall"))

    delar = []
    for _namn, zon, modell, typer, tprofil in kallor:
        for brottstyp, per_ar in typer.items():
            _, egen_profil, sasong = BROTTSTYPER[brottstyp]
            prof = profil(tprofil or egen_profil)
            dagvikt = prof.sum(axis=1) / prof.sum(axis=1).mean()
            sas = np.array(SASONG[sasong]) / np.mean(SASONG[sasong])
            mu = per_ar / 365.25 * sas[manad] * dagvikt[veckodag] * trend
            if zon == "atgard":
                mu = mu * np.where(ar == flytta_ar(2023), TOPP_2023, 1.0)
                mu = mu * (1 - r * (1 - EFFEKT_ATGARD[brottstyp]))
                mu = mu * dagsbrus["atgard"]
            elif zon == "buffert":
                if brottstyp != "Narkotikabrott":
                    mu = mu * (1 - r * (1 - EFFEKT_BUFFERT))
                mu = mu * dagsbrus["buffert"]
            elif zon == "forflyttning":
                mu = mu * r * dagsbrus["buffert"]
            else:
                mu = mu * dagsbrus[zon]
            antal = rng.poisson(mu)
            idx = np.repeat(np.arange(len(dagar)), antal)
            if len(idx) == 0:
                continue
            # Timme ur profilen för respektive veckodag.
            kum = np.cumsum(prof / prof.sum(axis=1, keepdims=True), axis=1)
            u = rng.uniform(0, 1, len(idx))
            timme = np.minimum((u[:, None] > kum[veckodag[idx]]).sum(axis=1), 23)
            minut = rng.integers(0, 60, len(idx))
            # En del anmälningar har avrundad tid (hel eller halv timme).
            avrunda = rng.uniform(0, 1, len(idx))
            minut = np.where(avrunda < 0.15, 0, np.where(avrunda < 0.22, 30, minut))
            e, n = dra_punkter(rng, modell, len(idx))
            delar.append(pd.DataFrame({
                "dag": dagar[idx], "timme": timme, "minut": minut,
                "brottstyp": brottstyp, "ost": e, "nord": n,
            }))
    df = pd.concat(delar, ignore_index=True)
    lokal = df["dag"] + pd.to_timedelta(df["timme"], unit="h") + pd.to_timedelta(
        df["minut"], unit="min")
    tid = lokal.dt.tz_localize(TIDSZON, ambiguous=np.ones(len(df), dtype=bool),
                               nonexistent="shift_forward")
    df["tidpunkt"] = tid
    df["brottskategori"] = df["brottstyp"].map({k: v[0] for k, v in BROTTSTYPER.items()})
    df["omrade"] = omrade_for(df["ost"].to_numpy(float), df["nord"].to_numpy(float))
    df = df.sort_values(["tidpunkt", "brottstyp", "ost", "nord"], kind="mergesort")
    df = df.reset_index(drop=True)
    lopnr = df.groupby(df["tidpunkt"].dt.year).cumcount() + 1
    df["id"] = [f"{STAD.idprefix}-{a}-{n:05d}" for a, n in zip(df["tidpunkt"].dt.year, lopnr, strict=True)]
    df["tidpunkt"] = iso_tid(df["tidpunkt"])
    skriv_csv(df[["id", "tidpunkt", "brottskategori", "brottstyp", "ost", "nord", "omrade"]],
              ut / "brott.csv")


# ---------------------------------------------------------------------------
# Trygghetsenkät
# ---------------------------------------------------------------------------

ENKATOMRADEN = ["Centrum", "Norrby", "Söder", "Landsbygd"]
ALDERSGRUPPER = ["16–24", "25–44", "45–64", "65–84"]
KON = ["Kvinna", "Man"]
BRUTTO = {"Centrum": 900, "Norrby": 700, "Söder": 550, "Landsbygd": 550}
BEF_OMRADE = {"Centrum": 8200, "Norrby": 7100, "Söder": 11300, "Landsbygd": 9800}
BEF_ALDER = {
    "Centrum": [0.17, 0.36, 0.27, 0.20],
    "Norrby": [0.16, 0.35, 0.28, 0.21],
    "Söder": [0.12, 0.31, 0.32, 0.25],
    "Landsbygd": [0.10, 0.27, 0.34, 0.29],
}
BEF_KVINNOR = [0.48, 0.49, 0.50, 0.53]
BEF_TILLVAXT = {2021: 1.0, 2023: 1.006, 2025: 1.013}

# Skalorna i generatorns ordning; alternativen kommer från tryggaplatser.skalor.
SKALA_OTRYGG_KVALL = list(SVARSSKALOR["trygghet"])
SKALA_ORO = list(SVARSSKALOR["oro"])[::-1]  # mest oro först
SKALA_CENTRUM = list(SVARSSKALOR["trygghet_plats"])
SKALA_PROBLEM = list(SVARSSKALOR["problem"])[::-1]  # störst problem först
PROBLEM = {
    # kolumn: (nivå, effekt centrum/norrby, förändring i Centrum 2025)
    "problem_nedskrapning": (0.3, 0.7, -0.5),
    "problem_klotter": (-0.3, 0.8, -0.6),
    "problem_berusade": (-0.6, 1.1, -0.3),
    "problem_belysning": (-0.4, 0.9, -1.1),
    "problem_ungdomsgang": (-0.7, 0.8, -0.2),
    "problem_narkotikahandel": (-1.0, 1.0, -0.4),
}


def befolkning() -> pd.DataFrame:
    rader = []
    for ar, tillv in BEF_TILLVAXT.items():
        for omr in ENKATOMRADEN:
            for i, ag in enumerate(ALDERSGRUPPER):
                tot = BEF_OMRADE[omr] * BEF_ALDER[omr][i] * tillv
                kv = int(round(tot * BEF_KVINNOR[i]))
                man = int(round(tot)) - kv
                rader.append((ar, omr, "Kvinna", ag, kv))
                rader.append((ar, omr, "Man", ag, man))
    return pd.DataFrame(rader, columns=["ar", "omrade", "kon", "aldersgrupp", "antal"])


def ordinal(rng, latent: np.ndarray, granser: list[float]) -> np.ndarray:
    """Index i skalan från en latent variabel plus logistiskt brus."""
    z = latent + rng.logistic(0, 1, len(latent))
    return np.searchsorted(np.array(granser), z)


def generera_enkat(ut: Path) -> pd.DataFrame:
    rng = rng_for(2)
    bef = befolkning()
    delar = []
    for ar in (2021, 2023, 2025):
        for omr in ENKATOMRADEN:
            celler = bef[(bef["ar"] == ar) & (bef["omrade"] == omr)].reset_index(drop=True)
            andel = celler["antal"] / celler["antal"].sum()
            brutto = round(BRUTTO[omr] * STAD.enkat_andel)
            val = rng.choice(len(celler), size=brutto, p=andel.to_numpy())
            d = celler.loc[val, ["ar", "omrade", "kon", "aldersgrupp"]].reset_index(drop=True)
            d["designvikt"] = celler["antal"].sum() / brutto
            delar.append(d)
    df = pd.concat(delar, ignore_index=True)
    n = len(df)
    ai = df["aldersgrupp"].map({a: i for i, a in enumerate(ALDERSGRUPPER)}).to_numpy()
    kvinna = (df["kon"] == "Kvinna").to_numpy()
    ar = df["ar"].to_numpy()
    omr = df["omrade"].to_numpy()

    # Bortfall: unga män svarar minst, äldre kvinnor mest, svarsfrekvensen sjunker.
    lp = (np.array([-0.9, -0.4, 0.2, 0.7])[ai] + 0.25 * kvinna
          + pd.Series(omr).map({"Centrum": -0.05, "Norrby": -0.35, "Söder": 0.0,
                                "Landsbygd": 0.2}).to_numpy()
          + pd.Series(ar).map({2021: 0.2, 2023: 0.0, 2025: -0.15}).to_numpy())
    svarat = rng.uniform(0, 1, n) < 1 / (1 + np.exp(-lp))
    df["svarat"] = svarat
    papper = rng.uniform(0, 1, n) < np.array([0.05, 0.1, 0.25, 0.55])[ai]
    df["svarssatt"] = np.where(svarat, np.where(papper, "Papper", "Webb"), "")

    person = rng.normal(0, 0.7, n)  # personlig benägenhet att uppleva problem och otrygghet
    centrum = omr == "Centrum"
    norrby = omr == "Norrby"
    landsbygd = omr == "Landsbygd"
    efter = ar == 2025

    # Otrygghet ute sent på kvällen i det egna bostadsområdet.
    lat = (1.15 * kvinna + np.array([0.1, 0.0, 0.25, 0.9])[ai]
           + 0.45 * centrum + 0.6 * norrby - 0.7 * landsbygd
           + pd.Series(ar).map({2021: 0.1, 2023: 0.05, 2025: 0.0}).to_numpy()
           - 0.45 * (centrum & efter) + person)
    k = ordinal(rng, lat, [0.0, 2.1, 3.4, 4.3])  # 0..4
    andra_skal = rng.uniform(0, 1, n) < np.array([0.01, 0.01, 0.025, 0.09])[ai]
    k = np.where(andra_skal, 5, k)
    # "Går aldrig ut pga otrygghet" ligger efter "Mycket otrygg" på den latenta skalan.
    df["otrygg_kvall"] = np.array(SKALA_OTRYGG_KVALL, dtype=object)[k]

    # Oro för brottsligheten i samhället (högre och stigande).
    lat = (0.55 * kvinna + np.array([-0.3, 0.0, 0.3, 0.5])[ai]
           + pd.Series(ar).map({2021: -0.2, 2023: 0.05, 2025: 0.2}).to_numpy()
           + 0.5 * person)
    k = ordinal(rng, lat, [-2.6, -1.2, 0.2, 1.6])  # 0 = Inte alls ... 4 = mycket stor
    df["oro_samhalle"] = np.array(SKALA_ORO[::-1], dtype=object)[k]

    # Trygghet i centrum på kvällen (åtgärdernas mål).
    lat = (1.0 * kvinna + np.array([0.2, 0.0, 0.25, 0.6])[ai] + 0.2 * norrby
           + pd.Series(ar).map({2021: 0.05, 2023: 0.1, 2025: -0.6}).to_numpy() + person)
    k = ordinal(rng, lat, [-1.0, 1.2, 2.6])
    aldrig = rng.uniform(0, 1, n) < np.array([0.04, 0.05, 0.08, 0.2])[ai] + 0.06 * landsbygd
    k = np.where(aldrig, 4, k)
    df["otrygg_centrum"] = np.array(SKALA_CENTRUM, dtype=object)[k]

    for kol, (niva, lokal, andring) in PROBLEM.items():
        lat = (niva + lokal * (centrum | norrby) - 0.6 * landsbygd + andring * (centrum & efter)
               + 0.2 * kvinna + 0.6 * person)
        k = ordinal(rng, lat, [-1.0, 0.6, 2.0])  # 0 = Inget problem ... 3 = Mycket stort
        df[kol] = np.array(SKALA_PROBLEM[::-1], dtype=object)[k]

    # Partiellt bortfall: tomma svar, mer bland äldre och på papper.
    fragor = ["otrygg_kvall", "oro_samhalle", "otrygg_centrum", *PROBLEM]
    for kol in fragor:
        risk = 0.012 + np.array([0.0, 0.0, 0.008, 0.025])[ai] + 0.02 * papper
        if kol.startswith("problem_"):
            risk = risk + 0.02
        saknas = rng.uniform(0, 1, n) < risk
        df.loc[saknas, kol] = ""
    df.loc[~svarat, fragor] = ""

    # Vikter: efterstratifiering till befolkningen per område, kön och åldersgrupp.
    # En liten enkät har för få svar per åldersgrupp; då bara per område och kön.
    celler = ["ar", "omrade", "kon", "aldersgrupp"] if STAD.enkat_andel >= 1 else [
        "ar", "omrade", "kon"]
    svar = df[df["svarat"]]
    antal_svar = svar.groupby(celler).size().rename("svar")
    v = bef.groupby(celler)[["antal"]].sum().join(antal_svar)
    if v["svar"].isna().any() or (v["svar"] < 5).any():
        raise RuntimeError("En viktcell har färre än 5 svar; ändra fröet eller urvalet.")
    v["vikt"] = v["antal"] / v["svar"]
    df = df.join(v["vikt"], on=celler)
    df.loc[~df["svarat"], "vikt"] = np.nan
    df["ar"] = df["ar"].map(flytta_ar)
    bef = bef.assign(ar=bef["ar"].map(flytta_ar))

    # Stabil ordning och id.
    df["_ordning"] = rng.permutation(n)
    df = df.sort_values(["ar", "omrade", "_ordning"], kind="mergesort").reset_index(drop=True)
    df["id"] = [f"E{a}-{i:04d}" for a, i in zip(df["ar"], df.groupby("ar").cumcount() + 1,
                                                  strict=True)]
    df["designvikt"] = df["designvikt"].map(lambda x: f"{x:.4f}")
    df["vikt"] = df["vikt"].map(lambda x: "" if pd.isna(x) else f"{x:.4f}")
    df["svarat"] = np.where(df["svarat"], "true", "false")
    kolumner = ["id", "ar", "omrade", "kon", "aldersgrupp", "svarat", "svarssatt",
                "designvikt", "vikt", "otrygg_kvall", "oro_samhalle", "otrygg_centrum",
                *PROBLEM]
    skriv_csv(df[kolumner], ut / "enkat.csv")
    skriv_csv(bef, ut / "befolkning.csv")
    return df


# ---------------------------------------------------------------------------
# Flödesräkning
# ---------------------------------------------------------------------------

RAKNARE = [
    # id, namn, plats, nivå per dygn (vardag), omrade
    ("busstationen", "Busstationen, entrén mot Busstorget", p(20, 30), 6500, "atgardsomrade"),
    ("stortorget", "Stortorget, norra sidan", p(180, 110), 5200, "atgardsomrade"),
    ("parkstraket", "Parkstråket, mitt i parken", p(-50, -300), 1300, "atgardsomrade"),
    ("norrby_torg", "Norrby torg", p(1900, 1850), 2600, "jamforelseomrade"),
]


def flodesprofil(raknare: str) -> np.ndarray:
    w = np.zeros((7, 24))
    h = np.arange(24)

    def klocka(mitt, bredd, hojd):
        return hojd * np.exp(-0.5 * ((h - mitt) / bredd) ** 2)

    for d in range(7):
        vardag = d < 5
        if raknare == "busstationen":
            w[d] = (klocka(7.5, 0.9, 9 if vardag else 1.5) + klocka(16.5, 1.3, 8 if vardag else 2)
                    + klocka(12.5, 3.0, 3 if vardag else 3.5) + 0.15)
            if d in (4, 5):
                w[d] += klocka(23.5, 1.5, 2.0)
            if d in (5, 6):
                w[d, 0:3] += [1.8, 1.5, 0.8]
        elif raknare == "stortorget":
            w[d] = klocka(13.5, 2.8, 7 if vardag else (10 if d == 5 else 4)) + 0.1
            w[d] += klocka(8, 1.0, 1.5 if vardag else 0.2)
            if d in (4, 5):
                w[d] += klocka(22.5, 1.6, 3.0)
            if d in (5, 6):
                w[d, 0:3] += [2.5, 1.8, 1.0]
        elif raknare == "parkstraket":
            w[d] = (klocka(7.3, 0.8, 8 if vardag else 1) + klocka(16.8, 1.2, 7 if vardag else 1.5)
                    + klocka(13, 3, 1.5 if vardag else 2.5) + 0.05)
            w[d] += klocka(20.5, 1.5, 1.0)
        elif raknare == "norrby_torg":
            w[d] = (klocka(12.5, 3.5, 6 if d != 6 else 3) + klocka(8, 1.0, 1.5 if vardag else 0)
                    + klocka(17, 1.2, 2.5 if vardag else 0.5) + 0.1)
            if d in (4, 5):
                w[d] += klocka(22, 1.5, 1.2)
    return w


def flyttad_tid(tid: str) -> pd.Timestamp:
    """En lokal tidpunkt i Mellanstad, flyttad till staden som skrivs."""
    return (pd.Timestamp(tid) + pd.DateOffset(years=STAD.ar_flytt)).tz_localize(TIDSZON)


def andra_fredagen_i_augusti(ar: int) -> pd.Timestamp:
    forsta = pd.Timestamp(f"{ar}-08-01")
    return forsta + pd.Timedelta(days=(4 - forsta.day_of_week) % 7 + 7)


def generera_flode(ut: Path) -> None:
    if not STAD.med_flode:
        return
    rng = rng_for(3)
    utc = pd.date_range(f"{flytta_ar(2022)}-12-31 23:00", f"{flytta_ar(2025)}-12-31 22:00",
                        freq="h", tz="UTC")
    lokal = utc.tz_convert(TIDSZON)
    dag = lokal.tz_localize(None).normalize()
    unika_dagar = dag.unique()
    dagindex = unika_dagar.get_indexer(dag)
    vader = rng.gamma(25.0, 1 / 25.0, len(unika_dagar))[dagindex]  # väder och annat per dag
    manad = lokal.month.values - 1
    veckodag = lokal.day_of_week.values.copy()
    timme = lokal.hour.values
    # Helgdagar räknas som söndagar.
    helg = {"01-01", "01-06", "05-01", "06-06", "12-24", "12-25", "12-26", "12-31"}
    mmdd = lokal.strftime("%m-%d")
    veckodag[np.isin(mmdd, list(helg))] = 6
    efter_belysning = lokal >= pd.Timestamp(flytta_datum("2024-10-15"), tz=TIDSZON)
    festival = np.zeros(len(lokal), dtype=bool)
    for ar in (2023, 2024, 2025):  # stadsfest, andra helgen i augusti
        s = andra_fredagen_i_augusti(flytta_ar(ar)).tz_localize(TIDSZON)
        festival |= (lokal >= s + pd.Timedelta(hours=12)) & (lokal < s + pd.Timedelta(hours=36))
    ut_df = pd.DataFrame({"tidpunkt": iso_tid(lokal)})
    for rid, _namn, _pkt, niva, _omr in RAKNARE:
        prof = flodesprofil(rid)
        prof = prof / prof[:5].sum(axis=1).mean()
        sas = {
            "busstationen": [1.0, 1.0, 1.0, 1.0, 1.0, 0.9, 0.7, 0.9, 1.05, 1.05, 1.05, 1.0],
            "stortorget": [0.85, 0.85, 0.9, 0.95, 1.05, 1.1, 1.1, 1.1, 1.0, 0.95, 1.0, 1.2],
            "parkstraket": [0.8, 0.85, 0.95, 1.0, 1.1, 1.05, 0.8, 1.0, 1.1, 1.0, 0.9, 0.8],
            "norrby_torg": [0.95, 0.95, 1.0, 1.0, 1.0, 1.0, 0.9, 1.0, 1.0, 1.0, 1.0, 1.1],
        }[rid]
        mu = niva * prof[veckodag, timme] * np.array(sas)[manad] * vader
        if rid == "parkstraket":
            kvall = (timme >= 18) | (timme < 1)
            mu = mu * np.where(efter_belysning & kvall, 1.4, 1.0)
        if rid == "stortorget":
            mu = mu * np.where(festival, 3.0, 1.0)
        antal = rng.poisson(mu * rng.gamma(20.0, 1 / 20.0, len(mu)))
        kol = pd.array(antal, dtype="Int64")
        # Avbrott i räkningen: tomma värden.
        if rid == "busstationen":
            bort = (lokal >= flyttad_tid("2024-03-04 09:00")) & (lokal < flyttad_tid("2024-03-12 15:00"))
            kol[bort] = pd.NA
        if rid == "parkstraket":
            bort = (lokal >= flyttad_tid("2025-01-20 10:00")) & (lokal < flyttad_tid("2025-01-21 14:00"))
            kol[bort] = pd.NA
        if rid == "norrby_torg":
            bort = (lokal >= flyttad_tid("2023-06-26 00:00")) & (lokal < flyttad_tid("2023-06-28 00:00"))
            kol[bort] = pd.NA
        ut_df[rid] = kol
    skriv_csv(ut_df, ut / "flode.csv")
    rk = pd.DataFrame(
        [(rid, namn, int(pkt[0]), int(pkt[1]), omr) for rid, namn, pkt, _n, omr in RAKNARE],
        columns=["raknare", "namn", "ost", "nord", "omrade"],
    )
    rk["metod"] = ["Kamerasensor", "Kamerasensor", "Värmesensor", "Kamerasensor"]
    rk["forsta_dag"] = flytta_datum("2023-01-01")
    skriv_csv(rk, ut / "raknare.csv")


# ---------------------------------------------------------------------------
# Verksamheter och öppettider
# ---------------------------------------------------------------------------

DYGNET = ["00:00-24:00"] * 7
VERKSAMHETER = [
    # namn, typ, (dx, dy), öppettider mån..sön
    ("Busstationen", "Busstation", (0, 0), ["04:30-01:30"] * 5 + ["06:00-03:00"] * 2),
    ("Mellanstads järnvägsstation", "Järnvägsstation", (-150, -380), ["04:45-00:30"] * 7),
    ("Stortorget", "Torg", (180, 60), DYGNET),
    ("Parkstråket", "Park", (60, -190), DYGNET),
    ("Gallerian", "Köpcentrum", (300, -20), ["10:00-19:00"] * 5 + ["10:00-17:00", "11:00-16:00"]),
    ("Centrumbutiken", "Dagligvarubutik", (100, 150), ["07:00-22:00"] * 7),
    ("Puben Hörnet", "Bar/pub", (210, 170), ["16:00-23:00"] * 3 + ["16:00-01:00"]
     + ["15:00-02:00"] * 2 + ["15:00-22:00"]),
    ("Krogen Ankaret", "Bar/pub", (250, 150), ["stängt", "17:00-23:00", "17:00-23:00",
                                             "17:00-01:00", "16:00-02:00", "14:00-02:00",
                                             "stängt"]),
    ("Bar Tornet", "Bar/pub", (290, 168), ["stängt"] * 3 + ["18:00-01:00"]
     + ["18:00-02:00"] * 2 + ["stängt"]),
    ("Nattklubb Fyren", "Nattklubb", (340, 172), ["stängt"] * 4 + ["22:00-03:00"] * 2
     + ["stängt"]),
    ("Restaurang Lindgården", "Restaurang", (320, 140), ["11:00-22:00"] * 4
     + ["11:00-23:00"] * 2 + ["12:00-21:00"]),
    ("Pizzeria Roma", "Restaurang", (60, 110), ["11:00-22:00"] * 7),
    ("Grillkiosken", "Snabbmat", (30, 60), ["10:00-23:00"] * 4 + ["10:00-03:30"] * 2
     + ["11:00-23:00"]),
    ("Torgkaféet", "Kafé", (200, 40), ["08:00-18:00"] * 5 + ["09:00-17:00", "10:00-16:00"]),
    ("Systembutiken", "Systembolag", (260, -40), ["10:00-19:00"] * 4 + ["10:00-19:00",
                                                                        "10:00-15:00",
                                                                        "stängt"]),
    ("Apoteket i Gallerian", "Apotek", (310, -10), ["10:00-19:00"] * 5
     + ["10:00-16:00", "stängt"]),
    ("Stationskiosken", "Kiosk", (-130, -360), ["05:30-22:00"] * 5 + ["07:00-22:00"] * 2),
    ("Mellanstads bibliotek", "Bibliotek", (380, 60), ["10:00-19:00"] * 4
     + ["10:00-17:00", "11:00-15:00", "stängt"]),
    ("Kyrkparken", "Park", (-330, 170), DYGNET),
    ("Centralskolan", "Skola", (520, 430), ["07:30-16:30"] * 5 + ["stängt"] * 2),
    ("Fritidsgården Navet", "Fritidsgård", (470, 380), ["stängt", "15:00-21:00", "15:00-21:00",
                                                       "15:00-21:00", "15:00-23:00",
                                                       "15:00-23:00", "stängt"]),
    ("Vårdcentralen Centrum", "Vårdcentral", (-200, 300), ["08:00-17:00"] * 5 + ["stängt"] * 2),
    ("Gymmet Centrum", "Gym", (480, -60), ["05:00-23:00"] * 7),
    ("Hotell Stadshotellet", "Hotell", (130, 210), DYGNET),
    ("Parkeringshuset Torget", "Parkering", (420, 20), DYGNET),
    ("Norrby torg", "Torg", (1900, 1820), DYGNET),
    ("Norrby busshållplats", "Busshållplats", (1850, 1850), ["05:00-00:30"] * 7),
    ("Norrbypuben", "Bar/pub", (1950, 1830), ["16:00-23:00"] * 4 + ["15:00-01:00"] * 2
     + ["15:00-22:00"]),
    ("Pizzeria Norrby", "Restaurang", (1870, 1760), ["11:00-22:00"] * 7),
    ("Norrby livs", "Dagligvarubutik", (2000, 1750), ["07:00-22:00"] * 7),
    ("Norrbyskolan", "Skola", (2080, 1940), ["07:30-16:30"] * 5 + ["stängt"] * 2),
    ("Norrby bibliotek", "Bibliotek", (1800, 1900), ["stängt", "12:00-19:00", "12:00-19:00",
                                                    "12:00-19:00", "10:00-16:00", "stängt",
                                                    "stängt"]),
    ("Stormarknaden", "Dagligvarubutik", (1250, -700), ["08:00-22:00"] * 7),
]


def generera_verksamheter(ut: Path) -> pd.DataFrame:
    rader = []
    for i, (namn, typ, (dx, dy), tider) in enumerate(VERKSAMHETER, start=1):
        e, n = p(dx, dy)
        assert len(tider) == 7, namn
        rader.append([f"V{i:02d}", namn, typ, int(e), int(n), *tider])
    df = pd.DataFrame(rader, columns=["id", "namn", "typ", "ost", "nord",
                                      *[f"oppet_{d}" for d in VECKODAGAR_KORT]])
    df.insert(5, "omrade", omrade_for(df["ost"].to_numpy(float), df["nord"].to_numpy(float)))
    skriv_csv(df, ut / "verksamheter.csv")
    return df


# ---------------------------------------------------------------------------
# Trygghetsbesiktning
# ---------------------------------------------------------------------------

FAKTORER = [
    "Belysning", "Överblick och sikt", "Skötsel och renhållning", "Orientering och skyltning",
    "Folkliv och aktiviteter", "Tillgänglighet och stråk", "Skymda platser",
    "Ansvar och ägarskap",
]
DELPLATSER = ["Busstationen", "Stortorget", "Storgatan", "Parkstråket", "Järnvägsstationen"]
# Poäng före (2023), en rad per delplats i faktorordning.
BESIKTNING_FORE = {
    "Busstationen": [9, 8, 6, 12, 11, 13, 7, 5],
    "Stortorget": [12, 14, 9, 15, 14, 15, 12, 10],
    "Storgatan": [11, 12, 8, 14, 16, 13, 10, 9],
    "Parkstråket": [3, 5, 7, 9, 4, 11, 4, 6],
    "Järnvägsstationen": [10, 9, 8, 11, 8, 12, 6, 7],
}
# Förbättring till 2025 där åtgärder gjordes.
BESIKTNING_ANDRING = {
    "Busstationen": [4, 3, 5, 2, 1, 0, 4, 7],
    "Stortorget": [1, 0, 5, 1, 3, 0, 1, 4],
    "Storgatan": [2, 0, 4, 0, 0, 0, 1, 6],
    "Parkstråket": [11, 8, 5, 4, 4, 1, 7, 5],
    "Järnvägsstationen": [2, 2, 3, 3, 0, 1, 3, 4],
}
KOMMENTARER = {
    ("Busstationen", "Skymda platser", 2023): "Väntsalens baksida och cykelrummet syns inte.",
    ("Busstationen", "Ansvar och ägarskap", 2023): "Oklart vem som ansvarar nattetid.",
    ("Busstationen", "Skötsel och renhållning", 2023): "Fulla papperskorgar på helgmorgnar.",
    ("Busstationen", "Ansvar och ägarskap", 2025): "Värdar och ordningsvakter helgnätter.",
    ("Parkstråket", "Belysning", 2023): "Flera trasiga lyktor, mörka partier mellan lyktorna.",
    ("Parkstråket", "Överblick och sikt", 2023): "Täta buskage skymmer sikten längs gången.",
    ("Parkstråket", "Folkliv och aktiviteter", 2023): "Nästan folktomt efter kl. 19.",
    ("Parkstråket", "Skymda platser", 2023): "Gömställen bakom buskagen vid bron.",
    ("Parkstråket", "Belysning", 2025): "Ny jämn belysning längs hela stråket.",
    ("Parkstråket", "Överblick och sikt", 2025): "Buskagen är gallrade.",
    ("Storgatan", "Skötsel och renhållning", 2023): "Glas och skräp utanför krogarna.",
    ("Stortorget", "Skötsel och renhållning", 2023): "Klotter på elskåp och bänkar.",
    ("Stortorget", "Skötsel och renhållning", 2025): "Klotter tas bort inom ett dygn.",
    ("Järnvägsstationen", "Skymda platser", 2023): "Cykelparkeringen bakom stationen är mörk.",
    ("Järnvägsstationen", "Belysning", 2025): "Ny belysning vid cykelparkeringen.",
}


POANG_LAGST = min(lag for lag, _ in BESIKTNINGSNIVAER.values())
POANG_HOGST = max(hog for _, hog in BESIKTNINGSNIVAER.values())


def generera_besiktning(ut: Path) -> None:
    rng = rng_for(4)
    rader = []
    for ar, datum in ((2023, "2023-10-10"), (2025, "2025-10-14")):
        for plats in DELPLATSER:
            for i, faktor in enumerate(FAKTORER):
                poang = BESIKTNING_FORE[plats][i]
                if ar == 2025:
                    poang += BESIKTNING_ANDRING[plats][i] + int(rng.integers(-1, 2))
                else:
                    poang += int(rng.integers(-1, 2))
                poang = int(np.clip(poang, POANG_LAGST, POANG_HOGST))
                rader.append((flytta_ar(ar), flytta_datum(datum), plats, i + 1, faktor, poang,
                              KOMMENTARER.get((plats, faktor, ar), "")))
    df = pd.DataFrame(rader, columns=["ar", "datum", "delplats", "faktor_nr", "faktor",
                                      "poang", "kommentar"])
    skriv_csv(df, ut / "besiktning.csv")


# ---------------------------------------------------------------------------
# Trygghetsvandring
# ---------------------------------------------------------------------------

VANDRING = [
    # plats, (dx, dy), problemtyp, beskrivning, förslag, år
    ("Parkstråket", (120, -120), "Belysning", "Mörkt mellan lyktstolparna.",
     "Fler och jämnare lampor längs gången.", (2023,)),
    ("Parkstråket", (40, -230), "Belysning", "Två trasiga lyktor.", "Laga lyktorna snabbt.",
     (2023,)),
    ("Parkstråket", (-20, -280), "Skymd sikt", "Höga buskar vid bron.",
     "Gallra buskagen.", (2023,)),
    ("Parkstråket", (-90, -330), "Skymd sikt", "Man ser inte vem som kommer.",
     "Klipp ner häcken.", (2023,)),
    ("Parkstråket", (70, -170), "Narkotikahandel", "Personer som verkar sälja droger.",
     "Fler som rör sig här, polisen oftare.", (2023,)),
    ("Parkstråket", (10, -250), "Nedskräpning", "Skräp och sprutor i buskarna.",
     "Tätare städning.", (2023,)),
    ("Parkstråket", (-60, -310), "Folkliv", "Öde på kvällen.", "Aktiviteter och en kiosk.",
     (2023, 2025)),
    ("Busstationen", (-20, 10), "Folksamlingar och berusning",
     "Berusade personer i väntsalen på natten.", "Ordningsvakter helgnätter.", (2023,)),
    ("Busstationen", (30, -20), "Skymd sikt", "Skymt hörn vid cykelrummet.",
     "Ta bort skärmväggen.", (2023,)),
    ("Busstationen", (10, 30), "Nedskräpning", "Fulla papperskorgar.",
     "Fler och större papperskorgar.", (2023, 2025)),
    ("Busstationen", (-40, 0), "Otydlig orientering", "Svårt att hitta rätt hållplatsläge.",
     "Tydligare skyltar.", (2023,)),
    ("Busstationen", (20, 20), "Trasig utrustning", "Trasig bänk och väderskydd.",
     "Byt ut bänkarna.", (2023,)),
    ("Busstationen", (0, -10), "Folksamlingar och berusning",
     "Grupper av unga som stör på helgkvällar.", "Fältassistenter på plats.", (2025,)),
    ("Stortorget", (170, 70), "Klotter", "Klotter på elskåp.", "Sanera inom ett dygn.",
     (2023,)),
    ("Stortorget", (200, 50), "Klotter", "Klotter på bänkar.", "Sanera snabbt.", (2023,)),
    ("Stortorget", (160, 40), "Nedskräpning", "Skräp efter helgnätter.",
     "Städning tidigt lördag och söndag.", (2023, 2025)),
    ("Stortorget", (190, 90), "Folkliv", "Tomt på torget på vardagskvällar.",
     "Torgdagar och evenemang.", (2023,)),
    ("Storgatan", (260, 155), "Folksamlingar och berusning", "Bråk i kön utanför krogarna.",
     "Gemensam stängningstid och vakter.", (2023,)),
    ("Storgatan", (300, 165), "Folksamlingar och berusning",
     "Många berusade när krogarna stänger.", "Nattbuss direkt efter stängning.", (2023,)),
    ("Storgatan", (230, 160), "Nedskräpning", "Glas på trottoaren.",
     "Plastglas utomhus.", (2023,)),
    ("Storgatan", (330, 150), "Trafik", "Bilar kör fort på natten.",
     "Farthinder.", (2023, 2025)),
    ("Järnvägsstationen", (-160, -400), "Belysning", "Mörk cykelparkering.",
     "Belysning vid cykelstället.", (2023,)),
    ("Järnvägsstationen", (-140, -370), "Skadegörelse", "Sönderslagna cykellås och rutor.",
     "Ramlåsning och kamera.", (2023,)),
    ("Järnvägsstationen", (-170, -360), "Otydlig orientering",
     "Svårt att hitta till centrum.", "Skyltning mot torget.", (2023,)),
    ("Järnvägsstationen", (-120, -390), "Klotter", "Klotter i gångtunneln.",
     "Sanera och måla ljust.", (2023, 2025)),
    ("Kyrkparken", (-320, 180), "Narkotikahandel", "Mer langning här än förut.",
     "Polisen bör patrullera här också.", (2025,)),
    ("Kyrkparken", (-340, 160), "Belysning", "Mörkt vid kyrkmuren.", "Belysning i parken.",
     (2025,)),
    ("Gallerian", (290, -60), "Skymd sikt", "Skymd baksida vid varuintaget.",
     "Spegel och belysning.", (2023,)),
    ("Gallerian", (310, -70), "Nedskräpning", "Skräp vid varuintaget.", "Fler sopkärl.",
     (2023,)),
]
GRUPPER = ["Unga 15–19 år", "Seniorer", "Blandad grupp"]


def generera_trygghetsvandring(ut: Path) -> None:
    rng = rng_for(5)
    rader = []
    for ar, datum in ((2023, "2023-10-05"), (2025, "2025-10-09")):
        for plats, (dx, dy), typ, beskr, forslag, ar_lista in VANDRING:
            if ar not in ar_lista:
                continue
            e, n = p(dx + int(rng.integers(-8, 9)), dy + int(rng.integers(-8, 9)))
            grupp = GRUPPER[int(rng.integers(0, 3))]
            rader.append([flytta_datum(datum), grupp, plats, int(e), int(n), typ, beskr,
                          forslag])
    df = pd.DataFrame(rader, columns=["datum", "grupp", "plats", "ost", "nord", "problemtyp",
                                      "beskrivning", "forslag"])
    df = df.sort_values(["datum", "plats", "problemtyp", "ost"], kind="mergesort")
    df.insert(0, "id", [f"T{i:02d}" for i in range(1, len(df) + 1)])
    skriv_csv(df, ut / "trygghetsvandring.csv")


# ---------------------------------------------------------------------------
# Aktörer och kontakter
# ---------------------------------------------------------------------------

AKTORER = [
    # id, namn, typ, sektor, inflytande 1-5, intresse 1-5
    ("kommun_trygghet", "Kommunens trygghetssamordnare", "Kommun", "Offentlig", 3, 5),
    ("kommun_gata", "Gatu- och parkenheten", "Kommun", "Offentlig", 4, 3),
    ("kommun_plan", "Samhällsbyggnadsförvaltningen", "Kommun", "Offentlig", 5, 2),
    ("kommun_social", "Socialtjänstens fältgrupp", "Kommun", "Offentlig", 3, 4),
    ("kommun_fritid", "Fritidsgården Navet", "Kommun", "Offentlig", 2, 4),
    ("kommun_skola", "Centralskolan", "Kommun", "Offentlig", 2, 3),
    ("polis", "Lokalpolisområdet", "Polis", "Offentlig", 4, 5),
    ("kollektivtrafik", "Regionens kollektivtrafikbolag", "Kollektivtrafik", "Offentlig", 4, 3),
    ("stationsfastighet", "Stationsfastigheter AB", "Fastighetsägare", "Privat", 3, 2),
    ("fastighet_torget", "Fastighets AB Torget", "Fastighetsägare", "Privat", 4, 3),
    ("bostadsbolag", "Mellanstadshem", "Fastighetsägare", "Offentlig", 4, 4),
    ("gallerian", "Gallerian (centrumledning)", "Näringsidkare", "Privat", 3, 4),
    ("krogar", "Krögarna på Storgatan", "Näringsidkare", "Privat", 2, 4),
    ("centrumforening", "Centrumföreningen", "Näringsidkare", "Privat", 2, 5),
    ("bevakning", "Bevakningsföretaget", "Bevakning", "Privat", 2, 3),
    ("nattvandrare", "Nattvandrarna i Mellanstad", "Civilsamhälle", "Ideell", 1, 5),
    ("forsamling", "Församlingen", "Civilsamhälle", "Ideell", 1, 3),
]
KONTAKTER_FORE = [
    ("kommun_trygghet", "polis", "Varje månad"),
    ("kommun_trygghet", "kommun_social", "Varje månad"),
    ("kommun_trygghet", "kommun_gata", "Några gånger per år"),
    ("kommun_gata", "kommun_plan", "Varje vecka"),
    ("kommun_social", "kommun_fritid", "Varje vecka"),
    ("kommun_fritid", "kommun_skola", "Varje månad"),
    ("polis", "krogar", "Några gånger per år"),
    ("krogar", "centrumforening", "Några gånger per år"),
    ("centrumforening", "gallerian", "Varje månad"),
    ("gallerian", "bevakning", "Varje vecka"),
    ("gallerian", "fastighet_torget", "Varje månad"),
    ("fastighet_torget", "bostadsbolag", "Några gånger per år"),
    ("kommun_plan", "bostadsbolag", "Några gånger per år"),
    ("kommun_plan", "kollektivtrafik", "Några gånger per år"),
    ("kollektivtrafik", "stationsfastighet", "Varje månad"),
    ("nattvandrare", "forsamling", "Varje månad"),
    ("forsamling", "kommun_social", "Några gånger per år"),
]
KONTAKTER_NYA = [
    ("kommun_trygghet", "centrumforening", "Varje vecka"),
    ("kommun_trygghet", "kollektivtrafik", "Varje månad"),
    ("kommun_trygghet", "fastighet_torget", "Varje månad"),
    ("kommun_trygghet", "bostadsbolag", "Varje månad"),
    ("kommun_trygghet", "stationsfastighet", "Varje månad"),
    ("kommun_trygghet", "nattvandrare", "Varje månad"),
    ("kommun_trygghet", "krogar", "Varje månad"),
    ("kommun_trygghet", "gallerian", "Varje månad"),
    ("polis", "centrumforening", "Varje månad"),
    ("polis", "bevakning", "Varje vecka"),
    ("polis", "kollektivtrafik", "Varje månad"),
    ("kommun_gata", "centrumforening", "Varje månad"),
    ("kommun_gata", "stationsfastighet", "Några gånger per år"),
    ("centrumforening", "fastighet_torget", "Varje månad"),
    ("kommun_social", "nattvandrare", "Varje månad"),
    ("bevakning", "krogar", "Varje vecka"),
]


def generera_aktorer(ut: Path) -> None:
    df = pd.DataFrame(AKTORER, columns=["id", "namn", "typ", "sektor", "inflytande", "intresse"])
    skriv_csv(df, ut / "aktorer.csv")
    ids = set(df["id"])
    rader = []
    for a, b, frekvens in KONTAKTER_FORE:
        rader.append(("fore", *sorted((a, b)), frekvens))
        rader.append(("efter", *sorted((a, b)), frekvens))
    for a, b, frekvens in KONTAKTER_NYA:
        rader.append(("efter", *sorted((a, b)), frekvens))
    k = pd.DataFrame(rader, columns=["period", "fran", "till", "frekvens"])
    assert set(k["fran"]) | set(k["till"]) <= ids
    assert not k.duplicated(["period", "fran", "till"]).any()
    k["_p"] = k["period"].map({"fore": 0, "efter": 1})
    k = k.sort_values(["_p", "fran", "till"]).drop(columns="_p")
    skriv_csv(k, ut / "kontakter.csv")


# ---------------------------------------------------------------------------
# Åtgärder och de 25 teknikerna
# ---------------------------------------------------------------------------

STRATEGIER = [
    ("Öka ansträngningen", "Increase the effort"),
    ("Öka risken", "Increase the risks"),
    ("Minska belöningen", "Reduce the rewards"),
    ("Reducera provokationer", "Reduce provocations"),
    ("Ta bort ursäkter", "Remove excuses"),
]
TEKNIKER = [
    ("Skydda målet", "Target harden"),
    ("Kontrollera tillträdet", "Control access to facilities"),
    ("Kontrollera utgångar", "Screen exits"),
    ("Led bort gärningspersoner", "Deflect offenders"),
    ("Kontrollera verktyg och vapen", "Control tools/weapons"),
    ("Utöka tillsynen", "Extend guardianship"),
    ("Underlätta naturlig övervakning", "Assist natural surveillance"),
    ("Minska anonymiteten", "Reduce anonymity"),
    ("Använd platsansvariga", "Utilize place managers"),
    ("Stärk den formella övervakningen", "Strengthen formal surveillance"),
    ("Dölj målen", "Conceal targets"),
    ("Ta bort målen", "Remove targets"),
    ("Märk egendom", "Identify property"),
    ("Stör marknaderna", "Disrupt markets"),
    ("Förhindra vinsten", "Deny benefits"),
    ("Minska frustration och stress", "Reduce frustrations and stress"),
    ("Undvik konflikter", "Avoid disputes"),
    ("Minska känslomässig upphetsning", "Reduce emotional arousal"),
    ("Motverka grupptryck", "Neutralize peer pressure"),
    ("Motverka efterapning", "Discourage imitation"),
    ("Sätt regler", "Set rules"),
    ("Sätt upp anvisningar", "Post instructions"),
    ("Väck samvetet", "Alert conscience"),
    ("Underlätta regelefterlevnad", "Assist compliance"),
    ("Kontrollera alkohol och droger", "Control drugs and alcohol"),
]
ATGARDER = [
    # åtgärd, delplats, teknik_nr, triangelsida, ansvarig, kostnad, start, slut, status,
    # tema (fyndets tema som åtgärden svarar mot, se tryggaplatser.fynd.FYNDTEMAN)
    ("Ny belysning längs parkstråket", "Parkstråket", 7, "Plats", "kommun_gata", 1_450_000,
     "2024-03-01", "2024-10-15", "Genomförd", "Belysning"),
    ("Gallring av buskage längs parkstråket", "Parkstråket", 7, "Plats", "kommun_gata",
     180_000, "2024-02-01", "2024-04-30", "Genomförd", "Överblick och sikt"),
    ("Ordningsvakter vid busstationen fredag och lördag natt", "Busstationen", 10,
     "Offer eller mål", "kollektivtrafik", 620_000, "2024-04-05", "2025-12-31", "Pågår",
     "Folksamlingar och berusning"),
    ("Kameraövervakning av Busstorget", "Busstationen", 10, "Offer eller mål", "polis",
     540_000, "2024-05-01", "2024-09-30", "Genomförd", "Våld och hot"),
    ("Gemensamma stängningstider och utsläpp från krogarna", "Storgatan", 17, "Plats",
     "krogar", 0, "2024-04-01", "2024-06-30", "Genomförd", "Våld och hot"),
    ("Utbildning i ansvarsfull alkoholservering", "Storgatan", 25, "Gärningsperson",
     "kommun_trygghet", 85_000, "2024-03-15", "2024-05-31", "Genomförd", "Folksamlingar och berusning"),
    ("Klotter tas bort inom 24 timmar", "Stortorget", 20, "Plats", "fastighet_torget",
     210_000, "2024-03-01", "2025-12-31", "Pågår", "Klotter och skadegörelse"),
    ("Cykelparkering med ramlåsning vid stationen", "Järnvägsstationen", 1, "Offer eller mål",
     "stationsfastighet", 390_000, "2024-05-15", "2024-08-31", "Genomförd", "Stöld"),
    ("Nattvandring fredag och lördag", "Busstationen", 6, "Offer eller mål", "nattvandrare",
     25_000, "2024-03-01", "2025-12-31", "Pågår", "Otrygghet kvällstid"),
    ("Platsvärdar i Gallerian och på torget", "Stortorget", 9, "Plats", "gallerian", 460_000,
     "2024-06-01", "2025-12-31", "Pågår", "Stöld"),
    ("Fältassistenter möter unga vid busstationen", "Busstationen", 19, "Gärningsperson",
     "kommun_social", 300_000, "2024-04-01", "2025-12-31", "Pågår", "Folksamlingar och berusning"),
    ("Skyltar om kameror och anmälan vid butiksstöld", "Stortorget", 23, "Gärningsperson",
     "centrumforening", 20_000, "2024-09-01", "2024-09-30", "Genomförd", "Stöld"),
    ("Varularm och larmbågar i centrumbutiken", "Stortorget", 3, "Offer eller mål",
     "centrumforening", 150_000, "2024-08-15", "2024-10-31", "Genomförd", "Stöld"),
    ("Nytt väntrum och väderskydd vid busstationen", "Busstationen", 16, "Plats",
     "kollektivtrafik", 1_900_000, "2024-06-01", "2025-03-31", "Försenad", "Skötsel och nedskräpning"),
    ("Nattbuss direkt efter krogstängning", "Storgatan", 4, "Gärningsperson",
     "kollektivtrafik", 240_000, "2024-09-01", "2024-11-30", "Genomförd", "Folksamlingar och berusning"),
    ("Alkoholförbud på Stortorget i lokala ordningsföreskrifter", "Stortorget", 21,
     "Gärningsperson", "kommun_trygghet", 0, "2024-05-01", "2024-11-30", "Genomförd",
     "Folksamlingar och berusning"),
    ("Tydligare skyltning mellan stationen och torget", "Järnvägsstationen", 22, "Plats",
     "kommun_gata", 65_000, "2024-10-01", "2025-04-30", "Genomförd", "Orientering"),
    ("Torgdagar och kvällsevenemang", "Stortorget", 7, "Plats", "centrumforening", 350_000,
     "2025-05-01", "2025-09-30", "Genomförd", "Folkliv"),
    ("Belysning i Kyrkparken", "Kyrkparken", 7, "Plats", "kommun_gata", 420_000, "2026-03-01",
     "2026-06-30", "Planerad", "Belysning"),
]


def generera_atgarder(ut: Path) -> None:
    tek = pd.DataFrame(
        [(i + 1, STRATEGIER[i // 5][0], STRATEGIER[i // 5][1], sv, en)
         for i, (sv, en) in enumerate(TEKNIKER)],
        columns=["teknik_nr", "strategi", "strategi_en", "teknik", "teknik_en"],
    )
    skriv_csv(tek, ut / "tekniker.csv")
    rader = []
    for i, (atgard, plats, nr, sida, ansvarig, kostnad, start, slut, status, tema) in enumerate(
            ATGARDER, start=1):
        assert ansvarig in {a[0] for a in AKTORER}, ansvarig
        assert tema in FYNDTEMAN, tema
        rader.append((f"A{i:02d}", byt_namn_i_text(atgard), plats, nr, TEKNIKER[nr - 1][0],
                      STRATEGIER[(nr - 1) // 5][0], sida, ansvarig, kostnad, flytta_datum(start),
                      flytta_datum(slut), status, tema))
    df = pd.DataFrame(rader, columns=["id", "atgard", "delplats", "teknik_nr", "teknik",
                                      "strategi", "triangelsida", "ansvarig", "kostnad_kr",
                                      "startdatum", "slutdatum", "status", "tema"])
    skriv_csv(df, ut / "atgarder.csv")


# ---------------------------------------------------------------------------
# Geometri
# ---------------------------------------------------------------------------

def generera_geometri(ut: Path) -> None:
    geometrier = {
        "atgardsomrade": ATGARDSOMRADE, "buffertzon": BUFFERTZON,
        "jamforelseomrade": JAMFORELSEOMRADE, "studieomrade": STUDIEOMRADE,
    }
    features = [
        {"type": "Feature",
         "properties": {"omrade": kod, "namn": byt_namn(namn), "beskrivning": byt_namn(beskr)},
         "geometry": avrunda_koord(geometrier[kod])}
        for kod, namn, beskr in OMRADEN
    ]
    skriv_geojson(features, ut / "omraden.geojson", f"{STAD.kod}_omraden")
    features = [
        {"type": "Feature", "properties": {"namn": byt_namn(namn), "typ": typ},
         "geometry": avrunda_koord(LineString(koord))}
        for namn, typ, koord in GATOR
    ]
    skriv_geojson(features, ut / "gator.geojson", f"{STAD.kod}_gator")


LANDMARKEN = ["Busstationen", "Stortorget", "Järnvägsstationen", "Kyrkparken", "Norrby torg",
              "Stormarknaden"]


def skriv_beskrivning(ut: Path) -> None:
    """Platsbeskrivningen plats.yml: det som analyserna behöver veta och som inte står i datan."""
    landmarken = "\n".join(
        f"  - {{namn: {byt_namn(namn)}, ost: {PLATSER[namn][0] + STAD.flytt[0]:.0f}, "
        f"nord: {PLATSER[namn][1] + STAD.flytt[1]:.0f}}}"
        for namn in LANDMARKEN
    )
    omraden = ", ".join(byt_namn(o) for o in ENKATOMRADEN)
    text = f"""\
# Platsbeskrivning för handboken Trygga platser.
# Analyserna hämtar platsens namn, år och områden härifrån, aldrig ur koden.
# {STAD.kommun} är påhittad: all data i mappen är syntetisk.

namn: {STAD.platsnamn}      # platsens namn i löptext
kommun: {STAD.kommun}
syntetisk: true                # true = påhittad exempeldata

ar:                            # de år som brottsdatan täcker
  forsta: {flytta_ar(2021)}
  sista: {flytta_ar(2025)}
analysar: {flytta_ar(2023)}                 # året då nulägesanalysen gjordes
atgarder:                      # när åtgärderna började och var klara (ÅÅÅÅ-MM-DD)
  start: {flytta_datum(min(a[6] for a in ATGARDER))}
  klara: {flytta_datum(RAMP_SLUT)}
uppfoljningsar: {flytta_ar(2025)}           # året då åtgärderna följs upp

# Områdena i brottsdatan: kod (roll) och namn i text.
# Koderna är fasta: atgardsomrade, buffertzon, jamforelseomrade, ovrigt.
omraden:
  atgardsomrade: Åtgärdsområdet
  buffertzon: Buffertzonen
  jamforelseomrade: Jämförelseområdet
  ovrigt: Övriga studieområdet

enkat:
  ar: [{", ".join(str(flytta_ar(a)) for a in (2021, 2023, 2025))}]       # åren då trygghetsenkäten gjordes
  omraden: [{omraden}]   # urvalets områden, i visningsordning
  platsens_omrade: {byt_namn("Centrum")}     # enkätområdet där platsen ligger

# Namn att skriva ut på kartor (SWEREF 99 TM, meter).
landmarken:
{landmarken}
"""
    (ut / "plats.yml").write_text(text, encoding="utf-8")


def generera(ut: Path = STANDARDMAPP, stad: str = "mellanstad") -> list[Path]:
    """Skriv alla datafiler för en stad till mappen ``ut``. Returnerar filerna."""
    global STAD
    STAD = STADER[stad]
    kontrollera_geografi()
    ut.mkdir(parents=True, exist_ok=True)
    generera_brott(ut)
    generera_enkat(ut)
    generera_flode(ut)
    generera_verksamheter(ut)
    generera_besiktning(ut)
    generera_trygghetsvandring(ut)
    generera_aktorer(ut)
    generera_atgarder(ut)
    generera_geometri(ut)
    skriv_beskrivning(ut)
    return sorted(f for f in ut.iterdir() if f.suffix in {".csv", ".geojson", ".yml"})


FILER = [
    "aktorer.csv", "atgarder.csv", "befolkning.csv", "besiktning.csv", "brott.csv",
    "enkat.csv", "flode.csv", "gator.geojson", "kontakter.csv", "omraden.geojson",
    "raknare.csv", "tekniker.csv", "trygghetsvandring.csv", "verksamheter.csv",
]


def main() -> None:
    tolk = argparse.ArgumentParser(description="Skapa en påhittad stads syntetiska data.")
    tolk.add_argument("--stad", choices=sorted(STADER), default="mellanstad",
                      help="staden att skapa (standard: mellanstad)")
    tolk.add_argument("--utmapp", type=Path, default=None,
                      help="mapp att skriva till (standard: data/mellanstad för Mellanstad)")
    arg = tolk.parse_args()
    if arg.utmapp is None and arg.stad != "mellanstad":
        tolk.error("ange --utmapp för andra städer än Mellanstad")
    filer = generera(arg.utmapp or STANDARDMAPP, arg.stad)
    for f in filer:
        print(f"Skrev {f.name} ({f.stat().st_size / 1024:.0f} kB)")


if __name__ == "__main__":
    main()
