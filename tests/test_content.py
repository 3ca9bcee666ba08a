"""The knowledge base as a client would read it: complete, safe, and answering every region."""

from __future__ import annotations

import pytest

from bodymap.knowledge import Selection, Side, rank
from bodymap.knowledge.coverage import MIN_CANDIDATES, region_coverage


def _text(muscle) -> str:
    return muscle.model_dump_json().lower()


def test_whole_body_has_at_least_ninety_muscles(kb):
    assert len(kb.muscles) >= 130


def test_every_region_side_has_enough_candidates(kb):
    thin = {c.region.id: c.candidates for c in region_coverage(kb) if len(c.candidates) < MIN_CANDIDATES}
    assert thin == {}


def test_both_sides_of_a_region_give_mirror_rankings(kb):
    for region in kb.regions.values():
        if region.paired:
            left = [r.muscle.id for r in rank(kb, [Selection(region.id, Side.LEFT)])]
            right = [r.muscle.id for r in rank(kb, [Selection(region.id, Side.RIGHT)])]
            assert left == right


def test_every_muscle_fills_the_fields_a_client_reads(kb):
    for muscle in kb.muscles.values():
        assert muscle.self_release and muscle.cautions and muscle.sources, muscle.id
        for technique in muscle.self_release:
            assert technique.position and technique.steps and technique.pressure and technique.duration
        assert any(ch.isdigit() for t in muscle.self_release for ch in t.pressure + t.duration), muscle.id


@pytest.mark.parametrize(
    ("muscles", "words"),
    [
        (
            ("adductor_longus", "adductor_brevis", "adductor_magnus", "pectineus", "sartorius", "psoas_major"),
            ("femoral",),
        ),
        (("psoas_major", "rectus_abdominis"), ("aorta",)),
        (("sternocleidomastoid",), ("carotid", "vagus")),
        (("scalenes",), ("carotid",)),
        (("flexor_carpi_ulnaris", "triceps_brachii"), ("ulnar nerve",)),
        (("piriformis",), ("sciatic",)),
    ],
)
def test_cautions_sit_with_the_muscle(kb, muscles, words):
    for muscle_id in muscles:
        cautions = " ".join(kb.muscle(muscle_id).cautions).lower()
        for word in words:
            assert word in cautions, (muscle_id, word)


@pytest.mark.parametrize(
    ("muscle_id", "words"),
    [
        ("gluteus_minimus", ("sciatica",)),
        ("gluteus_medius", ("sciatica",)),
        ("quadratus_lumborum", ("bursitis",)),
        ("vastus_medialis", ("buckl",)),
        ("tensor_fasciae_latae", ("it band",)),
        ("adductor_longus", ("glute",)),
        ("masseter", ("hip",)),
    ],
)
def test_depth_from_the_seed_documents(kb, muscle_id, words):
    text = _text(kb.muscle(muscle_id))
    for word in words:
        assert word in text, (muscle_id, word)


def test_soleus_can_refer_to_the_sacroiliac_area(kb):
    assert kb.muscle("soleus").referral_to("si_joint") is not None


def test_every_muscle_cites_travell_and_simons_or_an_anatomy_text(kb):
    for muscle in kb.muscles.values():
        refs = " ".join(s.reference for s in muscle.sources).lower()
        assert "travell" in refs or "gray" in refs, muscle.id
