"""Who is asking: the trainee's login cookie and the trainer's key, both signed.

Cookies are signed with the server's secret (itsdangerous), so a trainee cannot edit
theirs into someone else's id or into the trainer's. The trainer cookie carries a hash
of the key, so starting the server with another key closes old dashboards.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

from itsdangerous import BadSignature, URLSafeSerializer
from starlette.requests import HTTPConnection
from starlette.responses import Response

from simulator.serve.config import ServeConfig

TRAINEE_COOKIE = "classroom_trainee"
TRAINER_COOKIE = "classroom_trainer"
COOKIE_DAYS = 1


@dataclass(frozen=True)
class Trainee:
    """A signed-in trainee."""

    trainee: str
    """Their id (staff number or login)."""
    name: str
    """Name to show."""
    class_code: str
    """The class they joined."""
    lang: str
    """Language they chose for the pages and the app."""


class Keys:
    """Signs and reads the classroom's cookies for one server."""

    def __init__(self, config: ServeConfig) -> None:
        self.config = config
        self._trainee = URLSafeSerializer(config.secret, salt="trainee")
        self._trainer = URLSafeSerializer(config.secret, salt="trainer")

    # trainees ---------------------------------------------------------------------------
    def sign_in(self, response: Response, who: Trainee) -> None:
        value = self._trainee.dumps([who.trainee, who.name, who.class_code, who.lang])
        response.set_cookie(
            TRAINEE_COOKIE, value, max_age=COOKIE_DAYS * 86400, httponly=True, samesite="lax"
        )

    def trainee(self, conn: HTTPConnection) -> Trainee | None:
        raw = conn.cookies.get(TRAINEE_COOKIE)
        if not raw:
            return None
        try:
            trainee, name, class_code, lang = self._trainee.loads(raw)
        except (BadSignature, ValueError, TypeError):
            return None
        if class_code != self.config.class_code:
            return None
        return Trainee(str(trainee), str(name), str(class_code), str(lang))

    # the trainer ------------------------------------------------------------------------
    def key_ok(self, typed: str | None) -> bool:
        return bool(typed) and hmac.compare_digest(
            str(typed).strip().encode(), self.config.trainer_key.encode()
        )

    def _key_hash(self) -> str:
        return hashlib.sha256(self.config.trainer_key.encode()).hexdigest()[:16]

    def open_dashboard(self, response: Response) -> None:
        response.set_cookie(
            TRAINER_COOKIE,
            self._trainer.dumps(self._key_hash()),
            max_age=COOKIE_DAYS * 86400,
            httponly=True,
            samesite="lax",
        )

    def is_trainer(self, conn: HTTPConnection) -> bool:
        raw = conn.cookies.get(TRAINER_COOKIE)
        if not raw:
            return False
        try:
            return hmac.compare_digest(str(self._trainer.loads(raw)), self._key_hash())
        except BadSignature:
            return False
