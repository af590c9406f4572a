"""The PySide6 front end. Only ui/ imports Qt; it talks to the core through app.engine."""
