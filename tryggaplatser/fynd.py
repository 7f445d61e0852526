"""Analysens fynd: vad kapitel 4–6 visar om en plats, en rad per fynd.

En åtgärdsplan ska bygga på det som analysen visar. Modulen räknar fram
fynden ur platsens data med samma metoder som kapitlen använder, och kopplar
sedan varje åtgärd till de fynd som den svarar mot.

- Kapitel 4 (enkäten): den grupp som oftast är otrygg ute sent på kvällen, och
  det problem som flest ser som stort i platsens enkätområde. Regeln för små
  grupper (:func:`tryggaplatser.statistik.andel_per_grupp`) gäller: en dold
  grupp blir aldrig ett fynd.
- Kapitel 5 (brotten): de vanligaste brottsgrupperna i åtgärdsområdet,
  våldets tider (fredag och lördag natt) och hot spots enligt Gi*
  (:func:`tryggaplatser.rumslig.gi_star`).
- Kapitel 6 (platsen): besiktningens faktorer på röd nivå och
  trygghetsvandringens iakttagelser, per delplats och tema. En gul faktor
  nämns när trygghetsvandringen har iakttagelser med samma tema.

Varje fynd får ett tema ur :data:`FYNDTEMAN`. Tabellerna :data:`TEMA_FOR_FAKTOR`,
:data:`TEMA_FOR_PROBLEMTYP`, :data:`TEMA_FOR_BROTTSKATEGORI` och
:data:`TEMA_FOR_PROBLEMFRAGA` säger vilket tema en besiktningsfaktor, en
problemtyp, en brottskategori och en enkätfråga hör till. Åtgärderna har en
kolumn ``tema``. Regeln för kopplingen: en åtgärd svarar mot fynden med samma
tema på samma delplats, och mot fynden med samma tema som gäller hela platsen.

Saknas en fil hos platsen blir det färre fynd, inget fel.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tryggaplatser.brottsanalys import brott_for_rutnat, pa_helgnatt
from tryggaplatser.mellanstad import (
    OTRYGGA_SVAR,
    SKALOR,
    PlatsArg,
    besiktningsniva,
    las_atgarder,
    las_besiktning,
    las_brott,
    las_enkat,
    las_omraden,
    las_trygghetsvandring,
    las_verksamheter,
)
from tryggaplatser.plats import Plats, las_plats
from tryggaplatser.rumslig import GI_FRO, studieomradets_granser
from tryggaplatser.statistik import SAKNAS, andel_med_ki, andel_per_grupp, wilson_intervall

__all__ = [
    "FYNDTEMAN",
    "HELA_PLATSEN",
    "TEMA_FOR_BROTTSKATEGORI",
    "TEMA_FOR_FAKTOR",
    "TEMA_FOR_PROBLEMFRAGA",
    "TEMA_FOR_PROBLEMTYP",
    "atgarder_med_fynd",
    "fynd_for_atgard",
    "fynd_ur_besiktning_och_vandring",
    "fynd_ur_brott",
    "fynd_ur_enkat",
    "fynd_ur_hot_spots",
    "las_fynd",
]

#: Fyndens teman. Varje åtgärd har ett av dem i kolumnen ``tema``.
FYNDTEMAN: tuple[str, ...] = (
    "Belysning",
    "Överblick och sikt",
    "Skötsel och nedskräpning",
    "Klotter och skadegörelse",
    "Orientering",
    "Tillgänglighet",
    "Folkliv",
    "Ansvar och ägarskap",
    "Folksamlingar och berusning",
    "Narkotika",
    "Våld och hot",
    "Stöld",
    "Trafik",
    "Otrygghet kvällstid",
)

#: Delplatsen för ett fynd som gäller hela platsen.
HELA_PLATSEN = "Hela platsen"

#: Besiktningens faktorer (``besiktning.csv``) och deras tema.
TEMA_FOR_FAKTOR: dict[str, str] = {
    "Belysning": "Belysning",
    "Överblick och sikt": "Överblick och sikt",
    "Skymda platser": "Överblick och sikt",
    "Skötsel och renhållning": "Skötsel och nedskräpning",
    "Orientering och skyltning": "Orientering",
    "Tillgänglighet och stråk": "Tillgänglighet",
    "Folkliv och aktiviteter": "Folkliv",
    "Ansvar och ägarskap": "Ansvar och ägarskap",
}

#: Trygghetsvandringens problemtyper (``trygghetsvandring.csv``) och deras tema.
TEMA_FOR_PROBLEMTYP: dict[str, str] = {
    "Belysning": "Belysning",
    "Skymd sikt": "Överblick och sikt",
    "Nedskräpning": "Skötsel och nedskräpning",
    "Trasig utrustning": "Skötsel och nedskräpning",
    "Klotter": "Klotter och skadegörelse",
    "Skadegörelse": "Klotter och skadegörelse",
    "Otydlig orientering": "Orientering",
    "Folkliv": "Folkliv",
    "Folksamlingar och berusning": "Folksamlingar och berusning",
    "Narkotikahandel": "Narkotika",
    "Trafik": "Trafik",
}

#: Brottskategorierna (``brott.csv``) och deras tema.
TEMA_FOR_BROTTSKATEGORI: dict[str, str] = {
    "Brott mot liv och hälsa": "Våld och hot",
    "Brott mot frihet och frid": "Våld och hot",
    "Stöld, rån och häleri": "Stöld",
    "Skadegörelsebrott": "Klotter och skadegörelse",
    "Narkotikabrott": "Narkotika",
}

#: Enkätens problemfrågor: tema och problemet i ord.
TEMA_FOR_PROBLEMFRAGA: dict[str, tuple[str, str]] = {
    "problem_nedskrapning": ("Skötsel och nedskräpning", "nedskräpning"),
    "problem_klotter": ("Klotter och skadegörelse", "klotter"),
    "problem_berusade": ("Folksamlingar och berusning", "berusade personer"),
    "problem_belysning": ("Belysning", "dålig belysning"),
    "problem_ungdomsgang": ("Folksamlingar och berusning", "ungdomsgäng"),
    "problem_narkotikahandel": ("Narkotika", "narkotikahandel"),
}

#: Rutornas storlek i meter för hot spots (som i kapitel 5).
RUTSTORLEK = 100
#: En hot spot hör till en delplats om rutans mitt ligger så här nära (meter).
NARA_DELPLATS = 250
#: Fredag och lördag natt (klockan 22–04) är 12 av veckans 168 timmar.
HELGNATT_ANDEL_AV_TIDEN = 12 / 168

KOLUMNER = ["fynd", "kapitel", "delplats", "tema", "beskrivning"]
_STORT_PROBLEM = SKALOR["problem"][2:]


def _tal(x: float) -> str:
    from tryggaplatser.formatering import formatera_tal

    return formatera_tal(x)


def _procent(x: float) -> str:
    from tryggaplatser.formatering import formatera_procent

    return formatera_procent(float(x))


_ORD = {1: "en", 2: "två", 3: "tre", 4: "fyra", 5: "fem", 6: "sex", 7: "sju", 8: "åtta", 9: "nio",
        10: "tio", 11: "elva", 12: "tolv"}


def _antal(n: int) -> str:
    """Små antal i ord (två, tre), större med siffror."""
    return _ORD.get(int(n), _tal(int(n)))


def _gemen(text: str) -> str:
    return text[:1].lower() + text[1:]


def _fynd(kapitel: int, delplats: str, tema: str, beskrivning: str) -> dict:
    assert tema in FYNDTEMAN, tema
    return {"kapitel": kapitel, "delplats": str(delplats), "tema": tema, "beskrivning": beskrivning}


def _som_tabell(rader: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(rader, columns=KOLUMNER[1:])
    df.insert(0, "fynd", [f"F{i:02d}" for i in range(1, len(df) + 1)])
    df["kapitel"] = df["kapitel"].astype("int64")
    return df.reset_index(drop=True)


# ---------------------------------------------------------------------------
# Kapitel 4: enkäten
# ---------------------------------------------------------------------------

_GRUPPNAMN = {"Kvinna": "kvinnorna", "Man": "männen"}


def _gruppnamn(kolumn: str, varde: str) -> str:
    if kolumn == "kon":
        return _GRUPPNAMN.get(str(varde), str(varde))
    return f"dem som är {varde} år"


def fynd_ur_enkat(enkat: pd.DataFrame, ar: int, omrade: str | None = None) -> list[dict]:
    """Fynd ur trygghetsenkäten ett år (kapitel 4).

    1. Gruppen (efter kön eller ålder) med störst andel otrygga ute sent på
       kvällen, om den andelen är större än för alla som svarade. Bara
       grupper som regeln för små grupper låter visas räknas.
    2. Det problem som störst andel i platsens enkätområde (``omrade``) ser som
       ganska eller mycket stort, om andelen får visas.

    ``enkat`` har en rad per svar med kolumnerna ``ar``, ``omrade``, ``kon``,
    ``aldersgrupp``, ``vikt``, ``otrygg_kvall`` och problemfrågorna.
    """
    rader: list[dict] = []
    svar = enkat[enkat["ar"] == ar]
    if "otrygg_kvall" in svar:
        svar_kvall = svar[svar["otrygg_kvall"].notna()].assign(
            otrygg=lambda d: d["otrygg_kvall"].isin(OTRYGGA_SVAR))
        if len(svar_kvall):
            alla = andel_med_ki(svar_kvall["otrygg"], svar_kvall["vikt"])["andel"]
            basta: tuple[float, str, str] | None = None
            for kolumn in ("kon", "aldersgrupp"):
                if kolumn not in svar_kvall:
                    continue
                tabell = andel_per_grupp(svar_kvall, kolumn, "otrygg", vikt="vikt")
                synliga = tabell[(tabell["status"] != "dold") & (tabell.index != SAKNAS)]
                for grupp, rad in synliga.iterrows():
                    if basta is None or rad["andel"] > basta[0]:
                        basta = (float(rad["andel"]), kolumn, str(grupp))
            if basta is not None and basta[0] > alla:
                andel, kolumn, grupp = basta
                rader.append(_fynd(
                    4, HELA_PLATSEN, "Otrygghet kvällstid",
                    f"I enkäten {ar} var {_procent(andel)} av {_gruppnamn(kolumn, grupp)} otrygga "
                    f"ute sent på kvällen, mot {_procent(alla)} av alla som svarade. "
                    "Ingen annan grupp efter kön eller ålder hade en högre andel."))
    if omrade is not None and "omrade" in svar:
        i_omradet = svar[svar["omrade"] == omrade]
        fragor = [f for f in TEMA_FOR_PROBLEMFRAGA if f in i_omradet]
        # En rad per svar på en problemfråga. Varje fråga är en egen grupp; utan sekundärt
        # skydd blir det samma andelar och samma dolda frågor som en tabell per fråga.
        svar_per_fraga = i_omradet.melt(id_vars="vikt", value_vars=fragor, var_name="fraga",
                                        value_name="svar").dropna(subset="svar")
        basta_problem: tuple[float, str] | None = None
        if len(svar_per_fraga):
            tabell = andel_per_grupp(svar_per_fraga.assign(stort=svar_per_fraga["svar"].isin(_STORT_PROBLEM)),
                                     "fraga", "stort", vikt="vikt", sekundart_skydd=False)
            for fraga in fragor:
                if fraga not in tabell.index:
                    continue
                rad = tabell.loc[fraga]
                if rad["status"] != "dold" and (basta_problem is None or rad["andel"] > basta_problem[0]):
                    basta_problem = (float(rad["andel"]), fraga)
        if basta_problem is not None:
            andel, fraga = basta_problem
            tema, problem = TEMA_FOR_PROBLEMFRAGA[fraga]
            rader.append(_fynd(
                4, HELA_PLATSEN, tema,
                f"I enkäten {ar} såg {_procent(andel)} av dem som svarade i {omrade} {problem} som "
                "ett ganska eller mycket stort problem. Inget annat problem i enkäten fick en högre andel."))
    return rader


# ---------------------------------------------------------------------------
# Kapitel 5: brotten
# ---------------------------------------------------------------------------

def _brott_pa_platsen(brott: pd.DataFrame) -> pd.DataFrame:
    """Brotten i åtgärdsområdet, eller alla om datan inte har något åtgärdsområde."""
    if "omrade" in brott and (brott["omrade"] == "atgardsomrade").any():
        return brott[brott["omrade"] == "atgardsomrade"]
    return brott


def fynd_ur_brott(brott: pd.DataFrame, analysar: int, forsta_ar: int | None = None) -> list[dict]:
    """Fynd ur de anmälda brotten (kapitel 5).

    1. De två vanligaste temana bland brotten i åtgärdsområdet analysåret
       (polisens egna upptäckter, narkotikabrotten, räknas inte).
    2. Våldet och hoten fredag och lördag natt (fredag klockan 22 till
       söndag klockan 04), åren fram till och med analysåret: ett fynd om
       konfidensintervallets nedre gräns ligger över nätternas andel av
       veckans timmar (12 av 168).
    """
    rader: list[dict] = []
    pa_platsen = _brott_pa_platsen(brott)
    ar = pa_platsen["tidpunkt"].dt.year
    aret = brott_for_rutnat(pa_platsen, analysar)
    teman = aret["brottskategori"].astype(str).map(TEMA_FOR_BROTTSKATEGORI).dropna()
    if len(teman):
        antal = teman.value_counts(sort=False).sort_values(ascending=False, kind="stable")
        tot = len(aret)
        for i, (tema, n) in enumerate(antal.head(2).items()):
            borjan = (f"{tema} var den vanligaste gruppen av anmälda brott i åtgärdsområdet {analysar}"
                      if i == 0 else f"{tema} var den näst vanligaste gruppen {analysar}")
            rader.append(_fynd(5, HELA_PLATSEN, tema,
                               f"{borjan}: {_tal(int(n))} av {_tal(tot)} brott ({_procent(n / tot)})."))
    fore = pa_platsen[(ar <= analysar) & ((ar >= forsta_ar) if forsta_ar is not None else True)]
    vald = fore[fore["brottskategori"].astype(str).map(TEMA_FOR_BROTTSKATEGORI) == "Våld och hot"]
    if len(vald):
        andel = float(pa_helgnatt(vald["tidpunkt"]).mean())
        nedre, _ = wilson_intervall(andel, len(vald))
        if nedre > HELGNATT_ANDEL_AV_TIDEN:
            forsta = int(vald["tidpunkt"].dt.year.min())
            period = str(analysar) if forsta == analysar else f"{forsta}–{analysar}"
            rader.append(_fynd(
                5, HELA_PLATSEN, "Våld och hot",
                f"{_procent(andel)} av våldet och hoten i åtgärdsområdet {period} anmäldes fredag "
                f"eller lördag natt (klockan 22–04). De nätterna är bara "
                f"{_procent(HELGNATT_ANDEL_AV_TIDEN)} av veckans timmar."))
    return rader


def fynd_ur_hot_spots(
    brott: pd.DataFrame,
    analysar: int,
    utstrackning: tuple[float, float, float, float],
    delplatser: dict[str, tuple[float, float]],
    inom: object | None = None,
    permutationer: int | None = None,
) -> list[dict]:
    """Hot spots enligt Gi* analysåret, per delplats (kapitel 5).

    Rutnätet (100 meter), brotten (utan narkotikabrott) och Gi* är desamma som
    i kapitel 5. En hot spot-ruta hör till den närmaste delplatsen
    (``delplatser``: namn -> (öst, nord)) högst 250 meter från rutans mitt,
    annars till hela platsen. Med ``inom`` (en shapely-geometri, till exempel
    åtgärdsområdet) räknas bara rutor vars mitt ligger där. Ett fynd per
    delplats, med det vanligaste temat bland brotten i dess hot spot-rutor.
    """
    import shapely

    from tryggaplatser.rumslig import gi_star, omkastningar_for_bonferroni, rutnat

    aret = brott_for_rutnat(brott, analysar)
    if not len(aret):
        return []
    rutor = rutnat(aret, storlek=RUTSTORLEK, utstrackning=utstrackning)
    if permutationer is None:  # som i kapitel 5: golvet för p-värdet ska klara Bonferroni
        permutationer = omkastningar_for_bonferroni(len(rutor))
    gi = gi_star(rutor, kolumn="antal", permutationer=permutationer, fro=GI_FRO, alfa=0.05)
    heta = rutor[gi["klass"] == "hot spot"]
    mitt_x = heta["ruta_x"].to_numpy() + RUTSTORLEK / 2
    mitt_y = heta["ruta_y"].to_numpy() + RUTSTORLEK / 2
    if inom is not None and len(heta):
        behall = shapely.contains_xy(inom, mitt_x, mitt_y)
        heta, mitt_x, mitt_y = heta[behall], mitt_x[behall], mitt_y[behall]
    if not len(heta):
        return []
    namn = list(delplatser)
    punkter = np.array([delplatser[n] for n in namn], dtype=float).reshape(-1, 2)
    tillhor = []
    for x, y in zip(mitt_x, mitt_y, strict=True):
        if len(namn):
            avstand = np.hypot(punkter[:, 0] - x, punkter[:, 1] - y)
            tillhor.append(namn[int(avstand.argmin())] if avstand.min() <= NARA_DELPLATS else HELA_PLATSEN)
        else:
            tillhor.append(HELA_PLATSEN)
    heta = heta.assign(delplats=tillhor)
    ruta_x = np.floor((aret["ost"].to_numpy() - rutor["ruta_x"].min()) / RUTSTORLEK)
    ruta_y = np.floor((aret["nord"].to_numpy() - rutor["ruta_y"].min()) / RUTSTORLEK)
    aret = aret.assign(ruta_x=rutor["ruta_x"].min() + ruta_x * RUTSTORLEK,
                       ruta_y=rutor["ruta_y"].min() + ruta_y * RUTSTORLEK)
    rader = []
    ordning = heta.groupby("delplats", sort=False)["antal"].sum().sort_values(ascending=False, kind="stable")
    for delplats in ordning.index:
        celler = heta[heta["delplats"] == delplats]
        i_cellerna = aret.merge(celler[["ruta_x", "ruta_y"]], on=["ruta_x", "ruta_y"])
        teman = i_cellerna["brottskategori"].astype(str).map(TEMA_FOR_BROTTSKATEGORI).dropna()
        if not len(teman):
            continue
        antal = teman.value_counts(sort=False).sort_values(ascending=False, kind="stable")
        tema, n = antal.index[0], int(antal.iloc[0])
        var = "" if delplats == HELA_PLATSEN else f" vid {delplats}"
        rutor_text = ("en ruta" if len(celler) == 1 else f"{_antal(len(celler))} rutor") + \
            f" på {RUTSTORLEK} gånger {RUTSTORLEK} meter{var} som " + \
            ("en hot spot" if len(celler) == 1 else "hot spots")
        rader.append(_fynd(
            5, delplats, tema,
            f"Gi* pekar ut {rutor_text} {analysar}. Där anmäldes {_antal(len(i_cellerna))} brott, "
            f"och {_gemen(tema)} var vanligast med {_antal(n)}."))
    return rader


# ---------------------------------------------------------------------------
# Kapitel 6: besiktningen och trygghetsvandringen
# ---------------------------------------------------------------------------

def fynd_ur_besiktning_och_vandring(
    besiktning: pd.DataFrame | None,
    vandring: pd.DataFrame | None,
    analysar: int,
) -> list[dict]:
    """Fynd ur besiktningen och trygghetsvandringen före åtgärderna (kapitel 6).

    Besiktningen: det senaste året till och med analysåret. Trygghetsvandringen:
    den senaste vandringens år till och med analysåret. Ett fynd per delplats
    och tema när besiktningen har en faktor på röd nivå eller vandringen har
    minst en iakttagelse. En faktor på gul nivå nämns när vandringen har
    iakttagelser med samma tema och delplats.
    """
    def forst(ar: pd.Series) -> int | None:
        fore = ar[ar <= analysar]
        return int(fore.max()) if len(fore) else None

    nycklar: dict[tuple[str, str], dict] = {}
    if besiktning is not None and len(besiktning):
        b_ar = forst(besiktning["ar"])
        if b_ar is not None:
            b = besiktning[besiktning["ar"] == b_ar].assign(
                niva=lambda d: besiktningsniva(d["poang"]).astype(str),
                tema=lambda d: d["faktor"].astype(str).map(TEMA_FOR_FAKTOR))
            for _, rad in b[b["tema"].notna() & b["niva"].isin(["Röd", "Gul"])].iterrows():
                post = nycklar.setdefault((str(rad["delplats"]), rad["tema"]),
                                          {"faktorer": [], "iakttagelser": 0})
                post["faktorer"].append((str(rad["faktor"]), int(rad["poang"]), rad["niva"]))
                post["besiktningsar"] = b_ar
    if vandring is not None and len(vandring):
        v_ar = forst(vandring["datum"].dt.year)
        if v_ar is not None:
            v = vandring[vandring["datum"].dt.year == v_ar]
            v = v.assign(tema=v["problemtyp"].astype(str).map(TEMA_FOR_PROBLEMTYP))
            for (delplats, tema), grupp in v[v["tema"].notna()].groupby(
                    [v["plats"].astype(str), "tema"], sort=False):
                post = nycklar.setdefault((delplats, tema), {"faktorer": [], "iakttagelser": 0})
                post["iakttagelser"] = len(grupp)
                post["vandringsar"] = v_ar
    rader = []
    for (delplats, tema), post in nycklar.items():
        roda = [f for f in post["faktorer"] if f[2] == "Röd"]
        if not roda and not post["iakttagelser"]:
            continue  # bara gul nivå och ingen iakttagelse: inget fynd
        delar = []
        if post["faktorer"]:
            faktorer = " och ".join(f"{_gemen(f)} {_tal(p)} poäng ({niva.lower()})"
                                    for f, p, niva in post["faktorer"])
            delar.append(f"Besiktningen {post['besiktningsar']} gav {faktorer} av 20.")
        if post["iakttagelser"]:
            n = post["iakttagelser"]
            delar.append(f"Trygghetsvandringen {post['vandringsar']} noterade "
                         f"{'en iakttagelse' if n == 1 else _antal(n) + ' iakttagelser'} om {_gemen(tema)}.")
        rader.append(_fynd(6, delplats, tema, " ".join(delar)))
    return rader


# ---------------------------------------------------------------------------
# Hela platsen
# ---------------------------------------------------------------------------

def _delplatsernas_lagen(plats: Plats, namn: set[str], verksamheter: pd.DataFrame | None,
                         vandring: pd.DataFrame | None) -> dict[str, tuple[float, float]]:
    """Var delplatserna ligger: landmärken, verksamheter och vandringens punkter."""
    lagen: dict[str, tuple[float, float]] = {}
    for lm in plats.landmarken:
        if lm.namn in namn:
            lagen.setdefault(lm.namn, (lm.ost, lm.nord))
    if verksamheter is not None:
        for rad in verksamheter[["namn", "ost", "nord"]].itertuples(index=False):
            if rad.namn in namn:
                lagen.setdefault(str(rad.namn), (float(rad.ost), float(rad.nord)))
    if vandring is not None:
        for delplats, grupp in vandring.groupby(vandring["plats"].astype(str)):
            if delplats in namn:
                lagen.setdefault(delplats, (float(grupp["ost"].mean()), float(grupp["nord"].mean())))
    return lagen


def las_fynd(plats: PlatsArg = None) -> pd.DataFrame:
    """Räkna fram analysens fynd för en plats, ett fynd per rad.

    Kolumner: ``fynd`` (id, "F01" och framåt), ``kapitel`` (4, 5 eller 6),
    ``delplats`` (som i åtgärderna och besiktningen, eller "Hela platsen"),
    ``tema`` (ett av :data:`FYNDTEMAN`) och ``beskrivning`` (en svensk mening
    med talen ur datan). Saknar platsen en fil blir fynden färre.

    Exempel
    -------
    >>> f = las_fynd()
    >>> sorted(f["kapitel"].unique().tolist())
    [4, 5, 6]
    >>> bool(f["tema"].isin(FYNDTEMAN).all())
    True
    """
    plats = las_plats(plats)
    besiktning = las_besiktning(plats) if plats.har("besiktning.csv") else None
    vandring = las_trygghetsvandring(plats) if plats.har("trygghetsvandring.csv") else None
    rader: list[dict] = []
    if plats.har("enkat.csv") and plats.enkatar:
        ar = max((a for a in plats.enkatar if a <= plats.analysar), default=plats.enkatar[0])
        rader += fynd_ur_enkat(las_enkat(plats, bara_svarande=True), ar, plats.platsens_enkatomrade)
    if plats.har("brott.csv"):
        brott = las_brott(plats)
        rader += fynd_ur_brott(brott, plats.analysar, plats.forsta_ar)
        atgarder = las_atgarder(plats) if plats.har("atgarder.csv") else None
        namn: set[str] = set()
        for tabell, kolumn in ((atgarder, "delplats"), (besiktning, "delplats"), (vandring, "plats")):
            if tabell is not None:
                namn |= set(tabell[kolumn].astype(str))
        omraden = las_omraden(plats) if plats.har("omraden.geojson") else None
        utstrackning = studieomradets_granser(omraden, brott)
        inom = None
        if omraden is not None and (omraden["omrade"] == "atgardsomrade").any():
            inom = omraden.loc[omraden["omrade"] == "atgardsomrade"].union_all()
        verksamheter = las_verksamheter(plats) if plats.har("verksamheter.csv") else None
        rader += fynd_ur_hot_spots(brott, plats.analysar, utstrackning,
                                   _delplatsernas_lagen(plats, namn, verksamheter, vandring), inom=inom)
    rader += fynd_ur_besiktning_och_vandring(besiktning, vandring, plats.analysar)
    return _som_tabell(rader)


# ---------------------------------------------------------------------------
# Åtgärderna och fynden
# ---------------------------------------------------------------------------

def fynd_for_atgard(delplats: str, tema: object, fynd: pd.DataFrame) -> list[str]:
    """Fynden som en åtgärd på ``delplats`` med ``tema`` svarar mot.

    Samma tema krävs. Delplatsen ska vara densamma, eller så gäller fyndet
    (eller åtgärden) hela platsen. En åtgärd utan tema svarar inte mot något fynd.

    >>> f = pd.DataFrame({"fynd": ["F01", "F02", "F03"], "delplats": ["Torget", "Hela platsen", "Parken"],
    ...                   "tema": ["Belysning", "Belysning", "Belysning"]})
    >>> fynd_for_atgard("Torget", "Belysning", f)
    ['F01', 'F02']
    """
    if tema is None or pd.isna(tema):
        return []
    samma_tema = fynd["tema"].astype(str) == str(tema)
    if str(delplats) == HELA_PLATSEN:
        pa_platsen = pd.Series(True, index=fynd.index)
    else:
        pa_platsen = fynd["delplats"].astype(str).isin([str(delplats), HELA_PLATSEN])
    return fynd.loc[samma_tema & pa_platsen, "fynd"].astype(str).tolist()


def atgarder_med_fynd(plats: PlatsArg = None, fynd: pd.DataFrame | None = None) -> pd.DataFrame:
    """Platsens åtgärder (:func:`las_atgarder`) med kolumnen ``fynd``.

    ``fynd`` är listan med id för de fynd (:func:`las_fynd`) som åtgärden
    svarar mot, enligt :func:`fynd_for_atgard`. Skicka med fynden om de redan
    är uträknade, så räknas de inte en gång till.

    Exempel
    -------
    >>> a = atgarder_med_fynd()
    >>> bool((a["fynd"].map(len) > 0).any())
    True
    """
    plats = las_plats(plats)
    atgarder = las_atgarder(plats)
    if fynd is None:
        fynd = las_fynd(plats)
    atgarder["fynd"] = [fynd_for_atgard(d, t, fynd)
                        for d, t in zip(atgarder["delplats"], atgarder["tema"], strict=True)]
    return atgarder
