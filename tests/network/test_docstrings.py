"""The examples in the measures' docstrings run and give what they show."""

from __future__ import annotations

import doctest

import networkx as nx
import pytest

from regiokg.network import brokerage, centrality, cohesion, partners, structural_holes


@pytest.mark.parametrize("module", [centrality, structural_holes, brokerage, cohesion, partners])
def test_docstring_examples(module):
    failures, tried = doctest.testmod(module, extraglobs={"nx": nx}, verbose=False)
    assert tried > 0 and failures == 0
