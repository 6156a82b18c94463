"""Domain errors. The CLI turns these into clean messages; nothing else needs to know about click."""

from __future__ import annotations


class HansynError(Exception):
    """Base class for errors a user or admin can act on."""


class KnowledgeError(HansynError):
    """The knowledge base has problems; `problems` holds `path: field: problem` lines."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        count = len(self.problems)
        super().__init__(f"kunskapsbanken har {count} fel:\n" + "\n".join(self.problems))


class IndexMissingError(HansynError):
    """No index has been built yet."""


class IndexCorruptError(HansynError):
    """An index file is missing, truncated or unreadable."""


class IndexModelMismatchError(HansynError):
    """The index was built with another embedding model than the one configured."""


class ConfigError(HansynError):
    """A setting is missing or malformed."""
