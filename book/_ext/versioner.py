"""Handbokens versioner: ändringsloggen som data, versionssidan och versionsväljaren.

- :func:`las_andringslogg` läser CHANGELOG.md (Keep a Changelog på svenska) till en
  lista med versioner: nummer, datum och ändringar per avsnitt.
- Direktivet ``versionslista`` gör en tabell över de utgivna versionerna med datum och
  antalet ändringar per avsnitt, gjord ur CHANGELOG.md vid bygget.
- Varje sida får versionsväljaren (mallen ``versionsval.html`` i sidopanelen, med
  ``versioner.js``). Skriptet läser ``../versioner.json`` när handboken ligger i ett
  versionsträd (se ``scripts/bygg_versioner.py``). Utan den filen, eller öppnad från
  filsystemet, visar väljaren bara en vanlig länk till versionssidan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

ROT = Path(__file__).resolve().parents[2]
ANDRINGSLOGG = ROT / "CHANGELOG.md"
#: De enda avsnitten som en version får ha, i Keep a Changelogs ordning.
AVSNITT = ("Tillagt", "Ändrat", "Rättat", "Borttaget")
EJ_UTGIVEN = "Ej utgiven"
_VERSIONSRUBRIK = re.compile(
    r"^## \[(?P<namn>[^\]]+)\](?:\s+[–-]\s+(?P<datum>\d{4}-\d{2}-\d{2}))?\s*$")
_SEMVER = re.compile(r"\d+\.\d+\.\d+")
_MANADER = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
            "september", "oktober", "november", "december")


@dataclass
class Version:
    namn: str
    datum: date | None
    #: Avsnittets rubrik -> ändringarna (punkternas text).
    avsnitt: dict[str, list[str]] = field(default_factory=dict)

    @property
    def utgiven(self) -> bool:
        return self.namn != EJ_UTGIVEN


class AndringsloggFel(ValueError):
    """CHANGELOG.md följer inte formatet."""


def las_andringslogg(text: str) -> list[Version]:
    """Versionerna i ändringsloggen, den nyaste först.

    Kastar :class:`AndringsloggFel` för en versionsrubrik som inte är ``[Ej utgiven]``
    eller ``[X.Y.Z] – ÅÅÅÅ-MM-DD``, och för ett avsnitt som inte är ett av :data:`AVSNITT`.
    """
    versioner: list[Version] = []
    aktuellt: list[str] | None = None
    for nr, rad in enumerate(text.splitlines(), start=1):
        if rad.startswith("## "):
            traff = _VERSIONSRUBRIK.match(rad)
            if not traff:
                raise AndringsloggFel(f"rad {nr}: versionsrubriken {rad!r} följer inte formatet")
            namn, datum = traff.group("namn"), traff.group("datum")
            if namn == EJ_UTGIVEN and datum is None:
                versioner.append(Version(namn, None))
            elif _SEMVER.fullmatch(namn) and datum:
                versioner.append(Version(namn, date.fromisoformat(datum)))
            else:
                raise AndringsloggFel(
                    f"rad {nr}: {rad!r}; skriv ## [{EJ_UTGIVEN}] eller ## [X.Y.Z] – ÅÅÅÅ-MM-DD")
            aktuellt = None
        elif rad.startswith("### "):
            rubrik = rad[4:].strip()
            if rubrik not in AVSNITT:
                raise AndringsloggFel(f"rad {nr}: avsnittet {rubrik!r} är inte ett av {', '.join(AVSNITT)}")
            if not versioner:
                raise AndringsloggFel(f"rad {nr}: avsnittet {rubrik!r} står före första versionen")
            aktuellt = versioner[-1].avsnitt.setdefault(rubrik, [])
        elif rad.startswith("- ") and aktuellt is not None:
            aktuellt.append(rad[2:].strip())
        elif rad.startswith("  ") and aktuellt:
            aktuellt[-1] += " " + rad.strip()
    return versioner


def senaste_utgivna(versioner: list[Version]) -> Version | None:
    return next((v for v in versioner if v.utgiven), None)


def svenskt_datum(dag: date) -> str:
    """29 november 2026."""
    return f"{dag.day} {_MANADER[dag.month - 1]} {dag.year}"


def _antal_text(version: Version) -> str:
    ord_ = {"Tillagt": "tillagda", "Ändrat": "ändrade", "Rättat": "rättade", "Borttaget": "borttagna"}
    delar = [f"{len(version.avsnitt[a])} {ord_[a]}" for a in AVSNITT if version.avsnitt.get(a)]
    return ", ".join(delar) if delar else "inga ändringar listade"


class Versionslista(SphinxDirective):
    """Tabell över handbokens versioner ur CHANGELOG.md."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(ANDRINGSLOGG))
        versioner = las_andringslogg(ANDRINGSLOGG.read_text(encoding="utf-8"))
        tabell = nodes.table(classes=["versionslista"])
        grupp = nodes.tgroup(cols=3)
        tabell += grupp
        for bredd in (1, 1, 3):
            grupp += nodes.colspec(colwidth=bredd)
        huvud = nodes.thead()
        grupp += huvud
        huvud += self._rad(["Version", "Utgiven", "Ändringar"], rubrik=True)
        kropp = nodes.tbody()
        grupp += kropp
        for version in versioner:
            if not version.utgiven and not version.avsnitt:
                continue  # en tom [Ej utgiven] direkt efter en utgåva
            namn = version.namn if version.utgiven else "Kommande version"
            datum = svenskt_datum(version.datum) if version.datum else "inte utgiven än"
            kropp += self._rad([namn, datum, _antal_text(version)])
        return [tabell]

    @staticmethod
    def _rad(celler: list[str], rubrik: bool = False) -> nodes.row:
        rad = nodes.row()
        for text in celler:
            cell = nodes.entry()
            cell += nodes.paragraph(text=text)
            rad += cell
        return rad


def _sidans_data(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Sidans sökväg i webbplatsen (till exempel ``book/index.html``) för versionsväljaren."""
    context["handbok_sida"] = pagename + getattr(app.builder, "out_suffix", "")


def setup(app: Sphinx) -> dict[str, object]:
    app.add_directive("versionslista", Versionslista)
    app.add_js_file("versioner.js", loading_method="defer")
    app.connect("html-page-context", _sidans_data)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
