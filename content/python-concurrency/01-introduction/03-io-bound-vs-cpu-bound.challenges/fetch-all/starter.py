def fetch_all(urls, fetch):
    """Call fetch(url) for every URL, concurrently, and return the results in the order of urls."""
    results = []
    for url in urls:
        results.append(fetch(url))
    return results
