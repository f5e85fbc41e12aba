"""`mlprep export`, `mlprep backup`, `mlprep restore`, `mlprep reset`: your data in and out.

The work is done by `mlprep.progress.export` and `mlprep.store.backup`; this module parses options and prints a
short confirmation. Only typer is imported at the top so that `mlprep --help` stays fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


def _summary(counts: dict[str, int]) -> str:
    return (f"{_plural(counts.get('reviews', 0), 'review')}, {_plural(counts.get('cards', 0), 'card')}, "
            f"{_plural(counts.get('sessions', 0), 'session')}, "
            f"{_plural(counts.get('drill_attempts', 0), 'drill attempt')}, "
            f"{_plural(counts.get('settings', 0), 'setting')}")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""

    @app.command()
    def export(
        format_: Annotated[str, typer.Option("--format", "-f", metavar="csv|json|anki", help="csv, json (questions with your progress) or "
                                            "anki (an .apkg deck; needs pip install \".[anki]\").")] = "csv",
        output: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="File to write (default: "
                                                       "mlprep-questions.csv, .json or .apkg here); - for stdout "
                                                       "(csv, json).", show_default=False)] = None,
        section: Annotated[Optional[list[str]], typer.Option("--section", "-s", metavar="SECTION", help="Only this section id "
                                                             "(repeatable).")] = None,
        bank: Annotated[Optional[list[Path]], typer.Option("--bank", metavar="FILE", help="Extra bank file or folder (repeatable); "
                                                           "loaded with the built-in banks.")] = None,
    ) -> None:
        """Export the questions with your progress as CSV or JSON, or as an Anki deck."""
        import sys

        from mlprep.cli import console as ui
        from mlprep.cli.common import load_bank as load_bank_warned
        from mlprep.errors import MlprepError
        from mlprep.progress import export as exportlib
        from mlprep.store.db import Store, utcnow

        fmt = format_.lower()
        if fmt not in exportlib.FORMATS:
            raise MlprepError(f"--format {format_!r}: use one of {', '.join(exportlib.FORMATS)}.")
        to_stdout = output is not None and str(output) == "-"
        if to_stdout and fmt == "anki":
            raise MlprepError("--format anki writes a binary .apkg file and cannot go to stdout; give -o FILE.apkg.")
        target = exportlib.default_output(fmt) if output is None else output.expanduser()
        if not to_stdout and target.is_dir():
            target = target / exportlib.default_output(fmt).name
        if not to_stdout and not target.parent.is_dir():
            raise MlprepError(f"-o {target}: the folder {target.parent} does not exist.")
        loaded = load_bank_warned(bank or [])
        questions = exportlib.select(loaded, section or [])
        if fmt == "anki":
            n = exportlib.write_anki(questions, target)
            skipped = len(questions) - n
            ui.console.print(f"Wrote {_plural(n, 'note')} to {target}" + (
                f" ({skipped} parametric question{'s' * (skipped != 1)} left out: their answers vary)"
                if skipped else "") + ". Import it in Anki with File → Import; importing a newer export "
                "updates the same notes.", soft_wrap=not ui.console.is_terminal, markup=False)
            return
        with Store() as store:
            now = utcnow()
            rows = exportlib.question_rows(loaded, store, now, section or [])
        text = exportlib.to_csv(rows) if fmt == "csv" else exportlib.to_json(rows, now)
        if to_stdout:
            sys.stdout.write(text)
            return
        exportlib.write_text_atomic(target, text)
        seen = sum(r["state"] != "new" for r in rows)
        ui.console.print(f"Wrote {_plural(len(rows), 'question')} ({seen} with progress) to {target}.",
                         soft_wrap=not ui.console.is_terminal, markup=False)

    @app.command()
    def backup(
        file: Annotated[Path, typer.Argument(metavar="FILE", help="JSON file to write (a folder: a timestamped file in it).",
                                             show_default=False)],
    ) -> None:
        """Save your whole progress (reviews, cards, sessions, drills, settings) to a JSON file."""
        from mlprep.cli import console as ui
        from mlprep.store import backup as backuplib
        from mlprep.store.db import Store

        target = file.expanduser()
        if target.is_dir():
            target = target / backuplib.auto_backup_path().name
        with Store() as store:
            counts = backuplib.write_backup(store, target)
        ui.console.print(f"Backed up {_summary(counts)} to {target}.\nRestore it with: mlprep restore {target}",
                         soft_wrap=not ui.console.is_terminal, markup=False)

    @app.command()
    def restore(
        file: Annotated[Path, typer.Argument(metavar="FILE", help="Backup file written by `mlprep backup`.", show_default=False)],
        force: Annotated[bool, typer.Option("--force", help="Replace progress already in the store (it is "
                                            "backed up automatically first).")] = False,
    ) -> None:
        """Replace your progress with a backup written by `mlprep backup`."""
        from mlprep import paths
        from mlprep.cli import console as ui
        from mlprep.errors import MlprepError
        from mlprep.store import backup as backuplib
        from mlprep.store.db import Store, StoreDamaged, set_aside

        source = file.expanduser()
        aside = None
        try:
            with Store() as store:
                result = backuplib.restore(store, source, force=force, safety_backup=backuplib.auto_backup_path())
        except StoreDamaged:
            if not force:
                raise
            # A damaged database cannot be read for the usual safety backup: once the backup file is
            # known to be sound, the damaged file is renamed (kept, never deleted) and a fresh one made.
            backuplib.validate(source)
            try:
                aside = set_aside(paths.db_path())
            except OSError as exc:
                raise MlprepError(f"cannot rename the damaged database {paths.db_path()} to keep it: "
                                  f"{exc.strerror or exc}. Copy it elsewhere yourself, then run this again.") from None
            with Store() as store:
                result = backuplib.restore(store, source, force=True)
        made = f" (made {result.created_at[:16].replace('T', ' ')} UTC)" if isinstance(result.created_at, str) else ""
        lines = [f"Restored {_summary(result.counts)} from {file}{made}."]
        if aside is not None:
            lines.append(f"The damaged database was kept as {aside}.")
        if result.safety_backup is not None:
            lines.append(f"Your previous progress ({_summary(result.replaced)}) was saved to "
                         f"{result.safety_backup}; undo with: mlprep restore --force {result.safety_backup}")
        ui.console.print("\n".join(lines), soft_wrap=not ui.console.is_terminal, markup=False)

    @app.command()
    def reset(
        yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    ) -> None:
        """Delete all progress; settings and card marks (suspended, flagged, notes) stay; a backup is written first."""
        from mlprep.cli import console as ui
        from mlprep.cli.common import confirm
        from mlprep.store import backup as backuplib
        from mlprep.store.db import Store

        with Store() as store:
            counts = {t: n for t, n in backuplib.counts(store).items() if t not in backuplib.KEPT_BY_RESET}
            if not any(counts.values()):
                ui.console.print("Nothing to delete: there is no progress yet.")
                return
            if not yes and not confirm(f"Delete all progress ({_summary(counts)})? Settings, notes, flags and "
                                       "suspensions stay, and a backup is written first.", "mlprep reset"):
                ui.console.print("Nothing changed.")
                return
            path = backuplib.auto_backup_path()
            backuplib.write_backup(store, path)
            ui.console.print(f"Backup written to {path}", soft_wrap=not ui.console.is_terminal, markup=False)
            deleted = backuplib.reset(store)
        ui.console.print(f"Deleted {_summary(deleted)}.\nTo undo: mlprep restore {path}", soft_wrap=not ui.console.is_terminal,
                         markup=False)
