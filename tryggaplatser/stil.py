"""Handbokens diagramstil.

Färgerna kommer från Okabe och Itos palett, som går att skilja åt även för
den som har nedsatt färgseende. Axlarnas tal visas på svenskt sätt.
"""

from __future__ import annotations

import matplotlib as mpl
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import FuncFormatter

from tryggaplatser.formatering import formatera_procent, formatera_tabelltal, formatera_tal

#: Okabe–Ito-paletten, i den ordning diagrammen använder den.
FARGER = {
    "bla": "#0072B2",
    "orange": "#E69F00",
    "gron": "#009E73",
    "vermiljon": "#D55E00",
    "himmelsbla": "#56B4E9",
    "lila": "#CC79A7",
    "gul": "#F0E442",
    "svart": "#000000",
}


def anvand_stil() -> None:
    """Ställ in matplotlib och pandas efter handbokens stil.

    Sätter färgordning, typsnittsstorlek, rutnät och en fast upplösning så att
    diagrammen ser likadana ut varje gång notebooken körs. Decimaltal i
    pandas-tabeller visas med decimalkomma (:func:`formatera_tabelltal`).

    Exempel
    -------
    >>> anvand_stil()
    >>> import matplotlib as mpl
    >>> mpl.rcParams["axes.prop_cycle"].by_key()["color"][0]
    '#0072B2'
    >>> import pandas as pd
    >>> print(pd.DataFrame({"andel": [0.25, -1234.5]}))
           andel
    0       0,25
    1  −1\xa0234,5
    >>> pd.reset_option("display.float_format")
    """
    mpl.rcParams.update(
        {
            "axes.prop_cycle": mpl.cycler(color=list(FARGER.values())),
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "grid.color": "#d0d0d0",
            "grid.linewidth": 0.6,
            "font.size": 11,
            "figure.figsize": (7.5, 4.2),
            "figure.dpi": 100,
            "savefig.dpi": 100,
            "axes.formatter.use_locale": False,
            "svg.hashsalt": "tryggaplatser",
        }
    )
    pd.set_option("display.float_format", formatera_tabelltal)


def svenska_tal_pa_axel(ax: Axes, axel: str = "y", decimaler: int = 0, procent: bool = False) -> None:
    """Visa en axels tal med svenska format.

    Parametrar
    ----------
    ax : matplotlib.axes.Axes
        Diagrammets axlar.
    axel : {"x", "y"}
        Vilken axel som ska formateras.
    decimaler : int
        Antal decimaler.
    procent : bool
        Om värdena är andelar (0–1) som ska visas som procent.

    Exempel
    -------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> svenska_tal_pa_axel(ax, "y", procent=True)
    >>> ax.yaxis.get_major_formatter()(0.25, 0)
    '25\\xa0%'
    >>> plt.close(fig)
    """
    if axel not in ("x", "y"):
        raise ValueError(f'svenska_tal_pa_axel: axel måste vara "x" eller "y", inte {axel!r}.')

    def _format(varde: float, _pos: int) -> str:
        if procent:
            return formatera_procent(varde, decimaler)
        return formatera_tal(varde, decimaler)

    mal = ax.yaxis if axel == "y" else ax.xaxis
    mal.set_major_formatter(FuncFormatter(_format))
