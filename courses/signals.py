"""What the courses app announces. Other apps (certificates) listen; courses knows none of them.

`module_completed` is sent once per enrolment, after the transaction that completed
it commits, with the keyword argument `enrolment` (a courses.models.Enrolment).
Use `courses.services.completion_details(enrolment)` to read what a listener needs.
"""

from django.dispatch import Signal

module_completed = Signal()
