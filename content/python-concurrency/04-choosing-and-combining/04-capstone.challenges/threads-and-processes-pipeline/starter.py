def analyse_all(sources, fetch, analyse, io_workers=8, cpu_workers=2):
    """Fetch every source in a thread pool, analyse each result in a process pool.

    Return {source: result}; a source whose fetch or analysis raised maps to the exception.
    """
    # TODO: use a ThreadPoolExecutor for fetch and a ProcessPoolExecutor for analyse
    results = {}
    for source in sources:
        try:
            results[source] = analyse(fetch(source))
        except Exception as exc:
            results[source] = exc
    return results
