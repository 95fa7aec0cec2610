"""Moved to simulator.core.practice (it is UI-free and `simulator run` uses it too).

Kept only so branches written against the old path still import; new code imports
simulator.core.practice.
"""

from simulator.core.practice import Practice, Refusal, check_reply, clean_reply

__all__ = ["Practice", "Refusal", "check_reply", "clean_reply"]
