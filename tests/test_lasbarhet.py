"""Klarspråk (design §8).

- varje kapitels löpande text har LIX 45 eller lägre;
- ingen byggd sida talar om handbokens eget källarbete ("den sparade kopian").
"""

import re
from pathlib import Path

import pytest

from tryggaplatser.lix import lix_for_filer

ROT = Path(__file__).resolve().parent.parent
GRANS = 45
DELAR = sorted(p for p in (ROT / "chapters").iterdir() if p.is_dir()) + [
    ROT / "book", ROT / "book" / "din-egen-plats", ROT / "exercises"] + sorted(
    p for p in (ROT / "exercises").iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


@pytest.mark.parametrize("mapp", DELAR, ids=lambda p: str(p.relative_to(ROT)))
def test_lix_hogst_45(mapp):
    filer = sorted(mapp.glob("*.md")) + sorted(mapp.glob("*.ipynb"))
    resultat = lix_for_filer(filer)
    assert resultat.ord > 0, f"Ingen löpande text hittades i {mapp.relative_to(ROT)}."
    assert resultat.varde <= GRANS, f"{mapp.relative_to(ROT)}: LIX {resultat.varde:.1f} (gränsen är {GRANS})"


#: Fraser som visar att texten talar om handbokens eget källarbete i stället för om
#: källorna ("den sparade kopian", "vi har inte kunnat läsa"). Handboken säger vad
#: källorna säger och länkar till originalet (design §8). Listan är kort med flit:
#: lägg till ett mönster när en ny sådan fras dyker upp.
FORSKNINGSFRASER = [
    r"\b(?:sparade?|lagrade?) (?:kopi|sid|text|lagtext|utdrag)\w*",
    r"\b(?:vi|handboken) har (?:\w+ ){0,2}(?:kunnat|läst|lyckats)\b",
    r"\b(?:vi|handboken) har (?:\w+ ){0,2}hittat (?:någon|något|några|en exakt)\b",
    r"\binte kunnat (?:läsa|kontrollera|bekräfta|hitta)\b",
    r"\b(?:kopian|utdraget) (?:slutar|bryts)\b",
]
_FORSKNINGSFRAS = re.compile("|".join(FORSKNINGSFRASER), re.IGNORECASE)


def _sidtext(sida: Path) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(sida.read_text(encoding="utf-8"), "html.parser")
    for el in soup(["script", "style"]):
        el.decompose()
    return " ".join(soup.get_text(" ").split())


@pytest.mark.parametrize(
    "text",
    [
        "Den sparade kopian slutar mitt i steg 4.",
        "Vi har inte kunnat läsa resten.",
        "Sidan anger inget datum i den lagrade kopian.",
        "de källor som handboken har läst",
        "Vi har därför inte kunnat kontrollera dem.",
    ],
)
def test_monstren_kanner_igen_forskningsfraser(text):
    assert _FORSKNINGSFRAS.search(text)


@pytest.mark.parametrize(
    "text",
    ["Läs hela lagtexten hos riksdagen.", "Källan anger inget datum.", "Analysen har hittat tre rutor."],
)
def test_monstren_later_vanlig_text_vara(text):
    assert not _FORSKNINGSFRAS.search(text)


def test_ingen_sida_talar_om_handbokens_eget_kallarbete(bygge, sidor):
    fynd = []
    for sida in sidor:
        text = _sidtext(sida)
        for traff in _FORSKNINGSFRAS.finditer(text):
            utdrag = text[max(0, traff.start() - 40) : traff.end() + 40]
            fynd.append(f"{sida.relative_to(bygge.html)}: …{utdrag}…")
    assert not fynd, "Sidor som talar om handbokens eget källarbete:\n" + "\n".join(fynd)
