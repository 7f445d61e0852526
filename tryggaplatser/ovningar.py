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


# ---------------------------------------------------------------------------
# Hjälp för kapitel 6–10
# ---------------------------------------------------------------------------

def _text(svar: object, vad: str) -> str:
    """Ett svar som ska vara en text (ett namn)."""
    if isinstance(svar, (pd.Series, pd.Index, np.ndarray, list, tuple)) and len(svar) == 1:
        svar = list(svar)[0]
    if not isinstance(svar, str):
        raise _Fel(f"svaret ska vara {vad} (en text), men svar är {_typnamn(svar)}.")
    return svar.strip()


def _heltal(svar: object, vad: str) -> int:
    tal = _tal(svar, vad)
    if tal != int(tal):
        raise _Fel(f"svaret ska vara {vad}, alltså ett heltal.")
    return int(tal)


def _jamfor_per_nyckel(givet: dict[tuple, float], ratt: pd.Series, tolerans: float, andel: bool = False
                       ) -> tuple[list[str], list[str]]:
    """Nycklar som saknas i svaret och nycklar där talet inte stämmer."""
    saknas, fel = [], []
    for nyckel, varde in ratt.items():
        k = (str(nyckel),)
        if k not in givet:
            saknas.append(str(nyckel))
            continue
        tal = _som_andel(givet[k], varde) if andel else givet[k]
        if math.isnan(tal) or not _nara(tal, float(varde), tolerans):
            fel.append(str(nyckel))
    return saknas, fel


def _besiktning(plats: Plats) -> pd.DataFrame:
    from tryggaplatser.mellanstad import besiktningsniva, las_besiktning

    b = _las(plats, "besiktning.csv", las_besiktning).copy()
    b["niva"] = besiktningsniva(b["poang"])
    return b


def _delplatser(plats: Plats) -> list[str]:
    """Besiktningens delplatser i den ordning de står i protokollet."""
    return list(dict.fromkeys(_besiktning(plats)["delplats"].astype(str)))


def _verksamheter(plats: Plats) -> pd.DataFrame:
    from tryggaplatser.mellanstad import las_verksamheter

    return _las(plats, "verksamheter.csv", las_verksamheter)


def _vandring(plats: Plats) -> pd.DataFrame:
    from tryggaplatser.mellanstad import las_trygghetsvandring

    return _las(plats, "trygghetsvandring.csv", las_trygghetsvandring)


def _atgarder(plats: Plats) -> pd.DataFrame:
    from tryggaplatser.mellanstad import las_atgarder

    return _las(plats, "atgarder.csv", las_atgarder)


def _fynd_och_atgarder(plats: Plats) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Fynden och åtgärderna med sina fynd. Fynden räknas ur flera filer, så nyckeln har alla."""
    from tryggaplatser.fynd import atgarder_med_fynd, las_fynd

    nyckel = ("fynd", str(plats.mapp), tuple(sorted((f.name, f.stat().st_mtime_ns)
                                                    for f in plats.mapp.iterdir() if f.is_file())))
    if nyckel not in _INLAST:
        fynd = las_fynd(plats)
        _INLAST[nyckel] = (fynd, atgarder_med_fynd(plats, fynd))
    return _INLAST[nyckel]


# ---------------------------------------------------------------------------
# Kapitel 6: kartläggning av platsen
# ---------------------------------------------------------------------------

#: Veckans timmar.
TIMMAR_I_VECKAN = 7 * 24
#: Gruppen i trygghetsvandringen som uppgift 6.4 gäller.
UNGA = "Unga 15–19 år"


def facit_6_1(plats: Plats) -> int:
    """Förändringen av summan av poängen för den sista delplatsen, första till sista besiktningen."""
    b = _besiktning(plats)
    delplats = _delplatser(plats)[-1]
    summa = b[b["delplats"].astype(str) == delplats].groupby("ar")["poang"].sum()
    return int(summa[b["ar"].max()] - summa[b["ar"].min()])


@_kontroll
def kontrollera_6_1(svar, plats):
    """Uppgift 6.1: hur mycket summan av poängen ändrades för en delplats."""
    ratt = facit_6_1(plats)
    tal = _tal(svar, "ett tal (skillnaden i poäng)")
    b = _besiktning(plats)
    delplats = _delplatser(plats)[-1]
    fore, efter = int(b["ar"].min()), int(b["ar"].max())
    if tal == ratt:
        ord_ = "steg" if ratt > 0 else "sjönk" if ratt < 0 else "var oförändrad"
        _ratt(f"Summan för {delplats} {ord_}" + (f" med {_tal_text(abs(ratt))} poäng" if ratt else "")
              + f" från {fore} till {efter}.")
        return
    valda = b[b["delplats"].astype(str) == delplats]
    alla = int(b.loc[b["ar"] == efter, "poang"].sum() - b.loc[b["ar"] == fore, "poang"].sum())
    if tal == -ratt and ratt:
        _inte_an(f"du har räknat åt andra hållet. Ta summan {efter} minus summan {fore}.")
    elif tal == alla:
        _inte_an(f"det där gäller alla delplatser. Ta bara med raderna för {delplats}.")
    elif tal in (valda.loc[valda["ar"] == fore, "poang"].sum(),
                 valda.loc[valda["ar"] == efter, "poang"].sum()):
        _inte_an("det där är summan för ett av åren. Svaret är skillnaden mellan åren.")
    else:
        _inte_an(f"skillnaden stämmer inte. Summera poängen för {delplats} vid varje besiktning och ta "
                 "den sista minus den första.")


def facit_6_2(plats: Plats) -> pd.Series:
    """Antal röda bedömningar per delplats vid den första besiktningen."""
    b = _besiktning(plats)
    forsta = b[b["ar"] == b["ar"].min()]
    return ((forsta["niva"] == "Röd").groupby(forsta["delplats"].astype(str)).sum()
            .reindex(_delplatser(plats), fill_value=0).rename_axis("Delplats"))


@_kontroll
def kontrollera_6_2(svar, plats):
    """Uppgift 6.2: röda bedömningar per delplats före åtgärderna."""
    ratt = facit_6_2(plats)
    givet = _per_nyckel(svar, ["delplats"], ["Delplats"], "ett antal per delplats (en serie eller en tabell "
                                                          "med kolumnen Delplats)")
    saknas, fel = _jamfor_per_nyckel(givet, ratt, 0)
    saknas = [d for d in saknas if ratt[d] > 0]  # en delplats utan röda får saknas
    fel = [d for d in fel if d not in saknas and (d,) in givet]
    if not saknas and not fel:
        flest = ratt[ratt == ratt.max()].index.tolist()
        _ratt(f"Flest röda bedömningar före åtgärderna hade {' och '.join(flest)}: {_tal_text(ratt.max())} "
              f"av {_tal_text(_besiktning(plats)['faktor'].nunique())} faktorer.")
        return
    if saknas:
        _inte_an(f"svaret saknar {len(saknas)} delplatser som har röda bedömningar. Räkna per delplats.")
        return
    b = _besiktning(plats)
    alla_ar = (b["niva"] == "Röd").groupby(b["delplats"].astype(str)).sum()
    if all(givet.get((d,)) == alla_ar.get(d) for d in ratt.index if ratt[d] != alla_ar.get(d)):
        _inte_an("du har räknat båda besiktningarna. Ta bara med den första.")
    else:
        _inte_an(f"antalet stämmer inte för {len(fel)} delplatser. Gör om poängen till nivåer med "
                 "tp.besiktningsniva och räkna nivån Röd.")


#: Typer som kan ha öppet utan att någon arbetar där (som i kapitel 6).
UTAN_PERSONAL = ["Torg", "Park", "Parkering", "Busshållplats"]


def _bemannade(plats: Plats, omrade: str | None = "jamforelseomrade") -> pd.DataFrame:
    v = _verksamheter(plats)
    v = v[~v["typ"].astype(str).isin(UTAN_PERSONAL)]
    return v if omrade is None else v[v["omrade"] == omrade]


def _timmar_med_oppet(v: pd.DataFrame) -> int:
    from tryggaplatser.mellanstad import oppna_per_timme

    return 0 if v.empty else int((oppna_per_timme(v).to_numpy() > 0).sum())


def facit_6_3(plats: Plats) -> int:
    """Antal timmar i veckan då ingen verksamhet med personal i jämförelseområdet har öppet."""
    return TIMMAR_I_VECKAN - _timmar_med_oppet(_bemannade(plats))


@_kontroll
def kontrollera_6_3(svar, plats):
    """Uppgift 6.3: timmar i veckan utan någon öppen verksamhet med personal i jämförelseområdet."""
    ratt = facit_6_3(plats)
    tal = _heltal(svar, "ett antal timmar")
    if tal == ratt:
        _ratt(f"{_tal_text(ratt)} av veckans {_tal_text(TIMMAR_I_VECKAN)} timmar har ingen verksamhet med "
              "personal öppet i jämförelseområdet. Då finns ingen personal som kan se vad som händer.")
        return
    if tal == TIMMAR_I_VECKAN - ratt:
        _inte_an("det där är timmarna då minst en har öppet. Räkna timmarna då ingen har öppet.")
    elif tal == TIMMAR_I_VECKAN - _timmar_med_oppet(_verksamheter(plats).query(
            "omrade == 'jamforelseomrade'")):
        _inte_an("du har räknat med torg, parker, parkeringar och hållplatser. De har ingen personal; ta "
                 "bort dem först.")
    elif tal == TIMMAR_I_VECKAN - _timmar_med_oppet(_bemannade(plats, None)):
        _inte_an("det där gäller alla områden. Ta bara med verksamheterna i jämförelseområdet.")
    elif tal > TIMMAR_I_VECKAN:
        _inte_an(f"veckan har bara {_tal_text(TIMMAR_I_VECKAN)} timmar. Räkna timmar, inte verksamheter.")
    else:
        _inte_an("antalet stämmer inte. Ge tp.oppna_per_timme verksamheterna med personal i "
                 "jämförelseområdet och räkna rutorna i tabellen som är noll.")


def facit_6_4(plats: Plats) -> list[str]:
    """Den eller de problemtyper som de unga noterade oftast under trygghetsvandringen."""
    t = _vandring(plats)
    antal = t.loc[t["grupp"] == UNGA, "problemtyp"].astype(str).value_counts()
    return sorted(antal[antal == antal.max()].index) if len(antal) else []


@_kontroll
def kontrollera_6_4(svar, plats):
    """Uppgift 6.4: vad de unga såg oftast på trygghetsvandringen."""
    ratt = facit_6_4(plats)
    if not ratt:
        _skriv("Kontrollen går inte att göra på den här platsen: ingen grupp med unga gick "
               "trygghetsvandringen.")
        return
    givet = _text(svar, "en problemtyp")
    typer = {str(t).lower(): str(t) for t in _vandring(plats)["problemtyp"].astype(str).unique()}
    if givet.lower() not in typer:
        raise _Fel(f"{givet!r} är ingen problemtyp i trygghetsvandringen. Skriv typen som den står i "
                   "kolumnen problemtyp.")
    if typer[givet.lower()] in ratt:
        andra = [r for r in ratt if r != typer[givet.lower()]]
        _ratt(f"De unga noterade {typer[givet.lower()].lower()} oftast"
              + (f", lika ofta som {' och '.join(a.lower() for a in andra)}." if andra else ".")
              + " Andra grupper ser ofta annat: därför går man vandringen med flera grupper.")
        return
    alla = _vandring(plats)["problemtyp"].astype(str).value_counts()
    if typer[givet.lower()] in alla[alla == alla.max()].index:
        _inte_an("den typen är vanligast bland alla iakttagelser. Ta bara med de ungas.")
    else:
        _inte_an(f"inte den typen. Välj raderna där grupp är {UNGA} och räkna problemtyperna.")


# ---------------------------------------------------------------------------
# Kapitel 7: situationell brottsprevention
# ---------------------------------------------------------------------------

GENOMFORD = "Genomförd"


def facit_7_1(plats: Plats) -> float:
    """Andelen av planens åtgärder som är genomförda."""
    return float((_atgarder(plats)["status"] == GENOMFORD).mean())


@_kontroll
def kontrollera_7_1(svar, plats):
    """Uppgift 7.1: andelen genomförda åtgärder."""
    ratt = facit_7_1(plats)
    a = _atgarder(plats)
    kostnad = float(a.loc[a["status"] == GENOMFORD, "kostnad_kr"].sum() / a["kostnad_kr"].sum())
    _andelsuppgift(svar, ratt, f"{_procent(ratt)} av åtgärderna är genomförda "
                               f"({_tal_text((a['status'] == GENOMFORD).sum())} av {_tal_text(len(a))}).",
                   [(kostnad, "det där är andelen av kostnaden. Räkna åtgärder, inte kronor.")])


def facit_7_2(plats: Plats) -> pd.Series:
    """Kostnaden för de genomförda åtgärderna per sida i problemtriangeln."""
    a = _atgarder(plats)
    g = a[a["status"] == GENOMFORD]
    return g.groupby(g["triangelsida"].astype(str))["kostnad_kr"].sum().rename_axis("Triangelsida")


@_kontroll
def kontrollera_7_2(svar, plats):
    """Uppgift 7.2: kostnaden för genomförda åtgärder per triangelsida."""
    ratt = facit_7_2(plats)
    givet = _per_nyckel(svar, ["triangelsida"], ["Triangelsida"],
                        "en kostnad per triangelsida (en serie eller en tabell med kolumnen Triangelsida)")
    givet = {k: v for k, v in givet.items() if not (v == 0 and k[0] not in ratt.index)}
    saknas, fel = _jamfor_per_nyckel(givet, ratt, 1)
    if not saknas and not fel:
        storst = str(ratt.idxmax())
        _ratt(f"Mest pengar i de genomförda åtgärderna gick till sidan ”{storst}”: "
              f"{_procent(ratt.max() / ratt.sum())} av {_tal_text(ratt.sum())} kronor.")
        return
    if saknas:
        _inte_an(f"svaret saknar {' och '.join(saknas)}. Dela upp efter kolumnen triangelsida.")
        return
    a = _atgarder(plats)
    alla = a.groupby(a["triangelsida"].astype(str))["kostnad_kr"].sum()
    antal = a[a["status"] == GENOMFORD].groupby(a["triangelsida"].astype(str)).size()
    if all(_nara(givet[(k,)], alla.get(k, 0), 1) for k in ratt.index):
        _inte_an("det där är kostnaden för alla åtgärder. Ta bara med dem som är genomförda.")
    elif all(givet[(k,)] == antal.get(k, 0) for k in ratt.index):
        _inte_an("det där är antalet åtgärder. Summera kolumnen kostnad_kr.")
    else:
        _inte_an(f"kostnaden stämmer inte för {' och '.join(fel)}. Välj åtgärderna med status "
                 f"{GENOMFORD} och summera kostnad_kr per triangelsida.")


def facit_7_3(plats: Plats) -> int:
    """Antal tekniker i strategin Öka risken som planen inte använder."""
    from tryggaplatser.mellanstad import las_tekniker

    tekniker = las_tekniker()
    risk = tekniker.loc[tekniker["strategi"] == "Öka risken", "teknik_nr"]
    return int((~risk.isin(_atgarder(plats)["teknik_nr"])).sum())


@_kontroll
def kontrollera_7_3(svar, plats):
    """Uppgift 7.3: tekniker för att öka risken som planen inte använder."""
    from tryggaplatser.mellanstad import las_tekniker

    ratt = facit_7_3(plats)
    tal = _heltal(svar, "ett antal tekniker")
    tekniker = las_tekniker()
    risk = tekniker.loc[tekniker["strategi"] == "Öka risken", "teknik_nr"]
    if tal == ratt:
        _ratt(f"{_tal_text(ratt)} av strategins {_tal_text(len(risk))} tekniker används inte i planen. "
              + ("Den är en idé" if ratt == 1 else "De är idéer")
              + " att pröva om planen behöver fler sätt att öka risken.")
        return
    alla = int((~tekniker["teknik_nr"].isin(_atgarder(plats)["teknik_nr"])).sum())
    if tal == len(risk) - ratt:
        _inte_an("det där är de tekniker som planen använder. Räkna de som inte används.")
    elif tal == alla:
        _inte_an("det där gäller alla fem strategierna. Ta bara med teknikerna under Öka risken.")
    elif tal == int((_atgarder(plats)["strategi"] == "Öka risken").sum()):
        _inte_an("det där är antalet åtgärder. Räkna teknikerna i tp.las_tekniker() som ingen åtgärd "
                 "använder.")
    else:
        _inte_an("antalet stämmer inte. Ta teknikernas nummer under Öka risken och se vilka som inte finns "
                 "i planens kolumn teknik_nr.")


def facit_7_4(plats: Plats) -> list[str]:
    """Den eller de delplatser där åtgärderna kostar mest sammanlagt."""
    a = _atgarder(plats)
    summa = a.groupby(a["delplats"].astype(str))["kostnad_kr"].sum()
    return sorted(summa[summa == summa.max()].index)


@_kontroll
def kontrollera_7_4(svar, plats):
    """Uppgift 7.4: delplatsen där åtgärderna kostar mest."""
    ratt = facit_7_4(plats)
    givet = _text(svar, "en delplats")
    a = _atgarder(plats)
    delplatser = {str(d).lower(): str(d) for d in a["delplats"].astype(str).unique()}
    if givet.lower() not in delplatser:
        raise _Fel(f"{givet!r} finns inte bland åtgärdernas delplatser. Skriv namnet som i kolumnen "
                   "delplats.")
    namn = delplatser[givet.lower()]
    if namn in ratt:
        summa = a.loc[a["delplats"].astype(str) == namn, "kostnad_kr"].sum()
        _ratt(f"Åtgärderna vid {namn} kostar mest: {_tal_text(summa)} kronor, "
              f"{_procent(summa / a['kostnad_kr'].sum())} av planens kostnad.")
        return
    antal = a["delplats"].astype(str).value_counts()
    if namn in antal[antal == antal.max()].index:
        _inte_an("den delplatsen har flest åtgärder, men inte störst kostnad. Summera kostnad_kr.")
    else:
        _inte_an("inte den delplatsen. Summera kostnad_kr per delplats och ta den största.")


# ---------------------------------------------------------------------------
# Kapitel 8: från analys till åtgärdsplan
# ---------------------------------------------------------------------------

#: Temat som uppgift 8.1 gäller.
TEMA_8_1 = "Skötsel och nedskräpning"


def _besvarade(plats: Plats) -> set[str]:
    _, atgarder = _fynd_och_atgarder(plats)
    return {f for lista in atgarder["fynd"] for f in lista}


def facit_8_1(plats: Plats) -> int:
    """Antal fynd om skötsel och nedskräpning som ingen åtgärd svarar mot."""
    fynd, _ = _fynd_och_atgarder(plats)
    tema = fynd[fynd["tema"].astype(str) == TEMA_8_1]
    return int((~tema["fynd"].isin(_besvarade(plats))).sum())


@_kontroll
def kontrollera_8_1(svar, plats):
    """Uppgift 8.1: fynd om skötsel och nedskräpning utan åtgärd."""
    ratt = facit_8_1(plats)
    tal = _heltal(svar, "ett antal fynd")
    fynd, _ = _fynd_och_atgarder(plats)
    tema = fynd[fynd["tema"].astype(str) == TEMA_8_1]
    if tal == ratt:
        _ratt(f"{_tal_text(ratt)} av de {_tal_text(len(tema))} fynden om {TEMA_8_1.lower()} har ingen åtgärd."
              + (" Planen behöver svara på dem, eller säga varför den inte gör det." if ratt else ""))
        return
    if tal == len(tema) - ratt:
        _inte_an("det där är fynden som har en åtgärd. Räkna dem som inte har någon.")
    elif tal == len(tema):
        _inte_an("det där är alla fynd om temat. Ta bort dem som någon åtgärd svarar mot.")
    elif tal == int((~fynd["fynd"].isin(_besvarade(plats))).sum()):
        _inte_an(f"det där gäller alla teman. Ta bara med fynden om {TEMA_8_1.lower()}.")
    else:
        _inte_an("antalet stämmer inte. Samla alla fynd som står i åtgärdernas kolumn fynd, och räkna "
                 "temats fynd som inte finns bland dem.")


def facit_8_2(plats: Plats) -> pd.Series:
    """Andelen fynd med minst en åtgärd, per kapitel som fynden kommer från."""
    fynd, _ = _fynd_och_atgarder(plats)
    return fynd["fynd"].isin(_besvarade(plats)).groupby(fynd["kapitel"]).mean().rename_axis("Kapitel")


@_kontroll
def kontrollera_8_2(svar, plats):
    """Uppgift 8.2: andelen fynd med åtgärd, per kapitel."""
    ratt = facit_8_2(plats)
    givet = _per_nyckel(svar, ["kapitel"], ["Kapitel"], "en andel per kapitel (en serie eller en tabell med "
                                                        "kolumnen Kapitel)")
    saknas, fel = _jamfor_per_nyckel(givet, ratt, TOLERANS_ANDEL, andel=True)
    if not saknas and not fel:
        minst = int(ratt.idxmin())
        _ratt(f"Fynden från kapitel {minst} har oftast ingen åtgärd: bara {_procent(ratt.min())} av dem har "
              "en. Där finns fynd som planen inte har tagit ställning till.")
        return
    if saknas:
        _inte_an(f"svaret saknar kapitel {' och '.join(saknas)}. Dela upp efter kolumnen kapitel.")
        return
    utan = 1 - ratt
    if all(_nara(_som_andel(givet[(str(k),)], utan[k]), utan[k]) for k in ratt.index):
        _inte_an("det där är andelen utan åtgärd. Räkna andelen som har minst en.")
    else:
        _inte_an(f"andelen stämmer inte för kapitel {' och '.join(fel)}. Ett fynd har en åtgärd om dess id "
                 "står i någon åtgärds lista i kolumnen fynd.")


def facit_8_3(plats: Plats) -> float:
    """Andelen av planens kostnad som går till åtgärder som inte svarar mot något fynd."""
    _, atgarder = _fynd_och_atgarder(plats)
    utan = atgarder["fynd"].map(len) == 0
    total = atgarder["kostnad_kr"].sum()
    return float(atgarder.loc[utan, "kostnad_kr"].sum() / total) if total else 0.0


@_kontroll
def kontrollera_8_3(svar, plats):
    """Uppgift 8.3: pengar till åtgärder utan fynd."""
    ratt = facit_8_3(plats)
    _, atgarder = _fynd_och_atgarder(plats)
    utan = atgarder["fynd"].map(len) == 0
    antal = float(utan.mean())
    text = (f"{_procent(ratt)} av planens kostnad går till {_tal_text(utan.sum())} åtgärder som inte svarar "
            "mot något fynd. Fråga varför de finns med, eller vilket fynd de bygger på.")
    _andelsuppgift(svar, ratt, text,
                   [(antal, "det där är andelen av åtgärderna. Räkna med kostnaden, kolumnen kostnad_kr."),
                    (1 - ratt, "det där är andelen till åtgärder med fynd. Ta dem utan fynd.")])


# ---------------------------------------------------------------------------
# Kapitel 9: samverkan
# ---------------------------------------------------------------------------

TATA = ["Varje vecka", "Varje månad"]
#: Aktören som uppgift 9.2 gäller (id i aktörslistan).
POLIS = "polis"


def _natverk(plats: Plats, period: str, frekvenser: list[str] | None = None):
    from tryggaplatser.mellanstad import las_aktorer, las_kontakter
    from tryggaplatser.samverkan import natverk

    aktorer = _las(plats, "aktorer.csv", las_aktorer)
    kontakter = _las(plats, "kontakter.csv", las_kontakter)
    kontakter = kontakter[kontakter["period"] == period]
    if frekvenser is not None:
        kontakter = kontakter[kontakter["frekvens"].astype(str).isin(frekvenser)]
    return natverk(aktorer, kontakter)


def facit_9_1(plats: Plats) -> float:
    """Tätheten i nätverket efter, bara med kontakter varje vecka eller varje månad."""
    from tryggaplatser.samverkan import tathet

    return tathet(_natverk(plats, "efter", TATA))


@_kontroll
def kontrollera_9_1(svar, plats):
    """Uppgift 9.1: tätheten med bara täta kontakter."""
    from tryggaplatser.samverkan import tathet

    ratt = facit_9_1(plats)
    alla = tathet(_natverk(plats, "efter"))
    fore = tathet(_natverk(plats, "fore", TATA))
    _andelsuppgift(svar, ratt, f"Med bara täta kontakter är tätheten {_procent(ratt, 1)}, mot "
                               f"{_procent(alla, 1)} med alla kontakter.",
                   [(alla, "det där är tätheten med alla kontakter. Ta bara med dem som sker varje vecka "
                           "eller varje månad."),
                    (fore, "det där är nätverket före. Ta perioden efter.")])


def facit_9_2(plats: Plats) -> float:
    """Polisens mellanhet i nätverket före platssamverkan."""
    from tryggaplatser.samverkan import mellanhet

    return float(mellanhet(_natverk(plats, "fore")).get(POLIS, float("nan")))


@_kontroll
def kontrollera_9_2(svar, plats):
    """Uppgift 9.2: polisens mellanhet före."""
    from tryggaplatser.samverkan import mellanhet

    ratt = facit_9_2(plats)
    if math.isnan(ratt):
        _skriv("Kontrollen går inte att göra på den här platsen: aktörslistan har ingen aktör med id polis.")
        return
    tal = _tal(svar, "ett tal mellan 0 och 1 (mellanheten)")
    if _nara(tal, ratt, TOLERANS_ANDEL):
        m = mellanhet(_natverk(plats, "fore"))
        hogre = int((m > ratt).sum())
        _ratt(f"Polisens mellanhet före är {_tal_text(ratt, 2)}. " + (
            "Ingen annan aktör låg oftare på de kortaste vägarna mellan andra." if hogre == 0 else
            f"{_tal_text(hogre)} av de andra aktörerna låg oftare på de kortaste vägarna mellan andra."))
        return
    efter = float(mellanhet(_natverk(plats, "efter")).get(POLIS, float("nan")))
    if _nara(tal, efter, 0.0005):
        _inte_an("det där är mellanheten efter. Bygg nätverket med kontakterna före.")
    elif tal > 1:
        _inte_an("mellanheten ligger mellan 0 och 1. Använd sv.mellanhet, som normerar måttet.")
    else:
        _inte_an("mellanheten stämmer inte. Bygg nätverket före med sv.natverk och ta polisens värde ur "
                 "sv.mellanhet.")


def facit_9_3(plats: Plats) -> int:
    """Antal aktörer som var mer än två steg från samordnaren före, eller inte nåddes alls."""
    from tryggaplatser.mellanstad import las_aktorer
    from tryggaplatser.samverkan import hitta_samordnare, steg_mellan

    aktorer = _las(plats, "aktorer.csv", las_aktorer)
    samordnare = hitta_samordnare(aktorer)
    if samordnare is None:
        return -1
    g = _natverk(plats, "fore")
    steg = [steg_mellan(g, str(a), samordnare) for a in aktorer["id"]]
    return sum(1 for s in steg if s is None or s > 2)


@_kontroll
def kontrollera_9_3(svar, plats):
    """Uppgift 9.3: aktörer långt från samordnaren före."""
    from tryggaplatser.mellanstad import las_aktorer
    from tryggaplatser.samverkan import hitta_samordnare, steg_mellan

    ratt = facit_9_3(plats)
    if ratt < 0:
        _skriv("Kontrollen går inte att göra på den här platsen: aktörslistan har ingen samordnare.")
        return
    tal = _heltal(svar, "ett antal aktörer")
    if tal == ratt:
        _ratt(f"{_tal_text(ratt)} aktörer var mer än två steg från samordnaren före. Ett budskap till dem "
              "gick genom minst två andra.")
        return
    aktorer = _las(plats, "aktorer.csv", las_aktorer)
    samordnare = hitta_samordnare(aktorer)
    g = _natverk(plats, "fore")
    steg = [steg_mellan(g, str(a), samordnare) for a in aktorer["id"]]
    if tal == sum(1 for s in steg if s is None or s >= 2):
        _inte_an("du har tagit med dem som är exakt två steg bort. Räkna bara fler än två.")
    elif tal == sum(1 for s in steg if s is not None and s > 2):
        _inte_an("glöm inte aktörer som inte nås alls (steg_mellan ger då None).")
    elif tal == sum(1 for s in [steg_mellan(_natverk(plats, "efter"), str(a), samordnare)
                                for a in aktorer["id"]] if s is None or s > 2):
        _inte_an("det där är nätverket efter. Ta kontakterna före.")
    else:
        _inte_an("antalet stämmer inte. Räkna stegen från varje aktör till samordnaren med sv.steg_mellan.")


# ---------------------------------------------------------------------------
# Kapitel 10: uppföljning och utvärdering
# ---------------------------------------------------------------------------

SKADEGORELSE = "Skadegörelsebrott"
#: Slumpfröet i uppgift 10.3 (kapitlet använder ett annat).
FRO_10_3 = 7


def _antal_i_omraden(plats: Plats, urval: pd.Series | None = None) -> dict[str, int]:
    """Antal brott i de tre områdena analysåret (före) och uppföljningsåret (efter)."""
    b = _brott(plats)
    if urval is not None:
        b = b[urval.reindex(b.index, fill_value=False)]
    ar = b["tidpunkt"].dt.year
    ut = {}
    for kort, omrade in (("atgard", "atgardsomrade"), ("buffert", "buffertzon"),
                         ("jamforelse", "jamforelseomrade")):
        for del_, varde in (("fore", plats.analysar), ("efter", plats.uppfoljningsar)):
            ut[f"{kort}_{del_}"] = int(((b["omrade"] == omrade) & (ar == varde)).sum())
    return ut


def _vald_urval(plats: Plats) -> pd.Series:
    b = _brott(plats)
    return b["brottstyp"].isin(VALD)


def facit_10_1(plats: Plats) -> float:
    """Skillnad i skillnader (kvoten) för våldsbrotten, analysåret mot uppföljningsåret."""
    from tryggaplatser.utvardering import skillnad_i_skillnader

    a = _antal_i_omraden(plats, _vald_urval(plats))
    return skillnad_i_skillnader(**{k: v for k, v in a.items() if not k.startswith("buffert")})["kvot"]


@_kontroll
def kontrollera_10_1(svar, plats):
    """Uppgift 10.1: skillnad i skillnader för våldet."""
    from tryggaplatser.utvardering import skillnad_i_skillnader

    ratt = facit_10_1(plats)
    if isinstance(svar, Mapping) and "kvot" in svar:
        svar = svar["kvot"]
    tal = _tal(svar, "ett tal (kvoten) eller resultatet från tp.skillnad_i_skillnader")
    if _nara(tal, ratt, TOLERANS_ANDEL):
        andring = (ratt - 1) * 100
        _ratt(f"Kvoten är {_tal_text(ratt, 2)}: våldet i åtgärdsområdet blev {_tal_text(abs(andring))} "
              f"procent {'färre' if andring < 0 else 'fler'} än om det hade följt jämförelseområdet.")
        return
    a = _antal_i_omraden(plats, _vald_urval(plats))
    alla = _antal_i_omraden(plats)
    kvot_alla = skillnad_i_skillnader(**{k: v for k, v in alla.items()
                                         if not k.startswith("buffert")})["kvot"]
    if _nara(tal, 1 / ratt, 0.0005):
        _inte_an("kvoten är upp och ned. Ta efter delat med före, och åtgärdsområdet delat med "
                 "jämförelseområdet.")
    elif _nara(tal, kvot_alla, 0.0005):
        _inte_an("det där gäller alla brott. Ta bara med misshandel, olaga hot och ofredande.")
    elif _nara(tal, a["atgard_efter"] / a["atgard_fore"], 0.0005):
        _inte_an("det där är förändringen i åtgärdsområdet. Dela med förändringen i jämförelseområdet.")
    else:
        _inte_an("kvoten stämmer inte. Räkna våldsbrotten i åtgärdsområdet och jämförelseområdet "
                 "analysåret och uppföljningsåret och ge de fyra antalen till tp.skillnad_i_skillnader.")


def facit_10_2(plats: Plats) -> float:
    """WDQ för skadegörelsebrotten, analysåret mot uppföljningsåret."""
    from tryggaplatser.utvardering import wdq

    b = _brott(plats)
    return wdq(**_antal_i_omraden(plats, b["brottskategori"].astype(str) == SKADEGORELSE))


@_kontroll
def kontrollera_10_2(svar, plats):
    """Uppgift 10.2: WDQ för skadegörelsen."""
    from tryggaplatser.utvardering import nettoeffekt, tolka_wdq, wdq

    ratt = facit_10_2(plats)
    tal = _tal(svar, "ett tal (WDQ)")
    b = _brott(plats)
    a = _antal_i_omraden(plats, b["brottskategori"].astype(str) == SKADEGORELSE)
    if _nara(tal, ratt, TOLERANS_ANDEL):
        ne = nettoeffekt(**{k: v for k, v in a.items() if not k.startswith("buffert")})
        tolkning = tolka_wdq(ratt, ne)
        _ratt(f"WDQ för skadegörelsen är {_tal_text(ratt, 2)}. Det betyder {tolkning.rstrip('.')}.")
        return
    alla = wdq(**_antal_i_omraden(plats))
    omvant = {k.replace("fore", "x").replace("efter", "fore").replace("x", "efter"): v for k, v in a.items()}
    if _nara(tal, alla, 0.0005):
        _inte_an(f"det där gäller alla brott. Ta bara med brottskategorin {SKADEGORELSE}.")
    elif _nara(tal, wdq(**omvant), 0.0005):
        _inte_an("du har bytt plats på före och efter. Före är analysåret, efter är uppföljningsåret.")
    else:
        _inte_an("WDQ stämmer inte. Räkna skadegörelsebrotten i de tre områdena båda åren och ge de sex "
                 "antalen till tp.wdq.")


def _rtm(plats: Plats, fro: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Samma simulering som kapitlets sida om regression mot medelvärdet, med ett annat frö."""
    from tryggaplatser.rumslig import rutnat

    b = _brott(plats)
    niva = rutnat(b[b["tidpunkt"].dt.year == plats.analysar])["antal"].to_numpy(dtype=float)
    niva = niva[niva > 0]
    topp = max(1, min(10, len(niva) // 10))
    slump = np.random.default_rng(fro)
    ar1 = slump.poisson(niva)
    ar2 = slump.poisson(niva)
    return ar1, ar2, np.argsort(-ar1, kind="stable")[:topp]


def facit_10_3(plats: Plats) -> float:
    """Medelantalet brott år 2 i de rutor som hade flest brott år 1, med fröet FRO_10_3."""
    _, ar2, basta = _rtm(plats, FRO_10_3)
    return float(ar2[basta].mean())


@_kontroll
def kontrollera_10_3(svar, plats):
    """Uppgift 10.3: regression mot medelvärdet med ett annat frö."""
    ratt = facit_10_3(plats)
    tal = _tal(svar, "ett tal (ett medelvärde)")
    ar1, ar2, basta = _rtm(plats, FRO_10_3)
    if _nara(tal, ratt, 0.05):
        _ratt(f"De utvalda rutorna hade i medel {_tal_text(ar1[basta].mean(), 1)} brott år 1 och "
              f"{_tal_text(ratt, 1)} år 2, fast nivån var densamma. Skillnaden är bara slump.")
        return
    if _nara(tal, float(ar1[basta].mean()), 0.05):
        _inte_an("det där är medlet år 1. Ta samma rutor år 2.")
    elif _nara(tal, float(ar2[np.argsort(-ar2, kind="stable")[:len(basta)]].mean()), 0.05):
        _inte_an("du har valt rutorna efter år 2. Välj dem efter år 1 och titta på deras värden år 2.")
    elif _nara(tal, float(_rtm(plats, 20)[1][_rtm(plats, 20)[2]].mean()), 0.05):
        _inte_an(f"det där är kapitlets körning. Använd fröet {FRO_10_3}.")
    else:
        _inte_an(f"medlet stämmer inte. Skapa slumpen med np.random.default_rng({FRO_10_3}), "
                 "dra år 1 före år 2, och välj rutorna med np.argsort(-ar1, kind=\"stable\").")
