import time

from solution import gather_with_timeout


def after(seconds, value):
    def call():
        time.sleep(seconds)
        return value
    return call


def fail_after(seconds):
    def call():
        time.sleep(seconds)
        raise KeyError("missing")
    return call


def test_all_fast_calls():
    """Calls that finish in time give their results, in order."""
    assert gather_with_timeout([after(0.05, "a"), after(0.01, "b")], timeout=1) == ["a", "b"]


def test_calls_run_concurrently():
    """Five 0.2 s calls finish together in well under a second."""
    start = time.perf_counter()
    results = gather_with_timeout([after(0.2, i) for i in range(5)], timeout=2)
    elapsed = time.perf_counter() - start
    assert results == [0, 1, 2, 3, 4]
    assert elapsed < 0.7, f"took {elapsed:.2f} s"


def test_slow_call_gives_none_and_returns_on_time():
    """A call still running at the deadline gives None, and the function returns at the deadline."""
    start = time.perf_counter()
    results = gather_with_timeout([after(0.05, "fast"), after(1.5, "slow")], timeout=0.4)
    elapsed = time.perf_counter() - start
    assert results == ["fast", None]
    assert elapsed < 0.9, f"returned after {elapsed:.2f} s; the timeout was 0.4 s"


def test_exception_is_returned():
    """An exception raised in time is returned in its slot, not raised."""
    results = gather_with_timeout([fail_after(0.01), after(0.01, 7)], timeout=1)
    assert isinstance(results[0], KeyError)
    assert results[1] == 7


def test_no_calls():
    """No calls, no results."""
    assert gather_with_timeout([], timeout=0.1) == []
