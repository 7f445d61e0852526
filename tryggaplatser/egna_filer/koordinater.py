"""Koordinater: vilket system filen använder, och omräkning till SWEREF 99 TM.

Systemet avgörs i den här ordningen:

1. argumentet ``koordinatsystem`` (till exempel ``"EPSG:3011"``);
2. det som filen säger om sig själv, i en rubrik eller en titelrad
   (``X (SWEREF 99 18 00)``, ``Koordinater i RT90 2,5 gon V``, ``EPSG:3006``);
3. talen: grader (WGS84), SWEREF 99 TM (öst 250 000–1 100 000 m),
   RT90 (öst 1 100 000–2 000 000 m, läses som RT90 2,5 gon V).

Talen kan inte skilja de tolv lokala SWEREF 99-zonerna åt: alla har öst
omkring 150 000 m. En sådan fil ger ett fel som ber om systemet.
"""

from __future__ import annotations

import re

import numpy as np

from tryggaplatser._gemensamt import SVERIGE_LAT, SVERIGE_LON, SVERIGE_NORD, SWEREF99TM
from tryggaplatser.formatering import formatera_tabelltal
from tryggaplatser.rapport import FilFel, Radlogg

from .rubriker import normalisera_kolumnnamn
from .tal import tal_kolumn

__all__ = ["LOKALA_ZONER", "RT90_ZONER", "las_koordinater", "system_i_text", "tolka_koordinatsystem"]

#: Rimliga värden i Sverige. Latitud och longitud är EPSG:3006:s område.
LAT, LON = SVERIGE_LAT, SVERIGE_LON
NORD = SVERIGE_NORD
#: Öst i SWEREF 99 TM på svenskt land (västligast, vid Koster, omkring 269 000 m).
OST_TM = (250_000, 1_100_000)
#: Öst i RT90 (falsk östlig förskjutning 1 500 000 m).
OST_RT90 = (1_100_000, 2_000_000)
#: Öst i de lokala SWEREF 99-zonerna (falsk östlig förskjutning 150 000 m).
OST_LOKAL = (0, 250_000)

#: De lokala SWEREF 99-zonerna: namnets mittmeridian -> EPSG-kod.
LOKALA_ZONER: dict[str, int] = {
    "12 00": 3007, "13 30": 3008, "15 00": 3009, "16 30": 3010, "18 00": 3011, "14 15": 3012,
    "15 45": 3013, "17 15": 3014, "18 45": 3015, "20 15": 3016, "21 45": 3017, "23 15": 3018,
}  # fmt: skip
#: RT90-zonerna -> EPSG-kod. 2,5 gon V är det rikstäckande systemet.
RT90_ZONER: dict[str, int] = {
    "7,5 gon V": 3019, "5 gon V": 3020, "2,5 gon V": 3021, "0 gon": 3022, "2,5 gon O": 3023,
    "5 gon O": 3024,
}  # fmt: skip
_NAMN = {3006: "SWEREF 99 TM", 4326: "WGS84", 4619: "SWEREF 99 (grader)"}
_NAMN |= {kod: f"SWEREF 99 {zon}" for zon, kod in LOKALA_ZONER.items()}
_NAMN |= {kod: f"RT90 {zon}" for zon, kod in RT90_ZONER.items()}
_GEOGRAFISKA = {4326, 4619, 4258}


def _intervall(granser: tuple[float, float]) -> str:
    """Gränserna som text i meddelandena, till exempel ``54,96–69,07``."""
    return f"{formatera_tabelltal(granser[0])}–{formatera_tabelltal(granser[1])}"


def namn_pa_system(kod: int) -> str:
    """``SWEREF 99 18 00 (EPSG:3011)``."""
    return f"{_NAMN[kod]} (EPSG:{kod})" if kod in _NAMN else f"EPSG:{kod}"


def system_i_text(text: str) -> int | None:
    """EPSG-koden för ett koordinatsystem som nämns i en text, eller None.

    Exempel
    -------
    >>> system_i_text("X (SWEREF 99 18 00)"), system_i_text("Koordinater: RT 90 2,5 gon V")
    (3011, 3021)
    >>> system_i_text("SWEREF99 TM"), system_i_text("epsg:3008"), system_i_text("Område")
    (3006, 3008, None)
    """
    t = " ".join(text.lower().replace("_", " ").split())
    if m := re.search(r"epsg\s*:?\s*(\d{4,5})", t):
        return int(m[1])
    if re.search(r"sweref\s*-?\s*99\s*-?\s*tm", t):
        return 3006
    if m := re.search(r"sweref\s*-?\s*99\s*-?\s*(\d{2})\s*[ .:]?\s*(\d{2})\b", t):
        return LOKALA_ZONER.get(f"{m[1]} {m[2]}")
    if re.search(r"\brt\s*-?\s*90\b", t):
        for zon, kod in sorted(RT90_ZONER.items(), key=lambda p: -len(p[0])):
            monster = re.escape(zon.lower()).replace(",", "[,.]").replace(r"\ ", r"\s*")
            if re.search(monster + r"(?![\w])", t):
                return kod
        return None
    if re.search(r"\bwgs\s*-?\s*84\b", t):
        return 4326
    return None


def tolka_koordinatsystem(varde: object) -> int:
    """EPSG-koden i ett argument som ``"EPSG:3011"``, ``3011`` eller ``"SWEREF 99 18 00"``.

    Fel
    ---
    FilFel
        Om systemet är okänt.

    Exempel
    -------
    >>> tolka_koordinatsystem("EPSG:3011"), tolka_koordinatsystem(3021)
    (3011, 3021)
    """
    from pyproj import CRS
    from pyproj.exceptions import CRSError

    kod = varde if isinstance(varde, int) else system_i_text(str(varde))
    if kod is None and re.fullmatch(r"\s*\d{4,5}\s*", str(varde)):
        kod = int(str(varde))
    try:
        crs = CRS.from_epsg(kod) if kod is not None else None
    except CRSError:
        crs = None
    if crs is None or not (crs.is_projected or crs.is_geographic):
        raise FilFel(
            f"Okänt koordinatsystem: {varde}. Ange det som EPSG-kod, till exempel EPSG:3006 "
            "(SWEREF 99 TM), EPSG:3011 (SWEREF 99 18 00), EPSG:3021 (RT90 2,5 gon V) eller "
            "EPSG:4326 (WGS84, grader)."
        )
    return int(kod)


def _median(x: np.ndarray) -> float:
    ok = x[~np.isnan(x)]
    return float(np.median(ok)) if len(ok) else float("nan")


def _inom(v: float, granser: tuple[float, float]) -> bool:
    return granser[0] <= v <= granser[1]


def _system_av_talen(ma: float, mb: float) -> int | None:
    """Systemet som medianerna pekar ut, eller None (tolkas inte), eller -1 (en lokal zon)."""
    if (_inom(ma, LAT) and _inom(mb, LON)) or (_inom(ma, LON) and _inom(mb, LAT)):
        return 4326
    for nord, ost in ((ma, mb), (mb, ma)):
        if _inom(nord, NORD):
            if _inom(ost, OST_TM):
                return 3006
            if _inom(ost, OST_RT90):
                return 3021
            if _inom(ost, OST_LOKAL):
                return -1
    return None


def _zoner_som_passar(nord: float, ost: float) -> list[str]:
    """De lokala zoner där punkten hamnar inom zonens eget område."""
    from pyproj import CRS, Transformer

    passar = []
    for zon, kod in LOKALA_ZONER.items():
        lon, lat = Transformer.from_crs(kod, 4326, always_xy=True).transform(ost, nord)
        omr = CRS.from_epsg(kod).area_of_use
        if omr and omr.west <= lon <= omr.east and omr.south <= lat <= omr.north:
            passar.append(f"{zon} (EPSG:{kod})")
    return passar


def _lokal_zon_fel(namn: str, na: str, nb: str, nord: float, ost: float) -> FilFel:
    alla = ", ".join(f"{zon} (EPSG:{kod})" for zon, kod in LOKALA_ZONER.items())
    passar = _zoner_som_passar(nord, ost)
    tips = f" Efter nordvärdena passar: SWEREF 99 {', '.join(passar)}." if passar else ""
    return FilFel(
        f"Filen {namn}: koordinaterna i kolumnerna ”{na}” och ”{nb}” ser ut att vara i en av de "
        f"lokala SWEREF 99-zonerna (öst omkring 150 000 m), men filen säger inte vilken, och det går "
        "inte att se på talen. Ange systemet: i Python med las_egna_brott(fil, "
        'koordinatsystem="EPSG:3011"), på kommandoraden med --koordinatsystem EPSG:3011. '
        f"De lokala zonerna är SWEREF 99 {alla}.{tips} Kommunens GIS-enhet vet vilken zon "
        "kommunen använder. Du kan också skriva zonen i rubriken, till exempel ”X (SWEREF 99 18 00)”."
    )


def _inte_tolkbar(namn: str, na: str, nb: str) -> FilFel:
    return FilFel(
        f"Filen {namn}: koordinaterna i kolumnerna ”{na}” och ”{nb}” går inte att tolka. "
        f"Väntade SWEREF 99 TM i meter (öst {_intervall(OST_TM)}, nord {_intervall(NORD)}), "
        f"RT90 i meter (öst {_intervall(OST_RT90)}) eller WGS84 i grader "
        f"(lat {_intervall(LAT)}, lon {_intervall(LON)}). Använder filen ett annat system, "
        'ange det med koordinatsystem="EPSG:…" (på kommandoraden --koordinatsystem EPSG:…).'
    )


def _familj(kod: int) -> str:
    if kod == -1 or kod in LOKALA_ZONER.values():
        return "lokal"
    if kod in RT90_ZONER.values():
        return "rt90"
    if kod in _GEOGRAFISKA:
        return "grader"
    return "tm" if kod == 3006 else "annat"


_FAMILJNAMN = {
    "lokal": "en lokal SWEREF 99-zon (öst omkring 150 000 m)",
    "rt90": "RT90 (öst omkring 1 500 000 m)",
    "grader": "grader (WGS84)",
    "tm": "SWEREF 99 TM",
}


def _kolumnpar(tabell, val: dict[str, int]) -> tuple[int, int] | None:
    if "lat" in val or "lon" in val:
        if not ("lat" in val and "lon" in val):
            saknas = "Lon (eller Long, Lng)" if "lat" in val else "Lat"
            raise FilFel(
                f"Filen {tabell.namn} har bara en av koordinatkolumnerna: kolumnen {saknas} saknas. "
                "Väntade både Lat och Lon (WGS84) eller både X och Y (SWEREF 99 TM)."
            )
        return val["lat"], val["lon"]
    if "ost" in val or "nord" in val:
        if not ("ost" in val and "nord" in val):
            saknas = "Y (eller Nord)" if "ost" in val else "X (eller Öst)"
            raise FilFel(
                f"Filen {tabell.namn} har bara en av koordinatkolumnerna: kolumnen {saknas} saknas. "
                "Väntade både X och Y (SWEREF 99 TM) eller både Lat och Lon (WGS84)."
            )
        return val["ost"], val["nord"]
    return None


def _system_i_filen(tabell, ka: int, kb: int) -> tuple[int | None, str]:
    """Systemet som filen nämner: först i koordinatkolumnernas rubriker, sedan i andra rubriker och titlar."""
    kallor = [(tabell.rubriker[ka], "rubriken"), (tabell.rubriker[kb], "rubriken")]
    kallor += [(r, "rubriken") for r in tabell.rubriker]
    kallor += [(text, f"rad {nr}") for nr, text in tabell.titelrader]
    for text, var in kallor:
        if (kod := system_i_text(text)) is not None:
            return kod, f"{var} ”{text}”" if var == "rubriken" else var
    return None, ""


def las_koordinater(
    tabell,
    val: dict[str, int],
    ute: Radlogg,
    anm: Radlogg,
    rapport,
    koordinatsystem: object = None,
) -> dict[str, np.ndarray] | None:
    """Koordinaterna som ``ost`` och ``nord`` i SWEREF 99 TM, eller None om filen saknar koordinater.

    Rader med en koordinat som inte är ett tal, eller som hamnar utanför
    Sverige, läggs i ``ute`` med orsak. Rader där bara den ena koordinaten
    finns behålls utan plats och redovisas i ``anm``.
    """
    par = _kolumnpar(tabell, val)
    if par is None:
        return None
    ka, kb = par
    na, nb = tabell.rubriker[ka], tabell.rubriker[kb]
    a, fel_a = tal_kolumn(tabell.unika(ka))
    b, fel_b = tal_kolumn(tabell.unika(kb))
    for fel, namn in ((fel_a, na), (fel_b, nb)):
        ute.lagg_till(tabell.rader[fel], "väntade en koordinat (ett tal)", namn)
    halv = np.isnan(a) != np.isnan(b)
    anm.lagg_till(
        tabell.rader[halv & ~fel_a & ~fel_b], "bara den ena koordinaten finns; platsen saknas", f"{na}/{nb}"
    )
    a[halv], b[halv] = np.nan, np.nan
    ma, mb = _median(a), _median(b)
    if np.isnan(ma) or np.isnan(mb):
        return None  # alla koordinater saknas eller är fel; redan redovisat per rad
    efter_talen = _system_av_talen(ma, mb)
    if koordinatsystem is not None:
        kod, kalla = tolka_koordinatsystem(koordinatsystem), "angivet med koordinatsystem"
    else:
        kod, var = _system_i_filen(tabell, ka, kb)
        kalla = f"enligt {var}" if kod is not None else ""
    if kod is None:
        if efter_talen == -1:
            nord, ost = (ma, mb) if ma > mb else (mb, ma)
            raise _lokal_zon_fel(tabell.namn, na, nb, nord, ost)
        if efter_talen is None:
            raise _inte_tolkbar(tabell.namn, na, nb)
        kod = efter_talen
    elif efter_talen is not None and _familj(kod) != "annat" and _familj(efter_talen) != _familj(kod):
        raise FilFel(
            f"Filen {tabell.namn}: koordinaterna i kolumnerna ”{na}” och ”{nb}” ska vara i "
            f"{namn_pa_system(kod)} ({kalla}), men talen ser ut som {_FAMILJNAMN[_familj(efter_talen)]}. "
            "Kontrollera vilket koordinatsystem filen använder."
        )
    xs, ys, lat, lon = _omrakna(kod, a, b, ma, mb, na, nb, val, rapport, kalla)
    utanfor = (
        ~np.isnan(xs)
        & ~np.isnan(ys)
        & ~((lat >= LAT[0]) & (lat <= LAT[1]) & (lon >= LON[0]) & (lon <= LON[1]))
    )
    lasta = "" if kod == 3006 else f"; koordinaterna lästes som {namn_pa_system(kod)}"
    ute.lagg_till(
        tabell.rader[utanfor],
        f"koordinaten ligger utanför Sverige (väntade lat {_intervall(LAT)} och "
        f"lon {_intervall(LON)}, EPSG:3006:s område{lasta})",
        f"{na}/{nb}",
    )
    xs[utanfor] = ys[utanfor] = np.nan
    return {"ost": xs, "nord": ys}


def _omrakna(kod, a, b, ma, mb, na, nb, val, rapport, kalla):
    """Omräkning till SWEREF 99 TM; rapporten får veta systemet och vilken kolumn som är vad."""
    format_ = rapport.format
    from pyproj import CRS, Transformer

    geografiskt = kod in _GEOGRAFISKA or CRS.from_epsg(kod).is_geographic
    if geografiskt:
        # Latitud i Sverige är 55–69 grader, longitud 10–24: talen säger vilken som är vilken.
        lat_forst = _inom(ma, LAT) or (not _inom(mb, LAT) and "lat" in val)
        lat, lon = (a, b) if lat_forst else (b, a)
        if "ost" in val:
            format_.append(f"kolumnerna ”{na}” och ”{nb}” innehåller grader ({_NAMN.get(kod, kod)})")
        xs, ys = Transformer.from_crs(kod, 3006, always_xy=True).transform(lon, lat)
        if "ost" in val:
            rapport.kanda_kolumner[na], rapport.kanda_kolumner[nb] = (
                ("lat", "lon") if lat_forst else ("lon", "lat")
            )
        kalla = f", {kalla}," if kalla else ""
        format_.append(
            f"koordinater i {_NAMN.get(kod, f'EPSG:{kod}')}{kalla} omräknade till SWEREF 99 TM (EPSG:3006)"
        )
        return np.asarray(xs, float), np.asarray(ys, float), lat, lon
    # Projicerade system: nordvärdet är det största (6–8 miljoner meter i Sverige).
    a_ar_nord = ma > mb
    ost, nord = (b, a) if a_ar_nord else (a, b)
    if a_ar_nord and "ost" in val:
        konvention = " (lantmäterikonventionen x = norr)" if normalisera_kolumnnamn(na)[:1] == "x" else ""
        format_.append(f"kolumnen ”{na}” innehåller nordvärden{konvention}; tolkad som norr")
        rapport.kanda_kolumner[na], rapport.kanda_kolumner[nb] = "nord", "ost"
    if kod == 3006:
        format_.append("koordinater i SWEREF 99 TM (EPSG:3006)" + (f", {kalla}" if kalla else ""))
        xs, ys = ost.copy(), nord.copy()
    else:
        xs, ys = Transformer.from_crs(kod, 3006, always_xy=True).transform(ost, nord)
        xs, ys = np.asarray(xs, float), np.asarray(ys, float)
        if kalla:
            format_.append(f"koordinater i {namn_pa_system(kod)}, {kalla}, omräknade till SWEREF 99 TM")
        else:
            format_.append(
                f"koordinaterna har öst omkring 1 500 000 m, alltså RT90; de lästes som "
                f"{namn_pa_system(kod)}, det rikstäckande RT90-systemet, och räknades om till "
                'SWEREF 99 TM. Är de i en annan RT90-zon, ange den med koordinatsystem="EPSG:…"'
            )
    lon, lat = Transformer.from_crs(SWEREF99TM, 4326, always_xy=True).transform(xs, ys)
    return xs, ys, np.asarray(lat, float), np.asarray(lon, float)
