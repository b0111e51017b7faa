# Lectern's sandbox bootstrap. It starts inside bubblewrap before any code is known, so that a run only has to send
# its code: it lowers the rlimits, registers the stack dump the server asks for on a timeout, says it is ready, reads
# "<length>\n<code>" from stdin, writes the code to main.py and runs it as __main__. The rest of stdin is the learner's.
# Running from a file, not "python -c", lets multiprocessing's spawn and forkserver start methods find __main__.
import faulthandler
import os
import resource
import sys

# The public signal module imports enum, which costs every run about 7 ms of CPU; _signal has the same constant.
from _signal import SIGUSR1

READY = b"lectern:ready\n"


def lower_limits(open_files, file_size, cpu_seconds, processes):
    for kind, value in (
        (resource.RLIMIT_NOFILE, open_files),
        (resource.RLIMIT_FSIZE, file_size),
        (resource.RLIMIT_CPU, cpu_seconds),
        (resource.RLIMIT_NPROC, processes),
        (resource.RLIMIT_CORE, 0),
    ):
        if value >= 0:  # -1: leave this limit as it is (the unsandboxed mode, under a shared uid)
            resource.setrlimit(kind, (value, value))


def read_exactly(count):
    data = bytearray()
    while len(data) < count:
        chunk = os.read(0, count - len(data))
        if not chunk:
            sys.exit(0)  # the server gave up on this sandbox before sending code
        data += chunk
    return bytes(data)


def read_length():
    # One byte at a time: a buffered read could swallow the learner's input that follows the code.
    digits = bytearray()
    while True:
        byte = read_exactly(1)
        if byte == b"\n":
            return int(digits)
        digits += byte


def run(path, source):
    main = type(sys)("__main__")
    main.__file__ = path
    sys.modules["__main__"] = main
    sys.argv = [path]
    sys.path[0] = os.path.dirname(path)
    try:
        exec(compile(source, path, "exec"), main.__dict__)
    except SystemExit:
        raise
    except BaseException as error:
        # Leave out this file's frame, so the traceback starts in the learner's code as it would under plain python.
        error = error.with_traceback(error.__traceback__.tb_next)
        sys.excepthook(type(error), error, error.__traceback__)
        sys.exit(1)


def start():
    try:
        # A process group of its own, so the unsandboxed mode can kill what the program started. In bubblewrap the
        # interpreter leads its session already, and this fails harmlessly.
        os.setsid()
    except OSError:
        pass
    workdir = sys.argv[1]
    lower_limits(*(int(arg) for arg in sys.argv[2:6]))
    faulthandler.register(SIGUSR1, all_threads=True)
    os.write(1, READY)
    source = read_exactly(read_length())
    path = os.path.join(workdir, "main.py")
    with open(path, "wb") as main_file:
        main_file.write(source)
    # PYTHONUNBUFFERED makes print() write its text and its newline apart, so two processes or threads printing at
    # once could mix their lines ("Thread startingProcess starting"). Line buffering, as in a terminal, hands each
    # line to the kernel whole, still the moment it is complete; forked children inherit it.
    for stream in (sys.stdout, sys.stderr):
        stream.reconfigure(line_buffering=True, write_through=False)
    run(path, source)


start()
