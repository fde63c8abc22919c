// A seeded random differential test of the predicate engine. Three answers must agree for every
// random predicate and every random record:
//   1. an independent reference evaluator written here from the documented semantics, on the
//      test's own representation of predicates and values (it never calls Predicate::matches);
//   2. Predicate::matches() after Predicate::resolve(), on the records as the store returns them;
//   3. DataStore::query(), i.e. the SQL that SqlCompiler generates, run by SQLite.
// The seed is printed at start; rerun a failure with STRATUS_TEST_SEED=<seed>.

#include "testutil.h"

#include "predicate/sqlcompiler_p.h"

#include <Stratus/datastore.h>
#include <Stratus/predicate.h>
#include <Stratus/schema.h>

#include <QtCore/qcoreapplication.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qeventloop.h>
#include <QtCore/qfuturewatcher.h>
#include <QtCore/qhash.h>
#include <QtCore/qrandom.h>
#include <QtCore/qtemporarydir.h>
#include <QtTest/qtest.h>

#include <algorithm>
#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;
using namespace Stratus;

using Op = Predicate::Operator;

namespace {

constexpr quint32 defaultSeed = 20240611;
constexpr int recordCount = 300;
constexpr int predicateCount = 3000;
constexpr int maxDepth = 4;

using StratusTest::await;

// --- The test's own value model ------------------------------------------------------------------

// A value as the reference evaluator sees it. Strings are kept as code points (UCS-4) so that
// ordering, substrings and prefixes are computed on code points without any Qt string API.
struct Value
{
    enum Type { Null, Text, Integer, Real, Boolean, List };
    Type type = Null;
    QList<char32_t> text;
    qint64 integer = 0;
    double real = 0;
    bool boolean = false;
    QList<Value> items;

    static Value null() { return {}; }
    static Value ofText(const QList<char32_t> &codePoints)
    {
        Value v;
        v.type = Text;
        v.text = codePoints;
        return v;
    }
    static Value ofInteger(qint64 n)
    {
        Value v;
        v.type = Integer;
        v.integer = n;
        return v;
    }
    static Value ofReal(double d)
    {
        Value v;
        v.type = Real;
        v.real = d;
        return v;
    }
    static Value ofBoolean(bool b)
    {
        Value v;
        v.type = Boolean;
        v.boolean = b;
        return v;
    }
    static Value ofList(const QList<Value> &items)
    {
        Value v;
        v.type = List;
        v.items = items;
        return v;
    }
    bool isNull() const { return type == Null; }
};

// UTF-32 -> QString by hand (surrogate pairs), so that the reference owns its string model.
// Empty texts give an empty, not null, QString; toVariant() chooses QString() on request.
QString toQString(const QList<char32_t> &codePoints)
{
    QString s = u""_s;
    for (char32_t c : codePoints) {
        if (c > 0xFFFF) {
            const char32_t v = c - 0x10000;
            s.append(QChar(char16_t(0xD800 + (v >> 10))));
            s.append(QChar(char16_t(0xDC00 + (v & 0x3FF))));
        } else {
            s.append(QChar(char16_t(c)));
        }
    }
    return s;
}

// The library's form of \a v. With \a nullEmptyText, an empty text becomes a null QString,
// which must behave as "" everywhere (in memory, stored, and bound as an SQL operand).
QVariant toVariant(const Value &v, bool nullEmptyText = false)
{
    switch (v.type) {
    case Value::Null:
        return QVariant();
    case Value::Text:
        return (nullEmptyText && v.text.isEmpty()) ? QString() : toQString(v.text);
    case Value::Integer:
        return QVariant(qlonglong(v.integer));
    case Value::Real:
        return QVariant(v.real);
    case Value::Boolean:
        return QVariant(v.boolean);
    case Value::List: {
        QVariantList items;
        for (const Value &item : v.items)
            items.append(toVariant(item, nullEmptyText));
        return items;
    }
    }
    return {};
}

QString describe(const Value &v)
{
    switch (v.type) {
    case Value::Null:
        return u"null"_s;
    case Value::Text: {
        QString s = u"\""_s + toQString(v.text) + u'"';
        QStringList codes;
        for (char32_t c : v.text) {
            if (c > 0x7E)
                codes.append(u"U+"_s + QString::number(uint(c), 16).toUpper());
        }
        if (!codes.isEmpty())
            s += u" ("_s + codes.join(u' ') + u')';
        return s;
    }
    case Value::Integer:
        return QString::number(v.integer);
    case Value::Real:
        return QString::number(v.real, 'g', 17);
    case Value::Boolean:
        return v.boolean ? u"true"_s : u"false"_s;
    case Value::List: {
        QStringList items;
        for (const Value &item : v.items)
            items.append(describe(item));
        return u'[' + items.join(u", "_s) + u']';
    }
    }
    return {};
}

// -1, 0, 1 by code point, number or boolean. Only called on two non-null values of one kind.
int compareValues(const Value &a, const Value &b)
{
    if (a.type == Value::Text) {
        const qsizetype n = std::min(a.text.size(), b.text.size());
        for (qsizetype i = 0; i < n; ++i) {
            if (a.text[i] != b.text[i])
                return a.text[i] < b.text[i] ? -1 : 1;
        }
        return a.text.size() == b.text.size() ? 0 : (a.text.size() < b.text.size() ? -1 : 1);
    }
    if (a.type == Value::Boolean)
        return int(a.boolean) - int(b.boolean);
    if (a.type == Value::Integer && b.type == Value::Integer)
        return a.integer < b.integer ? -1 : (a.integer > b.integer ? 1 : 0);
    const double x = a.type == Value::Integer ? double(a.integer) : a.real;
    const double y = b.type == Value::Integer ? double(b.integer) : b.real;
    return x < y ? -1 : (x > y ? 1 : 0);
}

bool equalValues(const Value &a, const Value &b)
{
    return !a.isNull() && !b.isNull() && compareValues(a, b) == 0;
}

bool isSubsequence(const QList<char32_t> &haystack, const QList<char32_t> &needle)
{
    // The empty string is found in every string, the empty one included (JS indexOf('') is 0).
    return needle.isEmpty()
        || std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end())
        != haystack.end();
}

bool hasPrefix(const QList<char32_t> &text, const QList<char32_t> &prefix)
{
    return prefix.size() <= text.size() && std::equal(prefix.begin(), prefix.end(), text.begin());
}

// --- The model -----------------------------------------------------------------------------------

enum class Kind { Text, DateTime, Int, Float, Boolean, Enum, TextList, IntList };

struct FieldSpec
{
    QString name;
    Kind kind;
};

const QList<FieldSpec> &fields()
{
    static const QList<FieldSpec> specs{
        {u"s"_s, Kind::Text},      {u"i"_s, Kind::Int},      {u"f"_s, Kind::Float},
        {u"b"_s, Kind::Boolean},   {u"e"_s, Kind::Enum},     {u"dt"_s, Kind::DateTime},
        {u"ls"_s, Kind::TextList}, {u"li"_s, Kind::IntList},
    };
    return specs;
}

struct Item
{
    QString id;
    QList<Value> values; // by index into fields()
    QList<bool> unset; // saved without the key rather than with an explicit null
};

// --- The test's own predicate tree and the reference evaluator -----------------------------------

struct Node
{
    enum Type { Leaf, And, Or, Not };
    Type type = Leaf;
    // Leaf
    int field = 0;
    Op op = Op::Eq;
    Value operand; // eq, ne, gt, ge, lt, le, contains, notContains, beginsWith
    QList<Value> operands; // between (two), in, notIn
    QVariant libraryOperand; // what the library is given (types vary: int, qlonglong, double)
    // Groups
    QList<Node> children;
    int style = 0; // how to build it with the library: operators or allOf/anyOf/negation
};

bool evaluateLeaf(const Node &n, const Value &v)
{
    const bool null = v.isNull();
    switch (n.op) {
    case Op::Eq:
        return n.operand.isNull() ? null : equalValues(v, n.operand);
    case Op::Ne:
        return n.operand.isNull() ? !null : (null || !equalValues(v, n.operand));
    case Op::Gt:
        return !null && compareValues(v, n.operand) > 0;
    case Op::Ge:
        return !null && compareValues(v, n.operand) >= 0;
    case Op::Lt:
        return !null && compareValues(v, n.operand) < 0;
    case Op::Le:
        return !null && compareValues(v, n.operand) <= 0;
    case Op::Between:
        return !null && compareValues(v, n.operands.at(0)) >= 0
            && compareValues(v, n.operands.at(1)) <= 0;
    case Op::Contains:
    case Op::NotContains: {
        bool found = false;
        if (!null) {
            if (v.type == Value::List) {
                for (const Value &item : v.items)
                    found = found || equalValues(item, n.operand);
            } else {
                found = isSubsequence(v.text, n.operand.text);
            }
        }
        return n.op == Op::Contains ? found : !found;
    }
    case Op::BeginsWith:
        return !null && hasPrefix(v.text, n.operand.text);
    case Op::In:
    case Op::NotIn: {
        bool found = false;
        for (const Value &item : n.operands) {
            if (item.isNull() ? null : equalValues(v, item))
                found = true;
        }
        return n.op == Op::In ? found : !found;
    }
    }
    return false;
}

bool evaluate(const Node &n, const Item &item)
{
    switch (n.type) {
    case Node::Leaf:
        return evaluateLeaf(n, item.values.at(n.field));
    case Node::And:
        return std::all_of(n.children.begin(), n.children.end(),
                           [&](const Node &c) { return evaluate(c, item); });
    case Node::Or:
        return std::any_of(n.children.begin(), n.children.end(),
                           [&](const Node &c) { return evaluate(c, item); });
    case Node::Not:
        return !evaluate(n.children.constFirst(), item);
    }
    return false;
}

Predicate toPredicate(const Node &n)
{
    switch (n.type) {
    case Node::Leaf:
        return Predicate::comparison(fields().at(n.field).name, n.op, n.libraryOperand);
    case Node::And:
    case Node::Or: {
        QList<Predicate> children;
        for (const Node &c : n.children)
            children.append(toPredicate(c));
        if (n.style == 1 && children.size() >= 2) {
            Predicate p = children.constFirst();
            for (qsizetype i = 1; i < children.size(); ++i)
                p = n.type == Node::And ? (p && children.at(i)) : (p || children.at(i));
            return p;
        }
        return n.type == Node::And ? Predicate::allOf(children) : Predicate::anyOf(children);
    }
    case Node::Not:
        return n.style == 1 ? !toPredicate(n.children.constFirst())
                            : Predicate::negation(toPredicate(n.children.constFirst()));
    }
    return {};
}

// --- Generation ----------------------------------------------------------------------------------

class Generator
{
public:
    explicit Generator(quint32 seed) : m_random(seed) { }

    int below(int n) { return int(m_random.bounded(n)); }
    bool chance(int percent) { return below(100) < percent; }
    template<typename T>
    const T &pick(const QList<T> &list)
    {
        return list.at(below(int(list.size())));
    }

    QList<char32_t> randomText()
    {
        static const QList<char32_t> alphabet{
            U'a',   U'b',   U'c',    U'A',    U'B',    U'z',    U'0',     U'9',
            U' ',   U'%',   U'_',    U'\'',   U'-',    U'"',    U'\\',    0xE4,
            0xE9,   0xDF,   0x65E5,  0x672C,  0xE000,  0xF8FF,  0xFB01,   0xFF21,
            0xFFFD, 0xFFFC, 0x10000, 0x1D11E, 0x1F600, 0x1F601, 0x10FFFD, 0x7F,
        };
        QList<char32_t> text;
        const int length = below(6);
        for (int i = 0; i < length; ++i)
            text.append(pick(alphabet));
        return text;
    }

    // A prefix, substring or suffix of a known text, cut at code points.
    QList<char32_t> pieceOf(const QList<char32_t> &text)
    {
        if (text.isEmpty())
            return text;
        const int from = chance(50) ? 0 : below(int(text.size()));
        const int length = below(int(text.size()) - from + 1);
        return text.mid(from, length);
    }

    QList<char32_t> textOperand(const QList<QList<char32_t>> &known)
    {
        const int r = below(100);
        if (r < 50 && !known.isEmpty())
            return pick(known);
        if (r < 80 && !known.isEmpty())
            return pieceOf(pick(known));
        return randomText();
    }

    QRandomGenerator m_random;
};

QList<char32_t> codePoints(const QString &s)
{
    QList<char32_t> result;
    for (uint c : s.toUcs4())
        result.append(char32_t(c));
    return result;
}

const QList<QString> &dateTimes()
{
    static const QList<QString> values{
        u"2023-01-01T00:00:00Z"_s,      u"2023-01-01T00:00:00.000Z"_s,  u"2023-01-01T00:00Z"_s,
        u"2023-06-15T12:30:00+02:00"_s, u"2023-06-15T12:30:00-05:00"_s, u"2023-06-15T12:30:00Z"_s,
        u"2024-02-29T23:59:59.999Z"_s,  u"1999-12-31T23:59:59Z"_s,      u"2023-06-15T12:30:00.5Z"_s,
    };
    return values;
}

const QList<qint64> &integers()
{
    static const QList<qint64> values{0,  1,  -1,  2,    -2,      3,          7,
                                      -7, 42, 100, -100, 1000000, 2147483647, -2147483648LL};
    return values;
}

const QList<double> &reals()
{
    static const QList<double> values{0.0,  -0.0, 0.5,   -0.5, 1.0,       1.5, -1.5,  2.0,
                                      3.25, 1e10, -1e10, 0.1,  0.1 + 0.2, 0.3, 100.0, 7.0};
    return values;
}

const QStringList &enumValues()
{
    static const QStringList values{u"RED"_s, u"GREEN"_s, u"BLUE"_s};
    return values;
}

} // namespace

class tst_PredicateDifferential : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void differential();

private:
    Value randomValue(Kind kind);
    Value scalarOperand(Kind kind, bool preferExisting);
    QVariant libraryScalar(Kind kind, const Value &v);
    Node randomLeaf();
    Node randomNode(int depth);
    QString describeItem(const Item &item) const;

    quint32 m_seed = defaultSeed;
    std::unique_ptr<Generator> m_gen;
    Schema m_schema;
    ModelSchema m_model;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<DataStore> m_store;
    QList<Item> m_items;
    QList<Record> m_records; // as the store returns them, in m_items order
    // Values that occur in the records, per field, for operands.
    QList<QList<Value>> m_known;
    QList<QList<char32_t>> m_knownTexts;
};

Value tst_PredicateDifferential::randomValue(Kind kind)
{
    Generator &g = *m_gen;
    switch (kind) {
    case Kind::Text:
        if (!m_knownTexts.isEmpty() && g.chance(40))
            return Value::ofText(g.chance(60) ? g.pick(m_knownTexts)
                                              : g.pieceOf(g.pick(m_knownTexts)));
        return Value::ofText(g.randomText());
    case Kind::DateTime:
        return Value::ofText(codePoints(g.pick(dateTimes())));
    case Kind::Int:
        return Value::ofInteger(g.chance(70) ? g.pick(integers()) : qint64(g.below(21) - 10));
    case Kind::Float:
        return Value::ofReal(g.chance(80) ? g.pick(reals()) : (g.below(41) - 20) / 4.0);
    case Kind::Boolean:
        return Value::ofBoolean(g.chance(50));
    case Kind::Enum:
        return Value::ofText(codePoints(g.pick(enumValues())));
    case Kind::TextList:
    case Kind::IntList: {
        QList<Value> items;
        const int n = g.below(4);
        for (int i = 0; i < n; ++i) {
            if (g.chance(10))
                items.append(Value::null());
            else
                items.append(
                    kind == Kind::TextList
                        ? randomValue(Kind::Text)
                        : Value::ofInteger(g.chance(50) ? g.below(5) : g.pick(integers())));
        }
        return Value::ofList(items);
    }
    }
    return {};
}

// A non-null operand for a scalar comparison of \a kind (list kinds: an item operand).
Value tst_PredicateDifferential::scalarOperand(Kind kind, bool preferExisting)
{
    Generator &g = *m_gen;
    const int index = int(std::find_if(fields().begin(), fields().end(),
                                       [&](const FieldSpec &f) { return f.kind == kind; })
                          - fields().begin());
    if (preferExisting && g.chance(60)) {
        QList<Value> candidates;
        for (const Value &v : m_known.at(index)) {
            if (v.type == Value::List) {
                for (const Value &item : v.items) {
                    if (!item.isNull())
                        candidates.append(item);
                }
            } else if (!v.isNull()) {
                candidates.append(v);
            }
        }
        if (!candidates.isEmpty())
            return g.pick(candidates);
    }
    switch (kind) {
    case Kind::Text:
    case Kind::TextList:
        return Value::ofText(g.textOperand(m_knownTexts));
    case Kind::IntList:
        return Value::ofInteger(g.chance(50) ? g.below(5) : g.pick(integers()));
    default:
        return randomValue(kind);
    }
}

// The same value in a type the library must accept and convert: Int given as int, qlonglong or
// an integral double; Float given as double or (when integral) as an integer.
QVariant tst_PredicateDifferential::libraryScalar(Kind kind, const Value &v)
{
    Generator &g = *m_gen;
    if (v.isNull())
        return g.chance(50) ? QVariant() : QVariant::fromValue(nullptr);
    if ((kind == Kind::Int || kind == Kind::IntList) && v.type == Value::Integer) {
        const int r = g.below(3);
        if (r == 0)
            return QVariant(int(v.integer));
        if (r == 1)
            return QVariant(double(v.integer));
        return QVariant(qlonglong(v.integer));
    }
    if (kind == Kind::Float && v.type == Value::Real && v.real == double(qint64(v.real))
        && !std::signbit(v.real) && g.chance(40))
        return QVariant(qlonglong(v.real));
    return toVariant(v, g.chance(50));
}

Node tst_PredicateDifferential::randomLeaf()
{
    Generator &g = *m_gen;
    Node n;
    n.type = Node::Leaf;
    n.field = g.below(int(fields().size()));
    const Kind kind = fields().at(n.field).kind;

    QList<Op> ops;
    switch (kind) {
    case Kind::Text:
    case Kind::DateTime:
        ops = {Op::Eq,       Op::Ne,          Op::Gt,         Op::Ge,      Op::Lt, Op::Le,
               Op::Contains, Op::NotContains, Op::BeginsWith, Op::Between, Op::In, Op::NotIn};
        break;
    case Kind::Int:
    case Kind::Float:
        ops = {Op::Eq, Op::Ne, Op::Gt, Op::Ge, Op::Lt, Op::Le, Op::Between, Op::In, Op::NotIn};
        break;
    case Kind::Boolean:
    case Kind::Enum:
        ops = {Op::Eq, Op::Ne, Op::In, Op::NotIn};
        break;
    case Kind::TextList:
    case Kind::IntList:
        ops = {Op::Contains, Op::NotContains, Op::Contains, Op::NotContains, Op::Eq, Op::Ne};
        break;
    }
    n.op = g.pick(ops);

    const bool isList = kind == Kind::TextList || kind == Kind::IntList;
    // Operands of range and substring operators on an AWSDateTime are plain strings (prefixes
    // and the like); eq, ne, in and notIn need valid AWSDateTime values.
    auto rangeOperand = [&]() -> Value {
        if (kind != Kind::DateTime)
            return scalarOperand(kind, true);
        const QList<char32_t> full = codePoints(g.pick(dateTimes()));
        return Value::ofText(g.chance(50) ? full : full.first(g.below(int(full.size()) + 1)));
    };

    switch (n.op) {
    case Op::Eq:
    case Op::Ne:
        n.operand = (isList || g.chance(15)) ? Value::null() : scalarOperand(kind, true);
        n.libraryOperand = libraryScalar(kind, n.operand);
        break;
    case Op::Gt:
    case Op::Ge:
    case Op::Lt:
    case Op::Le:
    case Op::Contains:
    case Op::NotContains:
    case Op::BeginsWith:
        n.operand = isList ? scalarOperand(kind, true) : rangeOperand();
        n.libraryOperand = libraryScalar(kind, n.operand);
        break;
    case Op::Between: {
        Value low = rangeOperand();
        Value high = rangeOperand();
        if (g.chance(75) && compareValues(low, high) > 0)
            std::swap(low, high);
        n.operands = {low, high};
        n.libraryOperand = QVariantList{libraryScalar(kind, low), libraryScalar(kind, high)};
        break;
    }
    case Op::In:
    case Op::NotIn: {
        const int count = g.below(5);
        QVariantList library;
        for (int i = 0; i < count; ++i) {
            const Value item = g.chance(15) ? Value::null() : scalarOperand(kind, true);
            n.operands.append(item);
            library.append(libraryScalar(kind, item));
        }
        n.libraryOperand = library;
        break;
    }
    }
    return n;
}

Node tst_PredicateDifferential::randomNode(int depth)
{
    Generator &g = *m_gen;
    const int r = g.below(100);
    if (depth >= maxDepth || r < 45)
        return randomLeaf();
    Node n;
    n.style = g.below(2);
    if (r < 90) {
        n.type = r < 68 ? Node::And : Node::Or;
        const int count = g.chance(10) ? 0 : 1 + g.below(3);
        for (int i = 0; i < count; ++i)
            n.children.append(randomNode(depth + 1));
    } else {
        n.type = Node::Not;
        n.children.append(randomNode(depth + 1));
    }
    return n;
}

QString tst_PredicateDifferential::describeItem(const Item &item) const
{
    QStringList parts{u"id="_s + item.id};
    for (qsizetype f = 0; f < fields().size(); ++f)
        parts.append(fields().at(f).name + u'=' + describe(item.values.at(f))
                     + (item.unset.at(f) ? u" (unset)"_s : QString()));
    return parts.join(u", "_s);
}

void tst_PredicateDifferential::initTestCase()
{
    bool ok = false;
    const quint32 fromEnv = qEnvironmentVariable("STRATUS_TEST_SEED").toUInt(&ok);
    m_seed = ok ? fromEnv : defaultSeed;
    qInfo("tst_PredicateDifferential seed: %u (set STRATUS_TEST_SEED to change it)", m_seed);
    m_gen = std::make_unique<Generator>(m_seed);

    SchemaBuilder builder;
    builder.addEnum(u"Color"_s, enumValues());
    builder.addModel(u"Item"_s)
        .addField(u"s"_s, u"String"_s)
        .addField(u"i"_s, u"Int"_s)
        .addField(u"f"_s, u"Float"_s)
        .addField(u"b"_s, u"Boolean"_s)
        .addField(u"e"_s, u"Color"_s)
        .addField(u"dt"_s, u"AWSDateTime"_s)
        .addField(u"ls"_s, u"String"_s, SchemaBuilder::List)
        .addField(u"li"_s, u"Int"_s, SchemaBuilder::List);
    Error error;
    const auto schema = builder.build(&error);
    QVERIFY2(schema, qPrintable(error.toString()));
    m_schema = *schema;
    m_model = m_schema.model(u"Item");
    QVERIFY(m_model.isValid());

    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<DataStore>(m_schema, m_dir->filePath(u"differential.sqlite"_s));

    // Texts to draw from: fixed tricky ones, then whatever records get.
    for (const QString &s : {u""_s,
                             u"a"_s,
                             u"ab"_s,
                             u"abc"_s,
                             u"abd"_s,
                             u"b"_s,
                             u"B"_s,
                             u"A"_s,
                             u"\u00e4"_s,
                             u"\u00e4b"_s,
                             u"\U0001F600"_s,
                             u"\U0001F600a"_s,
                             u"a\U0001F600"_s,
                             u"\uE000"_s,
                             u"\uFFFD"_s,
                             u"\uFF21"_s,
                             u"\U00010000"_s,
                             u"x' OR 1=1 --"_s,
                             u"%"_s,
                             u"a%b"_s,
                             u"_"_s,
                             u"  "_s,
                             u"\u65E5\u672C"_s,
                             u"\u65E5\u672C\u8A9E"_s,
                             u"10"_s,
                             u"9"_s})
        m_knownTexts.append(codePoints(s));

    m_known.resize(fields().size());
    QList<QFuture<Result<Record>>> saves;
    QList<QVariantMap> saved;
    for (int r = 0; r < recordCount; ++r) {
        Item item;
        const bool duplicate = r > 10 && m_gen->chance(5);
        const Item *original = duplicate ? &m_items.at(m_gen->below(int(m_items.size()))) : nullptr;
        QVariantMap values;
        for (qsizetype f = 0; f < fields().size(); ++f) {
            const Kind kind = fields().at(f).kind;
            Value v = original ? original->values.at(f)
                               : (m_gen->chance(30) ? Value::null() : randomValue(kind));
            const bool unset = v.isNull() && m_gen->chance(50);
            item.values.append(v);
            item.unset.append(unset);
            if (!unset)
                values.insert(fields().at(f).name, toVariant(v, m_gen->chance(50)));
            m_known[f].append(v);
            if (v.type == Value::Text && kind == Kind::Text)
                m_knownTexts.append(v.text);
        }
        const Record record = m_store->create(u"Item"_s, values);
        item.id = record.id();
        m_items.append(item);
        saves.append(m_store->save(record));
    }
    // The storage thread runs the saves in order; wait for all of them.
    for (qsizetype r = 0; r < saves.size(); ++r) {
        const Result<Record> result = await(saves.at(r));
        QVERIFY2(result,
                 qPrintable(u"saving "_s + describeItem(m_items.at(r)) + u": "_s
                            + result.error().toString()));
    }

    // Read everything back: records as the store delivers them, checked against what was saved.
    const auto all = await(m_store->query(u"Item"_s));
    QVERIFY2(all, qPrintable(all.error().toString()));
    QCOMPARE(all->items.size(), recordCount);
    QHash<QString, Record> byId;
    for (const Record &record : all->items)
        byId.insert(record.id(), record);
    for (const Item &item : std::as_const(m_items)) {
        const Record record = byId.value(item.id);
        QVERIFY2(record.isValid(), qPrintable(item.id));
        for (qsizetype f = 0; f < fields().size(); ++f) {
            const QVariant stored = record.value(fields().at(f).name);
            const QVariant expected = toVariant(item.values.at(f));
            QVERIFY2(stored == expected || (!stored.isValid() && !expected.isValid()),
                     qPrintable(u"seed %1: the store returned %2 = %3 for the record %4"_s.arg(
                         QString::number(m_seed), fields().at(f).name,
                         stored.isValid() ? u'"' + stored.toString() + u'"' : u"null"_s,
                         describeItem(item))));
        }
        m_records.append(record);
    }
}

void tst_PredicateDifferential::cleanupTestCase()
{
    if (m_store)
        await(m_store->stop());
    m_store.reset();
    m_dir.reset();
}

void tst_PredicateDifferential::differential()
{
    QElapsedTimer timer;
    timer.start();
    QHash<QString, qsizetype> indexOfId;
    for (qsizetype r = 0; r < m_items.size(); ++r)
        indexOfId.insert(m_items.at(r).id, r);

    qsizetype totalMatches = 0;
    int emptyResults = 0;
    int fullResults = 0;
    for (int p = 0; p < predicateCount; ++p) {
        const Node node = randomNode(0);
        const Predicate predicate = toPredicate(node);

        Error error;
        const auto resolved = Predicate::resolve(predicate, m_model, &error);
        QVERIFY2(
            resolved,
            qPrintable(u"seed %1, predicate #%2 %3: resolve() refused a valid predicate: %4"_s.arg(
                QString::number(m_seed), QString::number(p), predicate.toString(),
                error.toString())));

        const auto found = await(m_store->query(u"Item"_s, predicate));
        QVERIFY2(found,
                 qPrintable(u"seed %1, predicate #%2 %3: query failed: %4"_s.arg(
                     QString::number(m_seed), QString::number(p), predicate.toString(),
                     found.error().toString())));
        QList<bool> inSql(m_items.size(), false);
        for (const Record &record : found->items) {
            const qsizetype r = indexOfId.value(record.id(), -1);
            QVERIFY2(r >= 0, qPrintable(record.id()));
            inSql[r] = true;
        }

        QStringList mismatches;
        qsizetype matches = 0;
        for (qsizetype r = 0; r < m_items.size(); ++r) {
            const bool reference = evaluate(node, m_items.at(r));
            const bool inMemory = resolved->matches(m_records.at(r));
            matches += reference;
            if (reference != inMemory || reference != inSql.at(r)) {
                mismatches.append(
                    u"  record "_s + describeItem(m_items.at(r))
                    + u"\n    reference: %1, Predicate::matches: %2, SQLite: %3"_s.arg(
                        reference ? u"match"_s : u"no match"_s,
                        inMemory ? u"match"_s : u"no match"_s,
                        inSql.at(r) ? u"match"_s : u"no match"_s));
            }
        }
        if (!mismatches.isEmpty()) {
            const SqlFragment sql = SqlCompiler::compile(*resolved, m_model);
            QStringList bindings;
            for (const QVariant &b : sql.bindings)
                bindings.append(b.toString());
            const qsizetype shown = std::min<qsizetype>(mismatches.size(), 5);
            const QString message =
                u"seed %1, predicate #%2 disagrees on %3 record(s)\n  predicate: %4\n"
                u"  resolved:  %5\n  SQL: %6\n  bindings: [%7]\n%8"_s.arg(
                    QString::number(m_seed), QString::number(p), QString::number(mismatches.size()),
                    predicate.toString(), resolved->toString(), sql.sql, bindings.join(u", "_s),
                    mismatches.first(shown).join(u'\n'));
            QFAIL(qPrintable(message));
        }
        totalMatches += matches;
        emptyResults += matches == 0;
        fullResults += matches == m_items.size();
    }
    qInfo("%d predicates on %d records in %lld ms: %lld matches in all, %d matched none, %d all",
          predicateCount, recordCount, timer.elapsed(), qlonglong(totalMatches), emptyResults,
          fullResults);
}

QTEST_MAIN(tst_PredicateDifferential)

#include "tst_predicatedifferential.moc"
