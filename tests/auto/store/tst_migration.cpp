#include "testutil.h"

#include <Stratus/datastore.h>

#include <QtCore/qcryptographichash.h>
#include <QtCore/qfile.h>
#include <QtCore/qtemporarydir.h>
#include <QtTest/qtest.h>

using namespace Qt::StringLiterals;
using namespace Stratus;
using StratusTest::await;

namespace {

const QString base = uR"(
    enum Priority { LOW HIGH }
    type Todo @model { id: ID! name: String! rank: Int priority: Priority }
)"_s;

Schema parse(const QString &sdl)
{
    Error error;
    const auto schema = Schema::fromGraphQL(sdl, {}, &error);
    if (!schema)
        qFatal("%s", qPrintable(error.toString()));
    return *schema;
}

QByteArray digest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class tst_Migration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void keepsData_data();
    void keepsData();
    void refused_data();
    void refused();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void tst_Migration::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(u"db.sqlite"_s);
    DataStore store(parse(base), m_path);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(await(store.save(store.create(
            u"Todo"_s,
            {{u"name"_s, u"t%1"_s.arg(i)}, {u"rank"_s, i}, {u"priority"_s, u"HIGH"_s}}))));
    }
}

void tst_Migration::keepsData_data()
{
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QVariantMap>("newValues");
    QTest::addRow("add field")
        << u"enum Priority { LOW HIGH }\ntype Todo @model { id: ID! name: String! rank: Int priority: Priority note: String }"_s
        << QVariantMap{{u"note"_s, u"new"_s}};
    QTest::addRow("add model") << base + u"type Tag @model { id: ID! label: String }"_s
                               << QVariantMap{};
    QTest::addRow("add enum value")
        << u"enum Priority { LOW HIGH URGENT }\ntype Todo @model { id: ID! name: String! rank: Int priority: Priority }"_s
        << QVariantMap{{u"priority"_s, u"URGENT"_s}};
    QTest::addRow("add index")
        << u"enum Priority { LOW HIGH }\ntype Todo @model { id: ID! name: String! @index(name: \"byName\") rank: Int priority: Priority }"_s
        << QVariantMap{};
    QTest::addRow("add relation") << base
            + u"type TodoList @model { id: ID! todos: [Todo] @hasMany }"_s
                                  << QVariantMap{{u"todoListTodosId"_s, u"list-1"_s}};
}

void tst_Migration::keepsData()
{
    QFETCH(QString, schema);
    QFETCH(QVariantMap, newValues);
    DataStore store(parse(schema), m_path);
    const auto rows =
        await(store.query(u"Todo"_s, {}, {{{u"rank"_s, Qt::AscendingOrder}}, {}, {}}));
    QVERIFY2(rows, qPrintable(rows.error().toString()));
    QCOMPARE(rows.value().items.size(), 3);
    QCOMPARE(rows.value().items.at(2).value(u"name"_s), QVariant(u"t2"_s));
    QCOMPARE(await(store.pendingChangeCount()).value(), 3); // the outbox survived
    QVariantMap values{{u"name"_s, u"after"_s}};
    values.insert(newValues);
    const auto saved = await(store.save(store.create(u"Todo"_s, values)));
    QVERIFY2(saved, qPrintable(saved.error().toString()));
    for (auto it = newValues.cbegin(); it != newValues.cend(); ++it)
        QCOMPARE(saved.value().value(it.key()), it.value());
    QCOMPARE(await(store.pendingChangeCount()).value(), 4);
}

void tst_Migration::refused_data()
{
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("problem");
    QTest::addRow("type change")
        << u"enum Priority { LOW HIGH }\ntype Todo @model { id: ID! name: String! rank: String priority: Priority }"_s
        << u"Todo.rank changed type from Int to String"_s;
    QTest::addRow("new required field")
        << u"enum Priority { LOW HIGH }\ntype Todo @model { id: ID! name: String! rank: Int priority: Priority owner: String! }"_s
        << u"new field Todo.owner is required"_s;
    QTest::addRow("became required")
        << u"enum Priority { LOW HIGH }\ntype Todo @model { id: ID! name: String! rank: Int! priority: Priority }"_s
        << u"Todo.rank became required"_s;
    QTest::addRow("key change")
        << u"enum Priority { LOW HIGH }\ntype Todo @model { name: String! @primaryKey rank: Int priority: Priority }"_s
        << u"primary key of Todo changed"_s;
    QTest::addRow("enum value removed")
        << u"enum Priority { LOW }\ntype Todo @model { id: ID! name: String! rank: Int priority: Priority }"_s
        << u"HIGH was removed from the enum Priority"_s;
    QTest::addRow("list became scalar")
        << u"enum Priority { LOW HIGH }\ntype Todo @model { id: ID! name: String! rank: [Int] priority: Priority }"_s
        << u"from Int to [Int]"_s;
}

void tst_Migration::refused()
{
    QFETCH(QString, schema);
    QFETCH(QString, problem);
    const QByteArray before = digest(m_path);
    QVERIFY(!before.isEmpty());
    {
        DataStore store(parse(schema), m_path);
        const auto result = await(store.query(u"Todo"_s));
        QVERIFY(!result);
        QCOMPARE(result.error().kind(), Error::Kind::Schema);
        QVERIFY2(result.error().message().contains(problem), qPrintable(result.error().message()));
        QVERIFY(result.error().message().contains(m_path));
    }
    QCOMPARE(digest(m_path), before); // byte for byte
    {
        // The app that still has the old schema goes on as before.
        DataStore old(parse(base), m_path);
        QCOMPARE(await(old.query(u"Todo"_s)).value().items.size(), 3);
        QCOMPARE(await(old.pendingChangeCount()).value(), 3);
    }
    // Or the app chooses an explicit reset.
    DataStore fresh(parse(schema), m_path);
    QVERIFY(!await(fresh.start()));
    QVERIFY(await(fresh.clear()));
    QVERIFY(await(fresh.start()));
    QVERIFY(await(fresh.query(u"Todo"_s)).value().items.isEmpty());
}

QTEST_MAIN(tst_Migration)
#include "tst_migration.moc"
