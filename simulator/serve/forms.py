"""Reading the url-encoded forms of the login and key pages (no multipart needed)."""

from __future__ import annotations

from urllib.parse import parse_qs

from starlette.requests import Request

FORM_LIMIT = 16384
"""Bytes of a form read at most: a login is a few dozen."""


async def form(request: Request) -> dict[str, str]:
    """The form's fields (first value of each), trimmed."""
    body = (await request.body())[:FORM_LIMIT].decode("utf-8", "replace")
    return {k: v[0].strip() for k, v in parse_qs(body, keep_blank_values=True).items()}
