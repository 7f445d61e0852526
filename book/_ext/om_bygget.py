"""Sidan "Om bygget": vilka paketversioner handboken byggdes och testades med.

Direktivet ``paketversioner`` skriver en tabell (Paket, Version) med den installerade
versionen av varje paket i ``requirements.txt``, följd av Pythons version och dagens
datum på svenska. Allt läses när sidan byggs, så sidan läses om vid varje bygge.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import re
from importlib import metadata
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)

ROT = Path(__file__).resolve().parents[2]
KRAVFIL = ROT / "requirements.txt"
_MANADER = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
            "september", "oktober", "november", "december"]
_RAD = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)\s*==\s*([^\s;#]+)")


def svenskt_datum(dag: dt.date) -> str:
    """29 november 2026."""
    return f"{dag.day} {_MANADER[dag.month - 1]} {dag.year}"


def byggdatum() -> dt.date:
    """Dagens datum, eller SOURCE_DATE_EPOCH om den är satt (reproducerbara byggen)."""
    epok = os.environ.get("SOURCE_DATE_EPOCH")
    if epok:
        return dt.datetime.fromtimestamp(int(epok), tz=dt.UTC).date()
    return dt.date.today()


def paket(kravfil: Path = KRAVFIL) -> list[tuple[str, str]]:
    """(paket, installerad version) för varje låst paket i kravfilen, i filens ordning."""
    rader = []
    for rad in kravfil.read_text(encoding="utf-8").splitlines():
        traff = _RAD.match(rad.strip())
        if not traff:
            continue
        namn = traff.group(1)
        try:
            version = metadata.version(namn)
        except metadata.PackageNotFoundError:
            version = "inte installerat"
        rader.append((namn, version))
    return rader


def _cell(text: str, literal: bool = False) -> nodes.entry:
    stycke = nodes.paragraph()
    stycke += nodes.literal(text, text) if literal else nodes.Text(text)
    return nodes.entry("", stycke)


class Paketversioner(SphinxDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(KRAVFIL))
        self.env.metadata[self.env.docname]["paketversioner"] = True
        rader = paket()
        if not rader:
            logger.warning("Hittar inga låsta paket i %s", KRAVFIL, location=self.get_location())
        tabell = nodes.table(classes=["paketversioner"])
        grupp = nodes.tgroup(cols=2)
        tabell += grupp
        grupp += [nodes.colspec(colwidth=3), nodes.colspec(colwidth=2)]
        huvud = nodes.thead()
        huvud += nodes.row("", _cell("Paket"), _cell("Version"))
        grupp += huvud
        kropp = nodes.tbody()
        for namn, version in rader:
            kropp += nodes.row("", _cell(namn, literal=True), _cell(version, literal=True))
        grupp += kropp
        titel = nodes.title("", f"Paketen som handboken byggdes och testades med ({len(rader)} paket)")
        tabell.insert(0, titel)
        fakta = nodes.paragraph(
            "",
            f"Python {platform.python_version()}. "
            f"Byggd {svenskt_datum(byggdatum())}.",
        )
        return [fakta, tabell]


def _las_alltid_om(app: Sphinx, env: BuildEnvironment, tillagda, andrade, borttagna) -> list[str]:
    """Sidorna med direktivet läses om vid varje bygge: datumet och versionerna kan ha ändrats."""
    return [namn for namn in env.found_docs if env.metadata.get(namn, {}).get("paketversioner")]


def setup(app: Sphinx) -> dict:
    app.add_directive("paketversioner", Paketversioner)
    app.connect("env-get-outdated", _las_alltid_om)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
