"""Compose an answer by what the question asks. Pure functions: no I/O, no Telegram.

Strictly extractive: every passage shown is a knowledge-file section as it stands, every
precedent line is a precedent's front matter, and every source is a file the answer used.

- permission, definition, provision: the best file's short answer (or the section that matched
  better). A yes/no short answer leads only when the user asked that file's own question;
  otherwise a passage that does not open with "Ja"/"Nej" leads.
- how-to: the file's "Så gör du" section.
- compound: one passage per part of the question, each from its own search.
- comparison: a decision FAQ when one compares the sides, then one passage per side.
- precedents: the matching precedents, or a plain "none known" and the closest.
- declined: "Menar du …?" when one or two files come close or the question names an
  organisation the knowledge base knows; else where to ask instead.
- about Hänsyn itself: what it is for, and the overview file's short answer.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property

from ..knowledge.chunking import SHORT_ANSWER_SLUG, Passage
from ..search.referrals import Referrals
from ..search.retrieval import SearchResult
from ..search.textproc import stem, words
from .analysis import BARE_HOW, Analysis, asks_meaning, part_intent, without_preamble
from .asked import (
    asks_own,
    local_faqs,
    more_parties,
    nearer_local,
    not_about_others,
    not_narrower,
    one_instrument,
    other_modal,
    own_question,
)
from .buyer_kind import kind_of_buyer_top
from .comparison import compose_comparison, out_of_scope
from .core_topics import names_core_topic
from .coverage import part_asks_of_the_supplier
from .declining import decline, told_elsewhere
from .definitions import definitions, sole_term, supplier_named
from .figures import asks_amount, asks_figure, unanswered_count
from .gate import MIN_CONFIDENCE, answerable
from .how_to import how_to_top
from .in_general import in_general, social_supplier_names
from .meaning import IS_IT_A
from .meta import about_bot, asks_about_bot
from .model import FRAGESERVICE_URL, GUIDANCE_NOTE, NO_BASIS, Answer, Part, Source
from .named_party import named_party_part, who_it_is, with_the_kind
from .names import is_name
from .opposite import opposite_answer
from .overview import (
    COST_TAG,
    RESULTS_TAG,
    asks_if_it_works,
    asks_overview,
    asks_what_it_costs,
    broad_in_parts,
    overview_of,
    overview_part,
    overview_tag,
)
from .permission_lead import (
    instrument_guides,
    law_among,
    on_the_law,
    permission_top,
    rule_over_law,
    rule_over_term,
    says_yes_to,
)
from .precedent_answer import compose_precedents, precedent_aside
from .rulings import on_rulings, with_rulings
from .sources import is_stale, refs_of, source_of
from .ties import nearer_question, nearest_asked
from .wording import EXPLAINING_SECTIONS, POLAR, POLAR_START, RULINGS, YES_OR_NO

__all__ = [
    "FRAGESERVICE_URL",
    "GUIDANCE_NOTE",
    "MIN_CONFIDENCE",
    "NO_BASIS",
    "Answer",
    "Composer",
    "Searches",
]

# Questions a rule answers (not a precedent), unless the question names the precedent.
ANSWERED_BY_RULES = frozenset({"permission", "how-to", "definition", "provision"})
RULES_BESIDE_CASE = 0.4  # ... unless, for a definition, the best rule scores below this share of it
HOW_TO_SECTIONS = ("sa-gor-du", "sa-valjer-du", "tank-pa")
OTHER_LAW = re.compile(r"\b(LUF|LUK|LOV|LUFS)\b", re.IGNORECASE)
MAX_SUPPORT_CHARS = 1200  # a longer matching section is left to "Visa mer"


@dataclass
class Searches:
    """The searches behind one answer: the whole question, and one per part or side."""

    main: SearchResult
    parts: list[SearchResult] = field(default_factory=list)
    sides: list[SearchResult] = field(default_factory=list)


class Composer:
    """Builds Answers over one loaded index (its passages and document records)."""

    def __init__(self, passages: dict[str, Passage], documents: dict[str, dict], referrals: Referrals):
        self.passages = passages
        self.documents = documents
        self.referrals = referrals
        self.sections: dict[str, list[Passage]] = {}
        self.vocabularies: dict[str, frozenset[str]] = {}  # comparison.vocabulary_of's, once read
        for passage in passages.values():
            if not passage.is_question:
                self.sections.setdefault(passage.doc_id, []).append(passage)
        self.examples = [d for d in documents.values() if d["kind"] == "example"]
        self.example_ids = frozenset(d["id"] for d in self.examples)
        self.deciding_ids = frozenset(d["id"] for d in documents.values() if d.get("compares"))
        self.glossary_ids = frozenset(d["id"] for d in documents.values() if d["kind"] == "glossary")
        self.guides = instrument_guides(documents)  # instrument -> the guidance file on it
        self.locals = local_faqs(documents)  # the FAQs on local suppliers or local people
        self.social_names = social_supplier_names(self.examples)  # "från Yalla Trappan"
        # the FAQs on what courts have said ("Vad har svenska domstolar sagt om …?")
        self.ruling_ids = frozenset(
            d["id"] for d in documents.values() if d["kind"] == "faq" and RULINGS.search(d.get("title") or "")
        )

    # -- passages ---------------------------------------------------------------------------
    def section(self, doc_id: str, slug: str) -> Passage | None:
        return self.passages.get(f"{doc_id}#{slug}")

    def part(self, passage: Passage, label: str | None = None, asked: str | None = None) -> Part:
        record = self.documents.get(passage.doc_id, {})
        own = own_question(record)
        polar = bool(POLAR.match(passage.text))
        either_way = polar and POLAR.match(passage.text).group(1) == "Det beror på"
        general = in_general(asked, self.social_names) if asked else ""
        asks = own if (asked and polar and asks_own(general, own, record, either_way)) else None
        return Part(
            doc_id=passage.doc_id,
            section=passage.id.split("#", 1)[1],
            heading=passage.heading,
            title=passage.title,
            kind=passage.kind,
            text=passage.text,
            label=label,
            asks=asks,
            related=own if (polar and not asks) else None,
        )

    @cached_property
    def precedent_words(self) -> frozenset[str]:
        """The stems of every word the precedents use: a partner outside them is one no known
        case had ("IOP med Röda korset")."""
        texts = (f"{p.title} {p.text}" for p in self.passages.values() if p.doc_id in self.example_ids)
        return frozenset(stem(w) for text in texts for w in words(text))

    def lead(
        self,
        result: SearchResult,
        asked: str,
        intent: str,
        avoid: set[str] = frozenset(),
        yes_no: bool = True,
    ) -> Part | None:
        """The passage that answers `asked` best. Among the best three files, one whose own
        question the user asked leads with its yes or no; otherwise the best file leads with
        its short answer, its how-to section for a how-to question, or, when its short answer
        is a yes or no to a different question, a passage that does not open with one. A question
        that asks for no yes or no (`yes_no` false: "vad betyder direktupphandling?") is not
        taken for one that does ("vad kostar en otillåten direktupphandling?")."""
        docs = [h for h in result.documents() if h.passage.doc_id not in avoid]
        if not docs:
            return None
        # (a provision asked for, not a yes or no, is answered by its law text: "vilken paragraf …")
        law = law_among(docs, asked) if intent == "provision" and not yes_no else None
        if (kind := law or kind_of_buyer_top(docs, asked, self.documents)) is not None:
            return self.part(self._section_for(kind, intent, asked), asked=asked)
        if intent != "how-to":
            asking = []
            for hit in docs[:3]:
                part = self.part(self._section_for(hit.passage, intent, asked), asked=asked)
                # a file whose own question was asked; for "vad betyder …?" only one that
                # answers without a yes or no ("Vad betyder 30 procent-kravet?")
                own = part.related or part.asks or ""
                quoted = result.quoted == hit.passage.doc_id and not (
                    more_parties(asked, own) or other_modal(asked, own)
                )
                if (part.asks or quoted) and (yes_no or not POLAR.match(part.text)):
                    asking.append((hit, part))
            if asking := not_narrower(asking, asked, docs, self.documents, self.guides):
                asking = nearer_local(asking, asked, self.documents, self.locals)
                return nearest_asked(asking, asked, self.documents)
        top = how_to_top(docs, asked, self._how_to) if intent == "how-to" else docs[0].passage
        if intent == "permission" and yes_no:
            top = rule_over_law(rule_over_term(top, docs, asked, self.documents), docs, asked, self.documents)
        guide = self.section(self.guides.get(one_instrument(asked), ""), SHORT_ANSWER_SLUG)
        top = not_about_others(top, docs, asked, self.documents, self.locals, guide)
        top = on_the_law(nearer_question(top, docs, asked, self.documents), docs, asked, self.documents)
        if intent == "permission":
            top, guide = permission_top(top, docs, asked, self.documents, self.guides, self.locals, yes_no)
            if guide:
                top = self.section(guide, SHORT_ANSWER_SLUG) or top
        part = self.part(self._section_for(top, intent, asked), asked=asked)
        if intent == "permission" and says_yes_to(part.doc_id, asked, self.guides):
            part.related = None  # "får vi kräva praktikplatser …?": the instrument's "Ja, ni får …"
        if not part.related and (yes_no or not POLAR.match(part.text)):
            return part  # (a question that asks no yes or no gets none: "hur många procent …")
        # The best file's own explanation answers without a yes or no to a different question;
        # failing that, the next file whose short answer does not open with one.
        for slug in EXPLAINING_SECTIONS:
            explained = self.section(top.doc_id, slug)
            if explained is not None and not POLAR.match(explained.text):
                return self.part(explained, asked=asked)
        for hit in docs[1:3]:
            other = self.part(self._section_for(hit.passage, intent, asked), asked=asked)
            if not POLAR.match(other.text) and hit.passage.kind not in ("example", "glossary"):
                return other
        return part  # shown under "Närliggande fråga i kunskapsbanken: …", never as a reply

    def _how_to(self, doc_id: str) -> bool:
        return any(self.section(doc_id, slug) is not None for slug in HOW_TO_SECTIONS[:2])

    def _section_for(self, hit: Passage, intent: str, asked: str = "") -> Passage:
        """The section to show for a file: its how-to section for a how-to question; the
        section that matched when the question is about another law than LOU (LUF, LUK, LOV)
        and that section speaks of it; else the short answer."""
        short = self.section(hit.doc_id, SHORT_ANSWER_SLUG) or hit
        if (
            intent == "permission"
            and hit.kind == "glossary"
            and is_name(self.documents[hit.doc_id].get("term") or "")
        ):
            return (
                self.section(hit.doc_id, "tank-pa") or short
            )  # "får vi köpa från samhall?": what it means for a buyer
        if intent == "how-to":
            for slug in HOW_TO_SECTIONS:
                found = self.section(hit.doc_id, slug)
                if found is not None:
                    return found
        if self._specific(hit, short):
            law = OTHER_LAW.search(asked)
            if (
                law
                and law.group(0).lower() in hit.text.lower()
                and law.group(0).lower() not in short.text.lower()
            ):
                return hit
        return short

    @staticmethod
    def _specific(hit: Passage, short: Passage) -> bool:
        return not hit.is_question and hit.id != short.id and hit.heading not in ("Inledning", "Fråga")

    def support(self, result: SearchResult, lead: Part) -> Part | None:
        """The section that matched the question better than the lead's file's short answer
        (it ranked above it), shown after the lead."""
        for hit in result.hits[:6]:
            passage = hit.passage
            if passage.doc_id != lead.doc_id:
                continue
            if passage.is_question or passage.id == lead.id:
                return None  # the lead itself ranked first
            if self._specific(passage, passage) and len(passage.text) <= MAX_SUPPORT_CHARS:
                return self.part(passage)
            return None
        return None

    # -- the answer -------------------------------------------------------------------------
    def compose(
        self,
        analysis: Analysis,
        searches: Searches,
        k: int = 3,
        today: dt.date | None = None,
        min_confidence: float = MIN_CONFIDENCE,
    ) -> Answer:
        today = today or dt.date.today()
        main = searches.main
        answer = Answer(
            question=main.query, answered=False, intent=analysis.intent, confidence=main.confidence
        )
        if asks_about_bot(analysis.question):
            return self._finish(about_bot(self, answer), main, 1, today)  # the overview alone
        if not main.hits:
            return decline(self, answer, analysis, main)
        if (
            told_elsewhere(self, analysis, main)
            # "måste vi annonsera en reserverad upphandling och hur lång anbudstid gäller?": the
            # part the knowledge base answers is answered, the other told where to ask
            and not self._some_part_in_scope(analysis, searches)
        ):
            return decline(self, answer, analysis, main, force_referral=True)
        if not answerable(analysis, main, searches.parts or searches.sides, min_confidence):
            return decline(self, answer, analysis, main)
        answer.answered = True
        if analysis.intent == "precedents":
            compose_precedents(self, answer, analysis, searches)
        elif analysis.intent == "comparison" and searches.sides:
            compose_comparison(self, answer, analysis, searches)
        elif analysis.compound and searches.parts and not broad_in_parts(analysis):
            self._compound(answer, analysis, searches)
        elif analysis.intent == "definition" and (both := definitions(self, analysis, main)):
            answer.parts = both  # "vad betyder sysselsättningskrav och praktikplats?"
        elif analysis.intent == "definition" and (one := sole_term(self, analysis, main)):
            answer.parts = one
        elif analysis.intent == "definition" and (who := supplier_named(self, analysis, main)):
            answer.parts = who  # "vad är Social Trade?": its precedent, and its other cases listed
            precedent_aside(self, answer, analysis, main)
        else:
            asked = analysis.question
            # (a question that nearly quotes a file is not broad: "tips för att följa upp sociala krav")
            lead = (
                overview_of(self, main, overview_tag(analysis))
                if asks_overview(analysis) and not main.quoted
                else None
            )
            lead = lead or (overview_of(self, main, RESULTS_TAG) if asks_if_it_works(analysis) else None)
            lead = lead or (overview_of(self, main, COST_TAG) if asks_what_it_costs(analysis) else None)
            # (a provision asked for is no yes-or-no question: "var i LOU står det att man bör …")
            yes_no = not asks_meaning(asked) and (
                analysis.intent != "provision" or bool(POLAR_START.match(without_preamble(asked)))
            )
            lead = lead or self._rule_lead(main, asked, analysis.intent, analysis, yes_no=yes_no)
            if lead is not None and asks_figure(asked) and YES_OR_NO.match(lead.text):
                # "max belopp för direktupphandling?": no "Ja, om köpet är litet" as the reply
                lead = self._rule_lead(main, asked, analysis.intent, analysis, yes_no=False) or lead
                if asks_amount(asked) and YES_OR_NO.match(lead.text):
                    # "tröskelvärdet för direktupphandling?": nor the yes of the best file
                    avoid = {lead.doc_id}
                    lead = (
                        self._rule_lead(main, asked, analysis.intent, analysis, avoid, yes_no=False) or lead
                    )
            lead = on_rulings(self, main, lead, asked, analysis)
            answer.parts = [lead] if lead else []
            extra = self.support(main, lead) if lead and analysis.intent != "how-to" else None
            if extra is not None and extra.section != lead.section:
                answer.parts.append(extra)
            opposite = opposite_answer(self, main, lead, analysis.question) if lead else None
            if opposite is not None:
                answer.parts.append(opposite)
            elif lead and len(answer.parts) == 1:
                answer.parts = with_rulings(self, main, lead, analysis.question, analysis.instruments)
            if answer.parts and (named := named_party_part(self, answer, analysis)) is not None:
                first = IS_IT_A.search(asked)  # "samhall räknas väl som socialt företag?"
                if first:
                    answer.parts = [named, *with_the_kind(self, answer.parts, analysis)]
                else:
                    answer.parts.append(named)
            precedent_aside(self, answer, analysis, main)
        if not answer.parts and not answer.precedents:
            return decline(self, answer, analysis, main)
        if not answer.precedents and unanswered_count(analysis.question, [p.text for p in answer.parts]):
            answer.parts = []  # "hur många … finns det?" and no file counts them
            return decline(self, answer, analysis, main)
        return self._finish(answer, main, k, today)

    def _rule_lead(
        self,
        result: SearchResult,
        asked: str,
        intent: str,
        analysis: Analysis,
        avoid: set[str] = frozenset(),
        yes_no: bool = True,
    ) -> Part | None:
        """The lead, but for a "får vi …?", how-to or definition question not a precedent whose
        buyer the question does not name: the rules answer it, and a matching precedent is shown
        below ("Samhall – får vi köpa direkt?" names a supplier, not a case). Only when nothing
        else is left, or a definition's are far below it ("vad är Electronics Watch?"), does it lead."""
        if intent in ANSWERED_BY_RULES:
            docs = result.documents()
            unnamed = {
                h.passage.doc_id
                for h in docs[:10]
                if h.passage.kind == "example" and h.passage.doc_id not in analysis.buyer_docs
            }
            found = self.lead(result, asked, intent, avoid=avoid | unnamed, yes_no=yes_no)
            score = next((h.score for h in docs if found and h.passage.doc_id == found.doc_id), 0.0)
            if found is not None and (intent != "definition" or score >= RULES_BESIDE_CASE * docs[0].score):
                return found
        return self.lead(result, asked, intent, avoid=avoid, yes_no=yes_no)

    def _compound(self, answer: Answer, analysis: Analysis, searches: Searches) -> None:
        used: set[str] = set()
        for asked, result in zip(analysis.parts, searches.parts, strict=True):
            # "vad är IOP, och …": that part asks what a word means, not another file's yes or no
            yes_no = not asks_meaning(asked)
            # read with the topic it leans on ("får vi gynna dem" -> "… arbetsintegrerande
            # socialt företag"): whose question it is depends on it
            part = (
                self._told_where_to_ask(asked, result)
                or self._its_way(asked, answer.parts)
                or who_it_is(self, asked, analysis)
                or overview_part(self, result, asked, used)
                or self._rule_lead(
                    result, result.query or asked, part_intent(asked), analysis, avoid=used, yes_no=yes_no
                )
            )
            part = on_rulings(self, result, part, asked, analysis)
            if part is None:
                continue
            part.label = asked if len(analysis.parts) > 1 else None
            used.add(part.doc_id)
            answer.parts.append(part)

    def _its_way(self, asked: str, shown: list[Part]) -> Part | None:
        """ "Får vi reservera tvätten, och hur gör man då?": a bare how-to part gets the how-to
        section of the file the part before showed."""
        doc_id = shown[-1].doc_id if shown and BARE_HOW.match(asked) else None
        way = next((w for slug in HOW_TO_SECTIONS[:2] if doc_id and (w := self.section(doc_id, slug))), None)
        return None if way is None or any(p.text == way.text for p in shown) else self.part(way, asked=asked)

    def _some_part_in_scope(self, analysis: Analysis, searches: Searches) -> bool:
        """Does a compound question (or a comparison) hold a part (a side) that names no referral's
        topic, beside one that does?"""
        if analysis.intent == "comparison" and searches.sides:
            asked = zip(analysis.sides, searches.sides, strict=True)
        elif analysis.compound and searches.parts:
            asked = zip(analysis.parts, searches.parts, strict=True)
        else:
            return False
        # (a part in scope names what Hänsyn is for: "… f-skatt? hur funkar det" asks of the tax)
        told = [
            (self._told_where_to_ask(part, result) is not None, names_core_topic(part))
            for part, result in asked
        ]
        return any(oos for oos, _ in told) and any(core and not oos for oos, core in told)

    def _told_where_to_ask(self, part: str, result: SearchResult) -> Part | None:
        """A part the knowledge base has no basis for, told where to ask; not one that asks what a
        buyer may do to a supplier ("utesluta ett bolag som fått böter av Arbetsmiljöverket")."""
        return None if part_asks_of_the_supplier(part) else out_of_scope(self, part, result)

    def for_document(self, doc_id: str, today: dt.date | None = None) -> Answer:
        """The answer a file gives on its own (a "Menar du …?" candidate the user chose)."""
        record = self.documents[doc_id]
        short = self.section(doc_id, SHORT_ANSWER_SLUG)
        answer = Answer(question=record["title"], answered=short is not None, confidence=1.0)
        if record["kind"] == "example":
            answer.intent = "precedents"
        if short is not None:
            part = self.part(short)
            part.asks = own_question(record) if POLAR.match(short.text) else None
            part.related = None
            answer.parts = [part]
        answer.sources = [self._source(1, doc_id, None)]
        answer.refs = self._refs([doc_id], set())
        more = next((p for p in self.sections.get(doc_id, []) if p.id != (short.id if short else "")), None)
        answer.more_id = more.id if more else None
        if any(is_stale(s.checked, today or dt.date.today()) for s in answer.sources):
            answer.notes.append(
                f"Uppgifterna kontrollerades senast {record['checked']}, för mer än ett år sedan: "
                "kontrollera aktuella regler innan du går vidare."
            )
        return answer

    # -- sources, refs, notes ------------------------------------------------------------------
    def _finish(self, answer: Answer, main: SearchResult, k: int, today: dt.date) -> Answer:
        if not answer.answered:
            return answer
        hits = {h.passage.doc_id: h for h in main.documents()}
        if answer.precedent_match:  # a precedent list: its sources are the precedents listed
            order = list(
                dict.fromkeys([p.doc_id for p in answer.parts] + [p.doc_id for p in answer.precedents])
            )
        else:  # the files shown, then the next best up to k
            used = [p.doc_id for p in answer.parts] + [p.doc_id for p in answer.precedents[:1]]
            order = list(dict.fromkeys(used + [d for d in hits][: max(0, k - len(set(used)))]))
        answer.sources = [self._source(n, doc_id, hits.get(doc_id)) for n, doc_id in enumerate(order, 1)]
        answer.refs = self._refs([p.doc_id for p in answer.parts], main.ref_keys)
        shown = {p.id for p in answer.parts}
        lead = answer.parts[0].doc_id if answer.parts else None
        more = next((p for p in self.sections.get(lead or "", []) if p.id not in shown), None)
        answer.more_id = more.id if more else None
        stale = sorted({s.checked for s in answer.sources if is_stale(s.checked, today)})
        if stale:
            answer.notes.append(
                f"Uppgifterna kontrollerades senast {stale[0]}, för mer än ett år sedan: "
                "kontrollera aktuella regler innan du går vidare."
            )
        return answer

    def _source(self, n: int, doc_id: str, hit) -> Source:
        passage = hit.passage if hit else self.section(doc_id, SHORT_ANSWER_SLUG)
        return source_of(n, doc_id, self.documents.get(doc_id, {}), passage, hit.score if hit else 0.0)

    def _refs(self, doc_ids: list[str], asked_keys: set[str]) -> list[str]:
        return refs_of([self.documents.get(d, {}) for d in doc_ids], asked_keys)
