"""Encryption at rest for personal data (phones, ID numbers) and keyed hashes to search it.

Fernet (AES-128-CBC + HMAC-SHA256) with a key derived from FIELD_ENCRYPTION_KEY. The
algorithm sits behind encrypt()/decrypt() so an SM4 implementation can replace it (等保 三级).
"""

import base64
import hashlib
import hmac
from functools import cache

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.db import models


@cache
def _fernet(key: str) -> Fernet:
    digest = hashlib.sha256(b"tongxin-field-encryption:" + key.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def encrypt(value: str) -> str:
    return _fernet(settings.FIELD_ENCRYPTION_KEY).encrypt(value.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return _fernet(settings.FIELD_ENCRYPTION_KEY).decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise ValueError("personal data cannot be decrypted with the configured key") from exc


def keyed_hash(value: str) -> str:
    """Deterministic HMAC so equal phones can be found without storing them in clear."""
    key = hashlib.sha256(b"tongxin-search:" + settings.FIELD_ENCRYPTION_KEY.encode()).digest()
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()


class EncryptedTextField(models.TextField):
    """Stores ciphertext; Python code sees clear text. Not searchable: pair with a keyed hash."""

    def from_db_value(
        self, value: str | None, expression: object, connection: object
    ) -> str | None:
        return None if value in (None, "") else decrypt(value)

    def get_prep_value(self, value: object) -> str | None:
        value = super().get_prep_value(value)
        return value if value in (None, "") else encrypt(str(value))
