#include <Stratus/datastore.h>

#include <QtCore/qcoreapplication.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qeventloop.h>
#include <QtCore/qfuturewatcher.h>
#include <QtCore/qtemporarydir.h>
#include <QtCore/qtextstream.h>
#include <QtCore/quuid.h>
#include <QtSql/qsqldatabase.h>
#include <QtSql/qsqlquery.h>

using namespace Qt::StringLiterals;
using namespace Stratus;

// The local store against hand-written QtSql on the same table and settings (WAL,
// synchronous=NORMAL, the same columns and index), measured in the same run:
//   bench_store [single saves = 5000] [records for batches and queries = 100000]

namespace {

template<typename T>
T await(QFuture<T> future)
{
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<T> watcher;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    return future.result();
}

const QString schemaText = uR"(
    type TodoList @model { id: ID! name: String! todos: [Todo] @hasMany(indexName: "byList", fields: ["id"]) }
    type Todo @model {
      id: ID!
      name: String!
      rank: Int @index(name: "byRank")
      done: Boolean
      listID: ID @index(name: "byList")
      list: TodoList @belongsTo(fields: ["listID"])
    }
)"_s;

class Raw
{
public:
    explicit Raw(const QString &path)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
        db.setDatabaseName(path);
        db.open();
        QSqlQuery query(db);
        query.exec(u"PRAGMA journal_mode=WAL"_s);
        query.exec(u"PRAGMA synchronous=NORMAL"_s);
        query.exec(
            u"CREATE TABLE TodoList (id TEXT PRIMARY KEY NOT NULL, name TEXT, createdAt TEXT, "
            u"updatedAt TEXT, _version INTEGER, _lastChangedAt INTEGER, _deleted INTEGER NOT NULL DEFAULT 0)"_s);
        query.exec(u"CREATE TABLE Todo (id TEXT PRIMARY KEY NOT NULL, name TEXT, rank INTEGER, "
                   u"done INTEGER, "
                   u"listID TEXT, createdAt TEXT, updatedAt TEXT, _version INTEGER, _lastChangedAt "
                   u"INTEGER, "
                   u"_deleted INTEGER NOT NULL DEFAULT 0)"_s);
        query.exec(u"CREATE INDEX Todo_byRank ON Todo (rank)"_s);
        query.exec(u"CREATE INDEX Todo_byList ON Todo (listID)"_s);
    }
    ~Raw()
    {
        QSqlDatabase::database(u"raw"_s).close();
        QSqlDatabase::removeDatabase(u"raw"_s);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(u"raw"_s); }

    void insert(QSqlQuery &statement, int i, const QString &list)
    {
        statement.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
        statement.addBindValue(u"todo %1"_s.arg(i));
        statement.addBindValue(i % 100);
        statement.addBindValue(i % 2);
        statement.addBindValue(list);
        statement.addBindValue(u"2024-01-01T00:00:00.000Z"_s);
        statement.addBindValue(u"2024-01-01T00:00:00.000Z"_s);
        statement.exec();
    }
    QSqlQuery prepareInsert()
    {
        QSqlQuery statement(db());
        statement.prepare(u"INSERT INTO Todo (id, name, rank, done, listID, createdAt, updatedAt) "
                          u"VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
        return statement;
    }
};

double rate(int count, double ms)
{
    return count / ms * 1000.0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int singles = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 5000;
    const int records = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 100000;
    const int batchSize = 1000;
    const int lists = 100;
    QTemporaryDir dir;
    QTextStream out(stdout);
    Error error;
    const auto schema = Schema::fromGraphQL(schemaText, {}, &error);
    if (!schema) {
        out << error.toString() << '\n';
        return 1;
    }
    QElapsedTimer timer;

    // Raw QtSql: autocommit single inserts, then batches of batchSize in one transaction each.
    Raw raw(dir.filePath(u"raw.sqlite"_s));
    QStringList listIds;
    {
        QSqlQuery list(raw.db());
        list.prepare(u"INSERT INTO TodoList (id, name) VALUES (?, ?)"_s);
        for (int i = 0; i < lists; ++i) {
            listIds.append(QUuid::createUuid().toString(QUuid::WithoutBraces));
            list.addBindValue(listIds.last());
            list.addBindValue(u"list %1"_s.arg(i));
            list.exec();
        }
    }
    QSqlQuery insert = raw.prepareInsert();
    timer.start();
    for (int i = 0; i < singles; ++i)
        raw.insert(insert, i, listIds.at(i % lists));
    const double rawSingle = timer.nsecsElapsed() / 1e6;
    timer.restart();
    for (int i = 0; i < records; i += batchSize) {
        raw.db().transaction();
        for (int j = i; j < std::min(records, i + batchSize); ++j)
            raw.insert(insert, j, listIds.at(j % lists));
        raw.db().commit();
    }
    const double rawBatched = timer.nsecsElapsed() / 1e6;
    insert.finish();

    // Stratus: single saves (each a transaction with its outbox row), then saveAll batches.
    DataStore store(*schema, dir.filePath(u"stratus.sqlite"_s));
    await(store.start());
    QList<Record> listRecords;
    for (int i = 0; i < lists; ++i)
        listRecords.append(store.create(
            u"TodoList"_s, {{u"id"_s, listIds.at(i)}, {u"name"_s, u"list %1"_s.arg(i)}}));
    await(store.saveAll(listRecords));
    auto todo = [&](int i) {
        return store.create(u"Todo"_s,
                            {{u"name"_s, u"todo %1"_s.arg(i)},
                             {u"rank"_s, i % 100},
                             {u"done"_s, i % 2 == 1},
                             {u"listID"_s, listIds.at(i % lists)}});
    };
    timer.restart();
    QFuture<Result<Record>> last;
    for (int i = 0; i < singles; ++i)
        last = store.save(todo(i));
    const bool singlesOk = bool(await(last));
    const double stratusSingle = timer.nsecsElapsed() / 1e6;
    timer.restart();
    bool batchesOk = true;
    for (int i = 0; i < records; i += batchSize) {
        QList<Record> batch;
        for (int j = i; j < std::min(records, i + batchSize); ++j)
            batch.append(todo(j));
        batchesOk = bool(await(store.saveAll(batch))) && batchesOk;
    }
    const double stratusBatched = timer.nsecsElapsed() / 1e6;

    out << "durable single saves (" << singles << "):\n"
        << "  raw QtSql autocommit inserts: " << qRound(rate(singles, rawSingle)) << "/s\n"
        << "  Stratus save():               " << qRound(rate(singles, stratusSingle)) << "/s"
        << (singlesOk ? "" : " FAILED") << "  ratio "
        << QString::number(rawSingle / stratusSingle, 'f', 2) << "x raw (target >= 0.5)\n";
    out << "batched saves (" << records << " in transactions of " << batchSize << "):\n"
        << "  raw QtSql:                    " << qRound(rate(records, rawBatched)) << "/s\n"
        << "  Stratus saveAll():            " << qRound(rate(records, stratusBatched)) << "/s"
        << (batchesOk ? "" : " FAILED") << "  ratio "
        << QString::number(rawBatched / stratusBatched, 'f', 2) << "x raw (target >= 0.5)\n";

    // Queries over the records (plus the singles): an indexed one and one on the parent.
    const int repeats = 50;
    auto rawQuery = [&](const QString &sql, const QVariantList &bindings) {
        QSqlQuery query(raw.db());
        query.setForwardOnly(true);
        query.prepare(sql);
        timer.restart();
        qsizetype rows = 0;
        for (int r = 0; r < repeats; ++r) {
            for (const QVariant &value : bindings)
                query.addBindValue(value);
            query.exec();
            rows = 0;
            while (query.next()) {
                QVariantMap row;
                for (int c = 0; c < 10; ++c)
                    row.insert(QString::number(c), query.value(c));
                ++rows;
            }
        }
        return std::pair{timer.nsecsElapsed() / 1e6 / repeats, rows};
    };
    auto stratusQuery = [&](const Predicate &predicate) {
        timer.restart();
        qsizetype rows = 0;
        for (int r = 0; r < repeats; ++r)
            rows = await(store.query(u"Todo"_s, predicate,
                                     {{{u"name"_s, Qt::AscendingOrder}}, 0, 100}))
                       .value()
                       .items.size();
        return std::pair{timer.nsecsElapsed() / 1e6 / repeats, rows};
    };
    const QString columns =
        u"id, name, rank, done, listID, createdAt, updatedAt, _version, _lastChangedAt, _deleted"_s;
    const auto [rawIndexed, rawIndexedRows] = rawQuery(
        u"SELECT "_s + columns
            + u" FROM Todo WHERE _deleted = 0 AND rank = ? ORDER BY name ASC, id ASC LIMIT 101"_s,
        {42});
    const auto [stratusIndexed, stratusIndexedRows] = stratusQuery(field(u"rank"_s).eq(42));
    const auto [rawParent, rawParentRows] = rawQuery(
        u"SELECT "_s + columns
            + u" FROM Todo WHERE _deleted = 0 AND EXISTS (SELECT 1 FROM TodoList p "
              u"WHERE p.id = Todo.listID AND p.name = ?) ORDER BY name ASC, id ASC LIMIT 101"_s,
        {u"list 7"_s});
    const auto [stratusParent, stratusParentRows] =
        stratusQuery(field(u"list.name"_s).eq(u"list 7"_s));
    out << "queries over " << (records + singles) << " records (first page of 100, sorted by name, "
        << repeats << " runs):\n"
        << "  indexed (rank eq 42):  raw " << QString::number(rawIndexed, 'f', 2) << " ms, Stratus "
        << QString::number(stratusIndexed, 'f', 2) << " ms, ratio "
        << QString::number(stratusIndexed / rawIndexed, 'f', 2) << "x (target <= 2)  ["
        << rawIndexedRows << "/" << stratusIndexedRows << " rows]\n"
        << "  parent (list.name eq): raw " << QString::number(rawParent, 'f', 2) << " ms, Stratus "
        << QString::number(stratusParent, 'f', 2) << " ms, ratio "
        << QString::number(stratusParent / rawParent, 'f', 2) << "x  [" << rawParentRows << "/"
        << stratusParentRows << " rows]\n";
    return singlesOk && batchesOk ? 0 : 1;
}
