"""Samverkan som ett nätverk: vem har kontakt med vem, och hur långa är vägarna?

Aktörerna är noder och kontakterna är kanter (oriktade: en kontakt gäller åt
båda hållen). Funktionerna räknar ut de mått som kapitlet om samverkan
använder:

- ``tathet``: hur stor del av alla möjliga kontakter som finns;
- ``genomsnittligt_avstand``: hur många steg det i genomsnitt är mellan två
  aktörer, räknat i den största sammanhängande delen;
- ``mellanhet``: hur ofta en aktör ligger på den kortaste vägen mellan två andra;
- ``isolerade``: aktörer utan en enda kontakt;
- ``steg_mellan``: hur många steg det är mellan två bestämda aktörer.

networkx läses in först när ett nätverk byggs, så att ``import tryggaplatser``
går fort.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    import networkx as nx

#: Ord i namnet som visar att en kommunal aktör är samordnare för arbetet.
SAMORDNARORD = ("samordnare", "samordning")


def natverk(aktorer: pd.DataFrame, kontakter: pd.DataFrame) -> nx.Graph:
    """Bygg ett nätverk av aktörer och kontakter.

    Parametrar
    ----------
    aktorer : DataFrame
        En rad per aktör med kolumnerna ``id``, ``namn`` och ``typ``
        (som ``las_aktorer``). Alla aktörer blir noder, också de som saknar kontakter.
    kontakter : DataFrame
        En rad per kontakt med kolumnerna ``fran`` och ``till`` (aktörernas id),
        som ``las_kontakter(period=...)``. Kolumnen ``frekvens`` följer med om den finns.

    Returnerar
    ----------
    networkx.Graph
        Oriktat nätverk. Varje nod har egenskaperna ``namn`` och ``typ``.

    Exempel
    -------
    >>> aktorer = pd.DataFrame({"id": ["a", "b", "c"], "namn": ["A", "B", "C"],
    ...                         "typ": ["Kommun", "Polis", "Näringsidkare"]})
    >>> kontakter = pd.DataFrame({"fran": ["a"], "till": ["b"]})
    >>> g = natverk(aktorer, kontakter)
    >>> g.number_of_nodes(), g.number_of_edges()
    (3, 1)
    >>> g.nodes["c"]["typ"]
    'Näringsidkare'
    >>> natverk(aktorer, pd.DataFrame({"fran": ["a"], "till": ["x"]}))
    Traceback (most recent call last):
    ...
    ValueError: Kontakten på rad 1 nämner aktören 'x', som inte finns bland aktörerna.
    """
    import networkx as nx

    g = nx.Graph()
    for rad in aktorer.itertuples(index=False):
        g.add_node(str(rad.id), namn=str(rad.namn), typ=str(rad.typ))
    for nummer, rad in enumerate(kontakter.itertuples(index=False), start=1):
        for aktor in (str(rad.fran), str(rad.till)):
            if aktor not in g:
                raise ValueError(f"Kontakten på rad {nummer} nämner aktören {aktor!r}, "
                                 "som inte finns bland aktörerna.")
        egenskaper = {"frekvens": str(rad.frekvens)} if hasattr(rad, "frekvens") else {}
        g.add_edge(str(rad.fran), str(rad.till), **egenskaper)
    return g


def tathet(g: nx.Graph) -> float:
    """Nätverkets täthet: andelen av alla möjliga kontakter som finns.

    Med *n* aktörer finns n(n − 1)/2 möjliga par. Med *m* kontakter är
    tätheten 2m / (n(n − 1)), ett tal från 0 (inga kontakter) till 1 (alla
    har kontakt med alla). Ett nätverk med färre än två aktörer har tätheten 0.

    Exempel
    -------
    >>> import networkx as nx
    >>> tathet(nx.path_graph(4))  # 3 kontakter av 6 möjliga
    0.5
    >>> tathet(nx.complete_graph(5))
    1.0
    >>> tathet(nx.empty_graph(1))
    0.0
    """
    n, m = g.number_of_nodes(), g.number_of_edges()
    return 0.0 if n < 2 else 2 * m / (n * (n - 1))


def komponenter(g: nx.Graph) -> list[set[str]]:
    """Nätverkets sammanhängande delar, den största först.

    Inom en del går det att nå alla andra genom en kedja av kontakter. Delar
    med lika många aktörer ordnas efter id, så att ordningen alltid blir densamma.

    Exempel
    -------
    >>> import networkx as nx
    >>> g = nx.Graph([("a", "b"), ("b", "c"), ("x", "y")])
    >>> g.add_node("z")
    >>> [sorted(d) for d in komponenter(g)]
    [['a', 'b', 'c'], ['x', 'y'], ['z']]
    """
    import networkx as nx

    delar = [set(d) for d in nx.connected_components(g)]
    return sorted(delar, key=lambda d: (-len(d), sorted(d)))


def genomsnittligt_avstand(g: nx.Graph) -> float | None:
    """Genomsnittligt antal steg mellan två aktörer i nätverkets största del.

    Mellan två aktörer i olika delar finns ingen väg, och då går det inte att
    räkna ett avstånd. Funktionen räknar därför bara inom den största
    sammanhängande delen (se ``komponenter``). En text som visar måttet ska
    säga det. Har den delen färre än två aktörer blir svaret None.

    Exempel
    -------
    >>> import networkx as nx
    >>> genomsnittligt_avstand(nx.path_graph(3))  # avstånden 1, 1 och 2
    1.3333333333333333
    >>> g = nx.Graph([("a", "b"), ("x", "y"), ("y", "z")])
    >>> genomsnittligt_avstand(g)  # bara x–y–z räknas
    1.3333333333333333
    >>> print(genomsnittligt_avstand(nx.empty_graph(3)))
    None
    """
    import networkx as nx

    delar = komponenter(g)
    if not delar or len(delar[0]) < 2:
        return None
    return float(nx.average_shortest_path_length(g.subgraph(delar[0])))


def mellanhet(g: nx.Graph) -> pd.Series:
    """Varje aktörs mellanhet: hur ofta den ligger på kortaste vägen mellan två andra.

    Måttet är normerat från 0 till 1. En aktör med mellanheten 1 ligger på
    varje kortaste väg mellan alla andra par, som mitten i en stjärna. Finns
    flera lika korta vägar delas räkningen lika mellan dem.

    Returnerar
    ----------
    Series
        Mellanheten per aktörs id, störst först (lika värden i id-ordning).

    Exempel
    -------
    >>> import networkx as nx
    >>> m = mellanhet(nx.Graph([("a", "b"), ("b", "c"), ("c", "d")]))
    >>> m.round(3).to_dict()
    {'b': 0.667, 'c': 0.667, 'a': 0.0, 'd': 0.0}
    """
    import networkx as nx

    varden = pd.Series(nx.betweenness_centrality(g, normalized=True), name="mellanhet", dtype=float)
    varden.index.name = "id"
    ordning = sorted(varden.index, key=lambda i: (-varden[i], i))
    return varden.reindex(ordning)


def isolerade(g: nx.Graph) -> list[str]:
    """Aktörer som inte har en enda kontakt, i id-ordning.

    Exempel
    -------
    >>> import networkx as nx
    >>> g = nx.Graph([("a", "b")])
    >>> g.add_nodes_from(["d", "c"])
    >>> isolerade(g)
    ['c', 'd']
    """
    return sorted(str(n) for n, grad in g.degree() if grad == 0)


def steg_mellan(g: nx.Graph, fran: str, till: str) -> int | None:
    """Antal steg på den kortaste vägen mellan två aktörer, eller None om ingen väg finns.

    Ett steg är en kontakt. Två aktörer som har kontakt med varandra är ett
    steg ifrån varandra; behöver de gå via en tredje är de två steg ifrån varandra.

    Exempel
    -------
    >>> import networkx as nx
    >>> g = nx.Graph([("butik", "polis"), ("polis", "kommun")])
    >>> g.add_node("ensam")
    >>> steg_mellan(g, "butik", "kommun")
    2
    >>> print(steg_mellan(g, "butik", "ensam"))
    None
    >>> steg_mellan(g, "butik", "okänd")
    Traceback (most recent call last):
    ...
    ValueError: Aktören 'okänd' finns inte i nätverket.
    """
    import networkx as nx

    for aktor in (fran, till):
        if aktor not in g:
            raise ValueError(f"Aktören {aktor!r} finns inte i nätverket.")
    try:
        return int(nx.shortest_path_length(g, fran, till))
    except nx.NetworkXNoPath:
        return None


def hitta_samordnare(aktorer: pd.DataFrame) -> str | None:
    """Id för kommunens samordnare: en aktör av typen Kommun med ”samordnare” i namnet.

    Finns flera väljs den första i filen. Finns ingen blir svaret None, och
    då får texten säga att platsen saknar en samordnare i aktörslistan.

    Exempel
    -------
    >>> a = pd.DataFrame({"id": ["gata", "trygg", "polis"],
    ...                   "namn": ["Gatuenheten", "Kommunens trygghetssamordnare", "Polisens samordnare"],
    ...                   "typ": ["Kommun", "Kommun", "Polis"]})
    >>> hitta_samordnare(a)
    'trygg'
    >>> print(hitta_samordnare(a.iloc[[0, 2]]))
    None
    """
    namn = aktorer["namn"].astype(str).str.lower()
    samordnare = aktorer[(aktorer["typ"].astype(str) == "Kommun")
                         & namn.str.contains("|".join(SAMORDNARORD), regex=True)]
    return None if samordnare.empty else str(samordnare["id"].iloc[0])


def aktorer_av_typ(aktorer: pd.DataFrame, typ: str) -> list[str]:
    """Id för alla aktörer av en viss typ, i filens ordning.

    Exempel
    -------
    >>> a = pd.DataFrame({"id": ["k", "b1", "b2"], "typ": ["Kommun", "Näringsidkare", "Näringsidkare"]})
    >>> aktorer_av_typ(a, "Näringsidkare")
    ['b1', 'b2']
    >>> aktorer_av_typ(a, "Polis")
    []
    """
    return [str(i) for i in aktorer.loc[aktorer["typ"].astype(str) == typ, "id"]]
