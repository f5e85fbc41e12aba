"""`python -m mlprep` runs the CLI."""

from mlprep.cli import main

if __name__ == "__main__":
    main()
