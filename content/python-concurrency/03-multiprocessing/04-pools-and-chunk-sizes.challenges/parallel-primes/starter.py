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


def count_primes(limit, processes=2):
    """Count the primes below limit, using a pool of worker processes."""
    # TODO: split range(limit) into chunks and count them in a process pool
    return sum(1 for n in range(limit) if is_prime(n))
