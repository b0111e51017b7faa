import resource
from collections import Counter

from solution import count_words


def cpu_seconds(who):
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def test_counts_across_texts():
    """Words are counted across all texts, case-insensitively."""
    result = count_words(["the cat", "The dog and the cat"])
    assert result == Counter({"the": 3, "cat": 2, "dog": 1, "and": 1})


def test_punctuation_is_stripped():
    """Punctuation at either end of a token is removed; punctuation-only tokens are ignored."""
    result = count_words(['"Hello, hello!" she said -- (twice).'])
    assert result == Counter({"hello": 2, "she": 1, "said": 1, "twice": 1})


def test_returns_a_counter():
    """The result is a collections.Counter, and an empty input gives an empty one."""
    assert isinstance(count_words(["a b a"]), Counter)
    assert count_words([]) == Counter()


def test_counting_happens_in_workers():
    """Counting 16 long texts spends its CPU time in worker processes, not in the caller."""
    words = "Lorem ipsum dolor sit amet, consectetur adipiscing elit; sed do eiusmod tempor.".split()
    texts = [" ".join(words[(i + j) % len(words)] for j in range(60_000)) for i in range(16)]
    parent_before = cpu_seconds(resource.RUSAGE_SELF)
    children_before = cpu_seconds(resource.RUSAGE_CHILDREN)
    result = count_words(texts, workers=2)
    parent = cpu_seconds(resource.RUSAGE_SELF) - parent_before
    children = cpu_seconds(resource.RUSAGE_CHILDREN) - children_before
    assert sum(result.values()) == 16 * 60_000
    assert result["lorem"] == result["tempor"] == 16 * 60_000 // len(words)
    assert children > parent, f"caller used {parent:.2f} s of CPU, workers {children:.2f} s"
