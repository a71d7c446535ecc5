"""Passwords (argon2) for console users."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_HASHER = PasswordHasher()
# verified against when the username is unknown, so that sign-in costs the same either way
DUMMY_HASH = _HASHER.hash("unknown-user-placeholder-password")


def hash_password(password: str) -> str:
    if len(password) < 8:
        raise ValueError("the password must have at least 8 characters")
    return _HASHER.hash(password)


def verify_password(stored: str, password: str) -> bool:
    if not stored:
        return False
    try:
        return _HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False
