"""Drills as data: each `drills/<slug>/` folder is one exercise.

A drill folder holds:
- `drill.yaml`    metadata (title, section, difficulty, entry points, ordered hints, time limit,
                  forbidden imports, common mistakes), validated on load;
- `task.md`       the task (Markdown): what to implement, signature, shapes, edge cases;
- `starter.py`    what the user starts from: signatures, docstrings, `# TODO`, NotImplementedError;
- `solution.py`   the NumPy reference solution;
- `test_hidden.py` the hidden pytest suite (fixtures `solution` and `reference`, see drillkit);
- `mistakes/<id>.py` one typical wrong solution per `common_mistakes` entry (must fail the suite).

Adding a drill needs no change to mlprep's code.
"""

from __future__ import annotations

import ast
import difflib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from mlprep import paths
from mlprep.errors import DrillError, Problem

from mlprep.rules import DEFAULT_FORBIDDEN_IMPORTS as DEFAULT_FORBIDDEN  # noqa: E402
from mlprep.rules import RESERVED_DRILL_NAMES  # noqa: E402
REQUIRED_FILES = ("drill.yaml", "task.md", "starter.py", "solution.py", "test_hidden.py")


@dataclass(frozen=True)
class EntryPoint:
    name: str
    signature: str


@dataclass(frozen=True)
class Mistake:
    id: str
    description: str
    expect: str = "fail"  # "fail": the suite must fail it; "slow": it passes but is flagged not vectorized


@dataclass(frozen=True)
class Drill:
    slug: str
    folder: Path
    title: str
    section: str
    difficulty: int
    entry_points: tuple[EntryPoint, ...]
    hints: tuple[str, ...]
    time_limit: float = 20.0
    memory_mb: int = 2048
    forbidden_imports: tuple[str, ...] = DEFAULT_FORBIDDEN
    allow_input_mutation: bool = False
    tags: tuple[str, ...] = ()
    common_mistakes: tuple[Mistake, ...] = field(default_factory=tuple)
    order: int = 1000
    example: str = ""  # a call of an entry point for `mlprep drill SLUG --run` (default: the suite's first case)

    @property
    def task(self) -> str:
        return (self.folder / "task.md").read_text(encoding="utf-8")

    @property
    def starter(self) -> Path:
        return self.folder / "starter.py"

    @property
    def solution(self) -> Path:
        return self.folder / "solution.py"

    @property
    def tests(self) -> Path:
        return self.folder / "test_hidden.py"

    def mistake_file(self, mistake_id: str) -> Path:
        return self.folder / "mistakes" / f"{mistake_id}.py"


def _model():  # pydantic is imported only when drills are loaded
    from typing import Literal

    from pydantic import BaseModel, ConfigDict, Field

    class _Strict(BaseModel):
        model_config = ConfigDict(extra="forbid")

    class EntryModel(_Strict):
        name: str = Field(pattern=r"^[A-Za-z_]\w*$")
        signature: str = Field(min_length=1)

    class MistakeModel(_Strict):
        id: str = Field(pattern=r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
        description: str = Field(min_length=1)
        expect: Literal["fail", "slow"] = "fail"

    class DrillModel(_Strict):
        format_version: Literal[1]
        title: str = Field(min_length=1)
        section: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
        difficulty: Literal[1, 2, 3]
        entry_points: list[EntryModel] = Field(min_length=1)
        hints: list[str] = Field(min_length=2)
        time_limit: float = Field(default=20.0, gt=0, le=300)
        memory_mb: int = Field(default=2048, ge=256, le=16384)
        forbidden_imports: list[str] | None = None
        allow_input_mutation: bool = False
        tags: list[str] = Field(default_factory=list)
        common_mistakes: list[MistakeModel] = Field(default_factory=list)
        order: int = 1000
        example: str = ""

    return DrillModel


def _defined_names(path: Path) -> set[str] | None:
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (SyntaxError, OSError, UnicodeDecodeError):
        return None
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return names


def _is_entry_call(text: str, names: set[str]) -> bool:
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except (SyntaxError, ValueError, RecursionError):
        return False
    return isinstance(tree.body, ast.Call) and isinstance(tree.body.func, ast.Name) and tree.body.func.id in names


def load_drill(folder: Path) -> tuple[Drill | None, list[Problem]]:
    """Load and validate one drill folder."""
    import yaml
    from pydantic import ValidationError

    folder = Path(folder).resolve()
    slug = folder.name
    problems: list[Problem] = []
    if slug in RESERVED_DRILL_NAMES:
        return None, [Problem(str(folder), None, slug, f"the name {slug!r} is reserved (`mlprep drill {slug}` is a "
                              "command); rename the folder")]
    meta_path = folder / "drill.yaml"
    missing = [f for f in REQUIRED_FILES if not (folder / f).is_file()]
    if missing:
        return None, [Problem(str(folder), None, slug, f"missing file(s): {', '.join(missing)}")]
    try:
        raw = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return None, [Problem(str(meta_path), mark.line + 1 if mark else None, slug,
                              f"invalid YAML: {getattr(exc, 'problem', exc)}")]
    try:
        m = _model().model_validate(raw)
    except ValidationError as exc:
        for err in exc.errors():
            loc = ".".join(str(x) for x in err["loc"])
            msg = "unknown field; check its spelling" if err["type"] == "extra_forbidden" else err["msg"]
            problems.append(Problem(str(meta_path), None, f"{slug}: {loc}", msg))
        return None, problems
    for rel in ("starter.py", "solution.py"):
        names = _defined_names(folder / rel)
        if names is None:
            problems.append(Problem(str(folder / rel), None, slug, "is not valid Python"))
            continue
        for ep in m.entry_points:
            if ep.name not in names:
                problems.append(Problem(str(folder / rel), None, f"{slug}: entry_points",
                                        f"does not define `{ep.name}` named in drill.yaml"))
    if "TODO" not in (folder / "starter.py").read_text(encoding="utf-8"):
        problems.append(Problem(str(folder / "starter.py"), None, slug, "the starter must guide with `# TODO`"))
    if m.example and not _is_entry_call(m.example, {e.name for e in m.entry_points}):
        problems.append(Problem(str(meta_path), None, f"{slug}: example",
                                "must be a call of an entry point, e.g. `knn_predict(np.array([[0.0, 1.0]]), "
                                "np.array([1]), np.array([[0.5, 0.5]]), k=1)` (np is NumPy)"))
    for mk in m.common_mistakes:
        if not (folder / "mistakes" / f"{mk.id}.py").is_file():
            problems.append(Problem(str(folder / "mistakes"), None, f"{slug}: common_mistakes",
                                    f"no file mistakes/{mk.id}.py for the listed mistake {mk.id!r}"))
    drill = Drill(
        slug=slug, folder=folder, title=m.title, section=m.section, difficulty=m.difficulty,
        entry_points=tuple(EntryPoint(e.name, e.signature) for e in m.entry_points), hints=tuple(m.hints),
        time_limit=m.time_limit, memory_mb=m.memory_mb,
        forbidden_imports=tuple(m.forbidden_imports if m.forbidden_imports is not None else DEFAULT_FORBIDDEN),
        allow_input_mutation=m.allow_input_mutation, tags=tuple(m.tags),
        common_mistakes=tuple(Mistake(x.id, x.description, x.expect) for x in m.common_mistakes), order=m.order,
        example=m.example.strip())
    return drill, problems


def drill_folders(root: Path | None = None) -> list[Path]:
    root = root or paths.drills_dir()
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if p.is_dir() and (p / "drill.yaml").exists()
                  and not p.name.startswith((".", "_")))


def _stamp(folders: list[Path]) -> list[tuple]:
    """What a drill catalogue's validity depends on: each folder's files' sizes and mtimes."""
    from mlprep import __version__

    out: list[tuple] = [("version", __version__), ("cache", "json-1")]
    for folder in folders:
        entries = []
        for f in sorted(folder.iterdir()) + sorted((folder / "mistakes").glob("*.py")):
            try:
                st = f.stat()
            except OSError:
                continue
            entries.append((f.name, st.st_size, st.st_mtime_ns))
        out.append((str(folder.resolve()), tuple(entries)))
    return out


def _encode(stamp: list, drills: dict[str, Drill], problems: list[Problem]) -> str:
    def one(d: Drill) -> dict:
        data = dict(d.__dict__, folder=str(d.folder))
        data["entry_points"] = [[e.name, e.signature] for e in d.entry_points]
        data["common_mistakes"] = [[m.id, m.description, m.expect] for m in d.common_mistakes]
        return data

    return json.dumps({"stamp": stamp, "drills": [one(d) for d in drills.values()],
                       "problems": [[p.file, p.line, p.where, p.message] for p in problems]})


def _decode(text: str, stamp: list) -> tuple[dict[str, Drill], list[Problem]] | None:
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("stamp") != stamp:
        return None
    drills = {}
    for raw in data["drills"]:
        raw = {k: tuple(v) if type(v) is list else v for k, v in raw.items()}
        raw["folder"] = Path(raw["folder"])
        raw["entry_points"] = tuple(EntryPoint(str(n), str(sig)) for n, sig in raw["entry_points"])
        raw["common_mistakes"] = tuple(Mistake(str(i), str(desc), str(exp)) for i, desc, exp in raw["common_mistakes"])
        drill = Drill(**raw)
        drills[drill.slug] = drill
    return drills, [Problem(str(f), line, str(w), str(m)) for f, line, w, m in data["problems"]]


def check_drills(root: Path | None = None, use_cache: bool = True) -> tuple[dict[str, Drill], list[Problem]]:
    """Load every drill folder under root, collecting problems; cached (as JSON) until a drill file changes."""
    import hashlib

    folders = drill_folders(root)
    stamp = json.loads(json.dumps(_stamp(folders)))  # as it reads back from JSON (tuples are lists)
    root_key = str((root or paths.drills_dir()).resolve())
    cache = paths.cache_dir() / f"drills-{hashlib.sha1(root_key.encode()).hexdigest()[:20]}.json"
    if use_cache and cache.exists():
        try:
            cached = _decode(cache.read_text(encoding="utf-8"), stamp)
            if cached is not None:
                return cached
        except Exception:  # a stale or corrupt cache is simply rebuilt
            pass
    drills, problems = _check_folders(folders)
    if use_cache:
        from mlprep.questions.bank import write_cache

        write_cache(cache, _encode(stamp, drills, problems))
    return drills, problems


def _check_folders(folders: list[Path]) -> tuple[dict[str, Drill], list[Problem]]:
    drills: dict[str, Drill] = {}
    problems: list[Problem] = []
    for folder in folders:
        drill, probs = load_drill(folder)
        problems += probs
        if drill is not None and not probs:
            drills[drill.slug] = drill
    return drills, problems


def hash_problems(folders: list[Path]) -> list[Problem]:
    """Lint: drill folders whose trusted files differ from their drills folder's hashes.json. A folder
    outside the built-in drills is checked only when its parent has a manifest."""
    from mlprep.sandbox import manifest

    by_root: dict[Path, list[Path]] = {}
    for folder in folders:
        by_root.setdefault(Path(folder).resolve().parent, []).append(Path(folder).resolve())
    problems: list[Problem] = []
    for root, group in by_root.items():
        if (root / manifest.MANIFEST).exists() or root == paths.drills_dir().resolve():
            problems += manifest.stale(root, group)
    return problems


def load_drills(root: Path | None = None, strict: bool = True) -> dict[str, Drill]:
    """All valid drills by slug, in catalogue order (`order`, then slug).

    strict: raise ContentError if any drill folder has a problem; otherwise skip broken drills
    (the CLI warns about them, and `mlprep content lint` lists the problems).
    """
    drills, problems = check_drills(root)
    if problems and strict:
        from mlprep.errors import ContentError

        raise ContentError(problems)
    return dict(sorted(drills.items(), key=lambda kv: (kv[1].order, kv[0])))


def broken_drills(root: Path | None = None) -> list[Problem]:
    return check_drills(root)[1]


def find_drill(slug: str, drills: dict[str, Drill] | None = None) -> Drill:
    """The drill named `slug`, or the only drill whose name starts with it (`multi-head` selects
    multi-head-attention); an ambiguous prefix is an error that lists the candidates."""
    drills = load_drills() if drills is None else drills
    if slug in drills:
        return drills[slug]
    starting = [s for s in drills if slug and s.startswith(slug)]
    if len(starting) == 1:
        return drills[starting[0]]
    if starting:
        raise DrillError(f"{slug!r} starts the names of {len(starting)} drills: {', '.join(starting)}. "
                         "Type more of the name.")
    close = difflib.get_close_matches(slug, list(drills), n=4, cutoff=0.5)
    close += [s for s in drills if slug and slug in s and s not in close][:4 - len(close)]
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    raise DrillError(f"no drill called {slug!r}.{hint} Run `mlprep drill` to list them all.")


def workspace_file(drill: Drill, directory: Path | None = None) -> Path:
    return (directory or paths.workspace_dir()) / f"{drill.slug}.py"


def scaffold(drill: Drill, directory: Path | None = None) -> tuple[Path, bool]:
    """Create the user's file from the starter if it does not exist. Returns (path, created)."""
    target = workspace_file(drill, directory)
    if target.exists():
        return target, False
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(drill.starter.read_text(encoding="utf-8"), encoding="utf-8")
    except OSError as exc:
        raise DrillError(f"cannot create {target}: {exc}. Use --dir or MLPREP_WORKSPACE to choose a "
                         "writable folder.") from None
    return target, True


def differs_from_starter(drill: Drill, path: Path) -> bool:
    try:
        return path.read_text(encoding="utf-8").strip() != drill.starter.read_text(encoding="utf-8").strip()
    except OSError:
        return False


def backup_path(path: Path) -> Path:
    """The first free backup name for `path`: `knn.py.bak`, else `knn.py.1.bak`, `knn.py.2.bak`..."""
    candidate = path.with_name(path.name + ".bak")
    n = 0
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}.{n}.bak")
    return candidate


def backups(path: Path) -> list[Path]:
    """The backups `reset` kept of `path`, oldest first."""
    found = [path.with_name(path.name + ".bak")]
    n = 1
    while path.with_name(f"{path.name}.{n}.bak").exists():
        found.append(path.with_name(f"{path.name}.{n}.bak"))
        n += 1
    return [b for b in found if b.is_file()]


def reset(drill: Drill, path: Path) -> Path | None:
    """Restore the starter; keep the old file as a backup that never replaces an earlier one:
    `<name>.py.bak`, then `<name>.py.1.bak`, `<name>.py.2.bak`... Returns the backup path."""
    backup = None
    if path.exists():
        data = path.read_bytes()
        backup = next((b for b in backups(path) if b.read_bytes() == data), None)  # already kept
        if backup is None:
            backup = backup_path(path)
            backup.write_bytes(data)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(drill.starter.read_text(encoding="utf-8"), encoding="utf-8")
    return backup


# ---------------------------------------------------------------- the reference solution as users see it

_TOOLING_COMMENT = re.compile(r"#\s*(?:mutation:|noqa\b|pragma:|type:\s*ignore\b|fmt:\s*(?:on|off|skip)\b)")


def strip_tooling_comments(source: str) -> str:
    """`source` without comments meant for tools (`# mutation: equivalent — ...` notes for the mutation
    benchmark, `# noqa`, `# pragma:`, `# type: ignore`): the part of a comment from such a marker on is
    removed, and a line left empty by it is dropped. Strings are never touched (tokenize finds comments)."""
    import io
    import tokenize

    cuts: dict[int, int] = {}  # line number -> column where the tooling part starts
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type == tokenize.COMMENT:
                m = _TOOLING_COMMENT.search(tok.string)
                if m:
                    cuts[tok.start[0]] = tok.start[1] + m.start()
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return source
    out = []
    for n, line in enumerate(source.splitlines(keepends=True), 1):
        if n not in cuts:
            out.append(line)
            continue
        kept = line[:cuts[n]].rstrip()
        if kept.endswith("#"):  # "# tail region  # mutation: ..." keeps "# tail region"
            kept = kept[:-1].rstrip()
        if kept.strip():
            out.append(kept + ("\n" if line.endswith("\n") else ""))
    return "".join(out)


def solution_text(drill: Drill) -> str:
    """The reference solution as shown to users: tooling comments removed."""
    return strip_tooling_comments(drill.solution.read_text(encoding="utf-8"))


def solution_diff(drill: Drill, path: Path) -> list[str]:
    """A unified diff from the user's file to the reference solution (lines without newlines); empty
    when they are the same."""
    try:
        mine = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DrillError(f"--diff: cannot read {path}: {exc}.") from None
    ref = solution_text(drill)
    return [line.rstrip("\n") for line in difflib.unified_diff(
        mine.splitlines(keepends=True), ref.splitlines(keepends=True),
        fromfile=f"your file ({path.name})", tofile=f"reference ({drill.slug})", n=3)]
