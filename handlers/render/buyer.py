"""What a buyer reads before the offers: help, the status of an RFQ, what was not read."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from telegram import InlineKeyboardButton

from bot.quotes import QuoteLine
from catalogue.boms import BomError, BomProblem, Skipped
from catalogue.matching.describe import request_summary
from catalogue.wording import N_
from handlers.callbacks import SetLanguage, encode
from handlers.i18n import LANGUAGE_NAMES, LANGUAGES, Translator
from handlers.render.html import TEXT_LIMIT, Html, bold, clip, code, esc, join, ntr, paragraphs, tr
from handlers.render.message import Block, Message, messages, single

#: Request lines the status message lists before "…and 12 more lines".
STATUS_LINES = 10
#: Characters of a buyer's line or BOM row shown back.
TEXT_CLIP = 200


def welcome(t: Translator) -> str:
    """/start and /help: what the bot does, two examples, and how vendors join."""
    return paragraphs(
        join(
            tr(t, "<b>I find electronic components for you.</b>"),
            tr(
                t,
                "Send what you need: I ask vendors for quotes at once and rank their offers "
                "by total cost, delivery and vendor score.",
            ),
        ),
        join(tr(t, "<b>One part</b>"), tr(t, "<code>500 pcs 0603 10k 1%</code>")),
        join(
            tr(t, "<b>Several parts, one per line</b>"),
            tr(t, "<code>100 RC0603FR-0710KL\n50 LM358DR\n2 reels 0402 100nF 50V X7R</code>"),
        ),
        tr(
            t,
            "You can also send a BOM file (CSV or Excel). In a group, mention me, "
            "reply to me or use /rfq.",
        ),
        tr(
            t,
            "<b>Vendors:</b> send /vendor to register. Once an admin approves you, "
            "requests for quote arrive here and you answer them in plain words.",
        ),
        tr(t, "/lang switches language · /help shows this again"),
    )


def nothing_recognised(t: Translator) -> str:
    return join(
        tr(
            t,
            "I could not find a part in that. Name a part number, or describe the part "
            "with its value and package, for example:",
        ),
        tr(t, "<code>500 pcs 0603 10k 1%</code>"),
        tr(t, "<code>LM358DR 100pcs</code>"),
    )


def unknown_command(t: Translator, command: str) -> str:
    return join(
        tr(t, "I don't know the command {command}.", command=code(clip(command, 40))),
        tr(
            t,
            "Send /help to see what I can do, or just write the parts you need, for example "
            "<code>500 pcs 0603 10k 1%</code>",
        ),
    )


@dataclass(frozen=True, slots=True)
class RfqProgress:
    """Where an RFQ stands, as the buyer's status message shows it."""

    rfq_id: str
    #: Vendors asked.
    asked: int
    #: Vendors that answered (with offers or declining).
    answered: int
    #: Offers stored so far.
    offers: int
    closed: bool = False


def status_text(t: Translator, progress: RfqProgress, lines: Sequence[QuoteLine] = ()) -> str:
    """The buyer's live status message; `lines` are listed under it (up to STATUS_LINES)."""
    offers = ntr(t, "{count} offer", "{count} offers", progress.offers)
    if progress.asked == 0:
        state = tr(t, "No vendor can be asked for these parts yet.")
    elif progress.closed:
        closed = tr(
            t,
            "Closed: {answered} of {asked} answered",
            answered=progress.answered,
            asked=progress.asked,
        )
        state = Html(f"{closed} · {offers}")
    else:
        asking = ntr(t, "Asking {count} vendor…", "Asking {count} vendors…", progress.asked)
        answered = ntr(t, "{count} answered", "{count} answered", progress.answered)
        state = Html(f"{asking} {answered} · {offers}")
    listed = [
        Html(f"{line.line}. {esc(clip(request_summary(line.request, t), TEXT_CLIP))}")
        for line in lines[:STATUS_LINES]
    ]
    hidden = len(lines) - len(listed)
    more = ntr(t, "…and {count} more line", "…and {count} more lines", hidden) if hidden else ""
    return join(bold(tr(t, "RFQ {rfq}", rfq=progress.rfq_id)), state, *listed, more)


def unread_rows(
    t: Translator, rows: Sequence[tuple[int, str]], *, limit: int = TEXT_LIMIT
) -> list[Message]:
    """BOM rows the bot could not read, listed back: (row number in the file, its text)."""
    header = Block(
        ntr(
            t,
            "I could not read this row of your file, so it is not in the request:",
            "I could not read these {count} rows of your file, so they are not in the request:",
            len(rows),
        )
    )
    listed = [
        Block(tr(t, "Row {row}: {text}", row=number, text=code(clip(text, TEXT_CLIP) or "—")))
        for number, text in rows
    ]
    footer = Block(tr(t, "Send them as a message if you still need them."))
    return messages([[header, *listed], [footer]], limit=limit, gap="\n")


def skipped_rows(t: Translator, skipped: Skipped, *, limit: int = TEXT_LIMIT) -> list[Message]:
    """Rows of a BOM that ask for nothing to buy, counted back so the buyer sees none was
    lost: not fitted (DNP), drawn on the board (holes, fiducials), alternates of a row."""
    parts = []
    if skipped.dnp:
        parts.append(
            t.ngettext(
                "{count} row marked DNP (not fitted)",
                "{count} rows marked DNP (not fitted)",
                skipped.dnp,
            )
        )
    if skipped.board_features:
        parts.append(
            t.ngettext(
                "{count} board feature (mounting hole, fiducial, test point)",
                "{count} board features (mounting holes, fiducials, test points)",
                skipped.board_features,
            )
        )
    if skipped.alternates:
        parts.append(
            t.ngettext(
                "{count} alternate part number for the row above it",
                "{count} alternate part numbers for the rows above them",
                skipped.alternates,
            )
        )
    if not parts:
        return []
    listed = Html(t.join([esc(part) for part in parts]))
    return messages(
        [[Block(tr(t, "Not asked for, as nothing to buy: {rows}.", rows=listed))]], limit=limit
    )


def unread_lines(
    t: Translator, lines: Sequence[tuple[int, str]], *, limit: int = TEXT_LIMIT
) -> list[Message]:
    """Lines of a pasted list the bot could not read: (line number, its text)."""
    header = Block(
        ntr(
            t,
            "I could not read this line of your message, so it is not in the request:",
            "I could not read these {count} lines of your message, so they are not in the request:",
            len(lines),
        )
    )
    listed = [
        Block(tr(t, "Line {line}: {text}", line=number, text=code(clip(text, TEXT_CLIP) or "—")))
        for number, text in lines
    ]
    footer = Block(tr(t, "Write them with a value and package or a part number to add them."))
    return messages([[header, *listed], [footer]], limit=limit, gap="\n")


#: Why a document is no BOM, worded for the buyer (catalogue/boms names the problem).
_BOM_PROBLEMS: dict[BomProblem, str] = {
    BomProblem.EMPTY: N_("{name} is empty."),
    BomProblem.TOO_LARGE: N_("{name} is too large for a BOM (at most {limit})."),
    BomProblem.TOO_MANY_ROWS: N_("{name} has more than {limit} rows; please split it."),
    BomProblem.IMAGE: N_(
        "{name} is an image. A photo of a BOM cannot be read: please send the BOM as a CSV, TSV "
        "or Excel (.xlsx) file."
    ),
    BomProblem.PDF: N_(
        "{name} is a PDF. Please export the BOM from your CAD tool or spreadsheet as CSV, TSV or "
        "Excel (.xlsx)."
    ),
    BomProblem.OLD_EXCEL: N_(
        "{name} is an old Excel (.xls) or password-protected workbook. Please save it as .xlsx "
        "or CSV and send it again."
    ),
    BomProblem.OPENDOCUMENT: N_(
        "{name} is an OpenDocument spreadsheet. Please save it as .xlsx or CSV and send it again."
    ),
    BomProblem.ARCHIVE: N_(
        "{name} is an archive. Please send the BOM file itself (CSV, TSV or .xlsx)."
    ),
    BomProblem.BINARY: N_(
        "{name} is not a text or Excel file, so it cannot be a BOM. Please send CSV, TSV or .xlsx."
    ),
    BomProblem.DAMAGED_WORKBOOK: N_(
        "{name} could not be opened as an Excel workbook; it may be damaged. Please save it "
        "again as .xlsx or CSV."
    ),
    BomProblem.NO_HEADER: N_(
        "{name} has no header row naming its columns. Please add one, for example: "
        "Designator, Qty, Value, Footprint, MPN."
    ),
    BomProblem.NO_ROWS: N_("{name} has a header row but no parts under it."),
}


def bom_problem(t: Translator, error: BomError) -> str:
    """Why a document is no BOM the bot can read, in the buyer's language."""
    name = f"“{error.filename}”" if error.filename else t.gettext("This file")
    reason = t.gettext(_BOM_PROBLEMS[error.problem], name=name, limit=error.limit)
    return unreadable_file(t, reason)


def unreadable_file(t: Translator, reason: str) -> str:
    """A document that is not a BOM the bot can read, and why."""
    return tr(t, "I could not read that file: {reason}", reason=reason)


def language_prompt(t: Translator) -> Message:
    """/lang: the language buttons, each named in its own language."""
    buttons = [
        InlineKeyboardButton(LANGUAGE_NAMES[code_], callback_data=encode(SetLanguage(code_)))
        for code_ in LANGUAGES
    ]
    return single(tr(t, "Choose the language I write to you in:"), [buttons])


def language_changed(t: Translator) -> str:
    """Said in the new language."""
    return tr(t, "I will write to you in English from now on.")


def admins_only(t: Translator) -> str:
    return tr(t, "Only the bot's admins can use this command.")


#: Commands shown in Telegram's menu (setMyCommands), for everyone.
COMMANDS = ("start", "help", "rfq", "lang", "vendor")


def bot_commands(t: Translator) -> list[tuple[str, str]]:
    """(command, description) for setMyCommands in `t`'s language (plain text)."""
    descriptions = {
        "start": t.gettext("What this bot does"),
        "help": t.gettext("Examples of requests"),
        "rfq": t.gettext("Ask for quotes (in groups)"),
        "lang": t.gettext("Switch language"),
        "vendor": t.gettext("Register as a vendor"),
    }
    return [(command, descriptions[command]) for command in COMMANDS]
