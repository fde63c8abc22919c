#include <Stratus/record.h>

#include <QtCore/quuid.h>
#include <QtTest/qtest.h>

using namespace Qt::StringLiterals;
using namespace Stratus;

class tst_Record : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void generatesUuidV4();
    void keepsGivenId();
    void customKeyGetsNoId();
    void copyOf_data();
    void copyOf();
    void copyOfWithMutator();
    void changedFieldsAccumulate();
    void implicitSharing();

private:
    Schema m_schema;
};

void tst_Record::initTestCase()
{
    SchemaBuilder builder;
    builder.addModel(u"Todo"_s)
        .addField(u"name"_s, u"String"_s, SchemaBuilder::Required)
        .addField(u"done"_s, u"Boolean"_s);
    builder.addModel(u"Book"_s)
        .addField(u"author"_s, u"String"_s, SchemaBuilder::Required)
        .addField(u"title"_s, u"String"_s, SchemaBuilder::Required)
        .setPrimaryKey({u"author"_s, u"title"_s});
    Error error;
    auto schema = builder.build(&error);
    QVERIFY2(schema, qPrintable(error.toString()));
    m_schema = *schema;
}

void tst_Record::generatesUuidV4()
{
    QSet<QString> ids;
    for (int i = 0; i < 100; ++i) {
        const Record record(m_schema.model(u"Todo"_s));
        const QUuid id(record.id());
        QCOMPARE(id.version(), QUuid::Random);
        QCOMPARE(id.variant(), QUuid::DCE);
        ids.insert(record.id());
    }
    QCOMPARE(ids.size(), 100);
}

void tst_Record::keepsGivenId()
{
    const Record record(m_schema.model(u"Todo"_s), {{u"id"_s, u"mine"_s}});
    QCOMPARE(record.id(), u"mine"_s);
    QCOMPARE(record.key(), (QVariantMap{{u"id"_s, u"mine"_s}}));
}

void tst_Record::customKeyGetsNoId()
{
    const Record record(m_schema.model(u"Book"_s), {{u"author"_s, u"a"_s}, {u"title"_s, u"t"_s}});
    QVERIFY(!record.contains(u"id"_s));
    QCOMPARE(record.key().size(), 2);
}

void tst_Record::copyOf_data()
{
    QTest::addColumn<QVariantMap>("changes");
    QTest::addColumn<QString>("refusedField");
    QTest::addRow("plain field") << QVariantMap{{u"name"_s, u"b"_s}} << QString();
    QTest::addRow("key unchanged")
        << QVariantMap{{u"id"_s, u"fixed"_s}, {u"name"_s, u"b"_s}} << QString();
    QTest::addRow("key changed") << QVariantMap{{u"id"_s, u"other"_s}} << u"id"_s;
    QTest::addRow("read-only") << QVariantMap{{u"createdAt"_s, u"2020-01-01T00:00:00Z"_s}}
                               << u"createdAt"_s;
    QTest::addRow("unknown") << QVariantMap{{u"colour"_s, u"red"_s}} << u"colour"_s;
}

void tst_Record::copyOf()
{
    QFETCH(QVariantMap, changes);
    QFETCH(QString, refusedField);
    // Snapshots come from the store; a new record's key can still change.
    const Record fresh(m_schema.model(u"Todo"_s), {{u"id"_s, u"fixed"_s}, {u"name"_s, u"a"_s}});
    QVERIFY(!fresh.isSnapshotCopy());
    Error error;
    const Record copy = fresh.copyOf(changes, &error);
    if (refusedField.isEmpty() || refusedField == u"id") {
        QVERIFY2(copy.isValid(), qPrintable(error.toString()));
    } else {
        QVERIFY(!copy.isValid());
        QCOMPARE(error.kind(), Error::Kind::Validation);
        QCOMPARE(error.fieldName(), refusedField);
    }
    QCOMPARE(fresh.value(u"name"_s), QVariant(u"a"_s)); // the original never changes
}

void tst_Record::copyOfWithMutator()
{
    const Record record(m_schema.model(u"Todo"_s), {{u"name"_s, u"a"_s}, {u"done"_s, false}});
    const Record copy = record.copyOf([](QVariantMap &draft) {
        draft[u"done"_s] = true;
        draft.remove(u"name"_s);
    });
    QVERIFY(copy.isValid());
    QCOMPARE(copy.value(u"done"_s), QVariant(true));
    QVERIFY(!copy.value(u"name"_s).isValid());
    QStringList changed = copy.changedFields();
    changed.sort();
    QCOMPARE(changed, (QStringList{u"done"_s, u"name"_s}));
}

void tst_Record::changedFieldsAccumulate()
{
    const Record record(m_schema.model(u"Todo"_s), {{u"name"_s, u"a"_s}});
    const Record once = record.copyOf(QVariantMap{{u"name"_s, u"b"_s}});
    const Record twice = once.copyOf(QVariantMap{{u"done"_s, true}});
    QCOMPARE(twice.changedFields(), (QStringList{u"name"_s, u"done"_s}));
    const Record same = record.copyOf(QVariantMap{{u"name"_s, u"a"_s}});
    QVERIFY(same.changedFields().isEmpty());
}

void tst_Record::implicitSharing()
{
    const Record a(m_schema.model(u"Todo"_s), {{u"name"_s, u"a"_s}});
    Record b = a;
    QCOMPARE(a, b);
    b = b.copyOf(QVariantMap{{u"name"_s, u"z"_s}});
    QVERIFY(a != b);
    QCOMPARE(a.value(u"name"_s), QVariant(u"a"_s));
    QVERIFY(!Record().isValid());
}

QTEST_MAIN(tst_Record)
#include "tst_record.moc"
