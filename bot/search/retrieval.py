"""Hybrid retrieval: dense (FAISS) + BM25 + reference matches, fused by reciprocal rank.

Question passages stand for their file's short answer: a hit on one counts for its target.
Glossary entries expand the lexical query with their synonyms (`glossary`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from ..knowledge.chunking import Passage
from ..knowledge.places import place_words
from ..knowledge.refs import chapters_of, find_refs, most_specific, parse_ref
from . import adapter
from .confidence import CONFIDENCE_WEIGHTS, confidence_from, evidence  # noqa: F401 - the weights are re-exported
from .embedding import Embedder
from .fusion import reciprocal_rank_fusion
from .glossary import Glossary
from .lexical import BM25
from .phrasings import LIKENESS_DEPTH, Phrasings, likeness_factor
from .scope import (
    Scopes,
    eu_law_of,
    law_terms_of,
    laws_in,
    settings_in,
)
from .store import LoadedIndex
from .surface import SurfaceWords
from .textproc import (
    STOPWORDS,
    SpellingCorrector,
    compound_parts,
    fold,
    normalise_chat,
    stem,
    words,
    written_refs,
)

MODES = ("hybrid", "dense", "bm25")
# The confidence of a question that names a law other than LOU when the best file is about it.
LAW_NAMED_CONFIDENCE = 0.75
CANDIDATES = 60
FEW_MISSED = 2
RRF_K = 60
POLAR_TITLE = re.compile(r"(får|kan|måste) vi (?!kombinera)", re.IGNORECASE)
# The list of files citing a provision named in the question gets a small k: its order (law
# text first) then decides, because a named provision is the strongest signal there is.
REF_K = 5
REF_K_CHAPTER = 20
KIND_ORDER = {"law": 0, "case-law": 1, "guidance": 2, "faq": 3, "example": 4, "glossary": 5}
MAX_QUERY_CHARS = 1000
# BM25 ranks Swedish questions better than the English-trained MiniLM (hit@1 0.85 against 0.62
# on eval_blind3), so the dense ranking weighs less in the fusion; tuned on the training sets.
DENSE_WEIGHT = 0.4
QUOTED_CONFIDENCE = 0.9
# A file the question names gains this share of the best score; a caller may ask for another
# ("named" among its kind weights: the precedents a lookup will list gain a whole best score).
NAMED_LIFT = 0.5


# A known compound in at most this many passages is also read as its parts.
RARE_COMPOUND = 1


@dataclass
class Hit:
    passage: Passage
    score: float  # fused score (RRF)
    dense: float = 0.0  # best cosine similarity for this passage (or its questions)
    lexical: float = 0.0
    ref_match: bool = False


@dataclass
class SearchResult:
    query: str
    hits: list[Hit]  # passage level, best first, question passages folded into their targets
    confidence: float
    coverage: float
    ref_keys: set[str] = field(default_factory=set)
    expansions: list[str] = field(default_factory=list)
    features: dict[str, float] = field(default_factory=dict)
    quoted: str | None = None  # the file whose question this one nearly quotes

    def documents(self) -> list[Hit]:
        """Best hit per document, best first."""
        seen, out = set(), []
        for hit in self.hits:
            if hit.passage.doc_id not in seen:
                seen.add(hit.passage.doc_id)
                out.append(hit)
        return out


@dataclass
class Reading:
    """A query's side that needs no embedding (Retriever.read)."""

    asked: str  # as typed, provisions written out
    text: str  # in the files' words (normalise_chat)
    mode: str
    ref_keys: set[str]
    q_tokens: list[str]
    compounds: dict[str, list[str]]
    matched: list[str]  # glossary files whose terms it names
    stand_ins: dict[str, set[str]]
    lexical: list[tuple[int, float]] | None  # the BM25 ranking, unless the mode is dense
    ref_hits: list[int]
    quote: tuple[str, bool] | None  # Phrasings.quote


class Retriever:
    """Search over one loaded index. Thread-safe for concurrent reads."""

    def __init__(self, index: LoadedIndex, embedder: Embedder, matrix: np.ndarray | None = None):
        self.index = index
        self.embedder = embedder
        self.adapter = matrix  # adapter.py: maps a query's vector before the dense search
        self.passages = index.passages
        self.by_id = {p.id: i for i, p in enumerate(self.passages)}
        # what each passage stands for: a question passage its file's short answer, else itself
        self.targets = [p.target or p.id for p in self.passages]
        self.bm25 = BM25(index.lexical)
        self.doc_tokens: dict[str, set[str]] = defaultdict(set)
        self.ref_postings: dict[str, list[int]] = defaultdict(list)
        for i, (passage, toks) in enumerate(zip(self.passages, index.lexical, strict=True)):
            self.doc_tokens[passage.doc_id].update(toks)
            for tok in set(toks):
                if tok.startswith("ref:"):
                    self.ref_postings[tok].append(i)
        self.speller = SpellingCorrector({t: len(p) for t, p in self.bm25.postings.items()})
        self.folded: dict[str, str] = {}  # "valfardstjanst" -> "välfärdstjänst"
        for term in sorted(self.bm25.postings, key=lambda t: -len(self.bm25.postings[t])):
            self.folded.setdefault(fold(term), term)
        # each file's refs parsed once: the keys of each ref, in the file's order
        ref_keys = {
            doc_id: [parse_ref(r).keys() for r in record.get("refs", ())]
            for doc_id, record in index.documents.items()
        }
        self.doc_ref_keys: dict[str, set[str]] = {doc: set().union(*keys) for doc, keys in ref_keys.items()}
        self.doc_exact_ref_keys: dict[str, set[str]] = {  # the most specific key of each ref
            doc: set().union(*(most_specific(k) for k in keys)) for doc, keys in ref_keys.items()
        }
        self.doc_first_ref_keys: dict[str, set[str]] = {  # the keys of each file's first ref
            doc: keys[0] for doc, keys in ref_keys.items() if keys
        }
        self.glossary = Glossary(
            [(d["id"], d["synonyms"]) for d in index.documents.values() if d.get("synonyms")]
        )
        self.phrasings = Phrasings(index.documents)
        self.surface = SurfaceWords(
            (p.text for p in self.passages),
            stems=self.bm25.postings,
            phrases=(str(s) for d in index.documents.values() for s in d.get("synonyms") or ()),
        )
        self.deciding = {d for d, record in index.documents.items() if record.get("compares")}
        # ... one whose title asks "Får vi …?" is also a plain answer to that question
        self.polar_deciding = {
            d for d in self.deciding if POLAR_TITLE.match(index.documents[d].get("title", ""))
        }
        self.eu_law = eu_law_of(index.documents)
        self.law_terms = law_terms_of(index.documents)
        self.scopes = Scopes(index.documents)

    def respell(self, text: str) -> str:
        """The question in the knowledge base's spelling: å, ä and ö put back where it was typed
        without them, clipped chat words completed, typos mended."""
        return self.surface.respell(text)

    # -- the three rankings -------------------------------------------------------------
    def dense_ranking(self, query: str, n: int, vector: np.ndarray | None = None) -> list[tuple[int, float]]:
        if not self.passages:
            return []
        vec = self.embedder.encode_queries([query]) if vector is None else vector.reshape(1, -1)
        vec = np.ascontiguousarray(vec, dtype=np.float32)
        n = min(n, len(self.passages))
        if self.adapter is None:
            scores, ids = self.index.faiss_index.search(vec, n)
            return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]
        # the candidates of the mapped vector, scored by the question's own
        return adapter.search(self.index.faiss_index, vec, self.adapter, n)

    def lexical_ranking(self, weights: dict[str, float], n: int) -> list[tuple[int, float]]:
        return self.bm25.top(weights, n)

    def ref_ranking(self, keys: set[str]) -> list[int]:
        """Passages whose file cites the asked provision. The file most about that provision
        comes first: one whose first ref it is, the law text before case law and guidance, and
        one citing few provisions before one citing many; within a file, the short answer."""
        hits: dict[int, int] = defaultdict(int)
        for key in keys:
            for i in self.ref_postings.get(key, ()):
                hits[i] += 1

        def order(i: int) -> tuple:
            passage = self.passages[i]
            refs = self.index.documents.get(passage.doc_id, {}).get("refs", ())
            own = self.doc_ref_keys.get(passage.doc_id, set())
            primary = bool(self.doc_first_ref_keys.get(passage.doc_id, set()) & keys)
            exact = bool(self.doc_exact_ref_keys.get(passage.doc_id, set()) & keys)
            return (
                passage.kind == "example",  # a precedent that cites it in passing comes last
                -hits[i],
                not exact,  # "16 kap. LOU" for the chapter, not a file on 16 kap. 7 §
                not (own & keys),  # the file itself cites it, not just one of its sections
                not primary,  # the file is about it: its first ref
                KIND_ORDER.get(passage.kind, 9),  # the law text itself, then case law, guidance
                max(1, len(refs)),  # fewer refs: more specific
                passage.heading != "Kort svar",
                i,
            )

        cited = [i for i in hits if self.doc_ref_keys.get(self.passages[i].doc_id, set()) & keys]
        return sorted(cited or hits, key=order)

    # -- search -------------------------------------------------------------------------
    def read(self, query: str, mode: str = "hybrid") -> Reading:
        """The side of a search its embedding plays no part in: the query's tokens, its BM25
        ranking, the provisions it names and the file it quotes. Pipeline.searches reads all of a
        question's queries next to encoding them in one call."""
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}")
        query = written_refs(query[:MAX_QUERY_CHARS])
        ref_keys: set[str] = set()
        for ref in find_refs(query):
            ref_keys |= ref.query_keys()
        asked = query  # as typed, for the result
        query = normalise_chat(query)
        q_tokens, compounds = self.query_tokens(query)
        extra, matched, stand_ins = self.glossary.expand(q_tokens)
        weights: dict[str, float] = {}
        for tok in q_tokens:
            weights[tok] = weights.get(tok, 0.0) + 1.0
        for tok in extra:
            weights.setdefault(tok, 0.4)
        for parts in compounds.values():
            for part in parts:
                weights.setdefault(part, 0.5)
        for key in ref_keys:
            weights[key] = 3.0
        lexical = self.lexical_ranking(weights, CANDIDATES) if mode in ("hybrid", "bm25") else None
        # a paragraph asked is also found in the file on its whole chapter
        ref_hits = self.ref_ranking(ref_keys | chapters_of(ref_keys)) if ref_keys else []
        quote = self.phrasings.quote(query) if mode == "hybrid" else None
        return Reading(
            asked, query, mode, ref_keys, q_tokens, compounds, matched, stand_ins, lexical, ref_hits, quote
        )

    def search(
        self,
        query: str,
        kinds: list[str] | None = None,
        mode: str = "hybrid",
        vector: np.ndarray | None = None,
        prefer: dict[str, float] | None = None,
        boost: set[str] | None = None,
        reading: Reading | None = None,
    ) -> SearchResult:
        """Rank passages for `query`. `vector` is its embedding when the caller has encoded it
        already (several queries in one call), and `reading` its `read(query, mode)`; `prefer`
        weighs the fused score by file kind (1.0 = neutral) and `boost` lifts the files a
        question names. A file whose question the query nearly quotes comes first."""
        if reading is None or reading.mode != mode:
            reading = self.read(query, mode)
        query, ref_hits = reading.text, reading.ref_hits
        rankings: list[list[str]] = []
        dense_scores: dict[int, float] = {}
        lexical_scores: dict[int, float] = {}
        if mode in ("hybrid", "dense"):
            dense = self.dense_ranking(query, CANDIDATES, vector)
            dense_scores = dict(dense)
            rankings.append(self._fold([i for i, _ in dense]))
        if reading.lexical is not None:
            lexical_scores = dict(reading.lexical)
            rankings.append(self._fold([i for i, _ in reading.lexical]))
        ks = [RRF_K] * len(rankings)
        weights = [DENSE_WEIGHT, 1.0] if mode == "hybrid" else [1.0] * len(rankings)
        if ref_hits:
            rankings.append(self._one_per_doc(self._fold(ref_hits)))
            # a chapter alone ("enligt 17 kap LOU") says less about the file than a paragraph
            paragraph = any(key.count(":") >= 3 for key in reading.ref_keys)
            ks.append(REF_K if paragraph else REF_K_CHAPTER)
            weights.append(1.0)
        fused = reciprocal_rank_fusion(rankings, ks=ks, weights=weights)
        quoted, only_held = reading.quote if reading.quote else (None, False)

        best_dense: dict[str, float] = defaultdict(float)
        best_lex: dict[str, float] = defaultdict(float)
        for i, s in dense_scores.items():
            pid = self._target(i)
            best_dense[pid] = max(best_dense[pid], s)
        for i, s in lexical_scores.items():
            pid = self._target(i)
            best_lex[pid] = max(best_lex[pid], s)
        ref_ids = {self._target(i) for i in ref_hits}

        hits = []
        for pid, score in fused:
            passage = self.passages[self.by_id[pid]]
            if kinds and passage.kind not in kinds:
                continue
            hits.append(Hit(passage, score, best_dense.get(pid, 0.0), best_lex.get(pid, 0.0), pid in ref_ids))
        # Confidence is about what the knowledge base holds, so it is read off the plain ranking,
        # before the caller's preferences reorder it; a question that quotes a file's own is sure.
        features = self.features(
            hits, reading.q_tokens, reading.stand_ins, reading.compounds, dense_scores, lexical_scores
        )
        confidence = confidence_from(features, hits[0].ref_match if hits else False, mode)
        if quoted:
            confidence = max(confidence, QUOTED_CONFIDENCE)
            # a phrasing held whole by a question that asks another thing of it does not put a
            # file of a kind the question does not want first ("Hur mäter vi resultatet av sociala
            # hänsyn …" holds a term's phrasing); a law text's own questions still do
            unwanted = {kind for kind, weight in (prefer or {}).items() if weight < 1} - {"law"}
            if only_held and self.phrasings.kinds.get(quoted) in unwanted:
                quoted = None
        nearest = None  # the file whose own questions are most like the query's words
        if mode == "hybrid":
            hits, likeness = self._by_phrasing(query, hits)
            nearest = max(likeness, key=likeness.get) if likeness else None
            hits = self._by_law(query, hits)
            # "Vad är LUK för lag?", "does LUF allow reserved contracts": few words, but they name
            # a law other than LOU, and the best file, weighed by law, is about it
            named = laws_in(query)
            if hits and named and named <= self.scopes.law.of.get(hits[0].passage.doc_id, frozenset()):
                confidence = max(confidence, LAW_NAMED_CONFIDENCE)
        if prefer or boost or quoted:
            hits = self._reweigh(hits, prefer or {}, boost or set(), quoted, kinds, nearest)
        coverage = features.get("coverage", 0.0)
        return SearchResult(
            reading.asked, hits, confidence, coverage, reading.ref_keys, reading.matched, features, quoted
        )

    def _by_phrasing(self, query: str, hits: list[Hit]) -> tuple[list[Hit], dict[str, float]]:
        """Among the best files, the one whose own questions (or FAQ title) are most like the
        query's words gains: a graded near quote."""
        top = list(dict.fromkeys(h.passage.doc_id for h in hits[: 3 * LIKENESS_DEPTH]))[:LIKENESS_DEPTH]
        likeness = self.phrasings.likeness(query, top)
        if not likeness:
            return hits, {}
        for hit in hits:
            if hit.passage.doc_id in likeness:
                hit.score *= likeness_factor(likeness[hit.passage.doc_id])
        return sorted(hits, key=lambda h: -h.score), likeness

    def _by_law(self, query: str, hits: list[Hit]) -> list[Hit]:
        """A file about LOV, LUF or LUK rises when the question names that law and sinks when
        it does not; a file about one kind of purchase sinks when the question names another; a
        file about the welfare services of bilaga 2, or about a narrow case (posted workers, a
        political policy), sinks a little when the question names none (scope.Scopes)."""
        asked, kinds = laws_in(query), settings_in(query)
        for hit in hits:
            doc = hit.passage.doc_id
            hit.score *= self.scopes.factor(doc, query, asked, kinds)
        return sorted(hits, key=lambda h: -h.score)

    def _reweigh(
        self,
        hits: list[Hit],
        prefer: dict[str, float],
        boost: set[str],
        quoted: str | None,
        kinds,
        nearest: str | None = None,
    ) -> list[Hit]:
        """Scores times the kind's weight; files the question names lifted; the quoted file on top;
        a choosing FAQ titled "Får vi …?" weighs as a FAQ when first and its phrasings `nearest`."""
        top, first = (hits[0].score, hits[0].passage.doc_id) if hits else (0.0, None)
        present = {h.passage.doc_id for h in hits}
        # one or two files named that the search missed count as found last, then are lifted like
        # the others (a longer list the search missed, many matching precedents, starts at nothing)
        missed = ({quoted} | boost if quoted else boost) - present
        last = hits[-1].score if hits and len(missed) <= FEW_MISSED else 0.0
        for doc in sorted(missed):
            short = f"{doc}#kort-svar"
            if (
                doc not in present
                and short in self.by_id
                and (not kinds or self.passages[self.by_id[short]].kind in kinds)
            ):
                hits = [*hits, Hit(self.passages[self.by_id[short]], last)]
        for hit in hits:
            kind = hit.passage.kind
            weight = prefer.get(kind, 1.0)
            if hit.passage.doc_id in self.deciding:  # a FAQ that helps choose between instruments
                decision = prefer.get("decision", weight)
                polar = hit.passage.doc_id in self.polar_deciding and hit.passage.doc_id == nearest == first
                weight = max(weight, decision) if polar else decision
            hit.score *= weight
            if hit.passage.doc_id in self.eu_law:
                hit.score *= prefer.get("eu", 1.0)
            elif hit.passage.doc_id in self.law_terms:
                hit.score *= prefer.get("law-term", 1.0)
            if hit.passage.doc_id in boost:
                hit.score += top * prefer.get("named", NAMED_LIFT)
            if hit.passage.doc_id == quoted:
                hit.score += top * 2
        return sorted(hits, key=lambda h: -h.score)

    def query_tokens(self, query: str) -> tuple[list[str], dict[str, list[str]]]:
        """The question's tokens with typos corrected, and the known parts of unknown
        compounds ("kollektivavtalslön" -> kollektivavtal, lön)."""
        out: list[str] = []
        compounds: dict[str, list[str]] = {}
        for word in words(query):
            if len(word) < 2 or word in STOPWORDS:
                continue
            tok = stem(word)
            if tok in self.bm25.postings:
                out.append(tok)
                # a compound the knowledge base uses only in passing ("kollektivavtalskrav", in
                # one passage of an example) is also read as its parts: the files on those count
                rare = len(word) >= 12 and len(self.bm25.postings[tok]) <= RARE_COMPOUND
                if rare and (parts := compound_parts(word, self.bm25.postings)):
                    compounds[tok] = parts
                continue
            if word in place_words():  # "arbetskläder som sys i asien": where, not what is asked
                continue
            corrected = self.folded.get(fold(tok)) or self.speller.correct(tok)
            if corrected:
                out.append(corrected)
                continue
            out.append(tok)
            parts = compound_parts(word, self.bm25.postings) if len(word) >= 7 else []
            if parts:
                compounds[tok] = parts
        return out, compounds

    def _target(self, i: int) -> str:
        return self.targets[i]

    def _one_per_doc(self, ids: list[str]) -> list[str]:
        seen: set[str] = set()
        out = []
        for pid in ids:
            doc = self.passages[self.by_id[pid]].doc_id
            if doc not in seen:
                seen.add(doc)
                out.append(pid)
        return out

    def _fold(self, ranked: list[int]) -> list[str]:
        """Passage ids, question passages replaced by their targets, first occurrence kept."""
        targets = self.targets
        return list(dict.fromkeys(targets[i] for i in ranked))

    # -- confidence ---------------------------------------------------------------------
    def evidence(
        self,
        q_tokens: list[str],
        doc_id: str,
        stand_ins: dict[str, set[str]] | None = None,
        compounds: dict[str, list[str]] | None = None,
    ) -> tuple[float, float, float]:
        """IDF mass of the question's words in `doc_id` (see confidence.evidence)."""
        return evidence(self.bm25, self.doc_tokens.get(doc_id, set()), q_tokens, stand_ins, compounds)

    def features(
        self,
        hits: list[Hit],
        q_tokens: list[str],
        stand_ins: dict[str, set[str]],
        compounds: dict[str, list[str]],
        dense_scores: dict[int, float],
        lexical_scores: dict[int, float],
    ) -> dict[str, float]:
        """Evidence that the top document answers the question. "length" counts the question's
        words and "found" those of them the document has, each weighted by its IDF relative to
        a word never seen (a rare, specific word counts about 1, a common one less); "unknown"
        is the share of the question's weight in words the knowledge base has never seen."""
        if not hits:
            return {}
        top = hits[0]
        doc = top.passage.doc_id
        total, found, unknown = self.evidence(q_tokens, doc, stand_ins, compounds)
        best_possible = total * (self.bm25.k1 + 1)
        unit = self.bm25.unseen_idf() or 1.0

        def top_docs(scores: dict[int, float]) -> list[str]:
            # in the ranking's order: the mapped vector's (adapter.py) when there is one
            return list(dict.fromkeys(self.passages[i].doc_id for i in scores))[:3]

        return {
            "dense": top.dense,
            "coverage": found / total if total else 0.0,
            "lexical": min(1.0, top.lexical / best_possible) if best_possible else 0.0,
            "agree": (doc in top_docs(dense_scores)) * 0.5 + (doc in top_docs(lexical_scores)) * 0.5,
            "found": found / unit,
            "length": total / unit,
            "unknown": unknown / total if total else 1.0,
        }
