"""The error hierarchy. The CLI catches `MlprepError` in one place and prints a one-paragraph message."""

from __future__ import annotations

from dataclasses import dataclass


class MlprepError(Exception):
    """A problem caused by input (a file, an argument, a setting), explained for the user."""


@dataclass(frozen=True)
class Problem:
    """One validation problem in a content file: where it is, what is wrong, and how to fix it."""

    file: str
    line: int | None
    where: str  # question id and/or field path, e.g. "metrics-precision-01: answer"
    message: str

    def __post_init__(self) -> None:
        # A message may quote bank content: never a control character, never a screenful.
        from mlprep.rules import MAX_MESSAGE_CHARS
        from mlprep.safetext import sanitize

        for name, limit in (("file", 300), ("where", 200), ("message", MAX_MESSAGE_CHARS)):
            text = sanitize(str(getattr(self, name)))
            if len(text) > limit:
                text = text[:limit] + "…"
            object.__setattr__(self, name, text)

    def __str__(self) -> str:
        loc = self.file if self.line is None else f"{self.file}:{self.line}"
        where = f" [{self.where}]" if self.where else ""
        return f"{loc}{where}: {self.message}"


class ContentError(MlprepError):
    """One or more content files failed validation."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        head = f"{len(self.problems)} problem(s) in the question banks"
        lines = "\n".join(f"  {p}" for p in self.problems[:20])
        more = f"\n  ... and {len(self.problems) - 20} more" if len(self.problems) > 20 else ""
        super().__init__(f"{head}:\n{lines}{more}\nRun `mlprep content lint` to see them all.")


class MlprepWarning(UserWarning):
    """Something the user should know but that does not stop the command (a bad setting replaced by its
    default...). The CLI prints it as one line."""


class StoreError(MlprepError):
    """The progress database could not be opened or written."""


class DrillError(MlprepError):
    """A drill could not be found, scaffolded or graded."""


class InvalidValue(MlprepError):
    """A value the user chose is not valid. `param` names the setting or filter in the library's terms
    (`section`, `tag`, `difficulty`, `minutes`, `bank`); the CLI words it as the flag the user typed.

    `suggestions` are close valid values; `see` names what lists the valid ones (`sections`, `tags`, ...).
    """

    def __init__(self, param: str, value: object, reason: str, *, suggestions: list[str] | None = None,
                 see: str | None = None):
        self.param, self.value, self.reason = param, value, reason
        self.suggestions, self.see = list(suggestions or []), see
        super().__init__(self.describe(param))

    def describe(self, label: str) -> str:
        shown = repr(self.value) if isinstance(self.value, str) else str(self.value)
        text = f"{label} {shown}: {self.reason}"
        if self.suggestions:
            text += f" Did you mean {', '.join(self.suggestions)}?"
        return text
