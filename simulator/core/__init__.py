"""The UI-free core: scenarios, technique catalogue, grader, engine and feedback.

Nothing in this package imports textual or rich; `tests/test_core_isolation.py`
proves it in a subprocess.
"""
