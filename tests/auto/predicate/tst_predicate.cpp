// Tests of the predicate engine: the C++ builder, AppSync filter JSON, resolve() against a
// schema, in-memory evaluation, and the SQLite compilation through a real DataStore.

#include "testutil.h"

#include "predicate/sqlcompiler_p.h"

#include <Stratus/datastore.h>
#include <Stratus/predicate.h>
#include <Stratus/schema.h>

#include <QtCore/qcoreapplication.h>
#include <QtCore/qdatetime.h>
#include <QtCore/qeventloop.h>
#include <QtCore/qfuturewatcher.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qtemporarydir.h>
#include <QtCore/quuid.h>
#include <QtTest/qtest.h>

#include <limits>
#include <memory>

using namespace Qt::StringLiterals;
using namespace Stratus;

using Op = Predicate::Operator;

namespace {

const QString modelName = u"Scalars"_s;

// Which check of a scalarOperators row is known to fail because of a library bug.
enum BugAt {
    NoBug = 0,
    BugInResolve = 0x1,
    BugInMemory = 0x2,
    BugInSql = 0x4,
};

using StratusTest::await;

QString show(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return u"null"_s;
    switch (value.metaType().id()) {
    case QMetaType::QString:
        return value.toString().isNull() ? u"QString()"_s : u'"' + value.toString() + u'"';
    case QMetaType::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QMetaType::QVariantList:
    case QMetaType::QStringList: {
        QStringList items;
        for (const QVariant &item : value.toList())
            items.append(show(item));
        return u'[' + items.join(u", "_s) + u']';
    }
    case QMetaType::QDateTime:
        return u"QDateTime("_s + value.toDateTime().toString(Qt::ISODateWithMs) + u')';
    case QMetaType::QDate:
        return u"QDate("_s + value.toDate().toString(Qt::ISODate) + u')';
    case QMetaType::QUuid:
        return u"QUuid("_s + value.toUuid().toString(QUuid::WithoutBraces) + u')';
    default:
        return value.toString();
    }
}

// Like Predicate::toString(), with operands shown by show() (QString() and QUuid stay apart).
QString describe(const Predicate &predicate)
{
    switch (predicate.kind()) {
    case Predicate::Kind::All:
        return u"all"_s;
    case Predicate::Kind::Comparison:
        return predicate.field() + u' ' + Predicate::operatorName(predicate.op()) + u' '
            + show(predicate.value());
    case Predicate::Kind::And:
    case Predicate::Kind::Or: {
        QStringList parts;
        for (const Predicate &child : predicate.children())
            parts.append(describe(child));
        return u'(' + parts.join(predicate.kind() == Predicate::Kind::And ? u" and "_s : u" or "_s)
            + u')';
    }
    case Predicate::Kind::Not:
        return u"not "_s + describe(predicate.children().constFirst());
    }
    return {};
}

QVariantList list(std::initializer_list<QVariant> items)
{
    return QVariantList(items);
}

} // namespace

class tst_Predicate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void builder();
    void emptyGroups();
    void toString_data();
    void toString();

    void scalarOperators_data();
    void scalarOperators();
    void disallowedOperators_data();
    void disallowedOperators();

    void fromJson_data();
    void fromJson();
    void fromJsonNestingLimit();
    void roundTrip_data();
    void roundTrip();
    void malformedJson_data();
    void malformedJson();
    void resolveErrors_data();
    void resolveErrors();
    void resolveUnknownModel();

    void sqlUsesPlaceholders_data();
    void sqlUsesPlaceholders();
    void sqlQuoteAndAlias();

private:
    void row(const QString &field, const Predicate &predicate, const QVariant &stored,
             bool expected, const QString &bug = {}, int bugAt = NoBug);
    void addTextRows(const QString &field, const QString &lo, const QString &mid, const QString &hi,
                     const QString &sub, const QString &prefix);
    void addNumberRows(const QString &field, const QVariant &lo, const QVariant &mid,
                       const QVariant &hi);
    void addEqualityRows(const QString &field, const QVariant &a, const QVariant &b);

    Schema m_schema;
    ModelSchema m_model;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<DataStore> m_store;
};

void tst_Predicate::initTestCase()
{
    SchemaBuilder builder;
    builder.addEnum(u"Color"_s, {u"RED"_s, u"GREEN"_s, u"BLUE"_s});
    builder.addModel(u"Owner"_s).addField(u"name"_s, u"String"_s);
    builder.addModel(modelName)
        .addField(u"ident"_s, u"ID"_s)
        .addField(u"str"_s, u"String"_s)
        .addField(u"num"_s, u"Int"_s)
        .addField(u"real"_s, u"Float"_s)
        .addField(u"flag"_s, u"Boolean"_s)
        .addField(u"date"_s, u"AWSDate"_s)
        .addField(u"time"_s, u"AWSTime"_s)
        .addField(u"dateTime"_s, u"AWSDateTime"_s)
        .addField(u"stamp"_s, u"AWSTimestamp"_s)
        .addField(u"email"_s, u"AWSEmail"_s)
        .addField(u"json"_s, u"AWSJSON"_s)
        .addField(u"url"_s, u"AWSURL"_s)
        .addField(u"phone"_s, u"AWSPhone"_s)
        .addField(u"ip"_s, u"AWSIPAddress"_s)
        .addField(u"color"_s, u"Color"_s)
        .addField(u"tags"_s, u"String"_s, SchemaBuilder::List)
        .addField(u"numbers"_s, u"Int"_s, SchemaBuilder::List)
        .addField(u"ownerId"_s, u"ID"_s)
        .addBelongsTo(u"owner"_s, u"Owner"_s, {u"ownerId"_s});
    Error error;
    const auto schema = builder.build(&error);
    QVERIFY2(schema, qPrintable(error.toString()));
    m_schema = *schema;
    m_model = m_schema.model(modelName);
    QVERIFY(m_model.isValid());

    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<DataStore>(m_schema, m_dir->filePath(u"predicate.sqlite"_s));
    const Result<void> started = await(m_store->start());
    QVERIFY2(started, qPrintable(started.error().toString()));
}

void tst_Predicate::cleanupTestCase()
{
    if (m_store)
        await(m_store->stop());
    m_store.reset();
    m_dir.reset();
}

// --- The C++ builder ----------------------------------------------------------------------------

void tst_Predicate::builder()
{
    const Predicate a = field(u"a"_s).eq(1);
    const Predicate b = field(u"b"_s).eq(2);
    const Predicate c = field(u"c"_s).eq(3);
    const Predicate d = field(u"d"_s).eq(4);

    QCOMPARE(a.kind(), Predicate::Kind::Comparison);
    QCOMPARE(a.field(), u"a"_s);
    QCOMPARE(a.op(), Op::Eq);
    QCOMPARE(a.value(), QVariant(1));
    QVERIFY(a.children().isEmpty());

    const Predicate ab = a && b;
    QCOMPARE(ab.kind(), Predicate::Kind::And);
    QCOMPARE(ab.children(), (QList<Predicate>{a, b}));

    // a && b && c is one And of three, not And(And(a, b), c).
    const Predicate abc = a && b && c;
    QCOMPARE(abc.kind(), Predicate::Kind::And);
    QCOMPARE(abc.children(), (QList<Predicate>{a, b, c}));
    QCOMPARE((ab && (c && d)).children(), (QList<Predicate>{a, b, c, d}));

    const Predicate orAbc = a || b || c;
    QCOMPARE(orAbc.kind(), Predicate::Kind::Or);
    QCOMPARE(orAbc.children(), (QList<Predicate>{a, b, c}));

    // Mixed groups nest and do not flatten into each other.
    const Predicate mixed = a && (b || c);
    QCOMPARE(mixed.kind(), Predicate::Kind::And);
    QCOMPARE(mixed.children().size(), 2);
    QCOMPARE(mixed.children().at(1).kind(), Predicate::Kind::Or);
    const Predicate mixed2 = (a && b) || c;
    QCOMPARE(mixed2.kind(), Predicate::Kind::Or);
    QCOMPARE(mixed2.children(), (QList<Predicate>{ab, c}));

    const Predicate notA = !a;
    QCOMPARE(notA.kind(), Predicate::Kind::Not);
    QCOMPARE(notA.children(), QList<Predicate>{a});
    const Predicate notNotA = !!a;
    QCOMPARE(notNotA.kind(), Predicate::Kind::Not);
    QCOMPARE(notNotA.children().constFirst(), notA);
    QCOMPARE(Predicate::negation(a), notA);

    // Predicate::all() is the default and the neutral element of &&.
    QVERIFY(Predicate().isAll());
    QVERIFY(Predicate::all().isAll());
    QCOMPARE(Predicate(), Predicate::all());
    QCOMPARE(a && Predicate::all(), a);
    QCOMPARE(Predicate::all() && a, a);
    QVERIFY((a || Predicate::all()).isAll());
    QCOMPARE(Predicate::allOf({a}), a);
    QCOMPARE(Predicate::anyOf({a}), a);

    // The builder's operators.
    QCOMPARE(field(u"x"_s).ne(1).op(), Op::Ne);
    QCOMPARE(field(u"x"_s).gt(1).op(), Op::Gt);
    QCOMPARE(field(u"x"_s).ge(1).op(), Op::Ge);
    QCOMPARE(field(u"x"_s).lt(1).op(), Op::Lt);
    QCOMPARE(field(u"x"_s).le(1).op(), Op::Le);
    QCOMPARE(field(u"x"_s).contains(u"y"_s).op(), Op::Contains);
    QCOMPARE(field(u"x"_s).notContains(u"y"_s).op(), Op::NotContains);
    QCOMPARE(field(u"x"_s).beginsWith(u"y"_s).op(), Op::BeginsWith);
    const Predicate between = field(u"x"_s).between(1, 5);
    QCOMPARE(between.op(), Op::Between);
    QCOMPARE(between.value(), QVariant(list({1, 5})));
    QCOMPARE(field(u"x"_s).in({1, 2}).op(), Op::In);
    QCOMPARE(field(u"x"_s).in({1, 2}).value(), QVariant(list({1, 2})));
    QCOMPARE(field(u"x"_s).notIn({}).op(), Op::NotIn);
    QCOMPARE(Predicate::comparison(u"x"_s, Op::Le, 3), field(u"x"_s).le(3));

    QVERIFY(a != b);
    QVERIFY(field(u"a"_s).eq(1) != field(u"a"_s).ne(1));
    QVERIFY(field(u"a"_s).eq(1) != field(u"a"_s).eq(2));
    QVERIFY((a && b) != (a || b));
    QVERIFY((a && b) != (b && a));
}

void tst_Predicate::emptyGroups()
{
    const Predicate a = field(u"a"_s).eq(1);
    const QVariantMap record{{u"a"_s, 1}};

    // allOf() of nothing matches everything: it is all().
    const Predicate none = Predicate::allOf({});
    QVERIFY(none.isAll());
    QVERIFY(none.matches(record));
    QVERIFY(none.matches(QVariantMap()));

    // anyOf() of nothing matches nothing, and stays an empty Or.
    const Predicate nothing = Predicate::anyOf({});
    QCOMPARE(nothing.kind(), Predicate::Kind::Or);
    QVERIFY(nothing.children().isEmpty());
    QVERIFY(!nothing.matches(record));
    QVERIFY(!nothing.matches(QVariantMap()));
    QVERIFY((!nothing).matches(record));

    // Neutral and absorbing elements.
    QCOMPARE(a || nothing, a);
    QVERIFY(!(a && nothing).matches(record));
    QVERIFY((a || none).isAll());
    QVERIFY(Predicate::anyOf({nothing, none}).isAll());
    QVERIFY(!Predicate::negation(Predicate::all()).matches(record));

    // Both through resolve() and the store: empty Or finds nothing, empty And everything.
    const Record saved = await(m_store->save(m_store->create(modelName, {{u"num"_s, 1}}))).value();
    QVERIFY(saved.isValid());
    const Predicate byId = field(u"id"_s).eq(saved.id());
    for (const auto &[predicate, expected] :
         {std::pair{Predicate::allOf({}), true}, std::pair{Predicate::anyOf({}), false},
          std::pair{Predicate::negation(Predicate::anyOf({})), true},
          std::pair{Predicate::negation(Predicate::allOf({})), false},
          std::pair{Predicate::allOf({Predicate::anyOf({}), field(u"num"_s).eq(1)}), false},
          std::pair{Predicate::anyOf({Predicate::anyOf({}), field(u"num"_s).eq(1)}), true}}) {
        Error error;
        const auto resolved = Predicate::resolve(predicate, m_model, &error);
        QVERIFY2(resolved, qPrintable(error.toString()));
        QCOMPARE(resolved->matches(saved), expected);
        const auto found = await(m_store->query(modelName, byId && predicate));
        QVERIFY2(found, qPrintable(found.error().toString()));
        QCOMPARE(found->items.size(), expected ? 1 : 0);
    }
}

void tst_Predicate::toString_data()
{
    QTest::addColumn<Predicate>("predicate");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("bug");

    const Predicate a = field(u"a"_s).eq(1);
    const Predicate b = field(u"b"_s).eq(2);
    const Predicate c = field(u"c"_s).eq(3);

    QTest::addRow("all") << Predicate::all() << u"all"_s << QString();
    QTest::addRow("int") << a << u"a eq 1"_s << QString();
    QTest::addRow("longlong") << field(u"a"_s).gt(qlonglong(12345678901)) << u"a gt 12345678901"_s
                              << QString();
    QTest::addRow("double") << field(u"a"_s).lt(2.5) << u"a lt 2.5"_s << QString();
    QTest::addRow("string") << field(u"name"_s).ne(u"x"_s) << u"name ne \"x\""_s << QString();
    QTest::addRow("empty string") << field(u"name"_s).eq(u""_s) << u"name eq \"\""_s << QString();
    QTest::addRow("unicode") << field(u"name"_s).eq(u"\U0001F600\uE000"_s)
                             << u"name eq \"\U0001F600\uE000\""_s << QString();
    QTest::addRow("long string") << field(u"s"_s).contains(QString(50, u'x'))
                                 << u"s contains \""_s + QString(40, u'x') + u"…\""_s << QString();
    QTest::addRow("bool") << field(u"done"_s).eq(true) << u"done eq true"_s << QString();
    QTest::addRow("null") << field(u"a"_s).eq(QVariant()) << u"a eq null"_s << QString();
    QTest::addRow("json null") << field(u"a"_s).ne(QVariant::fromValue(nullptr)) << u"a ne null"_s
                               << QString();
    QTest::addRow("every operator name")
        << Predicate::allOf({field(u"a"_s).ge(1), field(u"a"_s).le(2),
                             field(u"a"_s).notContains(u"x"_s), field(u"a"_s).beginsWith(u"y"_s)})
        << u"(a ge 1 and a le 2 and a notContains \"x\" and a beginsWith \"y\")"_s << QString();
    QTest::addRow("between") << field(u"a"_s).between(1, 5) << u"a between [1, 5]"_s << QString();
    QTest::addRow("in") << field(u"a"_s).in({1, u"x"_s, QVariant()}) << u"a in [1, \"x\", null]"_s
                        << QString();
    QTest::addRow("notIn empty") << field(u"a"_s).notIn({}) << u"a notIn []"_s << QString();
    QTest::addRow("and") << (a && b) << u"(a eq 1 and b eq 2)"_s << QString();
    QTest::addRow("or") << (a || b) << u"(a eq 1 or b eq 2)"_s << QString();
    QTest::addRow("flattened") << (a && b && c) << u"(a eq 1 and b eq 2 and c eq 3)"_s << QString();
    QTest::addRow("nested") << (a && (b || c)) << u"(a eq 1 and (b eq 2 or c eq 3))"_s << QString();
    QTest::addRow("not group") << !(a || b) << u"not (a eq 1 or b eq 2)"_s << QString();
    QTest::addRow("empty or") << Predicate::anyOf({}) << u"()"_s << QString();
    QTest::addRow("not comparison") << !a << u"not (a eq 1)"_s << QString();
    QTest::addRow("not not") << !!a << u"not (not (a eq 1))"_s << QString();
    QTest::addRow("not empty or") << !Predicate::anyOf({}) << u"not ()"_s << QString();
    QTest::addRow("documented example")
        << (field(u"priority"_s).eq(u"HIGH"_s) && !field(u"done"_s).eq(true))
        << u"(priority eq \"HIGH\" and not (done eq true))"_s << QString();
}

void tst_Predicate::toString()
{
    QFETCH(Predicate, predicate);
    QFETCH(QString, expected);
    QFETCH(QString, bug);
    if (!bug.isEmpty())
        QEXPECT_FAIL("", qPrintable(bug), Continue);
    QCOMPARE(predicate.toString(), expected);
}

// --- Every operator on every scalar type, in memory and in SQLite --------------------------------

void tst_Predicate::row(const QString &field, const Predicate &predicate, const QVariant &stored,
                        bool expected, const QString &bug, int bugAt)
{
    QTest::addRow("%s: %s | stored %s", qPrintable(field), qPrintable(describe(predicate)),
                  qPrintable(show(stored)))
        << field << predicate << stored << expected << bug << bugAt;
}

// lo < mid < hi by code point; sub is in mid but not in lo; prefix begins mid but not lo or hi.
void tst_Predicate::addTextRows(const QString &f, const QString &lo, const QString &mid,
                                const QString &hi, const QString &sub, const QString &prefix)
{
    const QVariant null;
    const PredicateField x(f);
    row(f, x.eq(mid), mid, true);
    row(f, x.eq(mid), hi, false);
    row(f, x.eq(mid), null, false);
    row(f, x.eq(null), null, true);
    row(f, x.eq(null), mid, false);
    row(f, x.ne(mid), mid, false);
    row(f, x.ne(mid), hi, true);
    row(f, x.ne(mid), null, true);
    row(f, x.ne(null), null, false);
    row(f, x.ne(null), mid, true);
    row(f, x.gt(mid), hi, true);
    row(f, x.gt(mid), mid, false);
    row(f, x.gt(mid), lo, false);
    row(f, x.gt(mid), null, false);
    row(f, x.ge(mid), mid, true);
    row(f, x.ge(mid), hi, true);
    row(f, x.ge(mid), lo, false);
    row(f, x.ge(mid), null, false);
    row(f, x.lt(mid), lo, true);
    row(f, x.lt(mid), mid, false);
    row(f, x.lt(mid), null, false);
    row(f, x.le(mid), mid, true);
    row(f, x.le(mid), lo, true);
    row(f, x.le(mid), hi, false);
    row(f, x.le(mid), null, false);
    row(f, x.contains(sub), mid, true);
    row(f, x.contains(sub), lo, false);
    row(f, x.contains(sub), null, false);
    row(f, x.notContains(sub), mid, false);
    row(f, x.notContains(sub), lo, true);
    row(f, x.notContains(sub), null, true);
    row(f, x.beginsWith(prefix), mid, true);
    row(f, x.beginsWith(prefix), lo, false);
    row(f, x.beginsWith(prefix), hi, false);
    row(f, x.beginsWith(prefix), null, false);
    row(f, x.between(lo, mid), lo, true);
    row(f, x.between(lo, mid), mid, true);
    row(f, x.between(lo, mid), hi, false);
    row(f, x.between(lo, mid), null, false);
    row(f, x.between(hi, lo), mid, false);
    row(f, x.in({lo, hi}), lo, true);
    row(f, x.in({lo, hi}), mid, false);
    row(f, x.in({lo, hi}), null, false);
    row(f, x.in({mid, null}), null, true);
    row(f, x.in({mid, null}), mid, true);
    row(f, x.in({mid, null}), hi, false);
    row(f, x.in({}), mid, false);
    row(f, x.in({}), null, false);
    row(f, x.notIn({lo, hi}), mid, true);
    row(f, x.notIn({lo, hi}), lo, false);
    row(f, x.notIn({lo, hi}), null, true);
    row(f, x.notIn({null}), null, false);
    row(f, x.notIn({null}), mid, true);
    row(f, x.notIn({}), null, true);
    // Under NOT, a null field must give the negation of the in-memory answer, not SQL's NULL.
    row(f, !x.eq(mid), null, true);
    row(f, !x.gt(mid), null, true);
    row(f, !x.contains(sub), null, true);
    row(f, !x.beginsWith(prefix), null, true);
    row(f, !x.between(lo, hi), null, true);
    row(f, !x.in({lo}), null, true);
    row(f, !x.notIn({lo}), null, false);
    row(f, !x.eq(mid), mid, false);
}

void tst_Predicate::addNumberRows(const QString &f, const QVariant &lo, const QVariant &mid,
                                  const QVariant &hi)
{
    const QVariant null;
    const PredicateField x(f);
    row(f, x.eq(mid), mid, true);
    row(f, x.eq(mid), hi, false);
    row(f, x.eq(mid), null, false);
    row(f, x.eq(null), null, true);
    row(f, x.eq(null), lo, false);
    row(f, x.ne(mid), mid, false);
    row(f, x.ne(mid), lo, true);
    row(f, x.ne(mid), null, true);
    row(f, x.ne(null), null, false);
    row(f, x.ne(null), mid, true);
    row(f, x.gt(mid), hi, true);
    row(f, x.gt(mid), mid, false);
    row(f, x.gt(mid), lo, false);
    row(f, x.gt(mid), null, false);
    row(f, x.ge(mid), mid, true);
    row(f, x.ge(mid), lo, false);
    row(f, x.ge(mid), null, false);
    row(f, x.lt(mid), lo, true);
    row(f, x.lt(mid), mid, false);
    row(f, x.lt(mid), null, false);
    row(f, x.le(mid), mid, true);
    row(f, x.le(mid), hi, false);
    row(f, x.le(mid), null, false);
    row(f, x.between(lo, mid), lo, true);
    row(f, x.between(lo, mid), mid, true);
    row(f, x.between(lo, mid), hi, false);
    row(f, x.between(lo, mid), null, false);
    row(f, x.between(hi, lo), mid, false);
    row(f, x.in({lo, hi}), hi, true);
    row(f, x.in({lo, hi}), mid, false);
    row(f, x.in({lo, hi}), null, false);
    row(f, x.in({null, mid}), null, true);
    row(f, x.in({null, mid}), mid, true);
    row(f, x.in({}), mid, false);
    row(f, x.notIn({lo, hi}), mid, true);
    row(f, x.notIn({lo, hi}), lo, false);
    row(f, x.notIn({lo, hi}), null, true);
    row(f, x.notIn({null}), null, false);
    row(f, x.notIn({null}), lo, true);
    row(f, !x.eq(mid), null, true);
    row(f, !x.lt(mid), null, true);
    row(f, !x.between(lo, hi), null, true);
    row(f, !x.ge(mid), lo, true);
}

// Types that only allow eq, ne, in and notIn (Boolean and enums).
void tst_Predicate::addEqualityRows(const QString &f, const QVariant &a, const QVariant &b)
{
    const QVariant null;
    const PredicateField x(f);
    row(f, x.eq(a), a, true);
    row(f, x.eq(a), b, false);
    row(f, x.eq(a), null, false);
    row(f, x.eq(b), b, true);
    row(f, x.eq(null), null, true);
    row(f, x.eq(null), a, false);
    row(f, x.ne(a), b, true);
    row(f, x.ne(a), null, true);
    row(f, x.ne(a), a, false);
    row(f, x.ne(null), b, true);
    row(f, x.ne(null), null, false);
    row(f, x.in({a}), a, true);
    row(f, x.in({a}), b, false);
    row(f, x.in({a}), null, false);
    row(f, x.in({b, null}), null, true);
    row(f, x.in({b, null}), b, true);
    row(f, x.in({b, null}), a, false);
    row(f, x.in({}), a, false);
    row(f, x.notIn({a}), b, true);
    row(f, x.notIn({a}), null, true);
    row(f, x.notIn({a}), a, false);
    row(f, x.notIn({null}), null, false);
    row(f, x.notIn({null}), a, true);
    row(f, x.notIn({}), null, true);
    row(f, !x.eq(a), null, true);
    row(f, !x.in({a}), null, true);
}

void tst_Predicate::scalarOperators_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<Predicate>("predicate");
    QTest::addColumn<QVariant>("stored");
    QTest::addColumn<bool>("expected");
    QTest::addColumn<QString>("bug");
    QTest::addColumn<int>("bugAt");

    const QVariant null;

    addTextRows(u"ident"_s, u"a1"_s, u"b22"_s, u"c3"_s, u"22"_s, u"b2"_s);
    addTextRows(u"str"_s, u"apple"_s, u"banana"_s, u"cherry"_s, u"nan"_s, u"ban"_s);
    addTextRows(u"date"_s, u"2023-01-31"_s, u"2023-06-15"_s, u"2024-02-29"_s, u"-06-"_s,
                u"2023-06"_s);
    addTextRows(u"time"_s, u"08:00:00"_s, u"12:30:15.250"_s, u"23:59:59"_s, u"30"_s, u"12:"_s);
    addTextRows(u"dateTime"_s, u"2023-01-01T00:00:00Z"_s, u"2023-06-15T12:30:00.000Z"_s,
                u"2024-02-29T23:59:59+02:00"_s, u"06-15T"_s, u"2023-06"_s);
    addTextRows(u"email"_s, u"alice@example.com"_s, u"bob@example.org"_s, u"carol@example.net"_s,
                u"example.org"_s, u"bob@"_s);
    addTextRows(u"json"_s, u"[1,2]"_s, u"{\"a\":1}"_s, u"{\"b\":[true,null]}"_s, u"\"a\""_s,
                u"{\"a"_s);
    addTextRows(u"url"_s, u"https://a.example.com/x"_s, u"https://b.example.com/path?q=1"_s,
                u"https://c.example.com/"_s, u"/path"_s, u"https://b."_s);
    addTextRows(u"phone"_s, u"+1 206 555 0100"_s, u"+33 1 23 45 67 89"_s, u"+49-30-1234567"_s,
                u"23 45"_s, u"+33"_s);
    addTextRows(u"ip"_s, u"10.0.0.1"_s, u"192.168.1.20"_s, u"2001:db8::1"_s, u"168.1"_s, u"192."_s);

    addNumberRows(u"num"_s, qlonglong(-5), qlonglong(7), qlonglong(2147483647));
    addNumberRows(u"real"_s, -1.5, 0.25, 1e10);
    addNumberRows(u"stamp"_s, qlonglong(0), qlonglong(1700000000), qlonglong(4102444800));
    addEqualityRows(u"flag"_s, true, false);
    addEqualityRows(u"color"_s, u"RED"_s, u"BLUE"_s);

    // Strings compare by code point: U+FFFD < U+1F600 although UTF-16 orders the surrogates of
    // U+1F600 (0xD83D 0xDE00) before 0xFFFD.
    const QString bmpHigh = u"\uFFFD"_s;
    const QString privateUse = u"\uE000"_s;
    const QString astral = u"\U0001F600"_s;
    const PredicateField str(u"str"_s);
    row(u"str"_s, str.gt(bmpHigh), astral, true);
    row(u"str"_s, str.lt(astral), bmpHigh, true);
    row(u"str"_s, str.lt(astral), privateUse, true);
    row(u"str"_s, str.gt(privateUse), astral, true);
    row(u"str"_s, str.ge(astral), privateUse, false);
    row(u"str"_s, str.between(privateUse, astral), bmpHigh, true);
    row(u"str"_s, str.between(u"a"_s, privateUse), astral, false);
    row(u"str"_s, str.gt(u"z"_s), privateUse, true);
    row(u"str"_s, str.eq(astral), astral, true);
    row(u"str"_s, str.contains(astral), u"x\U0001F600y"_s, true);
    row(u"str"_s, str.beginsWith(astral), u"\U0001F600y"_s, true);
    row(u"str"_s, str.beginsWith(u"\U0001F600y"_s), astral, false);
    row(u"str"_s, str.gt(u"\U0001F600"_s), u"\U0001F600\u0001"_s, true);
    row(u"str"_s, str.contains(u"\u00e9"_s), u"caf\u00e9"_s, true);
    // Empty strings are values, not null.
    row(u"str"_s, str.eq(u""_s), u""_s, true);
    row(u"str"_s, str.eq(u""_s), null, false);
    row(u"str"_s, str.eq(null), u""_s, false);
    row(u"str"_s, str.ne(null), u""_s, true);
    row(u"str"_s, str.contains(u""_s), u""_s, true);
    row(u"str"_s, str.contains(u""_s), u"x"_s, true);
    row(u"str"_s, str.contains(u""_s), null, false);
    row(u"str"_s, str.beginsWith(u""_s), u"x"_s, true);
    row(u"str"_s, str.beginsWith(u""_s), u""_s, true);
    row(u"str"_s, str.beginsWith(u""_s), null, false);
    row(u"str"_s, str.gt(u""_s), u"a"_s, true);
    row(u"str"_s, str.gt(u""_s), u""_s, false);
    row(u"str"_s, str.ge(u""_s), u""_s, true);
    row(u"str"_s, str.lt(u"a"_s), u""_s, true);
    row(u"str"_s, str.in({u""_s}), u""_s, true);
    row(u"str"_s, str.notIn({u""_s}), null, true);
    // A null QString is an empty string (QString() == u""_s, and resolve(), matches() and
    // validation treat it as one); it must not turn into SQL NULL, neither when stored nor as
    // an operand (Qt's SQLite driver binds a null QString as NULL).
    row(u"str"_s, str.eq(u""_s), QString(), true);
    row(u"str"_s, str.eq(null), QString(), false);
    row(u"str"_s, str.ne(null), QString(), true);
    row(u"str"_s, str.eq(QString()), u""_s, true);
    row(u"str"_s, str.ne(QString()), u""_s, false);
    row(u"str"_s, str.ne(QString()), u"x"_s, true);
    row(u"str"_s, str.contains(QString()), u"abc"_s, true);
    row(u"str"_s, str.notContains(QString()), u"abc"_s, false);
    row(u"str"_s, str.beginsWith(QString()), u"abc"_s, true);
    row(u"str"_s, str.in({QString()}), u""_s, true);
    row(u"str"_s, str.notIn({QString()}), u""_s, false);
    row(u"str"_s, str.between(QString(), u"a"_s), u""_s, true);
    row(u"tags"_s, field(u"tags"_s).contains(QString()), list({u""_s}), true);
    row(u"tags"_s, field(u"tags"_s).contains(u""_s), list({QString()}), true);
    // Prefixes, case and SQL wildcards.
    row(u"str"_s, str.lt(u"abc"_s), u"ab"_s, true);
    row(u"str"_s, str.gt(u"ab"_s), u"abc"_s, true);
    row(u"str"_s, str.beginsWith(u"abc"_s), u"ab"_s, false);
    row(u"str"_s, str.eq(u"Apple"_s), u"apple"_s, false);
    row(u"str"_s, str.contains(u"A"_s), u"apple"_s, false);
    row(u"str"_s, str.lt(u"a"_s), u"B"_s, true);
    row(u"str"_s, str.contains(u"%"_s), u"abc"_s, false);
    row(u"str"_s, str.contains(u"_"_s), u"abc"_s, false);
    row(u"str"_s, str.beginsWith(u"%"_s), u"abc"_s, false);
    row(u"str"_s, str.beginsWith(u"a_"_s), u"abc"_s, false);
    row(u"str"_s, str.contains(u"%"_s), u"50%"_s, true);
    row(u"str"_s, str.eq(u"x' OR 1=1 --"_s), u"x' OR 1=1 --"_s, true);
    row(u"str"_s, str.eq(u"x' OR 1=1 --"_s), u"other"_s, false);
    row(u"str"_s, str.contains(u"' OR '1'='1"_s), u"a' OR '1'='1"_s, true);
    // Text fields hold numbers as text: no numeric comparison.
    row(u"str"_s, str.lt(u"9"_s), u"10"_s, true);
    // An empty ID operand can be compared (it never equals a stored ID).
    row(u"ident"_s, field(u"ident"_s).eq(u""_s), u"a"_s, false);
    row(u"ident"_s, field(u"ident"_s).ne(u""_s), u"a"_s, true);
    // QUuid operands compare as the text the store keeps for them (no braces).
    const QUuid uuid = QUuid::fromString(u"{67c8770b-44f1-410a-ab9a-f9b5446f13ee}"_s);
    row(u"ident"_s, field(u"ident"_s).eq(uuid), uuid, true);
    row(u"ident"_s, field(u"ident"_s).eq(uuid), u"67c8770b-44f1-410a-ab9a-f9b5446f13ee"_s, true);
    row(u"ident"_s, field(u"ident"_s).in({uuid}), uuid, true);
    row(u"ident"_s, field(u"ident"_s).ne(uuid), uuid, false);
    row(u"ident"_s, field(u"ident"_s).beginsWith(u"67c8770b-"_s), uuid, true);
    // QDate, QTime and QDateTime operands convert as in records.
    const QDateTime dt(QDate(2023, 6, 15), QTime(12, 30), Qt::UTC);
    row(u"dateTime"_s, field(u"dateTime"_s).eq(dt), dt, true);
    row(u"dateTime"_s, field(u"dateTime"_s).eq(dt), u"2023-06-15T12:30:00.000Z"_s, true);
    row(u"dateTime"_s, field(u"dateTime"_s).in({dt}), dt, true);
    row(u"date"_s, field(u"date"_s).eq(QDate(2023, 6, 15)), u"2023-06-15"_s, true);
    row(u"time"_s, field(u"time"_s).eq(QTime(12, 30, 15, 250)), u"12:30:15.250"_s, true);
    // Range operands of text types are plain strings: a prefix of an AWSDateTime compares.
    row(u"dateTime"_s, field(u"dateTime"_s).gt(u"2023"_s), u"2023-06-15T12:30:00.000Z"_s, true);
    row(u"dateTime"_s, field(u"dateTime"_s).lt(u"2023-06"_s), u"2023-06-15T12:30:00.000Z"_s, false);
    row(u"date"_s, field(u"date"_s).between(u"2023"_s, u"2024"_s), u"2023-06-15"_s, true);
    // Qt's date and time types also work as range operands.
    const QDateTime newYear(QDate(2023, 1, 1), QTime(0, 0), Qt::UTC);
    row(u"dateTime"_s, field(u"dateTime"_s).gt(newYear), u"2023-06-15T12:30:00.000Z"_s, true);
    row(u"dateTime"_s, field(u"dateTime"_s).lt(newYear), u"2023-06-15T12:30:00.000Z"_s, false);
    row(u"dateTime"_s, field(u"dateTime"_s).gt(newYear), null, false);
    row(u"date"_s, field(u"date"_s).between(QDate(2023, 1, 1), QDate(2023, 12, 31)),
        u"2023-06-15"_s, true);
    row(u"date"_s, field(u"date"_s).between(QDate(2023, 1, 1), QDate(2023, 12, 31)),
        u"2024-02-29"_s, false);
    row(u"time"_s, field(u"time"_s).ge(QTime(12, 0)), u"12:30:15.250"_s, true);
    row(u"time"_s, field(u"time"_s).lt(QTime(12, 0)), u"12:30:15.250"_s, false);
    // AWSJSON is stored in its compact canonical form.
    row(u"json"_s, field(u"json"_s).eq(u"{\"a\":1}"_s), u"{\"a\": 1}"_s, true);
    row(u"json"_s, field(u"json"_s).contains(u"\"a\":1"_s), u"{ \"a\" : 1 }"_s, true);
    // Equality compares canonical AWSJSON: the operand is made compact like the stored value.
    row(u"json"_s, field(u"json"_s).eq(u"{\"a\": 1}"_s), u"{\"a\": 1}"_s, true);
    row(u"json"_s, field(u"json"_s).eq(u"{ \"a\" :1 }"_s), u"{\"a\":1}"_s, true);
    row(u"json"_s, field(u"json"_s).ne(u"{\"a\": 1}"_s), u"{\"a\":1}"_s, false);
    row(u"json"_s, field(u"json"_s).in({u"[1, 2]"_s}), u"[1,2]"_s, true);
    row(u"json"_s, field(u"json"_s).notIn({u"[1, 2]"_s}), u"[1,2]"_s, false);
    // Range and substring operands stay plain text.
    row(u"json"_s, field(u"json"_s).contains(u": 1"_s), u"{\"a\": 1}"_s, false);
    row(u"json"_s, field(u"json"_s).beginsWith(u"{\"a\":"_s), u"{\"a\": 1}"_s, true);
    row(u"json"_s, field(u"json"_s).eq(u"\"text\""_s), u"\"text\""_s, true);
    row(u"json"_s, field(u"json"_s).eq(u"42"_s), u"42"_s, true);

    // Numbers: coercion of operands and edge values.
    const PredicateField num(u"num"_s);
    row(u"num"_s, num.eq(7.0), qlonglong(7), true);
    row(u"num"_s, num.eq(int(7)), qlonglong(7), true);
    row(u"num"_s, num.eq(qulonglong(7)), qlonglong(7), true);
    row(u"num"_s, num.in({7.0, 8}), qlonglong(7), true);
    row(u"num"_s, num.eq(0), qlonglong(0), true);
    row(u"num"_s, num.eq(0), null, false);
    row(u"num"_s, num.gt(-1), qlonglong(0), true);
    row(u"num"_s, num.lt(0), qlonglong(-1), true);
    row(u"num"_s, num.le(std::numeric_limits<qint32>::min()), qlonglong(-2147483648), true);
    row(u"num"_s, num.gt(std::numeric_limits<qint32>::min()), qlonglong(-2147483648), false);
    row(u"num"_s, num.ge(std::numeric_limits<qint32>::max()), qlonglong(2147483647), true);
    row(u"num"_s, num.lt(10), qlonglong(9), true); // numeric, not text order
    row(u"num"_s, num.between(-10, -2), qlonglong(-5), true);
    const PredicateField real(u"real"_s);
    row(u"real"_s, real.eq(1), 1.0, true);
    row(u"real"_s, real.eq(qlonglong(2)), 2.0, true);
    row(u"real"_s, real.gt(1), 1.5, true);
    row(u"real"_s, real.lt(2), 1.999, true);
    row(u"real"_s, real.eq(0), -0.0, true);
    row(u"real"_s, real.gt(0), -0.0, false);
    row(u"real"_s, real.eq(0.1 + 0.2), 0.1 + 0.2, true);
    row(u"real"_s, real.eq(0.3), 0.1 + 0.2, false);
    row(u"real"_s, real.between(-1, 1), 0.5, true);
    row(u"real"_s, real.in({1, 2.5}), 2.5, true);
    row(u"real"_s, real.ge(-1e300), -1e299, true);
    const PredicateField stamp(u"stamp"_s);
    row(u"stamp"_s, stamp.eq(QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC)),
        qlonglong(1700000000), true);
    row(u"stamp"_s, stamp.gt(qlonglong(4102444800)), qlonglong(4102444801), true);
    row(u"stamp"_s, stamp.lt(0), qlonglong(-1), true);

    // Lists: contains is item equality, null items never match.
    const PredicateField tags(u"tags"_s);
    row(u"tags"_s, tags.contains(u"a"_s), list({u"a"_s, u"b"_s}), true);
    row(u"tags"_s, tags.contains(u"b"_s), list({u"a"_s, u"b"_s}), true);
    row(u"tags"_s, tags.contains(u"a"_s), list({u"b"_s}), false);
    row(u"tags"_s, tags.contains(u"a"_s), list({u"ab"_s}), false);
    row(u"tags"_s, tags.contains(u"a"_s), list({u"A"_s}), false);
    row(u"tags"_s, tags.contains(u"a"_s), QVariantList(), false);
    row(u"tags"_s, tags.contains(u"a"_s), null, false);
    row(u"tags"_s, tags.contains(u"x"_s), list({u"x"_s, null}), true);
    row(u"tags"_s, tags.contains(u""_s), list({u""_s}), true);
    row(u"tags"_s, tags.contains(u""_s), list({u"a"_s}), false);
    row(u"tags"_s, tags.contains(u""_s), list({null}), false);
    row(u"tags"_s, tags.contains(u"null"_s), list({null}), false);
    row(u"tags"_s, tags.contains(u"\U0001F600"_s), list({u"\U0001F600"_s}), true);
    row(u"tags"_s, tags.contains(u"\U0001F600"_s), list({u"\U0001F600a"_s}), false);
    row(u"tags"_s, tags.contains(u"5"_s), list({u"5"_s}), true);
    row(u"tags"_s, tags.contains(u"x' OR 1=1 --"_s), list({u"x' OR 1=1 --"_s}), true);
    row(u"tags"_s, tags.contains(u"[\"a\"]"_s), list({u"a"_s}), false);
    row(u"tags"_s, tags.notContains(u"a"_s), list({u"a"_s}), false);
    row(u"tags"_s, tags.notContains(u"a"_s), list({u"b"_s, u"c"_s}), true);
    row(u"tags"_s, tags.notContains(u"a"_s), QVariantList(), true);
    row(u"tags"_s, tags.notContains(u"a"_s), null, true);
    row(u"tags"_s, tags.notContains(u"a"_s), list({null}), true);
    row(u"tags"_s, tags.eq(null), null, true);
    row(u"tags"_s, tags.eq(null), QVariantList(), false);
    row(u"tags"_s, tags.eq(null), list({u"a"_s}), false);
    row(u"tags"_s, tags.ne(null), null, false);
    row(u"tags"_s, tags.ne(null), QVariantList(), true);
    row(u"tags"_s, !tags.contains(u"a"_s), null, true);
    row(u"tags"_s, !tags.contains(u"a"_s), list({u"a"_s}), false);
    row(u"tags"_s, !tags.notContains(u"a"_s), null, false);
    const PredicateField numbers(u"numbers"_s);
    row(u"numbers"_s, numbers.contains(5), list({qlonglong(1), qlonglong(5)}), true);
    row(u"numbers"_s, numbers.contains(5), list({qlonglong(15)}), false);
    row(u"numbers"_s, numbers.contains(5), list({qlonglong(-5)}), false);
    row(u"numbers"_s, numbers.contains(5.0), list({qlonglong(5)}), true);
    row(u"numbers"_s, numbers.contains(-1), list({qlonglong(-1), null}), true);
    row(u"numbers"_s, numbers.contains(0), list({null}), false);
    row(u"numbers"_s, numbers.contains(0), QVariantList(), false);
    row(u"numbers"_s, numbers.contains(2147483647), list({qlonglong(2147483647)}), true);
    row(u"numbers"_s, numbers.contains(5), null, false);
    row(u"numbers"_s, numbers.notContains(5), list({qlonglong(1), qlonglong(2)}), true);
    row(u"numbers"_s, numbers.notContains(5), list({qlonglong(5)}), false);
    row(u"numbers"_s, numbers.notContains(5), null, true);
    row(u"numbers"_s, numbers.eq(null), null, true);
    row(u"numbers"_s, numbers.eq(null), QVariantList(), false);
    row(u"numbers"_s, numbers.ne(null), list({qlonglong(1)}), true);
    row(u"numbers"_s, !numbers.contains(5), null, true);
}

void tst_Predicate::scalarOperators()
{
    QFETCH(QString, field);
    QFETCH(Predicate, predicate);
    QFETCH(QVariant, stored);
    QFETCH(bool, expected);
    QFETCH(QString, bug);
    QFETCH(int, bugAt);

    QVariantMap values;
    if (stored.isValid())
        values.insert(field, stored);
    const auto saved = await(m_store->save(m_store->create(modelName, values)));
    QVERIFY2(saved, qPrintable(saved.error().toString()));
    const Record record = saved.value();

    Error error;
    const auto resolved = Predicate::resolve(predicate, m_model, &error);
    if (bugAt & BugInResolve)
        QEXPECT_FAIL("", qPrintable(bug), Abort);
    QVERIFY2(resolved, qPrintable(error.toString()));

    // (a) in memory, on the record as the store holds it.
    if (bugAt & BugInMemory)
        QEXPECT_FAIL("", qPrintable(bug), Continue);
    QCOMPARE(resolved->matches(record), expected);

    // (b) in SQLite, through the store.
    const auto found =
        await(m_store->query(modelName, Stratus::field(u"id"_s).eq(record.id()) && predicate));
    QVERIFY2(found, qPrintable(found.error().toString()));
    QVERIFY(found->items.size() <= 1);
    if (bugAt & BugInSql)
        QEXPECT_FAIL("", qPrintable(bug), Continue);
    QCOMPARE(found->items.size() == 1, expected);
}

void tst_Predicate::disallowedOperators_data()
{
    QTest::addColumn<Predicate>("predicate");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    struct Case
    {
        QString field;
        QVariant operand;
        QList<Op> ops;
    };
    const QList<Op> substring{Op::Contains, Op::NotContains, Op::BeginsWith};
    const QList<Op> range{Op::Gt, Op::Ge, Op::Lt, Op::Le, Op::Between};
    const QList<Case> cases{
        {u"num"_s, 1, substring},
        {u"real"_s, 1.5, substring},
        {u"stamp"_s, 1, substring},
        {u"flag"_s, true, range + substring},
        {u"color"_s, u"RED"_s, range + substring},
        {u"tags"_s, u"a"_s, range + QList<Op>{Op::BeginsWith, Op::In, Op::NotIn}},
        {u"numbers"_s, 1, range + QList<Op>{Op::BeginsWith, Op::In, Op::NotIn}},
    };
    for (const Case &c : cases) {
        for (Op op : c.ops) {
            const QVariant operand = (op == Op::Between) ? QVariant(list({c.operand, c.operand}))
                : (op == Op::In || op == Op::NotIn)      ? QVariant(list({c.operand}))
                                                         : c.operand;
            const Predicate predicate = Predicate::comparison(c.field, op, operand);
            QTest::addRow("%s", qPrintable(predicate.toString()))
                << predicate << c.field << u"does not apply"_s;
        }
    }
    // Lists compare with null only.
    QTest::addRow("tags eq list") << field(u"tags"_s).eq(QVariant(list({u"a"_s}))) << u"tags"_s
                                  << u"can only be compared with null"_s;
    QTest::addRow("tags ne string")
        << field(u"tags"_s).ne(u"a"_s) << u"tags"_s << u"can only be compared with null"_s;
    QTest::addRow("numbers eq empty list") << field(u"numbers"_s).eq(QVariantList()) << u"numbers"_s
                                           << u"can only be compared with null"_s;
    // Nested in groups, the error still names the field.
    QTest::addRow("nested") << (field(u"str"_s).eq(u"a"_s) || !field(u"flag"_s).gt(true))
                            << u"flag"_s << u"does not apply"_s;
}

void tst_Predicate::disallowedOperators()
{
    QFETCH(Predicate, predicate);
    QFETCH(QString, field);
    QFETCH(QString, message);

    Error error;
    QVERIFY(!Predicate::resolve(predicate, m_model, &error));
    QCOMPARE(error.kind(), Error::Kind::Validation);
    QCOMPARE(error.fieldName(), field);
    QCOMPARE(error.modelName(), modelName);
    QVERIFY2(error.message().contains(message), qPrintable(error.message()));

    // The store refuses the same predicate before running any SQL.
    const auto found = await(m_store->query(modelName, predicate));
    QVERIFY(!found);
    QCOMPARE(found.error().kind(), Error::Kind::Validation);
    QCOMPARE(found.error().fieldName(), field);
}

// --- AppSync filter JSON -------------------------------------------------------------------------

void tst_Predicate::fromJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");

    QTest::addRow("empty") << "{}"_ba << u"all"_s;
    QTest::addRow("eq int") << R"({"a": {"eq": 1}})"_ba << u"a eq 1"_s;
    QTest::addRow("eq big int") << R"({"a": {"eq": 12345678901}})"_ba << u"a eq 12345678901"_s;
    QTest::addRow("eq negative") << R"({"a": {"eq": -3}})"_ba << u"a eq -3"_s;
    QTest::addRow("eq string") << R"({"a": {"eq": "x"}})"_ba << u"a eq \"x\""_s;
    QTest::addRow("eq unicode") << "{\"a\": {\"eq\": \"\xF0\x9F\x98\x80\\uE000\"}}"_ba
                                << u"a eq \"\U0001F600\uE000\""_s;
    QTest::addRow("eq null") << R"({"a": {"eq": null}})"_ba << u"a eq null"_s;
    QTest::addRow("ne bool") << R"({"done": {"ne": true}})"_ba << u"done ne true"_s;
    QTest::addRow("gt") << R"({"a": {"gt": 1.5}})"_ba << u"a gt 1.5"_s;
    QTest::addRow("ge") << R"({"a": {"ge": 2}})"_ba << u"a ge 2"_s;
    QTest::addRow("lt") << R"({"a": {"lt": "m"}})"_ba << u"a lt \"m\""_s;
    QTest::addRow("le") << R"({"a": {"le": 0}})"_ba << u"a le 0"_s;
    QTest::addRow("contains") << R"({"name": {"contains": "milk"}})"_ba
                              << u"name contains \"milk\""_s;
    QTest::addRow("notContains") << R"({"name": {"notContains": "x"}})"_ba
                                 << u"name notContains \"x\""_s;
    QTest::addRow("beginsWith") << R"({"name": {"beginsWith": "ab"}})"_ba
                                << u"name beginsWith \"ab\""_s;
    QTest::addRow("between") << R"({"a": {"between": [1, 5]}})"_ba << u"a between [1, 5]"_s;
    QTest::addRow("in") << R"({"a": {"in": [1, "x", null]}})"_ba << u"a in [1, \"x\", null]"_s;
    QTest::addRow("in empty") << R"({"a": {"in": []}})"_ba << u"a in []"_s;
    QTest::addRow("notIn") << R"({"a": {"notIn": ["x"]}})"_ba << u"a notIn [\"x\"]"_s;
    QTest::addRow("and") << R"({"and": [{"a": {"eq": 1}}, {"b": {"eq": 2}}]})"_ba
                         << u"(a eq 1 and b eq 2)"_s;
    QTest::addRow("or") << R"({"or": [{"a": {"eq": 1}}, {"b": {"eq": 2}}]})"_ba
                        << u"(a eq 1 or b eq 2)"_s;
    QTest::addRow("not group") << R"({"not": {"or": [{"a": {"eq": 1}}, {"b": {"eq": 2}}]}})"_ba
                               << u"not (a eq 1 or b eq 2)"_s;
    QTest::addRow("several keys") << R"({"b": {"eq": 1}, "a": {"eq": 2}})"_ba
                                  << u"(a eq 2 and b eq 1)"_s;
    QTest::addRow("several operators")
        << R"({"a": {"lt": 5, "gt": 1}})"_ba << u"(a gt 1 and a lt 5)"_s;
    QTest::addRow("and flattened")
        << R"({"and": [{"and": [{"a": {"eq": 1}}, {"b": {"eq": 2}}]}, {"c": {"eq": 3}}]})"_ba
        << u"(a eq 1 and b eq 2 and c eq 3)"_s;
    QTest::addRow("and with keys")
        << R"({"and": [{"a": {"eq": 1}}], "b": {"eq": 2}})"_ba << u"(a eq 1 and b eq 2)"_s;
    QTest::addRow("and empty") << R"({"and": []})"_ba << u"all"_s;
    QTest::addRow("or empty") << R"({"or": []})"_ba << u"()"_s;
    QTest::addRow("or of one") << R"({"or": [{"a": {"eq": 1}}]})"_ba << u"a eq 1"_s;
    QTest::addRow("or with all") << R"({"or": [{}, {"a": {"eq": 1}}]})"_ba << u"all"_s;
    QTest::addRow("nested")
        << R"({"or": [{"and": [{"a": {"gt": 1}}, {"a": {"lt": 9}}]}, {"b": {"in": ["x"]}}]})"_ba
        << u"((a gt 1 and a lt 9) or b in [\"x\"])"_s;
    QTest::addRow("quote in value")
        << R"({"a": {"eq": "x' OR 1=1 --"}})"_ba << u"a eq \"x' OR 1=1 --\""_s;
}

void tst_Predicate::fromJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);

    Error error;
    const auto predicate = Predicate::fromJson(json, &error);
    QVERIFY2(predicate, qPrintable(error.toString()));
    QVERIFY(!error.isValid());
    QCOMPARE(predicate->toString(), expected);

    // The QJsonObject overload gives the same.
    const auto fromObject = Predicate::fromJson(QJsonDocument::fromJson(json).object());
    QVERIFY(fromObject);
    QCOMPARE(*fromObject, *predicate);

    // toJson() and back is the same predicate.
    const QJsonObject written = predicate->toJson();
    const auto reread = Predicate::fromJson(written, &error);
    QVERIFY2(reread, qPrintable(error.toString()));
    QCOMPARE(*reread, *predicate);
    QCOMPARE(reread->toJson(), written);
}

void tst_Predicate::fromJsonNestingLimit()
{
    auto nested = [](int levels) {
        QByteArray json = R"({"a": {"eq": 1}})";
        for (int i = 0; i < levels; ++i)
            json = (i % 2 ? R"({"not": )" : R"({"and": [)") + json + (i % 2 ? "}" : "]}");
        return json;
    };
    Error error;
    const auto deepest = Predicate::fromJson(nested(64), &error);
    QVERIFY2(deepest, qPrintable(error.toString()));
    int depth = 0;
    for (Predicate p = *deepest; p.kind() != Predicate::Kind::Comparison; p = p.children().first())
        ++depth;
    QCOMPARE(depth, 32); // the And groups of one collapse, the 32 Nots stay

    QVERIFY(!Predicate::fromJson(nested(65), &error));
    QCOMPARE(error.kind(), Error::Kind::Validation);
    QVERIFY2(error.message().contains(u"nested deeper than 64 levels"_s),
             qPrintable(error.message()));
}

void tst_Predicate::roundTrip_data()
{
    QTest::addColumn<Predicate>("predicate");
    QTest::addColumn<QString>("bug");

    const Predicate a = field(u"a"_s).eq(1);
    QTest::addRow("all") << Predicate::all() << QString();
    QTest::addRow("int") << a << QString();
    QTest::addRow("longlong") << field(u"a"_s).eq(qlonglong(-12345678901)) << QString();
    QTest::addRow("double") << field(u"a"_s).gt(2.5) << QString();
    QTest::addRow("bool") << field(u"a"_s).ne(false) << QString();
    QTest::addRow("string") << field(u"a"_s).beginsWith(u"\U0001F600\uE000x"_s) << QString();
    QTest::addRow("between") << field(u"a"_s).between(u"a"_s, u"b"_s) << QString();
    QTest::addRow("in") << field(u"a"_s).in({1, u"x"_s, true}) << QString();
    QTest::addRow("notIn empty") << field(u"a"_s).notIn({}) << QString();
    QTest::addRow("and") << (a && field(u"b"_s).contains(u"x"_s)) << QString();
    QTest::addRow("or") << (a || field(u"b"_s).notContains(u"x"_s)) << QString();
    QTest::addRow("not") << !a << QString();
    QTest::addRow("not not") << !!a << QString();
    QTest::addRow("empty or") << Predicate::anyOf({}) << QString();
    QTest::addRow("not empty or") << !Predicate::anyOf({}) << QString();
    QTest::addRow("deep") << (a && !(field(u"b"_s).le(2) || (field(u"c"_s).ge(3) && !a)))
                          << QString();
    // fromJson() reads JSON null as an invalid QVariant, as C++ builds null.
    QTest::addRow("eq null") << field(u"a"_s).eq(QVariant()) << QString();
    QTest::addRow("in with null") << field(u"a"_s).in({QVariant(), 1}) << QString();
    // QVariant::fromValue(nullptr) (what QJSValue and QJsonValue give for null) is the same
    // operand as QVariant(), also inside in and notIn.
    QTest::addRow("nullptr") << field(u"a"_s).ne(QVariant::fromValue(nullptr)) << QString();
    QTest::addRow("nullptr in list")
        << field(u"a"_s).notIn({QVariant::fromValue(nullptr), u"x"_s}) << QString();
}

void tst_Predicate::roundTrip()
{
    QFETCH(Predicate, predicate);
    QFETCH(QString, bug);
    Error error;
    const auto reread = Predicate::fromJson(predicate.toJson(), &error);
    QVERIFY2(reread, qPrintable(error.toString()));
    QCOMPARE(reread->toString(), predicate.toString());
    QCOMPARE(reread->toJson(), predicate.toJson());
    if (!bug.isEmpty())
        QEXPECT_FAIL("", qPrintable(bug), Continue);
    QCOMPARE(*reread, predicate);
    // Also through the JSON text.
    const auto fromText =
        Predicate::fromJson(QJsonDocument(predicate.toJson()).toJson(QJsonDocument::Compact));
    QVERIFY(fromText);
    QCOMPARE(*fromText, *reread);
}

void tst_Predicate::malformedJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");

    QTest::addRow("array") << "[]"_ba << u"A filter must be a JSON object"_s;
    QTest::addRow("array of object")
        << R"([{"a": {"eq": 1}}])"_ba << u"A filter must be a JSON object"_s;
    QTest::addRow("invalid text") << "{\"a\": "_ba << u"Invalid filter JSON at offset"_s;
    QTest::addRow("not JSON") << "a eq 1"_ba << u"Invalid filter JSON at offset"_s;
    QTest::addRow("empty text") << ""_ba << u"Invalid filter JSON"_s;
    QTest::addRow("and object") << R"({"and": {"a": {"eq": 1}}})"_ba
                                << u"filter.and: expected a list of filters"_s;
    QTest::addRow("or string") << R"({"or": "a"})"_ba << u"filter.or: expected a list of filters"_s;
    QTest::addRow("and null") << R"({"and": null})"_ba << u"filter.and: expected a list"_s;
    QTest::addRow("and item number")
        << R"({"and": [{"a": {"eq": 1}}, 5]})"_ba << u"filter.and[1]: expected a filter object"_s;
    QTest::addRow("or item list") << R"({"or": [[]]})"_ba
                                  << u"filter.or[0]: expected a filter object"_s;
    QTest::addRow("not list") << R"({"not": [{"a": {"eq": 1}}]})"_ba
                              << u"filter.not: expected a filter object"_s;
    QTest::addRow("not string") << R"({"not": "a"})"_ba
                                << u"filter.not: expected a filter object"_s;
    QTest::addRow("field not object")
        << R"({"a": 1})"_ba << u"filter.a: expected an object of operators"_s;
    QTest::addRow("unknown operator")
        << R"({"a": {"equals": 1}})"_ba << u"filter.a.equals: unknown operator equals"_s;
    QTest::addRow("unknown operator nested")
        << R"({"and": [{}, {"or": [{"name": {"like": "x"}}]}]})"_ba
        << u"filter.and[1].or[0].name.like: unknown operator like"_s;
    QTest::addRow("attributeExists") << R"({"a": {"attributeExists": true}})"_ba
                                     << u"the operator attributeExists is not supported"_s;
    QTest::addRow("attributeType") << R"({"a": {"attributeType": "S"}})"_ba
                                   << u"the operator attributeType is not supported"_s;
    QTest::addRow("size") << R"({"a": {"size": {"gt": 1}}})"_ba
                          << u"the operator size is not supported"_s;
    QTest::addRow("between one") << R"({"a": {"between": [1]}})"_ba
                                 << u"filter.a.between: expected exactly two bounds"_s;
    QTest::addRow("between three")
        << R"({"a": {"between": [1, 2, 3]}})"_ba << u"expected exactly two bounds"_s;
    QTest::addRow("between empty")
        << R"({"a": {"between": []}})"_ba << u"expected exactly two bounds"_s;
    QTest::addRow("between scalar")
        << R"({"a": {"between": 1}})"_ba << u"filter.a.between: expected a list"_s;
    QTest::addRow("in scalar") << R"({"a": {"in": 1}})"_ba << u"filter.a.in: expected a list"_s;
    QTest::addRow("notIn object") << R"({"a": {"notIn": {"x": 1}}})"_ba
                                  << u"filter.a.notIn: expected a list"_s;
    QTest::addRow("eq object") << R"({"a": {"eq": {"b": 1}}})"_ba
                               << u"filter.a.eq: expected a single value"_s;
    QTest::addRow("eq list") << R"({"a": {"eq": [1]}})"_ba
                             << u"filter.a.eq: expected a single value"_s;
    QTest::addRow("contains list")
        << R"({"a": {"contains": ["x"]}})"_ba << u"expected a single value"_s;
    QTest::addRow("operators empty") << R"({"a": {}})"_ba << u"filter.a: no operator given"_s;
    QTest::addRow("second operator bad")
        << R"({"a": {"eq": 1, "zz": 2}})"_ba << u"unknown operator zz"_s;
    QTest::addRow("error after valid item")
        << R"({"or": [{"a": {"eq": 1}}, {"b": {"in": "x"}}]})"_ba
        << u"filter.or[1].b.in: expected a list"_s;
}

void tst_Predicate::malformedJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    Error error;
    QVERIFY(!Predicate::fromJson(json, &error));
    QVERIFY(error.isValid());
    QCOMPARE(error.kind(), Error::Kind::Validation);
    QVERIFY2(error.message().contains(message), qPrintable(error.message()));
    // Without an error pointer it fails the same way.
    QVERIFY(!Predicate::fromJson(json));
}

void tst_Predicate::resolveErrors_data()
{
    QTest::addColumn<Predicate>("predicate");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    const QVariant null;
    QTest::addRow("unknown field")
        << field(u"nope"_s).eq(1) << u"nope"_s << u"The model Scalars has no field nope"_s;
    QTest::addRow("relation field") << field(u"owner"_s).eq(u"x"_s) << u"owner"_s
                                    << u"The relation field Scalars.owner cannot be compared"_s;
    QTest::addRow("relation field null")
        << field(u"owner"_s).eq(null) << u"owner"_s << u"relation field"_s;
    QTest::addRow("Int vs string")
        << field(u"num"_s).eq(u"abc"_s) << u"num"_s << u"\"abc\" is not an Int"_s;
    QTest::addRow("Int vs numeric string")
        << field(u"num"_s).eq(u"5"_s) << u"num"_s << u"is not an Int"_s;
    QTest::addRow("Int vs 2.5") << field(u"num"_s).gt(2.5) << u"num"_s << u"2.5 is not an Int"_s;
    QTest::addRow("Int vs bool") << field(u"num"_s).eq(true) << u"num"_s << u"is not an Int"_s;
    QTest::addRow("Int above range")
        << field(u"num"_s).eq(qlonglong(2147483648)) << u"num"_s << u"is not an Int"_s;
    QTest::addRow("Int below range")
        << field(u"num"_s).lt(qlonglong(-2147483649)) << u"num"_s << u"is not an Int"_s;
    QTest::addRow("Int in with bad item")
        << field(u"num"_s).in({1, u"x"_s}) << u"num"_s << u"is not an Int"_s;
    QTest::addRow("Int between bad bound")
        << field(u"num"_s).between(1, 1e12) << u"num"_s << u"is not an Int"_s;
    QTest::addRow("Float vs string")
        << field(u"real"_s).eq(u"1.5"_s) << u"real"_s << u"is not a Float"_s;
    QTest::addRow("Float vs infinity")
        << field(u"real"_s).lt(std::numeric_limits<double>::infinity()) << u"real"_s
        << u"is not a Float"_s;
    QTest::addRow("Boolean vs string")
        << field(u"flag"_s).eq(u"true"_s) << u"flag"_s << u"is not a Boolean"_s;
    QTest::addRow("Boolean vs int") << field(u"flag"_s).eq(1) << u"flag"_s << u"is not a Boolean"_s;
    QTest::addRow("enum not in enum") << field(u"color"_s).eq(u"PURPLE"_s) << u"color"_s
                                      << u"\"PURPLE\" is not one of RED, GREEN, BLUE"_s;
    QTest::addRow("enum lowercase")
        << field(u"color"_s).ne(u"red"_s) << u"color"_s << u"is not one of"_s;
    QTest::addRow("enum in with bad item")
        << field(u"color"_s).in({u"RED"_s, u"PURPLE"_s}) << u"color"_s << u"is not one of"_s;
    QTest::addRow("enum vs int") << field(u"color"_s).eq(1) << u"color"_s
                                 << u"is not an enum value"_s;
    QTest::addRow("AWSDate invalid")
        << field(u"date"_s).eq(u"2023-13-01"_s) << u"date"_s << u"is not an AWSDate"_s;
    QTest::addRow("AWSDateTime without time") << field(u"dateTime"_s).in({u"2023-01-01"_s})
                                              << u"dateTime"_s << u"is not an AWSDateTime"_s;
    QTest::addRow("AWSEmail invalid")
        << field(u"email"_s).eq(u"not an email"_s) << u"email"_s << u"is not an AWSEmail"_s;
    QTest::addRow("AWSDateTime eq prefix")
        << field(u"dateTime"_s).eq(u"2023"_s) << u"dateTime"_s << u"is not an AWSDateTime"_s;
    QTest::addRow("AWSJSON eq invalid")
        << field(u"json"_s).eq(u"{bad"_s) << u"json"_s << u"is not valid AWSJSON"_s;
    QTest::addRow("AWSURL notIn invalid")
        << field(u"url"_s).notIn({u"not a url"_s}) << u"url"_s << u"is not an AWSURL"_s;
    QTest::addRow("ID vs int") << field(u"ident"_s).eq(5) << u"ident"_s
                               << u"Cannot compare Scalars.ident (ID) with 5"_s;
    QTest::addRow("String vs int") << field(u"str"_s).eq(5) << u"str"_s << u"is not a String"_s;
    QTest::addRow("String contains int")
        << field(u"str"_s).contains(5) << u"str"_s << u"is not a String"_s;
    QTest::addRow("gt null") << field(u"num"_s).gt(null) << u"num"_s
                             << u"gt on Scalars.num needs a value, not null"_s;
    QTest::addRow("le null string")
        << field(u"str"_s).le(null) << u"str"_s << u"needs a value, not null"_s;
    QTest::addRow("contains null")
        << field(u"str"_s).contains(null) << u"str"_s << u"needs a value, not null"_s;
    QTest::addRow("between null bound")
        << field(u"num"_s).between(1, null) << u"num"_s << u"needs a value, not null"_s;
    QTest::addRow("between one bound") << Predicate::comparison(u"num"_s, Op::Between, list({1}))
                                       << u"num"_s << u"needs exactly two bounds, got 1"_s;
    QTest::addRow("between three bounds")
        << Predicate::comparison(u"str"_s, Op::Between, list({u"a"_s, u"b"_s, u"c"_s})) << u"str"_s
        << u"needs exactly two bounds, got 3"_s;
    QTest::addRow("in not a list")
        << Predicate::comparison(u"num"_s, Op::In, 5) << u"num"_s << u"needs a list of values"_s;
    QTest::addRow("notIn null") << Predicate::comparison(u"str"_s, Op::NotIn, null) << u"str"_s
                                << u"needs a list of values"_s;
    QTest::addRow("list contains null")
        << field(u"tags"_s).contains(null) << u"tags"_s << u"needs a value, not null"_s;
    QTest::addRow("[String] contains int")
        << field(u"tags"_s).contains(5) << u"tags"_s << u"Cannot look for 5 in Scalars.tags"_s;
    QTest::addRow("[Int] contains string")
        << field(u"numbers"_s).notContains(u"x"_s) << u"numbers"_s << u"Cannot look for"_s;
    QTest::addRow("[Int] contains 2.5")
        << field(u"numbers"_s).contains(2.5) << u"numbers"_s << u"is not an Int"_s;
    QTest::addRow("nested in groups")
        << (field(u"str"_s).eq(u"a"_s)
            && !(field(u"flag"_s).eq(true) || field(u"num"_s).eq(u"x"_s)))
        << u"num"_s << u"is not an Int"_s;
}

void tst_Predicate::resolveErrors()
{
    QFETCH(Predicate, predicate);
    QFETCH(QString, field);
    QFETCH(QString, message);

    Error error;
    QVERIFY(!Predicate::resolve(predicate, m_model, &error));
    QCOMPARE(error.kind(), Error::Kind::Validation);
    QCOMPARE(error.fieldName(), field);
    QCOMPARE(error.modelName(), modelName);
    QVERIFY2(error.message().contains(message), qPrintable(error.message()));
    QVERIFY(!Predicate::resolve(predicate, m_model)); // no error pointer
}

void tst_Predicate::resolveUnknownModel()
{
    Error error;
    QVERIFY(!Predicate::resolve(field(u"a"_s).eq(1), ModelSchema(), &error));
    QCOMPARE(error.kind(), Error::Kind::Schema);
    // all() resolves against any model, and stays all().
    const auto all = Predicate::resolve(Predicate::all(), m_model, &error);
    QVERIFY(all);
    QVERIFY(all->isAll());
}

// --- SQL compilation -----------------------------------------------------------------------------

void tst_Predicate::sqlUsesPlaceholders_data()
{
    QTest::addColumn<Predicate>("predicate");

    const QString evil = u"x' OR 1=1 --"_s;
    const PredicateField str(u"str"_s);
    QTest::addRow("eq") << str.eq(evil);
    QTest::addRow("ne") << str.ne(evil);
    QTest::addRow("gt") << str.gt(evil);
    QTest::addRow("ge") << str.ge(evil);
    QTest::addRow("lt") << str.lt(evil);
    QTest::addRow("le") << str.le(evil);
    QTest::addRow("contains") << str.contains(evil);
    QTest::addRow("notContains") << str.notContains(evil);
    QTest::addRow("beginsWith") << str.beginsWith(evil);
    QTest::addRow("between") << str.between(evil, evil + u'z');
    QTest::addRow("in") << str.in({u"a"_s, evil, QVariant()});
    QTest::addRow("notIn") << str.notIn({evil});
    QTest::addRow("list contains") << field(u"tags"_s).contains(evil);
    QTest::addRow("list notContains") << field(u"tags"_s).notContains(evil);
    QTest::addRow("enum and not") << (field(u"color"_s).eq(u"RED"_s) && !str.eq(evil));
}

void tst_Predicate::sqlUsesPlaceholders()
{
    QFETCH(Predicate, predicate);
    const QString evil = u"x' OR 1=1 --"_s;

    Error error;
    const auto resolved = Predicate::resolve(predicate, m_model, &error);
    QVERIFY2(resolved, qPrintable(error.toString()));
    const SqlFragment fragment = SqlCompiler::compile(*resolved, m_model);
    QVERIFY2(!fragment.sql.contains(evil), qPrintable(fragment.sql));
    QVERIFY2(!fragment.sql.contains(u"1=1"_s), qPrintable(fragment.sql));
    QVERIFY2(!fragment.sql.contains(u"--"_s), qPrintable(fragment.sql));
    QVERIFY(fragment.bindings.contains(QVariant(evil)));
    QCOMPARE(fragment.sql.count(u'?'), fragment.bindings.size());

    // And the store runs it without finding anything it should not.
    const auto saved = await(m_store->save(m_store->create(modelName, {{u"str"_s, u"safe"_s}})));
    QVERIFY(saved);
    const auto found =
        await(m_store->query(modelName, field(u"id"_s).eq(saved->id()) && predicate));
    QVERIFY2(found, qPrintable(found.error().toString()));
    QCOMPARE(found->items.size() == 1, resolved->matches(saved.value()));
}

void tst_Predicate::sqlQuoteAndAlias()
{
    QCOMPARE(SqlCompiler::quote(u"name"_s), u"\"name\""_s);
    QCOMPARE(SqlCompiler::quote(u"a\"b"_s), u"\"a\"\"b\""_s);

    const auto resolved = Predicate::resolve(field(u"num"_s).gt(3), m_model);
    QVERIFY(resolved);
    const SqlFragment aliased = SqlCompiler::compile(*resolved, m_model, u"t"_s);
    QVERIFY2(aliased.sql.contains(u"t.\"num\""_s), qPrintable(aliased.sql));
    QCOMPARE(aliased.bindings, QVariantList{qlonglong(3)});

    const SqlFragment all = SqlCompiler::compile(Predicate::all(), m_model);
    QVERIFY(all.bindings.isEmpty());
    const SqlFragment none = SqlCompiler::compile(Predicate::anyOf({}), m_model);
    QVERIFY(none.bindings.isEmpty());
}

QTEST_MAIN(tst_Predicate)

#include "tst_predicate.moc"
