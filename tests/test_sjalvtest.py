"""Självtesten: källfilerna, sidorna och frågorna i en riktig webbläsare.

- varje fil i book/sjalvtest/ går att läsa och har 5–8 frågor med ett rätt svar;
- läsaren säger tydligt vad som är fel i en trasig fil;
- varje skrivet kapitel har ett självtest, och varje självtest har en sida i innehållsförteckningen;
- i Chromium: varje fråga besvaras fel, rätt och tomt, med mus och med tangentbord, och
  återkopplingen (rätt eller inte, rätt svar, förklaring) jämförs med källfilen.
"""

from __future__ import annotations

import doctest
import re
import sys
from pathlib import Path

import pytest
import yaml

ROT = Path(__file__).resolve().parent.parent
MAPP = ROT / "book" / "sjalvtest"
sys.path.insert(0, str(ROT / "book" / "_ext"))

import sjalvtest  # noqa: E402
import test_webblasare  # noqa: E402
from sjalvtest import SjalvtestFel, las_sjalvtest  # noqa: E402

# Webbläsartestets lokala server för bygget (Chromium, `webblasare`, kommer från conftest).
server = test_webblasare.server

FILER = sorted(MAPP.glob("kap*.yml"))


def test_doctester_i_tillagget():
    resultat = doctest.testmod(sjalvtest, optionflags=doctest.ELLIPSIS | doctest.IGNORE_EXCEPTION_DETAIL)
    assert resultat.attempted >= 5 and resultat.failed == 0, resultat


@pytest.mark.parametrize("fil", FILER, ids=lambda p: p.name)
def test_filen_gar_att_lasa(fil):
    test = las_sjalvtest(fil)
    assert 5 <= len(test.fragor) <= 8
    for fraga in test.fragor:
        assert fraga.ar_ratt(str(fraga.ratt) if not fraga.ar_tal else repr(fraga.tal))
        if not fraga.ar_tal:
            fel = next(i for i in range(1, len(fraga.alternativ) + 1) if i != fraga.ratt)
            assert not fraga.ar_ratt(str(fel))


def _skriv(tmp_path: Path, fragor: list, titel="T") -> Path:
    fil = tmp_path / "kap99.yml"
    fil.write_text(yaml.safe_dump({"titel": titel, "fragor": fragor}, allow_unicode=True), encoding="utf-8")
    return fil


_VAL = {"fraga": "F?", "alternativ": ["a", "b"], "ratt": 1, "forklaring": "För att."}
_TAL = {"fraga": "Hur många?", "tal": 3, "forklaring": "Tre."}


@pytest.mark.parametrize(("andring", "vantat"), [
    ({"ratt": 3}, "'ratt' ska vara numret på det rätta alternativet, 1–2, inte 3"),
    ({"ratt": 0}, "1–2, inte 0"),
    ({"ratt": True}, "inte True"),
    ({"alternativ": ["a"]}, "minst två texter"),
    ({"alternativ": ["a", "a"]}, "två alternativ är likadana"),
    ({"forklaring": " "}, "saknar 'forklaring'"),
    ({"tal": 3}, "antingen 'alternativ' eller 'tal'"),
    ({"enhet": "st"}, "gäller bara talfrågor"),
    ({"svar": 1}, "okända nycklar: svar"),
])
def test_trasig_flervalsfraga_ger_ett_tydligt_fel(tmp_path, andring, vantat):
    fil = _skriv(tmp_path, [_VAL] * 4 + [{**_VAL, **andring}])
    with pytest.raises(SjalvtestFel, match=re.escape(vantat)) as fel:
        las_sjalvtest(fil)
    assert "fråga 5" in str(fel.value) and "kap99.yml" in str(fel.value)


@pytest.mark.parametrize(("andring", "vantat"), [
    ({"tal": "tre"}, "'tal' ska vara ett tal, inte 'tre'"),
    ({"tolerans": -1}, "'tolerans' ska vara ett tal från 0"),
    ({"enhet": 5}, "'enhet' ska vara en text"),
])
def test_trasig_talfraga_ger_ett_tydligt_fel(tmp_path, andring, vantat):
    with pytest.raises(SjalvtestFel, match=re.escape(vantat)):
        las_sjalvtest(_skriv(tmp_path, [_VAL] * 4 + [{**_TAL, **andring}]))


@pytest.mark.parametrize("antal", [4, 9])
def test_for_fa_eller_for_manga_fragor(tmp_path, antal):
    with pytest.raises(SjalvtestFel, match=f"5–8 frågor, inte {antal}"):
        las_sjalvtest(_skriv(tmp_path, [_VAL] * antal))


@pytest.mark.parametrize("antal", [5, 8])
def test_fem_och_atta_fragor_gar_bra(tmp_path, antal):
    assert len(las_sjalvtest(_skriv(tmp_path, [_VAL] * antal)).fragor) == antal


def test_toleransens_grans(tmp_path):
    fraga = las_sjalvtest(_skriv(tmp_path, [_VAL] * 4 + [{**_TAL, "tal": 4.5, "tolerans": 0.2}])).fragor[-1]
    assert fraga.ar_ratt("4,7") and fraga.ar_ratt("4.3") and fraga.ar_ratt(" 4,5 ")
    assert not fraga.ar_ratt("4,71") and not fraga.ar_ratt("4,29") and not fraga.ar_ratt("")


def _skrivna_kapitel() -> list[Path]:
    """Kapitel vars första sida har mer än stubbens rad "Kapitlet skrivs."."""
    return [p for p in sorted((ROT / "chapters").glob("[0-9][0-9]-*/index.md"))
            if "Kapitlet skrivs." not in p.read_text(encoding="utf-8")]


def test_varje_skrivet_kapitel_har_ett_sjalvtest():
    skrivna = _skrivna_kapitel()
    assert len(skrivna) >= 5, skrivna
    saknas = [p.parent.name for p in skrivna if not (MAPP / f"kap{p.parent.name[:2]}.yml").is_file()]
    assert not saknas, f"Kapitel utan självtest i book/sjalvtest/: {saknas}"


def test_varje_sjalvtest_har_en_sida_i_innehallsforteckningen():
    toc = (ROT / "_toc.yml").read_text(encoding="utf-8")
    fel = []
    for fil in FILER:
        sida = fil.with_suffix(".md")
        if not sida.is_file() or f"{{sjalvtest}} {fil.name}" not in sida.read_text(encoding="utf-8"):
            fel.append(f"{sida.name} saknas eller använder inte {fil.name}")
        elif f"file: book/sjalvtest/{fil.stem}\n" not in toc:
            fel.append(f"book/sjalvtest/{fil.stem} står inte i _toc.yml")
    assert FILER and not fel, fel


# --- I webbläsaren ------------------------------------------------------------------------


def _aterkoppling(flik, fid: str) -> str:
    return " ".join(flik.locator(f"#{fid}-aterkoppling").inner_text().split())


def _fel_svar(fraga) -> str:
    """Ett fel svar: ett annat alternativ, eller ett tal utanför toleransen."""
    if fraga.ar_tal:
        return sjalvtest._svenskt_tal(fraga.tal + fraga.tolerans + 1).replace("−", "-")
    return str(next(i for i in range(1, len(fraga.alternativ) + 1) if i != fraga.ratt))


def _svara(flik, fid: str, fraga, svar: str | None) -> str:
    if svar is not None:
        if fraga.ar_tal:
            flik.fill(f"#{fid}-svar", svar)
        else:
            flik.check(f"#{fid}-a{svar}")
    flik.click(f"#{fid} button.sjalvtest-svara")
    flik.wait_for_function(f"document.querySelector('#{fid}-aterkoppling').textContent.length > 0")
    return _aterkoppling(flik, fid)


@pytest.mark.parametrize("fil", FILER, ids=lambda p: p.stem)
def test_fragorna_svarar_ratt_och_fel_i_webblasaren(bygge, server, webblasare, fil):
    test = las_sjalvtest(fil)
    kontext = webblasare.new_context(locale="sv-SE")
    flik = kontext.new_page()
    jsfel = []
    flik.on("pageerror", lambda fel: jsfel.append(str(fel)))
    flik.goto(f"http://{server}/book/sjalvtest/{fil.stem}.html", wait_until="networkidle")
    assert flik.locator(".sjalvtest-fraga").count() == len(test.fragor)
    fel = []
    for nummer, fraga in enumerate(test.fragor, start=1):
        fid = f"{fil.stem}-f{nummer}"
        legend = " ".join(flik.locator(f"#{fid} legend").inner_text().split())
        if fraga.fraga not in legend:
            fel.append(f"{fid}: frågan syns inte i legend: {legend!r}")
        if flik.get_attribute(f"#{fid}-aterkoppling", "aria-live") != "polite":
            fel.append(f"{fid}: återkopplingen saknar aria-live")
        if flik.locator(f"#{fid} .sjalvtest-forklaring").is_visible():
            fel.append(f"{fid}: förklaringen syns innan läsaren har svarat")

        tomt = _svara(flik, fid, fraga, None)
        if tomt not in ("Skriv ett tal. Till exempel 12 eller 4,5.", "Välj ett svar först."):
            fel.append(f"{fid}: tomt svar gav {tomt!r}")
        if fraga.forklaring in tomt:
            fel.append(f"{fid}: tomt svar visar förklaringen")

        ratt_text = fraga.ratt_svar()
        text = _svara(flik, fid, fraga, _fel_svar(fraga))
        vantat = f"Inte rätt. Rätt svar: {ratt_text}. {fraga.forklaring}"
        if not text.endswith(vantat):
            fel.append(f"{fid}: fel svar gav {text!r}, väntat {vantat!r}")

        svar = sjalvtest._svenskt_tal(fraga.tal).replace("−", "-") if fraga.ar_tal else str(fraga.ratt)
        text = _svara(flik, fid, fraga, svar)
        if not text.endswith(f"Rätt. {fraga.forklaring}") or "Inte rätt" in text:
            fel.append(f"{fid}: rätt svar {svar!r} gav {text!r}")
    summa = " ".join(flik.locator(".sjalvtest-summa").inner_text().split())
    antal = len(test.fragor)
    vantad_summa = f"Du har svarat på {antal} av {antal} frågor, och {antal} av svaren är rätt."
    if summa != vantad_summa:
        fel.append(f"Summeringen är {summa!r}, väntat {vantad_summa!r}")
    kontext.close()
    assert not jsfel and not fel, "\n".join(jsfel + fel)


def test_en_fraga_gar_att_besvara_med_tangentbordet(bygge, server, webblasare):
    """Tabb till första alternativet, pil nedåt till nästa, tabb till Svara, Enter."""
    test = las_sjalvtest(MAPP / "kap04.yml")
    nummer, fraga = next((i, f) for i, f in enumerate(test.fragor, start=1) if not f.ar_tal)
    fid = f"kap04-f{nummer}"
    kontext = webblasare.new_context(locale="sv-SE")
    flik = kontext.new_page()
    flik.goto(f"http://{server}/book/sjalvtest/kap04.html", wait_until="networkidle")
    # Fokus på frågans första alternativ, sedan bara tangenter.
    flik.focus(f"#{fid}-a1")
    assert flik.evaluate("document.activeElement.id") == f"{fid}-a1"
    flik.keyboard.press("ArrowDown")
    vald = flik.evaluate(f"document.querySelector('#{fid} input:checked').value")
    assert vald == "2"
    flik.keyboard.press("Tab")
    assert flik.evaluate("document.activeElement.textContent") == "Svara"
    flik.keyboard.press("Enter")
    flik.wait_for_function(f"document.querySelector('#{fid}-aterkoppling').textContent.length > 0")
    text = _aterkoppling(flik, fid)
    vantat = "Rätt." if fraga.ratt == 2 else f"Inte rätt. Rätt svar: {fraga.ratt_svar()}."
    assert text.startswith(vantat) and text.endswith(fraga.forklaring), text
    # Ett tal skickas med Enter direkt i fältet.
    talnummer, talfraga = next((i, f) for i, f in enumerate(test.fragor, start=1) if f.ar_tal)
    falt = f"#kap04-f{talnummer}-svar"
    flik.focus(falt)
    flik.keyboard.type(sjalvtest._svenskt_tal(talfraga.tal))
    flik.keyboard.press("Enter")
    flik.wait_for_function(
        f"document.querySelector('#kap04-f{talnummer}-aterkoppling').textContent.length > 0")
    assert _aterkoppling(flik, f"kap04-f{talnummer}").startswith("Rätt.")
    kontext.close()
