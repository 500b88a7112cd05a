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


def tel_uri(number: PhoneNumber | str) -> str:
    """The one tel: link for a number, used by links, QR codes, vCards and JSON alike.

    Full numbers get the RFC 3966 global form with phonenumbers' grouping
    (``tel:+86-10-8081-1117``); short numbers, and short numbers behind an area
    code, are dialled as they are (``tel:12356``): the ``;phone-context=`` RFC 3966
    wants for them is keyed in by many dialers after a pause. A plain string is a
    short service number such as 110. See docs/tel-links.md.
    """
    if isinstance(number, str):
        return f"tel:{number}"
    if number.kind in SHORT_KINDS:
        return f"tel:{number.dial.lstrip('+')}"
    return f"tel:{global_number(number)}"


def global_number(number: PhoneNumber) -> str:
    """A full number in international form with visual separators, e.g. +86-591-8754-7777."""
    code = COUNTRY_CALLING_CODE[number.country]
    digits = number.dial.lstrip("+")
    if number.dial.startswith("+"):
        if not digits.startswith(code):
            return f"+{digits}"
        digits = digits[len(code):]
    elif number.country == "CN" and digits.startswith("0"):
        digits = digits[1:]
    return "-".join([f"+{code}", *_groups(number.country, digits)])


def _groups(country: str, national: str) -> list[str]:
    """How phonenumbers groups a national number (checked against it in the tests); unknown shapes stay whole."""
    if country == "CN":
        if len(national) == 11 and national.startswith("1"):  # mobile
            return [national[:3], national[3:7], national[7:]]
        if len(national) == 10 and national.startswith(("400", "800")):
            return [national[:3], national[3:6], national[6:]]
        area = 2 if national.startswith(("10", "2")) else 3
        subscriber = national[area:]
        if len(subscriber) == 8:
            return [national[:area], subscriber[:4], subscriber[4:]]
        if len(subscriber) == 7:
            return [national[:area], subscriber[:3], subscriber[3:]]
    if country in ("HK", "MO") and len(national) == 8:
        return [national[:4], national[4:]]
    return [national]


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
