#pragma once

#include <Stratus/result.h>

#include <QtCore/qfuture.h>
#include <QtTest/qtest.h>

namespace StratusTest {

// Waits for a DataStore future. Tests may block; the store's own thread does the work.
template<typename T>
T await(QFuture<T> future, int timeoutMs = 10000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!future.isFinished() && !deadline.hasExpired())
        QTest::qWait(1);
    if (!future.isFinished()) {
        qWarning("future did not finish within %d ms", timeoutMs);
        return T();
    }
    return future.result();
}

} // namespace StratusTest
