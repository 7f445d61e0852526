"""Hjälpfunktioner till handboken Trygga platser.

Paketet samlar det som en läsare återanvänder men inte ska behöva skriva
själv. Själva analysstegen står synliga i kapitlens notebooks.

- ``plats``: en plats är en mapp med data och en beskrivning; ``valj_plats()`` väljer den
- ``mellanstad``, ``exempeldata``, ``polisen``: inläsning av en plats data (``las_brott(plats)``
  med flera; utan plats Mellanstad), NTU och Polisens händelser
- ``egna_filer``: användarens egna filer, med en rapport (``rapport``) om varje rad som lämnas utanför
- ``skalor``: svarsskalor, dagnamn och besiktningens gränser, en definition för hela paketet
- ``statistik``: andelar med konfidensintervall, vikter och små grupper
- ``brottsanalys``, ``rumslig``: koncentration, rutnät, Gi* och kartdetaljer
- ``fynd``: analysens fynd (``las_fynd``) och vilka fynd varje åtgärd svarar mot (``atgarder_med_fynd``)
- ``formatering``, ``stil``: svenska talformat och handbokens diagramstil
- ``lix``: läsbarhetsindex för handbokens text
- ``utvardering``: uppföljningens mått (nettoeffekt, WDQ, total nettoeffekt, WDD, skillnad i skillnader)

Kommandot ``python -m tryggaplatser kontrollera FIL --typ enkat|brott|flode``
kontrollerar en egen fil innan den används, och
``python -m tryggaplatser ny-plats MAPP --brott FIL`` gör en plats av egna filer
(``ny_plats``). ``python -m tryggaplatser lagesbild MAPP`` gör en rapport om platsen
som HTML och PDF (``lagesbild``).
"""

__version__ = "0.2.0"

from tryggaplatser.brottsanalys import (
    BROTT_MOT_PERSON,
    MANADER,
    POLISINITIERADE,
    VALDSBROTT,
    VECKODAGAR,
    andel_platser_for_andel_brott,
    brott_for_rutnat,
    brott_nara_raknare,
    brott_per_ar,
    brott_per_besokare,
    justera_p,
    koncentrationskurva,
    pa_helgnatt,
    poissonintervall,
    tal_per_tusen,
    veckodag_och_timme,
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
    formatera_tabelltal,
    formatera_tal,
)
from tryggaplatser.fynd import FYNDTEMAN, atgarder_med_fynd, las_fynd
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
from tryggaplatser.ny_plats import ny_plats
from tryggaplatser.plats import Plats, PlatsFel, las_plats, valj_plats
from tryggaplatser.polisen import las_polisens_handelser
from tryggaplatser.rumslig import (
    GI_FRO,
    SWEREF99TM,
    gi_star,
    kartram,
    nordpil,
    omkastningar_for_bonferroni,
    rita_linjer,
    ruta_for_punkt,
    rutnat,
    skalstock,
    studieomradets_granser,
)
from tryggaplatser.statistik import (
    andel_med_ki,
    andel_per_grupp,
    andelar_per_ar,
    designeffekt,
    effektivt_n,
    skillnad_med_ki,
    wilson_intervall,
)
from tryggaplatser.stil import FARGER, anvand_stil, svenska_tal_pa_axel
from tryggaplatser.utvardering import (
    bruttoeffekt,
    nettoeffekt,
    skillnad_i_skillnader,
    tolka_wdq,
    total_nettoeffekt,
    wdd,
    wdq,
)

__all__ = [
    "__version__",
    "FARGER",
    "FYNDTEMAN",
    "MANADER",
    "GI_FRO",
    "SWEREF99TM",
    "VECKODAGAR",
    "andel_med_ki",
    "andel_per_grupp",
    "andelar_per_ar",
    "andel_platser_for_andel_brott",
    "anvand_stil",
    "atgarder_med_fynd",
    "BROTT_MOT_PERSON",
    "brott_for_rutnat",
    "brott_nara_raknare",
    "brott_per_ar",
    "brott_per_besokare",
    "besiktningsniva",
    "bruttoeffekt",
    "designeffekt",
    "effektivt_n",
    "FilFel",
    "formatera_datum",
    "formatera_procent",
    "formatera_tabelltal",
    "formatera_tal",
    "gi_star",
    "Inlasningsrapport",
    "justera_p",
    "kartram",
    "koncentrationskurva",
    "las_aktorer",
    "las_atgarder",
    "las_befolkning",
    "las_besiktning",
    "las_brott",
    "las_egen_enkat",
    "las_eget_flode",
    "las_egna_brott",
    "las_enkat",
    "las_fynd",
    "las_flode",
    "las_gator",
    "las_kontakter",
    "las_ntu",
    "las_omraden",
    "las_plats",
    "las_polisens_handelser",
    "las_raknare",
    "las_tekniker",
    "las_trygghetsvandring",
    "las_verksamheter",
    "lix",
    "nettoeffekt",
    "nordpil",
    "ny_plats",
    "omkastningar_for_bonferroni",
    "oppna_per_timme",
    "pa_helgnatt",
    "Plats",
    "PlatsFel",
    "POLISINITIERADE",
    "poissonintervall",
    "rita_linjer",
    "ruta_for_punkt",
    "rutnat",
    "skalstock",
    "skillnad_i_skillnader",
    "skillnad_med_ki",
    "studieomradets_granser",
    "svenska_tal_pa_axel",
    "tal_per_tusen",
    "tolka_wdq",
    "total_nettoeffekt",
    "valj_plats",
    "VALDSBROTT",
    "veckodag_och_timme",
    "wdd",
    "wdq",
    "wilson_intervall",
]
