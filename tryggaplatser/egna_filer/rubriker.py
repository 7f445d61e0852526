"""Kolumnrubriker: vilka namn som känns igen, och koder som står i rubriken.

En rubrik kan ha ett tillägg inom parentes: ``Kön (1=Man, 2=Kvinna)``,
``Trygg kväll (1=Mycket otrygg … 5=Mycket trygg)`` eller
``X (SWEREF 99 18 00)``. Namnet före parentesen avgör vilken kolumn det
är; koderna i parentesen används när värdena tolkas.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["KOLUMNNAMN", "Rubrik", "koder_i_text", "normalisera_kolumnnamn", "tolka_rubrik"]

# Kanoniskt namn -> godtagna (normaliserade) namn i filen, i prioritetsordning.
KOLUMNNAMN: dict[str, tuple[str, ...]] = {
    "tidpunkt": ("tidpunkt", "datum_och_tid", "datum_tid", "datumtid", "handelsetid"),
    "datum": ("datum", "brottsdatum", "handelsedatum", "dag"),
    "tid": ("tid", "klockslag", "klocka", "kl"),
    "id": ("id", "lopnr", "lopnummer", "arendenummer", "arendenr", "anm_nr", "anmalningsnummer",
           "respondent", "respondentid"),
    "brottstyp": ("brottstyp", "brott", "handelsetyp", "typ"),
    "brottskategori": ("brottskategori", "kategori", "brottsgrupp"),
    "ost": ("ost", "x", "e", "easting", "x_koordinat", "sweref_x", "sweref99_x"),
    "nord": ("nord", "y", "n", "northing", "y_koordinat", "sweref_y", "sweref99_y"),
    "lat": ("lat", "latitud", "latitude"),
    "lon": ("lon", "long", "lng", "longitud", "longitude"),
    "kon": ("kon",),
    "alder": ("alder",),
    "aldersgrupp": ("aldersgrupp", "aldersklass"),
    "omrade": ("omrade", "stadsdel", "bostadsomrade"),
    "vikt": ("vikt", "vikter", "viktning"),
    "antal": ("antal", "antal_personer", "besokare", "passager"),
    "raknare": ("raknare", "matpunkt", "sensor"),
    "plats": ("plats", "adress", "platsnamn"),
}
"""Kolumner som inläsningen känner igen: handbokens namn och de namn som godtas i filen.

Namnen i filen jämförs efter :func:`normalisera_kolumnnamn`, så ``Öst``,
``ÖST`` och `` ost `` räknas som samma namn. Ett tillägg inom parentes
räknas inte: ``X (SWEREF 99 TM)`` känns igen som ``ost``.
"""

SYNONYM = {namn: kanon for kanon, namnen in KOLUMNNAMN.items() for namn in namnen}


def normalisera_kolumnnamn(namn: object) -> str:
    """Gör ett kolumnnamn jämförbart: små bokstäver, utan å/ä/ö, med understreck.

    Parametrar
    ----------
    namn : str
        Kolumnnamnet som det står i filen.

    Returnerar
    ----------
    str
        Namnet med små bokstäver, å/ä → a, ö → o, é → e och allt som inte är
        bokstav eller siffra ersatt med ett understreck. Funktionen är
        idempotent: att normalisera två gånger ger samma resultat.

    Exempel
    -------
    >>> normalisera_kolumnnamn("  Åldersgrupp ")
    'aldersgrupp'
    >>> normalisera_kolumnnamn("ÖST")
    'ost'
    >>> normalisera_kolumnnamn("Datum och tid")
    'datum_och_tid'
    """
    text = str(namn).replace("\ufeff", "").strip().lower()
    for fran, till in (("å", "a"), ("ä", "a"), ("ö", "o"), ("é", "e"), ("ü", "u")):
        text = text.replace(fran, till)
    text = re.sub(r"[^0-9a-z]+", "_", text)
    return text.strip("_")


_RE_KOD = re.compile(r"(?<![\w.,])(-?\d{1,3})\s*=\s*(?=\S)")
_SKILJETECKEN = " \t,;/|…–-"


def koder_i_text(text: str) -> dict[int, str]:
    """Koder och deras betydelse, som de skrivs i en rubrik.

    Exempel
    -------
    >>> koder_i_text("1=Man, 2=Kvinna")
    {1: 'Man', 2: 'Kvinna'}
    >>> koder_i_text("1 = Mycket otrygg … 5 = Mycket trygg")
    {1: 'Mycket otrygg', 5: 'Mycket trygg'}
    >>> koder_i_text("SWEREF 99 TM")
    {}
    """
    traffar = list(_RE_KOD.finditer(text))
    koder: dict[int, str] = {}
    for i, m in enumerate(traffar):
        slut = traffar[i + 1].start() if i + 1 < len(traffar) else len(text)
        etikett = text[m.end() : slut].replace("...", " ").strip(_SKILJETECKEN + ".")
        if etikett:
            koder[int(m[1])] = " ".join(etikett.split())
    return koder


@dataclass
class Rubrik:
    """En kolumnrubrik uppdelad i namn och tillägg."""

    text: str
    namn: str
    normaliserat: str
    grundnamn: str
    tillagg: str = ""
    koder: dict[int, str] = field(default_factory=dict)


_RE_PARENTES = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]\s*")


def tolka_rubrik(text: str) -> Rubrik:
    """Dela upp en rubrik i namnet och det som står inom parentes.

    Exempel
    -------
    >>> r = tolka_rubrik("Kön (1=Man, 2=Kvinna)")
    >>> r.grundnamn, r.koder
    ('kon', {1: 'Man', 2: 'Kvinna'})
    >>> tolka_rubrik("X (SWEREF 99 18 00)").tillagg
    'SWEREF 99 18 00'
    >>> tolka_rubrik("Trygg kväll: 1=Mycket trygg, 4=Mycket otrygg").grundnamn
    'trygg_kvall'
    """
    tillagg = " ".join(m[1] for m in _RE_PARENTES.finditer(text))
    namn = _RE_PARENTES.sub(" ", text).strip()
    if not tillagg and (m := _RE_KOD.search(namn)) and m.start() > 0:
        # Koder utan parentes: "Kön: 1=Man, 2=Kvinna".
        namn, tillagg = namn[: m.start()].rstrip(" :–-"), namn[m.start() :]
    koder = koder_i_text(tillagg)
    grund = normalisera_kolumnnamn(namn) or normalisera_kolumnnamn(text)
    return Rubrik(text, namn or text, normalisera_kolumnnamn(text), grund, tillagg, koder)
