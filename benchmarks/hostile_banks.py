"""How fast hostile banks are refused (issue 11: banks are data).

For every case of `tests/hostile/` (and a generated 50 MB bank), the time `check_files` takes to validate
the file in process, the part mlprep controls: parsing, the alias/size/depth bounds, the control-character
scan, the schema and, for parametric questions, the lint draws. Target: every refusal well under 1 s
(alias bombs, the 50 MB file and the escape cases in a few milliseconds).

    python benchmarks/hostile_banks.py [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TARGET = 1.0


def timed(path: Path, runs: int) -> tuple[float, str]:
    from mlprep.questions import bank as banklib

    times, outcome = [], ""
    for _ in range(runs):
        start = time.perf_counter()
        _, problems = banklib.check_files([path], use_cache=False)
        times.append(time.perf_counter() - start)
        outcome = problems[0].message[:70] if problems else "loads"
    return statistics.median(times), outcome


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    cases = sorted((ROOT / "tests" / "hostile").glob("*.yaml"))
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "fifty-megabytes.yaml"
        with big.open("w", encoding="utf-8") as fh:
            fh.write("format_version: 1\nsection: {id: big, title: Big}\nquestions:\n  - id: big\n    prompt: ")
            for _ in range(50):
                fh.write("lol " * 250_000)
        timed(cases[0], 1)  # imports (pydantic, yaml) are not the bank's cost
        slow = 0
        print(f"{'case':<28} {'seconds':>8}  outcome")
        for path in [*cases, big]:
            seconds, outcome = timed(path, args.runs)
            slow += seconds >= TARGET
            print(f"{path.stem:<28} {seconds:8.4f}  {outcome}")
    print(f"{len(cases) + 1} cases; {slow} at or over the {TARGET:.0f} s target")
    return 1 if slow else 0


if __name__ == "__main__":
    raise SystemExit(main())
