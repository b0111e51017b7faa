import queue
import threading

_STOP = object()


def process_all(items, handle, workers=4):
    """Handle every item with a team of `workers` threads fed by a queue.

    Return the results in the order of items; an exception raised by handle() becomes that item's result.
    """
    items = list(items)
    results = [None] * len(items)
    jobs = queue.Queue()

    def worker():
        while True:
            job = jobs.get()
            if job is _STOP:
                return
            index, item = job
            try:
                results[index] = handle(item)
            except Exception as exc:
                results[index] = exc

    threads = [threading.Thread(target=worker) for _ in range(workers)]
    for t in threads:
        t.start()
    for job in enumerate(items):
        jobs.put(job)
    for _ in threads:
        jobs.put(_STOP)
    for t in threads:
        t.join()
    return results
