"""Value classes declared like dataclasses, without generating code when a module is imported.

``@dataclass`` writes the source text of ``__init__``, ``__repr__``, ``__eq__`` and ``__hash__``
for each class and compiles it at import: about 4.5 M instructions a class, and an answer's
start-up path declares about twenty such classes, more than the answer itself costs. A
``Value`` subclass is declared the same way (annotated fields, defaults as class attributes,
``Fresh(list)`` for a default made anew for each instance); the fields are read once per
class, and the methods are ordinary functions that every class shares.

    class Interval(Value):
        start: datetime
        end: datetime
        note: str | None = None

Instances are frozen and hashable by their fields unless the class (or its base) says
``frozen=False``: then they are unhashable, as a mutable dataclass is, and a field is set
through any property a subclass defines for it. ``eq=False`` keeps identity equality.
``uncompared`` names fields left out of equality and hashing. ``replace`` copies with changes.
"""

from __future__ import annotations

import inspect
from typing import Any, TypeVar

__all__ = ["Fresh", "Value", "replace"]


class Fresh:
    """A default made anew for each instance: ``warnings: list[str] = Fresh(list)``."""

    __slots__ = ("make",)

    def __init__(self, make) -> None:
        self.make = make


class Value:
    """Base of the value classes: fields from annotations, in declaration order, base classes first."""

    _fields: tuple[str, ...] = ()
    _field_set: frozenset[str] = frozenset()
    _defaults: dict[str, Any] = {}
    _compared: tuple[str, ...] = ()
    _frozen = True

    def __init_subclass__(cls, *, frozen: bool | None = None, eq: bool = True, uncompared: tuple[str, ...] = (),
                          **kwargs):
        super().__init_subclass__(**kwargs)
        if frozen is None:
            frozen = cls._frozen  # as the base class is
        fields = list(cls._fields)
        defaults = dict(cls._defaults)
        for name in inspect.get_annotations(cls):  # the class's own, as declared (strings or objects)
            if name not in fields:
                fields.append(name)
            if name in cls.__dict__:
                defaults[name] = cls.__dict__[name]
                if isinstance(defaults[name], Fresh):
                    delattr(cls, name)  # each instance gets its own; the class keeps no shared one
        cls._fields = tuple(fields)
        cls._field_set = frozenset(fields)
        cls._defaults = defaults
        cls._compared = tuple(name for name in fields if name not in uncompared)
        cls._frozen = frozen
        if not eq:
            cls.__eq__ = object.__eq__
            cls.__hash__ = object.__hash__
        elif not frozen:
            cls.__hash__ = None
        if not frozen:
            cls.__setattr__ = object.__setattr__
            cls.__delattr__ = object.__delattr__

    def __init__(self, *args, **kwargs) -> None:
        fields = self._fields
        if len(args) > len(fields):
            raise TypeError(f"{type(self).__name__} takes {len(fields)} fields, {len(args)} were given")
        values = dict(zip(fields, args))
        for name in kwargs:
            if name in values or name not in self._field_set:
                raise TypeError(f"{type(self).__name__}: unexpected or repeated field {name!r}")
        values.update(kwargs)
        if len(values) < len(fields):
            for name in fields:
                if name not in values:
                    if name not in self._defaults:
                        raise TypeError(f"{type(self).__name__}: missing field {name!r}")
                    default = self._defaults[name]
                    values[name] = default.make() if type(default) is Fresh else default
        if self._frozen:
            self.__dict__.update(values)  # straight into the namespace: a frozen class refuses assignment
        else:
            for name, value in values.items():
                setattr(self, name, value)  # through any property a subclass puts on a field

    def _key(self) -> tuple:
        return tuple(getattr(self, name) for name in self._compared)

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __setattr__(self, name, value):
        raise AttributeError(f"cannot assign to field {name!r} of a frozen {type(self).__name__}")

    def __delattr__(self, name):
        raise AttributeError(f"cannot delete field {name!r} of a frozen {type(self).__name__}")

    def __repr__(self) -> str:
        inside = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({inside})"


V = TypeVar("V", bound=Value)


def replace(value: V, **changes) -> V:
    """A copy of ``value`` with some fields changed (``dataclasses.replace`` for a ``Value``)."""
    fields = {name: getattr(value, name) for name in value._fields}
    fields.update(changes)
    return type(value)(**fields)
