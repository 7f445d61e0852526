"""Automatisk återkoppling till handbokens övningar (mappen ``exercises/``).

Varje uppgift har en kontrollfunktion, till exempel ``kontrollera_4_1(svar, plats)``.
Funktionen räknar fram rätt svar ur platsens data när den anropas, jämför med
``svar`` och skriver en kort återkoppling på svenska:

- ``Rätt! …`` när svaret stämmer (med en tolerans för avrundning), eller
- ``Inte än: …`` med en ledtråd som hjälper utan att säga svaret.

Ett svar av fel sort (en text i stället för ett tal, till exempel) ger aldrig ett
felmeddelande från Python, bara en mening om vilken sorts svar som väntades.
Svaret ``...`` (platshållaren i övningsfilerna) betyder att uppgiften inte är gjord.

Andelar får skrivas som ett tal mellan 0 och 1 (0,27) eller i procent (27).
Procentenheter skrivs som tal i procentenheter (5,2), men en skillnad mellan två
andelar (0,052) godtas också.

Exempel
-------
>>> import tryggaplatser as tp
>>> from tryggaplatser import ovningar
>>> plats = tp.las_plats()
>>> ovningar.kontrollera_4_1(..., plats)
Inte än: du har inte skrivit något svar ännu. Byt ut ... mot din kod och kör cellen igen.
>>> ovningar.kontrollera_4_1("hälften", plats)
Inte än: svaret ska vara ett tal (en andel), men svar är en text (str).
>>> ovningar.kontrollera_4_1(ovningar.facit_4_1(plats), plats)  # doctest: +ELLIPSIS
Rätt! ...
"""

from __future__ import annotations

import calendar
import math
import textwrap
from collections.abc import Mapping, Sequence
from numbers import Real

import numpy as np
import pandas as pd

from tryggaplatser.plats import Plats, PlatsFel, las_plats
from tryggaplatser.skalor import MANADER as SKALOR_MANADER

#: Andelar: svaret får avvika så här mycket (en halv procentenhet), så att avrundade svar godtas.
TOLERANS_ANDEL = 0.0051
#: Procentenheter: svaret får avvika en halv procentenhet.
TOLERANS_PE = 0.51

OTRYGGA = ["Ganska otrygg", "Mycket otrygg", "Går aldrig ut ensam på grund av otrygghet"]
STOR_ORO = ["I ganska stor utsträckning", "I mycket stor utsträckning"]
STORT_PROBLEM = ["Ganska stort problem", "Mycket stort problem"]
ALDRIG_UT = "Går aldrig ut ensam på grund av otrygghet"
VALD = ["Misshandel", "Olaga hot", "Ofredande"]
PLURAL = {"Kvinna": "kvinnor", "Man": "män"}
#: Månaderna med nummer: MANADER[1] är januari.
MANADER = ["", *SKALOR_MANADER]

_TYPNAMN = {
    str: "en text (str)", list: "en lista (list)", tuple: "en tupel (tuple)", dict: "en ordlista (dict)",
    bool: "ett sanningsvärde (bool)", type(None): "inget värde (None)", set: "en mängd (set)",
    pd.DataFrame: "en tabell (DataFrame)", pd.Series: "en serie (Series)",
}


class _Fel(Exception):
    """Svaret är av fel sort; meddelandet säger vad som väntades."""


# ---------------------------------------------------------------------------
# Hjälp: återkoppling och tolkning av svar
# ---------------------------------------------------------------------------

#: Raderna bryts så att de syns utan rullning i en notebook och på webbplatsen.
RADBREDD = 76


def _skriv(text: str) -> None:
    print(textwrap.fill(text, RADBREDD, break_long_words=False, break_on_hyphens=False))


def _ratt(text: str) -> None:
    _skriv(f"Rätt! {text}")


def _inte_an(text: str) -> None:
    _skriv(f"Inte än: {text}")


def _typnamn(varde: object) -> str:
    for typ, namn in _TYPNAMN.items():
        if type(varde) is typ:
            return namn
    return f"av typen {type(varde).__name__}"


def _procent(andel: float, decimaler: int = 0) -> str:
    from tryggaplatser.formatering import formatera_procent

    return formatera_procent(float(andel), decimaler)


def _tal_text(varde: float, decimaler: int = 0) -> str:
    from tryggaplatser.formatering import formatera_tal

    return formatera_tal(float(varde), decimaler)


def _plats(plats: object) -> Plats:
    if isinstance(plats, Plats):
        return plats
    if plats is None:
        raise _Fel("ge kontrollen platsen också, så här: kontrollera(svar, plats).")
    try:
        return las_plats(plats)  # ett platsnamn eller en mapp
    except Exception:
        raise _Fel("plats ska vara platsen från tp.valj_plats(PLATS) i notebookens början, "
                   f"men den är {_typnamn(plats)}.") from None


def _tal(svar: object, vad: str = "ett tal") -> float:
    """Ett svar som ska vara ett tal: int, float, numpy-tal eller en serie med ett enda värde."""
    if isinstance(svar, (pd.Series, pd.DataFrame)) and svar.size == 1:
        svar = svar.to_numpy().ravel()[0]
    if isinstance(svar, np.ndarray) and svar.size == 1:
        svar = svar.ravel()[0]
    if isinstance(svar, (bool, np.bool_)) or not isinstance(svar, (Real, np.number)):
        raise _Fel(f"svaret ska vara {vad}, men svar är {_typnamn(svar)}.")
    tal = float(svar)
    if math.isnan(tal):
        raise _Fel("svaret är NaN, alltså inget tal. Har du tagit bort de tomma svaren innan du räknade?")
    return tal


def _som_andel(tal: float, ratt: float) -> float:
    """Tolka ett svar som en andel 0–1. Ett tal över 1 läses som procent om det då stämmer bättre."""
    if abs(tal) > 1 and abs(tal / 100 - ratt) < abs(tal - ratt):
        return tal / 100
    return tal


def _nara(tal: float, ratt: float, tolerans: float = TOLERANS_ANDEL) -> bool:
    return abs(tal - ratt) <= tolerans


def _som_pe(tal: float, ratt_pe: float) -> float:
    """Tolka ett svar i procentenheter; en skillnad mellan andelar (0,05) godtas också."""
    if abs(tal) < 1 and abs(tal * 100 - ratt_pe) < abs(tal - ratt_pe):
        return tal * 100
    return tal


def _per_nyckel(svar: object, nycklar: list[str], rubriker: list[str], vad: str) -> dict[tuple, float]:
    """Ett svar med ett tal per grupp: en ordlista, en serie eller en tabell.

    Tabellen kan ha grupperna i indexet (som från groupby) eller i kolumner med svenska
    rubriker (``rubriker``) och talet i en enda kolumn med tal.
    """
    if svar is ... or svar is None:
        raise _Fel(f"svaret ska vara {vad}, men svar är {_typnamn(svar)}.")
    if isinstance(svar, Mapping) and not isinstance(svar, pd.Series):
        serie = pd.Series(dict(svar), dtype="object")
    elif isinstance(svar, pd.Series):
        serie = svar
    elif isinstance(svar, pd.DataFrame):
        tabell = svar.copy()
        finns = [r for r in [*rubriker, *nycklar] if r in tabell.columns]
        if finns:
            grupp = ([r for r in rubriker if r in tabell.columns]
                     or [n for n in nycklar if n in tabell.columns])
            tabell = tabell.set_index(grupp)
        tal = tabell.select_dtypes("number")
        if "andel" in tal.columns:
            tal = tal[["andel"]]
        elif "Andel" in tal.columns:
            tal = tal[["Andel"]]
        if tal.shape[1] != 1:
            raise _Fel(f"svaret ska vara {vad}. Tabellen har {tal.shape[1]} kolumner med tal; "
                       "behåll bara den med svaret (eller döp den till Andel).")
        serie = tal.iloc[:, 0]
    else:
        raise _Fel(f"svaret ska vara {vad}, men svar är {_typnamn(svar)}.")
    ut: dict[tuple, float] = {}
    for nyckel, varde in serie.items():
        nyckel = tuple(str(n) for n in (nyckel if isinstance(nyckel, tuple) else (nyckel,)))
        try:
            ut[nyckel] = float("nan") if varde is None or pd.isna(varde) else float(varde)
        except (TypeError, ValueError):
            raise _Fel(f"värdet för {' '.join(nyckel)} är {_typnamn(varde)}, inte ett tal.") from None
    return ut


def _kontroll(funktion):
    """Gör om ett fel i svarets form till en mening som börjar med "Inte än"."""

    def kontrollera(svar: object = ..., plats: object = None) -> None:
        if svar is ...:
            _inte_an("du har inte skrivit något svar ännu. Byt ut ... mot din kod och kör cellen igen.")
            return
        try:
            funktion(svar, _plats(plats))
        except _Fel as fel:
            _inte_an(str(fel))
        except PlatsFel as fel:
            _skriv(f"Kontrollen går inte att göra på den här platsen. {fel}")
        except (TypeError, ValueError, KeyError, IndexError, AttributeError):
            # Ett svar med en form som kontrollen inte har förutsett: inget fel från Python.
            _inte_an("kontrollen kan inte läsa svaret. Se efter att det har den form som "
                     "uppgiften beskriver.")

    kontrollera.__name__ = funktion.__name__
    kontrollera.__doc__ = funktion.__doc__
    return kontrollera


def _andelsuppgift(svar: object, ratt: float, ratt_text: str, fallor: list[tuple[float, str]] = (),
                   for_hog: str = "", for_lag: str = "") -> None:
    """Gemensam bedömning av ett svar som är en andel."""
    tal = _som_andel(_tal(svar, "ett tal (en andel)"), ratt)
    if _nara(tal, ratt):
        _ratt(ratt_text)
        return
    for varde, ledtrad in fallor:
        if _nara(tal, varde, 0.0005) and not _nara(varde, ratt, 0.0005):
            _inte_an(ledtrad)
            return
    if tal < 0 or tal > 1:
        _inte_an("en andel ligger mellan 0 och 1 (eller mellan 0 och 100 i procent). Titta på vad "
                 "du delar med.")
    elif tal > ratt:
        _inte_an(for_hog or "svaret är för högt. Kontrollera vilka svar du räknar med i täljaren "
                            "och i nämnaren.")
    else:
        _inte_an(for_lag or "svaret är för lågt. Kontrollera vilka svar du räknar med i täljaren "
                            "och i nämnaren.")


# ---------------------------------------------------------------------------
# Data som uppgifterna bygger på
# ---------------------------------------------------------------------------

#: Inlästa filer, så att en kontroll inte läser samma fil flera gånger. Nyckeln har filens
#: ändringstid: ändrar du platsens data räknar kontrollen med de nya filerna.
_INLAST: dict[tuple, pd.DataFrame] = {}


def _las(plats: Plats, fil: str, lasare) -> pd.DataFrame:
    sokvag = plats.mapp / fil
    nyckel = (str(sokvag), sokvag.stat().st_mtime_ns if sokvag.exists() else None, fil)
    if nyckel not in _INLAST:
        _INLAST[nyckel] = lasare(plats)
    return _INLAST[nyckel]


def _enkat(plats: Plats) -> pd.DataFrame:
    """Hela urvalet i platsens enkät, också de som inte svarade."""
    from tryggaplatser.mellanstad import las_enkat

    return _las(plats, "enkat.csv", las_enkat)


def _svarande(plats: Plats, ar: int, fraga: str) -> pd.DataFrame:
    """De som svarade på enkäten ett visst år och inte lämnade frågan tom."""
    enkat = _enkat(plats)
    return enkat[enkat["svarat"] & (enkat["ar"] == ar) & enkat[fraga].notna()]


def _vagd(utfall: pd.Series, vikt: pd.Series) -> float:
    return float((utfall * vikt).sum() / vikt.sum())


def _studieomradet(plats: Plats) -> tuple[float, float, float, float]:
    from tryggaplatser.mellanstad import las_omraden

    omraden = _las(plats, "omraden.geojson", las_omraden)
    return tuple(omraden.loc[omraden["omrade"] == "studieomrade"].total_bounds)


def _brott(plats: Plats) -> pd.DataFrame:
    from tryggaplatser.mellanstad import las_brott

    return _las(plats, "brott.csv", las_brott)


# ---------------------------------------------------------------------------
# Kapitel 2: oro, otrygghet och beteende (ovägda andelar, senaste enkäten)
# ---------------------------------------------------------------------------

def facit_2_1(plats: Plats) -> float:
    """Andel med stor oro för brottsligheten i samhället, senaste enkäten, ovägd."""
    s = _svarande(plats, plats.enkatar[-1], "oro_samhalle")
    return float(s["oro_samhalle"].isin(STOR_ORO).mean())


@_kontroll
def kontrollera_2_1(svar, plats):
    """Uppgift 2.1: andelen som oroar sig i stor utsträckning för brottsligheten i samhället."""
    ratt = facit_2_1(plats)
    s = _svarande(plats, plats.enkatar[-1], "oro_samhalle")
    mycket = float((s["oro_samhalle"] == STOR_ORO[1]).mean())
    alla = _svarande(plats, plats.enkatar[-1], "ar")
    med_tomma = float(alla["oro_samhalle"].isin(STOR_ORO).mean())
    _andelsuppgift(svar, ratt, f"{_procent(ratt)} oroar sig i stor utsträckning för brottsligheten "
                               "i samhället.",
                   [(mycket, "du har bara räknat med dem som svarat i mycket stor utsträckning. "
                             "Ta med båda svaren som betyder stor oro."),
                    (med_tomma, "nämnaren ska bara ha dem som svarade på frågan. Ta bort de tomma "
                                "svaren först.")])


def facit_2_2(plats: Plats) -> float:
    """Skillnaden i procentenheter: stor oro för samhället minus otrygga sent på kvällen."""
    s = _svarande(plats, plats.enkatar[-1], "otrygg_kvall")
    return (facit_2_1(plats) - float(s["otrygg_kvall"].isin(OTRYGGA).mean())) * 100


@_kontroll
def kontrollera_2_2(svar, plats):
    """Uppgift 2.2: hur många procentenheter större oron för samhället är än otryggheten."""
    ratt = facit_2_2(plats)
    tal = _som_pe(_tal(svar, "ett tal i procentenheter"), ratt)
    s = _svarande(plats, plats.enkatar[-1], "otrygg_kvall")
    otrygg = float(s["otrygg_kvall"].isin(OTRYGGA).mean()) * 100
    if _nara(tal, ratt, TOLERANS_PE):
        ord_ = "större" if ratt > 0 else "mindre"
        _ratt(f"Oron för brottsligheten i samhället är {_tal_text(abs(ratt), 1)} procentenheter {ord_} "
              "än otryggheten sent på kvällen i det egna området.")
    elif _nara(tal, -ratt, TOLERANS_PE):
        _inte_an("du har räknat åt andra hållet. Ta andelen med stor oro minus andelen otrygga.")
    elif _nara(tal, otrygg, TOLERANS_PE) or _nara(tal, otrygg / 100, 0.0051):
        _inte_an("det där ser ut som andelen otrygga. Svaret är skillnaden mellan de två andelarna.")
    else:
        _inte_an("skillnaden stämmer inte. Räkna båda andelarna för samma år, bland dem som svarade på "
                 "respektive fråga, och räkna om skillnaden till procentenheter.")


def facit_2_3(plats: Plats) -> pd.Series:
    """Andel per kön som aldrig går ut ensamma på grund av otrygghet, senaste enkäten."""
    s = _svarande(plats, plats.enkatar[-1], "otrygg_kvall")
    return (s["otrygg_kvall"] == ALDRIG_UT).groupby(s["kon"], observed=True).mean().rename_axis("Kön")


@_kontroll
def kontrollera_2_3(svar, plats):
    """Uppgift 2.3: beteendet, per kön."""
    ratt = facit_2_3(plats)
    givet = _per_nyckel(svar, ["kon"], ["Kön"], "en andel per kön (en serie eller en tabell med "
                                                "kolumnen Kön)")
    saknas = [k for k in ratt.index if (str(k),) not in givet]
    if saknas:
        _inte_an(f"svaret saknar {' och '.join(map(str, saknas))}. Dela upp efter kolumnen kon.")
        return
    fel = [k for k in ratt.index if not _nara(_som_andel(givet[(str(k),)], ratt[k]), ratt[k])]
    if not fel:
        # Inga andelar i texten: grupperna kan vara små på en egen plats.
        storst, minst = str(ratt.idxmax()), str(ratt.idxmin())
        jamfort = ("Andelen är lika stor i båda grupperna." if ratt.max() == ratt.min() else
                   f"Andelen är större bland {PLURAL.get(storst, storst)} "
                   f"än bland {PLURAL.get(minst, minst)}.")
        _ratt(f"{jamfort} Beteendet är den del av rädslan som syns i vad man gör.")
        return
    otrygga = (lambda s: s["otrygg_kvall"].isin(OTRYGGA).groupby(s["kon"], observed=True).mean())(
        _svarande(plats, plats.enkatar[-1], "otrygg_kvall"))
    if all(_nara(_som_andel(givet[(str(k),)], otrygga[k]), otrygga[k]) for k in ratt.index):
        _inte_an("det där är andelen otrygga. Räkna bara svaret att man aldrig går ut ensam på "
                 "grund av otrygghet.")
    else:
        _inte_an(f"andelen för {' och '.join(map(str, fel))} stämmer inte. Räkna per kön bland dem som "
                 "svarade på frågan, och dela med antalet svar i samma grupp.")


def facit_2_4(plats: Plats) -> tuple[float, float]:
    """Andel otrygga bland dem med stor oro och bland dem utan stor oro, senaste enkäten."""
    s = _svarande(plats, plats.enkatar[-1], "otrygg_kvall")
    s = s[s["oro_samhalle"].notna()]
    oro = s["oro_samhalle"].isin(STOR_ORO)
    otrygg = s["otrygg_kvall"].isin(OTRYGGA)
    return float(otrygg[oro].mean()), float(otrygg[~oro].mean())


@_kontroll
def kontrollera_2_4(svar, plats):
    """Uppgift 2.4: hänger oron för samhället ihop med otryggheten?"""
    med, utan = facit_2_4(plats)
    if isinstance(svar, Mapping) or isinstance(svar, (str, bytes)) or not isinstance(
            svar, (Sequence, np.ndarray, pd.Series)) or len(svar) != 2:
        raise _Fel("svaret ska vara två tal, till exempel (0.4, 0.2): andelen otrygga bland dem med "
                   f"stor oro och bland dem utan. Nu är svar {_typnamn(svar)}"
                   + (f" med {len(svar)} värden." if isinstance(svar, (list, tuple, pd.Series)) else "."))
    a, b = (_som_andel(_tal(v, "ett tal (en andel)"), r)
            for v, r in zip(list(svar), (med, utan), strict=True))
    if _nara(a, med) and _nara(b, utan):
        jamfort = "högre" if med > utan else "lägre" if med < utan else "lika stor"
        _ratt(f"Bland dem med stor oro är {_procent(med)} otrygga, bland de andra {_procent(utan)}. "
              f"Andelen är {jamfort} bland dem som oroar sig. Fundera på vad det säger om sambandet.")
    elif _nara(a, utan) and _nara(b, med):
        _inte_an("talen stämmer men står i fel ordning. Skriv först andelen bland dem med stor oro.")
    else:
        _inte_an("minst ett av talen stämmer inte. Ta bara med dem som svarade på båda frågorna, "
                 "och räkna andelen otrygga inom varje grupp för sig.")


# ---------------------------------------------------------------------------
# Kapitel 4: mäta trygghet (vägda andelar, första enkäten)
# ---------------------------------------------------------------------------

def facit_4_1(plats: Plats) -> float:
    """Andelen av urvalet som svarade på den första enkäten."""
    enkat = _enkat(plats)
    return float(enkat.loc[enkat["ar"] == plats.enkatar[0], "svarat"].mean())


@_kontroll
def kontrollera_4_1(svar, plats):
    """Uppgift 4.1: svarsandelen i den första enkäten."""
    ratt = facit_4_1(plats)
    enkat = _enkat(plats)
    forsta = enkat[enkat["ar"] == plats.enkatar[0]]
    tal = _tal(svar, "ett tal (en andel)")
    if tal == int(forsta["svarat"].sum()) or tal == len(forsta):
        _inte_an("det där är ett antal personer. Svaret är en andel: de som svarade delat med alla "
                 "i urvalet.")
        return
    alla_ar = float(enkat["svarat"].mean())
    _andelsuppgift(tal, ratt, f"{_procent(ratt)} av urvalet svarade på enkäten {plats.enkatar[0]}.",
                   [(alla_ar, f"du har räknat alla år. Ta bara med enkäten {plats.enkatar[0]}.")])


def facit_4_2(plats: Plats) -> float:
    """Vägd andel otrygga sent på kvällen bland dem som bor i platsens enkätområde, första enkäten."""
    s = _svarande(plats, plats.enkatar[0], "otrygg_kvall")
    s = s[s["omrade"] == plats.platsens_enkatomrade]
    return _vagd(s["otrygg_kvall"].isin(OTRYGGA), s["vikt"])


@_kontroll
def kontrollera_4_2(svar, plats):
    """Uppgift 4.2: vägd andel otrygga i platsens enkätområde."""
    ratt = facit_4_2(plats)
    s = _svarande(plats, plats.enkatar[0], "otrygg_kvall")
    i_omradet = s[s["omrade"] == plats.platsens_enkatomrade]
    ovagd = float(i_omradet["otrygg_kvall"].isin(OTRYGGA).mean())
    hela = _vagd(s["otrygg_kvall"].isin(OTRYGGA), s["vikt"])
    _andelsuppgift(svar, ratt, f"Vägd andel otrygga i {plats.platsens_enkatomrade} {plats.enkatar[0]}: "
                               f"{_procent(ratt, 1)}.",
                   [(ovagd, "det där är den ovägda andelen. Låt varje svar väga med sin vikt "
                            "(kolumnen vikt)."),
                    (hela, "det där gäller alla områden. Ta bara med dem som bor i "
                           f"{plats.platsens_enkatomrade}.")])


def facit_4_3(plats: Plats) -> dict[str, float]:
    """Andelen i uppgift 4.2 med Wilsons intervall från den effektiva urvalsstorleken."""
    from tryggaplatser.statistik import andel_med_ki

    s = _svarande(plats, plats.enkatar[0], "otrygg_kvall")
    s = s[s["omrade"] == plats.platsens_enkatomrade]
    return andel_med_ki(s["otrygg_kvall"].isin(OTRYGGA), s["vikt"])


def _intervall(svar: object) -> tuple[float, float]:
    if isinstance(svar, Mapping):
        if not {"ki_nedre", "ki_ovre"} <= set(svar):
            raise _Fel("svaret ska ha nycklarna ki_nedre och ki_ovre, som resultatet från tp.andel_med_ki.")
        return _tal(svar["ki_nedre"]), _tal(svar["ki_ovre"])
    if isinstance(svar, (tuple, list, np.ndarray)) and len(svar) == 2:
        return _tal(svar[0]), _tal(svar[1])
    raise _Fel("svaret ska vara resultatet från tp.andel_med_ki (en ordlista) eller två tal "
               f"(nedre, övre). Nu är svar {_typnamn(svar)}.")


@_kontroll
def kontrollera_4_3(svar, plats):
    """Uppgift 4.3: konfidensintervallet för andelen i uppgift 4.2."""
    from tryggaplatser.statistik import andel_med_ki

    ratt = facit_4_3(plats)
    nedre, ovre = (_som_andel(v, r) for v, r in zip(_intervall(svar), (ratt["ki_nedre"], ratt["ki_ovre"]),
                                                     strict=True))
    if _nara(nedre, ratt["ki_nedre"]) and _nara(ovre, ratt["ki_ovre"]):
        _ratt(f"Intervallet är {_procent(ratt['ki_nedre'], 1)} till {_procent(ratt['ki_ovre'], 1)}. "
              f"Den effektiva urvalsstorleken är {_tal_text(ratt['n_eff'])} av {_tal_text(ratt['n'])} svar.")
        return
    s = _svarande(plats, plats.enkatar[0], "otrygg_kvall")
    s = s[s["omrade"] == plats.platsens_enkatomrade]
    ovagd = andel_med_ki(s["otrygg_kvall"].isin(OTRYGGA))
    if _nara(nedre, ovagd["ki_nedre"], 0.0005) and _nara(ovre, ovagd["ki_ovre"], 0.0005):
        _inte_an("det där är intervallet för den ovägda andelen. Ge funktionen vikterna också.")
    elif nedre > ovre:
        _inte_an("den nedre gränsen är större än den övre. Skriv den nedre först.")
    elif ovre - nedre < ratt["ki_ovre"] - ratt["ki_nedre"]:
        _inte_an("intervallet är för smalt. Vikterna gör att svaren räcker till mindre än sitt antal.")
    else:
        _inte_an("intervallet stämmer inte. Räkna det för samma svar och samma vikter som i uppgift 4.2.")


def facit_4_4(plats: Plats) -> pd.DataFrame:
    """Stor oro per kön och åldersgrupp i den första enkäten, med regeln för små grupper."""
    from tryggaplatser.statistik import andel_per_grupp

    s = _svarande(plats, plats.enkatar[0], "oro_samhalle")
    s = s.assign(stor_oro=s["oro_samhalle"].isin(STOR_ORO))
    return andel_per_grupp(s, ["kon", "aldersgrupp"], "stor_oro", vikt="vikt")


@_kontroll
def kontrollera_4_4(svar, plats):
    """Uppgift 4.4: stor oro per kön och åldersgrupp, med små grupper dolda."""
    ratt = facit_4_4(plats)["andel"]
    givet = _per_nyckel(svar, ["kon", "aldersgrupp"], ["Kön", "Åldersgrupp"],
                        "en tabell med en andel per kön och åldersgrupp")
    saknas = [k for k in ratt.index if tuple(map(str, k)) not in givet]
    if saknas:
        _inte_an(f"tabellen saknar {len(saknas)} av de {len(ratt)} grupperna. Dela upp efter både "
                 "kön och ålder.")
        return
    visas = [k for k in ratt.index if pd.isna(ratt[k]) and not math.isnan(givet[tuple(map(str, k))])]
    if visas:
        _inte_an(f"{len(visas)} {'grupp' if len(visas) == 1 else 'grupper'} visar en andel fast den ska "
                 "döljas. Använd tp.andel_per_grupp, "
                 "som följer handbokens regel för små grupper.")
        return
    fel = [k for k in ratt.index if not pd.isna(ratt[k])
           and not _nara(_som_andel(givet[tuple(map(str, k))], ratt[k]), ratt[k])]
    if fel:
        _inte_an(f"andelen stämmer inte för {len(fel)} grupper. Har du räknat stor oro (ganska eller mycket "
                 "stor utsträckning), med vikterna, för den första enkäten?")
        return
    dolda = int(ratt.isna().sum())
    _ratt(f"Tabellen har {len(ratt)} grupper, och " + (
        f"{dolda} av dem döljs." if dolda else "ingen av dem behöver döljas."))


def facit_4_5(plats: Plats) -> dict[str, float]:
    """Förändringen av andelen som ser klotter som ett stort problem, första till sista enkäten."""
    from tryggaplatser.statistik import andel_med_ki, skillnad_med_ki

    delar = []
    for ar in (plats.enkatar[0], plats.enkatar[-1]):
        s = _svarande(plats, ar, "problem_klotter")
        delar.append(andel_med_ki(s["problem_klotter"].isin(STORT_PROBLEM), s["vikt"]))
    return skillnad_med_ki(*delar)


@_kontroll
def kontrollera_4_5(svar, plats):
    """Uppgift 4.5: förändringen av klotter som stort problem, med konfidensintervall."""
    ratt = facit_4_5(plats)
    pe = ratt["skillnad"] * 100
    if isinstance(svar, Mapping):
        if "skillnad" not in svar:
            raise _Fel("svaret ska ha nyckeln skillnad, som resultatet från tp.skillnad_med_ki.")
        tal = _som_pe(_tal(svar["skillnad"]), pe)
        if {"ki_nedre", "ki_ovre"} <= set(svar):
            nedre, ovre = _tal(svar["ki_nedre"]) * 100, _tal(svar["ki_ovre"]) * 100
            if not (_nara(nedre, ratt["ki_nedre"] * 100, TOLERANS_PE)
                    and _nara(ovre, ratt["ki_ovre"] * 100, TOLERANS_PE)) and _nara(tal, pe, TOLERANS_PE):
                _inte_an("skillnaden stämmer men inte intervallet. Ge tp.skillnad_med_ki de två resultaten "
                         "från tp.andel_med_ki, räknade med vikter.")
                return
    else:
        tal = _som_pe(_tal(svar, "ett tal i procentenheter eller resultatet från tp.skillnad_med_ki"), pe)
    if _nara(tal, pe, TOLERANS_PE):
        sakert = ratt["ki_nedre"] > 0 or ratt["ki_ovre"] < 0
        _ratt(f"Förändringen är {_tal_text(pe, 1)} procentenheter, med intervallet "
              f"{_tal_text(ratt['ki_nedre'] * 100, 1)} till {_tal_text(ratt['ki_ovre'] * 100, 1)}. "
              + ("Intervallet innehåller inte noll." if sakert else "Intervallet innehåller noll."))
    elif _nara(tal, -pe, TOLERANS_PE):
        _inte_an(f"du har räknat åt andra hållet. Ta {plats.enkatar[-1]} minus {plats.enkatar[0]}.")
    else:
        _inte_an("förändringen stämmer inte. Räkna den vägda andelen ganska eller mycket stort problem "
                 "för vart och ett av åren, bland dem som svarade på frågan.")


# ---------------------------------------------------------------------------
# Kapitel 5: brottsligheten på platsen
# ---------------------------------------------------------------------------

def facit_5_1(plats: Plats) -> pd.Series:
    """Antal anmälda brott per år i jämförelseområdet."""
    b = _brott(plats)
    b = b[b["omrade"] == "jamforelseomrade"]
    return b.groupby(b["tidpunkt"].dt.year).size().reindex(plats.ar, fill_value=0).rename_axis("År")


@_kontroll
def kontrollera_5_1(svar, plats):
    """Uppgift 5.1: brott per år i jämförelseområdet."""
    ratt = facit_5_1(plats)
    givet = _per_nyckel(svar, ["ar"], ["År"], "ett antal per år (en serie eller en tabell med kolumnen År)")
    saknas = [a for a in ratt.index if (str(a),) not in givet]
    if saknas:
        _inte_an(f"svaret saknar {len(saknas)} av åren. Räkna varje år från {plats.forsta_ar} till "
                 f"{plats.sista_ar}.")
        return
    if all(givet[(str(a),)] == ratt[a] for a in ratt.index):
        topp = int(ratt.idxmax())
        _ratt(f"Flest brott anmäldes {topp}: {_tal_text(ratt[topp])} stycken.")
        return
    b = _brott(plats)
    alla = b.groupby(b["tidpunkt"].dt.year).size()
    if all(givet[(str(a),)] == alla.get(a) for a in ratt.index):
        _inte_an("det där är alla brott i studieområdet. Ta bara med brotten i jämförelseområdet.")
    else:
        _inte_an("antalen stämmer inte. Välj rader där omrade är jamforelseomrade och räkna per år.")


def _natt(tid: pd.Series) -> pd.Series:
    return (tid.dt.hour >= 22) | (tid.dt.hour < 6)


def facit_5_2(plats: Plats) -> float:
    """Andelen stölder ur fordon kl. 22–06, alla år."""
    b = _brott(plats)
    return float(_natt(b.loc[b["brottstyp"] == "Stöld ur fordon", "tidpunkt"]).mean())


@_kontroll
def kontrollera_5_2(svar, plats):
    """Uppgift 5.2: andel stölder ur fordon på natten."""
    ratt = facit_5_2(plats)
    b = _brott(plats)
    tid = b.loc[b["brottstyp"] == "Stöld ur fordon", "tidpunkt"]
    inklusive_sex = float(((tid.dt.hour >= 22) | (tid.dt.hour <= 6)).mean())
    alla = float(_natt(b["tidpunkt"]).mean())
    _andelsuppgift(svar, ratt, f"{_procent(ratt)} av stölderna ur fordon sker mellan kl. 22 och 06. "
                               "Natten är 8 av dygnets 24 timmar, alltså en tredjedel.",
                   [(inklusive_sex, "timmen 06 ska inte vara med: natten slutar när klockan slår sex."),
                    (alla, "det där gäller alla brott. Ta bara med stöld ur fordon.")])


def facit_5_3(plats: Plats) -> int:
    """Månaden (1–12) med flest skadegörelsebrott per dag, alla år."""
    b = _brott(plats)
    antal = b.loc[b["brottstyp"] == "Skadegörelse", "tidpunkt"].dt.month.value_counts()
    dagar = pd.Series({m: sum(calendar.monthrange(ar, m)[1] for ar in plats.ar) for m in range(1, 13)})
    return int((antal.reindex(range(1, 13), fill_value=0) / dagar).idxmax())


@_kontroll
def kontrollera_5_3(svar, plats):
    """Uppgift 5.3: månaden med flest skadegörelsebrott per dag."""
    ratt = facit_5_3(plats)
    if isinstance(svar, str):
        namn = svar.strip().lower()
        if namn not in MANADER[1:]:
            raise _Fel(f"{svar!r} är inte en månad. Skriv månadens namn, till exempel 'mars', eller "
                       "numret 1–12.")
        manad = MANADER.index(namn)
    else:
        tal = _tal(svar, "en månad: ett namn som 'mars' eller ett nummer 1–12")
        if tal != int(tal) or not 1 <= tal <= 12:
            raise _Fel("månadens nummer ska vara ett heltal från 1 till 12.")
        manad = int(tal)
    if manad == ratt:
        _ratt(f"Flest skadegörelsebrott per dag anmäldes i {MANADER[ratt]}.")
        return
    b = _brott(plats)
    mest_totalt = int(b.loc[b["brottstyp"] == "Skadegörelse", "tidpunkt"].dt.month.value_counts().idxmax())
    if manad == mest_totalt:
        _inte_an("den månaden har flest brott totalt, men månaderna är olika långa. Dela med antalet dagar.")
    else:
        _inte_an("inte den månaden. Räkna skadegörelse per månad över alla år och dela med antalet dagar.")


def facit_5_4(plats: Plats) -> float:
    """Andelen rutor i studieområdet som står för hälften av cykelstölderna uppföljningsåret."""
    from tryggaplatser.brottsanalys import andel_platser_for_andel_brott
    from tryggaplatser.rumslig import rutnat

    b = _brott(plats)
    b = b[(b["brottstyp"] == "Cykelstöld") & (b["tidpunkt"].dt.year == plats.uppfoljningsar)]
    return andel_platser_for_andel_brott(rutnat(b, utstrackning=_studieomradet(plats))["antal"], 0.5)


@_kontroll
def kontrollera_5_4(svar, plats):
    """Uppgift 5.4: koncentrationen av cykelstölder."""
    from tryggaplatser.brottsanalys import andel_platser_for_andel_brott
    from tryggaplatser.rumslig import rutnat

    ratt = facit_5_4(plats)
    b = _brott(plats)
    b = b[(b["brottstyp"] == "Cykelstöld") & (b["tidpunkt"].dt.year == plats.uppfoljningsar)]
    rutor = rutnat(b, utstrackning=_studieomradet(plats))
    bara_med_brott = andel_platser_for_andel_brott(rutor.loc[rutor["antal"] > 0, "antal"], 0.5)
    egen_utstrackning = andel_platser_for_andel_brott(rutnat(b)["antal"], 0.5)
    _andelsuppgift(svar, ratt, f"Hälften av cykelstölderna {plats.uppfoljningsar} anmäldes i "
                               f"{_procent(ratt, 1)} "
                               "av rutorna i studieområdet.",
                   [(bara_med_brott, "du har bara räknat rutor med minst en cykelstöld. De tomma rutorna hör "
                                     "också till studieområdet."),
                    (egen_utstrackning, "rutnätet ska täcka hela studieområdet. Ge tp.rutnat "
                                        "utsträckningen.")],
                   for_hog="svaret är för högt. Sortera rutorna från flest till färst brott innan du räknar.")


def facit_5_5(plats: Plats) -> int:
    """Antalet hot spots för våld (misshandel, olaga hot, ofredande) analysåret, Gi* med FDR."""
    from tryggaplatser.rumslig import gi_star, rutnat

    b = _brott(plats)
    b = b[b["brottstyp"].isin(VALD) & (b["tidpunkt"].dt.year == plats.analysar)]
    return int((gi_star(rutnat(b, utstrackning=_studieomradet(plats)))["klass"] == "hot spot").sum())


@_kontroll
def kontrollera_5_5(svar, plats):
    """Uppgift 5.5: hot spots för våld."""
    from tryggaplatser.rumslig import gi_star, rutnat

    ratt = facit_5_5(plats)
    tal = _tal(svar, "ett antal rutor (ett heltal)")
    if tal == ratt:
        _ratt(f"{_tal_text(ratt)} rutor är hot spots för våld år {plats.analysar}, efter FDR-justeringen.")
        return
    b = _brott(plats)
    b = b[b["brottstyp"].isin(VALD) & (b["tidpunkt"].dt.year == plats.analysar)]
    resultat = gi_star(rutnat(b, utstrackning=_studieomradet(plats)))
    ojusterat = int(((resultat["p"] < 0.05) & (resultat["z"] > 0)).sum())
    if tal == ojusterat:
        _inte_an("du har räknat rutor med p under 0,05 utan justering för många test. Använd kolumnen klass.")
    elif tal == int((resultat["p_fdr"] < 0.05).sum()):
        _inte_an("du har räknat med kalla fläckar också. Räkna bara rutorna som är hot spots.")
    else:
        _inte_an("antalet stämmer inte. Ta våldsbrotten analysåret, lägg ett rutnät över hela "
                 "studieområdet och räkna rutorna som tp.gi_star kallar hot spot.")
