"""The shared look: Polish letters render, categories keep their colours, class names read
as words, labels wrap and keep off each other."""

from __future__ import annotations

import itertools

import matplotlib
import matplotlib.pyplot as plt
import pytest
from matplotlib.font_manager import FontProperties, findfont, get_font

from regiokg.plot.style import (
    FONT,
    MISSING,
    RC,
    category_colours,
    humanise_kind,
    marker_areas,
    place_labels,
    styled,
    wrap_label,
)
from tests.plot.conftest import render

POLISH = ["Śląski Klaster Lotniczy", "Płocki Park Przemysłowo-Technologiczny", "ąćęłńóśźż"]


def test_the_font_has_every_polish_letter():
    with plt.rc_context(RC):
        fig, ax = plt.subplots()
        for i, text in enumerate(POLISH):
            label = ax.text(0.1, 0.2 * i, text)
        assert get_font(findfont(FontProperties(family=label.get_fontfamily()))).family_name == FONT
        render(fig, "png")
        render(fig, "svg")


def test_a_missing_glyph_is_caught():
    # The check above would pass vacuously if the warning were never raised.
    fig, ax = plt.subplots()
    ax.text(0.5, 0.5, "\N{CJK UNIFIED IDEOGRAPH-4E2D}")
    with pytest.raises(UserWarning, match="missing"):
        render(fig, "png")


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("ClusterInitiative", "cluster initiative"),
        ("EUDirectorateGeneral", "EU directorate general"),
        ("SciencePark", "science park"),
        (None, MISSING),
    ],
)
def test_class_names_read_as_words(kind, words):
    assert humanise_kind(kind) == words


def test_colours_do_not_depend_on_order_and_missing_is_grey():
    names = ["województwo śląskie", "Rodan-Alpy", MISSING, "Walonia"]
    first = category_colours(names)
    for order in itertools.permutations(names):
        assert category_colours(order) == first
    assert len(set(first.values())) == len(names)
    assert first[MISSING] == "#c7c7c7"


def test_wrapping_keeps_words_whole():
    text = "Górnośląska Agencja Przekształceń Przedsiębiorstw"
    lines = wrap_label(text, 20).split("\n")
    assert " ".join(lines) == text
    assert all(len(line) <= 20 for line in lines)


def test_marker_areas_follow_values_in_proportion():
    areas = marker_areas({"a": 0.0, "b": 1.0, "c": 3.0}, ["a", "b", "c"], smallest=10, largest=40)
    assert areas == {"a": 10, "b": 20, "c": 40}
    assert len(set(marker_areas({"a": 2, "b": 2}, ["a", "b"]).values())) == 1


def test_labels_of_close_points_do_not_overlap():
    # Three points in a row, closer than a label is wide: not every label can go above, so
    # some must find another free side.
    fig, ax = plt.subplots(figsize=(4, 4))
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    items = [(i, (0.3 + 0.1 * i, 0.5), f"łąka {i}", 4) for i in range(3)]
    fig.draw_without_rendering()
    assert place_labels(ax, items, {}) == [0, 1, 2]
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in ax.texts]
    assert len(boxes) == 3
    sides = {(t.get_horizontalalignment(), t.get_verticalalignment()) for t in ax.texts}
    assert len(sides) > 1
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b)


def test_an_optional_label_without_room_is_left_out():
    fig, ax = plt.subplots(figsize=(4, 4))
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    fig.draw_without_rendering()
    everywhere = {"wall": ax.bbox}
    assert place_labels(ax, [("city", (0.5, 0.5), "Katowice", 4)], everywhere, required=False) == []
    assert len(ax.texts) == 0


def test_the_style_keeps_interactive_mode_as_drawing_left_it():
    # A notebook's inline backend switches interactive mode on while the first figure is
    # drawn; leaving the style must not switch it off, or no later figure shows.
    before = matplotlib.is_interactive()
    try:
        matplotlib.interactive(False)
        with styled():
            assert plt.rcParams["font.sans-serif"][0] == FONT
            matplotlib.interactive(True)
        assert matplotlib.is_interactive()
        assert plt.rcParams["font.sans-serif"] == matplotlib.rcParamsDefault["font.sans-serif"]
    finally:
        matplotlib.interactive(before)
