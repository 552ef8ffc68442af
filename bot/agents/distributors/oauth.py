"""OAuth2 client-credentials tokens, fetched once and reused until shortly before they expire.

Nexar asks clients to cache its day-long tokens rather than fetch one per query, and
Digi-Key's last ten minutes; either way a token is shared by every call of the agent,
and concurrent calls that find none wait for the one fetch instead of each starting one.
Tokens and secrets are never logged and never appear in a failure's reason.
"""

from __future__ import annotations

import asyncio
from datetime import datetime

from bot.agents.base import AgentError
from bot.agents.distributors.transport import CallSettings, HttpStatusError, request_json

#: A token is renewed this many seconds before the expiry it was issued with.
EXPIRY_MARGIN_SECONDS = 60.0
#: Assumed lifetime when a token answer names none.
DEFAULT_LIFETIME_SECONDS = 600.0


class ClientCredentials:
    def __init__(
        self,
        call: CallSettings,
        *,
        token_url: str,
        client_id: str,
        client_secret: str,
        scope: str | None = None,
    ) -> None:
        self._call = call
        self._token_url = token_url
        self._client_id = client_id
        self._client_secret = client_secret
        self._scope = scope
        self._token: str | None = None
        self._expires = 0.0
        self._lock = asyncio.Lock()
        self.fetches = 0

    def __repr__(self) -> str:
        return f"ClientCredentials(api={self._call.api!r}, token_url={self._token_url!r})"

    async def token(self, deadline: datetime) -> str:
        async with self._lock:
            if self._token is None or self._call.clock.time() >= self._expires:
                await self._fetch(deadline)
            assert self._token is not None
            return self._token

    def invalidate(self, token: str) -> None:
        """Forget `token` after the API refused it, so the next call fetches a new one."""
        if self._token == token:
            self._token = None

    async def _fetch(self, deadline: datetime) -> None:
        form = {
            "grant_type": "client_credentials",
            "client_id": self._client_id,
            "client_secret": self._client_secret,
        }
        if self._scope:
            form["scope"] = self._scope
        try:
            answer = await request_json(
                self._call, "POST", self._token_url, deadline=deadline, form=form
            )
        except HttpStatusError as error:
            raise AgentError(f"{self._call.api} refused the client credentials ({error})") from None
        token = answer.get("access_token") if isinstance(answer, dict) else None
        if not isinstance(token, str) or not token:
            raise AgentError(f"{self._call.api} token answer has no access_token")
        seconds = _lifetime(answer.get("expires_in"))
        self.fetches += 1
        self._token = token
        margin = min(EXPIRY_MARGIN_SECONDS, seconds / 2)
        self._expires = self._call.clock.time() + seconds - margin


def _lifetime(value: object) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return max(float(value), 0.0)
    if isinstance(value, str):
        try:
            return max(float(value), 0.0)
        except ValueError:
            pass
    return DEFAULT_LIFETIME_SECONDS
