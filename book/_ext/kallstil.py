"""Svenska referenser: "och" i stället för "and", "m.fl." i stället för "et al.".

Källor med samma författare och år skiljs åt med en bokstav efter året
(Brå 2024a, Brå 2024b), i texten och i referenslistan.

sphinxcontrib-bibtex och pybtex har bara engelska stilar. Tillägget
registrerar två svenska varianter som _config.yml väljer:
``forfattare_ar`` för hänvisningar i texten och ``svensk`` för
referenslistan. Handbokens källor är av typerna article, book, misc och
online; andra typer får pybtex engelska ord för (till exempel "In").
"""

from __future__ import annotations

import dataclasses
import re
import string
from collections import defaultdict

import pybtex.plugin
from pybtex.database import Entry
from pybtex.richtext import Text
from pybtex.style.formatting import toplevel
from pybtex.style.formatting.unsrt import Style as Unsrt
from pybtex.style.formatting.unsrt import date, pages
from pybtex.style.template import (
    field,
    first_of,
    href,
    join,
    names,
    optional,
    optional_field,
    sentence,
    tag,
    words,
)
from sphinx.application import Sphinx
from sphinxcontrib.bibtex.plugin import register_plugin
from sphinxcontrib.bibtex.style.referencing import PersonStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle


def _svenska_personer() -> PersonStyle:
    return PersonStyle(sep2=" och ", last_sep=" och ", other=Text(" m.fl."))


@dataclasses.dataclass
class ForfattareAr(AuthorYearReferenceStyle):
    """Hänvisning i texten: (Brå, 2022), (Bowers och Johnson, 2003), (Weisburd m.fl., 2012)."""

    person: PersonStyle = dataclasses.field(default_factory=_svenska_personer)


class SvenskStil(Unsrt):
    """pybtex-stilen unsrt med svenska ord."""

    default_sorting_style = "author_year_title"

    def format_entry(self, label, entry, bib_data=None):
        # unsrt skriver månaden som ett tal före året ("10 2015"); året räcker.
        if "month" in entry.fields:
            falt = {k: v for k, v in entry.fields.items() if k != "month"}
            utan_manad = Entry(entry.type, fields=falt, persons=entry.persons)
            utan_manad.key = entry.key
            entry = utan_manad
        return super().format_entry(label, entry, bib_data=bib_data)

    def format_names(self, role, as_sentence=True):
        formaterade = names(role, sep=", ", sep2=" och ", last_sep=" och ")
        return sentence[formaterade] if as_sentence else formaterade

    def format_title(self, e, which_field, as_sentence=True):
        # Behåll titlarna som de står: unsrt gör om dem till gemener, vilket förstör
        # egennamn som Trygga platser och Brå.
        titel = field(which_field)
        return sentence[titel] if as_sentence else titel

    def get_article_template(self, e):
        volym_och_sidor = first_of[
            optional[join[field("volume"), optional["(", field("number"), ")"], ":", pages]],
            words["s.", pages],
        ]
        return toplevel[
            self.format_names("author"),
            self.format_title(e, "title"),
            sentence[tag("em")[field("journal")], optional[volym_och_sidor], date],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]

    def format_web_refs(self, e):
        return sentence[
            optional[self.format_url(e), optional[" (hämtad ", field("urldate"), ")"]],
            optional[self.format_doi(e)],
        ]

    def format_url(self, e):
        url = field("url", raw=True)
        return words["Webbadress:", href(url)[url]]


def _bokstav_efter_aret(app: Sphinx) -> None:
    """Ge källor med samma författare och år en bokstav efter året, i titelordning.

    Körs efter sphinxcontrib-bibtex, som läser in referenslistan vid builder-inited.
    Bokstaven räknas om från det fyrsiffriga året varje gång, så ett sparat bygge
    får inte dubbla bokstäver.
    """
    poster = app.env.get_domain("cite").bibdata.data.entries
    grupper: dict[tuple, list[str]] = defaultdict(list)
    for nyckel, post in poster.items():
        ar = re.match(r"\d{4}", post.fields.get("year", ""))
        if ar:
            forfattare = tuple(str(p) for p in post.persons.get("author", ()))
            grupper[(forfattare, ar.group())].append(nyckel)
    for (_, ar), nycklar in grupper.items():
        if len(nycklar) == 1:
            poster[nycklar[0]].fields["year"] = ar
            continue
        ordning = sorted(nycklar, key=lambda k: (poster[k].fields.get("title", ""), k))
        for bokstav, nyckel in zip(string.ascii_lowercase, ordning, strict=False):
            poster[nyckel].fields["year"] = ar + bokstav


def setup(app: Sphinx) -> dict:
    register_plugin("sphinxcontrib.bibtex.style.referencing", "forfattare_ar", ForfattareAr)
    pybtex.plugin.register_plugin("pybtex.style.formatting", "svensk", SvenskStil)
    app.connect("builder-inited", _bokstav_efter_aret, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
