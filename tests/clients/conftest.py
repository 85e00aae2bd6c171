"""Third-party clients pointed at a test ``regiokg serve``: the server of the serve tests
(same store, same limits) and the npm packages of ``package.json`` beside this file,
installed by ``make test`` with ``npm ci``."""

from __future__ import annotations

from tests.serve.conftest import serve_store, server  # noqa: F401  (fixtures)
