"""Svensk formatering av tal, andelar och datum.

Alla siffror som handboken visar, i text och i diagram, går genom de här
funktionerna. De bygger på Babel och svensk lokal (sv_SE): decimalkomma,
mellanslag som tusentalsavgränsare och mellanslag före procenttecknet.
Mellanslagen är hårda (U+00A0), så att ett tal aldrig bryts över två rader.
"""

from __future__ import annotations

import datetime as dt
import math

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent, get_minus_sign_symbol

LOKAL = "sv_SE"


def _kontrollera_tal(varde: object, funktion: str) -> float:
    if isinstance(varde, bool):
        raise TypeError(f"{funktion}: väntade ett tal men fick sanningsvärdet {varde!r}.")
    if not isinstance(varde, (int, float)):
        try:
            varde = float(varde)  # numpy-tal och Decimal
        except (TypeError, ValueError):
            raise TypeError(
                f"{funktion}: väntade ett tal men fick {varde!r} ({type(varde).__name__})."
            ) from None
    if math.isnan(varde) or math.isinf(varde):
        raise ValueError(f"{funktion}: kan inte formatera {varde!r}; talet saknas eller är oändligt.")
    return float(varde)


def _minustecken(text: str) -> str:
    # Babel skriver bindestreck med egna mönster; svensk lokal vill ha minustecknet (U+2212).
    return text.replace("-", get_minus_sign_symbol(LOKAL), 1) if text.startswith("-") else text


def formatera_tal(varde: float, decimaler: int = 0) -> str:
    """Formatera ett tal på svenskt sätt.

    Parametrar
    ----------
    varde : float
        Talet som ska visas.
    decimaler : int, standard 0
        Antal decimaler. Talet avrundas till så många.

    Returnerar
    ----------
    str
        Talet med decimalkomma och hårt mellanslag mellan tusental.

    Exempel
    -------
    >>> formatera_tal(12345)
    '12\\xa0345'
    >>> formatera_tal(3.14159, decimaler=2)
    '3,14'
    >>> formatera_tal(-0.5, decimaler=1)
    '−0,5'
    """
    tal = _kontrollera_tal(varde, "formatera_tal")
    if decimaler < 0:
        raise ValueError("formatera_tal: decimaler kan inte vara negativt.")
    monster = "#,##0" + ("." + "0" * decimaler if decimaler else "")
    return _minustecken(format_decimal(round(tal, decimaler), format=monster, locale=LOKAL))


def formatera_tabelltal(varde: float) -> str:
    """Formatera ett decimaltal för en tabell: högst fyra decimaler, inga onödiga nollor.

    Handbokens stil (:func:`tryggaplatser.anvand_stil`) låter pandas visa alla
    decimaltal i tabeller med den här funktionen.

    Exempel
    -------
    >>> formatera_tabelltal(621.966)
    '621,966'
    >>> formatera_tabelltal(1234.5)
    '1\\xa0234,5'
    >>> formatera_tabelltal(0.000123)
    '0,0001'
    >>> formatera_tabelltal(-2.0)
    '−2'
    """
    tal = _kontrollera_tal(varde, "formatera_tabelltal")
    return _minustecken(format_decimal(round(tal, 4), format="#,##0.####", locale=LOKAL))


def formatera_procent(andel: float, decimaler: int = 0) -> str:
    """Formatera en andel (0–1) som procent på svenskt sätt.

    Parametrar
    ----------
    andel : float
        Andelen som decimaltal, till exempel 0.46 för 46 procent.
    decimaler : int, standard 0
        Antal decimaler i procenttalet.

    Returnerar
    ----------
    str
        Procenttalet med hårt mellanslag före procenttecknet.

    Exempel
    -------
    >>> formatera_procent(0.46)
    '46\\xa0%'
    >>> formatera_procent(0.2549, decimaler=1)
    '25,5\\xa0%'
    >>> formatera_procent(-0.03)
    '−3\\xa0%'
    """
    tal = _kontrollera_tal(andel, "formatera_procent")
    if decimaler < 0:
        raise ValueError("formatera_procent: decimaler kan inte vara negativt.")
    monster = "#,##0" + ("." + "0" * decimaler if decimaler else "") + "\xa0%"
    return _minustecken(format_percent(round(tal, decimaler + 2), format=monster, locale=LOKAL))


def formatera_datum(datum: dt.date, form: str = "kort") -> str:
    """Formatera ett datum på svenskt sätt.

    Parametrar
    ----------
    datum : datetime.date
        Datumet (ett ``datetime`` går också bra; klockslaget visas inte).
    form : {"kort", "lang"}
        ``"kort"`` ger ÅÅÅÅ-MM-DD, ``"lang"`` ger till exempel 1 juli 2023.

    Exempel
    -------
    >>> import datetime
    >>> formatera_datum(datetime.date(2023, 7, 1))
    '2023-07-01'
    >>> formatera_datum(datetime.date(2023, 7, 1), form="lang")
    '1 juli 2023'
    """
    if not isinstance(datum, dt.date):
        raise TypeError(f"formatera_datum: väntade ett datum men fick {datum!r}.")
    if form == "kort":
        return datum.strftime("%Y-%m-%d")
    if form == "lang":
        return format_date(datum, format="d MMMM y", locale=LOKAL)
    raise ValueError(f'formatera_datum: form måste vara "kort" eller "lang", inte {form!r}.')
