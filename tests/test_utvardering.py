"""Tester för tryggaplatser.utvardering: måtten i kapitel 10.

De väntade värdena är uträknade för hand i kommentarerna, med bråk, och
skrivs som tal eller som enkla bråk. De räknas aldrig med funktionen som
testas.

Formlerna (Guerette 2009, bilaga B, efter Bowers och Johnson 2003), med
R = åtgärdsområdet, D = buffertzonen, C = jämförelseområdet, f = före, e = efter:
    GE  = R_f − R_e
    NE  = R_f/C_f − R_e/C_e
    WDQ = (D_e/C_e − D_f/C_f) / (R_e/C_e − R_f/C_f)
    TNE = [R_f·(C_e/C_f) − R_e] + [D_f·(C_e/C_f) − D_e]
"""

from __future__ import annotations

import math

import numpy as np
import pytest

import tryggaplatser as tp
from tryggaplatser import utvardering as u

# Ett gemensamt exempel: åtgärdsområdet 200 → 120, jämförelseområdet 150 → 165.
# Jämförelseområdet ökar med 10 procent (165/150 = 11/10).
GRUND = {"atgard_fore": 200, "atgard_efter": 120, "jamforelse_fore": 150, "jamforelse_efter": 165}
#: Buffertzonen minskar 100 → 80: spridning av nytta.
SPRIDNING = {**GRUND, "buffert_fore": 100, "buffert_efter": 80}
#: Buffertzonen ökar 100 → 130: förskjutning, mindre än effekten.
FORSKJUTNING = {**GRUND, "buffert_fore": 100, "buffert_efter": 130}
#: Buffertzonen ökar 100 → 260: förskjutning, större än effekten.
STOR_FORSKJUTNING = {**GRUND, "buffert_fore": 100, "buffert_efter": 260}


def _utan_buffert(d: dict) -> dict:
    return {k: v for k, v in d.items() if not k.startswith("buffert")}


# ---------------------------------------------------------------------------
# Bruttoeffekt och nettoeffekt
# ---------------------------------------------------------------------------


def test_bruttoeffekt_for_hand():
    # 200 − 120 = 80 färre brott.
    assert u.bruttoeffekt(atgard_fore=200, atgard_efter=120) == 80
    # En ökning ger ett negativt tal: 50 − 65 = −15.
    assert u.bruttoeffekt(atgard_fore=50, atgard_efter=65) == -15


def test_nettoeffekt_for_hand():
    # 200/150 − 120/165 = 4/3 − 8/11 = (44 − 24)/33 = 20/33.
    assert u.nettoeffekt(**GRUND) == pytest.approx(20 / 33)
    assert u.nettoeffekt(**GRUND) == pytest.approx(0.60606, abs=1e-5)


def test_nettoeffekt_negativ_nar_atgardsomradet_gar_samre():
    # 100/100 − 120/100 = −0,2: åtgärdsområdet ökade mer än jämförelseområdet.
    assert u.nettoeffekt(atgard_fore=100, atgard_efter=120, jamforelse_fore=100,
                         jamforelse_efter=100) == pytest.approx(-0.2)


# ---------------------------------------------------------------------------
# WDQ: spridning och förskjutning
# ---------------------------------------------------------------------------


def test_wdq_spridning():
    # Buffertmått: 80/165 − 100/150 = 16/33 − 22/33 = −6/33.
    # Framgångsmått: 120/165 − 200/150 = 24/33 − 44/33 = −20/33.
    # WDQ = (−6/33) / (−20/33) = 0,3 > 0: spridning av nytta.
    varde = u.wdq(**SPRIDNING)
    assert varde == pytest.approx(0.3)
    assert u.tolka_wdq(varde, u.nettoeffekt(**GRUND)).startswith("spridning")
    assert "inte större än effekten" in u.tolka_wdq(varde, u.nettoeffekt(**GRUND))


def test_wdq_forskjutning():
    # Buffertmått: 130/165 − 100/150 = 26/33 − 22/33 = 4/33.
    # WDQ = (4/33) / (−20/33) = −0,2: förskjutning, men mindre än effekten.
    varde = u.wdq(**FORSKJUTNING)
    assert varde == pytest.approx(-0.2)
    tolkning = u.tolka_wdq(varde, u.nettoeffekt(**GRUND))
    assert tolkning == "förskjutning, men inte större än effekten i åtgärdsområdet"


def test_wdq_forskjutning_storre_an_effekten():
    # Buffertmått: 260/165 − 100/150 = 52/33 − 22/33 = 30/33. WDQ = 30/(−20) = −1,5.
    varde = u.wdq(**STOR_FORSKJUTNING)
    assert varde == pytest.approx(-1.5)
    assert u.tolka_wdq(varde, u.nettoeffekt(**GRUND)) == "förskjutning, större än effekten i åtgärdsområdet"


def test_wdq_spridning_storre_an_effekten():
    # Buffert 100 → 0: 0 − 22/33 = −22/33. WDQ = (−22/33)/(−20/33) = 1,1 > 1.
    varde = u.wdq(**{**GRUND, "buffert_fore": 100, "buffert_efter": 0})
    assert varde == pytest.approx(1.1)
    assert u.tolka_wdq(varde, 0.5) == "spridning av nytta, större än effekten i åtgärdsområdet"


@pytest.mark.parametrize(("varde", "vantad"), [
    (1.0, "spridning av nytta, inte större än effekten i åtgärdsområdet"),
    (0.0, "ingen förändring i buffertzonen"),
    (-1.0, "förskjutning, men inte större än effekten i åtgärdsområdet"),
])
def test_tolka_wdq_granserna(varde, vantad):
    # Gränserna +1 och −1 hör till "inte större än effekten" (bilaga C: "> +1", "< −1").
    assert u.tolka_wdq(varde, 0.5) == vantad


def test_tolka_wdq_utan_framgang():
    # Utan en positiv nettoeffekt går kvoten inte att läsa, hur stor den än är.
    assert u.tolka_wdq(0.3, 0.0).startswith("går inte att tolka")
    assert u.tolka_wdq(-2.0, -0.1).startswith("går inte att tolka")


def test_wdq_noll_brott_efter_i_atgardsomradet():
    # Noll efter i åtgärdsområdet är tillåtet: 50 → 0, buffert 40 → 30, C 100 → 100.
    # Buffert: 0,3 − 0,4 = −0,1. Framgång: 0 − 0,5 = −0,5. WDQ = 0,2.
    assert u.wdq(atgard_fore=50, atgard_efter=0, buffert_fore=40, buffert_efter=30,
                 jamforelse_fore=100, jamforelse_efter=100) == pytest.approx(0.2)


def test_wdq_utan_skillnad_mot_jamforelseomradet():
    # 100/100 = 110/110: nämnaren är 0.
    with pytest.raises(ValueError, match="samma takt"):
        u.wdq(atgard_fore=100, atgard_efter=110, buffert_fore=10, buffert_efter=10,
              jamforelse_fore=100, jamforelse_efter=110)


# ---------------------------------------------------------------------------
# Total nettoeffekt
# ---------------------------------------------------------------------------


def test_total_nettoeffekt_spridning():
    # C_e/C_f = 1,1. Åtgärdsområdet: 200·1,1 − 120 = 100. Buffert: 100·1,1 − 80 = 30. TNE = 130.
    assert u.total_nettoeffekt(**SPRIDNING) == pytest.approx(130)


def test_total_nettoeffekt_forskjutning():
    # Åtgärdsområdet: 100. Buffert: 110 − 130 = −20. TNE = 80.
    assert u.total_nettoeffekt(**FORSKJUTNING) == pytest.approx(80)
    # Stor förskjutning: 100 + (110 − 260) = −50: fler brott än väntat totalt.
    assert u.total_nettoeffekt(**STOR_FORSKJUTNING) == pytest.approx(-50)


def test_total_nettoeffekt_noll_i_jamforelseomradet_efter():
    # C_e = 0 delar inte: kvoten blir 0 och väntat antal efter 0. TNE = (0 − 120) + (0 − 80) = −200.
    assert u.total_nettoeffekt(**{**SPRIDNING, "jamforelse_efter": 0}) == pytest.approx(-200)


# ---------------------------------------------------------------------------
# WDD (Wheeler och Ratcliffe 2018)
# ---------------------------------------------------------------------------


def test_wdd_med_egen_jamforelse_for_bufferten():
    # Siffrorna är artikelns exempel så som Wheelers R-paket ptools testar det:
    # behandlat 207 → 110, kontroll 308 → 318, förskjutningsområde 178 → 157, dess kontroll 150 → 140.
    # Lokal: (110 − 207) − (318 − 308) = −97 − 10 = −107.
    # Buffert: (157 − 178) − (140 − 150) = −21 + 10 = −11. WDD = −118.
    # Varians: 110 + 207 + 318 + 308 + 157 + 178 + 140 + 150 = 1568. z = −118/√1568 ≈ −2,98.
    r = u.wdd(atgard_fore=207, atgard_efter=110, buffert_fore=178, buffert_efter=157,
              jamforelse_fore=308, jamforelse_efter=318,
              buffert_jamforelse_fore=150, buffert_jamforelse_efter=140)
    assert (r["lokal"], r["buffert"], r["wdd"]) == (-107, -11, -118)
    assert r["se"] == pytest.approx(math.sqrt(1568))
    assert r["lokal_se"] == pytest.approx(math.sqrt(943))  # 110 + 207 + 318 + 308
    assert r["buffert_se"] == pytest.approx(math.sqrt(625))  # 157 + 178 + 140 + 150 = 625 → 25
    assert round(r["z"], 2) == -2.98
    # 95 %: −118 ± 1,96·39,60 ≈ −195,6 till −40,4 (artikeln avrundar till −196 och −40).
    assert round(r["ki_nedre"]) == -196
    assert round(r["ki_ovre"]) == -40
    assert r["p"] == pytest.approx(0.0029, abs=2e-4)


def test_wdd_spridning_med_samma_jamforelseomrade():
    # Lokal: (120 − 200) − (165 − 150) = −95. Buffert: (80 − 100) − 15 = −35. WDD = −130.
    # Jämförelseområdet dras av två gånger: varians 120 + 200 + 80 + 100 + 4·(165 + 150) = 1760.
    r = u.wdd(**SPRIDNING)
    assert (r["lokal"], r["buffert"], r["wdd"]) == (-95, -35, -130)
    assert r["se"] == pytest.approx(math.sqrt(1760))
    assert r["z"] == pytest.approx(-130 / 41.9524, abs=1e-4)
    assert r["buffert"] < 0  # färre brott än väntat i bufferten: spridning


def test_wdd_forskjutning():
    # Buffert: (130 − 100) − 15 = 15 > 0: fler brott än väntat i bufferten. WDD = −95 + 15 = −80.
    r = u.wdd(**FORSKJUTNING)
    assert (r["buffert"], r["wdd"]) == (15, -80)
    # Varians 120 + 200 + 130 + 100 + 4·315 = 1810.
    assert r["se"] == pytest.approx(math.sqrt(1810))


def test_wdd_nollor_och_konfidens():
    # Noll brott är tillåtet i WDD (ingen division). 5 → 0, 0 → 0, 3 → 3:
    # lokal −5, buffert 0, varians 5 + 0 + 4·6 = 29.
    r = u.wdd(atgard_fore=5, atgard_efter=0, buffert_fore=0, buffert_efter=0,
              jamforelse_fore=3, jamforelse_efter=3, konfidens=0.9)
    assert r["wdd"] == -5
    assert r["se"] == pytest.approx(math.sqrt(29))
    # 90 %: z = 1,6449.
    assert r["ki_ovre"] - r["wdd"] == pytest.approx(1.6449 * math.sqrt(29), abs=1e-3)


def test_wdd_bara_nollor():
    with pytest.raises(ValueError, match="alla antal är 0"):
        u.wdd(atgard_fore=0, atgard_efter=0, buffert_fore=0, buffert_efter=0,
              jamforelse_fore=0, jamforelse_efter=0)


def test_wdd_halv_buffertjamforelse():
    with pytest.raises(ValueError, match="både buffert_jamforelse_fore och buffert_jamforelse_efter"):
        u.wdd(**SPRIDNING, buffert_jamforelse_fore=10)


# ---------------------------------------------------------------------------
# Skillnad i skillnader
# ---------------------------------------------------------------------------


def test_skillnad_i_skillnader_for_hand():
    # Kvot: (120/200) / (165/150) = 0,6 / 1,1 = 6/11 ≈ 0,5455.
    # Varians på log-skala: 1/200 + 1/120 + 1/150 + 1/165
    #   = 0,005 + 0,008333 + 0,006667 + 0,006061 = 0,026061; standardfel 0,16143.
    # log(6/11) = −0,60614. 95 %: −0,60614 ± 1,95996·0,16143 = −0,92254 och −0,28974.
    # exp: 0,3975 och 0,7484.
    r = u.skillnad_i_skillnader(**GRUND)
    assert r["kvot"] == pytest.approx(6 / 11)
    assert r["se_log"] == pytest.approx(0.16143, abs=1e-5)
    assert r["ki_nedre"] == pytest.approx(0.3975, abs=1e-4)
    assert r["ki_ovre"] == pytest.approx(0.7484, abs=1e-4)
    assert r["z"] == pytest.approx(-0.60614 / 0.16143, abs=1e-3)
    assert r["p"] < 0.001


def test_skillnad_i_skillnader_ingen_skillnad():
    # Samma utveckling i båda områdena: kvoten 1, z = 0, p = 1.
    r = u.skillnad_i_skillnader(atgard_fore=40, atgard_efter=20, jamforelse_fore=80, jamforelse_efter=40)
    assert r["kvot"] == pytest.approx(1.0)
    assert r["p"] == pytest.approx(1.0)
    assert r["ki_nedre"] < 1 < r["ki_ovre"]


@pytest.mark.parametrize("namn", ["atgard_fore", "atgard_efter", "jamforelse_fore", "jamforelse_efter"])
def test_skillnad_i_skillnader_noll(namn):
    # Alla fyra hamnar i logaritmen eller nämnaren.
    with pytest.raises(ValueError, match=f"{namn} .*är 0, men formeln delar med det"):
        u.skillnad_i_skillnader(**{**GRUND, namn: 0})


# ---------------------------------------------------------------------------
# Felaktiga värden
# ---------------------------------------------------------------------------

FUNKTIONER = {
    "nettoeffekt": (u.nettoeffekt, GRUND),
    "wdq": (u.wdq, SPRIDNING),
    "total_nettoeffekt": (u.total_nettoeffekt, SPRIDNING),
    "wdd": (u.wdd, SPRIDNING),
    "skillnad_i_skillnader": (u.skillnad_i_skillnader, GRUND),
}


@pytest.mark.parametrize("funktion", FUNKTIONER)
@pytest.mark.parametrize("namn", ["atgard_fore", "jamforelse_efter"])
def test_negativt_antal(funktion, namn):
    f, argument = FUNKTIONER[funktion]
    with pytest.raises(ValueError, match=f"^{funktion}: {namn} .*kan inte vara negativt"):
        f(**{**argument, namn: -1})


@pytest.mark.parametrize("funktion", FUNKTIONER)
@pytest.mark.parametrize("varde", [2.5, "10", None, True, float("nan")])
def test_inte_ett_heltal(funktion, varde):
    f, argument = FUNKTIONER[funktion]
    with pytest.raises(ValueError, match=f"^{funktion}: atgard_efter .*ska vara ett heltal"):
        f(**{**argument, "atgard_efter": varde})


@pytest.mark.parametrize("funktion", ["nettoeffekt", "wdq", "total_nettoeffekt"])
def test_noll_i_jamforelseomradet_fore(funktion):
    f, argument = FUNKTIONER[funktion]
    with pytest.raises(ValueError, match="jamforelse_fore .*är 0, men formeln delar med det"):
        f(**{**argument, "jamforelse_fore": 0})


@pytest.mark.parametrize("funktion", ["nettoeffekt", "wdq"])
def test_noll_i_jamforelseomradet_efter(funktion):
    f, argument = FUNKTIONER[funktion]
    with pytest.raises(ValueError, match="jamforelse_efter .*är 0, men formeln delar med det"):
        f(**{**argument, "jamforelse_efter": 0})


def test_heltal_som_numpy_och_flyttal_godtas():
    # Antal ur pandas är ofta numpy-heltal, och 120.0 är ett heltal.
    assert u.nettoeffekt(atgard_fore=np.int64(200), atgard_efter=120.0,
                         jamforelse_fore=150, jamforelse_efter=165) == pytest.approx(20 / 33)


def test_argumenten_maste_namnges():
    with pytest.raises(TypeError):
        u.wdq(200, 120, 100, 80, 150, 165)  # type: ignore[misc]


def test_felaktig_konfidens():
    with pytest.raises(ValueError, match="konfidens måste ligga mellan 0 och 1"):
        u.wdd(**SPRIDNING, konfidens=95)


def test_exporteras_fran_paketet():
    for namn in ["wdq", "nettoeffekt", "total_nettoeffekt", "wdd", "bruttoeffekt",
                 "skillnad_i_skillnader", "tolka_wdq"]:
        assert getattr(tp, namn) is getattr(u, namn)
        assert namn in tp.__all__


# ---------------------------------------------------------------------------
# Mallen för uppföljningsrapporten
# ---------------------------------------------------------------------------


def test_mallen_for_uppfoljning(tmp_path):
    from tryggaplatser.mallar import las_mall, skriv_mall

    mall = las_mall("uppfoljning")
    filer = skriv_mall("uppfoljning", tmp_path)
    assert [f.name for f in filer] == ["uppfoljning.md"]
    text = filer[0].read_text(encoding="utf-8")
    # Det som kapitel 10 kräver av en uppföljning: det som bestämdes i förväg, jämförelsen och förbehållen.
    for rubrik in ["Bestämt i förväg", "Processen", "Effekterna", "Grannskapet", "Förbehåll", "Slutsats"]:
        assert rubrik in [a["rubrik"] for a in mall["avsnitt"]]
        assert rubrik in text
    assert "- [ ] Valdes platsen efter ett ovanligt dåligt år?" in text
    for kolumn in ["Huvudindikator", "Skillnad med intervall", "Kommentar"]:
        assert f"| {kolumn} |" in text
    assert "Jämförelseområdet" in text and "Buffertzonen" in text
