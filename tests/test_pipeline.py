"""The pipeline end to end on the fixture knowledge base with the hashing embedder."""

import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.answer.compose import MIN_CONFIDENCE, NO_BASIS
from bot.answer.pipeline import Pipeline
from bot.answer.render_text import render_text
from bot.cli.main import main
from bot.errors import IndexCorruptError, IndexModelMismatchError, KnowledgeError
from bot.search.embedding import HashEmbedder
from bot.search.retrieval import confidence_from
from bot.search.store import build_index, load_index

QUESTION = "Får vi reservera upphandlingen för sociala företag?"


def test_reindex_then_ask_through_the_cli(env):
    runner = CliRunner()
    built = runner.invoke(main, ["reindex"])
    assert built.exit_code == 0, built.output
    assert "Klart: 10 filer" in built.output
    result = runner.invoke(main, ["ask", "--json", QUESTION])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["answered"] is True
    assert data["refs"][0] == "4 kap. 18 § LOU"
    assert data["sources"][0]["id"].startswith("reserverad-upphandling#")
    assert data["sources"][0]["url"].startswith("https://www.upphandlingsmyndigheten.se/")
    assert "30 procent" in data["answer"] and "Källor:" in data["answer"]
    assert set(data) >= {"question", "answered", "answer", "refs", "sources", "latency_ms"}


def test_ask_builds_the_index_on_first_use_and_reads_stdin_batches(env):
    result = CliRunner().invoke(main, ["ask", "--json", "-"], input=f"{QUESTION}\n\nVad säger 4:18?\n")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.strip().splitlines()]
    # one output line per input line, in order: the blank line gets an object saying so
    assert [d["question"] for d in lines] == [QUESTION, "", "Vad säger 4:18?"]
    assert lines[1]["answered"] is False and lines[1]["error"] == "tom rad: ingen fråga"
    assert lines[2]["sources"][0]["refs"] == ["4 kap. 18 § LOU"]


def test_kind_filter_and_k(env):
    result = CliRunner().invoke(
        main, ["ask", "--json", "--kind", "example", "-k", "1", "cykelservice i Örebro"]
    )
    data = json.loads(result.stdout)
    assert [s["kind"] for s in data["sources"]] == ["example"]


def test_out_of_scope_question_is_declined_with_pointer(pipeline):
    answer = pipeline.ask("Hur bakar man kanelbullar till fikat?")
    assert answer.answered is False and answer.parts == [] and answer.refs == []
    text = render_text(answer)
    assert text.startswith(NO_BASIS)
    assert "frågeservice" in text and "https://www.upphandlingsmyndigheten.se/frageportalen/" in text


def test_words_the_knowledge_base_has_never_seen_count_against_answering(pipeline):
    known = pipeline.search(QUESTION)
    assert known.features["unknown"] == 0.0 and known.confidence >= MIN_CONFIDENCE
    # shares "upphandling" and "krav" with the knowledge base, but is about something else
    question = "Vilka klimatkrav på elbussar och laddinfrastruktur får vi ställa i upphandlingen?"
    foreign = pipeline.search(question)
    assert foreign.features["unknown"] > 0.5
    assert foreign.features["found"] < foreign.features["length"]
    assert confidence_from({**foreign.features, "unknown": 0.0}, False) > foreign.confidence
    assert pipeline.ask(question).answered is False


def test_confidence_gate_is_a_threshold(pipeline):
    answer = pipeline.ask(QUESTION)
    assert answer.answered and answer.confidence >= MIN_CONFIDENCE
    refused = pipeline.ask(QUESTION, min_confidence=1.01)
    assert refused.answered is False and refused.suggestions  # nearest topics offered


def test_reference_forms_find_the_provision(pipeline):
    for question in ["Vad säger 4 kap. 18 §?", "4:18", "vad står i 18 § LOU"]:
        answer = pipeline.ask(question)
        assert answer.answered, question
        assert "4 kap. 18 § LOU" in answer.refs, question


def test_glossary_expands_synonyms(pipeline):
    hits = pipeline.search("krav att anställa långtidsarbetslösa").documents()
    assert "faq-sysselsattningskrav" in [h.passage.doc_id for h in hits[:2]]


def test_precedent_and_stale_note(pipeline):
    answer = pipeline.ask("Får vi kräva kollektivavtal?", today=dt.date(2026, 11, 22))
    assert answer.answered
    assert any("kontrollera aktuella regler" in note for note in answer.notes)  # checked 2024-01-10
    fresh = pipeline.ask(QUESTION, today=dt.date(2026, 11, 22))
    assert not any("kontrollera" in n for n in fresh.notes)


def test_a_reindex_by_another_process_is_picked_up_before_the_next_answer(settings, pipeline):
    question = "Får vi kräva att leverantören anställer personer som står långt från arbetsmarknaden?"
    before = pipeline.ask(question)
    doc = settings.knowledge_dir / "faq" / "faq-sysselsattningskrav.md"
    text = doc.read_text(encoding="utf-8")
    head, _, rest = text.partition("## Kort svar\n")
    doc.write_text(head + "## Kort svar\nJa, och det här svaret är nytt sedan omindexeringen.\n" + rest)
    Pipeline(settings).reindex()  # as `hansyn reindex` does, beside a running bot or chat
    after = pipeline.ask(question)
    assert before.top_doc_id == after.top_doc_id == "faq-sysselsattningskrav"
    assert "nytt sedan omindexeringen" in after.short_answer
    assert pipeline.index.build_id == load_index(settings.index_dir).build_id


def test_failed_reindex_keeps_the_old_index_serving(settings, pipeline):
    before = pipeline.index.build_id
    bad = settings.knowledge_dir / "guidance" / "trasig.md"
    bad.write_text("---\nid: trasig\ntitle: [\n---\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        pipeline.reindex()
    assert any(p.startswith("knowledge/guidance/trasig.md: yaml:") for p in err.value.problems)
    assert load_index(settings.index_dir).build_id == before
    assert pipeline.ask(QUESTION).answered


def test_cli_reindex_lists_problems_and_exits_non_zero(env, settings):
    CliRunner().invoke(main, ["reindex"])
    (settings.knowledge_dir / "faq" / "faq-sysselsattningskrav.md").write_text("no front matter")
    result = CliRunner().invoke(main, ["reindex"])
    assert result.exit_code == 2
    assert "faq/faq-sysselsattningskrav.md: front matter: saknas" in result.output
    assert "oförändrat" in result.output


def test_one_changed_file_is_the_only_one_re_embedded(settings, pipeline):
    path = settings.knowledge_dir / "guidance" / "reserverad-upphandling.md"
    path.write_text(
        path.read_text().replace("Steg", "Steg").replace("kontrolleras när", "kontrolleras redan när")
    )
    report = pipeline.reindex()
    assert report.embedded == 1  # only the changed section
    changed = [p for p in pipeline.index.passages if "kontrolleras redan när" in p.text]
    assert [p.doc_id for p in changed] == ["reserverad-upphandling"]


def test_index_built_with_another_model_is_refused(settings, pipeline):
    with pytest.raises(IndexModelMismatchError, match="hash:256"):
        load_index(settings.index_dir, model="hash:128")


@pytest.mark.parametrize("name", ["vectors.faiss", "passages.jsonl", "config.json", "lexical.json"])
def test_corrupted_index_file_gives_a_clear_error(settings, pipeline, env, name):
    target = pipeline.index.path / name
    data = target.read_bytes()
    target.write_bytes(data[: len(data) // 3])
    with pytest.raises(IndexCorruptError, match=name):
        load_index(settings.index_dir, model="hash:256")
    result = CliRunner().invoke(main, ["ask", QUESTION])
    assert result.exit_code == 1
    assert "hansyn reindex" in result.output and "Traceback" not in result.output


def _synthetic_kb(root: Path, files: int) -> None:
    shutil.copytree(Path(__file__).parent / "fixtures" / "knowledge", root)
    for n in range(files):
        body = "\n\n".join(f"## Avsnitt {s}\n" + f"Text om ämne {n} och del {s}. " * 30 for s in range(6))
        (root / "guidance" / f"syntetisk-{n}.md").write_text(
            f"---\nid: syntetisk-{n}\ntitle: Syntetisk {n}\nkind: guidance\nrefs: []\n"
            "sources:\n  - url: https://example.org/x\n    title: X\nchecked: 2026-11-22\n---\n"
            f"# Syntetisk {n}\n\n## Kort svar\nKort om {n}.\n\n{body}\n",
            encoding="utf-8",
        )


def test_killed_reindex_leaves_the_previous_index_answering(tmp_path):
    kb = tmp_path / "kb"
    _synthetic_kb(kb, 150)
    index_dir = tmp_path / "index"
    env = dict(
        os.environ,
        HANSYN_KNOWLEDGE_DIR=str(kb),
        HANSYN_INDEX_DIR=str(index_dir),
        HANSYN_EMBEDDING_MODEL="hash:64",
    )
    first = subprocess.run([sys.executable, "-m", "bot", "reindex"], env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    build = load_index(index_dir, model="hash:64").build_id
    (kb / "guidance" / "syntetisk-0.md").write_text(
        (kb / "guidance" / "syntetisk-0.md").read_text() + "\nNy rad.\n"
    )
    for delay in (0.2, 0.5, 0.8, 1.2):
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "reindex"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        loaded = load_index(index_dir, model="hash:64")  # old or new build, never a half one
        assert loaded.build_id == build or loaded.config["passages"] == len(loaded.passages)
    answer = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json", QUESTION], env=env, capture_output=True, text=True
    )
    assert answer.returncode == 0, answer.stderr
    assert json.loads(answer.stdout)["answered"] is True


def test_build_is_not_started_for_invalid_knowledge(settings):
    (settings.knowledge_dir / "law" / "x.md").write_text("---\nid: x\n---\n")
    with pytest.raises(KnowledgeError):
        build_index(settings.knowledge_dir, settings.index_dir, HashEmbedder(64))
    assert not (settings.index_dir / "current").exists()


def test_a_yes_or_no_says_which_question_it_answers(pipeline):
    # "Nej" from a file about collective agreements must not read as a reply to another question.
    answer = pipeline.ask("Får vi kräva kollektivavtal?")
    assert answer.answered and answer.short_answer.startswith("Nej")
    assert answer.replies_to == "Får vi kräva kollektivavtal av leverantören?"
    text = render_text(answer)
    assert text.startswith("Svar på frågan ”Får vi kräva kollektivavtal av leverantören?”:\nNej")
    assert answer.to_json(text)["replies_to"] == answer.replies_to
    faq = pipeline.ask("Kan vi ställa sysselsättningskrav?")
    assert faq.top_doc_id == "faq-sysselsattningskrav"
    assert (
        faq.replies_to
        == "Får vi kräva att leverantören anställer personer som står långt från arbetsmarknaden?"
    )
    # An answer that does not open with yes or no stands on its own.
    plain = pipeline.ask("Vad gjorde Cykelreturen åt Region Örebro län?")
    assert plain.answered and plain.replies_to is None
    assert render_text(plain).startswith(plain.short_answer)


def test_a_question_with_a_precedent_part_answers_the_other_part_too(pipeline):
    # "Får vi …? Och har någon kommun gjort så?": the yes or no first, then the list
    answer = pipeline.ask("Får vi reservera städningen för sociala företag? Och har någon kommun gjort så?")
    assert answer.answered and answer.intent == "precedents"
    assert answer.parts and answer.parts[0].doc_id in {
        "reserverad-upphandling",
        "lou-4-18-reserverade-kontrakt",
    }
    assert answer.parts[0].label == "Får vi reservera städningen för sociala företag"
    assert "vanersborg-servicekompaniet" in [p.doc_id for p in answer.precedents]
    # a precedent question alone gets the list, with no passage above it
    alone = pipeline.ask("Har någon kommun reserverat städningen för sociala företag?")
    assert alone.parts == [] and alone.precedents


def with_law_question(settings, kb_dir, question: str):
    """A pipeline over the test knowledge base, where the 4 kap. 18 § file has `question` as
    its own; and that file's id."""
    from bot.answer.pipeline import Pipeline

    law = kb_dir / "law" / "lou-4-18-reserverade-kontrakt.md"
    law.write_text(
        law.read_text(encoding="utf-8").replace(
            "checked: 2026-11-22\n", f"checked: 2026-11-22\nquestions:\n  - {question}\n"
        ),
        encoding="utf-8",
    )
    return Pipeline(settings), law.stem


def test_a_near_quote_of_another_provision_is_not_taken_for_this_one(settings, kb_dir):
    pipeline, law = with_law_question(
        settings, kb_dir, "Vad står det i 4 kap. 18 § LOU om reserverade kontrakt?"
    )
    # the same words about another provision quote nothing: "19 kap. 25 §" is not "4 kap. 18 §"
    assert pipeline.rank("Vad står det i 4 kap. 18 § LOU om reserverade kontrakt?").quoted == law
    assert pipeline.rank("Vad står det i 19 kap. 25 § LOU om reserverade kontrakt?").quoted is None


def test_a_question_that_holds_a_files_phrasing_whole_ranks_that_file_first(settings, kb_dir):
    pipeline, law = with_law_question(
        settings, kb_dir, "Hur fungerar reserverade kontrakt för arbetsintegrerande företag?"
    )
    # the phrasing's words and two more (too many for a near quote): still that question
    held = pipeline.rank(
        "Hur fungerar egentligen reserverade kontrakt för arbetsintegrerande företag i en liten kommun?"
    )
    assert held.quoted == law
    assert held.documents()[0].passage.doc_id == law
    # many more words ask something else
    assert (
        pipeline.rank(
            "Hur fungerar reserverade kontrakt för arbetsintegrerande företag när kommunen köper städning och tvätt?"
        ).quoted
        is None
    )


def test_a_may_we_question_leads_with_the_rule_and_shows_the_precedent_below(pipeline):
    from dataclasses import replace

    from bot.answer.analysis import analyse
    from bot.answer.compose import Searches

    engine = pipeline.refresh()
    question = "Får en region reservera tvätt av arbetskläder?"
    analysis = analyse(question, engine.names)
    found = pipeline.rank(question)
    # when the search puts the precedent first, the rule still leads and the precedent follows
    example_first = replace(
        found, hits=sorted(found.hits, key=lambda h: h.passage.doc_id != "kristianstad-samhall-arbetsklader")
    )
    answer = engine.composer.compose(analysis, Searches(example_first))
    assert answer.parts[0].doc_id == "reserverad-upphandling"
    assert [p.doc_id for p in answer.precedents] == ["kristianstad-samhall-arbetsklader"]
    # a question that names the buyer may lead with its precedent
    named = pipeline.ask("Får vi göra som Kristianstads kommun med tvätten?")
    assert named.parts[0].doc_id == "kristianstad-samhall-arbetsklader"


def test_no_known_case_of_an_instrument_says_so_and_shows_the_rule(pipeline):
    answer = pipeline.ask("Finns det exempel på arbetsrättsliga villkor?")
    assert answer.precedent_match == "none"
    assert answer.parts[0].doc_id == "arbetsrattsliga-villkor"
    assert answer.parts[0].label.startswith("Inga kända exempel på arbetsrättsliga villkor")
    assert answer.precedents  # the closest ones, below


def test_no_case_in_the_sector_asked_lists_the_closest_cases_not_the_rules(pipeline):
    # direct awards and laundry are both known, only not together: the cases answer
    answer = pipeline.ask("Finns det exempel på direktupphandling av tvätt?")
    assert answer.precedent_match == "none"
    assert not answer.parts
    assert "kristianstad-samhall-arbetsklader" in {p.doc_id for p in answer.precedents}
    # ... but no case of the purchase at all (IT): what the rules say leads
    unknown = pipeline.ask("Finns det exempel på direktupphandling av IT?")
    assert unknown.precedent_match == "none"
    assert unknown.parts and unknown.parts[0].label.startswith("Inga kända exempel")


def test_between_equally_good_files_the_one_whose_own_question_is_asked_wins(pipeline):
    retriever = pipeline.refresh().retriever
    asked = "Får vi ställa krav på att leverantören anställer långtidsarbetslösa?"
    hits = retriever.search(asked).hits
    for hit in hits:
        hit.score = 1.0  # the same evidence for every file ...
    hits.sort(key=lambda h: h.passage.doc_id == "faq-sysselsattningskrav")  # ... and that FAQ last
    assert hits[0].passage.doc_id != "faq-sysselsattningskrav"
    ranked, _likeness = retriever._by_phrasing(asked, hits)
    assert ranked[0].passage.doc_id == "faq-sysselsattningskrav"


def test_a_side_that_names_a_provision_is_the_file_that_cites_it(pipeline):
    from dataclasses import replace

    from bot.answer.comparison import cited_by

    found = pipeline.search("4 kap. 18 §")
    # even when another file ranks first, the side is the file citing the provision
    others_first = replace(found, hits=sorted(found.hits, key=lambda h: h.ref_match))
    assert not others_first.hits[0].ref_match
    assert cited_by(others_first, set()).doc_id == "lou-4-18-reserverade-kontrakt"
    assert cited_by(pipeline.search("arbetsrättsliga villkor"), set()) is None  # names no provision


def test_a_terms_phrasing_held_by_a_how_to_question_does_not_put_the_definition_first(settings, kb_dir):
    from bot.answer.pipeline import Pipeline

    term = kb_dir / "glossary" / "ord-langtidsarbetslos.md"
    text = term.read_text(encoding="utf-8")
    term.write_text(
        text.replace(
            "checked: ", "questions:\n  - Vad är en långtidsarbetslös person i en upphandling?\nchecked: ", 1
        ),
        encoding="utf-8",
    )
    pipeline = Pipeline(settings)
    # asked what the word means: the definition, quoted
    assert (
        pipeline.rank("Vad är en långtidsarbetslös person i en upphandling egentligen?").quoted == term.stem
    )
    # asked how to measure something about them: the phrasing is held, but it is not the question
    assert (
        pipeline.rank("Hur mäter vi resultatet för en långtidsarbetslös person i en upphandling?").quoted
        is None
    )


def test_a_named_buyers_case_that_is_only_close_stays_in_the_list(pipeline):
    # Vänersborg has no IOP: nothing matches, and Vänersborg's own case is among the closest
    answer = pipeline.ask("Finns det exempel på IOP i Vänersborg?")
    assert answer.precedent_match == "none"
    assert "vanersborg-servicekompaniet" in [p.doc_id for p in answer.precedents]


def test_a_faq_that_compares_weighs_less_when_the_question_names_one_instrument():
    from types import SimpleNamespace

    from bot.answer.analysis import analyse
    from bot.answer.names import Names
    from bot.answer.pipeline import PRIORS, weighing

    engine = SimpleNamespace(names=Names(), rulings=set())

    def decision_weight(question: str) -> float:
        analysis = analyse(question)
        prefer, _ = weighing(engine, analysis.question, analysis, analysis.intent)
        return prefer["decision"]

    # "tröskelvärdet för reserverat kontrakt?" is not asking how to choose or combine
    assert (
        decision_weight("tröskelvärdet för reserverat kontrakt, gäller det ens?")
        < PRIORS["permission"]["decision"]
    )
    # a question that names two instruments, or two laws, may well be answered by one
    both = "Får vi ställa sysselsättningskrav i en reserverad upphandling?"
    assert decision_weight(both) == PRIORS["permission"]["decision"]
    assert (
        decision_weight("Vad säger LUF om reserverade kontrakt jämfört med LOU?")
        == PRIORS["permission"]["decision"]
    )


def test_a_question_on_swedish_law_weighs_the_eu_directive_and_judgments_less():
    from types import SimpleNamespace

    from bot.answer.analysis import analyse
    from bot.answer.names import Names
    from bot.answer.pipeline import weighing

    engine = SimpleNamespace(names=Names(), rulings=set())

    def eu_weight(question: str) -> float:
        analysis = analyse(question)
        prefer, _ = weighing(engine, analysis.question, analysis, analysis.intent)
        return prefer.get("eu", 1.0)

    assert eu_weight("vilken paragraf i LOU handlar om reserverade kontrakt?") < 1
    # ... but not one that asks about EU law or what a court said
    assert eu_weight("vad säger EU-direktivet om skyddade verkstäder?") == 1
    assert eu_weight("vad sa EU-domstolen om minimilön?") == 1


def test_the_directives_articles_and_the_eu_courts_judgments_are_eu_law():
    from bot.search.scope import eu_law_of

    documents = {
        "direktiv-art-20": {"kind": "law", "refs": ["art. 20 direktiv 2014/24/EU", "4 kap. 18 § LOU"]},
        "eu-ruffert": {"kind": "case-law", "refs": ["C-346/06", "17 kap. 2–5 §§ LOU"]},
        "lou-4-18": {"kind": "law", "refs": ["4 kap. 18 § LOU", "art. 20 direktiv 2014/24/EU"]},
        "se-alingsas-iop": {"kind": "case-law", "refs": ["Kammarrätten i Göteborg mål 3556-18"]},
    }
    assert eu_law_of(documents) == {"direktiv-art-20", "eu-ruffert"}


def test_chat_shorthand_and_english_filler_are_read_in_the_files_words():
    from bot.search.textproc import normalise_chat

    assert "kollektivavtalskrav" in normalise_chat("behöver vi ha kk-krav i städupphandlingen??")
    assert "är det tillåtet" in normalise_chat("sysselsättningskrav, is it even legal?")
    assert "tillåtet" in normalise_chat("kollektivavtalskrav ok eller ej")
    assert "sociala företag" in normalise_chat("nåt bra exempel på städ med soc företag?")


def test_what_a_word_means_is_not_taken_for_a_yes_or_no_question_that_uses_the_word(settings, kb_dir):
    from bot.answer.pipeline import Pipeline

    (kb_dir / "faq" / "faq-langtidsarbetslos-slutar.md").write_text(
        """---
id: faq-langtidsarbetslos-slutar
title: Vad händer om den långtidsarbetslöse slutar?
kind: faq
refs: ["17 kap. 1 § LOU"]
sources:
  - url: https://www.upphandlingsmyndigheten.se/hallbarhet/socialt-ansvarsfull-upphandling/upphandling-med-mal-att-oka-sysselsattningen/
    title: Upphandling med mål att öka sysselsättningen
checked: 2026-11-22
questions:
  - vad betyder det om en långtidsarbetslös slutar
---
# Vad händer om den långtidsarbetslöse slutar?

## Kort svar
Det beror på villkoret. Oftast ska leverantören ersätta personen med en annan ur målgruppen.
""",
        encoding="utf-8",
    )
    answer = Pipeline(settings).ask("vad betyder långtidsarbetslös?")
    assert answer.answered
    assert answer.parts[0].doc_id == "ord-langtidsarbetslos"
    # ... nor when it is one part of a compound question
    answer = Pipeline(settings).ask(
        "vad betyder långtidsarbetslös för nåt, och får vi kräva att leverantören anställer en?"
    )
    assert answer.answered
    assert answer.parts[0].doc_id == "ord-langtidsarbetslos"


def test_a_laws_definition_weighs_less_unless_the_question_asks_what_the_law_is():
    from types import SimpleNamespace

    from bot.answer.analysis import analyse
    from bot.answer.names import Names
    from bot.answer.pipeline import weighing
    from bot.search.scope import law_terms_of

    documents = {
        "ord-luf": {"kind": "glossary", "synonyms": ["luf", "försörjningslagen"]},
        "ord-iop": {"kind": "glossary", "synonyms": ["iop"]},
    }
    assert law_terms_of(documents) == {"ord-luf"}
    engine = SimpleNamespace(names=Names(), rulings=set())

    def law_term_weight(question: str) -> float:
        analysis = analyse(question)
        prefer, _ = weighing(engine, analysis.question, analysis, analysis.intent)
        return prefer.get("law-term", 1.0)

    assert law_term_weight("does LUF allow reserved contracts") < 1
    assert law_term_weight("Vad är LUF?") == 1


def test_no_known_example_but_a_judgment_on_the_instrument_leads_with_the_judgment(settings, pipeline):
    judgment = "se-stockholmshem-belstroj-uteslutning.md"
    (settings.knowledge_dir / "case-law").mkdir(exist_ok=True)
    repo_kb = Path(__file__).parent.parent / "knowledge"
    shutil.copy(repo_kb / "case-law" / judgment, settings.knowledge_dir / "case-law")
    pipeline.reindex()
    answer = pipeline.ask("Finns det fall där en leverantör uteslutits för brott mot arbetsrätten?")
    assert answer.precedent_match == "none"
    assert answer.parts[0].doc_id == "se-stockholmshem-belstroj-uteslutning"
    assert answer.parts[0].label == "Ett rättsfall (uteslutning av leverantör)"
    # ... but a judgment is no case of a kind of purchase the question names
    answer = pipeline.ask(
        "Finns det fall där en leverantör av städning uteslutits för brott mot arbetsrätten?"
    )
    assert answer.precedent_match == "none"
    assert not answer.parts[0].label.startswith("Ett rättsfall")


def test_a_may_we_question_naming_samhall_also_shows_the_glossarys_note_on_samhall(settings, pipeline):
    repo_kb = Path(__file__).parent.parent / "knowledge"
    shutil.copy(repo_kb / "glossary" / "ord-samhall.md", settings.knowledge_dir / "glossary")
    shutil.copy(repo_kb / "glossary" / "ord-lou.md", settings.knowledge_dir / "glossary")
    pipeline.reindex()
    # an abbreviation is no name: the answer is not padded with what LOU is
    lou = pipeline.ask("Får vi reservera en upphandling för sociala företag enligt LOU?")
    assert lou.answered and "ord-lou" not in [p.doc_id for p in lou.parts]
    answer = pipeline.ask("Får kommunen reservera en upphandling enbart för Samhall?")
    assert answer.answered and answer.parts[0].doc_id != "ord-samhall"
    named = [p for p in answer.parts if p.doc_id == "ord-samhall"]
    assert named and named[0].label == "Om Samhall" and named[0].section == "tank-pa"
    # whether Samhall is a social enterprise is answered by the note on Samhall first
    counts = pipeline.ask("Räknas Samhall som socialt företag när kommunen vill reservera en upphandling?")
    assert counts.answered and counts.parts[0].doc_id == "ord-samhall"
    # a term written in small letters is no name: "långtidsarbetslös" gets no such note
    plain = pipeline.ask("Får vi kräva att leverantören anställer långtidsarbetslösa?")
    assert not [p for p in plain.parts if p.label and p.label.startswith("Om ")]


def test_a_comparison_with_samhall_as_one_side_shows_the_glossarys_samhall_not_a_precedent(
    settings, pipeline
):
    repo_kb = Path(__file__).parent.parent / "knowledge"
    shutil.copy(repo_kb / "glossary" / "ord-samhall.md", settings.knowledge_dir / "glossary")
    pipeline.reindex()
    question = (
        "Samhall eller ett arbetsintegrerande socialt företag – kan båda vinna en reserverad upphandling?"
    )
    answer = pipeline.ask(question, min_confidence=0.0)  # the test model's scores are low
    samhall = [p for p in answer.parts if p.label == "Samhall"]
    assert samhall and samhall[0].doc_id == "ord-samhall"


def test_a_broad_question_on_social_considerations_is_led_by_the_overview_of_the_instruments(
    settings, pipeline
):
    repo_kb = Path(__file__).parent.parent / "knowledge"
    overview = "faq-reservation-sysselsattningskrav-eller-arbetsrattsliga-villkor"
    text = (repo_kb / "faq" / f"{overview}.md").read_text(encoding="utf-8")
    # (the files it compares are not all in the test knowledge base)
    text = "\n".join(line for line in text.splitlines() if not line.startswith("compares:"))
    (settings.knowledge_dir / "faq" / f"{overview}.md").write_text(text + "\n", encoding="utf-8")
    pipeline.reindex()
    for asked in (
        "sociala hänsyn i bygg?? tips",
        "politikerna vill ha fler jobb via upphandlingarna, vad kan vi ens göra",
        "vi vill göra ngt socialt med städupphandlingen nästa år, var börjar man",
        "vill skriva en motion om sociala krav i upphandling, vad ska jag ta med?",
        "hej! vilka sociala krav kan vi ha i bygg",
        "hur funkar sociala hänsyn i städupphandling",
        "vi e en liten kommun, enklaste sättet att få in sociala krav?",
        "social hänsyn i upphandling, basically vad kan en kommun göra",
        "nån quick win för sociala hänsyn i byggprojekt",
        "vår städupphandling går ut snart, nåt socialt vi kan lägga in innan?",
    ):
        answer = pipeline.ask(asked, min_confidence=0.0)
        assert answer.parts[0].doc_id == overview, asked
    # a question on one instrument is not broad: its own files answer it
    narrow = pipeline.ask("Får vi reservera städningen för sociala företag, tips?", min_confidence=0.0)
    assert narrow.parts[0].doc_id != overview
    # how the term works, with no kind of purchase named, asks what it means
    term = pipeline.ask("hur funkar social upphandling i sverige", min_confidence=0.0)
    assert term.parts[0].doc_id != overview
    # a question that nearly quotes one file's own is not broad, "tips" or not
    shutil.copy(repo_kb / "guidance" / "uppfoljning-sociala-krav.md", settings.knowledge_dir / "guidance")
    pipeline.reindex()
    follow_up = pipeline.ask("tips för att följa upp sociala krav i avtalet", min_confidence=0.0)
    assert follow_up.parts[0].doc_id == "uppfoljning-sociala-krav"


@pytest.mark.parametrize(
    "question",
    [
        "vad kan du hjälpa mig med?",
        "hej, vem är du",
        "What can you do?",
        "Hej Hänsyn, vad kan du hjälpa mig med?",
    ],
)
def test_a_question_about_hansyn_itself_says_what_it_is_for(pipeline, question):
    from bot.answer.render_text import render_text

    answer = pipeline.ask(question)
    assert answer.about_bot and not answer.answered and answer.referral is None
    assert render_text(answer).startswith("Jag är Hänsyn.")
    # a question that only starts like one is answered as usual
    assert not pipeline.ask("vad kan du säga om reserverad upphandling enligt 4 kap. 18 § LOU?").about_bot


def write_overview(settings) -> str:
    """An overview FAQ (tagged `översikt`) in the fixture knowledge base; its id."""
    overview = "faq-vad-passar-nar"
    (settings.knowledge_dir / "faq" / f"{overview}.md").write_text(
        f"""---
id: {overview}
title: Reserverad upphandling eller sysselsättningskrav – vad passar när?
kind: faq
refs: ["4 kap. 18 § LOU", "17 kap. 1 § LOU"]
sources:
  - url: https://www.upphandlingsmyndigheten.se/
    title: Upphandlingsmyndigheten
checked: 2026-11-22
tags: [översikt]
---
# Reserverad upphandling eller sysselsättningskrav – vad passar när?

## Kort svar
Det beror på vilket problem ni vill lösa: 4 kap. 18 § LOU för sociala företag, 17 kap. 1 § LOU för jobb hos
vilken leverantör som helst.
""",
        encoding="utf-8",
    )
    return overview


def test_a_greeting_asking_what_hansyn_can_do_gets_the_overview_as_its_answer(settings, pipeline):
    from bot.answer.render_text import render_text

    overview = write_overview(settings)
    pipeline.reindex()
    answer = pipeline.ask("hej! vad kan du hjälpa mig med")
    # a reply, not a decline: what Hänsyn is for, then what each instrument is for, with its source
    assert answer.about_bot and answer.answered and answer.referral is None
    assert [p.doc_id for p in answer.parts] == [overview]
    assert [s.id.split("#")[0] for s in answer.sources] == [overview]
    text = render_text(answer)
    assert text.startswith("Jag är Hänsyn.") and "Det beror på vilket problem ni vill lösa" in text


def test_a_broad_question_in_a_sector_ranks_the_overview_first(settings, pipeline):
    overview = write_overview(settings)
    pipeline.reindex()
    # (the fixture's hashing encoder is too unsure to answer; the ranking is what is lifted)
    answer = pipeline.ask("sociala krav i städningen, tips?")
    assert answer.sources[0].id.split("#")[0] == overview


def test_cases_tried_in_court_are_listed_under_what_the_courts_said(settings, pipeline):
    repo_kb = Path(__file__).parent.parent / "knowledge"
    for kind, doc in (
        ("faq", "faq-svenska-domar-sociala-kriterier-och-villkor"),
        ("example", "uppsala-ferlin-reserverad-ideburna"),
    ):
        text = (repo_kb / kind / f"{doc}.md").read_text(encoding="utf-8")
        text = "\n".join(line for line in text.splitlines() if not line.startswith(("compares:", "related:")))
        (settings.knowledge_dir / kind / f"{doc}.md").write_text(text + "\n", encoding="utf-8")
    pipeline.reindex()
    answer = pipeline.ask("Finns det något exempel på en reserverad upphandling som överprövats?")
    assert answer.parts[0].doc_id == "faq-svenska-domar-sociala-kriterier-och-villkor"
    assert answer.parts[0].label == "Vad domstolarna har sagt"
    # Vänersborg and Kristianstad reserved too, but no court tried their contracts
    assert [p.doc_id for p in answer.precedents] == ["uppsala-ferlin-reserverad-ideburna"]
    # asked in two parts, the part about the courts is answered by what they said, not by the
    # guidance on reserving put above it
    answer = pipeline.ask("Har en reserverad upphandling nånsin överprövats? har nån leverantör klagat")
    assert [p.doc_id for p in answer.parts] == ["faq-svenska-domar-sociala-kriterier-och-villkor"]


def test_excluding_a_supplier_for_what_an_authority_found_is_not_sent_to_that_authority(pipeline):
    # a VAT question goes to Skatteverket, but whether unpaid VAT lets us exclude a supplier is
    # an exclusion question the knowledge base is for
    assert pipeline.ask("Är det moms på städtjänster?", min_confidence=0.0).answered is False
    answer = pipeline.ask("Får vi utesluta en leverantör som inte betalat moms?", min_confidence=0.0)
    assert answer.answered and (answer.referral is None or answer.referral.id != "skatteverket")


def test_a_faq_that_helps_choose_weighs_less_when_one_instrument_is_asked_for_its_provision(pipeline):
    from bot.answer.analysis import analyse
    from bot.answer.pipeline import weighing

    def decision_weight(question: str) -> float:
        analysis = analyse(question)
        prefer, _ = weighing(pipeline._engine, question, analysis, analysis.intent)
        return prefer.get("decision", prefer.get("faq", 1.0))

    # "which provision allows employment requirements" is not answered by the FAQ choosing
    # between them and award criteria; a provision asked across two laws may be
    assert decision_weight("Vilket lagrum ger stöd för att ställa sysselsättningskrav?") < 1.0
    assert decision_weight("Vilken bestämmelse i LUF motsvarar 4 kap. 18 § LOU?") >= 1.0


def test_a_part_its_own_words_find_nothing_sure_for_is_answered_from_the_whole_question(settings, pipeline):
    repo_kb = Path(__file__).parent.parent / "knowledge"
    for kind, name in [
        ("glossary", "ord-overprovning.md"),
        ("guidance", "stod-och-tillsyn.md"),
        ("faq", "faq-krav-anstalla-langtidsarbetslosa.md"),
    ]:
        (settings.knowledge_dir / kind).mkdir(exist_ok=True)
        shutil.copy(repo_kb / kind / name, settings.knowledge_dir / kind)
    pipeline.reindex()
    answer = pipeline.ask("Hur lång är avtalsspärren och hur går en överprövning till?", min_confidence=0.0)
    # "Hur lång är avtalsspärren" alone finds nothing sure ("lång" is not "långtidsarbetslösa"):
    # the file the whole question finds answers it
    assert answer.answered and answer.parts[0].doc_id == "ord-overprovning"


def test_asking_how_it_went_after_asking_for_cases_is_answered_by_the_cases_not_by_a_rule(pipeline):
    answer = pipeline.ask("Finns det exempel på reserverad upphandling av tvätt? Och hur gick det?")
    assert "kristianstad-samhall-arbetsklader" in [p.doc_id for p in answer.precedents]
    # "hur gick det?" is no question of its own that some rule's text answers above the cases
    assert not [p for p in answer.parts if p.label and "hur gick det" in p.label.lower()]


def test_asking_for_examples_to_show_the_council_is_not_sent_to_the_municipal_lawyer(settings, pipeline):
    (settings.knowledge_dir / "referral" / "kommunjurist.md").write_text(
        """---
id: kommunjurist
title: Kommunallagen – kommunens jurist
kind: referral
where: kommunens jurist
url: https://skr.se/
topics: [kommunstyrelsen, kommunallagen]
refs: []
sources:
  - url: https://skr.se/
    title: SKR
checked: 2026-11-22
---
# Kommunallagen – kommunens jurist

## Kort svar
Frågor om kommunallagen ställer du till kommunens jurist.
""",
        encoding="utf-8",
    )
    pipeline.reindex()
    answer = pipeline.ask("ge mig tre bra exempel att visa för kommunstyrelsen")
    assert answer.answered and answer.precedents and answer.referral is None
    # ... while a question on the council itself still goes to the lawyer
    assert pipeline.ask("vad får kommunstyrelsen besluta enligt kommunallagen?").referral.id == "kommunjurist"


def test_a_choosing_faq_that_asks_the_users_question_is_weighed_as_a_faq_when_nearest_and_best(pipeline):
    from bot.search.retrieval import POLAR_TITLE

    retriever = pipeline.refresh().retriever
    hits = retriever.search("Får vi kräva att leverantören anställer långtidsarbetslösa?").documents()
    faq = next(h for h in hits if h.passage.doc_id == "faq-sysselsattningskrav")
    other = next(h for h in hits if h.passage.doc_id == "arbetsrattsliga-villkor")
    # the FAQ helps choose (`compares`) and its title asks "Får vi …?"
    retriever.deciding, retriever.polar_deciding = {faq.passage.doc_id}, {faq.passage.doc_id}
    prefer = {"faq": 1.075, "guidance": 1.038, "decision": 0.88}

    def first(nearest):
        faq.score, other.score = 1.0, 0.95
        return retriever._reweigh([faq, other], prefer, set(), None, None, nearest)[0].passage.doc_id

    assert first("faq-sysselsattningskrav") == "faq-sysselsattningskrav"
    assert first(None) == "arbetsrattsliga-villkor"  # its phrasings not the nearest: a choice
    assert POLAR_TITLE.match("Får vi ställa krav på att personalen i hemtjänsten kan svenska?")
    assert not POLAR_TITLE.match("Kan vi kombinera en reserverad upphandling med sysselsättningskrav?")
    assert not POLAR_TITLE.match("Ska vi direktupphandla eller göra en reserverad upphandling?")


def with_shipped(settings, pipeline, kind: str, *names: str) -> None:
    """These files of the shipped knowledge base in the test's, reindexed."""
    repo_kb = Path(__file__).parent.parent / "knowledge"
    (settings.knowledge_dir / kind).mkdir(exist_ok=True)
    for name in names:
        shutil.copy(repo_kb / kind / f"{name}.md", settings.knowledge_dir / kind)
    pipeline.reindex()


def test_a_supplier_written_as_a_common_word_is_looked_up_and_the_kind_of_buyer_is_kept(settings, pipeline):
    with_shipped(
        settings,
        pipeline,
        "example",
        "region-orebro-bilpool-samhall-reform",
        "region-orebro-partnerskap-sociala-innovationer",
    )
    answer = pipeline.ask("Har någon kommun köpt något från Reform? Vad gällde det i så fall")
    assert answer.intent == "precedents" and answer.precedent_match == "none"
    # "Reform" is also the supplier written "Re:form"; only a region bought from it
    assert {p.doc_id for p in answer.precedents} == {
        "region-orebro-bilpool-samhall-reform",
        "region-orebro-partnerskap-sociala-innovationer",
    }
    assert "hos kommuner" in answer.precedent_wanted and "med Reform" in answer.precedent_wanted
    assert not answer.parts  # "vad gällde det" follows the lookup up: no rule of its own


def test_a_kind_of_supplier_asked_by_its_adjective_is_defined(settings, pipeline):
    with_shipped(settings, pipeline, "glossary", "ord-ideburen-organisation", "ord-leverantor")
    answer = pipeline.ask("Vad är en idéburen leverantör?")
    assert answer.parts[0].doc_id == "ord-ideburen-organisation"


def test_a_municipality_named_as_buyer_gets_its_own_precedents_before_the_regions(settings, pipeline):
    with_shipped(
        settings,
        pipeline,
        "example",
        "orebro-stadsmissionen-iop-vinternatt",
        "obo-vivalla",
        "region-orebro-bilpool-samhall-reform",
    )
    answer = pipeline.ask("Har Örebro kommun gjort något med sociala hänsyn i sina upphandlingar?")
    assert answer.intent == "precedents"
    shown = [p.doc_id for p in answer.parts] + [p.doc_id for p in answer.precedents]
    regions = [n for n, doc in enumerate(shown) if doc.startswith("region-orebro")]
    own = [n for n, doc in enumerate(shown) if not doc.startswith("region-orebro")]
    # the municipality's IOP and its housing company's contract first; the region's cases in
    # the same town still follow
    assert own and regions and max(own) < min(regions)


def test_whether_samhall_is_a_social_enterprise_is_not_answered_by_a_no_to_another_question(
    settings, pipeline
):
    with_shipped(settings, pipeline, "glossary", "ord-samhall", "ord-arbetsintegrerande-socialt-foretag")
    with_shipped(settings, pipeline, "faq", "faq-juridisk-form-socialt-foretag")
    answer = pipeline.ask("är samhall ett socialt företag?")
    shown = [p.doc_id for p in answer.parts]
    # the note on Samhall, then what such an enterprise is; not "Nej." to whether one must be a cooperative
    assert shown[0] == "ord-samhall" and "ord-arbetsintegrerande-socialt-foretag" in shown
    assert "faq-juridisk-form-socialt-foretag" not in shown


def test_two_names_of_one_term_set_side_by_side_get_the_terms_meaning(settings, pipeline):
    with_shipped(settings, pipeline, "glossary", "ord-social-upphandling")
    answer = pipeline.ask("social upphandling vs socialt hållbar upphandling, samma sak?")
    # one term under two of its names: what it means, not a comparison of two things
    assert answer.intent == "definition" and answer.parts[0].doc_id == "ord-social-upphandling"


def test_a_partner_only_the_precedents_texts_mention_filters_them(settings, pipeline):
    with_shipped(settings, pipeline, "example", "lulea-fourm-tvatteri", "karlskrona-kasak-bilvard")
    answer = pipeline.ask("vilka kommuner har samarbetat med Coompanion?")
    # Coompanion is no buyer or supplier in any front matter; two precedents tell of it
    assert {p.doc_id for p in answer.precedents} == {"lulea-fourm-tvatteri", "karlskrona-kasak-bilvard"}
    assert "Coompanion" in answer.precedent_wanted


def test_a_broad_question_on_buying_goods_gets_the_supply_chain_overview(settings, pipeline):
    overview = write_overview(settings)
    with_shipped(settings, pipeline, "guidance", "manskliga-rattigheter-leverantorskedjan")
    # computers and workwear are made in global supply chains: human rights there, not jobs here
    for question in (
        "vilka sociala krav kan vi ställa när vi köper datorer",
        "sociala krav på arbetskläder, tips?",
    ):
        answer = pipeline.ask(question, min_confidence=0.0)
        assert answer.parts[0].doc_id == "manskliga-rattigheter-leverantorskedjan", question
    answer = pipeline.ask("vilka sociala krav kan vi ställa när vi köper städtjänster", min_confidence=0.0)
    assert answer.parts[0].doc_id == overview
