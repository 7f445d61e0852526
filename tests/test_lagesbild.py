"""Lägesbilden: ``python -m tryggaplatser lagesbild MAPP``.

- Kommandot skriver HTML, PDF, diagram (PNG) och tabeller (.xlsx) för Mellanstad,
  Provköping (generatorns andra stad) och en tunn egen plats (utan besöksräkning,
  besiktning och trygghetsvandring), med en rad om varje steg.
- Rapportens tal är desamma som kapitlens: för Mellanstad jämförs de med de värden som
  kapitlens notebooks klistrar in (glue), för de andra platserna med samma beräkning som
  test_plats gör med paketet.
- Det som saknas sägs, och ingen grupp under gränsen visas.
- HTML-filen hämtar ingenting utifrån och klarar axe-core (WCAG 2.1 A och AA).
- PDF:en har A4-sidor, svenska tecken och diagrammen.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup
from test_plats import RUBRIKTAL, _klistrat, provkoping, tunn_plats  # noqa: F401 (fixturerna)
from test_webblasare import AXE, AXE_REGLER, _chromium, stoppa_andra_adresser

import tryggaplatser as tp
from tryggaplatser.lagesbild import SLUTKOD_UTAN_PDF, skapa_lagesbild
from tryggaplatser.statistik import MINSTA_ANTAL_SVAR

ROT = Path(__file__).resolve().parent.parent
KAPITEL = ROT / "chapters"
#: En handboksadress som inte finns, så att testet ser att länkarna börjar med den.
HANDBOK = "https://handbok.example.invalid/trygga-platser/"
#: A4 i punkter (210 × 297 mm).
A4 = (595.28, 841.89)


def _kor(*argument: str, miljo: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tryggaplatser", "lagesbild", *argument],
        capture_output=True,
        text=True,
        cwd=ROT,
        timeout=300,
        env={**os.environ, **(miljo or {})},
    )


@pytest.fixture(scope="module")
def mellanstad(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Mellanstads lägesbild, gjord med kommandot som en användare kör det."""
    _chromium()  # utan Chromium blir det ingen PDF att pröva
    ut = tmp_path_factory.mktemp("lagesbild-mellanstad")
    kord = _kor("mellanstad", "--ut", str(ut), "--handbok-url", HANDBOK)
    return {
        "kord": kord,
        "ut": ut,
        "html": (ut / "lagesbild.html").read_text(encoding="utf-8")
        if (ut / "lagesbild.html").exists()
        else "",
    }


@pytest.fixture(scope="module")
def andra_platser(provkoping: Path, tunn_plats: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:  # noqa: F811
    """Lägesbilden för Provköping och den tunna platsen, gjord med funktionen (utan PDF)."""
    rapporter = {}
    for namn, mapp in (("provkoping", provkoping), ("tunn_plats", tunn_plats)):
        ut = tmp_path_factory.mktemp(f"lagesbild-{namn}")
        rader: list[str] = []
        r = skapa_lagesbild(mapp, ut, handbok_url=HANDBOK, pdf=False, skriv=rader.append)
        r["rader"], r["mapp"] = rader, mapp
        r["text"] = r["html"].read_text(encoding="utf-8")
        rapporter[namn] = r
    return rapporter


def _avsnitt(html: str, id_: str) -> str:
    """Texten i ett avsnitt (section) eller under en rubrik (h3) fram till nästa rubrik."""
    soppa = BeautifulSoup(html, "html.parser")
    element = soppa.find(id=id_)
    assert element is not None, id_
    if element.name == "section":
        return element.get_text(" ", strip=True)
    delar = [element.get_text(" ", strip=True)]
    for syskon in element.find_next_siblings():
        if syskon.name in ("h2", "h3"):
            break
        delar.append(syskon.get_text(" ", strip=True))
    return " ".join(delar)


def _glue(notebook: str) -> dict[str, str]:
    """Värdena som kapitlets notebook klistrar in, ur de sparade utdata (körda på Mellanstad)."""
    return _klistrat(nbformat.read(next(KAPITEL.rglob(f"{notebook}.ipynb")), as_version=4))


# ---------------------------------------------------------------------------
# Kommandot och filerna
# ---------------------------------------------------------------------------


def test_kommandot_skriver_rapport_pdf_figurer_och_tabeller(mellanstad: dict) -> None:
    kord, ut = mellanstad["kord"], mellanstad["ut"]
    assert kord.returncode == 0, kord.stderr
    steg = re.findall(r"^\[(\d)/(\d)\] (.+)$", kord.stdout, flags=re.MULTILINE)
    assert [int(s[0]) for s in steg] == list(range(1, 7)) and {s[1] for s in steg} == {"6"}, kord.stdout
    assert "Traceback" not in kord.stderr
    assert (ut / "lagesbild.pdf").stat().st_size > 10_000
    figurer = sorted(p.stem for p in (ut / "figurer").glob("*.png"))
    assert {
        "trygghet-trend",
        "trygghet-grupper",
        "brott-per-ar",
        "brott-veckodag-timme",
        "koncentration",
        "hot-spots",
        "brott-per-besokare",
        "besiktning",
    } <= set(figurer)
    for png in (ut / "figurer").glob("*.png"):
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", png.name
    tabeller = sorted((ut / "tabeller").glob("*.xlsx"))
    assert len(tabeller) >= 8
    # Tabellerna har svenska rubriker, inga kolumnnamn ur koden.
    import openpyxl

    for fil in tabeller:
        blad = openpyxl.load_workbook(fil).active
        rubriker = [c.value for c in blad[2]]
        svenska = all(isinstance(r, str) and (r[:1].isupper() or r[:1].isdigit()) for r in rubriker)
        assert blad["A1"].value and svenska, (
            fil,
            rubriker,
        )
        assert not any("_" in r for r in rubriker), (fil, rubriker)
    # Varje diagram i HTML-filen är samma bild som PNG-filen.
    for namn in figurer:
        data = base64.b64encode((ut / "figurer" / f"{namn}.png").read_bytes()).decode("ascii")
        assert f"data:image/png;base64,{data}" in mellanstad["html"], namn


def test_rapporten_anger_version_datum_och_kontrollsummor(mellanstad: dict) -> None:
    text = _avsnitt(mellanstad["html"], "underlag")
    assert f"version {tp.__version__}" in text
    assert re.search(r"gjordes \d{4}-\d{2}-\d{2} ", text)
    mapp = tp.las_plats("mellanstad").mapp
    filer = sorted(p for p in mapp.iterdir() if p.is_file())
    assert len(filer) >= 10
    for fil in filer:
        assert f"{fil.name} " in text and hashlib.sha256(fil.read_bytes()).hexdigest() in text, fil.name


def test_lagens_tre_delar_ar_markerade(mellanstad: dict) -> None:
    html = mellanstad["html"]
    delar = re.findall(
        r"Lagens del (\d) av 3: ([^(]+)\(4 § punkt (\d)", BeautifulSoup(html, "html.parser").get_text()
    )
    assert sorted({(d[0], d[2]) for d in delar}) == [("1", "1"), ("2", "2"), ("3", "3")]
    assert "kartläggning av brottsligheten" in _avsnitt(html, "brotten")
    assert "analys av kartläggningen" in _avsnitt(html, "analys")


def test_varje_avsnitt_lankar_till_sin_sida_i_handboken(mellanstad: dict) -> None:
    html = mellanstad["html"]
    vantat = {
        "brott-per-ar": "05-brottsligheten-pa-platsen/tid.html",
        "koncentration": "05-brottsligheten-pa-platsen/koncentration.html",
        "hot-spots": "05-brottsligheten-pa-platsen/hot-spots.html",
        "per-besokare": "05-brottsligheten-pa-platsen/per-besokare.html",
        "grupper": "04-matta-trygghet/grupper.html",
        "trend": "04-matta-trygghet/trender.html",
        "besiktning": "06-kartlaggning-av-platsen/trygghetsbesiktning.html",
        "trygghetsvandring": "06-kartlaggning-av-platsen/trygghetsvandring.html",
    }
    soppa = BeautifulSoup(html, "html.parser")
    for id_, sida in vantat.items():
        rubrik = soppa.find(id=id_)
        lankar = []
        for syskon in rubrik.find_next_siblings():
            if syskon.name in ("h2", "h3"):
                break
            lankar += [a["href"] for a in syskon.find_all("a")] if hasattr(syskon, "find_all") else []
        assert HANDBOK + "chapters/" + sida in lankar, (id_, lankar)
    # Sidorna finns i handboken.
    for sida in set(re.findall(re.escape(HANDBOK) + r"([^\"#]+)\.html", html)):
        assert (ROT / f"{sida}.md").exists() or (ROT / f"{sida}.ipynb").exists(), sida


def test_inget_hamtas_utifran(mellanstad: dict) -> None:
    html = mellanstad["html"]
    adresser = re.findall(r"https?://[^\s\"'<>)]+", html)
    assert adresser and all(a.startswith(HANDBOK) for a in adresser), [
        a for a in adresser if not a.startswith(HANDBOK)
    ]
    soppa = BeautifulSoup(html, "html.parser")
    assert not soppa.find_all(["script", "link", "iframe", "object", "embed"])
    assert all(img["src"].startswith("data:image/png;base64,") for img in soppa.find_all("img"))
    assert "url(" not in html and "@import" not in html


# ---------------------------------------------------------------------------
# Samma tal som kapitlen
# ---------------------------------------------------------------------------


def test_mellanstads_tal_ar_kapitlens_klistrade_tal(mellanstad: dict) -> None:
    """Talen i rapporten (analysåret) är de som kapitlens notebooks visar för Mellanstad."""
    html = mellanstad["html"]
    indikator, grupper, trender = _glue("fran-svar-till-indikator"), _glue("grupper"), _glue("trender")
    tid, konc, hot, besok = _glue("tid"), _glue("koncentration"), _glue("hot-spots"), _glue("per-besokare")
    trygghet = _avsnitt(html, "trygghet")
    assert f"Otrygghet vid utevistelse sen kväll {indikator['otr_vagd']} {indikator['otr_ki']}" in trygghet
    assert (
        f"Stor oro för brottsligheten i samhället {indikator['oro_vagd']} {indikator['oro_ki']}" in trygghet
    )
    assert f"svarade {indikator['svarade']} personer" in trygghet
    assert (
        f"Bland kvinnor är {grupper['kvinnor']} otrygga" in trygghet
        and f"bland män {grupper['man']}" in trygghet
    )
    forsta = tp.las_plats().enkatar[0]
    assert f"{forsta} {trender['huvud_forsta']} " in _tabelltext(
        html, "Andel otrygga vid utevistelse sen kväll per mätår"
    )
    brott = _avsnitt(html, "brotten")
    assert f"Flest brott anmäldes {_hogsta_ar()}, {tid['hogsta_antal']} stycken" in html
    assert f"Av dem skedde {tid['vald_helgnatt']} på helgnätter" in brott
    assert f"hälften i {konc['halften_alla']} av rutorna" in brott
    assert f"De tio rutorna med flest brott har {konc['andel_topp10']} av brotten" in brott
    assert f"({konc['antal_polisinitierade']} brott" in brott
    assert f"{hot['antal_rutor']} rutor i allt" in brott
    assert f"{hot['platsen_fdr']} rutor är hot spots" in brott
    assert f"Risken för en besökare är störst vid {besok['storst_tal_plats']}," in brott


def _hogsta_ar() -> int:
    return int(tp.las_brott()["tidpunkt"].dt.year.value_counts().idxmax())


def _tabelltext(html: str, rubrik: str) -> str:
    soppa = BeautifulSoup(html, "html.parser")
    tabell = next(
        c.find_parent("table") for c in soppa.find_all("caption") if c.get_text().startswith(rubrik)
    )
    return tabell.get_text(" ", strip=True)


def test_trenden_har_varje_matar_med_intervall(mellanstad: dict) -> None:
    plats = tp.las_plats()
    trend = tp.andelar_per_ar(tp.las_enkat(plats, bara_svarande=True), "otrygg_kvall", OTRYGGA)
    text = _tabelltext(mellanstad["html"], "Andel otrygga vid utevistelse sen kväll per mätår")
    for ar in [a for a in plats.enkatar if a <= plats.analysar]:
        r = trend.loc[ar]
        intervall = f"{tp.formatera_tal(r['ki_nedre'] * 100)}–{tp.formatera_procent(r['ki_ovre'])}"
        assert f"{ar} {tp.formatera_procent(r['andel'])} {intervall}" in text, ar
    assert not any(str(a) in text for a in plats.enkatar if a > plats.analysar)


OTRYGGA = ["Ganska otrygg", "Mycket otrygg", "Går aldrig ut ensam på grund av otrygghet"]

#: Rubriktalen i test_plats som lägesbilden också visar: (notebook, nyckel, var i rapporten).
SAMMA_SOM_KAPITLEN = [
    ("fran-svar-till-indikator", "otr_vagd", lambda v: v["enkat"]["indikatorer"][0]["andel"]),
    ("fran-svar-till-indikator", "oro_vagd", lambda v: v["enkat"]["indikatorer"][1]["andel"]),
    ("tid", "antal_brott", lambda v: v["brott"]["antal_alla_ar"]),
    ("tid", "hogsta_antal", lambda v: v["brott"]["hogsta_antal"]),
    ("tid", "vald_helgnatt", lambda v: v["brott"]["vald_helgnatt"]["andel"]),
    ("koncentration", "halften_alla", lambda v: v["brott"]["halften_alla"]),
    ("koncentration", "andel_topp10", lambda v: v["brott"]["andel_topp10"]),
    ("koncentration", "antal_polisinitierade", lambda v: v["brott"]["polisinitierade"]),
    ("hot-spots", "antal_rutor", lambda v: v["brott"]["antal_rutor"]),
    ("hot-spots", "platsen_fdr", lambda v: v["brott"]["hot_spots_text"]),
]


@pytest.mark.parametrize("platsnamn", ["provkoping", "tunn_plats"])
def test_andra_platsers_tal_ar_paketets_berakning_som_i_kapitlen(andra_platser: dict, platsnamn: str) -> None:
    r = andra_platser[platsnamn]
    plats = tp.las_plats(r["mapp"])
    for notebook, nyckel, i_rapporten in SAMMA_SOM_KAPITLEN:
        if (
            notebook == "fran-svar-till-indikator"
            and nyckel == "oro_vagd"
            and not r["varden"]["enkat"]["indikatorer"][1]["finns"]
        ):
            continue
        vantat = RUBRIKTAL[notebook][nyckel](plats)
        assert i_rapporten(r["varden"]) == vantat, (notebook, nyckel)
        assert vantat in r["text"], (notebook, nyckel)
    # Könens andelar visas bara när båda får visas enligt regeln för små grupper.
    kon = r["varden"]["enkat"]["kon"]
    if kon is not None:
        assert kon["kvinnor"] == RUBRIKTAL["grupper"]["kvinnor"](plats)
        assert kon["man"] == RUBRIKTAL["grupper"]["man"](plats)


# ---------------------------------------------------------------------------
# Det som saknas, och små grupper
# ---------------------------------------------------------------------------


def test_plats_utan_besoksrakning_och_besiktning_far_en_rapport_som_sager_vad_som_saknas(
    andra_platser: dict,
) -> None:
    r = andra_platser["tunn_plats"]
    plats = tp.las_plats(r["mapp"])
    assert not plats.har("flode.csv") and not plats.har("besiktning.csv")
    assert [rad.split("]")[0] for rad in r["rader"]] == ["[1/5", "[2/5", "[3/5", "[4/5", "[5/5"]
    html = r["text"]
    besok = _avsnitt(html, "per-besokare")
    assert "ingen besöksräkning" in besok and "raknare.csv" in besok and "flode.csv" in besok
    assert "Räkna besökare" in besok
    besiktning = _avsnitt(html, "besiktning")
    assert "ingen trygghetsbesiktning (besiktning.csv)" in besiktning and "Gör en besiktning" in besiktning
    vandring = _avsnitt(html, "trygghetsvandring")
    assert "ingen trygghetsvandring (trygghetsvandring.csv)" in vandring
    assert "brott-per-besokare" not in r["figurer"] and "besiktning" not in r["figurer"]
    assert "Platsen saknar" in _avsnitt(html, "platsen-och-datan")
    # Platsen med allt har inga sådana meningar.
    full = andra_platser["provkoping"]["text"]
    assert "ingen trygghetsbesiktning (besiktning.csv)" not in full
    assert plats.kommun not in full and tp.las_plats().kommun not in html
    assert tp.las_plats().kommun not in full


@pytest.mark.parametrize("platsnamn", ["provkoping", "tunn_plats"])
def test_ingen_grupp_under_gransen_visas(andra_platser: dict, platsnamn: str) -> None:
    r = andra_platser[platsnamn]
    grupper = r["varden"]["enkat"]["grupper"]
    svar = tp.las_enkat(r["mapp"], bara_svarande=True)
    svar = svar[(svar["ar"] == r["varden"]["enkat"]["ar"]) & svar["otrygg_kvall"].notna()]
    kolumn = {"Kön": "kon", "Åldersgrupp": "aldersgrupp", "Område": "omrade"}
    text = _tabelltext(r["text"], "Andel otrygga vid utevistelse sen kväll per grupp")
    for g in grupper:
        antal = int((svar[kolumn[g["indelning"]]].astype(str) == g["grupp"]).sum())
        if antal < MINSTA_ANTAL_SVAR:
            assert g["status"] == "dold" and g["andel"] == "dold", g
        assert f"{g['indelning']} {g['grupp']} {g['andel']}" in text
    if platsnamn == "provkoping":
        assert any(g["status"] == "dold" for g in grupper)  # staden har små grupper: regeln prövas


def test_kartan_visar_rutor_men_inga_enskilda_brott(mellanstad: dict, andra_platser: dict) -> None:
    for mapp, html in [
        ("mellanstad", mellanstad["html"]),
        *[(r["mapp"], r["text"]) for r in andra_platser.values()],
    ]:
        brott = tp.las_brott(mapp)
        for ost, nord in zip(brott["ost"], brott["nord"], strict=True):
            if ost % 100 or nord % 100:
                for text in (tp.formatera_tal(ost), tp.formatera_tal(nord), f"{ost:.0f}", f"{nord:.0f}"):
                    assert text not in html, (mapp, text)


# ---------------------------------------------------------------------------
# Mallen, fel och slutkoder
# ---------------------------------------------------------------------------


def test_en_egen_mall_andrar_rubrikerna(tmp_path: Path) -> None:
    mall = tmp_path / "kommunens-mall.html.j2"
    text = (ROT / "tryggaplatser" / "lagesbild" / "mall.html.j2").read_text(encoding="utf-8")
    assert text.count(">Brotten på platsen</h2>") == 1
    mall.write_text(
        text.replace(">Brotten på platsen</h2>", ">Anmälda brott i centrum</h2>"), encoding="utf-8"
    )
    kord = _kor("mellanstad", "--ut", str(tmp_path / "ut"), "--mall", str(mall), "--utan-pdf")
    assert kord.returncode == 0, kord.stderr
    html = (tmp_path / "ut" / "lagesbild.html").read_text(encoding="utf-8")
    assert ">Anmälda brott i centrum</h2>" in html and ">Brotten på platsen</h2>" not in html
    assert not (tmp_path / "ut" / "lagesbild.pdf").exists()


@pytest.mark.parametrize(
    ("argument", "vantat"),
    [
        (["--ar", "1999"], r"Året 1999 ligger utanför platsens data \(2021–2025\)"),
        (["--mall", "/finns/inte.html.j2"], r"Mallen /finns/inte\.html\.j2 finns inte"),
    ],
)
def test_fel_ger_svenskt_meddelande_och_slutkod_2(tmp_path: Path, argument: list[str], vantat: str) -> None:
    kord = _kor("mellanstad", "--ut", str(tmp_path), "--utan-pdf", *argument)
    assert kord.returncode == 2
    assert re.search(vantat, kord.stderr) and "Traceback" not in kord.stderr


def test_utan_chromium_skrivs_allt_utom_pdf_och_slutkoden_ar_4(tmp_path: Path) -> None:
    kord = _kor("mellanstad", "--ut", str(tmp_path), miljo={"CHROMIUM": str(tmp_path / "ingen-webblasare")})
    assert kord.returncode == SLUTKOD_UTAN_PDF == 4
    assert "PDF:en kunde inte skrivas" in kord.stderr and "Skriv ut" in kord.stderr
    assert (tmp_path / "lagesbild.html").exists() and not (tmp_path / "lagesbild.pdf").exists()
    assert len(list((tmp_path / "figurer").glob("*.png"))) >= 8


# ---------------------------------------------------------------------------
# PDF och tillgänglighet
# ---------------------------------------------------------------------------


def test_pdf_har_a4_sidor_svenska_tecken_och_diagrammen(mellanstad: dict) -> None:
    from pypdf import PdfReader

    pdf = PdfReader(mellanstad["ut"] / "lagesbild.pdf")
    assert len(pdf.pages) >= 5
    for sida in pdf.pages:
        bredd, hojd = float(sida.mediabox.width), float(sida.mediabox.height)
        assert abs(bredd - A4[0]) < 2 and abs(hojd - A4[1]) < 2, (bredd, hojd)
    text = "\n".join(s.extract_text() for s in pdf.pages)
    plats = tp.las_plats()
    for ord_ in (
        plats.namn,
        "Lägesbild",
        "Tryggheten enligt enkäten",
        "Trygghetsbesiktning",
        "våldsbrott",
        "Kontrollsumman",
    ):
        assert ord_ in text, ord_
    bilder = sum(len(s.images) for s in pdf.pages)
    assert bilder >= len(list((mellanstad["ut"] / "figurer").glob("*.png")))


def test_html_klarar_axe_och_hamtar_inget(mellanstad: dict, webblasare) -> None:
    axe = AXE.read_text(encoding="utf-8")
    html = mellanstad["ut"] / "lagesbild.html"
    kontext = webblasare.new_context(locale="sv-SE")
    begaranden = stoppa_andra_adresser(kontext, lambda url: url == html.as_uri())
    flik = kontext.new_page()
    flik.goto(html.as_uri(), wait_until="networkidle")
    assert flik.evaluate("document.documentElement.lang") == "sv"
    flik.evaluate(axe)
    resultat = flik.evaluate(
        "installningar => axe.run(document, installningar)",
        {"runOnly": {"type": "tag", "values": AXE_REGLER}, "resultTypes": ["violations"]},
    )
    alt = flik.evaluate("() => [...document.images].map(i => i.alt)")
    kontext.close()
    brister = [f"{b['id']} vid {n['target']}" for b in resultat["violations"] for n in b["nodes"]]
    assert not brister, brister
    assert not begaranden, begaranden
    assert len(alt) >= 8 and all(len(a) > 40 for a in alt), alt


def test_kommandot_finns_i_hjalpen() -> None:
    kord = subprocess.run(
        [sys.executable, "-m", "tryggaplatser", "lagesbild", "--hjalp"],
        capture_output=True,
        text=True,
        cwd=ROT,
    )
    assert kord.returncode == 0
    for val in ("--ut", "--ar", "--handbok-url", "--mall", "--utan-pdf"):
        assert val in kord.stdout


def test_meningarna_skiljs_av_mellanslag(mellanstad: dict, andra_platser: dict) -> None:
    """Mallens villkor får inte klistra ihop två meningar ("dold.Bland")."""
    for html in [mellanstad["html"], *[r["text"] for r in andra_platser.values()]]:
        soppa = BeautifulSoup(html, "html.parser")
        for stil in soppa(["style"]):
            stil.decompose()
        ihop = re.findall(r"\w*[a-zåäö][.!?][A-ZÅÄÖ]\w*", soppa.get_text(" "))
        assert not ihop, ihop
