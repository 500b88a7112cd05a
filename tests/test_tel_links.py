"""One tel: form for every output: what a link, a QR code, a contact card and JSON dial is the same string."""

import io
import re

import pytest

from hotline_cli.model import NumberKind
from hotline_cli.phones import SHORT_KINDS, tel_uri


def _all_numbers(dataset):
    return [number for record in dataset.hotlines for number in record.numbers]


def test_full_numbers_use_phonenumbers_rfc3966_form(dataset):
    import phonenumbers
    from phonenumbers import PhoneNumberFormat

    checked = 0
    for number in _all_numbers(dataset):
        if number.kind in SHORT_KINDS:
            continue
        expected = phonenumbers.format_number(phonenumbers.parse(number.dial, number.country), PhoneNumberFormat.RFC3966)
        assert tel_uri(number) == expected, number.published
        checked += 1
    assert checked > 50


def test_short_numbers_are_dialled_as_they_are(dataset):
    shorts = [number for number in _all_numbers(dataset) if number.kind in SHORT_KINDS]
    assert shorts
    for number in shorts:
        uri = tel_uri(number)
        assert uri == "tel:" + number.dial.lstrip("+")
        assert ";" not in uri and "," not in uri  # a dialer would pause or wait there
    assert tel_uri("12356") == "tel:12356" and tel_uri("110") == "tel:110"


def test_no_tel_link_anywhere_carries_a_parameter(dataset):
    for number in _all_numbers(dataset):
        assert re.fullmatch(r"tel:(\+\d+(-\d+)*|\d+)", tel_uri(number)), tel_uri(number)


@pytest.fixture(scope="module")
def fujian_view(dataset):
    from hotline_cli.export.base import ExportContext
    from hotline_cli.export.common import list_view
    from hotline_cli.query import answer
    from hotline_cli.regions import resolve

    from conftest import china

    result = answer(dataset, china(2026, 11, 25, 21, 30), resolve("厦门", dataset.regions), None,
                    include_inactive=False, order="place")
    return list_view(result, ExportContext(lang="zh", dataset_version="test", report_outdated="x", order="place"))


def test_link_qr_and_contact_are_the_same_number(fujian_view):
    numbers = [number for line in fujian_view.lines for number in line.numbers]
    assert numbers
    for number in numbers:
        assert number.qr == number.link
        assert "tel:" + number.dial == number.link


def test_html_qr_codes_encode_the_link(fujian_view):
    from hotline_cli.export.to_html import qr_svg, render_html

    page = render_html(fujian_view)
    for line in fujian_view.lines:
        for number in line.numbers:
            assert f'href="{number.link}"' in page
            assert qr_svg(number.link) in page


def test_vcard_and_csv_carry_the_same_form(fujian_view):
    import csv

    import vobject

    from hotline_cli.export.to_csv import render_csv
    from hotline_cli.export.to_vcard import render_vcard

    links = {number.link for line in fujian_view.lines for number in line.numbers}
    cards = list(vobject.readComponents(render_vcard(fujian_view)))
    card_tels = {"tel:" + tel.value for card in cards for tel in card.contents.get("tel", [])}
    assert card_tels == links
    rows = list(csv.DictReader(io.StringIO(render_csv(fujian_view).lstrip("\ufeff"))))
    assert {row["tel"] for row in rows} >= links
    assert all(";" not in row["tel"] for row in rows)


def test_emergency_links_use_the_same_function(fujian_view):
    from hotline_cli.export.to_html import render_html

    page = render_html(fujian_view)
    for number, _ in fujian_view.emergency:
        assert f'href="{tel_uri(number)}"' in page
