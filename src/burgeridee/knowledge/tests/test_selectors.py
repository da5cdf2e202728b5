"""What other apps read from the library: pitfalls and the participation ladder, in the municipality's words."""

import pytest

from burgeridee.knowledge import selectors, services

pytestmark = pytest.mark.django_db


def test_pitfall_choices_follow_the_library_and_keep_what_was_chosen(municipality, other_municipality, library):
    choices = selectors.pitfall_choices(municipality=municipality)
    assert [key for key, _label in choices] == [f"V{n}" for n in range(1, 18)]
    assert choices[1] == ("V2", "V2 Inkapselen")

    services.item_update(municipality=municipality, key="V2", data={"title": "Inkapselen in beleid"}, actor=None)
    services.item_switch(municipality=municipality, key="V5", active=False, actor=None)
    choices = dict(selectors.pitfall_choices(municipality=municipality))
    assert choices["V2"] == "V2 Inkapselen in beleid" and "V5" not in choices
    # A phase or reflection that chose V5 before it was switched off keeps it, in the municipality's words.
    kept = selectors.pitfall_choices(municipality=municipality, keep=["V5", "V99"])
    assert kept[-2:] == [("V5", "V5 Nee-reflex"), ("V99", "V99")]
    # Another municipality is not affected.
    assert dict(selectors.pitfall_choices(municipality=other_municipality))["V2"] == "V2 Inkapselen"


def test_pitfall_titles_for_stored_keys(municipality, library):
    services.item_update(municipality=municipality, key="V8", data={"title": "Te veel beloven"}, actor=None)
    services.item_switch(municipality=municipality, key="V8", active=False, actor=None)
    assert selectors.pitfall_titles(municipality=municipality, keys=["V1", "V8", "X"]) == {
        "V1": "Overnemen of doodknuffelen",
        "V8": "Te veel beloven",
        "X": "X",
    }


def test_the_participation_ladder_has_five_rungs_in_order_in_the_municipalitys_words(municipality, library):
    ladder = selectors.participation_ladder(municipality=municipality)
    assert list(ladder) == ["loslaten", "faciliteren", "stimuleren", "regisseren", "reguleren"]
    assert (
        ladder["faciliteren"]
        == "Faciliteren: De gemeente helpt met middelen en haalt obstakels weg; de bewoners leiden"
    )

    services.item_update(
        municipality=municipality, key="reguleren", data={"summary": "Regels stellen en handhaven."}, actor=None
    )
    services.item_switch(municipality=municipality, key="reguleren", active=False, actor=None)
    ladder = selectors.participation_ladder(municipality=municipality)
    assert ladder["reguleren"] == "Reguleren: Regels stellen en handhaven"  # switched off, still a rung
