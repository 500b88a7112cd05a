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
from enum import Enum
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, model_validator

from .china_time import CHINA_TZ_NAME

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

# Region code used for records that are not tied to one provincial division.
NATIONAL = "000000"
# The id of the national 12356 record; its centres are "12356-<province>[-<city>]".
NATIONAL_12356 = "12356"


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


class RegionKind(str, Enum):
    province = "province"
    municipality = "municipality"
    autonomous_region = "autonomous_region"
    special_administrative_region = "special_administrative_region"
    taiwan = "taiwan"


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


class SourceKind(str, Enum):
    """How far a source can be trusted, from the most to the least."""

    official = "official"  # government, health commission, the operating hospital or university
    news = "news"  # a named mainstream newspaper or news agency
    reprint = "reprint"  # a mirror of an official or news page; note names the original and its date
    aggregator = "aggregator"  # content farm, undated or garbled page
    survey = "survey"  # the 2020 survey of rated hotlines


class Source(Strict):
    """Where a fact comes from: a seed file name (``seed:001_…txt``) or a page address."""

    ref: Annotated[str, StringConstraints(pattern=r"^(seed:\S+|https?://\S+)$"), AfterValidator(visible_text)]
    date: _dt.date | None = None
    kind: SourceKind
    note: Text | None = None


# --------------------------------------------------------------------------- audiences


class Audience(str, Enum):
    general = "general"
    university_students = "university_students"
    students = "students"
    minors_youth = "minors_youth"
    parents = "parents"
    medical_workers = "medical_workers"
    police = "police"
    police_families = "police_families"
    teachers = "teachers"
    women = "women"
    workers = "workers"
    disaster_affected = "disaster_affected"
    pandemic_affected = "pandemic_affected"
    overseas_chinese = "overseas_chinese"
    older_people = "older_people"
    perinatal = "perinatal"
    lgbtq = "lgbtq"
    people_with_disabilities = "people_with_disabilities"
    veterans = "veterans"


class AudienceEntry(Strict):
    key: Audience
    published: NonEmpty | None = None
    hours: Text | None = None  # hours for this audience when they differ from the line's
    hours_published: Text | None = None


# --------------------------------------------------------------------------- numbers & channels


class NumberKind(str, Enum):
    landline = "landline"
    mobile = "mobile"
    toll_free_800 = "toll_free_800"
    shared_cost_400 = "shared_cost_400"
    short = "short"  # 12356, 12320, 96xxx without an area code
    short_with_area_code = "short_with_area_code"  # 0591-12356, 025-96111
    international = "international"


class PhoneNumber(Strict):
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


    def published_digits(self) -> str:
        """The digits of `published` as a person reads them (fullwidth folded to ASCII; other scripts kept)."""
        return "".join(ch for ch in unicodedata.normalize("NFKC", self.published) if ch.isdigit())

    def published_matches_dial(self) -> bool:
        """`published` shows the digits dialled: the same, or followed by the menu keys, or in +CC form."""
        digits, dial = self.published_digits(), self.dial.lstrip("+")
        candidates = {dial, dial + "".join(key for key in self.menu if key.isdigit())}
        code = CALLING_CODES.get(self.country)
        if code and not self.dial.startswith("+"):
            candidates.add(code + dial.removeprefix("0") if self.country == "CN" else code + dial)
        return digits in candidates

    @model_validator(mode="after")
    def _12356_dials_12356(self) -> "PhoneNumber":
        if is_12356_form(self.published_digits()) and not is_12356_form(self.dial):
            raise ValueError(f"published as 12356 ({self.published}) but dials {self.dial}; 12356 dials 12356 or 区号+12356")
        return self


# Where a country's numbers are dialled from abroad; also how a published "+86 …" form is read.
CALLING_CODES = {"CN": "86", "HK": "852", "MO": "853", "TW": "886", "SG": "65", "US": "1"}
_12356_FORM = re.compile(r"^(?:0[0-9]{2,3})?12356$")


def is_12356_form(digits: str) -> bool:
    """12356, or an area-code form of it (059212356)."""
    return _12356_FORM.match(digits.lstrip("+")) is not None


class Channel(Strict):
    kind: Literal["app", "qq", "wechat", "mini_program", "web", "alipay"]
    value: NonEmpty
    published: Text | None = None
    hours: Text | None = None
    hours_published: Text | None = None


# --------------------------------------------------------------------------- validity


class ValidityStatus(str, Enum):
    ongoing = "ongoing"  # the source says long-term / no end given
    until = "until"  # valid until a date, then over
    ended = "ended"  # a source says it stopped
    superseded = "superseded"  # replaced by another line (12356) from a date
    uncertain = "uncertain"  # the source gave no usable end and nothing confirms it since


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


class Scope(str, Enum):
    national = "national"
    provincial = "provincial"
    city = "city"
    institution = "institution"
    international = "international"


class Hotline(Strict):
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

    @property
    def is_12356(self) -> bool:
        """The national 12356 record or one of its provincial and city centres."""
        return self.id == NATIONAL_12356 or self.id.startswith(NATIONAL_12356 + "-")

    def own_hours(self) -> tuple[str | None, str | None]:
        """(expression, published wording) of the line's hours; those given for everyone when the line has none."""
        if self.hours is None:
            for entry in self.audiences:
                if entry.key is Audience.general and (entry.hours or (entry.hours_published and not self.hours_published)):
                    return entry.hours, entry.hours_published
        return self.hours, self.hours_published

    def presented_as_12356(self) -> bool:
        """Whether a person would take this line for 12356: its id, or 12356 in its name."""
        return self.is_12356 or NATIONAL_12356 in unicodedata.normalize("NFKC", self.name)

    def area_code_number(self) -> PhoneNumber | None:
        """The 区号+12356 form a source gives for this centre, if any (never an old number's)."""
        return next((n for n in self.numbers if n.kind is NumberKind.short_with_area_code
                     and n.dial.endswith("12356") and not n.old_number and not n.ended), None)

    def area_dial_for(self, city: City, code_shared: bool) -> tuple[str | None, bool]:
        """区号+12356 to reach ``city``'s centre from elsewhere through this record, and whether a source confirms it.

        The one rule for suggesting the area-code form: never for a city whose area code another
        city shares (开封 and 郑州 0371, 安顺 and 贵阳 0851): the code cannot choose the city. Else the
        form this record's source gives for the city (all of Fujian, 晋中), else the usual routing,
        which presenters must label unconfirmed.
        """
        if code_shared or not city.area_codes:
            return None, False
        sourced = self.area_code_number() if self.city == city.code else None
        if sourced is not None:
            return sourced.published, True
        return f"{city.area_codes[0]}-12356", False


class HotlinesFile(Strict):
    hotlines: list[Hotline]


class DatasetMeta(Strict):
    version: NonEmpty
    report_outdated: NonEmpty  # where a user reports a wrong or dead number

