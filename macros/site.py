"""Where the build finds its data, loaded once per change of the data files."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from . import load
from .datafiles import SET_ASIDE
from .handbook import Handbook
from .load import DataError, load_handbook

_cache: dict[Path, tuple[tuple, Handbook]] = {}
log = logging.getLogger("mkdocs.plugins.handbook")


def project_root(config) -> Path:
    return Path(config["config_file_path"]).resolve().parent


def data_dir(config) -> Path:
    """The data folder of the project whose mkdocs.yml is being built (see `load.data_dir`)."""
    return load.data_dir(project_root(config))


def handbook_for(config) -> Handbook:
    folder = data_dir(config)
    # Every entry counts, not only .yml files: a file added in the wrong place must fail the build too.
    stamp = load.fingerprint(folder)
    cached = _cache.get(folder)
    if cached and cached[0] == stamp:
        return cached[1]
    try:
        hb = load_handbook(folder, root=project_root(config))
    except DataError as err:
        raise PluginError(f"the data has {err.counted}; nothing was built:\n{err}") from None
    for path in hb.set_aside:
        log.info("%s: %s", path, SET_ASIDE)
    _cache[folder] = (stamp, hb)
    return hb


def handbook_loaded(config) -> Handbook:
    """The handbook this build loaded, without looking at the files again: the macros of one
    build all read the same data, and a page's macros do not each walk the data folder."""
    cached = _cache.get(data_dir(config))
    return cached[1] if cached else handbook_for(config)
