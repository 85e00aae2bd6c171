"""Scale benchmark: the pipeline on synthetic ecosystems of 100k and 1M quads (10M with
``--sizes 10M``), each stage beside the peer it replaces, measured in the same run.

Run with ``make bench`` (or ``python benchmarks/scale.py --sizes 100k,1M``). For each size
it generates a graph with ``regiokg synth``, then measures, each stage in a fresh process
so that its peak memory (maximum resident set) is its own:

* load: rdflib parsing the N-Quads into a Dataset against pyoxigraph's bulk load into the
  on-disk store (:func:`regiokg.store.load_files`);
* validation: plain pySHACL (``regiokg validate --engine pyshacl``) against the shapes
  compiled to SPARQL (``--engine sparql``), both from the file, with a check that both
  report the same results;
* every named query: rdflib's SPARQL on the parsed Dataset against the embedded store,
  median and 95th percentile (rdflib runs are cut at ``--rdflib-timeout`` seconds);
* network: the collaboration network as regiokg builds it today (rows into Python), as
  one SPARQL aggregation (``co_participation_network``) and as incidence rows projected
  with a sparse product (``co_participation_incidence``); PageRank, betweenness sampled at
  k = 500 pivots, exact betweenness at about 2,500 nodes, networkx against igraph; the
  brokerage roles (networkx only: igraph has no peer);
* a real server: the 1M graph pushed into ``oxigraph serve`` over the Graph Store
  Protocol, the named queries and the aggregation run there.

Prints a markdown table and saves everything as JSON (``--out``, default build/bench).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing as mp
import os
import platform
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZES = {"10k": 10_000, "100k": 100_000, "1M": 1_000_000, "10M": 10_000_000}
#: Quads the generator writes per organisation (measured; see regiokg.synth).
QUADS_PER_ORGANISATION = 160
RKG = "https://w3id.org/regiokg/ontology#"


# --- running a stage in a process of its own


def _child(queue, fn, args):
    start = time.perf_counter()
    try:
        result = fn(*args)
    except Exception as exc:  # reported in the table, the run goes on
        result = {"error": f"{type(exc).__name__}: {exc}"}
    result.setdefault("seconds", time.perf_counter() - start)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # Each stage's result is also kept on its own, so an interrupted run still has them.
    partial = {"stage": fn.__name__, "args": [str(a) for a in args], "result": result}
    name = hashlib.sha256(repr(partial["args"]).encode()).hexdigest()[:8]
    folder = Path(args[0]).parent if fn.__name__ != "generate" else Path(args[0])
    (folder / f"{fn.__name__}-{name}.json").write_text(json.dumps(partial), encoding="utf-8")
    queue.put(result)


def start(fn, *args):
    """Start ``fn(*args)`` in a fresh process; :func:`finish` collects its result."""
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    process = ctx.Process(target=_child, args=(queue, fn, args))
    process.start()
    return process, queue, time.monotonic()


def finish(handle, timeout: float | None = None) -> dict:
    """The result of a started stage: its dict, with ``seconds`` (unless it timed itself)
    and ``peak_mb``, or ``{"timeout": timeout}`` when it ran past ``timeout`` seconds from
    its start."""
    process, queue, started = handle
    left = None if timeout is None else max(1.0, timeout - (time.monotonic() - started))
    try:
        return queue.get(timeout=left)
    except Exception:
        return {"timeout": timeout}
    finally:
        process.join(5)
        if process.is_alive():
            process.kill()


def stage(fn, *args, timeout: float | None = None) -> dict:
    """Run ``fn(*args)`` in a fresh process and return its result (see :func:`finish`)."""
    return finish(start(fn, *args), timeout)


def _quantiles(runs: list[float]) -> dict:
    runs = sorted(runs)
    p95 = runs[min(len(runs) - 1, round(0.95 * (len(runs) - 1)))]
    return {"median": statistics.median(runs), "p95": p95, "runs": len(runs)}


def _time(fn, repeat: int, budget: float = 15.0) -> dict:
    # Up to ``repeat`` runs, fewer once ``budget`` seconds are spent (slow queries at 1M).
    runs: list[float] = []
    while len(runs) < repeat and sum(runs) < budget:
        began = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - began)
    return {**_quantiles(runs), "all": runs} if runs else {"all": []}


# --- stages


def generate(out: str, organisations: int) -> dict:
    from regiokg.synth import synthesise

    start = time.perf_counter()
    summary = synthesise(out, organisations=organisations, seed=1)
    seconds = time.perf_counter() - start
    return {
        "quads": summary.quads,
        "path": summary.path,
        "counts": summary.counts,
        "seconds": seconds,
    }


def rdflib_load(path: str) -> dict:
    from rdflib import Dataset

    start = time.perf_counter()
    dataset = Dataset()
    dataset.parse(path, format="nquads")
    return {"quads": len(dataset), "seconds": time.perf_counter() - start}


def store_load(path: str, store_dir: str) -> dict:
    import pyoxigraph as ox

    from regiokg.config import Project
    from regiokg.sources import ONTOLOGY_GRAPH, discover, read_triples
    from regiokg.store import load_files

    project = Project(ROOT)
    ontology = ox.NamedNode(project.graph_iri(ONTOLOGY_GRAPH))
    extra = [
        ox.Quad(t.subject, t.predicate, t.object, ontology)
        for s in discover(project)
        if s.is_ontology
        for t in read_triples(s.path)
    ]
    start = time.perf_counter()
    count = load_files(store_dir, [Path(path)], graph_of=str, extra=extra)
    return {"quads": count, "seconds": time.perf_counter() - start}


def validate(path: str, engine: str) -> dict:
    from regiokg.config import Project
    from regiokg.validate import validate_files

    start = time.perf_counter()
    report = validate_files([Path(path)], Project(ROOT), engine=engine)
    seconds = time.perf_counter() - start
    keys = sorted(
        repr((r.severity, str(r.shape), str(r.focus), str(r.path), r.message))
        for r in report.results
    )
    digest = hashlib.sha256("\n".join(keys).encode()).hexdigest()[:16]
    return {"counts": report.counts, "digest": digest, "seconds": seconds}


def _samples(store) -> dict:
    """A value for each required parameter of the named queries, taken from the graph:
    the most active organisation, the largest event, and so on."""

    def one(query: str) -> str | None:
        for row in store.query(query, use_default_graph_as_union=True):
            return row[0].value
        return None

    busiest = f"""SELECT ?x WHERE {{ ?p <{RKG}agent> ?x ; <{RKG}activity> ?a . ?a a ?k .
        ?k <http://www.w3.org/2000/01/rdf-schema#subClassOf>* <{{cls}}> }}
        GROUP BY ?x ORDER BY DESC(COUNT(?p)) ?x LIMIT 2"""
    largest = f"""SELECT ?x WHERE {{ ?p <{RKG}activity> ?x . ?x a ?k .
        ?k <http://www.w3.org/2000/01/rdf-schema#subClassOf>* <{{cls}}> }}
        GROUP BY ?x ORDER BY DESC(COUNT(?p)) ?x LIMIT 1"""
    orgs = [
        r[0].value
        for r in store.query(
            busiest.replace("{cls}", RKG + "Event"), use_default_graph_as_union=True
        )
    ]
    org = orgs[0] if orgs else None
    event = one(largest.replace("{cls}", RKG + "Event"))
    project = one(largest.replace("{cls}", RKG + "Project"))
    cluster = one(f"SELECT ?x WHERE {{ ?x a <{RKG}ClusterInitiative> }} ORDER BY ?x LIMIT 1")
    region = one(
        f"SELECT ?x WHERE {{ ?o <{RKG}region> ?x }} GROUP BY ?x ORDER BY DESC(COUNT(?o)) LIMIT 1"
    )
    city = one(
        f"SELECT ?x WHERE {{ ?o <{RKG}basedIn> ?x }} GROUP BY ?x ORDER BY DESC(COUNT(?o)) LIMIT 1"
    )
    country = one(f"SELECT ?x WHERE {{ ?x a <{RKG}Country> }} ORDER BY ?x LIMIT 1")
    return {
        "cluster": cluster,
        "platform": cluster,
        "city": city,
        "other": city,
        "place": city,
        "org": org,
        "entity": org,
        "subject": org,
        "first": org,
        "second": orgs[1] if len(orgs) > 1 else org,
        "person": org,
        "study": event,
        "event": event,
        "project": project,
        "region": region,
        "country": country,
        "role": "https://w3id.org/regiokg/vocab/role/speaker",
        "sector": "https://w3id.org/regiokg/vocab/sector/energy",
        "property": RKG + "agent",
        "measure": RKG + "betweenness",
    }


def _params(query, samples: dict) -> dict:
    # Every IRI parameter gets a node of the synthetic graph, even where the query has a
    # default (a node of the curated graph, absent here).
    return {p.name: samples[p.name] for p in query.parameters if p.iri and p.name in samples}


def _kind(query) -> str:
    required = any(p.required for p in query.parameters)
    return "lookup" if required else "analytical"


def _timed_run(target, query, params, repeat, conn):
    from regiokg.query import run

    began = time.perf_counter()
    rows = len(run(target, query, params))
    first = time.perf_counter() - began
    more = _time(lambda: run(target, query, params), repeat - 1, 15.0 - first)["all"]
    conn.send((rows, _quantiles([first, *more])))


def _forked(target, query, params, repeat: int, timeout: float) -> tuple[int | None, dict]:
    """Rows and timings of ``query`` on ``target``, run in a forked copy of this process
    (the store or parsed dataset is shared copy-on-write) so that a query past
    ``timeout`` seconds can be stopped: then (None, {"timeout": timeout})."""
    fork = mp.get_context("fork")
    receive, send = fork.Pipe(duplex=False)
    child = fork.Process(target=_timed_run, args=(target, query, params, repeat, send))
    child.start()
    try:
        if receive.poll(timeout):
            return receive.recv()
        return None, {"timeout": timeout}
    finally:
        child.kill()
        child.join()


def queries(
    path: str, store_dir: str, repeat: int, rdflib_repeat: int, timeout: float | None
) -> dict:
    from rdflib import Dataset

    from regiokg.config import Project
    from regiokg.query import load_queries
    from regiokg.store import open_store

    store = open_store(store_dir, read_only=True)
    samples = _samples(store)
    named = load_queries(Project(ROOT))
    results: dict[str, dict] = {}
    for name, query in sorted(named.items()):
        rows, timing = _forked(store, query, _params(query, samples), repeat, 60.0)
        results[name] = {"kind": _kind(query), "rows": rows, "store": timing}
    if timeout is None:
        return {"queries": results}
    began = time.perf_counter()
    dataset = Dataset(default_union=True)
    dataset.parse(path, format="nquads")
    parse = time.perf_counter() - began
    for name, query in sorted(named.items()):
        _, timing = _forked(dataset, query, _params(query, samples), rdflib_repeat, timeout)
        results[name]["rdflib"] = timing
    return {"queries": results, "rdflib_parse": parse}


def network(store_dir: str, repeat: int) -> dict:
    import networkx as nx

    from regiokg.config import Project
    from regiokg.network import centrality, collaboration_network
    from regiokg.network.backend import co_participation_graph
    from regiokg.network.brokerage import brokerage_roles
    from regiokg.query import load_queries
    from regiokg.store import open_store

    store = open_store(store_dir, read_only=True)
    out: dict[str, dict] = {}
    start = time.perf_counter()
    G = collaboration_network(store, project=Project(ROOT))
    out["projection"] = {"project": time.perf_counter() - start}
    aggregation = load_queries(Project(ROOT))["co_participation_network"]
    edges, timing = _forked(store, aggregation, {}, 1, 600.0)
    out["projection"]["aggregation"] = timing
    out["projection"]["edges"] = edges
    start = time.perf_counter()
    co_participation_graph(store, Project(ROOT), method="incidence")
    out["projection"]["incidence"] = time.perf_counter() - start
    out["size"] = {"nodes": G.number_of_nodes(), "edges": G.number_of_edges()}

    # regiokg's own measures, networkx against the igraph backend (conversion included).
    def both(measure, graph, **options) -> dict:
        for backend in ("networkx", "igraph"):  # imports (scipy, igraph) are not timed
            measure(nx.path_graph(3), backend=backend)
        return {
            backend: _time(lambda b=backend: measure(graph, backend=b, **options), 1)["median"]
            for backend in ("networkx", "igraph")
        }

    out["pagerank"] = both(centrality.pagerank, G)
    out["betweenness_k500"] = both(
        centrality.betweenness, G, k=min(500, G.number_of_nodes()), seed=1
    )
    core = sorted(G.degree, key=lambda nd: (-nd[1], nd[0]))[:2500]
    S = G.subgraph(n for n, _ in core).copy()
    out["betweenness_exact_2500"] = both(centrality.betweenness, S)
    out["betweenness_exact_2500"].update(nodes=S.number_of_nodes(), edges=S.number_of_edges())
    out["brokerage"] = {"networkx": _time(lambda: brokerage_roles(G, "region"), 1)["median"]}
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server(path: str, work: str, repeat: int) -> dict:
    from regiokg.config import Project
    from regiokg.query import load_queries, run
    from regiokg.store import open_store

    location = Path(work) / "oxigraph-serve"
    shutil.rmtree(location, ignore_errors=True)
    port = _free_port()
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    command = [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"]
    # The union default graph, as the embedded store answers.
    command.append("--union-default-graph")
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        start = time.perf_counter()
        with open(path, "rb") as data:
            request = urllib.request.Request(
                base + "/store",
                data=data,
                method="POST",
                headers={"Content-Type": "application/n-quads"},
            )
            request.add_header("Content-Length", str(os.path.getsize(path)))
            urllib.request.urlopen(request, timeout=3600).read()
        # The ontology graph too: queries follow its class hierarchy.
        from regiokg.sources import ONTOLOGY_GRAPH, discover

        project = Project(ROOT)
        for source in discover(project):
            if source.is_ontology:
                graph = urllib.parse.quote(project.graph_iri(ONTOLOGY_GRAPH), safe="")
                request = urllib.request.Request(
                    f"{base}/store?graph={graph}",
                    data=source.path.read_bytes(),
                    method="POST",
                    headers={"Content-Type": "text/turtle"},
                )
                urllib.request.urlopen(request, timeout=600).read()
        push = time.perf_counter() - start
        stores = sorted(p for p in Path(work).glob("store*") if p.is_dir())
        samples = _samples(open_store(stores[0], read_only=True))
        named = load_queries(Project(ROOT))
        timings = {}
        for name, query in sorted(named.items()):
            params = _params(query, samples)
            try:
                rows = len(run(base + "/query", query, params, timeout=30))
                timings[name] = _time(
                    lambda q=query, p=params: run(base + "/query", q, p, timeout=30), repeat
                )
                timings[name]["rows"] = rows
            except Exception as exc:
                late = "timed out" in str(exc).lower() or "timeout" in str(exc).lower()
                timings[name] = {"timeout": 30.0} if late else {"error": str(exc)[:200]}
        return {"push": push, "queries": timings}
    finally:
        process.terminate()
        process.wait(10)


# --- the run


def machine() -> dict:
    import igraph
    import networkx
    import psutil
    import pyoxigraph
    import pyshacl
    import rdflib

    return {
        "cpu": platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "system": platform.platform(),
        "python": platform.python_version(),
        "versions": {
            "pyoxigraph": pyoxigraph.__version__,
            "rdflib": rdflib.__version__,
            "pyshacl": pyshacl.__version__,
            "networkx": networkx.__version__,
            "igraph": igraph.__version__,
        },
        "load_average": os.getloadavg(),
    }


def prepare(label: str, args) -> dict:
    """Generate the graph of one size; at sizes where pySHACL takes long, start its
    validation at once, in parallel with the other stages."""
    work = Path(args.out) / label
    work.mkdir(parents=True, exist_ok=True)
    quads = SIZES[label]
    result: dict = {"label": label}
    print(f"[{label}] generating", flush=True)
    result["generate"] = stage(generate, str(work), max(1, quads // QUADS_PER_ORGANISATION))
    if label in args.peers and quads >= 10**6:
        print(f"[{label}] pySHACL started in the background", flush=True)
        result["pyshacl"] = start(validate, result["generate"]["path"], "pyshacl")
    return result


def run_size(result: dict, args) -> dict:
    label = result["label"]
    work = Path(args.out) / label
    quads = SIZES[label]
    path = result["generate"]["path"]
    full = label in args.peers
    print(f"[{label}] loading", flush=True)
    result["load"] = {"store": stage(store_load, path, str(work / "store"))}
    if full:
        result["load"]["rdflib"] = stage(rdflib_load, path, timeout=args.stage_timeout)
    print(f"[{label}] validating", flush=True)
    result["validate"] = {"sparql": stage(validate, path, "sparql")}
    background = result.pop("pyshacl", None)
    if full and background is None:
        result["validate"]["pyshacl"] = stage(validate, path, "pyshacl", timeout=args.stage_timeout)
    print(f"[{label}] named queries", flush=True)
    timeout = args.rdflib_timeout if full else None
    result["queries"] = stage(
        queries, path, str(work / "store"), args.repeat, 1 if quads >= 10**6 else 3, timeout
    )
    print(f"[{label}] network", flush=True)
    result["network"] = stage(network, str(work / "store"), args.repeat, timeout=args.stage_timeout)
    if label in args.server:
        print(f"[{label}] oxigraph serve", flush=True)
        result["server"] = stage(server, path, str(work), args.repeat)
    if background is not None:
        print(f"[{label}] waiting for pySHACL", flush=True)
        result["validate"]["pyshacl"] = finish(background, args.stage_timeout)
    return result


def _s(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, dict):
        if "timeout" in value:
            return f"> {value['timeout']:g} s"
        if "error" in value:
            return "error"
        value = value.get("seconds", value.get("median"))
    if value < 0.1:
        return f"{value * 1000:.1f} ms"
    return f"{value:.2f} s"


def _ratio(peer, ours) -> str:
    def number(v):
        if isinstance(v, dict):
            if "timeout" in v:
                return None
            return v.get("seconds", v.get("median"))
        return v

    p, o = number(peer), number(ours)
    if p is None and isinstance(peer, dict) and "timeout" in peer and o:
        return f"> {peer['timeout'] / o:.0f}×"
    if not p or not o:
        return "—"
    return f"{p / o:.1f}×"


def _mb(d) -> str:
    return f"{d['peak_mb']:.0f}" if isinstance(d, dict) and "peak_mb" in d else "—"


def _row(*cells) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def _pair(title: str, ours, peer) -> str:
    """A stage's row: regiokg's time, the peer's, the ratio and both peak memories."""
    memory = f"{_mb(ours)} / {_mb(peer)}"
    return _row(title, _s(ours), _s(peer), _ratio(peer, ours), memory)


def _same(validate: dict) -> str:
    ours, peer = validate.get("sparql", {}), validate.get("pyshacl", {})
    if "digest" not in peer:
        return ""
    return " (same results)" if peer["digest"] == ours.get("digest") else " (RESULTS DIFFER)"


def _network_rows(net: dict) -> list[str]:
    if "projection" not in net:
        return [_row("network", net.get("error", "not measured (the run was stopped)"), "", "", "")]
    size, projection = net["size"], net["projection"]
    title = (
        f"organisation network ({size['nodes']} nodes, {size['edges']} edges): "
        "one SPARQL aggregation / rows paired in Python"
    )
    ours, peer = projection["aggregation"], projection["project"]
    rows = [_row(title, _s(ours), _s(peer), _ratio(peer, ours), f"{_mb(net)} (whole stage)")]
    if "incidence" in projection:
        ours = projection["incidence"]
        what = "co-participation network: incidence rows and a sparse product / rows paired"
        rows.append(_row(what, _s(ours), _s(peer), _ratio(peer, ours), ""))
    for key, what in (
        ("pagerank", "PageRank (igraph / networkx)"),
        ("betweenness_k500", "betweenness, k = 500 pivots (igraph / networkx)"),
        ("betweenness_exact_2500", "exact betweenness, at most 2,500 nodes (igraph / networkx)"),
    ):
        rows.append(
            _row(
                what,
                _s(net[key]["igraph"]),
                _s(net[key]["networkx"]),
                _ratio(net[key]["networkx"], net[key]["igraph"]),
                "",
            )
        )
    rows.append(_row("brokerage roles (networkx)", _s(net["brokerage"]["networkx"]), "—", "—", ""))
    return rows


def _query_rows(size: dict) -> list[str]:
    q = size.get("queries", {})
    if "queries" not in q:
        return ["", f"Named queries: {q.get('error', 'not measured (the run was stopped)')}."]
    server = size.get("server", {}).get("queries", {})
    parse = _s(q.get("rdflib_parse"))
    lines = ["", f"Named queries (rdflib parse {parse}; peak {_mb(q)} MB for both):", ""]
    head = ["query", "kind", "rows", "store median", "store p95", "rdflib median", "rdflib / store"]
    if server:
        head.append("oxigraph serve median")
    lines += [_row(*head), _row(*["---"] * len(head))]
    for name, r in q["queries"].items():
        store = r["store"]
        rows = "—" if r["rows"] is None else r["rows"]
        cells = [name, r["kind"], rows, _s(store), _s(store.get("p95"))]
        cells += [_s(r.get("rdflib")), _ratio(r.get("rdflib"), r["store"])]
        if server:
            cells.append(_s(server.get(name)))
        lines.append(_row(*cells))
    if "server" in size:
        push = _s(size["server"].get("push"))
        lines += ["", f"Pushed to `oxigraph serve` over the Graph Store Protocol in {push}."]
    return lines


def _query_summary(size: dict) -> list[str]:
    """Named queries in two rows, lookups and analytical ones: how many, the median of
    their medians and the slowest median, on the store and (where it ran) in rdflib."""
    q = size.get("queries", {}).get("queries")
    if not q:
        return []
    server = size.get("server", {}).get("queries", {})
    lines = [
        "",
        _row(
            "named queries",
            "n",
            "store: median of medians",
            "store: slowest median",
            "rdflib: median of medians",
            "rdflib slower (median ratio)",
            "oxigraph serve: median of medians",
        ),
        _row(*["---"] * 7),
    ]
    for kind in ("lookup", "analytical"):
        rows = {n: r for n, r in q.items() if r["kind"] == kind}
        if not rows:
            continue
        store = [r["store"]["median"] for r in rows.values() if "median" in r["store"]]
        slow = [r["store"] for r in rows.values() if "timeout" in r["store"]]
        rdflib = [r["rdflib"] for r in rows.values() if "rdflib" in r]
        ratios = []
        for r in rows.values():
            if "rdflib" in r and "median" in r["store"]:
                peer = r["rdflib"]
                ratios.append(
                    peer["timeout" if "timeout" in peer else "median"] / r["store"]["median"]
                )
        timed_out = sum("timeout" in r for r in rdflib)
        limit = max((r["timeout"] for r in rdflib if "timeout" in r), default=0)
        rdflib_med = [r["median"] for r in rdflib if "median" in r]
        remote = [server[n]["median"] for n in rows if "median" in server.get(n, {})]
        slowest = _s(max(store)) if store else "—"
        if slow:
            slowest = f"> {slow[0]['timeout']:g} s ({len(slow)} queries)"
        lines.append(
            _row(
                kind,
                len(rows),
                _s(statistics.median(store)) if store else "—",
                slowest,
                (_s(statistics.median(rdflib_med)) if rdflib_med else "—")
                + (f"; {timed_out} over {limit:g} s" if timed_out else ""),
                f"{statistics.median(ratios):.0f}×" + (" or more" if timed_out else "")
                if ratios
                else "—",
                _s(statistics.median(remote)) if remote else "—",
            )
        )
    return lines


def summary(results: dict) -> str:
    """The short form for the README: the stage tables and the named queries summed up."""
    # markdown() ends each size with its query table; rebuild per size without them.
    out = markdown({"machine": results["machine"], "sizes": []}).split("\n")[:1]
    for size in results["sizes"]:
        section = markdown({"machine": results["machine"], "sizes": [size]}).split("\n")[1:]
        keep = []
        for line in section:
            if line.startswith("Named queries"):
                break
            keep.append(line)
        out += keep
        out += _query_summary(size)
        if "server" in size and "push" in size["server"]:
            push = _s(size["server"]["push"])
            out += ["", f"Pushed to `oxigraph serve` over the Graph Store Protocol in {push}."]
    return "\n".join(out) + "\n"


def markdown(results: dict) -> str:
    """The results as markdown: per size, one table of the stages (regiokg, peer, ratio,
    peak memory) and one of the named queries."""
    m = results["machine"]
    lines = [
        f"Machine: {m['cores']} cores ({m['cpu']}), {m['memory_gb']} GB, {m['system']}, "
        f"Python {m['python']}; load average at start {m['load_average'][0]:.1f}."
    ]
    for size in results["sizes"]:
        quads = size["generate"].get("quads", "?")
        lines += ["", f"### {size['label']} ({quads} quads)", ""]
        lines.append(_row("stage", "regiokg", "peer", "peer / regiokg", "peak MB (regiokg / peer)"))
        lines.append(_row(*["---"] * 5))
        load, validate = size.get("load", {}), size.get("validate", {})
        lines.append(
            _pair("load (store bulk load / rdflib parse)", load.get("store"), load.get("rdflib"))
        )
        title = f"validate (SPARQL engine / pySHACL){_same(validate)}"
        lines.append(_pair(title, validate.get("sparql"), validate.get("pyshacl")))
        lines += _network_rows(size.get("network", {}))
        lines += _query_rows(size)
    return "\n".join(lines) + "\n"


def collect(out: Path, labels: list[str]) -> dict:
    """The results of a run that was stopped: the sizes it finished (``scale.json``) and,
    for the others, the stages whose results were saved on their own."""
    saved = out / "scale.json"
    results = (
        json.loads(saved.read_text()) if saved.exists() else {"machine": machine(), "sizes": []}
    )
    done = {size["label"] for size in results["sizes"]}
    for label in labels:
        work = out / label
        if label in done or not (work / "synth.json").exists():
            continue
        summary = json.loads((work / "synth.json").read_text(encoding="utf-8"))
        size: dict = {"label": label, "generate": summary, "load": {}, "validate": {}}
        for part in sorted(work.glob("*-*.json")):
            record = json.loads(part.read_text(encoding="utf-8"))
            stage_name, result = record["stage"], record["result"]
            if stage_name == "store_load":
                size["load"]["store"] = result
            elif stage_name == "rdflib_load":
                size["load"]["rdflib"] = result
            elif stage_name == "validate":
                size["validate"][record["args"][1]] = result
            elif stage_name in ("queries", "network", "server"):
                size[stage_name] = result
        results["sizes"].append(size)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100k,1M", help="comma-separated: 100k, 1M, 10M")
    parser.add_argument("--peers", default="100k,1M", help="sizes at which the peers run too")
    parser.add_argument("--server", default="1M", help="sizes pushed into oxigraph serve")
    parser.add_argument("--repeat", type=int, default=7, help="runs per store query")
    parser.add_argument("--rdflib-timeout", type=float, default=10.0)
    parser.add_argument("--stage-timeout", type=float, default=3600.0)
    parser.add_argument("--out", default=str(ROOT / "build" / "bench"))
    parser.add_argument("--report", help="only print the table of a saved scale.json")
    parser.add_argument(
        "--collect", action="store_true", help="print the table of a stopped run in --out"
    )
    args = parser.parse_args()
    if args.report:
        print(markdown(json.loads(Path(args.report).read_text(encoding="utf-8"))))
        return
    if args.collect:
        print(summary(collect(Path(args.out), args.sizes.split(","))))
        return
    args.peers = set(args.peers.split(","))
    args.server = set(args.server.split(","))
    Path(args.out).mkdir(parents=True, exist_ok=True)
    results = {"machine": machine(), "sizes": []}
    prepared = [prepare(label, args) for label in args.sizes.split(",")]
    for size in prepared:
        results["sizes"].append(run_size(size, args))
        (Path(args.out) / "scale.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    table = markdown(results)
    (Path(args.out) / "scale.md").write_text(table, encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
