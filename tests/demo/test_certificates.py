import io

import pytest

from certificates.models import Certificate, CertificateTemplate
from demo.loaders import certificates as certificates_demo


@pytest.mark.django_db
def test_demo_loader_is_idempotent():
    out = io.StringIO()
    first = certificates_demo.load(out)
    assert CertificateTemplate.objects.filter(kind="attendance").exists()
    assert CertificateTemplate.objects.filter(kind="completion").exists()
    count = Certificate.objects.count()
    assert certificates_demo.load(out) == 0 and first >= 2
    assert Certificate.objects.count() == count
