"""Handboken byggs strikt: varje varning, trasig referens eller misslyckad glue är ett fel."""

import re


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
