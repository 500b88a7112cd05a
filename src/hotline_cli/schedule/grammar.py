"""The hours grammar: a documented subset of OpenStreetMap ``opening_hours``.

The subset is chosen so that every accepted expression means exactly what it
means to opening_hours.js, the reference implementation.  Constructs on which
OSM implementations disagree are rejected rather than guessed at, because a
line shown open while it is closed sends a caller to a dead phone.  The one
extension is ``WD``/``RD`` (China's official workdays and rest days); see
``docs/hours.md``.
"""

from __future__ import annotations

import functools
import re
from typing import Literal

from ..value import Value

__all__ = [
    "DayItem",
    "Hours",
    "HoursSyntaxError",
    "Rule",
    "TimeSpan",
    "parse_hours",
]

MINUTES_PER_DAY = 24 * 60
# opening_hours.js refuses ranges reaching past the second midnight.
MAX_END_MINUTE = 2 * MINUTES_PER_DAY

WEEKDAY_NAMES = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
OFFICIAL_DAY_KINDS = ("PH", "WD", "RD")

State = Literal["open", "closed", "unknown"]

_WEEKDAY_INDEX = {name.lower(): i for i, name in enumerate(WEEKDAY_NAMES)}
_OFFICIAL = {kind.lower(): kind for kind in OFFICIAL_DAY_KINDS}
_STATE_WORDS: dict[str, State] = {"open": "open", "closed": "closed", "off": "closed", "unknown": "unknown"}

_EXPECT_RULE = "a rule such as 24/7, Mo-Fr 09:00-17:00, WD 09:00-17:00 or off"
_EXPECT_DAY = "a weekday (Mo, Tu, We, Th, Fr, Sa, Su), PH, WD or RD"
_EXPECT_TIME = "a time like 09:00"
_EXPECT_STATE = "open, closed, off or unknown"


class HoursSyntaxError(ValueError):
    """An hours expression outside the supported grammar."""

    def __init__(self, text: str, position: int, expected: str) -> None:
        self.text = text
        self.position = position
        self.expected = expected
        super().__init__(f"expected {expected} at position {position}: {text!r}")

    def __reduce__(self):  # keep the three fields through pickling (multiprocessing, caches)
        return (type(self), (self.text, self.position, self.expected))


class DayItem(Value):
    """One entry of a day selector: a weekday or weekday range, or an official day kind.

    ``first``/``last`` are 0 (Monday) .. 6 (Sunday); ``first > last`` wraps
    over the weekend (``Fr-Mo``).  For PH/WD/RD they are unused.
    """

    kind: Literal["weekday", "PH", "WD", "RD"]
    first: int = 0
    last: int = 0

    def __str__(self) -> str:
        if self.kind != "weekday":
            return self.kind
        if self.first == self.last:
            return WEEKDAY_NAMES[self.first]
        return f"{WEEKDAY_NAMES[self.first]}-{WEEKDAY_NAMES[self.last]}"


class TimeSpan(Value):
    """Minutes after the start of the day the rule applies to; ``end`` may exceed 1440."""

    start: int
    end: int

    def __str__(self) -> str:
        end = self.end
        # Write the short form (22:00-02:00) only where it reads back the same.
        if end > MINUTES_PER_DAY and end - MINUTES_PER_DAY <= self.start:
            end -= MINUTES_PER_DAY
        return f"{_clock(self.start)}-{_clock(end)}"


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class Rule(Value, uncompared=('explicit_state', 'position')):
    days: tuple[DayItem, ...] | None  # None: no day selector, every day
    times: tuple[TimeSpan, ...] | None  # None: the whole day
    state: State
    comment: str | None = None
    additional: bool = False  # joined to the previous rule by ',' rather than ';'
    always: bool = False  # written as 24/7
    # Where the rule came from; not part of its meaning.
    explicit_state: bool = False
    position: int = 0

    @property
    def uses_calendar(self) -> bool:
        return self.days is not None and any(d.kind != "weekday" for d in self.days)

    def __str__(self) -> str:
        parts: list[str] = []
        if self.days is not None:
            parts.append(",".join(str(d) for d in self.days))
        if self.always:
            parts.append("24/7")
        elif self.times is not None:
            parts.append(",".join(str(t) for t in self.times))
        if self.state != "open" or self.comment is not None or not parts:
            parts.append("off" if self.state == "closed" else self.state)
        if self.comment is not None:
            parts.append(f'"{self.comment}"')
        return " ".join(parts)


class Hours(Value):
    """A parsed hours expression."""

    text: str
    rules: tuple[Rule, ...]
    warnings: tuple[str, ...] = ()

    @property
    def uses_calendar(self) -> bool:
        return any(rule.uses_calendar for rule in self.rules)

    @property
    def canonical(self) -> str:
        out = str(self.rules[0])
        for rule in self.rules[1:]:
            out += (", " if rule.additional else "; ") + str(rule)
        return out

    def __str__(self) -> str:
        return self.canonical


# --------------------------------------------------------------------------- tokens


class _Token(Value):
    kind: str  # word number colon dash comma semi always comment end
    value: str
    pos: int


_TOKEN_RE = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<always>24/7)
  | (?P<number>[0-9]+)
  | (?P<word>[A-Za-z]+)
  | (?P<colon>:)
  | (?P<dash>-)
  | (?P<comma>,)
  | (?P<semi>;)
  | (?P<comment>"[^"]*")
  | (?P<fallback>\|\|)
    """,
    re.VERBOSE,
)


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN_RE.match(text, pos)
        if m is None:
            if text[pos] == '"':
                raise HoursSyntaxError(text, pos, "a closing '\"' for this comment")
            raise HoursSyntaxError(
                text, pos, f"letters, digits, ':', '-', ',', ';' or a quoted comment, not {text[pos]!r}"
            )
        kind = m.lastgroup
        assert kind is not None
        if kind == "fallback":
            raise HoursSyntaxError(text, pos, "';' or ',' (fallback rules '||' are not supported)")
        if kind != "space":
            value = m.group()
            if kind == "comment":
                value = value[1:-1]
            tokens.append(_Token(kind, value, pos))
        pos = m.end()
    tokens.append(_Token("end", "", len(text)))
    return tokens


# --------------------------------------------------------------------------- parser


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _tokenize(text)
        self.i = 0

    @property
    def tok(self) -> _Token:
        return self.tokens[self.i]

    def peek(self, ahead: int = 1) -> _Token:
        return self.tokens[min(self.i + ahead, len(self.tokens) - 1)]

    def fail(self, expected: str, token: _Token | None = None) -> HoursSyntaxError:
        return HoursSyntaxError(self.text, (token or self.tok).pos, expected)

    # A word is one of ours only in lowercase comparison: OSM tools accept "mo" and "MO".
    @staticmethod
    def is_day_word(token: _Token) -> bool:
        return token.kind == "word" and (token.value.lower() in _WEEKDAY_INDEX or token.value.lower() in _OFFICIAL)

    @staticmethod
    def is_state_word(token: _Token) -> bool:
        return token.kind == "word" and token.value.lower() in _STATE_WORDS

    def parse(self) -> Hours:
        if self.tok.kind == "end":
            raise self.fail(_EXPECT_RULE)
        rules: list[Rule] = []
        additional = False
        while True:
            rule, separator = self.parse_rule(additional)
            rules.append(rule)
            if separator is None:
                break
            additional = separator == ","
        self.check_unambiguous(rules)
        return Hours(self.text, tuple(rules), _midnight_warnings(tuple(rules)))

    def parse_rule(self, additional: bool) -> tuple[Rule, str | None]:
        start = self.tok
        days = None
        times = None
        always = False
        state: State = "open"
        explicit_state = False
        comment = None
        last = None  # which part ended the rule; decides what ',' may mean next

        if self.is_day_word(self.tok):
            days = self.parse_days()
            last = "days"
        elif self.tok.kind == "word" and not self.is_state_word(self.tok):
            raise self.fail(f"{_EXPECT_DAY}, a time, 24/7 or {_EXPECT_STATE}")

        if self.tok.kind == "always":
            times = (TimeSpan(0, MINUTES_PER_DAY),)
            always = True
            last = "always"
            self.i += 1
        elif self.tok.kind == "number":
            times = self.parse_times()
            last = "times"

        if self.is_state_word(self.tok):
            state = _STATE_WORDS[self.tok.value.lower()]
            explicit_state = True
            last = "state"
            self.i += 1

        if self.tok.kind == "comment":
            if not explicit_state:
                # opening_hours.js reads a bare comment as "unknown", other
                # implementations as "open": make the author say which.
                raise self.fail(f"{_EXPECT_STATE} before the comment")
            comment = self.tok.value
            last = "comment"
            self.i += 1

        if last is None:
            raise self.fail(_EXPECT_RULE)

        rule = Rule(
            days=days,
            times=times,
            state=state,
            comment=comment,
            additional=additional,
            always=always,
            explicit_state=explicit_state,
            position=start.pos,
        )

        tok = self.tok
        if tok.kind == "end":
            return rule, None
        if tok.kind == "semi":
            self.i += 1
            if self.tok.kind == "end":
                raise self.fail(f"{_EXPECT_RULE} after ';'")
            return rule, ";"
        if tok.kind == "comma" and last in ("times", "state", "comment"):
            self.i += 1
            if self.tok.kind in ("end", "comma", "semi"):
                raise self.fail(f"{_EXPECT_RULE} after ','")
            return rule, ","
        raise self.fail(self.expected_after(last))

    @staticmethod
    def expected_after(last: str) -> str:
        if last == "days":
            return f"',' and another day, a time like 09:00, 24/7, {_EXPECT_STATE}, ';' or the end"
        if last == "times":
            return f"',' and another time range, {_EXPECT_STATE}, ';' or the end"
        if last == "always":
            return f"{_EXPECT_STATE}, ';' or the end"
        if last == "state":
            return "a quoted comment, ',', ';' or the end"
        return "',', ';' or the end"

    def parse_days(self) -> tuple[DayItem, ...]:
        items = [self.parse_day_item()]
        while self.tok.kind == "comma" and self.is_day_word(self.peek()):
            self.i += 1
            items.append(self.parse_day_item())
        if self.tok.kind == "comma" and self.peek().kind in ("comma", "end", "semi"):
            raise self.fail(_EXPECT_DAY, self.peek())
        return tuple(items)

    def parse_day_item(self) -> DayItem:
        tok = self.tok
        name = tok.value.lower()
        self.i += 1
        if name in _OFFICIAL:
            if self.tok.kind == "dash":
                raise self.fail(f"',' or a time after {_OFFICIAL[name]} (it cannot start a range)")
            return DayItem(_OFFICIAL[name])  # type: ignore[arg-type]
        first = _WEEKDAY_INDEX[name]
        if self.tok.kind != "dash":
            return DayItem("weekday", first, first)
        self.i += 1
        end = self.tok
        if end.kind != "word" or end.value.lower() not in _WEEKDAY_INDEX:
            raise self.fail("a weekday like Fr to end the range")
        self.i += 1
        return DayItem("weekday", first, _WEEKDAY_INDEX[end.value.lower()])

    def parse_times(self) -> tuple[TimeSpan, ...]:
        spans = [self.parse_span()]
        while self.tok.kind == "comma" and self.peek().kind == "number":
            self.i += 1
            spans.append(self.parse_span())
        if self.tok.kind == "number":
            raise self.fail("',' between time ranges")
        return tuple(spans)

    def parse_span(self) -> TimeSpan:
        start_tok = self.tok
        start = self.parse_clock()
        if start >= MINUTES_PER_DAY:
            raise self.fail("a start time from 00:00 to 23:59", start_tok)
        if self.tok.kind != "dash":
            raise self.fail("'-' and an end time (single points in time are not supported)")
        self.i += 1
        end_tok = self.tok
        end = self.parse_clock()
        # As in opening_hours.js: an end at or before the start is on the next day.
        if end <= start:
            end += MINUTES_PER_DAY
        if end > MAX_END_MINUTE:
            raise self.fail("an end time no later than 48:00 (the second midnight)", end_tok)
        return TimeSpan(start, end)

    def parse_clock(self) -> int:
        hour, colon, minute = self.tok, self.peek(1), self.peek(2)
        if (
            hour.kind != "number"
            or len(hour.value) > 2
            or colon.kind != "colon"
            or minute.kind != "number"
            or len(minute.value) != 2
        ):
            raise self.fail(_EXPECT_TIME, hour)
        if int(minute.value) > 59:
            raise self.fail("minutes from 00 to 59", minute)
        self.i += 3
        return int(hour.value) * 60 + int(minute.value)

    def check_unambiguous(self, rules: list[Rule]) -> None:
        for index, rule in enumerate(rules):
            if index == 0 or rule.additional or rule.days is not None or rule.state == "closed":
                continue
            # "Mo 10:00-12:00; 14:00-16:00": opening_hours.js keeps Monday's
            # morning, other implementations drop it.  Refuse to pick one.
            raise HoursSyntaxError(
                self.text,
                rule.position,
                "a day selector (Mo-Su, PH, WD, RD) on a rule after ';' unless it is off: "
                "OSM tools disagree on such rules, so put the rule without days first",
            )


# --------------------------------------------------------------------------- lint


def _weekday_set(rule: Rule) -> frozenset[int]:
    if rule.days is None or rule.uses_calendar:
        return frozenset(range(7))  # an official day may fall on any weekday
    found: set[int] = set()
    for item in rule.days:
        day = item.first
        while True:
            found.add(day)
            if day == item.last:
                break
            day = (day + 1) % 7
    return frozenset(found)


def _midnight_warnings(rules: tuple[Rule, ...]) -> tuple[str, ...]:
    """Flag past-midnight windows that a later rule cuts, as opening_hours.js warns.

    OSM semantics let a later rule for day D override the whole of D, including
    the early hours that an earlier rule's window (started on D-1) reaches
    into.  That is rarely what an author means by "Fr 20:00-02:00; Sa off".
    """
    warnings: list[str] = []
    for i, rule in enumerate(rules):
        if rule.times is None:
            continue
        spill_end = max((t.end for t in rule.times), default=0) - MINUTES_PER_DAY
        if spill_end <= 0:
            continue
        next_days = frozenset((d + 1) % 7 for d in _weekday_set(rule))
        for j in range(i + 1, len(rules)):
            later = rules[j]
            shared = next_days & _weekday_set(later)
            if not shared:
                continue
            resets = not later.additional and later.days is not None and later.state != "closed"
            covers = later.times is None or any(t.start < spill_end for t in later.times)
            if resets or (covers and later.state != rule.state):
                days = ",".join(WEEKDAY_NAMES[d] for d in sorted(shared))
                warnings.append(
                    f"'{rule}' runs past midnight, but '{later}' overrides the hours after "
                    f"midnight on {days}; OSM semantics end the window at 00:00 there"
                )
                break
    return tuple(warnings)


# --------------------------------------------------------------------------- entry point


@functools.lru_cache(maxsize=4096)
def parse_hours(text: str) -> Hours:
    """Parse an hours expression; raise :class:`HoursSyntaxError` if it is outside the grammar."""
    if not isinstance(text, str):
        raise TypeError(f"hours must be a string, not {type(text).__name__}")
    return _Parser(text).parse()
