"""Handboken byggs strikt: varje varning, trasig referens eller misslyckad glue är ett fel."""

import re
import subprocess
from pathlib import Path

import pytest

ROT = Path(__file__).resolve().parent.parent


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


def test_bygget_skriver_inget_som_git_ser(bygge):
    """Ett bygge lämnar git status ren: det skriver bara i utmappen och i filer som git ignorerar.

    Bygget antecknar varje fil det öppnar för att skriva (se conftest.py). En spårad fil
    eller en ny fil som git inte ignorerar är ett fel. (Tidigare skrev varje bygge om den
    incheckade book/locales/sv/LC_MESSAGES/sphinx.mo; nu ignoreras .mo-filer.)
    """
    assert bygge.skrivna_totalt > 100, f"Skrivloggen har bara {bygge.skrivna_totalt} filer; fungerar kroken?"
    if subprocess.run(["git", "rev-parse"], cwd=ROT, capture_output=True).returncode != 0:
        pytest.skip("Inte en git-arbetskopia; kan inte fråga git vad som syns.")
    if not bygge.skrivna:
        return  # bygget skrev ingenting i arbetskopian
    ut = subprocess.run(["git", "check-ignore", "--stdin", "-z", "-v", "-n"], cwd=ROT,
                        input="\0".join(bygge.skrivna) + "\0", capture_output=True, text=True)
    assert ut.returncode in (0, 1), ut.stderr
    falt = ut.stdout.split("\0")
    # -v -n: fyra fält per fil (källa, rad, mönster, sökväg); tom källa betyder inte ignorerad.
    syns = {falt[i + 3] for i in range(0, len(falt) - 3, 4) if not falt[i]}
    # En spårad fil syns i git status om bygget ändrar den, även om den matchar .gitignore.
    sparade = set(subprocess.run(["git", "ls-files", "-z"], cwd=ROT, capture_output=True,
                                 text=True).stdout.split("\0"))
    syns = sorted(syns | (sparade & set(bygge.skrivna)))
    assert not syns, "Bygget skrev filer som git status visar:\n" + "\n".join(syns)
