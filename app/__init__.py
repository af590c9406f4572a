"""Push Studio's headless core. Nothing under app/ imports Qt (tests/test_layering.py checks)."""
