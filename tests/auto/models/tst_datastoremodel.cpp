#include "testutil.h"

#include <Stratus/datastore.h>
#include <Stratus/datastoremodel.h>

#include <QtCore/qrandom.h>
#include <QtCore/qtemporarydir.h>
#include <QtTest/qabstractitemmodeltester.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

using namespace Qt::StringLiterals;
using namespace Stratus;
using StratusTest::await;

namespace {

Schema schema()
{
    SchemaBuilder builder;
    builder.addModel(u"Todo"_s)
        .addField(u"name"_s, u"String"_s, SchemaBuilder::Required)
        .addField(u"rank"_s, u"Int"_s)
        .addField(u"done"_s, u"Boolean"_s);
    return *builder.build();
}

// Renders the model's signals as short strings, as KItemModels' test helpers do.
class SignalLog : public QObject
{
public:
    explicit SignalLog(QAbstractItemModel *model)
    {
        connect(model, &QAbstractItemModel::rowsInserted, this,
                [this](const QModelIndex &, int first, int last) {
                    entries.append(u"insert %1-%2"_s.arg(first).arg(last));
                });
        connect(model, &QAbstractItemModel::rowsRemoved, this,
                [this](const QModelIndex &, int first, int last) {
                    entries.append(u"remove %1-%2"_s.arg(first).arg(last));
                });
        connect(model, &QAbstractItemModel::rowsMoved, this,
                [this](const QModelIndex &, int first, int, const QModelIndex &, int destination) {
                    entries.append(u"move %1>%2"_s.arg(first).arg(destination));
                });
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this, model](const QModelIndex &topLeft, const QModelIndex &,
                              const QList<int> &roles) {
                    QStringList names;
                    for (int role : roles) {
                        // updatedAt changes with every save, unless two fall in one millisecond.
                        const QString name = QString::fromUtf8(model->roleNames().value(role));
                        if (name != u"updatedAt")
                            names.append(name);
                    }
                    names.sort();
                    entries.append(u"change %1 %2"_s.arg(topLeft.row()).arg(names.join(u',')));
                });
        connect(model, &QAbstractItemModel::modelReset, this,
                [this] { entries.append(u"reset"_s); });
    }
    QStringList take()
    {
        QStringList result = entries;
        entries.clear();
        return result;
    }
    QStringList entries;
};

QStringList names(const QList<Record> &records)
{
    QStringList list;
    for (const Record &record : records)
        list.append(record.value(u"name"_s).toString());
    return list;
}

} // namespace

class tst_DataStoreModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void rolesAndData();
    void singleChanges();
    void replacingTheQueryResets();
    void paging();
    void observeQuery();
    void invalidFilter();
    void clearEmptiesTheModel();
    void randomChanges_data();
    void randomChanges();

private:
    Record save(const QVariantMap &values)
    {
        return await(m_store->save(m_store->create(u"Todo"_s, values))).value();
    }
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<DataStore> m_store;
};

void tst_DataStoreModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<DataStore>(schema(), m_dir->filePath(u"db.sqlite"_s));
}

void tst_DataStoreModel::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void tst_DataStoreModel::rolesAndData()
{
    save({{u"name"_s, u"a"_s}, {u"rank"_s, 1}});
    DataStoreModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(m_store.get());
    model.setModelName(u"Todo"_s);
    QTRY_COMPARE(model.count(), 1);
    const QHash<int, QByteArray> roles = model.roleNames();
    QCOMPARE(roles.value(DataStoreModel::RecordRole), QByteArray("record"));
    QVERIFY(model.roleForField(u"rank"_s) > Qt::UserRole);
    QCOMPARE(roles.value(model.roleForField(u"rank"_s)), QByteArray("rank"));
    QCOMPARE(model.data(model.index(0), model.roleForField(u"name"_s)), QVariant(u"a"_s));
    QCOMPARE(model.data(model.index(0), DataStoreModel::RecordRole).toMap().value(u"rank"_s),
             QVariant(qlonglong(1)));
    QCOMPARE(model.get(0).value(u"name"_s), QVariant(u"a"_s));
}

void tst_DataStoreModel::singleChanges()
{
    save({{u"name"_s, u"b"_s}, {u"rank"_s, 2}});
    save({{u"name"_s, u"d"_s}, {u"rank"_s, 4}});
    DataStoreModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(m_store.get());
    model.setModelName(u"Todo"_s);
    model.setFilter(u"{\"done\": {\"ne\": true}}"_s);
    model.setSort(u"rank"_s);
    QTRY_COMPARE(model.count(), 2);
    SignalLog log(&model);

    const Record c = save({{u"name"_s, u"c"_s}, {u"rank"_s, 3}});
    QTRY_COMPARE(log.entries.size(), 1);
    QCOMPARE(log.take(), QStringList{u"insert 1-1"_s});
    QCOMPARE(names(model.items()), (QStringList{u"b"_s, u"c"_s, u"d"_s}));

    await(m_store->save(c.copyOf(QVariantMap{{u"name"_s, u"C"_s}})));
    QTRY_COMPARE(log.entries.size(), 1);
    QCOMPARE(log.take(), QStringList{u"change 1 name,record"_s});

    const Record moved = await(m_store->get(u"Todo"_s, c.id())).value();
    await(m_store->save(moved.copyOf(QVariantMap{{u"rank"_s, 9}})));
    QTRY_COMPARE(log.entries.size(), 2);
    QCOMPARE(log.take(), (QStringList{u"move 1>3"_s, u"change 2 rank,record"_s}));
    QCOMPARE(names(model.items()), (QStringList{u"b"_s, u"d"_s, u"C"_s}));

    // No longer matching the filter: removed.
    const Record done = await(m_store->get(u"Todo"_s, c.id())).value();
    await(m_store->save(done.copyOf(QVariantMap{{u"done"_s, true}})));
    QTRY_COMPARE(log.entries.size(), 1);
    QCOMPARE(log.take(), QStringList{u"remove 2-2"_s});

    await(m_store->remove(u"Todo"_s, field(u"name"_s).eq(u"b"_s)));
    QTRY_COMPARE(log.entries.size(), 1);
    QCOMPARE(log.take(), QStringList{u"remove 0-0"_s});
    QCOMPARE(names(model.items()), QStringList{u"d"_s});
}

void tst_DataStoreModel::replacingTheQueryResets()
{
    save({{u"name"_s, u"a"_s}, {u"rank"_s, 1}});
    save({{u"name"_s, u"b"_s}, {u"rank"_s, 2}});
    DataStoreModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(m_store.get());
    model.setModelName(u"Todo"_s);
    QTRY_COMPARE(model.count(), 2);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setSort(u"rank desc"_s);
    QTRY_VERIFY(resets.size() >= 1);
    QTRY_COMPARE(names(model.items()), (QStringList{u"b"_s, u"a"_s}));
    resets.clear();
    model.setSort(u"rank DESC"_s); // the same order: nothing to do
    QTest::qWait(10);
    QCOMPARE(resets.size(), 0);
    model.setFilter(u"{\"rank\": {\"eq\": 1}}"_s);
    QTRY_COMPARE(names(model.items()), QStringList{u"a"_s});
}

void tst_DataStoreModel::paging()
{
    for (int i = 0; i < 25; ++i)
        m_store->save(m_store->create(
            u"Todo"_s, {{u"name"_s, u"n%1"_s.arg(i, 2, 10, QChar(u'0'))}, {u"rank"_s, i}}));
    DataStoreModel model; // no QAbstractItemModelTester here: it would fetch every page
    model.setStore(m_store.get());
    model.setModelName(u"Todo"_s);
    model.setSort(u"rank"_s);
    model.setLimit(10);
    QTRY_COMPARE(model.count(), 10);
    QVERIFY(model.canFetchMore({}));
    // A record past the fetched rows stays out until fetched; one inside comes in.
    save({{u"name"_s, u"late"_s}, {u"rank"_s, 100}});
    save({{u"name"_s, u"early"_s}, {u"rank"_s, -1}});
    QTRY_COMPARE(model.count(), 11);
    QCOMPARE(model.record(0).value(u"name"_s), QVariant(u"early"_s));
    model.fetchMore({});
    QTRY_COMPARE(model.count(), 21);
    model.fetchMore({});
    QTRY_COMPARE(model.count(), 27);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.record(26).value(u"name"_s), QVariant(u"late"_s));
}

void tst_DataStoreModel::observeQuery()
{
    save({{u"name"_s, u"a"_s}, {u"rank"_s, 1}});
    std::unique_ptr<DataStoreModel> live(m_store->observeQuery(u"Todo"_s, field(u"rank"_s).ge(1),
                                                               {{u"name"_s, Qt::DescendingOrder}}));
    QSignalSpy snapshots(live.get(), &DataStoreModel::itemsChanged);
    QTRY_COMPARE(snapshots.size(), 1);
    QCOMPARE(names(live->items()), QStringList{u"a"_s});
    QVERIFY(!live->isSynced());
    // A burst in one turn of the event loop gives one snapshot.
    for (const QString &name : {u"b"_s, u"c"_s, u"d"_s})
        m_store->save(m_store->create(u"Todo"_s, {{u"name"_s, name}, {u"rank"_s, 2}}));
    QTRY_COMPARE(live->count(), 4);
    QTRY_VERIFY(snapshots.size() >= 2);
    QVERIFY(snapshots.size() <= 4);
    QCOMPARE(names(live->items()), (QStringList{u"d"_s, u"c"_s, u"b"_s, u"a"_s}));
}

void tst_DataStoreModel::invalidFilter()
{
    DataStoreModel model;
    QSignalSpy errors(&model, &DataStoreModel::errorOccurred);
    model.setStore(m_store.get());
    model.setModelName(u"Todo"_s);
    model.setFilter(u"{\"rank\": {\"like\": 1}}"_s);
    QTRY_COMPARE(errors.size(), 1);
    QVERIFY(model.lastError().message().contains(u"like"_s));
    QCOMPARE(model.count(), 0);
    model.setModelName(u"Nope"_s);
    QTRY_COMPARE(errors.size(), 2);
    QCOMPARE(model.lastError().kind(), Error::Kind::Schema);
}

void tst_DataStoreModel::clearEmptiesTheModel()
{
    save({{u"name"_s, u"a"_s}});
    DataStoreModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(m_store.get());
    model.setModelName(u"Todo"_s);
    QTRY_COMPARE(model.count(), 1);
    QVERIFY(await(m_store->clear()));
    QTRY_COMPARE(model.count(), 0);
    save({{u"name"_s, u"b"_s}});
    QTRY_COMPARE(model.count(), 1);
}

void tst_DataStoreModel::randomChanges_data()
{
    QTest::addColumn<QString>("sort");
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("limit");
    QTest::addRow("rank") << u"rank"_s << QString() << 0;
    QTest::addRow("done, rank desc, filtered")
        << u"done, rank desc"_s << u"{\"rank\": {\"lt\": 30}}"_s << 0;
    QTest::addRow("name, paged") << u"name"_s << QString() << 15;
}

void tst_DataStoreModel::randomChanges()
{
    QFETCH(QString, sort);
    QFETCH(QString, filter);
    QFETCH(int, limit);
    const quint32 seed = qEnvironmentVariableIsSet("STRATUS_TEST_SEED")
        ? quint32(qEnvironmentVariableIntValue("STRATUS_TEST_SEED"))
        : 4242u;
    QRandomGenerator random(seed);
    DataStoreModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(m_store.get());
    model.setModelName(u"Todo"_s);
    model.setSort(sort);
    model.setFilter(filter);
    model.setLimit(limit);
    QTRY_VERIFY(!model.isLoading());
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

    QueryOptions options;
    for (const QString &part : sort.split(u',')) {
        const QStringList words = part.simplified().split(u' ');
        options.sort.append(
            {words.first(), words.value(1) == u"desc" ? Qt::DescendingOrder : Qt::AscendingOrder});
    }
    Predicate predicate;
    if (!filter.isEmpty())
        predicate = *Predicate::fromJson(filter.toUtf8());

    QList<Record> known;
    const int steps = 1000;
    for (int step = 0; step < steps; ++step) {
        const int action = known.isEmpty() ? 0 : int(random.bounded(10));
        if (action < 4) {
            QVariantMap values{{u"name"_s, u"n%1"_s.arg(random.bounded(50))}};
            if (random.bounded(5))
                values.insert(u"rank"_s, int(random.bounded(40)));
            if (random.bounded(3))
                values.insert(u"done"_s, random.bounded(2) == 1);
            known.append(await(m_store->save(m_store->create(u"Todo"_s, values))).value());
        } else if (action < 8) {
            const int index = int(random.bounded(int(known.size())));
            const Record current = await(m_store->get(u"Todo"_s, known.at(index).id())).value();
            QVariantMap changes;
            const int which = int(random.bounded(3));
            if (which == 0)
                changes.insert(u"rank"_s,
                               random.bounded(4) ? QVariant(int(random.bounded(40))) : QVariant());
            else if (which == 1)
                changes.insert(u"done"_s, random.bounded(2) == 1);
            else
                changes.insert(u"name"_s, u"n%1"_s.arg(random.bounded(50)));
            known[index] = await(m_store->save(current.copyOf(changes))).value();
        } else {
            const int index = int(random.bounded(int(known.size())));
            await(m_store->remove(known.takeAt(index)));
        }
        // Compare with a fresh query of the rows the model has fetched.
        auto storeRows = [&] {
            QueryOptions fresh = options;
            if (limit > 0) { // the rows fetched so far are the first rows of the result
                fresh.page = 0;
                fresh.limit = model.count();
            }
            return await(m_store->query(u"Todo"_s, predicate, fresh)).value().items;
        };
        // Changes reach the model through its event loop: wait until it has caught up, then
        // compare, so that a failure prints the records that differ.
        for (int wait = 0; wait < 200 && model.items() != storeRows(); ++wait)
            QTest::qWait(10);
        if (model.items() != storeRows())
            qWarning("seed %u step %d action %d", seed, step, action);
        QCOMPARE(model.items(), storeRows());
        if (limit > 0 && model.canFetchMore({}) && random.bounded(20) == 0)
            model.fetchMore({});
    }
    QCOMPARE(resets.size(), 0);
    if (limit == 0)
        QCOMPARE(
            model.count(),
            int(known.size() - std::count_if(known.cbegin(), known.cend(), [&](const Record &r) {
                    return !predicate.isAll()
                        && !Predicate::resolve(predicate, m_store->schema().model(u"Todo"_s))
                                ->matches(r);
                })));
}

QTEST_MAIN(tst_DataStoreModel)
#include "tst_datastoremodel.moc"
