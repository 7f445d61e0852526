"""Lägesbildens diagram, ritade med handbokens stil och sparade som PNG.

Diagrammen följer kapitlens diagram: samma data, samma färger och samma
svenska axlar. Kartan visar bara rutor i rutnätet, aldrig enskilda brott.
"""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

import tryggaplatser as tp  # noqa: E402

UPPLOSNING = 110


def _png(fig) -> bytes:
    ut = io.BytesIO()
    fig.savefig(ut, format="png", dpi=UPPLOSNING, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return ut.getvalue()


def trend(data: pd.DataFrame) -> bytes:
    """Andel otrygga per mätår med 95-procentiga konfidensintervall."""
    synliga = data[data["status"] != "dold"]
    fig, ax = plt.subplots(figsize=(7.5, 3.4))
    ax.errorbar(
        synliga.index,
        synliga["andel"],
        yerr=[synliga["andel"] - synliga["ki_nedre"], synliga["ki_ovre"] - synliga["andel"]],
        fmt="o-",
        color=tp.FARGER["bla"],
        capsize=4,
    )
    for ar, andel in synliga["andel"].items():
        ax.annotate(
            tp.formatera_procent(andel), (ar, andel), xytext=(8, 0), textcoords="offset points", va="center"
        )
    ax.set_xticks(list(data.index), [str(a) for a in data.index])
    ax.set_xlabel("Mätår")
    ax.set_ylabel("Andel otrygga (procent)")
    ax.set_ylim(0, max(0.5, float(synliga["ki_ovre"].max()) * 1.15) if len(synliga) else 1)
    tp.svenska_tal_pa_axel(ax, "y", procent=True)
    return _png(fig)


def grupper(tabeller: dict[str, pd.DataFrame]) -> bytes:
    """Andel otrygga per kön, åldersgrupp och område; dolda grupper får bara texten "dold"."""
    rubriker = {"kon": "Kön", "aldersgrupp": "Åldersgrupp", "omrade": "Område"}
    hojder = [max(len(t), 1) + 1 for t in tabeller.values()]
    fig, axlar = plt.subplots(
        len(tabeller),
        1,
        figsize=(7.5, 1.0 + 0.38 * sum(hojder)),
        sharex=True,
        gridspec_kw={"height_ratios": hojder},
        squeeze=False,
    )
    storst = 0.6
    for ax, (kolumn, t) in zip(axlar[:, 0], tabeller.items(), strict=True):
        y = np.arange(len(t))
        ax.errorbar(
            t["andel"],
            y,
            xerr=[t["andel"] - t["ki_nedre"], t["ki_ovre"] - t["andel"]],
            fmt="o",
            color=tp.FARGER["bla"],
            capsize=4,
        )
        for x, yy in zip(t["andel"], y, strict=True):
            if pd.notna(x):
                ax.annotate(
                    tp.formatera_procent(x),
                    (x, yy),
                    xytext=(0, 6),
                    textcoords="offset points",
                    ha="center",
                    fontsize=9,
                )
        ax.set_yticks(
            y, [f"{g} (dold)" if s == "dold" else str(g) for g, s in zip(t.index, t["status"], strict=True)]
        )
        ax.set_ylim(-0.7, len(t) - 0.3)
        ax.invert_yaxis()
        ax.set_ylabel(rubriker.get(kolumn, kolumn))
        if t["ki_ovre"].notna().any():
            storst = max(storst, float(np.ceil(t["ki_ovre"].max() * 10) / 10))
    axlar[-1, 0].set_xlim(0, storst)
    axlar[-1, 0].set_xlabel("Andel otrygga vid utevistelse sen kväll (procent)")
    tp.svenska_tal_pa_axel(axlar[-1, 0], "x", procent=True)
    fig.align_ylabels(axlar[:, 0])
    return _png(fig)


def per_ar(data: pd.DataFrame, ar: int) -> bytes:
    """Anmälda brott per år med Poissonintervall; det valda året markeras."""
    fig, ax = plt.subplots(figsize=(7.5, 3.4))
    ax.errorbar(
        data.index,
        data["antal"],
        yerr=[data["antal"] - data["nedre"], data["ovre"] - data["antal"]],
        fmt="o",
        capsize=4,
        color=tp.FARGER["bla"],
    )
    if ar in data.index:
        ax.plot(
            [ar],
            [data.loc[ar, "antal"]],
            marker="s",
            markersize=11,
            markerfacecolor="none",
            markeredgecolor=tp.FARGER["vermiljon"],
            linestyle="none",
            label=f"Rapportens år ({ar})",
        )
        ax.legend(loc="lower right", frameon=False)
    for a, n in data["antal"].items():
        ax.annotate(tp.formatera_tal(n), (a, n), xytext=(9, 0), textcoords="offset points", va="center")
    ax.set_xticks(list(data.index), [str(a) for a in data.index])
    ax.set_xlabel("År")
    ax.set_ylabel("Antal anmälda brott")
    ax.set_ylim(0, max(float(data["ovre"].max()), 1) * 1.1)
    tp.svenska_tal_pa_axel(ax, "y")
    return _png(fig)


def tid(matriser: dict[str, pd.DataFrame]) -> bytes:
    """Värmekartor: brott per veckodag och timme."""
    fig, axlar = plt.subplots(
        len(matriser), 1, figsize=(7.5, 3.1 * len(matriser)), sharex=True, squeeze=False
    )
    for ax, (namn, matris) in zip(axlar[:, 0], matriser.items(), strict=True):
        ax.grid(False)
        ax.set_ylabel(namn)
        if matris.to_numpy().sum() == 0:
            ax.text(
                0.5,
                0.5,
                f"Inga brott av typen {namn.lower()} i datan",
                ha="center",
                va="center",
                transform=ax.transAxes,
            )
            ax.set_yticks([])
            continue
        bild = ax.imshow(matris.to_numpy(), aspect="auto", cmap="cividis", interpolation="nearest")
        ax.set_yticks(range(7), tp.VECKODAGAR)
        fig.colorbar(bild, ax=ax, pad=0.02).set_label("Antal brott")
    axlar[-1, 0].set_xticks(range(0, 24, 2))
    axlar[-1, 0].set_xlabel("Timme på dygnet (klockan 0 = 00.00–00.59)")
    return _png(fig)


def koncentration(data: dict) -> bytes:
    """Koncentrationskurvan för alla rutor, med en jämn fördelning som jämförelse."""
    kurva, halften = data["kurva"], data["halften"]
    fig, ax = plt.subplots(figsize=(7.5, 4.2))
    ax.plot([0, 1], [0, 1], color="grey", linewidth=0.8, linestyle="--", label="Jämn fördelning")
    ax.plot(
        kurva["andel_platser"], kurva["andel_brott"], color=tp.FARGER["bla"], linewidth=2, label="Alla rutor"
    )
    ax.axhline(0.5, color="grey", linestyle="-.", linewidth=0.8)
    ax.annotate(
        f"Hälften av brotten:\n{tp.formatera_procent(halften, 1)} av rutorna",
        xy=(halften, 0.5),
        xytext=(0.2, 0.3),
        arrowprops={"arrowstyle": "->"},
    )
    ax.set_xlabel("Andel av rutorna (flest brott först)")
    ax.set_ylabel("Andel av brotten")
    tp.svenska_tal_pa_axel(ax, "x", procent=True)
    tp.svenska_tal_pa_axel(ax, "y", procent=True)
    ax.legend(frameon=False, loc="lower right")
    return _png(fig)


def hot_spots(data: dict) -> bytes:
    """Rutnätet med hot spots markerade. Bara rutor visas, aldrig enskilda brott."""
    rutor, gi, omraden = data["rutor"], data["gi"], data["omraden"]
    storlek = float(rutor["ruta_x"].diff().abs().replace(0, np.nan).min() or 100)
    rader, kolumner = rutor["ruta_y"].nunique(), rutor["ruta_x"].nunique()
    granser = (
        rutor["ruta_x"].min(),
        rutor["ruta_y"].min(),
        rutor["ruta_x"].max() + storlek,
        rutor["ruta_y"].max() + storlek,
    )
    antal = rutor["antal"].to_numpy().reshape(rader, kolumner).astype(float)
    antal[antal == 0] = np.nan
    hot = (gi["klass"] == "hot spot").to_numpy().reshape(rader, kolumner)
    fig, ax = plt.subplots(figsize=(7.5, 7.0))
    utbredning = [granser[0], granser[2], granser[1], granser[3]]
    bild = ax.imshow(
        antal,
        origin="lower",
        extent=utbredning,
        cmap="Greys",
        vmin=0,
        vmax=np.nanmax(antal) * 1.6 if np.isfinite(np.nanmax(antal)) else 1,
        interpolation="nearest",
        zorder=1,
    )
    fig.colorbar(bild, ax=ax, shrink=0.55, pad=0.02).set_label("Antal brott per ruta")
    for i, j in zip(*np.nonzero(hot), strict=True):
        x0, y0 = granser[0] + j * storlek, granser[1] + i * storlek
        ax.add_patch(
            plt.Rectangle(
                (x0, y0),
                storlek,
                storlek,
                facecolor=tp.FARGER["vermiljon"],
                alpha=0.85,
                hatch="xx",
                edgecolor="white",
                linewidth=0.5,
                zorder=3,
            )
        )
    if omraden is not None:
        for kod, stil in {"atgardsomrade": "-", "jamforelseomrade": "--"}.items():
            if (omraden["omrade"] == kod).any():
                omradet = omraden[omraden["omrade"] == kod]
                tp.rita_linjer(ax, omradet, color="black", linewidth=1.3, linestyle=stil, zorder=5)
    for lm in data["landmarken"]:
        if granser[0] <= lm.ost <= granser[2] and granser[1] <= lm.nord <= granser[3]:
            ax.annotate(
                lm.namn,
                (lm.ost, lm.nord),
                xytext=(6, 6),
                textcoords="offset points",
                fontsize=8,
                zorder=7,
                bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1},
            )
    tp.kartram(ax, granser)
    tp.skalstock(ax)
    tp.nordpil(ax, plats=(0.94, 0.17))
    ax.legend(
        handles=[
            Patch(
                facecolor=tp.FARGER["vermiljon"],
                hatch="xx",
                edgecolor="white",
                label="Hot spot (Gi*, FDR-justerat)",
            )
        ],
        loc="upper left",
        frameon=True,
        fontsize=9,
    )
    return _png(fig)


def besok(j: pd.DataFrame) -> bytes:
    """Brott mot person per 1 000 besökare vid varje räknare, med intervall."""
    j = j.sort_values("tal")
    fig, ax = plt.subplots(figsize=(7.5, 1.2 + 0.55 * len(j)))
    y = np.arange(len(j))
    ax.errorbar(
        j["tal"],
        y,
        xerr=[j["tal"] - j["nedre"], j["ovre"] - j["tal"]],
        fmt="o",
        color=tp.FARGER["bla"],
        capsize=4,
    )
    ax.set_yticks(y, list(j["plats"]))
    ax.set_ylim(-0.6, len(j) - 0.4)
    ax.set_xlim(0, float(j["ovre"].max()) * 1.1)
    ax.set_xlabel("Brott mot person per 1 000 besökare")
    tp.svenska_tal_pa_axel(ax, "x", decimaler=2)
    return _png(fig)


def besiktning(per_faktor: pd.DataFrame) -> bytes:
    """Medelpoäng per faktor i besiktningen, med gränserna för röd, gul och grön nivå."""
    t = per_faktor.iloc[::-1]
    fig, ax = plt.subplots(figsize=(7.5, 1.0 + 0.42 * len(t)))
    y = np.arange(len(t))
    ax.barh(y, t["mean"], color=tp.FARGER["himmelsbla"], edgecolor=tp.FARGER["bla"])
    for yy, v in zip(y, t["mean"], strict=True):
        ax.annotate(
            tp.formatera_tal(v, 1),
            (v, yy),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontsize=9,
        )
    ax.set_yticks(y, [str(f) for f in t.index])
    for grans, namn in ((7.5, "röd under"), (13.5, "grön över")):
        ax.axvline(grans, color="black", linestyle=":", linewidth=1)
        ax.annotate(namn, (grans, len(t) - 0.5), xytext=(3, 0), textcoords="offset points", fontsize=8)
    ax.set_xlim(0, 20)
    ax.set_xlabel("Medelpoäng (0 = allvarliga problem, 20 = bra)")
    tp.svenska_tal_pa_axel(ax, "x")
    return _png(fig)


def rita_alla(figurdata: dict, ar: int) -> dict[str, bytes]:
    """Rita de diagram som det finns data till. Nyckeln blir filnamnet (utan .png)."""
    tp.anvand_stil()
    ritare = {
        "trygghet-trend": (trend, "trend"),
        "trygghet-grupper": (grupper, "grupper"),
        "brott-per-ar": (lambda d: per_ar(d, ar), "per_ar"),
        "brott-veckodag-timme": (tid, "tid"),
        "koncentration": (koncentration, "koncentration"),
        "hot-spots": (hot_spots, "hot_spots"),
        "brott-per-besokare": (besok, "besok"),
        "besiktning": (besiktning, "besiktning"),
    }
    ut = {}
    for namn, (funktion, nyckel) in ritare.items():
        data = figurdata.get(nyckel)
        if data is None or (isinstance(data, dict) and not data):
            continue
        ut[namn] = funktion(data)
    pd.reset_option("display.float_format")
    return ut
