"""What the personal-data download holds from this app: which events' feedback the person gave (not
what they said, which is not kept with them) and their knowledge test scores."""

from django.utils.translation import gettext as _

from ..models import FeedbackReceipt, KnowledgeTestTake


def personal_data(user):
    answered = FeedbackReceipt.objects.filter(user=user).select_related("page").order_by("page__title")
    takes = KnowledgeTestTake.objects.filter(registration__user=user).select_related("registration__page")
    return {
        "feedback": {
            "events_answered": [receipt.page.title for receipt in answered],
            "note": _("Your feedback answers are stored without your name, so they cannot be found from your account."),
            "knowledge_tests": [
                {
                    "event": take.registration.page.title,
                    "stage": take.get_stage_display(),
                    "correct": take.correct,
                    "total": take.total,
                    "taken_at": take.taken_at.isoformat(),
                }
                for take in takes.order_by("taken_at")
            ],
        }
    }
