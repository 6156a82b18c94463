"""What an answer is: the passages it shows, the precedents it lists, its sources, and, for a
question it cannot answer, the files it might have meant and where to ask instead."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

GUIDANCE_NOTE = "Vägledning från Hänsyns kunskapsbank, inte ett juridiskt beslut."
FRAGESERVICE_URL = "https://www.upphandlingsmyndigheten.se/frageportalen/"
NO_BASIS = "Kunskapsbanken har inget underlag för att svara på den frågan, så jag vill inte gissa."
ABOUT_BOT = (
    "Jag är Hänsyn. Jag svarar på frågor om sociala hänsyn i offentlig upphandling: reserverade "
    "kontrakt, sysselsättningskrav, arbetsrättsliga villkor, sociala tilldelningskriterier, uteslutning "
    "och IOP, och jag visar exempel från kommuner och regioner som gjort så. Varje svar kommer ur en "
    "kunskapsbank där varje uppgift har en källa. Skriv din fråga, till exempel: Får vi reservera "
    "städupphandlingen för sociala företag?"
)


@dataclass
class Source:
    n: int
    id: str  # passage id
    doc_id: str
    title: str
    kind: str
    refs: list[str]
    url: str | None
    checked: str
    score: float
    excerpt: str


@dataclass
class Part:
    """One knowledge passage the answer shows, copied as it stands in the file."""

    doc_id: str
    section: str  # the section's slug: kort-svar, sa-gor-du, vad-lagen-sager ...
    heading: str
    title: str
    kind: str
    text: str
    label: str | None = None  # the side of a comparison or the part of a question it answers
    asks: str | None = None  # the file's own question, shown when the user asked the same thing
    related: str | None = None  # the file's own question, when it is a neighbouring one

    @property
    def id(self) -> str:
        return f"{self.doc_id}#{self.section}"


@dataclass
class PrecedentLine:
    """A precedent listed in one line: buyer, year, instrument, what was bought, supplier."""

    doc_id: str
    title: str
    buyer: str
    county: str | None
    country: str
    year: int | None
    sector: list[str]
    instrument: list[str]  # labels, e.g. "reserverad upphandling (4 kap. 18 § LOU)"
    suppliers: list[str]
    url: str | None
    summary: str = ""  # the precedent's short answer, for a card


@dataclass
class Referral:
    id: str
    where: str
    url: str
    text: str  # the referral file's short answer


@dataclass
class Answer:
    question: str
    answered: bool
    intent: str = "permission"
    parts: list[Part] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    precedents: list[PrecedentLine] = field(default_factory=list)
    precedent_match: str | None = None  # "some" | "none" when the question asked for precedents
    precedent_wanted: str | None = None  # what the question asked for, e.g. "tvätt i Skåne län"
    more_precedents: int = 0  # matching precedents not listed
    near_miss: list[dict] = field(default_factory=list)  # [{doc_id, title}] for "Menar du …?"
    about_bot: bool = False  # "vad kan du hjälpa mig med?": what Hänsyn is for, and topics to try
    referral: Referral | None = None
    more_id: str | None = None  # a passage behind the answer the user can ask to see
    notes: list[str] = field(default_factory=list)
    confidence: float = 0.0
    latency_ms: float = 0.0

    @property
    def top_doc_id(self) -> str | None:
        if self.parts:
            return self.parts[0].doc_id
        return self.precedents[0].doc_id if self.precedents else None

    @property
    def short_answer(self) -> str:
        """The first passage shown (the whole answer of a simple question)."""
        if self.parts:
            return self.parts[0].text
        return NO_BASIS if not self.answered else ""

    @property
    def replies_to(self) -> str | None:
        return self.parts[0].asks if self.parts else None

    @property
    def suggestions(self) -> list[str]:
        return [c["title"] for c in self.near_miss]

    def to_json(self, text: str) -> dict:
        """The CLI's JSON contract (design.md)."""
        first = self.precedents[0] if self.precedents else None
        return {
            "question": self.question,
            "answered": self.answered,
            "answer": text,
            "refs": self.refs,
            "sources": [
                {
                    "id": s.id,
                    "title": s.title,
                    "kind": s.kind,
                    "refs": s.refs,
                    "url": s.url,
                    "score": round(s.score, 4),
                    "excerpt": s.excerpt,
                    "checked": s.checked,
                }
                for s in self.sources
            ],
            "latency_ms": round(self.latency_ms, 1),
            "intent": self.intent,
            "parts": [{"doc_id": p.doc_id, "section": p.section, "text": p.text} for p in self.parts],
            "precedents": [asdict(p) for p in self.precedents],
            "precedent_match": self.precedent_match,
            "near_miss": self.near_miss,
            "about_bot": self.about_bot,
            "referral": asdict(self.referral) if self.referral else None,
            "precedent": asdict(first) if first else None,
            "replies_to": self.replies_to,
            "confidence": round(self.confidence, 4),
        }
