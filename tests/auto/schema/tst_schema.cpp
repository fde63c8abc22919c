#include <Stratus/schema.h>

#include <QtCore/qdir.h>
#include <QtCore/qfile.h>
#include <QtCore/qjsonarray.h>
#include <QtCore/qregularexpression.h>
#include <QtTest/qtest.h>

using namespace Qt::StringLiterals;
using namespace Stratus;

namespace {

QString dataPath(const QString &name)
{
    return QStringLiteral(STRATUS_TEST_DATA_DIR) + u'/' + name;
}

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class tst_Schema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void models();
    void scalars_data();
    void scalars();
    void keysAndIndexes();
    void implicitFields();
    void relations_data();
    void relations();
    void manyToManyJoinModel();
    void nonModelsAndEnums();
    void unknownDirectivesAreKept();
    void loadFromResource();
    void loadErrors();
    void badSchemas_data();
    void badSchemas();
    void builderMatchesFile();
    void builderErrors();
    void version();
    void toJson();

private:
    Schema m_schema;
};

void tst_Schema::initTestCase()
{
    Error error;
    const auto schema = Schema::load(dataPath(u"good/blog.graphql"_s), &error);
    QVERIFY2(schema, qPrintable(error.toString()));
    m_schema = *schema;
}

void tst_Schema::models()
{
    QStringList names;
    for (const ModelSchema &model : m_schema.models())
        names.append(model.name());
    QCOMPARE(names,
             (QStringList{u"Blog"_s, u"Author"_s, u"Post"_s, u"Comment"_s, u"Tag"_s, u"Category"_s,
                          u"Person"_s, u"PostTags"_s}));
    QCOMPARE(m_schema.model(u"Category"_s).pluralName(), u"Categories"_s);
    QCOMPARE(m_schema.model(u"Person"_s).pluralName(), u"People"_s);
    QCOMPARE(m_schema.model(u"Post"_s).pluralName(), u"Posts"_s);
    QVERIFY(m_schema.model(u"Post"_s).isSyncable());
    QVERIFY(!m_schema.model(u"Query"_s).isValid());
    QVERIFY(!m_schema.model(u"Address"_s).isValid());
    QCOMPARE(m_schema.model(u"Post"_s).line(), 30);
    QCOMPARE(m_schema.model(u"Post"_s).column(), 1);
}

void tst_Schema::scalars_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("field");
    QTest::addColumn<ModelField::Type>("type");
    QTest::addColumn<bool>("required");
    QTest::addColumn<bool>("list");
    QTest::addRow("ID") << u"Post"_s << u"id"_s << ModelField::Type::ID << true << false;
    QTest::addRow("String") << u"Post"_s << u"title"_s << ModelField::Type::String << true << false;
    QTest::addRow("Int") << u"Post"_s << u"views"_s << ModelField::Type::Int << false << false;
    QTest::addRow("Float") << u"Post"_s << u"rating"_s << ModelField::Type::Float << false << false;
    QTest::addRow("Boolean") << u"Category"_s << u"flag"_s << ModelField::Type::Boolean << false
                             << false;
    QTest::addRow("AWSDate") << u"Category"_s << u"day"_s << ModelField::Type::AWSDate << false
                             << false;
    QTest::addRow("AWSTime") << u"Category"_s << u"time"_s << ModelField::Type::AWSTime << false
                             << false;
    QTest::addRow("AWSDateTime") << u"Post"_s << u"published"_s << ModelField::Type::AWSDateTime
                                 << false << false;
    QTest::addRow("AWSTimestamp") << u"Category"_s << u"stamp"_s << ModelField::Type::AWSTimestamp
                                  << false << false;
    QTest::addRow("AWSEmail") << u"Author"_s << u"email"_s << ModelField::Type::AWSEmail << false
                              << false;
    QTest::addRow("AWSJSON") << u"Category"_s << u"note"_s << ModelField::Type::AWSJSON << false
                             << false;
    QTest::addRow("AWSURL") << u"Category"_s << u"site"_s << ModelField::Type::AWSURL << false
                            << false;
    QTest::addRow("AWSPhone") << u"Category"_s << u"phone"_s << ModelField::Type::AWSPhone << false
                              << false;
    QTest::addRow("AWSIPAddress") << u"Category"_s << u"ip"_s << ModelField::Type::AWSIPAddress
                                  << false << false;
    QTest::addRow("enum") << u"Post"_s << u"status"_s << ModelField::Type::Enum << true << false;
    QTest::addRow("non-model") << u"Author"_s << u"address"_s << ModelField::Type::NonModel << false
                               << false;
    QTest::addRow("relation list")
        << u"Blog"_s << u"posts"_s << ModelField::Type::Model << false << true;
}

void tst_Schema::scalars()
{
    QFETCH(QString, model);
    QFETCH(QString, field);
    QFETCH(ModelField::Type, type);
    QFETCH(bool, required);
    QFETCH(bool, list);
    const ModelField f = m_schema.model(model).field(field);
    QVERIFY(f.isValid());
    QCOMPARE(f.type(), type);
    QCOMPARE(f.isRequired(), required);
    QCOMPARE(f.isList(), list);
    QCOMPARE(f.isStored(), type != ModelField::Type::Model);
}

void tst_Schema::keysAndIndexes()
{
    const ModelSchema category = m_schema.model(u"Category"_s);
    QCOMPARE(category.primaryKey(), (QStringList{u"name"_s, u"shelf"_s}));
    QVERIFY(category.hasCustomPrimaryKey());
    QVERIFY(!category.hasField(u"id"_s)); // no managed id with a custom key
    QVERIFY(!m_schema.model(u"Post"_s).hasCustomPrimaryKey());

    const QList<ModelIndex> indexes = m_schema.model(u"Comment"_s).indexes();
    QCOMPARE(indexes.size(), 1);
    QCOMPARE(indexes[0].name, u"byPost"_s);
    QCOMPARE(indexes[0].fields, (QStringList{u"postID"_s, u"content"_s}));
    const ModelIndex byTitle = m_schema.model(u"Post"_s).indexes().value(0);
    QCOMPARE(byTitle.name, u"byTitle"_s);
    QCOMPARE(byTitle.queryField, u"postsByTitle"_s);
}

void tst_Schema::implicitFields()
{
    const ModelSchema post = m_schema.model(u"Post"_s);
    QVERIFY(post.field(u"createdAt"_s).isReadOnly());
    QVERIFY(post.field(u"updatedAt"_s).isReadOnly());
    QCOMPARE(post.field(u"createdAt"_s).type(), ModelField::Type::AWSDateTime);
    QVERIFY(post.field(u"createdAt"_s).isImplicit());
    QVERIFY(!post.field(u"title"_s).isImplicit());
    QCOMPARE(post.createdAtField(), u"createdAt"_s);

    const ModelSchema author = m_schema.model(u"Author"_s);
    QCOMPARE(author.createdAtField(), u"joinedOn"_s);
    QVERIFY(author.updatedAtField().isEmpty());
    QVERIFY(author.field(u"joinedOn"_s).isReadOnly());
    QVERIFY(!author.hasField(u"updatedAt"_s));

    const ModelSchema person = m_schema.model(u"Person"_s);
    QVERIFY(!person.hasField(u"createdAt"_s));
    QVERIFY(person.createdAtField().isEmpty());

    // An explicit `id: ID!` is the managed key, not a second field.
    QCOMPARE(post.fieldNames().count(u"id"_s), 1);
    const ModelSchema tag = m_schema.model(u"Tag"_s);
    QCOMPARE(tag.field(u"id"_s).type(), ModelField::Type::ID);
}

void tst_Schema::relations_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("field");
    QTest::addColumn<ModelField::Relation>("relation");
    QTest::addColumn<QString>("related");
    QTest::addColumn<QStringList>("targetNames");
    QTest::addColumn<QStringList>("associatedWith");
    QTest::addRow("implicit hasMany")
        << u"Blog"_s << u"posts"_s << ModelField::Relation::HasMany << u"Post"_s << QStringList{}
        << QStringList{u"blogPostsId"_s};
    QTest::addRow("implicit belongsTo shares the key")
        << u"Post"_s << u"blog"_s << ModelField::Relation::BelongsTo << u"Blog"_s
        << QStringList{u"blogPostsId"_s} << QStringList{};
    QTest::addRow("implicit hasOne")
        << u"Blog"_s << u"owner"_s << ModelField::Relation::HasOne << u"Author"_s
        << QStringList{u"blogOwnerId"_s} << QStringList{u"id"_s};
    QTest::addRow("hasMany by index") << u"Post"_s << u"comments"_s << ModelField::Relation::HasMany
                                      << u"Comment"_s << QStringList{} << QStringList{u"postID"_s};
    QTest::addRow("belongsTo fields")
        << u"Comment"_s << u"post"_s << ModelField::Relation::BelongsTo << u"Post"_s
        << QStringList{u"postID"_s} << QStringList{};
    QTest::addRow("manyToMany") << u"Post"_s << u"tags"_s << ModelField::Relation::ManyToMany
                                << u"Tag"_s << QStringList{} << QStringList{u"postId"_s};
    QTest::addRow("manyToMany other side")
        << u"Tag"_s << u"posts"_s << ModelField::Relation::ManyToMany << u"Post"_s << QStringList{}
        << QStringList{u"tagId"_s};
}

void tst_Schema::relations()
{
    QFETCH(QString, model);
    QFETCH(QString, field);
    QFETCH(ModelField::Relation, relation);
    QFETCH(QString, related);
    QFETCH(QStringList, targetNames);
    QFETCH(QStringList, associatedWith);
    const ModelField f = m_schema.model(model).field(field);
    QCOMPARE(f.relation(), relation);
    QCOMPARE(f.relatedModel(), related);
    QCOMPARE(f.targetNames(), targetNames);
    QCOMPARE(f.associatedWith(), associatedWith);
    QVERIFY(!f.isStored());
    for (const QString &target : targetNames)
        QVERIFY2(m_schema.model(model).field(target).isStored(), qPrintable(target));
    for (const QString &name : associatedWith)
        QVERIFY2(
            m_schema.model(relation == ModelField::Relation::ManyToMany ? f.joinModel() : related)
                .hasField(name),
            qPrintable(name));
}

void tst_Schema::manyToManyJoinModel()
{
    const ModelSchema join = m_schema.model(u"PostTags"_s);
    QVERIFY(join.isValid());
    QCOMPARE(join.field(u"postId"_s).type(), ModelField::Type::ID);
    QVERIFY(join.field(u"postId"_s).isRequired());
    QCOMPARE(join.field(u"post"_s).relation(), ModelField::Relation::BelongsTo);
    QCOMPARE(join.field(u"post"_s).targetNames(), QStringList{u"postId"_s});
    QCOMPARE(join.field(u"tag"_s).targetNames(), QStringList{u"tagId"_s});
    QCOMPARE(m_schema.model(u"Post"_s).field(u"tags"_s).joinModel(), u"PostTags"_s);
}

void tst_Schema::nonModelsAndEnums()
{
    const ModelSchema address = m_schema.nonModel(u"Address"_s);
    QVERIFY(address.isValid());
    QVERIFY(!address.isModel());
    QVERIFY(!address.isSyncable());
    QVERIFY(!address.hasField(u"id"_s));
    QVERIFY(address.field(u"lines"_s).isList());
    QVERIFY(address.field(u"lines"_s).isListItemRequired());
    QCOMPARE(address.field(u"lines"_s).toTypeString(), u"[String!]"_s);
    const auto status = m_schema.enumType(u"Status"_s);
    QVERIFY(status);
    QCOMPARE(status->values, (QStringList{u"DRAFT"_s, u"PUBLISHED"_s}));
    QCOMPARE(m_schema.model(u"Post"_s).field(u"status"_s).enumValues(), status->values);
    QVERIFY(!m_schema.enumType(u"Nope"_s));
}

void tst_Schema::unknownDirectivesAreKept()
{
    const QVariantList attributes = m_schema.model(u"Blog"_s).attributes();
    QStringList types;
    for (const QVariant &attribute : attributes)
        types.append(attribute.toMap().value(u"type"_s).toString());
    QCOMPARE(types, (QStringList{u"model"_s, u"auth"_s}));
    const QVariantMap auth = attributes.at(1).toMap().value(u"properties"_s).toMap();
    QCOMPARE(auth.value(u"rules"_s).toList().value(0).toMap().value(u"allow"_s),
             QVariant(u"public"_s));
}

void tst_Schema::loadFromResource()
{
    Error error;
    auto fromQrc = Schema::load(u"qrc:/schemas/blog.graphql"_s, &error);
    QVERIFY2(fromQrc, qPrintable(error.toString()));
    QCOMPARE(fromQrc->version(), m_schema.version());
    auto fromColon = Schema::load(u":/schemas/blog.graphql"_s, &error);
    QVERIFY(fromColon);
    auto fromFileUrl =
        Schema::load(QUrl::fromLocalFile(dataPath(u"good/blog.graphql"_s)).toString(), &error);
    QVERIFY(fromFileUrl);
}

void tst_Schema::loadErrors()
{
    Error error;
    QVERIFY(!Schema::load(u"/nonexistent/schema.graphql"_s, &error));
    QCOMPARE(error.kind(), Error::Kind::Schema);
    QVERIFY(error.message().contains(u"/nonexistent/schema.graphql"_s));
    QVERIFY(!Schema::load(u"qrc:/schemas/missing.graphql"_s, &error));
    QVERIFY(error.message().contains(u"missing.graphql"_s));
}

void tst_Schema::badSchemas_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    const QDir dir(dataPath(u"bad"_s));
    const QStringList files = dir.entryList({u"*.graphql"_s}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 30);
    static const QRegularExpression header(u"^# error: (?:(\\d+):(\\d+)|-): ?(.*)$"_s);
    for (const QString &name : files) {
        const QString text = readFile(dir.filePath(name));
        const auto match = header.match(text.section(u'\n', 0, 0));
        QVERIFY2(match.hasMatch(), qPrintable(name));
        QTest::addRow("%s", qPrintable(name)) << dir.filePath(name) << match.captured(1).toInt()
                                              << match.captured(2).toInt() << match.captured(3);
    }
}

void tst_Schema::badSchemas()
{
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    Error error;
    const auto schema = Schema::load(file, &error);
    QVERIFY(!schema);
    QCOMPARE(error.kind(), Error::Kind::Schema);
    const QString text = error.message();
    QVERIFY2(text.startsWith(file + u':'), qPrintable(text));
    if (line > 0) {
        const QString position =
            file + u':' + QString::number(line) + u':' + QString::number(column) + u':';
        QVERIFY2(text.startsWith(position),
                 qPrintable(u"expected %1 in: %2"_s.arg(position, text)));
    }
    QVERIFY2(text.contains(message), qPrintable(u"expected \"%1\" in: %2"_s.arg(message, text)));
}

void tst_Schema::builderMatchesFile()
{
    const QString sdl = uR"(
        enum Priority { LOW HIGH }
        type Tag { label: String! }
        type Todo @model {
          id: ID!
          name: String!
          priority: Priority
          tags: [Tag!]
          list: TodoList @belongsTo
        }
        type TodoList @model {
          id: ID!
          title: String @index(name: "byTitle")
          todos: [Todo] @hasMany
        })"_s;
    Error error;
    const auto fromFile = Schema::fromGraphQL(sdl, {}, &error);
    QVERIFY2(fromFile, qPrintable(error.toString()));

    SchemaBuilder builder;
    builder.addEnum(u"Priority"_s, {u"LOW"_s, u"HIGH"_s});
    builder.addNonModel(u"Tag"_s).addField(u"label"_s, u"String"_s, SchemaBuilder::Required);
    builder.addModel(u"Todo"_s)
        .addField(u"id"_s, u"ID"_s, SchemaBuilder::Required)
        .addField(u"name"_s, u"String"_s, SchemaBuilder::Required)
        .addField(u"priority"_s, u"Priority"_s)
        .addField(u"tags"_s, u"Tag"_s, SchemaBuilder::ListItemRequired)
        .addBelongsTo(u"list"_s, u"TodoList"_s);
    builder.addModel(u"TodoList"_s)
        .addField(u"id"_s, u"ID"_s, SchemaBuilder::Required)
        .addField(u"title"_s, u"String"_s)
        .addIndex(u"byTitle"_s, {u"title"_s})
        .addHasMany(u"todos"_s, u"Todo"_s);
    const auto built = builder.build(&error);
    QVERIFY2(built, qPrintable(error.toString()));
    QCOMPARE(built->version(), fromFile->version());
    QCOMPARE(built->model(u"Todo"_s).fieldNames(), fromFile->model(u"Todo"_s).fieldNames());
    QCOMPARE(built->model(u"Todo"_s).field(u"list"_s).targetNames(),
             QStringList{u"todoListTodosId"_s});
}

void tst_Schema::builderErrors()
{
    Error error;
    {
        SchemaBuilder builder;
        builder.addModel(u"Todo"_s).addField(u"name"_s, u"Strng"_s);
        QVERIFY(!builder.build(&error));
        QCOMPARE(error.kind(), Error::Kind::Schema);
        QCOMPARE(error.modelName(), u"Todo"_s);
        QCOMPARE(error.fieldName(), u"name"_s);
        QVERIFY(error.message().contains(u"unknown type Strng"_s));
    }
    {
        SchemaBuilder builder;
        builder.addModel(u"bad name"_s);
        QVERIFY(!builder.build(&error));
        QVERIFY(error.message().contains(u"not a valid type name"_s));
    }
    {
        SchemaBuilder builder;
        builder.addModel(u"Book"_s).addField(u"title"_s, u"String"_s).setPrimaryKey({u"title"_s});
        QVERIFY(!builder.build(&error));
        QVERIFY(error.message().contains(u"must be required"_s));
    }
    {
        SchemaBuilder builder;
        builder.addModel(u"Blog"_s).addHasMany(u"posts"_s, u"Post"_s, {u"blogID"_s});
        builder.addModel(u"Post"_s).addField(u"blogID"_s, u"Int"_s);
        QVERIFY(!builder.build(&error));
        QVERIFY(error.message().contains(u"Post.blogID of type ID"_s));
    }
}

void tst_Schema::version()
{
    const QString base = u"type Todo @model { id: ID! name: String }"_s;
    auto a = Schema::fromGraphQL(base);
    auto sameWithAuth = Schema::fromGraphQL(
        u"type Todo @model @auth(rules: [{allow: owner}]) { id: ID! name: String }"_s);
    auto withField =
        Schema::fromGraphQL(u"type Todo @model { id: ID! name: String done: Boolean }"_s);
    auto requiredName = Schema::fromGraphQL(u"type Todo @model { id: ID! name: String! }"_s);
    QVERIFY(a && sameWithAuth && withField && requiredName);
    QCOMPARE(a->version().size(), 32);
    QCOMPARE(a->version(), sameWithAuth->version());
    QVERIFY(a->version() != withField->version());
    QVERIFY(a->version() != requiredName->version());
}

void tst_Schema::toJson()
{
    const QJsonObject json = m_schema.toJson();
    const QJsonObject post = json[u"models"_s][u"Post"_s].toObject();
    QCOMPARE(post[u"pluralName"_s].toString(), u"Posts"_s);
    const QJsonObject blog = post[u"fields"_s][u"blog"_s].toObject();
    QCOMPARE(blog[u"type"_s][u"model"_s].toString(), u"Blog"_s);
    QCOMPARE(blog[u"association"_s][u"connectionType"_s].toString(), u"BELONGS_TO"_s);
    QCOMPARE(blog[u"association"_s][u"targetNames"_s].toArray().first().toString(),
             u"blogPostsId"_s);
    QCOMPARE(json[u"enums"_s][u"Status"_s][u"values"_s].toArray().size(), 2);
    QCOMPARE(json[u"nonModels"_s][u"Address"_s][u"name"_s].toString(), u"Address"_s);
    QCOMPARE(json[u"version"_s].toString(), m_schema.version());
}

QTEST_MAIN(tst_Schema)
#include "tst_schema.moc"
