"""Lokalt Sphinx-tillägg för handboken.

- Versionen hämtas från paketet tryggaplatser (det enda stället där den står),
  visas i sidfoten på varje sida och finns i texten som ``{{ version }}``.
- Koden i kapitlens notebooks är dold tills läsaren väljer att visa den.
- Sidorna laddar inte sphinx-thebe, som handboken inte använder.
- Referenslistan får ARIA-roller som axe-core godtar.
- Rotens omdirigeringssida får svenska som språk och en vanlig länk.
"""

from __future__ import annotations

import json
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

from tryggaplatser import __version__

#: Taggar som redan bestämmer hur en kodcell visas.
_VISNINGSTAGGAR = {"hide-input", "hide-cell", "remove-input", "remove-cell", "show-input"}


def _satt_version(app: Sphinx, config: Config) -> None:
    config.version = __version__
    config.release = __version__
    config.myst_substitutions = {**config.myst_substitutions, "version": __version__}
    fot = (
        f'<p class="handbok-version">Handboken Trygga platser, version {__version__}. '
        "Text och figurer: CC BY 4.0. Kod: MIT.</p>"
    )
    config.html_theme_options = {**config.html_theme_options, "extra_footer": fot}


def _dolj_kod(app: Sphinx, docname: str, source: list[str]) -> None:
    """Ge varje kodcell taggen hide-input, om cellen inte redan säger något annat."""
    if not str(app.env.doc2path(docname)).endswith(".ipynb"):
        return
    nb = json.loads(source[0])
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        taggar = cell.setdefault("metadata", {}).setdefault("tags", [])
        if not _VISNINGSTAGGAR & set(taggar):
            taggar.append("hide-input")
    source[0] = json.dumps(nb)


def _koppla_bort_thebe(app: Sphinx) -> None:
    """Stäng av sphinx-thebe, som Jupyter Book alltid laddar.

    Handboken kör ingen kod i webbläsaren. Tillägget lägger annars en adress
    till en extern värd och sitt skript två gånger på varje sida (det senare
    ger ett JavaScript-fel).
    """
    for lyssnare in list(app.events.listeners.values()):
        for post in list(lyssnare):
            if getattr(post.handler, "__module__", "").startswith("sphinx_thebe"):
                app.disconnect(post.id)


def _utan_thebe_css(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if "css_files" in context:
        context["css_files"] = [f for f in context["css_files"] if "thebe" not in str(f)]


def _tillganglig_html(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Rätta en brist som axe-core hittar i Sphinx egen HTML.

    Referenslistans poster har den föråldrade ARIA-rollen doc-biblioentry;
      de blir vanliga listposter i listan som Sphinx redan märker som lista.
    """
    if "body" in context:
        context["body"] = context["body"].replace('role="doc-biblioentry"', 'role="listitem"')


def _svensk_omdirigering(app: Sphinx, exception: Exception | None) -> None:
    if exception or app.builder.format != "html":
        return
    start = app.config.root_doc + ".html"
    Path(app.outdir, "index.html").write_text(
        '<!DOCTYPE html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="refresh" content="0; url={start}">\n'
        "<title>Trygga platser – en handbok</title>\n</head>\n<body>\n"
        f'<p><a href="{start}">Gå till handbokens startsida</a>.</p>\n</body>\n</html>\n',
        encoding="utf-8",
    )


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", _satt_version)
    app.connect("source-read", _dolj_kod)
    app.connect("builder-inited", _koppla_bort_thebe)
    app.connect("html-page-context", _utan_thebe_css)
    app.connect("html-page-context", _tillganglig_html)
    # Efter jupyter-books egen omdirigeringssida, som saknar språk.
    app.connect("build-finished", _svensk_omdirigering, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
