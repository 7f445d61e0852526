"""Statistiska hjälpfunktioner för enkäter: andelar, konfidensintervall och vikter.

Kapitel 4 visar stegen i pandas. Här finns de delar som återkommer i flera
analyser och som inte ska behöva skrivas om varje gång:

* :func:`effektivt_n` och :func:`designeffekt` beskriver hur mycket vikterna
  kostar i precision (Kishs effektiva urvalsstorlek).
* :func:`wilson_intervall` ger ett konfidensintervall för en andel.
* :func:`andel_med_ki` räknar en andel, vägd eller ovägd, med intervall.
* :func:`andel_per_grupp` gör samma sak per grupp och döljer eller flaggar
  små grupper enligt handbokens regel (:func:`skal_att_dolja` och
  konstanterna :data:`MINSTA_ANTAL_SVAR`, :data:`MINSTA_ANTAL_I_KATEGORI` och
  :data:`FLAGGA_UNDER`).
* :func:`skillnad_med_ki` ger ett intervall för skillnaden mellan två andelar,
  till exempel två mätår.

Metodval
--------
Intervallet är Wilsons intervall (Wilson 1927). Det vanliga intervallet
``p ± 1,96·√(p(1−p)/n)`` (Waldintervallet) täcker det sanna värdet för sällan
när andelen är liten eller gruppen är liten, och det kan hamna under 0 eller
över 1. Brown, Cai och DasGupta (2001) jämförde metoderna och rekommenderar
bland annat Wilsons intervall. Wilsons intervall ligger alltid mellan 0 och 1.

När svaren är vägda räknas intervallet med Kishs effektiva urvalsstorlek
``n_eff = (Σw)² / Σw²`` i stället för antalet svar (Kish 1965). Det är en
approximation: den tar hänsyn till att olika stora vikter ger sämre precision,
men inte till klusterurval eller till samband mellan vikt och svar.

Intervallet för en skillnad mellan två oberoende andelar bygger på de två
Wilsonintervallen, enligt metod 10 hos Newcombe (1998).

Regeln för små grupper
----------------------
Gränserna är handbokens egna rekommendationer, inte officiella svenska
gränser. De är namngivna konstanter, så att en rapport kan ange dem:

>>> MINSTA_ANTAL_SVAR, MINSTA_ANTAL_I_KATEGORI, FLAGGA_UNDER
(10, 3, 50)

En grupp med exakt så många svar, eller exakt så många i svarskategorin,
visas. En färre döljs:

>>> skal_att_dolja(MINSTA_ANTAL_SVAR, 5), skal_att_dolja(MINSTA_ANTAL_SVAR - 1, 5)
('', 'för få svar')
>>> skal_att_dolja(30, MINSTA_ANTAL_I_KATEGORI), skal_att_dolja(30, MINSTA_ANTAL_I_KATEGORI - 1)
('', 'för få i en svarskategori')
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

__all__ = [
    "FLAGGA_UNDER",
    "FOR_FA_I_KATEGORI",
    "FOR_FA_SVAR",
    "MINSTA_ANTAL_I_KATEGORI",
    "MINSTA_ANTAL_SVAR",
    "SKYDDAR_ANNAN_GRUPP",
    "andel_med_ki",
    "andel_per_grupp",
    "andelar_per_ar",
    "designeffekt",
    "effektivt_n",
    "skal_att_dolja",
    "skillnad_med_ki",
    "wilson_intervall",
]

#: Etiketten för en grupp där bakgrundsuppgiften saknas.
SAKNAS = "Uppgift saknas"

# Handbokens regel för små grupper. Gränserna är handbokens egna, inte officiella
# svenska gränser. Skälen står i docstringen till andel_per_grupp.

#: Minsta antal svar i en grupp för att gruppens andel ska visas. En grupp med
#: exakt så många svar visas; en grupp med ett svar färre döljs.
MINSTA_ANTAL_SVAR = 10

#: Minsta antal svar i svarskategorin, och minsta antal utanför den, för att en
#: andel ska visas. Med 3 döljs till exempel 2 otrygga av 20, men inte 3 av 20.
#: Regeln döljer alltid andelarna 0 och 100 procent.
MINSTA_ANTAL_I_KATEGORI = 3

#: Grupper med lägre effektiv urvalsstorlek än så visas men flaggas som osäkra.
FLAGGA_UNDER = 50

#: Skälen som :func:`skal_att_dolja` och :func:`andel_per_grupp` anger.
FOR_FA_SVAR = "för få svar"
FOR_FA_I_KATEGORI = "för få i en svarskategori"
SKYDDAR_ANNAN_GRUPP = "skyddar en annan dold grupp"


def _som_vikter(vikter: object, funktion: str) -> np.ndarray:
    """Kontrollera vikter och gör om dem till en numpy-vektor."""
    try:
        w = np.asarray(vikter, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{funktion}: vikterna måste vara tal.") from None
    if w.ndim != 1:
        raise ValueError(f"{funktion}: vikterna måste vara en lista eller kolumn med tal.")
    if w.size == 0:
        raise ValueError(f"{funktion}: det finns inga vikter att räkna med.")
    ogiltiga = np.flatnonzero(~np.isfinite(w) | (w <= 0))
    if ogiltiga.size:
        rad = int(ogiltiga[0])
        raise ValueError(
            f"{funktion}: vikterna måste vara positiva tal, men {ogiltiga.size} av "
            f"{w.size} är det inte (första på plats {rad}: {float(w[rad])})."
        )
    return w


def effektivt_n(vikter: Sequence[float] | np.ndarray | pd.Series) -> float:
    """Räkna Kishs effektiva urvalsstorlek för en uppsättning vikter.

    Den effektiva urvalsstorleken är ``(Σw)² / Σw²``. Den säger hur många
    ovägda svar som skulle ge samma precision som de vägda svaren. Lika vikter
    ger samma tal som antalet svar; ju mer vikterna skiljer sig åt, desto
    mindre blir talet.

    Parametrar
    ----------
    vikter : sekvens av float
        En vikt per svar. Alla måste vara positiva tal.

    Returnerar
    ----------
    float
        Den effektiva urvalsstorleken, mellan 1 och antalet vikter.

    Exempel
    -------
    >>> effektivt_n([1, 1, 1, 1])
    4.0
    >>> effektivt_n([1, 1, 1, 3])
    3.0
    >>> effektivt_n([1, -1])
    Traceback (most recent call last):
    ...
    ValueError: effektivt_n: vikterna måste vara positiva tal, men 1 av 2 är det inte
    (första på plats 1: -1.0).
    """
    w = _som_vikter(vikter, "effektivt_n")
    return float(w.sum() ** 2 / (w**2).sum())


def designeffekt(vikter: Sequence[float] | np.ndarray | pd.Series) -> float:
    """Räkna Kishs designeffekt av olika stora vikter.

    Designeffekten är antalet svar delat med den effektiva urvalsstorleken,
    ``n · Σw² / (Σw)²``. Värdet 1 betyder att vikterna inte kostar något i
    precision. Värdet 2 betyder att variansen blir dubbelt så stor som i ett
    ovägt urval av samma storlek.

    Parametrar
    ----------
    vikter : sekvens av float
        En vikt per svar. Alla måste vara positiva tal.

    Returnerar
    ----------
    float
        Designeffekten, minst 1.

    Exempel
    -------
    >>> designeffekt([2, 2, 2])
    1.0
    >>> round(designeffekt([1, 1, 1, 3]), 4)
    1.3333
    """
    w = _som_vikter(vikter, "designeffekt")
    return float(w.size * (w**2).sum() / w.sum() ** 2)


def _z_varde(konfidens: float, funktion: str) -> float:
    if isinstance(konfidens, bool) or not isinstance(konfidens, (int, float)):
        raise TypeError(f"{funktion}: konfidens måste vara ett tal, till exempel 0.95.")
    if not 0 < konfidens < 1:
        raise ValueError(
            f"{funktion}: konfidens måste ligga mellan 0 och 1 (till exempel 0.95), "
            f"inte {konfidens!r}."
        )
    from statistics import NormalDist  # modulen statistics tar tid att läsa in och behövs sällan

    return NormalDist().inv_cdf(0.5 + konfidens / 2)


def wilson_intervall(andel: float, n: float, konfidens: float = 0.95) -> tuple[float, float]:
    """Räkna Wilsons konfidensintervall för en andel.

    Parametrar
    ----------
    andel : float
        Den skattade andelen, mellan 0 och 1.
    n : float
        Antalet svar bakom andelen. Vid vägda svar: den effektiva
        urvalsstorleken (se :func:`effektivt_n`). Behöver inte vara ett heltal.
    konfidens : float, standard 0.95
        Konfidensgraden. 0.95 ger ett 95-procentigt intervall.

    Returnerar
    ----------
    tuple[float, float]
        Intervallets nedre och övre gräns, båda mellan 0 och 1.

    Exempel
    -------
    >>> nedre, ovre = wilson_intervall(0.3, 100)
    >>> round(nedre, 4), round(ovre, 4)
    (0.2189, 0.3958)
    >>> wilson_intervall(0.0, 20)[0]
    0.0
    >>> wilson_intervall(0.5, 0)
    Traceback (most recent call last):
    ...
    ValueError: wilson_intervall: n måste vara större än 0, inte 0.
    """
    z = _z_varde(konfidens, "wilson_intervall")
    for namn, varde in (("andel", andel), ("n", n)):
        if isinstance(varde, bool) or not isinstance(varde, (int, float, np.number)):
            raise TypeError(f"wilson_intervall: {namn} måste vara ett tal, inte {varde!r}.")
        if not math.isfinite(varde):
            raise ValueError(f"wilson_intervall: {namn} saknas eller är oändligt ({varde!r}).")
    if not 0 <= andel <= 1:
        raise ValueError(f"wilson_intervall: andelen måste ligga mellan 0 och 1, inte {andel!r}.")
    if n <= 0:
        raise ValueError(f"wilson_intervall: n måste vara större än 0, inte {n!r}.")
    p, n = float(andel), float(n)
    z2n = z * z / n
    mitt = (p + z2n / 2) / (1 + z2n)
    halv = z / (1 + z2n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    # Avrundningsfel får inte flytta gränserna utanför [0, 1] eller förbi andelen.
    return max(0.0, min(mitt - halv, p)), min(1.0, max(mitt + halv, p))


def _som_utfall(utfall: object, funktion: str) -> np.ndarray:
    s = pd.Series(utfall)
    saknas = s.isna()
    if saknas.any():
        forsta = s.index[saknas.to_numpy()][0]
        raise ValueError(
            f"{funktion}: {int(saknas.sum())} svar saknar värde (första på rad {forsta!r}). "
            "Bestäm själv hur de ska räknas, till exempel genom att ta bort dem "
            "med dropna() och redovisa hur många de var."
        )
    if s.dtype == bool or str(s.dtype) == "boolean":
        return s.astype(float).to_numpy()
    try:
        y = s.astype(float).to_numpy()
    except (TypeError, ValueError):
        raise TypeError(
            f"{funktion}: utfallet måste vara sant/falskt eller 1/0, men kolumnen har "
            f"typen {s.dtype}."
        ) from None
    fel = np.flatnonzero((y != 0) & (y != 1))
    if fel.size:
        rad = s.index[fel[0]]
        raise ValueError(
            f"{funktion}: utfallet får bara innehålla 0 och 1 (eller sant/falskt), "
            f"men rad {rad!r} har värdet {s.iloc[fel[0]]!r}."
        )
    return y


def andel_med_ki(
    utfall: Sequence[bool] | pd.Series,
    vikter: Sequence[float] | pd.Series | None = None,
    konfidens: float = 0.95,
) -> dict[str, float]:
    """Räkna en andel med Wilsons konfidensintervall, ovägd eller vägd.

    Utan vikter är andelen antalet sanna svar delat med antalet svar, och
    intervallet bygger på antalet svar. Med vikter är andelen ``Σ w·y / Σ w``,
    och intervallet bygger på Kishs effektiva urvalsstorlek.

    Parametrar
    ----------
    utfall : sekvens av bool eller 0/1
        Ett värde per svar: sant (1) om svaret räknas till andelen.
        Saknade värden är inte tillåtna; ta bort dem först och redovisa hur många de var.
    vikter : sekvens av float, valfri
        En vikt per svar, i samma ordning som ``utfall``.
    konfidens : float, standard 0.95
        Konfidensgraden.

    Returnerar
    ----------
    dict
        ``andel``, ``ki_nedre``, ``ki_ovre``, ``n`` (antal svar, heltal) och
        ``n_eff`` (effektiv urvalsstorlek; lika med ``n`` utan vikter).
        En lista av sådana går direkt att göra om till en tabell med
        ``pd.DataFrame(lista)``.

    Exempel
    -------
    >>> r = andel_med_ki([True, False, False, True, False])
    >>> round(r["andel"], 2), int(r["n"]), r["n_eff"]
    (0.4, 5, 5.0)
    >>> r = andel_med_ki([1, 0, 0, 1], vikter=[1, 1, 1, 3])
    >>> round(r["andel"], 3), r["n_eff"]
    (0.667, 3.0)
    >>> bool(r["ki_nedre"] <= r["andel"] <= r["ki_ovre"])
    True
    """
    y = _som_utfall(utfall, "andel_med_ki")
    if y.size == 0:
        raise ValueError("andel_med_ki: det finns inga svar att räkna en andel på.")
    if vikter is None:
        andel = float(y.mean())
        n_eff = float(y.size)
    else:
        w = _som_vikter(vikter, "andel_med_ki")
        if w.size != y.size:
            raise ValueError(
                f"andel_med_ki: det finns {y.size} svar men {w.size} vikter; "
                "det ska vara en vikt per svar."
            )
        andel = float(np.dot(w, y) / w.sum())
        andel = min(1.0, max(0.0, andel))
        n_eff = effektivt_n(w)
    nedre, ovre = wilson_intervall(andel, n_eff, konfidens)
    return {"andel": andel, "ki_nedre": nedre, "ki_ovre": ovre, "n": int(y.size), "n_eff": n_eff}


def _kontrollera_grans(varde: object, namn: str, funktion: str) -> int:
    if isinstance(varde, bool) or not isinstance(varde, (int, np.integer)):
        raise TypeError(f"{funktion}: {namn} måste vara ett heltal, inte {varde!r}.")
    if varde < 0:
        raise ValueError(f"{funktion}: {namn} kan inte vara negativ ({varde}).")
    return int(varde)


def skal_att_dolja(
    n: int,
    antal_i_kategorin: int,
    minsta_antal_svar: int = MINSTA_ANTAL_SVAR,
    minsta_antal_i_kategori: int = MINSTA_ANTAL_I_KATEGORI,
) -> str:
    """Säg om en grupps andel måste döljas, och i så fall varför.

    Det här är första steget i handbokens regel för små grupper (primärt
    röjandeskydd). Andelen döljs om

    * gruppen har färre än ``minsta_antal_svar`` svar, eller
    * färre än ``minsta_antal_i_kategori`` svar hör till svarskategorin, eller
      färre än så hör inte till den.

    Den andra gränsen är också regeln om 0 och 100 procent: en sådan andel
    visar vad varje person i gruppen har svarat. Gränserna räknar personer,
    inte vikter, eftersom det är personer som kan pekas ut.

    Parametrar
    ----------
    n : int
        Antalet svar i gruppen.
    antal_i_kategorin : int
        Antalet svar i gruppen som hör till svarskategorin, till exempel antalet
        otrygga. Mellan 0 och ``n``.
    minsta_antal_svar : int, standard :data:`MINSTA_ANTAL_SVAR` (10)
        En grupp med exakt så många svar får visas.
    minsta_antal_i_kategori : int, standard :data:`MINSTA_ANTAL_I_KATEGORI` (3)
        Exakt så många i kategorin, eller utanför den, får visas.

    Returnerar
    ----------
    str
        En tom sträng om andelen får visas. Annars skälet: ``"för få svar"``
        eller ``"för få i en svarskategori"``.

    Exempel
    -------
    En grupp med exakt tio svar visas, en med nio döljs:

    >>> skal_att_dolja(10, 5)
    ''
    >>> skal_att_dolja(9, 5)
    'för få svar'

    Tre otrygga av 20 visas, två döljs. Detsamma gäller dem som inte är otrygga:

    >>> skal_att_dolja(20, 3), skal_att_dolja(20, 17)
    ('', '')
    >>> skal_att_dolja(20, 2)
    'för få i en svarskategori'
    >>> skal_att_dolja(20, 18)
    'för få i en svarskategori'

    Andelarna 0 och 100 procent döljs alltid:

    >>> skal_att_dolja(40, 0), skal_att_dolja(40, 40)
    ('för få i en svarskategori', 'för få i en svarskategori')
    """
    funktion = "skal_att_dolja"
    n = _kontrollera_grans(n, "n", funktion)
    antal = _kontrollera_grans(antal_i_kategorin, "antal_i_kategorin", funktion)
    if antal > n:
        raise ValueError(
            f"{funktion}: antal_i_kategorin ({antal}) kan inte vara större än n ({n})."
        )
    grupp_grans = _kontrollera_grans(minsta_antal_svar, "minsta_antal_svar", funktion)
    kategori_grans = _kontrollera_grans(minsta_antal_i_kategori, "minsta_antal_i_kategori", funktion)
    if n < grupp_grans:
        return FOR_FA_SVAR
    if min(antal, n - antal) < kategori_grans:
        return FOR_FA_I_KATEGORI
    return ""


def _sekundart_skydd(nycklar: pd.DataFrame, dold: np.ndarray, n: np.ndarray) -> np.ndarray:
    """Dölj fler grupper tills ingen dold grupp går att räkna fram ur en summa.

    ``nycklar`` har en kolumn per grupperingskolumn och en rad per grupp.
    En *indelning* är alla grupper som bara skiljer sig åt i en kolumn, till
    exempel alla åldersgrupper bland kvinnor i Centrum. Om exakt en grupp i en
    indelning är dold, och indelningens summa visas någon annanstans, går den
    att räkna fram. Då döljs också den minsta synliga gruppen i indelningen.
    Det upprepas tills inget ändras. Returnerar de grupper som doldes här.
    """
    dold = dold.copy()
    sekundar = np.zeros(len(dold), dtype=bool)
    kolumner = list(nycklar.columns)
    indelningar = []
    for kolumn in kolumner:
        ovriga = [k for k in kolumner if k != kolumn]
        if ovriga:
            grupperade = nycklar.groupby(ovriga, observed=True, sort=False, dropna=False)
            indelningar.extend(np.asarray(p) for p in grupperade.indices.values())
        else:
            indelningar.append(np.arange(len(nycklar)))
    andrad = True
    while andrad:
        andrad = False
        for pos in indelningar:
            if len(pos) > 1 and int(dold[pos].sum()) == 1:
                synliga = pos[~dold[pos]]
                val = synliga[np.argmin(n[synliga])]  # den minsta; vid lika den första
                dold[val] = sekundar[val] = True
                andrad = True
    return sekundar


def andel_per_grupp(
    df: pd.DataFrame,
    grupp: str | list[str],
    utfall: str,
    vikt: str | None = None,
    minsta_antal_svar: int = MINSTA_ANTAL_SVAR,
    minsta_antal_i_kategori: int = MINSTA_ANTAL_I_KATEGORI,
    flagga_under: float = FLAGGA_UNDER,
    sekundart_skydd: bool = True,
    konfidens: float = 0.95,
) -> pd.DataFrame:
    """Räkna en andel med konfidensintervall per grupp och skydda små grupper.

    Funktionen följer handbokens regel för små grupper. Regeln har tre steg.

    1. **Primärt skydd.** En grupps andel döljs om gruppen har färre än
       ``minsta_antal_svar`` svar, eller om färre än ``minsta_antal_i_kategori``
       svar hör till svarskategorin eller utanför den (se
       :func:`skal_att_dolja`). Det skyddar de svarande: i en liten grupp, eller
       när nästan alla svarat lika, kan en andel visa vad en enskild har svarat.
       En andel på 0 eller 100 procent döljs därför alltid.
    2. **Sekundärt skydd.** Om exakt en grupp i en indelning är dold går den att
       räkna fram ur indelningens summa (till exempel hela kommunens andel) och
       de andra gruppernas andelar. Då döljs också den minsta synliga gruppen i
       indelningen. Med flera grupperingskolumner görs det i varje riktning,
       tills ingen dold grupp står ensam. Regeln utgår från att summan för
       varje indelning visas någon annanstans.
    3. **Precision.** En grupp vars effektiva urvalsstorlek är under
       ``flagga_under`` visas men flaggas som osäker, eftersom intervallet då
       blir brett.

    Gränserna är handbokens egna rekommendationer, inte regler från SCB, Brå
    eller någon annan myndighet. Gränserna för antal räknar personer;
    gränsen för precision räknar den effektiva urvalsstorleken, eftersom
    vikterna minskar precisionen.

    Svar där gruppvariabeln saknas samlas i en egen grupp,
    ``"Uppgift saknas"``, så att inget svar försvinner ur tabellen.

    Parametrar
    ----------
    df : pandas.DataFrame
        En rad per svar.
    grupp : str eller list[str]
        Kolumnen eller kolumnerna som delar in svaren i grupper.
    utfall : str
        Kolumn med sant/falskt (eller 1/0): hör svaret till svarskategorin?
    vikt : str, valfri
        Kolumn med vikter. Utan vikt räknas andelen ovägd.
    minsta_antal_svar : int, standard :data:`MINSTA_ANTAL_SVAR` (10)
        Grupper med färre svar än så döljs. En grupp med exakt så många visas.
    minsta_antal_i_kategori : int, standard :data:`MINSTA_ANTAL_I_KATEGORI` (3)
        Andelen döljs om färre svar än så hör till svarskategorin eller
        utanför den.
    flagga_under : float, standard :data:`FLAGGA_UNDER` (50)
        Grupper med lägre effektiv urvalsstorlek än så flaggas som osäkra.
        Vid 50 svar och en andel kring 30 procent är intervallet ungefär
        ±12 procentenheter brett.
    sekundart_skydd : bool, standard True
        Dölj fler grupper så att ingen dold andel går att räkna fram.
        Stäng av det bara om inga summor visas för indelningarna.
    konfidens : float, standard 0.95
        Konfidensgraden.

    Returnerar
    ----------
    pandas.DataFrame
        En rad per grupp med ``n``, ``n_eff``, ``andel``, ``ki_nedre``,
        ``ki_ovre``, ``status`` (``"ok"``, ``"osäker"`` eller ``"dold"``) och
        ``skal`` (varför gruppen är dold, annars tom). En dold grupp har tom
        andel och tomt intervall. Kolumnen ``skal`` är till för den som gör
        tabellen. Publicera den inte: skälet ``"för få i en svarskategori"``
        avslöjar att andelen ligger nära 0 eller 100 procent.

    Exempel
    -------
    Tre svarar ``"annat"``, så den gruppen döljs. Männen är tolv, och exakt tre
    av dem är otrygga: det får visas. Men hela gruppens andel och kvinnornas
    andel skulle avslöja gruppen ``"annat"``. Därför döljs också den minsta
    synliga gruppen, männen.

    >>> df = pd.DataFrame({
    ...     "kon": ["kvinna"] * 60 + ["man"] * 12 + ["annat"] * 3,
    ...     "otrygg": [True] * 24 + [False] * 36 + [True] * 3 + [False] * 9 + [True] * 3,
    ... })
    >>> andel_per_grupp(df, "kon", "otrygg")[["n", "andel", "status", "skal"]]
             n  andel status                         skal
    kon
    annat    3    NaN   dold                  för få svar
    kvinna  60    0.4     ok
    man     12    NaN   dold  skyddar en annan dold grupp

    Utan sekundärt skydd visas männen, men flaggas som osäkra:

    >>> t = andel_per_grupp(df, "kon", "otrygg", sekundart_skydd=False)
    >>> float(t.loc["man", "andel"]), t.loc["man", "status"]
    (0.25, 'osäker')
    """
    funktion = "andel_per_grupp"
    kolumner = [grupp] if isinstance(grupp, str) else list(grupp)
    behovs = [*kolumner, utfall] + ([vikt] if vikt is not None else [])
    saknade = [k for k in behovs if k not in df.columns]
    if saknade:
        raise KeyError(
            f"{funktion}: kolumnen {saknade[0]!r} finns inte i tabellen. "
            f"Tabellens kolumner är: {', '.join(map(str, df.columns))}."
        )
    grupp_grans = _kontrollera_grans(minsta_antal_svar, "minsta_antal_svar", funktion)
    kategori_grans = _kontrollera_grans(minsta_antal_i_kategori, "minsta_antal_i_kategori", funktion)
    if isinstance(flagga_under, bool) or not isinstance(flagga_under, (int, float, np.number)):
        raise TypeError(f"{funktion}: flagga_under måste vara ett tal, inte {flagga_under!r}.")
    if flagga_under < 0:
        raise ValueError(f"{funktion}: flagga_under kan inte vara negativ ({flagga_under}).")

    data = df[behovs].copy()
    for k in kolumner:
        if data[k].isna().any():
            if isinstance(data[k].dtype, pd.CategoricalDtype):
                if SAKNAS not in data[k].cat.categories:
                    data[k] = data[k].cat.add_categories(SAKNAS)
            else:
                data[k] = data[k].astype(object)
            data[k] = data[k].fillna(SAKNAS)

    rader = []
    nycklar = []
    for nyckel, del_df in data.groupby(kolumner, observed=True, sort=True):
        vikter = del_df[vikt] if vikt is not None else None
        try:
            r = andel_med_ki(del_df[utfall], vikter, konfidens)
        except (TypeError, ValueError) as fel:
            raise type(fel)(f"{funktion}: i gruppen {nyckel!r}: {fel}") from None
        antal_i_kategorin = int(_som_utfall(del_df[utfall], funktion).sum())
        r["skal"] = skal_att_dolja(r["n"], antal_i_kategorin, grupp_grans, kategori_grans)
        rader.append(r)
        nycklar.append(nyckel if len(kolumner) > 1 else nyckel[0])

    # Behåll gruppernas typ, så att kategoriernas ordning (till exempel åldersgrupper)
    # följer med när tabellen vänds med unstack eller sorteras.
    nyckeltabell = pd.DataFrame(
        [n if len(kolumner) > 1 else (n,) for n in nycklar], columns=kolumner
    ).astype({k: data[k].dtype for k in kolumner})
    if len(kolumner) > 1:
        index = pd.MultiIndex.from_frame(nyckeltabell)
    else:
        index = pd.Index(nyckeltabell[kolumner[0]], name=kolumner[0])
    # Utan svar (frågan fanns inte i enkäten) blir tabellen tom men har samma kolumner.
    resultat = pd.DataFrame(rader, index=index,
                            columns=["andel", "ki_nedre", "ki_ovre", "n", "n_eff", "skal"])
    resultat["n"] = resultat["n"].astype(int)
    for k in ("n_eff", "andel", "ki_nedre", "ki_ovre"):
        resultat[k] = resultat[k].astype(float)

    dold = (resultat["skal"] != "").to_numpy()
    if sekundart_skydd:
        sekundar = _sekundart_skydd(nyckeltabell, dold, resultat["n"].to_numpy())
        resultat.loc[sekundar, "skal"] = SKYDDAR_ANNAN_GRUPP
        dold = dold | sekundar
    resultat.loc[dold, ["andel", "ki_nedre", "ki_ovre"]] = np.nan
    resultat["status"] = np.where(
        dold, "dold", np.where(resultat["n_eff"] < flagga_under, "osäker", "ok")
    )
    return resultat[["n", "n_eff", "andel", "ki_nedre", "ki_ovre", "status", "skal"]]


def skillnad_med_ki(
    forsta: dict[str, float], andra: dict[str, float], konfidens: float = 0.95
) -> dict[str, float]:
    """Räkna skillnaden mellan två oberoende andelar med konfidensintervall.

    Skillnaden är ``andra − forsta``, till exempel 2025 minus 2023. Intervallet
    bygger på de två andelarnas Wilsonintervall (Newcombes metod 10). Det
    fungerar också för vägda andelar, eftersom intervallen då redan bygger på
    den effektiva urvalsstorleken.

    Parametrar
    ----------
    forsta, andra : dict
        Resultat från :func:`andel_med_ki` med minst ``andel`` och ``n_eff``.
    konfidens : float, standard 0.95
        Konfidensgraden. Intervallen för de två andelarna räknas om med den.

    Returnerar
    ----------
    dict
        ``skillnad``, ``ki_nedre`` och ``ki_ovre``, i andelar (0,05 = fem
        procentenheter). Om intervallet inte innehåller 0 är skillnaden
        statistiskt säkerställd på den valda nivån.

    Exempel
    -------
    >>> fore = andel_med_ki([True] * 36 + [False] * 64)
    >>> efter = andel_med_ki([True] * 25 + [False] * 75)
    >>> r = skillnad_med_ki(fore, efter)
    >>> round(r["skillnad"], 2)
    -0.11
    >>> bool(r["ki_nedre"] < r["skillnad"] < r["ki_ovre"])
    True
    """
    delar = []
    for namn, r in (("forsta", forsta), ("andra", andra)):
        try:
            p, n = r["andel"], r["n_eff"]
        except (KeyError, TypeError):
            raise TypeError(
                f"skillnad_med_ki: {namn} måste vara ett resultat från andel_med_ki "
                "med nycklarna andel och n_eff."
            ) from None
        nedre, ovre = wilson_intervall(p, n, konfidens)
        delar.append((p, nedre, ovre))
    (p1, l1, u1), (p2, l2, u2) = delar
    d = p2 - p1
    nedre = d - math.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2)
    ovre = d + math.sqrt((u2 - p2) ** 2 + (p1 - l1) ** 2)
    return {"skillnad": d, "ki_nedre": max(-1.0, nedre), "ki_ovre": min(1.0, ovre)}


def andelar_per_ar(svar: pd.DataFrame, kolumn: str, svar_som_raknas: Sequence[str],
                   vikt: str | None = "vikt", ar: str = "ar") -> pd.DataFrame:
    """Vägd andel per mätår, med intervall och regeln för små grupper.

    Svar där frågan saknar svar räknas inte. Ett svar hör till svarskategorin
    om det är ett av ``svar_som_raknas``. Sedan räknar :func:`andel_per_grupp`
    andelen per år.

    Parametrar
    ----------
    svar : pandas.DataFrame
        En rad per svarande, med kolumnerna ``ar``, ``kolumn`` och ``vikt``.
    kolumn : str
        Frågans kolumn, till exempel ``"otrygg_kvall"``.
    svar_som_raknas : följd av str
        Svaren som räknas, till exempel de otrygga svaren.

    Exempel
    -------
    >>> df = pd.DataFrame({"ar": [2023] * 20 + [2025] * 20,
    ...                    "fraga": (["ja"] * 5 + ["nej"] * 15) * 2, "vikt": 1.0})
    >>> andelar_per_ar(df, "fraga", ["ja"])["andel"].tolist()
    [0.25, 0.25]
    """
    med_svar = svar[svar[kolumn].notna()].assign(utfall=lambda d: d[kolumn].isin(list(svar_som_raknas)))
    return andel_per_grupp(med_svar, ar, "utfall", vikt=vikt)
