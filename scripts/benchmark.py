"""Mät handbokens prestanda och skriv ut siffrorna (``make benchmark``).

Mäter
- ett fullständigt bygge och ett bygge utan ändringar,
- varje notebooks körtid och kärnans högsta minnesanvändning,
- hur lång tid nbval behöver för alla notebooks,
- hur lång tid hela testsviten tar som ``make test`` kör den (parallellt med pytest-xdist),
- den tyngsta sidan: HTML och allt sidan laddar i Chromium, okomprimerat och gzippat,
- hur lång tid ``las_egna_brott`` behöver för en egen brottsfil med 200 000 rader
  (semikolon, decimalkomma, svenska datum och några felaktiga rader),
- hur lång tid ``python -m tryggaplatser lagesbild mellanstad`` behöver (HTML, PDF, diagram och tabeller),
- två kvoter mot måttstockarna i ``scripts/matsticka.py``: det fullständiga bygget mot en tom
  Jupyter Book med lika många sidor och notebooks (mål högst 2,0), och den långsammaste
  notebooken mot en enkel notebook som importerar numpy, pandas och matplotlib och ritar fyra
  figurer (mål högst 1,5). Bygget och måttstocken mäts direkt efter varandra, och
  notebooks omväxlande med måttstocken i flera omgångar, så att båda mäts när datorn
  är lika belastad.

``python scripts/benchmark.py --egna-filer`` mäter bara inläsningen av den egna filen och
``python scripts/benchmark.py --lagesbild`` bara lägesbilden,
``python scripts/benchmark.py --sidvikt`` bara den tyngsta sidan (ett bygge) och
``python scripts/benchmark.py --kvoter`` bara de två kvoterna.

Siffrorna är mätvärden, inte testkrav. Skriv in dem i CONTRIBUTING.md med
en beskrivning av maskinen när en ändring flyttar dem.
"""

from __future__ import annotations

import compileall
import gzip
import math
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROT / "scripts"))


def _tid(kommando: list[str], **kw) -> float:
    start = time.perf_counter()
    subprocess.run(kommando, cwd=ROT, check=True, capture_output=True, **kw)
    return time.perf_counter() - start


def kor_en_notebook(sokvag: str) -> None:
    """Körs i en egen process: kör notebooken i minnet och skriv ut tid och kärnans minne."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(sokvag, as_version=4)
    start = time.perf_counter()
    NotebookClient(nb, timeout=120, resources={"metadata": {"path": str(Path(sokvag).parent)}}).execute()
    sekunder = time.perf_counter() - start
    # Kärnan är en barnprocess som har avslutats: dess högsta RSS finns i RUSAGE_CHILDREN (kB).
    print(f"{sekunder:.2f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f}")


_PAKETMATNING = """
import inspect, time
import pandas
t = time.perf_counter()
import tryggaplatser as tp
print(f"import {time.perf_counter() - t:.3f}")
for namn in tp.__all__:
    funktion = getattr(tp, namn)
    if namn.startswith("las_") and not any(
        p.default is p.empty for p in inspect.signature(funktion).parameters.values()
    ):
        t = time.perf_counter()
        funktion()
        print(f"{namn} {time.perf_counter() - t:.3f}")
"""


def _paketet() -> None:
    """Importtid (utöver pandas) och inläsningstid för varje exempeldatamängd, i en ny process."""
    rader = subprocess.run([sys.executable, "-c", _PAKETMATNING], cwd=ROT, check=True,
                           capture_output=True, text=True).stdout.split("\n")
    sekunder = dict(r.split() for r in rader if r)
    print(f"Import av tryggaplatser (utöver pandas): {_sv(float(sekunder.pop('import')), 2)} s")
    langsammast = max(sekunder, key=lambda n: float(sekunder[n]))
    print(f"Inläsning av exempeldata: {len(sekunder)} datamängder, längst tid "
          f"{langsammast}() {_sv(float(sekunder[langsammast]), 2)} s")


def skriv_egen_brottsfil(fil: Path, antal: int = 200_000) -> None:
    """En brottsfil som en kommun kan få: semikolon, decimalkomma, datum som 5/3/2024 och 2024-03-05.

    Var hundrade rad har ett fel (tomt datum, omöjligt datum eller en koordinat som inte
    är ett tal), så att mätningen också tar med redovisningen av utelämnade rader.
    """
    import numpy as np

    rng = np.random.default_rng(1)
    dagar = np.datetime64("2022-01-01") + rng.integers(0, 3 * 365, antal)
    iso = np.datetime_as_string(dagar).tolist()
    svensk = rng.uniform(size=antal) < 0.5  # hälften som 5/3/2024, hälften som 2024-03-05
    datum = [f"{int(d[8:])}/{int(d[5:7])}/{d[:4]}" if s else d for d, s in zip(iso, svensk, strict=True)]
    minut = rng.integers(0, 24 * 60, antal)
    tid = [f"{m // 60:02d}.{m % 60:02d}" for m in minut]
    ost = [f"{x:.1f}".replace(".", ",") for x in rng.normal(674_000, 2_000, antal)]
    nord = [f"{y:.1f}".replace(".", ",") for y in rng.normal(6_580_000, 2_000, antal)]
    typer = np.array(["Misshandel", "Skadegörelse", "Butiksstöld", "Rån", "Narkotikabrott"])
    typ = typer[rng.integers(0, len(typer), antal)]
    fel = np.flatnonzero(np.arange(antal) % 100 == 7)
    for i, j in enumerate(fel):
        if i % 3 == 0:
            datum[j] = ""
        elif i % 3 == 1:
            datum[j] = "2023-02-30"
        else:
            ost[j] = "saknas"
    rader = ["Diarienr;Datum;Klockslag;Brottstyp;X;Y"]
    rader += [f"K{i:06d};{d};{t};{b};{x};{y}" for i, (d, t, b, x, y) in
              enumerate(zip(datum, tid, typ, ost, nord, strict=True))]
    fil.write_bytes(("\r\n".join(rader) + "\r\n").encode("cp1252"))


def egen_brottsfil_sekunder(antal: int = 200_000) -> tuple[float, float]:
    """Sekunder (väggklocka, processortid) för ``tp.las_egna_brott`` på en fil från
    :func:`skriv_egen_brottsfil`. Processortiden påverkas mindre av andra program på datorn."""
    import tryggaplatser as tp

    with tempfile.TemporaryDirectory() as tmp:
        fil = Path(tmp) / "brott.csv"
        skriv_egen_brottsfil(fil, antal)
        start, cpu = time.perf_counter(), time.process_time()
        data, rapport = tp.las_egna_brott(fil)
        sekunder, cpu = time.perf_counter() - start, time.process_time() - cpu
    assert len(data) == rapport.rader_anvandbara and rapport.utelamnade, "filens fel redovisas inte"
    return sekunder, cpu


def _egna_filer() -> None:
    sekunder, cpu = egen_brottsfil_sekunder()
    print(f"Inläsning av en egen brottsfil med 200 000 rader (las_egna_brott): {_sv(sekunder, 1)} s "
          f"({_sv(cpu, 1)} s processortid)")


def _sidvikt(html: Path) -> list[tuple[int, int, str]]:
    """(okomprimerat, gzippat, sida) för varje sida, med det som Chromium laddar."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROT / "tests"))
    from test_webblasare import CHROMIUM_FLAGGOR  # samma flaggor som testerna

    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium")
    sidor = sorted(p for p in html.rglob("*.html") if not {"_static", "_images"} & set(p.parts))
    vikter = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGGOR)
        for sida in sidor:
            filer: set[Path] = set()
            flik = browser.new_page()
            flik.on("request", lambda r, filer=filer: filer.add(Path(unquote(urlsplit(r.url).path))))
            flik.goto(sida.as_uri(), wait_until="networkidle")
            flik.close()
            filer = {f for f in filer if f.is_file()} | {sida}
            data = [f.read_bytes() for f in filer]
            vikter.append((sum(map(len, data)), sum(len(gzip.compress(d, 6)) for d in data),
                           str(sida.relative_to(html))))
        browser.close()
    return vikter


def _tyngsta_sidan(html: Path) -> None:
    if shutil.which("chromium") or os.environ.get("CHROMIUM"):
        ra, gz, namn = max(_sidvikt(html), key=lambda v: v[1])
        print(f"Tyngsta sidan (gzippat): {namn}: {_sv(ra / 1024, 0)} KiB okomprimerat, "
              f"{_sv(gz / 1024, 0)} KiB gzippat")
    else:
        print("Sidvikten mäts inte: Chromium saknas.")


def _bara_sidvikt() -> None:
    jupyter_book = str(Path(sys.executable).parent / "jupyter-book")
    with tempfile.TemporaryDirectory() as tmp:
        _tid([jupyter_book, "build", ".", "--all", "--path-output", tmp])
        _tyngsta_sidan(Path(tmp) / "_build" / "html")


def _byggkvot(full: float | None = None) -> None:
    """Det fullständiga bygget delat med den tomma bokens bygge, mätta direkt efter varandra."""
    from matsticka import tom_bok_sekunder

    if full is None:
        jupyter_book = str(Path(sys.executable).parent / "jupyter-book")
        with tempfile.TemporaryDirectory() as tmp:
            full = _tid([jupyter_book, "build", ".", "--all", "--path-output", tmp])
    tom, sidor, notebooks = tom_bok_sekunder()
    print(f"Tom Jupyter Book ({sidor} Markdown-sidor, {notebooks} notebooks, bara standardinställningar): "
          f"{_sv(tom, 1)} s")
    print(f"Kvot fullständigt bygge / tom bok: {_sv(full / tom, 2)} (mål högst 2,0)")


def _oversatt_paketet() -> None:
    """Översätt paketet till bytekod (``__pycache__``) före mätningen, som hos en vanlig användare.

    Python sparar bytekoden vid första importen. Med PYTHONDONTWRITEBYTECODE=1, som i en del
    containrar, sparas den aldrig, och då översätter varje notebook hela paketet på nytt
    (ungefär 0,1 s). Måttstocken läser bara bibliotek som pip redan har översatt.
    """
    compileall.compile_dir(ROT / "tryggaplatser", quiet=1)


#: Så många omgångar mäts kvotens notebooks, och så många av de långsammaste följer med.
OMGANGAR = 7
KANDIDATER = 5


def _notebookkvot(tider: dict[str, float] | None = None) -> None:
    """Den långsammaste notebooken delad med den enkla notebooken (numpy, pandas, matplotlib, fyra bilder).

    En enstaka körning kan ta en sekund längre när datorn gör annat samtidigt, och
    datorn kan vara snabbare eller långsammare i flera minuter i sträck. Därför:

    1. Alla notebooks körs två gånger, och var och en får sin snabbaste tid. De fem
       som är långsammast då är kandidaterna. (En enda körning räcker inte: en störning
       kan skjuta upp en snabb notebook bland de långsammaste och trycka undan den
       som verkligen är långsammast.)
    2. Kandidaterna körs i sju omgångar. Varje omgång börjar med den enkla notebooken,
       och varje kandidat delas med den enkla notebookens tid i samma omgång.
    3. Kvoten för en kandidat är medianen av dess sju kvoter.
    """
    from kor_notebooks import alla_notebooks
    from matsticka import skriv_enkel_notebook

    _oversatt_paketet()
    notebooks = alla_notebooks()
    snabbast = {str(nb.relative_to(ROT)): (tider or {}).get(str(nb.relative_to(ROT)), math.inf)
                for nb in notebooks}
    for _ in range(1 if tider else 2):
        for nb in notebooks:
            namn = str(nb.relative_to(ROT))
            snabbast[namn] = min(snabbast[namn], _kor_notebook(nb)[0])
    kandidater = sorted(snabbast, key=snabbast.get, reverse=True)[:KANDIDATER]
    print("Långsammast i första steget (snabbaste av två körningar):")
    for namn in sorted(snabbast, key=snabbast.get, reverse=True)[:2 * KANDIDATER]:
        print(f"  {namn}: {_sv(snabbast[namn], 1)} s")
    with tempfile.TemporaryDirectory() as tmp:
        enkel_fil = Path(tmp) / "enkel.ipynb"
        skriv_enkel_notebook(enkel_fil)
        enkel: list[float] = []
        kvoter: dict[str, list[float]] = {namn: [] for namn in kandidater}
        for _ in range(OMGANGAR):
            enkel.append(_kor_notebook(enkel_fil)[0])
            for namn in kandidater:
                kvoter[namn].append(_kor_notebook(ROT / namn)[0] / enkel[-1])
    median = {namn: statistics.median(k) for namn, k in kvoter.items()}
    langsammast = max(median, key=median.get)
    print(f"Enkel notebook (numpy, pandas, matplotlib, fyra figurer): {_sv(statistics.median(enkel), 1)} s "
          f"(median av {OMGANGAR} körningar, {_sv(min(enkel), 1)}–{_sv(max(enkel), 1)} s)")
    for namn in sorted(median, key=median.get, reverse=True):
        print(f"  {namn}: kvot {_sv(median[namn], 2)} "
              f"(median; omgångarna {_sv(min(kvoter[namn]), 2)}–{_sv(max(kvoter[namn]), 2)})")
    print(f"Kvot långsammaste notebook ({langsammast}) / enkel notebook: "
          f"{_sv(median[langsammast], 2)} (mål högst 1,5)")


def _sv(tal: float, decimaler: int) -> str:
    """Ett tal med decimalkomma, som handboken skriver tal."""
    return f"{tal:.{decimaler}f}".replace(".", ",")


def _kor_notebook(nb: Path) -> tuple[float, str]:
    ut = subprocess.run([sys.executable, __file__, "--notebook", str(nb)], cwd=ROT, check=True,
                        capture_output=True, text=True).stdout.split()
    return float(ut[0]), ut[1]


def _testsviten() -> None:
    """Hela testsviten som ``make test`` kör den: pytest-xdist, en fil eller notebook per process."""
    kommando = [sys.executable, "-m", "pytest", "-q", "-n", "auto", "--dist", "loadfile"]
    start = time.perf_counter()
    ut = subprocess.run(kommando, cwd=ROT, capture_output=True, text=True,
                        env={**os.environ, "PYTHONHASHSEED": "0"})
    sekunder = time.perf_counter() - start
    sista = (ut.stdout.strip().splitlines() or ["(ingen utdata)"])[-1]
    print(f"Testsviten (make test, pytest -n auto på {os.cpu_count()} kärnor): {_sv(sekunder, 0)} s; {sista}")


def _lagesbild() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        sekunder = _tid([sys.executable, "-m", "tryggaplatser", "lagesbild", "mellanstad", "--ut", tmp])
        pdf = (Path(tmp) / "lagesbild.pdf").exists()
    print(f"Lägesbilden för Mellanstad (python -m tryggaplatser lagesbild): {_sv(sekunder, 1)} s"
          + ("" if pdf else " (utan PDF: Chromium saknas)"))


def main() -> int:
    from kor_notebooks import alla_notebooks

    python = sys.executable
    jupyter_book = str(Path(python).parent / "jupyter-book")
    print("Maskin:", platform.platform(), "|", os.cpu_count(), "kärnor |", platform.python_version())
    with tempfile.TemporaryDirectory() as tmp:
        full = _tid([jupyter_book, "build", ".", "--all", "--path-output", tmp])
        # Det första omgygget läser om referenslistan (sphinxcontrib-bibtex gör så); det andra är
        # det vanliga fallet när en författare bygger om utan att ha ändrat något.
        forsta = _tid([jupyter_book, "build", ".", "--path-output", tmp])
        andra = _tid([jupyter_book, "build", ".", "--path-output", tmp])
        print(f"Fullständigt bygge: {_sv(full, 1)} s")
        print(f"Bygge utan ändringar: {_sv(forsta, 1)} s första gången, {_sv(andra, 1)} s därefter")
        _byggkvot(full)
        html = Path(tmp) / "_build" / "html"
        _tyngsta_sidan(html)
        filer = [f for f in html.rglob("*") if f.is_file()]
        storlek = sum(f.stat().st_size for f in filer if f.suffix != ".gz")
        gz = sum(f.stat().st_size for f in filer if f.suffix == ".gz")
        print(f"Hela webbplatsen: {_sv(storlek / 1024 / 1024, 1)} MiB, och {_sv(gz / 1024 / 1024, 1)} MiB "
              "förkomprimerade kopior (.gz)")

    _oversatt_paketet()
    _paketet()
    _egna_filer()
    _lagesbild()
    print("Notebooks (körtid, kärnans högsta minne):")
    tider = {}
    for nb in alla_notebooks():
        sekunder, minne = _kor_notebook(nb)
        tider[str(nb.relative_to(ROT))] = sekunder
        print(f"  {nb.relative_to(ROT)}: {_sv(sekunder, 1)} s, {minne} MiB")
    _notebookkvot(tider)
    mappar = [m for m in ("chapters", "exercises") if (ROT / m).is_dir()]
    nbval = _tid([python, "-m", "pytest", "-q", "-o", "addopts=", "--nbval", "--nbval-current-env",
                  "--nbval-sanitize-with", "tests/sanitize.cfg", *mappar])
    print(f"nbval, alla notebooks: {_sv(nbval, 1)} s")
    _testsviten()
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--notebook":
        kor_en_notebook(sys.argv[2])
    elif sys.argv[1:] == ["--egna-filer"]:
        _egna_filer()
    elif sys.argv[1:] == ["--lagesbild"]:
        _lagesbild()
    elif sys.argv[1:] == ["--sidvikt"]:
        _bara_sidvikt()
    elif sys.argv[1:] == ["--kvoter"]:
        _byggkvot()
        _notebookkvot()
    else:
        sys.exit(main())
