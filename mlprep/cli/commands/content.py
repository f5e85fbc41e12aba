"""`mlprep content lint|tags|list`: validate and inspect banks and drills."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from mlprep.cli import console as ui
from mlprep.cli.common import BankOpt, fail, plain
from mlprep.cli.common import load_bank as load_bank_warned

content_app = typer.Typer(help="Inspect and validate question banks.", no_args_is_help=True)

@content_app.command("lint")
def content_lint(
    paths_: Annotated[Optional[list[Path]], typer.Argument(
        metavar="PATHS", help="Bank files, drill folders, or folders of them (default: everything built in, "
                                   "plus your banks).")] = None,
) -> None:
    """Validate question banks and drills; report every problem (exit 1 if any)."""
    from mlprep.drills import catalogue as drilllib
    from mlprep.questions import bank as banklib

    bank_paths: list[Path] = []
    drill_dirs: list[Path] = []
    if paths_:
        for p in paths_:
            if not p.exists():
                raise fail(f"{p}: no such file or folder.")
            if p.is_dir() and (p / "drill.yaml").exists():
                drill_dirs.append(p)
            elif p.is_dir() and drilllib.drill_folders(p):
                drill_dirs += drilllib.drill_folders(p)
            elif p.suffix != ".md":  # notes files are checked below
                bank_paths.append(p)
        files = banklib.bank_files(bank_paths, builtin=False, user=False) if bank_paths else []
    else:
        files = banklib.bank_files()
        drill_dirs = drilllib.drill_folders()
    from mlprep.questions.audit import audit

    loaded, bank_problems = banklib.check_files(files, use_cache=False)
    problems: list = list(bank_problems) + audit(loaded.questions.values())
    if paths_ and files:  # ids must not clash with the banks they would be loaded with (built-in, your folder)
        linted = {f.resolve() for f in files}
        others = [f for f in banklib.bank_files() if f.resolve() not in linted]
        reference, _ = banklib.check_files(others)
        problems += banklib.duplicates_against(loaded, reference)
    n_drills = 0
    for folder in drill_dirs:
        drill, probs = drilllib.load_drill(folder)
        problems += probs
        n_drills += drill is not None and not probs
    problems += drilllib.hash_problems(drill_dirs)
    from mlprep import paths
    from mlprep.questions.notes import check_notes, notes_files
    from mlprep.questions.topics import NOTES_FOLDER

    slugs = {f.name for f in drilllib.drill_folders()}
    if paths_:
        # Notes files given, and the notes/ folder of every folder given (user banks bring their own).
        note_files = [p for p in paths_ if p.suffix == ".md"]
        note_files += [f for p in paths_ if p.is_dir() for f in notes_files(p / NOTES_FOLDER)]
        if note_files:
            every, _ = banklib.check_files(banklib.bank_files(bank_paths), use_cache=True)
            problems += check_notes(note_files, every, slugs)
    else:
        builtin_notes = notes_files(paths.content_dir() / NOTES_FOLDER)
        user_notes = notes_files(paths.user_banks_dir() / NOTES_FOLDER)
        note_files = builtin_notes + user_notes
        if builtin_notes:
            builtin, _ = banklib.check_files(banklib.bank_files(user=False), use_cache=True)
            problems += check_notes(builtin_notes, builtin, slugs, require_every_section=True)
        if user_notes:
            problems += check_notes(user_notes, loaded, slugs)
    for p in problems:
        ui.console.print(str(p), soft_wrap=not ui.console.is_terminal, markup=False)
    what = (f"{len(files)} bank file(s)" + (f", {len(drill_dirs)} drill(s)" if drill_dirs else "")
            + (f" and {len(note_files)} notes file(s)" if note_files else ""))
    if problems:
        ui.err_console.print(f"[bold red]{len(problems)} problem(s)[/] in {what}.")
        raise typer.Exit(1)
    ui.console.print(f"[green]✓[/] {what}: {len(loaded.questions)} questions"
                     + (f", {n_drills} drills" if drill_dirs else "") + ", no problems.")


@content_app.command("hashes")
def content_hashes(
    folder: Annotated[Optional[Path], typer.Argument(help="A drills folder (default: the built-in drills).")] = None,
) -> None:
    """Record the SHA-256 of every drill's reference, hidden tests and drill.yaml (FOLDER/hashes.json).

    The grader checks these before every grade; run this after adding or changing a drill."""
    from mlprep import paths
    from mlprep.sandbox import manifest

    root = (folder or paths.drills_dir()).expanduser()
    if not root.is_dir():
        raise fail(f"{root}: no such folder. Give the folder that holds the drill folders.")
    try:
        path, n = manifest.write(root)
    except OSError as exc:
        raise fail(f"cannot write {root / manifest.MANIFEST}: {exc}.") from None
    ui.console.print(f"Recorded the trusted files of {n} drill(s) in {path}.", soft_wrap=True)


@content_app.command("tags")
def content_tags(
    section: Annotated[Optional[list[str]], typer.Option("--section", "-s", metavar="SECTION", help="Only these sections (repeatable).")] = None,
    bank: BankOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
) -> None:
    """List the tags of every section with how many questions carry each (for quiz --tag)."""
    from mlprep.questions import bank as banklib
    from mlprep.quiz.session import Filters

    loaded = load_bank_warned(bank or [])
    Filters(sections=section or ()).validate(loaded)
    table = banklib.tag_counts(loaded, tuple(section or ()))
    if as_json:
        print(json.dumps({"sections": table}, indent=2))
        return
    from rich.text import Text

    width = max(20, ui.console.width - 1)
    for sid, counts in table.items():
        ui.console.print(Text(f"{sid} ({len(counts)} tags)", style="bold"))
        line = " "
        for unit in (f"{t} {n}" for t, n in counts.items()):  # a tag and its count never split
            if len(line) + len(unit) + 3 > width and line.strip():
                ui.console.print(Text(line.rstrip(" ·")), no_wrap=True, overflow="ignore", crop=False)
                line = " "
            line += f" {unit} ·"
        ui.console.print(Text(line.rstrip(" ·")), no_wrap=True, overflow="ignore", crop=False)
    ui.console.print(Text("Practise one with: mlprep quiz --tag TAG", style="dim"))


@content_app.command("list")
def content_list(
    bank: BankOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Show sections with question counts by type and difficulty."""
    from mlprep.questions.model import TYPES

    loaded = load_bank_warned(bank or [])
    rows: list[dict[str, Any]] = []
    for sec in loaded.sections.values():
        qs = loaded.in_section(sec.id)
        rows.append({
            "id": sec.id, "title": sec.title, "questions": len(qs),
            "by_type": {t: sum(q.type == t for q in qs) for t in TYPES},
            "by_difficulty": {str(d): sum(q.difficulty == d for q in qs) for d in (1, 2, 3)},
            "parametric": sum(q.parametric for q in qs),
        })
    if as_json:
        print(json.dumps({"sections": rows, "total": len(loaded.questions)}, indent=2))
        return
    from rich.table import Table

    short = {"mcq": "mcq", "multi": "mul", "truefalse": "t/f", "numeric": "num", "short": "txt",
             "flashcard": "card", "code_output": "code"}
    from rich import box

    table = Table(title=f"{len(loaded.questions)} questions in {len(rows)} sections", title_justify="left",
                  box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False, collapse_padding=True)
    table.add_column("section", no_wrap=True)
    if ui.console.width >= 120:
        table.add_column("title", overflow="ellipsis", no_wrap=True, max_width=40)
    table.add_column("all", justify="right", no_wrap=True)
    for t in TYPES:
        table.add_column(short[t], justify="right", no_wrap=True)
    table.add_column("d1/d2/d3", justify="right", no_wrap=True)
    table.add_column("par", justify="right", no_wrap=True)
    for r in rows:
        d = r["by_difficulty"]
        title = [plain(r["title"])] if ui.console.width >= 120 else []
        table.add_row(plain(r["id"]), *title, str(r["questions"]), *(str(r["by_type"][t]) for t in TYPES),
                      f"{d['1']}/{d['2']}/{d['3']}", str(r["parametric"]))
    table.add_section()
    tot = {t: sum(r["by_type"][t] for r in rows) for t in TYPES}
    dsum = [sum(r["by_difficulty"][k] for r in rows) for k in ("1", "2", "3")]
    table.add_row("total", *([""] if ui.console.width >= 120 else []), str(len(loaded.questions)),
                  *(str(tot[t]) for t in TYPES), "/".join(map(str, dsum)), str(sum(r["parametric"] for r in rows)))
    ui.console.print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(content_app, name="content")
