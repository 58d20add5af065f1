"""The triage score: transparent reasons, and more arrears never lowers it."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from vroegsignalering.constants import ArrearsKind
from vroegsignalering.triage import SignalFacts, score_household

amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999"), places=2)
signals = st.builds(
    SignalFacts,
    creditor=st.sampled_from(["Actium", "Enexis", "WMD", "Zilveren Kruis", "Gemeente"]),
    kind=st.sampled_from(ArrearsKind.values),
    amount=amounts,
    months_in_arrears=st.integers(min_value=1, max_value=24),
    times_reported=st.integers(min_value=1, max_value=4),
)


class ScoreTests:
    def test_reasons_add_up_to_the_score(self):
        score = score_household(
            [
                SignalFacts("Actium", ArrearsKind.RENT, Decimal("1000"), 3),
                SignalFacts("Enexis", ArrearsKind.ENERGY, Decimal("260"), 1, 2),
            ],
            has_children=True,
        )
        assert dict(score.reasons) == {
            "amount": 5,
            "creditors": 5,
            "home_huur": 10,
            "home_energie": 8,
            "long": 4,
            "repeat": 3,
            "children": 6,
        }
        assert score.total == 41
        assert score.labelled()[0] == ("Huurachterstand: de woning is in gevaar", 10)

    @given(
        st.lists(signals, min_size=1, max_size=6),
        st.integers(min_value=0, max_value=5),
        amounts,
        st.booleans(),
    )
    def test_more_arrears_never_lowers_the_score(self, facts, index, extra, children):
        index %= len(facts)
        more = list(facts)
        bigger = more[index]
        more[index] = SignalFacts(
            bigger.creditor,
            bigger.kind,
            bigger.amount + extra,
            bigger.months_in_arrears,
            bigger.times_reported,
        )
        assert (
            score_household(more, has_children=children).total
            >= score_household(facts, has_children=children).total
        )

    @given(st.lists(signals, min_size=1, max_size=6), signals)
    def test_another_signal_never_lowers_the_score(self, facts, extra):
        assert score_household([*facts, extra]).total >= score_household(facts).total

    @given(st.lists(signals, min_size=1, max_size=6))
    def test_known_children_never_lower_the_score(self, facts):
        assert (
            score_household(facts, has_children=True).total
            >= score_household(facts, has_children=None).total
        )
