"""Size of the study notes: words and topics per section (built-in `content/notes/`), and the total.

    python benchmarks/notes_words.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    from mlprep.questions.bank import load_bank
    from mlprep.questions.topics import load_notes

    notes = load_notes(load_bank())
    total = 0
    print(f"{'section':<22} {'topics':>6} {'words':>6}")
    for sid, s in notes.sections.items():
        n = len(s.text.split())
        total += n
        print(f"{sid:<22} {len(s.topics):>6} {n:>6}")
    print(f"{'total':<22} {len(notes.topics):>6} {total:>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
