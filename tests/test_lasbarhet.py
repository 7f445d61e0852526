"""Klarspråk: varje kapitels löpande text ska ha LIX 45 eller lägre (design §8)."""

from pathlib import Path

import pytest

from tryggaplatser.lix import lix_for_filer

ROT = Path(__file__).resolve().parent.parent
GRANS = 45
DELAR = sorted(p for p in (ROT / "chapters").iterdir() if p.is_dir()) + [ROT / "book"]


@pytest.mark.parametrize("mapp", DELAR, ids=lambda p: str(p.relative_to(ROT)))
def test_lix_hogst_45(mapp):
    filer = sorted(mapp.glob("*.md")) + sorted(mapp.glob("*.ipynb"))
    resultat = lix_for_filer(filer)
    assert resultat.ord > 0, f"Ingen löpande text hittades i {mapp.relative_to(ROT)}."
    assert resultat.varde <= GRANS, f"{mapp.relative_to(ROT)}: LIX {resultat.varde:.1f} (gränsen är {GRANS})"
