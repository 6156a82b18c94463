"""Admins keep the knowledge base current from the chat: upload a Markdown file (checked, then
previewed with Spara / Avbryt), /kunskap, /hamta, /aterstall and /ta_bort. Only admins, only in a
private chat; anyone else who sends a file gets the ordinary "text questions only" reply and
nothing is saved. Every change reindexes only what changed and is noted in admin_actions with
the old and new content hashes.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import secrets
import time
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Update
from telegram.constants import ChatType
from telegram.error import TelegramError

from ..errors import HansynError, KnowledgeError
from ..knowledge import editing
from ..knowledge.consistency import stale_documents
from ..knowledge.loader import KINDS, validate_knowledge
from ..knowledge.shipped import changes_in_image
from .admin import admin_only
from .callbacks import cb, parse_callback
from .handlers import Context, deps, in_thread, log_later, non_text, send_chunks
from .html import join_blocks
from .texts import KIND_LABELS, esc, lang_of, plain, t

logger = logging.getLogger(__name__)

PENDING_TTL_S = 30 * 60  # a preview's buttons work for half an hour
MAX_LISTED = 20


@dataclass
class Pending:
    """A change an admin has seen and may confirm: an upload to save, or a file to remove."""

    kind: str  # "save" | "remove"
    admin_id: int
    created: float
    upload: editing.Upload | None = None
    doc_id: str | None = None
    old_hash: str | None = None


def _pending(context: Context) -> dict[str, Pending]:
    store = context.application.bot_data.setdefault("hansyn-pending", {})
    now = time.monotonic()
    for token in [k for k, v in store.items() if now - v.created > PENDING_TTL_S]:
        del store[token]
    return store


def _keyboard(token: str, lang: str, yes: str, no: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(t(yes, lang), callback_data=cb("kb", "yes", token)),
                InlineKeyboardButton(t(no, lang), callback_data=cb("kb", "no", token)),
            ]
        ]
    )


# --- uploads --------------------------------------------------------------------------------


async def on_document(update: Update, context: Context) -> None:
    """A file in a private chat: an admin's upload is checked and previewed; from anyone else it
    is an ordinary message (text questions only) and nothing is read or saved."""
    d, message, user = deps(context), update.effective_message, update.effective_user
    if not d.is_admin(user) or update.effective_chat.type != ChatType.PRIVATE:
        await non_text(update, context)
        return
    lang, document = lang_of(user), message.document
    if document.file_size and document.file_size > editing.MAX_UPLOAD_BYTES:
        problems = [f"{document.file_name}: fil: {document.file_size // 1024} kB, högst 200 kB"]
    else:
        try:
            file = await context.bot.get_file(document.file_id)
            raw = bytes(await file.download_as_bytearray())
        except TelegramError as exc:  # gone, too big for the Bot API, or a network failure
            raw = None
            problems = [f"{document.file_name or 'filen'}: fil: kunde inte hämtas från Telegram ({exc})"]
        if raw is not None:
            root = d.settings.knowledge_dir
            upload = await in_thread(editing.check_upload, root, document.file_name or "", raw)
            problems = upload.problems
    if problems:
        lines = [f"• <code>{esc(p)}</code>" for p in problems[:25]]
        await send_chunks(message, join_blocks([t("kb_refused", lang), "\n".join(lines)]))
        log_later(d, "admin_action", "upload", user.id, result="refused", counts={"problems": len(problems)})
        return
    token = secrets.token_hex(6)
    _pending(context)[token] = Pending("save", user.id, time.monotonic(), upload=upload)
    await send_chunks(message, preview(upload, lang), _keyboard(token, lang, "kb_btn_save", "kb_btn_cancel"))


def preview(upload: editing.Upload, lang: str) -> list[str]:
    """What the admin is about to save: title, kind, provisions, short answer; new or a
    replacement, and for a replacement what changed."""
    doc = upload.doc
    kind = KIND_LABELS.get(lang, KIND_LABELS["sv"]).get(doc.kind, doc.kind)
    short = dict(_sections(doc.body)).get("Kort svar", "")
    blocks = [
        t("kb_preview", lang, title=doc.title, kind=kind, id=doc.id),
        f"{t('provisions', lang)}: " + (", ".join(f"<b>{esc(r)}</b>" for r in doc.refs) or "–"),
        f"<i>{esc(short)}</i>",
    ]
    if upload.replaces is None:
        blocks.append(t("kb_new", lang))
    else:
        changes = upload.changes or editing.Changes()
        lines = [t("kb_replaces", lang, id=doc.id)]
        for key, values in (
            ("kb_sections_added", changes.added),
            ("kb_sections_removed", changes.removed),
            ("kb_sections_changed", changes.changed),
            ("kb_refs_added", changes.refs_added),
            ("kb_refs_removed", changes.refs_removed),
        ):
            if values:
                lines.append(f"{t(key, lang)}: " + ", ".join(esc(v) for v in values))
        if changes.checked:
            lines.append(t("kb_checked", lang, old=changes.checked[0], new=changes.checked[1]))
        if changes.empty:
            lines.append(t("kb_unchanged", lang))
        blocks.append("\n".join(lines))
    return join_blocks(blocks)


def _sections(body: str):
    from ..knowledge.chunking import sections

    return sections(body)


async def on_kb_button(update: Update, context: Context) -> None:
    """Spara / Avbryt under a preview, Ta bort / Behåll under a removal."""
    query, d, user = update.callback_query, deps(context), update.effective_user
    lang = lang_of(user)
    _, verdict, token = parse_callback(query.data).args
    pending = _pending(context).get(token)
    if pending is None or pending.admin_id != (user.id if user else None) or not d.is_admin(user):
        await query.answer(plain("kb_expired", lang), show_alert=True)
        return
    del _pending(context)[token]
    await query.answer()
    if verdict == "no":
        await query.edit_message_reply_markup(None)
        await query.message.reply_html(t("kb_cancelled", lang), do_quote=False)
        return
    await query.edit_message_reply_markup(None)
    root = d.settings.knowledge_dir
    if pending.kind == "save":
        upload = pending.upload
        await apply(update, context, "upload", upload.doc.id, lambda: editing.save(root, upload))
    else:
        doc_id, expected = pending.doc_id, pending.old_hash
        await apply(update, context, "remove", doc_id, lambda: (editing.remove(root, doc_id, expected), None))


async def apply(update: Update, context: Context, action: str, doc_id: str, change) -> None:
    """Make a change to the knowledge files and reindex what changed, one at a time; a change
    whose reindex fails is undone, so files and index always agree."""
    d, user = deps(context), update.effective_user
    lang, message = lang_of(user), update.effective_message
    root = d.settings.knowledge_dir
    async with d.reindex_lock:
        before = {p: p.read_bytes() for p in _all_files(root)}
        try:
            old_hash, new_hash = await in_thread(change)
        except editing.EditConflict as exc:
            await message.reply_html(t("kb_conflict", lang, reason=str(exc)), do_quote=False)
            log_later(d, "admin_action", action, user.id, result="conflict")
            return
        except (HansynError, OSError) as exc:  # a failed write leaves the old file (atomic rename)
            await message.reply_html(t("kb_failed", lang, reason=str(exc)), do_quote=False)
            log_later(d, "admin_action", action, user.id, result="failed", doc_id=doc_id)
            return
        started = time.monotonic()
        try:
            report = await in_thread(d.pipeline.reindex)
        except (KnowledgeError, HansynError) as exc:
            await in_thread(_undo, root, before)
            reason = "; ".join(getattr(exc, "problems", [str(exc)])[:3])
            await message.reply_html(t("kb_failed", lang, reason=reason), do_quote=False)
            log_later(d, "admin_action", action, user.id, result="undone")
            return
    seconds = f"{time.monotonic() - started:.1f}"
    await message.reply_html(
        t("kb_saved", lang, embedded=report.embedded, seconds=seconds, documents=report.documents),
        do_quote=False,
    )
    log_later(
        d,
        "admin_action",
        action,
        user.id,
        result="ok",
        counts={"documents": report.documents, "embedded": report.embedded},
        doc_id=doc_id,
        old_hash=old_hash,
        new_hash=new_hash,
    )


def _all_files(root) -> list:
    return [p for kind in KINDS for p in (root / kind).glob("*.md")] if root.is_dir() else []


def _undo(root, before: dict) -> None:
    """Put every knowledge file back as it was before a failed change."""
    now = set(_all_files(root))
    for path in now - set(before):
        editing.put_back(root, path, None)
    for path, data in before.items():
        if not path.is_file() or path.read_bytes() != data:
            editing.put_back(root, path, data)


# --- commands -------------------------------------------------------------------------------


@admin_only("kunskap")
async def kunskap(update: Update, context: Context) -> None:
    """/kunskap [sök]: files per kind, facts over a year old, newer texts in the image, a search."""
    d, lang = deps(context), lang_of(update.effective_user)
    query = " ".join(context.args or []).strip().lower()
    docs, problems = await in_thread(validate_knowledge, d.settings.knowledge_dir)
    if query:
        found = [doc for doc in docs if query in doc.id or query in doc.title.lower()]
        lines = [t("kb_found", lang, count=len(found), query=query)]
        lines += [f"• <code>{esc(doc.id)}</code> – {esc(doc.title)}" for doc in found[:MAX_LISTED]]
        await send_chunks(update.effective_message, join_blocks(["\n".join(lines)]))
        return
    counts = {kind: sum(1 for doc in docs if doc.kind == kind) for kind in KINDS}
    labels = KIND_LABELS.get(lang, KIND_LABELS["sv"])
    blocks = [
        t("kb_overview", lang, total=len(docs))
        + "\n"
        + ", ".join(f"{labels.get(k, k)} {n}" for k, n in counts.items())
    ]
    stale = stale_documents(docs, dt.date.today())
    blocks.append(
        t("kb_stale", lang, count=len(stale))
        + "".join(f"\n• <code>{esc(doc.id)}</code> ({doc.checked.isoformat()})" for doc in stale[:MAX_LISTED])
    )
    shipped = d.settings.shipped_knowledge_dir
    if shipped is not None:
        newer = await in_thread(changes_in_image, shipped, d.settings.knowledge_dir)
        lines = [t("kb_image", lang, count=len(newer))]
        for change in newer[:MAX_LISTED]:
            note = t("kb_image_edited", lang) if change.edited else ""
            lines.append(f"• <code>{esc(change.path)}</code> ({esc(change.status)}){note}")
        blocks.append("\n".join(lines))
    if problems:
        blocks.append(t("kb_problems", lang, count=len(problems)))
    await send_chunks(update.effective_message, join_blocks(blocks))


@admin_only("hamta")
async def hamta(update: Update, context: Context) -> None:
    """/hamta <id>: the file as a document, to edit and upload again."""
    d, lang = deps(context), lang_of(update.effective_user)
    doc_id = (context.args or [""])[0].strip().lower()
    path = editing.knowledge_path(d.settings.knowledge_dir, doc_id)
    if path is None:
        await update.effective_message.reply_html(t("kb_no_such", lang, id=doc_id[:60]))
        return
    data = await in_thread(path.read_bytes)
    await update.effective_message.reply_document(
        InputFile(io.BytesIO(data), filename=path.name), caption=f"{path.parent.name}/{path.name}"
    )


@admin_only("aterstall")
async def aterstall(update: Update, context: Context) -> None:
    """/aterstall <id>: put back the previous version of a file."""
    d = deps(context)
    doc_id = (context.args or [""])[0].strip().lower()
    root = d.settings.knowledge_dir

    def restore():
        old_hash, new_hash, _ = editing.restore(root, doc_id)
        return old_hash, new_hash

    await apply(update, context, "restore", doc_id, restore)


@admin_only("ta_bort")
async def ta_bort(update: Update, context: Context) -> None:
    """/ta_bort <id>: remove a file after a confirmation (it is kept in the history)."""
    d, lang, user = deps(context), lang_of(update.effective_user), update.effective_user
    doc_id = (context.args or [""])[0].strip().lower()
    path = editing.knowledge_path(d.settings.knowledge_dir, doc_id)
    if path is None:
        await update.effective_message.reply_html(t("kb_no_such", lang, id=doc_id[:60]))
        return
    token = secrets.token_hex(6)
    old_hash = editing.content_hash(await in_thread(path.read_bytes))
    _pending(context)[token] = Pending("remove", user.id, time.monotonic(), doc_id=doc_id, old_hash=old_hash)
    await update.effective_message.reply_html(
        t("kb_confirm_remove", lang, id=doc_id),
        reply_markup=_keyboard(token, lang, "kb_btn_remove", "kb_btn_keep"),
    )


def seed_shipped_knowledge(settings) -> list[str]:
    """At start: copy the image's texts onto an empty knowledge volume (first start)."""
    from ..knowledge.shipped import seed

    if settings.shipped_knowledge_dir is None:
        return []
    copied = seed(settings.shipped_knowledge_dir, settings.knowledge_dir)
    if copied:
        logger.info(
            "Kopierade %d kunskapsfiler från avbildningen till %s", len(copied), settings.knowledge_dir
        )
    return copied
