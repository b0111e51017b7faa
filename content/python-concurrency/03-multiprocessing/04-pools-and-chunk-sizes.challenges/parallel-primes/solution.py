import multiprocessing


def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    factor = 3
    while factor * factor <= n:
        if n % factor == 0:
            return False
        factor += 2
    return True


def count_in_range(bounds):
    low, high = bounds
    return sum(1 for n in range(low, high) if is_prime(n))


def count_primes(limit, processes=2):
    """Count the primes below limit, using a pool of worker processes."""
    if limit <= 0:
        return 0
    chunks = processes * 8
    step = max(1, -(-limit // chunks))  # ceiling division
    ranges = [(low, min(low + step, limit)) for low in range(0, limit, step)]
    with multiprocessing.Pool(processes) as pool:
        return sum(pool.map(count_in_range, ranges))
