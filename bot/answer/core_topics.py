"""Whether a question names what Hänsyn is for: social considerations in public procurement
(the instruments, the requirements and the people they are for). Chat language sinks the
confidence score ("tänkte reservera vår tvättupphandling, ok?"), and a question that names one
of these is answered on a lower bar than one that names none ("hur lång anbudstid måste vi ha?"
is a procurement question Hänsyn does not cover). The words come from the product's scope, not
from any evaluation set."""

from __future__ import annotations

import re

from ..search.textproc import normalise_chat

CORE_TOPICS = re.compile(
    r"\b("
    r"social(a|t)?|socialt? ?(hänsyn|krav|ansvar\w*|företag\w*|kriteri\w*|villkor\w*|klausul\w*|value)"
    r"|socialföretag\w*|sysselsättning\w*|reserver\w*|reservation\w*|arbetsrättslig\w*|kollektivavtal\w*"
    r"|nyanländ\w*|långtidsarbetslös\w*|arbetslös\w*|funktionsnedsättning\w*|funktionsnedsatt\w*"
    r"|missgynnad\w*|praktikplats\w*|praktikant\w*|lärling\w*|ungdom\w*|utanförskap\w*|arbetsträn\w*"
    r"|iop|idéburn?\w*|arbetsintegrerande|asf|samhall|skyddade? verkst\w*|mänskliga rättigheter"
    r"|ilo|fairtrade|rättvis handel|uppförandekod\w*|tillgänglighet\w*"
    # the people's working conditions, as politicians put it ("schyssta villkor för personalen")
    r"|arbetsvillkor\w*|(bra|rimliga|skäliga|oskäliga|goda|hyggliga|schys+ta|juste) (villkor|löner|lön)"
    r"|avtalsenlig\w*|lönedumpning\w*|lönevillkor\w*|social dumpning|svart arbetskraft"
    # excluding suppliers (for crimes, breaches of labour law, unpaid taxes) is one of the instruments
    r"|uteslut\w*"
    r")\b",
    re.IGNORECASE,
)


def names_core_topic(question: str) -> bool:
    """Does the question (chat forms written out) name social considerations or one of their
    instruments?"""
    return bool(CORE_TOPICS.search(normalise_chat(question)))
