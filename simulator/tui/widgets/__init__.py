"""Widgets that take view models from their screen and post messages up."""
