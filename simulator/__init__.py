"""Offline, deterministic role-play trainer for customer managers (客户经理)."""

__version__ = "0.1.0"
