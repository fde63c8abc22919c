#include "testutil.h"

#include <Stratus/datastore.h>

#include <QtCore/qprocess.h>
#include <QtCore/qrandom.h>
#include <QtCore/qtemporarydir.h>
#include <QtCore/quuid.h>
#include <QtSql/qsqldatabase.h>
#include <QtSql/qsqlquery.h>
#include <QtTest/qtest.h>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace Stratus;
using StratusTest::await;

namespace {

Schema schema()
{
    return *Schema::fromGraphQL(
        u"type Todo @model { id: ID! name: String! rank: Int tags: [String] }"_s);
}

QStringList column(const QString &path, const QString &sql)
{
    QStringList values;
    const QString name = u"check-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql)) {
                while (query.next())
                    values.append(query.value(0).toString());
            } else {
                values.append(u"query failed"_s);
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return values;
}

} // namespace

class tst_CrashSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secondStoreInProcessIsRefused();
    void secondProcessIsRefused();
    void killedWriterLosesNothingAcknowledged_data();
    void killedWriterLosesNothingAcknowledged();
};

void tst_CrashSafety::secondStoreInProcessIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"db.sqlite"_s);
    DataStore first(schema(), path);
    QVERIFY(await(first.save(first.create(u"Todo"_s, {{u"name"_s, u"a"_s}}))));
    DataStore second(schema(), path);
    const auto refused = await(second.save(second.create(u"Todo"_s, {{u"name"_s, u"b"_s}})));
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind(), Error::Kind::State);
    QVERIFY2(refused.error().message().contains(u"already open"_s),
             qPrintable(refused.error().message()));
    QVERIFY(
        refused.error().message().contains(QString::number(QCoreApplication::applicationPid())));
    // The first store goes on; once it is gone the second may open the file.
    QVERIFY(await(first.save(first.create(u"Todo"_s, {{u"name"_s, u"c"_s}}))));
    QVERIFY(await(first.stop()));
    QVERIFY(await(second.save(second.create(u"Todo"_s, {{u"name"_s, u"d"_s}}))));
    QCOMPARE(await(second.query(u"Todo"_s)).value().items.size(), 3);
}

void tst_CrashSafety::secondProcessIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"db.sqlite"_s);
    QProcess holder;
    holder.start(QStringLiteral(STRATUS_STORE_HELPER), {path, u"hold"_s});
    QVERIFY(holder.waitForStarted(5000));
    QVERIFY(holder.waitForReadyRead(10000));
    QCOMPARE(holder.readLine().trimmed(), QByteArray("ready"));

    DataStore store(schema(), path);
    const auto refused = await(store.query(u"Todo"_s));
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind(), Error::Kind::State);
    QVERIFY(refused.error().message().contains(QString::number(holder.processId())));

    // A holder that is killed leaves a stale lock, which does not stop the next store.
    ::kill(pid_t(holder.processId()), SIGKILL);
    QVERIFY(holder.waitForFinished(5000));
    const auto opened = await(store.query(u"Todo"_s));
    QVERIFY2(opened, qPrintable(opened.error().toString()));
    QCOMPARE(opened.value().items.size(), 1);
}

void tst_CrashSafety::killedWriterLosesNothingAcknowledged_data()
{
    QTest::addColumn<int>("killAfterMs");
    const quint32 seed = qEnvironmentVariableIsSet("STRATUS_TEST_SEED")
        ? quint32(qEnvironmentVariableIntValue("STRATUS_TEST_SEED"))
        : 977u;
    QRandomGenerator random(seed);
    for (int i = 0; i < 24; ++i) {
        const int delay = 20 + int(random.bounded(300));
        QTest::addRow("seed %u, kill after %d ms", seed, delay) << delay;
    }
}

void tst_CrashSafety::killedWriterLosesNothingAcknowledged()
{
    QFETCH(int, killAfterMs);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"db.sqlite"_s);
    QProcess writer;
    writer.start(QStringLiteral(STRATUS_STORE_HELPER), {path, u"write"_s});
    QVERIFY(writer.waitForStarted(5000));
    QTest::qWait(killAfterMs);
    ::kill(pid_t(writer.processId()), SIGKILL);
    QVERIFY(writer.waitForFinished(5000));
    QStringList acknowledged;
    for (const QByteArray &line : writer.readAllStandardOutput().split('\n')) {
        if (!line.trimmed().isEmpty())
            acknowledged.append(QString::fromLatin1(line.trimmed()));
    }
    // An id is printed only after its save committed, so the last line is always complete.
    qInfo("%lld saves acknowledged before SIGKILL", qlonglong(acknowledged.size()));

    QCOMPARE(column(path, u"PRAGMA integrity_check"_s), QStringList{u"ok"_s});
    // Killed before the store made its tables (a slow start): nothing was acknowledged either.
    if (column(path, u"SELECT name FROM sqlite_master WHERE name = 'Todo'"_s).isEmpty()) {
        QVERIFY(acknowledged.isEmpty());
        return;
    }
    const QStringList stored = column(path, u"SELECT id FROM Todo"_s);
    const QStringList queued = column(
        path,
        u"SELECT json_extract(model_key, '$[0]') FROM _stratus_outbox WHERE operation = 'Create'"_s);
    const QSet<QString> storedSet(stored.cbegin(), stored.cend());
    const QSet<QString> queuedSet(queued.cbegin(), queued.cend());
    for (const QString &id : std::as_const(acknowledged)) {
        QVERIFY2(storedSet.contains(id), qPrintable(u"acknowledged %1 is not stored"_s.arg(id)));
        QVERIFY2(queuedSet.contains(id),
                 qPrintable(u"acknowledged %1 has no outbox row"_s.arg(id)));
    }
    // Data and outbox were written together: neither has a row the other lacks.
    QCOMPARE(queuedSet, storedSet);
    QCOMPARE(queued.size(), stored.size());

    // The store reopens (the killed writer's lock is stale) and carries on.
    DataStore store(schema(), path);
    const auto all = await(store.query(u"Todo"_s));
    QVERIFY2(all, qPrintable(all.error().toString()));
    QCOMPARE(all.value().items.size(), stored.size());
    QCOMPARE(await(store.pendingChangeCount()).value(), int(stored.size()));
}

QTEST_MAIN(tst_CrashSafety)
#include "tst_crashsafety.moc"
