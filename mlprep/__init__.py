"""mlprep: machine-learning interview preparation in the terminal.

The package is a library (content banks, scheduling, storage, drill grading, stats) with a thin
Typer CLI on top (`mlprep.cli.app`). Importing it is cheap: heavy modules (numpy, pandas, pydantic)
are imported only by the functions that need them.
"""

__version__ = "0.1.0"
