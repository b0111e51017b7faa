import os
import threading
import time

from solution import analyse_all


def word_lengths(text):
    return sorted(len(word) for word in text.split())


def pid_of_worker(_):
    return os.getpid()


def strict_int(text):
    return int(text)


def test_results_for_every_source():
    """Every source maps to the analysis of its fetched value."""
    texts = {"a": "one two three", "b": "four", "c": ""}
    result = analyse_all(list(texts), texts.__getitem__, word_lengths)
    assert result == {"a": [3, 3, 5], "b": [4], "c": []}


def test_fetches_overlap():
    """Eight fetches that each wait 0.3 s finish together in well under 2.4 s."""
    def slow_fetch(source):
        time.sleep(0.3)
        return source

    start = time.perf_counter()
    result = analyse_all([f"s{i}" for i in range(8)], slow_fetch, str.upper)
    elapsed = time.perf_counter() - start
    assert result == {f"s{i}": f"S{i}" for i in range(8)}
    assert elapsed < 1.5, f"took {elapsed:.2f} s; the fetches did not overlap"


def test_fetch_in_threads_of_this_process():
    """fetch runs in this process, in threads other than the caller's."""
    seen = []
    lock = threading.Lock()

    def fetch(source):
        with lock:
            seen.append((os.getpid(), threading.get_ident()))
        time.sleep(0.05)
        return source

    analyse_all(["x", "y", "z"], fetch, str.upper)
    assert {pid for pid, _ in seen} == {os.getpid()}
    assert threading.get_ident() not in {ident for _, ident in seen}


def test_analyse_in_other_processes():
    """analyse runs in worker processes, not in the calling process."""
    result = analyse_all(list(range(6)), lambda source: source, pid_of_worker)
    pids = set(result.values())
    assert os.getpid() not in pids
    assert 1 <= len(pids) <= 2


def test_failures_become_results():
    """A failing fetch or analysis maps its source to the exception; the others still succeed."""
    def fetch(source):
        if source == "down":
            raise ConnectionError("no route to host")
        return source

    result = analyse_all(["12", "down", "abc"], fetch, strict_int)
    assert result["12"] == 12
    assert isinstance(result["down"], ConnectionError)
    assert isinstance(result["abc"], ValueError)
