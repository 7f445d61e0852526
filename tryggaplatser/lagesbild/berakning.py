"""Lägesbildens tal: samma funktioner och definitioner som kapitel 4 och 5.

Allt räknas med paketets funktioner (``tp.andel_med_ki``, ``tp.andel_per_grupp``,
``tp.andelar_per_ar``, ``tp.brott_per_ar``, ``tp.rutnat``, ``tp.gi_star``,
``tp.brott_per_besokare`` med flera), som kapitlens notebooks också anropar. Här
väljs bara året och platsen, och resultaten samlas i en ordbok som mallen
(``mall.html.j2``) fyller i. Tal som visas formateras på svenska här; tabellerna
sparas också som tal för Excel.

Varje del får ``finns`` (sant eller falskt). Saknas datan säger mallen vad som
saknas och vad man kan samla in.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

import tryggaplatser as tp
from tryggaplatser.mellanstad import OTRYGGA_SVAR, STOR_ORO_SVAR
from tryggaplatser.statistik import (
    FLAGGA_UNDER,
    MINSTA_ANTAL_I_KATEGORI,
    MINSTA_ANTAL_SVAR,
    skal_att_dolja,
)

#: Enkätens indikatorer: namn i text, kolumn och de svar som räknas (som i kapitel 4).
INDIKATORER = {
    "otrygg_kvall": ("Otrygghet vid utevistelse sen kväll", OTRYGGA_SVAR),
    "oro_samhalle": ("Stor oro för brottsligheten i samhället", STOR_ORO_SVAR),
}
#: Indelningarna av de svarande (som i kapitel 4, Grupper).
GRUPPERINGAR = {"kon": "Kön", "aldersgrupp": "Åldersgrupp", "omrade": "Område"}
#: Rutans sida i meter (som i kapitel 5).
RUTSTORLEK = 100
#: Radien runt en räknare i meter (som i kapitel 5, Per besökare).
RADIE = 100
#: Datafilerna som lägesbilden kan använda, i den ordning rapporten beskriver dem.
KALLOR = [
    "brott.csv",
    "enkat.csv",
    "befolkning.csv",
    "omraden.geojson",
    "raknare.csv",
    "flode.csv",
    "besiktning.csv",
    "trygghetsvandring.csv",
    "verksamheter.csv",
]


@dataclass
class Underlag:
    """Allt som rapporten visar: värden till mallen, tabeller och data till figurerna."""

    varden: dict = field(default_factory=dict)
    #: Tabellnamn (filnamn utan ändelse) till (rubrik, tabell med svenska kolumnnamn).
    tabeller: dict[str, tuple[str, pd.DataFrame]] = field(default_factory=dict)
    #: Data till figurerna, nyckel som i ``figurer.RITARE``.
    figurdata: dict[str, object] = field(default_factory=dict)


def procent(andel: float, decimaler: int = 0) -> str:
    return tp.formatera_procent(float(andel), decimaler)


def tal(varde: float, decimaler: int = 0) -> str:
    return tp.formatera_tal(float(varde), decimaler)


def intervall_procent(nedre: float, ovre: float) -> str:
    """Ett intervall som "25–31 %"."""
    return f"{tal(float(nedre) * 100)}–{procent(ovre)}"


def lista(namn: list[str]) -> str:
    """Namn i en svensk uppräkning: "a, b och c"."""
    namn = [str(n) for n in namn]
    if not namn:
        return ""
    return namn[0] if len(namn) == 1 else ", ".join(namn[:-1]) + " och " + namn[-1]


def forandring_i_andel(skillnad: float) -> str:
    """Förändringen i andelen otrygga som en bisats: "ökade andelen … med 3,2 procentenheter".

    En skillnad som avrundas till 0,0 procentenheter har ingen riktning att skriva ut.

    >>> forandring_i_andel(-0.0321)
    'minskade andelen otrygga sen kväll med 3,2 procentenheter'
    >>> forandring_i_andel(0.0004)
    'var andelen otrygga sen kväll densamma, räknat på en decimal'
    """
    text = tal(abs(skillnad) * 100, 1)
    if text == tal(0, 1):
        return "var andelen otrygga sen kväll densamma, räknat på en decimal"
    return f"{'ökade' if skillnad > 0 else 'minskade'} andelen otrygga sen kväll med {text} procentenheter"


def kontrollsummor(mapp: Path) -> list[dict[str, str]]:
    """SHA-256 för varje fil i platsens mapp (inte undermappar), i bokstavsordning."""
    rader = []
    for fil in sorted(p for p in mapp.iterdir() if p.is_file()):
        h = hashlib.sha256()
        with fil.open("rb") as f:
            for bit in iter(lambda: f.read(1 << 16), b""):
                h.update(bit)
        rader.append({"fil": fil.name, "storlek": tal(fil.stat().st_size), "sha256": h.hexdigest()})
    return rader


def _antal_rader(plats: tp.Plats, namn: str) -> int | None:
    if not plats.har(namn) or not namn.endswith(".csv"):
        return None
    with plats.fil(namn).open("rb") as f:
        return max(sum(1 for rad in f if rad.strip()) - 1, 0)


# ---------------------------------------------------------------------------
# Trygghet: enkäten
# ---------------------------------------------------------------------------


def _enkat(plats: tp.Plats, ar: int, u: Underlag) -> dict:
    if not plats.har("enkat.csv") or not plats.enkatar:
        return {"finns": False}
    enkat = tp.las_enkat(plats, bara_svarande=True)
    # Året för analysen, eller den senaste enkäten före det (som i kapitel 4).
    e_ar = max((a for a in plats.enkatar if a <= ar), default=plats.enkatar[0])
    svar = enkat[enkat["ar"] == e_ar]
    d: dict = {
        "finns": True,
        "ar": e_ar,
        "efter_aret": e_ar > ar,
        "antal_svar": tal(len(svar)),
        "minsta_antal_svar": MINSTA_ANTAL_SVAR,
        "minsta_i_kategori": MINSTA_ANTAL_I_KATEGORI,
        "flagga_under": FLAGGA_UNDER,
    }

    indikatorer = []
    for kolumn, (namn, raknas) in INDIKATORER.items():
        med_svar = svar[svar[kolumn].notna()]
        if med_svar.empty:
            indikatorer.append({"kolumn": kolumn, "namn": namn, "finns": False})
            continue
        utfall = med_svar[kolumn].isin(raknas)
        r = tp.andel_med_ki(utfall, med_svar["vikt"])
        dold = skal_att_dolja(int(r["n"]), int(utfall.sum())) != ""
        indikatorer.append(
            {
                "kolumn": kolumn,
                "namn": namn,
                "finns": True,
                "dold": dold,
                "andel_tal": r["andel"],
                "andel": procent(r["andel"]),
                "ki": intervall_procent(r["ki_nedre"], r["ki_ovre"]),
                "n": tal(r["n"]),
                "n_eff": tal(r["n_eff"]),
                "halva_bredden": tal((r["ki_ovre"] - r["ki_nedre"]) / 2 * 100),
            }
        )
    d["indikatorer"] = indikatorer
    u.tabeller["enkat-indikatorer"] = (
        "Indikatorer i trygghetsenkäten " + str(e_ar),
        pd.DataFrame(
            {
                "Indikator": [i["namn"] for i in indikatorer if i["finns"]],
                "Andel (vägd)": [
                    None if i["dold"] else round(i["andel_tal"], 4) for i in indikatorer if i["finns"]
                ],
                "95-procentigt konfidensintervall": [
                    "dold" if i["dold"] else i["ki"] for i in indikatorer if i["finns"]
                ],
                "Antal svar": [i["n"] for i in indikatorer if i["finns"]],
            }
        ),
    )

    # Grupper: andel otrygga sen kväll per kön, åldersgrupp och område, med regeln för små grupper.
    otr = svar[svar["otrygg_kvall"].notna()].assign(otrygg=lambda s: s["otrygg_kvall"].isin(OTRYGGA_SVAR))
    grupper, rader = {}, []
    if len(otr):
        for kolumn, rubrik in GRUPPERINGAR.items():
            t = tp.andel_per_grupp(otr, kolumn, "otrygg", vikt="vikt")
            grupper[kolumn] = t
            for g, r in t.iterrows():
                visas = r["status"] != "dold"
                rader.append(
                    {
                        "indelning": rubrik,
                        "grupp": str(g),
                        "status": str(r["status"]),
                        "andel": procent(r["andel"]) if visas else "dold",
                        "ki": intervall_procent(r["ki_nedre"], r["ki_ovre"]) if visas else "–",
                        "n": tal(r["n"]),
                        "andel_tal": float(r["andel"]) if visas else None,
                    }
                )
    d["grupper"] = rader
    d["antal_dolda"] = sum(r["status"] == "dold" for r in rader)
    d["antal_osakra"] = sum(r["status"] == "osäker" for r in rader)
    kon = grupper.get("kon")
    d["kon"] = None
    if kon is not None and {"Kvinna", "Man"} <= set(kon.index[kon["status"] != "dold"]):
        k, m = kon.loc["Kvinna"], kon.loc["Man"]
        d["kon"] = {
            "kvinnor": procent(k["andel"]),
            "man": procent(m["andel"]),
            "kvinnor_ki": intervall_procent(k["ki_nedre"], k["ki_ovre"]),
            "man_ki": intervall_procent(m["ki_nedre"], m["ki_ovre"]),
            "hogre": "kvinnor" if k["andel"] > m["andel"] else "män",
            "overlappar": bool(k["ki_nedre"] <= m["ki_ovre"] and m["ki_nedre"] <= k["ki_ovre"]),
        }
    u.tabeller["enkat-grupper"] = (
        f"Andel otrygga vid utevistelse sen kväll per grupp {e_ar}",
        pd.DataFrame(
            {
                "Indelning": [r["indelning"] for r in rader],
                "Grupp": [r["grupp"] for r in rader],
                "Antal svar": [r["n"] for r in rader],
                "Andel otrygga (vägd)": [
                    None if r["andel_tal"] is None else round(r["andel_tal"], 4) for r in rader
                ],
                "95-procentigt konfidensintervall": [r["ki"] for r in rader],
                "Anmärkning": [{"ok": "", "osäker": "osäker", "dold": "dold"}[r["status"]] for r in rader],
            }
        ),
    )
    u.figurdata["grupper"] = grupper

    # Trenden: andel otrygga sen kväll per mätår fram till och med analysåret (som i kapitel 4, Trender).
    trend = tp.andelar_per_ar(enkat[enkat["ar"] <= max(e_ar, ar)], "otrygg_kvall", OTRYGGA_SVAR)
    synliga = trend[trend["status"] != "dold"]
    d["trend"] = [
        {
            "ar": int(a),
            "andel": procent(r["andel"]) if r["status"] != "dold" else "dold",
            "ki": intervall_procent(r["ki_nedre"], r["ki_ovre"]) if r["status"] != "dold" else "–",
            "andel_tal": None if r["status"] == "dold" else float(r["andel"]),
        }
        for a, r in trend.iterrows()
    ]
    d["trend_jamforelse"] = None
    if len(synliga) >= 2:
        forsta, sista = synliga.index[0], synliga.index[-1]
        s = tp.skillnad_med_ki(synliga.loc[forsta].to_dict(), synliga.loc[sista].to_dict())
        d["trend_jamforelse"] = {
            "forsta": int(forsta),
            "sista": int(sista),
            "skillnad": tal(abs(s["skillnad"]) * 100, 1),
            "skillnad_tal": s["skillnad"],
            "ki": f"{tal(s['ki_nedre'] * 100, 1)} till {tal(s['ki_ovre'] * 100, 1)}",
            "sakerstalld": bool(s["ki_nedre"] > 0 or s["ki_ovre"] < 0),
            "riktning": "ökade" if s["skillnad"] > 0 else "minskade",
            "forandring": forandring_i_andel(s["skillnad"]),
        }
    u.tabeller["enkat-trend"] = (
        "Andel otrygga vid utevistelse sen kväll per mätår",
        pd.DataFrame(
            {
                "År": [t["ar"] for t in d["trend"]],
                "Andel otrygga (vägd)": [
                    None if t["andel_tal"] is None else round(t["andel_tal"], 4) for t in d["trend"]
                ],
                "95-procentigt konfidensintervall": [t["ki"] for t in d["trend"]],
            }
        ),
    )
    u.figurdata["trend"] = trend
    return d


# ---------------------------------------------------------------------------
# Anmälda brott
# ---------------------------------------------------------------------------


def _brott(plats: tp.Plats, ar: int, u: Underlag) -> dict:
    if not plats.har("brott.csv"):
        return {"finns": False}
    brott = tp.las_brott(plats)
    d: dict = {
        "finns": True,
        "forsta_ar": plats.forsta_ar,
        "sista_ar": plats.sista_ar,
        "antal_alla_ar": tal(len(brott)),
    }

    # Antal per år med konfidensintervall (kapitel 5, Tid).
    per_ar = tp.brott_per_ar(brott, plats.ar)
    d["per_ar"] = [
        {"ar": int(a), "antal": tal(r["antal"]), "ki": f"{tal(r['nedre'])}–{tal(r['ovre'])}"}
        for a, r in per_ar.iterrows()
    ]
    d["antal_ar"] = tal(per_ar.loc[ar, "antal"]) if ar in per_ar.index else "0"
    d["antal_ar_ki"] = (
        f"{tal(per_ar.loc[ar, 'nedre'])}–{tal(per_ar.loc[ar, 'ovre'])}" if ar in per_ar.index else ""
    )
    d["hogsta_antal"] = tal(per_ar["antal"].max())
    d["hogsta_ar"] = int(per_ar["antal"].idxmax())
    foregaende = ar - 1
    d["jamfor_foregaende"] = None
    if foregaende in per_ar.index and ar in per_ar.index:
        a, b = per_ar.loc[foregaende], per_ar.loc[ar]
        d["jamfor_foregaende"] = {
            "ar": foregaende,
            "antal": tal(a["antal"]),
            "fler": bool(b["antal"] > a["antal"]),
            "lika": bool(b["antal"] == a["antal"]),
            "overlappar": bool(a["nedre"] <= b["ovre"] and b["nedre"] <= a["ovre"]),
        }
    u.tabeller["brott-per-ar"] = (
        "Anmälda brott per år",
        pd.DataFrame(
            {
                "År": per_ar.index.to_numpy(),
                "Antal brott": per_ar["antal"].to_numpy(),
                "Konfidensintervall, nedre (95 %)": per_ar["nedre"].round(1).to_numpy(),
                "Konfidensintervall, övre (95 %)": per_ar["ovre"].round(1).to_numpy(),
            }
        ),
    )
    u.figurdata["per_ar"] = per_ar

    pa_aret = brott[brott["tidpunkt"].dt.year == ar]
    typer = pa_aret["brottstyp"].value_counts().loc[lambda s: s > 0]
    d["typer"] = [{"typ": str(t), "antal": tal(n)} for t, n in typer.items()]
    u.tabeller["brott-per-typ"] = (
        f"Anmälda brott {ar} per brottstyp",
        pd.DataFrame({"Brottstyp": [str(t) for t in typer.index], "Antal brott": typer.to_numpy()}),
    )

    # Tidsmönster: våldsbrott på helgnätter, alla år i datan (kapitel 5, Tid).
    vald = brott[brott["brottstyp"].isin(tp.VALDSBROTT)]
    butik = brott[brott["brottstyp"] == "Butiksstöld"]
    d["vald_antal"] = tal(len(vald))
    d["vald_helgnatt"] = None
    if len(vald):
        andel = float(tp.pa_helgnatt(vald["tidpunkt"]).mean())
        nedre, ovre = tp.wilson_intervall(andel, len(vald))
        d["vald_helgnatt"] = {
            "andel": procent(andel),
            "ki": intervall_procent(nedre, ovre),
            "tidens_andel": procent(12 / 168),
            "fler": bool(nedre > 12 / 168),
        }
    u.figurdata["tid"] = {"Våld": tp.veckodag_och_timme(vald), "Butiksstöld": tp.veckodag_och_timme(butik)}
    matris = tp.veckodag_och_timme(vald)
    u.tabeller["vald-veckodag-timme"] = (
        f"Våldsbrott {plats.forsta_ar}–{plats.sista_ar} per veckodag och timme",
        matris.set_axis([d_.capitalize() for d_ in tp.VECKODAGAR], axis=0)
        .set_axis([f"Klockan {t}" for t in range(24)], axis=1)
        .rename_axis("Veckodag")
        .reset_index(),
    )

    # Koncentration och hot spots i rutnätet (kapitel 5, Koncentration och Hot spots).
    omraden = tp.las_omraden(plats) if plats.har("omraden.geojson") else None
    d["har_omraden"] = omraden is not None
    brott_ar = tp.brott_for_rutnat(brott, ar)
    d["polisinitierade"] = tal(len(pa_aret) - len(brott_ar))
    d["rutor_finns"] = len(brott_ar) > 0
    if len(brott_ar):
        studie = tp.studieomradets_granser(omraden, brott)
        rutor = tp.rutnat(brott_ar, storlek=RUTSTORLEK, utstrackning=studie)
        antal = rutor["antal"]
        halften = tp.andel_platser_for_andel_brott(antal, 0.5)
        topp10 = float(antal.nlargest(10).sum() / antal.sum())
        permutationer = tp.omkastningar_for_bonferroni(len(rutor), alfa=0.05)
        gi = tp.gi_star(rutor, kolumn="antal", permutationer=permutationer, fro=tp.GI_FRO, alfa=0.05)
        hot = gi["klass"] == "hot spot"
        d.update(
            {
                "antal_i_rutnat": tal(len(brott_ar)),
                "antal_rutor": tal(len(rutor)),
                "rutor_med_brott": tal(int((antal > 0).sum())),
                "halften_alla": procent(halften, 1),
                "halften_antal": tal(round(halften * len(rutor))),
                "andel_topp10": procent(topp10),
                "hot_spots": int(hot.sum()),
                "hot_spots_text": tal(int(hot.sum())),
                "brott_i_hot_spots": procent(float(antal[hot].sum() / antal.sum())) if hot.any() else None,
                "rutstorlek": RUTSTORLEK,
                "permutationer": tal(permutationer),
            }
        )
        u.figurdata["koncentration"] = {"kurva": tp.koncentrationskurva(antal), "halften": halften}
        u.figurdata["hot_spots"] = {
            "rutor": rutor,
            "gi": gi,
            "omraden": omraden,
            "landmarken": plats.landmarken,
        }
        u.tabeller["hot-spots"] = (
            "Rutor som är hot spots (Gi*, FDR-justerat)",
            pd.DataFrame(
                {
                    "Rutans hörn i öst (m)": rutor.loc[hot, "ruta_x"].astype(int).to_numpy(),
                    "Rutans hörn i nord (m)": rutor.loc[hot, "ruta_y"].astype(int).to_numpy(),
                    "Rutans sida (m)": RUTSTORLEK,
                    "Antal brott": antal[hot].to_numpy(),
                    "Justerat p-värde (FDR)": gi.loc[hot, "p_fdr"].round(4).to_numpy(),
                }
            ),
        )

    # Brott per besökare, där platsen har besöksräkning (kapitel 5, Per besökare).
    d["besok"] = {
        "finns": False,
        "inget_ar": False,
        "saknas": [f for f in ("raknare.csv", "flode.csv") if not plats.har(f)],
    }
    if not d["besok"]["saknas"]:
        flode = tp.las_flode(plats)
        flode_ar = flode[flode["tidpunkt"].dt.year == ar]
        raknare = tp.las_raknare(plats)
        besokare = flode_ar.groupby("raknare")["antal"].sum()
        raknare = raknare[raknare["raknare"].map(besokare).fillna(0) > 0]
        if len(raknare):
            j = tp.brott_per_besokare(pa_aret, flode_ar, raknare, RADIE, tp.BROTT_MOT_PERSON)
            storst = j["tal"].idxmax()
            ovriga = j.drop(index=storst)
            d["besok"] = {
                "finns": True,
                "radie": RADIE,
                "rader": [
                    {
                        "plats": r["plats"],
                        "brott": tal(r["brott"]),
                        "besokare": tal(r["besokare"]),
                        "tal": tal(r["tal"], 3),
                        "ki": f"{tal(r['nedre'], 3)}–{tal(r['ovre'], 3)}",
                        "borttagna": tal(r["borttagna"]),
                    }
                    for _, r in j.iterrows()
                ],
                "storst": j.loc[storst, "plats"],
                "storst_tal": tal(j.loc[storst, "tal"], 3),
                "sticker_ut": bool(len(ovriga) and j.loc[storst, "nedre"] > ovriga["ovre"].max()),
                "flera": len(j) > 1,
            }
            u.figurdata["besok"] = j
            u.tabeller["brott-per-besokare"] = (
                f"Brott mot person per 1 000 besökare {ar}",
                pd.DataFrame(
                    {
                        "Plats": j["plats"].to_numpy(),
                        f"Brott mot person inom {RADIE} m": j["brott"].to_numpy(),
                        "Borttagna (ingen räkning)": j["borttagna"].to_numpy(),
                        "Besökare": j["besokare"].to_numpy(),
                        "Brott per 1 000 besökare": j["tal"].round(4).to_numpy(),
                        "Konfidensintervall, nedre (95 %)": j["nedre"].round(4).to_numpy(),
                        "Konfidensintervall, övre (95 %)": j["ovre"].round(4).to_numpy(),
                    }
                ),
            )
        else:
            d["besok"]["inget_ar"] = True
    return d


# ---------------------------------------------------------------------------
# Besiktning och trygghetsvandring
# ---------------------------------------------------------------------------


def _besiktning(plats: tp.Plats, ar: int, u: Underlag) -> dict:
    if not plats.har("besiktning.csv"):
        return {"finns": False, "senare": False}
    b = tp.las_besiktning(plats)
    b = b[b["ar"] <= ar]
    if b.empty:
        return {"finns": False, "senare": True}
    senaste = int(b["ar"].max())
    s = b[b["ar"] == senaste].assign(niva=lambda x: tp.besiktningsniva(x["poang"]))
    per_faktor = s.groupby("faktor", observed=True)["poang"].agg(["mean", "min"])
    roda = s[s["niva"] == "Röd"]
    d = {
        "finns": True,
        "ar": senaste,
        "delplatser": lista(sorted(s["delplats"].astype(str).unique())),
        "antal_bedomningar": tal(len(s)),
        "antal_roda": tal(len(roda)),
        "faktorer": [
            {"faktor": str(f), "medel": tal(r["mean"], 1), "lagst": tal(r["min"])}
            for f, r in per_faktor.iterrows()
        ],
        "lagst_faktor": str(per_faktor["mean"].idxmin()),
        "roda_faktorer": lista(sorted(roda["faktor"].astype(str).unique())),
    }
    u.figurdata["besiktning"] = per_faktor
    u.tabeller["besiktning"] = (
        f"Trygghetsbesiktningen {senaste}: poäng per faktor",
        pd.DataFrame(
            {
                "Faktor": [str(f) for f in per_faktor.index],
                "Medelpoäng (0–20)": per_faktor["mean"].round(1).to_numpy(),
                "Lägsta poäng": per_faktor["min"].to_numpy(),
            }
        ),
    )
    return d


def _vandring(plats: tp.Plats, ar: int, u: Underlag) -> dict:
    if not plats.har("trygghetsvandring.csv"):
        return {"finns": False, "senare": False}
    t = tp.las_trygghetsvandring(plats)
    t = t[t["datum"].dt.year <= ar]
    if t.empty:
        return {"finns": False, "senare": True}
    senaste = int(t["datum"].dt.year.max())
    t = t[t["datum"].dt.year == senaste]
    per_typ = t["problemtyp"].value_counts().loc[lambda s: s > 0]
    d = {
        "finns": True,
        "ar": senaste,
        "antal": tal(len(t)),
        "grupper": lista(sorted(t["grupp"].astype(str).unique())),
        "typer": [{"typ": str(k), "antal": tal(v)} for k, v in per_typ.items()],
        "vanligast": str(per_typ.index[0]),
    }
    u.tabeller["trygghetsvandring"] = (
        f"Trygghetsvandringen {senaste}: iakttagelser per problemtyp",
        pd.DataFrame(
            {"Problemtyp": [str(k) for k in per_typ.index], "Antal iakttagelser": per_typ.to_numpy()}
        ),
    )
    return d


# ---------------------------------------------------------------------------
# Allt
# ---------------------------------------------------------------------------


def berakna(plats: tp.Plats, ar: int) -> Underlag:
    """Räkna allt som lägesbilden för ``plats`` och året ``ar`` visar."""
    if not plats.forsta_ar <= ar <= plats.sista_ar:
        raise tp.PlatsFel(
            f"Året {ar} ligger utanför platsens data ({plats.forsta_ar}–{plats.sista_ar}). "
            f"Välj ett år från {plats.forsta_ar} till {plats.sista_ar} med --ar."
        )
    u = Underlag()
    u.varden["kallor"] = []
    for namn in KALLOR:
        rader = _antal_rader(plats, namn)
        u.varden["kallor"].append(
            {
                "fil": namn,
                "finns": plats.har(namn),
                "rader_antal": rader,
                "rader": None if rader is None else tal(rader),
            }
        )
    u.varden["saknade_kallor"] = [k["fil"] for k in u.varden["kallor"] if not k["finns"]]
    u.varden["enkat"] = _enkat(plats, ar, u)
    u.varden["brott"] = _brott(plats, ar, u)
    u.varden["besiktning"] = _besiktning(plats, ar, u)
    u.varden["vandring"] = _vandring(plats, ar, u)
    return u
