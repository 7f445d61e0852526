"""Alternativtexter med värden från beräkningen.

En figurs alternativtext står i kodcellens metadata (``mystnb.image.alt``) och
kan inte ändras när notebooken körs. Bildtexten kan redan klistra in värden
med ``{glue:text}`nyckel```. Det här tillägget gör samma sak i
alternativtexten: varje ``{glue:text}`nyckel``` ersätts med värdet som
notebooken klistrade in under den nyckeln. Så följer talen och namnen i
alternativtexten med när datan eller platsen ändras.

En nyckel som notebooken inte har klistrat in ger en varning, och det
strikta bygget stoppar då.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

_PLATSHALLARE = re.compile(r"\{glue:text\}`([^`]+)`")
_logg = logging.getLogger(__name__)


def _klistrade_texter(notebook: Path) -> dict[str, str]:
    """Alla textvärden som notebooken har klistrat in med glue."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    texter = {}
    for cell in nb.get("cells", []):
        for utdata in cell.get("outputs", []):
            namn = utdata.get("metadata", {}).get("scrapbook", {}).get("name")
            # glue sparar värdet under application/papermill.record/text/plain
            text = next((v for k, v in utdata.get("data", {}).items()
                         if k.endswith("text/plain")), None)
            if namn and text is not None:
                varde = "".join(text) if isinstance(text, list) else text
                try:
                    varde = ast.literal_eval(varde)  # glue sparar repr: 'text'
                except (ValueError, SyntaxError):
                    pass
                texter[namn] = str(varde)
    return texter


def _fyll_i_alttexter(app: Sphinx, doctree: nodes.document) -> None:
    kalla = Path(doctree.get("source", ""))
    bilder = [b for b in doctree.findall(nodes.image) if "{glue:" in b.get("alt", "")]
    if not bilder or kalla.suffix != ".ipynb":
        return
    texter = _klistrade_texter(kalla)
    for bild in bilder:
        saknas = [n for n in _PLATSHALLARE.findall(bild["alt"]) if n not in texter]
        for nyckel in saknas:
            _logg.warning(f"Alternativtexten använder {nyckel!r}, som notebooken inte "
                          "klistrar in med glue.", location=bild)
        bild["alt"] = _PLATSHALLARE.sub(lambda m: texter.get(m.group(1), m.group(1)), bild["alt"])


def setup(app: Sphinx) -> dict:
    app.connect("doctree-read", _fyll_i_alttexter)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
