"""Small modules: no Python module in macros/ and no script in docs/assets/ runs past
about 400 lines, so each can be read whole."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 400
SOURCES = sorted([*(ROOT / "macros").rglob("*.py"), *(ROOT / "docs" / "assets").rglob("*.js")])


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_a_module_stays_readable_in_one_sitting(path):
    lines = path.read_text(encoding="utf-8").count("\n")
    assert lines <= LIMIT, f"{path.relative_to(ROOT)} has {lines} lines; split it along its clearest seam"
