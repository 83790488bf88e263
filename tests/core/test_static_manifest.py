"""Production serves static files through whitenoise's manifest storage: `collectstatic` must pass.

The manifest storage rewrites every `url()` of every stylesheet it collects and refuses one that
names a missing file, which would stop a deployment. A stylesheet that is not for the site (the
EPUB's own, whose fonts are files inside the book) is kept out of the static folders.
"""

from django.core.management import call_command


def test_collectstatic_with_the_production_storage_finds_every_referenced_file(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    assert (tmp_path / "staticfiles.json").exists()
    assert any(tmp_path.glob("css/site.*.css"))
