import threading


class Account:
    def __init__(self, balance=0):
        self.balance = balance
        self._changed = threading.Condition()

    def deposit(self, amount):
        with self._changed:
            self.balance += amount
            self._changed.notify_all()

    def withdraw(self, amount, timeout=None):
        with self._changed:
            if not self._changed.wait_for(lambda: self.balance >= amount, timeout):
                return False
            self.balance -= amount
            return True
