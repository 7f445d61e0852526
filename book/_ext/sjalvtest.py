"""Självtest i webbläsaren: en YAML-fil per kapitel blir en sida med frågor.

Direktivet ``{sjalvtest} kap04.yml`` läser filen (sökvägen räknas från sidans
mapp) när handboken byggs och skriver frågorna som vanlig HTML:

- varje fråga är ett formulär med ``fieldset`` och ``legend``;
- flervalsfrågor har radioknappar med etiketter, talfrågor ett textfält med etikett;
- knappen *Svara* visar återkopplingen i ett område med ``aria-live``, så att en
  skärmläsare läser upp den;
- skriptet ``_static/sjalvtest.js`` och stilen ``_static/sjalvtest.css`` laddas
  bara på sidor med ett självtest. Inget hämtas från andra webbplatser.

Filens form::

    titel: Modellen Trygga platser
    fragor:
      - fraga: Hur länge pågår instegsmodellen?
        alternativ: [6 månader, 12 månader, 24 månader]
        ratt: 2              # alternativets nummer, från 1
        forklaring: Instegsmodellen pågår i 12 månader ...
      - fraga: Hur många aspekter av miljön ...?
        tal: 9               # rätt svar
        tolerans: 0          # hur långt ifrån som räknas som rätt
        enhet: aspekter      # visas efter fältet (frivillig)
        forklaring: ...

Samma läsare (:func:`las_sjalvtest`) används av ``scripts/gor_utdelning.py``.
Fel i filen blir en varning vid bygget, och med ``-W`` ett fel.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

import yaml
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)

MINST_FRAGOR = 5
HOGST_FRAGOR = 8


class SjalvtestFel(ValueError):
    """En självtestfil går inte att använda."""


@dataclass(frozen=True)
class Fraga:
    """En fråga i ett självtest.

    ``alternativ`` och ``ratt`` (nummer från 1) gäller flervalsfrågor;
    ``tal``, ``tolerans`` och ``enhet`` gäller talfrågor.
    """

    fraga: str
    forklaring: str
    alternativ: tuple[str, ...] = ()
    ratt: int | None = None
    tal: float | None = None
    tolerans: float = 0.0
    enhet: str = ""

    @property
    def ar_tal(self) -> bool:
        return self.tal is not None

    def ratt_svar(self) -> str:
        """Det rätta svaret i text, som i facit.

        Exempel
        -------
        >>> Fraga("Hur många?", "Nio.", tal=9, enhet="aspekter").ratt_svar()
        '9 aspekter'
        >>> Fraga("Vilken?", "B.", alternativ=("A", "B"), ratt=2).ratt_svar()
        'B'
        >>> Fraga("Hur mycket?", "Så.", tal=4.5, tolerans=0.1).ratt_svar()
        '4,5 (4,4–4,6 räknas som rätt)'
        """
        if not self.ar_tal:
            return self.alternativ[self.ratt - 1]
        text = f"{_svenskt_tal(self.tal)} {self.enhet}".strip()
        if self.tolerans:
            lag, hog = _svenskt_tal(self.tal - self.tolerans), _svenskt_tal(self.tal + self.tolerans)
            text += f" ({lag}–{hog} räknas som rätt)"
        return text

    def ar_ratt(self, svar: str) -> bool:
        """True om ``svar`` (text som läsaren skrev eller alternativets nummer) är rätt.

        Samma regel som skriptet i webbläsaren: decimalkomma eller decimalpunkt,
        mellanslag tas bort, och svaret får ligga högst ``tolerans`` från rätt svar.

        Exempel
        -------
        >>> f = Fraga("Hur mycket?", "Så.", tal=4.5, tolerans=0.1)
        >>> f.ar_ratt("4,5"), f.ar_ratt("4.6"), f.ar_ratt("4,7"), f.ar_ratt("fyra")
        (True, True, False, False)
        """
        if not self.ar_tal:
            return svar.strip() == str(self.ratt)
        try:
            varde = float(svar.replace(" ", "").replace("\u00a0", "").replace(",", "."))
        except ValueError:
            return False
        # Samma lilla marginal som i skriptet, så att 4,6 räknas som högst 0,1 från 4,5.
        return abs(varde - self.tal) <= self.tolerans + 1e-9


@dataclass(frozen=True)
class Sjalvtest:
    """Ett kapitels självtest: titel och frågor."""

    titel: str
    fragor: tuple[Fraga, ...]


def _svenskt_tal(tal: float) -> str:
    """Ett tal med decimalkomma och utan onödiga decimaler: 12, 4,5."""
    text = f"{tal:.6f}".rstrip("0").rstrip(".")
    return text.replace(".", ",").replace("-", "−")


def _text(post: dict, nyckel: str, fil: Path, nummer: int) -> str:
    varde = post.get(nyckel)
    if not isinstance(varde, str) or not varde.strip():
        raise SjalvtestFel(f"{fil}: fråga {nummer} saknar {nyckel!r} (en text).")
    return " ".join(varde.split())


def las_sjalvtest(fil: str | Path) -> Sjalvtest:
    """Läs och kontrollera en självtestfil.

    Varje fråga har en fråga och en förklaring, och antingen två eller fler
    alternativ med ett rätt (``ratt``, nummer från 1) eller ett tal. Ett test har
    5–8 frågor.

    Exempel
    -------
    >>> import tempfile, pathlib
    >>> fil = pathlib.Path(tempfile.mkdtemp()) / "kap.yml"
    >>> _ = fil.write_text("titel: T\\nfragor:\\n  - fraga: F\\n    tal: 1\\n", encoding="utf-8")
    >>> las_sjalvtest(fil)
    Traceback (most recent call last):
    ...
    sjalvtest.SjalvtestFel: ...: fråga 1 saknar 'forklaring' (en text).
    """
    fil = Path(fil)
    try:
        data = yaml.safe_load(fil.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SjalvtestFel(f"Självtestfilen {fil} finns inte.") from None
    except (yaml.YAMLError, UnicodeDecodeError) as fel:
        raise SjalvtestFel(f"{fil} går inte att läsa som YAML (UTF-8): {fel}") from None
    if not isinstance(data, dict) or not isinstance(data.get("titel"), str):
        raise SjalvtestFel(f"{fil}: filen ska ha nycklarna 'titel' (en text) och 'fragor' (en lista).")
    poster = data.get("fragor")
    if not isinstance(poster, list):
        raise SjalvtestFel(f"{fil}: 'fragor' ska vara en lista med frågor.")
    if not MINST_FRAGOR <= len(poster) <= HOGST_FRAGOR:
        raise SjalvtestFel(
            f"{fil}: ett självtest ska ha {MINST_FRAGOR}–{HOGST_FRAGOR} frågor, inte {len(poster)}.")
    fragor = []
    for nummer, post in enumerate(poster, start=1):
        if not isinstance(post, dict):
            raise SjalvtestFel(f"{fil}: fråga {nummer} ska ha nycklar och värden.")
        okanda = set(post) - {"fraga", "forklaring", "alternativ", "ratt", "tal", "tolerans", "enhet"}
        if okanda:
            raise SjalvtestFel(f"{fil}: fråga {nummer} har okända nycklar: {', '.join(sorted(okanda))}.")
        fraga, forklaring = _text(post, "fraga", fil, nummer), _text(post, "forklaring", fil, nummer)
        har_alternativ, har_tal = "alternativ" in post, "tal" in post
        if har_alternativ == har_tal:
            raise SjalvtestFel(f"{fil}: fråga {nummer} ska ha antingen 'alternativ' eller 'tal'.")
        if har_tal:
            tal, tolerans = post["tal"], post.get("tolerans", 0)
            if isinstance(tal, bool) or not isinstance(tal, int | float):
                raise SjalvtestFel(f"{fil}: fråga {nummer}: 'tal' ska vara ett tal, inte {tal!r}.")
            if isinstance(tolerans, bool) or not isinstance(tolerans, int | float) or tolerans < 0:
                raise SjalvtestFel(f"{fil}: fråga {nummer}: 'tolerans' ska vara ett tal från 0.")
            enhet = post.get("enhet", "")
            if not isinstance(enhet, str):
                raise SjalvtestFel(f"{fil}: fråga {nummer}: 'enhet' ska vara en text.")
            fragor.append(Fraga(fraga, forklaring, tal=float(tal), tolerans=float(tolerans), enhet=enhet))
            continue
        alternativ = post["alternativ"]
        if (not isinstance(alternativ, list) or len(alternativ) < 2
                or not all(isinstance(a, str | int) and str(a).strip() for a in alternativ)):
            raise SjalvtestFel(f"{fil}: fråga {nummer}: 'alternativ' ska vara en lista med minst två texter.")
        alternativ = tuple(" ".join(str(a).split()) for a in alternativ)
        if len(set(alternativ)) != len(alternativ):
            raise SjalvtestFel(f"{fil}: fråga {nummer}: två alternativ är likadana.")
        ratt = post.get("ratt")
        if isinstance(ratt, bool) or not isinstance(ratt, int) or not 1 <= ratt <= len(alternativ):
            raise SjalvtestFel(
                f"{fil}: fråga {nummer}: 'ratt' ska vara numret på det rätta alternativet, "
                f"1–{len(alternativ)}, inte {ratt!r}.")
        if {"tolerans", "enhet"} & set(post):
            raise SjalvtestFel(f"{fil}: fråga {nummer}: 'tolerans' och 'enhet' gäller bara talfrågor.")
        fragor.append(Fraga(fraga, forklaring, alternativ=alternativ, ratt=ratt))
    return Sjalvtest(" ".join(data["titel"].split()), tuple(fragor))


def html_for_sjalvtest(test: Sjalvtest, prefix: str) -> str:
    """Självtestet som HTML. ``prefix`` gör id:n unika på sidan (till exempel ``kap04``)."""
    delar = [f'<div class="sjalvtest" data-antal="{len(test.fragor)}">']
    for nummer, fraga in enumerate(test.fragor, start=1):
        fid = f"{prefix}-f{nummer}"
        if fraga.ar_tal:
            data = (f'data-typ="tal" data-tal="{fraga.tal!r}" data-tolerans="{fraga.tolerans!r}" '
                    f'data-ratt-text="{escape(fraga.ratt_svar())}"')
        else:
            data = f'data-typ="val" data-ratt="{fraga.ratt}"'
        delar.append(
            f'<form class="sjalvtest-fraga" id="{fid}" {data} novalidate>\n<fieldset>\n'
            f'<legend><span class="sjalvtest-nummer">Fråga {nummer} av {len(test.fragor)}.</span> '
            f"{escape(fraga.fraga)}</legend>")
        if fraga.ar_tal:
            enhet = f' <span class="sjalvtest-enhet">{escape(fraga.enhet)}</span>' if fraga.enhet else ""
            delar.append(
                f'<div class="sjalvtest-tal"><label for="{fid}-svar">Ditt svar (ett tal)</label> '
                f'<input type="text" inputmode="decimal" autocomplete="off" id="{fid}-svar" '
                f'name="{fid}" size="8">{enhet}</div>')
        else:
            for i, alternativ in enumerate(fraga.alternativ, start=1):
                delar.append(
                    f'<div class="sjalvtest-alternativ"><input type="radio" name="{fid}" '
                    f'id="{fid}-a{i}" value="{i}"> '
                    f'<label for="{fid}-a{i}">{escape(alternativ)}</label></div>')
        delar.append(
            "</fieldset>\n"
            '<button type="submit" class="sjalvtest-svara">Svara</button>\n'
            f'<div class="sjalvtest-aterkoppling" id="{fid}-aterkoppling" role="status" aria-live="polite">'
            "</div>\n"
            f'<div class="sjalvtest-forklaring" hidden>{escape(fraga.forklaring)}</div>\n</form>')
    delar.append(
        '<p class="sjalvtest-summa">Du har inte svarat på någon fråga än.</p>\n'
        '<noscript><p>Självtestet behöver JavaScript för att visa om svaren är rätt. '
        "Frågorna går ändå att läsa.</p></noscript>\n</div>")
    return "\n".join(delar)


class SjalvtestDirektiv(SphinxDirective):
    """``{sjalvtest} FIL.yml``: ett självtest från en fil bredvid sidan."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        relativ, fil = self.env.relfn2path(self.arguments[0], self.env.docname)
        self.env.note_dependency(relativ)
        try:
            test = las_sjalvtest(fil)
        except SjalvtestFel as fel:
            logger.warning(str(fel), location=self.get_location())
            return []
        prefix = Path(fil).stem
        return [nodes.raw("", html_for_sjalvtest(test, prefix), format="html")]


def _ladda_skript(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Skriptet och stilen laddas bara på sidor som har ett självtest."""
    if 'class="sjalvtest"' in context.get("body", ""):
        app.add_js_file("sjalvtest.js")
        app.add_css_file("sjalvtest.css")


def setup(app: Sphinx) -> dict:
    app.add_directive("sjalvtest", SjalvtestDirektiv)
    # Före handbok.py, som byter ut sidans lista med stilmallar (utan thebe).
    app.connect("html-page-context", _ladda_skript, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
