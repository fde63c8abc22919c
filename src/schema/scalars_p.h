#pragma once

#include <Stratus/schema.h>

#include <QtCore/qvariant.h>

#include <optional>

namespace Stratus::Scalars {

// The canonical in-memory form of each type, used by records, predicates and the store:
// ID, String, AWS* strings and enums as QString; Int and AWSTimestamp as qlonglong; Float as
// double; Boolean as bool; AWSJSON as compact JSON text; lists as QVariantList; non-model
// values as QVariantMap; null as an invalid QVariant.

bool isValidDate(QStringView text);
bool isValidTime(QStringView text);
bool isValidDateTime(QStringView text);
bool isValidEmail(QStringView text);
bool isValidUrl(QStringView text);
bool isValidPhone(QStringView text);
bool isValidIpAddress(QStringView text);

/// Converts \a value to the canonical form of a single (non-list) value of \a type. For
/// Type::Enum, \a enumValues lists the allowed values. On failure returns std::nullopt and sets
/// \a reason to a translated sentence. Null converts to null.
std::optional<QVariant> coerce(ModelField::Type type, const QVariant &value,
                               const QStringList &enumValues, QString *reason);

/// Whether \a value holds a C++ number type (integers of any width, float, double).
bool isNumeric(const QVariant &value);

/// A short description of a value for error messages: `"abc"`, `42`, `a list`.
QString describe(const QVariant &value);

} // namespace Stratus::Scalars
