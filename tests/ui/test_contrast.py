"""Contrast computed from the theme colours (WCAG 2 ratios): text at least 4.5:1, controls and marks at least 3:1."""

from __future__ import annotations

import pytest

from backtimer.ui.theme import DARK, HIGH_CONTRAST, LIGHT, Colors, blend_hex, contrast

THEMES = {"dark": DARK, "light": LIGHT, "high-contrast": HIGH_CONTRAST}
TEXT, NON_TEXT = 4.5, 3.0


def player_backgrounds(c: Colors) -> list[str]:
    """The player's background in each state: the window lightly tinted with the phase's colour."""
    return [blend_hex(c.window, tint, c.tint) for tint in (c.work, c.hold, c.rest, c.ready, c.danger, c.muted)]


def text_pairs(c: Colors) -> dict[str, tuple[str, list[str]]]:
    pages = [c.window, c.surface, c.raised]
    player = player_backgrounds(c)
    return {
        "text": (c.text, pages + player),
        "muted": (c.muted, pages + player),
        "phase work": (c.work, [c.window, c.surface, *player]),
        "phase hold": (c.hold, [c.window, c.surface, *player]),
        "phase rest": (c.rest, [c.window, c.surface, *player]),
        "phase ready": (c.ready, [c.window, c.surface, *player]),
        "danger button": (c.danger, [c.window, *player]),
        "primary button": (c.on_accent, [c.work]),
        "checked button": (c.on_accent, [c.rest]),
        "link": (c.rest, [c.window, c.surface]),
    }


def non_text_pairs(c: Colors) -> dict[str, tuple[str, list[str]]]:
    pages = [c.window, c.surface]
    player = player_backgrounds(c)
    return {
        "control edge": (c.edge, pages + player),
        "focus ring": (c.focus, [c.window, c.surface, c.raised, *player]),
        "primary button": (c.work, pages),
        "selected card": (c.work, [c.window, c.surface]),
        "progress bar edge": (c.edge, player),
        "progress fill": (c.work, [c.track, *player]),
        "step bar fill": (c.text, [c.track, *player]),
        "danger edge": (c.danger, [c.window, *player]),
    }


def ratios(pairs: dict[str, tuple[str, list[str]]]) -> dict[str, float]:
    return {name: min(contrast(fg, bg) for bg in backgrounds) for name, (fg, backgrounds) in pairs.items()}


@pytest.mark.parametrize("theme", THEMES)
def test_text_reads_at_4_5_to_1_in_every_theme(theme: str) -> None:
    low = {name: round(r, 2) for name, r in ratios(text_pairs(THEMES[theme])).items() if r < TEXT}
    assert low == {}


@pytest.mark.parametrize("theme", THEMES)
def test_controls_focus_and_bars_stand_out_at_3_to_1(theme: str) -> None:
    low = {name: round(r, 2) for name, r in ratios(non_text_pairs(THEMES[theme])).items() if r < NON_TEXT}
    assert low == {}


@pytest.mark.parametrize("theme", THEMES)
def test_heatmap_days_stand_out_from_the_card(theme: str) -> None:
    from backtimer.ui.heatmap import Day, shade_for_colors

    c = THEMES[theme]
    for sample in (Day(0, 1), Day(1, 0), Day(2, 0), Day(3, 0)):
        assert contrast(shade_for_colors(c, sample), c.surface) >= NON_TEXT, sample
    assert contrast(c.edge, c.surface) >= NON_TEXT  # a day not done is an empty square with this edge


def test_contrast_is_the_wcag_ratio() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_the_lowest_ratios(capsys: pytest.CaptureFixture[str]) -> None:
    """Prints the lowest ratio of each kind in each theme (for the record); asserts only that they were found."""
    for theme, colors in THEMES.items():
        text = min(ratios(text_pairs(colors)).values())
        other = min(ratios(non_text_pairs(colors)).values())
        print(f"{theme}: text {text:.2f}:1, non-text {other:.2f}:1")
        assert text > 1 and other > 1
