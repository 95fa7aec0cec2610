"""One module per screen; dialogs share `dialogs.py`."""
