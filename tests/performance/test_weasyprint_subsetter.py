"""WeasyPrint must subset fonts with HarfBuzz, not fall back to its slow fontTools subsetter.

WeasyPrint 70 loads libharfbuzz-subset with `allow_fail=True` (weasyprint/text/ffi.py) and, in
`weasyprint.pdf.fonts.Font.subset`, uses it only when `harfbuzz_subset` loaded and HarfBuzz is
at least 4.1.0; otherwise it logs a warning and calls `_fonttools_subset`, which makes a
one-page certificate about ten times slower. `make run` and `make test` install
`libharfbuzz-subset0`; these tests fail when it is missing or too old.
"""

import logging

import pytest
from weasyprint.pdf import fonts as weasyprint_fonts
from weasyprint.text import ffi

from core.pdf import render_pdf


def test_harfbuzz_subset_library_is_loaded_and_new_enough():
    assert ffi.harfbuzz_subset is not None, "libharfbuzz-subset is missing: apt-get install libharfbuzz-subset0"
    assert ffi.harfbuzz.hb_version_atleast(4, 1, 0), "HarfBuzz is older than 4.1.0: WeasyPrint would use fontTools"
    # The same module-level names WeasyPrint's Font.subset checks.
    assert weasyprint_fonts.harfbuzz_subset is ffi.harfbuzz_subset


def test_rendering_a_pdf_never_uses_the_fonttools_subsetter(monkeypatch, caplog):
    used = []
    original = weasyprint_fonts.Font._harfbuzz_subset

    def fonttools_subset(self, *args, **kwargs):
        used.append(self.family)
        pytest.fail(f"WeasyPrint fell back to the fontTools subsetter for {self.family!r}")

    def harfbuzz_subset(self, *args, **kwargs):
        used.append("harfbuzz")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(weasyprint_fonts.Font, "_fonttools_subset", fonttools_subset)
    monkeypatch.setattr(weasyprint_fonts.Font, "_harfbuzz_subset", harfbuzz_subset)
    html = (
        "<html><head><title>Subset check</title><style>"
        "@font-face { font-family: Noto; src: url('/static/core/fonts/NotoSans-Regular.ttf'); }"
        "body { font-family: Noto; }</style></head><body><p>Certificate of Attendance</p></body></html>"
    )
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        pdf = render_pdf(html)
    assert pdf.startswith(b"%PDF")
    assert "harfbuzz" in used, "no font was subset at all, so the check proved nothing"
    assert not [r for r in caplog.records if "fontTools" in r.getMessage()]
