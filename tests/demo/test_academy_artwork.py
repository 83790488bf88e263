"""The demo academies' emblems and signatures: drawn once, on the academy record, printed on certificates."""

import io

import pytest
from PIL import Image

from academies.models import Academy
from demo.content import ContentError
from demo.loaders import academies, academy_artwork, accounts


@pytest.mark.django_db
def test_every_demo_academy_gets_an_emblem_and_signatures_once():
    out = io.StringIO()
    accounts.load(out)
    academies.load(out)
    assert academy_artwork.load(out) > 0
    for academy in Academy.objects.filter(short_code__in=["JSJA", "CJA", "NJA"]):
        assert academy.logo is not None and academy.logo.collection_id == academy.collection_id
        with academy.logo.file.open("rb") as handle:
            assert Image.open(handle).size == (360, 360)
        for signatory in academy.signatories.all():
            assert signatory.signature is not None and signatory.signature.title.startswith("Signature of")
    assert academy_artwork.load(out) == 0  # a second run draws nothing


def test_the_same_name_draws_the_same_signature_and_the_file_is_checked(tmp_path):
    assert academy_artwork.draw_signature("Dr. Meera Iyer", "#1b2a6b") == academy_artwork.draw_signature(
        "Dr. Meera Iyer", "#1b2a6b"
    )
    assert academy_artwork.draw_signature("Dr. Meera Iyer", "#1b2a6b") != academy_artwork.draw_signature(
        "Prof. S. Krishnan", "#1b2a6b"
    )
    (tmp_path / academy_artwork.FILE).write_text(
        "academies:\n- short_code: JSJA\n  colour: navy\n  accent: '#b8860b'\n  ink: '#1b2a6b'\n", encoding="utf-8"
    )
    with pytest.raises(ContentError, match="colour: use a colour like"):
        academy_artwork.read(tmp_path)
