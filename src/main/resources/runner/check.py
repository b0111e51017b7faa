# Lectern's challenge check. The server runs this file as an ordinary program; its stdin starts with one JSON line:
# {"nonce": "...", "solution": "<the learner's code>", "tests": "<the hidden tests>"}. It writes the learner's code to
# solution.py and the tests to tests.py, imports the tests (which import the solution), runs every test and reports
# each one as a frame: the nonce, a space, one JSON object and a newline, written to a private copy of stdout.
#
# The nonce is fresh for every check and never shown: the server removes every frame from the output it streams.
# Whatever the learner's code prints, even an exact copy of an earlier check's frames, lacks this check's nonce and is
# shown as ordinary output. The stdin line is read whole before the learner's code runs, and stdin ends there.
#
# Frames, in order: {"plan": [names]}, then {"test": name, "doc": first docstring line, "passed": bool,
# "message": text, "ms": n} for each test, then {"done": true}. {"error": text} replaces the plan when the tests
# cannot even be loaded (the learner's code does not import).
import json
import os
import sys
import time
import traceback
import unittest

WORKDIR = os.path.dirname(os.path.abspath(__file__))


def read_header():
    line = bytearray()
    while not line.endswith(b"\n"):
        chunk = os.read(0, 1)
        if not chunk:
            break
        line += chunk
    return json.loads(line)


class Reporter:
    def __init__(self, nonce):
        # A copy of stdout made before the learner's code runs: closing or replacing sys.stdout cannot silence it.
        self._fd = os.dup(1)
        self._prefix = nonce.encode("ascii") + b" "

    def send(self, record):
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:
                pass
        data = self._prefix + json.dumps(record).encode("utf-8") + b"\n"
        while data:
            data = data[os.write(self._fd, data):]


def first_line(doc):
    return (doc or "").strip().splitlines()[0].strip() if (doc or "").strip() else ""


def describe(error):
    """A failed test's message: the assertion's own text, or the exception with where it came from."""
    frames = traceback.extract_tb(error.__traceback__)
    where = ""
    for frame in reversed(frames):
        name = os.path.basename(frame.filename)
        if name in ("solution.py", "tests.py"):
            where = " (%s, line %d)" % (name, frame.lineno)
            break
    if isinstance(error, AssertionError):
        text = str(error)
        if text:
            return text
        failing = next((f for f in reversed(frames) if os.path.basename(f.filename) == "tests.py"), None)
        return "assertion failed: " + failing.line if failing and failing.line else "assertion failed" + where
    return "%s: %s%s" % (type(error).__name__, error, where)


def function_tests(module):
    return [
        (name, value.__doc__, value)
        for name, value in vars(module).items()
        if name.startswith("test_") and callable(value) and not isinstance(value, type)
        and getattr(value, "__module__", None) == module.__name__
    ]


def case_tests(module):
    found = []
    loader = unittest.TestLoader()
    for name, value in vars(module).items():
        if isinstance(value, type) and issubclass(value, unittest.TestCase) and value.__module__ == module.__name__:
            # in the order the methods are written, as the functions are, not unittest's alphabetical one
            order = list(vars(value))
            cases = sorted(
                loader.loadTestsFromTestCase(value),
                key=lambda case: order.index(case._testMethodName) if case._testMethodName in order else len(order),
            )
            for case in cases:
                method = getattr(case, case._testMethodName)
                found.append(("%s.%s" % (name, case._testMethodName), method.__doc__, case))
    return found


class CaseResult(unittest.TestResult):
    def __init__(self):
        super().__init__()
        self.problem = None

    def addFailure(self, test, err):
        self.problem = err[1].with_traceback(err[2])

    def addError(self, test, err):
        self.problem = err[1].with_traceback(err[2])

    def addSkip(self, test, reason):
        self.problem = AssertionError("skipped: " + reason)


def run_one(test):
    if isinstance(test, unittest.TestCase):
        result = CaseResult()
        test.run(result)
        if result.problem is not None:
            raise result.problem
    else:
        test()


def main():
    header = read_header()
    reporter = Reporter(header["nonce"])
    for name, text in (("solution.py", header["solution"]), ("tests.py", header["tests"])):
        with open(os.path.join(WORKDIR, name), "w", encoding="utf-8") as f:
            f.write(text)
    del header
    sys.path.insert(0, WORKDIR)
    try:
        import tests
    except BaseException as error:
        traceback.print_exc()
        reporter.send({"error": "Your code could not be loaded: " + describe(error)})
        return
    found = function_tests(tests) + case_tests(tests)
    reporter.send({"plan": [name for name, _, _ in found]})
    for name, doc, test in found:
        started = time.perf_counter()
        try:
            run_one(test)
            record = {"passed": True, "message": ""}
        except BaseException as error:
            if isinstance(error, KeyboardInterrupt):
                raise
            record = {"passed": False, "message": describe(error)}
        record.update(test=name, doc=first_line(doc), ms=round((time.perf_counter() - started) * 1000))
        reporter.send(record)
    reporter.send({"done": True})


main()
