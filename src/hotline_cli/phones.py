"""Telephone numbers: tel: URIs, area codes, and the phonenumbers checks used by `check`.

phonenumbers (and especially its geocoder) is slow to import, so only the
functions that need it import it, and only `hotline check` calls those.
"""

from __future__ import annotations

from .model import CALLING_CODES, NumberKind, PhoneNumber

COUNTRY_CALLING_CODE = CALLING_CODES
SHORT_KINDS = (NumberKind.short, NumberKind.short_with_area_code)

# Short numbers that are national services rather than local subscriber numbers.
KNOWN_SHORT_SERVICES = ("12356", "12320", "12355", "12345")
# Short service numbers elsewhere that phonenumbers' tables lack (Taiwan's 1925, Hong Kong's 18111).
KNOWN_SHORT_SERVICES_ABROAD = {"TW": ("1925",), "HK": ("18111",)}


def tel_uri(number: PhoneNumber) -> str:
    """RFC 3966 URI. Short numbers only work inside their network, so they stay local."""
    code = COUNTRY_CALLING_CODE[number.country]
    digits = number.dial.lstrip("+")
    if number.kind in SHORT_KINDS:
        return f"tel:{digits};phone-context=+{code}"
    if number.dial.startswith("+"):
        return f"tel:+{digits}"
    if number.country == "CN" and digits.startswith("0"):
        digits = digits[1:]
    return f"tel:+{code}{digits}"


def area_code_of(dial: str, area_codes: set[str]) -> str | None:
    """The area code a mainland dial string starts with, from the known set (longest match)."""
    if not dial.startswith("0"):
        return None
    for length in (4, 3):
        if dial[:length] in area_codes:
            return dial[:length]
    return None


def parse_problem(number: PhoneNumber) -> str | None:
    """Why phonenumbers rejects this number for its kind, or None when it is valid."""
    import phonenumbers
    from phonenumbers import shortnumberinfo

    if number.kind is NumberKind.short:
        parsed = phonenumbers.parse(number.dial, number.country)
        if shortnumberinfo.is_valid_short_number(parsed) or number.dial in KNOWN_SHORT_SERVICES:
            return None
        if number.dial in KNOWN_SHORT_SERVICES_ABROAD.get(number.country, ()):
            return None
        if number.country == "CN" and number.dial.startswith("96") and len(number.dial) in (5, 6):
            return None  # local 96xxx service numbers are not in phonenumbers' short-number tables
        return f"{number.published}: not a known short number"
    if number.kind is NumberKind.short_with_area_code:
        return None  # checked against the city's area codes instead
    try:
        parsed = phonenumbers.parse(number.dial, number.country)
    except phonenumbers.NumberParseException as exc:
        return f"{number.published}: cannot be parsed ({exc})"
    if not phonenumbers.is_valid_number(parsed):
        return f"{number.published}: not a valid {number.country} number (dial {number.dial})"
    expected = {
        NumberKind.mobile: {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE},
        NumberKind.landline: {phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE},
        NumberKind.toll_free_800: {phonenumbers.PhoneNumberType.TOLL_FREE},
        NumberKind.shared_cost_400: {
            phonenumbers.PhoneNumberType.SHARED_COST,
            phonenumbers.PhoneNumberType.TOLL_FREE,
            phonenumbers.PhoneNumberType.UAN,
        },
    }.get(number.kind)
    actual = phonenumbers.number_type(parsed)
    if expected is not None and actual not in expected:
        return f"{number.published}: recorded as {number.kind.value}, phonenumbers says type {actual}"
    return None


def geocode(number: PhoneNumber) -> str:
    """Where phonenumbers places a landline, in Chinese (e.g. 福建省厦门市), or ''."""
    import phonenumbers
    from phonenumbers import geocoder

    try:
        parsed = phonenumbers.parse(number.dial, number.country)
    except phonenumbers.NumberParseException:
        return ""
    return geocoder.description_for_number(parsed, "zh")
