"""Where the build finds its data, loaded once per change of the data files."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError

from .handbook import Handbook
from .load import DataError, load_handbook

_cache: dict[Path, tuple[tuple, Handbook]] = {}


def data_dir(config) -> Path:
    """`data/` beside mkdocs.yml, or HANDBOOK_DATA (used by tests and the benchmark)."""
    override = os.environ.get("HANDBOOK_DATA")
    root = Path(config["config_file_path"]).resolve().parent
    return Path(override).resolve() if override else root / "data"


def handbook_for(config) -> Handbook:
    folder = data_dir(config)
    stamp = tuple((str(p), st.st_mtime_ns, st.st_size) for p in sorted(folder.rglob("*.y*ml")) for st in [p.stat()])
    cached = _cache.get(folder)
    if cached and cached[0] == stamp:
        return cached[1]
    try:
        hb = load_handbook(folder, root=Path(config["config_file_path"]).resolve().parent)
    except DataError as err:
        raise PluginError(f"the data has {len(err.problems)} problem(s); nothing was built:\n{err}") from None
    _cache[folder] = (stamp, hb)
    return hb
