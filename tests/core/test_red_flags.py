"""The red flags in the bundled guidance: the five signs, what to do, the sources, in backtimer's own words."""

from __future__ import annotations

from pathlib import Path

import pytest

from backtimer.core.content.guidance import load_guidance
from backtimer.core.errors import ContentError
from backtimer.resources import asset


def test_the_bundled_red_flags_name_the_five_signs_and_their_sources() -> None:
    flags = load_guidance(asset("guidance.toml")).red_flags
    text = " ".join(sign for sign, _ in flags.signs).lower()
    for words in ("between your legs", "back passage", "bladder or bowels", "leg", "temperature", "unwell", "fall"):
        assert words in text
    assert [urgency for _, urgency in flags.signs] == ["now", "now", "now", "today", "today"]
    assert [key for key, _ in flags.act] == ["now", "today", "app"]
    assert any("NHS" in s for s in flags.sources) and any("NICE" in s for s in flags.sources)
    assert "7 or more" in dict(flags.act)["app"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ('urgency = "now"', 'urgency = "later"'),
        ("[red_flags.act]", "[red_flags.actions]"),
    ],
)
def test_a_broken_red_flags_table_names_the_field(tmp_path: Path, change: str, field: str) -> None:
    broken = tmp_path / "guidance.toml"
    broken.write_text(asset("guidance.toml").read_text(encoding="utf-8").replace(change, field, 1), encoding="utf-8")
    with pytest.raises(ContentError, match="red_flags"):
        load_guidance(broken)
