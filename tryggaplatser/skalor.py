"""Svarsskalor, dagnamn och besiktningens gränser: en enda definition för hela handboken.

Generatorn för exempeldatan (``scripts/generera_mellanstad.py``), platsens
inläsning (:mod:`tryggaplatser.mellanstad`) och läsarna av egna filer
(:mod:`tryggaplatser.egna_filer`) hämtar alla sina skalor och namn härifrån,
så att de inte kan glida isär.
"""

from __future__ import annotations

import unicodedata

__all__ = [
    "BESIKTNINGSNIVAER",
    "MANADER",
    "OTRYGGA_SVAR",
    "PROBLEMFRAGOR",
    "STOR_ORO_SVAR",
    "SVARSSKALOR",
    "TRYGGHETSSKALA",
    "VECKODAGAR",
    "VECKODAGAR_KORT",
]

SVARSSKALOR: dict[str, tuple[str, ...]] = {
    "trygghet": (
        "Mycket trygg", "Ganska trygg", "Ganska otrygg", "Mycket otrygg",
        "Går aldrig ut ensam på grund av otrygghet", "Går aldrig ut ensam av andra skäl",
    ),
    "trygghet_plats": (
        "Mycket trygg", "Ganska trygg", "Ganska otrygg", "Mycket otrygg",
        "Vistas aldrig där på kvällen",
    ),
    "oro": (
        "Inte alls", "I mycket liten utsträckning", "I ganska liten utsträckning",
        "I ganska stor utsträckning", "I mycket stor utsträckning",
    ),
    "problem": (
        "Inget problem alls", "Ganska litet problem", "Ganska stort problem",
        "Mycket stort problem",
    ),
}  # fmt: skip
"""Handbokens svarsskalor, samma som i Mellanstads enkät.

Varje skala går från tryggast (minst oro, minst problem) till otryggast.
De sista alternativen i ``trygghet`` och ``trygghet_plats`` (går aldrig ut,
vistas aldrig där) ligger utanför själva skalan men behålls som kategorier,
eftersom Brås mått räknar dem som går aldrig ut på grund av otrygghet som otrygga.

Exempel
-------
>>> SVARSSKALOR["trygghet"][:2]
('Mycket trygg', 'Ganska trygg')
>>> len(SVARSSKALOR["oro"])
5
"""

TRYGGHETSSKALA = SVARSSKALOR["trygghet"]
"""Skalan för frågan om trygghet ute sent på kvällen (se :data:`SVARSSKALOR`)."""

#: Enkätens frågor om problem i området (kolumnerna i enkäten), med skalan ``SVARSSKALOR["problem"]``.
PROBLEMFRAGOR = [
    "problem_nedskrapning", "problem_klotter", "problem_berusade", "problem_belysning",
    "problem_ungdomsgang", "problem_narkotikahandel",
]
#: Svar som räknas som otrygga ute sent på kvällen (samma konstruktion som Brås mått).
OTRYGGA_SVAR = ["Ganska otrygg", "Mycket otrygg", "Går aldrig ut ensam på grund av otrygghet"]
#: Svar som räknas som oro "i stor utsträckning".
STOR_ORO_SVAR = ["I ganska stor utsträckning", "I mycket stor utsträckning"]

#: Handbokens egna gränser för besiktningens nivåer (poäng 0–20).
BESIKTNINGSNIVAER: dict[str, tuple[int, int]] = {"Röd": (0, 7), "Gul": (8, 13), "Grön": (14, 20)}

#: Veckodagarnas namn, måndag först.
VECKODAGAR = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]

#: Månadernas namn, januari först.
MANADER = [
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
]  # fmt: skip


def _ascii(text: str) -> str:
    """Utan prickar och ringar: ``lördag`` blir ``lordag``."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


VECKODAGAR_KORT = [_ascii(dag[:3]) for dag in VECKODAGAR]
"""Veckodagarnas korta namn i kolumnnamn (``oppet_man`` ... ``oppet_son``).

Exempel
-------
>>> VECKODAGAR_KORT
['man', 'tis', 'ons', 'tor', 'fre', 'lor', 'son']
"""
