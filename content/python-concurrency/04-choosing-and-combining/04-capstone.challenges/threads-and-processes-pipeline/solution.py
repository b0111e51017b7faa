from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, as_completed


def analyse_all(sources, fetch, analyse, io_workers=8, cpu_workers=2):
    """Fetch every source in a thread pool, analyse each result in a process pool.

    Return {source: result}; a source whose fetch or analysis raised maps to the exception.
    """
    results = {}
    with ThreadPoolExecutor(max_workers=io_workers) as threads, \
            ProcessPoolExecutor(max_workers=cpu_workers) as processes:
        fetching = {threads.submit(fetch, source): source for source in sources}
        analysing = {}
        for done in as_completed(fetching):
            source = fetching[done]
            try:
                value = done.result()
            except Exception as exc:
                results[source] = exc
                continue
            analysing[processes.submit(analyse, value)] = source
        for done in as_completed(analysing):
            source = analysing[done]
            try:
                results[source] = done.result()
            except Exception as exc:
                results[source] = exc
    return results
