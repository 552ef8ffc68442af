// The sandbox's web chat: the emulator's chats, live, Telegram-style. Plain script, no build.
//
// The server sends a snapshot of every seat when the event stream opens, then upserts of
// messages, deletions, chat actions and new seats. Message text arrives as HTML the server made
// from Telegram's entities with everything escaped; nothing else is ever inserted as HTML.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const ui = {
    app: $("app"),
    title: $("app-title"),
    connection: $("connection"),
    notice: $("notice"),
    noticeText: $("notice-text"),
    seats: $("seats"),
    empty: $("chat-empty"),
    header: $("chat-header"),
    avatar: $("chat-avatar"),
    chatTitle: $("chat-title"),
    chatSubtitle: $("chat-subtitle"),
    messages: $("messages"),
    composerArea: $("composer-area"),
    replyBar: $("reply-bar"),
    replyName: $("reply-bar-name"),
    replyPreview: $("reply-bar-preview"),
    speakerRow: $("speaker-row"),
    speaker: $("speaker"),
    form: $("composer-form"),
    composer: $("composer"),
    send: $("send"),
    upload: $("upload"),
    replyKeyboard: $("reply-keyboard"),
    readOnly: $("read-only"),
    toast: $("toast"),
  };

  const ACTIONS = {
    typing: "typing…",
    upload_document: "sending a file…",
    upload_photo: "sending a photo…",
    find_location: "choosing a location…",
    choose_sticker: "choosing a sticker…",
  };
  const ACTION_MS = 5000;
  const NEAR_BOTTOM_PX = 140;
  const NO_REPLY = -1;
  const ICON_REPLY =
    '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M10 8V4l-7 7 7 7v-4.1c5 0 8.5 1.6 11 5.1-1-5-4-10-11-11z"/></svg>';
  const ICON_FILE =
    '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z"/><path d="M14 3v5h5"/></svg>';

  const state = {
    instance: null,
    order: [], // seat keys, as listed
    seats: new Map(), // key -> {view, messages: Map(id -> message), ids: [sorted ids]}
    open: null,
    speaker: new Map(), // key -> user id chosen in "Writing as"
    replyTo: new Map(), // key -> message id
    drafts: new Map(), // key -> text not sent yet
    actions: new Map(), // key -> {text, until}
    read: {}, // key -> highest message id seen
    busy: false,
  };

  // -- talking to the server -------------------------------------------------------------------

  async function api(path, options) {
    let response;
    try {
      response = await fetch(path, options);
    } catch (error) {
      throw new Error("The sandbox is not reachable: is it still running?");
    }
    let body = null;
    try {
      body = await response.json();
    } catch (error) {
      body = null;
    }
    if (!response.ok) {
      throw new Error((body && body.error) || `${response.status} ${response.statusText}`);
    }
    return body;
  }

  function postJson(path, body) {
    return api(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  }

  function seatPath(key, what) {
    return `/api/seats/${encodeURIComponent(key)}/${what}`;
  }

  function connect() {
    const source = new EventSource("/api/events");
    const on = (name, handler) =>
      source.addEventListener(name, (event) => handler(JSON.parse(event.data)));
    on("snapshot", applySnapshot);
    on("upsert", (data) => upsertMessage(data.seat, data.message));
    on("deleted", (data) => deleteMessage(data.seat, data.id));
    on("action", (data) => showAction(data.seat, data.action));
    on("seat", (data) => upsertSeat(data.seat, true));
    source.addEventListener("open", () => setConnection("online"));
    source.addEventListener("error", () => {
      setConnection(source.readyState === EventSource.CLOSED ? "offline" : "connecting");
    });
  }

  function setConnection(kind) {
    ui.connection.dataset.state = kind;
    ui.connection.textContent =
      kind === "offline" ? "Disconnected: reload when the sandbox runs" : "Connecting…";
  }

  // -- the state ---------------------------------------------------------------------------------

  function applySnapshot(snapshot) {
    if (snapshot.instance !== state.instance) {
      state.instance = snapshot.instance;
      state.read = loadRead();
      state.replyTo.clear();
    }
    document.title = snapshot.title;
    ui.title.textContent = snapshot.title;
    if (snapshot.notice && !sessionStorage.getItem(`webchat:${snapshot.instance}:notice`)) {
      ui.noticeText.textContent = snapshot.notice;
      ui.notice.hidden = false;
    }
    state.order = [];
    state.seats.clear();
    for (const view of snapshot.seats) upsertSeat(view, false);
    route();
  }

  function upsertSeat(view, render) {
    const seat = { view, messages: new Map(), ids: [] };
    for (const message of view.messages) {
      seat.messages.set(message.id, message);
      seat.ids.push(message.id);
    }
    seat.ids.sort((a, b) => a - b);
    if (!state.seats.has(view.key)) state.order.push(view.key);
    state.seats.set(view.key, seat);
    if (!render) return;
    renderSeats();
    if (state.open === view.key) renderChat();
  }

  function upsertMessage(key, message) {
    const seat = state.seats.get(key);
    if (!seat) return;
    const known = seat.messages.has(message.id);
    seat.messages.set(message.id, message);
    if (!known) {
      seat.ids.push(message.id);
      seat.ids.sort((a, b) => a - b);
      if (message.from_bot) state.actions.delete(key);
    }
    if (state.open === key) {
      const stick = isNearBottom() || (!known && isOwn(seat, message));
      placeMessage(seat, message);
      if (document.visibilityState === "visible") markRead(key);
      renderComposerExtras();
      renderHeader();
      if (stick) scrollToBottom();
    }
    renderSeats();
  }

  function deleteMessage(key, id) {
    const seat = state.seats.get(key);
    if (!seat || !seat.messages.delete(id)) return;
    seat.ids = seat.ids.filter((known) => known !== id);
    if (state.replyTo.get(key) === id) state.replyTo.delete(key);
    if (state.open === key) renderChat();
    renderSeats();
  }

  function showAction(key, action) {
    if (!action) return;
    state.actions.set(key, { text: ACTIONS[action] || "working…", until: Date.now() + ACTION_MS });
    renderSeats();
    if (state.open === key) renderHeader();
    setTimeout(() => {
      const shown = state.actions.get(key);
      if (shown && shown.until <= Date.now()) {
        state.actions.delete(key);
        renderSeats();
        if (state.open === key) renderHeader();
      }
    }, ACTION_MS + 50);
  }

  function actionOf(key) {
    const shown = state.actions.get(key);
    return shown && shown.until > Date.now() ? shown.text : null;
  }

  function speakerOf(seat) {
    const chosen = state.speaker.get(seat.view.key);
    const speakers = seat.view.speakers;
    if (chosen !== undefined && speakers.some((speaker) => speaker.id === chosen)) return chosen;
    return speakers.length ? speakers[0].id : null;
  }

  function selfOf(seat) {
    const speaker = speakerOf(seat);
    return speaker !== null ? speaker : seat.view.self_id;
  }

  function isOwn(seat, message) {
    return message.sender.id === selfOf(seat);
  }

  function lastMessage(seat) {
    const ids = seat.ids;
    return ids.length ? seat.messages.get(ids[ids.length - 1]) : null;
  }

  function unreadCount(seat) {
    const seen = state.read[seat.view.key] || 0;
    let count = 0;
    for (const id of seat.ids) {
      if (id <= seen) continue;
      const message = seat.messages.get(id);
      if (!message.service && !isOwn(seat, message)) count += 1;
    }
    return count;
  }

  function loadRead() {
    try {
      return JSON.parse(localStorage.getItem(`webchat:${state.instance}:read`) || "{}");
    } catch (error) {
      return {};
    }
  }

  function markRead(key) {
    const seat = state.seats.get(key);
    const last = seat && lastMessage(seat);
    if (!last || (state.read[key] || 0) >= last.id) return;
    state.read[key] = last.id;
    try {
      localStorage.setItem(`webchat:${state.instance}:read`, JSON.stringify(state.read));
    } catch (error) {
      // Private windows may refuse storage: unread counts then last for the visit only.
    }
  }

  // -- which chat is open: the address's #key --------------------------------------------------

  function route() {
    const key = decodeURIComponent(location.hash.replace(/^#/, ""));
    if (key && state.seats.has(key)) {
      openSeat(key);
    } else if (!key && !isPhone() && state.order.length && state.open === null) {
      history.replaceState(null, "", `#${encodeURIComponent(state.order[0])}`);
      openSeat(state.order[0]);
    } else {
      closeSeat();
    }
  }

  function isPhone() {
    return window.matchMedia("(max-width: 700px)").matches;
  }

  function go(key) {
    const hash = `#${encodeURIComponent(key)}`;
    if (location.hash === hash) route();
    else location.hash = hash;
  }

  function openSeat(key) {
    if (state.open !== null && state.open !== key) state.drafts.set(state.open, ui.composer.value);
    const switching = state.open !== key;
    state.open = key;
    ui.app.dataset.view = "chat";
    if (switching) {
      ui.composer.value = state.drafts.get(key) || "";
      resizeComposer();
    }
    renderChat();
    markRead(key);
    renderSeats();
    if (switching && !isPhone()) ui.composer.focus({ preventScroll: true });
  }

  function closeSeat() {
    if (state.open !== null) state.drafts.set(state.open, ui.composer.value);
    state.open = null;
    ui.app.dataset.view = "list";
    renderChat();
    renderSeats();
  }

  // -- rendering: the chat list ---------------------------------------------------------------------

  function colorOf(value) {
    let hash = 0;
    for (const character of String(value)) hash = (hash * 31 + character.codePointAt(0)) >>> 0;
    return String(hash % 7);
  }

  function initials(title) {
    const words = title.replace(/\(.*?\)/g, " ").trim().split(/\s+/).filter(Boolean);
    if (!words.length) return "?";
    const first = Array.from(words[0])[0] || "";
    const second = words.length > 1 ? Array.from(words[1])[0] || "" : "";
    return first + second;
  }

  function element(tag, className, text) {
    const made = document.createElement(tag);
    if (className) made.className = className;
    if (text !== undefined && text !== null) made.textContent = text;
    return made;
  }

  function clock(seconds) {
    const date = new Date(seconds * 1000);
    return date.toLocaleTimeString([], { hour: "numeric", minute: "2-digit" });
  }

  function renderSeats() {
    const items = state.order.map((key) => seatItem(state.seats.get(key)));
    ui.seats.replaceChildren(...items);
  }

  function seatItem(seat) {
    const view = seat.view;
    const item = element("li", "seat");
    item.dataset.testid = `seat-${view.key}`;
    item.dataset.key = view.key;
    item.tabIndex = 0;
    item.setAttribute("role", "link");
    item.setAttribute("aria-current", String(state.open === view.key));
    const avatar = element("div", "avatar", initials(view.title));
    avatar.dataset.color = colorOf(view.key);
    avatar.setAttribute("aria-hidden", "true");
    const body = element("div", "seat-body");
    const top = element("div", "seat-line");
    top.append(element("span", "seat-title", view.title));
    const last = lastMessage(seat);
    if (last) top.append(element("time", "seat-time", clock(last.date)));
    const bottom = element("div", "seat-line");
    const preview = element("span", "seat-preview");
    const action = actionOf(view.key);
    if (action) {
      preview.append(element("span", "typing", action));
    } else if (last) {
      const who = isOwn(seat, last) ? "You" : view.type !== "private" ? last.sender.name : null;
      preview.textContent = who && !last.service ? `${who}: ${last.preview}` : last.preview;
    } else {
      preview.textContent = "No messages yet";
    }
    bottom.append(preview);
    const unread = unreadCount(seat);
    if (unread) bottom.append(element("span", "badge unread", String(unread)));
    body.append(top, element("div", "seat-subtitle", view.subtitle), bottom);
    item.append(avatar, body);
    item.addEventListener("click", () => go(view.key));
    item.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        go(view.key);
      }
    });
    return item;
  }

  // -- rendering: the open chat -------------------------------------------------------------------

  function renderChat() {
    const seat = state.open !== null ? state.seats.get(state.open) : null;
    ui.empty.hidden = Boolean(seat);
    ui.header.hidden = ui.messages.hidden = ui.composerArea.hidden = !seat;
    if (!seat) return;
    renderHeader();
    ui.messages.replaceChildren();
    for (const id of seat.ids) placeMessage(seat, seat.messages.get(id));
    renderComposer();
    scrollToBottom();
  }

  function renderHeader() {
    const seat = state.seats.get(state.open);
    if (!seat) return;
    const view = seat.view;
    ui.chatTitle.textContent = view.title;
    ui.avatar.textContent = initials(view.title);
    ui.avatar.dataset.color = colorOf(view.key);
    const action = actionOf(view.key);
    ui.chatSubtitle.textContent = action || view.subtitle;
    ui.chatSubtitle.classList.toggle("typing", Boolean(action));
  }

  function placeMessage(seat, message) {
    const made = messageElement(seat, message);
    const existing = ui.messages.querySelector(`[data-message-id="${message.id}"]`);
    if (existing) {
      existing.replaceWith(made);
    } else {
      const index = seat.ids.indexOf(message.id);
      const nextId = seat.ids.slice(index + 1).find((id) =>
        ui.messages.querySelector(`[data-message-id="${id}"]`)
      );
      const next = nextId !== undefined
        ? ui.messages.querySelector(`[data-message-id="${nextId}"]`)
        : null;
      ui.messages.insertBefore(made, next);
    }
    // The message after this one may now follow the same sender (or no longer does).
    const after = made.nextElementSibling;
    if (after && after.dataset.messageId) {
      const following = seat.messages.get(Number(after.dataset.messageId));
      if (following) after.replaceWith(messageElement(seat, following));
    }
  }

  function previousOf(seat, message) {
    const index = seat.ids.indexOf(message.id);
    return index > 0 ? seat.messages.get(seat.ids[index - 1]) : null;
  }

  function messageElement(seat, message) {
    if (message.service) {
      const service = element("div", "service", message.service);
      service.dataset.testid = "message";
      service.dataset.messageId = message.id;
      service.dataset.fromBot = String(message.from_bot);
      return service;
    }
    const own = isOwn(seat, message);
    const previous = previousOf(seat, message);
    const follows = Boolean(
      previous && !previous.service && previous.sender.id === message.sender.id
    );
    const row = element("div", `row ${own ? "out" : "in"}${follows ? " follows" : ""}`);
    row.dataset.testid = "message";
    row.dataset.messageId = message.id;
    row.dataset.fromBot = String(message.from_bot);
    const bubble = element("div", "bubble");
    if (seat.view.type !== "private" && !own && !follows) {
      const sender = element("div", "sender", message.sender.name);
      sender.dataset.color = colorOf(message.sender.id);
      bubble.append(sender);
    }
    if (message.reply_to) bubble.append(quoteElement(message.reply_to));
    if (message.document) bubble.append(documentElement(message.document));
    const meta = element("span", "meta");
    if (message.edited) meta.append(element("span", "edited", "edited"));
    meta.append(element("time", null, clock(message.date)));
    if (message.html) {
      const text = element("div", "text");
      text.innerHTML = message.html; // made by the server from entities, everything escaped
      text.append(meta);
      bubble.append(text);
    } else {
      bubble.append(meta);
    }
    row.append(bubble);
    if (seat.view.speakers.length) {
      const reply = element("button", "reply-action");
      reply.type = "button";
      reply.dataset.testid = "reply";
      reply.title = "Reply";
      reply.setAttribute("aria-label", "Reply");
      reply.innerHTML = ICON_REPLY;
      reply.addEventListener("click", () => startReply(message.id));
      bubble.append(reply);
      bubble.addEventListener("dblclick", (event) => {
        if (!event.target.closest("a, button")) startReply(message.id);
      });
    }
    if (message.buttons.length) row.append(keyboardElement(seat, message));
    return row;
  }

  function quoteElement(quoted) {
    const quote = element("div", "quote");
    quote.append(element("strong", null, quoted.sender_name), element("span", null, quoted.preview));
    quote.title = "Show the message";
    quote.addEventListener("click", () => {
      const target = ui.messages.querySelector(`[data-message-id="${quoted.id}"]`);
      if (!target) return;
      target.scrollIntoView({ block: "center", behavior: "smooth" });
      target.classList.remove("flash");
      void target.offsetWidth;
      target.classList.add("flash");
    });
    return quote;
  }

  function documentElement(document_) {
    const box = element("div", "document");
    const icon = element("a", "file-icon");
    icon.href = document_.url;
    icon.download = document_.name;
    icon.innerHTML = ICON_FILE;
    icon.setAttribute("aria-hidden", "true");
    icon.tabIndex = -1;
    const about = element("div");
    const name = element("a", "file-name", document_.name);
    name.href = document_.url;
    name.download = document_.name;
    name.dataset.testid = "document";
    about.append(name, element("span", "file-size", fileSize(document_.size)));
    box.append(icon, about);
    return box;
  }

  function fileSize(bytes) {
    if (bytes < 1024) return `${bytes} B`;
    if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
    return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  }

  function keyboardElement(seat, message) {
    const keyboard = element("div", "keyboard");
    const canAct = seat.view.speakers.length > 0;
    for (const row of message.buttons) {
      const line = element("div", "keyboard-row");
      for (const button of row) {
        const made = element("button", null, button.text);
        made.type = "button";
        made.dataset.testid = "button";
        made.dataset.kind = button.kind;
        made.title = button.kind === "url" ? button.url : button.text;
        const usable =
          button.kind === "url" || (canAct && (button.kind === "callback" || button.kind === "bot_link"));
        made.disabled = !usable;
        made.addEventListener("click", () => pressButton(seat.view.key, message, button, made));
        line.append(made);
      }
      keyboard.append(line);
    }
    return keyboard;
  }

  function isNearBottom() {
    const box = ui.messages;
    return box.scrollHeight - box.scrollTop - box.clientHeight < NEAR_BOTTOM_PX;
  }

  function scrollToBottom() {
    ui.messages.scrollTop = ui.messages.scrollHeight;
  }

  // -- rendering: the composer --------------------------------------------------------------------

  function renderComposer() {
    const seat = state.seats.get(state.open);
    if (!seat) return;
    const speakers = seat.view.speakers;
    const canWrite = speakers.length > 0;
    ui.form.hidden = !canWrite;
    ui.readOnly.hidden = canWrite;
    ui.readOnly.textContent = `You are watching this chat: ${seat.view.subtitle}`;
    ui.speakerRow.hidden = speakers.length < 2;
    const chosen = speakerOf(seat);
    ui.speaker.replaceChildren(
      ...speakers.map((speaker) => {
        const option = element("option", null, speaker.name);
        option.value = String(speaker.id);
        option.selected = speaker.id === chosen;
        return option;
      })
    );
    renderComposerExtras();
  }

  function renderComposerExtras() {
    const seat = state.seats.get(state.open);
    if (!seat) return;
    const canWrite = seat.view.speakers.length > 0;
    const markup = canWrite ? latestReplyKeyboard(seat) : null;
    const replyId = replyTarget(seat);
    const replied = replyId !== null ? seat.messages.get(replyId) : null;
    ui.replyBar.hidden = !replied;
    if (replied) {
      ui.replyName.textContent = `Reply to ${replied.sender.name}`;
      ui.replyPreview.textContent = replied.preview;
    }
    const speakerName = (seat.view.speakers.find((s) => s.id === speakerOf(seat)) || {}).name;
    const placeholder = markup && markup.placeholder;
    ui.composer.placeholder =
      placeholder || (seat.view.speakers.length > 1 && speakerName ? `Message as ${speakerName}` : "Message");
    ui.replyKeyboard.hidden = !(markup && markup.kind === "keyboard");
    if (markup && markup.kind === "keyboard") {
      ui.replyKeyboard.replaceChildren(
        ...markup.rows.map((row) => {
          const line = element("div");
          for (const text of row) {
            const button = element("button", null, text);
            button.type = "button";
            button.addEventListener("click", () => sendText(text));
            line.append(button);
          }
          return line;
        })
      );
    }
  }

  // The message the next one replies to: the one chosen, or the bot's ForceReply; null for none.
  function replyTarget(seat) {
    const key = seat.view.key;
    const chosen = state.replyTo.get(key);
    if (chosen === NO_REPLY) return null;
    if (chosen !== undefined && seat.messages.has(chosen)) return chosen;
    state.replyTo.delete(key);
    const markup = latestReplyKeyboard(seat);
    return markup && markup.kind === "force_reply" && markup.latest ? markup.message.id : null;
  }

  function latestReplyKeyboard(seat) {
    // As Telegram: the newest reply markup the bot sent here stays until replaced or removed
    // (a one-time keyboard until the person answers); a ForceReply applies while its message
    // is the newest one.
    for (let index = seat.ids.length - 1; index >= 0; index -= 1) {
      const message = seat.messages.get(seat.ids[index]);
      const markup = message.reply_keyboard;
      if (!markup) continue;
      if (markup.kind === "remove") return null;
      const later = seat.ids.slice(index + 1).map((id) => seat.messages.get(id));
      if (markup.one_time && later.some((reply) => isOwn(seat, reply))) return null;
      return { ...markup, message, latest: index === seat.ids.length - 1 };
    }
    return null;
  }

  function startReply(id) {
    if (state.open === null) return;
    state.replyTo.set(state.open, id);
    renderComposerExtras();
    ui.composer.focus();
  }

  function cancelReply() {
    if (state.open === null) return;
    const seat = state.seats.get(state.open);
    const markup = seat && latestReplyKeyboard(seat);
    if (markup && markup.kind === "force_reply" && markup.latest) {
      state.replyTo.set(state.open, NO_REPLY); // no reply, even under a ForceReply
    } else {
      state.replyTo.delete(state.open);
    }
    renderComposerExtras();
  }

  function resizeComposer() {
    ui.composer.style.height = "auto";
    ui.composer.style.height = `${Math.min(ui.composer.scrollHeight, 180)}px`;
  }

  // -- acting as people -------------------------------------------------------------------------------

  async function sendText(text) {
    const key = state.open;
    const seat = key !== null ? state.seats.get(key) : null;
    if (!seat || !text.trim() || state.busy) return false;
    const replyTo = replyTarget(seat);
    state.busy = true;
    ui.send.disabled = true;
    try {
      const answer = await postJson(seatPath(key, "messages"), {
        text,
        speaker_id: speakerOf(seat),
        reply_to: replyTo,
      });
      state.replyTo.delete(key);
      upsertMessage(key, answer.message);
      scrollToBottom();
      return true;
    } catch (error) {
      showToast(error.message, "error");
      return false;
    } finally {
      state.busy = false;
      ui.send.disabled = false;
    }
  }

  async function submitComposer() {
    const text = ui.composer.value;
    if (!text.trim()) return;
    if (await sendText(text)) {
      if (ui.composer.value === text) ui.composer.value = "";
      state.drafts.delete(state.open);
      resizeComposer();
    }
  }

  async function uploadFile(file) {
    const key = state.open;
    const seat = key !== null ? state.seats.get(key) : null;
    if (!seat || !file) return;
    const form = new FormData();
    const speaker = speakerOf(seat);
    const replyTo = replyTarget(seat);
    if (speaker !== null) form.append("speaker_id", String(speaker));
    if (replyTo !== null) form.append("reply_to", String(replyTo));
    form.append("file", file, file.name);
    try {
      const answer = await api(seatPath(key, "documents"), { method: "POST", body: form });
      state.replyTo.delete(key);
      upsertMessage(key, answer.message);
      scrollToBottom();
    } catch (error) {
      showToast(error.message, "error");
    }
  }

  async function pressButton(key, message, button, made) {
    const seat = state.seats.get(key);
    if (!seat) return;
    if (button.kind === "url") {
      window.open(button.url, "_blank", "noopener,noreferrer");
      return;
    }
    made.classList.add("pending");
    try {
      if (button.kind === "callback") {
        const answer = await postJson(seatPath(key, "press"), {
          speaker_id: speakerOf(seat),
          message_id: message.id,
          data: button.data,
        });
        if (answer.answer && answer.answer.text) {
          showToast(answer.answer.text, answer.answer.show_alert ? "alert" : "info");
        }
      } else if (button.kind === "bot_link") {
        const answer = await postJson(seatPath(key, "links"), {
          speaker_id: speakerOf(seat),
          url: button.url,
        });
        upsertSeat(answer.seat, true);
        go(answer.seat.key);
      }
    } catch (error) {
      showToast(error.message, "error");
    } finally {
      made.classList.remove("pending");
    }
  }

  // -- the toast --------------------------------------------------------------------------------------

  let toastTimer = null;

  function showToast(text, kind) {
    clearTimeout(toastTimer);
    ui.toast.textContent = text;
    ui.toast.dataset.kind = kind;
    ui.toast.hidden = false;
    if (kind !== "alert") {
      toastTimer = setTimeout(() => {
        ui.toast.hidden = true;
      }, kind === "error" ? 6000 : 3500);
    }
  }

  // -- wiring -------------------------------------------------------------------------------------------

  ui.form.addEventListener("submit", (event) => {
    event.preventDefault();
    submitComposer();
  });
  ui.composer.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submitComposer();
    } else if (event.key === "Escape") {
      cancelReply();
    }
  });
  ui.composer.addEventListener("input", resizeComposer);
  ui.upload.addEventListener("change", () => {
    const file = ui.upload.files && ui.upload.files[0];
    ui.upload.value = "";
    uploadFile(file);
  });
  ui.speaker.addEventListener("change", () => {
    if (state.open === null) return;
    state.speaker.set(state.open, Number(ui.speaker.value));
    renderChat();
    renderSeats();
  });
  $("reply-cancel").addEventListener("click", cancelReply);
  $("back").addEventListener("click", () => {
    if (location.hash) location.hash = "";
    else closeSeat();
  });
  $("notice-close").addEventListener("click", () => {
    ui.notice.hidden = true;
    sessionStorage.setItem(`webchat:${state.instance}:notice`, "hidden");
  });
  ui.toast.addEventListener("click", () => {
    if (ui.toast.dataset.kind === "alert") ui.toast.hidden = true;
  });
  ui.messages.addEventListener("click", (event) => {
    const target = event.target;
    if (!(target instanceof Element)) return;
    const spoiler = target.closest(".spoiler");
    if (spoiler) spoiler.classList.add("revealed");
    const command = target.closest(".text .command");
    const seat = state.open !== null ? state.seats.get(state.open) : null;
    if (command && seat && seat.view.speakers.length) sendText(command.textContent);
  });
  window.addEventListener("hashchange", route);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && state.open !== null) {
      markRead(state.open);
      renderSeats();
    }
  });

  connect();
})();
