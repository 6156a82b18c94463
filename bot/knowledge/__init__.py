"""The knowledge wing: reading and validating the Markdown knowledge files, splitting them into
passages, and parsing legal references ("4 kap. 18 § LOU"). It is the bottom layer: it uses
nothing of ours but `bot.errors` and `bot.settings`, and every other wing may use it."""
