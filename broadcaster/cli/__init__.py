"""The `broadcaster` command line, one module per command group; `main` is the entry point."""

from broadcaster.cli.entry import main

__all__ = ["main"]
