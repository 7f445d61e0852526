"""Polisens händelser (verkliga öppna data) för Dalarnas och Västmanlands län.

Händelserna är korta pressmeddelanden som Polisen publicerar på polisen.se.
De är inte brottsstatistik: Polisen väljer vad som publiceras, och
positionen är kommunens eller länets mittpunkt, inte platsen för händelsen.
Se ``data/polisen-handelser/README.md``.

Händelsens egen tid står bara i rubriken, på svenska: ``22 augusti 17.59``.
Året står inte där. Det tas från publiceringstiden (kolumnen ``datetime``),
så att en händelse den 31 december som publiceras den 1 januari hamnar på
rätt år.
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd

from tryggaplatser._gemensamt import MANADER, TIDSZON, lokal_tid
from tryggaplatser._sokvagar import DATAMAPP
from tryggaplatser.rapport import Inlasningsrapport, Problem

__all__ = [
    "KOMMUNER_I_LAN",
    "MANADER",
    "las_polisens_handelser",
    "tolka_rubriktid",
]

FIL = DATAMAPP / "polisen-handelser" / "polisen-handelser-dalarna-vastmanland.csv.gz"

KOMMUNER_I_LAN: dict[str, tuple[str, ...]] = {
    "Dalarnas län": (
        "Avesta", "Borlänge", "Falun", "Gagnef", "Hedemora", "Leksand", "Ludvika",
        "Malung-Sälen", "Mora", "Orsa", "Rättvik", "Smedjebacken", "Säter", "Vansbro",
        "Älvdalen",
    ),
    "Västmanlands län": (
        "Arboga", "Fagersta", "Hallstahammar", "Kungsör", "Köping", "Norberg", "Sala",
        "Skinnskatteberg", "Surahammar", "Västerås",
    ),
}  # fmt: skip
"""Kommunerna i de två länen (15 i Dalarnas län och 10 i Västmanlands län)."""

_RE_RUBRIK = re.compile(r"^\s*(\d{1,2}) (" + "|".join(MANADER) + r") (\d{1,2})[.:](\d{2})\b", re.IGNORECASE)
_RE_PUBLICERAD = re.compile(r"^(\d{4}-\d{2}-\d{2}) (\d{1,2}):(\d{2}):(\d{2}) ([+-]\d{2}:\d{2})$")


def tolka_rubriktid(rubrik: str, publicerad: dt.datetime) -> dt.datetime | None:
    """Tolka händelsens lokala tid ur rubriken, med året från publiceringstiden.

    Parametrar
    ----------
    rubrik : str
        Rubriken, till exempel ``"22 augusti 17.59, Brand, Falun"``.
        Klockslaget får ha punkt eller kolon.
    publicerad : datetime.datetime
        När meddelandet publicerades, i lokal tid (svensk tid).

    Returnerar
    ----------
    datetime.datetime or None
        Händelsens lokala tid utan tidszon, eller ``None`` om rubriken inte
        börjar med dag, månad och klockslag eller om datumet inte finns.
        Av åren före, samma och efter publiceringsåret väljs det som ger en
        tid närmast publiceringen.

    Exempel
    -------
    >>> import datetime as dt
    >>> tolka_rubriktid("22 augusti 17.59, Brand, Falun", dt.datetime(2024, 8, 22, 18, 30))
    datetime.datetime(2024, 8, 22, 17, 59)
    >>> tolka_rubriktid("31 december 23:40, Rån, Sala", dt.datetime(2025, 1, 1, 0, 15))
    datetime.datetime(2024, 12, 31, 23, 40)
    >>> tolka_rubriktid("Trafikolycka i Mora", dt.datetime(2025, 1, 1)) is None
    True
    """
    m = _RE_RUBRIK.match(rubrik or "")
    if not m:
        return None
    dag, manad = int(m[1]), MANADER.index(m[2].lower()) + 1
    timme, minut = int(m[3]), int(m[4])
    if timme > 23 or minut > 59:
        return None
    kandidater = []
    for ar in (publicerad.year - 1, publicerad.year, publicerad.year + 1):
        try:
            kandidater.append(dt.datetime(ar, manad, dag, timme, minut))
        except ValueError:
            continue  # till exempel 29 februari ett år som inte är skottår
    if not kandidater:
        return None
    publicerad = publicerad.replace(tzinfo=None)
    return min(kandidater, key=lambda t: abs(t - publicerad))


def _tolka_publicerad(varden: pd.Series) -> pd.Series:
    """``2022-10-31 8:24:32 +01:00`` -> tidszonsmedveten tid i Europe/Stockholm."""
    delar = varden.astype("string").str.strip().str.extract(_RE_PUBLICERAD)
    text = delar[0] + " " + delar[1].str.zfill(2) + ":" + delar[2] + ":" + delar[3] + delar[4]
    utc = pd.to_datetime(text, format="%Y-%m-%d %H:%M:%S%z", utc=True, errors="coerce")
    return utc.dt.tz_convert(TIDSZON).dt.as_unit("us")


def las_polisens_handelser(
    med_rapport: bool = False,
) -> pd.DataFrame | tuple[pd.DataFrame, Inlasningsrapport]:
    """Läs Polisens händelser för Dalarnas och Västmanlands län (verkliga data).

    Parametrar
    ----------
    med_rapport : bool, standard False
        Om True returneras också en :class:`~tryggaplatser.rapport.Inlasningsrapport`
        som räknar rubriker som inte gick att tolka, sammanfattningar och
        klockslag vid sommartidens början och slut.

    Returnerar
    ----------
    pandas.DataFrame
        En rad per meddelande; ingen rad tas bort. Kolumner:

        - ``id`` (int): Polisens id för meddelandet.
        - ``publicerad``: när meddelandet publicerades eller uppdaterades
          (Europe/Stockholm).
        - ``handelsetid``: händelsens tid enligt rubriken (Europe/Stockholm),
          NaT om rubriken inte gick att tolka.
        - ``typ`` (kategori): händelsetyp, till exempel Misshandel.
        - ``rubrik``, ``sammanfattning``, ``url`` (text): som i källan.
        - ``plats`` (text): källans ``location_name``.
        - ``kommun`` (text): kommunen, saknas när meddelandet gäller hela länet.
        - ``lan`` (kategori): Dalarnas län eller Västmanlands län.
        - ``lat``, ``lng`` (float): kommunens eller länets mittpunkt (WGS84),
          inte platsen för händelsen.
        - ``ar_sammanfattning`` (bool): True för sammanfattningar som
          ``Sammanfattning natt``; de är inga enskilda händelser.
        - ``tid_anmarkning`` (text): varför ``handelsetid`` saknas eller är osäker.

    Exempel
    -------
    >>> h = las_polisens_handelser()
    >>> sorted(h["lan"].cat.categories)
    ['Dalarnas län', 'Västmanlands län']
    >>> str(h["handelsetid"].dt.tz)
    'Europe/Stockholm'
    >>> bool((h.loc[h["plats"] == "Sala", "kommun"] == "Sala").all())
    True
    """
    radata = pd.read_csv(FIL, dtype="string", keep_default_na=False)
    rapport = Inlasningsrapport(
        fil=str(FIL.relative_to(DATAMAPP.parent)),
        typ="polisen",
        format=["CSV, kommaavgränsad, teckenkodning UTF-8, gzip"],
        rader_lasta=len(radata),
    )
    rapport.kanda_kolumner = {
        "id": "id",
        "datetime": "publicerad",
        "name": "rubrik (och handelsetid)",
        "summary": "sammanfattning",
        "url": "url",
        "type": "typ",
        "location_name": "plats, kommun, lan",
        "location_gps": "lat, lng",
    }
    radnr = np.arange(len(radata)) + 2  # rubrikraden är rad 1

    publicerad = _tolka_publicerad(radata["datetime"])
    if publicerad.isna().any():
        rapport.anmarkningar.append(
            Problem(
                "publiceringstiden gick inte att tolka (väntade till exempel 2022-10-31 8:24:32 +01:00)",
                radnr[publicerad.isna().to_numpy()].tolist(),
                "datetime",
            )
        )

    naiva: list[dt.datetime | None] = []
    for rubrik, pub in zip(radata["name"], publicerad, strict=True):
        naiva.append(None if pd.isna(pub) else tolka_rubriktid(str(rubrik), pub.to_pydatetime()))
    # En tvetydig tid (sommartid slutar) tolkas som den första, alltså sommartid.
    handelsetid, finns_ej, tvetydig = lokal_tid(naiva)

    anm = pd.Series(pd.NA, index=radata.index, dtype="string")
    ej_tolkad = np.array([t is None for t in naiva]) & publicerad.notna().to_numpy()
    anm[ej_tolkad] = "rubriken börjar inte med dag, månad och klockslag"
    anm[finns_ej] = "klockslaget finns inte (sommartid börjar); tolkat som en timme senare"
    anm[tvetydig] = "klockslaget finns två gånger (sommartid slutar); tolkat som sommartid"
    for mask, orsak in (
        (ej_tolkad, "rubrikens tid gick inte att tolka; handelsetid saknas"),
        (finns_ej, "klockslaget finns inte (sommartid börjar); tolkat som en timme senare"),
        (tvetydig, "klockslaget finns två gånger (sommartid slutar); tolkat som sommartid"),
    ):
        if mask.any():
            rapport.anmarkningar.append(Problem(orsak, radnr[mask].tolist(), "name"))

    plats = radata["location_name"].str.strip()
    kommun_till_lan = {k: lan for lan, ks in KOMMUNER_I_LAN.items() for k in ks}
    lan = plats.map(lambda p: p if p in KOMMUNER_I_LAN else kommun_till_lan.get(p, pd.NA))
    okand = lan.isna().to_numpy()
    if okand.any():
        rapport.anmarkningar.append(
            Problem(
                "platsen är varken en kommun i länen eller ett av länen",
                radnr[okand].tolist(),
                "location_name",
            )
        )
    kommun = plats.where(~plats.isin(list(KOMMUNER_I_LAN)), pd.NA)

    koord = radata["location_gps"].str.split(",", n=1, expand=True)
    lat = pd.to_numeric(koord[0].str.strip(), errors="coerce").astype("float64")
    lng = pd.to_numeric(koord[1].str.strip(), errors="coerce").astype("float64")
    if (lat.isna() | lng.isna()).any():
        rapport.anmarkningar.append(
            Problem(
                "positionen gick inte att tolka (väntade ”lat,lng”)",
                radnr[(lat.isna() | lng.isna()).to_numpy()].tolist(),
                "location_gps",
            )
        )

    typ = radata["type"].str.strip()
    sammanfattning = typ.str.startswith("Sammanfattning").fillna(False).astype(bool)
    if sammanfattning.any():
        rapport.anmarkningar.append(
            Problem(
                "sammanfattning, inte en enskild händelse (markerad i ar_sammanfattning)",
                radnr[sammanfattning.to_numpy()].tolist(),
                "type",
            )
        )

    df = pd.DataFrame(
        {
            "id": pd.to_numeric(radata["id"]).astype("int64"),
            "publicerad": publicerad,
            "handelsetid": handelsetid.dt.as_unit("us"),
            "typ": typ.astype("category"),
            "rubrik": radata["name"],
            "sammanfattning": radata["summary"],
            "url": radata["url"],
            "plats": plats,
            "kommun": kommun.astype("string"),
            "lan": pd.Categorical(lan, categories=list(KOMMUNER_I_LAN)),
            "lat": lat,
            "lng": lng,
            "ar_sammanfattning": sammanfattning.to_numpy(),
            "tid_anmarkning": anm,
        }
    )
    if med_rapport:
        return df, rapport
    return df
