import threading

from solution import Counter


def hammer(target, threads=8):
    barrier = threading.Barrier(threads)

    def run():
        barrier.wait()  # start all threads at the same moment
        target()

    workers = [threading.Thread(target=run) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()


def test_starts_at_zero():
    """A new counter has value 0."""
    assert Counter().value == 0


def test_single_thread():
    """Increments and additions from one thread add up."""
    c = Counter()
    for _ in range(10):
        c.increment()
    c.add(5)
    assert c.value == 15


def test_concurrent_increments():
    """8 threads x 1,000 increments give exactly 8,000."""
    c = Counter()

    def work():
        for _ in range(1000):
            c.increment()

    hammer(work)
    assert c.value == 8000, f"lost {8000 - c.value} increments"


def test_concurrent_mixed_updates():
    """increment() and add() racing each other lose nothing."""
    c = Counter()

    def work():
        for _ in range(500):
            c.increment()
            c.add(2)

    hammer(work)
    assert c.value == 8 * 500 * 3, f"expected 12000, got {c.value}"


def test_counters_are_independent():
    """Two counters don't share their values."""
    a, b = Counter(), Counter()
    a.increment()
    b.add(10)
    assert (a.value, b.value) == (1, 10)
