#pragma once

#include <Stratus/predicate.h>
#include <Stratus/schema.h>

#include <QtCore/qvariant.h>

namespace Stratus {

/// A WHERE clause with `?` placeholders, and the values to bind to them in order.
struct SqlFragment
{
    QString sql;
    QVariantList bindings;
};

/// Compiles resolved predicates (Predicate::resolve()) to SQLite with bound parameters only.
/// The SQL gives the same answer as Predicate::matches() for every record, null cases included:
/// each comparison is two-valued where the in-memory one is, even under NOT.
class STRATUS_EXPORT SqlCompiler
{
public:
    /// `"name"` quoted as an SQL identifier.
    static QString quote(const QString &identifier);
    /// \a schema resolves parent comparisons (`blog.name`) to an EXISTS on the parent's table.
    static SqlFragment compile(const Predicate &predicate, const ModelSchema &model,
                               const QString &tableAlias = {}, const Schema *schema = nullptr);
};

} // namespace Stratus
