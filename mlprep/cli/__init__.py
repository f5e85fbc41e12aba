"""The command-line interface: parses options, calls the library, renders with Rich.

`mlprep.cli.app` builds the Typer application and registers one module per command group
(`quiz`, `drill`, `mock`, `progress`, `data`, `report`). No rule, SQL or scoring lives here.
"""
