"""Läsbarhetsindex (LIX) för handbokens löpande text.

LIX är ett mått på hur svår en svensk text är att läsa. Det lades fram av
Carl-Hugo Björnsson 1968 och räknas så här::

    LIX = ord / meningar + 100 × långa ord / ord

Ett långt ord har fler än sex bokstäver. Handboken siktar på LIX 45 eller
lägre i den löpande texten. Modulen räknar bara löpande text: kod, tabeller,
rubriker, titlar på rutor (admonitions), direktivrader och källhänvisningar
tas bort innan texten mäts.

Kör modulen direkt för att mäta filer eller hela kapitel::

    python scripts/lix.py chapters/01-modellen
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

#: Ett ord är en följd av bokstäver, eventuellt med bindestreck inuti.
_ORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
#: En mening slutar med punkt, kolon, utropstecken eller frågetecken följt av
#: mellanrum och versal eller siffra, eller radslut. Så räknas inte "t.ex. en"
#: som två meningar.
_MENINGSSLUT = re.compile(r"[.:!?]+(?=[\"”’)\]]*(?:\s+[A-ZÅÄÖÉ0-9]|\s*$))")
_ROLL_MED_TEXT = re.compile(r"\{(?:term|abbr)\}`([^`<]*?)(?:\s*<[^`]*>)?`")
_ROLL_UTAN_TEXT = re.compile(r"\{[a-z:]+\}`[^`]*`")
_LANK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_HTML = re.compile(r"<!--.*?-->|<[^>]+>", re.DOTALL)


@dataclass(frozen=True)
class Lix:
    """Resultatet av en LIX-mätning.

    Attribut
    --------
    ord : int
        Antal ord.
    meningar : int
        Antal meningar.
    langa_ord : int
        Antal ord med fler än sex bokstäver.
    """

    ord: int
    meningar: int
    langa_ord: int

    @property
    def varde(self) -> float:
        """LIX-värdet: ord per mening plus andelen långa ord i procent."""
        if self.ord == 0 or self.meningar == 0:
            raise ValueError("LIX: texten saknar ord eller meningar, så LIX kan inte räknas.")
        return self.ord / self.meningar + 100 * self.langa_ord / self.ord

    def __add__(self, annan: Lix) -> Lix:
        return Lix(
            self.ord + annan.ord,
            self.meningar + annan.meningar,
            self.langa_ord + annan.langa_ord,
        )


def rakna(text: str) -> Lix:
    """Räkna ord, meningar och långa ord i vanlig text.

    Varje icke-tom rad som inte slutar med skiljetecken räknas också som en
    mening. Handbokens källtext har en mening per rad, och punktlistor saknar
    ofta slutpunkt.

    Parametrar
    ----------
    text : str
        Texten som ska mätas, utan kod och tabeller.

    Returnerar
    ----------
    Lix
        Antal ord, meningar och långa ord.

    Exempel
    -------
    >>> r = rakna("Kommunen ska ta fram en lägesbild. Den visar brotten.")
    >>> (r.ord, r.meningar, r.langa_ord)
    (9, 2, 3)
    >>> round(r.varde, 1)
    37.8
    >>> rakna("Till exempel t.ex. en rad utan punkt").meningar
    1
    """
    ord_lista: list[str] = []
    meningar = 0
    for rad in text.splitlines():
        rad = rad.strip()
        ord_pa_raden = _ORD.findall(rad)
        if not ord_pa_raden:
            continue
        ord_lista.extend(ord_pa_raden)
        slut = _MENINGSSLUT.findall(rad)
        meningar += len(slut)
        if not re.search(r"[.:!?][\"”’)\]]*\s*$", rad):
            meningar += 1
    langa = sum(1 for o in ord_lista if len(o.replace("-", "")) > 6)
    return Lix(len(ord_lista), meningar, langa)


def lix(text: str) -> float:
    """Räkna LIX för en vanlig text.

    Exempel
    -------
    >>> round(lix("Det här är en kort mening. Den är lätt att läsa."), 1)
    5.5
    """
    return rakna(text).varde


def lopande_text(markdown: str) -> str:
    """Ta fram den löpande texten ur MyST-markdown.

    Tar bort front matter, kodblock och andra block inom grava accenter,
    tabellrader, rubriker, etiketter, direktivrader och rutornas titelrader,
    HTML, källhänvisningar och andra roller. Länktext och ord i
    ``{term}``-roller behålls.

    Exempel
    -------
    >>> md = '''# Rubrik
    ... :::{admonition} Det här lär du dig
    ... Du lär dig vad lagen kräver {cite}`lag_2023_196`.
    ... :::
    ... | a | b |
    ... ```python
    ... x = 1
    ... ```'''
    >>> lopande_text(md).split()
    ['Du', 'lär', 'dig', 'vad', 'lagen', 'kräver', '.']
    """
    rader = markdown.splitlines()
    if rader and rader[0].strip() == "---":
        for i, rad in enumerate(rader[1:], start=1):
            if rad.strip() == "---":
                rader = rader[i + 1 :]
                break
    ut: list[str] = []
    i_kod = None
    for rad in rader:
        ren = rad.strip()
        staket = re.match(r"^(`{3,}|~{3,})", ren)
        if i_kod is not None:
            if ren.startswith(i_kod) and ren.strip("`~") == "":
                i_kod = None
            continue
        if staket:
            i_kod = staket.group(1)
            continue
        if (
            ren.startswith(("#", "|", ":::", "+++", "%"))
            or re.match(r"^\(.*\)=$", ren)
            or re.match(r"^:[\w-]+:", ren)
        ):
            continue
        rad = _ROLL_MED_TEXT.sub(r"\1", rad)
        rad = _ROLL_UTAN_TEXT.sub("", rad)
        rad = _LANK.sub(r"\1", rad)
        rad = _HTML.sub("", rad)
        ut.append(rad)
    return "\n".join(ut)


def las_fil(sokvag: str | Path) -> str:
    """Läs den löpande texten i en .md-fil eller i markdowncellerna i en .ipynb-fil.

    Exempel
    -------
    >>> las_fil("finns-inte.txt")
    Traceback (most recent call last):
    ...
    ValueError: LIX: kan bara läsa .md och .ipynb, inte finns-inte.txt.
    """
    sokvag = Path(sokvag)
    if sokvag.suffix == ".md":
        return lopande_text(sokvag.read_text(encoding="utf-8"))
    if sokvag.suffix == ".ipynb":
        nb = json.loads(sokvag.read_text(encoding="utf-8"))
        delar = [
            "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            for cell in nb.get("cells", [])
            if cell.get("cell_type") == "markdown"
        ]
        return lopande_text("\n".join(delar))
    raise ValueError(f"LIX: kan bara läsa .md och .ipynb, inte {sokvag}.")


def lix_for_filer(sokvagar: list[str | Path]) -> Lix:
    """Räkna LIX för flera filer tillsammans, till exempel ett helt kapitel.

    En mapp ersätts av alla .md- och .ipynb-filer i den.
    """
    filer: list[Path] = []
    for s in map(Path, sokvagar):
        if s.is_dir():
            filer.extend(sorted(p for p in s.rglob("*") if p.suffix in (".md", ".ipynb")))
        else:
            filer.append(s)
    summa = Lix(0, 0, 0)
    for fil in filer:
        summa = summa + rakna(las_fil(fil))
    return summa


def main(argument: list[str]) -> int:
    """Skriv ut LIX för varje argument (fil eller mapp)."""
    if not argument:
        print("Användning: python -m tryggaplatser.lix FIL_ELLER_MAPP ...")
        return 2
    for arg in argument:
        r = lix_for_filer([arg])
        print(
            f"{arg}: LIX {r.varde:.1f} "
            f"({r.ord} ord, {r.meningar} meningar, {r.langa_ord} långa ord)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
