"""Synthetic ecosystems for testing and benchmarking at scale (``regiokg synth``).

:func:`synthesise` writes a Europe-wide ecosystem in the regiokg model as N-Quads, from ten
thousand to ten million quads, deterministic for a seed; see :mod:`regiokg.synth.ecosystem`
for what it models and :mod:`regiokg.synth.places` for the real places it is set in.
"""

from regiokg.synth.ecosystem import PLANTS, SynthSummary, synthesise

__all__ = ["PLANTS", "SynthSummary", "synthesise"]
