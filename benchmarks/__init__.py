"""Benchmarks: speed and memory figures, written to BENCHMARKS.md (never run as tests)."""
