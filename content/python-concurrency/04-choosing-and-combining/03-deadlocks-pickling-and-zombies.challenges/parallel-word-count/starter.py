import string
from collections import Counter
from concurrent.futures import ProcessPoolExecutor


def count_words(texts, workers=2):
    """Count lowercased, punctuation-stripped words across texts, one text per worker task."""

    def count_one(text):
        words = (token.strip(string.punctuation).lower() for token in text.split())
        return Counter(word for word in words if word)

    total = Counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for partial in pool.map(count_one, texts):
            total.update(partial)
    return total
