import threading
import time

from solution import Account


def test_simple_deposit_and_withdraw():
    """Deposits and withdrawals that need no waiting work at once."""
    a = Account(100)
    a.deposit(50)
    assert a.withdraw(120, timeout=0.1) is True
    assert a.balance == 30


def test_withdraw_waits_for_deposit():
    """A withdrawal on an empty account succeeds once a deposit arrives."""
    a = Account()
    result = []
    t = threading.Thread(target=lambda: result.append(a.withdraw(40, timeout=3)))
    t.start()
    time.sleep(0.2)
    a.deposit(25)
    time.sleep(0.1)
    a.deposit(25)
    t.join()
    assert result == [True]
    assert a.balance == 10


def test_withdraw_times_out():
    """Without enough money, withdraw() gives up after the timeout and changes nothing."""
    a = Account(5)
    start = time.monotonic()
    assert a.withdraw(10, timeout=0.3) is False
    elapsed = time.monotonic() - start
    assert 0.25 <= elapsed < 1.5, f"waited {elapsed:.2f} s for a 0.3 s timeout"
    assert a.balance == 5


def test_no_timeout_waits_as_long_as_needed():
    """timeout=None waits until the money is there."""
    a = Account()
    result = []
    t = threading.Thread(target=lambda: result.append(a.withdraw(1)))
    t.start()
    time.sleep(0.3)
    assert t.is_alive(), "withdraw(1) returned before any money arrived"
    a.deposit(1)
    t.join(2)
    assert result == [True]


def test_many_threads_no_money_lost():
    """Ten waiting withdrawals of 10 are all served by ten deposits of 10, and the balance ends at 0."""
    a = Account()
    results = []
    lock = threading.Lock()

    def take():
        ok = a.withdraw(10, timeout=3)
        with lock:
            results.append(ok)

    takers = [threading.Thread(target=take) for _ in range(10)]
    for t in takers:
        t.start()
    time.sleep(0.1)
    givers = [threading.Thread(target=a.deposit, args=(10,)) for _ in range(10)]
    for t in givers:
        t.start()
    for t in givers + takers:
        t.join()
    assert results == [True] * 10
    assert a.balance == 0
