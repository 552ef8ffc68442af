"""The sandbox's web chat over HTTP: what the page is sent, and what it does as people.

A real TelegramEmulator, a real aiohttp server for the web chat on 127.0.0.1, and the test in
the bot's place: python-telegram-bot's `Bot` pointed at the emulator sends, edits and answers
as the sourcing bot would, so these tests need no bot handlers.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from telegram import Bot, ForceReply, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ChatAction, ParseMode

from bot.telegram_emulator import Chat, TelegramEmulator, User
from bot.webchat import Seat, WebChat

TOKEN = "7301554120:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
BOT_USERNAME = "sourcing_test_bot"
BOT_NAME = "Sourcing bot"
BOM = b"Designator,Qty,Value,Footprint\nR1 R2 R7,3,10k,0603\nC4,1,100nF,0402\n"
OFFERS_CSV = b"vendor,mpn,unit_price,currency\nLCSC,0603WAF1002T5E,0.0021,USD\n"
#: A deadline for reading the event stream, so a missing event fails instead of hanging.
STREAM_DEADLINE = 10.0


@dataclass
class Sandbox:
    emulator: TelegramEmulator
    webchat: WebChat
    client: TestClient[web.Request, web.Application]
    #: The test acts as the bot through it.
    bot: Bot
    buyer: User
    vendor: User
    seller: User
    #: Listed as a speaker in the group's seat but not a member of the group.
    outsider: User
    buyer_chat: Chat
    group: Chat

    async def post(self, path: str, body: dict[str, Any]) -> tuple[int, Any]:
        response = await self.client.post(path, json=body)
        return response.status, await response.json()

    async def state(self) -> dict[str, Any]:
        response = await self.client.get("/api/state")
        assert response.status == 200
        found: dict[str, Any] = await response.json()
        return found

    async def seat(self, key: str) -> dict[str, Any]:
        for seat in (await self.state())["seats"]:
            if seat["key"] == key:
                found: dict[str, Any] = seat
                return found
        raise LookupError(key)


@pytest.fixture
async def sandbox() -> AsyncIterator[Sandbox]:
    async with TelegramEmulator() as emulator:
        emulator.add_bot(TOKEN, BOT_USERNAME, first_name=BOT_NAME)
        buyer = emulator.user("Bea", username="bea")
        vendor = emulator.user("Wang", last_name="Wei")
        seller = emulator.user("Li")
        outsider = emulator.user("Zhou")
        buyer_chat = emulator.private_chat(buyer)
        group = emulator.group("Huaqiang North vendors", [vendor, seller])
        seats = [
            Seat("buyer", buyer_chat, BOT_NAME, "you, as the buyer", (buyer,)),
            Seat(
                "group",
                group,
                "Huaqiang North vendors",
                "a vendor group",
                (vendor, seller, outsider),
            ),
        ]
        webchat = WebChat(emulator, seats, notice="Everything here is made up.")
        app = web.Application()
        webchat.add_routes(app)
        async with (
            TestClient(TestServer(app, host="127.0.0.1")) as client,
            Bot(TOKEN, base_url=f"{emulator.api_url}/bot") as bot,
        ):
            yield Sandbox(
                emulator, webchat, client, bot, buyer, vendor, seller, outsider, buyer_chat, group
            )
        await webchat.close()


async def next_event(response: aiohttp.ClientResponse) -> tuple[str, dict[str, Any]]:
    """The next named server-sent event: its name and its JSON data."""
    name, data = "", ""
    async with asyncio.timeout(STREAM_DEADLINE):
        while True:
            raw = await response.content.readline()
            if not raw:
                raise EOFError("the event stream ended")
            line = raw.decode().rstrip("\n")
            if not line:
                if name and data:
                    return name, json.loads(data)
                name, data = "", ""
            elif line.startswith("event: "):
                name = line.removeprefix("event: ")
            elif line.startswith("data: "):
                data += line.removeprefix("data: ")


# -- what the page is sent ---------------------------------------------------------------------


async def test_the_snapshot_lists_each_seat_with_its_people_and_history(sandbox: Sandbox) -> None:
    sent = await sandbox.bot.send_message(sandbox.buyer.id, "Send me the parts you need.")
    stored = sandbox.buyer_chat.messages[sent.message_id]

    state = await sandbox.state()

    assert state["title"] == "Sourcing bot sandbox"
    assert state["notice"] == "Everything here is made up."
    assert [seat["key"] for seat in state["seats"]] == ["buyer", "group"]
    buyer = state["seats"][0]
    assert {key: value for key, value in buyer.items() if key != "messages"} == {
        "key": "buyer",
        "title": BOT_NAME,
        "subtitle": "you, as the buyer",
        "type": "private",
        "speakers": [{"id": sandbox.buyer.id, "name": "Bea"}],
        "self_id": sandbox.buyer.id,
    }
    assert buyer["messages"] == [
        {
            "id": sent.message_id,
            "sender": {"id": sandbox.emulator.bot().user.id, "name": BOT_NAME},
            "from_bot": True,
            "date": stored.date,
            "edited": False,
            "html": "Send me the parts you need.",
            "preview": "Send me the parts you need.",
            "document": None,
            "reply_to": None,
            "buttons": [],
            "reply_keyboard": None,
            "service": None,
        }
    ]
    group = state["seats"][1]
    assert group["type"] == "group"
    assert group["speakers"] == [
        {"id": sandbox.vendor.id, "name": "Wang Wei"},
        {"id": sandbox.seller.id, "name": "Li"},
        {"id": sandbox.outsider.id, "name": "Zhou"},
    ]


async def test_bold_and_code_from_the_bot_arrive_as_html(sandbox: Sandbox) -> None:
    await sandbox.bot.send_message(
        sandbox.buyer.id,
        "<b>3 offers</b> for <code>RC0603FR-0710KL</code>",
        parse_mode=ParseMode.HTML,
    )

    [message] = (await sandbox.seat("buyer"))["messages"]

    assert message["html"] == "<b>3 offers</b> for <code>RC0603FR-0710KL</code>"
    assert message["preview"] == "3 offers for RC0603FR-0710KL"


async def test_markup_typed_by_a_person_is_escaped(sandbox: Sandbox) -> None:
    status, _ = await sandbox.post(
        "/api/seats/buyer/messages", {"text": "<script>alert(1)</script> & <b>10k</b>"}
    )

    [message] = (await sandbox.seat("buyer"))["messages"]

    assert status == 200
    assert message["html"] == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;10k&lt;/b&gt;"


async def test_inline_buttons_say_what_pressing_them_does(sandbox: Sandbox) -> None:
    keyboard = InlineKeyboardMarkup(
        [
            [InlineKeyboardButton("Choose #1", callback_data="choose:R1:1")],
            [
                InlineKeyboardButton(
                    "Quote privately", url=f"https://t.me/{BOT_USERNAME}?start=q_R1"
                ),
                InlineKeyboardButton("Datasheet", url="https://example.com/rc0603.pdf"),
            ],
        ]
    )
    await sandbox.bot.send_message(sandbox.group.id, "Request for quote R1", reply_markup=keyboard)

    [message] = (await sandbox.seat("group"))["messages"]

    assert message["buttons"] == [
        [{"text": "Choose #1", "kind": "callback", "data": "choose:R1:1"}],
        [
            {
                "text": "Quote privately",
                "kind": "bot_link",
                "url": f"https://t.me/{BOT_USERNAME}?start=q_R1",
            },
            {"text": "Datasheet", "kind": "url", "url": "https://example.com/rc0603.pdf"},
        ],
    ]


async def test_a_force_reply_is_described_for_the_composer(sandbox: Sandbox) -> None:
    await sandbox.emulator.send_text(sandbox.buyer, sandbox.buyer_chat, "/vendor")
    await sandbox.bot.send_message(
        sandbox.buyer.id,
        "Your company's name?",
        reply_markup=ForceReply(input_field_placeholder="Company"),
    )

    messages = (await sandbox.seat("buyer"))["messages"]

    assert messages[-1]["reply_keyboard"] == {"kind": "force_reply", "placeholder": "Company"}


async def test_a_reply_carries_the_message_it_quotes(sandbox: Sandbox) -> None:
    rfq = await sandbox.bot.send_message(sandbox.group.id, "Request for quote R1: 0603 10k")

    status, answer = await sandbox.post(
        "/api/seats/group/messages",
        {
            "text": "0.015元 含税 现货5万",
            "speaker_id": sandbox.vendor.id,
            "reply_to": rfq.message_id,
        },
    )

    stored = sandbox.emulator.history(sandbox.group)[-1]
    assert status == 200
    assert stored.reply_to is sandbox.group.messages[rfq.message_id]
    assert answer["message"]["reply_to"] == {
        "id": rfq.message_id,
        "sender_name": BOT_NAME,
        "preview": "Request for quote R1: 0603 10k",
    }


# -- live ---------------------------------------------------------------------------------------


async def test_the_stream_starts_with_the_snapshot_then_sends_new_messages_and_edits(
    sandbox: Sandbox,
) -> None:
    async with sandbox.client.get("/api/events") as stream:
        assert stream.headers["Content-Type"] == "text/event-stream; charset=utf-8"
        assert await next_event(stream) == ("snapshot", await sandbox.state())

        status = await sandbox.bot.send_message(sandbox.buyer.id, "Asking 3 vendors…")
        name, data = await next_event(stream)
        assert (name, data["seat"], data["message"]["id"]) == ("upsert", "buyer", status.message_id)
        assert (data["message"]["html"], data["message"]["edited"]) == ("Asking 3 vendors…", False)

        await sandbox.bot.edit_message_text(
            "<b>2 of 3</b> vendors answered",
            chat_id=sandbox.buyer.id,
            message_id=status.message_id,
            parse_mode=ParseMode.HTML,
        )
        name, data = await next_event(stream)
        assert (name, data["seat"], data["message"]["id"]) == ("upsert", "buyer", status.message_id)
        assert data["message"]["html"] == "<b>2 of 3</b> vendors answered"
        assert data["message"]["edited"] is True


async def test_the_stream_tells_chat_actions_and_deletions(sandbox: Sandbox) -> None:
    sent = await sandbox.bot.send_message(sandbox.group.id, "Request for quote R1")
    async with sandbox.client.get("/api/events") as stream:
        await next_event(stream)

        await sandbox.bot.send_chat_action(sandbox.buyer.id, ChatAction.TYPING)
        assert await next_event(stream) == ("action", {"seat": "buyer", "action": "typing"})

        await sandbox.bot.delete_message(sandbox.group.id, sent.message_id)
        assert await next_event(stream) == ("deleted", {"seat": "group", "id": sent.message_id})


async def test_closing_the_web_chat_ends_open_streams(sandbox: Sandbox) -> None:
    async with sandbox.client.get("/api/events") as stream:
        await next_event(stream)

        await sandbox.webchat.close()

        with pytest.raises(EOFError):
            await next_event(stream)
    response = await sandbox.client.get("/api/events")
    assert response.status == 503


# -- acting as people -----------------------------------------------------------------------------


async def test_text_sent_as_a_speaker_reaches_the_emulator_as_that_person(
    sandbox: Sandbox,
) -> None:
    status, answer = await sandbox.post(
        "/api/seats/group/messages",
        {"text": "RC0603 10k\n5000 pcs", "speaker_id": sandbox.seller.id},
    )

    [stored] = sandbox.emulator.history(sandbox.group)
    assert status == 200
    assert (stored.sender, stored.text) == (sandbox.seller, "RC0603 10k\n5000 pcs")
    assert answer["message"]["id"] == stored.message_id
    assert answer["message"]["sender"] == {"id": sandbox.seller.id, "name": "Li"}


async def test_text_without_a_speaker_is_sent_as_the_seats_first_speaker(
    sandbox: Sandbox,
) -> None:
    await sandbox.post("/api/seats/group/messages", {"text": "hello"})

    [stored] = sandbox.emulator.history(sandbox.group)
    assert stored.sender is sandbox.vendor


async def test_a_speaker_who_is_not_a_member_is_refused(sandbox: Sandbox) -> None:
    status, answer = await sandbox.post(
        "/api/seats/group/messages", {"text": "hello", "speaker_id": sandbox.outsider.id}
    )

    assert (status, answer) == (400, {"error": "Zhou is not a member of Huaqiang North vendors"})
    assert sandbox.emulator.history(sandbox.group) == []


async def test_someone_the_seat_does_not_offer_cannot_speak_there(sandbox: Sandbox) -> None:
    status, answer = await sandbox.post(
        "/api/seats/group/messages", {"text": "hello", "speaker_id": sandbox.buyer.id}
    )

    assert status == 400
    assert answer == {
        "error": f"you cannot write as user {sandbox.buyer.id} in Huaqiang North vendors"
    }


async def test_an_empty_message_is_refused_with_telegrams_reason(sandbox: Sandbox) -> None:
    status, answer = await sandbox.post("/api/seats/buyer/messages", {"text": "  \n "})

    assert (status, answer) == (400, {"error": "Telegram does not send empty messages"})


async def test_a_seat_that_does_not_exist_is_not_found(sandbox: Sandbox) -> None:
    status, answer = await sandbox.post("/api/seats/nobody/messages", {"text": "hello"})

    assert (status, answer) == (404, {"error": "no chat 'nobody'"})


async def test_pressing_a_button_returns_the_bots_answer(sandbox: Sandbox) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("By price", callback_data="sort:p")]])
    offers = await sandbox.bot.send_message(sandbox.buyer.id, "Offers", reply_markup=keyboard)
    press = asyncio.create_task(
        sandbox.post("/api/seats/buyer/press", {"message_id": offers.message_id, "data": "sort:p"})
    )

    [update] = await sandbox.bot.get_updates(timeout=5)
    query = update.callback_query
    assert query is not None
    assert (query.data, query.from_user.id) == ("sort:p", sandbox.buyer.id)
    await sandbox.bot.answer_callback_query(query.id, text="Sorted by price")

    assert await press == (
        200,
        {"answer": {"text": "Sorted by price", "show_alert": False, "url": None}},
    )


async def test_pressing_a_button_the_message_lacks_is_refused(sandbox: Sandbox) -> None:
    sent = await sandbox.bot.send_message(sandbox.buyer.id, "Offers")

    status, answer = await sandbox.post(
        "/api/seats/buyer/press", {"message_id": sent.message_id, "data": "sort:p"}
    )

    assert (status, answer) == (400, {"error": f"message {sent.message_id} has no button 'sort:p'"})


async def test_a_deep_link_opens_the_speakers_private_chat_and_sends_its_start_payload(
    sandbox: Sandbox,
) -> None:
    status, answer = await sandbox.post(
        "/api/seats/group/links",
        {"url": f"https://t.me/{BOT_USERNAME}?start=q_R1", "speaker_id": sandbox.vendor.id},
    )

    chat = sandbox.emulator.private_chat(sandbox.vendor)
    [start] = sandbox.emulator.history(chat)
    assert (start.sender, start.text) == (sandbox.vendor, "/start q_R1")
    assert status == 200
    seat = answer["seat"]
    assert {key: value for key, value in seat.items() if key != "messages"} == {
        "key": f"dm-{sandbox.vendor.id}",
        "title": BOT_NAME,
        "subtitle": "you, as Wang Wei",
        "type": "private",
        "speakers": [{"id": sandbox.vendor.id, "name": "Wang Wei"}],
        "self_id": sandbox.vendor.id,
    }
    assert [message["id"] for message in seat["messages"]] == [start.message_id]
    assert answer["message"]["html"] == '<span class="command">/start</span> q_R1'
    assert [seat["key"] for seat in (await sandbox.state())["seats"]] == [
        "buyer",
        "group",
        f"dm-{sandbox.vendor.id}",
    ]


async def test_a_deep_link_to_a_chat_already_listed_opens_that_seat(sandbox: Sandbox) -> None:
    status, answer = await sandbox.post(
        "/api/seats/buyer/links", {"url": f"https://t.me/{BOT_USERNAME}?start=vendor"}
    )

    [start] = sandbox.emulator.history(sandbox.buyer_chat)
    assert (status, answer["seat"]["key"], start.text) == (200, "buyer", "/start vendor")
    assert len((await sandbox.state())["seats"]) == 2


async def test_a_new_seat_from_a_deep_link_is_streamed_to_open_pages(sandbox: Sandbox) -> None:
    async with sandbox.client.get("/api/events") as stream:
        await next_event(stream)

        await sandbox.post(
            "/api/seats/group/links",
            {"url": f"https://t.me/{BOT_USERNAME}", "speaker_id": sandbox.seller.id},
        )

        name, data = await next_event(stream)
        assert (name, data["seat"]["key"], data["seat"]["messages"]) == (
            "seat",
            f"dm-{sandbox.seller.id}",
            [],
        )
        name, data = await next_event(stream)
        assert (name, data["seat"], data["message"]["preview"]) == (
            "upsert",
            f"dm-{sandbox.seller.id}",
            "/start",
        )


async def test_a_link_that_leads_elsewhere_is_refused(sandbox: Sandbox) -> None:
    status, answer = await sandbox.post(
        "/api/seats/buyer/links", {"url": "https://example.com/?start=q_R1"}
    )

    assert (status, answer) == (
        400,
        {"error": "'https://example.com/?start=q_R1' is not a link to a bot here"},
    )


async def test_an_uploaded_bom_becomes_a_document_message(sandbox: Sandbox) -> None:
    form = aiohttp.FormData()
    form.add_field("speaker_id", str(sandbox.buyer.id))
    form.add_field("file", BOM, filename="bom.csv", content_type="text/csv")

    response = await sandbox.client.post("/api/seats/buyer/documents", data=form)
    answer = await response.json()

    [stored] = sandbox.emulator.history(sandbox.buyer_chat)
    assert stored.sender is sandbox.buyer
    assert stored.document is not None
    assert (stored.document.file_name, stored.document.mime_type) == ("bom.csv", "text/csv")
    assert stored.document.data == BOM
    assert response.status == 200
    assert answer["message"]["document"] == {
        "file_id": stored.document.file_id,
        "name": "bom.csv",
        "mime_type": "text/csv",
        "size": len(BOM),
        "url": f"/api/files/{stored.document.file_id}",
    }
    assert answer["message"]["preview"] == "bom.csv"


async def test_an_upload_without_a_file_is_refused(sandbox: Sandbox) -> None:
    form = aiohttp.FormData(default_to_multipart=True)
    form.add_field("speaker_id", str(sandbox.buyer.id))
    form.add_field("caption", "my BOM")

    response = await sandbox.client.post("/api/seats/buyer/documents", data=form)

    assert (response.status, await response.json()) == (400, {"error": "choose a file to send"})


async def test_a_document_downloads_with_its_bytes_name_and_type(sandbox: Sandbox) -> None:
    await sandbox.bot.send_document(sandbox.buyer.id, OFFERS_CSV, filename="offers R1.csv")
    [message] = (await sandbox.seat("buyer"))["messages"]

    response = await sandbox.client.get(message["document"]["url"])

    assert response.status == 200
    assert await response.read() == OFFERS_CSV
    assert response.headers["Content-Type"] == "text/csv"
    assert response.headers["Content-Disposition"] == (
        "attachment; filename=\"offers R1.csv\"; filename*=UTF-8''offers%20R1.csv"
    )


async def test_a_file_that_does_not_exist_is_not_found(sandbox: Sandbox) -> None:
    response = await sandbox.client.get("/api/files/BQACAgIAAxkBAAI00000099")

    assert (response.status, await response.json()) == (404, {"error": "no such file"})


# -- the page -------------------------------------------------------------------------------------


async def test_the_page_and_its_script_and_styles_are_served(sandbox: Sandbox) -> None:
    page = await sandbox.client.get("/")
    script = await sandbox.client.get("/static/webchat.js")
    styles = await sandbox.client.get("/static/webchat.css")

    assert (page.status, page.content_type) == (200, "text/html")
    assert '<script src="/static/webchat.js" defer></script>' in await page.text()
    assert (script.status, script.content_type) == (200, "text/javascript")
    assert (styles.status, styles.content_type) == (200, "text/css")


async def test_only_the_pages_own_files_are_served_from_static(sandbox: Sandbox) -> None:
    response = await sandbox.client.get("/static/server.py")

    assert response.status == 404
