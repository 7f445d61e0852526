"""Handbokens mallar på webbplatsen.

Bygget skriver varje mall (se ``tryggaplatser.mallar``) till mappen ``mallar/`` i
utmappen, så att filerna alltid är gjorda ur samma källa som handboken byggdes med.
Rollen ``{mall}`atgardsplan.xlsx``` (eller ``{mall}`Åtgärdsplan i Excel <atgardsplan.xlsx>```)
länkar till en fil där. En fil som ingen mall ger stoppar det strikta bygget.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.osutil import relative_uri

from tryggaplatser.mallar import las_mall, mallnamn, skriv_alla

MAPP = "mallar"
_logg = logging.getLogger(__name__)
_TITEL_OCH_FIL = re.compile(r"^(.*?)\s*<([^<>]+)>$")


@functools.cache
def _filer() -> frozenset[str]:
    """Mallfilernas namn; mallarna läses en gång per bygge, inte en gång per länk."""
    return frozenset(f"{m['namn']}.{f}" for m in map(las_mall, mallnamn()) for f in m["format"])


def mall_roll(namn, rawtext, text, lineno, inliner, options=None, content=None):  # noqa: ARG001
    traff = _TITEL_OCH_FIL.match(text)
    titel, fil = (traff.group(1), traff.group(2)) if traff else (text, text)
    if fil not in _filer():
        _logg.warning("okänd mallfil %s; handbokens mallfiler: %s", fil, ", ".join(sorted(_filer())),
                      location=inliner.document.current_source, type="mallar")
    env = inliner.document.settings.env
    builder = env.app.builder
    if hasattr(builder, "get_target_uri"):
        uri = relative_uri(builder.get_target_uri(env.docname), f"{MAPP}/{fil}")
    else:
        uri = f"{MAPP}/{fil}"
    lank = nodes.reference(rawtext, titel, refuri=uri, classes=["mallfil"])
    return [lank], []


def _skriv_mallar(app: Sphinx, undantag: Exception | None) -> None:
    if undantag is None and app.builder.format == "html":
        skriv_alla(Path(app.outdir) / MAPP)


def setup(app: Sphinx) -> dict[str, object]:
    app.add_role("mall", mall_roll)
    app.connect("build-finished", _skriv_mallar)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
