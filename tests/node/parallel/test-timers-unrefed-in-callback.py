"""Port of test/parallel/test-timers-unrefed-in-callback.js.

Checks that setInterval timers keep running even when they're unrefed within their
callback.
"""

from nodenet_uv import net, run
from nodenet_uv.testing import common
from nodenet_uv.timers import clearInterval, setInterval


def test_unrefed_in_callback() -> None:
    counter1 = 0
    counter2 = 0

    # Test1 checks that clearInterval works as expected for a timer unrefed within its
    # callback: it removes the timer and its callback is not called anymore. Note that
    # the only reason why this test is robust is that:
    # 1. the repeated timer it creates has a delay of 1ms
    # 2. when this test is completed, another test starts that creates a new repeated
    #    timer with the same delay (1ms)
    # 3. because of the way timers are implemented in libuv, if two repeated timers have
    #    the same due time, and if the one that was created last is scheduled first, then
    #    the other one is removed from the list of timers.
    # This means that a "wrong" repeated timer (that isn't removed by clearInterval) will
    # not be called again.

    def Test1():
        # Server only for maintaining event loop
        server = net.createServer().listen(0)

        def cb():
            nonlocal counter1
            timer1.unref()
            if counter1 == 3:
                counter1 += 1
                clearInterval(timer1)
                server.close(lambda *a: Test2())
            else:
                counter1 += 1

        timer1 = setInterval(common.mustCall(cb, 4), 1)

    # Test2 checks setInterval continues even if it is unrefed within timer callback.
    # counter2 increases after every interval invocation. If it increments to 4, the
    # test passes.
    def Test2():
        server = net.createServer().listen(0)

        def cb():
            nonlocal counter2
            timer2.unref()
            if counter2 == 3:
                counter2 += 1
                server.close()
            else:
                counter2 += 1

        timer2 = setInterval(cb, 1)

    Test1()
    run()
