import multiprocessing
import os
import signal
import time

from solution import run_isolated


def succeed():
    pass


def fail_with_exception():
    import sys
    sys.stderr = open(os.devnull, "w")  # keep the expected traceback out of the test log
    raise ValueError("plug-in bug")


def kill_myself():
    os.kill(os.getpid(), signal.SIGKILL)


def exit_if_in_parent(parent_pid):
    os._exit(1 if os.getpid() == parent_pid else 0)


def test_success_returns_zero():
    """A function that returns normally gives exit code 0."""
    assert run_isolated(succeed) == 0


def test_os_exit_code_is_reported():
    """The value passed to os._exit() comes back as the exit code."""
    assert run_isolated(os._exit, 7) == 7


def test_exception_gives_one():
    """An unhandled exception in the child gives exit code 1 and the caller keeps running."""
    assert run_isolated(fail_with_exception) == 1


def test_signal_gives_negative_code():
    """A child killed by SIGKILL reports -9, and the caller survives."""
    assert run_isolated(kill_myself) == -signal.SIGKILL


def test_runs_in_a_separate_process():
    """The function runs in a process other than the caller's."""
    assert run_isolated(exit_if_in_parent, os.getpid()) == 0


def test_hung_child_is_stopped():
    """A child that outlives the timeout is stopped, None is returned and no child is left running."""
    start = time.monotonic()
    result = run_isolated(time.sleep, 3, timeout=0.3)
    elapsed = time.monotonic() - start
    assert result is None
    assert elapsed < 2.0, f"took {elapsed:.1f} s; the timeout was 0.3 s"
    assert multiprocessing.active_children() == []
