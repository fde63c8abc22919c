#include "predicate_p.h"

#include "schema/scalars_p.h"

#include <Stratus/record.h>
#include <Stratus/schema.h>

#include <QtCore/qcoreapplication.h>
#include <QtCore/qdebug.h>

using namespace Qt::StringLiterals;

namespace Stratus {

namespace {

bool isIntegralType(const QVariant &value)
{
    return Scalars::isNumeric(value) && value.metaType().id() != QMetaType::Double
        && value.metaType().id() != QMetaType::Float;
}

// UTF-16 code units order surrogates (code points above U+FFFF) before U+E000..U+FFFF;
// code point order, which SQLite's BINARY collation gives on UTF-8, puts them after.
inline char16_t codePointOrder(char16_t c)
{
    if (c >= 0xE000)
        return char16_t(c - 0x800);
    if (c >= 0xD800)
        return char16_t(c + 0x2000);
    return c;
}

int compareCodePoints(QStringView a, QStringView b)
{
    const qsizetype n = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t x = a[i].unicode();
        const char16_t y = b[i].unicode();
        if (x != y)
            return codePointOrder(x) < codePointOrder(y) ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

bool equal(const QVariant &a, const QVariant &b)
{
    const auto order = PredicateValues::compare(a, b);
    return order && *order == 0;
}

bool containsValue(const QVariant &haystack, const QVariant &needle)
{
    if (haystack.metaType().id() == QMetaType::QVariantList) {
        const QVariantList items = haystack.toList();
        for (const QVariant &item : items) {
            if (!PredicateValues::isNull(item) && equal(item, needle))
                return true;
        }
        return false;
    }
    if (haystack.metaType().id() == QMetaType::QString
        && needle.metaType().id() == QMetaType::QString)
        return haystack.toString().contains(needle.toString());
    return false;
}

bool inList(const QVariant &value, const QVariant &list)
{
    const QVariantList items = list.toList();
    const bool valueIsNull = PredicateValues::isNull(value);
    for (const QVariant &item : items) {
        if (PredicateValues::isNull(item)) {
            if (valueIsNull)
                return true;
        } else if (!valueIsNull && equal(value, item)) {
            return true;
        }
    }
    return false;
}

bool evaluate(const QVariant &value, Predicate::Operator op, const QVariant &operand)
{
    using Op = Predicate::Operator;
    const bool null = PredicateValues::isNull(value);
    const bool operandNull = PredicateValues::isNull(operand);
    switch (op) {
    case Op::Eq:
        if (operandNull)
            return null;
        return !null && equal(value, operand);
    case Op::Ne:
        if (operandNull)
            return !null;
        return null || !equal(value, operand);
    case Op::Gt:
    case Op::Ge:
    case Op::Lt:
    case Op::Le: {
        if (null || operandNull)
            return false;
        const auto order = PredicateValues::compare(value, operand);
        if (!order)
            return false;
        return op == Op::Gt ? *order > 0
            : op == Op::Ge  ? *order >= 0
            : op == Op::Lt  ? *order < 0
                            : *order <= 0;
    }
    case Op::Between: {
        const QVariantList bounds = operand.toList();
        if (null || bounds.size() != 2)
            return false;
        const auto low = PredicateValues::compare(value, bounds.at(0));
        const auto high = PredicateValues::compare(value, bounds.at(1));
        return low && high && *low >= 0 && *high <= 0;
    }
    case Op::Contains:
        return !null && !operandNull && containsValue(value, operand);
    case Op::NotContains:
        return null || operandNull || !containsValue(value, operand);
    case Op::BeginsWith:
        return !null && value.metaType().id() == QMetaType::QString
            && value.toString().startsWith(operand.toString());
    case Op::In:
        return inList(value, operand);
    case Op::NotIn:
        return !inList(value, operand);
    }
    return false;
}

} // namespace

namespace PredicateValues {

bool isNull(const QVariant &value)
{
    return !value.isValid() || value.isNull();
}

std::optional<int> compare(const QVariant &a, const QVariant &b)
{
    if (isNull(a) || isNull(b))
        return std::nullopt;
    const int ta = a.metaType().id();
    const int tb = b.metaType().id();
    if (ta == QMetaType::QString && tb == QMetaType::QString)
        return compareCodePoints(a.toString(), b.toString());
    if (ta == QMetaType::Bool && tb == QMetaType::Bool)
        return int(a.toBool()) - int(b.toBool());
    if (Scalars::isNumeric(a) && Scalars::isNumeric(b)) {
        if (isIntegralType(a) && isIntegralType(b)) {
            const qlonglong x = a.toLongLong();
            const qlonglong y = b.toLongLong();
            return x < y ? -1 : (x > y ? 1 : 0);
        }
        const double x = a.toDouble();
        const double y = b.toDouble();
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    return std::nullopt;
}

} // namespace PredicateValues

Predicate::Predicate() = default;
Predicate::Predicate(const Predicate &other) = default;
Predicate::Predicate(Predicate &&other) noexcept = default;
Predicate &Predicate::operator=(const Predicate &other) = default;
Predicate &Predicate::operator=(Predicate &&other) noexcept = default;
Predicate::~Predicate() = default;

Predicate Predicate::all()
{
    return Predicate();
}

Predicate Predicate::comparison(const QString &field, Operator op, const QVariant &value)
{
    Predicate predicate;
    predicate.d = new PredicateData;
    predicate.d->kind = Kind::Comparison;
    predicate.d->field = field;
    predicate.d->op = op;
    predicate.d->value = value;
    return predicate;
}

Predicate Predicate::allOf(const QList<Predicate> &predicates)
{
    QList<Predicate> children;
    for (const Predicate &predicate : predicates) {
        if (predicate.kind() == Kind::And)
            children += predicate.children(); // flatten a && b && c
        else if (predicate.kind() != Kind::All)
            children.append(predicate);
    }
    if (children.isEmpty())
        return all();
    if (children.size() == 1)
        return children.constFirst();
    Predicate predicate;
    predicate.d = new PredicateData;
    predicate.d->kind = Kind::And;
    predicate.d->children = children;
    return predicate;
}

Predicate Predicate::anyOf(const QList<Predicate> &predicates)
{
    QList<Predicate> children;
    for (const Predicate &predicate : predicates) {
        if (predicate.kind() == Kind::All)
            return all();
        if (predicate.kind() == Kind::Or)
            children += predicate.children();
        else
            children.append(predicate);
    }
    if (children.size() == 1)
        return children.constFirst();
    Predicate predicate;
    predicate.d = new PredicateData;
    predicate.d->kind = Kind::Or;
    predicate.d->children = children;
    return predicate;
}

Predicate Predicate::negation(const Predicate &child)
{
    Predicate predicate;
    predicate.d = new PredicateData;
    predicate.d->kind = Kind::Not;
    predicate.d->children = {child};
    return predicate;
}

Predicate::Kind Predicate::kind() const
{
    return d ? d->kind : Kind::All;
}
QString Predicate::field() const
{
    return d ? d->field : QString();
}
Predicate::Operator Predicate::op() const
{
    return d ? d->op : Operator::Eq;
}
QVariant Predicate::value() const
{
    return d ? d->value : QVariant();
}
QList<Predicate> Predicate::children() const
{
    return d ? d->children : QList<Predicate>();
}

bool Predicate::matches(const Record &record) const
{
    return matches(record.values());
}

bool Predicate::matches(const QVariantMap &values) const
{
    switch (kind()) {
    case Kind::All:
        return true;
    case Kind::Comparison:
        return evaluate(values.value(d->field), d->op, d->value);
    case Kind::And:
        for (const Predicate &child : d->children) {
            if (!child.matches(values))
                return false;
        }
        return true;
    case Kind::Or:
        for (const Predicate &child : d->children) {
            if (child.matches(values))
                return true;
        }
        return false;
    case Kind::Not:
        return !d->children.constFirst().matches(values);
    }
    return false;
}

QString Predicate::operatorName(Operator op)
{
    switch (op) {
    case Operator::Eq:
        return u"eq"_s;
    case Operator::Ne:
        return u"ne"_s;
    case Operator::Gt:
        return u"gt"_s;
    case Operator::Ge:
        return u"ge"_s;
    case Operator::Lt:
        return u"lt"_s;
    case Operator::Le:
        return u"le"_s;
    case Operator::Contains:
        return u"contains"_s;
    case Operator::NotContains:
        return u"notContains"_s;
    case Operator::BeginsWith:
        return u"beginsWith"_s;
    case Operator::Between:
        return u"between"_s;
    case Operator::In:
        return u"in"_s;
    case Operator::NotIn:
        return u"notIn"_s;
    }
    return {};
}

QString Predicate::toString() const
{
    switch (kind()) {
    case Kind::All:
        return u"all"_s;
    case Kind::Comparison: {
        QString operand;
        if (d->value.metaType().id() == QMetaType::QVariantList) {
            QStringList items;
            for (const QVariant &item : d->value.toList())
                items.append(Scalars::describe(item));
            operand = u'[' + items.join(u", ") + u']';
        } else {
            operand = Scalars::describe(d->value);
        }
        return d->field + u' ' + operatorName(d->op) + u' ' + operand;
    }
    case Kind::And:
    case Kind::Or: {
        QStringList parts;
        for (const Predicate &child : d->children)
            parts.append(child.toString());
        return u'(' + parts.join(kind() == Kind::And ? u" and "_s : u" or "_s) + u')';
    }
    case Kind::Not: {
        const Predicate &child = d->children.constFirst();
        const QString inner = child.toString();
        if (child.kind() == Kind::And || child.kind() == Kind::Or)
            return u"not "_s + inner;
        return u"not ("_s + inner + u')';
    }
    }
    return {};
}

namespace {

enum class FieldClass { Text, Number, Equality, List, Other };

FieldClass classify(const ModelField &field)
{
    if (field.isList())
        return FieldClass::List;
    switch (field.type()) {
    case ModelField::Type::ID:
    case ModelField::Type::String:
    case ModelField::Type::AWSDate:
    case ModelField::Type::AWSTime:
    case ModelField::Type::AWSDateTime:
    case ModelField::Type::AWSEmail:
    case ModelField::Type::AWSJSON:
    case ModelField::Type::AWSURL:
    case ModelField::Type::AWSPhone:
    case ModelField::Type::AWSIPAddress:
        return FieldClass::Text;
    case ModelField::Type::Int:
    case ModelField::Type::Float:
    case ModelField::Type::AWSTimestamp:
        return FieldClass::Number;
    case ModelField::Type::Boolean:
    case ModelField::Type::Enum:
        return FieldClass::Equality;
    default:
        return FieldClass::Other;
    }
}

bool allows(FieldClass fieldClass, Predicate::Operator op)
{
    using Op = Predicate::Operator;
    switch (fieldClass) {
    case FieldClass::Text:
        return true;
    case FieldClass::Number:
        return op != Op::Contains && op != Op::NotContains && op != Op::BeginsWith;
    case FieldClass::Equality:
        return op == Op::Eq || op == Op::Ne || op == Op::In || op == Op::NotIn;
    case FieldClass::List:
        return op == Op::Contains || op == Op::NotContains || op == Op::Eq || op == Op::Ne;
    case FieldClass::Other:
        return op == Op::Eq || op == Op::Ne;
    }
    return false;
}

QString allowedOperators(FieldClass fieldClass)
{
    switch (fieldClass) {
    case FieldClass::Text:
        return u"eq, ne, gt, ge, lt, le, contains, notContains, beginsWith, between, in, notIn"_s;
    case FieldClass::Number:
        return u"eq, ne, gt, ge, lt, le, between, in, notIn"_s;
    case FieldClass::Equality:
        return u"eq, ne, in, notIn"_s;
    case FieldClass::List:
        return QCoreApplication::translate("Stratus",
                                           "contains, notContains, and eq or ne with null");
    case FieldClass::Other:
        return QCoreApplication::translate("Stratus", "eq or ne with null");
    }
    return {};
}

class Resolver
{
public:
    explicit Resolver(const ModelSchema &model, const Schema *schema = nullptr)
        : m_model(model), m_schema(schema)
    { }

    std::optional<Predicate> resolve(const Predicate &predicate);
    Error error;

private:
    bool fail(const QString &field, const QString &message)
    {
        error = Error(Error::Kind::Validation, message, m_model.name(), field);
        return false;
    }
    std::optional<QVariant> operand(const ModelField &field, FieldClass fieldClass,
                                    const QVariant &value, bool allowNull, Predicate::Operator op);

    std::optional<Predicate> parent(const Predicate &predicate);

    ModelSchema m_model;
    const Schema *m_schema;
};

// `blog.name eq "x"`: a comparison on a field of the @belongsTo parent.
std::optional<Predicate> Resolver::parent(const Predicate &predicate)
{
    const QString path = predicate.field();
    const QString relationName = path.section(u'.', 0, 0);
    const QString parentField = path.section(u'.', 1);
    const ModelField relation = m_model.field(relationName);
    if (relation.relation() != ModelField::Relation::BelongsTo || relation.targetNames().isEmpty()
        || parentField.contains(u'.')) {
        fail(path,
             QCoreApplication::translate(
                 "Stratus", "%1 is no field of %2 nor a field of its @belongsTo parent")
                 .arg(path, m_model.name()));
        return std::nullopt;
    }
    if (!m_schema) {
        fail(path,
             QCoreApplication::translate(
                 "Stratus", "The parent predicate %1 works in queries and removes only")
                 .arg(path));
        return std::nullopt;
    }
    Resolver inner(m_schema->model(relation.relatedModel()));
    auto resolved =
        inner.resolve(Predicate::comparison(parentField, predicate.op(), predicate.value()));
    if (!resolved) {
        error = inner.error;
        return std::nullopt;
    }
    return Predicate::comparison(path, resolved->op(), resolved->value());
}

std::optional<QVariant> Resolver::operand(const ModelField &field, FieldClass fieldClass,
                                          const QVariant &value, bool allowNull,
                                          Predicate::Operator op)
{
    if (PredicateValues::isNull(value)) {
        if (!allowNull) {
            fail(field.name(),
                 QCoreApplication::translate("Stratus", "%1 on %2.%3 needs a value, not null")
                     .arg(Predicate::operatorName(op), m_model.name(), field.name()));
            return std::nullopt;
        }
        return QVariant();
    }
    QVariant input = value;
    const int typeId = value.metaType().id();
    if (fieldClass == FieldClass::Text
        && (typeId == QMetaType::QUuid || typeId == QMetaType::QDate || typeId == QMetaType::QTime
            || typeId == QMetaType::QDateTime)) {
        // Qt's date, time and UUID types compare as the text the store keeps for them.
        QString reason;
        const auto text = Scalars::coerce(field.type(), value, {}, &reason);
        if (!text) {
            fail(field.name(),
                 QCoreApplication::translate("Stratus", "Cannot compare %1.%2 (%3) with %4: %5")
                     .arg(m_model.name(), field.name(), field.toTypeString(),
                          Scalars::describe(value), reason));
            return std::nullopt;
        }
        input = *text;
    }
    // Text operands of range and substring operators are plain strings: createdAt.gt("2023")
    // compares a prefix, which is no valid AWSDateTime. Equality checks the format (a typo in
    // eq(u"2024-13-01"_s) is an error, not an empty result) and compares canonical AWSJSON.
    ModelField::Type type = field.type();
    const bool equality = op == Predicate::Operator::Eq || op == Predicate::Operator::Ne
        || op == Predicate::Operator::In || op == Predicate::Operator::NotIn;
    if (fieldClass == FieldClass::Text && !equality)
        type = ModelField::Type::String;
    if (type == ModelField::Type::ID)
        type =
            ModelField::Type::String; // stored IDs are never empty, but comparing with "" is fine
    QString reason;
    const auto coerced = Scalars::coerce(type, input, field.enumValues(), &reason);
    if (!coerced) {
        fail(field.name(),
             QCoreApplication::translate("Stratus", "Cannot compare %1.%2 (%3) with %4: %5")
                 .arg(m_model.name(), field.name(), field.toTypeString(), Scalars::describe(value),
                      reason));
        return std::nullopt;
    }
    return coerced;
}

std::optional<Predicate> Resolver::resolve(const Predicate &predicate)
{
    using Op = Predicate::Operator;
    switch (predicate.kind()) {
    case Predicate::Kind::All:
        return predicate;
    case Predicate::Kind::And:
    case Predicate::Kind::Or:
    case Predicate::Kind::Not: {
        QList<Predicate> children;
        for (const Predicate &child : predicate.children()) {
            auto resolved = resolve(child);
            if (!resolved)
                return std::nullopt;
            children.append(*resolved);
        }
        if (predicate.kind() == Predicate::Kind::Not)
            return Predicate::negation(children.constFirst());
        return predicate.kind() == Predicate::Kind::And ? Predicate::allOf(children)
                                                        : Predicate::anyOf(children);
    }
    case Predicate::Kind::Comparison:
        break;
    }
    const QString name = predicate.field();
    if (name.contains(u'.'))
        return parent(predicate);
    const ModelField field = m_model.field(name);
    if (!field.isValid() || !field.isStored()) {
        fail(name,
             field.isValid()
                 ? QCoreApplication::translate(
                       "Stratus",
                       "The relation field %1.%2 cannot be compared; compare its key fields")
                       .arg(m_model.name(), name)
                 : QCoreApplication::translate("Stratus", "The model %1 has no field %2")
                       .arg(m_model.name(), name));
        return std::nullopt;
    }
    const FieldClass fieldClass = classify(field);
    const Op op = predicate.op();
    if (!allows(fieldClass, op)) {
        fail(name,
             QCoreApplication::translate(
                 "Stratus", "The operator %1 does not apply to %2.%3 (%4); it allows %5")
                 .arg(Predicate::operatorName(op), m_model.name(), name, field.toTypeString(),
                      allowedOperators(fieldClass)));
        return std::nullopt;
    }
    QVariant value;
    switch (op) {
    case Op::Eq:
    case Op::Ne:
        if ((fieldClass == FieldClass::List || fieldClass == FieldClass::Other)
            && !PredicateValues::isNull(predicate.value())) {
            fail(name,
                 QCoreApplication::translate("Stratus",
                                             "%1.%2 (%3) can only be compared with null by %4")
                     .arg(m_model.name(), name, field.toTypeString(), Predicate::operatorName(op)));
            return std::nullopt;
        }
        if (auto v = operand(field, fieldClass, predicate.value(), true, op))
            value = *v;
        else
            return std::nullopt;
        break;
    case Op::Between:
    case Op::In:
    case Op::NotIn: {
        if (predicate.value().metaType().id() != QMetaType::QVariantList
            && predicate.value().metaType().id() != QMetaType::QStringList) {
            fail(name,
                 QCoreApplication::translate("Stratus", "%1 on %2.%3 needs a list of values")
                     .arg(Predicate::operatorName(op), m_model.name(), name));
            return std::nullopt;
        }
        const QVariantList items = predicate.value().toList();
        if (op == Op::Between && items.size() != 2) {
            fail(name,
                 QCoreApplication::translate("Stratus",
                                             "between on %1.%2 needs exactly two bounds, got %3")
                     .arg(m_model.name(), name)
                     .arg(items.size()));
            return std::nullopt;
        }
        QVariantList converted;
        for (const QVariant &item : items) {
            auto v = operand(field, fieldClass, item, op != Op::Between, op);
            if (!v)
                return std::nullopt;
            converted.append(*v);
        }
        value = converted;
        break;
    }
    case Op::Contains:
    case Op::NotContains:
        if (fieldClass == FieldClass::List) {
            if (PredicateValues::isNull(predicate.value())) {
                fail(name,
                     QCoreApplication::translate("Stratus", "%1 on %2.%3 needs a value, not null")
                         .arg(Predicate::operatorName(op), m_model.name(), name));
                return std::nullopt;
            }
            if (field.type() == ModelField::Type::NonModel) {
                fail(name,
                     QCoreApplication::translate("Stratus",
                                                 "%1 does not apply to the list of %2 %3.%4")
                         .arg(Predicate::operatorName(op), field.typeName(), m_model.name(), name));
                return std::nullopt;
            }
            QString reason;
            const auto v =
                Scalars::coerce(field.type(), predicate.value(), field.enumValues(), &reason);
            if (!v) {
                fail(name,
                     QCoreApplication::translate("Stratus", "Cannot look for %1 in %2.%3 (%4): %5")
                         .arg(Scalars::describe(predicate.value()), m_model.name(), name,
                              field.toTypeString(), reason));
                return std::nullopt;
            }
            value = *v;
            break;
        }
        [[fallthrough]];
    default:
        if (auto v = operand(field, fieldClass, predicate.value(), false, op))
            value = *v;
        else
            return std::nullopt;
    }
    return Predicate::comparison(name, op, value);
}

} // namespace

std::optional<Predicate> Predicate::resolve(const Predicate &predicate, const ModelSchema &model,
                                            Error *error)
{
    if (!model.isValid()) {
        if (error)
            *error =
                Error(Error::Kind::Schema, QCoreApplication::translate("Stratus", "Unknown model"));
        return std::nullopt;
    }
    Resolver resolver(model);
    auto resolved = resolver.resolve(predicate);
    if (!resolved && error)
        *error = resolver.error;
    return resolved;
}

std::optional<Predicate> Predicate::resolve(const Predicate &predicate, const ModelSchema &model,
                                            const Schema &schema, Error *error)
{
    if (!model.isValid()) {
        if (error)
            *error =
                Error(Error::Kind::Schema, QCoreApplication::translate("Stratus", "Unknown model"));
        return std::nullopt;
    }
    Resolver resolver(model, &schema);
    auto resolved = resolver.resolve(predicate);
    if (!resolved && error)
        *error = resolver.error;
    return resolved;
}

namespace {

// Every null (invalid, QVariant(nullptr) from QML or JSON) is the same operand.
bool sameOperand(const QVariant &a, const QVariant &b)
{
    if (PredicateValues::isNull(a) || PredicateValues::isNull(b))
        return PredicateValues::isNull(a) && PredicateValues::isNull(b);
    if (a.metaType().id() == QMetaType::QVariantList
        && b.metaType().id() == QMetaType::QVariantList) {
        const QVariantList x = a.toList();
        const QVariantList y = b.toList();
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!sameOperand(x.at(i), y.at(i)))
                return false;
        }
        return true;
    }
    return a == b;
}

} // namespace

bool operator==(const Predicate &a, const Predicate &b)
{
    if (a.kind() != b.kind())
        return false;
    switch (a.kind()) {
    case Predicate::Kind::All:
        return true;
    case Predicate::Kind::Comparison:
        return a.field() == b.field() && a.op() == b.op() && sameOperand(a.value(), b.value());
    default:
        return a.children() == b.children();
    }
}

Predicate operator&&(const Predicate &a, const Predicate &b)
{
    return Predicate::allOf({a, b});
}

Predicate operator||(const Predicate &a, const Predicate &b)
{
    return Predicate::anyOf({a, b});
}

Predicate operator!(const Predicate &a)
{
    return Predicate::negation(a);
}

QDebug operator<<(QDebug debug, const Predicate &predicate)
{
    QDebugStateSaver saver(debug);
    debug.noquote().nospace() << "Stratus::Predicate(" << predicate.toString() << ')';
    return debug;
}

Predicate PredicateField::eq(const QVariant &value) const
{
    return Predicate::comparison(m_name, Predicate::Operator::Eq, value);
}
Predicate PredicateField::ne(const QVariant &value) const
{
    return Predicate::comparison(m_name, Predicate::Operator::Ne, value);
}
Predicate PredicateField::gt(const QVariant &value) const
{
    return Predicate::comparison(m_name, Predicate::Operator::Gt, value);
}
Predicate PredicateField::ge(const QVariant &value) const
{
    return Predicate::comparison(m_name, Predicate::Operator::Ge, value);
}
Predicate PredicateField::lt(const QVariant &value) const
{
    return Predicate::comparison(m_name, Predicate::Operator::Lt, value);
}
Predicate PredicateField::le(const QVariant &value) const
{
    return Predicate::comparison(m_name, Predicate::Operator::Le, value);
}
Predicate PredicateField::contains(const QVariant &value) const
{
    return Predicate::comparison(m_name, Predicate::Operator::Contains, value);
}
Predicate PredicateField::notContains(const QVariant &value) const
{
    return Predicate::comparison(m_name, Predicate::Operator::NotContains, value);
}
Predicate PredicateField::beginsWith(const QString &prefix) const
{
    return Predicate::comparison(m_name, Predicate::Operator::BeginsWith, prefix);
}
Predicate PredicateField::between(const QVariant &low, const QVariant &high) const
{
    return Predicate::comparison(m_name, Predicate::Operator::Between, QVariantList{low, high});
}
Predicate PredicateField::in(const QVariantList &values) const
{
    return Predicate::comparison(m_name, Predicate::Operator::In, values);
}
Predicate PredicateField::notIn(const QVariantList &values) const
{
    return Predicate::comparison(m_name, Predicate::Operator::NotIn, values);
}

} // namespace Stratus
