"""The `vlogkit` command: every pipeline capability, scriptable, `--json` for machines."""

from vlogkit.cli.main import main

__all__ = ["main"]
