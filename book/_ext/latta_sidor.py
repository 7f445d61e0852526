"""Lätta sidor: den byggda webbplatsen laddar bara det som sidorna använder.

Körs när bygget är klart (``build-finished``) och ändrar bara i utmappen.

- Temats ikonskript ``fontawesome.js`` (1,5 MB, alla Font Awesome-ikoner) tas bort.
  Ikonerna som sidorna använder (``<i class="fa-solid fa-bars">``) blir inbäddad SVG.
  Ikonernas form läses ur temats eget skript vid varje bygge; ingen ikonfil sparas i
  projektet. SVG-elementet behåller ikonens klasser, så att temats CSS gäller som förut.
- Temats ikontypsnitt behövs bara för ikoner som CSS ritar (till exempel i rutorna
  "Obs!" och "Tips"). Typsnitten delas upp så att bara de tecknen finns kvar, som WOFF.
  Ett typsnitt som inga tecken behöver tas bort, med sin ``@font-face``.
- Källkartor (``*.map``) och hänvisningarna till dem tas bort.
- Varje HTML-, CSS-, JS-, SVG- och JSON-fil får en förkomprimerad kopia (``.gz``)
  bredvid sig, för webbservrar som kan skicka den direkt.
"""

from __future__ import annotations

import gzip
import io
import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

#: Ikonklasser i HTML: ett tomt <i> eller <span> med klassen fa-solid, fa-regular eller fa-brands.
_IKON = re.compile(
    r'<(?P<tagg>i|span) class="(?P<klasser>[^"]*\bfa-(?P<stil>solid|regular|brands)\b[^"]*)"'
    r'(?P<ovrigt>[^>]*)></(?P=tagg)>'
)
#: Stilarnas förkortningar i fontawesome.js.
_PREFIX = {"solid": "fas", "regular": "far", "brands": "fab"}
#: En ikon i fontawesome.js: namn: [bredd, höjd, [alias], "unicode", "svg-väg"].
_IKONDATA = re.compile(
    r'(?:"(?P<citerat>[^"]+)"|(?P<namn>[A-Za-z0-9_$]+)):\[(?P<bredd>\d+),(?P<hojd>\d+),'
    r'\[(?P<alias>[^\]]*)\],"(?P<kod>[0-9a-f]+)",(?P<vag>"[^"]*"|\[[^\]]*\])\]'
)
_SKRIPTTAGG = re.compile(r'<script[^>]*src="[^"]*scripts/fontawesome\.js[^"]*"[^>]*></script>\n?')
_KALLKARTA = re.compile(r"\n?(/\*# sourceMappingURL=[^*]*\*/|//# sourceMappingURL=\S*)\s*$")
_FONT_FACE = re.compile(
    r"@font-face\{[^}]*url\((?P<url>[^)]*/webfonts/(?P<fil>fa-[a-z]+-\d+)\.woff2)\)[^}]*\}"
)
#: Tecken i Unicodes område för privat bruk, där ikontypsnitten har sina ikoner.
_PRIVAT = re.compile("[\ue000-\uf8ff]")
_KOMPRIMERAS = {".html", ".css", ".js", ".svg", ".json"}
IKON_CSS = "ikoner.css"
_CSS = """/* Ikonerna på sidorna är inbäddad SVG ur temats Font Awesome Free (book/_ext/latta_sidor.py).
{licens} */
svg.svg-inline--fa {{ display: var(--fa-display, inline-block); height: 1em; overflow: visible;
  vertical-align: -0.125em; box-sizing: content-box; }}
svg.svg-inline--fa.fa-lg {{ vertical-align: -0.2em; }}
svg.svg-inline--fa.fa-fw {{ width: var(--fa-fw-width, 1.25em); }}
"""


def las_ikoner(skript: str) -> dict[tuple[str, str], tuple[int, int, str, str]]:
    """Ikonerna i fontawesome.js: (prefix, namn) -> (bredd, höjd, unicode, svg-väg).

    Skriptet definierar en ikonsamling i taget (``var p={...}`` följt av ``d("fas",p)``).
    Aliasnamn (``search`` för ``magnifying-glass``) ger samma ikon.
    """
    ikoner: dict[tuple[str, str], tuple[int, int, str, str]] = {}
    start = 0
    for slut in re.finditer(r'd\("(fa[srb])",p\)', skript):
        prefix = slut.group(1)
        borjan = skript.rfind("var p={", start, slut.start())
        if borjan < 0:
            continue
        for m in _IKONDATA.finditer(skript, borjan, slut.start()):
            vag = m.group("vag")
            if vag.startswith("["):  # tvåfärgade ikoner: ta den första vägen
                vag = re.findall(r'"([^"]*)"', vag)[0] if '"' in vag else ""
            else:
                vag = vag[1:-1]
            data = (int(m.group("bredd")), int(m.group("hojd")), m.group("kod"), vag)
            namn = [m.group("citerat") or m.group("namn")]
            namn += re.findall(r'"([^"]+)"', m.group("alias"))
            for n in namn:
                ikoner.setdefault((prefix, n), data)
        start = slut.end()
    return ikoner


def svg_for(klasser: str, ovrigt: str, stil: str, ikoner: dict) -> str | None:
    """SVG-elementet för ett ikonelement, eller None om ikonen inte finns i skriptet."""
    namn = [k[3:] for k in klasser.split() if k.startswith("fa-")]
    for n in namn:
        data = ikoner.get((_PREFIX[stil], n))
        if data:
            bredd, hojd, _kod, vag = data
            return (
                f'<svg class="svg-inline--fa {klasser}"{ovrigt} aria-hidden="true" focusable="false" '
                f'role="img" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {bredd} {hojd}">'
                f'<path fill="currentColor" d="{vag}"></path></svg>'
            )
    return None


def _byt_ikoner(html: str, ikoner: dict, saknas: set[str]) -> str:
    def byt(m: re.Match) -> str:
        ovrigt = m.group("ovrigt").replace(' aria-hidden="true"', "")
        svg = svg_for(m.group("klasser"), ovrigt, m.group("stil"), ikoner)
        if svg is None:
            saknas.add(m.group("klasser"))
            return m.group(0)
        return svg

    return _SKRIPTTAGG.sub("", _IKON.sub(byt, html))


def _tecken_som_css_ritar(static: Path, ikoner: dict, klassnamn: set[str]) -> set[int]:
    """Tecknen ur ikontypsnitten som någon CSS-regel ritar, utom temats ikontabell.

    Ikontabellen (``.fa-bars:before{content:"\\f0c9"}``) behövs bara för de ikonklasser
    som fortfarande används, i HTML eller i temats skript (``klassnamn``).
    """
    tecken: set[int] = set()
    for css in static.rglob("*.css"):
        for m in re.finditer(r"([^{}]*)\{([^{}]*)\}", css.read_text(encoding="utf-8")):
            val, dekl = m.groups()
            if re.fullmatch(r"\s*(\.fa-[a-z0-9-]+:{1,2}(before|after)\s*,?\s*)+", val):
                continue
            tecken |= {ord(c) for c in _PRIVAT.findall(dekl)}
            tecken |= {int(k, 16) for k in re.findall(r"\\([ef][0-9a-f]{3})\b", dekl)}
    for (_prefix, namn), (_b, _h, kod, _v) in ikoner.items():
        if namn in klassnamn:
            tecken.add(int(kod, 16))
    return tecken


def _dela_upp_typsnitt(static: Path, tecken: set[int]) -> list[str]:
    """Behåll bara ``tecken`` i temats ikontypsnitt. Returnerar de typsnitt som togs bort."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    borttagna = []
    for css in static.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        if "/webfonts/fa-" not in text:
            continue

        def byt(m: re.Match, css: Path = css) -> str:
            url, namn = m.group("url"), m.group("fil")
            ttf = (css.parent / url).resolve().with_suffix(".ttf")
            if not ttf.exists():
                return m.group(0)
            typsnitt = TTFont(ttf)
            finns = set(typsnitt.getBestCmap()) & tecken
            if not finns:
                borttagna.append(namn)
                return ""
            delare = subset.Subsetter(subset.Options(flavor="woff", name_IDs=["*"], notdef_outline=True))
            delare.populate(unicodes=sorted(finns))
            delare.subset(typsnitt)
            buffert = io.BytesIO()
            typsnitt.flavor = "woff"
            typsnitt.save(buffert)
            ttf.with_suffix(".woff").write_bytes(buffert.getvalue())
            ny_url = url.rsplit(".", 1)[0] + ".woff"
            return re.sub(r"src:[^;}]*", f'src:url({ny_url}) format("woff")', m.group(0))

        css.write_text(_FONT_FACE.sub(byt, text), encoding="utf-8")
    for mapp in static.rglob("webfonts"):
        for fil in mapp.iterdir():
            if fil.suffix in {".woff2", ".ttf"}:
                fil.unlink()
    return borttagna


def lattare_sidor(app: Sphinx, undantag: Exception | None) -> None:
    if undantag is not None or app.builder.format != "html":
        return
    ut = Path(app.outdir)
    static = ut / "_static"
    skript = static / "scripts" / "fontawesome.js"
    if not skript.exists():
        logger.warning("Hittar inte %s; har temat bytt version?", skript, type="latta_sidor")
        return
    ikoner = las_ikoner(skript.read_text(encoding="utf-8"))
    licens = static / "scripts" / "fontawesome.js.LICENSE.txt"
    licenstext = licens.read_text(encoding="utf-8").strip() if licens.exists() else ""
    (static / IKON_CSS).write_text(_CSS.format(licens=licenstext.replace("*/", "")), encoding="utf-8")

    saknas: set[str] = set()
    klassnamn: set[str] = set()
    for sida in ut.rglob("*.html"):
        text = sida.read_text(encoding="utf-8")
        if "fa-" not in text and "fontawesome.js" not in text:
            continue
        ny = _byt_ikoner(text, ikoner, saknas)
        klassnamn |= {k[3:] for kl in re.findall(r'<(?:i|span) class="([^"]*)"', ny) for k in kl.split()
                      if k.startswith("fa-")}
        if ny != text:
            sida.write_text(ny, encoding="utf-8")
    for fil in saknas:
        logger.warning("Ikonen %r finns inte i fontawesome.js; den ritas med temats typsnitt.", fil,
                       type="latta_sidor")
    # Ikoner som temats skript skapar medan sidan visas (till exempel fa-xmark).
    for js in static.rglob("*.js"):
        if js != skript:
            klassnamn |= set(re.findall(r"\bfa-([a-z0-9-]+)", js.read_text(encoding="utf-8")))
    skript.unlink()
    licens.unlink(missing_ok=True)

    tecken = _tecken_som_css_ritar(static, ikoner, klassnamn)
    _dela_upp_typsnitt(static, tecken)

    for karta in ut.rglob("*.map"):
        karta.unlink()
    for fil in [*static.rglob("*.js"), *static.rglob("*.css")]:
        text = fil.read_text(encoding="utf-8")
        ny = _KALLKARTA.sub("\n", text)
        if ny != text:
            fil.write_text(ny, encoding="utf-8")


def forkomprimera(app: Sphinx, undantag: Exception | None) -> None:
    """En .gz-kopia bredvid varje textfil, om den blir mindre.

    Fast tidsstämpel i gzip-huvudet: samma bygge ger samma filer.
    """
    if undantag is not None or app.builder.format != "html":
        return
    ut = Path(app.outdir)
    for gammal in ut.rglob("*.gz"):
        gammal.unlink()
    for fil in ut.rglob("*"):
        if fil.suffix not in _KOMPRIMERAS or not fil.is_file():
            continue
        data = fil.read_bytes()
        packad = gzip.compress(data, compresslevel=9, mtime=0)
        if len(packad) < len(data):
            fil.with_name(fil.name + ".gz").write_bytes(packad)


def setup(app: Sphinx) -> dict:
    app.add_css_file(IKON_CSS)
    # Efter de andra tilläggens build-finished (handbok.py skriver omdirigeringen med prioritet 900),
    # och förkomprimeringen allra sist.
    app.connect("build-finished", lattare_sidor, priority=950)
    app.connect("build-finished", forkomprimera, priority=990)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
