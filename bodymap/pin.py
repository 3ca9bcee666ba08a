"""The kiosk operator's PIN, stored only as a salted, slow hash."""

from __future__ import annotations

import hashlib
import hmac
import secrets

ITERATIONS = 200_000
MIN_DIGITS, MAX_DIGITS = 4, 12


def check_format(pin: str) -> str | None:
    """Why ``pin`` is not acceptable, or None if it is."""
    if not pin.isdigit() or not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
        return f"the PIN must be {MIN_DIGITS} to {MAX_DIGITS} digits"
    return None


def hash_pin(pin: str, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
    """'pbkdf2_sha256$iterations$salt$hash', safe to keep in a settings file."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str | None) -> bool:
    """Whether ``pin`` matches the stored hash (False for a missing or malformed hash)."""
    try:
        scheme, iterations, salt, digest = (stored or "").split("$")
        if scheme != "pbkdf2_sha256":
            return False
        expected = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), int(iterations))
    except ValueError:
        return False
    return hmac.compare_digest(expected.hex(), digest)
