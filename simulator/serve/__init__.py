"""The classroom: the app served to trainees' browsers and the trainer's web dashboard.

`simulator classroom serve` runs one process on the trainer's machine (see server.py);
make_app in web.py builds the Starlette app that tests drive directly.
"""
