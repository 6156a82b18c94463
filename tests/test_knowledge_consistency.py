"""Warnings about the knowledge base as a whole: denylisted sources, figures that disagree."""

import dataclasses
import datetime as dt
from pathlib import Path

from click.testing import CliRunner

from bot.cli.main import main
from bot.knowledge.consistency import conflicting_figures, denylist, denylisted_sources, stale_documents
from bot.knowledge.loader import Document, Source

SHIPPED = Path(__file__).resolve().parent.parent / "knowledge"


def doc(
    doc_id: str, body: str, kind: str = "guidance", url: str = "https://www.upphandlingsmyndigheten.se/a"
):
    return Document(
        id=doc_id,
        title=doc_id,
        kind=kind,
        refs=(),
        sources=(Source(url, "A"),),
        checked=dt.date(2026, 12, 1),
        questions=(),
        tags=(),
        body=f"# {doc_id}\n\n## Kort svar\n{body}\n",
        path=f"knowledge/{kind}/{doc_id}.md",
    )


def test_the_denylist_is_read_from_the_readme():
    assert {"docplayer.se", "5dok.org", "wordscope.com"} <= set(denylist(SHIPPED / "README.md"))


def test_a_denylisted_source_is_named_with_its_file():
    copied = doc("a", "Text.", url="https://docplayer.se/123-dom.html")
    read = doc("b", "Text.")
    warnings = denylisted_sources([copied, read], ["docplayer.se"])
    assert warnings == [
        "knowledge/guidance/a.md: sources: docplayer.se är en kopia, ingen källa (https://docplayer.se/123-dom.html)"
    ]


def test_two_files_that_give_one_limit_different_amounts_are_warned_about():
    docs = [
        doc("a", "Direktupphandlingsgränsen i LOU är 700 000 kronor sedan den 1 februari 2022."),
        doc("b", "Enligt Upphandlingsmyndigheten är direktupphandlingsgränsen 615 312 kronor."),
    ]
    (warning,) = conflicting_figures(docs)
    assert warning.startswith(
        "knowledge/guidance/a.md: body: säger 700 000 kronor där knowledge/guidance/b.md säger 615 312"
    )


def test_different_things_or_different_years_are_not_conflicts():
    docs = [
        doc("a", "Direktupphandlingsgränsen i LOU är 700 000 kronor."),
        doc("b", "Tröskelvärdet för varor är 2 389 585 kronor för 2024–2025."),
        doc("c", "Tröskelvärdet för varor är 2 500 000 kronor för 2026–2027."),
        doc("d", "Minst 30 procent av de anställda ska ha en funktionsnedsättning."),
        doc("e", "Ungefär 20 procent av befolkningen har en funktionsnedsättning."),
    ]
    assert conflicting_figures(docs) == []


def test_precedents_are_not_compared_with_each_other():
    docs = [
        doc("a", "Avtalet gäller från 1 juli 2025 i fyra år.", kind="example"),
        doc("b", "Avtalet gäller från 1 juni 2021 i två år.", kind="example"),
    ]
    assert conflicting_figures(docs) == []


def test_stale_files_are_listed_oldest_first():
    old = dataclasses.replace(doc("a", "x"), checked=dt.date(2024, 1, 2))
    older = dataclasses.replace(doc("b", "x"), checked=dt.date(2023, 5, 1))
    fresh = doc("c", "x")
    assert [d.id for d in stale_documents([old, fresh, older], dt.date(2026, 12, 3))] == ["b", "a"]


def test_validate_reports_warnings_and_strict_fails_on_them(tmp_path, monkeypatch):
    kb = tmp_path / "knowledge"
    (kb / "guidance").mkdir(parents=True)
    (kb / "README.md").write_text("<!-- denylist: start -->\n- docplayer.se\n<!-- denylist: end -->\n")
    (kb / "guidance" / "a.md").write_text(
        "---\nid: a\ntitle: A\nkind: guidance\nrefs: []\nchecked: 2024-01-01\n"
        "sources: [{url: 'https://docplayer.se/1.html', title: kopia}]\n---\n# A\n## Kort svar\nText.\n"
    )
    monkeypatch.setenv("HANSYN_KNOWLEDGE_DIR", str(kb))
    result = CliRunner().invoke(main, ["validate", "--stale"])
    assert result.exit_code == 0
    assert "varning: knowledge/guidance/a.md: sources: docplayer.se" in result.output
    assert "knowledge/guidance/a.md: checked 2024-01-01" in result.output
    assert CliRunner().invoke(main, ["validate", "--strict"]).exit_code == 1
