"""`mlprep optimize` on a generated log of 100,000 reviews (issue 15).

Simulates a learner with known parameters (`mlprep.srs.simulate`), then times what `mlprep optimize`
does with the log: building the fsrs-rs training items, fitting on the earliest 80% and scoring the
default and fitted parameters on the held-out 20%. Prints the times, the scores and how far the fitted
initial stabilities are from the true ones. Needs fsrs-rs-python (`pip install ".[optimize]"`).

    python benchmarks/optimize.py [--reviews 100000] [--seed 0]
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from datetime import timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviews", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    from mlprep.srs import optimize as optlib
    from mlprep.srs import simulate

    started = time.perf_counter()
    days = 365
    cards = max(50, args.reviews // 9)  # about 9 reviews per card over a year
    log = simulate.simulate(cards=cards, days=days, new_per_day=math.ceil(cards / (days * 0.7)), seed=args.seed,
                            max_reviews=args.reviews)
    simulated = time.perf_counter() - started
    histories = simulate.histories(log)

    started = time.perf_counter()
    result = optlib.fit(histories, timezone.utc)
    total = time.perf_counter() - started

    # the same through the store, as `mlprep optimize` runs: read the log, fit, score (no save)
    import tempfile

    from mlprep.store.db import Store, iso

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.sqlite3") as store:
        with store.transaction() as db:
            db.executemany("INSERT INTO reviews (item_id, kind, reviewed_at, rating, log_json, state_before) "
                           "VALUES (?, 'question', ?, ?, '{}', 2)", [(i, iso(at), r) for i, at, r in log])
        started = time.perf_counter()
        optlib.optimize(store, timezone.utc, save=False)
        through_store = time.perf_counter() - started

    def distance(p: tuple[float, ...]) -> float:
        return sum(abs(math.log(a / b)) for a, b in zip(p[:4], simulate.TRUE_PARAMETERS[:4]))

    print(f"simulated {len(log):,} reviews of {len(histories):,} cards in {simulated:.1f} s")
    print(f"optimize: {total:.2f} s in all ({result.seconds:.2f} s in fsrs-rs compute_parameters); "
          f"{result.train_items:,} training items, {result.test_items:,} held out")
    print(f"mlprep optimize on a store of {len(log):,} reviews (read, fit, score): {through_store:.2f} s")
    print(f"held-out log loss  default {result.default.log_loss:.4f}  fitted {result.fitted.log_loss:.4f}")
    print(f"held-out RMSE bins default {result.default.rmse_bins:.4f}  fitted {result.fitted.rmse_bins:.4f}")
    print(f"distance of w0-w3 from the truth (sum of |log ratio|): default "
          f"{distance(optlib.default_parameters()):.2f}, fitted {distance(result.parameters):.2f}")


if __name__ == "__main__":
    main()
