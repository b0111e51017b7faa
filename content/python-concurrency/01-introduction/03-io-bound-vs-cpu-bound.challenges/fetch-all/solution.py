import threading


def fetch_all(urls, fetch):
    """Call fetch(url) for every URL, concurrently, and return the results in the order of urls."""
    urls = list(urls)
    results = [None] * len(urls)

    def worker(index, url):
        results[index] = fetch(url)

    threads = [threading.Thread(target=worker, args=(i, url)) for i, url in enumerate(urls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results
