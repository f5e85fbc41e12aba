"""Search benchmark: `mlprep search` over a generated 10,000-question bank plus the built-in content.

The generated questions reuse the built-in banks' vocabulary (each prompt and explanation is a mix of
real sentences), so the index has realistic term statistics. Prints, in one run on this machine:
1. index build time (documents from banks, notes and drills, then the FTS5 index file);
2. query latency in process (median and 95th percentile over many 1-4 word queries); target <= 20 ms;
3. `mlprep search ...` end to end with the index already built (median of several runs).

    python benchmarks/search.py [--questions 10000] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERIES = ["adam bias correction", "vanishing gradient sigmoid", "precision recall threshold", "kmeans init",
           "dropout scaling", "batch norm", "l1 sparsity lasso", "attention softmax sqrt", "random forest bagging",
           "beam search", "gradient clipping exploding", "ab test sample size power"]


def generate_bank(path: Path, n: int) -> None:
    import yaml

    from mlprep.questions.bank import load_bank

    real = list(load_bank().questions.values())
    sentences = sorted({s.strip() for q in real for s in re.split(r"(?<=[.?!])\s+", q.prompt + " " + q.explanation)
                        if 20 < len(s.strip()) < 200 and "{{" not in s})
    tags = sorted({t for q in real for t in q.tags})
    rng = random.Random(0)
    questions = []
    for i in range(n):
        prompt = " ".join(rng.sample(sentences, 2))
        questions.append({"id": f"gen-{i:05d}", "type": "mcq", "difficulty": 1 + i % 3,
                          "tags": rng.sample(tags, 2), "prompt": prompt, "choices": rng.sample(sentences, 3),
                          "answer": "A", "explanation": " ".join(rng.sample(sentences, 3))})
    doc = {"format_version": 1, "section": {"id": "generated", "title": "Generated", "order": 99},
           "questions": questions}
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description="mlprep search benchmark")
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["MLPREP_HOME"] = str(Path(tmp) / "home")
        os.environ.pop("MLPREP_CACHE", None)
        from mlprep.drills.catalogue import load_drills
        from mlprep.questions.bank import load_bank
        from mlprep.questions.topics import load_notes
        from mlprep.quiz import search as searchlib

        bank_file = Path(tmp) / "generated.yaml"
        generate_bank(bank_file, args.questions)
        bank = load_bank([bank_file])
        notes = load_notes(bank, [bank_file])
        drills = load_drills(strict=False)
        t0, c0 = time.perf_counter(), time.process_time()
        index = searchlib.open_index(bank, notes, drills)
        build, build_cpu = time.perf_counter() - t0, time.process_time() - c0
        print(f"index of {len(index):,} documents ({len(bank):,} questions, {len(notes.topics)} notes topics, "
              f"{len(drills)} drills) built in {build * 1000:.0f} ms ({build_cpu * 1000:.0f} ms CPU); "
              f"{searchlib.index_path('x').parent} holds {index.path.stat().st_size / 1e6:.1f} MB")

        rng = random.Random(1)
        vocab = sorted({w.lower() for q in list(bank.questions.values())[:2000] for w in re.findall(r"[A-Za-z]{4,}", q.prompt)})
        queries = QUERIES * 5 + [" ".join(rng.sample(vocab, rng.randint(1, 4))) for _ in range(240)]
        times, cpu = [], []
        for q in queries:
            start, c0 = time.perf_counter(), time.process_time()
            index.search(q, 10)
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - c0)
        for label, xs in (("wall", times), ("CPU", cpu)):
            xs.sort()
            print(f"query latency ({label}) over {len(xs)} queries: median {statistics.median(xs) * 1000:.2f} ms, "
                  f"p95 {xs[int(0.95 * len(xs)) - 1] * 1000:.2f} ms, max {xs[-1] * 1000:.2f} ms (target: median <= 20 ms)")
        index.close()

        exe = Path(sys.executable).parent / "mlprep"
        cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "mlprep"]
        import resource

        walls, cpus = [], []
        for _ in range(args.runs):
            start = time.perf_counter()
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run(cmd + ["search", "--bank", str(bank_file), "adam", "bias", "correction"], check=True,
                           stdout=subprocess.DEVNULL, env=dict(os.environ, NO_COLOR="1"))
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            walls.append(time.perf_counter() - start)
            cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        print(f"mlprep search end to end (warm index, {args.questions:,}-question bank): "
              f"median {statistics.median(walls) * 1000:.0f} ms wall, {statistics.median(cpus) * 1000:.0f} ms CPU "
              f"over {args.runs} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
