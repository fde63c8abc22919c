#include "predicate_p.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>

using namespace Qt::StringLiterals;

namespace Stratus {

namespace {

constexpr int maxFilterDepth = 64;

QVariant fromJsonValue(const QJsonValue &value);

std::optional<Predicate::Operator> operatorFromName(QStringView name)
{
    using Op = Predicate::Operator;
    static const std::pair<QStringView, Op> names[] = {
        {u"eq", Op::Eq},
        {u"ne", Op::Ne},
        {u"gt", Op::Gt},
        {u"ge", Op::Ge},
        {u"lt", Op::Lt},
        {u"le", Op::Le},
        {u"contains", Op::Contains},
        {u"notContains", Op::NotContains},
        {u"beginsWith", Op::BeginsWith},
        {u"between", Op::Between},
        {u"in", Op::In},
        {u"notIn", Op::NotIn},
    };
    for (const auto &[text, op] : names) {
        if (text == name)
            return op;
    }
    return std::nullopt;
}

class JsonReader
{
public:
    std::optional<Predicate> object(const QJsonObject &json, const QString &path, int depth);
    Error error;

private:
    std::nullopt_t fail(const QString &path, const QString &message)
    {
        error = Error(
            Error::Kind::Validation,
            QCoreApplication::translate("Stratus", "Invalid filter at %1: %2").arg(path, message));
        return std::nullopt;
    }
    std::optional<Predicate> comparisons(const QString &field, const QJsonValue &json,
                                         const QString &path);
};

std::optional<Predicate> JsonReader::object(const QJsonObject &json, const QString &path, int depth)
{
    if (depth > maxFilterDepth)
        return fail(path,
                    QCoreApplication::translate("Stratus", "nested deeper than %1 levels")
                        .arg(maxFilterDepth));
    QList<Predicate> parts;
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString key = it.key();
        const QString childPath = path + u'.' + key;
        if (key == u"and" || key == u"or") {
            if (!it.value().isArray())
                return fail(childPath,
                            QCoreApplication::translate("Stratus", "expected a list of filters"));
            const QJsonArray items = it.value().toArray();
            QList<Predicate> children;
            for (qsizetype i = 0; i < items.size(); ++i) {
                const QString itemPath = childPath + u'[' + QString::number(i) + u']';
                if (!items.at(i).isObject())
                    return fail(itemPath,
                                QCoreApplication::translate("Stratus", "expected a filter object"));
                auto child = object(items.at(i).toObject(), itemPath, depth + 1);
                if (!child)
                    return std::nullopt;
                children.append(*child);
            }
            if (key == u"and") {
                parts.append(Predicate::allOf(children));
            } else {
                // A group of one stays a group so that `or: []` keeps matching nothing.
                parts.append(Predicate::anyOf(children));
            }
        } else if (key == u"not") {
            if (!it.value().isObject())
                return fail(childPath,
                            QCoreApplication::translate("Stratus", "expected a filter object"));
            auto child = object(it.value().toObject(), childPath, depth + 1);
            if (!child)
                return std::nullopt;
            parts.append(Predicate::negation(*child));
        } else {
            auto comparison = comparisons(key, it.value(), childPath);
            if (!comparison)
                return std::nullopt;
            parts.append(*comparison);
        }
    }
    return Predicate::allOf(parts);
}

std::optional<Predicate> JsonReader::comparisons(const QString &field, const QJsonValue &json,
                                                 const QString &path)
{
    if (!json.isObject())
        return fail(path,
                    QCoreApplication::translate(
                        "Stratus", "expected an object of operators such as {\"eq\": ...}"));
    const QJsonObject operators = json.toObject();
    if (operators.isEmpty())
        return fail(path, QCoreApplication::translate("Stratus", "no operator given"));
    QList<Predicate> parts;
    for (auto it = operators.begin(); it != operators.end(); ++it) {
        const QString opPath = path + u'.' + it.key();
        const auto op = operatorFromName(it.key());
        if (!op) {
            if (it.key() == u"attributeExists" || it.key() == u"attributeType"
                || it.key() == u"size")
                return fail(opPath,
                            QCoreApplication::translate(
                                "Stratus", "the operator %1 is not supported by Stratus")
                                .arg(it.key()));
            return fail(
                opPath,
                QCoreApplication::translate("Stratus", "unknown operator %1").arg(it.key()));
        }
        const QJsonValue value = it.value();
        if (*op == Predicate::Operator::Between || *op == Predicate::Operator::In
            || *op == Predicate::Operator::NotIn) {
            if (!value.isArray())
                return fail(opPath, QCoreApplication::translate("Stratus", "expected a list"));
            if (*op == Predicate::Operator::Between && value.toArray().size() != 2)
                return fail(opPath,
                            QCoreApplication::translate("Stratus", "expected exactly two bounds"));
        } else if (value.isArray() || value.isObject()) {
            return fail(opPath, QCoreApplication::translate("Stratus", "expected a single value"));
        }
        parts.append(Predicate::comparison(field, *op, fromJsonValue(value)));
    }
    return Predicate::allOf(parts);
}

// JSON null becomes an invalid QVariant, as everywhere in Stratus (QJsonValue gives nullptr_t).
QVariant fromJsonValue(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return QVariant();
    if (value.isArray()) {
        QVariantList items;
        for (const QJsonValue &item : value.toArray())
            items.append(fromJsonValue(item));
        return items;
    }
    return value.toVariant();
}

QJsonValue toJsonValue(const QVariant &value)
{
    return QJsonValue::fromVariant(value);
}

} // namespace

std::optional<Predicate> Predicate::fromJson(const QJsonObject &filter, Error *error)
{
    JsonReader reader;
    auto predicate = reader.object(filter, u"filter"_s, 0);
    if (!predicate && error)
        *error = reader.error;
    return predicate;
}

std::optional<Predicate> Predicate::fromJson(QByteArrayView json, Error *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error)
            *error =
                Error(Error::Kind::Validation,
                      QCoreApplication::translate("Stratus", "Invalid filter JSON at offset %1: %2")
                          .arg(parseError.offset)
                          .arg(parseError.errorString()));
        return std::nullopt;
    }
    if (!document.isObject()) {
        if (error)
            *error =
                Error(Error::Kind::Validation,
                      QCoreApplication::translate("Stratus", "A filter must be a JSON object"));
        return std::nullopt;
    }
    return fromJson(document.object(), error);
}

QJsonObject Predicate::toJson() const
{
    switch (kind()) {
    case Kind::All:
        return {};
    case Kind::Comparison:
        return QJsonObject{{field(), QJsonObject{{operatorName(op()), toJsonValue(value())}}}};
    case Kind::And:
    case Kind::Or: {
        QJsonArray items;
        for (const Predicate &child : children())
            items.append(child.toJson());
        return QJsonObject{{kind() == Kind::And ? u"and"_s : u"or"_s, items}};
    }
    case Kind::Not:
        return QJsonObject{{u"not"_s, children().constFirst().toJson()}};
    }
    return {};
}

} // namespace Stratus
