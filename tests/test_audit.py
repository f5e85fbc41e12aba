"""`mlprep content lint` catches the give-aways and loose tolerances of `mlprep.questions.audit`, in any
bank (the built-in ones pass), and names file, line, question and field."""

from __future__ import annotations

import textwrap

from typer.testing import CliRunner

from mlprep.cli.app import app

runner = CliRunner()

HEAD = "format_version: 1\nsection: {id: demo, title: Demo}\nquestions:\n"


def lint(tmp_path, body: str):
    f = tmp_path / "demo.yaml"
    f.write_text(HEAD + textwrap.indent(textwrap.dedent(body), "  "))
    return runner.invoke(app, ["content", "lint", str(f)])


def test_an_integer_answer_with_a_half_tolerance_is_refused(tmp_path):
    result = lint(tmp_path, """
        - id: demo-pool-01
          type: numeric
          difficulty: 2
          tags: [pooling]
          params: {n: {min: 10, max: 99}}
          prompt: "Output width of a stride-2 pool on {{ n }} inputs?"
          answer: "n // 2"
          tolerance: {abs: 0.5}
          explanation: "Floor of n / 2."
        """)
    assert result.exit_code == 1
    assert "demo.yaml:5 [demo-pool-01: tolerance]" in result.output and "whole number" in result.output
    fixed = lint(tmp_path, """
        - id: demo-pool-01
          type: numeric
          difficulty: 2
          tags: [pooling]
          params: {n: {min: 10, max: 99}}
          prompt: "Output width of a stride-2 pool on {{ n }} inputs?"
          answer: "n // 2"
          tolerance: {abs: 0}
          explanation: "Floor of n / 2."
        """)
    assert fixed.exit_code == 0, fixed.output


def test_a_much_longer_key_is_a_give_away(tmp_path):
    result = lint(tmp_path, """
        - id: demo-long-01
          type: mcq
          difficulty: 1
          tags: [demo]
          prompt: Why scale features before k-NN?
          choices:
            - Because distances are dominated by the features with the largest numeric ranges otherwise
            - Speed
            - Habit
            - Memory
          answer: A
          explanation: Distances mix units.
        """)
    assert result.exit_code == 1 and "[demo-long-01: choices]" in result.output and "longer" in result.output


def test_the_only_hedged_choice_among_absolutes_is_a_give_away(tmp_path):
    result = lint(tmp_path, """
        - id: demo-hedge-01
          type: mcq
          difficulty: 1
          tags: [demo]
          prompt: What does dropout do to training loss?
          choices:
            - It usually rises a little
            - It always falls to zero
            - It never changes at all
            - It must double exactly
          answer: A
          explanation: Noise makes training harder.
        """)
    assert result.exit_code == 1 and "only the right choice is hedged" in result.output


def test_a_prompt_that_contains_its_answer_is_a_give_away(tmp_path):
    result = lint(tmp_path, """
        - id: demo-short-01
          type: short
          difficulty: 1
          tags: [demo]
          prompt: The irreducible error comes from noise. What is that error called?
          answer: irreducible error
          accept: [noise]
          explanation: It is the noise floor.
        """)
    assert result.exit_code == 1 and "[demo-short-01: accept]" in result.output and "'irreducible error'" in result.output


def test_notes_are_linted_against_the_banks_and_drills(tmp_path):
    notes = tmp_path / "metrics.md"
    notes.write_text("# Metrics\n\n## Precision\nTags: precision, no-such-tag\n\nTP / (TP + FP).\n\n"
                     "Practice: `mlprep quiz --tag precision` · `mlprep drill no-such-drill`\n" + "x" * 81 + "\n"
                     "## Recall\nNo tags line here.\n")
    result = runner.invoke(app, ["content", "lint", str(notes)])
    assert result.exit_code == 1
    out = result.output
    assert "metrics.md:4: the tag 'no-such-tag'" in out
    assert "metrics.md:8: `mlprep drill no-such-drill`: there is no such drill" in out
    assert "metrics.md:9: the line has 81 characters" in out
    assert "metrics.md:10: the topic 'Recall' needs a 'Tags:' line" in out
    stray = tmp_path / "no-such-section.md"
    stray.write_text("# X\n")
    assert "no bank has the section 'no-such-section'" in runner.invoke(app, ["content", "lint", str(stray)]).output
