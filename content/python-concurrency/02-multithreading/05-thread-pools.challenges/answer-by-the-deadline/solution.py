from concurrent.futures import ThreadPoolExecutor, wait


def gather_with_timeout(calls, timeout):
    """Run all calls concurrently; return results, exceptions or None (still running) in order."""
    if not calls:
        return []
    pool = ThreadPoolExecutor(max_workers=len(calls))
    futures = [pool.submit(call) for call in calls]
    done, _ = wait(futures, timeout=timeout)
    pool.shutdown(wait=False, cancel_futures=True)
    results = []
    for future in futures:
        if future not in done:
            results.append(None)
        elif future.exception() is not None:
            results.append(future.exception())
        else:
            results.append(future.result())
    return results
