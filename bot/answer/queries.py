"""Each part of a compound question and each side of a comparison as a search: a part that
points back ("… och vilka nivåer får vi kräva?") takes the topic of the part before it, and a
bare side ("krav" in "… som krav eller som tilldelningskriterium?") the question's topic."""

from __future__ import annotations

import re

from ..knowledge.refs import find_refs
from ..search.textproc import tokens, words
from .analysis import Analysis, part_intent, words_of
from .comparison import choosing, instrument_names
from .filters import detect_instruments


def part_queries(parts: list[str]) -> list[str]:
    """Each part of a compound question as a search. A later part that says little alone and
    points back ("Och vilka nivåer gäller då?") is searched with the topic of the part before
    it ("… arbetsrättsliga villkor städupphandlingen")."""
    out = []
    for n, part in enumerate(parts):
        own = [t for t in tokens(part) if t not in PART_FRAME_TOKENS]
        # "… sysselsättningskrav och hur följer man upp dem?": "dem" are the requirements
        # ("… och vilka tjänster kan reserveras för dem?": "dem" are those the part before named)
        them = n and POINTS_TO_THEM.search(part) and (names_none(part) or FOR_THEM.search(part))
        # "vad är IOP, och får en region använda det för kvinnojourer?": "det" is the term asked
        it = n and part_intent(parts[n - 1]) == "definition" and USES_IT.search(part)
        leans = (
            (len(own) <= PART_ALONE_WORDS and POINTS_BACK.search(part))
            # "… inte betalat skatt? Och vad gäller om de betalar i efterhand?", "Vad är IOP, är det
            # förenligt med LOU?": "de" and "det" are what the part before asked about
            or (len(own) <= SUBJECT_ALONE_WORDS and THEY_DO.search(part))
            # "Kan vi reservera …, och vilken paragraf gäller?", "Vad är … och hur gör man i
            # praktiken?": a bare ask for the rule or the way, of what the part before asked
            or (n and len(own) <= PART_ALONE_WORDS and BARE_ASK.search(part))
            # "reserverad upphandling: hur stor andel …, och måste vi annonsera?": annonsera what was asked
            or (n and len(own) <= PART_ALONE_WORDS and BARE_VERB.match(part) and names_none(part))
            or (len(own) <= FOLLOW_UP_WORDS and FOLLOWS_UP.search(part))
            or (n and names_again(part, parts[n - 1]))
            # "vad är IOP och vilken lag gäller då …?": "då" is when the term asked is used
            or (n and THEN.search(part) and part_intent(parts[n - 1]) == "definition")
            # "Måste vi ställa arbetsrättsliga villkor, och vilka nivåer får vi kräva?": a short
            # part that asks for a level and names no instrument asks about the one before
            or (
                n
                and len(own) <= FOLLOW_UP_WORDS
                and OF_WHAT.search(part)
                and names_none(part)
                and not names_none(parts[n - 1])
            )
        )
        if n and BREACH.search(part):
            # "… och vad händer om de inte gör det?": what a buyer can do when the supplier
            # does not keep what the part before asked of it
            out.append(
                BREACH.sub("vad gör vi när leverantören inte uppfyller kraven i avtalet", part, count=1)
            )
            continue
        if n and (it or them or leans):
            topic = [
                w
                for w in words(out[n - 1])  # as searched: "… hur hittar vi dem, och får vi gynna dem?"
                if len(toks := tokens(w)) == 1
                and toks[0] not in own
                and w.lower() not in FRAME
                and w.lower() not in PART_FRAME
            ][:4]
            named = " ".join(topic)
            if it and topic:
                part = USES_IT.sub(
                    lambda m, named=named: f"{m.group(1) or m.group(3) or m.group(5) or m.group(7)} {named}",
                    part,
                    count=1,
                )
            elif them and topic:
                part = POINTS_TO_THEM.sub(named, part, count=1)
            else:
                # ("Vad säger 4 kap 18 § LOU, vilka får delta": the provision whole, not "kap 18 lou")
                cited = [] if find_refs(part) else find_refs(out[n - 1])
                part = " ".join([part, *([str(cited[0])] if cited else topic)])
        out.append(part)
    return out


def names_none(part: str) -> bool:
    return not detect_instruments(part, words_of(part))


def names_again(part: str, before: str) -> bool:
    """ "… sociala krav? och måste kravet ha med kontraktet att göra?": the part names, in its
    definite form, a thing the part before it named, and so asks about that thing."""
    earlier = set(tokens(before))
    return any(
        word.endswith(DEFINITE) and tokens(word) and tokens(word)[0] in earlier
        for word in words(part)
        if len(word) > 5
    )


DEFINITE = ("en", "et", "na", "erna", "arna")


# A part with this many content words or fewer that points back ("då", "dem", "det") leans on
# the part before it.
PART_ALONE_WORDS = 1
# A part that follows up on the one before ("om inte, vad kan vi kräva istället?") leans on it
# with up to this many content words.
FOLLOW_UP_WORDS = 2
FOLLOWS_UP = re.compile(
    # "…, och vad behöver vi ha för underlag?": what is needed for the thing the part before asked
    # ("… och hur annonserar man en sådan reservation?": the one the part before named)
    r"\b(istället|i stället|annars|om inte|i så fall|om vi avstår|vad (behöver|krävs|måste)|(en|ett) sådan|sådant"
    r"|(göra|gör) (likadant|samma sak|detsamma|så))\b",  # "… och kan vi göra likadant i en mindre kommun?"
    re.IGNORECASE,
)
# ... and one that asks for a level, an amount or a rule without saying of what
OF_WHAT = re.compile(
    r"\b(nivå\w*|belopp\w*|\w*gräns(er|erna|en)?|regler(na)?|andel(en|ar)?|procent|stöd|vad säger|hur många|rimlig\w*"
    r"|vilka (får|kan) (delta|vara med|lämna anbud)|hur mycket)\b",  # "…, vilka får delta": in what was asked before
    re.IGNORECASE,
)
POINTS_BACK = re.compile(
    r"\b(då|det|de|dem|dom|dessa|detta|den|sånt|såna|där|samma|likadant|detsamma)\b", re.IGNORECASE
)
BARE_ASK = re.compile(
    r"\b(vilken|vilka|vilket) (paragraf|paragrafer|lag|lagar|lagrum|bestämmelse|bestämmelser|regel|regler)"
    r" (gäller|styr|är det)\b|\bhur (gör|går|funkar|fungerar) (man|vi|ni|det)\b|\bvad säger lagen\b",
    re.IGNORECASE,
)
BARE_VERB = re.compile(r"^\W*(måste|får|kan|ska|behöver|bör) (vi|man|ni) [a-zåäö]+\W*$", re.IGNORECASE)
THEN = re.compile(r"\b(då|i så fall)\b", re.IGNORECASE)
# ... and one whose subject is "de", "den" or "hen" with up to this many
SUBJECT_ALONE_WORDS = 3
THEY_DO = re.compile(
    r"\b(om|när|ifall|innan|att|sedan) (de|dom|den|hen)\b|^\W*(är|var|blir) (det|den|de|dom)\b"
    r"|\b(gäller|gällde) (det|detta|den|de|dom)\W*$"  # "och hur många år bakåt gäller det?"
    r"|\b(uppfyller|klarar) (det|detta|den|de|dom)\W*$"  # "… och hur kollar vi att anbudsgivaren uppfyller det?"
    # "…, och hur kontrollerar vi det innan tilldelning?"
    r"|\b(kontroller\w*|koll(ar|a)|verifier\w*|granska\w*) (vi |man )?(det|detta|den|de|dom)\b"
    r"|\b(är|blir) (det|detta|ett sådant|en sådan)\W*$"  # "… hur kontrollerar vi att en anbudsgivare är det?"
    r"|\b(under|över) (den|det|dem|dom|gränsen)\W*$",  # "vad är gränsen, och får vi välja … under den?"
    re.IGNORECASE,
)
# ("… och vad gäller om de inte betalt skatt?" asks of a ground for exclusion, not a breach)
BREACH = re.compile(
    r"\bvad (händer|gäller|gör (vi|man|ni)|kan (vi|man|ni) göra)( då)? (om|ifall|när) (de|dom|den|hen|leverantören"
    r"|företaget|entreprenören|utföraren) (inte(?! (har )?betal\w*)|int|bryter|struntar|missar|fuskar|slarvar|sviker|skiter)\b[^?]*",
    re.IGNORECASE,
)
POINTS_TO_THEM = re.compile(r"\b(dem|dom|dessa|sådana|såna)\b", re.IGNORECASE)
FOR_THEM = re.compile(r"\b(för|åt|till) (dem|dom|dessa|sådana|såna)\b", re.IGNORECASE)
USES_IT = re.compile(
    r"\b(använda|använder|tillämpa|tillämpar|kombinera|välja|ha|köpa|upphandla|reglerar|styr) (det|den|detta)\b"
    r"|\b(skiljer) (det|den|detta)(?= sig\b)"  # "vad är LOV, hur skiljer det sig från …"
    r"|\b(går|funkar|fungerar) (det|den|detta)(?= att\b)"  # "vad är LOV och går det att kombinera med …"
    r"|\b(får|kan|bör|ska|måste) (det|den|detta)(?= (användas|tillämpas|väljas|köpas)\b)",  # "… får det användas …"
    re.IGNORECASE,
)
PART_FRAME = frozenset(
    "måste får kan ska vi man ställa ha göra också vilken paragraf reglerar regleras".split()
)
# Words of a part that say how, not what ("hur går vi till väga om vi vill göra likadant").
PART_FRAME_TOKENS = frozenset(tokens("går gå väga likadant detsamma göra gör kör funkar fungerar"))


def side_query(side: str, analysis: Analysis) -> str:
    """A side of a comparison as a search: the side itself, with the question's topic added
    when the side alone is one bare word that is not the topic ("krav" in "Fairtrade – ska vi
    ha det som krav eller som tilldelningskriterium?" searches "krav Fairtrade")."""
    named = " ".join(s.lower() for s in analysis.sides)
    topic = [w for w in words(analysis.question) if w not in named and w not in FRAME and len(tokens(w)) == 1]
    if len(tokens(side)) > 1:
        if not choosing(analysis):
            return side
        # a choice weighs instruments: "krav på praktikplatser" is searched as a sysselsättningskrav;
        # a side that names none ("tilldelningskriterium eller obligatoriskt krav … fler lärlingar")
        # is about the question's topic
        about = topic[:2] if names_none(side) and GENERIC_SIDE.search(side) else []
        return " ".join([side, *instrument_names(side), *about])
    names = instrument_names(side) if choosing(analysis) else []  # "reservation": a reserverad upphandling
    return " ".join([side, *names, *topic[:2]])


# A side that is a requirement of no named kind ("obligatoriskt krav", "ett villkor i avtalet")
GENERIC_SIDE = re.compile(
    r"\b(krav|kravet|villkor|villkoret|skallkrav|ska-krav|obligatoriska?)\b", re.IGNORECASE
)
# Words that frame a comparison rather than name its topic.
FRAME = frozenset(
    "vad skillnaden skillnad mellan eller passar bäst bättre smidigast ska bör kan vi ha det som skiljer "
    "jämfört jämför jämföra med båda bägge vinna välja köra använda egentligen två tre alla tips för- nackdelar "
    "fördelar vs versus grejen grej diff diffen whats what's kort kortfattat e ar fattar inte lol förstår".split()
)
