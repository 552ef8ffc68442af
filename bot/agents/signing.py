"""The signature of the vendor quote API v1: HMAC-SHA256 of the raw request body.

A vendor must know a request really comes from the bot before it spends stock or a
salesperson's time on it, so every request carries
`X-Sourcing-Signature: sha256=<hex HMAC-SHA256 of the raw body, keyed with the vendor's secret>`.
The signature covers the bytes exactly as sent: a vendor verifies it on the body as
received, before parsing, because re-serialised JSON never has the same bytes.

This module has no dependency beyond the standard library, so a vendor implementing the
API in Python can copy it as it is.
"""

from __future__ import annotations

import hashlib
import hmac

SIGNATURE_HEADER = "X-Sourcing-Signature"
SIGNATURE_SCHEME = "sha256="


def signature(body: bytes, secret: str) -> str:
    """The header value for `body`: "sha256=" and the lower-case hex HMAC-SHA256 digest.

    The secret is used as its UTF-8 bytes.
    """
    digest = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
    return SIGNATURE_SCHEME + digest


def verify_signature(body: bytes, secret: str, header: str | None) -> bool:
    """Whether `header` (the X-Sourcing-Signature value, None when absent) signs `body`.

    Compared in constant time, so the check does not tell an attacker how much of a
    forged signature was right; the hex digest is accepted in either case.
    """
    if header is None:
        return False
    scheme, _, digest = header.strip().partition("=")
    if scheme.lower() + "=" != SIGNATURE_SCHEME or not digest:
        return False
    expected = signature(body, secret)[len(SIGNATURE_SCHEME) :]
    return hmac.compare_digest(expected.encode("ascii"), digest.lower().encode("utf-8"))
