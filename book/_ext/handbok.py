"""Lokalt Sphinx-tillägg för handboken.

Det hämtar versionen från paketet tryggaplatser (det enda stället där den
står), visar den i sidfoten på varje sida och gör den tillgänglig i texten
som MyST-ersättningen ``{{ version }}``.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.config import Config

from tryggaplatser import __version__


def _satt_version(app: Sphinx, config: Config) -> None:
    config.version = __version__
    config.release = __version__
    config.myst_substitutions = {**config.myst_substitutions, "version": __version__}
    fot = (
        f'<p class="handbok-version">Handboken Trygga platser, version {__version__}. '
        'Text och figurer: CC BY 4.0. Kod: MIT.</p>'
    )
    config.html_theme_options = {**config.html_theme_options, "extra_footer": fot}


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", _satt_version)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
