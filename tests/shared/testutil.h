#pragma once

#include <Stratus/result.h>

#include <QtCore/qeventloop.h>
#include <QtCore/qfuture.h>
#include <QtCore/qfuturewatcher.h>
#include <QtCore/qtimer.h>
#include <QtTest/qtest.h>

namespace StratusTest {

// Waits for a DataStore future while running the event loop (so queued signals, continuations
// and state changes keep flowing), waking as soon as it finishes.
template<typename T>
T await(QFuture<T> future, int timeoutMs = 10000)
{
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<T> watcher;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    if (!future.isFinished()) {
        qWarning("future did not finish within %d ms", timeoutMs);
        return T();
    }
    return future.result();
}

} // namespace StratusTest
