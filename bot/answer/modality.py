"""What a question asks to be done with a requirement (set it, follow it up, exclude for it) and
in which mode (may, must, whom it binds): two questions that differ in either are different
questions, however alike their words."""

from __future__ import annotations

import re


def other_modality(asked: str, own: str) -> bool:
    """ "Får vi ta sociala hänsyn?" is not "Måste vi ta sociala hänsyn?": the latter's "Nej" would
    read as a no to the former."""
    mine, theirs = modalities(asked), modalities(own)
    return len(mine) == 1 and len(theirs) == 1 and mine != theirs


def other_action(asked: str, own: str) -> bool:
    """Do the question and the own question ask about different things done with a requirement
    (setting it, following it up, excluding for it, scoring it)?"""
    mine, theirs = actions_in(asked), actions_in(own)
    return bool(mine and theirs and not mine & theirs)


def actions_in(text: str) -> set[str]:
    return {name for name, pattern in ACTIONS.items() if pattern.search(text)}


ACTIONS = {
    "set": re.compile(r"\b(ställ(a|er|de|s)?|kräv(a|er|de|s)?)\b", re.IGNORECASE),
    "follow up": re.compile(r"\b(följ(a|er|de|s)? upp|uppfölj\w*|kontroller\w*|kolla\w*)\b", re.IGNORECASE),
    "exclude": re.compile(r"\buteslut\w*", re.IGNORECASE),
}


def modalities(text: str) -> set[str]:
    return {name for name, pattern in MODALITIES.items() if pattern.search(text)}


MODALITIES = {
    # "vi är ett kommunalt bolag, gäller bör-regeln oss?" asks whom a rule binds, not whether it binds
    "applies": re.compile(
        r"\bgäller\b[^?]{0,40}\b(oss|för (oss|kommunala bolag|bolag|bolagen))\b", re.IGNORECASE
    ),
    "may": re.compile(r"\b(får|kan|tillåtet|tillåts|lagligt|okej|ok|allowed|may|can)\b", re.IGNORECASE),
    "must": re.compile(
        r"\b(måste|skyldiga?|tvingande|obligatorisk[at]?|krävs det|behöver vi|must|mandatory|required)\b",
        re.IGNORECASE,
    ),
}
