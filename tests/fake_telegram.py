"""A fake Telegram Bot API server on 127.0.0.1 (aiohttp) for end-to-end tests.

The real python-telegram-bot client talks to it through `base_url`. It records every call,
delivers injected updates by long polling (honouring `offset`), and rejects what Telegram
rejects: text over 4096 characters (after HTML parsing, in UTF-16 units), HTML with unsupported
tags, unbalanced tags or a bare `<` / `&`, empty text, callback data over 64 bytes, answering a
callback query twice, and "message is not modified" edits. Faults can be queued per method:
an error status (429 with `retry_after`, 500, ...) or a dropped connection.
"""

from __future__ import annotations

import asyncio
import html
import itertools
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

TOKEN = "123456789:AAFakeTokenForTestsOnly_abcdefghijk"
BOT_USER = {"id": 4242, "is_bot": True, "first_name": "Hänsyn", "username": "hansyn_test_bot"}
USER = {"id": 2002, "is_bot": False, "first_name": "Kim", "language_code": "sv"}
ADMIN = {"id": 1001, "is_bot": False, "first_name": "Admin", "language_code": "sv"}
ADMIN_RIGHTS = (
    "can_be_edited",
    "is_anonymous",
    "can_manage_chat",
    "can_delete_messages",
    "can_manage_video_chats",
    "can_restrict_members",
    "can_promote_members",
    "can_change_info",
    "can_invite_users",
    "can_post_stories",
    "can_edit_stories",
    "can_delete_stories",
)
MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_ANSWER = 200

ALLOWED_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}
TAG = re.compile(
    r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*>"
)
ATTR = re.compile(r"([a-zA-Z-]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+)))?")
ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")
JSON_FIELDS = {
    "reply_markup",
    "commands",
    "scope",
    "entities",
    "caption_entities",
    "allowed_updates",
    "link_preview_options",
    "reply_parameters",
}
TEXT_FIELDS = {"text", "caption", "callback_query_id", "url", "secret_token", "language_code", "action"}
CHAT_ACTIONS = {
    "typing",
    "upload_photo",
    "record_video",
    "upload_video",
    "record_voice",
    "upload_voice",
    "upload_document",
    "choose_sticker",
    "find_location",
    "record_video_note",
    "upload_video_note",
}
COMMAND = re.compile(r"^[a-z0-9_]{1,32}$")


class ApiError(Exception):
    def __init__(self, status: int, description: str, retry_after: int | None = None):
        super().__init__(description)
        self.status = status
        self.description = description
        self.retry_after = retry_after


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def parse_html(text: str) -> tuple[str, list[dict]]:
    """Parse Telegram HTML like Telegram does: (visible text, entities) or ApiError(400)."""

    def fail(why: str, pos: int) -> ApiError:
        offset = len(text[:pos].encode())
        return ApiError(400, f"Bad Request: can't parse entities: {why} at byte offset {offset}")

    out: list[str] = []
    out_len = 0  # UTF-16 units written so far
    stack: list[tuple[str, int, dict]] = []
    entities: list[dict] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "<":
            match = TAG.match(text, i)
            if not match:
                raise fail("Unexpected character '<' (a bare '<' must be written &lt;)", i)
            closing, name, attrs = match.group(1), match.group(2).lower(), match.group(3)
            if name not in ALLOWED_TAGS:
                raise fail(f'Unsupported {"end" if closing else "start"} tag "{name}"', i)
            if closing:
                if not stack or stack[-1][0] != name:
                    raise fail(f'Unmatched end tag "{name}"', i)
                _, start, extra = stack.pop()
                if out_len > start:
                    entities.append(
                        {"type": ALLOWED_TAGS[name], "offset": start, "length": out_len - start, **extra}
                    )
            else:
                values = {
                    m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or ""
                    for m in ATTR.finditer(attrs)
                }
                extra: dict[str, Any] = {}
                if name == "a":
                    if not values.get("href"):
                        raise fail('Tag "a" must have attribute href', i)
                    extra["url"] = html.unescape(values["href"])
                if name == "span" and values.get("class") != "tg-spoiler":
                    raise fail('Tag "span" must have class "tg-spoiler"', i)
                stack.append((name, out_len, extra))
            i = match.end()
        elif char == "&":
            match = ENTITY.match(text, i)
            if not match:
                raise fail("Character entity expected ('&' must be written &amp;)", i)
            decoded = html.unescape(match.group())
            out.append(decoded)
            out_len += utf16_len(decoded)
            i = match.end()
        else:
            out.append(char)
            out_len += utf16_len(char)
            i += 1
    if stack:
        raise fail(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"', len(text))
    return "".join(out), sorted(entities, key=lambda e: (e["offset"], -e["length"]))


def auto_entities(text: str, username: str = BOT_USER["username"]) -> list[dict]:
    """Entities Telegram would attach: a leading /command and @mentions (UTF-16 offsets)."""
    entities = []
    command = re.match(r"/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?", text)
    if command:
        entities.append({"type": "bot_command", "offset": 0, "length": utf16_len(command.group())})
    for match in re.finditer(r"(?<![\w@])@[A-Za-z0-9_]{5,32}", text):
        entities.append(
            {
                "type": "mention",
                "offset": utf16_len(text[: match.start()]),
                "length": utf16_len(match.group()),
            }
        )
    return entities


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    fault: str | None = None
    error: str | None = None
    result: Any = None

    @property
    def text(self) -> str:
        return self.params.get("text") or self.params.get("caption") or ""


@dataclass
class Fault:
    status: int = 429
    retry_after: int | None = None
    description: str | None = None
    drop: bool = False


class FakeTelegram:
    def __init__(self, token: str = TOKEN, bot: dict | None = None):
        self.token = token
        self.bot = dict(bot or BOT_USER)
        self.calls: list[Call] = []
        self.updates: list[dict] = []
        self.chats: dict[int, dict] = {}
        self.messages: dict[tuple[int, int], dict] = {}
        self.callbacks: dict[str, dict] = {}
        self.answered: dict[str, dict] = {}
        self.commands: dict[tuple[str, str | None], list[dict]] = {}
        self.webhook: dict[str, Any] = {}
        self.faults: dict[str, list[Fault]] = {}
        self.first_poll_at: float | None = None
        self.injected_at: dict[tuple[int, int], float] = {}  # (chat id, message id) -> when
        self.tolerated: set[str] = set()  # rejections a test expects (see `rejected`)
        self.closing = False
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._callback_ids = itertools.count(1)
        self.files: dict[str, bytes] = {}  # file_id -> bytes, for getFile and downloads
        self._wake = asyncio.Event()
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.port: int | None = None

    # -- lifecycle ---------------------------------------------------------------------------

    async def start(self) -> str:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{path:.+}", self._download)
        self._runner = web.AppRunner(app, shutdown_timeout=0.5, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]
        return self.base_url

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    async def stop(self) -> None:
        self.closing = True
        self._wake.set()
        if self._runner is not None:
            await self._runner.cleanup()

    # -- injecting updates -------------------------------------------------------------------

    def push(self, body: dict) -> dict:
        """Queue one update (its update_id is assigned here) and wake a pending long poll. A
        document in it exists on "Telegram's servers" from then on, as a real one would."""
        update = {"update_id": next(self._update_ids), **body}
        for message in body.values():
            document = message.get("document") if isinstance(message, dict) else None
            if isinstance(document, dict) and document.get("file_id"):
                self.files.setdefault(document["file_id"], b"(a file sent in a test)")
        self.updates.append(update)
        self._wake.set()
        return update

    def chat_for(self, user: dict, chat: dict | None = None) -> dict:
        if chat is None:
            chat = {"id": user["id"], "type": "private", "first_name": user.get("first_name", "")}
        self.chats[chat["id"]] = chat
        return chat

    def send_text(
        self,
        text: str,
        *,
        user: dict | None = None,
        chat: dict | None = None,
        entities: list[dict] | None = None,
        reply_to: dict | None = None,
        edit_of: dict | None = None,
        **extra: Any,
    ) -> dict:
        """A user's text message (commands and @mentions get their entities); returns the
        message dict. `edit_of` sends it as an edit of that earlier message."""
        user = user or USER
        chat = self.chat_for(user, chat)
        message: dict[str, Any] = {
            "message_id": edit_of["message_id"] if edit_of else next(self._message_ids),
            "date": int(time.time()),
            "chat": chat,
            "from": user,
            "text": text,
            **extra,
        }
        ents = auto_entities(text, self.bot["username"]) if entities is None else entities
        if ents:
            message["entities"] = ents
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        if edit_of is not None:
            message["edit_date"] = int(time.time())
        self.messages[(chat["id"], message["message_id"])] = message
        self.injected_at[(chat["id"], message["message_id"])] = time.monotonic()
        self.push({"edited_message" if edit_of else "message": message})
        return message

    def send_other(self, content: dict, *, user: dict | None = None, chat: dict | None = None) -> dict:
        """A non-text message (sticker, photo, voice, location ...): `content` holds its fields."""
        user = user or USER
        chat = self.chat_for(user, chat)
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat,
            "from": user,
            **content,
        }
        self.injected_at[(chat["id"], message["message_id"])] = time.monotonic()
        self.push({"message": message})
        return message

    def send_document(
        self,
        file_name: str,
        data: bytes,
        *,
        user: dict | None = None,
        chat: dict | None = None,
        mime_type: str = "text/markdown",
        declared_size: int | None = None,
    ) -> dict:
        """A user sends a file: the bot sees a document and must fetch it with getFile and a
        download from /file/bot<token>/<file_path>, as from Telegram."""
        file_id = f"upload{len(self.files) + 1}"
        self.files[file_id] = data
        document = {
            "file_id": file_id,
            "file_unique_id": f"u-{file_id}",
            "file_name": file_name,
            "mime_type": mime_type,
            "file_size": len(data) if declared_size is None else declared_size,
        }
        return self.send_other({"document": document}, user=user, chat=chat)

    def press(self, data: str, message: dict, *, user: dict | None = None) -> str:
        """A button press on `message` (a Message dict the bot sent); returns the query id."""
        user = user or USER
        query_id = f"cq{next(self._callback_ids)}"
        query = {"id": query_id, "from": user, "chat_instance": "ci-1", "data": data, "message": message}
        self.callbacks[query_id] = query
        self.push({"callback_query": query})
        return query_id

    def membership(self, chat: dict, old: str, new: str, *, user: dict | None = None) -> None:
        """The bot's own membership in `chat` changed (added: left → member)."""
        user = user or USER
        self.chats[chat["id"]] = chat

        def member(status: str) -> dict:
            extra = {"until_date": 0} if status == "kicked" else {}
            if status == "administrator":
                extra = {name: True for name in ADMIN_RIGHTS}
            return {"user": self.bot, "status": status, **extra}

        self.push(
            {
                "my_chat_member": {
                    "chat": chat,
                    "from": user,
                    "date": int(time.time()),
                    "old_chat_member": member(old),
                    "new_chat_member": member(new),
                }
            }
        )

    # -- faults ------------------------------------------------------------------------------

    def fail(
        self,
        method: str,
        status: int = 429,
        *,
        retry_after: int | None = None,
        times: int = 1,
        description: str | None = None,
    ) -> None:
        self.faults.setdefault(method, []).extend(
            Fault(status, retry_after, description) for _ in range(times)
        )

    def drop(self, method: str, times: int = 1) -> None:
        self.faults.setdefault(method, []).extend(Fault(drop=True) for _ in range(times))

    # -- inspecting --------------------------------------------------------------------------

    def calls_to(self, method: str, ok: bool | None = True) -> list[Call]:
        return [
            c
            for c in self.calls
            if c.method == method and (ok is None or (c.fault is None and c.error is None) == ok)
        ]

    def sent(self, chat_id: int | None = None) -> list[Call]:
        """Successful sendMessage calls (to `chat_id`)."""
        return [
            c for c in self.calls_to("sendMessage") if chat_id is None or c.params.get("chat_id") == chat_id
        ]

    async def wait_for(
        self,
        method: str,
        predicate: Callable[[Call], bool] | None = None,
        *,
        count: int = 1,
        after: int = 0,
        timeout: float = 15.0,
    ) -> list[Call]:
        """Wait until `count` successful calls to `method` (from call index `after` on) match."""

        def matching() -> list[Call]:
            return [c for c in self.calls_to(method)[after:] if predicate is None or predicate(c)]

        async with self._changed:
            try:
                await asyncio.wait_for(self._changed.wait_for(lambda: len(matching()) >= count), timeout)
            except TimeoutError:
                seen = [(c.method, c.text[:80], c.error) for c in self.calls[-15:]]
                raise AssertionError(f"no {count}× {method} within {timeout} s; last calls: {seen}") from None
        return matching()

    def answers(self, message: dict) -> Callable[[Call], bool]:
        """A predicate for the bot's messages in reply to `message`: quoting it, or (unquoted)
        sent to its chat after it arrived."""
        chat_id, message_id = message["chat"]["id"], message["message_id"]
        since = self.injected_at.get((chat_id, message_id), 0.0)

        def match(call: Call) -> bool:
            if call.params.get("chat_id") != chat_id:
                return False
            quoted = (call.params.get("reply_parameters") or {}).get("message_id")
            return quoted == message_id if quoted else call.at >= since

        return match

    def rejected(self) -> list[tuple[str, str]]:
        """Calls the fake rejected that were neither injected faults nor expected by the test."""
        return [
            (c.method, c.error)
            for c in self.calls
            if c.error and not c.fault and not any(t in c.error for t in self.tolerated)
        ]

    def mark(self, method: str) -> int:
        """How many successful calls `method` has had so far (for `wait_for(after=...)`)."""
        return len(self.calls_to(method))

    # -- the server --------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        try:
            params, files = await self._read(request)
        except ConnectionResetError:  # the client hung up mid-request (a bot stopping): no call
            return web.Response(status=400)
        call = Call(method, params, time.monotonic(), files)
        self.calls.append(call)
        async with self._changed:
            self._changed.notify_all()
        try:
            if request.match_info["token"] != self.token:
                raise ApiError(401, "Unauthorized")
            queued = self.faults.get(method)
            if queued:
                fault = queued.pop(0)
                if fault.drop:
                    call.fault = "drop"
                    request.transport.close()
                    return web.Response(status=500)
                call.fault = str(fault.status)
                desc = fault.description or (
                    f"Too Many Requests: retry after {fault.retry_after}"
                    if fault.status == 429
                    else "Internal Server Error"
                )
                raise ApiError(fault.status, desc, fault.retry_after)
            handler = getattr(self, f"api_{method}", None)
            if handler is None:
                raise ApiError(400, f"Bad Request: method {method} not found in the fake")
            result = await handler(params, files)
            call.result = result
            body: dict[str, Any] = {"ok": True, "result": result}
            status = 200
        except ApiError as exc:
            call.error = call.error or exc.description
            body = {"ok": False, "error_code": exc.status, "description": exc.description}
            if exc.retry_after is not None:
                body["parameters"] = {"retry_after": exc.retry_after}
            status = exc.status
        async with self._changed:
            self._changed.notify_all()
        return web.json_response(body, status=status)

    async def _read(self, request: web.Request) -> tuple[dict[str, Any], dict[str, tuple[str, bytes]]]:
        params: dict[str, Any] = {}
        files: dict[str, tuple[str, bytes]] = {}
        if request.content_type == "application/json":
            raw = await request.json()
            items = list(raw.items())
        else:
            form = await request.post()
            items = list(form.items())
        for key, value in items:
            if hasattr(value, "file"):  # a multipart upload
                files[key] = (value.filename, value.file.read())
                continue
            params[key] = _decode(key, value)
        for key, value in list(params.items()):
            if isinstance(value, str) and value.startswith("attach://"):
                files[key] = files.pop(value.removeprefix("attach://"))
        return params, files

    # -- validation helpers ------------------------------------------------------------------

    def _check_text(
        self, text: Any, parse_mode: str | None, limit: int = MAX_TEXT, what: str = "message"
    ) -> tuple[str, list[dict]]:
        if not isinstance(text, str) or not text.strip():
            raise ApiError(400, f"Bad Request: {what} text is empty")
        if parse_mode and parse_mode.upper() == "HTML":
            visible, entities = parse_html(text)
        elif parse_mode:
            raise ApiError(400, f"Bad Request: the fake only supports HTML, not {parse_mode}")
        else:
            visible, entities = text, []
        if not visible.strip():
            raise ApiError(400, f"Bad Request: {what} text is empty")
        if utf16_len(visible) > limit:
            raise ApiError(400, f"Bad Request: {what} is too long")
        return visible, entities

    @staticmethod
    def _check_markup(markup: Any) -> dict | None:
        if markup is None:
            return None
        rows = markup.get("inline_keyboard") if isinstance(markup, dict) else None
        if rows is None:
            return markup
        for row in rows:
            for button in row:
                if not button.get("text"):
                    raise ApiError(400, "Bad Request: text buttons are unallowed in the inline keyboard")
                data = button.get("callback_data")
                if data is not None and not (1 <= len(data.encode()) <= 64):
                    raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
        return markup

    def _chat(self, chat_id: Any) -> dict:
        try:
            chat_id = int(chat_id)
        except (TypeError, ValueError):
            raise ApiError(400, "Bad Request: chat not found") from None
        return self.chats.get(chat_id) or {"id": chat_id, "type": "private" if chat_id > 0 else "group"}

    def _new_message(self, chat: dict, **content: Any) -> dict:
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat,
            "from": self.bot,
        }
        message.update({k: v for k, v in content.items() if v is not None})
        self.messages[(chat["id"], message["message_id"])] = message
        return message

    # -- methods -----------------------------------------------------------------------------

    async def api_getMe(self, p, f):
        return self.bot

    async def api_deleteWebhook(self, p, f):
        self.webhook = {}
        return True

    async def api_setWebhook(self, p, f):
        self.webhook = dict(p)
        return True

    async def api_getWebhookInfo(self, p, f):
        return {
            "url": self.webhook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": len(self.updates),
        }

    async def api_close(self, p, f):
        return True

    async def api_setMyCommands(self, p, f):
        commands = p.get("commands") or []
        for command in commands:
            if not COMMAND.match(command.get("command", "")):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(command.get("description", "")) <= 256:
                raise ApiError(400, "Bad Request: command description is invalid")
        scope = json.dumps(p.get("scope") or {"type": "default"}, sort_keys=True)
        self.commands[(scope, p.get("language_code") or None)] = commands
        return True

    async def api_getUpdates(self, p, f):
        if self.first_poll_at is None:
            self.first_poll_at = time.monotonic()
        offset = int(p.get("offset") or 0)
        timeout = float(p.get("timeout") or 0)
        limit = int(p.get("limit") or 100)
        if offset:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not self.updates and not self.closing:
            remaining = deadline - loop.time()
            if remaining <= 0:
                break
            self._wake.clear()
            try:
                await asyncio.wait_for(self._wake.wait(), remaining)
            except TimeoutError:
                break
        return self.updates[:limit]

    async def api_sendMessage(self, p, f):
        chat = self._chat(p.get("chat_id"))
        text, entities = self._check_text(p.get("text"), p.get("parse_mode"))
        markup = self._check_markup(p.get("reply_markup"))
        message = self._new_message(chat, text=text, entities=entities or None, reply_markup=markup)
        reply = p.get("reply_parameters") or {}
        if reply.get("message_id"):
            original = self.messages.get((chat["id"], int(reply["message_id"])))
            if original is None and not reply.get("allow_sending_without_reply"):
                raise ApiError(400, "Bad Request: message to be replied not found")
            if original is not None:
                message["reply_to_message"] = original
        return message

    async def api_editMessageText(self, p, f):
        chat = self._chat(p.get("chat_id"))
        message = self.messages.get((chat["id"], int(p.get("message_id") or 0)))
        if message is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        text, entities = self._check_text(p.get("text"), p.get("parse_mode"))
        markup = self._check_markup(p.get("reply_markup"))
        if (
            text == message.get("text")
            and (entities or None) == message.get("entities")
            and markup == message.get("reply_markup")
        ):
            raise ApiError(
                400,
                "Bad Request: message is not modified: specified new message content and reply markup "
                "are exactly the same as a current content and reply markup of the message",
            )
        message.update(text=text, edit_date=int(time.time()))
        message.pop("entities", None)
        message.pop("reply_markup", None)
        if entities:
            message["entities"] = entities
        if markup:
            message["reply_markup"] = markup
        return message

    async def api_editMessageReplyMarkup(self, p, f):
        chat = self._chat(p.get("chat_id"))
        message = self.messages.get((chat["id"], int(p.get("message_id") or 0)))
        if message is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        markup = self._check_markup(p.get("reply_markup"))
        message.pop("reply_markup", None)
        if markup:
            message["reply_markup"] = markup
        return message

    async def api_deleteMessage(self, p, f):
        chat = self._chat(p.get("chat_id"))
        if self.messages.pop((chat["id"], int(p.get("message_id") or 0)), None) is None:
            raise ApiError(400, "Bad Request: message to delete not found")
        return True

    async def api_answerCallbackQuery(self, p, f):
        query_id = p.get("callback_query_id")
        if query_id not in self.callbacks or query_id in self.answered:
            raise ApiError(
                400, "Bad Request: query is too old and response timeout expired or query ID is invalid"
            )
        text = p.get("text") or ""
        if len(text) > MAX_CALLBACK_ANSWER:
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        self.answered[query_id] = p
        return True

    async def api_sendChatAction(self, p, f):
        self._chat(p.get("chat_id"))
        if p.get("action") not in CHAT_ACTIONS:
            raise ApiError(400, "Bad Request: wrong parameter action in request")
        return True

    def _caption(self, p) -> tuple[str | None, list[dict]]:
        if p.get("caption") in (None, ""):
            return None, []
        return self._check_text(p["caption"], p.get("parse_mode"), MAX_CAPTION, "caption")

    async def api_sendPhoto(self, p, f):
        chat = self._chat(p.get("chat_id"))
        if "photo" not in f:
            raise ApiError(400, "Bad Request: there is no photo in the request")
        name, data = f["photo"]
        if not data.startswith(b"\x89PNG") and not data.startswith(b"\xff\xd8"):
            raise ApiError(400, "Bad Request: IMAGE_PROCESS_FAILED")
        caption, entities = self._caption(p)
        size = {
            "file_id": f"photo{len(self.calls)}",
            "file_unique_id": f"u{len(self.calls)}",
            "width": 800,
            "height": 400,
            "file_size": len(data),
        }
        return self._new_message(chat, photo=[size], caption=caption, caption_entities=entities or None)

    async def api_getFile(self, p, f):
        file_id = p.get("file_id")
        if file_id not in self.files:
            raise ApiError(400, "Bad Request: invalid file_id")
        data = self.files[file_id]
        return {
            "file_id": file_id,
            "file_unique_id": f"u-{file_id}",
            "file_size": len(data),
            "file_path": f"documents/{file_id}.md",
        }

    async def _download(self, request: web.Request) -> web.StreamResponse:
        """The file download Telegram serves at /file/bot<token>/<file_path>."""
        self.calls.append(Call("download", {"path": request.match_info["path"]}, time.monotonic(), {}))
        if request.match_info["token"] != self.token:
            return web.Response(status=401)
        name = request.match_info["path"].removeprefix("documents/").removesuffix(".md")
        if name not in self.files:
            return web.Response(status=404)
        return web.Response(body=self.files[name], content_type="application/octet-stream")

    async def api_sendDocument(self, p, f):
        chat = self._chat(p.get("chat_id"))
        if "document" not in f:
            raise ApiError(400, "Bad Request: there is no document in the request")
        name, data = f["document"]
        if not data:
            raise ApiError(400, "Bad Request: file must be non-empty")
        caption, entities = self._caption(p)
        document = {
            "file_id": f"doc{len(self.calls)}",
            "file_unique_id": f"u{len(self.calls)}",
            "file_name": name,
            "file_size": len(data),
        }
        return self._new_message(chat, document=document, caption=caption, caption_entities=entities or None)


def _decode(key: str, value: Any) -> Any:
    """Form values arrive as strings: JSON fields are parsed, integer-looking values become ints."""
    if not isinstance(value, str):
        return value
    if key in JSON_FIELDS:
        try:
            return json.loads(value)
        except ValueError:
            return value
    if key in TEXT_FIELDS:
        return value
    if re.fullmatch(r"-?\d+", value):
        return int(value)
    if value in ("true", "false", "True", "False"):
        return value.lower() == "true"
    return value
