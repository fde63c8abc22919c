#include <Stratus/datastore.h>

#include <QtCore/qcoreapplication.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qtemporarydir.h>
#include <QtCore/qtextstream.h>
#include <QtCore/qthread.h>
#include <QtCore/quuid.h>
#include <QtSql/qsqldatabase.h>
#include <QtSql/qsqlerror.h>
#include <QtSql/qsqlquery.h>

using namespace Qt::StringLiterals;
using namespace Stratus;

namespace {

template<typename T>
T await(QFuture<T> future)
{
    while (!future.isFinished()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
        QThread::yieldCurrentThread();
    }
    return future.result();
}

QString nameOf(int i)
{
    return u"todo %1"_s.arg(QString::number(i).rightJustified(6, u'0'));
}

// What a hand-written QtSql app with the same guarantees does per save: one transaction with
// the row and an outbox entry, in WAL mode with synchronous=NORMAL.
double rawInserts(const QString &path, int count)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
    db.setDatabaseName(path);
    db.open();
    QSqlQuery query(db);
    query.exec(u"PRAGMA journal_mode=WAL"_s);
    query.exec(u"PRAGMA synchronous=NORMAL"_s);
    query.exec(u"CREATE TABLE Todo (id TEXT PRIMARY KEY, name TEXT, rank INTEGER, done INTEGER, "
               u"createdAt TEXT, updatedAt TEXT, _version INTEGER, _lastChangedAt INTEGER, "
               u"_deleted INTEGER NOT NULL DEFAULT 0)"_s);
    query.exec(u"CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, model TEXT, "
               u"operation TEXT, model_key TEXT, data TEXT, condition TEXT, created_at INTEGER)"_s);
    QSqlQuery insert(db);
    insert.prepare(
        u"INSERT INTO Todo (id, name, rank, done, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)"_s);
    QSqlQuery outbox(db);
    outbox.prepare(u"INSERT INTO outbox (model, operation, model_key, data, condition, created_at) "
                   u"VALUES ('Todo', 'Create', ?, ?, '{}', 0)"_s);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < count; ++i) {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        db.transaction();
        insert.addBindValue(id);
        insert.addBindValue(nameOf(i));
        insert.addBindValue(i % 100);
        insert.addBindValue(i % 2);
        insert.addBindValue(u"2024-01-01T00:00:00.000Z"_s);
        insert.addBindValue(u"2024-01-01T00:00:00.000Z"_s);
        insert.exec();
        outbox.addBindValue(u"[\"%1\"]"_s.arg(id));
        outbox.addBindValue(u"{\"id\":\"%1\",\"name\":\"%2\"}"_s.arg(id, nameOf(i)));
        outbox.exec();
        db.commit();
    }
    const double ms = timer.nsecsElapsed() / 1e6;
    insert.finish();
    outbox.finish();
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"raw"_s);
    return ms;
}

double rawQuery(const QString &path, int repeats)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"rawq"_s);
    db.setDatabaseName(path);
    db.open();
    double ms = 0;
    {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        query.prepare(
            u"SELECT id, name, rank, done, createdAt, updatedAt, _version, _lastChangedAt "
            u"FROM Todo WHERE _deleted = 0 AND (rank >= ? AND done = ?) ORDER BY name DESC, id "
            u"LIMIT 101 OFFSET 0"_s);
        QElapsedTimer timer;
        timer.start();
        for (int r = 0; r < repeats; ++r) {
            query.addBindValue(50);
            query.addBindValue(1);
            query.exec();
            int rows = 0;
            while (query.next() && rows < 100) {
                QVariantMap row;
                for (int c = 0; c < 8; ++c)
                    row.insert(QString::number(c), query.value(c));
                ++rows;
            }
        }
        ms = timer.nsecsElapsed() / 1e6;
    }
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"rawq"_s);
    return ms;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 5000;
    const int repeats = 200;
    QTemporaryDir dir;
    QTextStream out(stdout);

    Error error;
    const auto schema = Schema::fromGraphQL(
        u"type Todo @model { id: ID! name: String! rank: Int done: Boolean }"_s, {}, &error);
    if (!schema) {
        out << error.toString() << '\n';
        return 1;
    }

    const double raw = rawInserts(dir.filePath(u"raw.sqlite"_s), count);

    DataStore store(*schema, dir.filePath(u"stratus.sqlite"_s));
    await(store.start());
    QElapsedTimer timer;
    timer.start();
    QFuture<Result<Record>> last;
    for (int i = 0; i < count; ++i)
        last = store.save(store.create(
            u"Todo"_s, {{u"name"_s, nameOf(i)}, {u"rank"_s, i % 100}, {u"done"_s, i % 2 == 1}}));
    const bool ok = bool(await(last));
    const double stratus = timer.nsecsElapsed() / 1e6;

    out << "saves: " << count << " records, each its own transaction with its outbox row\n";
    out << "  raw QtSql:       " << QString::number(raw, 'f', 1) << " ms ("
        << QString::number(count / raw * 1000, 'f', 0) << " saves/s)\n";
    out << "  Stratus save():  " << QString::number(stratus, 'f', 1) << " ms ("
        << QString::number(count / stratus * 1000, 'f', 0) << " saves/s)" << (ok ? "" : " FAILED")
        << '\n';
    out << "  ratio Stratus/raw: " << QString::number(stratus / raw, 'f', 2) << '\n';

    const Predicate predicate = field(u"rank"_s).ge(50) && field(u"done"_s).eq(true);
    const QueryOptions options{{{u"name"_s, Qt::DescendingOrder}}, 0, 100};
    const double rawQ = rawQuery(dir.filePath(u"raw.sqlite"_s), repeats);
    timer.restart();
    qsizetype found = 0;
    for (int r = 0; r < repeats; ++r)
        found = await(store.query(u"Todo"_s, predicate, options)).value().items.size();
    const double stratusQ = timer.nsecsElapsed() / 1e6;
    out << "queries: " << repeats
        << " x (rank >= 50 and done, sorted by name, first page of 100) over " << count
        << " records (" << found << " items each)\n";
    out << "  raw QtSql:       " << QString::number(rawQ / repeats, 'f', 3) << " ms/query\n";
    out << "  Stratus query(): " << QString::number(stratusQ / repeats, 'f', 3) << " ms/query\n";
    out << "  ratio Stratus/raw: " << QString::number(stratusQ / rawQ, 'f', 2) << '\n';
    return ok ? 0 : 1;
}
