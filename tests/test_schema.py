"""The committed JSON Schemas are generated from the models and must not drift."""

from __future__ import annotations

import json

from macros.schema import SCHEMA_DIR, rendered

from .conftest import DATA


def test_committed_schemas_match_the_models():
    stale = [name for name, text in rendered().items() if (SCHEMA_DIR / name).read_text() != text]
    assert stale == [], f"run `make schema`: {stale} drifted from macros/models/"


def test_no_orphan_schema_files():
    assert sorted(p.name for p in SCHEMA_DIR.glob("*.json")) == sorted(rendered())


def test_schemas_reject_unknown_fields():
    question = json.loads((SCHEMA_DIR / "question.schema.json").read_text())
    assert question["additionalProperties"] is False
    assert "prompt" in question["required"]


def test_every_data_file_names_its_schema_for_editors():
    for path in sorted(DATA.rglob("*.yml")):
        first = path.read_text().splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("=", 1)[1]).resolve()
        assert target.is_file(), f"{path}: {target} does not exist"
