"""The value base class behaves as the dataclasses it replaces did: fields, defaults, equality, frozenness."""

import pytest

from hotline_cli.value import Fresh, Value, replace


class Point(Value):
    x: int
    y: int = 0
    label: str | None = None


class Tagged(Point, uncompared=("note",)):
    note: str = ""


class Basket(Value, frozen=False):
    owner: str
    items: list[str] = Fresh(list)


class Handle(Value, eq=False):
    name: str


def test_fields_by_position_and_keyword_with_defaults():
    assert Point._fields == ("x", "y", "label")
    point = Point(1, label="a")
    assert (point.x, point.y, point.label) == (1, 0, "a")
    assert Point(x=2, y=3) == Point(2, 3)
    assert repr(Point(1, 2)) == "Point(x=1, y=2, label=None)"


@pytest.mark.parametrize("make", [lambda: Point(), lambda: Point(1, 2, "a", "extra"), lambda: Point(1, x=2),
                                  lambda: Point(1, z=3)])
def test_a_missing_repeated_or_unknown_field_is_refused(make):
    with pytest.raises(TypeError):
        make()


def test_frozen_by_default_and_hashable_by_fields():
    point = Point(1, 2)
    with pytest.raises(AttributeError):
        point.x = 5
    with pytest.raises(AttributeError):
        del point.y
    assert hash(point) == hash(Point(1, 2))
    assert {Point(1, 2), Point(1, 2), Point(2, 1)} == {Point(1, 2), Point(2, 1)}
    assert Point(1, 2) != Point(1, 3)


def test_equality_needs_the_same_class():
    assert Point(1) != Tagged(1)
    assert (Point(1) == (1, 0, None)) is False


def test_subclass_fields_follow_the_base_and_uncompared_fields_do_not_count():
    assert Tagged._fields == ("x", "y", "label", "note")
    assert Tagged(1, note="a") == Tagged(1, note="b")
    assert hash(Tagged(1, note="a")) == hash(Tagged(1, note="b"))
    assert Tagged(1, note="a") != Tagged(2, note="a")


def test_mutable_values_are_unhashable_and_fresh_defaults_are_not_shared():
    first, second = Basket("a"), Basket("b")
    first.items.append("x")
    first.owner = "c"
    assert second.items == [] and first.owner == "c"
    with pytest.raises(TypeError):
        hash(first)
    assert "items" not in Basket.__dict__  # no shared default left on the class


def test_identity_equality_when_asked():
    assert Handle("a") != Handle("a")
    handle = Handle("a")
    assert handle == handle and len({handle, Handle("a")}) == 2


def test_replace_copies_with_changes_and_keeps_the_original():
    point = Tagged(1, 2, note="n")
    moved = replace(point, y=5)
    assert (moved.x, moved.y, moved.note, type(moved)) == (1, 5, "n", Tagged)
    assert point.y == 2
    with pytest.raises(TypeError):
        replace(point, z=1)


class Counted(Basket):
    """A mutable value whose subclass puts a property on a field, as a dataclass subclass may."""

    @property
    def owner(self) -> str:
        return self._owner

    @owner.setter
    def owner(self, value: str) -> None:
        self._owner = value.upper()


def test_a_mutable_value_sets_its_fields_through_a_subclass_property():
    counted = Counted("ann")  # mutable as its base is
    assert counted.owner == "ANN"
    counted.items = ["x"]
    assert counted.items == ["x"]
