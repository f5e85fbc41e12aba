"""`mlprep stats` with a million stored reviews (issue: progress).

Builds a data home with a generated 10,000-question bank and N reviews (default 1,000,000) spread
over two years, with fsrs-shaped cards and realistic JSON payloads per review, then times
`mlprep stats` and `mlprep stats --json` end to end (process start to exit, warm bank cache) and
reads the peak resident memory of the child process. Targets: <= 2 s and <= 500 MB.

    python benchmarks/stats.py [--reviews 1000000] [--runs 5] [--home DIR]

`--home DIR` keeps the generated data home in DIR and reuses it on the next run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.startup import generate_bank, mlprep_cmd  # noqa: E402


def fill(home: Path, ids: list[str], n_reviews: int) -> None:
    from mlprep.store.db import Store, iso

    Store(home / "mlprep.sqlite3").close()
    db = sqlite3.connect(home / "mlprep.sqlite3")
    rng = random.Random(7)
    now = datetime.now(timezone.utc)
    start = now - timedelta(days=730)
    span = (now - start).total_seconds()
    seen = ids[: int(len(ids) * 0.8)]
    log = json.dumps({"card_id": 123456789, "rating": 3, "review_datetime": iso(now), "review_duration": 4000})
    before = json.dumps({"card_id": 123456789, "state": 2, "step": None, "stability": 12.5, "difficulty": 5.1,
                         "due": iso(now), "last_review": iso(now)})
    batch = []
    times = sorted(rng.random() * span for _ in range(n_reviews))
    for t in times:
        qid = seen[rng.randrange(len(seen))]
        rating = rng.choice((1, 3, 3, 3, 4))
        batch.append((qid, "question", iso(start + timedelta(seconds=t)), rating, int(rating > 1), rng.randint(2000, 30000),
                      None, "generated", log, before, rng.choice((0, 1, 2, 2, 2, 3))))
        if len(batch) == 100_000:
            db.executemany("INSERT INTO reviews (item_id, kind, reviewed_at, rating, correct, response_ms, session_id, "
                           "section, log_json, card_before, state_before) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch)
            batch.clear()
    if batch:
        db.executemany("INSERT INTO reviews (item_id, kind, reviewed_at, rating, correct, response_ms, session_id, "
                       "section, log_json, card_before, state_before) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch)
    cards = []
    for qid in seen:
        last = now - timedelta(days=rng.uniform(0, 60))
        stability = rng.uniform(0.5, 120)
        due = last + timedelta(days=stability)
        state = rng.choice((1, 2, 2, 2, 3))
        card = {"card_id": 1, "state": state, "step": None, "stability": stability, "difficulty": 5.0,
                "due": due.isoformat(), "last_review": last.isoformat()}
        cards.append((qid, "question", json.dumps(card), state, due.timestamp(), iso(now), stability, last.timestamp()))
    db.executemany("INSERT INTO cards (item_id, kind, card_json, state, due, updated_at, stability, last_review) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", cards)
    db.commit()
    db.close()


def run_once(cmd: list[str], env: dict) -> tuple[float, float]:
    """Wall seconds and the child's peak RSS in MB (a fresh helper process measures exactly one run)."""
    code = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
            "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE); "
            "w = time.perf_counter() - t; "
            "assert r.returncode == 0, r.stderr.decode(); "
            "print(w, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)")
    out = subprocess.run([sys.executable, "-c", code, *cmd], env=env, capture_output=True, text=True, check=True)
    wall, rss = out.stdout.split()
    return float(wall), float(rss)


def main() -> int:
    parser = argparse.ArgumentParser(description="mlprep stats with many reviews")
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--home", type=Path, help="keep (and reuse) the generated data home here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = args.home or Path(tmp) / "home"
        if not (home / "mlprep.sqlite3").exists():
            bank_dir = home / "banks"
            bank_dir.mkdir(parents=True, exist_ok=True)
            t0 = time.perf_counter()
            ids = generate_bank(bank_dir / "generated.yaml", args.questions)
            fill(home, ids, args.reviews)
            print(f"generated {args.questions:,} questions and {args.reviews:,} reviews "
                  f"in {time.perf_counter() - t0:.1f} s")
        size = (home / "mlprep.sqlite3").stat().st_size / 2**20
        reviews = sqlite3.connect(home / "mlprep.sqlite3").execute("SELECT COUNT(*) FROM reviews").fetchone()[0]
        print(f"data home {home}: {reviews:,} reviews, {size:.0f} MB database")
        env = dict(os.environ, MLPREP_HOME=str(home), NO_COLOR="1", COLUMNS="120")
        env.pop("MLPREP_CACHE", None)
        subprocess.run(mlprep_cmd() + ["stats"], env=env, capture_output=True, check=True)  # warm the caches
        for label, extra in (("mlprep stats", []), ("mlprep stats --json", ["--json"])):
            runs = [run_once(mlprep_cmd() + ["stats", *extra], env) for _ in range(args.runs)]
            wall = statistics.median(r[0] for r in runs)
            rss = max(r[1] for r in runs)
            print(f"{label:<22} median {wall:5.2f} s   peak RSS {rss:5.0f} MB   (targets <= 2 s, <= 500 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
