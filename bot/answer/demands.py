"""Two requirements asked in one breath: "kan vi kräva att leverantören har F-skattsedel och att
personalen har schyssta villkor?" asks of each, so each is a part of its own with the frame
("kan vi kräva att") in front of it. So do two actions: "kan vi reservera den och kräva villkor om
lön?" asks whether it may reserve and whether it may demand; and two things demanded of the
same party: "kan vi kräva F-skattsedel och kollektivavtal av underleverantörer?" asks of each."""

from __future__ import annotations

import re

_TWO_DEMANDS = re.compile(
    r"^(?P<frame>[^?]*?\b(?:kräva|krav på|ställa krav på|ställa som krav) att )(?P<first>[^?]+?),? och att "
    r"(?P<second>[^?]+?)\??\s*$",
    re.IGNORECASE,
)


def _two(pattern: re.Pattern, text: str, make) -> list[str]:
    """The two parts `make` builds from the pattern's match of the question, or []."""
    found = pattern.match(text.strip())
    return make(found) if found else []


def two_demands(text: str) -> list[str]:
    """["kan vi kräva att A", "kan vi kräva att B"] for "kan vi kräva att A och att B?"; else []."""
    return _two(_TWO_DEMANDS, text, lambda m: [f"{m['frame']}{m['first']}", f"{m['frame']}{m['second']}"])


_ACTIONS = (
    r"(?:reservera|kräva|ställa|använda|direktupphandla|utesluta|begära|vikta|kombinera|ge|"
    r"tillämpa|dela upp|gynna|prioritera)\b"
)
_TWO_ACTIONS = re.compile(
    rf"^(?P<context>[^?]*?)(?P<frame>\b(?:kan|får|måste|ska|bör) (?:vi|man|ni) )(?:både )?(?P<first>{_ACTIONS}[^?]*?),? och "
    rf"(?:även |också )?(?P<second>{_ACTIONS}[^?]+?)\??\s*$",
    re.IGNORECASE,
)


def two_actions(text: str) -> list[str]:
    """["… kan vi reservera den", "kan vi kräva villkor om lön"] for "… kan vi reservera den och
    kräva villkor om lön?"; else [] (and for "kan vi dela upp städningen och reservera en del?",
    which asks one thing: whether a part may be reserved)."""
    m = _TWO_ACTIONS.match(text.strip())
    if not m or (m["first"].lower().startswith("dela upp") and A_PART.search(m["second"])):
        return []
    return [f"{m['context']}{m['frame']}{m['first']}", f"{m['frame']}{m['second']}"]


A_PART = re.compile(r"\b(en del|delen|delarna|en av delarna|ett delkontrakt|delkontrakt\w*)\b", re.IGNORECASE)


_TWO_OBJECTS = re.compile(
    r"^(?P<frame>[^?]*?\bkräva) (?P<first>[\wåäö-]+(?: [\wåäö-]+)?) och (?P<second>[\wåäö-]+(?: [\wåäö-]+)?)"
    r"(?P<party> (?:av|hos|från) [^?]+?)\??\s*$",
    re.IGNORECASE,
)


def two_objects(text: str) -> list[str]:
    """["… kräva A av dem", "… kräva B av dem"] for "… kräva A och B av dem?"; else []."""
    return _two(
        _TWO_OBJECTS,
        text,
        lambda m: [f"{m['frame']} {m['first']}{m['party']}", f"{m['frame']} {m['second']}{m['party']}"],
    )
