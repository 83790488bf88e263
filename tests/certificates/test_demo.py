import io

import pytest

from certificates import demo
from certificates.models import Certificate, CertificateTemplate


@pytest.mark.django_db
def test_demo_loader_is_idempotent():
    out = io.StringIO()
    first = demo.load(out)
    assert CertificateTemplate.objects.filter(kind="attendance").exists()
    assert CertificateTemplate.objects.filter(kind="completion").exists()
    count = Certificate.objects.count()
    assert demo.load(out) == 0 and first >= 2
    assert Certificate.objects.count() == count
