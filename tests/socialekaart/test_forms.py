"""Public forms: reading what residents type."""

from __future__ import annotations

from decimal import Decimal

import pytest

from socialekaart.forms import parse_euros


class ParseEurosTests:
    @pytest.mark.parametrize(
        ("text", "amount"),
        [
            ("1450", "1450"),
            ("1.450", "1450"),
            ("€ 1.450", "1450"),
            ("1450,50", "1450.50"),
            ("1.450,50", "1450.50"),
            ("1450.50", "1450.50"),
            ("1450.5", "1450.5"),
            ("12,5", "12.5"),
            ("1.234.567", "1234567"),
            # English notation, as people using the English version write it.
            ("1,450", "1450"),
            ("1,450.50", "1450.50"),
            ("EUR 1,491", "1491"),
        ],
    )
    def test_dutch_and_english_notation(self, text, amount):
        assert parse_euros(text) == Decimal(amount)

    @pytest.mark.parametrize("text", ["", "veel", "1.2.3,4,5", "-100", "1,2,3"])
    def test_not_an_amount(self, text):
        with pytest.raises(ValueError):
            parse_euros(text)
