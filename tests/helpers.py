"""Small builders shared by tests: write bank files, make a Bank from dicts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


def question(qid: str, qtype: str = "mcq", **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"id": qid, "type": qtype, "difficulty": 1, "tags": ["test"], "prompt": f"Prompt {qid}?",
                            "explanation": f"Because {qid}."}
    defaults = {
        "mcq": {"choices": ["right", "wrong"], "answer": "A"},
        "multi": {"choices": ["a", "b", "c"], "answer": ["A", "C"]},
        "truefalse": {"answer": True},
        "numeric": {"answer": 0.5},
        "short": {"answer": "gradient descent", "accept": ["GD"]},
        "flashcard": {"answer": "The back."},
        "code_output": {"code": "print(1 + 1)", "answer": "2"},
    }[qtype]
    base.update(defaults)
    base.update(fields)
    return base


def write_bank(path: Path, questions: list[dict[str, Any]], section: str = "sec", title: str = "Section",
               order: int = 1) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = {"format_version": 1, "section": {"id": section, "title": title, "order": order}, "questions": questions}
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    return path


def load_reference(slug: str):
    """A drill's reference solution (drills/<slug>/solution.py) as a module, for library-agreement tests."""
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "drills" / slug / "solution.py"
    spec = importlib.util.spec_from_file_location(f"ref_{slug.replace('-', '_')}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
