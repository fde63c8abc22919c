#pragma once

#include <Stratus/predicate.h>

#include <QtCore/qshareddata.h>

#include <optional>

namespace Stratus {

class PredicateData : public QSharedData
{
public:
    Predicate::Kind kind = Predicate::Kind::All;
    QString field;
    Predicate::Operator op = Predicate::Operator::Eq;
    QVariant value;
    QList<Predicate> children;
};

namespace PredicateValues {

bool isNull(const QVariant &value);
/// Compares two non-null values of the same kind: strings by code point (as SQLite's BINARY
/// collation orders UTF-8), numbers numerically, booleans false < true. std::nullopt when they
/// cannot be compared.
std::optional<int> compare(const QVariant &a, const QVariant &b);

} // namespace PredicateValues

} // namespace Stratus
