"""Speed of the network measures regiokg computes with networkx, beside igraph (the peer a
researcher could have used), on seeded random graphs of growing size.

Run with ``python benchmarks/network.py``. Prints one table: betweenness (exact), sampled
betweenness (``k`` pivots, networkx only: igraph has no pivot sampling) and PageRank, each
the median wall time of a few runs, networkx and igraph side by side, on sparse G(n, m)
graphs with m = 3n (a partner network's density).
"""

from __future__ import annotations

import argparse
from functools import partial

import igraph as ig
import networkx as nx
from rich.console import Console
from rich.table import Table
from timing import timed

from regiokg.network import centrality


def pair(n: int, seed: int) -> tuple[nx.Graph, ig.Graph]:
    """A G(n, 3n) random graph and its igraph twin."""
    G = nx.gnm_random_graph(n, 3 * n, seed=seed)
    return G, ig.Graph(n=n, edges=list(G.edges))


def contenders(G: nx.Graph, H: ig.Graph, pivots: int) -> list[tuple]:
    """(measure, regiokg's call, igraph's call or None) for one pair of graphs."""
    k = min(pivots, len(G))
    return [
        ("betweenness", partial(centrality.betweenness, G), H.betweenness),
        (f"betweenness, k={k} pivots", partial(centrality.betweenness, G, k=k, seed=1), None),
        ("pagerank", partial(centrality.pagerank, G), H.pagerank),
    ]


def main(argv: list[str] | None = None) -> None:
    """Print the table for the sizes given (``--sizes 250 500 1000 2000``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000, 2000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pivots", type=int, default=100, help="k for sampled betweenness")
    args = parser.parse_args(argv)

    table = Table(
        "nodes",
        "measure",
        "regiokg (networkx)",
        "peer (igraph)",
        "igraph speed-up",
        title="Network measures on G(n, 3n) random graphs",
    )
    for n in args.sizes:
        G, H = pair(n, seed=n)
        rows = contenders(G, H, args.pivots)
        for name, ours, theirs in rows:
            mine = timed(ours, args.repeat)
            if theirs is None:
                table.add_row(str(n), name, f"{mine:.3f} s", "-", "-")
                continue
            peer = timed(theirs, args.repeat)
            table.add_row(str(n), name, f"{mine:.3f} s", f"{peer:.4f} s", f"{mine / peer:.1f}x")
    Console().print(table)


if __name__ == "__main__":
    main()
