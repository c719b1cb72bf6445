"""``backtimer report``: a real PDF, read back with poppler's pdftotext and rendered with pdftoppm."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.cli.test_progress_cli import load, run, session


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def test_the_report_shows_weeks_pain_doses_hurts_and_notes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    hurt = session(3, "painful", 6, hurt=True, note="Pinched on the left")
    load(capsys, tmp_path, [session(1, "easy", 1), session(2, "right", 2), hurt, session(10, "hard", 4)])
    out = tmp_path / "report.pdf"
    code, _, err = run(capsys, "report", "--output", str(out), "--weeks", "4")
    assert code == 0 and "Wrote 2 pages" in err
    assert pages(out) == 2
    text = pdf_text(out)
    flowing = " ".join(text.split())
    for expected in (
        "Sessions per week (goal: 3)",
        "Pain after each session (0 = no pain, 10 = worst)",
        "4 sessions (4 completed)",
        "Bird-dog",
        "2x10",
        "Pinched on the left",
        '"This hurts" pressed 1 time.',
        "Lower-back routine, standard",
    ):
        assert expected in flowing, expected
    assert "Bird-dog" in next(line for line in text.splitlines() if line.rstrip().endswith(": Bird-dog"))
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(out), str(tmp_path / "page")], check=True)
    assert sorted(p.name for p in tmp_path.glob("page-*.png")) == ["page-1.png", "page-2.png"]
    assert all(p.stat().st_size > 5000 for p in tmp_path.glob("page-*.png"))  # drawn, not blank


def test_a_report_of_an_empty_history_still_reads(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    assert run(capsys, "report", "--output", str(out))[0] == 0
    text = pdf_text(out)
    assert "0 sessions" in text and "No pain recorded" in text and "Never in these weeks." in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--weeks", "0"), "--weeks: 0 is out of range (1 to 52)"),
        (("--weeks", "53"), "--weeks: 53 is out of range"),
    ],
)
def test_report_bad_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    code, _, err = run(capsys, "report", "--output", str(tmp_path / "r.pdf"), *args)
    assert code == 2 and message in err and err.count("\n") == 1
    assert not (tmp_path / "r.pdf").exists()


def test_report_into_a_missing_folder_is_bad_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "report", "--output", str(tmp_path / "nowhere" / "r.pdf"))
    assert code == 2 and "does not exist" in err
    assert json.loads(run(capsys, "history", "--json")[1])["sessions"] == []
