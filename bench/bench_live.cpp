#include <Stratus/datastore.h>
#include <Stratus/datastoremodel.h>

#include <QtCore/qcoreapplication.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qeventloop.h>
#include <QtCore/qtemporarydir.h>
#include <QtCore/qtextstream.h>
#include <QtCore/quuid.h>
#include <QtSql/qsqldatabase.h>
#include <QtSql/qsqlquery.h>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Stratus;

namespace {

struct Figures
{
    double p50 = 0;
    double p99 = 0;
    double max = 0;
};

Figures figures(QList<double> samples)
{
    std::sort(samples.begin(), samples.end());
    auto at = [&](double q) { return samples.at(qsizetype(q * double(samples.size() - 1))); };
    return {at(0.50), at(0.99), samples.last()};
}

QString format(const Figures &f)
{
    return u"p50 %1 ms, p99 %2 ms, max %3 ms"_s.arg(f.p50, 0, 'f', 3)
        .arg(f.p99, 0, 'f', 3)
        .arg(f.max, 0, 'f', 3);
}

// Baseline: what the same commit costs in plain QtSql on this machine (a row and an outbox row
// in one transaction, WAL, synchronous=NORMAL), called synchronously.
QList<double> rawCommits(const QString &path, int count)
{
    QList<double> samples;
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
    db.setDatabaseName(path);
    db.open();
    {
        QSqlQuery query(db);
        query.exec(u"PRAGMA journal_mode=WAL"_s);
        query.exec(u"PRAGMA synchronous=NORMAL"_s);
        query.exec(u"CREATE TABLE Todo (id TEXT PRIMARY KEY, name TEXT, rank INTEGER)"_s);
        query.exec(u"CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, data TEXT)"_s);
        QSqlQuery insert(db);
        insert.prepare(u"INSERT INTO Todo VALUES (?, ?, ?)"_s);
        QSqlQuery outbox(db);
        outbox.prepare(u"INSERT INTO outbox (data) VALUES (?)"_s);
        QElapsedTimer timer;
        for (int i = 0; i < count; ++i) {
            timer.start();
            db.transaction();
            insert.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
            insert.addBindValue(u"todo"_s);
            insert.addBindValue(i);
            insert.exec();
            outbox.addBindValue(u"{}"_s);
            outbox.exec();
            db.commit();
            samples.append(timer.nsecsElapsed() / 1e6);
        }
    }
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"raw"_s);
    return samples;
}

} // namespace

// Latency from DataStore::save() to the observe() signal and to the DataStoreModel's
// rowsInserted signal, one save at a time, on the GUI thread's event loop.
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 10000;
    QTemporaryDir dir;
    QTextStream out(stdout);
    const auto schema =
        Schema::fromGraphQL(u"type Todo @model { id: ID! name: String! rank: Int }"_s);
    DataStore store(*schema, dir.filePath(u"live.sqlite"_s));

    QEventLoop loop;
    QElapsedTimer timer;
    QList<double> observeSamples;
    std::unique_ptr<Observation> observation(store.observe(u"Todo"_s));
    QObject::connect(observation.get(), &Observation::changed, &loop, [&] {
        observeSamples.append(timer.nsecsElapsed() / 1e6);
        loop.quit();
    });
    for (int i = 0; i < 100; ++i) { // warm up
        timer.start();
        store.save(store.create(u"Todo"_s, {{u"name"_s, u"warm"_s}, {u"rank"_s, i}}));
        loop.exec();
    }
    observeSamples.clear();
    for (int i = 0; i < count; ++i) {
        timer.start();
        store.save(store.create(u"Todo"_s, {{u"name"_s, u"todo"_s}, {u"rank"_s, i}}));
        loop.exec();
    }
    observation.reset();

    DataStoreModel model;
    model.setStore(&store);
    model.setModelName(u"Todo"_s);
    model.setSort(u"rank desc"_s);
    model.setLimit(100);
    QObject::connect(&model, &DataStoreModel::loadingChanged, &loop, [&] {
        if (!model.isLoading())
            loop.quit();
    });
    loop.exec();
    QList<double> modelSamples;
    QObject::connect(&model, &QAbstractItemModel::rowsInserted, &loop, [&] {
        modelSamples.append(timer.nsecsElapsed() / 1e6);
        loop.quit();
    });
    for (int i = 0; i < count; ++i) {
        timer.start();
        store.save(store.create(u"Todo"_s, {{u"name"_s, u"row"_s}, {u"rank"_s, count + i}}));
        loop.exec();
    }

    const Figures raw = figures(rawCommits(dir.filePath(u"raw.sqlite"_s), count));
    const Figures observed = figures(observeSamples);
    const Figures rows = figures(modelSamples);
    out << "latency over " << count << " saves, one at a time:\n";
    out << "  raw QtSql commit (baseline):        " << format(raw) << '\n';
    out << "  save() to observe() signal:         " << format(observed) << '\n';
    out << "  save() to DataStoreModel row signal: " << format(rows) << '\n';
    out << "  p99 ratio to the raw commit: observe "
        << QString::number(observed.p99 / raw.p99, 'f', 2) << ", model "
        << QString::number(rows.p99 / raw.p99, 'f', 2) << '\n';
    out << "  target save-to-signal p99 < 1 ms: " << (observed.p99 < 1.0 ? "met" : "missed")
        << '\n';
    return 0;
}
