#include "testutil.h"

#include <Stratus/datastore.h>

#include <QtCore/qfile.h>
#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qtemporarydir.h>
#include <QtCore/qthread.h>
#include <QtCore/quuid.h>
#include <QtSql/qsqldatabase.h>
#include <QtSql/qsqlquery.h>
#include <QtSql/qsqlrecord.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

using namespace Qt::StringLiterals;
using namespace Stratus;
using StratusTest::await;

namespace {

Schema testSchema()
{
    SchemaBuilder builder;
    builder.addEnum(u"Priority"_s, {u"LOW"_s, u"NORMAL"_s, u"HIGH"_s});
    builder.addNonModel(u"Address"_s)
        .addField(u"street"_s, u"String"_s, SchemaBuilder::Required)
        .addField(u"city"_s, u"String"_s);
    builder.addModel(u"Todo"_s)
        .addField(u"name"_s, u"String"_s, SchemaBuilder::Required)
        .addField(u"description"_s, u"String"_s)
        .addField(u"priority"_s, u"Priority"_s)
        .addField(u"done"_s, u"Boolean"_s)
        .addField(u"rank"_s, u"Int"_s)
        .addField(u"score"_s, u"Float"_s)
        .addField(u"tags"_s, u"String"_s, SchemaBuilder::ListItemRequired)
        .addField(u"due"_s, u"AWSDate"_s)
        .addField(u"email"_s, u"AWSEmail"_s)
        .addField(u"extra"_s, u"AWSJSON"_s)
        .addField(u"address"_s, u"Address"_s)
        .addIndex(u"byName"_s, {u"name"_s});
    builder.addModel(u"Book"_s)
        .addField(u"author"_s, u"String"_s, SchemaBuilder::Required)
        .addField(u"title"_s, u"String"_s, SchemaBuilder::Required)
        .addField(u"year"_s, u"Int"_s)
        .setPrimaryKey({u"author"_s, u"title"_s});
    builder.addModel(u"Note"_s).addField(u"text"_s, u"String"_s).setSyncable(false);
    builder.addModel(u"Blog"_s).addField(u"name"_s, u"String"_s).addHasMany(u"posts"_s, u"Post"_s);
    builder.addModel(u"Post"_s)
        .addField(u"title"_s, u"String"_s)
        .addBelongsTo(u"blog"_s, u"Blog"_s, {}, true);
    Error error;
    const auto schema = builder.build(&error);
    if (!schema)
        qFatal("test schema: %s", qPrintable(error.toString()));
    return *schema;
}

// Reads the database file through a connection of its own, as another process would.
class FileReader
{
public:
    explicit FileReader(const QString &path)
        : m_name(u"reader-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (!db.open())
            qWarning("cannot open %s", qPrintable(path));
    }
    ~FileReader()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    QList<QVariantMap> rows(const QString &sql)
    {
        QList<QVariantMap> result;
        QSqlQuery query(QSqlDatabase::database(m_name));
        if (!query.exec(sql)) {
            qWarning("query failed: %s", qPrintable(sql));
            return result;
        }
        while (query.next()) {
            QVariantMap row;
            for (int i = 0; i < query.record().count(); ++i)
                row.insert(query.record().fieldName(i), query.value(i));
            result.append(row);
        }
        return result;
    }
    QList<QVariantMap> outbox() { return rows(u"SELECT * FROM _stratus_outbox ORDER BY id"_s); }

private:
    QString m_name;
};

QJsonObject json(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

} // namespace

class tst_DataStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void saveAndGet();
    void persistsAcrossInstances();
    void snapshotCopyWritesOnlyChangedFields();
    void outboxIsWrittenWithTheChange();
    void outboxMergesPendingChanges();
    void localOnlyModelHasNoOutbox();
    void saveAllInOneTransaction();
    void saveCondition_data();
    void saveCondition();
    void query_data();
    void query();
    void sortAndPage_data();
    void sortAndPage();
    void pagingErrors_data();
    void pagingErrors();
    void compositeKey();
    void removeVariants();
    void removeCondition();
    void validation_data();
    void validation();
    void customValidator();
    void belongsToNeedsItsKey();
    void canonicalValues();
    void unknownModel();
    void storageErrors_data();
    void storageErrors();
    void clearRaces();
    void stopKeepsData();
    void neverBlocksTheCallingThread();
    void blockingWaitsDoNotDeadlock();
    void writeAheadLogging();
    void noSchema();

private:
    Record saved(const Record &record)
    {
        const auto result = await(m_store->save(record));
        if (!result)
            qWarning() << result.error() << result.error().details();
        return result.value();
    }
    QList<Record> all(const QString &model, const Predicate &predicate = {},
                      const QueryOptions &options = {})
    {
        const auto result = await(m_store->query(model, predicate, options));
        if (!result)
            qWarning() << result.error();
        return result.value().items;
    }
    QStringList names(const QList<Record> &records, const QString &field = u"name"_s)
    {
        QStringList list;
        for (const Record &record : records)
            list.append(record.value(field).toString());
        return list;
    }

    Schema m_schema = testSchema();
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<DataStore> m_store;
    QString m_path;
};

void tst_DataStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(u"store.sqlite"_s);
    m_store = std::make_unique<DataStore>(m_schema, m_path);
}

void tst_DataStore::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void tst_DataStore::saveAndGet()
{
    QSignalSpy stateSpy(m_store.get(), &DataStore::stateChanged);
    const Record todo = m_store->create(u"Todo"_s, {{u"name"_s, u"milk"_s}, {u"rank"_s, 3}});
    QVERIFY(todo.isValid());
    const QUuid id(todo.id());
    QVERIFY(!id.isNull());
    QCOMPARE(id.version(), QUuid::Random);

    const auto result = await(m_store->save(todo));
    QVERIFY2(result, qPrintable(result.error().toString()));
    const Record stored = result.value();
    QCOMPARE(stored.id(), todo.id());
    QCOMPARE(stored.value(u"name"_s), QVariant(u"milk"_s));
    QCOMPARE(stored.value(u"rank"_s), QVariant(qlonglong(3)));
    QVERIFY(!stored.value(u"createdAt"_s).toString().isEmpty());
    QCOMPARE(stored.value(u"createdAt"_s), stored.value(u"updatedAt"_s));
    QVERIFY(stored.isSnapshotCopy());
    QTRY_COMPARE(m_store->state(), DataStore::State::Running);
    QCOMPARE(stateSpy.first().first().value<DataStore::State>(), DataStore::State::Starting);

    const auto got = await(m_store->get(u"Todo"_s, todo.id()));
    QVERIFY(got);
    QCOMPARE(got.value(), stored);
    const auto missing = await(m_store->get(u"Todo"_s, u"nope"_s));
    QVERIFY(missing);
    QVERIFY(!missing.value().isValid());
}

void tst_DataStore::persistsAcrossInstances()
{
    const Record todo = saved(m_store->create(u"Todo"_s, {{u"name"_s, u"kept"_s}}));
    m_store.reset();
    DataStore reopened(m_schema, m_path);
    const auto got = await(reopened.get(u"Todo"_s, todo.id()));
    QVERIFY(got);
    QCOMPARE(got.value().value(u"name"_s), QVariant(u"kept"_s));
    QCOMPARE(await(reopened.pendingChangeCount()).value(), 1);
}

void tst_DataStore::snapshotCopyWritesOnlyChangedFields()
{
    const Record original =
        saved(m_store->create(u"Todo"_s, {{u"name"_s, u"a"_s}, {u"done"_s, false}}));
    QTest::qWait(2); // distinct updatedAt
    // Two copies of one snapshot, each changing a different field: both changes survive.
    const Record renamed = original.copyOf(QVariantMap{{u"name"_s, u"b"_s}});
    const Record finished = original.copyOf(QVariantMap{{u"done"_s, true}});
    QCOMPARE(renamed.changedFields(), QStringList{u"name"_s});
    saved(finished);
    const Record result = saved(renamed);
    QCOMPARE(result.value(u"name"_s), QVariant(u"b"_s));
    QCOMPARE(result.value(u"done"_s), QVariant(true));
    QCOMPARE(result.value(u"createdAt"_s), original.value(u"createdAt"_s));
    QVERIFY(result.value(u"updatedAt"_s).toString() > original.value(u"updatedAt"_s).toString());

    // A record made from scratch with the same id replaces the stored one.
    const Record replacement =
        m_store->create(u"Todo"_s, {{u"id"_s, original.id()}, {u"name"_s, u"c"_s}});
    const Record replaced = saved(replacement);
    QCOMPARE(replaced.value(u"name"_s), QVariant(u"c"_s));
    QVERIFY(!replaced.value(u"done"_s).isValid());
    QCOMPARE(replaced.value(u"createdAt"_s), original.value(u"createdAt"_s));
}

void tst_DataStore::outboxIsWrittenWithTheChange()
{
    const Record todo = saved(m_store->create(u"Todo"_s, {{u"name"_s, u"x"_s}, {u"rank"_s, 1}}));
    FileReader reader(m_path);
    auto outbox = reader.outbox();
    QCOMPARE(outbox.size(), 1);
    QCOMPARE(outbox[0][u"model"_s], QVariant(u"Todo"_s));
    QCOMPARE(outbox[0][u"operation"_s], QVariant(u"Create"_s));
    QCOMPARE(outbox[0][u"model_key"_s].toString(), u"[\"%1\"]"_s.arg(todo.id()));
    const QJsonObject data = json(outbox[0][u"data"_s]);
    QCOMPARE(data[u"id"_s].toString(), todo.id());
    QCOMPARE(data[u"name"_s].toString(), u"x"_s);
    QCOMPARE(data[u"rank"_s].toInt(), 1);
    QVERIFY(!data.contains(u"createdAt"_s)); // read-only fields are not sent
    QVERIFY(!data.contains(u"_version"_s));

    // Pretend the sync layer sent the Create: later changes need rows of their own.
    QSqlDatabase writer = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"writer"_s);
    writer.setDatabaseName(m_path);
    QVERIFY(writer.open());
    QSqlQuery(writer).exec(u"UPDATE _stratus_outbox SET in_flight = 1"_s);
    QSqlQuery(writer).exec(u"UPDATE Todo SET _version = 1"_s);
    writer.close();
    writer = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"writer"_s);

    const Record stored = await(m_store->get(u"Todo"_s, todo.id())).value();
    QCOMPARE(stored.version(), 1);
    saved(stored.copyOf(QVariantMap{{u"rank"_s, 2}}));
    outbox = reader.outbox();
    QCOMPARE(outbox.size(), 2);
    QCOMPARE(outbox[1][u"operation"_s], QVariant(u"Update"_s));
    // Only the changed fields, the key and the version the client last saw.
    const QJsonObject update = json(outbox[1][u"data"_s]);
    QCOMPARE(update, (QJsonObject{{u"id"_s, todo.id()}, {u"rank"_s, 2}, {u"_version"_s, 1}}));

    const auto removed = await(m_store->remove(stored));
    QVERIFY(removed);
    QCOMPARE(removed.value().size(), 1);
    outbox = reader.outbox();
    QCOMPARE(outbox.size(), 2); // the pending Update became the Delete
    QCOMPARE(outbox[1][u"operation"_s], QVariant(u"Delete"_s));
    QCOMPARE(json(outbox[1][u"data"_s]), (QJsonObject{{u"id"_s, todo.id()}, {u"_version"_s, 1}}));
    QCOMPARE(reader.rows(u"SELECT * FROM Todo"_s).size(), 0);
}

void tst_DataStore::outboxMergesPendingChanges()
{
    const Record todo = saved(m_store->create(u"Todo"_s, {{u"name"_s, u"x"_s}}));
    saved(todo.copyOf(QVariantMap{{u"name"_s, u"y"_s}}));
    FileReader reader(m_path);
    auto outbox = reader.outbox();
    QCOMPARE(outbox.size(), 1); // the update folds into the unsent Create
    QCOMPARE(outbox[0][u"operation"_s], QVariant(u"Create"_s));
    QCOMPARE(json(outbox[0][u"data"_s])[u"name"_s].toString(), u"y"_s);

    // Saving the same values again changes nothing and queues nothing.
    saved(todo.copyOf(QVariantMap{{u"name"_s, u"y"_s}}));
    QCOMPARE(reader.outbox().size(), 1);

    QVERIFY(await(m_store->remove(todo)));
    QCOMPARE(reader.outbox().size(), 0); // created and deleted before sync: nothing to send
    QCOMPARE(await(m_store->pendingChangeCount()).value(), 0);
}

void tst_DataStore::localOnlyModelHasNoOutbox()
{
    saved(m_store->create(u"Note"_s, {{u"text"_s, u"local"_s}}));
    QCOMPARE(all(u"Note"_s).size(), 1);
    QCOMPARE(await(m_store->pendingChangeCount()).value(), 0);
}

void tst_DataStore::saveAllInOneTransaction()
{
    std::unique_ptr<Observation> observation(m_store->observe(u"Todo"_s));
    QSignalSpy changes(observation.get(), &Observation::changed);
    QList<Record> batch;
    for (int i = 0; i < 50; ++i)
        batch.append(m_store->create(u"Todo"_s, {{u"name"_s, u"b%1"_s.arg(i)}, {u"rank"_s, i}}));
    const auto saved = await(m_store->saveAll(batch));
    QVERIFY2(saved, qPrintable(saved.error().toString()));
    QCOMPARE(saved.value().size(), 50);
    QCOMPARE(saved.value().at(7).value(u"name"_s), QVariant(u"b7"_s));
    QCOMPARE(all(u"Todo"_s).size(), 50);
    QCOMPARE(await(m_store->pendingChangeCount()).value(), 50);
    QTRY_COMPARE(changes.size(), 50);

    // One invalid record: nothing of the batch is written.
    QList<Record> bad{m_store->create(u"Todo"_s, {{u"name"_s, u"ok"_s}}),
                      m_store->create(u"Todo"_s, {{u"rank"_s, 1}})};
    const auto refused = await(m_store->saveAll(bad));
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind(), Error::Kind::Validation);
    QCOMPARE(all(u"Todo"_s).size(), 50);
    QCOMPARE(await(m_store->pendingChangeCount()).value(), 50);
}

void tst_DataStore::saveCondition_data()
{
    QTest::addColumn<Predicate>("condition");
    QTest::addColumn<bool>("matches");
    QTest::addRow("eq matches") << field(u"rank"_s).eq(1) << true;
    QTest::addRow("eq fails") << field(u"rank"_s).eq(2) << false;
    QTest::addRow("and") << (field(u"rank"_s).ge(1) && field(u"name"_s).beginsWith(u"fi"_s))
                         << true;
    QTest::addRow("null") << field(u"description"_s).eq(QVariant()) << true;
    QTest::addRow("not") << !field(u"description"_s).eq(QVariant()) << false;
}

void tst_DataStore::saveCondition()
{
    QFETCH(Predicate, condition);
    QFETCH(bool, matches);
    const Record todo =
        saved(m_store->create(u"Todo"_s, {{u"name"_s, u"first"_s}, {u"rank"_s, 1}}));
    const auto result = await(m_store->save(todo.copyOf(QVariantMap{{u"rank"_s, 5}}), condition));
    QCOMPARE(bool(result), matches);
    const Record stored = await(m_store->get(u"Todo"_s, todo.id())).value();
    if (matches) {
        QCOMPARE(stored.value(u"rank"_s), QVariant(qlonglong(5)));
    } else {
        QCOMPARE(result.error().kind(), Error::Kind::Condition);
        QCOMPARE(result.error().modelName(), u"Todo"_s);
        QCOMPARE(stored.value(u"rank"_s), QVariant(qlonglong(1))); // untouched
    }
    // A condition on a record that is not stored yet cannot hold.
    const auto fresh =
        await(m_store->save(m_store->create(u"Todo"_s, {{u"name"_s, u"n"_s}}), condition));
    QVERIFY(!fresh);
    QCOMPARE(fresh.error().kind(), Error::Kind::Condition);
}

void tst_DataStore::query_data()
{
    QTest::addColumn<Predicate>("predicate");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("all") << Predicate::all()
                         << QStringList{u"apple"_s, u"banana"_s, u"cherry"_s, u"date"_s};
    QTest::addRow("eq enum") << field(u"priority"_s).eq(u"HIGH"_s)
                             << QStringList{u"apple"_s, u"cherry"_s};
    QTest::addRow("and not") << (field(u"priority"_s).eq(u"HIGH"_s) && !field(u"done"_s).eq(true))
                             << QStringList{u"cherry"_s};
    QTest::addRow("or") << (field(u"rank"_s).lt(2) || field(u"name"_s).contains(u"err"_s))
                        << QStringList{u"apple"_s, u"cherry"_s};
    QTest::addRow("between") << field(u"score"_s).between(1.5, 3.0)
                             << QStringList{u"banana"_s, u"cherry"_s};
    QTest::addRow("in") << field(u"rank"_s).in({1, 4}) << QStringList{u"apple"_s, u"date"_s};
    QTest::addRow("list contains")
        << field(u"tags"_s).contains(u"red"_s) << QStringList{u"apple"_s, u"cherry"_s};
    QTest::addRow("list notContains")
        << field(u"tags"_s).notContains(u"red"_s) << QStringList{u"banana"_s, u"date"_s};
    QTest::addRow("ne null") << field(u"due"_s).ne(QVariant()) << QStringList{u"banana"_s};
    QTest::addRow("due gt prefix") << field(u"due"_s).gt(u"2024"_s) << QStringList{u"banana"_s};
}

void tst_DataStore::query()
{
    QFETCH(Predicate, predicate);
    QFETCH(QStringList, expected);
    const QList<QVariantMap> rows = {
        {{u"name"_s, u"apple"_s},
         {u"priority"_s, u"HIGH"_s},
         {u"done"_s, true},
         {u"rank"_s, 1},
         {u"score"_s, 1.0},
         {u"tags"_s, QVariantList{u"red"_s, u"sweet"_s}}},
        {{u"name"_s, u"banana"_s},
         {u"priority"_s, u"LOW"_s},
         {u"done"_s, false},
         {u"rank"_s, 2},
         {u"score"_s, 2.0},
         {u"tags"_s, QVariantList{u"yellow"_s}},
         {u"due"_s, u"2024-06-01"_s}},
        {{u"name"_s, u"cherry"_s},
         {u"priority"_s, u"HIGH"_s},
         {u"rank"_s, 3},
         {u"score"_s, 3.0},
         {u"tags"_s, QVariantList{u"red"_s}}},
        {{u"name"_s, u"date"_s}, {u"rank"_s, 4}},
    };
    for (const QVariantMap &row : rows)
        QVERIFY(saved(m_store->create(u"Todo"_s, row)).isValid());
    const QueryOptions byName{{{u"name"_s, Qt::AscendingOrder}}, {}, {}};
    QCOMPARE(names(all(u"Todo"_s, predicate, byName)), expected);
}

void tst_DataStore::sortAndPage_data()
{
    QTest::addColumn<QList<SortField>>("sort");
    QTest::addColumn<int>("page");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("hasMore");
    const QList<SortField> rankThenName{{u"rank"_s, Qt::DescendingOrder},
                                        {u"name"_s, Qt::AscendingOrder}};
    QTest::addRow("rank desc, name asc")
        << rankThenName << -1 << -1 << QStringList{u"c"_s, u"d"_s, u"a"_s, u"b"_s, u"e"_s} << false;
    QTest::addRow("first page") << rankThenName << 0 << 2 << QStringList{u"c"_s, u"d"_s} << true;
    QTest::addRow("second page") << rankThenName << 1 << 2 << QStringList{u"a"_s, u"b"_s} << true;
    QTest::addRow("last page") << rankThenName << 2 << 2 << QStringList{u"e"_s} << false;
    QTest::addRow("past the end") << rankThenName << 3 << 2 << QStringList{} << false;
    QTest::addRow("exact fit") << rankThenName << 0 << 5
                               << QStringList{u"c"_s, u"d"_s, u"a"_s, u"b"_s, u"e"_s} << false;
    QTest::addRow("limit only") << rankThenName << -1 << 1 << QStringList{u"c"_s} << true;
    QTest::addRow("limit 0") << rankThenName << -1 << 0 << QStringList{} << true;
    // Nulls sort first ascending (rank of e is null), last descending.
    QTest::addRow("rank asc") << QList<SortField>{{u"rank"_s, Qt::AscendingOrder},
                                                  {u"name"_s, Qt::DescendingOrder}}
                              << -1 << -1 << QStringList{u"e"_s, u"b"_s, u"a"_s, u"d"_s, u"c"_s}
                              << false;
}

void tst_DataStore::sortAndPage()
{
    QFETCH(QList<SortField>, sort);
    QFETCH(int, page);
    QFETCH(int, limit);
    QFETCH(QStringList, expected);
    QFETCH(bool, hasMore);
    const QList<std::pair<QString, QVariant>> rows = {
        {u"a"_s, 2}, {u"b"_s, 1}, {u"c"_s, 3}, {u"d"_s, 3}, {u"e"_s, QVariant()}};
    for (const auto &[name, rank] : rows)
        saved(m_store->create(u"Todo"_s, {{u"name"_s, name}, {u"rank"_s, rank}}));
    QueryOptions options;
    options.sort = sort;
    if (page >= 0)
        options.page = page;
    if (limit >= 0)
        options.limit = limit;
    const auto result = await(m_store->query(u"Todo"_s, {}, options));
    QVERIFY2(result, qPrintable(result.error().toString()));
    QCOMPARE(names(result.value().items), expected);
    QCOMPARE(result.value().hasMore, hasMore);
}

void tst_DataStore::pagingErrors_data()
{
    QTest::addColumn<QueryOptions>("options");
    QTest::addColumn<QString>("message");
    QTest::addRow("page without limit") << QueryOptions{{}, 1, {}} << u"needs a limit"_s;
    QTest::addRow("negative page") << QueryOptions{{}, -1, 10} << u"negative"_s;
    QTest::addRow("negative limit") << QueryOptions{{}, {}, -5} << u"negative"_s;
    QTest::addRow("unknown sort field")
        << QueryOptions{{{u"nope"_s, Qt::AscendingOrder}}, {}, {}} << u"no such field"_s;
    QTest::addRow("sort by list") << QueryOptions{{{u"tags"_s, Qt::AscendingOrder}}, {}, {}}
                                  << u"only scalar"_s;
}

void tst_DataStore::pagingErrors()
{
    QFETCH(QueryOptions, options);
    QFETCH(QString, message);
    const auto result = await(m_store->query(u"Todo"_s, {}, options));
    QVERIFY(!result);
    QCOMPARE(result.error().kind(), Error::Kind::Validation);
    QVERIFY2(result.error().message().contains(message), qPrintable(result.error().message()));
}

void tst_DataStore::compositeKey()
{
    const Record dune = saved(m_store->create(
        u"Book"_s, {{u"author"_s, u"Herbert"_s}, {u"title"_s, u"Dune"_s}, {u"year"_s, 1965}}));
    saved(m_store->create(
        u"Book"_s, {{u"author"_s, u"Herbert"_s}, {u"title"_s, u"Messiah"_s}, {u"year"_s, 1969}}));
    saved(m_store->create(
        u"Book"_s, {{u"author"_s, u"Le Guin"_s}, {u"title"_s, u"Dune"_s}, {u"year"_s, 1900}}));
    QVERIFY(!dune.contains(u"id"_s));
    QCOMPARE(dune.key(), (QVariantMap{{u"author"_s, u"Herbert"_s}, {u"title"_s, u"Dune"_s}}));

    auto got = await(
        m_store->get(u"Book"_s, QVariantMap{{u"author"_s, u"Le Guin"_s}, {u"title"_s, u"Dune"_s}}));
    QVERIFY(got);
    QCOMPARE(got.value().value(u"year"_s), QVariant(qlonglong(1900)));

    auto bare = await(m_store->get(u"Book"_s, u"Herbert"_s));
    QVERIFY(!bare);
    QCOMPARE(bare.error().kind(), Error::Kind::Validation);
    QVERIFY(bare.error().message().contains(u"composite key"_s));
    auto partial = await(m_store->get(u"Book"_s, QVariantMap{{u"author"_s, u"Herbert"_s}}));
    QVERIFY(!partial);
    QCOMPARE(partial.error().fieldName(), u"title"_s);

    // The same key again updates; a key field cannot change on a stored record.
    saved(dune.copyOf(QVariantMap{{u"year"_s, 1966}}));
    QCOMPARE(all(u"Book"_s).size(), 3);
    Error error;
    QVERIFY(!dune.copyOf(QVariantMap{{u"title"_s, u"Dune 2"_s}}, &error).isValid());
    QCOMPARE(error.kind(), Error::Kind::Validation);
    QCOMPARE(error.fieldName(), u"title"_s);

    // The outbox key is an unambiguous JSON array, even with '-' in the values.
    saved(m_store->create(u"Book"_s, {{u"author"_s, u"a-b"_s}, {u"title"_s, u"c"_s}}));
    saved(m_store->create(u"Book"_s, {{u"author"_s, u"a"_s}, {u"title"_s, u"b-c"_s}}));
    FileReader reader(m_path);
    const auto keys =
        reader.rows(u"SELECT model_key FROM _stratus_outbox WHERE model = 'Book' ORDER BY id"_s);
    QCOMPARE(keys.size(), 5);
    QCOMPARE(keys[3][u"model_key"_s].toString(), u"[\"a-b\",\"c\"]"_s);
    QCOMPARE(keys[4][u"model_key"_s].toString(), u"[\"a\",\"b-c\"]"_s);

    auto removed = await(m_store->removeByKey(
        u"Book"_s, QVariantMap{{u"author"_s, u"Herbert"_s}, {u"title"_s, u"Dune"_s}}));
    QVERIFY(removed);
    QCOMPARE(removed.value().size(), 1);
    QCOMPARE(removed.value().first().value(u"year"_s), QVariant(qlonglong(1966)));
    QCOMPARE(all(u"Book"_s, field(u"author"_s).eq(u"Herbert"_s)).size(), 1);
}

void tst_DataStore::removeVariants()
{
    for (int i = 0; i < 6; ++i)
        saved(m_store->create(u"Todo"_s, {{u"name"_s, u"t%1"_s.arg(i)}, {u"rank"_s, i}}));
    const QList<Record> records = all(u"Todo"_s, {}, {{{u"rank"_s, Qt::AscendingOrder}}, {}, {}});
    QCOMPARE(records.size(), 6);

    auto byRecord = await(m_store->remove(records[0]));
    QVERIFY(byRecord);
    QCOMPARE(names(byRecord.value()), QStringList{u"t0"_s});
    auto again = await(m_store->remove(records[0]));
    QVERIFY(again);
    QVERIFY(again.value().isEmpty()); // already gone: nothing removed, no error

    auto byKey = await(m_store->removeByKey(u"Todo"_s, records[1].id()));
    QCOMPARE(names(byKey.value()), QStringList{u"t1"_s});

    auto byPredicate = await(m_store->remove(u"Todo"_s, field(u"rank"_s).ge(4)));
    QVERIFY(byPredicate);
    QCOMPARE(byPredicate.value().size(), 2);
    QCOMPARE(names(all(u"Todo"_s, {}, {{{u"rank"_s, Qt::AscendingOrder}}, {}, {}})),
             (QStringList{u"t2"_s, u"t3"_s}));

    auto everything = await(m_store->remove(u"Todo"_s, Predicate::all()));
    QCOMPARE(everything.value().size(), 2);
    QVERIFY(all(u"Todo"_s).isEmpty());

    auto badPredicate = await(m_store->remove(u"Todo"_s, field(u"rank"_s).contains(1)));
    QVERIFY(!badPredicate);
    QCOMPARE(badPredicate.error().kind(), Error::Kind::Validation);
}

void tst_DataStore::removeCondition()
{
    const Record todo =
        saved(m_store->create(u"Todo"_s, {{u"name"_s, u"x"_s}, {u"done"_s, false}}));
    auto refused = await(m_store->remove(todo, field(u"done"_s).eq(true)));
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind(), Error::Kind::Condition);
    QCOMPARE(all(u"Todo"_s).size(), 1);
    auto accepted = await(m_store->remove(todo, field(u"done"_s).eq(false)));
    QVERIFY(accepted);
    QCOMPARE(accepted.value().size(), 1);
    QVERIFY(all(u"Todo"_s).isEmpty());
}

void tst_DataStore::validation_data()
{
    QTest::addColumn<QVariantMap>("values");
    QTest::addColumn<QStringList>("badFields");
    QTest::addRow("missing required") << QVariantMap{{u"rank"_s, 1}} << QStringList{u"name"_s};
    QTest::addRow("null required")
        << QVariantMap{{u"name"_s, QVariant()}} << QStringList{u"name"_s};
    QTest::addRow("Int from text")
        << QVariantMap{{u"name"_s, u"n"_s}, {u"rank"_s, u"3"_s}} << QStringList{u"rank"_s};
    QTest::addRow("Int fraction") << QVariantMap{{u"name"_s, u"n"_s}, {u"rank"_s, 2.5}}
                                  << QStringList{u"rank"_s};
    QTest::addRow("Int overflow") << QVariantMap{{u"name"_s, u"n"_s},
                                                 {u"rank"_s, qlonglong(1) << 40}}
                                  << QStringList{u"rank"_s};
    QTest::addRow("Boolean from int")
        << QVariantMap{{u"name"_s, u"n"_s}, {u"done"_s, 1}} << QStringList{u"done"_s};
    QTest::addRow("Float from text")
        << QVariantMap{{u"name"_s, u"n"_s}, {u"score"_s, u"1.5"_s}} << QStringList{u"score"_s};
    QTest::addRow("enum value") << QVariantMap{{u"name"_s, u"n"_s}, {u"priority"_s, u"URGENT"_s}}
                                << QStringList{u"priority"_s};
    QTest::addRow("AWSDate") << QVariantMap{{u"name"_s, u"n"_s}, {u"due"_s, u"2024-02-30"_s}}
                             << QStringList{u"due"_s};
    QTest::addRow("AWSEmail") << QVariantMap{{u"name"_s, u"n"_s}, {u"email"_s, u"not an email"_s}}
                              << QStringList{u"email"_s};
    QTest::addRow("AWSJSON") << QVariantMap{{u"name"_s, u"n"_s}, {u"extra"_s, u"{oops"_s}}
                             << QStringList{u"extra"_s};
    QTest::addRow("list item null")
        << QVariantMap{{u"name"_s, u"n"_s}, {u"tags"_s, QVariantList{u"a"_s, QVariant()}}}
        << QStringList{u"tags[1]"_s};
    QTest::addRow("list item type")
        << QVariantMap{{u"name"_s, u"n"_s}, {u"tags"_s, QVariantList{1}}}
        << QStringList{u"tags[0]"_s};
    QTest::addRow("not a list") << QVariantMap{{u"name"_s, u"n"_s}, {u"tags"_s, u"a"_s}}
                                << QStringList{u"tags"_s};
    QTest::addRow("non-model required")
        << QVariantMap{{u"name"_s, u"n"_s}, {u"address"_s, QVariantMap{{u"city"_s, u"Oslo"_s}}}}
        << QStringList{u"address.street"_s};
    QTest::addRow("non-model unknown")
        << QVariantMap{{u"name"_s, u"n"_s},
                       {u"address"_s, QVariantMap{{u"street"_s, u"s"_s}, {u"zip"_s, 1}}}}
        << QStringList{u"address.zip"_s};
    QTest::addRow("unknown field")
        << QVariantMap{{u"name"_s, u"n"_s}, {u"colour"_s, u"red"_s}} << QStringList{u"colour"_s};
    QTest::addRow("empty id") << QVariantMap{{u"name"_s, u"n"_s}, {u"id"_s, 5}}
                              << QStringList{u"id"_s};
    QTest::addRow("every problem at once")
        << QVariantMap{{u"rank"_s, u"x"_s}, {u"priority"_s, u"NOPE"_s}, {u"due"_s, u"tomorrow"_s}}
        << QStringList{u"due"_s, u"name"_s, u"priority"_s, u"rank"_s};
    QTest::addRow("oversized") << QVariantMap{{u"name"_s, QString(410 * 1024, u'x')}}
                               << QStringList{QString()};
}

void tst_DataStore::validation()
{
    QFETCH(QVariantMap, values);
    QFETCH(QStringList, badFields);
    saved(m_store->create(u"Todo"_s, {{u"name"_s, u"existing"_s}}));
    const Record record = m_store->create(u"Todo"_s, values);
    const QList<Error> problems = m_store->validate(record);
    QStringList fields;
    for (const Error &problem : problems) {
        QCOMPARE(problem.kind(), Error::Kind::Validation);
        QCOMPARE(problem.modelName(), u"Todo"_s);
        QVERIFY(!problem.message().isEmpty());
        fields.append(problem.fieldName());
    }
    fields.sort();
    QCOMPARE(fields, badFields);

    const auto result = await(m_store->save(record));
    QVERIFY(!result);
    QCOMPARE(result.error().kind(), Error::Kind::Validation);
    QCOMPARE(result.error().details().size(), badFields.size());
    QCOMPARE(names(all(u"Todo"_s)), QStringList{u"existing"_s}); // nothing written
    QCOMPARE(await(m_store->pendingChangeCount()).value(), 1);
}

void tst_DataStore::customValidator()
{
    m_store->setValidator(u"Todo"_s, [](const Record &record) {
        QList<Error> errors;
        if (record.value(u"name"_s).toString().trimmed().isEmpty())
            errors.append(
                Error(Error::Kind::Validation, u"Name is required"_s, u"Todo"_s, u"name"_s));
        return errors;
    });
    const Record blank = m_store->create(u"Todo"_s, {{u"name"_s, u"   "_s}});
    QCOMPARE(m_store->validate(blank).size(), 1);
    const auto result = await(m_store->save(blank));
    QVERIFY(!result);
    QCOMPARE(result.error().fieldName(), u"name"_s);
    QVERIFY(result.error().message().contains(u"Name is required"_s));
    QVERIFY(saved(m_store->create(u"Todo"_s, {{u"name"_s, u"ok"_s}})).isValid());
}

void tst_DataStore::belongsToNeedsItsKey()
{
    const ModelSchema post = m_schema.model(u"Post"_s);
    QCOMPARE(post.field(u"blog"_s).targetNames(), QStringList{u"blogPostsId"_s});
    const Record orphan = m_store->create(u"Post"_s, {{u"title"_s, u"t"_s}});
    const QList<Error> problems = m_store->validate(orphan);
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().fieldName(), u"blogPostsId"_s);
    const Record blog = saved(m_store->create(u"Blog"_s, {{u"name"_s, u"b"_s}}));
    QVERIFY(saved(m_store->create(u"Post"_s, {{u"title"_s, u"t"_s}, {u"blogPostsId"_s, blog.id()}}))
                .isValid());
    const auto relation = await(
        m_store->save(m_store->create(u"Post"_s, {{u"title"_s, u"t"_s}, {u"blog"_s, blog.id()}})));
    QVERIFY(!relation);
    QVERIFY(relation.error().message().contains(u"blogPostsId"_s));
}

void tst_DataStore::canonicalValues()
{
    const QDateTime when(QDate(2024, 5, 6), QTime(7, 8, 9, 10), Qt::UTC);
    const Record stored =
        saved(m_store->create(u"Todo"_s,
                              {{u"name"_s, u"n"_s},
                               {u"rank"_s, 7.0}, // a JavaScript number
                               {u"score"_s, 2},
                               {u"due"_s, QDate(2024, 2, 29)},
                               {u"extra"_s, QVariantMap{{u"a"_s, QVariantList{1, 2}}}},
                               {u"address"_s, QVariantMap{{u"street"_s, u"Main"_s}}},
                               {u"tags"_s, QStringList{u"x"_s, u"y"_s}}}));
    Q_UNUSED(when);
    const Record got = await(m_store->get(u"Todo"_s, stored.id())).value();
    QCOMPARE(got.value(u"rank"_s).metaType().id(), QMetaType::LongLong);
    QCOMPARE(got.value(u"rank"_s).toLongLong(), 7);
    QCOMPARE(got.value(u"score"_s).metaType().id(), QMetaType::Double);
    QCOMPARE(got.value(u"due"_s), QVariant(u"2024-02-29"_s));
    QCOMPARE(got.value(u"extra"_s), QVariant(u"{\"a\":[1,2]}"_s));
    QCOMPARE(got.value(u"address"_s), QVariant(QVariantMap{{u"street"_s, u"Main"_s}}));
    QCOMPARE(got.value(u"tags"_s), QVariant(QVariantList{u"x"_s, u"y"_s}));
    QCOMPARE(got, stored);
}

void tst_DataStore::unknownModel()
{
    auto query = await(m_store->query(u"Nope"_s));
    QVERIFY(!query);
    QCOMPARE(query.error().kind(), Error::Kind::Schema);
    QCOMPARE(query.error().modelName(), u"Nope"_s);
    QVERIFY(!m_store->create(u"Nope"_s).isValid());
    auto save = await(m_store->save(Record()));
    QVERIFY(!save);
    QCOMPARE(save.error().kind(), Error::Kind::Validation);
}

void tst_DataStore::storageErrors_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("directory");
    QTest::addRow("not a database")
        << QByteArray("this is not an SQLite file, just text. ").repeated(200) << false;
    QTest::addRow("path is a folder") << QByteArray() << true;
}

void tst_DataStore::storageErrors()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, directory);
    const QString path = m_dir->filePath(u"broken.sqlite"_s);
    if (directory) {
        QVERIFY(QDir().mkpath(path));
    } else {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    DataStore store(m_schema, path);
    QSignalSpy errors(&store, &DataStore::errorOccurred);
    const auto result = await(store.save(store.create(u"Todo"_s, {{u"name"_s, u"n"_s}})));
    QVERIFY(!result);
    QCOMPARE(result.error().kind(), Error::Kind::Storage);
    QVERIFY(result.error().message().contains(path));
    QVERIFY(!result.error().cause().isEmpty());
    QTRY_COMPARE(errors.size(), 1);
    QTRY_COMPARE(store.state(), DataStore::State::Stopped);
    if (!directory) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), content); // left as it was
    }
}

void tst_DataStore::clearRaces()
{
    for (int i = 0; i < 20; ++i)
        m_store->save(m_store->create(u"Todo"_s, {{u"name"_s, u"n%1"_s.arg(i)}}));
    auto beforeClear = m_store->query(u"Todo"_s);
    auto cleared = m_store->clear();
    QCOMPARE(m_store->state(), DataStore::State::Clearing);
    auto racing = await(m_store->save(m_store->create(u"Todo"_s, {{u"name"_s, u"late"_s}})));
    QVERIFY(!racing);
    QCOMPARE(racing.error().kind(), Error::Kind::State);
    QVERIFY(!await(m_store->clear()));
    QVERIFY(await(cleared));
    // Calls made before clear() ran before it, on intact data.
    QCOMPARE(await(beforeClear).value().items.size(), 20);
    QCOMPARE(m_store->state(), DataStore::State::Stopped);
    QVERIFY(!QFile::exists(m_path));
    QVERIFY(all(u"Todo"_s).isEmpty());
    QCOMPARE(await(m_store->pendingChangeCount()).value(), 0);
    QVERIFY(saved(m_store->create(u"Todo"_s, {{u"name"_s, u"after"_s}})).isValid());
    QCOMPARE(all(u"Todo"_s).size(), 1);
}

void tst_DataStore::stopKeepsData()
{
    saved(m_store->create(u"Todo"_s, {{u"name"_s, u"n"_s}}));
    QTRY_COMPARE(m_store->state(), DataStore::State::Running);
    QVERIFY(await(m_store->stop()));
    QCOMPARE(m_store->state(), DataStore::State::Stopped);
    QCOMPARE(all(u"Todo"_s).size(), 1); // implicitly started again
    QTRY_COMPARE(m_store->state(), DataStore::State::Running);
    QVERIFY(await(m_store->start()));
}

void tst_DataStore::neverBlocksTheCallingThread()
{
    QThread *const testThread = QThread::currentThread();
    QThread *worker = nullptr;
    QThread *continuation = nullptr;
    m_store->save(m_store->create(u"Todo"_s, {{u"name"_s, u"n"_s}}))
        .then([&](const Result<Record> &) { worker = QThread::currentThread(); })
        .then(this, [&] { continuation = QThread::currentThread(); });
    QTRY_VERIFY(continuation);
    QVERIFY(worker != testThread); // SQLite ran on the storage thread
    QCOMPARE(continuation, testThread); // .then(context) comes back to the caller's thread
}

void tst_DataStore::blockingWaitsDoNotDeadlock()
{
    // Apps may wait without an event loop (at shutdown, in scripts): every future completes on
    // the storage thread, and the state is already updated when it does.
    auto save = m_store->save(m_store->create(u"Todo"_s, {{u"name"_s, u"n"_s}}));
    save.waitForFinished();
    QVERIFY(save.result());
    QCOMPARE(m_store->state(), DataStore::State::Running);
    auto stop = m_store->stop();
    stop.waitForFinished();
    QCOMPARE(m_store->state(), DataStore::State::Stopped);
    auto clear = m_store->clear();
    clear.waitForFinished();
    QVERIFY(clear.result());
    QCOMPARE(m_store->state(), DataStore::State::Stopped);
    QVERIFY(!QFile::exists(m_path));
}

void tst_DataStore::writeAheadLogging()
{
    saved(m_store->create(u"Todo"_s, {{u"name"_s, u"n"_s}}));
    FileReader reader(m_path);
    QCOMPARE(reader.rows(u"PRAGMA journal_mode"_s).value(0).first().toString(), u"wal"_s);
    QVERIFY(!reader.rows(u"SELECT * FROM _stratus_meta WHERE key = 'schemaVersion'"_s).isEmpty());
    const auto indexes =
        reader.rows(u"SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Todo'"_s);
    QStringList names;
    for (const auto &row : indexes)
        names.append(row.value(u"name"_s).toString());
    QVERIFY2(names.contains(u"Todo_byName"_s), qPrintable(names.join(u',')));

    m_store.reset();
    DataStore powerSafe(m_schema, m_path);
    powerSafe.setDurability(DataStore::Durability::PowerLossSafe);
    QCOMPARE(powerSafe.durability(), DataStore::Durability::PowerLossSafe);
    QCOMPARE(await(powerSafe.query(u"Todo"_s)).value().items.size(), 1);
}

void tst_DataStore::noSchema()
{
    DataStore store;
    auto result = await(store.query(u"Todo"_s));
    QVERIFY(!result);
    QCOMPARE(result.error().kind(), Error::Kind::Schema);
    QVERIFY(!store.loadSchema(m_dir->filePath(u"missing.graphql"_s)));
    QCOMPARE(store.lastError().kind(), Error::Kind::Schema);
    QVERIFY(store.lastError().message().contains(u"missing.graphql"_s));
}

QTEST_MAIN(tst_DataStore)
#include "tst_datastore.moc"
