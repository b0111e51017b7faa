import queue
import threading


def process_all(items, handle, workers=4):
    """Handle every item with a team of `workers` threads fed by a queue.

    Return the results in the order of items; an exception raised by handle() becomes that item's result.
    """
    # TODO: replace this one-at-a-time loop with a queue and worker threads
    results = []
    for item in items:
        results.append(handle(item))
    return results
