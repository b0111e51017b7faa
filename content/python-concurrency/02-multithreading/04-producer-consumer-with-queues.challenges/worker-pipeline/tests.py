import threading
import time

from solution import process_all


def test_results_in_order():
    """Results come back in the order of the items."""
    assert process_all(range(20), lambda n: n * n, workers=3) == [n * n for n in range(20)]


def test_empty_input():
    """No items give an empty list."""
    assert process_all([], str) == []


def test_runs_in_parallel():
    """Twelve 0.1 s jobs on four workers take about 0.3 s, not 1.2 s."""
    start = time.perf_counter()
    process_all(range(12), lambda n: time.sleep(0.1), workers=4)
    elapsed = time.perf_counter() - start
    assert elapsed < 0.8, f"took {elapsed:.2f} s"


def test_never_more_than_workers_at_once():
    """At most `workers` items are handled at the same time, and all workers take part."""
    running = 0
    peak = 0
    lock = threading.Lock()

    def handle(n):
        nonlocal running, peak
        with lock:
            running += 1
            peak = max(peak, running)
        time.sleep(0.05)
        with lock:
            running -= 1
        return n

    assert process_all(range(15), handle, workers=3) == list(range(15))
    assert peak == 3, f"peak concurrency was {peak}, expected 3"


def test_exceptions_become_results():
    """A failing item yields its exception and doesn't stop the other items."""
    results = process_all(["1", "x", "3"], int, workers=2)
    assert results[0] == 1 and results[2] == 3
    assert isinstance(results[1], ValueError)


def test_each_item_handled_once():
    """Every item is handled exactly once."""
    seen = []
    lock = threading.Lock()

    def handle(n):
        with lock:
            seen.append(n)
        return n

    process_all(range(50), handle, workers=5)
    assert sorted(seen) == list(range(50))


def test_no_threads_left_running():
    """All worker threads have finished when process_all returns."""
    before = threading.active_count()
    process_all(range(8), lambda n: n, workers=4)
    assert threading.active_count() == before
