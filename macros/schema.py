"""`python -m macros.schema [--check]`: write (or compare) schema/*.schema.json."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .models import FILE_MODELS

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"


def rendered() -> dict[str, str]:
    out = {}
    for name, model in FILE_MODELS.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        out[f"{name}.schema.json"] = json.dumps(schema, indent=2, sort_keys=True) + "\n"
    return out


def main(argv: list[str]) -> int:
    stale = [name for name, text in rendered().items() if not (SCHEMA_DIR / name).is_file() or (SCHEMA_DIR / name).read_text() != text]
    if "--check" in argv:
        for name in stale:
            print(f"schema/{name} is out of date: run `make schema`", file=sys.stderr)
        return 1 if stale else 0
    SCHEMA_DIR.mkdir(exist_ok=True)
    for name, text in rendered().items():
        (SCHEMA_DIR / name).write_text(text)
    print(f"wrote {len(rendered())} schemas to schema/")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
