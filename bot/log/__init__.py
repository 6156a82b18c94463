"""The log wing: the question log in SQLite (schema, migrations, pseudonymised writes, retention),
the analytics admins read from it, and the chart. It may use search (for Swedish tokens) and
knowledge, never the answer, telegram or cli wings."""
