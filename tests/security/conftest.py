"""Print the authorization matrix summary at the end of the run (also under pytest-xdist,
where the test runs in a worker: the summary travels as a user property of its report)."""

SUMMARY_PROPERTY = "authorization_matrix_summary"
_summary = []


def pytest_runtest_logreport(report):
    if report.when == "call":
        for name, value in report.user_properties:
            if name == SUMMARY_PROPERTY:
                _summary[:] = value.splitlines()


def pytest_terminal_summary(terminalreporter):
    if _summary:
        terminalreporter.section("authorization matrix")
        for line in _summary:
            terminalreporter.write_line(line)
