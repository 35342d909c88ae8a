"""`python -m macros.check [DATA_DIR]`: validate the data (default: $HANDBOOK_DATA or data/), print every problem."""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path
from typing import TextIO

# Run as a command, the check is a short process that only allocates: the cycle collector's
# passes over what the imports make (the models' classes and their validators) took a sixth of
# its wall clock, and would free nothing.
if __name__ == "__main__":
    gc.disable()

from .datafiles import SET_ASIDE  # noqa: E402
from .load import DataError, data_dir, load_handbook  # noqa: E402


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else data_dir()
    started = time.perf_counter()
    try:
        hb = load_handbook(folder, root=Path.cwd())
    except DataError as err:
        _say_set_aside(err.set_aside, sys.stderr)
        for problem in err.problems:
            print(problem, file=sys.stderr)
        print(f"{err.counted} in {_shown(folder)}/", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - started
    _say_set_aside(hb.set_aside, sys.stdout)
    print(
        f"ok: {len(hb.questions)} questions, {len(hb.frameworks)} frameworks, {len(hb.loops)} loops, "
        f"{len(hb.bands)} pay bands, {len(hb.checklists)} checklists, {len(hb.sources)} sources "
        f"checked in {seconds:.2f} s"
    )
    return 0


def _say_set_aside(paths: tuple[str, ...], out: TextIO) -> None:
    for path in paths:
        print(f"{path}: {SET_ASIDE}", file=out)


def _shown(folder: Path) -> str:
    try:
        return str(folder.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(folder)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
