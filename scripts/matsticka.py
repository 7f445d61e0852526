"""Måttstockar för handbokens byggtid och notebooks körtid (``make benchmark`` använder dem).

- En tom Jupyter Book med bara standardinställningar och lika många sidor och notebooks
  som handboken. Notebooks kopieras med sina resultat (de körs inte, som i handboken),
  och Markdown-sidorna får samma text utan handbokens egna roller och direktiv.
  Kvoten *handbokens fullständiga bygge / den tomma bokens bygge* visar vad handbokens
  egna tillägg, källhänvisningar och mallar kostar.
- En enkel notebook som importerar numpy, pandas och matplotlib och ritar fyra figurer.
  Kvoten *den långsammaste notebooken / den enkla notebooken* visar vad handbokens egna
  beräkningar och importer kostar utöver det som varje notebook betalar.

Användning: ``python scripts/matsticka.py`` bygger den tomma boken och kör den enkla
notebooken och skriver ut tiderna. Tiderna är mätvärden, aldrig testkrav.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import yaml

ROT = Path(__file__).resolve().parent.parent

#: MyST-roller som {cite}`nyckel` och {glue:text}`nyckel`: bara texten blir kvar.
_ROLL = re.compile(r"\{[a-z:-]+\}`([^`]*)`")
#: Rader som öppnar eller stänger ett direktiv (```{note}, :::{admonition}) eller en etikett.
_DIREKTIV = re.compile(r"^\s*(```|:::|\(\S+\)=|:[a-z-]+:)")

ENKEL_NOTEBOOK = [
    "import numpy as np\nimport pandas as pd\nimport matplotlib.pyplot as plt",
    "rng = np.random.default_rng(1)\n"
    "df = pd.DataFrame({'x': np.arange(200), 'y': rng.normal(size=200).cumsum()})",
    *[
        f"fig, ax = plt.subplots(figsize=(6, 3.5))\n{rita}\nplt.show()"
        for rita in (
            "ax.plot(df['x'], df['y'])",
            "ax.bar(df['x'][:20], df['y'][:20])",
            "ax.scatter(df['x'], df['y'], s=5)",
            "ax.hist(df['y'], bins=20)",
        )
    ],
]


def _filer_i_innehallet(toc: dict) -> list[str]:
    """Alla filer i handbokens _toc.yml, i ordning (utan filändelse)."""
    filer = [toc["root"]]

    def ga(post: dict) -> None:
        for nyckel in ("parts", "chapters", "sections"):
            for under in post.get(nyckel, []):
                if "file" in under:
                    filer.append(under["file"])
                ga(under)

    ga(toc)
    return filer


def _hitta(fil: str) -> Path:
    for andelse in (".md", ".ipynb"):
        sokvag = ROT / f"{fil}{andelse}"
        if sokvag.exists():
            return sokvag
    raise FileNotFoundError(f"{fil} finns varken som .md eller .ipynb")


def _enkel_markdown(text: str) -> str:
    rader = [_ROLL.sub(r"\1", rad) for rad in text.splitlines() if not _DIREKTIV.match(rad)]
    return "\n".join(r.replace("{{", "").replace("}}", "") for r in rader) + "\n"


def skapa_tom_bok(mapp: Path) -> tuple[int, int]:
    """Skapa den tomma boken i ``mapp``. Returnerar (antal Markdown-sidor, antal notebooks)."""
    toc = yaml.safe_load((ROT / "_toc.yml").read_text(encoding="utf-8"))
    filer = [_hitta(f) for f in _filer_i_innehallet(toc)]
    sidor = notebooks = 0
    namn = []
    for i, fil in enumerate(filer):
        mal = mapp / f"sida{i:03d}{fil.suffix}"
        if fil.suffix == ".ipynb":
            nb = nbformat.read(fil, as_version=4)
            for cell in nb.cells:
                if cell.cell_type == "markdown":
                    cell.source = _enkel_markdown(cell.source)
            nbformat.write(nb, mal)
            notebooks += 1
        else:
            text = _enkel_markdown(fil.read_text(encoding="utf-8"))
            if not text.lstrip().startswith("#"):
                text = f"# Sida {i}\n\n{text}"
            mal.write_text(text, encoding="utf-8")
            sidor += 1
        namn.append(mal.stem)
    # Standardinställningar; bara körningen är avstängd, som i handboken (notebooks sparas med resultat).
    (mapp / "_config.yml").write_text(
        'title: Tom bok\nauthor: Måttstock\nexecute:\n  execute_notebooks: "off"\n', encoding="utf-8")
    (mapp / "_toc.yml").write_text(
        "format: jb-book\n"
        f"root: {namn[0]}\n"
        "chapters:\n" + "".join(f"  - file: {n}\n" for n in namn[1:]),
        encoding="utf-8",
    )
    return sidor, notebooks


def tom_bok_sekunder(jupyter_book: str | None = None) -> tuple[float, int, int]:
    """(sekunder, sidor, notebooks) för ett fullständigt bygge av den tomma boken."""
    jupyter_book = jupyter_book or str(Path(sys.executable).parent / "jupyter-book")
    with tempfile.TemporaryDirectory() as tmp:
        bok = Path(tmp) / "bok"
        bok.mkdir()
        sidor, notebooks = skapa_tom_bok(bok)
        start = time.perf_counter()
        subprocess.run([jupyter_book, "build", str(bok), "--all", "--path-output", str(Path(tmp) / "ut")],
                       check=True, capture_output=True)
        return time.perf_counter() - start, sidor, notebooks


def skriv_enkel_notebook(fil: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(kod) for kod in ENKEL_NOTEBOOK]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, fil)


def enkel_notebook_sekunder() -> float:
    """Körtiden för den enkla notebooken, mätt som benchmark.py mäter handbokens notebooks."""
    with tempfile.TemporaryDirectory() as tmp:
        fil = Path(tmp) / "enkel.ipynb"
        skriv_enkel_notebook(fil)
        ut = subprocess.run([sys.executable, str(ROT / "scripts" / "benchmark.py"), "--notebook", str(fil)],
                            cwd=ROT, check=True, capture_output=True, text=True).stdout.split()
        return float(ut[0])


def main() -> int:
    sekunder, sidor, notebooks = tom_bok_sekunder()
    print(f"Tom Jupyter Book ({sidor} Markdown-sidor, {notebooks} notebooks): {sekunder:.1f} s")
    print(f"Enkel notebook (numpy, pandas, matplotlib, fyra figurer): {enkel_notebook_sekunder():.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
