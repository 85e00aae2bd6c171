"""The linked-data server: a SPARQL 1.1 Protocol endpoint with time and row limits,
dereferenceable entity IRIs with HTML pages and RDF by content negotiation, a landing page
with search by label and the named queries, and the published dumps, VoID description,
ontology documentation and JSON-LD context.

One module per concern: :mod:`~regiokg.serve.app` (the app factory), :mod:`~.sparql`
(the protocol), :mod:`~.worker` (queries in stoppable worker processes), :mod:`~.guard`
(what is refused), :mod:`~.negotiation` and :mod:`~.representations` (media types),
:mod:`~.iris` (IRIs to paths), :mod:`~.pages` (dereferencing and entity pages),
:mod:`~.picture` (the ego network), :mod:`~.search` (label search), :mod:`~.landing`
(landing page, named queries) and :mod:`~.publication` (the export stage's documents).
The front end: :mod:`~.assets` (browser libraries served from ``node_modules``),
:mod:`~.editor` (the YASGUI query editor), :mod:`~.roles` (role statements as lines),
:mod:`~.mapview` (SVG maps), :mod:`~.network_page` (the sigma.js network),
:mod:`~.suggest` (search as one types) and :mod:`~.partners` (partner search).
"""

from regiokg.serve.app import DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT, create_app, serve

__all__ = ["DEFAULT_MAX_ROWS", "DEFAULT_TIMEOUT", "create_app", "serve"]
