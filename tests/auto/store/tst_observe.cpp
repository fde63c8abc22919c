#include "testutil.h"

#include <Stratus/datastore.h>

#include <QtCore/qtemporarydir.h>
#include <QtCore/qthread.h>
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
        .addField(u"rank"_s, u"Int"_s);
    builder.addModel(u"Note"_s).addField(u"text"_s, u"String"_s);
    builder.addModel(u"Book"_s)
        .addField(u"author"_s, u"String"_s, SchemaBuilder::Required)
        .addField(u"title"_s, u"String"_s, SchemaBuilder::Required)
        .setPrimaryKey({u"author"_s, u"title"_s});
    return *builder.build();
}

QString describe(const Change &change, const QString &field = u"name"_s)
{
    static const char *names[] = {"INSERT", "UPDATE", "DELETE"};
    return QString::fromLatin1(names[int(change.operation)]) + u' ' + change.modelName() + u' '
        + change.record.value(field).toString();
}

QStringList changes(const QSignalSpy &spy, const QString &field = u"name"_s)
{
    QStringList list;
    for (const QList<QVariant> &arguments : spy)
        list.append(describe(arguments.first().value<Change>(), field));
    return list;
}

} // namespace

class tst_Observe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void everyOperation();
    void byModel();
    void byPredicate();
    void byKey();
    void compositeKey();
    void condition();
    void lifetime();
    void otherThread();
    void errors_data();
    void errors();
    void finishedWithTheStore();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<DataStore> m_store;
};

void tst_Observe::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<DataStore>(schema(), m_dir->filePath(u"db.sqlite"_s));
}

void tst_Observe::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void tst_Observe::everyOperation()
{
    std::unique_ptr<Observation> all(m_store->observe());
    QSignalSpy spy(all.get(), &Observation::changed);
    const Record a =
        await(m_store->save(m_store->create(u"Todo"_s, {{u"name"_s, u"a"_s}}))).value();
    await(m_store->save(a.copyOf(QVariantMap{{u"name"_s, u"b"_s}})));
    await(m_store->remove(a));
    await(m_store->save(m_store->create(u"Note"_s, {{u"text"_s, u"n"_s}})));
    QTRY_COMPARE(spy.size(), 4);
    QCOMPARE(changes(spy),
             (QStringList{u"INSERT Todo a"_s, u"UPDATE Todo b"_s, u"DELETE Todo b"_s,
                          u"INSERT Note "_s}));
    const Change update = spy.at(1).first().value<Change>();
    QCOMPARE(update.record.value(u"name"_s), QVariant(u"b"_s));
    QVERIFY(!update.record.value(u"updatedAt"_s).toString().isEmpty());
    QVERIFY(update.condition.isAll());
}

void tst_Observe::byModel()
{
    std::unique_ptr<Observation> notes(m_store->observe(u"Note"_s));
    QSignalSpy spy(notes.get(), &Observation::changed);
    await(m_store->save(m_store->create(u"Todo"_s, {{u"name"_s, u"a"_s}})));
    await(m_store->save(m_store->create(u"Note"_s, {{u"text"_s, u"n"_s}})));
    QTRY_COMPARE(spy.size(), 1);
    QCOMPARE(changes(spy, u"text"_s), QStringList{u"INSERT Note n"_s});
    QCOMPARE(notes->modelName(), u"Note"_s);
}

void tst_Observe::byPredicate()
{
    std::unique_ptr<Observation> high(m_store->observe(u"Todo"_s, field(u"rank"_s).gt(5)));
    QSignalSpy spy(high.get(), &Observation::changed);
    for (int rank : {1, 7, 3, 9})
        m_store->save(
            m_store->create(u"Todo"_s, {{u"name"_s, u"r%1"_s.arg(rank)}, {u"rank"_s, rank}}));
    await(m_store->remove(u"Todo"_s, field(u"rank"_s).lt(8)));
    // Deletes report the record as it was, so they match the predicate too.
    QTRY_COMPARE(changes(spy),
                 (QStringList{u"INSERT Todo r7"_s, u"INSERT Todo r9"_s, u"DELETE Todo r7"_s}));
}

void tst_Observe::byKey()
{
    const Record mine =
        await(m_store->save(m_store->create(u"Todo"_s, {{u"name"_s, u"mine"_s}}))).value();
    std::unique_ptr<Observation> one(m_store->observeKey(u"Todo"_s, mine.id()));
    QSignalSpy spy(one.get(), &Observation::changed);
    await(m_store->save(m_store->create(u"Todo"_s, {{u"name"_s, u"other"_s}})));
    await(m_store->save(mine.copyOf(QVariantMap{{u"rank"_s, 2}})));
    await(m_store->remove(mine));
    QTRY_COMPARE(changes(spy), (QStringList{u"UPDATE Todo mine"_s, u"DELETE Todo mine"_s}));
}

void tst_Observe::compositeKey()
{
    std::unique_ptr<Observation> one(
        m_store->observeKey(u"Book"_s, QVariantMap{{u"author"_s, u"a"_s}, {u"title"_s, u"t"_s}}));
    QSignalSpy spy(one.get(), &Observation::changed);
    await(m_store->save(m_store->create(u"Book"_s, {{u"author"_s, u"a"_s}, {u"title"_s, u"x"_s}})));
    await(m_store->save(m_store->create(u"Book"_s, {{u"author"_s, u"a"_s}, {u"title"_s, u"t"_s}})));
    QTRY_COMPARE(changes(spy, u"title"_s), QStringList{u"INSERT Book t"_s});
}

void tst_Observe::condition()
{
    std::unique_ptr<Observation> all(m_store->observe(u"Todo"_s));
    QSignalSpy spy(all.get(), &Observation::changed);
    const Record a =
        await(m_store->save(m_store->create(u"Todo"_s, {{u"name"_s, u"a"_s}, {u"rank"_s, 1}})))
            .value();
    await(m_store->save(a.copyOf(QVariantMap{{u"rank"_s, 2}}), field(u"rank"_s).eq(1)));
    QTRY_COMPARE(spy.size(), 2);
    QCOMPARE(spy.at(1).first().value<Change>().condition.toString(), u"rank eq 1"_s);
}

void tst_Observe::lifetime()
{
    auto *observation = m_store->observe(u"Todo"_s);
    QSignalSpy spy(observation, &Observation::changed);
    await(m_store->save(m_store->create(u"Todo"_s, {{u"name"_s, u"a"_s}})));
    QTRY_COMPARE(spy.size(), 1);
    delete observation; // stops observing; later commits reach nobody
    await(m_store->save(m_store->create(u"Todo"_s, {{u"name"_s, u"b"_s}})));
    QTest::qWait(20);
    QCOMPARE(spy.size(), 1);

    // Owned by a parent: goes with it.
    QObject owner;
    QPointer<Observation> child = m_store->observe(u"Todo"_s, {}, &owner);
    QVERIFY(child);
    QCOMPARE(child->parent(), &owner);
}

void tst_Observe::otherThread()
{
    QThread thread;
    thread.start();
    auto *observation = m_store->observe(u"Todo"_s);
    observation->moveToThread(&thread);
    std::atomic<QThread *> seenOn = nullptr;
    std::atomic<int> seen = 0;
    connect(
        observation, &Observation::changed, observation,
        [&](const Change &) {
            seenOn = QThread::currentThread();
            ++seen;
        },
        Qt::DirectConnection);
    await(m_store->save(m_store->create(u"Todo"_s, {{u"name"_s, u"a"_s}})));
    QTRY_COMPARE(seen.load(), 1);
    QCOMPARE(seenOn.load(), &thread);
    QMetaObject::invokeMethod(
        observation, [observation] { delete observation; }, Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();
}

void tst_Observe::errors_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<Predicate>("predicate");
    QTest::addColumn<Error::Kind>("kind");
    QTest::addRow("unknown model") << u"Nope"_s << Predicate() << Error::Kind::Schema;
    QTest::addRow("unknown field")
        << u"Todo"_s << field(u"nope"_s).eq(1) << Error::Kind::Validation;
    QTest::addRow("wrong type") << u"Todo"_s << field(u"rank"_s).eq(u"x"_s)
                                << Error::Kind::Validation;
    QTest::addRow("predicate without model")
        << QString() << field(u"rank"_s).eq(1) << Error::Kind::Validation;
}

void tst_Observe::errors()
{
    QFETCH(QString, model);
    QFETCH(Predicate, predicate);
    QFETCH(Error::Kind, kind);
    std::unique_ptr<Observation> observation(m_store->observe(model, predicate));
    QSignalSpy errors(observation.get(), &Observation::errorOccurred);
    QSignalSpy finished(observation.get(), &Observation::finished);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().first().value<Error>().kind(), kind);
    QVERIFY(observation->isFinished());
}

void tst_Observe::finishedWithTheStore()
{
    std::unique_ptr<Observation> observation(m_store->observe());
    QSignalSpy finished(observation.get(), &Observation::finished);
    m_store.reset();
    QTRY_COMPARE(finished.size(), 1);
}

QTEST_MAIN(tst_Observe)
#include "tst_observe.moc"
