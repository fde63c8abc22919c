#include <Stratus/graphql.h>

#include <QtCore/qrandom.h>
#include <QtTest/qtest.h>

#include <limits>

using namespace Qt::StringLiterals;
using namespace Stratus::GraphQL;

using DocumentKind = Parser::DocumentKind;

namespace {

const QString appSyncQuerySource =
    uR"(query operation($limit: Int, $nextToken: String, $lastSync: AWSTimestamp, $filter: ModelTodoFilterInput){ syncTodos(limit: $limit, nextToken: $nextToken, lastSync: $lastSync, filter: $filter){ items { id name _version _lastChangedAt _deleted } nextToken startedAt } })"_s;
const QString appSyncMutationSource =
    uR"(mutation operation($input: UpdateTodoInput!, $condition: ModelTodoConditionInput){ updateTodo(input: $input, condition: $condition){ id _version } })"_s;
const QString appSyncSubscriptionSource = u"subscription operation { onCreateTodo { id name } }"_s;

// Line numbers matter: the test checks locations.
const QString amplifySchemaSource =
    uR"(# This "input" configures a "global authorization rule" to enable public access to
# all models in this schema. Learn more about authorization rules here: https://docs.amplify.aws/cli/graphql/authorization-rules
input AMPLIFY { globalAuthRule: AuthRule = { allow: public } } # FOR TESTING ONLY!

"""
A blog with posts.
"""
type Blog @model @auth(rules: [{allow: public}, {allow: owner, operations: [create, read]}]) {
  id: ID!
  name: String!
  posts: [Post] @hasMany(indexName: "byBlog", fields: ["id"])
}

type Post @model @auth(rules: [{allow: public}]) {
  id: ID!
  title: String!
  blogID: ID! @index(name: "byBlog", queryField: "postsByBlog", sortKeyFields: ["title"])
  blog: Blog @belongsTo(fields: ["blogID"])
  comments: [Comment] @hasMany
  rating: Float @default(value: "0.5")
  status: PostStatus
}

type Comment @model {
  postID: ID! @primaryKey(sortKeyFields: ["createdAt", "id"])
  id: ID!
  createdAt: AWSDateTime!
  content: String
}

enum PostStatus {
  DRAFT
  PUBLISHED
}

type Address {
  street: String
  city: String
}
)"_s;

QString repeated(QStringView part, int count)
{
    QString result;
    result.reserve(part.size() * count);
    for (int i = 0; i < count; ++i)
        result += part;
    return result;
}

const Selection *findSelection(const QList<Selection> &selections, QStringView key)
{
    for (const Selection &selection : selections) {
        if (selection.responseKey() == key)
            return &selection;
    }
    return nullptr;
}

const TypeDefinition *findType(const Document &document, QStringView name, bool isExtension = false)
{
    for (const TypeDefinition &type : document.types) {
        if (type.name == name && type.isExtension == isExtension)
            return &type;
    }
    return nullptr;
}

QStringList selectionKeys(const QList<Selection> &selections)
{
    QStringList keys;
    for (const Selection &selection : selections)
        keys.append(selection.responseKey());
    return keys;
}

// The value of the single argument `a` of the single field of `{ f(a: <literal>) }`.
std::optional<Value> parseValue(const QString &literal, ParseError *error)
{
    const std::optional<Document> document =
        Parser::parse(u"{ f(a: "_s + literal + u") }"_s, DocumentKind::Executable, error);
    if (!document)
        return std::nullopt;
    return document->operations.at(0).selectionSet.at(0).arguments.at(0).value;
}

} // namespace

class tst_GraphQLParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validDocuments_data();
    void validDocuments();
    void appSyncQuery();
    void appSyncMutation();
    void appSyncSubscription();
    void amplifySchema();
    void executableDetails();
    void typeSystemDetails();
    void values_data();
    void values();
    void strings_data();
    void strings();
    void numbers_data();
    void numbers();
    void typeRefs_data();
    void typeRefs();
    void locations();
    void invalidDocuments_data();
    void invalidDocuments();
    void deepNesting_data();
    void deepNesting();
    void limits();
    void toVariant_data();
    void toVariant();
    void helpers();
    void errorToString();
    void edgeCases_data();
    void edgeCases();
    void truncations_data();
    void truncations();
    void robustness_data();
    void robustness();
    void oneMegabyteDocument();
    void randomInput_data();
    void randomInput();
    void sourceTooLong();
};

void tst_GraphQLParser::validDocuments_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<DocumentKind>("kind");
    QTest::addColumn<int>("operations");
    QTest::addColumn<int>("fragments");
    QTest::addColumn<int>("types");
    QTest::addColumn<int>("directives");
    QTest::addColumn<int>("schemas");

    const auto executable = [](const char *name, const QString &source, int operations,
                               int fragments = 0) {
        QTest::addRow("%s", name) << source << DocumentKind::Executable << operations << fragments
                                  << 0 << 0 << 0;
    };
    const auto sdl = [](const char *name, const QString &source, int types, int directives = 0,
                        int schemas = 0) {
        QTest::addRow("%s", name) << source << DocumentKind::TypeSystem << 0 << 0 << types
                                  << directives << schemas;
    };

    executable("shorthand", u"{ a }"_s, 1);
    executable("anonymous query", u"query { a }"_s, 1);
    executable("named query", u"query Q { a }"_s, 1);
    executable("mutation", u"mutation { a }"_s, 1);
    executable("subscription", u"subscription S { a }"_s, 1);
    executable("several operations", u"query A { a } query B { b } mutation C { c }"_s, 3);
    executable("appsync query", appSyncQuerySource, 1);
    executable("appsync mutation", appSyncMutationSource, 1);
    executable("appsync subscription", appSyncSubscriptionSource, 1);
    executable("fragment", u"{ ...F } fragment F on T { a }"_s, 1, 1);
    executable("inline fragments", u"{ ... on T { a } ... @skip(if: true) { b } ... { c } }"_s, 1);
    executable("alias", u"{ x: a y: b(c: 1) }"_s, 1);
    executable("commas everywhere", u",,{,a,,b,(,c,:,1,,),},,"_s, 1);
    executable("comments", u"# leading\n{ a # trailing\n  b }# end"_s, 1);
    executable("comment at end without newline", u"{ a } # no newline"_s, 1);
    executable("bom", u"\uFEFF{ a }"_s, 1);
    executable("crlf", u"{\r\n  a\r\n}\r\n"_s, 1);
    executable("cr", u"{\r  a\r}\r"_s, 1);
    executable("tabs", u"\t{\ta\t}"_s, 1);
    executable("keywords as field names",
               u"{ query mutation subscription fragment on type schema extend true false null "
               "implements repeatable directive }"_s,
               1);
    executable("keyword as operation name", u"query query { a }"_s, 1);
    executable("keyword as fragment name", u"{ ...query } fragment query on T { a }"_s, 1, 1);
    executable("spread named like a keyword", u"{ ...type ...onX }"_s, 1);
    executable("no whitespace", u"query Q($a:Int=1@d){a(b:$a)@e{c}}"_s, 1);
    executable("variable directives", u"query Q($a: Int @d(x: 1)) { a }"_s, 1);
    executable("all value kinds",
               u"{ a(i: 1, f: 1.5, s: \"s\", b: \"\"\"b\"\"\", t: true, n: null, e: E, "
               "l: [1, [2]], o: {x: {y: [$v]}}, v: $v) }"_s,
               1);
    executable("unicode string", u"{ a(s: \"日本語 😀 é\") }"_s, 1);
    executable("unicode in comment", u"# 日本語 😀\n{ a }"_s, 1);
    executable("nested selections", u"{ a { b { c { d } } } }"_s, 1);
    executable("empty list and object", u"{ a(l: [], o: {}) }"_s, 1);
    executable("directive without arguments on operation", u"query @live { a }"_s, 1);
    executable("numbers", u"{ a(i: 0, j: -0, k: 123, f: 1.0, g: -1.5e10, h: 2E-3, l: 0.0e+0) }"_s,
               1);

    sdl("type", u"type T { a: Int }"_s, 1);
    sdl("type without fields", u"type T"_s, 1);
    sdl("scalar", u"scalar Date"_s, 1);
    sdl("interface", u"interface I { a: Int }"_s, 1);
    sdl("interface implements", u"interface I implements J & K { a: Int }"_s, 1);
    sdl("implements leading ampersand", u"type T implements & A & B { a: Int }"_s, 1);
    sdl("union", u"union U = A | B"_s, 1);
    sdl("union leading pipe", u"union U =\n  | A\n  | B"_s, 1);
    sdl("union without members", u"union U"_s, 1);
    sdl("enum", u"enum E { A B C }"_s, 1);
    sdl("enum values named like keywords", u"enum E { on type query input }"_s, 1);
    sdl("input", u"input I { a: Int = 1, b: [String!]! = [\"x\"] }"_s, 1);
    sdl("directive definition", u"directive @d on FIELD"_s, 0, 1);
    sdl("directive definition full",
        u"\"doc\" directive @d(a: Int = 1, \"b doc\" b: [String]) repeatable on | FIELD | QUERY"_s,
        0, 1);
    sdl("schema", u"schema { query: Q mutation: M subscription: S }"_s, 0, 0, 1);
    sdl("schema with description", u"\"doc\" schema @d { query: Q }"_s, 0, 0, 1);
    sdl("extend schema directives", u"extend schema @d"_s, 0, 0, 1);
    sdl("extend schema operations", u"extend schema { mutation: M }"_s, 0, 0, 1);
    sdl("extend scalar", u"extend scalar S @d"_s, 1);
    sdl("extend type", u"extend type T { b: Int }"_s, 1);
    sdl("extend type implements", u"extend type T implements I"_s, 1);
    sdl("extend interface", u"extend interface I @d"_s, 1);
    sdl("extend union", u"extend union U = C"_s, 1);
    sdl("extend enum", u"extend enum E { D }"_s, 1);
    sdl("extend input", u"extend input I { c: Int }"_s, 1);
    sdl("descriptions",
        u"\"\"\"\nType doc\n\"\"\"\ntype T {\n  \"field doc\"\n  f(\"arg doc\" a: Int): Int\n}"_s,
        1);
    sdl("amplify schema", amplifySchemaSource, 6);
    sdl("directive arguments on type system",
        u"type T @a(b: [1, {c: \"d\"}], e: null) { f: Int @g(h: ENUM) }"_s, 1);

    QTest::addRow("mixed document")
        << u"type T { a: Int } { a } fragment F on T { a } directive @d on FIELD schema { query: T }"_s
        << DocumentKind::Any << 1 << 1 << 1 << 1 << 1;
}

void tst_GraphQLParser::validDocuments()
{
    QFETCH(QString, source);
    QFETCH(DocumentKind, kind);
    QFETCH(int, operations);
    QFETCH(int, fragments);
    QFETCH(int, types);
    QFETCH(int, directives);
    QFETCH(int, schemas);

    for (const DocumentKind parseKind : {kind, DocumentKind::Any}) {
        ParseError error;
        const std::optional<Document> document = Parser::parse(source, parseKind, &error);
        QVERIFY2(document, qPrintable(error.toString()));
        QCOMPARE(document->operations.size(), operations);
        QCOMPARE(document->fragments.size(), fragments);
        QCOMPARE(document->types.size(), types);
        QCOMPARE(document->directiveDefinitions.size(), directives);
        QCOMPARE(document->schemaDefinitions.size(), schemas);
        QCOMPARE(document->isExecutable(), types + directives + schemas == 0);
    }
}

void tst_GraphQLParser::appSyncQuery()
{
    ParseError error;
    const auto document = Parser::parse(appSyncQuerySource, DocumentKind::Executable, &error);
    QVERIFY2(document, qPrintable(error.toString()));
    QCOMPARE(document->operations.size(), 1);
    const OperationDefinition &operation = document->operations.at(0);
    QCOMPARE(operation.type, OperationDefinition::Type::Query);
    QCOMPARE(operation.name, u"operation");
    QCOMPARE(operation.location.line, 1);
    QCOMPARE(operation.location.column, 1);

    QCOMPARE(operation.variables.size(), 4);
    const QStringList names = {u"limit"_s, u"nextToken"_s, u"lastSync"_s, u"filter"_s};
    const QStringList types = {u"Int"_s, u"String"_s, u"AWSTimestamp"_s, u"ModelTodoFilterInput"_s};
    for (int i = 0; i < 4; ++i) {
        const VariableDefinition &variable = operation.variables.at(i);
        QCOMPARE(variable.name, names.at(i));
        QCOMPARE(variable.type.toString(), types.at(i));
        QVERIFY(!variable.type.isNonNull());
        QVERIFY(!variable.defaultValue);
        QCOMPARE(variable.location.column, appSyncQuerySource.indexOf(u'$' + names.at(i)) + 1);
    }

    QCOMPARE(operation.selectionSet.size(), 1);
    const Selection &sync = operation.selectionSet.at(0);
    QCOMPARE(sync.kind, Selection::Kind::Field);
    QCOMPARE(sync.name, u"syncTodos");
    QVERIFY(sync.alias.isEmpty());
    QCOMPARE(sync.location.column, appSyncQuerySource.indexOf(u"syncTodos") + 1);
    QCOMPARE(sync.arguments.size(), 4);
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(sync.arguments.at(i).name, names.at(i));
        QCOMPARE(sync.arguments.at(i).value.kind, Value::Kind::Variable);
        QCOMPARE(sync.arguments.at(i).value.text, names.at(i));
    }
    const QVariantMap variables = {{u"limit"_s, 100}, {u"lastSync"_s, 1700000000000LL}};
    QCOMPARE(sync.arguments.at(0).value.toVariant(variables), QVariant(100));
    QCOMPARE(sync.arguments.at(2).value.toVariant(variables), QVariant(1700000000000LL));
    QVERIFY(sync.arguments.at(1).value.toVariant(variables).isNull());

    QCOMPARE(selectionKeys(sync.selectionSet),
             QStringList({u"items"_s, u"nextToken"_s, u"startedAt"_s}));
    const Selection *items = findSelection(sync.selectionSet, u"items");
    QVERIFY(items);
    QCOMPARE(selectionKeys(items->selectionSet),
             QStringList({u"id"_s, u"name"_s, u"_version"_s, u"_lastChangedAt"_s, u"_deleted"_s}));
    QVERIFY(findSelection(sync.selectionSet, u"startedAt")->selectionSet.isEmpty());
}

void tst_GraphQLParser::appSyncMutation()
{
    ParseError error;
    const auto document = Parser::parse(appSyncMutationSource, DocumentKind::Executable, &error);
    QVERIFY2(document, qPrintable(error.toString()));
    const OperationDefinition &operation = document->operations.at(0);
    QCOMPARE(operation.type, OperationDefinition::Type::Mutation);
    QCOMPARE(operation.name, u"operation");
    QCOMPARE(operation.variables.size(), 2);
    QCOMPARE(operation.variables.at(0).name, u"input");
    QCOMPARE(operation.variables.at(0).type.toString(), u"UpdateTodoInput!");
    QVERIFY(operation.variables.at(0).type.isNonNull());
    QCOMPARE(operation.variables.at(0).type.namedType(), u"UpdateTodoInput");
    QCOMPARE(operation.variables.at(1).name, u"condition");
    QCOMPARE(operation.variables.at(1).type.toString(), u"ModelTodoConditionInput");

    const Selection &update = operation.selectionSet.at(0);
    QCOMPARE(update.name, u"updateTodo");
    QCOMPARE(update.arguments.size(), 2);
    QCOMPARE(update.arguments.at(0).name, u"input");
    QCOMPARE(update.arguments.at(0).value.text, u"input");
    QCOMPARE(update.arguments.at(1).name, u"condition");
    const QVariantMap input = {{u"id"_s, u"1"_s}, {u"_version"_s, 3}};
    QCOMPARE(update.arguments.at(0).value.toVariant({{u"input"_s, input}}), QVariant(input));
    QCOMPARE(selectionKeys(update.selectionSet), QStringList({u"id"_s, u"_version"_s}));
}

void tst_GraphQLParser::appSyncSubscription()
{
    ParseError error;
    const auto document =
        Parser::parse(appSyncSubscriptionSource, DocumentKind::Executable, &error);
    QVERIFY2(document, qPrintable(error.toString()));
    const OperationDefinition &operation = document->operations.at(0);
    QCOMPARE(operation.type, OperationDefinition::Type::Subscription);
    QCOMPARE(operation.name, u"operation");
    QVERIFY(operation.variables.isEmpty());
    QCOMPARE(operation.selectionSet.size(), 1);
    QCOMPARE(operation.selectionSet.at(0).name, u"onCreateTodo");
    QVERIFY(operation.selectionSet.at(0).arguments.isEmpty());
    QCOMPARE(selectionKeys(operation.selectionSet.at(0).selectionSet),
             QStringList({u"id"_s, u"name"_s}));
    QCOMPARE(operation.selectionSet.at(0).location.column, 26);
}

void tst_GraphQLParser::amplifySchema()
{
    ParseError error;
    const auto document = Parser::parse(amplifySchemaSource, DocumentKind::TypeSystem, &error);
    QVERIFY2(document, qPrintable(error.toString()));
    QCOMPARE(document->types.size(), 6);

    const TypeDefinition *amplify = findType(*document, u"AMPLIFY");
    QVERIFY(amplify);
    QCOMPARE(amplify->kind, TypeDefinition::Kind::InputObject);
    QCOMPARE(amplify->inputFields.size(), 1);
    QCOMPARE(amplify->inputFields.at(0).name, u"globalAuthRule");
    QCOMPARE(amplify->inputFields.at(0).type.toString(), u"AuthRule");
    QVERIFY(amplify->inputFields.at(0).defaultValue);
    QCOMPARE(amplify->inputFields.at(0).defaultValue->toVariant(),
             QVariant(QVariantMap{{u"allow"_s, u"public"_s}}));
    QCOMPARE(amplify->location.line, 3);

    const TypeDefinition *blog = findType(*document, u"Blog");
    QVERIFY(blog);
    QCOMPARE(blog->kind, TypeDefinition::Kind::Object);
    QCOMPARE(blog->description, u"A blog with posts.");
    QCOMPARE(blog->location.line, 8);
    QCOMPARE(blog->location.column, 1);
    QCOMPARE(blog->directives.size(), 2);
    QCOMPARE(blog->directives.at(0).name, u"model");
    QCOMPARE(blog->directives.at(0).location.line, 8);
    QCOMPARE(blog->directives.at(0).location.column, 11);
    QCOMPARE(blog->directives.at(1).name, u"auth");
    const Argument *rules = blog->directives.at(1).argument(u"rules");
    QVERIFY(rules);
    const QVariantList expectedRules = {
        QVariantMap{{u"allow"_s, u"public"_s}},
        QVariantMap{{u"allow"_s, u"owner"_s},
                    {u"operations"_s, QVariantList{u"create"_s, u"read"_s}}},
    };
    QCOMPARE(rules->value.toVariant(), QVariant(expectedRules));
    QCOMPARE(blog->fields.size(), 3);
    const FieldDefinition *posts = blog->field(u"posts");
    QVERIFY(posts);
    QCOMPARE(posts->type.toString(), u"[Post]");
    QVERIFY(posts->type.isList());
    QCOMPARE(posts->type.namedType(), u"Post");
    QCOMPARE(posts->location.line, 11);
    QCOMPARE(posts->location.column, 3);
    QCOMPARE(posts->type.location.column, 10);
    QCOMPARE(posts->directives.at(0).name, u"hasMany");
    QCOMPARE(posts->directives.at(0).argument(u"indexName")->value.toVariant(),
             QVariant(u"byBlog"_s));
    QCOMPARE(posts->directives.at(0).argument(u"fields")->value.toVariant(),
             QVariant(QVariantList{u"id"_s}));
    QCOMPARE(blog->field(u"id")->type.toString(), u"ID!");

    const TypeDefinition *post = findType(*document, u"Post");
    QVERIFY(post);
    const FieldDefinition *blogId = post->field(u"blogID");
    QVERIFY(blogId);
    QCOMPARE(blogId->directives.size(), 1);
    const Directive &index = blogId->directives.at(0);
    QCOMPARE(index.name, u"index");
    QCOMPARE(index.location.line, 17);
    QCOMPARE(index.location.column, 15);
    QCOMPARE(index.argument(u"name")->value.toVariant(), QVariant(u"byBlog"_s));
    QCOMPARE(index.argument(u"queryField")->value.toVariant(), QVariant(u"postsByBlog"_s));
    QCOMPARE(index.argument(u"sortKeyFields")->value.toVariant(),
             QVariant(QVariantList{u"title"_s}));
    QVERIFY(!index.argument(u"missing"));
    QVERIFY(post->field(u"comments")->directives.at(0).arguments.isEmpty());
    QCOMPARE(post->field(u"rating")->directives.at(0).argument(u"value")->value.kind,
             Value::Kind::String);

    const TypeDefinition *comment = findType(*document, u"Comment");
    QVERIFY(comment);
    const Directive &primaryKey = comment->field(u"postID")->directives.at(0);
    QCOMPARE(primaryKey.name, u"primaryKey");
    QCOMPARE(primaryKey.argument(u"sortKeyFields")->value.toVariant(),
             QVariant(QVariantList{u"createdAt"_s, u"id"_s}));
    QCOMPARE(comment->field(u"createdAt")->type.toString(), u"AWSDateTime!");

    const TypeDefinition *status = findType(*document, u"PostStatus");
    QVERIFY(status);
    QCOMPARE(status->kind, TypeDefinition::Kind::Enum);
    QCOMPARE(status->enumValues.size(), 2);
    QCOMPARE(status->enumValues.at(0).name, u"DRAFT");
    QCOMPARE(status->enumValues.at(1).name, u"PUBLISHED");
    QCOMPARE(status->enumValues.at(1).location.line, 33);

    const TypeDefinition *address = findType(*document, u"Address");
    QVERIFY(address);
    QVERIFY(address->directives.isEmpty());
    QCOMPARE(address->fields.size(), 2);
}

void tst_GraphQLParser::executableDetails()
{
    const QString source =
        uR"(query Q($id: ID! = "x" @deprecated, $flag: Boolean = false, $list: [[Int!]]) @live {
  me: user(id: $id) @include(if: $flag) {
    ...UserFields @skip(if: false)
    ... on Admin { level }
    ... @include(if: true) { extra }
    ... { plain }
  }
  plain
}
fragment UserFields on User @frag(n: 1) { id, name }
)"_s;
    ParseError error;
    const auto document = Parser::parse(source, DocumentKind::Executable, &error);
    QVERIFY2(document, qPrintable(error.toString()));
    const OperationDefinition &operation = document->operations.at(0);
    QCOMPARE(operation.name, u"Q");
    QCOMPARE(operation.variables.size(), 3);
    const VariableDefinition &id = operation.variables.at(0);
    QCOMPARE(id.type.toString(), u"ID!");
    QVERIFY(id.defaultValue);
    QCOMPARE(id.defaultValue->kind, Value::Kind::String);
    QCOMPARE(id.defaultValue->text, u"x");
    QCOMPARE(id.directives.size(), 1);
    QCOMPARE(id.directives.at(0).name, u"deprecated");
    QCOMPARE(operation.variables.at(1).defaultValue->kind, Value::Kind::Boolean);
    QCOMPARE(operation.variables.at(1).defaultValue->toVariant(), QVariant(false));
    QCOMPARE(operation.variables.at(2).type.toString(), u"[[Int!]]");
    QCOMPARE(operation.directives.size(), 1);
    QCOMPARE(operation.directives.at(0).name, u"live");

    QCOMPARE(operation.selectionSet.size(), 2);
    const Selection &me = operation.selectionSet.at(0);
    QCOMPARE(me.alias, u"me");
    QCOMPARE(me.name, u"user");
    QCOMPARE(me.responseKey(), u"me");
    QCOMPARE(me.location.line, 2);
    QCOMPARE(me.location.column, 3);
    QCOMPARE(me.arguments.at(0).location.column, 12);
    QCOMPARE(me.directives.at(0).name, u"include");
    QCOMPARE(me.directives.at(0).argument(u"if")->value.kind, Value::Kind::Variable);
    QCOMPARE(me.directives.at(0).argument(u"if")->value.toVariant({{u"flag"_s, true}}),
             QVariant(true));
    QCOMPARE(operation.selectionSet.at(1).responseKey(), u"plain");

    QCOMPARE(me.selectionSet.size(), 4);
    const Selection &spread = me.selectionSet.at(0);
    QCOMPARE(spread.kind, Selection::Kind::FragmentSpread);
    QCOMPARE(spread.name, u"UserFields");
    QCOMPARE(spread.directives.at(0).name, u"skip");
    QCOMPARE(spread.location.line, 3);
    QCOMPARE(spread.location.column, 5);
    const Selection &onAdmin = me.selectionSet.at(1);
    QCOMPARE(onAdmin.kind, Selection::Kind::InlineFragment);
    QCOMPARE(onAdmin.typeCondition, u"Admin");
    QCOMPARE(selectionKeys(onAdmin.selectionSet), QStringList{u"level"_s});
    const Selection &withDirective = me.selectionSet.at(2);
    QCOMPARE(withDirective.kind, Selection::Kind::InlineFragment);
    QVERIFY(withDirective.typeCondition.isEmpty());
    QCOMPARE(withDirective.directives.at(0).argument(u"if")->value.toVariant(), QVariant(true));
    const Selection &bare = me.selectionSet.at(3);
    QCOMPARE(bare.kind, Selection::Kind::InlineFragment);
    QVERIFY(bare.typeCondition.isEmpty());
    QVERIFY(bare.directives.isEmpty());
    QCOMPARE(selectionKeys(bare.selectionSet), QStringList{u"plain"_s});

    QCOMPARE(document->fragments.size(), 1);
    const FragmentDefinition &fragment = document->fragments.at(0);
    QCOMPARE(fragment.name, u"UserFields");
    QCOMPARE(fragment.typeCondition, u"User");
    QCOMPARE(fragment.directives.at(0).argument(u"n")->value.toVariant(), QVariant(1LL));
    QCOMPARE(selectionKeys(fragment.selectionSet), QStringList({u"id"_s, u"name"_s}));
    QCOMPARE(fragment.location.line, 10);
    QCOMPARE(fragment.location.column, 1);
}

void tst_GraphQLParser::typeSystemDetails()
{
    const QString source = uR"("The schema"
schema @dir { query: Query mutation: Mutation subscription: Subscription }
"""
  Scalar doc
"""
scalar DateTime @specifiedBy(url: "https://example.com")
type Query implements Node & Entity @key(fields: "id") {
  "field doc" node(id: ID!, "arg doc" first: Int = 10 @deprecated): Node
  list: [[String!]]!
}
interface Node implements Entity { id: ID! }
union SearchResult @u = | Photo | Person
enum Color { "red doc" RED @deprecated(reason: "no") GREEN, BLUE }
input Filter { a: Int = 1, b: [String!] = ["x"], c: Filter @d }
directive @auth(rules: [AuthRule!]!) repeatable on | OBJECT | FIELD_DEFINITION
directive @simple on FIELD
extend schema @extra
extend schema { mutation: M }
extend scalar DateTime @a
extend type Query @b
extend type Query implements X
extend type Query { more: Int }
extend interface Node @c
extend union SearchResult = Video
extend enum Color { PURPLE }
extend input Filter { d: Boolean }
type Empty
)"_s;
    ParseError error;
    const auto document = Parser::parse(source, DocumentKind::TypeSystem, &error);
    QVERIFY2(document, qPrintable(error.toString()));

    QCOMPARE(document->schemaDefinitions.size(), 3);
    const SchemaDefinition &schema = document->schemaDefinitions.at(0);
    QVERIFY(!schema.isExtension);
    QCOMPARE(schema.description, u"The schema");
    QCOMPARE(schema.location.line, 2);
    QCOMPARE(schema.directives.at(0).name, u"dir");
    const QList<std::pair<QString, QString>> operationTypes = {
        {u"query"_s, u"Query"_s},
        {u"mutation"_s, u"Mutation"_s},
        {u"subscription"_s, u"Subscription"_s}};
    QCOMPARE(schema.operationTypes, operationTypes);
    QVERIFY(document->schemaDefinitions.at(1).isExtension);
    QCOMPARE(document->schemaDefinitions.at(1).directives.at(0).name, u"extra");
    QVERIFY(document->schemaDefinitions.at(1).operationTypes.isEmpty());
    QCOMPARE(document->schemaDefinitions.at(2).operationTypes.at(0).second, u"M");
    QCOMPARE(document->schemaDefinitions.at(2).location.line, 18);

    const TypeDefinition *dateTime = findType(*document, u"DateTime");
    QVERIFY(dateTime);
    QCOMPARE(dateTime->kind, TypeDefinition::Kind::Scalar);
    QCOMPARE(dateTime->description, u"Scalar doc");
    QCOMPARE(dateTime->location.line, 6);
    QCOMPARE(dateTime->directives.at(0).argument(u"url")->value.text, u"https://example.com");

    const TypeDefinition *query = findType(*document, u"Query");
    QVERIFY(query);
    QCOMPARE(query->interfaces, QStringList({u"Node"_s, u"Entity"_s}));
    QCOMPARE(query->directives.at(0).name, u"key");
    QCOMPARE(query->fields.size(), 2);
    const FieldDefinition *node = query->field(u"node");
    QVERIFY(node);
    QCOMPARE(node->description, u"field doc");
    QCOMPARE(node->location.line, 8);
    QCOMPARE(node->location.column, 15);
    QCOMPARE(node->type.toString(), u"Node");
    QCOMPARE(node->arguments.size(), 2);
    QCOMPARE(node->arguments.at(0).name, u"id");
    QCOMPARE(node->arguments.at(0).type.toString(), u"ID!");
    QVERIFY(node->arguments.at(0).description.isEmpty());
    QCOMPARE(node->arguments.at(1).description, u"arg doc");
    QCOMPARE(node->arguments.at(1).name, u"first");
    QCOMPARE(node->arguments.at(1).defaultValue->toVariant(), QVariant(10LL));
    QCOMPARE(node->arguments.at(1).directives.at(0).name, u"deprecated");
    const FieldDefinition *list = query->field(u"list");
    QCOMPARE(list->type.toString(), u"[[String!]]!");
    QVERIFY(list->type.isList());
    QVERIFY(list->type.isNonNull());
    QCOMPARE(list->type.namedType(), u"String");
    QVERIFY(!query->field(u"missing"));

    const TypeDefinition *nodeInterface = findType(*document, u"Node");
    QCOMPARE(nodeInterface->kind, TypeDefinition::Kind::Interface);
    QCOMPARE(nodeInterface->interfaces, QStringList{u"Entity"_s});
    QCOMPARE(nodeInterface->fields.at(0).type.toString(), u"ID!");

    const TypeDefinition *search = findType(*document, u"SearchResult");
    QCOMPARE(search->kind, TypeDefinition::Kind::Union);
    QCOMPARE(search->directives.at(0).name, u"u");
    QCOMPARE(search->unionMembers, QStringList({u"Photo"_s, u"Person"_s}));

    const TypeDefinition *color = findType(*document, u"Color");
    QCOMPARE(color->kind, TypeDefinition::Kind::Enum);
    QCOMPARE(color->enumValues.size(), 3);
    QCOMPARE(color->enumValues.at(0).description, u"red doc");
    QCOMPARE(color->enumValues.at(0).name, u"RED");
    QCOMPARE(color->enumValues.at(0).location.column, 24);
    QCOMPARE(color->enumValues.at(0).directives.at(0).argument(u"reason")->value.text, u"no");
    QCOMPARE(color->enumValues.at(2).name, u"BLUE");

    const TypeDefinition *filter = findType(*document, u"Filter");
    QCOMPARE(filter->kind, TypeDefinition::Kind::InputObject);
    QCOMPARE(filter->inputFields.size(), 3);
    QCOMPARE(filter->inputFields.at(0).defaultValue->toVariant(), QVariant(1LL));
    QCOMPARE(filter->inputFields.at(1).type.toString(), u"[String!]");
    QCOMPARE(filter->inputFields.at(1).defaultValue->toVariant(), QVariant(QVariantList{u"x"_s}));
    QVERIFY(!filter->inputFields.at(2).defaultValue);
    QCOMPARE(filter->inputFields.at(2).directives.at(0).name, u"d");

    QCOMPARE(document->directiveDefinitions.size(), 2);
    const DirectiveDefinition &auth = document->directiveDefinitions.at(0);
    QCOMPARE(auth.name, u"auth");
    QVERIFY(auth.isRepeatable);
    QCOMPARE(auth.arguments.at(0).type.toString(), u"[AuthRule!]!");
    QCOMPARE(auth.locations, QStringList({u"OBJECT"_s, u"FIELD_DEFINITION"_s}));
    QCOMPARE(auth.location.line, 15);
    const DirectiveDefinition &simple = document->directiveDefinitions.at(1);
    QVERIFY(!simple.isRepeatable);
    QVERIFY(simple.arguments.isEmpty());
    QCOMPARE(simple.locations, QStringList{u"FIELD"_s});

    const TypeDefinition *scalarExtension = findType(*document, u"DateTime", true);
    QVERIFY(scalarExtension);
    QCOMPARE(scalarExtension->directives.at(0).name, u"a");
    QCOMPARE(scalarExtension->location.line, 19);
    QCOMPARE(scalarExtension->location.column, 1);
    int queryExtensions = 0;
    for (const TypeDefinition &type : document->types)
        queryExtensions += type.isExtension && type.name == u"Query";
    QCOMPARE(queryExtensions, 3);
    QCOMPARE(findType(*document, u"Node", true)->kind, TypeDefinition::Kind::Interface);
    QCOMPARE(findType(*document, u"SearchResult", true)->unionMembers, QStringList{u"Video"_s});
    QCOMPARE(findType(*document, u"Color", true)->enumValues.at(0).name, u"PURPLE");
    QCOMPARE(findType(*document, u"Filter", true)->inputFields.at(0).name, u"d");
    const TypeDefinition *empty = findType(*document, u"Empty");
    QVERIFY(empty);
    QVERIFY(empty->fields.isEmpty());
}

void tst_GraphQLParser::values_data()
{
    QTest::addColumn<QString>("literal");
    QTest::addColumn<Value::Kind>("kind");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QVariant>("expected");

    QTest::addRow("int") << u"1"_s << Value::Kind::Int << u"1"_s << QVariant(1LL);
    QTest::addRow("negative int") << u"-42"_s << Value::Kind::Int << u"-42"_s << QVariant(-42LL);
    QTest::addRow("zero") << u"0"_s << Value::Kind::Int << u"0"_s << QVariant(0LL);
    QTest::addRow("negative zero") << u"-0"_s << Value::Kind::Int << u"-0"_s << QVariant(0LL);
    QTest::addRow("int max") << u"9223372036854775807"_s << Value::Kind::Int
                             << u"9223372036854775807"_s
                             << QVariant(std::numeric_limits<qlonglong>::max());
    QTest::addRow("int min") << u"-9223372036854775808"_s << Value::Kind::Int
                             << u"-9223372036854775808"_s
                             << QVariant(std::numeric_limits<qlonglong>::min());
    QTest::addRow("int beyond 64 bits")
        << u"9223372036854775808"_s << Value::Kind::Int << u"9223372036854775808"_s
        << QVariant(9223372036854775808.0);
    QTest::addRow("float") << u"1.5"_s << Value::Kind::Float << u"1.5"_s << QVariant(1.5);
    QTest::addRow("float exponent")
        << u"-0.25e2"_s << Value::Kind::Float << u"-0.25e2"_s << QVariant(-25.0);
    QTest::addRow("float exponent only")
        << u"1E3"_s << Value::Kind::Float << u"1E3"_s << QVariant(1000.0);
    QTest::addRow("float negative exponent")
        << u"5e-1"_s << Value::Kind::Float << u"5e-1"_s << QVariant(0.5);
    QTest::addRow("string") << u"\"hi\""_s << Value::Kind::String << u"hi"_s << QVariant(u"hi"_s);
    QTest::addRow("empty string") << u"\"\""_s << Value::Kind::String << QString()
                                  << QVariant(QString());
    QTest::addRow("block string") << u"\"\"\"block\"\"\""_s << Value::Kind::String << u"block"_s
                                  << QVariant(u"block"_s);
    QTest::addRow("true") << u"true"_s << Value::Kind::Boolean << QString() << QVariant(true);
    QTest::addRow("false") << u"false"_s << Value::Kind::Boolean << QString() << QVariant(false);
    QTest::addRow("null") << u"null"_s << Value::Kind::Null << QString() << QVariant();
    QTest::addRow("enum") << u"RED"_s << Value::Kind::Enum << u"RED"_s << QVariant(u"RED"_s);
    QTest::addRow("enum like keyword")
        << u"on"_s << Value::Kind::Enum << u"on"_s << QVariant(u"on"_s);
    QTest::addRow("variable") << u"$var"_s << Value::Kind::Variable << u"var"_s << QVariant(42);
    QTest::addRow("missing variable")
        << u"$other"_s << Value::Kind::Variable << u"other"_s << QVariant();
    QTest::addRow("empty list") << u"[]"_s << Value::Kind::List << QString()
                                << QVariant(QVariantList());
    QTest::addRow("list") << u"[1, \"a\", [true], null]"_s << Value::Kind::List << QString()
                          << QVariant(QVariantList{1LL, u"a"_s, QVariantList{true}, QVariant()});
    QTest::addRow("list without commas") << u"[A B C]"_s << Value::Kind::List << QString()
                                         << QVariant(QVariantList{u"A"_s, u"B"_s, u"C"_s});
    QTest::addRow("list with variable")
        << u"[$var, 1]"_s << Value::Kind::List << QString() << QVariant(QVariantList{42, 1LL});
    QTest::addRow("empty object") << u"{}"_s << Value::Kind::Object << QString()
                                  << QVariant(QVariantMap());
    QTest::addRow("object") << u"{a: 1, b: {c: [null, 2.5]}, d: $var}"_s << Value::Kind::Object
                            << QString()
                            << QVariant(QVariantMap{
                                   {u"a"_s, 1LL},
                                   {u"b"_s, QVariantMap{{u"c"_s, QVariantList{QVariant(), 2.5}}}},
                                   {u"d"_s, 42}});
}

void tst_GraphQLParser::values()
{
    QFETCH(QString, literal);
    QFETCH(Value::Kind, kind);
    QFETCH(QString, text);
    QFETCH(QVariant, expected);

    ParseError error;
    const std::optional<Value> value = parseValue(literal, &error);
    QVERIFY2(value, qPrintable(error.toString()));
    QCOMPARE(value->kind, kind);
    if (kind != Value::Kind::List && kind != Value::Kind::Object)
        QCOMPARE(value->text, text);
    QCOMPARE(value->location.line, 1);
    QCOMPARE(value->location.column, 8);
    const QVariant actual = value->toVariant({{u"var"_s, 42}});
    QCOMPARE(actual, expected);
    QCOMPARE(actual.isNull(), expected.isNull());
    QCOMPARE(actual.metaType(), expected.metaType());
}

void tst_GraphQLParser::strings_data()
{
    QTest::addColumn<QString>("literal");
    QTest::addColumn<QString>("expected");

    QTest::addRow("simple") << u"\"simple\""_s << u"simple"_s;
    QTest::addRow("quote backslash slash")
        << uR"("q \" b \\ s \/ end")"_s << uR"(q " b \ s / end)"_s;
    QTest::addRow("control escapes") << uR"("\b\f\n\r\t")"_s << u"\b\f\n\r\t"_s;
    QTest::addRow("unicode escapes") << uR"("\u0041\u00e9\u20AC")"_s << u"Aé€"_s;
    QTest::addRow("nul escape") << uR"("a\u0000b")"_s << QStringView(u"a\0b", 3).toString();
    QTest::addRow("surrogate pair escape") << uR"("\uD83D\uDE00")"_s << u"😀"_s;
    QTest::addRow("lowercase surrogate pair") << uR"("\ud83d\ude00!")"_s << u"😀!"_s;
    QTest::addRow("braced escape") << uR"("\u{1F600}")"_s << u"😀"_s;
    QTest::addRow("braced escape short")
        << uR"("\u{41}\u{0}x")"_s << QStringView(u"A\0x", 3).toString();
    QTest::addRow("braced escape leading zeros") << uR"("\u{000000041}")"_s << u"A"_s;
    QTest::addRow("braced escape max")
        << uR"("\u{10FFFF}")"_s << QString::fromUcs4(U"\U0010FFFF", 1);
    QTest::addRow("raw unicode") << u"\"héllo 日本 😀\""_s << u"héllo 日本 😀"_s;
    QTest::addRow("tab in string") << u"\"a\tb\""_s << u"a\tb"_s;
    QTest::addRow("hash in string") << u"\"# not a comment\""_s << u"# not a comment"_s;
    QTest::addRow("escaped unicode quote") << uR"("\u0022")"_s << u"\""_s;

    QTest::addRow("block simple") << u"\"\"\"block\"\"\""_s << u"block"_s;
    QTest::addRow("block spec example")
        << u"\"\"\"\n    Hello,\n      World!\n\n    Yours,\n      GraphQL.\n  \"\"\""_s
        << u"Hello,\n  World!\n\nYours,\n  GraphQL."_s;
    QTest::addRow("block first line keeps indentation")
        << u"\"\"\"  first\n    second\n      third\"\"\""_s << u"  first\nsecond\n  third"_s;
    QTest::addRow("block escaped triple quote") << u"\"\"\"a \\\"\"\" b\"\"\""_s << u"a \"\"\" b"_s;
    QTest::addRow("block blank lines trimmed")
        << u"\"\"\"\n\n  a\n\n  b\n  \n\n\"\"\""_s << u"a\n\nb"_s;
    QTest::addRow("block crlf") << u"\"\"\"\r\n  a\r\n  b\r\n\"\"\""_s << u"a\nb"_s;
    QTest::addRow("block cr") << u"\"\"\"\r  a\r    b\r\"\"\""_s << u"a\n  b"_s;
    QTest::addRow("block tabs") << u"\"\"\"\n\t\ta\n\t\t\tb\n\"\"\""_s << u"a\n\tb"_s;
    QTest::addRow("block whitespace only") << u"\"\"\"   \"\"\""_s << QString();
    QTest::addRow("block empty") << u"\"\"\"\"\"\""_s << QString();
    QTest::addRow("block no escapes") << uR"("""\n \u0041 \" """)"_s << uR"(\n \u0041 \" )"_s;
    QTest::addRow("block quotes inside")
        << u"\"\"\"say \"hi\" and \"\"two\"\" \"\"\""_s << u"say \"hi\" and \"\"two\"\" "_s;
    QTest::addRow("block unicode") << u"\"\"\"\n  日本\n  😀\n\"\"\""_s << u"日本\n😀"_s;
    QTest::addRow("block blank line shorter than indent")
        << u"\"\"\"\n    a\n  \n    b\n\"\"\""_s << u"a\n\nb"_s;
    QTest::addRow("block whitespace-only line ignored for indent")
        << u"\"\"\"\n    a\n \n    b\"\"\""_s << u"a\n\nb"_s;
}

void tst_GraphQLParser::strings()
{
    QFETCH(QString, literal);
    QFETCH(QString, expected);

    ParseError error;
    const std::optional<Value> value = parseValue(literal, &error);
    QVERIFY2(value, qPrintable(error.toString()));
    QCOMPARE(value->kind, Value::Kind::String);
    QCOMPARE(value->text, expected);

    // The same literal as a description.
    const auto document = Parser::parse(literal + u" scalar S"_s, DocumentKind::TypeSystem, &error);
    QVERIFY2(document, qPrintable(error.toString()));
    QCOMPARE(document->types.at(0).description, expected);
}

void tst_GraphQLParser::numbers_data()
{
    QTest::addColumn<QString>("literal");
    QTest::addColumn<Value::Kind>("kind");

    for (const char *literal : {"0", "-0", "7", "123456", "-98765"})
        QTest::addRow("%s", literal) << QString::fromLatin1(literal) << Value::Kind::Int;
    for (const char *literal :
         {"0.0", "-0.0", "1.5", "1e10", "1E10", "1e+10", "1e-10", "-1.5e-3", "0e0", "12.34E+56"})
        QTest::addRow("%s", literal) << QString::fromLatin1(literal) << Value::Kind::Float;
}

void tst_GraphQLParser::numbers()
{
    QFETCH(QString, literal);
    QFETCH(Value::Kind, kind);

    ParseError error;
    const std::optional<Value> value = parseValue(literal, &error);
    QVERIFY2(value, qPrintable(error.toString()));
    QCOMPARE(value->kind, kind);
    QCOMPARE(value->text, literal);
    QCOMPARE(value->toVariant().toDouble(), literal.toDouble());
}

void tst_GraphQLParser::typeRefs_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("formatted");
    QTest::addColumn<QString>("named");
    QTest::addColumn<bool>("isList");
    QTest::addColumn<bool>("isNonNull");

    QTest::addRow("named") << u"Int"_s << u"Int"_s << u"Int"_s << false << false;
    QTest::addRow("non-null") << u"Int!"_s << u"Int!"_s << u"Int"_s << false << true;
    QTest::addRow("list") << u"[Int]"_s << u"[Int]"_s << u"Int"_s << true << false;
    QTest::addRow("non-null list") << u"[Int]!"_s << u"[Int]!"_s << u"Int"_s << true << true;
    QTest::addRow("list of non-null") << u"[Int!]"_s << u"[Int!]"_s << u"Int"_s << true << false;
    QTest::addRow("both") << u"[String!]!"_s << u"[String!]!"_s << u"String"_s << true << true;
    QTest::addRow("nested") << u"[[ID!]]"_s << u"[[ID!]]"_s << u"ID"_s << true << false;
    QTest::addRow("spaces and commas")
        << u" [ , Int ! ] ! "_s << u"[Int!]!"_s << u"Int"_s << true << true;
}

void tst_GraphQLParser::typeRefs()
{
    QFETCH(QString, type);
    QFETCH(QString, formatted);
    QFETCH(QString, named);
    QFETCH(bool, isList);
    QFETCH(bool, isNonNull);

    ParseError error;
    const auto document =
        Parser::parse(u"query Q($v: "_s + type + u") { a }"_s, DocumentKind::Executable, &error);
    QVERIFY2(document, qPrintable(error.toString()));
    const TypeRef &ref = document->operations.at(0).variables.at(0).type;
    QCOMPARE(ref.toString(), formatted);
    QCOMPARE(ref.namedType(), named);
    QCOMPARE(ref.isList(), isList);
    QCOMPARE(ref.isNonNull(), isNonNull);
    QCOMPARE(ref.location.column, 13 + type.indexOf(formatted.at(0)));

    const auto sdl =
        Parser::parse(u"type T { f: "_s + type + u" }"_s, DocumentKind::TypeSystem, &error);
    QVERIFY2(sdl, qPrintable(error.toString()));
    QCOMPARE(sdl->types.at(0).fields.at(0).type.toString(), formatted);
}

void tst_GraphQLParser::locations()
{
    // Columns count UTF-16 code units; \r\n, \r and \n each end one line.
    const QString source =
        u"# comment\r\nquery {\r  a(s: \"😀\") b\n\t c\r\n  d(s: \"\"\"x\n  y\"\"\") e\n}"_s;
    ParseError error;
    const auto document = Parser::parse(source, DocumentKind::Executable, &error);
    QVERIFY2(document, qPrintable(error.toString()));
    const OperationDefinition &operation = document->operations.at(0);
    QCOMPARE(operation.location.line, 2);
    QCOMPARE(operation.location.column, 1);
    const QList<Selection> &selections = operation.selectionSet;
    QCOMPARE(selections.size(), 5);
    const QList<std::pair<int, int>> expected = {{3, 3}, {3, 14}, {4, 3}, {5, 3}, {6, 9}};
    for (int i = 0; i < selections.size(); ++i) {
        QCOMPARE(selections.at(i).location.line, expected.at(i).first);
        QCOMPARE(selections.at(i).location.column, expected.at(i).second);
    }
    QCOMPARE(selections.at(0).arguments.at(0).value.location.column, 8);
    QCOMPARE(selections.at(3).arguments.at(0).value.text, u"x\ny"_s);

    const auto withBom = Parser::parse(u"\uFEFF{ a }"_s);
    QVERIFY(withBom);
    QCOMPARE(withBom->operations.at(0).location.column, 2);
}

void tst_GraphQLParser::invalidDocuments_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<DocumentKind>("kind");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("maxDepth");
    QTest::addColumn<qsizetype>("maxTokens");

    const Parser::Limits defaults;
    const auto row = [&](const char *name, const QString &source, int line, int column,
                         const QString &message, DocumentKind kind = DocumentKind::Any) {
        QTest::addRow("%s", name) << source << kind << line << column << message
                                  << defaults.maxDepth << defaults.maxTokens;
    };
    const auto limited = [](const char *name, const QString &source, int maxDepth,
                            qsizetype maxTokens, int line, int column, const QString &message) {
        QTest::addRow("%s", name) << source << DocumentKind::Any << line << column << message
                                  << maxDepth << maxTokens;
    };

    // Documents
    row("empty", QString(), 1, 1, u"empty"_s);
    row("only ignored tokens", u" ,\uFEFF # comment\n\t,\n"_s, 3, 1, u"empty"_s);
    row("stray closing brace", u"{ a }\n}"_s, 2, 1, u"Expected a definition but found \"}\""_s);
    row("unknown definition", u"foo { a }"_s, 1, 1,
        u"Expected a definition but found name \"foo\""_s);
    row("number as definition", u"1"_s, 1, 1, u"Expected a definition but found number 1"_s);
    row("description before query", u"\"doc\" query { a }"_s, 1, 7,
        u"after the description but found name \"query\""_s);
    row("description before extend", u"\"doc\" extend type T @d"_s, 1, 7,
        u"extensions cannot have a description"_s);
    row("type system in executable", u"type T { f: Int }"_s, 1, 1,
        u"type-system definition is not allowed in an executable document"_s,
        DocumentKind::Executable);
    row("described type in executable", u"{ a }\n\"doc\"\ntype T { f: Int }"_s, 2, 1,
        u"not allowed in an executable document"_s, DocumentKind::Executable);
    row("directive definition in executable", u"{ a } directive @d on FIELD"_s, 1, 7,
        u"not allowed in an executable document"_s, DocumentKind::Executable);
    row("extension in executable", u"extend type T @d"_s, 1, 1,
        u"not allowed in an executable document"_s, DocumentKind::Executable);
    row("query in type system", u"type T { f: Int }\nquery { a }"_s, 2, 1,
        u"not allowed in a type-system document"_s, DocumentKind::TypeSystem);
    row("shorthand in type system", u"scalar S\n  { a }"_s, 2, 3,
        u"not allowed in a type-system document"_s, DocumentKind::TypeSystem);
    row("fragment in type system", u"fragment F on T { a }"_s, 1, 1,
        u"not allowed in a type-system document"_s, DocumentKind::TypeSystem);

    // Executable syntax
    row("unclosed selection set", u"{"_s, 1, 2,
        u"Unexpected end of document, expected a selection"_s);
    row("unclosed nested selection set", u"{ a { b }"_s, 1, 10,
        u"Unexpected end of document, expected a selection or \"}\""_s);
    row("empty selection set", u"{ }"_s, 1, 3, u"Expected a selection but found \"}\""_s);
    row("missing colon in argument", u"query { a(b 1) }"_s, 1, 13,
        u"Expected \":\" but found number 1"_s);
    row("missing colon in variable", u"query Q($a Int) { a }"_s, 1, 12,
        u"Expected \":\" but found name \"Int\""_s);
    row("missing argument value", u"{ a(b: ) }"_s, 1, 8, u"Expected a value but found \")\""_s);
    row("empty arguments", u"{ a() }"_s, 1, 5, u"Expected an argument but found \")\""_s);
    row("unclosed arguments", u"{ a(b: 1 }"_s, 1, 10,
        u"Expected an argument or \")\" but found \"}\""_s);
    row("empty variable definitions", u"query Q() { a }"_s, 1, 9,
        u"Expected a variable definition but found \")\""_s);
    row("double non-null", u"query Q($a: Int!!) { a }"_s, 1, 17,
        u"Expected a variable definition or \")\" but found \"!\""_s);
    row("variable without name", u"{ a(b: $) }"_s, 1, 9,
        u"Expected a variable name but found \")\""_s);
    row("directive without name", u"{ a @ }"_s, 1, 7,
        u"Expected a directive name but found \"}\""_s);
    row("spread without name", u"{ ... }"_s, 1, 7,
        u"Expected a fragment name, \"on\" or a selection set but found \"}\""_s);
    row("inline fragment without type", u"{ ... on { a } }"_s, 1, 10,
        u"Expected a type name but found \"{\""_s);
    row("fragment named on", u"fragment on on T { a }"_s, 1, 10,
        u"Expected a fragment name but found name \"on\""_s);
    row("fragment without on", u"fragment F T { a }"_s, 1, 12,
        u"Expected \"on\" but found name \"T\""_s);
    row("fragment without selection set", u"fragment F on T"_s, 1, 16,
        u"Unexpected end of document, expected a selection set"_s);
    row("operation without selection set", u"query { a } query Q"_s, 1, 20,
        u"Unexpected end of document, expected a selection set"_s);
    row("alias without field", u"{ a: }"_s, 1, 6,
        u"Expected a field name after the alias but found \"}\""_s);
    row("unclosed list", u"{ a(b: [1, 2) }"_s, 1, 13,
        u"Expected a value or \"]\" but found \")\""_s);
    row("object field without colon", u"{ a(b: {c 1}) }"_s, 1, 11,
        u"Expected \":\" but found number 1"_s);
    row("object field not a name", u"{ a(b: {1: 2}) }"_s, 1, 9,
        u"Expected an object field or \"}\" but found number 1"_s);
    row("unterminated value at end", u"{ a(b: "_s, 1, 8,
        u"Unexpected end of document, expected a value"_s);

    // Constant contexts
    row("variable in default value", u"query Q($a: Int = $b) { a }"_s, 1, 19,
        u"Expected a constant value but found a variable"_s);
    row("variable nested in default value", u"query Q($a: [In] = [{x: $b}]) { a }"_s, 1, 25,
        u"constant value"_s);
    row("variable in variable directive", u"query Q($a: Int @d(x: $a)) { a }"_s, 1, 23,
        u"constant value"_s);
    row("variable in argument default", u"type T { f(a: Int = $x): Int }"_s, 1, 21,
        u"constant value"_s);
    row("variable in type directive", u"type T @d(a: $x) { f: Int }"_s, 1, 14, u"constant value"_s);
    row("variable in field directive list", u"type T { f: Int @d(a: [$x]) }"_s, 1, 24,
        u"constant value"_s);
    row("variable in input default", u"input I { a: Int = $x }"_s, 1, 20, u"constant value"_s);
    row("variable in schema directive", u"schema @d(a: $x) { query: Q }"_s, 1, 14,
        u"constant value"_s);

    // Type system syntax
    row("extend unknown", u"extend foo T"_s, 1, 8,
        u"Expected schema, scalar, type, interface, union, enum or input after \"extend\" but "
        "found name \"foo\""_s);
    row("extend directive", u"extend directive @d on FIELD"_s, 1, 8,
        u"after \"extend\" but found name \"directive\""_s);
    row("extend type without body", u"extend type T"_s, 1, 14,
        u"Unexpected end of document, expected \"implements\", a directive or \"{\""_s);
    row("extend scalar without directive", u"extend scalar S"_s, 1, 16,
        u"Unexpected end of document, expected a directive"_s);
    row("extend schema without body", u"extend schema type T"_s, 1, 15,
        u"Expected a directive or \"{\" but found name \"type\""_s);
    row("extend union without body", u"extend union U"_s, 1, 15,
        u"expected a directive or \"=\""_s);
    row("extend enum without body", u"extend enum E"_s, 1, 14, u"expected a directive or \"{\""_s);
    row("schema operation unknown", u"schema { foo: Query }"_s, 1, 10,
        u"Expected \"query\", \"mutation\" or \"subscription\" but found name \"foo\""_s);
    row("schema empty", u"schema { }"_s, 1, 10,
        u"Expected \"query\", \"mutation\" or \"subscription\" but found \"}\""_s);
    row("schema without body", u"schema @d"_s, 1, 10,
        u"Unexpected end of document, expected \"{\""_s);
    row("type without name", u"type { a: Int }"_s, 1, 6, u"Expected a type name but found \"{\""_s);
    row("type empty fields", u"type T { }"_s, 1, 10,
        u"Expected a field definition but found \"}\""_s);
    row("field without colon", u"type T { f Int }"_s, 1, 12,
        u"Expected \":\" but found name \"Int\""_s);
    row("field without type", u"type T { f: }"_s, 1, 13, u"Expected a type but found \"}\""_s);
    row("unclosed list type", u"type T { f: [Int }"_s, 1, 18, u"Expected \"]\" but found \"}\""_s);
    row("unclosed fields", u"type T { f: Int"_s, 1, 16,
        u"Unexpected end of document, expected a field definition or \"}\""_s);
    row("field with description only", u"type T { f: Int \"doc\" }"_s, 1, 23,
        u"Expected a field definition after the description but found \"}\""_s);
    row("enum value with description only", u"enum E { A \"doc\" }"_s, 1, 18,
        u"Expected an enum value after the description but found \"}\""_s);
    row("argument with description only", u"type T { f(a: Int \"\"\"doc\"\"\"): Int }"_s, 1, 28,
        u"Expected an argument definition after the description but found \")\""_s);
    row("empty argument definitions", u"type T { f(): Int }"_s, 1, 12,
        u"Expected an argument definition but found \")\""_s);
    row("implements nothing", u"type T implements { f: Int }"_s, 1, 19,
        u"Expected an interface name but found \"{\""_s);
    row("implements trailing ampersand", u"type T implements A & { f: Int }"_s, 1, 23,
        u"Expected an interface name but found \"{\""_s);
    row("union without members", u"union U ="_s, 1, 10,
        u"Unexpected end of document, expected a member type name"_s);
    row("union trailing pipe", u"union U = A |"_s, 1, 14,
        u"Unexpected end of document, expected a member type name"_s);
    row("enum value true", u"enum E { A true }"_s, 1, 12, u"cannot be an enum value"_s);
    row("enum value null", u"enum E { null }"_s, 1, 10, u"cannot be an enum value"_s);
    row("enum empty", u"enum E { }"_s, 1, 10, u"Expected an enum value but found \"}\""_s);
    row("enum value number", u"enum E { A 1 }"_s, 1, 12,
        u"Expected an enum value or \"}\" but found number 1"_s);
    row("input empty", u"input I { }"_s, 1, 11,
        u"Expected an input field definition but found \"}\""_s);
    row("input field without type", u"input I { a }"_s, 1, 13, u"Expected \":\" but found \"}\""_s);
    row("directive unknown location", u"directive @d on FOO"_s, 1, 17,
        u"Expected a directive location but found name \"FOO\""_s);
    row("directive without on", u"directive @d(a: Int) repeatable"_s, 1, 32,
        u"Unexpected end of document, expected \"on\""_s);
    row("directive without at", u"directive d on FIELD"_s, 1, 11,
        u"Expected \"@\" but found name \"d\""_s);
    row("directive trailing pipe", u"directive @d on FIELD |"_s, 1, 24,
        u"Unexpected end of document, expected a directive location"_s);

    // Lexer
    row("unterminated string", u"{ a(b: \"abc) }"_s, 1, 8, u"Unterminated string"_s);
    row("string with newline", u"{ a(b: \"abc\n\") }"_s, 1, 8, u"Unterminated string"_s);
    row("string ending in backslash", u"{ a(b: \"abc\\"_s, 1, 8, u"Unterminated string"_s);
    row("unterminated block string", u"\"\"\"abc\n  def\"\""_s, 1, 1,
        u"Unterminated block string"_s);
    row("unterminated block string with escape", u"type T \"\"\"a \\\"\"\""_s, 1, 8,
        u"Unterminated block string"_s);
    row("invalid escape", u"{ a(b: \"\\x\") }"_s, 1, 9, u"Invalid escape sequence \"\\x\""_s);
    row("invalid escape control", u"{ a(b: \"\\\u0001\") }"_s, 1, 9,
        u"Invalid escape sequence: \"\\\" followed by U+0001"_s);
    row("invalid unicode escape", u"{ a(b: \"\\u12G4\") }"_s, 1, 9,
        u"Invalid Unicode escape sequence \"\\u12G\""_s);
    row("short unicode escape", u"{ a(b: \"\\u12\") }"_s, 1, 9,
        u"Invalid Unicode escape sequence \"\\u12\""_s);
    row("lone high surrogate escape", u"{ a(b: \"\\uD800\") }"_s, 1, 9,
        u"Invalid Unicode escape sequence \"\\uD800\": a lone surrogate"_s);
    row("lone low surrogate escape", u"{ a(b: \"x\\uDC00\") }"_s, 1, 10, u"a lone surrogate"_s);
    row("high surrogate then other escape", u"{ a(b: \"\\uD800\\u0041\") }"_s, 1, 9,
        u"a lone surrogate"_s);
    row("braced escape too big", u"{ a(b: \"\\u{110000}\") }"_s, 1, 9,
        u"Invalid Unicode escape sequence \"\\u{110000}\": beyond U+10FFFF"_s);
    row("braced surrogate escape", u"{ a(b: \"\\u{D800}\") }"_s, 1, 9,
        u"a surrogate is not a character"_s);
    row("braced escape empty", u"{ a(b: \"\\u{}\") }"_s, 1, 9,
        u"Invalid Unicode escape sequence \"\\u{}\""_s);
    row("braced escape unclosed", u"{ a(b: \"\\u{41\") }"_s, 1, 9,
        u"Invalid Unicode escape sequence \"\\u{41\""_s);
    row("control character in string", u"{ a(b: \"x\u0001\") }"_s, 1, 10,
        u"Invalid character U+0001 in a string"_s);
    row("lone surrogate in string", u"{ a(b: \"x"_s + QChar(0xD800) + u"\") }"_s, 1, 10,
        u"Invalid character U+D800 in a string"_s);
    row("control character in block string", u"\"\"\"a\u0001\"\"\" scalar S"_s, 1, 5,
        u"Invalid character U+0001 in a block string"_s);
    row("control character in comment", u"# comment \u0001\n{ a }"_s, 1, 11,
        u"Invalid character U+0001 in a comment"_s);
    row("leading zero", u"{ a(b: 01) }"_s, 1, 9, u"leading zero"_s);
    row("negative leading zero", u"{ a(b: -00) }"_s, 1, 10, u"leading zero"_s);
    row("missing fraction", u"{ a(b: 1.) }"_s, 1, 10,
        u"Invalid number: expected a digit after \".\" but found \")\""_s);
    row("missing exponent", u"{ a(b: 1e) }"_s, 1, 10,
        u"expected a digit in the exponent but found \")\""_s);
    row("missing signed exponent", u"{ a(b: 1e+) }"_s, 1, 11, u"exponent"_s);
    row("two dots", u"{ a(b: 1.5.2) }"_s, 1, 11, u"Invalid number: unexpected \".\""_s);
    row("int followed by dot", u"{ a(b: 1.e5) }"_s, 1, 10, u"expected a digit after"_s);
    row("number followed by name", u"{ a(b: 123abc) }"_s, 1, 11,
        u"Invalid number: unexpected \"a\" after a number"_s);
    row("hex number", u"{ a(b: 0x1F) }"_s, 1, 9, u"unexpected \"x\""_s);
    row("float followed by name", u"{ a(b: 1.5e3f) }"_s, 1, 13, u"unexpected \"f\""_s);
    row("number followed by underscore", u"{ a(b: 1_000) }"_s, 1, 9, u"unexpected \"_\""_s);
    row("lone minus", u"{ a(b: -) }"_s, 1, 9,
        u"Invalid number: expected a digit but found \")\""_s);
    row("minus before name", u"{ a(b: -x) }"_s, 1, 9,
        u"Invalid number: expected a digit but found \"x\""_s);
    row("float followed by letter", u"{ a(b: 1.5a) }"_s, 1, 11,
        u"Invalid number: unexpected \"a\" after a number"_s);
    row("leading zero float", u"{ a(b: 00.5) }"_s, 1, 9, u"leading zero"_s);
    row("exponent followed by dot", u"{ a(b: 1e5.0) }"_s, 1, 11, u"unexpected \".\""_s);
    row("minus at end", u"{ a(b: -"_s, 1, 9, u"but found the end of the document"_s);
    row("plus sign", u"{ a(b: +1) }"_s, 1, 8, u"Invalid character \"+\""_s);
    row("question mark", u"{ a ? }"_s, 1, 5, u"Invalid character \"?\""_s);
    row("control character", u"{ a \u0007 }"_s, 1, 5, u"Invalid character U+0007"_s);
    row("non-ascii name", u"{ a é }"_s, 1, 5, u"Invalid character U+00E9"_s);
    row("emoji outside string", u"{ 😀 }"_s, 1, 3, u"Invalid character U+1F600"_s);
    row("nbsp", u"{ a\u00A0b }"_s, 1, 4, u"Invalid character U+00A0"_s);
    row("single dot", u"{ a . b }"_s, 1, 5, u"Expected \"...\" but found \".\""_s);
    row("lone dot", u"."_s, 1, 1, u"Expected \"...\" but found \".\""_s);
    row("dot before spread", u"{ .... F }"_s, 1, 6, u"Expected \"...\" but found \".\""_s);
    row("unexpected character at start", u"?"_s, 1, 1, u"Invalid character \"?\""_s);
    row("backslash outside string", u"{ a\\b }"_s, 1, 4, u"Invalid character \"\\\""_s);
    row("quote at end of line", u"{ a }\n\"\n"_s, 2, 1, u"Unterminated string"_s);
    row("two dots spread", u"{ ..F }"_s, 1, 3, u"Expected \"...\" but found \"..\""_s);
    row("single quote", u"{ a(b: 'x') }"_s, 1, 8, u"Invalid character \"'\""_s);
    row("crlf line counting", u"{\r\n a\r\n ?}"_s, 3, 2, u"Invalid character"_s);
    row("cr line counting", u"{\r a\r ?}"_s, 3, 2, u"Invalid character"_s);
    row("line counting after block string", u"\"\"\"\nline\r\n\"\"\" ?"_s, 3, 5,
        u"Invalid character \"?\""_s);
    row("column in utf-16 units", u"{ a(b: \"😀\") ? }"_s, 1, 14, u"Invalid character"_s);

    // Depth limit (default 128)
    row("200 nested lists", u"{ f(a: "_s + repeated(u"[", 200) + repeated(u"]", 200) + u") }"_s, 1,
        8 + 127, u"nested too deeply (more than 128 levels)"_s);
    row("200 nested lists in default value",
        u"query Q($a: [Int] = "_s + repeated(u"[", 200) + repeated(u"]", 200) + u") { a }"_s, 1,
        21 + 128, u"nested too deeply"_s);
    row("200 nested objects",
        u"{ f(a: "_s + repeated(u"{a: ", 200) + u"1"_s + repeated(u"}", 200) + u") }"_s, 1,
        8 + 127 * 4, u"nested too deeply"_s);
    row("200 nested selection sets", repeated(u"{a", 200) + repeated(u"}", 200), 1, 2 * 128 + 1,
        u"nested too deeply"_s);
    row("200 nested list types",
        u"query Q($a: "_s + repeated(u"[", 200) + u"Int"_s + repeated(u"]", 200) + u") { a }"_s, 1,
        13 + 128, u"nested too deeply"_s);
    row("200 nested list types in sdl",
        u"type T { f: "_s + repeated(u"[", 200) + u"Int"_s + repeated(u"]", 200) + u" }"_s, 1,
        13 + 128, u"nested too deeply"_s);

    // Custom limits
    limited("max depth 2, selection sets", u"{ a { b { c } } }"_s, 2, 100, 1, 9,
            u"nested too deeply (more than 2 levels)"_s);
    limited("max depth 1, list value", u"{ a(b: [1]) }"_s, 1, 100, 1, 8,
            u"nested too deeply (more than 1 levels)"_s);
    limited("max depth 2, object value", u"{ a(b: {c: {d: 1}}) }"_s, 2, 100, 1, 12,
            u"nested too deeply"_s);
    limited("max depth 1, list type", u"query Q($a: [[Int]]) { a }"_s, 1, 100, 1, 14,
            u"nested too deeply"_s);
    limited("max depth 0", u"{ a }"_s, 0, 100, 1, 1, u"more than 0 levels"_s);
    limited("max depth 3, inline fragments", u"{ ... { ... { ... { a } } } }"_s, 3, 100, 1, 19,
            u"nested too deeply"_s);
    limited("max tokens 2", u"{ a }"_s, 128, 2, 1, 5, u"too many tokens (more than 2)"_s);
    limited("max tokens 4", u"{ a b c }"_s, 128, 4, 1, 9, u"too many tokens"_s);
    limited("max tokens on second line", u"type T {\n  a: Int\n  b: Int\n}"_s, 128, 6, 3, 3,
            u"too many tokens (more than 6)"_s);
    limited("max tokens 0", u"  scalar S"_s, 128, 0, 1, 3, u"too many tokens"_s);
}

void tst_GraphQLParser::invalidDocuments()
{
    QFETCH(QString, source);
    QFETCH(DocumentKind, kind);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    QFETCH(int, maxDepth);
    QFETCH(qsizetype, maxTokens);

    Parser::Limits limits;
    limits.maxDepth = maxDepth;
    limits.maxTokens = maxTokens;
    ParseError error;
    const std::optional<Document> document = Parser::parse(source, kind, limits, &error);
    QVERIFY2(!document, "the document was accepted");
    QVERIFY2(error.message.contains(message), qPrintable(error.toString()));
    QCOMPARE(error.location.line, line);
    QCOMPARE(error.location.column, column);
    QCOMPARE(error.toString(), u"%1:%2: %3"_s.arg(line).arg(column).arg(error.message));

    // The same result without an error object, and no crash.
    QVERIFY(!Parser::parse(source, kind, limits, nullptr));
}

void tst_GraphQLParser::deepNesting_data()
{
    QTest::addColumn<QString>("source");

    const int depth = 100000;
    QTest::addRow("lists") << u"{ f(a: "_s + repeated(u"[", depth);
    QTest::addRow("closed lists") << u"{ f(a: "_s + repeated(u"[", depth) + repeated(u"]", depth)
            + u") }"_s;
    QTest::addRow("objects") << u"{ f(a: "_s + repeated(u"{a:", depth);
    QTest::addRow("braces") << repeated(u"{", depth);
    QTest::addRow("selection sets") << repeated(u"{a", depth);
    QTest::addRow("inline fragments") << repeated(u"{...", depth);
    QTest::addRow("list types") << u"query Q($a: "_s + repeated(u"[", depth);
    QTest::addRow("sdl list types") << u"type T { f: "_s + repeated(u"[", depth);
    QTest::addRow("default values") << u"type T { f(a: I = "_s + repeated(u"[", depth);
    QTest::addRow("parentheses") << u"{ f"_s + repeated(u"(", depth);
}

void tst_GraphQLParser::deepNesting()
{
    QFETCH(QString, source);

    ParseError error;
    QVERIFY(!Parser::parse(source, DocumentKind::Any, &error));
    QVERIFY(!error.message.isEmpty());

    // Even a caller asking for no depth limit gets an error instead of a stack overflow.
    Parser::Limits limits;
    limits.maxDepth = std::numeric_limits<int>::max();
    QVERIFY(!Parser::parse(source, DocumentKind::Any, limits, &error));
    QVERIFY(!error.message.isEmpty());
}

void tst_GraphQLParser::limits()
{
    ParseError error;
    Parser::Limits limits;

    limits.maxDepth = 2;
    QVERIFY(Parser::parse(u"{ a { b } }"_s, DocumentKind::Any, limits, &error));
    QVERIFY(!Parser::parse(u"{ a { b { c } } }"_s, DocumentKind::Any, limits, &error));
    QCOMPARE(error.location.column, 9);
    QVERIFY(error.message.contains(u"more than 2 levels"));
    QVERIFY(Parser::parse(u"{ a(b: [1]) }"_s, DocumentKind::Any, limits, &error));
    QVERIFY(!Parser::parse(u"{ a(b: [[1]]) }"_s, DocumentKind::Any, limits, &error));
    QCOMPARE(error.location.column, 9);

    limits = {};
    limits.maxTokens = 4;
    QVERIFY2(Parser::parse(u"{ a b }"_s, DocumentKind::Any, limits, &error),
             qPrintable(error.toString()));
    QVERIFY(!Parser::parse(u"{ a b c }"_s, DocumentKind::Any, limits, &error));
    QCOMPARE(error.location.column, 9);
    QVERIFY(error.message.contains(u"too many tokens"));

    limits = {};
    limits.maxSourceLength = 5;
    QVERIFY(Parser::parse(u"{ a }"_s, DocumentKind::Any, limits, &error));
    QVERIFY(!Parser::parse(u"{ ab }"_s, DocumentKind::Any, limits, &error));
    QCOMPARE(error.location.line, 1);
    QCOMPARE(error.location.column, 1);
    QVERIFY(error.message.contains(u"too long"));

    // A large flat document within the default limits.
    const QString wide = u"{ "_s + repeated(u"a ", 100000) + u"}"_s;
    QVERIFY(Parser::parse(wide, DocumentKind::Executable, &error));
    const QString longList = u"{ f(a: ["_s + repeated(u"1, ", 100000) + u"]) }"_s;
    const auto document = Parser::parse(longList, DocumentKind::Executable, &error);
    QVERIFY(document);
    QCOMPARE(document->operations.at(0).selectionSet.at(0).arguments.at(0).value.list.size(),
             100000);
}

void tst_GraphQLParser::toVariant_data()
{
    QTest::addColumn<Value>("value");
    QTest::addColumn<QVariant>("expected");

    const auto scalar = [](Value::Kind kind, const QString &text) {
        Value value;
        value.kind = kind;
        value.text = text;
        return value;
    };
    QTest::addRow("null") << Value() << QVariant();
    QTest::addRow("int") << scalar(Value::Kind::Int, u"12"_s) << QVariant(12LL);
    QTest::addRow("big int") << scalar(Value::Kind::Int, u"1"_s + QString(30, u'0'))
                             << QVariant(1e30);
    QTest::addRow("float") << scalar(Value::Kind::Float, u"2.5"_s) << QVariant(2.5);
    QTest::addRow("string") << scalar(Value::Kind::String, u"x"_s) << QVariant(u"x"_s);
    QTest::addRow("enum") << scalar(Value::Kind::Enum, u"RED"_s) << QVariant(u"RED"_s);
    QTest::addRow("known variable")
        << scalar(Value::Kind::Variable, u"v"_s) << QVariant(u"bound"_s);
    QTest::addRow("unknown variable") << scalar(Value::Kind::Variable, u"w"_s) << QVariant();
    Value boolean;
    boolean.kind = Value::Kind::Boolean;
    boolean.boolean = true;
    QTest::addRow("boolean") << boolean << QVariant(true);
    Value list;
    list.kind = Value::Kind::List;
    list.list = {scalar(Value::Kind::Int, u"1"_s), boolean, Value(),
                 scalar(Value::Kind::Variable, u"v"_s)};
    QTest::addRow("list") << list << QVariant(QVariantList{1LL, true, QVariant(), u"bound"_s});
    Value object;
    object.kind = Value::Kind::Object;
    object.fields = {{u"b"_s, list}, {u"a"_s, scalar(Value::Kind::String, u"s"_s)}};
    QTest::addRow("object") << object
                            << QVariant(QVariantMap{
                                   {u"a"_s, u"s"_s},
                                   {u"b"_s, QVariantList{1LL, true, QVariant(), u"bound"_s}}});
}

void tst_GraphQLParser::toVariant()
{
    QFETCH(Value, value);
    QFETCH(QVariant, expected);

    const QVariant actual = value.toVariant({{u"v"_s, u"bound"_s}});
    QCOMPARE(actual, expected);
    QCOMPARE(actual.metaType(), expected.metaType());
    QCOMPARE(actual.isNull(), expected.isNull());
}

void tst_GraphQLParser::helpers()
{
    TypeRef named;
    named.name = u"T"_s;
    QCOMPARE(named.toString(), u"T");
    QCOMPARE(named.namedType(), u"T");
    QVERIFY(!named.isList());

    // Hand-built refs with a missing ofType must not crash.
    TypeRef broken;
    broken.kind = TypeRef::Kind::NonNull;
    QCOMPARE(broken.toString(), u"!");
    QVERIFY(broken.namedType().isEmpty());
    QVERIFY(!broken.isList());

    Directive directive;
    directive.arguments = {Argument{u"a"_s, {}, {}}, Argument{u"b"_s, {}, {}}};
    QCOMPARE(directive.argument(u"b"), &directive.arguments.at(1));
    QVERIFY(!directive.argument(u"c"));

    TypeDefinition type;
    type.fields.append(FieldDefinition{});
    type.fields.last().name = u"f"_s;
    QCOMPARE(type.field(u"f"), &type.fields.at(0));
    QVERIFY(!type.field(u"g"));
}

void tst_GraphQLParser::errorToString()
{
    ParseError error;
    QVERIFY(!Parser::parse(u"{\n  a(b: )\n}"_s, DocumentKind::Executable, &error));
    QCOMPARE(error.toString(), u"2:8: Expected a value but found \")\""_s);
}

// Inputs at the edges of the grammar, in the spirit of the fuzzer (tests/fuzz), which has found
// nothing so far: add every input it finds here.
void tst_GraphQLParser::edgeCases_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<bool>("valid");

    QTest::addRow("nul character") << QString(QChar(0)) << false;
    QTest::addRow("nul after document") << u"{ a }"_s + QChar(0) << false;
    QTest::addRow("lone quote") << u"\""_s << false;
    QTest::addRow("lone block quote") << u"\"\"\""_s << false;
    QTest::addRow("block quote and escape") << u"\"\"\"\\\"\"\"\""_s << false;
    QTest::addRow("description only") << u"\"doc\""_s << false;
    QTest::addRow("block description only") << u"\"\"\"doc\"\"\""_s << false;
    QTest::addRow("spread only") << u"..."_s << false;
    QTest::addRow("minus only") << u"-"_s << false;
    QTest::addRow("dollar only") << u"$"_s << false;
    QTest::addRow("at only") << u"@"_s << false;
    QTest::addRow("extend only") << u"extend"_s << false;
    QTest::addRow("directive only") << u"directive"_s << false;
    QTest::addRow("open braced escape") << u"{ a(b: \"\\u{"_s << false;
    QTest::addRow("long braced escape")
        << u"{ a(b: \"\\u{"_s + QString(5000, u'0') + u"41}\") }"_s << true;
    QTest::addRow("overflowing braced escape")
        << u"{ a(b: \"\\u{"_s + QString(5000, u'F') + u"}\") }"_s << false;
    QTest::addRow("escape at end") << u"{ a(b: \"\\u"_s << false;
    QTest::addRow("surrogate escape at end") << u"{ a(b: \"\\uD83D\\u"_s << false;
    QTest::addRow("lone high surrogate at end") << u"{ a }"_s + QChar(0xD83D) << false;
    QTest::addRow("lone surrogate in comment") << u"# "_s + QChar(0xDE00) + u"\n{ a }"_s << false;
    QTest::addRow("surrogate pair in comment") << u"# 😀\n{ a }"_s << true;
    QTest::addRow("cr at end of block string") << u"\"\"\"a\r\"\"\" scalar S"_s << true;
    QTest::addRow("only commas") << u",,,,"_s << false;
    QTest::addRow("many definitions") << repeated(u"{ a } ", 10000) << true;
    QTest::addRow("huge number") << u"{ a(b: "_s + QString(10000, u'9') + u") }"_s << true;
    QTest::addRow("huge exponent") << u"{ a(b: 1e"_s + QString(10000, u'9') + u") }"_s << true;
    QTest::addRow("name max chars") << u"{ "_s + QString(100000, u'a') + u" }"_s << true;
    QTest::addRow("unterminated after many lines") << repeated(u"\n", 10000) + u"\""_s << false;
    QTest::addRow("type named like keywords") << u"type type { type: type }"_s << true;
    QTest::addRow("input named on") << u"input on { on: on = on }"_s << true;
    QTest::addRow("repeatable as directive name")
        << u"directive @repeatable repeatable on FIELD"_s << true;
    QTest::addRow("on as directive name") << u"directive @on on FIELD"_s << true;
    QTest::addRow("implements as type name") << u"type implements implements implements"_s << true;
}

void tst_GraphQLParser::edgeCases()
{
    QFETCH(QString, source);
    QFETCH(bool, valid);

    for (const DocumentKind kind :
         {DocumentKind::Any, DocumentKind::Executable, DocumentKind::TypeSystem}) {
        ParseError error;
        const std::optional<Document> document = Parser::parse(source, kind, &error);
        if (kind == DocumentKind::Any)
            QVERIFY2(bool(document) == valid, qPrintable(error.toString()));
        if (!document) {
            QVERIFY(!error.message.isEmpty());
            QVERIFY(error.location.line >= 1);
            QVERIFY(error.location.column >= 1);
        }
    }
}

// Cutting a valid document anywhere must give either a document (the cut fell between
// definitions) or an error located inside the prefix or right after it.
void tst_GraphQLParser::truncations_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<DocumentKind>("kind");

    QTest::addRow("appsync query") << appSyncQuerySource << DocumentKind::Executable;
    QTest::addRow("appsync mutation") << appSyncMutationSource << DocumentKind::Executable;
    QTest::addRow("values") << u"{ f(a: [1, -2.5e3, \"s\\u00e9\", \"\"\"b\"\"\", {c: $d}, E, "
                               "null, true]) @x(y: 1) { ... on T { g } ...F } }"_s
                            << DocumentKind::Executable;
    QTest::addRow("type system")
        << u"\"d\" type T implements I & J @d(a: 1) { f(\"x\" a: [Int!] = [1]): T! } "
           "union U = | A | B enum E { A } input I { a: Int = 1 } scalar S @d "
           "directive @d(a: Int) repeatable on FIELD | OBJECT schema { query: Q } "
           "extend type T { g: Int }"_s
        << DocumentKind::TypeSystem;
}

void tst_GraphQLParser::truncations()
{
    QFETCH(QString, source);
    QFETCH(DocumentKind, kind);

    QVERIFY(Parser::parse(source, kind));
    for (qsizetype length = 0; length < source.size(); ++length) {
        const QStringView prefix = QStringView(source).first(length);
        ParseError error;
        if (Parser::parse(prefix, kind, &error))
            continue;
        QVERIFY(!error.message.isEmpty());
        QCOMPARE(error.location.line, 1);
        QVERIFY2(error.location.column >= 1 && error.location.column <= length + 1,
                 qPrintable(error.toString()));
    }
}

// Pathological inputs: each must give an error (or a document) without crashing, quickly.
void tst_GraphQLParser::robustness_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<bool>("valid");

    const int n = 100000;
    QTest::addRow("100000 [") << repeated(u"[", n) << false;
    QTest::addRow("100000 {") << repeated(u"{", n) << false;
    QTest::addRow("100000 }") << repeated(u"}", n) << false;
    QTest::addRow("100000 [ in a value") << u"{ a(b: "_s + repeated(u"[", n) << false;
    QTest::addRow("100000 { in a value") << u"{ a(b: "_s + repeated(u"{", n) << false;
    QTest::addRow("100000 ...") << u"{ "_s + repeated(u"...", n) << false;
    QTest::addRow("100000 @") << u"{ a "_s + repeated(u"@", n) << false;
    QTest::addRow("100000 !") << u"query Q($a: Int"_s + repeated(u"!", n) << false;
    QTest::addRow("100000 quotes") << repeated(u"\"", n) << false;
    QTest::addRow("100000 commas") << repeated(u",", n) + u"{ a }"_s << true;
    QTest::addRow("100000 comment lines") << repeated(u"#\n", n) + u"{ a }"_s << true;
    QTest::addRow("100000 escapes")
        << u"{ a(b: \""_s + repeated(u"\\u0041", n) + u"\") }"_s << true;
    QTest::addRow("100000 lines in a block string")
        << u"{ a(b: \"\"\""_s + repeated(u"\n  x", n) + u"\"\"\") }"_s << true;
    QTest::addRow("100000 spreads") << u"{ "_s + repeated(u"...F ", n) + u"}"_s << true;
    QTest::addRow("100000 arguments") << u"{ a("_s + repeated(u"b: 1 ", n) + u") }"_s << true;
    QTest::addRow("100000 directives") << u"{ a "_s + repeated(u"@d ", n) + u"}"_s << true;
    QTest::addRow("100000 union members")
        << u"union U = "_s + repeated(u"A | ", n) + u"B"_s << true;
    QTest::addRow("100000 definitions") << repeated(u"scalar S ", n) << true;
}

void tst_GraphQLParser::robustness()
{
    QFETCH(QString, source);
    QFETCH(bool, valid);

    for (const DocumentKind kind :
         {DocumentKind::Any, DocumentKind::Executable, DocumentKind::TypeSystem}) {
        ParseError error;
        const std::optional<Document> document = Parser::parse(source, kind, &error);
        if (kind == DocumentKind::Any)
            QVERIFY2(bool(document) == valid, qPrintable(error.toString()));
        if (!document) {
            QVERIFY(!error.message.isEmpty());
            QVERIFY(error.location.line >= 1);
            QVERIFY(error.location.column >= 1);
        }
    }
}

void tst_GraphQLParser::oneMegabyteDocument()
{
    const QString field = u"f: g(h: [1, \"x\"]) "_s;
    const int count = 1024 * 1024 / int(field.size()) + 1;
    const QString source = u"query Big {\n"_s + repeated(field, count) + u"\n}"_s;
    QVERIFY(source.size() > 1024 * 1024);

    ParseError error;
    const auto document = Parser::parse(source, DocumentKind::Executable, &error);
    QVERIFY2(document, qPrintable(error.toString()));
    const QList<Selection> &selections = document->operations.at(0).selectionSet;
    QCOMPARE(selections.size(), count);
    const Selection &last = selections.last();
    QCOMPARE(last.alias, u"f");
    QCOMPARE(last.name, u"g");
    QCOMPARE(last.arguments.at(0).value.toVariant(), QVariant(QVariantList{1LL, u"x"_s}));
    QCOMPARE(last.location.line, 2);
    QCOMPARE(last.location.column, (count - 1) * field.size() + 1);
}

void tst_GraphQLParser::randomInput_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("alphabet");

    for (quint32 seed : {1u, 2u, 3u, 42u, 20211026u}) {
        QTest::addRow("utf-8 bytes, seed %u", seed) << seed << 0;
        QTest::addRow("utf-16 units, seed %u", seed) << seed << 1;
        QTest::addRow("graphql characters, seed %u", seed) << seed << 2;
        QTest::addRow("graphql tokens, seed %u", seed) << seed << 3;
    }
}

// Seeded random inputs: bytes decoded as UTF-8, raw UTF-16 code units (lone surrogates
// included), characters that GraphQL uses, and whole tokens. Nothing may crash; errors must have
// a message and a location inside the source.
void tst_GraphQLParser::randomInput()
{
    QFETCH(quint32, seed);
    QFETCH(int, alphabet);

    const QString characters = u"{}[]()!$&:=@|.\"\\ ,\n\r\t#-+0123456789eE_aZqu\uFEFF\u00e9"_s;
    const QStringList tokens = {
        u"{"_s,
        u"}"_s,
        u"["_s,
        u"]"_s,
        u"("_s,
        u")"_s,
        u"!"_s,
        u"$"_s,
        u"&"_s,
        u":"_s,
        u"="_s,
        u"@"_s,
        u"|"_s,
        u"..."_s,
        u"query"_s,
        u"mutation"_s,
        u"fragment"_s,
        u"on"_s,
        u"type"_s,
        u"input"_s,
        u"enum"_s,
        u"union"_s,
        u"scalar"_s,
        u"schema"_s,
        u"extend"_s,
        u"directive"_s,
        u"repeatable"_s,
        u"implements"_s,
        u"FIELD"_s,
        u"true"_s,
        u"null"_s,
        u"a"_s,
        u"B"_s,
        u"1"_s,
        u"-2.5e3"_s,
        u"\"s\""_s,
        u"\"\"\"b\"\"\""_s,
        u"\"\\u0041\""_s,
        u"#c\n"_s,
        u"\n"_s,
        u" "_s,
    };
    QRandomGenerator random(seed);
    for (int i = 0; i < 2000; ++i) {
        const int length = random.bounded(1, 200);
        QString source;
        switch (alphabet) {
        case 0: {
            QByteArray bytes(length, Qt::Uninitialized);
            for (char &byte : bytes)
                byte = char(random.bounded(256));
            source = QString::fromUtf8(bytes);
            break;
        }
        case 1:
            for (int j = 0; j < length; ++j)
                source += QChar(char16_t(random.bounded(0x10000)));
            break;
        case 2:
            for (int j = 0; j < length; ++j)
                source += characters.at(random.bounded(characters.size()));
            break;
        default:
            for (int j = 0; j < length / 4 + 1; ++j) {
                source += tokens.at(random.bounded(tokens.size()));
                source += u' ';
            }
            break;
        }
        const int lines = int(source.count(u'\n') + source.count(u'\r')) + 1;
        for (const DocumentKind kind :
             {DocumentKind::Any, DocumentKind::Executable, DocumentKind::TypeSystem}) {
            ParseError error;
            if (Parser::parse(source, kind, &error))
                continue;
            QVERIFY(!error.message.isEmpty());
            QVERIFY2(error.location.line >= 1 && error.location.line <= lines,
                     qPrintable(error.toString()));
            QVERIFY2(error.location.column >= 1 && error.location.column <= source.size() + 1,
                     qPrintable(error.toString()));
        }
    }
}

void tst_GraphQLParser::sourceTooLong()
{
    const Parser::Limits defaults;
    const QString source = u"{ a }"_s + QString(defaults.maxSourceLength - 5 + 1, u' ');
    QCOMPARE(source.size(), defaults.maxSourceLength + 1);
    ParseError error;
    QVERIFY(!Parser::parse(source, DocumentKind::Any, &error));
    QCOMPARE(error.location.line, 1);
    QCOMPARE(error.location.column, 1);
    QVERIFY2(error.message.contains(u"too long"), qPrintable(error.message));
    QVERIFY2(error.message.contains(QString::number(defaults.maxSourceLength)),
             qPrintable(error.message));
    QVERIFY(!Parser::parse(source, DocumentKind::Executable, nullptr));

    // One character less is accepted.
    QVERIFY(Parser::parse(QStringView(source).chopped(1), DocumentKind::Any, &error));
}

QTEST_MAIN(tst_GraphQLParser)
#include "tst_graphqlparser.moc"
