"""Grading overhead (issue: drill engine).

For each drill, grades the reference solution with `mlprep.sandbox.grader.grade` (static checks, the hidden
suite in a separate pytest process, the submission in an isolated worker process, signed JSON results,
the speed check) and compares with running bare pytest on the same suite, the same reference imported
straight into the pytest process (no worker, no isolation, no speed check). The two alternate, after a
first unmeasured pair; median of --runs each.
Target: grade <= 1.2x bare pytest.

Then the `mlprep drill --watch` case: the regrade after a save, graded by the run `--watch` pre-started
while the user edited (`grader.prestart`, then `grade`); the pause before each save is --edit seconds.
Target: median under 0.5 s for `mse`. The load average is printed: on a shared machine every figure moves
with it. mlprep's bytecode is compiled first, as an install does.

    python benchmarks/grading.py [mse relu knn kmeans] [--runs 9] [--watch mse] [--edit 2]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def bare_pytest_once(drill) -> float:  # type: ignore[no-untyped-def]
    from mlprep.sandbox.grader import pytest_command

    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, MLPREP_DRILL_SUBMISSION=str(drill.solution), MLPREP_DRILL_REFERENCE=str(drill.solution),
                   MLPREP_DRILL_INPROCESS="1", PYTHONPATH=str(ROOT), PYTHONDONTWRITEBYTECODE="1",
                   OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
        start = time.perf_counter()
        out = subprocess.run(pytest_command(drill.tests, Path(tmp)), cwd=tmp, env=env, capture_output=True, text=True)
        took = time.perf_counter() - start
        if out.returncode != 0:
            raise SystemExit(f"{drill.slug}: bare pytest failed:\n{out.stdout[-2000:]}")
    return took


def graded_once(drill) -> float:  # type: ignore[no-untyped-def]
    from mlprep.sandbox.grader import grade

    start = time.perf_counter()
    v = grade(drill, drill.solution)
    took = time.perf_counter() - start
    if not v.ok:
        raise SystemExit(f"{drill.slug}: the reference did not pass: {v.headline}")
    return took


def compare(drill, runs: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Median seconds of bare pytest and of a grade, run alternately (a first, unmeasured pair warms the
    page cache), so that a change in the machine's load moves both alike."""
    bare_pytest_once(drill)
    graded_once(drill)
    bare, full = [], []
    for i in range(runs):
        if i % 2:
            full.append(graded_once(drill))
            bare.append(bare_pytest_once(drill))
        else:
            bare.append(bare_pytest_once(drill))
            full.append(graded_once(drill))
    return statistics.median(bare), statistics.median(full)


def watch_regrade(drill, runs: int, edit: float) -> list[float]:  # type: ignore[no-untyped-def]
    from mlprep.sandbox import grader

    times = []
    try:
        for _ in range(runs):
            grader.prestart(drill)
            time.sleep(edit)  # the user edits; the next grading run warms up meanwhile
            start = time.perf_counter()
            v = grader.grade(drill, drill.solution)
            times.append(time.perf_counter() - start)
            if not v.ok:
                raise SystemExit(f"{drill.slug}: the reference did not pass: {v.headline}")
    finally:
        grader.discard_prestarted()
    return times


def main() -> int:
    from mlprep.drills.catalogue import load_drills

    parser = argparse.ArgumentParser(description="grading overhead benchmark")
    parser.add_argument("drills", nargs="*", default=["mse", "relu", "knn", "kmeans"])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--watch", nargs="*", default=["mse"], help="drills for the --watch regrade figure")
    parser.add_argument("--edit", type=float, default=2.0, help="seconds between saves")
    args = parser.parse_args()
    drills = load_drills(strict=False)
    # As an install does (pip compiles the bytecode; the grading processes never write it): without it,
    # every grading process compiles mlprep's modules from source and the figures measure that.
    import compileall

    compileall.compile_dir(str(ROOT / "mlprep"), quiet=1)
    if hasattr(os, "getloadavg"):
        print("load average: " + " ".join(f"{x:.2f}" for x in os.getloadavg()) + f" on {os.cpu_count()} CPUs")
    print(f"{'drill':12s} {'bare pytest':>12s} {'mlprep grade':>13s} {'ratio':>6s}")
    for slug in args.drills:
        d = drills[slug]
        bare, full = compare(d, args.runs)
        print(f"{slug:12s} {bare * 1000:10.0f} ms {full * 1000:11.0f} ms {full / bare:6.2f}x", flush=True)
    for slug in args.watch:
        times = watch_regrade(drills[slug], args.runs, args.edit)
        print(f"--watch regrade of {slug} after a save: median {statistics.median(times) * 1000:.0f} ms "
              f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}; target < 500 ms)", flush=True)
    if hasattr(os, "getloadavg"):
        print("load average: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
