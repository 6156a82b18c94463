"""The shipped knowledge base: valid, complete, and consistent about its references."""

from collections import Counter
from pathlib import Path

import pytest

from bot.knowledge.loader import validate_knowledge
from bot.knowledge.refs import RefError, chapter_mentions, find_ref_spans, parse_ref

ROOT = Path(__file__).resolve().parent.parent / "knowledge"
MINIMUM = {"guidance": 20, "law": 10, "case-law": 6, "example": 8, "faq": 20, "glossary": 30}


@pytest.fixture(scope="module")
def docs():
    found, problems = validate_knowledge(ROOT)
    assert problems == [], "\n".join(problems)
    return found


def test_validator_passes_and_ids_are_unique(docs):
    ids = [d.id for d in docs]
    assert len(ids) == len(set(ids))
    assert len(docs) >= 45


def test_every_kind_is_present_in_the_required_numbers(docs):
    counts = Counter(d.kind for d in docs)
    short = {kind: (counts[kind], need) for kind, need in MINIMUM.items() if counts[kind] < need}
    assert not short, f"for få filer (har, behöver): {short}"


def test_every_file_names_a_source_and_a_check_date(docs):
    for doc in docs:
        assert doc.sources and all(s.url.startswith("http") for s in doc.sources), doc.path
        assert doc.checked.year >= 2025, doc.path


def test_every_reference_in_a_body_parses(docs):
    bad = []
    for doc in docs:
        spans = find_ref_spans(doc.body)
        for start, _mention in chapter_mentions(doc.body):
            covered = any(s <= start < e for s, e, _ in spans)
            if not covered:
                bad.append(f"{doc.path}: '{doc.body[start : start + 30]}'")
    assert not bad, "hänvisningar i texten som inte går att tolka:\n" + "\n".join(bad)


def test_every_ref_is_mentioned_in_its_body(docs):
    missing = []
    for doc in docs:
        for ref in doc.refs:
            if not any(form in doc.body for form in ref.mention_forms()):
                missing.append(f"{doc.path}: {ref}")
    assert not missing, "refs som inte nämns i texten:\n" + "\n".join(missing)


def test_examples_name_buyer_and_what_is_unknown(docs):
    for doc in docs:
        if doc.kind == "example":
            assert doc.meta.get("buyer"), doc.path
            assert "## Det vet vi inte" in doc.body, doc.path


def test_glossary_terms_have_synonyms_for_query_expansion(docs):
    glossary = [d for d in docs if d.kind == "glossary"]
    assert all(len(d.synonyms) >= 2 for d in glossary), [d.id for d in glossary if len(d.synonyms) < 2]


def test_faq_answers_start_with_a_direct_answer(docs):
    openers = ("Ja", "Nej", "Det beror")
    for doc in docs:
        if doc.kind != "faq":
            continue
        short = doc.body.split("## Kort svar", 1)[1].strip()
        assert short.startswith(openers), doc.path
        assert len(doc.questions) >= 3, doc.path


def test_canonical_refs_round_trip(docs):
    for doc in docs:
        for ref in doc.refs:
            try:
                assert str(parse_ref(str(ref))) == str(ref)
            except RefError as exc:  # pragma: no cover - reported by the validator already
                pytest.fail(f"{doc.path}: {exc}")
