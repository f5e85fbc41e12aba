"""The drills' trusted files and their SHA-256 hashes (`<drills folder>/hashes.json`).

A drill's reference solution, hidden tests and `drill.yaml` (limits, forbidden imports) decide
verdicts, so the grader checks them against the hashes recorded when the package was built before
every grade, and runs copies of them. The manifest covers every drill folder under the drills folder:

    {"format": 1, "algorithm": "sha256", "files": {"knn/solution.py": "<hex>", ...}}

`mlprep content hashes` rewrites it after a drill is added or changed (no Python change needed);
`mlprep content lint` reports a manifest that is out of date.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from mlprep.errors import DrillError, Problem

MANIFEST = "hashes.json"
TRUSTED = ("drill.yaml", "solution.py", "test_hidden.py")
FORMAT = 1


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _folders(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.is_dir() and (p / "drill.yaml").is_file()
                  and not p.name.startswith((".", "_")))


def compute(root: Path) -> dict[str, str]:
    """`slug/file` -> SHA-256 of every trusted file of every drill folder under `root`."""
    out: dict[str, str] = {}
    for folder in _folders(root):
        for name in TRUSTED:
            path = folder / name
            if path.is_file():
                out[f"{folder.name}/{name}"] = digest(path.read_bytes())
    return out


def write(root: Path) -> tuple[Path, int]:
    """Rewrite `root/hashes.json` from the files as they are now. Returns (path, drills covered)."""
    root = Path(root)
    files = compute(root)
    path = root / MANIFEST
    text = json.dumps({"format": FORMAT, "algorithm": "sha256", "files": files}, indent=1, sort_keys=True) + "\n"
    path.write_text(text, encoding="utf-8")
    return path, len({k.split("/")[0] for k in files})


def load(root: Path) -> dict[str, str]:
    """The recorded hashes; DrillError when the manifest is missing or unreadable."""
    path = Path(root) / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        files = data["files"]
        if data.get("format") != FORMAT or data.get("algorithm") != "sha256" or not isinstance(files, dict):
            raise ValueError("unknown format")
        return {str(k): str(v) for k, v in files.items()}
    except FileNotFoundError:
        raise DrillError(f"{path} is missing, so the drills' reference solutions and hidden tests cannot be "
                         "checked before grading. Reinstall mlprep (or, in a drills folder you maintain, run "
                         f"`mlprep content hashes {root}`).") from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DrillError(f"{path} is unreadable ({exc}). Reinstall mlprep (or run `mlprep content hashes "
                         f"{root}`).") from None


def modified_error(slug: str, name: str, root: Path, during: bool = False) -> DrillError:
    from mlprep import paths

    if during:
        return DrillError(f"the grader's copy of the drill {slug!r} ({name}) was changed while it was being "
                          "graded — by the code under test? — so there is no verdict and nothing was recorded. "
                          "A submission must not touch the grading folder.")
    when = "since mlprep was installed"
    regen = "mlprep content hashes" + ("" if Path(root).resolve() == paths.drills_dir().resolve() else f" {root}")
    return DrillError(f"the files of the drill {slug!r} were modified {when} ({name} does not match "
                      f"{Path(root) / MANIFEST}), so it was not graded and nothing was recorded. Reinstall "
                      "mlprep (`pip install --force-reinstall mlprep`, or `git checkout drills/` in a clone); if "
                      f"you changed the drill on purpose, run `{regen}`.")


def verified(folder: Path) -> dict[str, bytes]:
    """The trusted files of the drill in `folder`, read once and checked against the manifest."""
    folder = Path(folder)
    recorded = load(folder.parent)
    out: dict[str, bytes] = {}
    for name in TRUSTED:
        try:
            data = (folder / name).read_bytes()
        except OSError:
            raise modified_error(folder.name, name, folder.parent) from None
        if recorded.get(f"{folder.name}/{name}") != digest(data):
            raise modified_error(folder.name, name, folder.parent)
        out[name] = data
    return out


def stale(root: Path, folders: list[Path] | None = None) -> list[Problem]:
    """Lint: where `root/hashes.json` disagrees with the drill files (only for the given folders)."""
    root = Path(root)
    path = root / MANIFEST
    try:
        recorded = load(root)
    except DrillError as exc:
        return [Problem(str(path), None, "", str(exc))]
    actual = compute(root)
    wanted = {f.name for f in folders} if folders is not None else {k.split("/")[0] for k in actual | recorded}
    problems = []
    for key in sorted(set(actual) | set(recorded)):
        slug = key.split("/")[0]
        if slug not in wanted or actual.get(key) == recorded.get(key):
            continue
        what = ("is not in it" if key not in recorded else "is listed but missing" if key not in actual
                else "has changed")
        problems.append(Problem(str(path), None, slug, f"{key} {what}: run `mlprep content hashes` to record "
                                "the drill's trusted files (reference, hidden tests, drill.yaml)"))
    return problems
