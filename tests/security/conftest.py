def pytest_terminal_summary(terminalreporter):
    """Print the authorization matrix summary (written by test_authorization_matrix)."""
    from tests.security import test_authorization_matrix as matrix

    if matrix.SUMMARY:
        terminalreporter.section("authorization matrix")
        for line in matrix.SUMMARY:
            terminalreporter.write_line(line)
