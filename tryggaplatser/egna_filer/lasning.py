"""Kärnan i inläsningen: från tabell till data och rapport, ett steg per funktion."""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
import pandas as pd

from tryggaplatser.formatering import formatera_tal
from tryggaplatser.rapport import FilFel, Inlasning, Inlasningsrapport, Radlogg, radnummer_forklaring

from .filformat import Tabell, las_tabell, ser_ut_som_data
from .koordinater import las_koordinater
from .rubriker import KOLUMNNAMN, SYNONYM, Rubrik, normalisera_kolumnnamn, tolka_rubrik
from .svar import bestam_skala, kodad_text, kon_kolumn, svarskolumn
from .tal import tal_kolumn
from .tider import EXEMPEL, svensk_tid, tolka_datum, tolka_klockslag

_TEXTKOLUMNER = ("brottskategori", "brottstyp", "id", "plats", "omrade", "raknare", "aldersgrupp")
_RE_DECIMALKOMMA = re.compile(r"[-\u2212]?\d[\d\s\u00a0]*,\d+")
_RE_FOR_STORT = re.compile(r"[+\-\u2212]?(?:inf|infinity|[\d\s.,]+e\+?\d{3,})", re.IGNORECASE)
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
    _tidpunkter(tabell, val, data, ute, anm, kravs=typ in ("brott", "flode"), format_=rapport.format)
    koord = las_koordinater(tabell, val, ute, anm, rapport.format, koordinatsystem)
    if koord:
        data.update(koord)
    _text_och_kon(tabell, val, rubriker, data, anm)
    _tal_och_antal(tabell, val, data, ute, anm, typ)
    bred: list[str] = []
    if typ == "enkat":
        _svar(tabell, val, rubriker, svarskolumner, data, anm, rapport)
    if typ == "flode" and "antal" not in val:
        bred = _bred_flode(tabell, val, data, ute, anm, rapport)
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


def _titeltips(tabell: Tabell) -> str:
    """Ett tips om rubrikraden ser ut som en titel: ett enda namn, fler värden under."""
    namn = [r for r in tabell.rubriker if r]
    if len(namn) == 1 and len(tabell.rubriker) > 1:
        return (
            f" Rad {tabell.rubrikrad} lästes som rubrikrad men har bara ett namn (”{namn[0]}”). "
            "Är det en titel? Ta bort raderna ovanför kolumnnamnen så att de står överst."
        )
    return ""


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


def _per_orsak(
    logg: Radlogg, rader: np.ndarray, orsak: np.ndarray, kolumn: str, tillagg: dict[str, str]
) -> None:
    """Lägg rader i loggen grupperade per orsak (None = inget fel)."""
    finns = pd.Series(orsak).notna().to_numpy()
    for text in pd.unique(orsak[finns]):
        logg.lagg_till(rader[orsak == text], text + tillagg.get(text, ""), kolumn)


def _tidpunkter(tabell, val, data, ute: Radlogg, anm: Radlogg, kravs: bool, format_: list[str]) -> None:
    if "tidpunkt" not in val and "datum" not in val:
        if kravs:
            raise FilFel(
                f"Filen {tabell.namn} saknar en kolumn med datum. Väntade en kolumn som heter "
                "Datum, Tidpunkt eller Datum och tid (med datum som 2024-03-05, "
                "2024-03-05 22:15, 5 mars 2024 eller 5/3/2024). Kolumnerna i filen är: "
                + ", ".join(f"”{r}”" for r in tabell.rubriker if r)
                + "."
                + _titeltips(tabell)
            )
        return
    dk = val.get("tidpunkt", val.get("datum"))
    dnamn = tabell.rubriker[dk]
    d = tolka_datum(tabell.unika(dk), tabell.excel)
    exempel = f" (väntade till exempel {EXEMPEL})"
    _per_orsak(
        ute,
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
        _per_orsak(
            anm,
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


def _tal(tabell, k, ute, anm, *, heltal=False, minst=None, hogst=None, vid_fel="ute", beskrivning="ett tal"):
    """Tolka en kolumn som tal. vid_fel: "ute" lämnar raden utanför, "saknas" sätter NaN."""
    namn = tabell.rubriker[k]
    logg = ute if vid_fel == "ute" else anm
    svans = "" if vid_fel == "ute" else "; värdet satt som saknat"
    x, fel = tal_kolumn(tabell.unika(k))
    orsak = np.full(len(x), None, dtype=object)
    orsak[fel] = f"väntade {beskrivning}{svans}"
    koder, texter = tabell.unika_texter(k)
    for_stort = fel & np.array([bool(_RE_FOR_STORT.fullmatch(t)) for t in texter] + [False])[koder]
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
    _per_orsak(logg, tabell.rader, orsak, namn, {})
    return np.where(pd.isna(orsak), x, np.nan)


def _tal_och_antal(tabell, val, data, ute: Radlogg, anm: Radlogg, typ: str) -> None:
    if "alder" in val:
        data["alder"] = _tal(
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
        data["vikt"] = _tal(tabell, val["vikt"], ute, anm, minst=0, beskrivning="en vikt (ett tal, minst 0)")
    if "antal" in val:
        k = val["antal"]
        data["antal"] = _tal(
            tabell,
            k,
            ute,
            anm,
            heltal=True,
            minst=0,
            hogst=1e9,
            beskrivning="ett antal (ett heltal, minst 0)",
        )
        if typ == "flode":
            ute.lagg_till(tabell.rader[tabell.tom(k)], "antal saknas", tabell.rubriker[k])


def _svar(tabell, val, rubriker, svarskolumner, data, anm: Radlogg, rapport: Inlasningsrapport) -> None:
    onskade: dict[str, object] | None = None
    if svarskolumner is not None:
        par = (
            list(svarskolumner.items())
            if isinstance(svarskolumner, dict)
            else [(n, None) for n in svarskolumner]
        )
        onskade = {normalisera_kolumnnamn(n): spec for n, spec in par}
        finns = {r.normaliserat for r in rubriker} | {r.grundnamn for r in rubriker}
        saknas = sorted(set(onskade) - finns)
        if saknas:
            raise FilFel(
                f"Filen {tabell.namn} saknar svarskolumnen {', '.join(saknas)}. "
                "Kolumnerna i filen är: " + ", ".join(f"”{r}”" for r in tabell.rubriker) + "."
            )
    svar = []
    for i, r in enumerate(rubriker):
        if i in val.values() or not r.text:
            continue
        nyckel = next(
            (n for n in (r.normaliserat, r.grundnamn) if onskade is not None and n in onskade), None
        )
        if onskade is not None and nyckel is None:
            continue
        spec = onskade[nyckel] if nyckel is not None else None  # type: ignore[index]
        skala = bestam_skala(r, tabell.text(i), tabell.namn, spec, angiven=nyckel is not None)
        if skala is None:
            continue
        kanon = r.grundnamn
        while kanon in data:
            kanon += "_svar"
        data[kanon] = svarskolumn(tabell.text(i), tabell.rader, skala, r.text, anm)
        rapport.kanda_kolumner[r.text] = f"{kanon} (svar, skala {skala.namn})"
        if skala.kalla:
            koder = ", ".join(f"{k}={a}" for k, a in sorted(skala.koder.items()))
            rapport.format.append(f"kolumnen ”{r.text}”: koderna {koder} ({skala.kalla})")
        if r.text in rapport.ignorerade_kolumner:
            rapport.ignorerade_kolumner.remove(r.text)
        svar.append(kanon)
    if not svar:
        raise FilFel(
            f"Filen {tabell.namn} har ingen kolumn med enkätsvar. Väntade minst en kolumn "
            "med svar som Mycket trygg, Ganska trygg, Ganska otrygg och Mycket otrygg "
            "(eller en annan av handbokens svarsskalor), eller koder med skalan i rubriken, "
            "till exempel ”Trygg kväll (1=Mycket trygg … 4=Mycket otrygg)”." + _titeltips(tabell)
        )


def _bred_flode(tabell, val, data, ute: Radlogg, anm: Radlogg, rapport) -> list[str]:
    """En kolumn per räknare (som Mellanstads flode.csv): tal per räknare, i lång form senare."""
    raknare = []
    for i, rubrik in enumerate(tabell.rubriker):
        if i in val.values() or not rubrik:
            continue
        x, fel = tal_kolumn(tabell.unika(i))
        ifyllda = ~tabell.tom(i)
        if ifyllda.any() and fel[ifyllda].mean() <= 0.1:
            raknare.append(i)
    if not raknare:
        raise FilFel(
            f"Filen {tabell.namn} saknar kolumnen Antal. Väntade antingen lång form, en rad per "
            "tidsperiod och räknare med kolumnerna Datum (eller Tidpunkt), Räknare och Antal "
            "(heltal, minst 0), eller bred form, en kolumn per räknare med antalet, som "
            "”Tidpunkt;Busstationen;Stortorget”. Kolumnerna i filen är: "
            + ", ".join(f"”{r}”" for r in tabell.rubriker if r)
            + "."
        )
    namn = [tabell.rubriker[i] for i in raknare]
    for i in raknare:
        data[("antal", tabell.rubriker[i])] = _tal(
            tabell,
            i,
            ute,
            anm,
            heltal=True,
            minst=0,
            hogst=1e9,
            vid_fel="saknas",
            beskrivning="ett antal (ett heltal, minst 0)",
        )
        anm.lagg_till(
            tabell.rader[tabell.tom(i)],
            "inget antal (tom cell); räknaren saknas på raden",
            tabell.rubriker[i],
        )
        rapport.kanda_kolumner[tabell.rubriker[i]] = f"antal för räknaren {tabell.rubriker[i]}"
        if tabell.rubriker[i] in rapport.ignorerade_kolumner:
            rapport.ignorerade_kolumner.remove(tabell.rubriker[i])
    alla_saknas = np.all([np.isnan(data[("antal", n)]) for n in namn], axis=0)
    ute.lagg_till(tabell.rader[alla_saknas], "inget antal på raden för någon räknare")
    rapport.format.append(
        f"bred form: en kolumn per räknare ({', '.join(namn)}); varje rad blev en rad per räknare"
    )
    return namn


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
