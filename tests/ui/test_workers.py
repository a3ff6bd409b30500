from __future__ import annotations

import threading

from ui.workers import Job
from vault.errors import OperationCancelledError, WrongPassphraseError


def test_success_runs_off_the_ui_thread_and_reports_progress(qtbot):
    threads: list[threading.Thread] = []
    progress: list[tuple[int, int]] = []

    def work(report, cancel):
        threads.append(threading.current_thread())
        for i in range(1, 4):
            report(i, 3)
        return 42

    job = Job(work, min_interval=0.0)
    job.on_progress(lambda d, t: progress.append((d, t)))
    with qtbot.waitSignal(job.succeeded, timeout=5000) as blocker:
        job.start()
    assert blocker.args == [42]
    assert threads[0] is not threading.main_thread()
    assert progress[-1] == (3, 3)
    assert not job.is_running


def test_failure_carries_the_exception(qtbot):
    def work(report, cancel):
        raise WrongPassphraseError()

    job = Job(work)
    with qtbot.waitSignal(job.failed, timeout=5000) as blocker:
        job.start()
    assert isinstance(blocker.args[0], WrongPassphraseError)


def test_cancel_is_seen_by_the_function(qtbot):
    started = threading.Event()

    def work(report, cancel):
        started.set()
        if not cancel.wait(5):
            return "not cancelled"
        raise OperationCancelledError()

    job = Job(work)
    with qtbot.waitSignal(job.cancelled, timeout=5000):
        job.start()
        assert started.wait(5)
        job.cancel()


def test_progress_is_throttled(qtbot):
    seen: list[int] = []

    def work(report, cancel):
        for i in range(1, 10_001):
            report(i, 10_000)

    job = Job(work, min_interval=10.0).on_progress(lambda d, t: seen.append(d))
    with qtbot.waitSignal(job.finished, timeout=5000):
        job.start()
    assert seen[-1] == 10_000
    assert len(seen) <= 3
