"""The roster text: digits typed full-width are read as ASCII; other scripts' digits are not
taken for a phone or an ID number."""

import pytest

from tongxin.core.exceptions import ApplicationError
from tongxin.disputes import forms


def test_roster_reads_full_width_phone_and_id_number_as_ascii():
    workers = forms.parse_roster("王一　1380000１２３４ １１０１０１１９９００３０７７５１２ 代表")
    assert workers == [
        {
            "role": "worker",
            "name": "王一",
            "phone": "13800001234",
            "id_number": "110101199003077512",
            "is_representative": True,
        }
    ]


@pytest.mark.parametrize("token", ["138٠٠٠٠١٢٣٤", "١١٠١٠١١٩٩٠٠٣٠٧٧٥١2"])
def test_roster_does_not_take_other_scripts_digits(token):
    with pytest.raises(ApplicationError) as caught:
        forms.parse_roster(f"王一 {token}")
    assert (caught.value.code, caught.value.field) == ("roster", "roster")
