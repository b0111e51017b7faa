import time


class Counter:
    def __init__(self):
        self.value = 0

    def increment(self):
        current = self.value
        time.sleep(0)  # other work happens here; another thread may run
        self.value = current + 1

    def add(self, n):
        current = self.value
        time.sleep(0)
        self.value = current + n
