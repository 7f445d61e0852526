"""Handboken byggs strikt: varje varning, trasig referens eller misslyckad glue är ett fel."""

import re

import pytest


def test_bygget_lyckas_utan_varningar(bygge):
    varningar = [rad for rad in bygge.logg.splitlines() if re.search(r"WARNING|ERROR", rad)]
    assert bygge.returkod == 0 and not varningar, (
        "Bygget gav varningar eller fel:\n" + "\n".join(varningar or bygge.logg.splitlines()[-30:])
    )


def test_bygget_skapar_startsidan_och_alla_kapitel(bygge):
    assert (bygge.html / "index.html").is_file()
    assert (bygge.html / "book" / "index.html").is_file()
    kapitel = [p for p in bygge.sidor() if "chapters" in p.parts]
    assert kapitel, "Inga kapitelsidor byggdes."


def test_bygget_andrar_inga_sparade_filer(bygge):
    """Ett bygge skriver bara i utmappen: git status för spårade filer är densamma efteråt.

    (Tidigare skrev varje bygge om den incheckade book/locales/sv/LC_MESSAGES/sphinx.mo.)
    """
    if bygge.sparade_fore is None:
        pytest.skip("Inte en git-arbetskopia; kan inte jämföra spårade filer.")
    andrade = sorted(
        f"{fil}: {bygge.sparade_fore.get(fil, 'oförändrad')} -> {bygge.sparade_efter.get(fil, 'oförändrad')}"
        for fil in set(bygge.sparade_fore) | set(bygge.sparade_efter)
        if bygge.sparade_fore.get(fil) != bygge.sparade_efter.get(fil)
    )
    assert not andrade, "Bygget ändrade spårade filer:\n" + "\n".join(andrade)
