import random
import threading
import time

from solution import fetch_all


def slow_fetch(url):
    time.sleep(0.2)
    return url.upper()


def test_results_in_input_order():
    """Results come back in the order of the URLs, even when later calls finish first."""
    delays = {f"u{i}": random.uniform(0.01, 0.1) for i in range(8)}

    def fetch(url):
        time.sleep(delays[url])
        return url + "!"

    urls = list(delays)
    assert fetch_all(urls, fetch) == [u + "!" for u in urls]


def test_calls_overlap():
    """Ten calls that each wait 0.2 s finish in well under a second."""
    urls = [f"https://example.com/{i}" for i in range(10)]
    start = time.perf_counter()
    results = fetch_all(urls, slow_fetch)
    elapsed = time.perf_counter() - start
    assert results == [u.upper() for u in urls]
    assert elapsed < 0.8, f"took {elapsed:.2f} s: the calls did not overlap"


def test_every_url_fetched_once():
    """Each URL is fetched exactly once."""
    seen = []
    lock = threading.Lock()

    def fetch(url):
        with lock:
            seen.append(url)
        return len(url)

    urls = ["a", "bb", "ccc", "dddd"]
    assert fetch_all(urls, fetch) == [1, 2, 3, 4]
    assert sorted(seen) == urls


def test_empty_list():
    """No URLs, no results."""
    assert fetch_all([], slow_fetch) == []
