"""The data model: what a region, a hotline and its numbers are.

Every rule about the *shape* of a record lives here; rules that need the whole
dataset (duplicate ids, area codes against cities, staleness) live in
``checks.py``.
"""

from __future__ import annotations

import datetime as _dt
from datetime import date
from enum import Enum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
RecordId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
RegionCode = Annotated[str, StringConstraints(pattern=r"^\d{6}$")]
Digits = Annotated[str, StringConstraints(pattern=r"^\d{3,15}$")]

# Region code used for records that are not tied to one provincial division.
NATIONAL = "000000"


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
    area_codes: list[Annotated[str, StringConstraints(pattern=r"^0\d{1,3}$|^\d{2,3}$")]] = []


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

    ref: Annotated[str, StringConstraints(pattern=r"^(seed:\S+|https?://\S+)$")]
    date: _dt.date | None = None
    kind: SourceKind
    note: str | None = None


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


class AudienceEntry(Strict):
    key: Audience
    published: NonEmpty | None = None
    hours: str | None = None  # hours for this audience when they differ from the line's
    hours_published: str | None = None


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
    dial: Annotated[str, StringConstraints(pattern=r"^\+?\d{3,15}$")]  # what to key in, within its country
    kind: NumberKind
    country: Literal["CN", "HK", "MO", "TW", "SG", "US"] = "CN"
    menu: list[Annotated[str, StringConstraints(pattern=r"^[0-9*#]+$")]] = []  # keys to press after connecting
    for_callers: Literal["any", "landline", "mobile"] = "any"
    hours: str | None = None  # own hours when they differ from the line's
    hours_published: str | None = None
    # When a number sits in another city than the record (a provincial switchboard
    # for a city line), say which city's code it carries and why.
    located_in: RegionCode | None = None
    dial_inferred: bool = False  # dial form completed from context (e.g. a missing area code)
    note: str | None = None
    ended: bool = False  # this number alone no longer works, the line does
    # A number 12356 took over, kept alongside it for a transition; the note says until when, if known.
    old_number: bool = False


class Channel(Strict):
    kind: Literal["app", "qq", "wechat", "mini_program", "web", "alipay"]
    value: NonEmpty
    published: str | None = None
    hours: str | None = None
    hours_published: str | None = None


# --------------------------------------------------------------------------- validity


class ValidityStatus(str, Enum):
    ongoing = "ongoing"  # the source says long-term / no end given
    until = "until"  # valid until a date, then over
    ended = "ended"  # a source says it stopped
    superseded = "superseded"  # replaced by another line (12356) from a date
    uncertain = "uncertain"  # the source gave no usable end and nothing confirms it since


class Validity(Strict):
    status: ValidityStatus
    published: str | None = None  # the source's own wording (疫情期间有效, 2020年5月 …)
    until: date | None = None
    since: date | None = None  # ended / superseded since
    superseded_by: RecordId | None = None
    reason: str | None = None

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
    name_en: str | None = None
    scope: Scope
    region: RegionCode  # NATIONAL for lines not tied to one province
    city: RegionCode | None = None
    country: Literal["CN", "HK", "MO", "TW", "SG", "US"] = "CN"
    time_zone: str = "Asia/Shanghai"
    operator: str | None = None
    numbers: list[PhoneNumber] = []
    channels: list[Channel] = []
    audiences: list[AudienceEntry] = Field(min_length=1)
    audience_published: str | None = None
    restricted: bool = False  # only the listed audiences may use it
    # Groups a line mainly serves (the source says 主要…): anyone may call; shown labelled and
    # ranked first for those groups. A focus never excludes anyone; `restricted` is for "only".
    focus: list[Audience] = []
    hours: str | None = None  # hours grammar; None means not known
    hours_published: str | None = None
    call_length: str | None = None
    opened: date | None = None
    opened_published: str | None = None
    validity: Validity
    sources: list[Source] = Field(min_length=1)
    follows: str | None = None  # which source the record follows where sources disagree
    # For a province's 12356 record: whether the province's own announcement gives its hours
    # (province_announcement), only some cities' announcements do (city_announcements, on their
    # records), or none was found (none_found: the national rule, at least 18 hours a day, is shown).
    hours_basis: Literal["province_announcement", "city_announcements", "none_found"] | None = None
    last_confirmed: date
    caveats: list[str] = []
    related: list[RecordId] = []  # paired lines (adult + youth, old number + 12356)
    seed_refs: list[Annotated[str, StringConstraints(pattern=r"^\d{3}:[\w.:-]+$")]] = []

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
        return self

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

