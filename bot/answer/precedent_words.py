"""The wording that asks for precedents ("har någon kommun gjort …", "finns det exempel på …",
"vilka har avtal med Samhall?"), apart from the rest of question analysis: `analysis` reads
the intent with these, and the composer asks of each part of a compound question whether it
asks for cases."""

from __future__ import annotations

import re

PRECEDENT = re.compile(
    r"\b((?<!\btill )exempel|exemplen|exemplet|examples?"
    r"|vilka ((offentliga|andra|svenska|statliga|kommunala) )?(kommuner|regioner|myndigheter|bostadsbolag|köpare|organisationer)"
    r"|har (någon|nån|några|ngn|andra|något|nåt) (kommun|region|myndighet|bostadsbolag|köpare|annan|gjort|reserverat|använt)"
    r"|hur (gjorde|har) [A-ZÅÄÖ]|hur gjorde|how did (they|you|it|the[a-z]*)\b|finns det (några|nån|någon)? ?(kommuner|regioner|fall)"
    r"|andra kommuner|erfarenhet(er)? av|case|cases|precedents?|prejudikat|goda exempel|lyckade"
    r"|(hur|vad) (gör|gjorde|brukar) andra|hur har andra"  # "… vi vill ha med praktikplatser, hur gör andra?"
    # "… och har Region Örebro län använt den?": what a buyer named has done
    r"|\bhar (?-i:[A-ZÅÄÖ])[\wåäö]+ [\wåäö ]{0,25}?(använt|gjort|reserverat|ställt|köpt|upphandlat)\b"
    r"|hur (jobbar|arbetar|har) [\w ]{0,25}(kommuner|regioner|städer|myndigheter|bostadsbolag)"
    r"|hur gick det (för|när|i|med) "
    # "vilka har ställt sysselsättningskrav", "har någon i Uppsala län reserverat …"
    r"|(vilka(\s+[\wåäö]+){0,3}?\s+har(?! (vi|ni|man|jag)\b)|vem har|(någon|nån|ngn|några|nåra) som( har| hade)?|har (någon|nån|ngn|några|andra)|vad har(?! (vi|ni|man|jag)\b))\b"
    r"(\s+[\wåäö]+){0,4}?\s+(gjort|reserverat|använt|ställt|haft|köpt|upphandlat|testat|provat|infört|jobbat|"
    r"arbetat|kört|låtit|vunnit|fått|ingått|tecknat|levererat|samverkat|uteslutit|krävt|hävt)\b"
    r"|\bhar (någon|nån|ngn|några|nåra|andra)\b(\s+[\wåäö]+){0,4}?\s+[\wåäö]{4,}(ats?|its?)\b"  # "… direktupphandlat"
    # "finns det reserverade upphandlingar som överprövats?": purchases something was done to
    r"|\bfinns (det|de) (några |nån |någon )?([\wåäö]+ )?[\wåäö]*(upphandlingar|krav|kontrakt|avtal)\w* som (har )?[\wåäö]{4,}(ats|its)\b"
    r"|\b(någonstans|nånstans|ngnstans)\b"
    # "cykelverkstad som drivs av ett socialt företag åt en region, finns det sånt?": the case described
    r"|\bfinns (det|de) (något |nåt |ngt |nån |någon |några )?(sånt|sådant|såna|sådana|sån|sådan)\s*(\?|$)"
    # "finns det sociala företag som kan sköta parker?": who does it, as the cases show
    r"|\bfinns (det|de) (några |nån |någon )?(sociala|arbetsintegrerande) (företag|kooperativ)\w* som (kan|har|sköter|jobbar)\b"
    # "nån bussupphandling där förarna fick behålla jobbet?": a purchase where something was done
    r"|^\W*(någon|nån|ngn|några|nåra)\s+[\wåäö]*(upphandling|upphandlingar|avtal|kontrakt)\s+(där|som)\b"
    # "vilka har IOP med idéburna?": who has one
    r"|^\W*vilka har (ett |en |några )?(iop|idéburet offentligt partnerskap|partnerskap|avtal med|kontrakt med|"
    r"sysselsättningskrav|sociala krav|sociala klausuler)\b"
    # "finns det upphandling av kontorsmaterial från skyddad verkstad?": a purchase made
    r"|\bfinns (det|de) (någon |några |nån |ngn |ngra )?(upphandling(ar)?|inköp|kontrakt) (av|från|med|där)\b"
    # "finns det reserverade upphandlingar inom bygg?": such purchases made in a field
    r"|^\W*finns (det|de) (några |nån |ngn |ngra )?[\wåäö]{4,}[ae] (upphandlingar|kontrakt|avtal) (inom|av)\b"
    # "vem har direktupphandlat cykelservice …", "vilka (i Stockholms län) har direktupphandlat från …",
    # "känner du till fall där en kommun uteslutit …"
    r"|\b(vem|vilka)( (i|inom|från) [^?]{2,30}?)? (har|hade)\s+(?!(vi|ni|man|jag)\b)([\wåäö]+\s+){0,1}?[\wåäö]{4,}(at|it)\b"
    r"|\bkänner (du|ni) till\b[^?]{0,30}\b(fall|upphandling\w*|kommun\w*|region\w*|exempel)\b|\bfall där\b"
    # "vilka offentliga köpare har Samhall som leverantör", "vilka byggupphandlingar i Stockholms
    # län har haft krav på lärlingar": which buyers or contracts have something
    r"|\bvilka(\s+[\wåäö]+){0,2}?\s+[\wåäö]*(upphandlingar|kommuner|regioner|köpare|myndigheter|bostadsbolag"
    r"|städer)\b[^?.]{0,30}?\b(har|hade)\s+(?!(rätt|möjlighet|skyldighet|ansvar|tillsyn)\b)"
    # "kan du visa upphandlingar där …", "visa några exempel", "visa reserverade upphandlingar"
    r"|\bvisa (mig |oss )?(några |nåra |fler )?([a-zåäö]+[ae] )?(upphandlingar|exempel|avtal|kontrakt|fall)\b"
    # "kommunala bolag som använt sysselsättningskrav?", "regioner som har reserverat"
    r"|\b(kommuner|regioner|myndigheter|bolag|bostadsbolag|städer|köpare)\b[^?]{0,40}\bsom (har |hade )?"
    r"(gjort|reserverat|använt|ställt|köpt|upphandlat|testat|infört|jobbat|arbetat)\b"
    # "kommun som ställt krav på schyssta villkor för kaffe?": a question that opens with the buyer
    r"|^\W*(en )?(kommun|region|myndighet|bostadsbolag|köpare) som (har |hade )?(gjort|reserverat|använt|ställt|"
    r"köpt|upphandlat|testat|infört|krävt)\b"
    # "någon kommun som köper återbruk från sociala företag?"
    # "nån i Västra Götaland som reserverat städ …?"
    r"|\b(någon|nån|ngn|några|nåra) (i|från|inom) [^?]{2,30}?\bsom (har |hade )?(gjort|reserverat|använt|"
    r"ställt|köpt|upphandlat|testat|infört|jobbat|arbetat|krävt)\b"
    r"|\b(någon|nån|ngn|annan) (kommun|region|myndighet|bostadsbolag|köpare)\b[^?]{0,20}\bsom( redan)? "
    r"(köper|använder|reserverar|ställer|upphandlar|jobbar|arbetar|har)\b"
    # "nån kommun i värmland med sysselsättningskrav?"
    r"|^\W*(någon|nån|ngn|några|nåra) (kommun|region|myndighet|bostadsbolag|köpare|kommuner|regioner|myndigheter)"
    r"\s+(i|med|inom|från|där)\b"
    r"|\bhar (kommunerna|regionerna|myndigheterna|bostadsbolagen|städerna|landstingen|andra)\b"
    # "har kommunala bostadsbolag haft sysselsättningskrav?", "har flera kommuner gått ihop och upphandlat …"
    r"|\bhar (några |andra |något |nåt |någon |nån |flera |olika )?(kommunala |kommunalt |allmännyttiga |allmännyttigt |statliga )?(kommuner|regioner|bostadsbolag|bolag|städer|"
    r"myndigheter)\b(\s+[\wåäö]+){0,4}?\s+(gjort|reserverat|använt|ställt|haft|köpt|upphandlat|testat|provat|"
    r"infört|jobbat|arbetat|krävt)\b"
    # "har ett kommunalt energibolag ställt sociala krav?"
    r"|\bhar (ett|en|något|nåt|någon|nån) (kommunalt|kommunal|allmännyttigt|statligt|statlig) [\wåäö]+"
    r"\b(\s+[\wåäö]+){0,4}?\s+(gjort|reserverat|använt|ställt|haft|köpt|upphandlat|testat|provat|"
    r"infört|jobbat|arbetat|krävt)\b"
    # "känns som att ingen gör reserverat, stämmer det?", "gör nån verkligen det?": who does it
    r"|\b(ingen|inga|nästan ingen|knappt någon|knappt nån) (kommun |kommuner |region |regioner |myndighet |köpare )?"
    r"(gör|använder|reserverar|ställer|köper|upphandlar|jobbar|har (gjort|använt|reserverat))\b"
    r"|\bgör (någon|nån|ngn|några) (kommun |region )?(verkligen |faktiskt |ens )?(det|så|detta)\b"
    # "vilken kommun var först med en reserverad upphandling?": who did it first
    r"|\bvilken (kommun|region|myndighet|köpare|stad) (var|blev) (först|den första)\b)",
    re.IGNORECASE,
)
# "Har Stockholms stad arbetsrättsliga villkor i sina städupphandlingar?": what a buyer has done
IN_THEIR_CONTRACTS = re.compile(r"\b(i|på) sina \w*(upphandling|avtal|kontrakt|inköp)\w*", re.IGNORECASE)
# "finns det färdiga mallar nånstans?" asks where to find a template, not for precedents
TEMPLATES = re.compile(
    r"\b(mall|mallar|mallen|modellvillkor|formuleringar|checklist\w*|vägledning\w*|verktyg)\b", re.IGNORECASE
)
ANYWHERE = re.compile(r"\b(någonstans|nånstans|ngnstans)\b", re.IGNORECASE)
# "kan vi ändå få in sociala grejer nånstans?" asks where in our own procurement
OUR_OWN = re.compile(r"\b(kan|får|ska|bör|måste) (vi|man|jag)\b", re.IGNORECASE)


def without_anywhere(text: str) -> str:
    """The text without "nånstans" where it asks for a template or a place in our own
    procurement ("kan vi få in sociala grejer nånstans?"), not for cases elsewhere."""
    return ANYWHERE.sub(" ", text) if TEMPLATES.search(text) or OUR_OWN.search(text) else text


# "någon kommun som reserverat", "vilka allmännyttiga bostadsbolag har ställt krav": a question
# about buyers (or contracts) in the past tense asks for precedents.
ASKS_ABOUT_BUYERS = re.compile(
    r"\b(vilka|vilken|någon|några|nån|ngn|något|andra)\s+(\w+\s+){0,2}(kommun(er)?|region(er)?|myndighet(er)?|"
    r"bostadsbolag|bolag|köpare|städer|organisationer|upphandlingar|kontrakt|avtal)\b"
    # "… som kommuner anlitat": the buyers as a plural, not "vi som kommun"
    r"|\bsom\s+(andra\s+)?(kommuner|regioner|myndigheter|köpare)\b",
    re.IGNORECASE,
)
PAST = re.compile(
    r"\b(har|hade|som)\b(\s+\w+){0,3}?\s+\w+(at|it|tt|ts|ats|its|ort|ått)\b|\b(gjort|gjorts|fått|ställt|"
    r"använt|reserverat|infört|köpt|upphandlat|genomfört|testat|provat|lyckats|haft)\b"
    # "vilka upphandlingar gjordes 2019?", "… som reserverades": the past passive
    r"|\b(gjordes|genomfördes|köptes|ställdes|användes|[\wåäö]{3,}ades)\b",
    re.IGNORECASE,
)
# "vad gjorde Cykelreturen och vem köpte av dem?", "vilka har avtal med Samhall?", "vad köpte
# Region Örebro län av Cykelreturen och hur gick det till?": what a named organisation did, and
# for whom
ABOUT_A_CASE = re.compile(
    r"\bvad (gjorde|köpte)\b|\bhur gick det till\b|\bhur gick det( egentligen| sen| då| för dem)?\W*$|\bvem (köpte|har köpt|anlitade|har anlitat|upphandlade)\b|\b(har|hade|med) avtal med\b",
    re.IGNORECASE,
)


def asks_for_precedents(text: str) -> bool:
    """Does this question (or part of one) ask who has done something ("har någon kommun gjort så?")."""
    return bool(
        PRECEDENT.search(text)
        or ABOUT_A_CASE.search(text)
        or (ASKS_ABOUT_BUYERS.search(text) and PAST.search(text))
    )


# "kan du ge ett bra exempel att visa i KF?", "gör ngn annan kommun sånt här eller är vi först?":
# examples of what Hänsyn is about, whatever the search finds for the rest of the words
ANY_EXAMPLE = re.compile(
    r"\b(ge|visa|tipsa om) (mig |oss )?(ett|två|tre|fyra|fem|några|nåra|något|nåt|ngt) (bra |gott |goda |konkret |konkreta "
    r"|lyckat |lyckade )?exempel\b"
    r"|\b(gör|gjorde|har) (någon|nån|ngn|några|nåra) (annan|andra) (kommun|kommuner|region|regioner)\b"
    r"[^?]{0,15}\b(sånt|så|det|samma)\b"
    r"|\bär vi (först|ensamma|de första|den första)\b",
    re.IGNORECASE,
)


# "Finns det exempel på en reserverad upphandling som överprövats?", "… blivit överprövad i
# domstol?": the precedents that were tried in court (their `court_review`)
def asks_in_court(text: str) -> bool:
    """Does a lookup ask for cases tried in court ("… som överprövats?"), not what the risk of a
    review is ("vad är risken för överprövning, och finns det exempel från Skåne?")?"""
    return bool(IN_COURT.search(RISK_OF_REVIEW.sub("", text)))


RISK_OF_REVIEW = re.compile(r"\brisk\w*\s+(för|att)\s+(en\s+|bli\s+)?(överpröv|överklag)\w*", re.IGNORECASE)
IN_COURT = re.compile(
    r"\b(överpröv\w*|överklag\w*|(prövats?|prövades|prövad|prövade|hållit|höll|stod sig) i (domstol\w*|rätten)"
    r"|i domstol|domstolsprövning\w*|fått rätt i \w*rätten)\b",
    re.IGNORECASE,
)
NOT_TRIED = re.compile(r"^\s*ingen (domstolsprövning|överprövning|prövning)", re.IGNORECASE)


def tried_in_court(record: dict) -> bool:
    review = record.get("court_review")
    return bool(review) and not NOT_TRIED.search(str(review))
