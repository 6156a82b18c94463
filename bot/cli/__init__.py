"""The cli wing: the `hansyn` command (ask, chat, reindex, validate, the question-log commands and
serve). It sits on top and may use every other wing; nothing imports it."""
