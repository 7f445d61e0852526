"""Enkätsvar: vilken svarsskala en kolumn följer och åt vilket håll koderna går.

Svar som text (``Ganska otrygg``) känns igen i handbokens skalor
(:data:`tryggaplatser.skalor.SVARSSKALOR`). Svar som koder (``1``–``5``)
tolkas bara om filen eller anroparen säger vad koderna betyder:

- i rubriken: ``Trygg kväll (1=Mycket otrygg … 5=Mycket trygg)``;
- i cellerna: ``1 Mycket otrygg``, ``2 - Ganska otrygg`` ...;
- med argumentet ``svarskolumner``: ett skalnamn (koden är platsen i
  handbokens skala, 1 = första alternativet), en text som i rubriken
  eller en lista med alternativen i kodernas ordning.

Annars stoppar läsningen med :class:`~tryggaplatser.rapport.FilFel` och ber
om skalan: en omvänd skala skulle annars ge motsatt resultat.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from tryggaplatser.rapport import FilFel, Inlasningsrapport, Radlogg
from tryggaplatser.skalor import SVARSSKALOR

from .rubriker import Rubrik, koder_i_text, normalisera_kolumnnamn

__all__ = ["Skala", "bestam_skala", "kodad_text", "kon_kolumn", "las_svarskolumner", "svarskolumn"]

SAKNAT_SVAR = {
    "", "vet ej", "vet inte", "ej svar", "inget svar", "vill ej svara", "vill inte svara",
    "ingen uppgift", "uppgift saknas", "-", "na", "n/a",
}  # fmt: skip
#: Koder som betyder saknat svar, om rubriken inte säger något annat.
SAKNADE_KODER = {0, 9, 99}
#: Skalans egentliga steg (utan "går aldrig ut" och "vistas aldrig där").
KARNA = {"trygghet": 4, "trygghet_plats": 4, "oro": 5, "problem": 4}
#: Mittalternativet när en fil har en skala med ett steg mer än handbokens (1–5 i stället för 1–4).
MITT = {"trygghet": "Varken trygg eller otrygg", "trygghet_plats": "Varken trygg eller otrygg"}
_SKALA_FRAN_NAMN = (("trygg", "trygghet"), ("oro", "oro"), ("problem", "problem"))
_RE_KOD_I_CELL = re.compile(r"^(\d{1,2})\s*(?:[-=:.)]\s*|\s)(\D.*)$")

_KON = {
    "kvinna": "Kvinna", "k": "Kvinna", "kvinnor": "Kvinna", "female": "Kvinna", "f": "Kvinna",
    "man": "Man", "m": "Man", "män": "Man", "male": "Man",
    "annat": "Annat", "annan": "Annat", "icke-binar": "Annat", "icke-binär": "Annat",
}  # fmt: skip


def normalisera_svar(v: object) -> str:
    """Gemener, utan å/ä/ö och skiljetecken; "pga" skrivs ut."""
    t = " ".join(normalisera_kolumnnamn(v).split("_"))
    return re.sub(r"\bp ?g ?a\b", "pa grund av", t)


SAKNAT_NORM = {normalisera_svar(t) for t in SAKNAT_SVAR}
_KON_NORM = {normalisera_svar(t): kon for t, kon in _KON.items()}
_TEXT = {namn: {normalisera_svar(a): a for a in alt} for namn, alt in SVARSSKALOR.items()}


@dataclass
class Skala:
    """Hur en svarskolumn tolkas."""

    namn: str  # nyckel i SVARSSKALOR
    kategorier: list[str]  # i handbokens ordning: tryggast först
    koder: dict[int, str]  # kod -> alternativ; tom om kolumnen bara har text
    kalla: str = ""  # var koderna kommer ifrån, för rapporten


def _kategorier(skala: str, med_mitt: bool) -> list[str]:
    alt = list(SVARSSKALOR[skala])
    if med_mitt:
        halv = KARNA[skala] // 2
        alt.insert(halv, MITT[skala])
    return alt


def _i_skala(etikett: str, skala: str) -> str | None:
    """Alternativet med handbokens stavning om etiketten hör till skalan (eller är dess mitt), annars None."""
    t = normalisera_svar(etikett)
    if t in _TEXT[skala]:
        return _TEXT[skala][t]
    return MITT[skala] if skala in MITT and t == normalisera_svar(MITT[skala]) else None


def _traffar(etiketter: dict[str, int]) -> dict[str, int]:
    """Hur många svar (etikett -> antal) som hör till varje skala."""
    return {
        skala: sum(n for e, n in etiketter.items() if _i_skala(e, skala) is not None) for skala in SVARSSKALOR
    }


def _fyll_koder(skala: str, koder: dict[int, str], kolumn: str, namn: str) -> tuple[dict[int, str], bool]:
    """Fyll i koder som rubriken hoppar över (1=Mycket otrygg … 5=Mycket trygg).

    Returnerar koderna och om skalan har ett mittalternativ.
    """
    alt = list(SVARSSKALOR[skala])
    karna = alt[: KARNA[skala]]
    med_mitt = any(a in MITT.values() for a in koder.values())
    steg = [(k, a) for k, a in sorted(koder.items()) if a in karna or a in MITT.values()]
    if len(steg) < 2:
        return koder, med_mitt
    lag, hog = steg[0][0], steg[-1][0]
    antal = hog - lag + 1
    for mitt in (False, True):
        if mitt and skala not in MITT:
            continue
        stegen = karna[: len(karna) // 2] + [MITT[skala]] + karna[len(karna) // 2 :] if mitt else karna
        if antal != len(stegen):
            continue
        for ordning in (stegen, stegen[::-1]):
            kandidat = {lag + i: a for i, a in enumerate(ordning)}
            if all(kandidat.get(k) == a for k, a in steg):
                return {**koder, **kandidat}, mitt
    if all(k in koder for k in range(lag, hog + 1)):
        positioner = [_kategorier(skala, med_mitt).index(koder[k]) for k in range(lag, hog + 1)]
        if positioner in (sorted(positioner), sorted(positioner, reverse=True)):
            return koder, med_mitt
    beskrivning = ", ".join(f"{k}={a}" for k, a in sorted(koder.items()))
    raise FilFel(
        f"Filen {namn}, kolumnen ”{kolumn}”: koderna ({beskrivning}) går inte att lägga på "
        f"handbokens skala ({', '.join(karna)}): de är inte i ordning, eller så saknas koder "
        f"mellan {lag} och {hog}. Skriv alla koder i rubriken, till exempel "
        f"”(1={karna[0]}, 2={karna[1]}, …)”."
    )


def _kodspecifikation(spec: object) -> dict[int, str] | None:
    """Koderna i ett värde i ``svarskolumner``: en text som i rubriken eller en lista med alternativ."""
    if isinstance(spec, str) and "=" in spec:
        return koder_i_text(spec)
    if isinstance(spec, (list, tuple)):
        return {i: str(a) for i, a in enumerate(spec, start=1)}
    return None


def bestam_skala(
    rubrik: Rubrik,
    celler: pd.Series,
    namn: str,
    spec: object = None,
    angiven: bool = False,
) -> Skala | None:
    """Avgör skalan för en kolumn, eller None om kolumnen inte är en svarskolumn.

    Parametrar
    ----------
    rubrik : Rubrik
        Kolumnens rubrik.
    celler : pandas.Series
        Cellerna som text utan blanksteg runt.
    namn : str
        Filens namn, för felmeddelanden.
    spec : str, list or None
        Värdet i ``svarskolumner`` för kolumnen: skalnamn, koder eller None.
    angiven : bool
        Om kolumnen står i ``svarskolumner`` (då är den en svarskolumn).
    """
    antal = celler[celler != ""].value_counts()
    koder_i_celler: dict[int, str] = {}
    bara_koder: dict[int, int] = {}
    texter: dict[str, int] = {}
    for v, n in antal.items():
        if normalisera_svar(v) in SAKNAT_NORM:
            continue
        if re.fullmatch(r"\d{1,3}", v):
            bara_koder[int(v)] = int(n)
        elif m := _RE_KOD_I_CELL.match(v):
            koder_i_celler[int(m[1])] = m[2].strip()
        else:
            texter[v] = int(n)
    if isinstance(spec, str) and spec not in SVARSSKALOR and "=" not in spec:
        raise FilFel(
            f"Okänd svarsskala {spec!r} för kolumnen ”{rubrik.text}”; välj bland {', '.join(SVARSSKALOR)}, "
            "eller skriv koderna, till exempel ”1=Mycket trygg, 4=Mycket otrygg”."
        )
    # Koderna: först argumentet, sedan rubriken, sedan cellerna.
    koder = _kodspecifikation(spec)
    kalla = "enligt argumentet svarskolumner" if koder else ""
    if koder is None and rubrik.koder:
        koder, kalla = dict(rubrik.koder), "enligt rubriken"
    if koder is None and koder_i_celler:
        koder, kalla = dict(koder_i_celler), "enligt cellerna"
    # Skalan: skalnamnet i argumentet, annars den skala som flest etiketter och svar hör till,
    # annars namnet (en kolumn vars namn innehåller "trygg" följer trygghetsskalan).
    traffar = _traffar({**dict.fromkeys((koder or {}).values(), 1), **texter})
    basta = max(traffar, key=lambda n: traffar[n])  # vid lika: första skalan
    fran_namn = next((s for del_, s in _SKALA_FRAN_NAMN if del_ in rubrik.grundnamn), None)
    # Koder som inte handlar om skalan (1=Ja, 2=Nej) gör inte kolumnen till en svarskolumn.
    ovidkommande = (
        bool(koder)
        and not traffar[basta]
        and not any(del_ in normalisera_svar(e) for e in koder.values() for del_, _ in _SKALA_FRAN_NAMN)
    )
    svar = sum(texter.values()) + sum(bara_koder.values())
    if isinstance(spec, str) and spec in SVARSSKALOR:
        skala = spec
    elif traffar[basta] and (koder or traffar[basta] >= 0.5 * svar):
        skala = basta
    elif (fran_namn and not ovidkommande) or angiven:
        # Ett namn med "trygg" räcker inte om rubrikens koder handlar om något annat (1=Ja, 2=Nej).
        skala = fran_namn or basta
    else:
        return None
    if koder is None and isinstance(spec, str) and spec in SVARSSKALOR:
        koder, kalla = {i: a for i, a in enumerate(SVARSSKALOR[spec], start=1)}, ""
    if koder is None:
        if any(k not in SAKNADE_KODER for k in bara_koder):
            raise _riktning_okand(namn, rubrik, skala, sorted(bara_koder))
        return Skala(skala, _kategorier(skala, False), {}, "")
    koder = _kontrollera_etiketter(koder, skala, rubrik.text, namn)
    koder, med_mitt = _fyll_koder(skala, koder, rubrik.text, namn)
    return Skala(skala, _kategorier(skala, med_mitt), koder, kalla)


def _kontrollera_etiketter(koder: dict[int, str], skala: str, kolumn: str, namn: str) -> dict[int, str]:
    """Koderna med handbokens stavning; FilFel om en etikett inte finns i skalan."""
    ut: dict[int, str] = {}
    for kod, etikett in koder.items():
        hit = _i_skala(etikett, skala)
        if hit is None:
            if normalisera_svar(etikett) in SAKNAT_NORM:
                continue  # "9=Vet ej": koden betyder saknat svar
            raise FilFel(
                f"Filen {namn}, kolumnen ”{kolumn}”: koden {kod} betyder ”{etikett}”, som inte finns "
                f"i handbokens skala ({', '.join(SVARSSKALOR[skala])}). Skriv koderna med handbokens "
                "svarsalternativ, eller byt koderna mot handbokens svarstexter innan du läser in filen."
            )
        ut[kod] = hit
    return ut


def _riktning_okand(namn: str, rubrik: Rubrik, skala: str, koder: list[int]) -> FilFel:
    alt = SVARSSKALOR[skala][: KARNA[skala]]
    kort = rubrik.namn
    return FilFel(
        f"Filen {namn}, kolumnen ”{rubrik.text}”: svaren är koder ({', '.join(map(str, koder))}), "
        "men filen säger inte vad koderna betyder, och det går inte att se åt vilket håll skalan går. "
        f"Är 1 ”{alt[0]}” eller ”{alt[-1]}”? Ange det på ett av de här sätten: "
        f"skriv koderna i rubriken, till exempel ”{kort} (1={alt[-1]} … {len(alt)}={alt[0]})”; "
        f'eller i Python: svarskolumner={{"{kort}": "1={alt[0]}, {len(alt)}={alt[-1]}"}}, '
        f'eller svarskolumner={{"{kort}": "{skala}"}} om 1 är ”{alt[0]}” som i handbokens skala; '
        f'på kommandoraden: --svarskolumn "{kort}={skala}".'
    )


def svarskolumn(
    celler: pd.Series, rader: np.ndarray, skala: Skala, kolumn: str, anm: Radlogg
) -> pd.Categorical:
    """Tolka en svarskolumn efter ``skala``; okända svar blir saknade och redovisas."""
    koder, unika = pd.factorize(celler, sort=False)
    text_for = {normalisera_svar(a): a for a in skala.kategorier}
    ut: list[object] = []
    for v in unika:
        t = normalisera_svar(v)
        m = _RE_KOD_I_CELL.match(v)
        if v == "" or t in SAKNAT_NORM:
            ut.append(None)
            if v:
                anm.lagg_till(
                    rader[koder == len(ut) - 1],
                    f"svaret ”{' '.join(v.split()).lower()}” räknas som saknat svar",
                    kolumn,
                )
        elif t in text_for:
            ut.append(text_for[t])
        elif re.fullmatch(r"\d{1,3}", v) and int(v) in skala.koder:
            ut.append(skala.koder[int(v)])
        elif m and int(m[1]) in skala.koder:
            ut.append(skala.koder[int(m[1])])
        elif re.fullmatch(r"\d{1,3}", v) and int(v) in SAKNADE_KODER:
            ut.append(None)
        else:
            ut.append(None)
            vantat = ", ".join(skala.kategorier)
            if skala.koder:
                vantat += " eller koderna " + ", ".join(f"{k}={a}" for k, a in sorted(skala.koder.items()))
            anm.lagg_till(
                rader[koder == len(ut) - 1], f"okänt svar (väntade {vantat}); satt som saknat svar", kolumn
            )
    varden = np.array(ut + [None], dtype=object)[koder]
    return pd.Categorical(varden, categories=skala.kategorier, ordered=True)


def kon_kolumn(celler: pd.Series, rader: np.ndarray, rubrik: Rubrik, anm: Radlogg) -> pd.Categorical:
    """Kön som Kvinna, Man eller Annat; koder i rubriken (``Kön (1=Man, 2=Kvinna)``) används."""
    koder, unika = pd.factorize(celler, sort=False)
    ut: list[object] = []
    for v in unika:
        t = normalisera_svar(v)
        if re.fullmatch(r"\d{1,3}", v) and int(v) in rubrik.koder:
            t = normalisera_svar(rubrik.koder[int(v)])
        if t in SAKNAT_NORM:
            ut.append(None)
        elif t in _KON_NORM:
            ut.append(_KON_NORM[t])
        else:
            ut.append(None)
            tips = "" if rubrik.koder else " Är det koder? Skriv dem i rubriken: ”Kön (1=Kvinna, 2=Man)”."
            anm.lagg_till(
                rader[koder == len(ut) - 1],
                f"okänt värde (väntade Kvinna, Man eller Annat); satt som saknat.{tips}",
                rubrik.text,
            )
    varden = np.array(ut + [None], dtype=object)[koder]
    return pd.Categorical(varden, categories=["Kvinna", "Man", "Annat"])


def kodad_text(
    koder: np.ndarray, texter: np.ndarray, rader: np.ndarray, rubrik: Rubrik, anm: Radlogg
) -> np.ndarray:
    """En textkolumn där koder i rubriken (``Område (1=Centrum, 2=Norrby)``) byts mot sina namn.

    ``koder`` och ``texter`` är kolumnens olika värden och radernas plats bland dem
    (se :meth:`~tryggaplatser.egna_filer.filformat.Tabell.unika_texter`). Tomma celler blir None.
    """
    ut: list[object] = []
    for j, t in enumerate(texter):
        if not t:
            ut.append(None)
        elif rubrik.koder and re.fullmatch(r"\d{1,3}", t):
            if int(t) in rubrik.koder:
                ut.append(rubrik.koder[int(t)])
            else:
                ut.append(t)
                anm.lagg_till(
                    rader[koder == j],
                    f"koden {t} står inte i rubrikens koder; värdet behålls som det står",
                    rubrik.text,
                )
        else:
            ut.append(t)
    return np.array(ut + [None], dtype=object)[koder]


def las_svarskolumner(
    tabell, val, rubriker, svarskolumner, data, anm: Radlogg, rapport: Inlasningsrapport
) -> None:
    """En ordnad kategori per svarskolumn i ``data``; FilFel om filen saknar svar."""
    onskade: dict[str, object] | None = None
    if svarskolumner is not None:
        par = (
            list(svarskolumner.items())
            if isinstance(svarskolumner, dict)
            else [(n, None) for n in svarskolumner]
        )
        onskade = {normalisera_kolumnnamn(n): spec for n, spec in par}
        finns = {r.normaliserat for r in rubriker} | {r.grundnamn for r in rubriker}
        saknas = sorted(set(onskade) - finns)
        if saknas:
            raise FilFel(
                f"Filen {tabell.namn} saknar svarskolumnen {', '.join(saknas)}. "
                "Kolumnerna i filen är: " + ", ".join(f"”{r}”" for r in tabell.rubriker) + "."
            )
    svar = []
    for i, r in enumerate(rubriker):
        if i in val.values() or not r.text:
            continue
        nyckel = next(
            (n for n in (r.normaliserat, r.grundnamn) if onskade is not None and n in onskade), None
        )
        if onskade is not None and nyckel is None:
            continue
        spec = onskade[nyckel] if nyckel is not None else None  # type: ignore[index]
        skala = bestam_skala(r, tabell.text(i), tabell.namn, spec, angiven=nyckel is not None)
        if skala is None:
            continue
        kanon = r.grundnamn
        while kanon in data:
            kanon += "_svar"
        data[kanon] = svarskolumn(tabell.text(i), tabell.rader, skala, r.text, anm)
        rapport.kanda_kolumner[r.text] = f"{kanon} (svar, skala {skala.namn})"
        if skala.kalla:
            koder = ", ".join(f"{k}={a}" for k, a in sorted(skala.koder.items()))
            rapport.format.append(f"kolumnen ”{r.text}”: koderna {koder} ({skala.kalla})")
        if r.text in rapport.ignorerade_kolumner:
            rapport.ignorerade_kolumner.remove(r.text)
        svar.append(kanon)
    if not svar:
        raise FilFel(
            f"Filen {tabell.namn} har ingen kolumn med enkätsvar. Väntade minst en kolumn "
            "med svar som Mycket trygg, Ganska trygg, Ganska otrygg och Mycket otrygg "
            "(eller en annan av handbokens svarsskalor), eller koder med skalan i rubriken, "
            "till exempel ”Trygg kväll (1=Mycket trygg … 4=Mycket otrygg)”." + tabell.titeltips()
        )
