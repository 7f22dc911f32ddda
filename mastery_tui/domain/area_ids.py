"""The built-in life areas and their stable ids."""

from __future__ import annotations

# Stable ids for the built-in areas, so exports from two machines merge cleanly.
_AREA_NAMESPACE = "5b0f3c1e-9c1d-4d43-9a57-6b1f3d0c2a10"
# uuid5(_AREA_NAMESPACE, key) of the built-in areas, worked out once (test_models checks them):
# importing uuid costs a CLI start a few milliseconds (it imports platform).
_DEFAULT_AREA_IDS = {
    "studying": "24586698-abf1-5e84-b683-593ea3d3f22b",
    "work": "f48bc21d-c171-539c-be2d-6fa32af46b3c",
    "creative": "7781660d-f62a-542d-aeec-3d946d457a7a",
    "daily": "15e9c6d0-031e-5120-b6da-3aaa6d090ae7",
    "social": "9e6583dc-3841-563d-b92e-9a52a2d2267c",
}
DEFAULT_AREAS: tuple[tuple[str, str], ...] = (
    ("studying", "School & studying"),
    ("work", "Work & career"),
    ("creative", "Creative"),
    ("daily", "Daily living"),
    ("social", "Social & communication"),
)


def default_area_id(key: str) -> str:
    if key in _DEFAULT_AREA_IDS:
        return _DEFAULT_AREA_IDS[key]
    import uuid

    return str(uuid.uuid5(uuid.UUID(_AREA_NAMESPACE), key))
