from __future__ import annotations

from dataclasses import dataclass

import pytest

from broker_app.domain.rights_card import KeyRing, generate_key_pair, key_id_for


@dataclass(frozen=True)
class Station:
    private_key: bytes
    public_key: bytes

    @property
    def key_id(self) -> bytes:
        return key_id_for(self.public_key)


@pytest.fixture(scope="session")
def station() -> Station:
    return Station(*generate_key_pair())


@pytest.fixture
def keyring(station: Station) -> KeyRing:
    ring = KeyRing()
    ring.trust(station.public_key, certified=True, label="测试驿站")
    return ring
