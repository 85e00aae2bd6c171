"""regiokg: a knowledge graph of regional innovation ecosystems.

The package follows the way the data travels: :mod:`regiokg.sources` reads the curated
Turtle files, :mod:`regiokg.build` merges them into one dataset, :mod:`regiokg.validate`
checks it against the SHACL shapes, :mod:`regiokg.store` and :mod:`regiokg.query` keep and
ask it, :mod:`regiokg.network` analyses the partner network.
"""

from regiokg.config import Project

__version__ = "0.1.0"

__all__ = ["Project", "__version__"]
