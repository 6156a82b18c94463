"""Admins change the knowledge base from the chat, end to end: the real PTB client fetches the
uploaded file from the fake Bot API (getFile and the file download), checks it, previews it and
saves it on Spara; bad files are refused with nothing changed."""

from __future__ import annotations

import pytest
from botkit import NEW_FAQ
from fake_telegram import ADMIN, USER
from test_telegram_e2e import buttons, checked_bot, eventually, has_keyboard

from bot.knowledge import editing

ADMIN_TWO = {**ADMIN, "id": 1002, "first_name": "Admin två"}


@pytest.fixture
async def bot(fake, settings, pipeline):
    import dataclasses

    settings = dataclasses.replace(settings, admin_ids=frozenset({1001, 1002}))
    async for h in checked_bot(fake, settings, pipeline):
        yield h


async def upload(bot, name: str, data: bytes, user=ADMIN, **kw):
    message = bot.fake.send_document(name, data, user=user, **kw)
    return await bot.reply_to(message)


def files(kb_dir) -> dict[str, bytes]:
    return {
        str(p.relative_to(kb_dir)): p.read_bytes() for p in kb_dir.rglob("*.md") if ".history" not in p.parts
    }


async def save(bot, preview, user=ADMIN):
    after = bot.fake.mark("sendMessage")
    bot.fake.press(buttons(preview)["Spara"], preview.result, user=user)
    [reply] = await bot.fake.wait_for("sendMessage", after=after)
    return reply


async def test_a_new_file_is_previewed_saved_and_then_answered_from(bot, fake, kb_dir):
    before = bot.pipeline.ask("Får vi köpa xylofoner med sociala krav?")
    assert not before.answered or "xylofon" not in before.short_answer
    preview = await upload(bot, "xylofon.md", NEW_FAQ.encode())
    assert [c.params["file_id"] for c in fake.calls_to("getFile")] == ["upload1"]
    assert any(c.method == "download" for c in fake.calls)
    assert "<b>Får vi köpa xylofoner med sociala krav?</b>" in preview.text
    assert "vanlig fråga · id <code>faq-xylofon</code>" in preview.text
    assert "<b>17 kap. 1 § LOU</b>" in preview.text and "En ny fil." in preview.text
    assert set(buttons(preview)) == {"Spara", "Avbryt"}
    assert not (kb_dir / "faq" / "faq-xylofon.md").exists()  # nothing until Spara
    done = await save(bot, preview)
    assert done.text.startswith("✅ Sparat och inbyggt i indexet")
    assert (kb_dir / "faq" / "faq-xylofon.md").read_bytes() == NEW_FAQ.encode()
    _, answer = await bot.ask("Får vi köpa xylofoner med sociala krav?")
    assert "xylofonupphandlingar får ha särskilda kontraktsvillkor" in answer.text
    await bot.settle()
    [row] = await eventually(
        lambda: list(bot.db().query("SELECT * FROM admin_actions WHERE action = 'upload'"))
    )
    assert row["result"] == "ok" and row["doc_id"] == "faq-xylofon"
    assert row["old_hash"] is None and row["new_hash"] == editing.content_hash(NEW_FAQ.encode())
    assert str(ADMIN["id"]) not in row["user_key"]


async def test_an_invalid_upload_lists_its_problems_by_field_and_changes_nothing(bot, kb_dir):
    before = files(kb_dir)
    bad = NEW_FAQ.replace('refs: ["17 kap. 1 § LOU"]', 'refs: ["17 kapitel ett"]').replace(
        "## Kort svar", "## Svar"
    )
    reply = await upload(bot, "xylofon.md", bad.encode())
    assert reply.text.startswith("❌ Filen sparades inte.")
    assert "knowledge/faq/faq-xylofon.md: refs:" in reply.text
    assert "knowledge/faq/faq-xylofon.md: body: saknar avsnittet" in reply.text
    assert not has_keyboard(reply) and files(kb_dir) == before


@pytest.mark.parametrize(
    ("name", "data", "kw", "problem"),
    [
        ("stor.md", b"x", {"declared_size": 300 * 1024}, "högst 200 kB"),
        ("latin1.md", NEW_FAQ.replace("xylofoner", "xylofonér").encode("latin-1"), {}, "inte UTF-8"),
        ("bild.png", b"\x89PNG\r\n\x1a\n", {"mime_type": "image/png"}, "bara Markdown-filer"),
        (
            "farlig.md",
            NEW_FAQ.replace(
                "kind: faq", "kind: faq\nx: !!python/object/apply:os.system ['touch /tmp/pwned']"
            ).encode(),
            {},
            "bara vanlig data",
        ),
        (
            "flykt.md",
            NEW_FAQ.replace("id: faq-xylofon", "id: ../../etc/passwd").encode(),
            {},
            "ska vara gemener",
        ),
        (
            "dubblett.md",
            NEW_FAQ.replace("id: faq-xylofon", "id: arbetsrattsliga-villkor").encode(),
            {},
            "finns redan som guidance",
        ),
    ],
)
async def test_bad_files_are_refused_with_a_clear_message(bot, kb_dir, name, data, kw, problem):
    before = files(kb_dir)
    build = bot.pipeline.index.build_id
    reply = await upload(bot, name, data, **kw)
    assert reply.text.startswith("❌ Filen sparades inte.") and problem in reply.text
    assert files(kb_dir) == before and bot.pipeline.index.build_id == build


async def test_a_replacement_shows_what_changes_and_restore_puts_the_old_version_back(bot, fake, kb_dir):
    path = kb_dir / "guidance" / "arbetsrattsliga-villkor.md"
    original = path.read_bytes()
    new = original.decode().replace("checked: 2024-01-10", "checked: 2026-12-03")
    new = new.replace("Skyldigheten gäller när värdet", "Skyldigheten gäller bara när värdet")
    preview = await upload(bot, "ny-version.md", new.encode())
    assert "Ersätter den nuvarande filen <code>arbetsrattsliga-villkor</code>" in preview.text
    assert "Ändrade avsnitt: När villkoren ska ställas" in preview.text
    assert "Kontrollerad: 2024-01-10 → 2026-12-03" in preview.text
    await save(bot, preview)
    assert path.read_text() == new
    assert len(editing.versions(kb_dir, "arbetsrattsliga-villkor")) == 1
    restored = await bot.reply_to(fake.send_text("/aterstall arbetsrattsliga-villkor", user=ADMIN))
    assert restored.text.startswith("✅ Sparat")
    assert path.read_bytes() == original
    passage = bot.pipeline.passage("arbetsrattsliga-villkor#nar-villkoren-ska-stallas")
    assert passage.text.startswith("Skyldigheten gäller när värdet")


async def test_two_admins_saving_the_same_file_at_once_one_wins_and_the_other_is_told(bot, fake, kb_dir):
    path = kb_dir / "guidance" / "arbetsrattsliga-villkor.md"
    text = path.read_text()
    first = await upload(bot, "a.md", text.replace("Nej, ni får inte", "Nej, ni får absolut inte").encode())
    second = await upload(
        bot, "b.md", text.replace("Nej, ni får inte", "Nej, man får inte").encode(), user=ADMIN_TWO
    )
    won = await save(bot, first)
    lost = await save(bot, second, user=ADMIN_TWO)
    assert won.text.startswith("✅") and lost.text.startswith("⚠️ Inte sparat")
    assert "har ändrats sedan du laddade upp filen" in lost.text
    assert "Nej, ni får absolut inte" in path.read_text()


async def test_a_crash_while_saving_leaves_the_knowledge_base_and_index_as_they_were(
    bot, kb_dir, monkeypatch
):
    before, build = files(kb_dir), bot.pipeline.index.build_id
    preview = await upload(bot, "xylofon.md", NEW_FAQ.encode())

    def crash(*args, **kwargs):
        raise OSError("disken tog slut")

    monkeypatch.setattr(editing.os, "replace", crash)
    reply = await save(bot, preview)
    assert reply.text.startswith("❌ Inte ändrat") or "disken tog slut" in reply.text
    assert files(kb_dir) == before and bot.pipeline.index.build_id == build
    assert not [p for p in (kb_dir / "faq").iterdir() if p.name.startswith(".")]  # no temp file left


async def test_a_non_admin_file_is_an_ordinary_message_and_never_saved(bot, fake, kb_dir):
    before = files(kb_dir)
    reply = await upload(bot, "xylofon.md", NEW_FAQ.encode(), user=USER)
    assert reply.text == "Jag svarar bara på textfrågor. Skriv din fråga som text."
    assert fake.calls_to("getFile") == [] and files(kb_dir) == before


async def test_remove_needs_a_confirmation_and_the_file_can_be_restored(bot, fake, kb_dir):
    path = kb_dir / "faq" / "faq-sysselsattningskrav.md"
    original = path.read_bytes()
    ask = await bot.reply_to(fake.send_text("/ta_bort faq-sysselsattningskrav", user=ADMIN))
    assert "Ta bort <code>faq-sysselsattningskrav</code>?" in ask.text and path.exists()
    after = fake.mark("sendMessage")
    fake.press(buttons(ask)["Ta bort"], ask.result, user=ADMIN)
    [done] = await fake.wait_for("sendMessage", after=after)
    assert done.text.startswith("✅") and not path.exists()
    assert bot.pipeline.passage("faq-sysselsattningskrav#kort-svar") is None
    back = await bot.reply_to(fake.send_text("/aterstall faq-sysselsattningskrav", user=ADMIN))
    assert back.text.startswith("✅") and path.read_bytes() == original
    await bot.settle()

    def actions():
        rows = [r["action"] for r in bot.db().query("SELECT action FROM admin_actions ORDER BY id")]
        return rows if rows[-2:] == ["remove", "restore"] else None

    await eventually(actions)


async def test_kunskap_lists_the_files_and_hamta_sends_one_back(bot, fake, kb_dir):
    overview = await bot.reply_to(fake.send_text("/kunskap", user=ADMIN))
    assert "<b>Kunskapsbanken</b>: 10 filer" in overview.text
    assert "<b>Uppgifter kontrollerade för mer än ett år sedan</b>: 1" in overview.text  # 2024-01-10
    assert "<code>arbetsrattsliga-villkor</code> (2024-01-10)" in overview.text
    found = await bot.reply_to(fake.send_text("/kunskap cykel", user=ADMIN))
    assert "1 filer matchar ”cykel”" in found.text and "region-orebro-cykelreturen" in found.text
    message = fake.send_text("/hamta region-orebro-cykelreturen", user=ADMIN)
    [sent] = await fake.wait_for("sendDocument")
    name, data = sent.files["document"]
    assert name == "region-orebro-cykelreturen.md"
    assert data == (kb_dir / "example" / "region-orebro-cykelreturen.md").read_bytes()
    assert message  # the command was answered with the file
    refused = await bot.reply_to(fake.send_text("/hamta region-orebro-cykelreturen", user=USER))
    assert "bara för Hänsyns administratörer" in refused.text


async def test_cancel_leaves_everything_as_it_was(bot, fake, kb_dir):
    before = files(kb_dir)
    preview = await upload(bot, "xylofon.md", NEW_FAQ.encode())
    stranger = fake.press(buttons(preview)["Spara"], preview.result, user=USER)  # not the uploader
    await fake.wait_for("answerCallbackQuery", lambda c: c.params["callback_query_id"] == stranger)
    assert "gäller inte längre" in fake.answered[stranger]["text"] and files(kb_dir) == before
    after = fake.mark("sendMessage")
    fake.press(buttons(preview)["Avbryt"], preview.result, user=ADMIN)
    [reply] = await fake.wait_for("sendMessage", after=after)
    assert reply.text == "Avbrutet. Inget har ändrats." and files(kb_dir) == before
