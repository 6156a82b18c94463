"""Knowledge files changed outside the repository: saves with history, restore, removal, and the
image's shipped texts copied onto a volume once, later versions reported but never copied over."""

import shutil
from pathlib import Path

import pytest

from bot.errors import HansynError
from bot.knowledge import editing
from bot.knowledge.loader import knowledge_files, validate_knowledge
from bot.knowledge.shipped import MANIFEST, changes_in_image, seed

FIXTURE = Path(__file__).parent / "fixtures" / "knowledge"


@pytest.fixture
def kb(tmp_path) -> Path:
    root = tmp_path / "knowledge"
    shutil.copytree(FIXTURE, root)
    return root


def test_a_save_keeps_the_previous_version_out_of_the_knowledge_files(kb):
    path = kb / "guidance" / "arbetsrattsliga-villkor.md"
    old = path.read_bytes()
    upload = editing.check_upload(kb, "x.md", old.replace(b"Nej, ni", b"Nej, man"))
    assert upload.ok and upload.old_hash == editing.content_hash(old)
    assert editing.save(kb, upload) == (editing.content_hash(old), upload.new_hash)
    [kept] = editing.versions(kb, "arbetsrattsliga-villkor")
    assert kept.read_bytes() == old and "-guidance-" in kept.name
    assert all(".history" not in p.parts for p in knowledge_files(kb))
    assert validate_knowledge(kb)[1] == []


def test_a_save_against_a_changed_file_is_a_conflict(kb):
    path = kb / "guidance" / "arbetsrattsliga-villkor.md"
    upload = editing.check_upload(kb, "x.md", path.read_bytes().replace(b"Nej, ni", b"Nej, man"))
    path.write_bytes(path.read_bytes() + b"\nEn rad till.\n")
    with pytest.raises(editing.EditConflict):
        editing.save(kb, upload)


def test_restore_knows_the_folder_of_a_kind_with_a_dash(kb):
    (kb / "case-law").mkdir()
    text = (kb / "faq" / "faq-sysselsattningskrav.md").read_text()
    case = text.replace("id: faq-sysselsattningskrav", "id: eu-beentjes").replace(
        "kind: faq", "kind: case-law"
    )
    upload = editing.check_upload(kb, "dom.md", case.encode())
    assert upload.ok, upload.problems
    editing.save(kb, upload)
    editing.remove(kb, "eu-beentjes")
    assert editing.knowledge_path(kb, "eu-beentjes") is None
    _, _, restored = editing.restore(kb, "eu-beentjes")
    assert restored == kb / "case-law" / "eu-beentjes.md" and restored.read_text() == case
    with pytest.raises(HansynError, match="ingen tidigare version"):
        editing.restore(kb, "eu-beentjes")


def test_an_upload_that_breaks_another_file_is_refused(kb):
    text = (kb / "faq" / "faq-sysselsattningskrav.md").read_text()
    bad = text.replace("kind: faq", "kind: faq\ncompares: [finns-inte, reserverad-upphandling]")
    upload = editing.check_upload(kb, "x.md", bad.encode())
    assert not upload.ok and any("compares: 'finns-inte' finns inte" in p for p in upload.problems)


def test_the_first_start_copies_the_shipped_texts_and_later_ones_are_only_reported(kb, tmp_path):
    volume = tmp_path / "data" / "knowledge"
    copied = seed(kb, volume)
    assert "faq/faq-sysselsattningskrav.md" in copied
    assert sorted(str(p.relative_to(volume)) for p in knowledge_files(volume)) == sorted(
        str(p.relative_to(kb)) for p in knowledge_files(kb)
    )
    assert (volume / MANIFEST).is_file() and changes_in_image(kb, volume) == []
    assert seed(kb, volume) == []  # a volume with knowledge is never seeded again
    # an admin edits one file on the volume; the next image ships a newer version of it and a new file
    edited = volume / "guidance" / "reserverad-upphandling.md"
    edited.write_text(edited.read_text() + "\nÄndrad av en admin.\n")
    shipped = kb / "guidance" / "reserverad-upphandling.md"
    shipped.write_text(shipped.read_text() + "\nNyare i avbildningen.\n")
    (kb / "faq" / "faq-ny.md").write_text((kb / "faq" / "faq-sysselsattningskrav.md").read_text())
    report = {c.path: (c.status, c.edited) for c in changes_in_image(kb, volume)}
    assert report == {"guidance/reserverad-upphandling.md": ("nyare", True), "faq/faq-ny.md": ("ny", False)}
    assert "Ändrad av en admin." in edited.read_text()  # never overwritten
