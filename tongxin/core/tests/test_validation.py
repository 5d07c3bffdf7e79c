"""Shared input checks: digits are ASCII once stored (full-width ones are turned into ASCII,
other scripts' digits refused), and strings a column cannot hold are refused by name."""

from datetime import date

import pytest

from tongxin.core import validation
from tongxin.core.exceptions import ApplicationError

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@pytest.mark.parametrize(
    ("raw", "landline", "phone"),
    [
        ("1380000１２３４", False, "13800001234"),
        ("＋８６　１３８ ０００ ０１２３４", False, "13800001234"),
        ("（０５９５）－２２３３４４５５", True, "059522334455"),
    ],
)
def test_full_width_phone_digits_are_stored_as_ascii(raw, landline, phone):
    assert validation.clean_phone(raw, allow_landline=landline) == phone


@pytest.mark.parametrize(
    ("raw", "landline"),
    [
        ("138" + "00001234".translate(ARABIC_INDIC), False),
        ("0" + "595-22334455".translate(ARABIC_INDIC), True),
    ],
)
def test_phone_in_other_scripts_digits_is_refused(raw, landline):
    with pytest.raises(ApplicationError) as caught:
        validation.clean_phone(raw, allow_landline=landline)
    assert (caught.value.code, caught.value.field) == ("invalid_phone", "phone")


def test_id_number_in_other_scripts_digits_is_refused():
    # given a well-formed ID number (check digit 2) written in Arabic-Indic digits
    assert validation.clean_id_number("110101199003077512") == "110101199003077512"
    raw = "11010119900307751".translate(ARABIC_INDIC) + "2"
    # then it is refused, not stored in digits no look-up would match
    with pytest.raises(ApplicationError) as caught:
        validation.clean_id_number(raw)
    assert (caught.value.code, caught.value.field) == ("invalid_id_number", "id_number")


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"parties": [{"name": "张三"}, {"name": "李\x00四"}]}, "parties.1.name"),
        ({"a": {"b\x00": 1}}, "a.b\x00"),
        ({"note": "\udfff"}, "note"),
        ("\x00", "body"),
    ],
)
def test_check_storable_names_the_first_bad_string(data, field):
    with pytest.raises(ApplicationError) as caught:
        validation.check_storable(data)
    assert (caught.value.code, caught.value.field) == ("invalid_characters", field)


def test_check_storable_passes_ordinary_data():
    validation.check_storable({"a": ["文本 😀", 1, None, {"b": 2.5}], "c": True})


@pytest.mark.parametrize(
    ("clean", "raw"),
    [
        (validation.clean_date, "0001-01-01"),
        (validation.clean_date, "9999-12-31"),
        (validation.clean_date, date(1899, 12, 31)),
        (validation.clean_datetime, "0001-01-01 00:00"),
        (validation.clean_datetime, "9999-12-31T23:59"),
    ],
)
def test_dates_outside_the_years_we_take_are_refused_by_name(clean, raw):
    # when a date at the ends of Python's calendar is cleaned
    with pytest.raises(ApplicationError) as caught:
        clean(raw, field="until", label="延长至")
    # then it is refused naming the field, before any deadline or UTC shift can overflow
    assert (caught.value.code, caught.value.field) == ("out_of_range", "until")
    assert str(caught.value.message) == "延长至应在 1900-01-01 至 2999-12-31 之间。"


def test_the_bounds_themselves_are_taken():
    assert validation.clean_date("1900-01-01", field="d", label="日期") == date(1900, 1, 1)
    assert validation.clean_date("2999-12-31", field="d", label="日期") == date(2999, 12, 31)
    moment = validation.clean_datetime("2999-12-31 09:30", field="d", label="时间")
    assert moment is not None
    assert moment.date() == date(2999, 12, 31)


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("6F9619FF-8B86-D011-B42D-00C04FC964FF", "6f9619ff-8b86-d011-b42d-00c04fc964ff"),
        ("6f9619ff8b86d011b42d00c04fc964ff", "6f9619ff-8b86-d011-b42d-00c04fc964ff"),
        ("", None),
        (None, None),
    ],
)
def test_uuid_is_cleaned_to_the_form_urls_take(raw, cleaned):
    assert validation.clean_uuid(raw, field="case", label="调解案件") == cleaned


@pytest.mark.parametrize(
    "raw", ["x", "99999999999999999999", "6f9619ff-8b86-d011-b42d-00c04fc964f"]
)
def test_malformed_uuid_is_refused_by_name(raw):
    with pytest.raises(ApplicationError) as caught:
        validation.clean_uuid(raw, field="case", label="调解案件")
    assert (caught.value.code, caught.value.field) == ("invalid", "case")
    assert str(caught.value.message) == "调解案件的编号无效。"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, None),
        ("", None),
        (True, True),
        (False, False),
        ("1", True),
        ("on", True),
        ("是", True),
        ("0", False),
        ("false", False),
        ("否", False),
        (" No ", False),
    ],
)
def test_yes_no_words_are_read(raw, expected):
    assert validation.clean_bool(raw, field="solved", label="是否解决") is expected


@pytest.mark.parametrize("raw", ["2", "99999999999999999999", "2024-02-30", "maybe", "x"])
def test_anything_else_is_refused_by_name_not_read_as_no(raw):
    with pytest.raises(ApplicationError) as refused:
        validation.clean_bool(raw, field="solved", label="是否解决")
    assert (refused.value.field, refused.value.message) == ("solved", "是否解决只能是“是”或“否”。")
