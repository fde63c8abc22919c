#include "testutil.h"

#include <Stratus/datastore.h>

#include <QtCore/qjsondocument.h>
#include <QtCore/qtemporarydir.h>
#include <QtSql/qsqldatabase.h>
#include <QtSql/qsqlquery.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

using namespace Qt::StringLiterals;
using namespace Stratus;
using StratusTest::await;

namespace {

const QString sdl = uR"(
    type Blog @model { id: ID! name: String! posts: [Post] @hasMany }
    type Post @model {
      id: ID!
      title: String!
      blog: Blog @belongsTo
      comments: [Comment] @hasMany(indexName: "byPost", fields: ["id"])
      tags: [Tag] @manyToMany(relationName: "PostTags")
    }
    type Comment @model {
      id: ID!
      postID: ID! @index(name: "byPost")
      post: Post @belongsTo(fields: ["postID"])
      text: String!
    }
    type Tag @model { id: ID! label: String! posts: [Post] @manyToMany(relationName: "PostTags") }
    type Project @model { id: ID! name: String! team: Team @hasOne }
    type Team @model { id: ID! name: String! project: Project @belongsTo }
)"_s;

QStringList values(const QList<Record> &records, const QString &field)
{
    QStringList list;
    for (const Record &record : records)
        list.append(record.value(field).toString());
    list.sort();
    return list;
}

} // namespace

class tst_Relations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void hasManyAndBelongsTo();
    void indexedHasMany();
    void hasOneBothWays();
    void manyToMany();
    void foreignKeysFromRecords();
    void notARelation();
    void cascadeDelete();
    void parentPredicates_data();
    void parentPredicates();
    void parentPredicateErrors();

private:
    Record save(const QString &model, const QVariantMap &values)
    {
        const auto saved = await(m_store->save(m_store->create(model, values)));
        if (!saved)
            qWarning() << saved.error() << saved.error().details();
        return saved.value();
    }
    QList<Record> related(const Record &record, const QString &field)
    {
        const auto found = await(m_store->related(record, field));
        if (!found)
            qWarning() << found.error();
        return found.value();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<DataStore> m_store;
};

void tst_Relations::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    Error error;
    const auto schema = Schema::fromGraphQL(sdl, {}, &error);
    QVERIFY2(schema, qPrintable(error.toString()));
    m_store = std::make_unique<DataStore>(*schema, m_dir->filePath(u"db.sqlite"_s));
}

void tst_Relations::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void tst_Relations::hasManyAndBelongsTo()
{
    const Record blog = save(u"Blog"_s, {{u"name"_s, u"b"_s}});
    const Record other = save(u"Blog"_s, {{u"name"_s, u"other"_s}});
    const Record p1 =
        save(u"Post"_s, {{u"title"_s, u"p1"_s}, {u"blog"_s, QVariant::fromValue(blog)}});
    save(u"Post"_s, {{u"title"_s, u"p2"_s}, {u"blog"_s, QVariant::fromValue(blog)}});
    save(u"Post"_s, {{u"title"_s, u"p3"_s}, {u"blog"_s, QVariant::fromValue(other)}});
    QCOMPARE(values(related(blog, u"posts"_s), u"title"_s), (QStringList{u"p1"_s, u"p2"_s}));
    QCOMPARE(values(related(p1, u"blog"_s), u"name"_s), QStringList{u"b"_s});
    const Record orphan = save(u"Post"_s, {{u"title"_s, u"p4"_s}});
    QVERIFY(related(orphan, u"blog"_s).isEmpty());
}

void tst_Relations::indexedHasMany()
{
    const Record post = save(u"Post"_s, {{u"title"_s, u"p"_s}});
    save(u"Comment"_s, {{u"text"_s, u"c1"_s}, {u"post"_s, QVariant::fromValue(post)}});
    save(u"Comment"_s, {{u"text"_s, u"c2"_s}, {u"postID"_s, post.id()}});
    QCOMPARE(values(related(post, u"comments"_s), u"text"_s), (QStringList{u"c1"_s, u"c2"_s}));
    const Record comment = related(post, u"comments"_s).first();
    QCOMPARE(values(related(comment, u"post"_s), u"title"_s), QStringList{u"p"_s});
}

void tst_Relations::hasOneBothWays()
{
    const Record team = save(u"Team"_s, {{u"name"_s, u"t"_s}});
    const Record project =
        save(u"Project"_s, {{u"name"_s, u"p"_s}, {u"team"_s, QVariant::fromValue(team)}});
    QCOMPARE(project.value(u"projectTeamId"_s), QVariant(team.id()));
    QCOMPARE(values(related(project, u"team"_s), u"name"_s), QStringList{u"t"_s});
    const Record linked = save(
        u"Team"_s,
        {{u"id"_s, team.id()}, {u"name"_s, u"t"_s}, {u"project"_s, QVariant::fromValue(project)}});
    QCOMPARE(values(related(linked, u"project"_s), u"name"_s), QStringList{u"p"_s});
}

void tst_Relations::manyToMany()
{
    const Record post = save(u"Post"_s, {{u"title"_s, u"p"_s}});
    const Record other = save(u"Post"_s, {{u"title"_s, u"q"_s}});
    const Record red = save(u"Tag"_s, {{u"label"_s, u"red"_s}});
    const Record blue = save(u"Tag"_s, {{u"label"_s, u"blue"_s}});
    for (const auto &[p, t] : {std::pair{post, red}, std::pair{post, blue}, std::pair{other, red}})
        save(u"PostTags"_s,
             {{u"post"_s, QVariant::fromValue(p)}, {u"tag"_s, QVariant::fromValue(t)}});
    QCOMPARE(values(related(post, u"tags"_s), u"label"_s), (QStringList{u"blue"_s, u"red"_s}));
    QCOMPARE(values(related(red, u"posts"_s), u"title"_s), (QStringList{u"p"_s, u"q"_s}));
    QCOMPARE(values(related(blue, u"posts"_s), u"title"_s), QStringList{u"p"_s});
}

void tst_Relations::foreignKeysFromRecords()
{
    const Record blog = save(u"Blog"_s, {{u"name"_s, u"b"_s}});
    const Record post =
        m_store->create(u"Post"_s, {{u"title"_s, u"p"_s}, {u"blog"_s, QVariant::fromValue(blog)}});
    QCOMPARE(post.value(u"blogPostsId"_s), QVariant(blog.id()));
    QVERIFY(!post.contains(u"blog"_s));
    // copyOf with a related record, or null to unlink.
    const Record other = save(u"Blog"_s, {{u"name"_s, u"o"_s}});
    const Record moved = post.copyOf(QVariantMap{{u"blog"_s, QVariant::fromValue(other)}});
    QCOMPARE(moved.value(u"blogPostsId"_s), QVariant(other.id()));
    QCOMPARE(moved.changedFields(), QStringList{u"blogPostsId"_s});
    const Record unlinked = moved.copyOf(QVariantMap{{u"blog"_s, QVariant()}});
    QVERIFY(!unlinked.value(u"blogPostsId"_s).isValid());
}

void tst_Relations::notARelation()
{
    const Record blog = save(u"Blog"_s, {{u"name"_s, u"b"_s}});
    const auto result = await(m_store->related(blog, u"name"_s));
    QVERIFY(!result);
    QCOMPARE(result.error().kind(), Error::Kind::Validation);
}

void tst_Relations::cascadeDelete()
{
    const Record blog = save(u"Blog"_s, {{u"name"_s, u"b"_s}});
    const Record post =
        save(u"Post"_s, {{u"title"_s, u"p"_s}, {u"blog"_s, QVariant::fromValue(blog)}});
    save(u"Comment"_s, {{u"text"_s, u"c"_s}, {u"post"_s, QVariant::fromValue(post)}});
    const Record tag = save(u"Tag"_s, {{u"label"_s, u"t"_s}});
    save(u"PostTags"_s,
         {{u"post"_s, QVariant::fromValue(post)}, {u"tag"_s, QVariant::fromValue(tag)}});
    const Record keep = save(u"Blog"_s, {{u"name"_s, u"keep"_s}});
    save(u"Post"_s, {{u"title"_s, u"kept"_s}, {u"blog"_s, QVariant::fromValue(keep)}});

    // Mark the creates as sent, so that the deletes get outbox rows of their own.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"mark"_s);
        db.setDatabaseName(m_dir->filePath(u"db.sqlite"_s));
        QVERIFY(db.open());
        QVERIFY(QSqlQuery(db).exec(u"UPDATE _stratus_outbox SET in_flight = 1"_s));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"mark"_s);

    std::unique_ptr<Observation> observation(m_store->observe());
    QSignalSpy changes(observation.get(), &Observation::changed);
    const auto removed = await(m_store->remove(blog));
    QVERIFY2(removed, qPrintable(removed.error().toString()));
    QCOMPARE(removed.value().size(), 1); // what was asked for; the cascade shows in the outbox
    QTRY_COMPARE(changes.size(), 4);
    QStringList order;
    for (const auto &arguments : changes)
        order.append(arguments.first().value<Change>().modelName());
    QCOMPARE(order, (QStringList{u"Comment"_s, u"PostTags"_s, u"Post"_s, u"Blog"_s}));

    // The outbox: the children's deletes before their parents'.
    QStringList deletes;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"read"_s);
        db.setDatabaseName(m_dir->filePath(u"db.sqlite"_s));
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(
            u"SELECT model FROM _stratus_outbox WHERE operation = 'Delete' ORDER BY id"_s));
        while (query.next())
            deletes.append(query.value(0).toString());
        db.close();
    }
    QSqlDatabase::removeDatabase(u"read"_s);
    QCOMPARE(deletes, (QStringList{u"Comment"_s, u"PostTags"_s, u"Post"_s, u"Blog"_s}));

    QVERIFY(await(m_store->query(u"Comment"_s)).value().items.isEmpty());
    QCOMPARE(values(await(m_store->query(u"Post"_s)).value().items, u"title"_s),
             QStringList{u"kept"_s});
    QCOMPARE(await(m_store->query(u"Tag"_s)).value().items.size(), 1); // partners stay
}

void tst_Relations::parentPredicates_data()
{
    QTest::addColumn<Predicate>("predicate");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("eq") << field(u"post.title"_s).eq(u"first"_s) << QStringList{u"a"_s, u"b"_s};
    QTest::addRow("beginsWith") << field(u"post.title"_s).beginsWith(u"s"_s) << QStringList{u"c"_s};
    QTest::addRow("and own field")
        << (field(u"post.title"_s).eq(u"first"_s) && field(u"text"_s).ne(u"a"_s))
        << QStringList{u"b"_s};
    QTest::addRow("or") << (field(u"post.title"_s).eq(u"second"_s) || field(u"text"_s).eq(u"a"_s))
                        << QStringList{u"a"_s, u"c"_s};
    // A comment whose post is gone has no parent: it matches no parent comparison, and the
    // negation of one.
    QTest::addRow("not") << !field(u"post.title"_s).eq(u"first"_s)
                         << QStringList{u"c"_s, u"orphan"_s};
    QTest::addRow("ne") << field(u"post.title"_s).ne(u"first"_s) << QStringList{u"c"_s};
}

void tst_Relations::parentPredicates()
{
    QFETCH(Predicate, predicate);
    QFETCH(QStringList, expected);
    const Record first = save(u"Post"_s, {{u"title"_s, u"first"_s}});
    const Record second = save(u"Post"_s, {{u"title"_s, u"second"_s}});
    save(u"Comment"_s, {{u"text"_s, u"a"_s}, {u"post"_s, QVariant::fromValue(first)}});
    save(u"Comment"_s, {{u"text"_s, u"b"_s}, {u"post"_s, QVariant::fromValue(first)}});
    save(u"Comment"_s, {{u"text"_s, u"c"_s}, {u"post"_s, QVariant::fromValue(second)}});
    save(u"Comment"_s, {{u"text"_s, u"orphan"_s}, {u"postID"_s, u"no-such-post"_s}});
    const auto found = await(m_store->query(u"Comment"_s, predicate));
    QVERIFY2(found, qPrintable(found.error().toString()));
    QCOMPARE(values(found.value().items, u"text"_s), expected);
    // The same predicate removes exactly those.
    const auto removed = await(m_store->remove(u"Comment"_s, predicate));
    QVERIFY(removed);
    QCOMPARE(values(removed.value(), u"text"_s), expected);
}

void tst_Relations::parentPredicateErrors()
{
    const auto unknown = await(m_store->query(u"Comment"_s, field(u"post.nope"_s).eq(1)));
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().kind(), Error::Kind::Validation);
    const auto notBelongsTo =
        await(m_store->query(u"Post"_s, field(u"comments.text"_s).eq(u"x"_s)));
    QVERIFY(!notBelongsTo);
    QVERIFY(notBelongsTo.error().message().contains(u"@belongsTo"_s));
    const auto wrongType = await(m_store->query(u"Comment"_s, field(u"post.title"_s).gt(3)));
    QVERIFY(!wrongType);
    // In-memory evaluation cannot see the parent: conditions and live models refuse it.
    const Record post = save(u"Post"_s, {{u"title"_s, u"p"_s}});
    const Record comment =
        save(u"Comment"_s, {{u"text"_s, u"c"_s}, {u"post"_s, QVariant::fromValue(post)}});
    const auto condition = await(m_store->save(comment.copyOf(QVariantMap{{u"text"_s, u"d"_s}}),
                                               field(u"post.title"_s).eq(u"p"_s)));
    QVERIFY(!condition);
    QVERIFY(condition.error().message().contains(u"queries and removes only"_s));
}

QTEST_MAIN(tst_Relations)
#include "tst_relations.moc"
