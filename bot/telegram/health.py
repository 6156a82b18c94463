"""Is the bot alive and polling? A heartbeat file for Docker's HEALTHCHECK.

`hansyn serve` long-polls getUpdates at least every few seconds. With `HANSYN_HEARTBEAT_FILE`
set, the getUpdates request class below touches that file after every successful poll, so its
age says when the bot last heard from the Bot API. `python -m bot.telegram.health` (the image's
HEALTHCHECK) exits 0 while the file is fresher than `HANSYN_HEARTBEAT_MAX_AGE` seconds (default
60) and 1 otherwise: a dead process, a hung event loop and a bot cut off from Telegram all stop
the heartbeat. Wiring, in `build_application()`:

    builder.get_updates_request(heartbeat_request())  # reads HANSYN_HEARTBEAT_FILE
"""

from __future__ import annotations

import functools
import os
import sys
import time
from pathlib import Path

HEARTBEAT_ENV = "HANSYN_HEARTBEAT_FILE"
MAX_AGE_ENV = "HANSYN_HEARTBEAT_MAX_AGE"
DEFAULT_MAX_AGE_S = 60.0


@functools.cache
def _heartbeat_class():
    """Defined on first use, so the health check itself never imports telegram (~0.3 s)."""
    from telegram.request import HTTPXRequest

    class HeartbeatRequest(HTTPXRequest):
        """PTB's HTTP client for getUpdates that touches `path` after each HTTP 200 answer."""

        def __init__(self, path: str | Path, **kwargs):
            kwargs.setdefault("connection_pool_size", 1)  # what PTB uses for getUpdates
            super().__init__(**kwargs)
            self.path = Path(path)

        async def do_request(self, url: str, method: str, *args, **kwargs) -> tuple[int, bytes]:
            code, payload = await super().do_request(url, method, *args, **kwargs)
            if code == 200:
                beat(self.path)
            return code, payload

    return HeartbeatRequest


def beat(path: Path) -> None:
    """Set the heartbeat file's time to now (creating it); never raises."""
    try:
        path.touch()
        os.utime(path)
    except OSError:
        pass


def heartbeat_path(environ: dict[str, str] | None = None) -> Path | None:
    value = (os.environ if environ is None else environ).get(HEARTBEAT_ENV, "").strip()
    return Path(value) if value else None


def heartbeat_request(path: str | Path | None = None, **kwargs):
    """The getUpdates request (a telegram.request.HTTPXRequest) for `build_application`: with a
    heartbeat when a path is given (default: HANSYN_HEARTBEAT_FILE), PTB's plain one otherwise.
    `kwargs` go to HTTPXRequest (timeouts)."""
    path = path or heartbeat_path()
    if path:
        return _heartbeat_class()(path, **kwargs)
    from telegram.request import HTTPXRequest

    return HTTPXRequest(**{"connection_pool_size": 1, **kwargs})


def check(path: Path | None, max_age: float, now: float | None = None) -> tuple[bool, str]:
    """(healthy, one line for `docker inspect`)."""
    if path is None:
        return False, f"{HEARTBEAT_ENV} är inte satt; boten skriver inget hjärtslag att kontrollera"
    try:
        age = (time.time() if now is None else now) - path.stat().st_mtime
    except OSError:
        return False, f"inget hjärtslag i {path} ännu (startar boten, eller når den inte Telegram?)"
    if age > max_age:
        return False, f"senaste lyckade getUpdates för {age:.0f} s sedan (gräns {max_age:.0f} s)"
    return True, f"boten pollar: senaste getUpdates för {age:.1f} s sedan"


def main(environ: dict[str, str] | None = None) -> int:
    env = os.environ if environ is None else environ
    try:
        max_age = float(env.get(MAX_AGE_ENV) or DEFAULT_MAX_AGE_S)
    except ValueError:
        max_age = DEFAULT_MAX_AGE_S
    healthy, message = check(heartbeat_path(env), max_age)
    print(message, file=sys.stdout if healthy else sys.stderr)
    return 0 if healthy else 1


if __name__ == "__main__":
    sys.exit(main())
