"""Benchmarks behind ``python main.py bench …``; results go to docs/benchmarks.md."""
