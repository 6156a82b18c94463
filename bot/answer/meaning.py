"""The ways people ask what a word means ("asf vad e det", "vad betyder …", "skyddad verkstad =
samhall?"), read by the question analysis for the definition intent and for a question that
asks no yes or no."""

from __future__ import annotations

import re

from .wording import CHAT_OPENING

# "ASF – vad står det för?", "asf, vad är det?", "vad har en matchningsansvarig för uppgift?", "är det samma sak som …"
DEFINITION_ANYWHERE = re.compile(
    r"\bvad (står|stod) [\wåäö]+ för\b|\bvad har (en|ett) [\wåäö]+ för (uppgift|roll|ansvar)\b"
    r"|\bvad heter\b|\bär (det|de|dom) (samma|samma sak) som\b|\bwhat does [\w ]+ mean\b"
    r"|\bw(hat|tf) (is|are) (that|this|it|those)\b|\bwhat'?s (that|this)\b|\bvad är (det|de|dom) för nåt\b",
    re.IGNORECASE,
)
# "asf vad e det", "sociala hänsyn vad e det ens", 'politikerna vill ha "social upphandling" i
# budgeten, vad betyder det konkret', "what's sociala hänsyn in english": only what a word means
WHAT_IT_MEANS = re.compile(
    r"\bvad? (är|e|ar) (det|de|dom|den|detta)( (ens|egentligen|då|alltså|liksom))?\W*$"
    # 'politikerna vill ha "social upphandling" i budgeten, vad betyder det konkret' (or 'social upphandling')
    r"|[\"”“'‘’][\wåäö -]{3,40}[\"”“'‘’][^?]{0,60}\bvad (betyder|innebär|menas med) (det|de|detta)\b"
    # "what's sociala hänsyn in english"
    r"|\bwhat'?s [\wåäö -]{3,40} in (english|swedish)\b",
    re.IGNORECASE,
)
# "socialt foretag def?", "asf definition": a term and the word for its meaning
# "skyddad verkstad = samhall?": is one the other
TERM_DEFINITION = re.compile(
    r"^[\wåäö -]{2,40}\b(def|definition|definiera|betydelse)\W*$|^[\wåäö -]{2,40}\s=\s*(?!\s*(dyrare|billigare|krångligare|svårare|lättare|bättre|sämre|lagligt|olagligt|ok|okej|tillåtet|förbjudet)\b)[\wåäö -]{2,40}\W*$"
    # "sociala hänsyn i upphandling, va e det": the term first, then what it is
    # (a term of at most four words: "en leverantör hotar att överpröva – vad betyder det?" is no term)
    r"|^\W*[\wåäö-]+( [\wåäö-]+){0,3}\s*[,:–-]\s*(vad|va) (är|e|betyder|innebär) (det|de|det där|dom|det för nåt)\W*$",
    re.IGNORECASE,
)
# "Vad menas med personer som står långt från arbetsmarknaden?": a long term is still a term
# "vad betyder …", "vem räknas som långt från arbetsmarknaden": what a word covers
MEANING = re.compile(
    r"\bvad (betyder|menas med)\b|\b(vem|vilka|vad|vilken|vilket) (räknas|räknades|klassas|anses) som\b",
    re.IGNORECASE,
)
# "Vem räknas som missgynnad person i LOU:s mening?": what a term covers, asked first
COUNTS_AS = re.compile(
    r"^\W*(vem|vilka|vad|vilken|vilket) (räknas|klassas|anses) som\b"
    # "hur vet jag om ett företag räknas som socialt företag enl lou": what counts, not how to find out
    r"|\bhur (vet|avgör|bedömer) (jag|vi|man|ni) (om|att|vilka|vad)\b[^?]{0,50}\b(räknas|klassas|anses) som\b"
    # "hur vet vi om ett företag är ett arbetsintegrerande socialt företag?": what makes one
    r"|\bhur (vet|avgör|bedömer|ser) (jag|vi|man|ni) (om|att) (ett|en) [\wåäö]+ är (ett|en) \b",
    re.IGNORECASE,
)

# "samhall räknas väl som socialt företag?", "är Samhall ett socialt företag?": whether the
# organisation is a kind of supplier, which its own note answers first
# (a yes/no question, not a lookup of its cases)
IS_IT_A = re.compile(
    r"\b(räknas|klassas|anses|kvalar|kvalificerar)\b[^?.]{0,20}\bsom\b"
    r"|\b(är|e)\s+(\w+\s+)?((ett|en)\s+)?(socialt?|arbetsintegrerande|idéburen|ideell|skyddad)\b",
    re.IGNORECASE,
)

# "vad är IOP?", "Vad innebär ett valfrihetssystem?": a word of one or two words, and nothing more
WHAT_IS_WORD = re.compile(
    CHAT_OPENING
    + r"(vad|va) (är|e|innebär) (en |ett )?[\wåäö-]+( [\wåäö-]+)?( för (nåt|något|någonting)| egentligen)?\W*$",
    re.IGNORECASE,
)
