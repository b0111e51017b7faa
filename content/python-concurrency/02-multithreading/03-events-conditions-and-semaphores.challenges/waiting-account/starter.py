import threading


class Account:
    def __init__(self, balance=0):
        self.balance = balance
        self._lock = threading.Lock()

    def deposit(self, amount):
        with self._lock:
            self.balance += amount

    def withdraw(self, amount, timeout=None):
        # TODO: wait (up to timeout) for enough money instead of giving up at once
        with self._lock:
            if self.balance < amount:
                return False
            self.balance -= amount
            return True
