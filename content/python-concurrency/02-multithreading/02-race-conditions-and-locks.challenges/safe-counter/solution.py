import threading
import time


class Counter:
    def __init__(self):
        self.value = 0
        self._lock = threading.Lock()

    def increment(self):
        with self._lock:
            current = self.value
            time.sleep(0)  # other work happens here; another thread may run
            self.value = current + 1

    def add(self, n):
        with self._lock:
            current = self.value
            time.sleep(0)
            self.value = current + n
