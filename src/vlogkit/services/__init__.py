"""Use cases. The CLI and the GUI call only these. `App` is the composition root's product."""

from vlogkit.services.app import App

__all__ = ["App"]
