"""Whether a question asks for a figure (an amount, a limit, a share, a time), which no yes or
no answers, and whether that figure is an amount of money."""

from __future__ import annotations

import re

from .wording import PERMISSION


def asks_figure(text: str) -> bool:
    """Does the question ask for an amount or a limit ("hur mkt får vi direktupphandla för?",
    "max belopp för direktupphandling?", "tröskelvärdena nu?"), which no yes or no answers?"""
    return bool(_FIGURE.search(text)) and not PERMISSION.match(text)


_FIGURE = re.compile(
    r"\b(hur (mycket|mkt|mycke|stort|stor|höga?)|max(imalt)? belopp|vilket belopp|vilka belopp|beloppsgräns\w*"
    # ("under tröskelvärdena" names a kind of procurement, not the figure)
    r"|vad är gränsen|var går gränsen|(?<!under )(?<!över )tröskelvärden(a)?\b(?! för)|hur många (procent|%)"
    r"|hur lång tid|hur länge"
    r"|tröskelvärdet för direktupphandling\w*|direktupphandlingsgräns\w*|gränsen för direktupphandling\w*)",
    re.IGNORECASE,
)


def asks_amount(text: str) -> bool:
    """Does it ask for an amount of money ("tröskelvärdet för direktupphandling 2025?"), not a
    share or a number of people?"""
    return bool(_AMOUNT.search(text))


_AMOUNT = re.compile(
    r"belopp|gräns|tröskelvärde|kronor|\bkr\b|hur (mycket|mkt) får (vi|man) (köpa|direktupphandla|handla)",
    re.IGNORECASE,
)


def unanswered_count(question: str, texts: list[str]) -> bool:
    """Does the question ask how many of something there are ("hur många sociala företag finns
    det i sverige?") when no text gives a number of that thing?"""
    asked = _COUNT.search(question)
    if not asked:
        return False
    stem = asked.group("thing")[:MATCHED_STEM]
    of_it = re.compile(rf"\d[\d\s]*(?:[\wåäö-]+\s+){{0,2}}{re.escape(stem)}", re.IGNORECASE)
    return not any(of_it.search(text) for text in texts)


# "hur många (sociala) företag finns det": the thing counted is the last word before "finns"
_COUNT = re.compile(
    r"\bhur många\s+(?:[\wåäö-]+\s+)?(?P<thing>[\wåäö-]{4,})\s+(?:det\s+)?(?:finns|fanns)\b", re.IGNORECASE
)
MATCHED_STEM = 5
