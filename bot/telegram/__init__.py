"""The telegram wing: the bot built on python-telegram-bot — the application, thin handlers,
admin commands, HTML rendering and texts, pacing and retries, the answer worker processes and
the health check. It may use every wing below it (answer, log, search, knowledge), never cli."""
