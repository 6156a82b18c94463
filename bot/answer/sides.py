"""The sides of a comparison: what "skillnaden mellan A och B", "A eller B – vad passar?", "A, B
eller C", "A vs B" or "kombinera A med B" weighs, for `analysis` to search each side."""

from __future__ import annotations

import re

from .wording import COMPARISON, DEFINITION, PERMISSION, QUESTION_START, words_of

MAX_SIDES = 3

_EITHER_MUST = re.compile(
    r"\b(?:räcker|räcker det med|får vi|kan vi|ska vi|bör vi) (.+?),? eller (?:behöver|måste|ska|bör|får) "
    r"(?:vi|man|det)(?: ha| använda| ställa| kräva)? (.+)",
    re.IGNORECASE,
)
_FIGURE_CHOICE = re.compile(r"\d+\s*(%|procent)\s+eller\s+\d+", re.IGNORECASE)
_SIDE_FILLER = re.compile(
    r"(,?\s+(egentligen|typ|liksom|asså|lol|haha|asap|alltså|då|i praktiken|snabbt|kort|kortfattat|tack|pls|please"
    r"|samma sak|what'?s the (diff|difference|deal)|what'?s (the )?(best|better)|which is (the )?(best|better)|(vad|va) (är|e|ar) (skillnaden|grejen|diffen)|skillnad(en|er)?|diff(en)?"
    r"|(vad|va|hur) skiljer(\s+(de|dem|dom))?(\s+sig)?(\s+åt)?"
    # "…, vilket är bäst", "…, vem ska vi välja": the question asked of the sides
    r"|(vilket|vilken|vad|vem|vilka) (är|e|passar|blir|funkar) (bäst|bättre|smartast|enklast|rimligast)"
    r"|(vilket|vilken|vem|vad) (ska|bör) (vi|man) (välja|ta|köra|ha|satsa på)\b.*|när (ska|bör) (vi|man) (välja|ta) (vilket|vad|vilken)"
    r"|gäller (det )?samma (regler|sak)))+$",
    re.IGNORECASE,
)
# "… eller en reserverad upphandling när vi köper städning": the purchase, not the side
_SIDE_CLAUSE = re.compile(
    r"\s+(när|eftersom|för att|så att|om)\s+(vi|man|ni|kommunen|regionen)\b.*$"
    # "A vs sysselsättningskrav vad ger mest jobb": the question after the last side
    r"|,?\s+(vad|vilket|vilken|vilka|hur)\s+(ger|passar|funkar|fungerar|är|blir|brukar|lönar"
    r"|(kan|får|ska|bör) (vi|man|ni))\b.*$"
    # "samhall vs vanligt städbolag, får vi välja samhall direkt?": a question of its own after a comma
    r"|,\s*(får|kan|måste|ska|bör)\s+(vi|man|ni|kommunen|regionen)\b.*$"
    # "LOU och LOV när det gäller sociala hänsyn", "… för en liten kommun": what both are asked about
    # (a qualifier of one side stays: "krav på praktikplatser i ett vanligt avtal")
    r"|\s+när det gäller\b.*$|\s+(för|i) (en|ett|vår|vårt) (liten|litet|mindre|stor|större|vanlig) (kommun|region)\b.*$"
    r"|\s+i upphandling(en|ar|arna)?$",
    re.IGNORECASE,
)
# "IOP vs upphandling, mkt förvirrad just nu", "LOU eller LOV, fattar inte skillnaden": how the
# asker feels, after a comma, is no side
_FEELING = re.compile(
    r",\s*(jag är |vi är |är )?(mkt |mycket |lite |helt |så |sjukt |jätte)?(förvirrad\w*|osäker\w*|vilse|lost|"
    r"confused|fattar (inte|noll)|förstår inte|har noll koll|hjälp)\b[^?]*",
    re.IGNORECASE,
)
_SIDE_FRAME = re.compile(
    r"^\W*(vad är |vad blir )?(skillnaden|skillnad) (mellan|på) |^(ska vi|bör vi|kan vi|vill vi|välja|"
    r"välj|köra|göra|ha|använda|andra|övriga|hellre|snarare|istället|i stället|ska vi köra|ska vi ha|ska vi välja|ska vi använda|som|en|ett|att|med|"
    r"vad passar bäst|vad är bäst|vad skiljer|skiljer|sig|ett|en|eller|är det (bättre|bäst|smartare|klokare|vettigare|enklare))\b\s*",
    re.IGNORECASE,
)


def comparison_sides(text: str) -> list[str]:
    """The alternatives a comparison names: "skillnaden mellan A och B", "A eller B – …",
    "A, B eller C", "A vs B", "A jämfört med B". Empty when the question compares nothing, or
    asks which of two figures holds ("30 % eller 50 % funktionsnedsatta?" asks what the rule is)."""
    if _FIGURE_CHOICE.search(text):
        return []
    asked, text = text, _FEELING.sub("", text)
    # ("4:18" is a provision, not a colon; "Vi misstänker … . Ska vi A eller B?": the sentence that asks)
    clauses = re.split(
        r"\s+[–-]\s+|[?;]\s*|:(?!\d)\s*|(?<!\bkap)(?<!\bart)(?<!\bprop)(?<!t\.ex)(?<!bl\.a)\.\s+(?=[A-ZÅÄÖ])",
        text,
    )
    for clause in clauses:  # two things at once: "kombinera A med B", "A och samtidigt B"
        together = (
            re.search(r"\bkombinera (.+?) (?:med|och) (.+)", clause, re.I)
            or re.search(r"(?:\b(?:ha|ställa|använda)\b )?(.+?),? och samtidigt (.+)", clause, re.I)
            # "ha både tillgänglighetskrav och sysselsättningskrav i samma upphandling"
            or re.search(r"\b(?:ha|ställa|använda|kräva) både (.+?) och (.+)", clause, re.I)
            # "sysselsättningskrav och tilldelningskriterier samtidigt, går det?"
            or re.search(
                r"^\W*(?:(?:kan|får) (?:vi|man) (?:ha|ställa|använda) )?(.+?) och (.+?) samtidigt\b",
                clause,
                re.I,
            )
            # "om vi reserverar kontraktet, kan vi då också kräva att de anställer …"
            or re.search(
                r"^\W*(?:om|när) (?:vi|man) (.+?), (?:kan|får|måste|bör) (?:vi|man) (?:då )?(?:också|även) (.+)",
                clause,
                re.I,
            )
        )
        if together:
            sides = _clean_sides(
                [_SIDE_LEAD.sub("", together.group(1)), _SIDE_TAIL.sub("", together.group(2))]
            )
            if len(sides) == 2:
                return sides
    for clause in clauses:  # "räcker A eller behöver vi B?", "får vi A eller måste det B?"
        either = _EITHER_MUST.search(clause)
        if either:
            sides = _clean_sides([either.group(1), either.group(2)])
            if len(sides) == 2:
                return sides
    same = _SAME_THING.match(text)  # "asf och samhall samma sak?"
    if same:
        sides = _clean_sides([same.group(1) or same.group(3), same.group(2) or same.group(4)])
        if len(sides) == 2:
            return sides
    listed = _LIST_THEN_ASK.match(text)  # "A, B och C – kan du jämföra dem?"
    if listed and (COMPARISON.search(listed.group("ask")) or _WHICH_IS_BETTER.search(listed.group("ask"))):
        items = [  # "A och B handlar båda om …": the alternatives end at the verb
            # ("IOP, LOV och reserverad upphandling side by side – när ska man välja vad")
            re.sub(r"\s+(handlar|gäller|är|har|finns|side by side|sida vid sida)\b.*$", "", item)
            for item in re.split(r",\s*|\s+och\s+|\s+eller\s+", listed.group("list"))
        ]
        if all(len(item.split()) <= MAX_SIDE_WORDS for item in items):
            sides = _clean_sides(items)
            if sides:
                return sides
    if not (COMPARISON.search(asked) or bare_choice(text)):
        return []
    for clause in clauses:
        listed = re.match(r"^\W*jämför (.+)", clause, re.I)  # "Jämför A, B och C"
        if listed:
            sides = _clean_sides(re.split(r",\s*|\s+och\s+|\s+med\s+", listed.group(1)))
            if len(sides) >= 2:
                return sides
        same_way = re.search(r"\bsamma sätt i (.+?) som i (.+)", clause, re.I)  # "… i LUF som i LOU?"
        if same_way and len(sides := _clean_sides([same_way.group(1), same_way.group(2)])) == 2:
            return sides
        # ("hur väljer vi mellan att reservera enligt 4 kap. 18 § och 19 kap. 25 a §")
        between = re.search(
            r"(?:skillnad(?:en|er)?|välj(?:a|er)?(?: vi| man| ni)?) (?:mellan|på) (?:att )?(.+)", clause, re.I
        ) or re.search(
            r"skillnad(?:en|er)? ((?:\S+ ){0,3}\S+ (?:och|eller|vs\.?) .+)", clause, re.I
        )  # "skillnad tilldelningskriterium och kontraktsvillkor"
        if between:
            sides = _clean_sides(re.split(r",\s*|\s+och\s+|\s+eller\s+", between.group(1)))
            if sides:
                return sides
            continue  # "skillnaden mellan domarna": the sides are named in another clause
        # "bättre att dela upp upphandlingen än att reservera den, om …"
        than = re.search(r"\bbättre att (.+?) än att (.+)", clause, re.I)
        if than:
            return _clean_sides([than.group(1), re.sub(r",.*$", "", than.group(2))])
        # "vad skiljer IOP och LOV åt", "hur skiljer sig 4 kap. 18 § och 19 kap. 25 a § åt"
        both_apart = re.search(r"skiljer (?:sig )?(.+?) och (.+?)(?: sig)? åt\b", clause, re.I)
        if both_apart:
            return _clean_sides([both_apart.group(1), both_apart.group(2)])
        apart = re.search(r"skiljer (?:sig )?(.+?) (?:sig )?från (.+)", clause, re.I)
        if apart:
            return _clean_sides([apart.group(1), apart.group(2)])
        for joiner in (r"\s+jämfört med\s+", r"\s+vs\.?\s+", r"\s+versus\s+", r"\s+kontra\s+"):
            if re.search(joiner, clause, re.I):
                return _clean_sides(re.split(joiner, clause, flags=re.I))
        if re.search(r"\beller\b", clause, re.I):
            sides = re.split(r",\s*|\s+eller\s+", clause)
            if _OPENS_WITH_CHOICE.match(clause):  # "LOV eller IOP för daglig verksamhet": what for
                sides[-1] = re.sub(r"\s+(för|till|vid|när|i)\b.*$", "", sides[-1], flags=re.I)
            return _clean_sides(sides)
    for clause in clauses:  # "A och B – båda handlar om …, vad är skillnaden?"
        both = re.match(
            r"^\W*([\wåäöÅÄÖü:.-]+(?: [\wåäöÅÄÖü:.-]+)?) och ([\wåäöÅÄÖü:.-]+(?: [\wåäöÅÄÖü:.-]+)?)\b", clause
        )
        if both and len(clauses) > 1:
            return _clean_sides([both.group(1), re.sub(r" (handlar|gäller|är|har)$", "", both.group(2))])
    return []


# Alternatives listed first, then the comparison asked: "reserverat kontrakt, IOP och LOV – kan du
# jämföra de tre", "19 kap. 25 § och 19 kap. 25 a § LOU, vad är skillnaden".
_LIST_THEN_ASK = re.compile(
    r"^\W*(?P<list>[^?–:]+?(?:,|\s+och|\s+eller)\s+[^?–:,]+?)\s*(?:,|\s[–-]|:)\s*"
    r"(?P<ask>(?:vad|vilken|vilket|vilka|hur|när|kan du|kan ni|jämför|skillnad|samma sak|är (?:de|det) samma)\b.*)$",
    re.IGNORECASE,
)
MAX_SIDE_WORDS = 6
# "asf och samhall samma sak?", "är skyddad verkstad och samhall samma sak": is one the other
_SAME_THING = re.compile(
    r"^\W*(?:är\s+)?([\wåäö:-]+(?: [\wåäö:-]+){0,2}) och ([\wåäö:-]+(?: [\wåäö:-]+){0,2}),?\s+(?:samma sak|detsamma|samma)\W*$"
    # "är arbetsrättsliga villkor samma sak som sociala klausuler?", "e 4:18 samma som 19:25a?"
    r"|^\W*(?:är|e)\s+([\wåäö:-]+(?: [\wåäö:-]+){0,2}) samma (?:sak )?som ([\wåäö:-]+(?: [\wåäö:-]+){0,2})\W*$",
    re.IGNORECASE,
)
_WHICH_IS_BETTER = re.compile(
    r"\b(bäst|bättre|lämpligast|välja|jämföra|skillnaden|passar|funkar|samma)\b", re.IGNORECASE
)

# What comes before the first and after the second of two things asked for at once.
_SIDE_LEAD = re.compile(
    r"^\W*(?:(?:får|kan|ska|måste|bör) (?:vi|man)\s+)?(?:.*\b(?:ha|ställa|använda)\b\s+)?", re.IGNORECASE
)
_SIDE_TAIL = re.compile(r"\s+(i|för|på|vid) (samma|en|ett|vår|vårt)\b.*$", re.IGNORECASE)

# Words that open a yes/no question rather than an alternative ("Bör …", "Omfattas …").
_FINITE = frozenset("är bör ska får kan måste maste gäller omfattas räcker behöver finns har blir".split())


# Two short alternatives that open the question, then what they are for
_OPENS_WITH_CHOICE = re.compile(
    # "IOP, LOV eller reserverad upphandling för …" (not "vad är bättre, A eller B i …")
    r"^\W*(?:(?!(?:vad|hur|vilken|vilket|vilka|är|får|kan|ska|måste)\b)[\wåäö.:-]+(?: [\wåäö.:-]+){0,2},\s*){0,2}"
    r"[\wåäö.:-]+(?: [\wåäö.:-]+){0,2} eller [\wåäö.:-]+(?: [\wåäö.:-]+){0,2} (för|till|vid|när|i|om (vi|man|ni) vill)\b",
    re.IGNORECASE,
)


# "krav på kollektivavtalsenliga villkor eller bara minimilön, vad får vi?": the alternatives,
# then what is asked of them
_CHOICE_THEN_ASK = re.compile(
    r"^\W*[^,?]{3,80}\beller\b[^,?]{2,60},\s*(vad|vilket|vilken|vilka|vem) [^,?]{0,40}\?\s*$", re.IGNORECASE
)


def bare_choice(text: str) -> bool:
    """Two alternatives and nothing else asked: "Tvätten: reservera eller ställa
    sysselsättningskrav?" (but not "Får vi reservera städ eller tvätt?", "Vad gäller för A eller B?")."""
    if (
        _CHOICE_THEN_ASK.match(text)
        and (words_of(text) or [""])[0] not in _FINITE
        and not PERMISSION.search(text.split(",")[0])
    ):
        return True
    # ("reserverad upphandling eller IOP för ett café …" asks without a question mark)
    asked = text.rstrip().endswith("?") or (_OPENS_WITH_CHOICE.match(text) and "?" not in text)
    if PERMISSION.search(text) or not asked or text.count("?") > 1:
        return False
    pieces = re.split(r"[:–]\s*|\s-\s", text)
    clause = pieces[-1]
    first = (words_of(clause) or [""])[0]
    if len(pieces) == 1 and first not in _FINITE and _OPENS_WITH_CHOICE.match(clause):
        return True  # "LOV eller IOP för daglig verksamhet enligt LSS?"
    return bool(
        len(pieces) > 1  # a topic, then the alternatives
        and first not in _FINITE
        and re.search(r"\beller\b(?! (inte|något|nåt|så|liknande|motsvarande|andra)\b)", clause, re.I)
        and not QUESTION_START.search(clause)
        and not DEFINITION.search(clause)
    )


def _clean_sides(raw: list[str]) -> list[str]:
    out = []
    for side in raw:
        # (a side that is all filler goes: "A eller B, what's best")
        side = _SIDE_CLAUSE.sub("", side.strip(" ,.?!"))
        # ("… från sociala tilldelningskriterier, och vilket ger mest jobb?": not "…, och")
        side = re.sub(r"[,\s]+(och|samt|men)$", "", side, flags=re.IGNORECASE)
        side = _SIDE_FILLER.sub("", " " + side).strip()
        for _ in range(3):
            side = _SIDE_FRAME.sub("", side).strip()
        side = re.sub(
            r"^(bara|endast|enbart|bara en|bara ett) ", "", side, flags=re.IGNORECASE
        )  # "… eller bara minimilön"
        if re.match(
            r"^((och|samt|men) )?(vad|vilket|vilken|vilka|hur|vem|var (funkar|fungerar|passar|blir|är))\b|^(och|samt|men)$",
            side,
            re.IGNORECASE,
        ):
            continue  # "…, vad passar oss bäst", "…, och vilket är lättast": the question, not a side
        if re.fullmatch(r"(snabbt|kort|kortfattat|tack|pls|please|asap)", side, re.IGNORECASE):
            continue  # "A and B, snabbt": how to answer, not a side
        if re.fullmatch(r"(det|de|dem|dom|den|detta|dessa|sånt)", side, re.IGNORECASE):
            continue  # "går det, och hur skiljer det sig från LOU": a pronoun names no side
        if len(side) >= 2 and words_of(side):
            out.append(side)
    return shared_head(out)[:MAX_SIDES] if len(out) >= 2 else []


# Adjective endings: "obligatorisk", "frivilliga", "öppet", "förenklat", "reserverad", "nationella"
_ADJECTIVE = re.compile(
    r"^[a-zåäö]+(isk|iska|iskt|iv|iva|ivt|ig|iga|igt|lig|liga|ligt|ad|ade|at|et|ell|ella|ellt)$"
)


ARTICLE = re.compile(r"^(de|den|det|dom|en|ett)\s+(?=\S)", re.IGNORECASE)


_SIDE_OF = "över|under|före|efter|innan|inom|utanför"
_ON_EITHER_SIDE = re.compile(rf"^(.*?)\s*\b({_SIDE_OF})$", re.IGNORECASE)


def shared_head(sides: list[str]) -> list[str]:
    """ "Obligatorisk eller frivillig uteslutning": two adjectives share the noun after the last
    ("obligatorisk uteslutning", "frivillig uteslutning"), as "öppet eller förenklat förfarande"."""
    sides = [ARTICLE.sub("", s) for s in sides]  # "de obligatoriska och de frivilliga villkoren"
    *firsts, last = sides
    # "sociala krav i bygg kontra i städ": the second side is the same thing somewhere else
    elsewhere = re.match(r"^(i|på|för|vid|inom) \S", last, re.IGNORECASE)
    if (
        len(firsts) == 1
        and elsewhere
        and (cut := firsts[0].lower().find(f" {elsewhere.group(1).lower()} ")) > 0
    ):
        return [firsts[0], f"{firsts[0][:cut]} {last}"]
    # "sociala hänsyn i LUF jämfört med LOU": the same thing under the other law
    law = re.fullmatch(r"(vanlig(?:a|t)? )?(lou|luf|luk|lov)", last, re.IGNORECASE)
    under_law = (
        re.search(r"\b(i|enligt|inom) (lou|luf|luk|lov)\b", firsts[0], re.IGNORECASE) if firsts else None
    )
    if len(firsts) == 1 and law and under_law:
        return [
            firsts[0],
            f"{firsts[0][: under_law.start(2)]}{law.group(2).upper()}{firsts[0][under_law.end(2) :]}",
        ]
    # "19 kap 25 § eller 25 a §": the paragraph of the same chapter
    chapter = re.match(r"^(\d+ kap\.?) ", firsts[0], re.IGNORECASE) if len(firsts) == 1 else None
    if chapter and re.match(r"^\d+ ?[a-z]? ?§", last):
        return [firsts[0], f"{chapter.group(1)} {last}"]
    # "sociala hänsyn över och under tröskelvärdet": the thing on either side of the same line
    over = _ON_EITHER_SIDE.match(firsts[0]) if len(firsts) == 1 else None
    under = _ON_EITHER_SIDE.match(last)
    if over and not under and (line := re.match(rf"^({_SIDE_OF})\s+(\S.*)$", last, re.IGNORECASE)):
        topic = over.group(1)
        return [f"{topic} {over.group(2)} {line.group(2)}".strip(), f"{topic} {last}".strip()]
    head = last.split()[1:]
    if not head or not _ADJECTIVE.match(last.split()[0].lower()):
        return sides
    if not all(len(s.split()) == 1 and _ADJECTIVE.match(s.lower()) for s in firsts):
        return sides
    return [f"{s} {' '.join(head)}" for s in firsts] + [last]


def choice_topic(text: str) -> str | None:
    """What a choice is about when the question names it first: "Fairtrade – ska vi ha det som
    krav eller som tilldelningskriterium?", "Tillgänglighetskrav: i kravspecen eller som
    villkor?" (a short topic before a dash or colon, itself no alternative)."""
    found = _TOPIC_THEN_CHOICE.match(text)
    if not found or re.search(r"\beller\b|\bvs\b", found.group(1), re.IGNORECASE):
        return None
    topic = found.group(1).strip()
    return topic if 1 <= len(words_of(topic)) <= 3 else None


_TOPIC_THEN_CHOICE = re.compile(r"^\W*([^–:?]{2,40}?)\s*(?:[–:]|\s-)\s+\S.*\beller\b", re.IGNORECASE)
