"""What a record is, without pydantic: the kinds a field takes, the rules read off a record, and plain records.

``model.py`` defines the validating pydantic models for data that is checked (``hotline check``,
overlay files, the tests); they take their enums and their record rules from here. The bundled
data, already checked before release, is read at run time into the plain records below
(``compiled.py``), so an answer never pays for building or running pydantic validators.
Every rule a consumer calls lives once, in a mixin both kinds of record share.
"""

from __future__ import annotations

import re
import unicodedata
from enum import Enum

# Region code used for records that are not tied to one provincial division.
NATIONAL = "000000"
# The id of the national 12356 record; its centres are "12356-<province>[-<city>]".
NATIONAL_12356 = "12356"
# Where a country's numbers are dialled from abroad; also how a published "+86 …" form is read.
CALLING_CODES = {"CN": "86", "HK": "852", "MO": "853", "TW": "886", "SG": "65", "US": "1"}
_12356_FORM = re.compile(r"^(?:0[0-9]{2,3})?12356$")


def is_12356_form(digits: str) -> bool:
    """12356, or an area-code form of it (059212356)."""
    return _12356_FORM.match(digits.lstrip("+")) is not None


class RegionKind(str, Enum):
    province = "province"
    municipality = "municipality"
    autonomous_region = "autonomous_region"
    special_administrative_region = "special_administrative_region"
    taiwan = "taiwan"


class SourceKind(str, Enum):
    """How far a source can be trusted, from the most to the least."""

    official = "official"  # government, health commission, the operating hospital or university
    news = "news"  # a named mainstream newspaper or news agency
    reprint = "reprint"  # a mirror of an official or news page; note names the original and its date
    aggregator = "aggregator"  # content farm, undated or garbled page
    survey = "survey"  # the 2020 survey of rated hotlines


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


class NumberKind(str, Enum):
    landline = "landline"
    mobile = "mobile"
    toll_free_800 = "toll_free_800"
    shared_cost_400 = "shared_cost_400"
    short = "short"  # 12356, 12320, 96xxx without an area code
    short_with_area_code = "short_with_area_code"  # 0591-12356, 025-96111
    international = "international"


class ValidityStatus(str, Enum):
    ongoing = "ongoing"  # the source says long-term / no end given
    until = "until"  # valid until a date, then over
    ended = "ended"  # a source says it stopped
    superseded = "superseded"  # replaced by another line (12356) from a date
    uncertain = "uncertain"  # the source gave no usable end and nothing confirms it since


class Scope(str, Enum):
    national = "national"
    provincial = "provincial"
    city = "city"
    institution = "institution"
    international = "international"


# --------------------------------------------------------------------------- rules read off a record


class PhoneNumberRules:
    """What a phone number record answers about itself (shared by the model and the plain record)."""

    __slots__ = ()

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


class HotlineRules:
    """What a hotline record answers about itself (shared by the model and the plain record)."""

    __slots__ = ()

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

    def area_code_number(self):
        """The 区号+12356 form a source gives for this centre, if any (never an old number's)."""
        return next((n for n in self.numbers if n.kind is NumberKind.short_with_area_code
                     and n.dial.endswith("12356") and not n.old_number and not n.ended), None)

    def area_dial_for(self, city, code_shared: bool) -> tuple[str | None, bool]:
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


# --------------------------------------------------------------------------- plain records


class Plain:
    """A record read from the compiled bundled data: the model's fields as attributes, nothing checked.

    Each subclass names the fields of its model (a test keeps them in step); the values are
    already what the model would hold: enums, dates, lists of plain records.
    """

    __slots__ = ()

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self.__slots__)

    def __hash__(self):
        return hash(tuple(getattr(self, name) for name in self.__slots__))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(id={getattr(self, 'id', getattr(self, 'code', '?'))!r})"


class EmergencyNumber(Plain):
    __slots__ = ("number", "name", "name_en", "kind")


class City(Plain):
    __slots__ = ("code", "name", "short", "pinyin", "area_codes")


class Region(Plain):
    __slots__ = ("code", "name", "short", "abbr", "pinyin", "name_en", "kind", "phone_region", "time_zone",
                 "emergency", "cities")


class Source(Plain):
    __slots__ = ("ref", "date", "kind", "note")


class AudienceEntry(Plain):
    __slots__ = ("key", "published", "hours", "hours_published")


class PhoneNumber(PhoneNumberRules, Plain):
    __slots__ = ("published", "dial", "kind", "country", "menu", "for_callers", "hours", "hours_published",
                 "located_in", "dial_inferred", "note", "ended", "old_number")


class Channel(Plain):
    __slots__ = ("kind", "value", "published", "hours", "hours_published")


class Validity(Plain):
    __slots__ = ("status", "published", "until", "since", "superseded_by", "reason")


class Hotline(HotlineRules, Plain):
    __slots__ = ("id", "name", "name_en", "scope", "region", "city", "country", "time_zone", "operator", "numbers",
                 "channels", "audiences", "audience_published", "restricted", "focus", "hours", "hours_published",
                 "call_length", "opened", "opened_published", "validity", "sources", "follows", "hours_basis",
                 "last_confirmed", "caveats", "related", "seed_refs")


class DatasetMeta(Plain):
    __slots__ = ("version", "report_outdated")


PLAIN_OF_MODEL = {cls.__name__: cls for cls in (EmergencyNumber, City, Region, Source, AudienceEntry, PhoneNumber,
                                                Channel, Validity, Hotline, DatasetMeta)}


# Values that are plain as they are: no call needed for them (a validated overlay file has thousands).
_PLAIN_VALUES = frozenset({str, int, bool, type(None)})


def plain(value):
    """A validated pydantic model (or a list of them) as plain records with the same fields."""
    if isinstance(value, list):
        return [item if type(item) in _PLAIN_VALUES else plain(item) for item in value]
    cls = PLAIN_OF_MODEL.get(type(value).__name__)
    if cls is None or isinstance(value, Plain):
        return value  # a date, an enum member, or already plain
    record = cls.__new__(cls)
    for name in cls.__slots__:
        item = getattr(value, name)
        setattr(record, name, item if type(item) in _PLAIN_VALUES else plain(item))
    return record
