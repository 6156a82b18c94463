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


def two_demands(text: str) -> list[str]:
    """["kan vi kräva att A", "kan vi kräva att B"] for "kan vi kräva att A och att B?"; else []."""
    found = _TWO_DEMANDS.match(text.strip())
    if not found:
        return []
    frame = found.group("frame")
    return [f"{frame}{found.group('first')}", f"{frame}{found.group('second')}"]


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
    kräva villkor om lön?"; else []."""
    found = _TWO_ACTIONS.match(text.strip())
    if not found:
        return []
    frame = found.group("frame")
    return [f"{found.group('context')}{frame}{found.group('first')}", f"{frame}{found.group('second')}"]


_TWO_OBJECTS = re.compile(
    r"^(?P<frame>[^?]*?\bkräva) (?P<first>[\wåäö-]+(?: [\wåäö-]+)?) och (?P<second>[\wåäö-]+(?: [\wåäö-]+)?)"
    r"(?P<party> (?:av|hos|från) [^?]+?)\??\s*$",
    re.IGNORECASE,
)


def two_objects(text: str) -> list[str]:
    """["… kräva A av dem", "… kräva B av dem"] for "… kräva A och B av dem?"; else []."""
    found = _TWO_OBJECTS.match(text.strip())
    if not found:
        return []
    frame, party = found.group("frame"), found.group("party")
    return [f"{frame} {found.group('first')}{party}", f"{frame} {found.group('second')}{party}"]
