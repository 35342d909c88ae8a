"""`python -m macros.check [DATA_DIR]`: validate the data (default: $HANDBOOK_DATA or data/), print every problem."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from .load import DataError, load_handbook


def main(argv: list[str]) -> int:
    data_dir = Path(argv[0] if argv else os.environ.get("HANDBOOK_DATA", "data"))
    started = time.perf_counter()
    try:
        hb = load_handbook(data_dir, root=Path.cwd())
    except DataError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        print(f"{len(err.problems)} problem(s) in {data_dir}/", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - started
    print(
        f"ok: {len(hb.questions)} questions, {len(hb.frameworks)} frameworks, {len(hb.loops)} loops, "
        f"{len(hb.bands)} pay bands, {len(hb.checklists)} checklists, {len(hb.sources)} sources "
        f"checked in {seconds:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
