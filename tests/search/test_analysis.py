"""Dutch text analysis: normalising, stemming and splitting compound words."""

import pytest

from search.analysis import Decompounder, analyse, normalise, stem, tokenize


class NormaliseTests:
    def test_lower_case_accents_folded_and_ampersand_read_as_en(self):
        assert normalise("Café Ééndracht & Zoon!") == "cafe eendracht en zoon"

    def test_tokens_are_letters_and_digits_only(self):
        assert tokenize("Ik kan mijn húúr niet betalen?!") == [
            "ik",
            "kan",
            "mijn",
            "huur",
            "niet",
            "betalen",
        ]


class StemTests:
    @pytest.mark.parametrize(
        ("one", "other"),
        [
            ("schulden", "schuld"),
            ("betalen", "betaling"),
            ("kinderen", "kind"),
            ("rekeningen", "rekening"),
        ],
    )
    def test_forms_of_a_word_share_a_stem(self, one, other):
        assert stem(one) == stem(other)


class DecompounderTests:
    @pytest.mark.parametrize(
        ("word", "parts"),
        [
            ("schuldhulpverlening", {"schuld", "hulpverlening", "hulp", "verlening"}),
            ("fietsenstalling", {"fiets", "stalling"}),
            ("voedselbank", {"voedsel", "bank"}),
            ("kinderopvang", {"kind", "opvang"}),
            ("betalingsachterstand", {"betaling", "achterstand"}),
            ("zwemles", {"zwem", "les"}),
        ],
    )
    def test_compounds_split_into_known_parts(self, word, parts):
        assert parts <= set(Decompounder().split(word))

    @pytest.mark.parametrize(
        "word", ["kinderen", "bijstand", "stalling", "goederen", "gemeente"]
    )
    def test_ordinary_words_stay_whole(self, word):
        assert Decompounder().split(word) == ()

    def test_words_of_the_index_count_as_parts(self):
        assert Decompounder().split("doemeepasaanvraag") == ()
        assert "doemeepas" in Decompounder(["doemeepas"]).split("doemeepasaanvraag")

    def test_analysis_adds_stemmed_parts(self):
        stems, parts = analyse("Fietsenstalling", Decompounder())
        assert stems == [stem("fietsenstalling")]
        assert stem("stalling") in parts
