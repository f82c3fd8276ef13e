"""The PySide6 desktop app. Widgets stay thin: they call services and show results."""
