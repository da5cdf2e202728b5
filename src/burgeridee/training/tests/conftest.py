import pytest


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """committed(lambda: client.post(...)): run an action and then what it left for after the commit (mail)."""

    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run
