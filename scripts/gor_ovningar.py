"""Gör övningsfilerna (``ovningar.ipynb``) av lösningsfilerna (``losningar.ipynb``).

Användning: ``make ovningar``, eller
``PYTHONHASHSEED=0 python scripts/gor_ovningar.py [exercises/NN-namn/losningar.ipynb ...]``.

Lösningsfilen är källan. Övningsfilen görs så här:

- en cell med taggen ``losning`` tas bort helt (en lösning, eller text som bara hör till
  webbplatsen);
- i en kodcell med raden ``# --- slut på svaret ---`` byts allt ovanför raden mot en
  uppmaning och platshållaren ``svar = ...``; raden själv tas bort och det som står under
  den (kontrollen) blir kvar;
- i textceller tas sphinx-exercise-direktiven bort (``exercise-start``, ``exercise-end``,
  ``solution-start``, ``solution-end``); en textcell som då blir tom tas bort;
- alla resultat tas bort, och sedan körs övningsfilen, så att den sparas med sina resultat
  som alla andra notebooks (nbval jämför dem).

``tests/test_ovningar.py`` gör om övningsfilen i minnet och jämför med den sparade:
ändrar man lösningsfilen utan att köra det här skriptet fallerar testet.
"""

from __future__ import annotations

import copy
import importlib.util
import os
import re
import sys
from pathlib import Path

import nbformat

ROT = Path(__file__).resolve().parent.parent
MAPP = ROT / "exercises"
KALLA = "losningar.ipynb"
OVNING = "ovningar.ipynb"
#: Raden som avslutar svaret i en lösningscell.
SLUT_PA_SVARET = "# --- slut på svaret ---"
#: Taggen för celler som bara finns i lösningsfilen.
LOSNINGSTAGG = "losning"
#: Det som står i övningsfilen i stället för svaret.
UPPMANING = ["# Skriv din kod här och spara svaret i variabeln svar.", "svar = ..."]
_DIREKTIV = re.compile(
    r"^(?P<stangsel>`{3,}|:{3,})\{(?:exercise|solution)-(?:start|end)\}[^\n]*\n"
    r"(?:[ \t]*:[\w-]+:[^\n]*\n)*"
    r"(?P=stangsel)[ \t]*(?:\n|$)",
    re.MULTILINE,
)


def alla_kallor() -> list[Path]:
    """Lösningsfilerna i exercises/, en per kapitel."""
    return sorted(MAPP.glob(f"*/{KALLA}"))


def ovningsfil(kalla: Path) -> Path:
    return kalla.with_name(OVNING)


def _utan_direktiv(text: str) -> str:
    text = _DIREKTIV.sub("", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def _svarscell(kalla: str) -> str:
    rader = kalla.split("\n")
    i = next(i for i, rad in enumerate(rader) if rad.strip() == SLUT_PA_SVARET)
    return "\n".join([*UPPMANING, *rader[i + 1:]]).rstrip("\n")


def gor_ovning(losning: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Övningsversionen av en lösningsnotebook, utan resultat.

    Exempel
    -------
    >>> nb = nbformat.v4.new_notebook(cells=[
    ...     nbformat.v4.new_markdown_cell(
    ...         "```{exercise-start}\\n:label: a\\n```\\nRäkna.\\n```{exercise-end}\\n```"),
    ...     nbformat.v4.new_code_cell("svar = 1 + 1\\n# --- slut på svaret ---\\nkontrollera(svar)"),
    ...     nbformat.v4.new_code_cell("hemligt = 2", metadata={"tags": ["losning"]})])
    >>> [c.source for c in gor_ovning(nb).cells]  # doctest: +NORMALIZE_WHITESPACE
    ['Räkna.', '# Skriv din kod här och spara svaret i variabeln svar.\\nsvar = ...\\nkontrollera(svar)']
    """
    nb = copy.deepcopy(losning)
    celler = []
    for cell in nb.cells:
        if LOSNINGSTAGG in cell.get("metadata", {}).get("tags", []):
            continue
        if cell.cell_type == "markdown":
            cell.source = _utan_direktiv(cell.source)
            if not cell.source.strip():
                continue
        elif cell.cell_type == "code":
            if any(rad.strip() == SLUT_PA_SVARET for rad in cell.source.split("\n")):
                cell.source = _svarscell(cell.source)
            cell.outputs = []
            cell.execution_count = None
            cell.metadata.pop("execution", None)
        celler.append(cell)
    nb.cells = celler
    return nb


def _kor_notebooks():
    """Modulen scripts/kor_notebooks.py (samma körning som för alla andra notebooks)."""
    spec = importlib.util.spec_from_file_location("kor_notebooks", ROT / "scripts" / "kor_notebooks.py")
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return modul


def main(argv: list[str]) -> int:
    if os.environ.get("PYTHONHASHSEED") != "0":
        print("Sätt PYTHONHASHSEED=0 (make ovningar gör det) så att körningen blir likadan varje gång.")
        return 2
    os.environ.pop("MPLBACKEND", None)
    kallor = [Path(a).resolve() for a in argv] or alla_kallor()
    kor = _kor_notebooks().kor
    for kalla in kallor:
        if kalla.name != KALLA:
            print(f"{kalla}: väntade en fil som heter {KALLA}.")
            return 2
        mal = ovningsfil(kalla)
        nbformat.write(gor_ovning(nbformat.read(kalla, as_version=4)), mal)
        print(f"Gör och kör {mal.relative_to(ROT)} …", end=" ", flush=True)
        print(f"{kor(mal):.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
