#pragma once

#include <Stratus/error.h>
#include <Stratus/stratus_export.h>

#include <QtCore/qjsonobject.h>
#include <QtCore/qlist.h>
#include <QtCore/qshareddata.h>
#include <QtCore/qstring.h>
#include <QtCore/qvariant.h>

#include <optional>

namespace Stratus {

class PredicateData;
class ModelSchema;
class Schema;
class Record;

/// A condition on the fields of a record: the one predicate tree behind queries, conditional
/// saves and removes, live queries and sync expressions. Build it in C++ with field():
///
///     using namespace Stratus;
///     Predicate p = field(u"priority"_s).eq(u"HIGH"_s) && !field(u"done"_s).eq(true);
///
/// or read it from AppSync's filter JSON with fromJson(). A default-constructed Predicate
/// matches every record (Predicate::all()).
///
/// Null semantics (as Amplify DataStore's local evaluation): `eq(null)` matches records whose
/// field is null or unset, `ne(null)` those where it is set; `ne(x)` matches null fields;
/// gt, ge, lt, le and between never match a null field; contains and beginsWith never match
/// null, notContains always does; `in` matches null only if the list holds null, `notIn`
/// matches null unless it does.
class STRATUS_EXPORT Predicate
{
public:
    enum class Kind { All, Comparison, And, Or, Not };
    enum class Operator {
        Eq,
        Ne,
        Gt,
        Ge,
        Lt,
        Le,
        Contains,
        NotContains,
        BeginsWith,
        Between, ///< value() is a QVariantList of two bounds, inclusive.
        In, ///< value() is a QVariantList.
        NotIn, ///< value() is a QVariantList.
    };

    Predicate();
    Predicate(const Predicate &other);
    Predicate(Predicate &&other) noexcept;
    Predicate &operator=(const Predicate &other);
    Predicate &operator=(Predicate &&other) noexcept;
    ~Predicate();

    void swap(Predicate &other) noexcept { d.swap(other.d); }

    /// Matches every record (Amplify's `Predicates.ALL`).
    static Predicate all();
    static Predicate comparison(const QString &field, Operator op, const QVariant &value);
    /// All of \a predicates must match (an empty list matches everything).
    static Predicate allOf(const QList<Predicate> &predicates);
    /// Any of \a predicates must match (an empty list matches nothing).
    static Predicate anyOf(const QList<Predicate> &predicates);
    static Predicate negation(const Predicate &predicate);

    /// Reads AppSync's filter form: `{"and": [{"done": {"eq": false}}, {"name": {"contains":
    /// "x"}}]}`, with `or`, `not`, several keys meaning "and", and the operators eq, ne, gt, ge,
    /// lt, le, contains, notContains, beginsWith, between ([a, b]), in and notIn. An empty object
    /// matches everything. Malformed input gives std::nullopt and a Validation \a error naming
    /// the place (`filter.and[1].name`).
    static std::optional<Predicate> fromJson(const QJsonObject &filter, Error *error = nullptr);
    /// The same from JSON text.
    static std::optional<Predicate> fromJson(QByteArrayView json, Error *error = nullptr);
    /// The AppSync filter form (`in` and `notIn` kept; the sync layer rewrites them for AppSync).
    QJsonObject toJson() const;

    Kind kind() const;
    bool isAll() const { return kind() == Kind::All; }
    /// For comparisons.
    QString field() const;
    Operator op() const;
    QVariant value() const;
    /// For And, Or and Not (one child).
    QList<Predicate> children() const;

    /// Checks \a predicate against \a model: fields exist and are stored, operators suit the
    /// field type (as AppSync's filter inputs allow them), values convert to the field type.
    /// Returns the predicate with its values in the store's canonical form.
    static std::optional<Predicate> resolve(const Predicate &predicate, const ModelSchema &model,
                                            Error *error = nullptr);

    /// The same, also allowing comparisons on a field of a `@belongsTo` parent (`blog.name`),
    /// which only queries and removes (SQL) can evaluate.
    static std::optional<Predicate> resolve(const Predicate &predicate, const ModelSchema &model,
                                            const Schema &schema, Error *error = nullptr);

    /// Evaluates in memory. Use a predicate that resolve() returned so values compare with the
    /// same types as in the store.
    bool matches(const Record &record) const;
    bool matches(const QVariantMap &values) const;

    /// A readable form for logs and test failures: `(priority eq "HIGH" and not (done eq true))`.
    QString toString() const;

    static QString operatorName(Operator op);

    friend STRATUS_EXPORT bool operator==(const Predicate &a, const Predicate &b);
    friend bool operator!=(const Predicate &a, const Predicate &b) { return !(a == b); }

private:
    QSharedDataPointer<PredicateData> d;
};

STRATUS_EXPORT Predicate operator&&(const Predicate &a, const Predicate &b);
STRATUS_EXPORT Predicate operator||(const Predicate &a, const Predicate &b);
STRATUS_EXPORT Predicate operator!(const Predicate &a);
STRATUS_EXPORT QDebug operator<<(QDebug debug, const Predicate &predicate);

/// A field to compare, for building predicates: `field(u"name"_s).contains(u"milk"_s)`.
class STRATUS_EXPORT PredicateField
{
public:
    explicit PredicateField(const QString &name) : m_name(name) { }

    Predicate eq(const QVariant &value) const;
    Predicate ne(const QVariant &value) const;
    Predicate gt(const QVariant &value) const;
    Predicate ge(const QVariant &value) const;
    Predicate lt(const QVariant &value) const;
    Predicate le(const QVariant &value) const;
    Predicate contains(const QVariant &value) const;
    Predicate notContains(const QVariant &value) const;
    Predicate beginsWith(const QString &prefix) const;
    Predicate between(const QVariant &low, const QVariant &high) const;
    Predicate in(const QVariantList &values) const;
    Predicate notIn(const QVariantList &values) const;

private:
    QString m_name;
};

inline PredicateField field(const QString &name)
{
    return PredicateField(name);
}

} // namespace Stratus

Q_DECLARE_SHARED(Stratus::Predicate)
Q_DECLARE_METATYPE(Stratus::Predicate)
