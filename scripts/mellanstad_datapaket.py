"""Skriv platsernas tabellscheman till data/datapackage.json och kolumntabellerna i README.

Schemat gäller varje plats: det som bara gäller Mellanstad (år, enkätområden,
delplatser, koordinater) står i platsbeskrivningen ``plats.yml``, inte här.
Tabellerna ligger under Mellanstads resurser eftersom Mellanstad är
handbokens plats; en egen plats kontrolleras mot samma scheman.

Användning: ``python scripts/mellanstad_datapaket.py``.

Skripten rör bara resurser vars namn börjar med ``mellanstad-`` i
datapaketet; andra resurser lämnas orörda och i samma ordning. I
``data/mellanstad/README.md`` skrivs bara texten mellan markeringarna
``<!-- kolumner:start -->`` och ``<!-- kolumner:end -->`` om.
Tillåtna värden hämtas från generatorn, så att schemat och datan inte
kan glida isär.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from tryggaplatser._gemensamt import SVERIGE_NORD, SVERIGE_OST
from tryggaplatser.fynd import FYNDTEMAN
from tryggaplatser.skalor import VECKODAGAR, VECKODAGAR_KORT

ROT = Path(__file__).resolve().parent.parent
PAKET = ROT / "data" / "datapackage.json"
README = ROT / "data" / "mellanstad" / "README.md"

_spec = importlib.util.spec_from_file_location("generera_mellanstad",
                                               ROT / "scripts" / "generera_mellanstad.py")
g = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = g  # dataklasser behöver modulen i sys.modules
_spec.loader.exec_module(g)

OMRADESKODER = ["atgardsomrade", "buffertzon", "jamforelseomrade", "ovrigt"]
TID = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$"
OPPET = r"^(stängt|([01]\d|2[0-4]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d)$"
KRAV = {"required": True}
LICENS = [{"name": "CC0-1.0", "title": "Creative Commons Zero v1.0 Universal",
           "path": "https://creativecommons.org/publicdomain/zero/1.0/"}]
KALLA = [{"title": "Syntetisk data, skapad av scripts/generera_mellanstad.py (Trygga platser)"}]


def falt(namn: str, typ: str, beskrivning: str, **krav) -> dict:
    f = {"name": namn, "type": typ, "description": beskrivning}
    if krav:
        f["constraints"] = krav
    return f


def enum(namn: str, beskrivning: str, varden: list, kravs: bool = True) -> dict:
    krav = {"enum": list(varden)}
    if kravs:
        krav["required"] = True
    return falt(namn, "string", beskrivning, **krav)


def koord(namn: str) -> dict:
    if namn == "ost":
        return falt("ost", "integer", "Östlig koordinat (E) i SWEREF 99 TM (EPSG:3006), meter.",
                    required=True, minimum=SVERIGE_OST[0], maximum=SVERIGE_OST[1])
    return falt("nord", "integer", "Nordlig koordinat (N) i SWEREF 99 TM (EPSG:3006), meter.",
                required=True, minimum=SVERIGE_NORD[0], maximum=SVERIGE_NORD[1])


def ar(beskrivning: str) -> dict:
    return falt("ar", "integer", beskrivning, required=True, minimum=1900, maximum=2100)


ENKATOMRADE = "Ett av enkätområdena i platsbeskrivningen (plats.yml, enkat.omraden)."


def fraga(namn: str, text: str, skala: list[str]) -> dict:
    return enum(namn, text + " Tomt = inget svar (partiellt bortfall) eller personen svarade "
                "inte på enkäten.", skala, kravs=False)


def resurser() -> list[dict]:
    typer = list(g.BROTTSTYPER)
    kategorier = list(dict.fromkeys(v[0] for v in g.BROTTSTYPER.values()))
    problemtext = {
        "problem_nedskrapning": "nedskräpning",
        "problem_klotter": "klotter",
        "problem_berusade": "berusade personer",
        "problem_belysning": "dålig belysning",
        "problem_ungdomsgang": "ungdomsgäng som stör",
        "problem_narkotikahandel": "narkotikahandel",
    }
    raknare = [r[0] for r in g.RAKNARE]
    res = [
        {
            "name": "mellanstad-brott",
            "title": "Mellanstad: anmälda brott 2021–2025 (syntetiska)",
            "path": "mellanstad/brott.csv",
            "schema": {
                "fields": [
                    falt("id", "string", "Brottets id, unikt på platsen (i Mellanstad "
                         "MS-år-löpnummer).", required=True, unique=True),
                    falt("tidpunkt", "string",
                         "När brottet började, lokal tid (Europe/Stockholm) i ISO 8601 med "
                         "tidszonsförskjutning, till exempel 2024-03-01T22:15:00+01:00.",
                         required=True, pattern=TID),
                    enum("brottskategori",
                         "Grupp av brottstyper, förenklad efter kriminalstatistikens huvudgrupper.",
                         kategorier),
                    enum("brottstyp", "Brottstyp.", typer),
                    koord("ost"), koord("nord"),
                    enum("omrade", "Område som punkten ligger i (se omraden.geojson); "
                         "ovrigt = resten av studieområdet.", OMRADESKODER),
                ],
                "primaryKey": ["id"],
            },
        },
        {
            "name": "mellanstad-enkat",
            "title": "Mellanstad: trygghetsenkät 2021, 2023 och 2025 (syntetisk, NTU-inspirerad)",
            "path": "mellanstad/enkat.csv",
            "schema": {
                "fields": [
                    falt("id", "string",
                         "Personens id i bruttourvalet, unikt (i Mellanstad E, år, bindestreck "
                         "och löpnummer, till exempel E2021-0001).", required=True, unique=True),
                    ar("Enkätomgång (år)."),
                    falt("omrade", "string", "Bostadsområde (urvalets stratum). " + ENKATOMRADE,
                         required=True),
                    enum("kon", "Kön enligt urvalsramen.", g.KON),
                    enum("aldersgrupp", "Åldersgrupp, år (tankstreck, inte bindestreck).",
                         g.ALDERSGRUPPER),
                    falt("svarat", "boolean", "true om personen svarade, false vid bortfall.",
                         required=True),
                    enum("svarssatt", "Hur personen svarade. Tomt om personen inte svarade.",
                         ["Webb", "Papper"], kravs=False),
                    falt("designvikt", "number",
                         "Designvikt: antal personer 16–84 år i området delat med "
                         "bruttourvalet i området (personer per person i urvalet).",
                         required=True, minimum=0),
                    falt("vikt", "number",
                         "Efterstratifierad vikt för svarande: befolkningen i cellen år × område "
                         "× kön × åldersgrupp delat med antalet svarande i cellen (personer). "
                         "Tomt för dem som inte svarade.", minimum=0),
                    fraga("otrygg_kvall", "Hur trygg eller otrygg personen känner sig ute ensam "
                          "sent en kväll i sitt eget bostadsområde.", g.SKALA_OTRYGG_KVALL),
                    fraga("oro_samhalle", "I vilken utsträckning personen känner oro för "
                          "brottsligheten i samhället.", g.SKALA_ORO),
                    fraga("otrygg_centrum", "Hur trygg eller otrygg personen känner sig på "
                          "platsen (i Mellanstad centrum) en kväll.", g.SKALA_CENTRUM),
                    *[fraga(k, f"Hur stort problem {t} är i personens bostadsområde.",
                            g.SKALA_PROBLEM) for k, t in problemtext.items()],
                ],
                "primaryKey": ["id"],
            },
        },
        {
            "name": "mellanstad-befolkning",
            "title": "Mellanstad: befolkning 16–84 år per område, kön och åldersgrupp (syntetisk)",
            "path": "mellanstad/befolkning.csv",
            "schema": {
                "fields": [
                    ar("År."),
                    falt("omrade", "string", "Bostadsområde. " + ENKATOMRADE, required=True),
                    enum("kon", "Kön.", g.KON),
                    enum("aldersgrupp", "Åldersgrupp, år.", g.ALDERSGRUPPER),
                    falt("antal", "integer", "Antal invånare (personer).", required=True,
                         minimum=1),
                ],
                "primaryKey": ["ar", "omrade", "kon", "aldersgrupp"],
            },
        },
        {
            "name": "mellanstad-flode",
            "title": "Mellanstad: passerande per timme vid fyra räknare 2023–2025 (syntetiska)",
            "path": "mellanstad/flode.csv",
            "schema": {
                "fields": [
                    falt("tidpunkt", "string",
                         "Timmens början, lokal tid i ISO 8601 med tidszonsförskjutning.",
                         required=True, unique=True, pattern=TID),
                    *[falt(r, "integer", f"Antal passerande vid räknaren {r} under timmen "
                           "(personer per timme). Tomt = räknaren var ur funktion.", minimum=0)
                      for r in raknare],
                ],
                "primaryKey": ["tidpunkt"],
            },
        },
        {
            "name": "mellanstad-raknare",
            "title": "Mellanstad: flödesräknarna (syntetiska)",
            "path": "mellanstad/raknare.csv",
            "schema": {
                "fields": [
                    enum("raknare", "Räknarens id, samma som kolumnnamnet i flode.csv.",
                         raknare),
                    falt("namn", "string", "Räknarens läge i ord.", required=True),
                    koord("ost"), koord("nord"),
                    enum("omrade", "Område.", OMRADESKODER),
                    enum("metod", "Mätmetod.", ["Kamerasensor", "Värmesensor"]),
                    falt("forsta_dag", "date", "Första dagen med data.", required=True),
                ],
                "primaryKey": ["raknare"],
            },
        },
        {
            "name": "mellanstad-verksamheter",
            "title": "Mellanstad: verksamheter och funktioner med öppettider (syntetiska)",
            "path": "mellanstad/verksamheter.csv",
            "schema": {
                "fields": [
                    falt("id", "string", "Verksamhetens id.", required=True, unique=True),
                    falt("namn", "string", "Namn (påhittat).", required=True),
                    enum("typ", "Typ av verksamhet eller funktion.",
                         sorted({v[1] for v in g.VERKSAMHETER})),
                    koord("ost"), koord("nord"),
                    enum("omrade", "Område.", OMRADESKODER),
                    *[falt(f"oppet_{d}", "string",
                           f"Öppettid {namn}: HH:MM-HH:MM eller stängt. Stängningstid mindre "
                           "än eller lika med öppningstiden = stänger efter midnatt; "
                           "00:00-24:00 = dygnet runt.", required=True, pattern=OPPET)
                      for d, namn in zip(VECKODAGAR_KORT, VECKODAGAR, strict=True)],
                ],
                "primaryKey": ["id"],
            },
        },
        {
            "name": "mellanstad-besiktning",
            "title": "Mellanstad: trygghetsbesiktning 2023 och 2025 (syntetisk)",
            "path": "mellanstad/besiktning.csv",
            "schema": {
                "fields": [
                    ar("År för besiktningen (i Mellanstad 2023 före och 2025 efter åtgärderna)."),
                    falt("datum", "date", "Besiktningsdag.", required=True),
                    falt("delplats", "string", "Delplats i åtgärdsområdet.", required=True),
                    falt("faktor_nr", "integer", "Faktorns nummer.", required=True, minimum=1),
                    falt("faktor", "string", "Faktor i den fysiska miljön (i Mellanstad "
                         "handbokens egna namn).", required=True),
                    falt("poang", "integer", f"Poäng från {g.POANG_LAGST} (allvarliga problem) "
                         f"till {g.POANG_HOGST} (bra).", required=True, minimum=g.POANG_LAGST,
                         maximum=g.POANG_HOGST),
                    falt("kommentar", "string", "Besiktarens kommentar. Ofta tom."),
                ],
                "primaryKey": ["ar", "delplats", "faktor_nr"],
            },
        },
        {
            "name": "mellanstad-trygghetsvandring",
            "title": "Mellanstad: iakttagelser från trygghetsvandringar 2023 och 2025 (syntetiska)",
            "path": "mellanstad/trygghetsvandring.csv",
            "schema": {
                "fields": [
                    falt("id", "string", "Iakttagelsens id.", required=True, unique=True),
                    falt("datum", "date", "Vandringens datum.", required=True),
                    falt("grupp", "string", "Gruppen som gjorde iakttagelsen.", required=True),
                    falt("plats", "string", "Plats i ord.", required=True),
                    koord("ost"), koord("nord"),
                    falt("problemtyp", "string", "Typ av problem, med ett ord eller två "
                         "(i Mellanstad till exempel Belysning eller Klotter).", required=True),
                    falt("beskrivning", "string", "Vad gruppen såg.", required=True),
                    falt("forslag", "string", "Gruppens förslag.", required=True),
                ],
                "primaryKey": ["id"],
            },
        },
        {
            "name": "mellanstad-aktorer",
            "title": "Mellanstad: aktörer i centrum (syntetiska)",
            "path": "mellanstad/aktorer.csv",
            "schema": {
                "fields": [
                    falt("id", "string", "Aktörens id.", required=True, unique=True),
                    falt("namn", "string", "Namn (påhittat eller generiskt).", required=True),
                    enum("typ", "Typ av aktör.", sorted({a[2] for a in g.AKTORER})),
                    enum("sektor", "Sektor.", ["Offentlig", "Privat", "Ideell"]),
                    falt("inflytande", "integer", "Bedömt inflytande, 1 (litet) till 5 (stort).",
                         required=True, minimum=1, maximum=5),
                    falt("intresse", "integer", "Bedömt intresse, 1 (litet) till 5 (stort).",
                         required=True, minimum=1, maximum=5),
                ],
                "primaryKey": ["id"],
            },
        },
        {
            "name": "mellanstad-kontakter",
            "title": "Mellanstad: kontakter mellan aktörer före och efter platssamverkan "
                     "(syntetiska)",
            "path": "mellanstad/kontakter.csv",
            "schema": {
                "fields": [
                    enum("period", "fore = 2023, efter = 2025.", ["fore", "efter"]),
                    falt("fran", "string", "Aktörens id (kontakten är oriktad).",
                         required=True),
                    falt("till", "string", "Den andra aktörens id.", required=True),
                    enum("frekvens", "Hur ofta de har kontakt.",
                         ["Några gånger per år", "Varje månad", "Varje vecka"]),
                ],
                "primaryKey": ["period", "fran", "till"],
                "foreignKeys": [
                    {"fields": "fran", "reference": {"resource": "mellanstad-aktorer",
                                                     "fields": "id"}},
                    {"fields": "till", "reference": {"resource": "mellanstad-aktorer",
                                                     "fields": "id"}},
                ],
            },
        },
        {
            "name": "mellanstad-tekniker",
            "title": "De 25 teknikerna för situationell brottsprevention (Clarke och Cornish)",
            "path": "mellanstad/tekniker.csv",
            "schema": {
                "fields": [
                    falt("teknik_nr", "integer", "Teknikens nummer i tabellen, 1–25.",
                         required=True, unique=True, minimum=1, maximum=25),
                    enum("strategi", "Strategi (kolumn i tabellen), svenska.",
                         [s[0] for s in g.STRATEGIER]),
                    enum("strategi_en", "Strategi, engelska originalet.",
                         [s[1] for s in g.STRATEGIER]),
                    falt("teknik", "string", "Teknik, handbokens egen svenska översättning.",
                         required=True, unique=True),
                    falt("teknik_en", "string", "Teknik, engelska originalet.", required=True,
                         unique=True),
                ],
                "primaryKey": ["teknik_nr"],
            },
        },
        {
            "name": "mellanstad-atgarder",
            "title": "Mellanstad: handlingsplanens åtgärder (syntetiska)",
            "path": "mellanstad/atgarder.csv",
            "schema": {
                "fields": [
                    falt("id", "string", "Åtgärdens id.", required=True, unique=True),
                    falt("atgard", "string", "Åtgärden i ord.", required=True),
                    falt("delplats", "string", "Var åtgärden görs.", required=True),
                    falt("teknik_nr", "integer", "Teknikens nummer (se tekniker.csv).",
                         required=True, minimum=1, maximum=25),
                    falt("teknik", "string", "Teknikens svenska namn.", required=True),
                    enum("strategi", "Strategi.", [s[0] for s in g.STRATEGIER]),
                    enum("triangelsida", "Sidan i problemtriangeln som åtgärden riktar sig mot.",
                         ["Gärningsperson", "Offer eller mål", "Plats"]),
                    falt("ansvarig", "string", "Ansvarig aktör (id i aktorer.csv).",
                         required=True),
                    falt("kostnad_kr", "integer", "Beräknad kostnad, kronor.", required=True,
                         minimum=0),
                    falt("startdatum", "date", "Startdatum.", required=True),
                    falt("slutdatum", "date", "Planerat eller faktiskt slutdatum.",
                         required=True),
                    enum("status", "Status vid uppföljningen hösten 2025.",
                         ["Planerad", "Pågår", "Försenad", "Genomförd"]),
                    enum("tema", "Fyndets tema som åtgärden svarar mot (se tryggaplatser.fynd).",
                         list(FYNDTEMAN)),
                ],
                "primaryKey": ["id"],
                "foreignKeys": [
                    {"fields": "ansvarig", "reference": {"resource": "mellanstad-aktorer",
                                                         "fields": "id"}},
                    {"fields": "teknik_nr", "reference": {"resource": "mellanstad-tekniker",
                                                          "fields": "teknik_nr"}},
                ],
            },
        },
    ]
    for r in res:
        r["description"] = ("Syntetisk data om den påhittade staden Mellanstad. "
                            "Se mellanstad/README.md.")
        if r["name"] == "mellanstad-tekniker":
            r["description"] = (
                "Tabellen över de 25 teknikerna (Cornish och Clarke 2003). Engelska namn enligt "
                "originalet; de svenska namnen är handbokens egna översättningar. "
                "Se mellanstad/README.md.")
        r.update({"format": "csv", "encoding": "utf-8", "mediatype": "text/csv",
                  "licenses": LICENS, "sources": KALLA})
    geo = [
        ("mellanstad-omraden", "Mellanstad: områden (polygoner, SWEREF 99 TM)",
         "mellanstad/omraden.geojson"),
        ("mellanstad-gator", "Mellanstad: gator och gångstråk (linjer, SWEREF 99 TM)",
         "mellanstad/gator.geojson"),
    ]
    for namn, titel, vag in geo:
        res.append({
            "name": namn, "title": titel, "path": vag, "format": "geojson",
            "mediatype": "application/geo+json", "encoding": "utf-8",
            "description": "GeoJSON med koordinater i SWEREF 99 TM (EPSG:3006), angivet i "
                           "den äldre crs-medlemmen. Se mellanstad/README.md.",
            "licenses": LICENS, "sources": KALLA,
        })
    return res


def kolumntabeller(res: list[dict]) -> str:
    delar = []
    for r in res:
        if "schema" not in r:
            continue
        fil = r["path"].split("/")[-1]
        delar.append(f"### `{fil}`\n")
        delar.append("| kolumn | typ | beskrivning | tillåtna värden |")
        delar.append("|---|---|---|---|")
        for f in r["schema"]["fields"]:
            k = f.get("constraints", {})
            tillatna = []
            if "enum" in k:
                tillatna.append(", ".join(str(v) for v in k["enum"]))
            if "minimum" in k and "maximum" in k:
                tillatna.append(f"{k['minimum']}–{k['maximum']}")
            elif "minimum" in k:
                tillatna.append(f"minst {k['minimum']}")
            elif "maximum" in k:
                tillatna.append(f"högst {k['maximum']}")
            if "pattern" in k:
                tillatna.append(f"mönster `{k['pattern']}`")
            if k.get("unique"):
                tillatna.append("unik")
            if not k.get("required"):
                tillatna.append("kan vara tom")
            beskr = f["description"].replace("|", "\\|")
            varden = "; ".join(tillatna).replace("|", "\\|")
            delar.append(f"| `{f['name']}` | {f['type']} | {beskr} | {varden} |")
        delar.append("")
    return "\n".join(delar)


def main() -> None:
    paket = json.loads(PAKET.read_text(encoding="utf-8"))
    mina = resurser()
    ovriga = [r for r in paket["resources"] if not r["name"].startswith("mellanstad-")]
    paket["resources"] = ovriga + mina
    PAKET.write_text(json.dumps(paket, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if README.exists():
        text = README.read_text(encoding="utf-8")
        start, slut = "<!-- kolumner:start -->", "<!-- kolumner:end -->"
        if start in text and slut in text:
            fore, rest = text.split(start, 1)
            _, efter = rest.split(slut, 1)
            text = fore + start + "\n\n" + kolumntabeller(mina) + "\n" + slut + efter
            README.write_text(text, encoding="utf-8")
    print(f"Skrev {len(mina)} resurser till {PAKET.relative_to(ROT)}")


if __name__ == "__main__":
    main()
