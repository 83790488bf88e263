"""The courses part of a learner's personal-data download."""

from ..records import Enrolment


def export_personal_data(user):
    """Enrolments, lesson progress and quiz attempts, for the DPDP download (the colloquium_personal_data hook).

    Answers of an attempt still in progress are left out: its snapshot holds the correct answers."""
    enrolments = Enrolment.objects.filter(user=user).select_related("module").prefetch_related("attempts", "progress")
    data = []
    for e in enrolments:
        data.append(
            {
                "module": e.module.title,
                "enrolled_at": e.enrolled_at.isoformat(),
                "source": e.source,
                "completed_at": e.completed_at.isoformat() if e.completed_at else None,
                "minutes_spent": e.seconds_spent // 60,
                "lessons_completed": [
                    {"lesson_id": p.lesson_id, "completed_at": p.completed_at.isoformat()} for p in e.progress.all()
                ],
                "attempts": [
                    {
                        "number": a.number,
                        "status": a.status,
                        "started_at": a.started_at.isoformat(),
                        "finished_at": a.finished_at.isoformat() if a.finished_at else None,
                        "score": float(a.score) if a.score is not None else None,
                        "passed": a.passed,
                        "answers": a.answers if a.is_submitted else None,
                    }
                    for a in e.attempts.all()
                ],
            }
        )
    return {"training_modules": data}
