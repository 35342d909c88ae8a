"""The handbook's scripts as the built site ships them: one file per component."""

from __future__ import annotations

import re

from macros import scripts

from .conftest import ROOT


def test_every_script_in_docs_assets_is_part_of_a_component():
    on_disk = sorted(str(path.relative_to(ROOT / "docs")) for path in (ROOT / "docs" / "assets").rglob("*.js"))
    assert on_disk == sorted(scripts.PARTS)


def test_the_site_ships_each_components_file_with_its_parts_in_order_and_no_part_alone(site):
    shipped = sorted(str(path.relative_to(site)) for path in (site / "assets").rglob("*.js") if "javascripts" not in path.parts)
    assert shipped == sorted(component.bundle for component in scripts.COMPONENTS)
    for component in scripts.COMPONENTS:
        text = (site / component.bundle).read_text(encoding="utf-8")
        assert re.findall(r"^/\* (assets/\S+\.js) \*/$", text, re.M) == list(component.parts), component.name
        for src in component.parts:
            assert (ROOT / "docs" / src).read_text(encoding="utf-8").rstrip() in text, src


def test_each_script_in_a_components_file_runs_in_a_task_of_its_own(site):
    """A file run whole is one task on the main thread; each script queued on its own keeps the
    tasks of a tool's page short (macros/scripts.py)."""
    for component in scripts.COMPONENTS:
        text = (site / component.bundle).read_text(encoding="utf-8")
        queued = re.findall(r"^/\* (assets/\S+\.js) \*/\nsetTimeout\(function \(\) \{$", text, re.M)
        assert queued == list(component.parts), component.name
