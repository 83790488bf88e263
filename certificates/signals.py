"""What the certificates app announces. Other apps (messaging) listen; certificates knows none of them.

`certificate_issued` is sent once for each new certificate, after the transaction that issued it
commits, with the keyword arguments `certificate` (a certificates.models.Certificate) and `replaces`
(the certificate it corrects when it is a re-issue, else None). It is not sent when issuing finds a
valid certificate already held. A listener that raises is logged and does not undo the issue.
"""

from django.dispatch import Signal

certificate_issued = Signal()
