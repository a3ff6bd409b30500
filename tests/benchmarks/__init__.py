"""Benchmarks: every headline figure against a baseline measured in the same run.

Run ``python -m tests.benchmarks [--quick] [--json FILE]``. Each figure runs in its own
subprocess so that its peak memory is its own.
"""
