"""The heartbeat behind Docker's HEALTHCHECK: touched by successful getUpdates, checked by age."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time

from fake_telegram import TOKEN, FakeTelegram
from telegram import Bot
from telegram.error import NetworkError

from bot.telegram import health


def test_check_reports_missing_fresh_and_stale_heartbeats(tmp_path):
    beat = tmp_path / "heartbeat"
    assert health.check(None, 60) == (False, health.check(None, 60)[1])
    healthy, message = health.check(beat, 60)
    assert not healthy and "inget hjärtslag" in message
    health.beat(beat)
    healthy, message = health.check(beat, 60)
    assert healthy and "pollar" in message
    old = time.time() - 120
    os.utime(beat, (old, old))
    healthy, message = health.check(beat, 60)
    assert not healthy and "120 s sedan" in message


def test_the_command_exits_0_only_while_the_heartbeat_is_fresh(tmp_path):
    beat = tmp_path / "hb"
    env = {**os.environ, health.HEARTBEAT_ENV: str(beat), health.MAX_AGE_ENV: "30"}
    command = [sys.executable, "-m", "bot.telegram.health"]
    assert subprocess.run(command, env=env, capture_output=True).returncode == 1
    health.beat(beat)
    assert subprocess.run(command, env=env, capture_output=True).returncode == 0
    stale = {**env, health.MAX_AGE_ENV: "0.01"}
    time.sleep(0.05)
    result = subprocess.run(command, env=stale, capture_output=True, text=True)
    assert result.returncode == 1 and "getUpdates" in result.stderr
    unset = {k: v for k, v in env.items() if k != health.HEARTBEAT_ENV}
    assert subprocess.run(command, env=unset, capture_output=True).returncode == 1


async def test_a_successful_get_updates_beats_and_a_failed_one_does_not(tmp_path):
    fake = FakeTelegram()
    await fake.start()
    beat = tmp_path / "hb"
    bot = Bot(TOKEN, base_url=fake.base_url, get_updates_request=health.heartbeat_request(beat))
    try:
        await bot.initialize()
        await bot.get_me()  # other calls use the other request object
        assert not beat.exists()
        fake.fail("getUpdates", 500)
        with contextlib.suppress(NetworkError):  # the 500
            await bot.get_updates(timeout=0)
        assert not beat.exists()
        await bot.get_updates(timeout=0)
        assert beat.exists() and time.time() - beat.stat().st_mtime < 5
    finally:
        await bot.shutdown()
        await fake.stop()


def test_without_a_path_the_request_is_plain(monkeypatch):
    from telegram.request import HTTPXRequest

    monkeypatch.delenv(health.HEARTBEAT_ENV, raising=False)
    request = health.heartbeat_request()
    assert type(request) is HTTPXRequest
