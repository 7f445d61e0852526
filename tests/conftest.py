"""Gemensamma fixturer: ett strikt bygge av handboken per testkörning, och Chromium (`webblasare`).

Med pytest-xdist (``make test`` kör ``-n auto --dist loadfile``) delar alla
arbetsprocesser samma bygge: den första som behöver det bygger, med ett
fillås, och de andra läser resultatet. Utan fillås (Windows utan WSL) bygger
varje arbetsprocess sitt eget.

Fördelningen är ``loadfile`` (en testfil eller notebook i taget per process,
så att nbval kör en notebooks celler i ordning i samma kärna), med ett undantag:
webbläsartestets ljusa och mörka läge är den längsta enskilda delen av sviten
och får gå i var sin process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pytest
from hypothesis import settings

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

# Tider får aldrig avgöra om ett test går igenom: ingen tidsgräns per exempel.
settings.register_profile("handbok", deadline=None)
settings.load_profile("handbok")

ROT = Path(__file__).resolve().parent.parent


@dataclass
class Bygge:
    returkod: int
    logg: str
    html: Path
    #: Filer i arbetskopian (utanför utmappen) som bygget öppnade för att skriva,
    #: döpte om eller tog bort, relativt till roten.
    skrivna: list[str] = field(default_factory=list)
    #: Antalet filer som bygget skrev över huvud taget (också i utmappen).
    skrivna_totalt: int = 0

    def sidor(self) -> list[Path]:
        """Alla HTML-sidor som en läsare kan öppna (inte temats egna filer)."""
        return sorted(
            p
            for p in self.html.rglob("*.html")
            if not {"_static", "_sources", "_images"} & set(p.relative_to(self.html).parts)
        )


#: Kör jupyter-book i samma process med en granskningskrok (PEP 578) som antecknar
#: varje fil som bygget skriver, döper om eller tar bort.
_BYGG_MED_SKRIVLOGG = """
import json, os, sys
skrivna = set()
def krok(handelse, argument):
    if handelse == "open" and isinstance(argument[0], (str, bytes, os.PathLike)):
        sokvag, lage, flaggor = argument
        skriver = any(t in (lage or "") for t in "wax+") or (
            lage is None and flaggor & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC))
        if skriver:
            skrivna.add(os.path.abspath(os.fsdecode(sokvag)))
    elif handelse in ("os.rename", "os.remove", "os.rmdir", "os.mkdir", "shutil.rmtree"):
        for sokvag in argument[:2]:
            if isinstance(sokvag, (str, bytes, os.PathLike)):
                skrivna.add(os.path.abspath(os.fsdecode(sokvag)))
logg, *sys.argv[1:] = sys.argv[1:]
sys.argv[0] = "jupyter-book"
sys.addaudithook(krok)
from jupyter_book.cli.main import main
try:
    main()
finally:
    with open(logg, "w", encoding="utf-8") as f:
        json.dump(sorted(skrivna), f)
"""


def _bygg(ut: Path) -> Bygge:
    """Bygg hela handboken från början, strikt, till ``ut``."""
    skrivlogg = ut / "skrivna.json"
    kommando = [sys.executable, "-c", _BYGG_MED_SKRIVLOGG, str(skrivlogg),
                "build", str(ROT), "--all", "-W", "-n", "--keep-going", "--path-output", str(ut)]
    resultat = subprocess.run(kommando, cwd=ROT, capture_output=True, text=True)
    skrivna = json.loads(skrivlogg.read_text(encoding="utf-8")) if skrivlogg.exists() else []
    i_arbetskopian = sorted(
        str(Path(f).relative_to(ROT)) for f in skrivna
        if Path(f).is_relative_to(ROT) and not Path(f).is_relative_to(ut)
    )
    return Bygge(resultat.returncode, resultat.stdout + resultat.stderr, ut / "_build" / "html",
                 i_arbetskopian, len(skrivna))


def _bygg_en_gang(mapp: Path) -> Bygge:
    """Bygg till ``mapp`` om ingen annan process redan har gjort det, annars läs resultatet.

    Låset släpps av operativsystemet om processen dör; då bygger nästa process.
    """
    mapp.mkdir(parents=True, exist_ok=True)
    resultatfil = mapp / "bygge.json"
    with open(mapp / "bygge.las", "w") as las:
        fcntl.flock(las, fcntl.LOCK_EX)
        if resultatfil.exists():
            data = json.loads(resultatfil.read_text(encoding="utf-8"))
            return Bygge(**{**data, "html": Path(data["html"])})
        bygge = _bygg(mapp)
        tillfallig = resultatfil.with_suffix(".tmp")
        tillfallig.write_text(json.dumps({**asdict(bygge), "html": str(bygge.html)}), encoding="utf-8")
        tillfallig.replace(resultatfil)
        return bygge


#: Test som får gå i en egen process, fast de ligger i samma fil som andra: webbläsartestets
#: två lägen tar vardera ungefär en fjärdedel av hela svitens tid.
_EGEN_PROCESS = ("tests/test_webblasare.py::test_sidorna_ar_tillgangliga",)
#: Det här delas ut först: bygget (som de andra väntar på) och de längsta testen.
_FORST = ("tests/test_bygge.py::", *_EGEN_PROCESS)


@pytest.hookimpl(tryfirst=True, optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """Som ``--dist loadfile``, men testen i _EGEN_PROCESS fördelas ett och ett.

    Arbetet delas ut i insamlingsordning (se pytest_collection_modifyitems), inte
    med de filer som har flest test först: de långa webbläsartesten ska börja direkt.
    """
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class _Fordelning(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return nodeid if nodeid.startswith(_EGEN_PROCESS) else super()._split_scope(nodeid)

    config.option.loadscopereorder = False
    return _Fordelning(config, log)


def pytest_collection_modifyitems(config, items):
    """I pytest-xdists arbetsprocesser: bygget och de längsta testen först (ordningen i övrigt behålls)."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        items.sort(key=lambda item: not item.nodeid.startswith(_FORST))


@pytest.fixture(scope="session")
def bygge(tmp_path_factory: pytest.TempPathFactory) -> Bygge:
    """Handboken byggd från början, strikt, i en tillfällig mapp (en gång per testkörning)."""
    if fcntl is None:
        return _bygg(tmp_path_factory.mktemp("bygge"))
    gemensam = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        # Arbetsprocessernas tillfälliga mappar ligger i körningens gemensamma mapp.
        gemensam = gemensam.parent
    return _bygg_en_gang(gemensam / "handbok")


@pytest.fixture(scope="session")
def sidor(bygge: Bygge) -> list[Path]:
    """De byggda sidorna; ett bygge utan sidor är ett fel, inte ett tomt godkänt test."""
    sidor = bygge.sidor()
    assert sidor, f"Inga byggda sidor i {bygge.html}; bygget misslyckades (se test_bygge.py)."
    return sidor


@pytest.fixture(scope="module")
def webblasare():
    """Chromium utan fönster, en per testfil. Saknas Chromium hoppas testet över (i CI: fel)."""
    from playwright.sync_api import sync_playwright
    from test_webblasare import CHROMIUM_FLAGGOR, _chromium

    sokvag = _chromium()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=sokvag, args=CHROMIUM_FLAGGOR)
        yield browser
        browser.close()
