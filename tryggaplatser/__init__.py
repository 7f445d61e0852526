"""Hjälpfunktioner till handboken Trygga platser.

Paketet samlar det som en läsare återanvänder men inte ska behöva skriva
själv: inläsning av exempeldata, svensk formatering av tal och datum och
handbokens diagramstil. Själva analysstegen står synliga i kapitlens
notebooks.
"""

__version__ = "0.1.0"

from tryggaplatser.brottsanalys import (
    MANADER,
    VECKODAGAR,
    andel_platser_for_andel_brott,
    justera_p,
    koncentrationskurva,
    poissonintervall,
    tal_per_tusen,
)
from tryggaplatser.egna_filer import (
    FilFel,
    Inlasningsrapport,
    las_egen_enkat,
    las_eget_flode,
    las_egna_brott,
)
from tryggaplatser.exempeldata import las_ntu
from tryggaplatser.formatering import (
    formatera_datum,
    formatera_procent,
    formatera_tal,
)
from tryggaplatser.lix import lix
from tryggaplatser.mellanstad import (
    besiktningsniva,
    las_aktorer,
    las_atgarder,
    las_befolkning,
    las_besiktning,
    las_brott,
    las_enkat,
    las_flode,
    las_gator,
    las_kontakter,
    las_omraden,
    las_raknare,
    las_tekniker,
    las_trygghetsvandring,
    las_verksamheter,
    oppna_per_timme,
)
from tryggaplatser.polisen import las_polisens_handelser
from tryggaplatser.rumslig import (
    SWEREF99TM,
    gi_star,
    kartram,
    nordpil,
    ruta_for_punkt,
    rutnat,
    skalstock,
)
from tryggaplatser.statistik import (
    andel_med_ki,
    andel_per_grupp,
    designeffekt,
    effektivt_n,
    skillnad_med_ki,
    wilson_intervall,
)
from tryggaplatser.stil import FARGER, anvand_stil, svenska_tal_pa_axel

__all__ = [
    "__version__",
    "FARGER",
    "MANADER",
    "SWEREF99TM",
    "VECKODAGAR",
    "andel_platser_for_andel_brott",
    "gi_star",
    "justera_p",
    "kartram",
    "koncentrationskurva",
    "nordpil",
    "poissonintervall",
    "ruta_for_punkt",
    "rutnat",
    "skalstock",
    "tal_per_tusen",
    "andel_med_ki",
    "andel_per_grupp",
    "anvand_stil",
    "designeffekt",
    "effektivt_n",
    "formatera_datum",
    "formatera_procent",
    "formatera_tal",
    "las_ntu",
    "FilFel",
    "Inlasningsrapport",
    "las_egen_enkat",
    "las_egna_brott",
    "las_eget_flode",
    "las_polisens_handelser",
    "besiktningsniva",
    "las_aktorer",
    "las_atgarder",
    "las_befolkning",
    "las_besiktning",
    "las_brott",
    "las_enkat",
    "las_flode",
    "las_gator",
    "las_kontakter",
    "las_omraden",
    "las_raknare",
    "las_tekniker",
    "las_trygghetsvandring",
    "las_verksamheter",
    "oppna_per_timme",
    "lix",
    "skillnad_med_ki",
    "svenska_tal_pa_axel",
    "wilson_intervall",
]
