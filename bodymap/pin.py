"""The kiosk operator's PIN, stored only as a salted, slow hash, and the wait after wrong guesses.

Any hash can be tried offline by someone who has the settings file, so the file's secrecy is what
protects it (docs/settings.md gives the permissions); the hash's cost makes guessing slow, and a
stored hash is trusted only with a sane cost: too few iterations would make guessing trivial, too
many would freeze the kiosk for every check.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

ITERATIONS = 200_000
ITERATIONS_RANGE = (100_000, 10_000_000)
MIN_DIGITS, MAX_DIGITS = 4, 12
RECOMMENDED_DIGITS = 6
FREE_TRIES = 5
"""Wrong PINs allowed before the keypad makes the operator wait."""
FIRST_WAIT_S = 30


def check_format(pin: str) -> str | None:
    """Why ``pin`` is not acceptable, or None if it is (ASCII digits only: what the keypad can type)."""
    if not (pin.isascii() and pin.isdigit()) or not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
        return f"the PIN must be {MIN_DIGITS} to {MAX_DIGITS} digits 0-9"
    return None


def hash_pin(pin: str, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
    """'pbkdf2_sha256$iterations$salt$hash', safe to keep in a settings file."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def stored_problem(stored: str | None) -> str | None:
    """Why a stored hash cannot be used (missing, malformed, or a cost out of range), or None."""
    if not stored:
        return "no operator PIN is set"
    parts = stored.split("$")
    if len(parts) != 4 or parts[0] != "pbkdf2_sha256":
        return "the stored operator PIN is not a bodymap PIN hash"
    scheme, iterations, salt, digest = parts
    low, high = ITERATIONS_RANGE
    if not (iterations.isascii() and iterations.isdigit()) or not low <= int(iterations) <= high:
        return f"the stored operator PIN uses {iterations[:12]} iterations; bodymap accepts {low:,} to {high:,}"
    try:
        bytes.fromhex(salt)
        bytes.fromhex(digest)
    except ValueError:
        return "the stored operator PIN is damaged"
    return None


def verify_pin(pin: str, stored: str | None) -> bool:
    """Whether ``pin`` matches the stored hash (False for a missing or unusable hash)."""
    if stored is None or stored_problem(stored) is not None or check_format(pin) is not None:
        return False
    _, iterations, salt, digest = stored.split("$")
    expected = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), int(iterations))
    return hmac.compare_digest(expected.hex(), digest)


def wait_after(wrong: int) -> int:
    """Seconds the keypad waits after ``wrong`` wrong PINs in a row: none for the first few, then 30 s,
    doubling each time (never a lock-out that needs a restart)."""
    if wrong < FREE_TRIES:
        return 0
    return FIRST_WAIT_S * 2 ** min(wrong - FREE_TRIES, 10)
