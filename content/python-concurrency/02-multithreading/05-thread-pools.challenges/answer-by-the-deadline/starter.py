from concurrent.futures import ThreadPoolExecutor


def gather_with_timeout(calls, timeout):
    """Run all calls concurrently; return results, exceptions or None (still running) in order."""
    with ThreadPoolExecutor() as pool:
        futures = [pool.submit(call) for call in calls]
        # TODO: stop waiting after `timeout` seconds and report exceptions instead of raising them
        return [future.result() for future in futures]
