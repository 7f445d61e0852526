"""Din egen plats visar kommandonas verkliga svar på exempelfilerna."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("exempelutskrifter",
                                               ROT / "scripts" / "exempelutskrifter.py")
exempel = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = exempel
_spec.loader.exec_module(exempel)


def test_sidornas_utskrifter_ar_kommandonas_svar_i_dag() -> None:
    gamla = [fil for fil, text in exempel.utskrifter().items()
             if (exempel.MAPP / fil).read_text(encoding="utf-8") != text]
    assert not gamla, (f"Sidorna visar gamla svar i {gamla}. Kör `python scripts/exempelutskrifter.py` "
                       "och granska skillnaden.")
