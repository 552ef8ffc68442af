"""An admin's announcement to every vendor and vendor group, and how its sending goes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from handlers.i18n import Translator
from handlers.render.html import Html, bold, clip, esc, join, ntr, tr

NAME_CLIP = 60
#: Unreachable chats named in a report; more are counted.
NAMED_UNREACHABLE = 20


@dataclass(frozen=True, slots=True)
class BroadcastProgress:
    total: int
    sent: int
    #: Chats that could not be reached (their titles or ids), so far.
    unreachable: Sequence[str] = ()
    done: bool = False


def broadcast_usage(t: Translator) -> str:
    return tr(t, "Send <code>/broadcast</code> followed by the announcement.")


def announcement_too_long(t: Translator, limit: int) -> str:
    """The admin's text would not fit in one Telegram message once the header is added."""
    return tr(
        t, "That announcement is too long: keep it within {limit} characters.", limit=f"{limit:,}"
    )


def announcement(t: Translator, text: str) -> str:
    """The admin's words as vendors receive them, escaped (never markup)."""
    return join(bold(tr(t, "Announcement")), esc(text))


def broadcast_report(t: Translator, progress: BroadcastProgress) -> str:
    """The admin's progress message, edited as the broadcast goes."""
    if progress.done:
        state = ntr(
            t,
            "Broadcast done: sent to {sent} of {count} chat.",
            "Broadcast done: sent to {sent} of {count} chats.",
            progress.total,
            sent=f"{progress.sent:,}",
        )
    else:
        state = ntr(
            t,
            "Broadcasting… {sent} of {count} chat sent.",
            "Broadcasting… {sent} of {count} chats sent.",
            progress.total,
            sent=f"{progress.sent:,}",
        )
    if not progress.unreachable:
        return state
    named = [esc(clip(chat, NAME_CLIP)) for chat in progress.unreachable[:NAMED_UNREACHABLE]]
    hidden = len(progress.unreachable) - len(named)
    listed = Html(t.join(named))
    if hidden:
        listed = Html(listed + " " + ntr(t, "and {count} more", "and {count} more", hidden))
    return join(
        state,
        ntr(
            t,
            "Could not reach {count} chat: {chats}",
            "Could not reach {count} chats: {chats}",
            len(progress.unreachable),
            chats=listed,
        ),
    )
