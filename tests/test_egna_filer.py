"""Tester för inläsningen av användarens egna filer (tryggaplatser.egna_filer).

Filerna skapas i tmp_path i varje test, eller ligger i tests/filer/ (se README där).
Varje besvärlig fil har ett test som kontrollerar både utfallet (data eller fel) och
meddelandet.

====  ==========================================  ===============================================
nr    fil                                         väntat utfall
====  ==========================================  ===============================================
1     enkät: semikolon, Windows-1252,             läses; vikterna blir 1.25 osv.; formatet
      decimalkomma i vikterna                     redovisas
2     brott: WGS84 (Lat/Lon)                      omräknas till SWEREF 99 TM; rätt meter
3     tom fil (0 byte)                            FilFel "är tom"
4     bara rubrikrad                              FilFel "bara en rubrikrad"
5     brott utan datumkolumn                      FilFel "saknar en kolumn med datum" + kolumnerna
6     slumpmässiga byte                           FilFel "varken en textfil"
7     riktig .xlsx med datumceller                läses; radnummer som i Excel
8     .xlsx som inte är en zip-fil                FilFel "går inte att öppna som Excel-fil"
9     UTF-8 med BOM                               första kolumnen känns igen; "UTF-8 med BOM"
10    blandade datumformat                        alla rader ger samma tidpunkt
11    omöjligt datum 2024-02-30                   raden utelämnas: "finns inte i kalendern"
12    koordinater utanför Sverige                 raden utelämnas: "utanför Sverige"
13    okänd svarstext                             värdet saknas; anmärkning med radnummer
14    negativa antal i flöde                      raden utelämnas: "inte ett negativt tal"
15    två kolumner med samma namn                 FilFel "två kolumner med samma namn"
16    extra kolumner                              redovisas som ignorerade
17    tomma rader                                 räknas och redovisas som "tom rad"
18    klockslag i sommartidsluckan                flyttas en timme; anmärkning
19    klockslag som finns två gånger              tolkas som sommartid; anmärkning
20    SWEREF med x = norr (lantmäterikonvention)  upptäcks och byts; anmärkning
21    enkätsvar som koder 1–4 och 9, utan skala   FilFel som ber om skalan (inte en gissning);
                                                  med svarskolumner={"...": "trygghet"} läses den
22    gammal .xls                                 FilFel "gamla Excel-formatet"
23    flöde utan Antal                            FilFel "saknar kolumnen Antal"
24    rad med fler värden än rubriker             raden utelämnas med orsak
25    fil som inte finns / mapp                   FilFel "finns inte" / "är en mapp"
26    UTF-16 med tabbar (Excel "Unicode-text")    läses
27    bara en koordinatkolumn                     FilFel "bara en av koordinatkolumnerna"
28    ingen rubrikrad (data på rad 1)             FilFel "ser ut som data"
29    enkät utan svarskolumn                      FilFel "ingen kolumn med svar"
30    ogiltigt klockslag 25.61                    anmärkning; tidpunkt saknas
31    orimligt årtal 9999                         raden utelämnas: "årtalet 9999 är orimligt"
32    flöde med tomt antal                        raden utelämnas: "antal saknas"
33    andra skalor (oro, problem), "pga"          känns igen; ordnade kategorier
34    kodade svar med angiven skala               koden = plats i skalan; 99 = saknat
35    antal 0, vikt 0, ålder 0 och 120            behålls; inga problem redovisas
36    punkter på och strax utanför Sveriges       på gränsen godtas; utanför utelämnas; meddelandet
      gränser (lat/lon och SWEREF 99 TM)          visar samma gränser som kontrollen (ko.LAT ...);
                                                  strax under TM = lokal zon, strax över = RT90
37    varje namn i KOLUMNNAMN, i sju stavningar   känns igen som handbokens kolumn
38    tomma rader före rubriken och mitt i        radnumren är filens egna, i CSV och xlsx;
      (CSV och xlsx), titel och anteckning        titel och anteckning hoppas över och redovisas;
      överst                                      i en fil med en kolumn ger titeln ett tips
39    skala i rubriken (1=Mycket otrygg …         följs: 18 % otrygga, inte 82 %; mittalternativet;
      5=Mycket trygg), i cellerna, i argumentet   okända etiketter och luckor ger FilFel; 1=Ja
                                                  2=Nej gör ingen svarskolumn
40    Kön (1=Man, 2=Kvinna), Område (1=...)       koderna används; okänd kod redovisas
41    .xlsx med titel, anteckning och             rubrikraden hittas (rad 4); cellerna fylls nedåt
      sammanslagna celler; CSV med titelrader     och redovisas; samma data som utan sammanslagning
42    Excels serienummer (45356)                  .xlsx: omräknat (2024-03-05 22.15); CSV: raden
                                                  utelämnas och meddelandet säger vad talet är
43    ISO 8601 med +01:00 och Z, svenska          läses och räknas om till svensk tid; okänd månad,
      månadsnamn (5 mars 2024, 1 aug. 2024)       31 april, 3/25/2024 och 24.00 ger orsak
44    SWEREF 99 TM, de tolv lokala zonerna        TM och RT90 känns igen; lokal zon ger FilFel som
      (EPSG:3007–3018), RT90 2,5 gon V            ber om koordinatsystem (aldrig "utanför Sverige");
                                                  med argumentet, rubriken eller en titelrad läses
                                                  den; motsägande eller okänt system ger FilFel
45    1e400, inf, 400 siffror; trasiga .xlsx      anmärkning eller utelämnad rad med orsak; FilFel
                                                  för .xlsx; ändrade byte ger data eller FilFel
46    handbokens egna brott.csv, enkat.csv och    läses utan problem och ger samma data som
      flode.csv (bred)                            tp.las_brott, tp.las_enkat och tp.las_flode
47    bred flödesfil med fel i enstaka celler     bara cellen lämnas utanför; rad utan antal
                                                  utelämnas; utan räknarkolumner: FilFel med formerna
(h)   godtyckliga byte / CSV av slumpade bitar    data eller FilFel, aldrig ett annat fel
====  ==========================================  ===============================================
"""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tryggaplatser.egna_filer import (
    KOLUMNNAMN,
    SVARSSKALOR,
    TRYGGHETSSKALA,
    FilFel,
    Inlasningsrapport,
    Problem,
    komprimera_radnummer,
    las_egen_enkat,
    las_eget_flode,
    las_egna_brott,
    normalisera_kolumnnamn,
    tolka_tal,
)
from tryggaplatser.egna_filer import koordinater as ko
from tryggaplatser.formatering import formatera_tal


def skriv(tmp_path, namn: str, innehall: str | bytes, kodning: str = "utf-8"):
    fil = tmp_path / namn
    fil.write_bytes(innehall if isinstance(innehall, bytes) else innehall.encode(kodning))
    return fil


def problem_med(rapport: Inlasningsrapport, text: str, utelamnade: bool = True) -> Problem:
    lista = rapport.utelamnade if utelamnade else rapport.anmarkningar
    traffar = [p for p in lista if text in p.orsak]
    assert traffar, f"inget problem med {text!r} i {lista}"
    return traffar[0]


# --- Meridianbåge på GRS80, oberoende av pyproj (Helmerts serie) -------------


def meridianbage(lat_grader: float) -> float:
    a, f = 6378137.0, 1 / 298.257222101
    n = f / (2 - f)
    phi = math.radians(lat_grader)
    a_hatt = a / (1 + n) * (1 + n**2 / 4 + n**4 / 64)
    return a_hatt * (
        phi
        - (3 * n / 2 - 9 * n**3 / 16) * math.sin(2 * phi)
        + (15 * n**2 / 16 - 15 * n**4 / 32) * math.sin(4 * phi)
        - (35 * n**3 / 48) * math.sin(6 * phi)
        + (315 * n**4 / 512) * math.sin(8 * phi)
    )


# --- 1. Enkät: semikolon, Windows-1252, decimalkomma --------------------------


ENKAT_1252 = (
    "Löpnr;Kön;Ålder;Vikt;Hur trygg känner du dig ute ensam sent en kväll?;Område\r\n"
    "1;Kvinna;34;1,25;Ganska otrygg;Centrum\r\n"
    "2;Man;71;0,80;  MYCKET TRYGG ;Centrum\r\n"
    "3;kvinna;19;2,10;Mycket otrygg;Norr\r\n"
    "4;Man;45;1,00;Ganska trygg;Norr\r\n"
)


def test_1_enkat_semikolon_windows1252_decimalkomma(tmp_path):
    fil = skriv(tmp_path, "enkat.csv", ENKAT_1252, "cp1252")
    assert b"\xf6" in fil.read_bytes()  # filen är verkligen Windows-1252 (ö = F6)
    data, rapport = las_egen_enkat(fil)
    assert data["vikt"].tolist() == [1.25, 0.8, 2.1, 1.0]
    svar = data["hur_trygg_kanner_du_dig_ute_ensam_sent_en_kvall"]
    assert svar.tolist() == ["Ganska otrygg", "Mycket trygg", "Mycket otrygg", "Ganska trygg"]
    assert svar.cat.ordered and list(svar.cat.categories) == list(TRYGGHETSSKALA)
    assert data["kon"].tolist() == ["Kvinna", "Man", "Kvinna", "Man"]
    assert data["alder"].tolist() == [34, 71, 19, 45]
    assert data["omrade"].tolist() == ["Centrum", "Centrum", "Norr", "Norr"]
    assert rapport.rader_lasta == 4 and rapport.rader_anvandbara == 4
    assert "teckenkodning Windows-1252" in rapport.format
    assert "decimalkomma" in rapport.format
    assert "CSV, semikolonavgränsad" in rapport.format
    assert rapport.ignorerade_kolumner == []
    assert rapport.kanda_kolumner["Löpnr"] == "id"
    assert data["id"].tolist() == ["1", "2", "3", "4"]
    assert rapport.kanda_kolumner["Kön"] == "kon"
    assert rapport.kanda_kolumner["Vikt"] == "vikt"


# --- 2. Brott i WGS84 -----------------------------------------------------------


def test_2_brott_wgs84_omraknas_till_sweref(tmp_path):
    fil = skriv(
        tmp_path,
        "handelser.csv",
        "Datum,Tid,Brottstyp,Lat,Long\n"
        "2024-03-05,22:15,Misshandel,60.0,15.0\n"
        "2024-03-06,01:05,Skadegörelse,59.5,15.0\n",
    )
    data, rapport = las_egna_brott(fil)
    # På mittmeridianen 15° Ö är öst = 500 000 m och norr = 0,9996 x meridianbågen.
    assert data["ost"].tolist() == pytest.approx([500_000.0, 500_000.0], abs=0.01)
    assert data["nord"].tolist() == pytest.approx(
        [0.9996 * meridianbage(60.0), 0.9996 * meridianbage(59.5)], abs=0.05
    )
    assert "koordinater i WGS84 omräknade till SWEREF 99 TM (EPSG:3006)" in rapport.format
    assert data["tidpunkt"].tolist() == [
        pd.Timestamp("2024-03-05 22:15", tz="Europe/Stockholm"),
        pd.Timestamp("2024-03-06 01:05", tz="Europe/Stockholm"),
    ]
    assert list(data["brottstyp"]) == ["Misshandel", "Skadegörelse"]


# --- 3–6. Filer som inte går att använda ---------------------------------------


def test_3_tom_fil(tmp_path):
    fil = skriv(tmp_path, "tom.csv", b"")
    with pytest.raises(FilFel, match=r"tom\.csv är tom\. Väntade en rubrikrad"):
        las_egna_brott(fil)


def test_3b_fil_med_bara_blanksteg(tmp_path):
    fil = skriv(tmp_path, "blank.csv", "\r\n  \r\n")
    with pytest.raises(FilFel, match=r"blank\.csv är tom"):
        las_egna_brott(fil)


def test_4_bara_rubrikrad(tmp_path):
    fil = skriv(tmp_path, "rubrik.csv", "Datum;Brottstyp\n")
    with pytest.raises(FilFel, match=r"rubrik\.csv har bara en rubrikrad \(rad 1\)"):
        las_egna_brott(fil)


def test_5_brott_utan_datumkolumn(tmp_path):
    fil = skriv(tmp_path, "utan_datum.csv", "Brottstyp;Plats\nStöld;Torget\n")
    with pytest.raises(FilFel) as fel:
        las_egna_brott(fil)
    text = str(fel.value)
    assert "utan_datum.csv saknar en kolumn med datum" in text
    assert "Datum, Tidpunkt" in text  # vad som väntades
    assert "”Brottstyp”, ”Plats”" in text  # vad som fanns


def test_6_slumpmassiga_byte(tmp_path):
    rng = np.random.default_rng(1)
    fil = skriv(tmp_path, "slump.csv", rng.integers(0, 256, 4000, dtype=np.uint8).tobytes())
    with pytest.raises(FilFel, match=r"slump\.csv är varken en textfil \(CSV\) eller en Excel"):
        las_egna_brott(fil)


def test_6b_slumpbyte_utan_nollor(tmp_path):
    rng = np.random.default_rng(2)
    fil = skriv(tmp_path, "slump2.csv", rng.integers(1, 256, 4000, dtype=np.uint8).tobytes())
    with pytest.raises(FilFel, match=r"slump2\.csv går inte att läsa som text: den är varken UTF-8"):
        las_egna_brott(fil)


# --- 7–8. Excel ------------------------------------------------------------------


def test_7_riktig_xlsx(tmp_path):
    import openpyxl

    bok = openpyxl.Workbook()
    blad = bok.active
    blad.title = "Händelser"
    blad.append(["DATUM", "Klockslag", "Brottskategori", "Öst", "Nord"])
    blad.append([dt.datetime(2024, 3, 5), "22.15", "Rån", 615_000, 6_727_000])
    blad.append([None, None, None, None, None])
    blad.append([dt.datetime(2024, 3, 6, 14, 5), None, "Stöld", "615 100", "6 727 100"])
    fil = tmp_path / "lista.xlsx"
    bok.save(fil)
    data, rapport = las_egna_brott(fil)
    assert data["rad"].tolist() == [2, 4]
    assert data["tidpunkt"].tolist() == [
        pd.Timestamp("2024-03-05 22:15", tz="Europe/Stockholm"),
        pd.Timestamp("2024-03-06 14:05", tz="Europe/Stockholm"),
    ]
    assert data["ost"].tolist() == [615_000, 615_100]
    assert data["nord"].tolist() == [6_727_000, 6_727_100]
    assert "Excel (.xlsx), blad ”Händelser”" in rapport.format
    assert problem_med(rapport, "tom rad").rader == [3]
    assert rapport.kanda_kolumner == {
        "DATUM": "datum",
        "Klockslag": "tid",
        "Brottskategori": "brottskategori",
        "Öst": "ost",
        "Nord": "nord",
    }


def test_8_xlsx_som_inte_ar_zip(tmp_path):
    fil = skriv(tmp_path, "falsk.xlsx", "Datum;Brottstyp\n2024-03-05;Rån\n")
    with pytest.raises(FilFel, match=r"falsk\.xlsx går inte att öppna som Excel-fil \(\.xlsx\)"):
        las_egna_brott(fil)


# --- 9–10. Kodning och datumformat ------------------------------------------------


def test_9_utf8_med_bom(tmp_path):
    fil = skriv(tmp_path, "bom.csv", "\ufeffDatum;Brottstyp\n2024-03-05 22:15;Rån\n")
    data, rapport = las_egna_brott(fil)
    assert "Datum" in rapport.kanda_kolumner
    assert "teckenkodning UTF-8 med BOM" in rapport.format
    assert data.loc[0, "tidpunkt"] == pd.Timestamp("2024-03-05 22:15", tz="Europe/Stockholm")


def test_10_blandade_datumformat(tmp_path):
    fil = skriv(
        tmp_path,
        "blandat.csv",
        "Datum;Tid;Brottstyp\n"
        "2024-03-05 22:15;;Rån\n"
        "5/3/2024;22.15;Rån\n"
        "2024-03-05;22:15;Rån\n"
        "05.03.2024;kl. 22.15;Rån\n"
        "2024-03-05T22:15:00;;Rån\n",
    )
    data, rapport = las_egna_brott(fil)
    assert rapport.rader_anvandbara == 5
    vantad = pd.Timestamp("2024-03-05 22:15", tz="Europe/Stockholm")
    assert (data["tidpunkt"] == vantad).all()
    # 5/3 är 5 mars (dag först), inte 3 maj
    assert set(data["datum"]) == {dt.date(2024, 3, 5)}


def test_10b_bara_datum_utan_klockslag(tmp_path):
    fil = skriv(tmp_path, "datum.csv", "Datum;Brottstyp\n2024-03-05;Rån\n6/3/2024;Stöld\n")
    data, rapport = las_egna_brott(fil)
    assert "tidpunkt" not in data
    assert data["datum"].tolist() == [dt.date(2024, 3, 5), dt.date(2024, 3, 6)]
    assert "inga klockslag i filen; bara datum används" in rapport.format


# --- 11–14. Rader som lämnas utanför eller värden som sätts som saknade -------------


def test_11_omojligt_datum(tmp_path):
    fil = skriv(tmp_path, "datum.csv", "Datum;Brottstyp\n2024-02-29;Rån\n2024-02-30;Rån\n31/4/2024;Rån\n")
    data, rapport = las_egna_brott(fil)
    assert data["rad"].tolist() == [2]
    p = problem_med(rapport, "datumet finns inte i kalendern")
    assert p.rader == [3, 4] and p.kolumn == "Datum"
    assert "rad 3 och 4" in rapport.text()


def test_12_koordinater_utanfor_sverige(tmp_path):
    fil = skriv(
        tmp_path,
        "utland.csv",
        "Datum;Lat;Lon\n2024-03-05;60,60;15,63\n2024-03-05;48,85;2,35\n2024-03-05;59,91;10,75\n",
    )
    data, rapport = las_egna_brott(fil)
    assert data["rad"].tolist() == [2, 4]  # Oslo ligger inom rektangeln runt Sverige
    p = problem_med(rapport, "utanför Sverige")
    assert p.rader == [3]
    assert "lat 54,96–69,07" in p.orsak


def test_13_okand_svarstext(tmp_path):
    fil = skriv(
        tmp_path,
        "enkat.csv",
        "Kön;Trygghet kväll\nKvinna;Ganska trygg\nMan;Jätteotrygg\nKvinna;Vet ej\nMan;\n",
    )
    data, rapport = las_egen_enkat(fil)
    assert rapport.rader_anvandbara == 4  # raderna finns kvar
    assert data["trygghet_kvall"].isna().tolist() == [False, True, True, True]
    p = problem_med(rapport, "okänt svar", utelamnade=False)
    assert p.rader == [3] and p.kolumn == "Trygghet kväll"
    assert "Mycket trygg, Ganska trygg, Ganska otrygg, Mycket otrygg" in p.orsak
    assert problem_med(rapport, "vet ej", utelamnade=False).rader == [4]


def test_14_negativa_antal_i_flode(tmp_path):
    fil = skriv(
        tmp_path,
        "flode.csv",
        "Datum;Tid;Räknare;Antal\n"
        "2024-03-05;08.00;Torget;120\n"
        "2024-03-05;09.00;Torget;-4\n"
        "2024-03-05;10.00;Torget;12,5\n"
        "2024-03-05;11.00;Torget;1 234\n",
    )
    data, rapport = las_eget_flode(fil)
    assert data["antal"].tolist() == [120, 1234]
    assert problem_med(rapport, "inte ett negativt tal").rader == [3]
    assert problem_med(rapport, "inte ett decimaltal").rader == [4]
    assert data["raknare"].tolist() == ["Torget", "Torget"]


# --- 15–17. Kolumner och rader ------------------------------------------------------


def test_15_dubbla_kolumner(tmp_path):
    fil = skriv(tmp_path, "dubbel.csv", "Datum;Brottstyp;DATUM\n2024-03-05;Rån;2024-03-06\n")
    with pytest.raises(FilFel) as fel:
        las_egna_brott(fil)
    assert "två kolumner med samma namn: ”Datum” (kolumn 1) och ”DATUM” (kolumn 3)" in str(fel.value)


def test_15b_synonymer_forsta_anvands(tmp_path):
    fil = skriv(
        tmp_path,
        "syn.csv",
        "Datum;Typ;Kategori;Brottstyp\n2024-03-05;Våld;Brott mot liv och hälsa;Misshandel\n",
    )
    data, rapport = las_egna_brott(fil)
    assert data["brottstyp"].tolist() == ["Misshandel"]  # Brottstyp går före Typ
    assert data["brottskategori"].tolist() == ["Brott mot liv och hälsa"]
    assert rapport.ignorerade_kolumner == ["Typ (samma betydelse som ”Brottstyp”, som används)"]


def test_16_extra_kolumner(tmp_path):
    fil = skriv(
        tmp_path,
        "extra.csv",
        "Ärendenr;Datum;Brottstyp;Handläggare;Kommentar;Status\n123;2024-03-05;Rån;AB;x;Öppen\n",
    )
    data, rapport = las_egna_brott(fil)
    assert rapport.ignorerade_kolumner == ["Handläggare", "Kommentar", "Status"]
    assert rapport.kanda_kolumner["Ärendenr"] == "id"
    assert "Handläggare" not in data.columns and "Status" not in data.columns
    assert "Ignorerade kolumner: Handläggare, Kommentar, Status" in rapport.text()


def test_17_tomma_rader(tmp_path):
    fil = skriv(
        tmp_path,
        "tomma.csv",
        "Datum;Brottstyp\n2024-03-05;Rån\n\n;\n2024-03-06;Stöld\n ; \n",
    )
    data, rapport = las_egna_brott(fil)
    assert rapport.rader_lasta == 5
    assert rapport.rader_anvandbara == 2
    assert problem_med(rapport, "tom rad").rader == [3, 4, 6]
    assert data["rad"].tolist() == [2, 5]


# --- 18–19. Sommartid -------------------------------------------------------------------


def test_18_klockslag_i_sommartidsluckan(tmp_path):
    fil = skriv(tmp_path, "dst.csv", "Datum;Tid\n2024-03-31;02:30\n2024-03-31;01:30\n")
    data, rapport = las_egna_brott(fil)
    assert data["tidpunkt"].tolist() == [
        pd.Timestamp("2024-03-31 03:30", tz="Europe/Stockholm"),
        pd.Timestamp("2024-03-31 01:30", tz="Europe/Stockholm"),
    ]
    assert str(data["tidpunkt"].iloc[0].utcoffset()) == "2:00:00"
    assert problem_med(rapport, "klockslaget finns inte", utelamnade=False).rader == [2]


def test_19_klockslag_som_finns_tva_ganger(tmp_path):
    fil = skriv(tmp_path, "dst2.csv", "Tidpunkt;Brottstyp\n2024-10-27 02:30;Rån\n")
    data, rapport = las_egna_brott(fil)
    assert str(data["tidpunkt"].iloc[0]) == "2024-10-27 02:30:00+02:00"
    assert problem_med(rapport, "finns två gånger", utelamnade=False).rader == [2]


# --- 20–30. Övriga besvärliga filer -----------------------------------------------------


def test_20_sweref_med_x_som_norr(tmp_path):
    fil = skriv(tmp_path, "xy.csv", "Datum;X;Y\n2024-03-05;6727000;615000\n")
    data, rapport = las_egna_brott(fil)
    assert data.loc[0, "ost"] == 615_000 and data.loc[0, "nord"] == 6_727_000
    assert any("x = norr" in f for f in rapport.format)


def test_21_svar_som_koder_utan_skala_ger_fel(tmp_path):
    # Koderna 1–4 kan betyda Mycket trygg ... Mycket otrygg eller tvärtom: läsaren gissar inte.
    fil = skriv(tmp_path, "koder.csv", "Trygghet kväll;Vikt\n1;1\n4;1\n9;1\n3;1\n2;1\n")
    with pytest.raises(FilFel) as fel:
        las_egen_enkat(fil)
    text = str(fel.value)
    assert "kolumnen ”Trygghet kväll”: svaren är koder (1, 2, 3, 4, 9)" in text
    assert "åt vilket håll skalan går" in text
    assert 'svarskolumner={"Trygghet kväll": "trygghet"}' in text
    assert '--svarskolumn "Trygghet kväll=trygghet"' in text


def test_21b_svar_som_koder_med_skalans_namn(tmp_path):
    fil = skriv(tmp_path, "koder.csv", "Trygghet kväll;Vikt\n1;1\n4;1\n9;1\n3;1\n2;1\n")
    data, rapport = las_egen_enkat(fil, svarskolumner={"Trygghet kväll": "trygghet"})
    assert data["trygghet_kvall"].tolist()[:2] == ["Mycket trygg", "Mycket otrygg"]
    assert pd.isna(data["trygghet_kvall"].iloc[2])
    assert data["trygghet_kvall"].tolist()[3:] == ["Ganska otrygg", "Ganska trygg"]
    assert rapport.kanda_kolumner["Trygghet kväll"] == "trygghet_kvall (svar, skala trygghet)"


def test_22_gammal_xls(tmp_path):
    fil = skriv(tmp_path, "gammal.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    with pytest.raises(FilFel, match=r"gammal\.xls är i det gamla Excel-formatet"):
        las_egna_brott(fil)


def test_23_flode_utan_antal(tmp_path):
    fil = skriv(tmp_path, "flode.csv", "Datum;Räknare\n2024-03-05;Torget\n")
    with pytest.raises(FilFel, match=r"flode\.csv saknar kolumnen Antal"):
        las_eget_flode(fil)


def test_24_rad_med_for_manga_varden(tmp_path):
    fil = skriv(tmp_path, "lang.csv", "Datum;Brottstyp\n2024-03-05;Rån;extra\n2024-03-06;Rån;\n")
    data, rapport = las_egna_brott(fil)
    assert data["rad"].tolist() == [3]
    p = problem_med(rapport, "fler värden (3) än rubrikraden har kolumner (2)")
    assert p.rader == [2]


def test_25_fil_som_inte_finns_och_mapp(tmp_path):
    with pytest.raises(FilFel, match=r"saknas\.csv finns inte"):
        las_egna_brott(tmp_path / "saknas.csv")
    with pytest.raises(FilFel, match=r"är en mapp, inte en fil"):
        las_egna_brott(tmp_path)


def test_25b_fil_utan_lasbehorighet(tmp_path, monkeypatch):
    # chmod hjälper inte när testerna körs som root (som i CI); låt läsningen nekas i stället.
    fil = skriv(tmp_path, "hemlig.csv", "Datum\n2024-03-05\n")

    def nekad(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", nekad)
    with pytest.raises(FilFel, match=r"behörighet saknas"):
        las_egna_brott(fil)


def test_26_utf16_med_tabbar(tmp_path):
    fil = skriv(tmp_path, "unicode.txt", "Datum\tBrottstyp\r\n2024-03-05 22:15\tRån\r\n", "utf-16")
    data, rapport = las_egna_brott(fil)
    assert "CSV, tabbavgränsad" in rapport.format and "teckenkodning UTF-16" in rapport.format
    assert data["brottstyp"].tolist() == ["Rån"]


def test_27_bara_en_koordinatkolumn(tmp_path):
    fil = skriv(tmp_path, "lat.csv", "Datum;Lat\n2024-03-05;60,1\n")
    with pytest.raises(FilFel, match=r"bara en av koordinatkolumnerna: kolumnen Lon"):
        las_egna_brott(fil)


def test_28_ingen_rubrikrad(tmp_path):
    fil = skriv(tmp_path, "utan_rubrik.csv", "2024-03-05;12,5;60,1\n2024-03-06;1;2\n")
    with pytest.raises(FilFel, match=r"rad 1 ser ut som data, inte som rubriker"):
        las_egna_brott(fil)


def test_29_enkat_utan_svarskolumn(tmp_path):
    fil = skriv(tmp_path, "enkat.csv", "Kön;Ålder\nKvinna;34\n")
    with pytest.raises(FilFel, match=r"ingen kolumn med enkätsvar"):
        las_egen_enkat(fil)


def test_30_ogiltigt_klockslag(tmp_path):
    fil = skriv(tmp_path, "tid.csv", "Datum;Tid\n2024-03-05;25.61\n2024-03-05;22.00\n")
    data, rapport = las_egna_brott(fil)
    assert rapport.rader_anvandbara == 2
    assert pd.isna(data["tidpunkt"].iloc[0])
    assert data["datum"].iloc[0] == dt.date(2024, 3, 5)
    p = problem_med(rapport, "klockslaget finns inte (väntade", utelamnade=False)
    assert p.rader == [2] and p.kolumn == "Tid"


# --- Övrigt beteende ------------------------------------------------------------


def test_svarskolumner_kan_anges(tmp_path):
    fil = skriv(tmp_path, "enkat.csv", "F1;F2\nGanska trygg;Ja\nMycket otrygg;Nej\n")
    data, rapport = las_egen_enkat(fil, svarskolumner=["F1"])
    assert data["f1"].tolist() == ["Ganska trygg", "Mycket otrygg"]
    assert rapport.ignorerade_kolumner == ["F2"]
    with pytest.raises(FilFel, match=r"saknar svarskolumnen f3"):
        las_egen_enkat(fil, svarskolumner=["F3"])


def test_negativ_vikt_och_orimlig_alder(tmp_path):
    fil = skriv(tmp_path, "e.csv", "Ålder;Vikt;Trygg\n130;1;Ganska trygg\n40;-1;Ganska trygg\n")
    data, rapport = las_egen_enkat(fil)
    assert data["rad"].tolist() == [2]
    assert pd.isna(data["alder"].iloc[0])
    assert problem_med(rapport, "en ålder i hela år (högst 120)", utelamnade=False).rader == [2]
    assert problem_med(rapport, "inte ett negativt tal").rader == [3]


def test_ingen_anvandbar_rad(tmp_path):
    fil = skriv(tmp_path, "d.csv", "Datum;Brottstyp\nigår;Rån\n;Stöld\n")
    with pytest.raises(FilFel) as fel:
        las_egna_brott(fil)
    text = str(fel.value)
    assert "ingen rad går att använda" in text
    assert "okänt datumformat" in text and "rad 2" in text
    assert "rubrikraden är rad 1" in text


def test_filobjekt_gar_bra():
    import io

    data, rapport = las_egna_brott(io.BytesIO(b"Datum\n2024-03-05\n"))
    assert rapport.fil == "<filen>" and len(data) == 1


def test_kolumnnamnen_i_uppdraget_kanns_igen():
    namn = {
        "Datum": "datum", "Tid": "tid", "Klockslag": "tid", "Tidpunkt": "tidpunkt",
        "Brottstyp": "brottstyp", "Brottskategori": "brottskategori",
        "Kategori": "brottskategori",
        "X": "ost", "Y": "nord", "Nord": "nord", "Öst": "ost", "Lat": "lat", "Lon": "lon",
        "Long": "lon", "Lng": "lon", "Kön": "kon", "Ålder": "alder",
        "Åldersgrupp": "aldersgrupp", "Område": "omrade", "Vikt": "vikt", "Antal": "antal",
        "Räknare": "raknare", "Plats": "plats",
    }  # fmt: skip
    for fil_namn, kanon in namn.items():
        for variant in (fil_namn, fil_namn.upper(), f"  {fil_namn.lower()} "):
            norm = normalisera_kolumnnamn(variant)
            assert norm in KOLUMNNAMN[kanon], (variant, kanon)
        utan_prickar = fil_namn.replace("Å", "A").replace("ä", "a").replace("Ö", "O")
        assert normalisera_kolumnnamn(utan_prickar) in KOLUMNNAMN[kanon]


def test_rapporttexten_komprimerar_langa_listor():
    rapport = Inlasningsrapport(
        fil="f.csv",
        typ="brott",
        rader_lasta=2000,
        utelamnade=[Problem("datum saknas", list(range(2, 2000, 2)), "Datum")],
    )
    text = rapport.text()
    assert "Rader lästa (utan rubrikraden): 2\xa0000" in text
    assert "Utelämnade rader: 999" in text
    assert "rad 2, 4, 6, 8, 10, 12, 14, 16 och 991 till" in text


# --- Egenskapsbaserade tester (hypothesis) -----------------------------------------


@given(
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False),
    st.integers(min_value=0, max_value=4),
)
def test_formaterat_svenskt_tal_tolkas_tillbaka(tal, decimaler):
    text = formatera_tal(tal, decimaler=decimaler)
    assert tolka_tal(text) == pytest.approx(round(tal, decimaler), abs=10 ** (-decimaler) / 2)


@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False))
def test_engelskt_tal_tolkas(tal):
    assert tolka_tal(repr(tal)) == tal


@given(st.text(alphabet="abcåäöÅÄÖéABC xyz_-.?0123456789 \t", max_size=30))
def test_normalisering_ar_idempotent_och_okanslig_for_skiftlage(namn):
    en = normalisera_kolumnnamn(namn)
    assert normalisera_kolumnnamn(en) == en
    assert normalisera_kolumnnamn(namn.upper()) == en
    assert re.fullmatch(r"([0-9a-z]+(_[0-9a-z]+)*)?", en)


@given(st.sets(st.integers(min_value=2, max_value=500), max_size=60))
def test_komprimerade_radnummer_gar_att_packa_upp(rader):
    text = komprimera_radnummer(rader, hogst=1000)
    if not rader:
        assert text == "inga rader"
        return
    uppackat: set[int] = set()
    for del_ in re.split(r", | och ", text.removeprefix("rad ")):
        if "–" in del_:
            a, b = del_.split("–")
            uppackat |= set(range(int(a), int(b) + 1))
        else:
            uppackat.add(int(del_))
    assert uppackat == rader


@given(st.sets(st.integers(min_value=2, max_value=5000), min_size=1, max_size=200))
def test_komprimerade_radnummer_raknar_resten(rader):
    text = komprimera_radnummer(rader, hogst=3)
    m = re.search(r"och (\d+) till$", text.replace("\xa0", ""))
    visade = text.removeprefix("rad ").split(" och ")[0]
    antal_visade = 0
    for del_ in visade.split(", "):
        if "–" in del_:
            a, b = del_.split("–")
            antal_visade += int(b) - int(a) + 1
        else:
            antal_visade += 1
    if m:
        assert antal_visade + int(m[1]) == len(rader)


@settings(max_examples=60, deadline=None)
@given(
    st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2060, 12, 31)),
    st.sampled_from(["iso", "iso_tid", "dmy_tid", "dmy_snedstreck"]),
)
def test_datum_i_olika_format_ger_samma_lokala_tid(tmp_path_factory, tid, form):
    tid = tid.replace(second=0, microsecond=0)
    if form == "iso":
        rad = f"{tid:%Y-%m-%d %H:%M};"
    elif form == "iso_tid":
        rad = f"{tid:%Y-%m-%d};{tid:%H.%M}"
    elif form == "dmy_tid":
        rad = f"{tid.day}.{tid.month}.{tid.year};{tid:%H:%M}"
    else:
        rad = f"{tid.day}/{tid.month}/{tid.year};{tid.hour}.{tid:%M}"
    fil = tmp_path_factory.mktemp("d") / "f.csv"
    fil.write_text(f"Datum;Tid\n{rad}\n", encoding="utf-8")
    data, rapport = las_egna_brott(fil)
    t = data["tidpunkt"].iloc[0]
    assert t.date() == tid.date()
    gap = any("finns inte" in p.orsak for p in rapport.anmarkningar)
    if gap:
        assert t.replace(tzinfo=None) == tid + dt.timedelta(hours=1)
    else:
        assert t.replace(tzinfo=None) == tid
        # Tiden är rätt lokal tid: omräknad till UTC och tillbaka blir den densamma.
        assert t.tz_convert("UTC").tz_convert("Europe/Stockholm") == t


def test_31_orimligt_artal(tmp_path):
    fil = skriv(tmp_path, "ar.csv", "Datum;Tid\n9999-12-31;23.59\n2024-03-05;12.00\n")
    data, rapport = las_egna_brott(fil)
    assert data["rad"].tolist() == [3]
    assert problem_med(rapport, "årtalet 9999 är orimligt (väntade 1900–2100)").rader == [2]


def test_32_flode_med_saknat_antal(tmp_path):
    fil = skriv(tmp_path, "f.csv", "Datum;Antal\n2024-03-05;\n2024-03-06;7\n")
    data, rapport = las_eget_flode(fil)
    assert data["antal"].tolist() == [7]
    assert problem_med(rapport, "antal saknas").rader == [2]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400), st.sampled_from(["enkat", "brott", "flode"]))
def test_godtyckliga_byte_ger_data_eller_filfel(innehall, typ):
    import io

    from tryggaplatser.egna_filer.lasning import las as _las

    try:
        data, rapport = _las(io.BytesIO(innehall), typ)
    except FilFel as fel:
        assert str(fel).startswith("Filen <filen>")
    else:
        assert data["rad"].nunique() == rapport.rader_anvandbara  # bred flödesfil: flera rader per rad
        rapport.text()


_BITAR = [
    "Datum", "Tid", "Lat", "Lon", "X", "Y", "Kön", "Trygg", "Antal", "Vikt", "",
    "2024-03-05", "5/3/2024", "22.15", "2024-02-30", "60,6", "15,6", "6727000", "615000",
    "Mycket trygg", "3", "-1", "1,5", "abc", '"', "2024-03-31 02:30",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(_BITAR), min_size=1, max_size=6), min_size=0, max_size=6),
    st.sampled_from([";", ",", "\t"]),
    st.sampled_from(["enkat", "brott", "flode"]),
)
def test_csv_av_godtyckliga_bitar_ger_data_eller_filfel(rader, avgransare, typ):
    import io

    from tryggaplatser.egna_filer.lasning import las as _las

    text = "\n".join(avgransare.join(r) for r in rader)
    try:
        data, rapport = _las(io.BytesIO(text.encode("utf-8")), typ)
    except FilFel:
        pass
    else:
        # Användbara och utelämnade rader plus tomma rader går jämnt ut.
        assert rapport.rader_anvandbara + len(rapport.utelamnade_rader) == rapport.rader_lasta
        assert set(data["rad"]).isdisjoint(rapport.utelamnade_rader)


def test_33_andra_svarsskalor_och_pga(tmp_path):
    fil = skriv(
        tmp_path,
        "skalor.csv",
        "Trygg kväll;Oro för brott;Problem klotter;Fråga 9\n"
        "Går aldrig ut ensam pga otrygghet;I ganska stor utsträckning;Ganska stort problem;3\n"
        "går aldrig ut ensam av andra skäl;inte alls;Inget problem alls;1\n"
        "Mycket trygg;I MYCKET LITEN UTSTRÄCKNING;Mycket stort problem;2\n",
    )
    data, rapport = las_egen_enkat(fil)
    assert data["trygg_kvall"].tolist() == [
        "Går aldrig ut ensam på grund av otrygghet",
        "Går aldrig ut ensam av andra skäl",
        "Mycket trygg",
    ]
    assert data["oro_for_brott"].tolist() == [
        "I ganska stor utsträckning",
        "Inte alls",
        "I mycket liten utsträckning",
    ]
    assert data["oro_for_brott"].cat.ordered
    assert list(data["problem_klotter"].cat.categories) == list(SVARSSKALOR["problem"])
    assert rapport.kanda_kolumner["Oro för brott"] == "oro_for_brott (svar, skala oro)"
    assert rapport.ignorerade_kolumner == ["Fråga 9"]  # siffror utan känt namn gissas inte


def test_34_svarskolumner_med_skala(tmp_path):
    fil = skriv(tmp_path, "k.csv", "F7;F8\n4;5\n1;99\n")
    data, rapport = las_egen_enkat(fil, svarskolumner={"F7": "problem", "F8": "oro"})
    assert data["f7"].tolist() == ["Mycket stort problem", "Inget problem alls"]
    assert data["f8"].tolist()[0] == "I mycket stor utsträckning"
    assert pd.isna(data["f8"].iloc[1])
    with pytest.raises(ValueError, match="Okänd svarsskala"):
        las_egen_enkat(fil, svarskolumner={"F7": "glädje"})


def test_skalorna_ar_desamma_som_i_mellanstads_enkat():
    # Modulen och SKALOR hör till paketet: saknas de ska testet fallera, inte hoppas över.
    from tryggaplatser import mellanstad

    skalor = mellanstad.SKALOR
    assert list(SVARSSKALOR["trygghet"]) == skalor["otrygg_kvall"]
    assert list(SVARSSKALOR["trygghet_plats"]) == skalor["otrygg_centrum"]
    assert list(SVARSSKALOR["oro"]) == skalor["oro_samhalle"]
    assert list(SVARSSKALOR["problem"]) == skalor["problem"]


# --- 35. Noll är ett giltigt antal -----------------------------------------------------


def test_35_noll_ar_ett_giltigt_antal_i_flode(tmp_path):
    # En timme utan en enda passerande är ett mätvärde, inte ett saknat värde.
    fil = skriv(
        tmp_path,
        "noll.csv",
        "Datum;Tid;Räknare;Antal\n"
        "2024-03-05;03.00;Torget;0\n"
        "2024-03-05;04.00;Torget;0,0\n"
        "2024-03-05;05.00;Torget;2\n"
        "2024-03-05;06.00;Torget;\n",
    )
    data, rapport = las_eget_flode(fil)
    assert data["rad"].tolist() == [2, 3, 4]
    assert data["antal"].tolist() == [0, 0, 2]
    assert data["antal"].notna().all()
    # Bara den tomma cellen redovisas; nollorna är inga problem.
    assert rapport.utelamnade_rader == [5]
    assert problem_med(rapport, "antal saknas").rader == [5]
    assert rapport.anmarkningar == []


def test_35b_noll_i_excel(tmp_path):
    import openpyxl

    bok = openpyxl.Workbook()
    blad = bok.active
    blad.append(["Datum", "Antal"])
    blad.append([dt.datetime(2024, 3, 5, 3, 0), 0])
    blad.append([dt.datetime(2024, 3, 5, 4, 0), 0.0])
    blad.append([dt.datetime(2024, 3, 5, 5, 0), None])
    fil = tmp_path / "noll.xlsx"
    bok.save(fil)
    data, rapport = las_eget_flode(fil)
    assert data["antal"].tolist() == [0, 0]
    assert rapport.utelamnade_rader == [4]


def test_35c_noll_vikt_och_granserna_for_alder(tmp_path):
    # Vikten 0 och åldrarna 0 och 120 ligger inom reglerna (minst 0, högst 120).
    fil = skriv(
        tmp_path,
        "e.csv",
        "Ålder;Vikt;Antal;Trygg\n"
        "0;0;0;Ganska trygg\n"
        "120;0,0;3;Mycket trygg\n"
        "121;1;1;Mycket trygg\n"
        "-1;-0,001;-1;Mycket trygg\n",
    )
    data, rapport = las_egen_enkat(fil)
    assert data["rad"].tolist() == [2, 3, 4]
    assert data["vikt"].tolist() == [0.0, 0.0, 1.0]
    assert data["antal"].tolist() == [0, 3, 1]
    assert data["alder"].tolist()[:2] == [0, 120]
    assert pd.isna(data["alder"].iloc[2])  # 121 sätts som saknad, raden finns kvar
    assert problem_med(rapport, "(högst 120)", utelamnade=False).rader == [4]
    assert problem_med(rapport, "inte ett negativt tal", utelamnade=False).rader == [5]  # ålder -1
    utelamnade = {p.kolumn: p.rader for p in rapport.utelamnade}
    assert utelamnade == {"Vikt": [5], "Antal": [5]}


# --- 36. Sveriges gränser: samma konstanter i kontrollen och i meddelandena ----------------

_RE_INTERVALL = r"\b{namn} (\d[\d\u00a0 ]*(?:,\d+)?)–(\d[\d\u00a0 ]*(?:,\d+)?)"


def intervall_i(text: str, namn: str) -> tuple[float, float]:
    """Intervallet efter ``namn`` i ett meddelande, till exempel ``lat 54,96–69,07``."""
    m = re.search(_RE_INTERVALL.format(namn=namn), text)
    assert m, f"inget intervall för {namn!r} i {text!r}"
    return tolka_tal(m[1]), tolka_tal(m[2])


def _brottsfil(tmp_path, namn, kolumner, punkter):
    rader = "".join(f"2024-03-05;{a!r};{b!r}\n" for a, b in punkter)
    return skriv(tmp_path, namn, f"Datum;{kolumner[0]};{kolumner[1]}\n{rader}")


def test_36_punkt_pa_sveriges_grans_godtas(tmp_path):
    mitt_lat, mitt_lon = sum(ko.LAT) / 2, sum(ko.LON) / 2
    punkter = [
        (ko.LAT[0], mitt_lon), (ko.LAT[1], mitt_lon), (mitt_lat, ko.LON[0]), (mitt_lat, ko.LON[1]),
        (ko.LAT[0], ko.LON[0]), (ko.LAT[1], ko.LON[1]),
    ]  # fmt: skip
    data, rapport = las_egna_brott(_brottsfil(tmp_path, "grans.csv", ("Lat", "Lon"), punkter))
    assert data["rad"].tolist() == list(range(2, 2 + len(punkter)))
    assert rapport.utelamnade == []
    assert data["nord"].notna().all() and data["ost"].notna().all()


@pytest.mark.parametrize(
    ("lat", "lon"),
    [("under", "mitt"), ("over", "mitt"), ("mitt", "under"), ("mitt", "over")],
)
def test_36b_punkt_strax_utanfor_och_meddelandets_granser(tmp_path, lat, lon):
    def varde(granser, var):
        return {"under": granser[0] - 0.01, "over": granser[1] + 0.01, "mitt": sum(granser) / 2}[var]

    punkter = [(varde(ko.LAT, "mitt"), varde(ko.LON, "mitt")), (varde(ko.LAT, lat), varde(ko.LON, lon))]
    data, rapport = las_egna_brott(_brottsfil(tmp_path, "utanfor.csv", ("Lat", "Lon"), punkter))
    assert data["rad"].tolist() == [2]
    p = problem_med(rapport, "utanför Sverige")
    assert p.rader == [3] and p.kolumn == "Lat/Lon"
    # Meddelandet säger samma gränser som kontrollen använder.
    assert intervall_i(p.orsak, "lat") == ko.LAT
    assert intervall_i(p.orsak, "lon") == ko.LON


@pytest.mark.parametrize(
    ("ost", "nord"),
    [
        (ko.OST_TM[0], 6_700_000.0),
        (ko.OST_TM[1], 6_700_000.0),
        (600_000.0, ko.NORD[0]),
        (600_000.0, ko.NORD[1]),
    ],
)
def test_36c_sweref_pa_granserna_kanns_igen(tmp_path, ost, nord):
    # Kolumnens typ bestäms av medianen; med två av tre värden på gränsen är
    # medianen exakt gränsen. Den tolkas som SWEREF 99 TM. Punkten kan ändå ligga
    # utanför Sverige; då lämnas raden utanför, men filen går att läsa.
    punkter = [(ost, nord), (ost, nord), (615_000.0, 6_727_000.0)]
    data, rapport = las_egna_brott(_brottsfil(tmp_path, "sweref.csv", ("Öst", "Nord"), punkter))
    assert "koordinater i SWEREF 99 TM (EPSG:3006)" in rapport.format
    assert 4 in data["rad"].tolist()
    assert data.loc[data["rad"] == 4, ["ost", "nord"]].to_numpy().tolist() == [[615_000.0, 6_727_000.0]]


@pytest.mark.parametrize(
    ("ost", "nord"),
    [
        (ko.OST_RT90[1] + 1, 6_700_000.0),
        (600_000.0, ko.NORD[0] - 1),
        (600_000.0, ko.NORD[1] + 1),
    ],
)
def test_36d_sweref_utanfor_granserna_och_meddelandets_intervall(tmp_path, ost, nord):
    punkter = [(ost, nord), (ost, nord), (615_000.0, 6_727_000.0)]
    fil = _brottsfil(tmp_path, "sweref.csv", ("Öst", "Nord"), punkter)
    with pytest.raises(FilFel, match="går inte att tolka") as fel:
        las_egna_brott(fil)
    text = str(fel.value)
    assert intervall_i(text, "öst") == ko.OST_TM
    assert intervall_i(text, "nord") == ko.NORD
    assert intervall_i(text, "lat") == ko.LAT
    assert intervall_i(text, "lon") == ko.LON
    assert intervall_i(text.split("RT90 i meter")[1], "öst") == ko.OST_RT90
    assert "--koordinatsystem EPSG:" in text


def test_36e_strax_under_tm_ar_en_lokal_zon_och_strax_over_ar_rt90(tmp_path):
    # Öst strax under SWEREF 99 TM:s gräns är en lokal zon (fel som ber om zonen);
    # öst strax över TM:s övre gräns är RT90.
    lokal = [(ko.OST_TM[0] - 1, 6_700_000.0)] * 2 + [(150_000.0, 6_580_000.0)]
    with pytest.raises(FilFel, match="en av de lokala SWEREF 99-zonerna"):
        las_egna_brott(_brottsfil(tmp_path, "lokal.csv", ("Öst", "Nord"), lokal))
    rt90 = [(ko.OST_TM[1] + 1, 6_700_000.0)] * 2 + [(1_628_910.0, 6_580_989.0)]
    data, rapport = las_egna_brott(_brottsfil(tmp_path, "rt90.csv", ("Öst", "Nord"), rt90))
    assert any("RT90 2,5 gon V (EPSG:3021)" in f for f in rapport.format)
    assert data["rad"].tolist() == [4]  # de två första hamnar i Norge


# --- 37. Varje namn i KOLUMNNAMN känns igen i en riktig fil ---------------------------------

# Per kanoniskt namn: läsare, andra kolumner som filen behöver, ett värde för
# kolumnen och vad det ska bli i datan (kolumn och värde).
_DATUM = {"Datum": "2024-03-05"}
_ENKAT = {"Trygghet": "Mycket trygg"}
_FALL = {
    "tidpunkt": (las_egna_brott, {}, "2024-03-05 22:15", "tidpunkt",
                 pd.Timestamp("2024-03-05 22:15", tz="Europe/Stockholm")),
    "datum": (las_egna_brott, {}, "2024-03-06", "datum", dt.date(2024, 3, 6)),
    "tid": (las_egna_brott, _DATUM, "22.15", "tidpunkt",
            pd.Timestamp("2024-03-05 22:15", tz="Europe/Stockholm")),
    "id": (las_egna_brott, _DATUM, "A-17", "id", "A-17"),
    "brottstyp": (las_egna_brott, _DATUM, "Rån", "brottstyp", "Rån"),
    "brottskategori": (las_egna_brott, _DATUM, "Våldsbrott", "brottskategori", "Våldsbrott"),
    "ost": (las_egna_brott, {**_DATUM, "Nord": "6727000"}, "615000", "ost", 615_000.0),
    "nord": (las_egna_brott, {**_DATUM, "Öst": "615000"}, "6727000", "nord", 6_727_000.0),
    "lat": (las_egna_brott, {**_DATUM, "Lon": "15"}, "60", "nord",
            pytest.approx(0.9996 * meridianbage(60), abs=0.05)),
    "lon": (las_egna_brott, {**_DATUM, "Lat": "60"}, "15", "ost", pytest.approx(500_000.0, abs=0.01)),
    "kon": (las_egen_enkat, _ENKAT, "kvinna", "kon", "Kvinna"),
    "alder": (las_egen_enkat, _ENKAT, "34", "alder", 34),
    "aldersgrupp": (las_egen_enkat, _ENKAT, "16–24", "aldersgrupp", "16–24"),
    "omrade": (las_egen_enkat, _ENKAT, "Centrum", "omrade", "Centrum"),
    "vikt": (las_egen_enkat, _ENKAT, "1,5", "vikt", 1.5),
    "antal": (las_eget_flode, _DATUM, "12", "antal", 12),
    "raknare": (las_eget_flode, {**_DATUM, "Antal": "3"}, "Torget", "raknare", "Torget"),
    "plats": (las_egna_brott, _DATUM, "Stora torget", "plats", "Stora torget"),
}  # fmt: skip

_ALLA_NAMN = [(kanon, namn) for kanon, namnen in KOLUMNNAMN.items() for namn in namnen]


def _varianter(namn: str) -> dict[str, str]:
    """Samma namn som en användare kan skriva det: skiftläge, blanksteg, å/ä/ö."""
    ord_ = namn.split("_")
    return {
        "exakt": namn,
        "versaler": namn.upper(),
        "ord med mellanslag": " ".join(w.capitalize() for w in ord_),
        "blanksteg runt": f"  {' '.join(ord_)}\t",
        "bindestreck": "-".join(ord_).title(),
        "å ä ö é": namn.replace("a", "å").replace("o", "ö").replace("e", "é"),
        "Ä Ö versaler": namn.upper().replace("A", "Ä").replace("O", "Ö"),
    }


def test_37_tabellen_over_fall_tacker_varje_kolumn():
    assert set(_FALL) == set(KOLUMNNAMN)


def test_37b_namnen_ar_normaliserade_och_unika():
    # Ett namn som inte är normaliserat kan aldrig matcha; ett namn i två listor är tvetydigt.
    for kanon, namn in _ALLA_NAMN:
        assert normalisera_kolumnnamn(namn) == namn, (kanon, namn)
    namnen = [namn for _, namn in _ALLA_NAMN]
    assert len(namnen) == len(set(namnen))
    for kanon, namnen_ in KOLUMNNAMN.items():
        assert namnen_[0] == kanon  # handbokens eget namn går först


@pytest.mark.parametrize("variant", list(_varianter("a")))
@pytest.mark.parametrize(("kanon", "namn"), _ALLA_NAMN, ids=[f"{k}-{n}" for k, n in _ALLA_NAMN])
def test_37c_varje_kolumnnamn_kanns_igen(tmp_path, kanon, namn, variant):
    las, andra, varde, kolumn, vantat = _FALL[kanon]
    rubrik = _varianter(namn)[variant]
    rubriker = [rubrik, *andra]
    fil = skriv(
        tmp_path,
        "f.csv",
        ";".join(rubriker) + "\n" + ";".join([varde, *andra.values()]) + "\n",
    )
    data, rapport = las(fil)
    assert rapport.kanda_kolumner[rubrik.strip()].split(" ")[0] == kanon
    assert rubrik.strip() not in rapport.ignorerade_kolumner
    assert rapport.utelamnade == []
    assert data[kolumn].iloc[0] == vantat


# --- 38. Radnumren är filens egna -------------------------------------------------------------

# Två tomma rader före rubrikraden (rad 3), en tom rad mitt i (rad 5), ett
# omöjligt datum på rad 6 och en koordinat som inte är ett tal på rad 7.
_RADER_MED_LUCKOR = [
    [],
    ["", " ", "", ""],
    ["Datum", "Brottstyp", "Lat", "Lon"],
    ["2024-03-05", "Rån", "60,6", "15,6"],
    ["", "", "", ""],
    ["2024-02-30", "Rån", "60,6", "15,6"],
    ["2024-03-06", "Stöld", "abc", "15,6"],
    ["2024-03-07", "Stöld", "60,6", "15,6"],
]


def _kontrollera_radnummer(data, rapport):
    assert data["rad"].tolist() == [4, 8]
    assert rapport.rader_lasta == 5  # raderna under rubrikraden, den tomma medräknad
    assert rapport.utelamnade_rader == [5, 6, 7]
    assert problem_med(rapport, "tom rad").rader == [5]
    assert problem_med(rapport, "datumet finns inte i kalendern").rader == [6]
    p = problem_med(rapport, "en koordinat (ett tal)")
    assert p.rader == [7] and p.kolumn == "Lat"
    text = rapport.text()
    assert "tom rad: rad 5" in text
    assert "finns inte i kalendern" in text and "5/3/2024): rad 6" in text
    assert "kolumnen ”Lat”: väntade en koordinat (ett tal): rad 7" in text
    # Förklaringen sist i rapporten stämmer med filen: rubrikraden är rad 3, inte rad 1.
    assert text.splitlines()[-1] == "Radnumren räknas som i filen: rubrikraden är rad 3."
    assert "rubrikraden är rad 3 (tomma rader före den)" in rapport.format


@pytest.mark.parametrize("radslut", ["\n", "\r\n"])
def test_38_radnummer_i_csv_med_tomma_rader(tmp_path, radslut):
    text = radslut.join(";".join(r) for r in _RADER_MED_LUCKOR) + radslut
    data, rapport = las_egna_brott(skriv(tmp_path, "luckor.csv", text))
    _kontrollera_radnummer(data, rapport)


def test_38b_radnummer_i_xlsx_med_tomma_rader(tmp_path):
    import openpyxl

    bok = openpyxl.Workbook()
    blad = bok.active
    for nr, rad in enumerate(_RADER_MED_LUCKOR, start=1):
        for kol, varde in enumerate(rad, start=1):
            if varde:
                blad.cell(row=nr, column=kol, value=varde)
    blad.cell(row=2, column=2, value=" ")  # rad 2 har en cell med bara ett mellanslag
    fil = tmp_path / "luckor.xlsx"
    bok.save(fil)
    assert openpyxl.load_workbook(fil).active["A3"].value == "Datum"  # rubriken står på rad 3
    data, rapport = las_egna_brott(fil)
    _kontrollera_radnummer(data, rapport)


def test_38c_ingen_anvandbar_rad_namnger_rubrikraden(tmp_path):
    fil = skriv(tmp_path, "d.csv", "\n\nDatum;Brottstyp\nigår;Rån\n")
    with pytest.raises(FilFel) as fel:
        las_egna_brott(fil)
    text = str(fel.value)
    assert "okänt datumformat" in text and "rad 4" in text
    assert text.endswith("Radnumren räknas som i filen: rubrikraden är rad 3.")


@pytest.mark.parametrize(
    ("las", "rader", "kolumn", "varde"),
    [
        (las_egna_brott, "Datum;Brottstyp\n2024-03-05;Rån\n", "brottstyp", "Rån"),
        (las_eget_flode, "Datum;Antal\n2024-03-05;4\n", "antal", 4),
        (las_egen_enkat, "Kön;Trygghet\nKvinna;Mycket trygg\n", "trygghet", "Mycket trygg"),
    ],
)
@pytest.mark.parametrize("titel", ["Händelser i centrum 2024", "Händelser i centrum 2024;;"])
def test_38d_titel_ovanfor_rubrikraden_hoppas_over(tmp_path, las, rader, kolumn, varde, titel):
    # En titel överst (med eller utan avgränsare efter, som Excel skriver den) och en
    # anteckning lästes förr som rubrikrad. Nu hittas rubrikraden under dem, och
    # rapporten säger vilka rader som inte lästes.
    fil = skriv(tmp_path, "titel.csv", titel + "\nUttag 2024-03-06\n\n" + rader)
    data, rapport = las(fil)
    assert rapport.rubrikrad == 4
    assert data[kolumn].tolist() == [varde] and data["rad"].tolist() == [5]
    assert rapport.rader_lasta == 1 and rapport.utelamnade == []
    assert (
        "rubrikraden är rad 4; rad 1–2 före den är titel eller anteckning och lästes inte "
        "(”Händelser i centrum 2024”, ”Uttag 2024-03-06”)"
    ) in rapport.format
    assert rapport.text().endswith("rubrikraden är rad 4.")


def test_38d2_titel_i_en_fil_med_en_kolumn_ger_tips(tmp_path):
    # Har datan bara en kolumn går titeln inte att skilja från rubrikraden: felet ger ett tips.
    fil = skriv(tmp_path, "titel.csv", "Händelser i centrum 2024;;\nBrottstyp;;\nRån;;\n")
    with pytest.raises(FilFel) as fel:
        las_egna_brott(fil)
    text = str(fel.value)
    assert "Rad 1 lästes som rubrikrad men har bara ett namn (”Händelser i centrum 2024”)" in text
    assert "Ta bort raderna ovanför kolumnnamnen" in text


def test_38e_en_kolumn_ar_ingen_titel(tmp_path):
    # En fil med bara en kolumn ska inte få titeltipset.
    fil = skriv(tmp_path, "en.csv", "Brottstyp\nRån\n")
    with pytest.raises(FilFel) as fel:
        las_egna_brott(fil)
    assert "saknar en kolumn med datum" in str(fel.value)
    assert "titel" not in str(fel.value)


# --- 39–50. Det som svenska kontor exporterar ------------------------------------------------

FILER = Path(__file__).parent / "filer"


def andel(data: pd.DataFrame, kolumn: str, svar: list[str]) -> float:
    """Andelen svar i ``svar`` bland dem som svarat, räknad för hand."""
    giltiga = [v for v in data[kolumn].tolist() if isinstance(v, str)]
    return sum(v in svar for v in giltiga) / len(giltiga)


def test_39_skala_i_rubriken_laeses_inte_baklanges():
    # 100 svar: koden 1 (6 st), 2 (12), 3 (20), 4 (30), 5 (32) med 1 = Mycket otrygg.
    # Rätt läst är 18 % otrygga (kod 1 och 2); baklänges lästes 82 %.
    fil = FILER / "enkat-skala-i-rubriken.csv"
    rader = fil.read_text(encoding="utf-8-sig").splitlines()[1:]
    koder = [int(r.split(";")[3]) for r in rader]
    assert [koder.count(k) for k in range(1, 6)] == [6, 12, 20, 30, 32]
    data, rapport = las_egen_enkat(fil)
    svar = data["trygg_kvall"]
    assert andel(data, "trygg_kvall", ["Mycket otrygg", "Ganska otrygg"]) == pytest.approx(0.18)
    from tryggaplatser.mellanstad import OTRYGGA_SVAR

    assert andel(data, "trygg_kvall", OTRYGGA_SVAR) == pytest.approx(0.18)
    # Koden i filen och svaret i datan, rad för rad.
    namn = {1: "Mycket otrygg", 2: "Ganska otrygg", 3: "Varken trygg eller otrygg", 4: "Ganska trygg",
            5: "Mycket trygg"}  # fmt: skip
    assert svar.tolist() == [namn[k] for k in koder]
    assert svar.cat.ordered
    assert list(svar.cat.categories)[:5] == [
        "Mycket trygg", "Ganska trygg", "Varken trygg eller otrygg", "Ganska otrygg", "Mycket otrygg",
    ]  # fmt: skip
    assert rapport.kanda_kolumner["Trygg kväll (1=Mycket otrygg … 5=Mycket trygg)"] == (
        "trygg_kvall (svar, skala trygghet)"
    )
    assert any(
        "koderna 1=Mycket otrygg, 2=Ganska otrygg, 3=Varken trygg eller otrygg, 4=Ganska trygg, "
        "5=Mycket trygg (enligt rubriken)" in f
        for f in rapport.format
    )


def test_39b_fyrgradig_skala_i_rubriken_och_i_argumentet(tmp_path):
    text = "Trygg kväll (1=Mycket otrygg … 4=Mycket trygg)\n1\n2\n3\n4\n9\n"
    data, _ = las_egen_enkat(skriv(tmp_path, "e.csv", text))
    vantat = ["Mycket otrygg", "Ganska otrygg", "Ganska trygg", "Mycket trygg"]
    assert data["trygg_kvall"].tolist()[:4] == vantat and pd.isna(data["trygg_kvall"].iloc[4])
    # Samma skala som text i svarskolumner, och som en lista med alternativen i kodernas ordning.
    utan = skriv(tmp_path, "f.csv", "Trygg kväll\n1\n2\n3\n4\n9\n")
    for spec in ("1=Mycket otrygg, 4=Mycket trygg", vantat):
        data, rapport = las_egen_enkat(utan, svarskolumner={"Trygg kväll": spec})
        assert data["trygg_kvall"].tolist()[:4] == vantat
        assert any("(enligt argumentet svarskolumner)" in f for f in rapport.format)


def test_39c_koderna_har_egna_etiketter_i_cellerna(tmp_path):
    # En export där några celler har kod och text ("1 Mycket otrygg") och andra bara koden.
    text = "Trygghet centrum\n1 Mycket otrygg\n4 - Mycket trygg\n2\n3\n1\n"
    data, rapport = las_egen_enkat(skriv(tmp_path, "e.csv", text))
    assert data["trygghet_centrum"].tolist() == [
        "Mycket otrygg", "Mycket trygg", "Ganska otrygg", "Ganska trygg", "Mycket otrygg",
    ]  # fmt: skip
    assert any("(enligt cellerna)" in f for f in rapport.format)


def test_39d_skala_med_okanda_etiketter_ger_fel_med_etiketten(tmp_path):
    fil = skriv(tmp_path, "e.csv", "Trygg kväll (1=Helt otrygg … 5=Helt trygg)\n1\n5\n")
    with pytest.raises(FilFel) as fel:
        las_egen_enkat(fil)
    assert "koden 1 betyder ”Helt otrygg”, som inte finns i handbokens skala" in str(fel.value)


def test_39e_koder_som_inte_ar_en_skala_gissas_inte(tmp_path):
    # "trygg" i namnet, men koderna i rubriken handlar om något annat: kolumnen ignoreras.
    text = "Deltog i trygghetsvandring (1=Ja, 2=Nej);Oro\n1;Inte alls\n2;I ganska stor utsträckning\n"
    data, rapport = las_egen_enkat(skriv(tmp_path, "e.csv", text))
    assert list(data.columns) == ["rad", "oro"]
    assert rapport.ignorerade_kolumner == ["Deltog i trygghetsvandring (1=Ja, 2=Nej)"]


def test_39f_skala_med_luckor_ger_fel(tmp_path):
    # Tre steg mellan 1 och 7 räcker inte: skalan går inte att lägga på handbokens.
    fil = skriv(tmp_path, "e.csv", "Trygg kväll (1=Mycket otrygg, 7=Mycket trygg)\n1\n7\n")
    with pytest.raises(FilFel, match=r"saknas koder\s+mellan 1 och 7|saknas koder mellan 1 och 7"):
        las_egen_enkat(fil)


def test_40_koder_for_kon_och_omrade_i_rubriken(tmp_path):
    text = (
        "Kön (1=Man, 2=Kvinna);Område (1=Centrum, 2=Norrby);Trygg\n"
        "1;2;Mycket trygg\n2;1;Mycket trygg\n3;3;Ganska trygg\n"
    )
    data, rapport = las_egen_enkat(skriv(tmp_path, "e.csv", text))
    assert data["kon"].tolist()[:2] == ["Man", "Kvinna"] and pd.isna(data["kon"].iloc[2])
    assert data["omrade"].tolist() == ["Norrby", "Centrum", "3"]
    assert rapport.kanda_kolumner["Kön (1=Man, 2=Kvinna)"] == "kon"
    p = problem_med(rapport, "okänt värde (väntade Kvinna, Man eller Annat)", utelamnade=False)
    assert p.rader == [4] and p.kolumn == "Kön (1=Man, 2=Kvinna)"
    p = problem_med(rapport, "koden 3 står inte i rubrikens koder", utelamnade=False)
    assert p.rader == [4]
    # Utan koder i rubriken tipsar meddelandet om att skriva dem där.
    data, rapport = las_egen_enkat(skriv(tmp_path, "f.csv", "Kön;Trygg\n1;Mycket trygg\n"))
    assert "Skriv dem i rubriken: ”Kön (1=Kvinna, 2=Man)”" in rapport.anmarkningar[0].orsak


def _xlsx_med_titel(fil, sammanslagen: bool = True):
    import openpyxl

    bok = openpyxl.Workbook()
    blad = bok.active
    blad["A1"] = "Trygghetsenkät 2024, Mellanstad"
    blad.merge_cells("A1:D1")
    blad["A2"] = "Svar från webb och papper. Vikterna är kalibrerade."
    blad.append([])
    blad.append(["Område", "Kön", "Vikt", "Trygg kväll"])  # rad 4
    rader = [
        ("Centrum", "Kvinna", 1.2, "Ganska otrygg"),
        (None, "Man", 0.8, "Mycket trygg"),
        (None, "Kvinna", 1.1, "Mycket otrygg"),
        ("Norrby", "Man", 1.0, "Ganska trygg"),
        (None, "Kvinna", 0.9, "Ganska trygg"),
    ]
    for rad in rader:
        blad.append(list(rad))
    if sammanslagen:
        blad.merge_cells("A5:A7")  # Centrum gäller rad 5–7, som Excel visar det
        blad.merge_cells("A8:A9")
    else:
        for nr, omr in ((6, "Centrum"), (7, "Centrum"), (9, "Norrby")):
            blad.cell(row=nr, column=1, value=omr)
    bok.save(fil)
    return fil


def test_41_xlsx_med_titel_anteckning_och_sammanslagna_celler(tmp_path):
    # Förr blev titeln rubrikrad: inga svar hittades. Nu hittas rubrikraden på rad 4.
    data, rapport = las_egen_enkat(_xlsx_med_titel(tmp_path / "enkat.xlsx"))
    assert rapport.rubrikrad == 4 and rapport.rader_anvandbara == 5
    assert data["rad"].tolist() == [5, 6, 7, 8, 9]
    assert data["omrade"].tolist() == ["Centrum"] * 3 + ["Norrby"] * 2
    assert data["trygg_kvall"].tolist()[0] == "Ganska otrygg"
    assert "rubrikraden är rad 4; rad 1–2 före den är titel eller anteckning och lästes inte" in (
        " ".join(rapport.format)
    )
    p = problem_med(rapport, "sammanslagen cell: värdet ”Centrum” på rad 5 gäller raderna 5–7", False)
    assert p.rader == [5, 6, 7] and p.kolumn == "Område"
    assert problem_med(rapport, "”Norrby” på rad 8 gäller raderna 8–9", False).rader == [8, 9]
    # Samma fil utan sammanslagna celler ger samma data och ingen anmärkning.
    utan, rapport_utan = las_egen_enkat(_xlsx_med_titel(tmp_path / "utan.xlsx", sammanslagen=False))
    pd.testing.assert_frame_equal(utan, data)
    assert rapport_utan.anmarkningar == []


def test_41b_csv_med_titelrader_och_decimalkomma():
    data, rapport = las_egna_brott(FILER / "brott-kontorsexport.csv")
    assert rapport.rubrikrad == 4 and rapport.rader_lasta == 7
    assert "teckenkodning Windows-1252" in rapport.format and "decimalkomma" in rapport.format
    assert data["rad"].tolist() == [5, 6, 7, 10, 11]
    assert data.loc[0, ["ost", "nord"]].tolist() == [560_088.5, 6_650_154.0]
    assert "koordinater i SWEREF 99 TM (EPSG:3006), enligt rad 2" in rapport.format


def test_42_excels_serienummer_for_datum(tmp_path):
    import openpyxl

    bok = openpyxl.Workbook()
    blad = bok.active
    blad.append(["Datum", "Tid", "Brottstyp"])
    blad.append([45356, 0.927083333333, "Rån"])  # 45356 = 2024-03-05 och 0,927083 = 22.15
    blad.append([45356.5, None, "Stöld"])  # ,5 = kl. 12
    fil = tmp_path / "serie.xlsx"
    bok.save(fil)
    data, rapport = las_egna_brott(fil)
    # Excels dag 1 är 1900-01-01 och Excel räknar 1900 som skottår: dag 60 finns inte på riktigt.
    forvantat = dt.date(1900, 1, 1) + dt.timedelta(days=45356 - 2)
    assert forvantat == dt.date(2024, 3, 5)
    assert data["datum"].tolist() == [forvantat, forvantat]
    assert data["tidpunkt"].tolist() == [
        pd.Timestamp("2024-03-05 22:15", tz="Europe/Stockholm"),
        pd.Timestamp("2024-03-05 12:00", tz="Europe/Stockholm"),
    ]
    assert "datum som Excels serienummer omräknade (till exempel 45356 = 2024-03-05)" in rapport.format


def test_42b_serienummer_i_csv_namnges_i_meddelandet():
    _, rapport = las_egna_brott(FILER / "brott-kontorsexport.csv")
    p = problem_med(rapport, "ett tal, inte ett datum: det ser ut som Excels serienummer")
    assert p.rader == [8] and p.kolumn == "Datum"
    assert "45356 = 2024-03-05" in p.orsak and "spara om filen" in p.orsak


@pytest.mark.parametrize(
    ("text", "vantat"),
    [
        ("2024-03-05T22:15:00+01:00", "2024-03-05 22:15:00+01:00"),
        ("2024-03-05T21:15:00Z", "2024-03-05 22:15:00+01:00"),
        ("2024-03-05T21:15:00.250Z", "2024-03-05 22:15:00+01:00"),
        ("2024-07-05T22:15:00+0200", "2024-07-05 22:15:00+02:00"),
        ("2024-07-05T22:15:00+01:00", "2024-07-05 23:15:00+02:00"),  # annan tidszon: räknas om
        ("2024-12-31T23:30:00Z", "2025-01-01 00:30:00+01:00"),  # nytt år i svensk tid
        ("5 mars 2024 22.15", "2024-03-05 22:15:00+01:00"),
        ("5 Mars 2024 kl. 22.15", "2024-03-05 22:15:00+01:00"),
        ("1 aug 2024 08:30", "2024-08-01 08:30:00+02:00"),
        ("1 aug. 2024, kl. 08.30", "2024-08-01 08:30:00+02:00"),
        ("12 sept 2024 10.00", "2024-09-12 10:00:00+02:00"),
        ("3 december 2024 07.05", "2024-12-03 07:05:00+01:00"),
    ],
)
def test_43_iso_8601_med_tidszon_och_svenska_manadsnamn(tmp_path, text, vantat):
    data, rapport = las_egna_brott(skriv(tmp_path, "t.csv", f"Tidpunkt;Brottstyp\n{text};Rån\n"))
    assert str(data.loc[0, "tidpunkt"]) == vantat
    assert data.loc[0, "datum"] == dt.date.fromisoformat(vantat[:10])  # datumet i svensk tid
    assert rapport.utelamnade == []


@pytest.mark.parametrize(
    ("text", "orsak"),
    [
        ("5 foo 2024", "okänd månad ”foo”"),
        ("1 ju 2024", "okänd månad ”ju”"),  # kan vara juni eller juli
        ("31 april 2024", "datumet finns inte i kalendern"),
        ("3/25/2024", "är datumen skrivna som månad/dag/år?"),
        ("2024-03-05 24:00", "klockslaget 24.00 är inte tillåtet"),
    ],
)
def test_43c_datum_som_inte_gar_att_lasa(tmp_path, text, orsak):
    fil = skriv(tmp_path, "t.csv", f"Datum;Brottstyp\n{text};Rån\n2024-03-05;Rån\n")
    data, rapport = las_egna_brott(fil)
    assert data["rad"].tolist() == [3]
    p = problem_med(rapport, orsak)
    assert p.rader == [2] and p.kolumn == "Datum"


# --- 44. Koordinatsystem: lokala SWEREF 99-zoner, RT90 och argumentet koordinatsystem -------

# Stockholm (Sergels torg) i WGS84; SWEREF 99 TM omkring öst 674 000 och nord 6 580 000.
STOCKHOLM = (59.33258, 18.06490)


def _tm(lat: float, lon: float) -> tuple[float, float]:
    """Samma punkt i SWEREF 99 TM, läst ur en fil i WGS84 (läsarens egen väg för grader)."""
    data, _ = las_egna_brott(__import__("io").BytesIO(f"Datum;Lat;Lon\n2024-03-05;{lat};{lon}\n".encode()))
    return float(data.loc[0, "ost"]), float(data.loc[0, "nord"])


def test_44_stockholm_i_sweref99_tm_ligger_i_sverige(tmp_path):
    for namn, rader in (("xy.csv", "674032;6580822"), ("yx.csv", "6580822;674032")):
        fil = skriv(tmp_path, namn, f"Datum;X;Y\n2024-03-05;{rader}\n2024-03-06;{rader}\n")
        data, rapport = las_egna_brott(fil)
        assert rapport.utelamnade == [] and len(data) == 2
        assert data.loc[0, ["ost", "nord"]].tolist() == [674_032.0, 6_580_822.0]
        assert "utanför Sverige" not in rapport.text()


ZONER = [(zon, kod) for zon, kod in ko.LOKALA_ZONER.items()]
# En latitud inom varje zons område (EPSG-registrets användningsområde för zonen).
LATITUD = {
    "12 00": 59.3, "13 30": 59.3, "15 00": 59.3, "16 30": 59.3, "18 00": 59.3, "14 15": 63.0,
    "15 45": 62.5, "17 15": 64.0, "18 45": 63.0, "20 15": 67.0, "21 45": 65.8, "23 15": 66.5,
}  # fmt: skip


@pytest.mark.parametrize(("zon", "kod"), ZONER, ids=[z for z, _ in ZONER])
def test_44b_lokal_zon_utan_angivet_system_ger_fel_som_ber_om_det(tmp_path, zon, kod):
    # En punkt på zonens mittmeridian: öst är exakt 150 000 m och nord är meridianbågen
    # (skalfaktor 1). Räknat här utan pyproj.
    lon, lat = int(zon[:2]) + int(zon[3:]) / 60, LATITUD[zon]
    nord = meridianbage(lat)
    fil = skriv(tmp_path, "zon.csv", f"Datum;X;Y\n2024-03-05;{nord:.2f};150000\n")
    with pytest.raises(FilFel) as fel:
        las_egna_brott(fil)
    text = str(fel.value)
    assert "en av de lokala SWEREF 99-zonerna" in text and "utanför Sverige" not in text
    assert f"{zon} (EPSG:{kod})" in text and "--koordinatsystem EPSG:" in text
    # Med systemet angivet blir det samma punkt som när den läses i grader (inom en meter).
    data, rapport = las_egna_brott(fil, koordinatsystem=f"EPSG:{kod}")
    ost, nord_tm = _tm(lat, lon)
    assert data.loc[0, "ost"] == pytest.approx(ost, abs=1.0)
    assert data.loc[0, "nord"] == pytest.approx(nord_tm, abs=1.0)
    assert f"koordinater i SWEREF 99 {zon} (EPSG:{kod}), angivet med koordinatsystem" in " ".join(
        rapport.format
    )
    # Zonen i rubriken räcker också.
    rubrik = skriv(tmp_path, "r.csv", f"Datum;X (SWEREF 99 {zon});Y\n2024-03-05;{nord:.2f};150000\n")
    data_r, rapport_r = las_egna_brott(rubrik)
    assert data_r.loc[0, ["ost", "nord"]].tolist() == data.loc[0, ["ost", "nord"]].tolist()
    assert any(f"enligt rubriken ”X (SWEREF 99 {zon})”" in f for f in rapport_r.format)


def test_44c_stockholm_i_sweref99_18_00_ur_testfilen():
    fil = FILER / "brott-sweref-18-00.csv"
    with pytest.raises(FilFel) as fel:
        las_egna_brott(fil)
    text = str(fel.value)
    assert "Efter nordvärdena passar" in text and "18 00 (EPSG:3011)" in text
    assert "utanför Sverige" not in text
    data, rapport = las_egna_brott(fil, koordinatsystem="EPSG:3011")
    assert rapport.utelamnade == []
    assert rapport.kanda_kolumner["X"] == "nord" and rapport.kanda_kolumner["Y"] == "ost"
    ost, nord = _tm(*STOCKHOLM)
    assert data.loc[0, "ost"] == pytest.approx(ost, abs=1.0)
    assert data.loc[0, "nord"] == pytest.approx(nord, abs=1.0)
    assert 670_000 < ost < 680_000 and 6_575_000 < nord < 6_585_000
    # Tiderna har tidszon och räknas om till svensk tid.
    assert [str(t) for t in data["tidpunkt"]] == [
        "2024-03-05 22:15:00+01:00", "2024-03-05 22:40:00+01:00", "2024-07-12 01:05:00+02:00",
        "2024-10-27 02:30:00+02:00",
    ]  # fmt: skip


def test_44d_rt90_kanns_igen_pa_talen_och_i_rubriken(tmp_path):
    from pyproj import Transformer

    lat, lon = STOCKHOLM
    ost_rt90, nord_rt90 = Transformer.from_crs(4326, 3021, always_xy=True).transform(lon, lat)
    fil = skriv(tmp_path, "rt90.csv", f"Datum;X;Y\n2024-03-05;{nord_rt90:.2f};{ost_rt90:.2f}\n")
    data, rapport = las_egna_brott(fil)
    ost, nord = _tm(lat, lon)
    assert data.loc[0, "ost"] == pytest.approx(ost, abs=1.0)
    assert data.loc[0, "nord"] == pytest.approx(nord, abs=1.0)
    text = " ".join(rapport.format)
    assert "lästes som RT90 2,5 gon V (EPSG:3021)" in text and 'koordinatsystem="EPSG:…"' in text
    rubrik = skriv(tmp_path, "r.csv", f"Datum;X;Y\n2024-03-05;{nord_rt90:.2f};{ost_rt90:.2f}\n")
    rubrik.write_text("Koordinater i RT 90 2,5 gon V\n" + rubrik.read_text())
    _, rapport = las_egna_brott(rubrik)
    assert (
        "koordinater i RT90 2,5 gon V (EPSG:3021), enligt rad 1, omräknade till SWEREF 99 TM"
        in rapport.format
    )


def test_44e_angivet_system_som_motsager_talen_och_okant_system(tmp_path):
    fil = skriv(tmp_path, "tm.csv", "Datum;Öst;Nord\n2024-03-05;674032;6580822\n")
    with pytest.raises(FilFel, match=r"ska vara i SWEREF 99 18 00 \(EPSG:3011\).*ser ut som SWEREF 99 TM"):
        las_egna_brott(fil, koordinatsystem="EPSG:3011")
    with pytest.raises(FilFel, match=r"Okänt koordinatsystem: EPSG:99999"):
        las_egna_brott(fil, koordinatsystem="EPSG:99999")
    with pytest.raises(FilFel, match=r"Okänt koordinatsystem: Gauss"):
        las_egna_brott(fil, koordinatsystem="Gauss")


def test_44f_bara_den_ena_koordinaten(tmp_path):
    fil = skriv(tmp_path, "h.csv", "Datum;Öst;Nord\n2024-03-05;674032;\n2024-03-06;674032;6580822\n")
    data, rapport = las_egna_brott(fil)
    assert data["rad"].tolist() == [2, 3] and pd.isna(data.loc[0, "ost"])
    assert problem_med(rapport, "bara den ena koordinaten finns", utelamnade=False).rader == [2]


# --- 45. Tal som inte går att räkna med, och trasiga Excel-filer ---------------------------------


def test_45_for_stora_och_oandliga_tal_ger_anmarkning_inte_krasch(tmp_path):
    fil = skriv(
        tmp_path,
        "e.csv",
        "Ålder;Vikt;Antal;Trygg\n1e400;1,0;3;Mycket trygg\n40;1e400;3;Mycket trygg\n40;inf;3;Mycket trygg\n"
        "40;1;" + "9" * 400 + ";Mycket trygg\n40;1;2;Mycket trygg\n",
    )
    data, rapport = las_egen_enkat(fil)
    assert data["rad"].tolist() == [2, 6]
    assert np.isfinite(data["vikt"]).all()
    assert problem_med(rapport, "en ålder i hela år, inte ett oändligt eller för stort tal", False).rader == [
        2
    ]
    assert problem_med(
        rapport, "en vikt (ett tal, minst 0), inte ett oändligt eller för stort tal"
    ).rader == [3, 4]
    assert problem_med(rapport, "ett antal (ett heltal, minst 0), inte ett oändligt").rader == [5]
    with pytest.raises(ValueError, match="för stort"):
        tolka_tal("1e400")


def test_45b_for_stort_antal_i_flode_och_koordinat(tmp_path):
    flode = skriv(tmp_path, "f.csv", "Datum;Antal\n2024-03-05;1e400\n2024-03-05;4\n")
    data, rapport = las_eget_flode(flode)
    assert data["antal"].tolist() == [4] and problem_med(rapport, "oändligt eller för stort").rader == [2]
    brott = skriv(tmp_path, "b.csv", "Datum;Öst;Nord\n2024-03-05;1e400;6580822\n2024-03-05;674032;6580822\n")
    data, rapport = las_egna_brott(brott)
    assert data["rad"].tolist() == [3] and problem_med(rapport, "väntade en koordinat").rader == [2]


def _riktig_xlsx(tmp_path) -> bytes:
    import openpyxl

    bok = openpyxl.Workbook()
    bok.active.append(["Datum", "Brottstyp"])
    bok.active.append([dt.datetime(2024, 3, 5, 22, 15), "Rån"])
    fil = tmp_path / "riktig.xlsx"
    bok.save(fil)
    return fil.read_bytes()


def test_45c_trasiga_xlsx_ger_filfel(tmp_path):
    import io
    import zipfile

    riktig = _riktig_xlsx(tmp_path)
    # Avklippt mitt i, och med ett blad som inte är XML.
    trasig_xml = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(riktig)) as z, zipfile.ZipFile(trasig_xml, "w") as ut:
        for namn in z.namelist():
            ut.writestr(namn, b"<inte xml" if namn.endswith("sheet1.xml") else z.read(namn))
    for namn, innehall in (("klippt.xlsx", riktig[: len(riktig) // 2]), ("xml.xlsx", trasig_xml.getvalue())):
        with pytest.raises(FilFel) as fel:
            las_egna_brott(skriv(tmp_path, namn, innehall))
        assert f"{namn} går inte att öppna som Excel-fil (.xlsx)" in str(fel.value)
        assert "Spara om den från Excel" in str(fel.value)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_45d_andrade_byte_i_en_xlsx_ger_data_eller_filfel(tmp_path_factory, data):
    import io

    riktig = _riktig_xlsx(tmp_path_factory.mktemp("x"))
    # Platsen dras oberoende av filens längd (som varierar med tidsstämplarna i filen).
    andringar = data.draw(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=8))
    innehall = bytearray(riktig)
    for plats, byte in andringar:
        innehall[plats % len(innehall)] = byte
    fil = io.BytesIO(bytes(innehall))
    fil.name = "andrad.xlsx"
    try:
        ut, rapport = las_egna_brott(fil)
    except FilFel as fel:
        assert str(fel).startswith(("Filen andrad.xlsx", "andrad.xlsx"))
    else:
        assert len(ut) == rapport.rader_anvandbara


# --- 46. Handbokens egna filer går att kontrollera -----------------------------------------------

DATA = Path(__file__).parent.parent / "data" / "mellanstad"


def test_46_mellanstads_brott_las_som_egen_fil():
    import tryggaplatser as tp

    data, rapport = las_egna_brott(DATA / "brott.csv")
    facit = tp.las_brott()
    assert rapport.utelamnade == [] and rapport.anmarkningar == [] and len(data) == len(facit)
    assert data["tidpunkt"].tolist() == facit["tidpunkt"].tolist()
    assert data["ost"].tolist() == facit["ost"].astype(float).tolist()
    assert data["nord"].tolist() == facit["nord"].astype(float).tolist()
    assert data["brottstyp"].astype(str).tolist() == facit["brottstyp"].astype(str).tolist()
    assert data["id"].tolist() == facit["id"].tolist()


def test_46b_mellanstads_enkat_las_som_egen_fil():
    import tryggaplatser as tp

    data, rapport = las_egen_enkat(DATA / "enkat.csv")
    facit = tp.las_enkat()
    assert rapport.utelamnade == [] and len(data) == len(facit)
    for kolumn in ("otrygg_kvall", "oro_samhalle", "otrygg_centrum", "problem_belysning"):
        assert data[kolumn].astype(object).where(data[kolumn].notna(), None).tolist() == (
            facit[kolumn].astype(object).where(facit[kolumn].notna(), None).tolist()
        ), kolumn
        assert list(data[kolumn].cat.categories) == list(facit[kolumn].cat.categories)


def test_46c_mellanstads_breda_flodesfil_las_som_egen_fil():
    import tryggaplatser as tp

    data, rapport = las_eget_flode(DATA / "flode.csv")
    facit = tp.las_flode().dropna(subset=["antal"]).astype({"raknare": str})
    facit = facit.sort_values(["tidpunkt", "raknare"], kind="stable").reset_index(drop=True)
    jamfor = data.sort_values(["tidpunkt", "raknare"], kind="stable").reset_index(drop=True)
    assert len(jamfor) == len(facit)
    assert jamfor["tidpunkt"].tolist() == facit["tidpunkt"].tolist()
    assert jamfor["raknare"].tolist() == facit["raknare"].tolist()
    assert jamfor["antal"].tolist() == facit["antal"].tolist()
    assert rapport.rader_anvandbara == rapport.rader_lasta
    assert any(f.startswith("bred form: en kolumn per räknare (busstationen") for f in rapport.format)
    tomma = sum(len(p.rader) for p in rapport.anmarkningar if "inget antal (tom cell)" in p.orsak)
    assert tomma == int(tp.las_flode()["antal"].isna().sum())


# --- 47. Flödesfiler i bred form --------------------------------------------------------------


def test_47_bred_flodesfil_med_fel_i_enstaka_celler(tmp_path):
    fil = skriv(
        tmp_path,
        "f.csv",
        "Datum;Tid;Torget;Parken;Kommentar\n"
        "2024-03-05;08.00;120;4;\n"
        "2024-03-05;09.00;-3;7;regn\n"
        "2024-03-05;10.00;;;\n"
        "2024-03-05;11.00;2,5;;\n",
    )
    data, rapport = las_eget_flode(fil)
    assert data[["rad", "raknare", "antal"]].values.tolist() == [
        [2, "Torget", 120], [2, "Parken", 4], [3, "Parken", 7],
    ]  # fmt: skip
    assert rapport.utelamnade_rader == [4, 5]
    assert problem_med(rapport, "inget antal på raden för någon räknare").rader == [4, 5]
    assert problem_med(rapport, "inte ett negativt tal; värdet satt som saknat", False).rader == [3]
    assert problem_med(rapport, "inte ett decimaltal; värdet satt som saknat", False).rader == [5]
    assert rapport.ignorerade_kolumner == ["Kommentar"]


def test_47b_flode_utan_antal_och_utan_rakarkolumner_namnger_formerna(tmp_path):
    fil = skriv(tmp_path, "f.csv", "Datum;Plats\n2024-03-05;Torget\n")
    with pytest.raises(FilFel) as fel:
        las_eget_flode(fil)
    text = str(fel.value)
    assert "lång form" in text and "bred form, en kolumn per räknare" in text
    assert "Kolumnerna i filen är: ”Datum”, ”Plats”" in text
