"""`hansyn serve` for the load benchmark: the same command, with the per-user flood limit lifted
(50 users each sending 20 questions at once would otherwise be told to slow down). With
`--rate-limiter off` it sets HANSYN_SENDS_PER_SECOND=0, the setting that turns off the pacing of
requests to 30 per second (Telegram's guideline for one bot), to show the bot's own capacity.
Everything else (settings, pipeline, log, polling) is `hansyn serve`.

    python benchmarks/_serve.py [--rate-limiter shipped|off]
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import bot.telegram.app as tg_app  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rate-limiter", choices=("shipped", "off"), default="shipped")
    args = parser.parse_args()
    tg_app.build_application = functools.partial(tg_app.build_application, questions_per_minute=10**9)
    if args.rate_limiter == "off":
        os.environ["HANSYN_SENDS_PER_SECOND"] = "0"
    from bot.cli.main import main as cli

    profile = os.environ.get("HANSYN_PROFILE")  # cProfile of the event-loop thread, for load.py --profile
    if not profile:
        cli(["serve"], prog_name="hansyn")
        return
    import cProfile

    profiler = cProfile.Profile()
    try:
        profiler.runcall(cli, ["serve"], prog_name="hansyn", standalone_mode=False)
    finally:
        profiler.dump_stats(profile)


if __name__ == "__main__":
    main()
