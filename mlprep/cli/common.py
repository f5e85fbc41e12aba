"""What every command module shares: the error wording, `fail`, and the common options."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from mlprep.cli import console as ui
from mlprep.errors import InvalidValue, MlprepError

BankOpt = Annotated[
    Optional[list[Path]],
    typer.Option("--bank", metavar="FILE", help="Extra bank file or folder (repeatable); loaded with the built-in banks."),
]
SectionOpt = Annotated[Optional[list[str]], typer.Option("--section", "-s", metavar="SECTION", help="Only this section id (repeatable).")]

def plural(n: int, word: str, many: str | None = None) -> str:
    """`1 review`, `2 reviews` (`many` for irregular plurals: plural(n, "leech", "leeches"))."""
    return f"{n} {word if n == 1 else many or word + 's'}"


def are(n: int) -> str:
    return "is" if n == 1 else "are"


def _escape(text: object) -> str:
    """Text from a bank (or any file or program) made safe to put inside Rich markup: its `[`...`]` are
    escaped, so `[/]` or `[s]` print as typed, and terminal-unsafe characters are written out visibly."""
    from rich.markup import escape

    from mlprep.safetext import sanitize

    return escape(sanitize(str(text)))


def plain(text: object, style: str = "") -> Any:
    """A Rich `Text` of bank text: never parsed as markup, unsafe characters written out visibly."""
    from rich.text import Text

    from mlprep.safetext import sanitize

    return Text(sanitize(str(text)), style=style)


def markdown(text: str) -> Any:
    """Bank Markdown for the terminal: links show their target, `text (url)`, never as hidden OSC 8
    hyperlinks, and unsafe characters are written out visibly."""
    from rich.markdown import Markdown

    from mlprep.safetext import sanitize

    return Markdown(sanitize(text), hyperlinks=False)


def load_bank(extra: Any = ()) -> Any:
    """The banks, as `mlprep.questions.bank.load_bank` loads them, with one warning line on stderr for each
    file of the user's banks folder that was left out because it is broken (the others are used)."""
    from mlprep.questions import bank as banklib

    loaded = banklib.load_bank(list(extra or []))
    for p in loaded.skipped:
        loc = p.file if p.line is None else f"{p.file}:{p.line}"
        ui.err_console.print(f"[yellow]Warning:[/] skipped your bank {_escape(loc)}: {_escape(p.message)} "
                             f"(`mlprep content lint {_escape(p.file)}` lists its problems).", soft_wrap=True)
    return loaded


# The flag each library parameter is set with, and the command that lists its valid values.
FLAGS = {"section": "--section", "tag": "--tag", "difficulty": "--difficulty", "minutes": "--minutes",
         "bank": "--bank", "type": "--type", "id": "--id", "kind": "--kind"}
LISTINGS = {"tags": "mlprep content tags", "sections": "mlprep content list", "topics": "mlprep learn"}


def describe_error(exc: MlprepError) -> str:
    """The one-paragraph message for a library error, in the CLI's words."""
    if isinstance(exc, InvalidValue):
        text = exc.describe(FLAGS.get(exc.param, exc.param))
        if exc.see and not exc.suggestions and exc.see in LISTINGS:
            text += f" See `{LISTINGS[exc.see]}`."
        return text
    return str(exc)


def fail(message: str, code: int = 1) -> typer.Exit:
    ui.err_console.print(f"[bold red]Error:[/] {_escape(message)}", soft_wrap=not ui.err_console.is_terminal)
    return typer.Exit(code)


def stdin_closed() -> bool:
    """True when there is no standard input at all (`mlprep quiz <&-`): nothing can ever be typed."""
    import sys

    stream = sys.stdin
    if stream is None or stream.closed:
        return True
    import io
    import os

    try:
        fd = stream.fileno()
    except io.UnsupportedOperation:  # a replaced stdin without a file descriptor (tests): it can be read
        return False
    except (OSError, ValueError):
        return True
    try:
        os.fstat(fd)
    except OSError:
        return True
    return False


def require_input(command: str, alternative: str = "") -> None:
    """Fail with one clear message when stdin is closed, before anything starts."""
    if stdin_closed():
        raise fail(f"no input: stdin is closed, so `{command}` cannot read what you type; run it in a terminal"
                   + (f", or {alternative}" if alternative else "") + ". Nothing was changed.")


def confirm(question: str, command: str, flag: str = "--yes") -> bool:
    """Ask a yes/no question; with no stdin, or at the end of input, fail (nothing changed) naming the flag
    that skips the question."""
    require_input(command, f"add {flag} to skip the question")
    try:
        return typer.confirm(question, default=False)
    except (typer.Abort, EOFError, RuntimeError):
        raise fail(f"no answer to the question (stdin reached its end, or Ctrl-C), so nothing was changed. "
                   f"Run `{command}` in a terminal, or add {flag} to skip the question.") from None
# ---------------------------------------------------------------- help screens

import typer.core  # noqa: E402  (typer is loaded anyway; Rich is not)


class HelpGroup(typer.core.TyperGroup):
    """A command group whose listing gives every command's full one-line description (click cuts
    them to the terminal width with "..."); the descriptions wrap on spaces instead."""

    def format_commands(self, ctx, formatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            cmd = self.get_command(ctx, name)
            if cmd is None or cmd.hidden:
                continue
            text = cmd.short_help or (cmd.help or "").split("\n\n")[0]  # the first paragraph, whole
            rows.append((name, " ".join(text.split())))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def _argument_name(param) -> str:
    return param.metavar or param.name.upper()


class HelpCommand(typer.core.TyperCommand):
    """A command whose help names arguments in words (FILE, NAME) rather than Python types
    (`<path>`, `{FILE}`)."""

    def collect_usage_pieces(self, ctx) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = _argument_name(param) + ("..." if param.nargs != 1 else "")
                pieces.append(name if param.required else f"[{name}]")
            else:
                pieces.extend(param.get_usage_pieces(ctx))
        return pieces

    def format_options(self, ctx, formatter) -> None:
        args, opts = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                args.append((_argument_name(param), record[1]))
            else:
                opts.append(record)
        if args:
            with formatter.section("Arguments"):
                formatter.write_dl(args)
        if opts:
            with formatter.section("Options"):
                formatter.write_dl(opts)


def use_help_classes(app: typer.Typer) -> None:
    """Give every command and group of `app` (recursively) the help classes above."""
    for info in app.registered_commands:
        if info.cls in (None, typer.core.TyperCommand):
            info.cls = HelpCommand
    for group in app.registered_groups:
        sub = group.typer_instance
        if sub is not None:
            for holder in (sub.info, group):  # a class given on purpose is kept
                if not (isinstance(holder.cls, type) and holder.cls is not typer.core.TyperGroup):
                    holder.cls = HelpGroup
            use_help_classes(sub)


# ---------------------------------------------------------------- inline Markdown from banks

_INLINE = re.compile(r"(`+)(.+?)\1|\*\*(.+?)\*\*|__(.+?)__|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"
                     r"|(?<![\w_])_(?!\s)(.+?)(?<!\s)_(?![\w_])")


def inline_markdown(text: str, style: str = ""):
    """`text` (a bank string: an answer choice, a short line) as a Rich Text with its inline Markdown
    drawn: **bold**, *italic* or _italic_, `code`. The Text is built span by span and never parsed as
    Rich markup, so "[bold]" or "[/]" in a bank shows as typed (the same guarantee as `_escape`)."""
    from rich.text import Text

    out = Text(style=style)
    pos = 0
    for m in _INLINE.finditer(text):
        out.append(text[pos:m.start()])
        code, bold, bold2, italic, italic2 = m.group(2), m.group(3), m.group(4), m.group(5), m.group(6)
        if code is not None:
            out.append(code.strip() if code.strip() else code, style="bold cyan")
        elif (bold or bold2) is not None:
            out.append(bold or bold2, style="bold")
        else:
            out.append(italic or italic2, style="italic")
        pos = m.end()
    out.append(text[pos:])
    return out
