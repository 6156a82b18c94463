from pathlib import Path

from bot.knowledge.chunking import chunk_document, sections
from bot.knowledge.loader import parse_document, validate_knowledge

GOOD = """---
id: {id}
title: Testfil
kind: guidance
refs: ["4 kap. 18 § LOU"]
sources:
  - url: https://example.org/a
    title: A
checked: 2026-11-22
questions:
  - Får vi reservera?
---
# Testfil

## Kort svar
Ja, enligt 4 kap. 18 § LOU.

## Så gör du
Steg ett.

```
## inte en rubrik
```
"""


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_every_problem_is_named_by_file_and_field(tmp_path):
    root = tmp_path / "knowledge"
    write(root, "guidance/ok.md", GOOD.format(id="ok"))
    write(root, "guidance/arkiv/ok.md", GOOD.format(id="ok"))
    write(root, "guidance/badyaml.md", "---\nid: [unclosed\n---\n# X\n")
    write(root, "guidance/nokind.md", GOOD.format(id="nokind").replace("kind: guidance", "kind: blogg"))
    write(root, "guidance/badref.md", GOOD.format(id="badref").replace('"4 kap. 18 § LOU"', '"kapitel fyra"'))
    write(
        root,
        "guidance/nosrc.md",
        GOOD.format(id="nosrc").replace("sources:\n  - url: https://example.org/a\n    title: A\n", ""),
    )
    write(root, "guidance/noshort.md", GOOD.format(id="noshort").replace("## Kort svar", "## Svar"))
    docs, problems = validate_knowledge(root)
    text = "\n".join(problems)
    assert [d.id for d in docs] == ["ok"]
    assert "knowledge/guidance/ok.md: id: 'ok' används redan i knowledge/guidance/arkiv/ok.md" in text
    assert "knowledge/guidance/badyaml.md: yaml:" in text
    assert "knowledge/guidance/nokind.md: kind: okänd typ 'blogg'" in text
    assert "knowledge/guidance/badref.md: refs: 'kapitel fyra'" in text
    assert "knowledge/guidance/nosrc.md: sources: saknas" in text
    assert "knowledge/guidance/noshort.md: body: saknar avsnittet '## Kort svar'" in text
    assert len(problems) == 6


def test_id_must_match_file_name(tmp_path):
    path = write(tmp_path / "knowledge", "guidance/annat-namn.md", GOOD.format(id="ok"))
    doc, problems = parse_document(path, tmp_path / "knowledge")
    assert doc is None
    assert problems == [
        "knowledge/guidance/annat-namn.md: id: 'ok' ska vara samma som filnamnet ('annat-namn')"
    ]


def test_chunking_gives_exact_text_ids_and_metadata(tmp_path):
    path = write(tmp_path / "knowledge", "guidance/ok.md", GOOD.format(id="ok"))
    doc, problems = parse_document(path, tmp_path / "knowledge")
    assert problems == []
    passages = chunk_document(doc)
    assert [p.id for p in passages] == ["ok#kort-svar", "ok#sa-gor-du", "ok#fraga-1"]
    assert passages[0].text == "Ja, enligt 4 kap. 18 § LOU."
    assert passages[1].text == "Steg ett.\n\n```\n## inte en rubrik\n```"
    assert passages[1].heading_path == "Testfil › Så gör du"
    assert passages[2].text == "Får vi reservera?"
    assert passages[2].target == "ok#kort-svar"
    assert all(p.refs[0] == "4 kap. 18 § LOU" and p.checked == "2026-11-22" for p in passages)


def test_headings_inside_code_fences_do_not_split():
    assert [h for h, _ in sections("## A\ntext\n```\n## B\n```\n## C\nmore")] == ["A", "C"]
