"""Flödesfiler i bred form: en kolumn per räknare, som Mellanstads ``flode.csv``.

Varje räknarkolumn tolkas som antal; i datan blir det lång form, en rad per
tidsperiod och räknare. En tom eller felaktig cell lämnar bara den räknaren
utanför för raden; en rad utan ett enda antal lämnas utanför.
"""

from __future__ import annotations

import numpy as np

from tryggaplatser.rapport import FilFel, Radlogg

from .tal import ANTAL, tal_kolumn, tal_med_regler

__all__ = ["las_bred_flode"]


def las_bred_flode(tabell, val, data, ute: Radlogg, anm: Radlogg, rapport) -> list[str]:
    """En kolumn per räknare (som Mellanstads flode.csv): tal per räknare, i lång form senare."""
    raknare = []
    for i, rubrik in enumerate(tabell.rubriker):
        if i in val.values() or not rubrik:
            continue
        _, fel = tal_kolumn(tabell.unika(i))
        ifyllda = ~tabell.tom(i)
        if ifyllda.any() and fel[ifyllda].mean() <= 0.1:
            raknare.append(i)
    if not raknare:
        raise FilFel(
            f"Filen {tabell.namn} saknar kolumnen Antal. Väntade antingen lång form, en rad per "
            "tidsperiod och räknare med kolumnerna Datum (eller Tidpunkt), Räknare och Antal "
            "(heltal, minst 0), eller bred form, en kolumn per räknare med antalet, som "
            "”Tidpunkt;Busstationen;Stortorget”. Kolumnerna i filen är: "
            + ", ".join(f"”{r}”" for r in tabell.rubriker if r)
            + "."
        )
    namn = [tabell.rubriker[i] for i in raknare]
    for i in raknare:
        data[("antal", tabell.rubriker[i])] = tal_med_regler(tabell, i, ute, anm, vid_fel="saknas",
                                                             **ANTAL)
        anm.lagg_till(
            tabell.rader[tabell.tom(i)],
            "inget antal (tom cell); räknaren saknas på raden",
            tabell.rubriker[i],
        )
        rapport.kanda_kolumner[tabell.rubriker[i]] = f"antal för räknaren {tabell.rubriker[i]}"
        if tabell.rubriker[i] in rapport.ignorerade_kolumner:
            rapport.ignorerade_kolumner.remove(tabell.rubriker[i])
    alla_saknas = np.all([np.isnan(data[("antal", n)]) for n in namn], axis=0)
    ute.lagg_till(tabell.rader[alla_saknas], "inget antal på raden för någon räknare")
    rapport.format.append(
        f"bred form: en kolumn per räknare ({', '.join(namn)}); varje rad blev en rad per räknare"
    )
    return namn
