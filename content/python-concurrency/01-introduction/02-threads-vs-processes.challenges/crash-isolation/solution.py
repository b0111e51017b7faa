import multiprocessing


def run_isolated(func, *args, timeout=2.0):
    """Run func(*args) in a child process and return its exit code.

    Return None, after stopping the child, if it runs longer than `timeout` seconds.
    """
    process = multiprocessing.Process(target=func, args=args)
    process.start()
    process.join(timeout)
    if process.is_alive():
        process.terminate()
        process.join()
        return None
    return process.exitcode
