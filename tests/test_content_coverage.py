"""The banks cover the study guide and stay consistent.

- every key term of the guide (tests/terms/<section>.txt: bold terms, named methods, metrics,
  optimizers, architectures, library calls) is the subject (prompt or tag) of at least one question;
- every section has >= 30 questions (>= 40 and all seven types beyond the study guide's twelve),
  >= 25% at difficulty 3, and >= 450 questions in total; every bank file's section is counted;
- at least 60 code_output and 40 parametric numeric questions overall;
- tags come from one vocabulary (tests/data/tags.txt), with no near-duplicates.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from mlprep import paths
from mlprep.questions import bank as banklib

pytestmark = pytest.mark.content  # the content checks; `-m "not content"` is the quick code loop

HERE = Path(__file__).parent
BANK = banklib.check_files(banklib.bank_files(user=False), use_cache=False)[0]
QUESTIONS = list(BANK.questions.values())


def haystack() -> str:
    parts = []
    for q in QUESTIONS:
        parts.append(q.prompt.lower())
        parts.extend(t for t in q.tags)
        parts.extend(t.replace("-", " ") for t in q.tags)
    return "\n".join(" ".join(p.split()) for p in parts)


TEXT = haystack()
# The study guide's twelve sections; the others go beyond it (trees, SVMs, experimentation, NLP, ...).
GUIDE_SECTIONS = {"maths", "toolkit", "paradigms", "metrics", "regularization", "optimizers", "neural-nets",
                  "architectures", "generative", "practical", "from-scratch", "preprocessing"}
TERMS = sorted({(f.stem, line.strip()) for f in (HERE / "terms").glob("*.txt")
                for line in f.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")})


def test_there_is_a_term_list_for_every_section():
    assert {stem for stem, _ in TERMS} == set(BANK.sections)


@pytest.mark.parametrize("section,term", TERMS, ids=[f"{s}:{t}" for s, t in TERMS])
def test_key_term_is_the_subject_of_a_question(section, term):
    assert " ".join(term.lower().split()) in TEXT, f"no question has {term!r} in its prompt or tags"


def test_sections_are_big_enough_and_senior_enough():
    counts = Counter(q.section for q in QUESTIONS)
    senior = Counter(q.section for q in QUESTIONS if q.difficulty == 3)
    assert len(counts) == len(list(paths.content_dir().glob("*.yaml"))) >= 22
    for section, n in counts.items():
        assert n >= (30 if section in GUIDE_SECTIONS else 40), f"{section} has only {n} questions"
        assert senior[section] / n >= 0.25, f"{section}: only {senior[section]} of {n} at difficulty 3"
    assert sum(counts.values()) >= 450


def test_overall_mix():
    assert sum(q.type == "code_output" for q in QUESTIONS) >= 60
    assert sum(q.type == "numeric" and q.parametric for q in QUESTIONS) >= 40
    by_section_types = {s: {q.type for q in QUESTIONS if q.section == s} for s in BANK.sections}
    for s, types in by_section_types.items():
        assert len(types) >= (6 if s in GUIDE_SECTIONS else 7), f"{s} uses only {sorted(types)}"


def test_ids_are_readable_and_prefixed_by_section():
    for q in QUESTIONS:
        assert q.id.startswith(q.section + "-"), q.id


def test_tags_come_from_the_vocabulary():
    from mlprep.drills import catalogue as drilllib

    vocabulary = set((HERE / "data" / "tags.txt").read_text(encoding="utf-8").split())
    used = {t for q in QUESTIONS for t in q.tags}
    drill_tags = {t for d in drilllib.load_drills().values() for t in d.tags}
    assert not used - vocabulary, f"new tags; add them to tests/data/tags.txt if intended: {sorted(used - vocabulary)}"
    unused = vocabulary - used - drill_tags
    assert not unused, f"unused tags in tests/data/tags.txt: {sorted(unused)}"


def test_no_near_duplicate_tags():
    used = sorted({t for q in QUESTIONS for t in q.tags})
    seen: dict[str, str] = {}
    for t in used:
        key = t.replace("-", "").removesuffix("es").removesuffix("s")
        assert key not in seen, f"tags {seen[key]!r} and {t!r} look like the same concept"
        seen[key] = t
