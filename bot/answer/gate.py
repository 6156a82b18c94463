"""Whether a question is answered at all, or declined ("Menar du …?" or where to ask instead):
the search's confidence against the calibrated bar, and the questions answered below it."""

from __future__ import annotations

from ..search.retrieval import SearchResult
from . import precedent_list
from .analysis import Analysis
from .core_topics import names_core_topic
from .overview import asks_overview
from .precedent_words import ANY_EXAMPLE

# Calibrated by benchmarks/calibrate.py: the lowest bar that declines >= 92 % of the
# out-of-scope questions it is fitted on, so that >= 90 % of unseen ones are declined.
MIN_CONFIDENCE = 0.59
# The bar for a question that names social considerations or one of their instruments. Read off
# the training sets: 0.20 in the tenth session; 0.15 in the eleventh ("Får vi reservera en
# upphandling vars värde ligger över EU:s tröskelvärde?" scores 0.19), and 0.10 declined no
# fewer out-of-scope questions on them either.
TOPIC_BAR = 0.15


def answerable(analysis: Analysis, main: SearchResult, subs: list[SearchResult], bar: float) -> bool:
    """`main` is the whole question's search, `subs` those of its parts or sides."""
    if main.confidence >= bar:
        return True
    # "tänkte reservera vår tvättupphandling, ok?" (core_topics.py); a caller that asks for a
    # stricter bar than the calibrated one gets it for these questions too
    topic_bar = TOPIC_BAR if bar <= MIN_CONFIDENCE else bar
    if main.confidence >= topic_bar and names_core_topic(analysis.question):
        return True
    # "vi vill få fler i jobb via våra upphandlingar, tips?" asks for the overview of the topic by
    # name, and the overview answers it whatever the search scored ("tips på sociala krav när vi ska
    # köpa städning" scores 0.002: its words rank precedents on cleaning that the embedding does not
    # rank at all, and the confidence reads the best file's embedding score)
    if asks_overview(analysis):
        return True
    if len(subs) >= 2 and sum(r.confidence >= bar for r in subs) >= 2:
        return True
    # "vad betyder ASF?" names a term the glossary defines
    # ... and "var står reglerna om uteslutning?" a term it defines with its provisions
    if analysis.intent in ("definition", "provision") and analysis.term_docs:
        return True
    # a precedent lookup with a place, sector, instrument or named buyer is answered by the
    # list of matching precedents (or by saying there are none), whatever the search found;
    # "kan du ge ett bra exempel att visa i KF?" by the best-known ones
    return analysis.intent == "precedents" and (
        precedent_list.has_filter(analysis) or bool(ANY_EXAMPLE.search(analysis.question))
    )
