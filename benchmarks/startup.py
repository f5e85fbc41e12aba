"""Start-up benchmarks for `mlprep` (issue: foundation).

Prints, in one run on this machine:
1. `mlprep --help` wall time next to `python -c "import typer"` (median of several runs);
   target: help <= 1.5x the bare typer import.
2. Time to first question with a generated 10,000-question bank and 100,000 stored reviews:
   - end to end: from starting `mlprep quiz --bank <generated>` to the first question on screen,
     with a warm bank cache (the normal case) and a cold one (the first run after a bank changes);
   - in process: load banks + choose the session + render the first question's text, the part
     mlprep controls beyond interpreter start-up. Target: first question <= 0.3 s.

    python benchmarks/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
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


def median_wall(cmd: list[str], runs: int, env: dict | None = None, stdin: str | None = None) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, input=stdin, text=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def mlprep_cmd() -> list[str]:
    script = Path(sys.executable).parent / "mlprep"
    if script.exists():
        return [str(script)]
    found = shutil.which("mlprep")
    return [found] if found else [sys.executable, "-m", "mlprep"]


def generate_bank(path: Path, n: int) -> list[str]:
    import yaml

    rng = random.Random(0)
    questions = []
    for i in range(n):
        kind = i % 4
        q = {"id": f"gen-{i:05d}", "difficulty": 1 + i % 3, "tags": [f"tag-{i % 40}"],
             "prompt": f"Generated question {i}: what is the value of item {i}?", "explanation": "Generated."}
        if kind == 0:
            q.update(type="mcq", choices=[f"choice {j}" for j in range(4)], answer="A")
        elif kind == 1:
            q.update(type="truefalse", answer=bool(i % 2))
        elif kind == 2:
            q.update(type="numeric", answer=rng.randint(0, 100))
        else:
            q.update(type="short", answer=f"word{i}")
        questions.append(q)
    doc = {"format_version": 1, "section": {"id": "generated", "title": "Generated", "order": 99},
           "questions": questions}
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    return [q["id"] for q in questions]


def fill_store(home: Path, ids: list[str], n_reviews: int) -> None:
    from fsrs import Card, Rating, Scheduler

    from mlprep.store.db import Store, iso

    Store(home / "mlprep.sqlite3").close()  # create and migrate
    db = sqlite3.connect(home / "mlprep.sqlite3")
    scheduler = Scheduler(enable_fuzzing=False)
    now = datetime.now(timezone.utc)
    rng = random.Random(1)
    cards, reviews = [], []
    reviewed = ids[: len(ids) // 2]  # half the bank has history, half is new
    per_card = n_reviews // len(reviewed)
    for qid in reviewed:
        card = Card(card_id=abs(hash(qid)) % 10**9, due=now - timedelta(days=60))
        t = now - timedelta(days=60)
        for _ in range(per_card):
            before = card.to_dict()
            card, log = scheduler.review_card(card, Rating(rng.choice([1, 3, 3, 4])), t)
            reviews.append((qid, "question", iso(t), int(log.rating), 1, 4000, None, "generated",
                            json.dumps(log.to_dict()), json.dumps(before), before["state"]))
            t = t + timedelta(hours=rng.randint(1, 48))
        d = card.to_dict()
        cards.append((qid, "question", json.dumps(d), d["state"], card.due.timestamp(), iso(now), card.stability,
                      card.last_review.timestamp()))
    db.executemany("INSERT INTO cards (item_id, kind, card_json, state, due, updated_at, stability, last_review) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", cards)
    db.executemany("INSERT INTO reviews (item_id, kind, reviewed_at, rating, correct, response_ms, session_id, "
                   "section, log_json, card_before, state_before) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", reviews)
    db.commit()
    db.close()


def time_to_first_question(bank: Path, env: dict, runs: int, cold: bool) -> float:
    times = []
    for _ in range(runs):
        if cold:
            shutil.rmtree(Path(env["MLPREP_HOME"]) / "cache", ignore_errors=True)
        start = time.perf_counter()
        proc = subprocess.Popen(mlprep_cmd() + ["quiz", "--bank", str(bank), "--section", "generated", "-n", "5"],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
                                text=True)
        assert proc.stdout is not None
        for line in proc.stdout:
            if "1/5" in line:  # the first question's header
                times.append(time.perf_counter() - start)
                break
        proc.kill()
        proc.wait()
    return statistics.median(times)


def in_process_first_question(bank: Path, home: Path, runs: int) -> float:
    code = f"""
import os, time, random
os.environ["MLPREP_HOME"] = {str(home)!r}
start = time.perf_counter()
from mlprep.questions import bank as banklib
from mlprep.quiz import session as quizlib
from mlprep.store.db import Store, utcnow
from mlprep.questions.model import instantiate
loaded = banklib.load_bank([{str(bank)!r}])
with Store() as store:
    plan = quizlib.select_questions(loaded, store, utcnow(), quizlib.Filters(["generated"]), limit=5)
    shown = instantiate(plan.questions[0], random.Random(0))
print(time.perf_counter() - start)
"""
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
                   .stdout.strip()) for _ in range(runs)]
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description="mlprep start-up benchmarks")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--reviews", type=int, default=100_000)
    args = parser.parse_args()

    typer_t = median_wall([sys.executable, "-c", "import typer"], args.runs)
    help_t = median_wall(mlprep_cmd() + ["--help"], args.runs)
    print(f"python -c 'import typer'      {typer_t * 1000:7.0f} ms")
    print(f"mlprep --help                 {help_t * 1000:7.0f} ms   ratio {help_t / typer_t:.2f}x (target <= 1.5x)")

    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        bank = Path(tmp) / "generated.yaml"
        t0 = time.perf_counter()
        ids = generate_bank(bank, args.questions)
        fill_store(home, ids, args.reviews)
        print(f"generated {args.questions:,} questions and {args.reviews:,} reviews in {time.perf_counter() - t0:.1f} s")
        env = dict(os.environ, MLPREP_HOME=str(home), NO_COLOR="1", COLUMNS="100")
        env.pop("MLPREP_CACHE", None)
        cold = time_to_first_question(bank, env, max(3, args.runs // 2), cold=True)
        warm = time_to_first_question(bank, env, args.runs, cold=False)
        inproc = in_process_first_question(bank, home, args.runs)
        print(f"first question, cold cache    {cold * 1000:7.0f} ms   (validates the 10,000-question YAML)")
        print(f"first question, warm cache    {warm * 1000:7.0f} ms   (process start to first question)")
        print(f"first question, in process    {inproc * 1000:7.0f} ms   (load + select + render; target <= 300 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
