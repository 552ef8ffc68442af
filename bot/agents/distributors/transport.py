"""One HTTP call to a distributor API, with failures turned into reasons a buyer can read.

Every API here answers over-limit calls with 429 and a Retry-After; the wait is honoured
when it ends before the RFQ's reply_by and reported as the failure otherwise. Reasons
never carry the request URL: Mouser and element14 keys travel in its query string.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

import aiohttp

from bot.agents.base import AgentError
from bot.agents.distributors.clock import Clock, seconds_left

log = logging.getLogger(__name__)

#: How many times one call may be retried after a 429 that fits before reply_by.
MAX_RATE_LIMIT_RETRIES = 3
_DETAIL_LIMIT = 200


class HttpStatusError(AgentError):
    """The API answered with an error status; `status` lets callers renew a refused token."""

    def __init__(self, reason: str, status: int) -> None:
        super().__init__(reason)
        self.status = status


class CallSettings:
    """What every call of one agent shares: its session, clock and timeout."""

    def __init__(
        self,
        *,
        api: str,
        session: aiohttp.ClientSession,
        clock: Clock,
        timeout_seconds: float,
    ) -> None:
        self.api = api
        self.session = session
        self.clock = clock
        self.timeout = aiohttp.ClientTimeout(total=timeout_seconds)
        self.timeout_seconds = timeout_seconds


async def request_json(
    call: CallSettings,
    method: str,
    url: str,
    *,
    deadline: datetime,
    params: Mapping[str, str] | None = None,
    headers: Mapping[str, str] | None = None,
    json_body: Any = None,
    form: Mapping[str, str] | None = None,
    missing_ok: bool = False,
) -> Any:
    """The JSON an API answers; None for a 404 when `missing_ok` (the part is not listed)."""
    for attempt in range(MAX_RATE_LIMIT_RETRIES + 1):
        status, retry_after, body = await _send(
            call, method, url, params=params, headers=headers, json_body=json_body, form=form
        )
        if status == 429:
            wait = _wait_for(call, retry_after, deadline, attempt)
            log.info("%s asked to wait %.1f s (HTTP 429)", call.api, wait)
            await call.clock.sleep(wait)
            continue
        if status == 404 and missing_ok:
            return None
        if not 200 <= status < 300:
            detail = error_detail(_loads(body))
            reason = f"{call.api} answered HTTP {status}" + (f": {detail}" if detail else "")
            raise HttpStatusError(reason, status)
        data = _loads(body)
        if data is None:
            raise AgentError(f"{call.api} answered with a body that is not JSON")
        return data
    raise AgentError(f"{call.api} kept answering HTTP 429 (rate limited)")


async def _send(
    call: CallSettings,
    method: str,
    url: str,
    *,
    params: Mapping[str, str] | None,
    headers: Mapping[str, str] | None,
    json_body: Any,
    form: Mapping[str, str] | None,
) -> tuple[int, str | None, bytes]:
    try:
        async with call.session.request(
            method,
            url,
            params=params,
            headers=headers,
            json=json_body,
            data=form,
            timeout=call.timeout,
        ) as response:
            return response.status, response.headers.get("Retry-After"), await response.read()
    except TimeoutError as error:
        raise AgentError(f"{call.api} did not answer within {call.timeout_seconds:g} s") from error
    except aiohttp.ClientError as error:
        # The exception's text can hold the URL, and with it an API key.
        raise AgentError(f"{call.api} could not be reached ({type(error).__name__})") from error


def _wait_for(
    call: CallSettings, retry_after: str | None, deadline: datetime, attempt: int
) -> float:
    wait = retry_after_seconds(retry_after, call.clock.time())
    if wait is None:
        raise AgentError(f"{call.api} is rate limiting calls (HTTP 429 without Retry-After)")
    if attempt >= MAX_RATE_LIMIT_RETRIES:
        raise AgentError(f"{call.api} kept answering HTTP 429 (rate limited)")
    if wait >= seconds_left(call.clock, deadline):
        raise AgentError(
            f"{call.api} is rate limiting calls: "
            f"Retry-After {wait:g} s ends after the RFQ's reply_by"
        )
    return wait


def retry_after_seconds(value: str | None, now: float) -> float | None:
    """Seconds a Retry-After header asks for: delta-seconds or an HTTP date."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        return max(float(text), 0.0)
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    return max(when.timestamp() - now, 0.0)


def _loads(body: bytes) -> Any:
    try:
        return json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None


def error_detail(data: Any) -> str | None:
    """The message an API puts in its error body, in any of the shapes these APIs use."""
    if not isinstance(data, dict):
        return None
    messages: list[str] = []
    for key in ("ErrorMessage", "ErrorDetails", "error_description", "error", "message", "Message"):
        value = data.get(key)
        if isinstance(value, str) and value.strip():
            messages.append(value.strip())
    for key in ("Errors", "errors"):
        items = data.get(key)
        if isinstance(items, list):
            messages.extend(
                str(item.get("Message") or item.get("message"))
                for item in items
                if isinstance(item, dict) and (item.get("Message") or item.get("message"))
            )
    fault = data.get("Fault")
    if isinstance(fault, dict):
        messages.extend(str(v) for k, v in fault.items() if k in ("Code", "Description", "Reason"))
    text = "; ".join(dict.fromkeys(messages))
    return text[:_DETAIL_LIMIT] or None
