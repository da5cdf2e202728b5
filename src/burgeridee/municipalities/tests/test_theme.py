import pytest

from burgeridee.municipalities.theme import contrast_problems, contrast_ratio, hex_normalise


def test_contrast_ratio_follows_wcag():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#fff", "#FFFFFF") == pytest.approx(1)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_a_pair_just_below_aa_is_a_problem_with_its_ratio_never_rounded_up():
    assert contrast_problems({"text": "#767676"}) == []
    problems = contrast_problems({"text": "#777777"})
    assert [(p.foreground, p.background) for p in problems] == [("text", "background")]
    assert "4.47:1" in problems[0].message and "4.5:1" in problems[0].message


def test_the_house_colour_is_a_graphic_and_needs_3_to_1():
    assert contrast_problems({"accent": "#949494"}) == []  # 3.03:1
    assert [p.foreground for p in contrast_problems({"accent": "#999999"})] == ["accent"]


def test_hex_normalise_refuses_what_is_no_colour():
    assert hex_normalise("#ABC") == "#aabbcc"
    with pytest.raises(ValueError):
        hex_normalise("red;}body{")
