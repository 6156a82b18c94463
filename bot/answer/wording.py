"""The wording that marks what a question asks: a comparison, a definition, a permission, a provision,
start of a question; and the words of a text. `analysis` reads the intent with these and `sides`
finds what a comparison weighs."""

from __future__ import annotations

import re

COMPARISON = re.compile(
    r"\b(skillnad(en|er)?|jämför|jämfört med|versus\b|vs\b\.?|kontra\b|eller\b.*\b(bäst|best|better|passar|smidigast|"
    r"bättre|välja|väljer|föredra|rekommender|ska vi (köra|ha|välja|använda))|(bäst|passar bäst|smidigast|"
    r"bättre|mest|säkrast|hellre|lämpligast|enklast|smartare|klokare|vettigare)\b.*\beller\b|what.?s the diff|skiljer|\bbåda\b|\bbägge\b"
    # ... but "funkar A på riktigt eller e det mest pappersexercis" asks whether A works
    r"|\beller\b(?! (är|e|ar) (det|de|dom)\b).*\b(vilket|vilken|mest|säkrast|hellre|lämpligast|enklast)\b"
    # "A eller B – för- och nackdelar?", "är det bättre att A än att B?"
    r"|\beller\b.*\b(för- och nackdelar|fördelar och nackdelar|pros and cons)|\bbättre att\b.+\bän att\b"
    r"|\bvälj(a|er)?( vi| man| ni)? mellan\b.+\boch\b"  # "hur väljer vi mellan A och B"
    r"|\bpå samma sätt i\b.+\bsom i\b"  # "gäller det på samma sätt i LUF som i LOU?"
    r"|\b(ska|bör) (vi|man) \w+\b.*\beller\b(?! (inte|något|nåt|så|liknande|motsvarande)\b)"
    # "ska sysselsättningskravet ligga som kontraktsvillkor eller som tilldelningskriterium?"
    r"|\b(ska|bör) [\wåäö]+ (vara|ligga|läggas|ställas|användas|bli|in) .*\beller\b(?! (inte|något|nåt|så|liknande|motsvarande)\b))",
    re.IGNORECASE,
)
# Chat before the question itself: "sorry dum fråga men vad e …"
CHAT_OPENING = r"^\W*((ok|okej|hej|jaha|aha|så|men|och|alltså|asså|assa|typ|ba|basically|btw|so|hallå|hörru|sorry|förlåt|ursäkta|(en |kanske )?(dum|korkad|enkel) fråga)\W+)*"
DEFINITION = re.compile(
    CHAT_OPENING
    + r"(vad (är|e|ar|betyder|menas med|innebär|heter)|vad är det för|what is|what are|what does|förklara|define"
    # "nån som kan förklara reserverad upphandling enkelt", "kan du förklara IOP"
    + r"|(nån|någon|ngn) som kan förklara|kan (du|ni|nån|någon|ngn) förklara"
    # "vad står förkortningen IOP för?"
    + r"|vad står (förkortningen |bokstäverna )?[\wåäö.:-]+ för)\b",
    re.IGNORECASE,
)
PERMISSION = re.compile(
    r"\b(får (vi|man|jag|kommunen|regionen|ni)|kan (vi|man|jag|kommunen|regionen)|måste (vi|man|jag|"
    r"kommunen|regionen)|ska (vi|man)|behöver (vi|man)|är (det|vi) (ok|okej|tillåtet|lagligt|förbjudet|"
    r"olagligt|skyldiga|tvungna)|(?<!hur )(går|funkar) det( att)?\b|är det möjligt|"
    r"can we|may we|must we|do we have to|is (it|this|that) (even )?(ok|allowed|legal))",
    re.IGNORECASE,
)
# "Får Samhall lämna anbud i en upphandling enligt 4 kap. 18 §?": whether a named party may
NAMED_MAY = re.compile(
    r"^\W*(?i:får|kan|måste) [A-ZÅÄÖ][\wåäö]+ (lämna|vara|delta|vinna|ta|anlitas|räknas)\b"
)
QUESTION_START = re.compile(
    r"^(och |samt |men |om inte,? |dessutom |också )?(måste|får|kan|ska|hur|vad|vem|vilka|vilken|vilket|"
    r"är|gäller|behöver|finns|när|var|vart|varför|har|hade|går|blir)\b",
    re.IGNORECASE,
)
WORD = re.compile(r"[0-9a-zåäöéü:-]+", re.IGNORECASE)


def words_of(text: str) -> list[str]:
    """Lower-case words; a hyphenated one also yields its parts ("IT-upphandling", "LOV-system")."""
    out = []
    for word in WORD.findall(text.lower()):
        out.append(word)
        if "-" in word.strip("-"):
            out.extend(part for part in word.split("-") if part)
    return out


# Judgments asked about in general ("finns det domar om …", "har någon domstol prövat …"), not
# what "domstolen" said in one case
RULINGS = re.compile(
    r"\b(domar|domstolar|domstolarna|någon domstol|nån domstol|rättsfall|rättspraxis|praxis|"
    r"prövats i domstol|prövat i domstol|case law|court rulings?|rulings"
    # "finns det någon dom om …": one ruling ("dom" alone is also chat for "de", and "en dom för
    # människohandel" is a conviction)
    r"|((någon|nån|ngn|en|ingen) dom|domen) (om|i|från|kring)|domstolsavgörande\w*"
    r"|risk(en)? (för|att) (en |bli |vi blir )?överpröv\w*"  # "risk för överprövning om vi har …": what courts said
    r"|eu-dom(en|ar|arna)?|vilken dom"  # "Vilken EU-dom handlar om …": the judgment is what is asked
    r"|(vad (säger|sa|har)|har) (kammarrätten|kammarrätterna|förvaltningsrätten|hfd|högsta förvaltningsdomstolen))\b",
    re.IGNORECASE,
)

# How a file's short answer opens when it answers a yes-or-no question, and the sections that
# explain without one.
POLAR = re.compile(r"^(Ja|Nej|Det beror på)\b")
YES_OR_NO = re.compile(r"^(Ja|Nej)\b")
EXPLAINING_SECTIONS = ("forklaring", "jamforelse", "vad-lagen-sager", "vad-bestammelsen-sager")

# Two things at once: "kombinera A med B", "A och samtidigt B", "både A och B"
COMBINE = re.compile(
    r"\bkombiner\w*|\boch samtidigt\b|\bbåde\b.+\boch\b|\bcombine\b|\boch\b[^,.?]+\bsamtidigt\b",
    re.IGNORECASE,
)

# "var i LOU regleras uteslutning?", "vilken paragraf?": a question for the provision itself
WHICH_PROVISION = re.compile(
    r"\b(var i (lou|luf|luk|lov|lagen)|vilken (paragraf|bestämmelse|regel i lagen)|vilket kapitel|vilka paragrafer"
    r"|vilken lagparagraf|vilket lagrum|i vilken lag|var (står|regleras|finns|hittar (jag|vi|man)) (det |reglerna|bestämmelser\w*|paragrafen\w*)"
    r"|var regleras|which (section|article|provision))\b|\b(vilken|vilka|vilket) §"
    r"|\bfinns det (en|någon|nån|ngn) (bestämmelse|paragraf|lagparagraf)\b",  # "…, vilken?"
    re.IGNORECASE,
)
# "vilken paragraf gäller?": the provision that governs it ("gäller" asks for no permission here)
WHICH_GOVERNS = re.compile(
    r"\b(vilken|vilka|vilket) (paragraf|paragrafer|lagrum|bestämmelse) (gäller|styr)\b", re.I
)

# "hur gör vi …", "tips för att …", "sysselsättningskrav hur": a way to do it
HOW_TO = re.compile(
    r"\b(hur (?!mycket|många|länge|stor|ofta|lång|gammal)[a-zåäö]+ (vi|man|jag|ni|de|dom)\b|hur går (vi|man) till väga"
    # "nån som vet hur man formulerar ett sysselsättningskrav"
    r"|hur (man|vi) (ska |kan |bör )?[a-zåäö]+(ar|er|ir)\b"
    # "Hur går en leverantörsdialog med sociala företag till?", "Var hittar vi nivåerna …?"
    r"|hur går ([\wåäö]+ ){1,6}till\b|var hittar (vi|man|jag) (?!(det|reglerna|bestämmelse\w*|paragraf\w*)\b)"
    # "vad är bästa sättet att stödja sociala företag": a way to do it, not what a word means
    r"|vad är (det )?(bästa|enklaste|smartaste|smidigaste|rätta) (sättet|vägen)\b"
    r"|vad (ska|bör|behöver|måste) (vi|man) tänka på|vad kan (vi|man|jag|ni) göra för att|steg för steg|how (do|can|should) (we|i)|tips på hur|checklista"
    # "tips för att följa upp sociala krav"
    r"|\bhur\b[^?]*\b(rent praktiskt|i praktiken)\b|(?<=\w) hur\W*$|\btips (för att|om hur|kring|inför)\b|\bge (mig|oss) (några |lite )?tips\b|^\W*(vi|jag) (vill|ska)\b.*\btips\W*$"
    # "vilka sociala företag finns det i skåne?": how to find them
    r"|\bvilka (arbetsintegrerande )?sociala företag (som )?finns\b"
    # "anbudet e sjukt lågt, misstänker lönedumpning, vad gör vi nu": what to do about it
    r"|vad gör (vi|man|jag)( nu| då)?\W*$|var (börjar|startar) (vi|man|jag)\b|var ska (vi|man|jag) (börja|starta)\b"
    # "tips på formuleringar för sysselsättningskrav", "finns det nån mall för …"
    r"|tips på (formulering|skrivning|text)\w*|(exempel på|förslag på) formulering\w*|\bmall(ar|en)? (för|på|till)\b"
    # "hur bör ett socialt tilldelningskriterium formuleras?"
    r"|hur (bör|ska|skall|kan|måste) ([\wåäö]+ ){1,4}(formuleras|utformas|skrivas|viktas|följas upp|kontrolleras|"
    r"göras|ställas|användas|genomföras|hanteras|utvärderas))",
    re.IGNORECASE,
)

# "står det i LOU att vi får reservera?" asks a yes or no; "var står det …", "19 kap. 25 § LOU"
# and "vilken paragraf …" ask for the provision, whose law text answers before a file's "Ja"
POLAR_START = re.compile(
    r"^\W*(får|kan|måste|ska|skall|bör|behöver|är|finns|står|gäller|stämmer|räcker|krävs)\b", re.IGNORECASE
)
