"""The bot's UI strings in Swedish and English, chosen by the user's Telegram language.

Every template is Telegram HTML. `t()` escapes the values it fills in, so a caller can never
insert unescaped user text by accident; wrap a value in `Html` when it is already markup.
The knowledge base itself stays Swedish whatever the UI language.
"""

from __future__ import annotations

import html

LANGUAGES = ("sv", "en")

# Suggested questions under /start; they ask the (Swedish) knowledge base, so they are Swedish.
SUGGESTED_QUESTIONS = (
    "Får vi reservera en upphandling för sociala företag?",
    "Kan vi kräva att leverantören anställer långtidsarbetslösa?",
    "Får vi kräva kollektivavtal av leverantören?",
)

KIND_LABELS = {
    "sv": {
        "guidance": "vägledning",
        "law": "lagtext",
        "case-law": "rättsfall",
        "example": "exempel",
        "faq": "vanlig fråga",
        "glossary": "ordlista",
        "referral": "hänvisning",
    },
    "en": {
        "guidance": "guidance",
        "law": "statute",
        "case-law": "case law",
        "example": "precedent",
        "faq": "FAQ",
        "glossary": "glossary",
        "referral": "referral",
    },
}

# (command, Swedish description, English description)
USER_COMMANDS = (
    ("start", "Vad Hänsyn gör, med förslag på frågor", "What Hänsyn does, with suggested questions"),
    ("fraga", "Ställ en fråga (i grupper: /fraga din fråga)", "Ask a question (in groups: /fraga ...)"),
    ("exempel", "Exempel från andra köpare, t.ex. /exempel städ", "Precedents, e.g. /exempel städ"),
    ("lag", "Vad kunskapsbanken säger om en paragraf, t.ex. /lag 4:18", "A provision, e.g. /lag 4:18"),
    ("hjalp", "Hjälp och tips", "Help (Swedish)"),
    ("help", "Hjälp på engelska", "Help and tips"),
    ("om", "Version och kunskapsbankens storlek och datum", "Version, knowledge base size and date"),
)
ADMIN_COMMANDS = (
    ("reindex", "Bygg om indexet från kunskapsbanken", "Rebuild the index from the knowledge base"),
    ("stats", "Statistik över frågorna, med diagram", "Question statistics with a chart"),
    ("luckor", "Luckor: obesvarade frågor och tummen ned", "Gaps: unanswered and thumbs-down questions"),
    ("export", "Frågeloggen som CSV-fil", "The question log as a CSV file"),
    (
        "kunskap",
        "Kunskapsbankens filer: antal, gamla uppgifter, sök",
        "Knowledge files: counts, stale facts, search",
    ),
    ("hamta", "Hämta en kunskapsfil för att redigera den", "Download a knowledge file to edit it"),
    ("aterstall", "Återställ förra versionen av en fil", "Restore a file's previous version"),
    (
        "ta_bort",
        "Ta bort en kunskapsfil (sparas i historiken)",
        "Remove a knowledge file (kept in the history)",
    ),
)


MENU_HIDDEN = {"sv": {"help"}, "en": {"hjalp"}}  # one help command per menu language


def menu(lang: str, admin: bool = False) -> list[tuple[str, str]]:
    """The command menu (command, description) for `set_my_commands`."""
    column = 1 if lang == "sv" else 2
    rows = USER_COMMANDS + (ADMIN_COMMANDS if admin else ())
    return [(row[0], row[column]) for row in rows if row[0] not in MENU_HIDDEN.get(lang, set())]


class Html(str):
    """A value that is already valid Telegram HTML and must not be escaped again."""


TEXTS: dict[str, dict[str, str]] = {
    "sv": {
        "start": (
            "Hej! Jag är <b>Hänsyn</b>. Jag svarar på frågor om sociala hänsyn i offentlig "
            "upphandling: reserverade kontrakt, sysselsättningskrav, arbetsrättsliga villkor, "
            "uppföljning med mera. Svaren kommer ur en kunskapsbank där varje uppgift har en källa.\n\n"
            "<b>Det här gör jag inte:</b> fattar beslut, ger juridisk rådgivning i ett enskilt ärende "
            "eller gissar när kunskapsbanken saknar underlag. Då hänvisar jag till "
            "Upphandlingsmyndighetens frågeservice.\n\n"
            "Skriv en fråga, eller prova någon av dessa:"
        ),
        "help": (
            "<b>Så använder du Hänsyn</b>\n"
            "• I en privat chatt: skriv din fråga.\n"
            "• I en grupp: nämn mig ({mention}), svara på ett av mina meddelanden eller skriv "
            "/fraga följt av frågan.\n\n"
            "<b>Kommandon</b>\n"
            "/fraga &lt;fråga&gt; – ställ en fråga\n"
            "/exempel [ämne] – exempel från andra köpare, t.ex. /exempel städ\n"
            "/lag &lt;hänvisning&gt; – vad kunskapsbanken säger om en bestämmelse, "
            "t.ex. /lag 4 kap. 18 § eller /lag 4:18\n"
            "/om – version och kunskapsbankens storlek\n\n"
            "Under varje svar kan du ge 👍 eller 👎, läsa mer eller se liknande exempel.\n\n"
            "Svaren är vägledning, inte beslut. Frågorna sparas utan namn (med pseudonymiserat "
            "användar-id) i {days} dagar för att förbättra kunskapsbanken."
        ),
        "ask_prompt": "Vad vill du fråga? Skriv till exempel: /fraga Får vi reservera en upphandling för sociala företag?",
        "long_question": "Din fråga var lång, så jag har svarat på de första {limit} tecknen.",
        "only_text": "Jag svarar bara på textfrågor. Skriv din fråga som text.",
        "unknown_command": "Det kommandot känner jag inte till. Skriv /hjalp för att se vad jag kan.",
        "flood": "Du har ställt många frågor på kort tid. Vänta en minut och försök igen.",
        "provisions": "Bestämmelser",
        "replies_to": "Svar på frågan ”{question}”",
        "precedent": "Exempel",
        "sources": "Källor",
        "checked": "kontrollerad {date}",
        "kb_refused": "❌ Filen sparades inte. Kunskapsbanken och indexet är oförändrade. Problem:",
        "kb_preview": "<b>{title}</b>\n{kind} · id <code>{id}</code>",
        "kb_new": "🆕 En ny fil.",
        "kb_replaces": "✏️ Ersätter den nuvarande filen <code>{id}</code>.",
        "kb_sections_added": "Nya avsnitt",
        "kb_sections_removed": "Borttagna avsnitt",
        "kb_sections_changed": "Ändrade avsnitt",
        "kb_refs_added": "Nya hänvisningar",
        "kb_refs_removed": "Borttagna hänvisningar",
        "kb_checked": "Kontrollerad: {old} → {new}",
        "kb_unchanged": "Inget ändras.",
        "kb_btn_save": "Spara",
        "kb_btn_cancel": "Avbryt",
        "kb_btn_remove": "Ta bort",
        "kb_btn_keep": "Behåll",
        "kb_expired": "Den här förhandsvisningen gäller inte längre. Ladda upp filen igen.",
        "kb_cancelled": "Avbrutet. Inget har ändrats.",
        "kb_conflict": "⚠️ Inte sparat: {reason}",
        "kb_failed": "❌ Inte ändrat: {reason}. Kunskapsbanken och indexet är som förut.",
        "kb_saved": "✅ Sparat och inbyggt i indexet ({documents} filer, {embedded} nya inbäddningar, {seconds} s).",
        "kb_found": "{count} filer matchar ”{query}”:",
        "kb_overview": "<b>Kunskapsbanken</b>: {total} filer",
        "kb_stale": "<b>Uppgifter kontrollerade för mer än ett år sedan</b>: {count}",
        "kb_image": "<b>Nyare texter i avbildningen än på volymen</b>: {count}",
        "kb_image_edited": " – ändrad här sedan den kopierades",
        "kb_problems": "⚠️ {count} problem i kunskapsbanken: kör hansyn validate.",
        "kb_no_such": "Det finns ingen fil med id <code>{id}</code>. Sök med /kunskap &lt;ord&gt;.",
        "kb_confirm_remove": "Ta bort <code>{id}</code>? Filen sparas i historiken och kan återställas med /aterstall {id}.",
        "nearby": "Närliggande ämnen i kunskapsbanken:",
        "no_basis_short": "Kunskapsbanken har inget underlag för att svara på den frågan, så jag vill inte gissa.",
        "about_bot": (
            "Jag är <b>Hänsyn</b>. Jag svarar på frågor om sociala hänsyn i offentlig upphandling: "
            "reserverade kontrakt, sysselsättningskrav, arbetsrättsliga villkor, sociala "
            "tilldelningskriterier, uteslutning och IOP, och jag visar exempel från kommuner och regioner. "
            "Varje svar kommer ur en kunskapsbank där varje uppgift har en källa. Skriv din fråga, till "
            "exempel: <i>Får vi reservera städupphandlingen för sociala företag?</i> Mer om hur du "
            "använder mig: /hjalp"
        ),
        "meant": "<b>Menar du …?</b> Tryck på ett ämne så svarar jag på det.",
        "ask_there": "Fråga {where}:",
        "related_question": "Närliggande fråga i kunskapsbanken: ”{question}”",
        "more_precedents": "… och {count} till. Skriv /exempel med ämnet för att se alla.",
        "btn_up": "👍",
        "btn_down": "👎",
        "btn_more": "Visa mer",
        "btn_examples": "Liknande exempel",
        "btn_prev": "◀️ Föregående",
        "btn_next": "Nästa ▶️",
        "thanks": "Tack för återkopplingen!",
        "feedback_lost": "Tack! Den frågan finns inte längre i loggen, så svaret kunde inte sparas.",
        "stale_button": "Den här knappen fungerar inte längre. Ställ frågan igen.",
        "more_gone": "Det avsnittet finns inte längre i kunskapsbanken. Ställ frågan igen.",
        "more_title": "{title} – {heading}",
        "examples_none": "Kunskapsbanken har inga exempel om {topic} ännu.",
        "examples_empty": "Kunskapsbanken har inga exempel ännu.",
        "examples_header": "<b>Exempel {first}–{last} av {total}{about}</b>",
        "examples_topic": " om ”{topic}”",
        "card_buyer": "Köpare",
        "card_where": "Var",
        "card_supplier": "Leverantör",
        "card_year": "År",
        "card_sector": "Område",
        "card_instrument": "Social hänsyn",
        "card_procedure": "Förfarande",
        "card_outcome": "Utfall",
        "card_court": "Prövning i domstol",
        "card_no_court": "ingen känd",
        "card_source": "Källa",
        "unknown": "uppgift saknas",
        "lag_usage": "Skriv vilken bestämmelse du menar, till exempel /lag 4 kap. 18 § eller /lag 4:18.",
        "lag_unparsed": "Jag känner inte igen ”{text}” som en hänvisning. Skriv till exempel /lag 4 kap. 18 § eller /lag 4:18.",
        "lag_none": "Kunskapsbanken säger inget om {ref} ännu. Fråga gärna Upphandlingsmyndighetens frågeservice: {url}",
        "lag_header": "<b>{ref}</b> i kunskapsbanken",
        "about": (
            "<b>Hänsyn</b> {version}\n"
            "Kunskapsbank: {documents} filer, {passages} avsnitt ({kinds})\n"
            "Uppgifterna senast kontrollerade: {checked}\n"
            "Index byggt: {built_at} (bygge {build_id})"
        ),
        "group_hello": (
            "Hej! Jag är Hänsyn och svarar på frågor om sociala hänsyn i offentlig upphandling. "
            "Nämn mig ({mention}), svara på mitt meddelande eller skriv /fraga följt av frågan. "
            "Övrigt i gruppen läser jag inte."
        ),
        "apology": "Förlåt, något gick fel när jag skulle svara. Försök igen om en stund.",
        "not_admin": "Det kommandot är bara för Hänsyns administratörer.",
        "admin_private": "Skicka administratörskommandon i en privat chatt med mig.",
        "reindex_busy": "En omindexering pågår redan.",
        "reindex_started": "Bygger om indexet från kunskapsbanken …",
        "reindex_chunk": "Bygger om indexet … {total} avsnitt hittade.",
        "reindex_embed": "Bygger om indexet … bäddar in avsnitt {done}/{total}.",
        "reindex_done": (
            "✅ Nytt index i bruk (ingen omstart behövs).\n"
            "{documents} filer, {passages} avsnitt, {embedded} nya inbäddningar, {seconds} s.\n"
            "Per typ: {kinds}\nBygge: {build_id}"
        ),
        "reindex_failed": "❌ Indexet byggdes inte: kunskapsbanken har {count} problem. Det gamla indexet används fortfarande.",
        "reindex_error": "❌ Indexet byggdes inte ({error}). Det gamla indexet används fortfarande.",
        "more_problems": "… och {count} till",
        "log_off": "Frågeloggen är inte påslagen.",
        "stats_caption": "Frågor per dag",
        "gaps_none": "Inga luckor: alla frågor fick svar och ingen gav tummen ned.",
        "export_caption": "Frågeloggen ({rows} rader)",
        "export_empty": "Frågeloggen är tom.",
        "admin_error": "⚠️ <b>Fel i Hänsyn</b>",
    },
    "en": {
        "start": (
            "Hi! I am <b>Hänsyn</b>. I answer questions about social considerations in Swedish public "
            "procurement: reserved contracts, employment requirements, labour conditions, follow-up "
            "and more. The answers come from a knowledge base where every fact has a source; it is "
            "in Swedish, so questions in Swedish work best.\n\n"
            "<b>What I do not do:</b> take decisions, give legal advice on a specific case, or guess "
            "when the knowledge base has no basis. Then I refer you to the Swedish National Agency "
            "for Public Procurement's question service.\n\n"
            "Write a question, or try one of these:"
        ),
        "help": (
            "<b>How to use Hänsyn</b>\n"
            "• In a private chat: just write your question.\n"
            "• In a group: mention me ({mention}), reply to one of my messages, or write /fraga "
            "followed by the question.\n\n"
            "<b>Commands</b>\n"
            "/fraga &lt;question&gt; – ask a question\n"
            "/exempel [topic] – precedents from other buyers, e.g. /exempel städ\n"
            "/lag &lt;reference&gt; – what the knowledge base says about a provision, "
            "e.g. /lag 4 kap. 18 § or /lag 4:18\n"
            "/om – version and knowledge base size\n\n"
            "Under each answer you can give 👍 or 👎, read more, or see similar precedents.\n\n"
            "Answers are guidance, not decisions. Questions are stored without names (with a "
            "pseudonymised user id) for {days} days to improve the knowledge base."
        ),
        "ask_prompt": "What would you like to ask? For example: /fraga Får vi reservera en upphandling för sociala företag?",
        "long_question": "Your question was long, so I answered its first {limit} characters.",
        "only_text": "I only answer text questions. Please write your question as text.",
        "unknown_command": "I do not know that command. Send /help to see what I can do.",
        "flood": "You have asked many questions in a short time. Please wait a minute and try again.",
        "no_basis": (
            "The knowledge base has no basis for answering that, so I would rather not guess. "
            "Ask the Swedish National Agency for Public Procurement's question service "
            "(Frågeportalen): {url}"
        ),
        "provisions": "Provisions",
        "replies_to": "Answering the question “{question}”",
        "precedent": "Precedent",
        "sources": "Sources",
        "checked": "checked {date}",
        "guidance_note": "Guidance from Hänsyn's knowledge base, not a legal decision.",
        "kb_refused": "❌ The file was not saved. The knowledge base and the index are unchanged. Problems:",
        "kb_preview": "<b>{title}</b>\n{kind} · id <code>{id}</code>",
        "kb_new": "🆕 A new file.",
        "kb_replaces": "✏️ Replaces the current file <code>{id}</code>.",
        "kb_sections_added": "New sections",
        "kb_sections_removed": "Removed sections",
        "kb_sections_changed": "Changed sections",
        "kb_refs_added": "New references",
        "kb_refs_removed": "Removed references",
        "kb_checked": "Checked: {old} → {new}",
        "kb_unchanged": "Nothing changes.",
        "kb_btn_save": "Save",
        "kb_btn_cancel": "Cancel",
        "kb_btn_remove": "Remove",
        "kb_btn_keep": "Keep",
        "kb_expired": "This preview no longer applies. Upload the file again.",
        "kb_cancelled": "Cancelled. Nothing was changed.",
        "kb_conflict": "⚠️ Not saved: {reason}",
        "kb_failed": "❌ Not changed: {reason}. The knowledge base and the index are as before.",
        "kb_saved": "✅ Saved and indexed ({documents} files, {embedded} new embeddings, {seconds} s).",
        "kb_found": "{count} files match “{query}”:",
        "kb_overview": "<b>The knowledge base</b>: {total} files",
        "kb_stale": "<b>Facts checked more than a year ago</b>: {count}",
        "kb_image": "<b>Newer texts in the image than on the volume</b>: {count}",
        "kb_image_edited": " – edited here since it was copied",
        "kb_problems": "⚠️ {count} problems in the knowledge base: run hansyn validate.",
        "kb_no_such": "There is no file with id <code>{id}</code>. Search with /kunskap &lt;word&gt;.",
        "kb_confirm_remove": "Remove <code>{id}</code>? It is kept in the history and can be restored with /aterstall {id}.",
        "nearby": "Related topics in the knowledge base:",
        "btn_up": "👍",
        "btn_down": "👎",
        "btn_more": "Show more",
        "btn_examples": "Similar precedents",
        "btn_prev": "◀️ Previous",
        "btn_next": "Next ▶️",
        "thanks": "Thanks for the feedback!",
        "feedback_lost": "Thanks! That question is no longer in the log, so this could not be saved.",
        "stale_button": "This button no longer works. Please ask again.",
        "more_gone": "That section is no longer in the knowledge base. Please ask again.",
        "more_title": "{title} – {heading}",
        "examples_none": "The knowledge base has no precedents about {topic} yet.",
        "examples_empty": "The knowledge base has no precedents yet.",
        "examples_header": "<b>Precedents {first}–{last} of {total}{about}</b>",
        "examples_topic": " about “{topic}”",
        "card_buyer": "Buyer",
        "card_where": "Where",
        "card_sector": "Sector",
        "card_procedure": "Procedure",
        "card_court": "Court review",
        "card_no_court": "none known",
        "card_supplier": "Supplier",
        "card_year": "Year",
        "card_instrument": "Social consideration",
        "card_outcome": "Outcome",
        "card_source": "Source",
        "unknown": "not known",
        "lag_usage": "Write which provision you mean, for example /lag 4 kap. 18 § or /lag 4:18.",
        "lag_unparsed": "I do not recognise “{text}” as a reference. Try for example /lag 4 kap. 18 § or /lag 4:18.",
        "lag_none": "The knowledge base says nothing about {ref} yet. You could ask the question service: {url}",
        "lag_header": "<b>{ref}</b> in the knowledge base",
        "no_basis_short": "The knowledge base has nothing to answer that question with, so I would rather not guess.",
        "about_bot": (
            "I am <b>Hänsyn</b>. I answer questions on social considerations in Swedish public "
            "procurement: reserved contracts, employment requirements, labour-law conditions, social "
            "award criteria, exclusion and IOP, with examples from municipalities and regions. Every "
            "answer comes from a knowledge base where each fact has a source. Type your question, for "
            "example: <i>Får vi reservera städupphandlingen för sociala företag?</i> More: /help"
        ),
        "meant": "<b>Did you mean …?</b> Tap a topic and I will answer it.",
        "ask_there": "Ask {where}:",
        "related_question": "A related question in the knowledge base: “{question}”",
        "more_precedents": "… and {count} more. Send /exempel with the topic to see them all.",
        "about": (
            "<b>Hänsyn</b> {version}\n"
            "Knowledge base: {documents} files, {passages} sections ({kinds})\n"
            "Facts last checked: {checked}\n"
            "Index built: {built_at} (build {build_id})"
        ),
        "group_hello": (
            "Hi! I am Hänsyn and answer questions about social considerations in public procurement. "
            "Mention me ({mention}), reply to my message, or write /fraga followed by the question. "
            "I do not read anything else in the group."
        ),
        "apology": "Sorry, something went wrong while answering. Please try again in a while.",
        "not_admin": "That command is only for Hänsyn's administrators.",
        "admin_private": "Please send admin commands in a private chat with me.",
        "reindex_busy": "A reindex is already running.",
        "reindex_started": "Rebuilding the index from the knowledge base …",
        "reindex_chunk": "Rebuilding the index … {total} sections found.",
        "reindex_embed": "Rebuilding the index … embedding sections {done}/{total}.",
        "reindex_done": (
            "✅ New index in use (no restart needed).\n"
            "{documents} files, {passages} sections, {embedded} new embeddings, {seconds} s.\n"
            "By kind: {kinds}\nBuild: {build_id}"
        ),
        "reindex_failed": "❌ The index was not rebuilt: the knowledge base has {count} problems. The old index is still serving.",
        "reindex_error": "❌ The index was not rebuilt ({error}). The old index is still serving.",
        "more_problems": "… and {count} more",
        "log_off": "The question log is not enabled.",
        "stats_caption": "Questions per day",
        "gaps_none": "No gaps: every question was answered and nobody gave a thumbs-down.",
        "export_caption": "The question log ({rows} rows)",
        "export_empty": "The question log is empty.",
        "admin_error": "⚠️ <b>Error in Hänsyn</b>",
    },
}


def lang_of(user) -> str:
    """'en' for users whose Telegram language is English, otherwise Swedish."""
    code = (getattr(user, "language_code", None) or "").lower()
    return "en" if code.startswith("en") else "sv"


def esc(value: object) -> str:
    """Escape a dynamic value for Telegram HTML (an `Html` value is passed through)."""
    if isinstance(value, Html):
        return str(value)
    return html.escape(str(value), quote=True)


def t(key: str, lang: str = "sv", **values: object) -> str:
    """The UI string `key` in `lang` (falling back to Swedish), values escaped and filled in."""
    template = TEXTS.get(lang, TEXTS["sv"]).get(key) or TEXTS["sv"][key]
    if not values:
        return template
    return template.format(**{name: esc(value) for name, value in values.items()})


def plain(key: str, lang: str = "sv") -> str:
    """A UI string for plain-text places (callback query answers): no markup, no values."""
    return html.unescape(t(key, lang))
