"""``make bench``: start-up, save and CLI timings of mastery, printed as ratios to baselines.

Run with ``python -m benchmarks [NAME ...] [--quick]``. Benchmarks print; they never assert.
Every comparison is measured in the same run, interleaved, because the machine is noisy.
"""
