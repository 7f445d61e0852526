"""Lokalt Sphinx-tillägg för handboken.

- Versionen hämtas från paketet tryggaplatser (det enda stället där den står),
  visas i sidfoten på varje sida och finns i texten som ``{{ version }}``.
- Koden i kapitlens notebooks är dold tills läsaren väljer att visa den.
- Sidorna laddar inte sphinx-thebe, som handboken inte använder.
- Referenslistan får ARIA-roller som axe-core godtar.
- Rotens omdirigeringssida får svenska som språk och en vanlig länk.
- Kapitlen numreras i följd över handbokens delar, och ett kapitels sidor
  numreras 5.1, 5.2 ...: rubrikerna på kapitlets första sida får inga nummer.
- Knappen som visar dold kod har bara sin synliga svenska text som namn.
- Kopieringsknappen (sphinx-copybutton) och fällknapparna (sphinx-togglebutton)
  har svenska namn och texter.
"""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path
from typing import cast

from docutils import nodes
from myst_nb.sphinx_ import HideCodeCellNode
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.environment.collectors.toctree import TocTreeCollector
from sphinx.util import logging, url_re

from tryggaplatser import __version__

logger = logging.getLogger(__name__)

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


#: sphinx-exercise skriver lösningens rubrik som "Lösning till Övning (5.1)"; länkens text är " Övning (5.1)".
_OVNINGSLANK = re.compile(r"^\s*\S+ \((?P<nummer>[^)]+)\)$")


def _losningens_rubrik(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Lösningen heter "Lösning till uppgift 5.1", som uppgiftens rubrik på sidan ("Uppgift 5.1")."""
    from sphinx_exercise.nodes import solution_node

    for losning in doctree.findall(solution_node):
        rubrik = losning.children[0]
        for i, lank in enumerate(rubrik.children):
            traff = _OVNINGSLANK.match(lank.astext()) if isinstance(lank, nodes.reference) else None
            if not traff:
                continue
            lank.clear()
            lank += nodes.Text(f"uppgift {traff['nummer']}")
            # Mellanslaget före länken står utanför den, så att det inte blir understruket.
            if i > 0 and isinstance(rubrik[i - 1], nodes.Text) and not rubrik[i - 1].endswith(" "):
                rubrik[i - 1] = nodes.Text(f"{rubrik[i - 1]} ")


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


#: Ändringar i skript som tillägg lägger i _static/, där texterna är hårdkodade på engelska.
#: sphinx-copybutton 0.5.2 väljer språk efter <html lang> men har ingen svenska.
_SVENSKA_SKRIPT = {
    "copybutton.js": [(
        "const messages = {\n",
        "const messages = {\n  'sv': {\n    'copy': 'Kopiera',\n"
        "    'copy_to_clipboard': 'Kopiera till urklipp',\n    'copy_success': 'Kopierat!',\n"
        "    'copy_failure': 'Kunde inte kopiera',\n  },\n",
    )],
    "togglebutton.js": [(
        'aria-label="Toggle hidden content"', 'aria-label="Visa eller dölj innehållet"',
    )],
}


def _svenska_skript(app: Sphinx, exception: Exception | None) -> None:
    """Översätt de engelska texterna i tilläggens skript i den byggda webbplatsen.

    Hittas inte texten som ska bytas (en ny version av tillägget) blir det en
    varning, och med -W ett fel, så att ingen engelska slinker igenom tyst.
    """
    if exception or app.builder.format != "html":
        return
    for namn, byten in _SVENSKA_SKRIPT.items():
        fil = Path(app.outdir, "_static", namn)
        if not fil.exists():
            continue
        text = fil.read_text(encoding="utf-8")
        for gammalt, nytt in byten:
            if nytt in text:
                continue
            if gammalt not in text:
                logger.warning("Hittar inte %r i %s; har tillägget bytt version?", gammalt, fil)
                continue
            text = text.replace(gammalt, nytt, 1)
        fil.write_text(text, encoding="utf-8")


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


def _har_undersidor(toc: nodes.Node) -> bool:
    return any(True for _ in toc.findall(addnodes.toctree))


def _numrera_avsnitt(self: TocTreeCollector, env: BuildEnvironment) -> list[str]:
    """Ge avsnittsnummer till rubrikerna under de numrerade innehållsförteckningarna.

    Ersätter Sphinx ``TocTreeCollector.assign_section_numbers`` (Sphinx 7.4) med
    två skillnader:

    - Numreringen fortsätter från en innehållsförteckning till nästa, så att
      kapitlen i delen Analys fortsätter efter kapitlen i delen Grunder. Det gör
      också sphinx-multitoc-numbering, som Jupyter Book laddar med
      ``use_multitoc_numbering: true`` och som den här funktionen ersätter.
    - Rubrikerna på en sida som har egna undersidor (ett kapitels första sida)
      får inga nummer. Annars tar de nummer 5.1, 5.2 ... och kapitlets första
      notebook blir 5.8. Figurer och tabeller under de rubrikerna numreras
      ändå efter kapitlet (Sphinx ger dem förälderns nummer).

    Returnerar sidorna vars nummer har ändrats och som måste skrivas om.
    """
    skriv_om: list[str] = []
    tilldelade: set[str] = set()
    gamla = env.toc_secnumbers
    env.toc_secnumbers = {}
    nummer: list[int] = []
    kapitel = 0

    def _ga_igenom_sidan(nod: nodes.Element, siffror: dict, djup: int,
                         titel: nodes.title | None, utan_nummer: bool) -> None:
        nonlocal kapitel
        for under in nod.children:
            if isinstance(under, nodes.bullet_list):
                nummer.append(0)
                _ga_igenom_sidan(under, siffror, djup - 1, titel, utan_nummer)
                nummer.pop()
                titel = None
            elif isinstance(under, (nodes.list_item, addnodes.only)):
                _ga_igenom_sidan(under, siffror, djup, titel, utan_nummer)
                titel = None
            elif isinstance(under, addnodes.compact_paragraph):
                if "skip_section_number" in under:
                    continue
                referens = cast(nodes.reference, under[0])
                if utan_nummer and titel is None:
                    # En rubrik under sidans titel: ett tomt nummer, så att
                    # Sphinx inte heller visar sidans nummer vid rubriken.
                    siffror[referens["anchorname"]] = ()
                    referens["secnumber"] = None
                    continue
                nummer[-1] += 1
                if len(nummer) == 1:
                    kapitel = nummer[0]
                tal = list(nummer) if djup > 0 else None
                siffror[referens["anchorname"]] = tuple(nummer) if djup > 0 else ()
                referens["secnumber"] = tal
                if titel:
                    titel["secnumber"] = tal
                    titel = None
            elif isinstance(under, addnodes.toctree):
                _ga_igenom_forteckningen(under, djup)

    def _ga_igenom_forteckningen(forteckning: addnodes.toctree, djup: int) -> None:
        if djup == 0:
            return
        for _titel, sida in forteckning["entries"]:
            if url_re.match(sida) or sida == "self":
                continue
            if sida in tilldelade:
                logger.warning(
                    "%s har redan fått avsnittsnummer (nästlad numrerad innehållsförteckning?)",
                    sida, location=forteckning, type="toc", subtype="secnum")
            elif sida in env.tocs:
                siffror: dict[str, tuple[int, ...]] = {}
                env.toc_secnumbers[sida] = siffror
                tilldelade.add(sida)
                _ga_igenom_sidan(env.tocs[sida], siffror, djup, env.titles.get(sida),
                                 _har_undersidor(env.tocs[sida]))
                if siffror != gamla.get(sida):
                    skriv_om.append(sida)

    # Sidorna i den ordning Sphinx läste in dem, som sphinx-multitoc-numbering.
    for sida in [s for s in env.tocs if s in env.numbered_toctrees]:
        tilldelade.add(sida)
        for forteckning in env.get_doctree(sida).findall(addnodes.toctree):
            djup = forteckning.get("numbered", 0)
            if djup:
                nummer[:] = [kapitel]
                _ga_igenom_forteckningen(forteckning, djup)
    return skriv_om


def _visa_dold_kod(self, node: HideCodeCellNode) -> None:
    """Som myst-nb:s visit_HideCellInput, men utan den engelska aria-etiketten.

    ``<summary>`` får då sitt namn av den synliga texten ("Visa koden" eller
    "Dölj koden"), som WCAG 2.5.3 kräver.
    """
    self.body.append(f'<details class="admonition hide {" ".join(node["classes"])}">\n')
    self.body.append("<summary>\n")
    self.body.append(f'<p class="collapsed admonition-title">{escape(node["prompt_show"])}</p>\n')
    self.body.append(f'<p class="expanded admonition-title">{escape(node["prompt_hide"])}</p>\n')
    self.body.append("</summary>\n")


def _dold_kod_slut(self, node: HideCodeCellNode) -> None:
    self.body.append("</details>\n")


def _byt_numrering(app: Sphinx, config: Config) -> None:
    """Efter alla tilläggs setup, så att också sphinx-multitoc-numberings version ersätts.

    sphinx-external-toc:s insamlare anropar den här funktionen och sätter sedan om
    kapitelnumren i följd, eftersom ``use_multitoc_numbering`` är sant.
    """
    TocTreeCollector.assign_section_numbers = _numrera_avsnitt


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", _byt_numrering)
    app.setup_extension("myst_nb")
    app.add_node(HideCodeCellNode, override=True, html=(_visa_dold_kod, _dold_kod_slut))
    app.connect("config-inited", _satt_version)
    app.connect("source-read", _dolj_kod)
    app.connect("doctree-resolved", _losningens_rubrik)
    app.connect("builder-inited", _koppla_bort_thebe)
    app.connect("html-page-context", _utan_thebe_css)
    app.connect("html-page-context", _tillganglig_html)
    # Efter jupyter-books egen omdirigeringssida, som saknar språk.
    app.connect("build-finished", _svensk_omdirigering, priority=900)
    app.connect("build-finished", _svenska_skript)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
