"""Mått för att följa upp åtgärder på en plats (kapitel 10).

Alla funktioner räknar på antal brott i tre slags områden, före och efter
åtgärderna:

- **åtgärdsområdet**, där åtgärderna görs;
- **buffertzonen**, en ring runt åtgärdsområdet dit brott kan flytta
  (förskjutning) eller där brotten också kan minska (spridning av positiva
  effekter);
- **jämförelseområdet**, ett liknande område utan åtgärder, som visar den
  allmänna utvecklingen.

Argumenten har samma namn och ordning i alla funktioner: ``atgard_fore``,
``atgard_efter``, ``buffert_fore``, ``buffert_efter``, ``jamforelse_fore``,
``jamforelse_efter``. De ska anges med namn.

Formlerna för bruttoeffekt, nettoeffekt, WDQ och total nettoeffekt är Bowers
och Johnsons (2003) så som POP Centers verktygsguide nr 10 (Guerette 2009,
bilaga B och C) återger dem. WDD är Wheeler och Ratcliffes (2018) test.
Skillnaden i skillnader räknas som en kvot mellan två kvoter (kvoten efter/före
i åtgärdsområdet delad med samma kvot i jämförelseområdet), med ett
konfidensintervall på logaritmisk skala för Poissonfördelade antal.
"""

from __future__ import annotations

import math
import numbers

from tryggaplatser.statistik import _z_varde

__all__ = [
    "bruttoeffekt",
    "nettoeffekt",
    "skillnad_i_skillnader",
    "tolka_wdq",
    "total_nettoeffekt",
    "wdd",
    "wdq",
]

_FORKLARING = {
    "atgard_fore": "antalet brott i åtgärdsområdet före åtgärderna",
    "atgard_efter": "antalet brott i åtgärdsområdet efter åtgärderna",
    "buffert_fore": "antalet brott i buffertzonen före åtgärderna",
    "buffert_efter": "antalet brott i buffertzonen efter åtgärderna",
    "jamforelse_fore": "antalet brott i jämförelseområdet före åtgärderna",
    "jamforelse_efter": "antalet brott i jämförelseområdet efter åtgärderna",
    "buffert_jamforelse_fore": "antalet brott i buffertzonens jämförelseområde före åtgärderna",
    "buffert_jamforelse_efter": "antalet brott i buffertzonens jämförelseområde efter åtgärderna",
}


def _antal(funktion: str, namn: str, varde: object, delar_med: bool = False) -> int:
    """Kontrollera att ett argument är ett antal brott och gör det till int."""
    beskrivning = _FORKLARING.get(namn, namn)
    if isinstance(varde, bool) or not isinstance(varde, numbers.Real):
        raise ValueError(
            f"{funktion}: {namn} ({beskrivning}) ska vara ett heltal, 0 eller mer, inte {varde!r}."
        )
    if math.isnan(float(varde)) or float(varde) != int(varde):
        raise ValueError(
            f"{funktion}: {namn} ({beskrivning}) ska vara ett heltal, eftersom det är ett antal brott, "
            f"inte {varde!r}."
        )
    if varde < 0:
        raise ValueError(
            f"{funktion}: {namn} ({beskrivning}) kan inte vara negativt; väntade 0 eller mer, inte {varde!r}."
        )
    if delar_med and varde == 0:
        raise ValueError(
            f"{funktion}: {namn} ({beskrivning}) är 0, men formeln delar med det. "
            "Väntade minst 1. Välj ett större område eller en längre period."
        )
    return int(varde)


def _p_varde(z: float) -> float:
    """Tvåsidigt p-värde för ett z-värde (normalfördelning)."""
    return math.erfc(abs(z) / math.sqrt(2))


def bruttoeffekt(*, atgard_fore: int, atgard_efter: int) -> int:
    """Bruttoeffekten: hur mycket brotten minskade i åtgärdsområdet.

    GE = R_f − R_e, där R är antalet brott i åtgärdsområdet och f och e
    står för före och efter (Bowers och Johnson 2003, i Guerette 2009).
    Ett positivt tal betyder färre brott, ett negativt fler.
    Bruttoeffekten tar inte hänsyn till den allmänna utvecklingen.

    Exempel
    -------
    >>> bruttoeffekt(atgard_fore=120, atgard_efter=90)
    30
    """
    f = "bruttoeffekt"
    return _antal(f, "atgard_fore", atgard_fore) - _antal(f, "atgard_efter", atgard_efter)


def nettoeffekt(*, atgard_fore: int, atgard_efter: int, jamforelse_fore: int, jamforelse_efter: int) -> float:
    """Nettoeffekten: förändringen i åtgärdsområdet i förhållande till jämförelseområdet.

    NE = R_f / C_f − R_e / C_e, där R är åtgärdsområdet och C
    jämförelseområdet (Bowers och Johnson 2003, i Guerette 2009, bilaga B).
    Ett positivt tal betyder att brotten minskade mer (eller ökade mindre) i
    åtgärdsområdet än i jämförelseområdet. Ett negativt tal betyder motsatsen.

    Måttet är en skillnad mellan två kvoter, inte ett antal brott.

    Exempel
    -------
    >>> round(nettoeffekt(atgard_fore=120, atgard_efter=90, jamforelse_fore=100, jamforelse_efter=100), 2)
    0.3
    """
    f = "nettoeffekt"
    r_f = _antal(f, "atgard_fore", atgard_fore)
    r_e = _antal(f, "atgard_efter", atgard_efter)
    c_f = _antal(f, "jamforelse_fore", jamforelse_fore, delar_med=True)
    c_e = _antal(f, "jamforelse_efter", jamforelse_efter, delar_med=True)
    return r_f / c_f - r_e / c_e


def wdq(
    *,
    atgard_fore: int,
    atgard_efter: int,
    buffert_fore: int,
    buffert_efter: int,
    jamforelse_fore: int,
    jamforelse_efter: int,
) -> float:
    """Weighted Displacement Quotient (WDQ), den viktade förskjutningskvoten.

    WDQ = (D_e / C_e − D_f / C_f) / (R_e / C_e − R_f / C_f),
    där R är åtgärdsområdet, D buffertzonen och C jämförelseområdet, och f och
    e står för före och efter (Bowers och Johnson 2003, i Guerette 2009,
    bilaga B). Täljaren är buffertmåttet och nämnaren framgångsmåttet.

    Kvoten går bara att tolka när framgångsmåttet är negativt, alltså när
    brotten minskade mer i åtgärdsområdet än i jämförelseområdet. Då gäller
    (Guerette 2009, bilaga C):

    - över 0: spridning av nytta till buffertzonen; över 1 är
      spridningen större än effekten i åtgärdsområdet;
    - 0: ingen förändring i buffertzonen;
    - mellan 0 och −1: förskjutning, men inte större än effekten;
    - under −1: förskjutningen är större än effekten.

    Se :func:`tolka_wdq`.

    Exempel
    -------
    Buffertzonen minskar också (spridning):

    >>> round(wdq(atgard_fore=100, atgard_efter=50, buffert_fore=80, buffert_efter=60,
    ...           jamforelse_fore=100, jamforelse_efter=100), 2)
    0.4

    Buffertzonen ökar (förskjutning):

    >>> round(wdq(atgard_fore=100, atgard_efter=50, buffert_fore=80, buffert_efter=90,
    ...           jamforelse_fore=100, jamforelse_efter=100), 2)
    -0.2
    """
    f = "wdq"
    r_f = _antal(f, "atgard_fore", atgard_fore)
    r_e = _antal(f, "atgard_efter", atgard_efter)
    d_f = _antal(f, "buffert_fore", buffert_fore)
    d_e = _antal(f, "buffert_efter", buffert_efter)
    c_f = _antal(f, "jamforelse_fore", jamforelse_fore, delar_med=True)
    c_e = _antal(f, "jamforelse_efter", jamforelse_efter, delar_med=True)
    buffertmatt = d_e / c_e - d_f / c_f
    framgangsmatt = r_e / c_e - r_f / c_f
    if framgangsmatt == 0:
        raise ValueError(
            "wdq: åtgärdsområdet (atgard_fore, atgard_efter) förändrades i exakt samma takt som "
            "jämförelseområdet (jamforelse_fore, jamforelse_efter). Då är nämnaren 0 och kvoten går "
            "inte att räkna. Väntade en skillnad mellan områdena."
        )
    return buffertmatt / framgangsmatt


def tolka_wdq(varde: float, nettoeffekt: float) -> str:
    """Läs ut en WDQ i ord, enligt tabellen i Guerette (2009, bilaga C).

    ``nettoeffekt`` är resultatet av :func:`nettoeffekt`. Kvoten går bara att
    läsa när nettoeffekten är positiv, alltså när brotten minskade mer i
    åtgärdsområdet än i jämförelseområdet.

    Exempel
    -------
    >>> tolka_wdq(0.4, 0.5)
    'spridning av nytta, inte större än effekten i åtgärdsområdet'
    >>> tolka_wdq(-0.2, 0.5)
    'förskjutning, men inte större än effekten i åtgärdsområdet'
    >>> tolka_wdq(0.4, -0.1)
    'går inte att tolka, eftersom åtgärdsområdet inte utvecklades bättre än jämförelseområdet'
    """
    if nettoeffekt <= 0:
        return "går inte att tolka, eftersom åtgärdsområdet inte utvecklades bättre än jämförelseområdet"
    if varde > 1:
        return "spridning av nytta, större än effekten i åtgärdsområdet"
    if varde > 0:
        return "spridning av nytta, inte större än effekten i åtgärdsområdet"
    if varde == 0:
        return "ingen förändring i buffertzonen"
    if varde >= -1:
        return "förskjutning, men inte större än effekten i åtgärdsområdet"
    return "förskjutning, större än effekten i åtgärdsområdet"


def total_nettoeffekt(
    *,
    atgard_fore: int,
    atgard_efter: int,
    buffert_fore: int,
    buffert_efter: int,
    jamforelse_fore: int,
    jamforelse_efter: int,
) -> float:
    """Total nettoeffekt (TNE): hur många brott färre än väntat, i åtgärdsområdet och buffertzonen.

    TNE = [R_f · (C_e / C_f) − R_e] + [D_f · (C_e / C_f) − D_e]
    (Guerette 2009, bilaga B). Den väntade nivån efter är antalet före,
    uppräknat med jämförelseområdets förändring. Ett positivt tal är antalet
    brott som uteblev, ett negativt tal antalet brott fler än väntat.

    Exempel
    -------
    >>> round(total_nettoeffekt(atgard_fore=100, atgard_efter=50, buffert_fore=80, buffert_efter=60,
    ...                         jamforelse_fore=100, jamforelse_efter=110), 1)
    88.0
    """
    f = "total_nettoeffekt"
    r_f = _antal(f, "atgard_fore", atgard_fore)
    r_e = _antal(f, "atgard_efter", atgard_efter)
    d_f = _antal(f, "buffert_fore", buffert_fore)
    d_e = _antal(f, "buffert_efter", buffert_efter)
    c_f = _antal(f, "jamforelse_fore", jamforelse_fore, delar_med=True)
    c_e = _antal(f, "jamforelse_efter", jamforelse_efter)
    kvot = c_e / c_f
    return (r_f * kvot - r_e) + (d_f * kvot - d_e)


def wdd(
    *,
    atgard_fore: int,
    atgard_efter: int,
    buffert_fore: int,
    buffert_efter: int,
    jamforelse_fore: int,
    jamforelse_efter: int,
    buffert_jamforelse_fore: int | None = None,
    buffert_jamforelse_efter: int | None = None,
    konfidens: float = 0.95,
) -> dict[str, float]:
    """Weighted Displacement Difference (WDD), Wheeler och Ratcliffes (2018) test.

    Testet räknar i antal brott, inte i kvoter:

    - lokal skattning = (R_e − R_f) − (C_e − C_f);
    - buffertskattning = (D_e − D_f) − (CD_e − CD_f), där CD är buffertzonens
      jämförelseområde;
    - WDD = lokal skattning + buffertskattning.

    Ett negativt WDD betyder färre brott än väntat. Antalen antas vara
    oberoende och Poissonfördelade, så variansen är summan av antalen med
    vikten 1 (tids- och områdesvikterna i artikeln är här 1).
    z = WDD / standardfelet.

    Utan ``buffert_jamforelse_fore`` och ``buffert_jamforelse_efter`` används
    jämförelseområdet för båda. Då dras jämförelseområdets förändring av två
    gånger, och dess antal räknas fyra gånger (2²) i variansen.

    Returnerar
    ----------
    dict
        ``lokal``, ``lokal_se``, ``buffert``, ``buffert_se``, ``wdd``, ``se``,
        ``z``, ``p`` (tvåsidigt), ``ki_nedre`` och ``ki_ovre``.

    Exempel
    -------
    >>> r = wdd(atgard_fore=100, atgard_efter=70, buffert_fore=50, buffert_efter=40,
    ...         jamforelse_fore=60, jamforelse_efter=60)
    >>> r["lokal"], r["buffert"], r["wdd"]
    (-30, -10, -40)
    >>> round(r["se"] ** 2)
    740
    """
    f = "wdd"
    r_f = _antal(f, "atgard_fore", atgard_fore)
    r_e = _antal(f, "atgard_efter", atgard_efter)
    d_f = _antal(f, "buffert_fore", buffert_fore)
    d_e = _antal(f, "buffert_efter", buffert_efter)
    c_f = _antal(f, "jamforelse_fore", jamforelse_fore)
    c_e = _antal(f, "jamforelse_efter", jamforelse_efter)
    z_krit = _z_varde(konfidens, f)
    if (buffert_jamforelse_fore is None) != (buffert_jamforelse_efter is None):
        raise ValueError(
            "wdd: ange både buffert_jamforelse_fore och buffert_jamforelse_efter, eller ingen av dem."
        )
    egen = buffert_jamforelse_fore is not None
    if egen:
        cd_f = _antal(f, "buffert_jamforelse_fore", buffert_jamforelse_fore)
        cd_e = _antal(f, "buffert_jamforelse_efter", buffert_jamforelse_efter)
    else:
        cd_f, cd_e = c_f, c_e
    lokal = (r_e - r_f) - (c_e - c_f)
    buffert = (d_e - d_f) - (cd_e - cd_f)
    lokal_var = r_e + r_f + c_e + c_f
    buffert_var = d_e + d_f + cd_e + cd_f
    total_var = (lokal_var + buffert_var) if egen else (r_e + r_f + d_e + d_f + 4 * (c_e + c_f))
    if total_var == 0:
        raise ValueError("wdd: alla antal är 0, så standardfelet blir 0. Väntade minst ett brott.")
    se = math.sqrt(total_var)
    totalt = lokal + buffert
    z = totalt / se
    return {
        "lokal": lokal,
        "lokal_se": math.sqrt(lokal_var),
        "buffert": buffert,
        "buffert_se": math.sqrt(buffert_var),
        "wdd": totalt,
        "se": se,
        "z": z,
        "p": _p_varde(z),
        "ki_nedre": totalt - z_krit * se,
        "ki_ovre": totalt + z_krit * se,
    }


def skillnad_i_skillnader(
    *,
    atgard_fore: int,
    atgard_efter: int,
    jamforelse_fore: int,
    jamforelse_efter: int,
    konfidens: float = 0.95,
) -> dict[str, float]:
    """Skillnad i skillnader för antal brott: en kvot mellan två kvoter.

    kvot = (R_e / R_f) / (C_e / C_f), där R är åtgärdsområdet och C
    jämförelseområdet. Kvoten 0,8 betyder att åtgärdsområdet fick 20 procent
    färre brott än om det hade följt jämförelseområdets utveckling.

    Osäkerheten räknas på logaritmisk skala. Om de fyra antalen är oberoende
    och Poissonfördelade är standardfelet för log(kvot)
    √(1/R_f + 1/R_e + 1/C_f + 1/C_e), samma metod som för en enkel kvot mellan
    två antal, med fyra termer i stället för två. Intervallet är
    exp(log(kvot) ± z · standardfel).

    Metoden bygger på antagandet om **parallella trender**: utan åtgärder
    hade åtgärdsområdet förändrats i samma takt som jämförelseområdet.

    Returnerar
    ----------
    dict
        ``kvot``, ``ki_nedre``, ``ki_ovre``, ``se_log``, ``z`` och ``p``
        (tvåsidigt, för hypotesen att kvoten är 1).

    Exempel
    -------
    >>> r = skillnad_i_skillnader(atgard_fore=100, atgard_efter=80, jamforelse_fore=50, jamforelse_efter=50)
    >>> round(r["kvot"], 2)
    0.8
    >>> round(r["se_log"] ** 2, 4)
    0.0625
    """
    f = "skillnad_i_skillnader"
    r_f = _antal(f, "atgard_fore", atgard_fore, delar_med=True)
    r_e = _antal(f, "atgard_efter", atgard_efter, delar_med=True)
    c_f = _antal(f, "jamforelse_fore", jamforelse_fore, delar_med=True)
    c_e = _antal(f, "jamforelse_efter", jamforelse_efter, delar_med=True)
    z_krit = _z_varde(konfidens, f)
    kvot = (r_e / r_f) / (c_e / c_f)
    se_log = math.sqrt(1 / r_f + 1 / r_e + 1 / c_f + 1 / c_e)
    z = math.log(kvot) / se_log
    return {
        "kvot": kvot,
        "ki_nedre": math.exp(math.log(kvot) - z_krit * se_log),
        "ki_ovre": math.exp(math.log(kvot) + z_krit * se_log),
        "se_log": se_log,
        "z": z,
        "p": _p_varde(z),
    }
