"""The dataset description: what the graph is, who publishes it under which licence, how big
it is and where to get it, in VoID (the W3C Vocabulary of Interlinked Datasets) and DCAT
(the W3C Data Catalog Vocabulary), so that catalogues and crawlers can find and size it.

Every figure (triples, entities, entities per class, triples per property, vocabularies
used, links to Wikidata) is the answer of a named query in ``queries/`` (tag ``void``) run
through :func:`regiokg.query.run` on a query target, so the description says what the
store answers.
Triples are counted once however many named graphs state them; entities are the distinct
subject IRIs under the instance namespace ``{base}id/`` (the ``void:uriSpace``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, VOID

from regiokg.atomic import write_atomically
from regiokg.config import Project
from regiokg.export.formats import FORMATS
from regiokg.export.jsonld import context_prefixes
from regiokg.query import as_target, load_queries, run

__all__ = [
    "DatasetFigures",
    "LICENSE",
    "dataset_figures",
    "dataset_iri",
    "describe_dataset",
    "write_description",
]

#: Creative Commons Attribution 4.0 International, the licence of the data.
LICENSE = URIRef("http://creativecommons.org/licenses/by/4.0/")
WIKIDATA_ENTITIES = "http://www.wikidata.org/entity/"
_MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"

TITLE = {
    "en": "regiokg: a knowledge graph of regional innovation ecosystems",
    "pl": "regiokg: graf wiedzy o regionalnych ekosystemach innowacji",
}
DESCRIPTION = {
    "en": "Clusters, science and technology parks, companies, universities, public "
    "authorities, development agencies, EU funds, programmes and projects, the people who "
    "act for them and the events that tie them together, curated from Polish news items "
    "about cluster cooperation; every statement is traceable to its source document.",
    "pl": "Klastry, parki naukowo-technologiczne, przedsiębiorstwa, uczelnie, administracja "
    "publiczna, agencje rozwoju, fundusze, programy i projekty UE, osoby działające w ich "
    "imieniu oraz łączące je wydarzenia, opracowane na podstawie polskich artykułów "
    "o współpracy klastrów; każde stwierdzenie ma wskazane źródło.",
}
KEYWORDS = [
    "regional innovation",
    "innovation ecosystem",
    "industrial clusters",
    "cluster policy",
    "science and technology parks",
    "EU cohesion policy",
    "linked open data",
]


@dataclass
class DatasetFigures:
    """What the dataset holds, as its VoID description states it: ``triples`` (distinct,
    all graphs merged), ``entities`` (distinct subject IRIs under the instance namespace),
    ``distinct_subjects``, ``distinct_objects``, ``graphs`` (named graphs), ``classes``
    (class IRI -> distinct instances), ``properties`` (property IRI -> distinct triples),
    ``vocabularies`` (namespace IRIs of the properties and classes used) and
    ``wikidata_links`` (link property IRI -> distinct links to Wikidata entities)."""

    triples: int
    entities: int
    distinct_subjects: int
    distinct_objects: int
    graphs: int
    classes: dict[str, int] = field(default_factory=dict)
    properties: dict[str, int] = field(default_factory=dict)
    vocabularies: list[str] = field(default_factory=list)
    wikidata_links: dict[str, int] = field(default_factory=dict)


def dataset_figures(source, project: Project) -> DatasetFigures:
    """Count what ``source`` (a query target, or a pyoxigraph Store or rdflib Dataset)
    holds with the ``void`` named queries of ``project`` (see :class:`DatasetFigures`)."""
    queries = load_queries(project)
    source = as_target(source)

    def rows(name: str, params=None):
        return run(source, queries[name], params).rows

    (stats,) = rows("dataset_statistics")
    (entities,) = rows("dataset_entities", {"space": project.instance_iri("")})
    return DatasetFigures(
        triples=int(stats["triples"]),
        entities=int(entities["entities"]),
        distinct_subjects=int(stats["distinctSubjects"]),
        distinct_objects=int(stats["distinctObjects"]),
        graphs=int(stats["graphs"]),
        classes={str(r["class"]): int(r["entities"]) for r in rows("class_partitions")},
        properties={str(r["property"]): int(r["triples"]) for r in rows("property_partitions")},
        vocabularies=[str(r["vocabulary"]) for r in rows("vocabularies_used")],
        wikidata_links={str(r["predicate"]): int(r["links"]) for r in rows("wikidata_links")},
    )


def dataset_iri(project: Project) -> URIRef:
    """The IRI of the dataset in its description: ``{base}void#dataset``, inside the
    document the server publishes at ``/void``."""
    return URIRef(f"{project.base_iri}void#dataset")


def _ontology_metadata(source, project: Project) -> tuple[dt.date | None, str | None]:
    """The ontology's creation date (if it is an ``xsd:date``) and creator, or Nones."""
    rows = run(source, load_queries(project)["ontology_metadata"]).rows
    created = rows[0]["created"] if rows else None
    creator = rows[0]["creator"] if rows else None
    created = created.toPython() if created is not None else None
    return (
        created if isinstance(created, dt.date) else None,
        str(creator) if creator is not None else None,
    )


def _last_change(project: Project) -> dt.date:
    # The curated files are what the graph is built from: their newest change is the
    # dataset's last modification.
    files = [*project.graph_dir.glob("*.ttl"), *project.ontology_dir.glob("*.ttl")]
    newest = max((f.stat().st_mtime for f in files), default=None)
    if newest is None:
        return dt.date.today()
    return dt.datetime.fromtimestamp(newest, tz=dt.UTC).date()


def describe_dataset(
    source,
    project: Project,
    *,
    sparql_endpoint: str,
    dumps_base: str,
    issued: dt.date | None = None,
    modified: dt.date | None = None,
) -> Graph:
    """The VoID and DCAT description of the dataset in ``source`` (a query target, or a pyoxigraph
    Store or rdflib Dataset) as an rdflib Graph: title and description (en, pl), licence CC BY 4.0,
    publisher, ``dcterms:issued`` (default: the ontology's ``dcterms:created``) and
    ``dcterms:modified`` (default: the newest change of the curated files), triple and entity
    counts, a class partition per class and a property partition per property, the vocabularies
    used, a ``void:Linkset`` to Wikidata per link property with its count, the ``sparql_endpoint``
    (also as a ``dcat:DataService``), and for every dump format a ``void:dataDump`` and a
    ``dcat:Distribution`` at ``dumps_base`` + ``regiokg.<extension>``; ``void:uriSpace`` is the
    project's instance namespace."""
    source = as_target(source)
    figures = dataset_figures(source, project)
    created, creator = _ontology_metadata(source, project)
    issued = issued or created or dt.date.today()
    modified = max(modified or _last_change(project), issued)

    graph = Graph()
    for prefix, iri in context_prefixes(project).items():
        graph.bind(prefix, iri)
    for prefix, iri in {"void": VOID, "dcat": DCAT, "dcterms": DCTERMS, "foaf": FOAF}.items():
        graph.bind(prefix, iri, replace=True)
    graph.bind("", f"{project.base_iri}void#")

    dataset = dataset_iri(project)
    part = f"{project.base_iri}void#"
    add = graph.add
    add((dataset, RDF.type, VOID.Dataset))
    add((dataset, RDF.type, DCAT.Dataset))
    for lang, text in TITLE.items():
        add((dataset, DCTERMS.title, Literal(text, lang=lang)))
    for lang, text in DESCRIPTION.items():
        add((dataset, DCTERMS.description, Literal(text, lang=lang)))
    for keyword in KEYWORDS:
        add((dataset, DCAT.keyword, Literal(keyword, lang="en")))
    add((dataset, DCTERMS.license, LICENSE))
    publisher = URIRef(part + "publisher")
    add((dataset, DCTERMS.publisher, publisher))
    add((publisher, RDF.type, FOAF.Organization))
    add((publisher, FOAF.name, Literal(creator or "regiokg contributors")))
    add((dataset, DCTERMS.issued, Literal(issued.isoformat(), datatype=XSD.date)))
    add((dataset, DCTERMS.modified, Literal(modified.isoformat(), datatype=XSD.date)))
    add((dataset, VOID.uriSpace, Literal(project.instance_iri(""))))

    add((dataset, VOID.triples, _count(figures.triples)))
    add((dataset, VOID.entities, _count(figures.entities)))
    add((dataset, VOID.distinctSubjects, _count(figures.distinct_subjects)))
    add((dataset, VOID.distinctObjects, _count(figures.distinct_objects)))
    add((dataset, VOID.properties, _count(len(figures.properties))))
    add((dataset, VOID.classes, _count(len(figures.classes))))
    for cls, count in figures.classes.items():
        partition = BNode()
        add((dataset, VOID.classPartition, partition))
        add((partition, VOID["class"], URIRef(cls)))
        add((partition, VOID.entities, _count(count)))
    for prop, count in figures.properties.items():
        partition = BNode()
        add((dataset, VOID.propertyPartition, partition))
        add((partition, VOID.property, URIRef(prop)))
        add((partition, VOID.triples, _count(count)))
    for vocabulary in figures.vocabularies:
        add((dataset, VOID.vocabulary, URIRef(vocabulary)))

    wikidata = URIRef("http://www.wikidata.org/")
    add((wikidata, RDF.type, VOID.Dataset))
    add((wikidata, DCTERMS.title, Literal("Wikidata", lang="en")))
    add((wikidata, FOAF.homepage, URIRef("https://www.wikidata.org/")))
    add((wikidata, VOID.uriSpace, Literal(WIKIDATA_ENTITIES)))
    for prop, count in figures.wikidata_links.items():
        local = prop.rsplit("/", 1)[-1].rsplit("#", 1)[-1]
        linkset = URIRef(f"{part}wikidata-links-{local}")
        add((dataset, VOID.subset, linkset))
        add((linkset, RDF.type, VOID.Linkset))
        add((linkset, VOID.subjectsTarget, dataset))
        add((linkset, VOID.objectsTarget, wikidata))
        add((linkset, VOID.target, dataset))
        add((linkset, VOID.target, wikidata))
        add((linkset, VOID.linkPredicate, URIRef(prop)))
        add((linkset, VOID.triples, _count(count)))

    endpoint = URIRef(sparql_endpoint)
    add((dataset, VOID.sparqlEndpoint, endpoint))
    service = URIRef(part + "sparql-service")
    add((service, RDF.type, DCAT.DataService))
    add((service, DCTERMS.title, Literal("regiokg SPARQL endpoint", lang="en")))
    add((service, DCAT.endpointURL, endpoint))
    add((service, DCAT.servesDataset, dataset))
    add((service, DCTERMS.conformsTo, URIRef("https://www.w3.org/TR/sparql11-protocol/")))

    for fmt in FORMATS.values():
        url = URIRef(dumps_base + fmt.filename)
        distribution = URIRef(f"{part}dump-{fmt.name}")
        add((dataset, VOID.dataDump, url))
        add((dataset, DCAT.distribution, distribution))
        add((distribution, RDF.type, DCAT.Distribution))
        add((distribution, DCTERMS.title, Literal(f"regiokg in {fmt.label}", lang="en")))
        add((distribution, DCAT.downloadURL, url))
        add((distribution, DCAT.accessURL, url))
        add((distribution, DCAT.mediaType, URIRef(_MEDIA_TYPES + fmt.media_type)))
        add((distribution, DCTERMS.license, LICENSE))
        if fmt.spec:
            add((distribution, DCTERMS["format"], URIRef(fmt.spec)))
    return graph


def _count(n: int) -> Literal:
    return Literal(n, datatype=XSD.integer)


def write_description(
    source, project: Project, out_dir: str | Path, *, sparql_endpoint: str, dumps_base: str
) -> Path:
    """Write :func:`describe_dataset` of ``source`` as Turtle to ``out_dir/void.ttl``,
    atomically, and return its path."""
    graph = describe_dataset(
        source, project, sparql_endpoint=sparql_endpoint, dumps_base=dumps_base
    )
    return write_atomically(Path(out_dir) / "void.ttl", graph.serialize(format="turtle").encode())
