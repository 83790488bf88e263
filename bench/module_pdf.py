"""The module PDF row of `make bench`: a six-lesson module rendered whole (offline_copies), judged as a
ratio to the same module's text written the plain way (bench/reference_pdf.py: headings and paragraphs in
the same fonts, no contents page, page numbers, boxes or tagging), timed alternately in one warm process.
Then the copy as a download asks for it: the first request renders and stores it, the second serves the
stored file and renders nothing (offline_copies keeps one copy per published revision).

Run on its own (no servers): `.venv/bin/python bench/module_pdf.py` measures on a copy of the bench's
national data set (built by `make bench`), migrated to the current code.
"""

import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import reference_pdf  # noqa: E402


def _six_lesson_module():
    from django.apps import apps

    CoursePage = apps.get_model("courses", "CoursePage")
    LessonPage = apps.get_model("courses", "LessonPage")
    for module in CoursePage.objects.live().order_by("path"):
        if LessonPage.objects.live().child_of(module).count() == 6:
            return module
    return None


def _plain_text(source):
    from django.utils.html import strip_tags

    from offline_copies.services.sources import with_bodies

    lessons = []
    for lesson in with_bodies(source.lessons):
        paragraphs = [" ".join(strip_tags(str(block.render())).split()) for block in lesson.body]
        lessons.append((lesson.title, [p for p in paragraphs if p]))
    return lessons


def module_pdf_times(samples=12):
    """Medians of the module render and its reference (ms), their ratio, and the two download requests."""
    from django.apps import apps

    if not apps.is_installed("offline_copies"):
        return None
    from pypdf import PdfReader

    from offline_copies import services
    from offline_copies.models import Kind, OfflineCopy

    module = _six_lesson_module()
    if module is None:
        return None
    source = services.module_source(module, Kind.MODULE_PDF)
    reference_html = reference_pdf.module_reference_html(module.title, _plain_text(source))
    for _ in range(2):  # a warm process: fonts, stylesheets and templates loaded for both
        body = services.module_pdf(source)
        reference_pdf.render_module_reference(reference_html)
    times, reference = [], []
    for _ in range(samples):
        began = time.perf_counter()
        reference_pdf.render_module_reference(reference_html)
        reference.append((time.perf_counter() - began) * 1000)
        began = time.perf_counter()
        services.module_pdf(source)
        times.append((time.perf_counter() - began) * 1000)
    times.sort()
    median, reference_median = statistics.median(times), statistics.median(reference)

    OfflineCopy.objects.filter(page_id=module.pk).delete()
    began = time.perf_counter()
    first = services.stored_copy(module, Kind.MODULE_PDF)
    first_ms = (time.perf_counter() - began) * 1000
    began = time.perf_counter()
    second = services.stored_copy(module, Kind.MODULE_PDF)
    with second.file.open("rb") as handle:
        handle.read()
    second_ms = (time.perf_counter() - began) * 1000
    rendered_once = second.pk == first.pk and second.rendered_at == first.rendered_at
    OfflineCopy.objects.filter(page_id=module.pk).delete()
    return {
        "median_ms": median,
        "p95_ms": times[max(0, int(len(times) * 0.95) - 1)],
        "reference_median_ms": reference_median,
        "ratio": median / reference_median,
        "pages": len(PdfReader(io.BytesIO(body)).pages),
        "lessons": len(source.lessons),
        "samples": samples,
        "first_request_ms": first_ms,
        "stored_request_ms": second_ms,
        "rendered_once": rendered_once,
        "load_average": os.getloadavg()[0],
    }


def main():
    import build_data

    spec = build_data.DATA_SETS["national"]
    if not spec["path"].exists():
        raise SystemExit("The national data set is not built: run `make bench` once.")
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "module-pdf.sqlite3"
        build_data.copy_database(spec["path"], copy)
        build_data.setup_django(
            {**build_data.set_environment("national", copy), "MEDIA_ROOT": str(Path(folder) / "media")}
        )
        from django.core.management import call_command

        call_command("migrate", verbosity=0)  # the offline copies' table, and any migration newer than the data set
        import report

        figure = module_pdf_times()
        print(figure)
        print("\n".join(report.module_pdf_lines({"module_pdf": figure})))


if __name__ == "__main__":
    main()
