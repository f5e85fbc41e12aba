"""How far past the "not vectorized" threshold each `expect: slow` mistake lands (docs/drill-format.md).

Grades every slow mistake of the given drills (default: all) --runs times, as `mlprep drill --check`
does, and prints the factor each time (the user's CPU time per call over the reference's). The verdict
is "slow" past 10×; the factor moves by a third or so between runs, so a mistake whose lowest factor is
under --margin (default 20×) is listed as too close: enlarge its drill's `speed_case()` input, or give it
a shape where the loop runs over the long axis. Exit status 1 when any is too close or not flagged.

    python benchmarks/slow_mistakes.py [slug ...] [--runs 6] [--margin 20]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    from mlprep.drills.catalogue import load_drills
    from mlprep.sandbox.grader import grade

    parser = argparse.ArgumentParser(description="slow mistakes' speed factors")
    parser.add_argument("drills", nargs="*")
    parser.add_argument("--runs", type=int, default=6)
    parser.add_argument("--margin", type=float, default=20.0, help="lowest acceptable factor")
    args = parser.parse_args()
    drills = load_drills(strict=False)
    unknown = [s for s in args.drills if s not in drills]
    if unknown:
        parser.error(f"no such drill: {', '.join(unknown)}")
    close = []
    for slug in args.drills or sorted(drills):
        d = drills[slug]
        for m in d.common_mistakes:
            if m.expect != "slow":
                continue
            factors = []
            for _ in range(args.runs):
                v = grade(d, d.mistake_file(m.id))
                factors.append(v.slow_factor if v.ok and v.slow_factor is not None else 0.0)
            low = min(factors)
            flag = "" if low >= args.margin else "  <- too close" if low > 0 else "  <- not flagged slow"
            if flag:
                close.append(f"{slug}:{m.id}")
            print(f"{slug + ':' + m.id:48s} min {low:6.1f}  median {statistics.median(factors):6.1f}  "
                  + " ".join(f"{f:.0f}" for f in factors) + flag, flush=True)
    if close:
        print(f"{len(close)} below {args.margin:g}x: " + ", ".join(close))
    return 1 if close else 0


if __name__ == "__main__":
    sys.exit(main())
