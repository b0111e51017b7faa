import resource

from solution import count_primes


def cpu_seconds(who):
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def test_small_limits():
    """Small limits give the right counts, including the edge cases 0, 1, 2 and 3."""
    assert [count_primes(n) for n in (0, 1, 2, 3, 10, 100)] == [0, 0, 0, 1, 4, 25]


def test_limit_not_divisible_by_chunks():
    """Limits that don't split evenly are still counted exactly."""
    assert count_primes(1_009) == 168
    assert count_primes(7_919) == 999


def test_large_limit_counted_in_child_processes():
    """count_primes(300_000) is 25,997, and most of the CPU time is spent in worker processes."""
    parent_before = cpu_seconds(resource.RUSAGE_SELF)
    children_before = cpu_seconds(resource.RUSAGE_CHILDREN)
    assert count_primes(300_000, processes=2) == 25_997
    parent = cpu_seconds(resource.RUSAGE_SELF) - parent_before
    children = cpu_seconds(resource.RUSAGE_CHILDREN) - children_before
    assert children > 2 * parent, (
        f"{parent:.2f} s of CPU in the calling process, {children:.2f} s in finished child processes: "
        "the counting should happen in the pool's workers"
    )


def test_other_pool_sizes():
    """The processes argument is honoured for other pool sizes."""
    assert count_primes(50_000, processes=3) == 5_133
    assert count_primes(50_000, processes=1) == 5_133
