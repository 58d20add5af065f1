"""Parsing what people type: typos, synonyms, stop words, compounds and prefixes."""

from search.analysis import stem
from search.query import parse
from search.synonyms import SynonymTable
from search.vocabulary import Vocabulary

VOCABULARY = Vocabulary(
    {
        "schuldhulpverlening": 3,
        "schuld": 2,
        "hulp": 9,
        "verlening": 1,
        "schulden": 4,
        "voedselbank": 2,
        "voedsel": 1,
        "bank": 2,
        "sport": 5,
        "zwemmen": 2,
        "huur": 3,
        "huurachterstand": 1,
        "betalen": 6,
        "kleding": 3,
    }
)
SYNONYMS = SynonymTable.build(
    [
        ["schulden", "geldzorgen", "rekeningen niet betalen"],
        ["sport", "zwemmen", "contributie"],
        ["food bank", "voedselbank"],
    ]
)


def alternatives(parsed, index=0):
    return {(a.terms, a.prefix) for a in parsed.groups[index].alternatives}


class QueryParsingTests:
    def test_stop_words_are_dropped(self):
        parsed = parse(
            "ik kan mijn huur niet betalen ", vocabulary=VOCABULARY, synonyms=SYNONYMS
        )
        assert len(parsed.groups) == 2
        assert ((stem("huur"),), False) in alternatives(parsed, 0)

    def test_a_typo_is_corrected_towards_a_word_of_the_index(self):
        parsed = parse("voedselbnak ", vocabulary=VOCABULARY, synonyms=SYNONYMS)
        assert parsed.corrections == {"voedselbnak": "voedselbank"}
        assert parsed.suggestion == "voedselbank"

    def test_a_word_being_typed_is_not_corrected_but_matched_as_prefix(self):
        parsed = parse("voedselb", vocabulary=VOCABULARY, synonyms=SYNONYMS)
        assert parsed.corrections == {}
        assert (("voedselb",), True) in alternatives(parsed)

    def test_common_dutch_words_are_not_corrected(self):
        parsed = parse("fiets ", vocabulary=VOCABULARY, synonyms=SYNONYMS)
        assert parsed.corrections == {}

    def test_synonym_phrase_becomes_one_group_with_all_its_synonyms(self):
        parsed = parse(
            "rekeningen niet betalen ", vocabulary=VOCABULARY, synonyms=SYNONYMS
        )
        assert len(parsed.groups) == 1
        terms = {a.terms for a in parsed.groups[0].alternatives}
        assert (stem("schulden"),) in terms
        assert (stem("geldzorgen"),) in terms
        assert (stem("rekeningen"), stem("betalen")) in terms

    def test_compound_word_also_matches_its_parts_together(self):
        parsed = parse("voedselpakket ", vocabulary=VOCABULARY, synonyms=SYNONYMS)
        assert ((stem("voedsel"), stem("pakket")), False) in alternatives(parsed)

    def test_a_phrase_typed_in_full_is_not_also_a_prefix(self):
        # "food bank" is complete: "bank" must not find "kredietbank" (decision 0080).
        parsed = parse("food bank", vocabulary=VOCABULARY, synonyms=SYNONYMS)
        assert len(parsed.groups) == 1
        assert not any(a.prefix for a in parsed.groups[0].alternatives)
        assert ((stem("voedselbank"),), False) in alternatives(parsed)

    def test_a_single_word_being_typed_is_still_a_prefix(self):
        parsed = parse("voedselb", vocabulary=VOCABULARY, synonyms=SYNONYMS)
        assert any(a.prefix for a in parsed.groups[0].alternatives)

    def test_synonym_words_are_corrected_too(self):
        parsed = parse("geldzorgn ", vocabulary=VOCABULARY, synonyms=SYNONYMS)
        assert parsed.corrections == {"geldzorgn": "geldzorgen"}
