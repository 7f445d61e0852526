"""Bygg handbokens versioner bredvid varandra i ett enda webbplatsträd.

Användning: ``make versioner``, eller
``python scripts/bygg_versioner.py [--ut _build/versioner] [--webbplats _build/html]``.

Trädet får

- ``vX.Y.Z/`` för varje git-tagg ``vX.Y.Z`` (byggd i en tillfällig ``git worktree``)
  och för arbetskopian (under sin version ur ``tryggaplatser.__version__``; en tagg med
  samma version byggs inte, arbetskopian gäller);
- ``latest/``: en kopia av den nyaste versionen;
- ``versioner.json``: versionerna, den nyaste först, med datum ur CHANGELOG.md och
  sidorna som finns i varje version;
- ``index.html``: skickar läsaren vidare till ``latest/``.

Versionsväljaren (``book/_static/versioner.js``) läser ``../versioner.json`` från
samma server. En äldre tagg kan vara byggd med kod som saknar väljaren. Därför går
skriptet efteråt igenom varje äldre versions sidor:

- sidor utan väljare får den (samma HTML som ``book/_templates/versionsval.html``);
- varje versions ``_static/versioner.js`` byts mot arbetskopians;
- varje sida i en äldre version får överst ett besked om att en nyare version finns,
  med en länk till samma sida i ``latest/`` om sidan finns där, annars till startsidan.
  Beskedet står i HTML-filen, så det syns också utan skript och från filsystemet.

En fil som ändras får också en ny förkomprimerad kopia (``.gz``), om bygget gjorde en.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from html import escape
from pathlib import Path

ROT = Path(__file__).resolve().parent.parent
UT = ROT / "_build" / "versioner"
START = "book/index.html"
_TAGG = re.compile(r"^v(\d+)\.(\d+)\.(\d+)$")
sys.path.insert(0, str(ROT / "book" / "_ext"))

from versioner import las_andringslogg, svenskt_datum  # noqa: E402

NOTIS_ID = "handbok-versionsnotis"


@dataclass
class Byggd:
    version: str
    html: Path

    @property
    def mapp(self) -> str:
        return f"v{self.version}"


def _nyckel(version: str) -> tuple[int, ...]:
    return tuple(int(d) for d in version.split("."))


def taggar(repo: Path) -> list[str]:
    """Versionerna som har en git-tagg ``vX.Y.Z``, den nyaste först."""
    ut = subprocess.run(["git", "tag", "--list", "v*"], cwd=repo, capture_output=True, text=True, check=True)
    versioner = [t[1:] for t in ut.stdout.split() if _TAGG.match(t)]
    return sorted(versioner, key=_nyckel, reverse=True)


def arbetskopians_version(repo: Path) -> str:
    text = (repo / "tryggaplatser" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE).group(1)


def bygg_handboken(kalla: Path, ut: Path, strikt: bool) -> Path:
    """Bygg handboken i ``kalla`` till ``ut``, med källans eget paket tryggaplatser."""
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    kommando = [str(jupyter_book), "build", str(kalla), "--all", "--keep-going", "--path-output", str(ut)]
    if strikt:
        kommando[3:3] = ["-W", "-n"]
    sokvagar = [str(kalla), os.environ.get("PYTHONPATH")]
    miljo = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, sokvagar))}
    resultat = subprocess.run(kommando, cwd=kalla, capture_output=True, text=True, env=miljo)
    if resultat.returncode != 0 or not (ut / "_build" / "html" / START).is_file():
        logg = resultat.stdout[-3000:] + resultat.stderr[-3000:]
        raise SystemExit(f"Bygget av {kalla} misslyckades:\n{logg}")
    return ut / "_build" / "html"


def bygg_tagg(repo: Path, version: str, tmp: Path) -> Path:
    """Bygg taggen ``v<version>`` i en tillfällig git worktree."""
    trad = tmp / f"kalla-v{version}"
    subprocess.run(["git", "worktree", "add", "--detach", "--quiet", str(trad), f"v{version}"],
                   cwd=repo, check=True, capture_output=True)
    try:
        return bygg_handboken(trad, tmp / f"bygge-v{version}", strikt=False)
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(trad)], cwd=repo, capture_output=True)


def sidor(html: Path) -> list[str]:
    return sorted(
        p.relative_to(html).as_posix() for p in html.rglob("*.html")
        if not {"_static", "_sources", "_images"} & set(p.relative_to(html).parts)
    )


def versionslista(byggda: list[Byggd], andringslogg: str) -> dict:
    """Innehållet i ``versioner.json``: den nyaste versionen först."""
    datum = {v.namn: v.datum for v in las_andringslogg(andringslogg) if v.datum}
    return {
        "nyaste": byggda[0].version,
        "versioner": [
            {"version": b.version, "mapp": b.mapp, "start": START,
             "datum": svenskt_datum(datum[b.version]) if b.version in datum else None,
             "sidor": sidor(b.html)}
            for b in byggda
        ],
    }


def _rot(sida: str) -> str:
    return "../" * sida.count("/")


def valjarens_html(version: str, sida: str) -> str:
    """Samma HTML som book/_templates/versionsval.html."""
    rot = _rot(sida)
    return (
        f'<nav class="handbok-versioner" aria-label="Version" data-version="{escape(version)}" '
        f'data-rot="{rot}" data-sida="{escape(sida)}">\n'
        f'  <p class="handbok-versioner__nu">Version {escape(version)}</p>\n'
        f'  <p class="handbok-versioner__lank"><a href="{rot}book/versioner.html">Alla versioner</a></p>\n'
        "</nav>\n"
    )


def notisens_html(version: str, nyaste: str, sida: str, nyaste_sidor: set[str]) -> str:
    """Beskedet överst på en sida i en äldre version."""
    finns = sida in nyaste_sidor
    mal = f"{_rot(sida)}../latest/{sida if finns else START}"
    text = "Läs samma sida i den nyaste versionen" if finns else "Gå till den nyaste versionens startsida"
    return (
        f'<div id="{NOTIS_ID}" class="admonition warning handbok-versionsnotis" role="note">'
        f"<p>Du läser version {escape(version)}. Det finns en nyare version, {escape(nyaste)}. "
        f'<a href="{escape(mal)}">{text}</a>.</p></div>'
    )


_ARTIKEL = re.compile(r'(<article class="bd-article"[^>]*>)')
_SIDOPANEL = re.compile(r'(<nav class="bd-docs-nav)')
_HEAD_SLUT = re.compile(r"</head>")


def komplettera_sida(text: str, version: str, sida: str, nyaste: str | None, nyaste_sidor: set[str]) -> str:
    """Lägg in väljaren om den saknas, och beskedet om en nyare version när ``nyaste`` är satt."""
    if 'class="handbok-versioner"' not in text and _SIDOPANEL.search(text):
        text = _SIDOPANEL.sub(lambda m: valjarens_html(version, sida) + m.group(1), text, count=1)
        skript = f'<script defer src="{_rot(sida)}_static/versioner.js"></script>\n'
        if "versioner.js" not in text:
            text = _HEAD_SLUT.sub(lambda m: skript + m.group(0), text, count=1)
    if nyaste and NOTIS_ID not in text:
        notis = notisens_html(version, nyaste, sida, nyaste_sidor)
        text = _ARTIKEL.sub(lambda m: m.group(1) + notis, text, count=1)
    return text


def skriv(fil: Path, text: str) -> None:
    """Skriv filen, och dess förkomprimerade kopia (.gz) om bygget gjorde en sådan."""
    fil.write_text(text, encoding="utf-8")
    packad = fil.with_name(fil.name + ".gz")
    if packad.exists():
        packad.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))


def satt_ihop(byggda: list[Byggd], ut: Path, andringslogg: str) -> dict:
    """Kopiera versionerna till ``ut`` och skriv latest/, versioner.json och index.html."""
    if ut.exists():
        shutil.rmtree(ut)
    ut.mkdir(parents=True)
    data = versionslista(byggda, andringslogg)
    nyaste = byggda[0]
    nyaste_sidor = set(sidor(nyaste.html))
    skript = ROT / "book" / "_static" / "versioner.js"
    for b in byggda:
        mal = ut / b.mapp
        shutil.copytree(b.html, mal)
        skriv(mal / "_static" / "versioner.js", skript.read_text(encoding="utf-8"))
        for sida in sidor(mal):
            fil = mal / sida
            text = fil.read_text(encoding="utf-8")
            nyare = None if b is nyaste else nyaste.version
            ny = komplettera_sida(text, b.version, sida, nyare, nyaste_sidor)
            if ny != text:
                skriv(fil, ny)
    shutil.copytree(ut / nyaste.mapp, ut / "latest")
    (ut / "versioner.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    (ut / "index.html").write_text(
        '<!DOCTYPE html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="refresh" content="0; url=latest/{START}">\n'
        "<title>Trygga platser – en handbok</title>\n</head>\n<body>\n"
        f'<p><a href="latest/{START}">Gå till den nyaste versionen av handboken</a>.</p>\n</body>\n</html>\n',
        encoding="utf-8",
    )
    return data


def bygg_versioner(ut: Path = UT, repo: Path = ROT, webbplats: Path | None = None,
                   strikt: bool = True) -> dict:
    """Bygg alla taggade versioner och arbetskopian i ``repo`` bredvid varandra i ``ut``.

    ``webbplats`` är arbetskopians redan byggda webbplats (annars byggs den).
    """
    repo = Path(repo).resolve()
    aktuell = arbetskopians_version(repo)
    with tempfile.TemporaryDirectory(prefix="versioner-") as tmp:
        tmp = Path(tmp)
        html = Path(webbplats) if webbplats else bygg_handboken(repo, tmp / "bygge-arbetskopian", strikt)
        byggda = [Byggd(aktuell, html)]
        for version in taggar(repo):
            if version == aktuell:
                continue
            print(f"Bygger v{version} …", flush=True)
            byggda.append(Byggd(version, bygg_tagg(repo, version, tmp)))
        byggda.sort(key=lambda b: _nyckel(b.version), reverse=True)
        return satt_ihop(byggda, Path(ut), (repo / "CHANGELOG.md").read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    tolk = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], add_help=False)
    tolk.add_argument("-h", "--hjalp", action="help", help="visa den här hjälpen")
    tolk.add_argument("--ut", type=Path, default=UT, help="mappen för versionsträdet (_build/versioner)")
    tolk.add_argument("--webbplats", type=Path,
                      help="arbetskopians redan byggda handbok, till exempel _build/html")
    argument = tolk.parse_args(argv)
    data = bygg_versioner(argument.ut, webbplats=argument.webbplats)
    namn = ", ".join(v["version"] for v in data["versioner"])
    print(f"Klart: {argument.ut} med versionerna {namn}. Nyaste: {data['nyaste']} (också i latest/).")
    print(f"Visa: python -m http.server --directory {argument.ut} 8000")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
