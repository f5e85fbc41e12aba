"""Every drill is sound: its reference passes its own hidden suite, its starter fails with
"not implemented", and every listed common mistake fails (or, for `expect: slow`, passes but is
flagged as not vectorized). Real subprocess grading, exactly as `mlprep drill --check` does it."""

from __future__ import annotations

import pytest

from mlprep.drills import catalogue as drilllib
from mlprep.sandbox.grader import grade

pytestmark = pytest.mark.content  # the content checks; `-m "not content"` is the quick code loop

DRILLS = drilllib.load_drills(strict=False)  # a broken folder fails one test below, not collection
MISTAKES = [(d, m) for d in DRILLS.values() for m in d.common_mistakes]


def _explain(v) -> str:
    f = v.first_failure
    return f"{v.kind}: {v.headline} | first failure: {f.name if f else None}: {f.message if f else ''}"


@pytest.mark.parametrize("drill", list(DRILLS.values()), ids=list(DRILLS))
def test_reference_passes_its_own_suite(drill):
    v = grade(drill, drill.solution)
    assert v.ok and v.kind == "passed", _explain(v)
    assert v.total >= 8, f"{drill.slug}: only {v.total} hidden tests; write more"


@pytest.mark.parametrize("drill", list(DRILLS.values()), ids=list(DRILLS))
def test_starter_fails_as_not_implemented(drill):
    v = grade(drill, drill.starter)
    assert not v.ok and v.kind == "not_implemented", _explain(v)


@pytest.mark.parametrize("drill,mistake", MISTAKES, ids=[f"{d.slug}:{m.id}" for d, m in MISTAKES])
def test_common_mistake_is_caught(drill, mistake):
    v = grade(drill, drill.mistake_file(mistake.id))
    if mistake.expect == "slow":
        assert v.ok and v.kind == "slow", f"{mistake.id} should pass but be flagged slow; {_explain(v)}"
    else:
        assert not v.ok, f"{drill.slug}: the mistake {mistake.id!r} ({mistake.description}) passes the suite"


def test_every_drill_folder_is_valid():
    problems = drilllib.broken_drills()
    assert not problems, "\n".join(str(p) for p in problems)


def test_catalogue_size_and_sections():
    assert len(DRILLS) >= 50
    sections = {d.section for d in DRILLS.values()}
    assert {"metrics", "neural-nets", "from-scratch", "optimizers", "architectures", "generative",
            "preprocessing", "practical", "regularization"} <= sections


def test_every_drill_lists_common_mistakes():
    thin = [d.slug for d in DRILLS.values() if len(d.common_mistakes) < 3]
    assert not thin, f"drills with fewer than 3 common mistakes: {thin}"
