"""Telephone numbers: tel: URIs, area codes, and the phonenumbers checks used by `check`.

phonenumbers (and especially its geocoder) is slow to import, so only the
functions that need it import it, and only `hotline check` calls those.
"""

from __future__ import annotations

from .records import CALLING_CODES, NumberKind, PhoneNumber

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
    """A full number in international form with visual separators, e.g. +86-591-8754-7777.

    The groups are those of ``national_format``, so a tel: link and the printed number agree.
    """
    code = COUNTRY_CALLING_CODE[number.country]
    digits = number.dial.lstrip("+")
    if number.dial.startswith("+"):
        return f"+{digits}"
    national = national_format(number)
    if number.country == "CN" and national.startswith("0"):
        national = national[1:]
    return "-".join([f"+{code}", *national.replace("-", " ").split()])


def _groups(digits: str, *sizes: int) -> str:
    parts, at = [], 0
    for size in sizes:
        parts.append(digits[at:at + size])
        at += size
    if at < len(digits):
        parts.append(digits[at:])
    return " ".join(part for part in parts if part)


def mainland_area_code(digits: str) -> str:
    """The area code a mainland number with trunk prefix starts with: 010 and 02x have three digits, the rest four."""
    return digits[:3] if digits[1:2] in ("1", "2") else digits[:4]


def national_format(number: PhoneNumber) -> str:
    """The number as dialled inside its country, grouped as phonenumbers' NATIONAL format groups it.

    Written out here because phonenumbers is slow to import and `now` must stay fast;
    tests compare it with phonenumbers for every bundled number. The area-code form
    of a short service number (0591-12356) keeps its hyphen: phonenumbers does not
    know these and would cut it in the wrong place.
    """
    digits = number.dial.lstrip("+")
    if number.dial.startswith("+") or number.kind is NumberKind.short:
        return number.dial
    if number.country == "CN":
        if number.kind is NumberKind.short_with_area_code and digits.startswith("0"):
            area = mainland_area_code(digits)
            return f"{area}-{digits[len(area):]}"
        if digits.startswith("1") and len(digits) == 11:
            return _groups(digits, 3, 4, 4)
        if digits[:3] in ("400", "800") and len(digits) == 10:
            return _groups(digits, 3, 3, 4)
        if digits.startswith("0"):
            area = mainland_area_code(digits)
            rest = digits[len(area):]
            if len(rest) == 8:
                return f"{area} {_groups(rest, 4, 4)}"
            if len(rest) == 7:
                return f"{area} {_groups(rest, 3, 4)}"
            return f"{area} {rest}"
        return digits
    if number.country in ("HK", "MO") and len(digits) == 8:
        return _groups(digits, 4, 4)
    return digits


def international_format(number: PhoneNumber) -> str | None:
    """How to dial the number from another country (+86 591 8787 5656), or None where that cannot work.

    Short numbers and mainland 400/800 numbers only connect inside their own network.
    """
    if number.kind in SHORT_KINDS:
        return None
    if number.dial.startswith("+"):
        return number.dial
    national = national_format(number)
    if number.country == "CN":
        if number.kind in (NumberKind.toll_free_800, NumberKind.shared_cost_400):
            return None
        national = national[1:] if national.startswith("0") else national
    return f"+{COUNTRY_CALLING_CODE[number.country]} {national}"


def published_digits_differ(number: PhoneNumber) -> bool:
    """Whether the printed form reaches another number than ``dial`` (menu keys printed after it count as the same)."""
    printed = "".join(char for char in number.published if char.isdigit())
    digits = number.dial.lstrip("+")
    return printed not in (digits, digits + "".join(number.menu))


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
