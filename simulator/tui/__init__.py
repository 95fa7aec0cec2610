"""The Textual interface: the app factory in `app.py`, screens, widgets and stylesheets.

Everything here is a thin caller of `simulator.core`; no grading or scenario logic lives in
a widget.
"""
