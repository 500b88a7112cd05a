"""The data model: what a region, a hotline and its numbers are.

Every rule about the *shape* of a record lives here; rules that need the whole
dataset (duplicate ids, area codes against cities, staleness) live in
``checks.py``.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, model_validator

from .china_time import CHINA_TZ_NAME
from .records import (  # noqa: F401 - the kinds a field takes are also read from here
    CALLING_CODES,
    NATIONAL,
    NATIONAL_12356,
    Audience,
    HotlineRules,
    NumberKind,
    PhoneNumberRules,
    RegionKind,
    Scope,
    SourceKind,
    ValidityStatus,
    is_12356_form,
)

# Characters that show as nothing (or as something else) on a screen, so that what is read
# differs from what is dialled: format controls (U+200B, U+2060, U+FEFF, U+00AD, bidi),
# line and paragraph separators, private-use and unassigned code points, surrogates, controls.
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
# Letters that draw as blank space (the Hangul fillers, the blank Braille pattern).
_BLANK_LETTERS = "\u115f\u1160\u3164\uffa0\u2800"
# Candidates for the two checks isprintable() cannot make (a blank letter; a combining mark next to a
# digit), found in one scan: anything but word characters, spaces, ASCII, Latin-1, general punctuation
# and the CJK and fullwidth punctuation that Chinese text is full of. Combining marks are never in
# those ranges (the ideographic tone marks U+302A-302F are left out of them on purpose).
_CANDIDATES = re.compile(
    "[^\\w\\s\x20-\x7e\xa0-\xff\u2010-\u2027\u2030-\u205e\u3000-\u3029\u3030-\u303f"
    "\uff01-\uff9f\uffa1-\uffef]|[" + _BLANK_LETTERS + "]"
)


def describe_character(ch: str) -> str:
    return f"U+{ord(ch):04X} {unicodedata.name(ch, unicodedata.category(ch))}"


def visible_text(value: str) -> str:
    """Refuse text with invisible, format or blank characters, or combining marks next to digits."""
    if not value.isprintable():
        for ch in value:
            if not ch.isprintable() and unicodedata.category(ch) in _HIDDEN_CATEGORIES:
                raise ValueError(f"contains an invisible or control character ({describe_character(ch)})")
    if value.isascii():
        return value
    for match in _CANDIDATES.finditer(value):
        ch, at = match.group(), match.start()
        if ch in _BLANK_LETTERS:
            raise ValueError(f"contains a character that shows as blank ({describe_character(ch)})")
        if unicodedata.category(ch).startswith("M") and (
            (at > 0 and value[at - 1].isdigit()) or (at + 1 < len(value) and value[at + 1].isdigit())
        ):
            raise ValueError(f"contains a combining mark next to a digit ({describe_character(ch)})")
    return value


def _visible_before_stripping(value):
    # Before the surrounding whitespace is stripped, so that a trailing U+2028 is refused, not hidden.
    return visible_text(value) if isinstance(value, str) else value


Text = Annotated[str, AfterValidator(visible_text)]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), BeforeValidator(_visible_before_stripping)]
RecordId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
# [0-9], not \d: the schema's regex engine takes \d for any script's digits (１２３５６, १३८).
RegionCode = Annotated[str, StringConstraints(pattern=r"^[0-9]{6}$")]
Digits = Annotated[str, StringConstraints(pattern=r"^[0-9]{3,15}$")]



class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --------------------------------------------------------------------------- regions


class EmergencyNumber(Strict):
    number: Digits
    name: NonEmpty
    name_en: NonEmpty
    kind: Literal["police", "ambulance", "fire", "general"]


class City(Strict):
    code: RegionCode
    name: NonEmpty
    short: NonEmpty
    pinyin: Annotated[str, StringConstraints(pattern=r"^[a-z]+$")]
    area_codes: list[Annotated[str, StringConstraints(pattern=r"^0[0-9]{1,3}$|^[0-9]{2,3}$")]] = []




class Region(Strict):
    code: RegionCode
    name: NonEmpty
    short: NonEmpty
    abbr: NonEmpty
    pinyin: Annotated[str, StringConstraints(pattern=r"^[a-z]+$")]
    name_en: NonEmpty
    kind: RegionKind
    phone_region: Literal["CN", "HK", "MO", "TW"]
    time_zone: NonEmpty
    emergency: list[EmergencyNumber] = Field(min_length=1)
    cities: list[City] = []

    @model_validator(mode="after")
    def _cities_belong_to_region(self) -> "Region":
        prefix = self.code[:2]
        for city in self.cities:
            if city.code[:2] != prefix:
                raise ValueError(f"city {city.code} {city.name} is not inside region {self.code}")
        return self


class RegionsFile(Strict):
    regions: list[Region]


# --------------------------------------------------------------------------- sources




class Source(Strict):
    """Where a fact comes from: a seed file name (``seed:001_…txt``) or a page address."""

    ref: Annotated[str, StringConstraints(pattern=r"^(seed:\S+|https?://\S+)$"), AfterValidator(visible_text)]
    date: _dt.date | None = None
    kind: SourceKind
    note: Text | None = None


# --------------------------------------------------------------------------- audiences




class AudienceEntry(Strict):
    key: Audience
    published: NonEmpty | None = None
    hours: Text | None = None  # hours for this audience when they differ from the line's
    hours_published: Text | None = None


# --------------------------------------------------------------------------- numbers & channels




class PhoneNumber(Strict, PhoneNumberRules):
    published: NonEmpty  # exactly as the source prints it
    dial: Annotated[str, StringConstraints(pattern=r"^\+?[0-9]{3,15}$")]  # what to key in, within its country
    kind: NumberKind
    country: Literal["CN", "HK", "MO", "TW", "SG", "US"] = "CN"
    menu: list[Annotated[str, StringConstraints(pattern=r"^[0-9*#]+$")]] = []  # keys to press after connecting
    for_callers: Literal["any", "landline", "mobile"] = "any"
    hours: Text | None = None  # own hours when they differ from the line's
    hours_published: Text | None = None
    # When a number sits in another city than the record (a provincial switchboard
    # for a city line), say which city's code it carries and why.
    located_in: RegionCode | None = None
    dial_inferred: bool = False  # dial form completed from context (e.g. a missing area code)
    note: Text | None = None
    ended: bool = False  # this number alone no longer works, the line does
    # A number 12356 took over, kept alongside it for a transition; the note says until when, if known.
    old_number: bool = False


    @model_validator(mode="after")
    def _12356_dials_12356(self) -> "PhoneNumber":
        if is_12356_form(self.published_digits()) and not is_12356_form(self.dial):
            raise ValueError(f"published as 12356 ({self.published}) but dials {self.dial}; 12356 dials 12356 or 区号+12356")
        return self




class Channel(Strict):
    kind: Literal["app", "qq", "wechat", "mini_program", "web", "alipay"]
    value: NonEmpty
    published: Text | None = None
    hours: Text | None = None
    hours_published: Text | None = None


# --------------------------------------------------------------------------- validity




class Validity(Strict):
    status: ValidityStatus
    published: Text | None = None  # the source's own wording (疫情期间有效, 2020年5月 …)
    until: date | None = None
    since: date | None = None  # ended / superseded since
    superseded_by: RecordId | None = None
    reason: Text | None = None

    @model_validator(mode="after")
    def _dates_fit_status(self) -> "Validity":
        if self.status is ValidityStatus.until and self.until is None:
            raise ValueError("status 'until' needs an 'until' date")
        if self.status is ValidityStatus.superseded and not self.superseded_by:
            raise ValueError("status 'superseded' needs 'superseded_by'")
        if self.status in (ValidityStatus.ended, ValidityStatus.superseded, ValidityStatus.uncertain) and not self.reason:
            raise ValueError(f"status '{self.status.value}' needs a 'reason' shown to users")
        return self


# --------------------------------------------------------------------------- hotlines




class Hotline(Strict, HotlineRules):
    id: RecordId
    name: NonEmpty
    name_en: Text | None = None
    scope: Scope
    region: RegionCode  # NATIONAL for lines not tied to one province
    city: RegionCode | None = None
    country: Literal["CN", "HK", "MO", "TW", "SG", "US"] = "CN"
    time_zone: Text = CHINA_TZ_NAME
    operator: Text | None = None
    numbers: list[PhoneNumber] = []
    channels: list[Channel] = []
    audiences: list[AudienceEntry] = Field(min_length=1)
    audience_published: Text | None = None
    restricted: bool = False  # only the listed audiences may use it
    # Groups a line mainly serves (the source says 主要…): anyone may call; shown labelled and
    # ranked first for those groups. A focus never excludes anyone; `restricted` is for "only".
    focus: list[Audience] = []
    hours: Text | None = None  # hours grammar; None means not known
    hours_published: Text | None = None
    call_length: Text | None = None
    opened: date | None = None
    opened_published: Text | None = None
    validity: Validity
    sources: list[Source] = Field(min_length=1)
    follows: Text | None = None  # which source the record follows where sources disagree
    # For a province's 12356 record: whether the province's own announcement gives its hours
    # (province_announcement), only some cities' announcements do (city_announcements, on their
    # records), or none was found (none_found: the national rule, at least 18 hours a day, is shown).
    hours_basis: Literal["province_announcement", "city_announcements", "none_found"] | None = None
    last_confirmed: date
    caveats: list[Text] = []
    related: list[RecordId] = []  # paired lines (adult + youth, old number + 12356)
    seed_refs: list[Annotated[str, StringConstraints(pattern=r"^[0-9]{3}:[A-Za-z0-9_.:-]+$")]] = []

    @model_validator(mode="after")
    def _consistent(self) -> "Hotline":
        if not self.numbers and not self.channels:
            raise ValueError("a hotline needs at least one number or channel")
        if self.scope is Scope.national and self.region != NATIONAL:
            raise ValueError(f"a national line has region {NATIONAL}")
        if self.scope in (Scope.provincial, Scope.city) and self.region == NATIONAL:
            raise ValueError(f"a {self.scope.value} line needs its region")
        if self.scope is Scope.city and self.city is None:
            raise ValueError("a city line needs its city")
        if self.city is not None and self.city[:2] != self.region[:2]:
            raise ValueError(f"city {self.city} is not inside region {self.region}")
        if self.restricted and all(a.key is Audience.general for a in self.audiences):
            raise ValueError("a restricted line must name whom it is restricted to")
        if self.focus and self.restricted:
            raise ValueError("a line with a focus (主要…) is open to everyone; restricted is for 'only'")
        served = {a.key for a in self.audiences}
        if not set(self.focus) <= served:
            raise ValueError("every focus group must be among the line's audiences")
        for index, number in enumerate(self.numbers):
            if not number.published_matches_dial() and not (number.dial_inferred and (number.note or self.caveats)):
                raise ValueError(
                    f"numbers[{index}]: published {number.published!r} reads {number.published_digits()} but dial is"
                    f" {number.dial}; a corrected dial form needs dial_inferred and a note or caveat saying why"
                )
        if self.presented_as_12356() and not (self.numbers and is_12356_form(self.numbers[0].dial)):
            first = self.numbers[0].dial if self.numbers else "nothing"
            raise ValueError(f"numbers[0].dial: {first}: a 12356 line (by its id or name) must dial 12356 or 区号+12356 first")
        return self


class HotlinesFile(Strict):
    hotlines: list[Hotline]


class DatasetMeta(Strict):
    version: NonEmpty
    report_outdated: NonEmpty  # where a user reports a wrong or dead number

