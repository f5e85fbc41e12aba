"""`python -m mlprep` runs the CLI."""

from mlprep.cli.app import main

if __name__ == "__main__":
    main()
