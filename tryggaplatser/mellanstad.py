"""Inläsning av en plats data: brott, enkät, flöden, besiktning och mer.

Varje funktion tar en plats (se :mod:`tryggaplatser.plats`): en mapp med
filerna och en ``plats.yml``. Utan plats läses Mellanstad, handbokens
påhittade exempelstad (``data/mellanstad/``, skapad av
``scripts/generera_mellanstad.py``). Funktionerna returnerar färdigtypade tabeller: kategorier som
``category``, svarsskalor som ordnade kategorier, tidpunkter med tidszonen
Europe/Stockholm och områden och gator som geometrier i SWEREF 99 TM
(EPSG:3006). De fungerar från vilken arbetskatalog som helst.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from tryggaplatser._gemensamt import SWEREF99TM, TIDSZON
from tryggaplatser.plats import Plats, PlatsFel, las_plats
from tryggaplatser.skalor import (  # noqa: F401 (enkätens svarsgrupper importeras också härifrån)
    BESIKTNINGSNIVAER,
    OTRYGGA_SVAR,
    PROBLEMFRAGOR,
    STOR_ORO_SVAR,
    SVARSSKALOR,
    VECKODAGAR_KORT,
)

CRS = SWEREF99TM
#: En plats: ett ``Plats``-objekt, en mapp, ett platsnamn eller None (Mellanstad).
PlatsArg = Plats | str | Path | None

ALDERSGRUPPER = ["16–24", "25–44", "45–64", "65–84"]
KON = ["Kvinna", "Man"]

#: Svarsskalorna i stigande grad av otrygghet, oro eller problem, per kolumn i enkäten
#: (definierade i :data:`tryggaplatser.skalor.SVARSSKALOR`). Sista alternativet i
#: ``otrygg_kvall`` och ``otrygg_centrum`` ligger utanför själva skalan (de som aldrig
#: går ut eller aldrig är där).
SKALOR: dict[str, list[str]] = {
    "otrygg_kvall": list(SVARSSKALOR["trygghet"]),
    "oro_samhalle": list(SVARSSKALOR["oro"]),
    "otrygg_centrum": list(SVARSSKALOR["trygghet_plats"]),
    "problem": list(SVARSSKALOR["problem"]),
}

#: Veckodagarnas korta namn i kolumnerna ``oppet_man`` ... ``oppet_son``.
VECKODAGAR = VECKODAGAR_KORT
STRATEGIER = [
    "Öka ansträngningen", "Öka risken", "Minska belöningen", "Reducera provokationer",
    "Ta bort ursäkter",
]


def _fil(plats: Plats, namn: str) -> Path:
    fil = plats.fil(namn)
    if not fil.is_file():
        raise PlatsFel(
            f"Platsen {plats.namn} ({plats.mapp}) saknar filen {namn}. "
            "Lägg till den, eller hoppa över analyserna som behöver den."
        )
    return fil


def _las_csv(plats: Plats, namn: str, kolumner: list[str], **kwargs) -> pd.DataFrame:
    fil = _fil(plats, namn)
    df = pd.read_csv(fil, keep_default_na=False, na_values=[""], **kwargs)
    saknas = [k for k in kolumner if k not in df.columns]
    if saknas:
        raise ValueError(
            f"Filen {fil} saknar kolumnerna {', '.join(saknas)}. "
            f"Väntade kolumnerna {', '.join(kolumner)}."
        )
    return df[kolumner]


def _kategori(s: pd.Series, kategorier: list[str], ordnad: bool = False,
              fil: str = "", kolumn: str = "") -> pd.Series:
    # Varje värdes plats bland kategorierna; -1 för tomma och okända värden.
    koder = pd.Index(kategorier).get_indexer(s)
    okanda = np.flatnonzero((koder == -1) & s.notna().to_numpy())
    if len(okanda):
        forsta = okanda[0]
        rad = int(s.index[forsta]) + 2  # rubrikraden är rad 1
        raise ValueError(
            f"Filen {fil}, kolumnen {kolumn}, rad {rad}: okänt värde {s.iloc[forsta]!r}. "
            f"Tillåtna värden: {', '.join(kategorier)}."
        )
    return pd.Series(pd.Categorical.from_codes(koder, categories=kategorier, ordered=ordnad),
                     index=s.index, name=s.name)


def _tid(s: pd.Series) -> pd.Series:
    return pd.to_datetime(s, utc=True, format="ISO8601").dt.tz_convert(TIDSZON)


def las_brott(plats: PlatsArg = None) -> pd.DataFrame:
    """Läs platsens anmälda brott, ett brott per rad.

    Returnerar
    ----------
    pandas.DataFrame
        Kolumnerna ``id`` (text), ``tidpunkt`` (tidpunkt med tidszon
        Europe/Stockholm), ``brottskategori`` och ``brottstyp`` (kategorier),
        ``ost`` och ``nord`` (heltal, meter i SWEREF 99 TM) och ``omrade``
        (kategori med områdeskoderna i platsbeskrivningen,
        se :data:`tryggaplatser.plats.ROLLER`).

    Exempel
    -------
    >>> brott = las_brott()
    >>> str(brott["tidpunkt"].dt.tz)
    'Europe/Stockholm'
    >>> sorted(brott["tidpunkt"].dt.year.unique().tolist())
    [2021, 2022, 2023, 2024, 2025]
    >>> list(brott["omrade"].cat.categories)
    ['atgardsomrade', 'buffertzon', 'jamforelseomrade', 'ovrigt']
    >>> "Butiksstöld" in brott["brottstyp"].cat.categories
    True
    """
    plats = las_plats(plats)
    kol = ["id", "tidpunkt", "brottskategori", "brottstyp", "ost", "nord", "omrade"]
    df = _las_csv(plats, "brott.csv", kol, dtype={"id": "string", "ost": "int64", "nord": "int64"})
    df["tidpunkt"] = _tid(df["tidpunkt"])
    df["brottskategori"] = df["brottskategori"].astype("category")
    df["brottstyp"] = df["brottstyp"].astype("category")
    df["omrade"] = _kategori(df["omrade"], list(plats.omraden), fil="brott.csv", kolumn="omrade")
    return df


def las_enkat(plats: PlatsArg = None, *, bara_svarande: bool = False) -> pd.DataFrame:
    """Läs platsens trygghetsenkät, alla år.

    Varje rad är en person i bruttourvalet. De som inte svarade har
    ``svarat == False`` och saknar svar och ``vikt``. Svarsskalorna är
    ordnade kategorier i stigande grad av otrygghet, oro eller problem
    (se :data:`SKALOR`). Tomma svar (partiellt bortfall) är saknade värden.

    Parametrar
    ----------
    bara_svarande : bool, standard False
        Om True: bara de som svarade.

    Returnerar
    ----------
    pandas.DataFrame
        ``id``, ``ar`` (int), ``omrade``, ``kon``, ``aldersgrupp`` (kategorier),
        ``svarat`` (bool), ``svarssatt`` (kategori: Webb eller Papper),
        ``designvikt`` och ``vikt`` (flyttal, antal personer i befolkningen som
        personen representerar), ``otrygg_kvall``, ``oro_samhalle``,
        ``otrygg_centrum`` och sex ``problem_...``-kolumner (ordnade kategorier).

    Exempel
    -------
    >>> enkat = las_enkat()
    >>> sorted(enkat["ar"].unique().tolist())
    [2021, 2023, 2025]
    >>> bool(enkat.loc[~enkat["svarat"], "vikt"].isna().all())
    True
    >>> svar = las_enkat(bara_svarande=True)
    >>> svar["otrygg_kvall"].cat.ordered
    True
    >>> svar["oro_samhalle"].cat.categories[-1]
    'I mycket stor utsträckning'
    """
    plats = las_plats(plats)
    fragor = ["otrygg_kvall", "oro_samhalle", "otrygg_centrum", *PROBLEMFRAGOR]
    kol = ["id", "ar", "omrade", "kon", "aldersgrupp", "svarat", "svarssatt", "designvikt",
           "vikt", *fragor]
    df = _las_csv(plats, "enkat.csv", kol, dtype={"id": "string", "ar": "int64", "svarat": "bool",
                                           "designvikt": "float64", "vikt": "float64"})
    df["omrade"] = _kategori(df["omrade"], plats.enkatomraden, fil="enkat.csv", kolumn="omrade")
    df["kon"] = _kategori(df["kon"], KON, fil="enkat.csv", kolumn="kon")
    df["aldersgrupp"] = _kategori(df["aldersgrupp"], ALDERSGRUPPER, ordnad=True,
                                  fil="enkat.csv", kolumn="aldersgrupp")
    df["svarssatt"] = _kategori(df["svarssatt"], ["Webb", "Papper"], fil="enkat.csv",
                                kolumn="svarssatt")
    for f in fragor:
        skala = SKALOR["problem"] if f.startswith("problem_") else SKALOR[f]
        df[f] = _kategori(df[f], skala, ordnad=True, fil="enkat.csv", kolumn=f)
    if bara_svarande:
        df = df[df["svarat"]].reset_index(drop=True)
    return df


def las_befolkning(plats: PlatsArg = None) -> pd.DataFrame:
    """Läs befolkningen 16–84 år per område, kön och åldersgrupp (enkätens ramar).

    Används för att vikta enkäten (efterstratifiering).

    Exempel
    -------
    >>> bef = las_befolkning()
    >>> list(bef.columns)
    ['ar', 'omrade', 'kon', 'aldersgrupp', 'antal']
    >>> bool((bef["antal"] > 0).all())
    True
    """
    plats = las_plats(plats)
    kol = ["ar", "omrade", "kon", "aldersgrupp", "antal"]
    df = _las_csv(plats, "befolkning.csv", kol, dtype={"ar": "int64", "antal": "int64"})
    df["omrade"] = _kategori(df["omrade"], plats.enkatomraden, fil="befolkning.csv", kolumn="omrade")
    df["kon"] = _kategori(df["kon"], KON, fil="befolkning.csv", kolumn="kon")
    df["aldersgrupp"] = _kategori(df["aldersgrupp"], ALDERSGRUPPER, ordnad=True,
                                  fil="befolkning.csv", kolumn="aldersgrupp")
    return df


def las_raknare(plats: PlatsArg = None) -> pd.DataFrame:
    """Läs flödesräknarna: id, namn, läge och mätmetod.

    Exempel
    -------
    >>> las_raknare()["raknare"].tolist()
    ['busstationen', 'stortorget', 'parkstraket', 'norrby_torg']
    """
    plats = las_plats(plats)
    kol = ["raknare", "namn", "ost", "nord", "omrade", "metod", "forsta_dag"]
    df = _las_csv(plats, "raknare.csv", kol, dtype={"raknare": "string", "namn": "string",
                                             "ost": "int64", "nord": "int64"})
    df["omrade"] = _kategori(df["omrade"], list(plats.omraden), fil="raknare.csv", kolumn="omrade")
    df["metod"] = df["metod"].astype("category")
    df["forsta_dag"] = pd.to_datetime(df["forsta_dag"], format="%Y-%m-%d")
    return df


def las_flode(plats: PlatsArg = None, *, bred: bool = False) -> pd.DataFrame:
    """Läs antal passerande per timme vid platsens flödesräknare.

    Parametrar
    ----------
    plats : plats, valfri
        Platsen (standard Mellanstad). Räknarna är kolumnerna i ``flode.csv``.
    bred : bool, standard False
        False ger lång form: en rad per timme och räknare med kolumnerna
        ``tidpunkt``, ``raknare`` (kategori) och ``antal`` (Int64, saknas
        när räknaren var ur funktion). True ger filens breda form: en rad
        per timme och en kolumn per räknare.

    Anmärkning
    ----------
    ``tidpunkt`` är timmens början i lokal tid. Vid omställningen till
    sommartid saknas en timme och vid omställningen till vintertid finns
    klockslaget 02.00 två gånger (med olika tidszonsförskjutning).

    Exempel
    -------
    >>> flode = las_flode()
    >>> list(flode.columns)
    ['tidpunkt', 'raknare', 'antal']
    >>> str(flode["antal"].dtype)
    'Int64'
    >>> bool(flode["antal"].isna().any())
    True
    >>> las_flode(bred=True).shape[1]
    5
    """
    plats = las_plats(plats)
    rubrik = pd.read_csv(_fil(plats, "flode.csv"), nrows=0).columns
    raknare = [k for k in rubrik if k != "tidpunkt"]
    df = _las_csv(plats, "flode.csv", ["tidpunkt", *raknare], dtype={r: "Int64" for r in raknare})
    df["tidpunkt"] = _tid(df["tidpunkt"])
    if bred:
        return df
    lang = df.melt(id_vars="tidpunkt", var_name="raknare", value_name="antal")
    lang["raknare"] = pd.Categorical(lang["raknare"], categories=raknare)
    lang["antal"] = lang["antal"].astype("Int64")
    return lang


def las_verksamheter(plats: PlatsArg = None) -> pd.DataFrame:
    """Läs platsinventeringen: verksamheter och funktioner med öppettider.

    Öppettiderna står per veckodag i kolumnerna ``oppet_man`` … ``oppet_son``
    som ``"HH:MM-HH:MM"`` eller ``"stängt"``. En stängningstid som är mindre
    än eller lika med öppningstiden betyder att stället stänger efter
    midnatt, natten efter. ``"00:00-24:00"`` betyder öppet dygnet runt.

    Exempel
    -------
    >>> v = las_verksamheter()
    >>> "Bar/pub" in v["typ"].cat.categories
    True
    >>> v.loc[v["namn"] == "Nattklubb Fyren", "oppet_lor"].item()
    '22:00-03:00'
    """
    plats = las_plats(plats)
    dagkol = [f"oppet_{d}" for d in VECKODAGAR]
    kol = ["id", "namn", "typ", "ost", "nord", "omrade", *dagkol]
    df = _las_csv(plats, "verksamheter.csv", kol, dtype={"id": "string", "namn": "string",
                                                  "ost": "int64", "nord": "int64",
                                                  **{d: "string" for d in dagkol}})
    df["typ"] = df["typ"].astype("category")
    df["omrade"] = _kategori(df["omrade"], list(plats.omraden), fil="verksamheter.csv",
                             kolumn="omrade")
    return df


def _minuter(hhmm: str) -> int:
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


def oppna_per_timme(verksamheter: pd.DataFrame, typer: list[str] | None = None) -> pd.DataFrame:
    """Räkna hur många verksamheter som har öppet varje timme i veckan.

    En verksamhet räknas som öppen en timme om den har öppet någon del av
    timmen. Tider efter midnatt räknas till nästa veckodag. Ett ställe som har
    öppet ``"20:00-02:00"`` en onsdag räknas alltså som öppet onsdag timme
    20–23 och torsdag timme 0–1, men inte timme 2: det stänger när timmen
    börjar. ``"20:00-00:00"`` ger timme 20–23 samma dag.

    Parametrar
    ----------
    verksamheter : pandas.DataFrame
        Tabellen från :func:`las_verksamheter`.
    typer : list of str, valfri
        Bara dessa typer (till exempel ``["Bar/pub", "Nattklubb"]``).

    Returnerar
    ----------
    pandas.DataFrame
        Sju rader (``man`` … ``son``) och 24 kolumner (timme 0–23).

    Exempel
    -------
    >>> v = las_verksamheter()
    >>> krogar = oppna_per_timme(v, ["Nattklubb"])
    >>> int(krogar.loc["lor", 23]), int(krogar.loc["son", 2]), int(krogar.loc["ons", 23])
    (1, 1, 0)
    """
    if typer is not None:
        verksamheter = verksamheter[verksamheter["typ"].isin(typer)]
    tabell = np.zeros((7, 24), dtype=int)
    for _, rad in verksamheter.iterrows():
        for d, dag in enumerate(VECKODAGAR):
            tid = rad[f"oppet_{dag}"]
            if tid == "stängt":
                continue
            start_s, slut_s = tid.split("-")
            start, slut = _minuter(start_s), _minuter(slut_s)
            if slut <= start:
                slut += 24 * 60
            for t in range(start // 60, (slut + 59) // 60):
                tabell[(d + t // 24) % 7, t % 24] += 1
    return pd.DataFrame(tabell, index=pd.Index(VECKODAGAR, name="veckodag"),
                        columns=pd.RangeIndex(24, name="timme"))


def las_besiktning(plats: PlatsArg = None) -> pd.DataFrame:
    """Läs trygghetsbesiktningens protokoll (före och efter åtgärderna).

    En rad per år, delplats och faktor. ``poang`` går från 0 (allvarliga
    problem) till 20 (bra). Faktornamnen är handbokens egna.

    Exempel
    -------
    >>> b = las_besiktning()
    >>> sorted(b["ar"].unique().tolist())
    [2023, 2025]
    >>> bool(b["poang"].between(0, 20).all())
    True
    """
    plats = las_plats(plats)
    kol = ["ar", "datum", "delplats", "faktor_nr", "faktor", "poang", "kommentar"]
    df = _las_csv(plats, "besiktning.csv", kol, dtype={"ar": "int64", "faktor_nr": "int64",
                                                "poang": "int64", "kommentar": "string"})
    df["datum"] = pd.to_datetime(df["datum"], format="%Y-%m-%d")
    df["delplats"] = df["delplats"].astype("category")
    faktorer = df.sort_values("faktor_nr")["faktor"].drop_duplicates().tolist()
    df["faktor"] = pd.Categorical(df["faktor"], categories=faktorer, ordered=True)
    return df


def besiktningsniva(poang: pd.Series | int) -> pd.Series | str:
    """Översätt besiktningspoäng till handbokens nivåer Röd, Gul och Grön.

    Gränserna (0–7 röd, 8–13 gul, 14–20 grön) är handbokens egna
    exempelgränser, inte en officiell standard. De står i
    :data:`BESIKTNINGSNIVAER`.

    Ett tal ger nivån som text. En serie ger en ordnad kategori (Röd < Gul <
    Grön) med samma nivå för varje värde som talet skulle ge; saknade poäng
    ger saknad nivå. Poäng utanför 0–20 eller som inte är heltal ger
    ``ValueError``, med samma meddelande för ett tal och för en serie.

    Exempel
    -------
    >>> besiktningsniva(7), besiktningsniva(8), besiktningsniva(14)
    ('Röd', 'Gul', 'Grön')
    >>> besiktningsniva(pd.Series([3, 12, 20])).tolist()
    ['Röd', 'Gul', 'Grön']
    """
    if isinstance(poang, pd.Series):
        nivaer = [None if pd.isna(p) else besiktningsniva(p) for p in poang]
        return pd.Series(
            pd.Categorical(nivaer, categories=list(BESIKTNINGSNIVAER), ordered=True),
            index=poang.index, name="niva",
        )
    lagst = min(lag for lag, _ in BESIKTNINGSNIVAER.values())
    hogst = max(hog for _, hog in BESIKTNINGSNIVAER.values())
    if not lagst <= poang <= hogst:
        raise ValueError(f"Besiktningspoäng ska ligga mellan {lagst} och {hogst}, inte {poang}.")
    for niva, (lag, hog) in BESIKTNINGSNIVAER.items():
        if lag <= poang <= hog:
            return niva
    raise ValueError(f"Besiktningspoäng ska vara ett heltal, inte {poang}.")


def las_trygghetsvandring(plats: PlatsArg = None) -> pd.DataFrame:
    """Läs iakttagelserna från trygghetsvandringarna.

    Exempel
    -------
    >>> t = las_trygghetsvandring()
    >>> "Belysning" in t["problemtyp"].cat.categories
    True
    >>> sorted(t["datum"].dt.year.unique().tolist())
    [2023, 2025]
    """
    plats = las_plats(plats)
    kol = ["id", "datum", "grupp", "plats", "ost", "nord", "problemtyp", "beskrivning",
           "forslag"]
    df = _las_csv(plats, "trygghetsvandring.csv", kol,
                  dtype={"id": "string", "ost": "int64", "nord": "int64",
                         "beskrivning": "string", "forslag": "string"})
    df["datum"] = pd.to_datetime(df["datum"], format="%Y-%m-%d")
    for k in ("grupp", "plats", "problemtyp"):
        df[k] = df[k].astype("category")
    return df


def las_aktorer(plats: PlatsArg = None) -> pd.DataFrame:
    """Läs platsens aktörer med inflytande och intresse (1–5).

    Exempel
    -------
    >>> a = las_aktorer()
    >>> "polis" in set(a["id"])
    True
    >>> bool(a["inflytande"].between(1, 5).all())
    True
    """
    plats = las_plats(plats)
    kol = ["id", "namn", "typ", "sektor", "inflytande", "intresse"]
    df = _las_csv(plats, "aktorer.csv", kol, dtype={"id": "string", "namn": "string",
                                             "inflytande": "int64", "intresse": "int64"})
    df["typ"] = df["typ"].astype("category")
    df["sektor"] = _kategori(df["sektor"], ["Offentlig", "Privat", "Ideell"],
                             fil="aktorer.csv", kolumn="sektor")
    return df


def las_kontakter(plats: PlatsArg = None, *, period: str | None = None) -> pd.DataFrame:
    """Läs kontakterna mellan aktörerna före och efter platssamverkan.

    Varje rad är en kontakt (oriktad) mellan två aktörer, med hur ofta de
    har kontakt. ``fore`` är 2023, ``efter`` är 2025.

    Parametrar
    ----------
    period : {"fore", "efter"}, valfri
        Bara kontakterna för en period.

    Exempel
    -------
    >>> k = las_kontakter()
    >>> list(k["period"].cat.categories)
    ['fore', 'efter']
    >>> len(las_kontakter(period="efter")) > len(las_kontakter(period="fore"))
    True
    """
    plats = las_plats(plats)
    kol = ["period", "fran", "till", "frekvens"]
    df = _las_csv(plats, "kontakter.csv", kol, dtype={"fran": "string", "till": "string"})
    df["period"] = _kategori(df["period"], ["fore", "efter"], ordnad=True,
                             fil="kontakter.csv", kolumn="period")
    df["frekvens"] = _kategori(df["frekvens"], ["Några gånger per år", "Varje månad",
                                                "Varje vecka"], ordnad=True,
                               fil="kontakter.csv", kolumn="frekvens")
    if period is not None:
        if period not in ("fore", "efter"):
            raise ValueError(f"period ska vara 'fore' eller 'efter', inte {period!r}.")
        df = df[df["period"] == period].reset_index(drop=True)
    return df


def las_tekniker() -> pd.DataFrame:
    """Läs de 25 teknikerna för situationell brottsprevention (Clarke och Cornish).

    De engelska namnen följer originalet. De svenska namnen är handbokens
    egna översättningar.

    Exempel
    -------
    >>> t = las_tekniker()
    >>> len(t), t.loc[0, "teknik_en"]
    (25, 'Target harden')
    >>> t.groupby("strategi", observed=True).size().tolist()
    [5, 5, 5, 5, 5]
    """
    plats = las_plats("mellanstad")  # tabellen gäller alla platser
    kol = ["teknik_nr", "strategi", "strategi_en", "teknik", "teknik_en"]
    df = _las_csv(plats, "tekniker.csv", kol, dtype={"teknik_nr": "int64", "teknik": "string",
                                              "teknik_en": "string",
                                              "strategi_en": "string"})
    df["strategi"] = _kategori(df["strategi"], STRATEGIER, ordnad=True, fil="tekniker.csv",
                               kolumn="strategi")
    return df


def las_atgarder(plats: PlatsArg = None) -> pd.DataFrame:
    """Läs platsens åtgärdsplan: åtgärder med teknik, ägare, kostnad och datum.

    Kolumnen ``tema`` säger vilket av fyndens teman (:data:`tryggaplatser.fynd.FYNDTEMAN`)
    åtgärden svarar mot. Den är frivillig i filen; saknas den blir temat tomt.

    Exempel
    -------
    >>> a = las_atgarder()
    >>> bool(a["teknik_nr"].between(1, 25).all())
    True
    >>> str(a["startdatum"].min().date())
    '2024-02-01'
    >>> list(a["triangelsida"].cat.categories)
    ['Gärningsperson', 'Offer eller mål', 'Plats']
    """
    plats = las_plats(plats)
    kol = ["id", "atgard", "delplats", "teknik_nr", "teknik", "strategi", "triangelsida",
           "ansvarig", "kostnad_kr", "startdatum", "slutdatum", "status"]
    # Kolumnen tema (ett av fyndens teman) är frivillig: utan den får åtgärderna tomt tema.
    fil = _fil(plats, "atgarder.csv")
    har_tema = "tema" in pd.read_csv(fil, nrows=0).columns
    df = _las_csv(plats, "atgarder.csv", kol + (["tema"] if har_tema else []),
                  dtype={"id": "string", "atgard": "string", "teknik_nr": "int64",
                         "ansvarig": "string", "kostnad_kr": "int64"})
    for k in ("startdatum", "slutdatum"):
        df[k] = pd.to_datetime(df[k], format="%Y-%m-%d")
    df["delplats"] = df["delplats"].astype("category")
    df["teknik"] = df["teknik"].astype("category")
    df["strategi"] = _kategori(df["strategi"], STRATEGIER, ordnad=True, fil="atgarder.csv",
                               kolumn="strategi")
    df["triangelsida"] = _kategori(df["triangelsida"], ["Gärningsperson", "Offer eller mål",
                                                        "Plats"], fil="atgarder.csv",
                                   kolumn="triangelsida")
    df["status"] = _kategori(df["status"], ["Planerad", "Pågår", "Försenad", "Genomförd"],
                             fil="atgarder.csv", kolumn="status")
    from tryggaplatser.fynd import FYNDTEMAN  # här, eftersom fynd läser åtgärderna med den här funktionen

    df["tema"] = _kategori(df["tema"] if har_tema else pd.Series(pd.NA, index=df.index, name="tema"),
                           list(FYNDTEMAN), fil="atgarder.csv", kolumn="tema")
    return df


def _las_geojson(plats: Plats, namn: str):
    import geopandas as gpd
    from shapely.geometry import shape

    data = json.loads(_fil(plats, namn).read_text(encoding="utf-8"))
    egenskaper = [f["properties"] for f in data["features"]]
    geometrier = [shape(f["geometry"]) for f in data["features"]]
    return gpd.GeoDataFrame(pd.DataFrame(egenskaper), geometry=geometrier, crs=CRS)


def las_omraden(plats: PlatsArg = None):
    """Läs områdena som polygoner i SWEREF 99 TM (EPSG:3006).

    Områdena är ``atgardsomrade``, ``buffertzon`` (en ring på 300 meter runt
    åtgärdsområdet), ``jamforelseomrade`` och ``studieomrade`` (allt som
    brottsdatan täcker; det innehåller de andra).

    Returnerar
    ----------
    geopandas.GeoDataFrame
        Kolumnerna ``omrade`` (kod), ``namn``, ``beskrivning`` och ``geometry``.

    Exempel
    -------
    >>> o = las_omraden()
    >>> o["omrade"].tolist()
    ['atgardsomrade', 'buffertzon', 'jamforelseomrade', 'studieomrade']
    >>> o.crs.to_epsg()
    3006
    """
    plats = las_plats(plats)
    return _las_geojson(plats, "omraden.geojson")


def las_gator(plats: PlatsArg = None):
    """Läs gator och gångstråk som linjer i SWEREF 99 TM (EPSG:3006).

    Exempel
    -------
    >>> g = las_gator()
    >>> "Parkstråket" in set(g["namn"])
    True
    >>> sorted(set(g.geom_type))
    ['LineString']
    """
    plats = las_plats(plats)
    return _las_geojson(plats, "gator.geojson")
