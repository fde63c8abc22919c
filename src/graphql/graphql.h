#pragma once

#include <Stratus/stratus_export.h>

#include <QtCore/qlist.h>
#include <QtCore/qstring.h>
#include <QtCore/qstringlist.h>
#include <QtCore/qvariant.h>

#include <memory>
#include <optional>
#include <utility>

// The one GraphQL parser of the product: type-system documents (SDL) for schema.graphql, and
// executable documents (queries, mutations, subscriptions) for stratus-server. Follows the
// GraphQL specification (October 2021). Every node carries the line and column where it starts.
namespace Stratus::GraphQL {

/// A 1-based position in the source text. Columns count UTF-16 code units.
struct Location
{
    int line = 0;
    int column = 0;
};

/// A literal or variable in a document.
struct STRATUS_EXPORT Value
{
    enum class Kind { Null, Variable, Int, Float, String, Boolean, Enum, List, Object };

    Kind kind = Kind::Null;
    /// Variable name (without `$`), the literal text of an Int or Float, the decoded String, or
    /// the Enum value name.
    QString text;
    bool boolean = false;
    QList<Value> list;
    QList<std::pair<QString, Value>> fields; ///< Object fields, in source order.
    Location location;

    /// Converts to QVariant: Int to qlonglong (or double when out of range), Float to double,
    /// Enum to QString, List to QVariantList, Object to QVariantMap, Null to a null QVariant.
    /// Variables are looked up in \a variables (absent variables give a null QVariant).
    QVariant toVariant(const QVariantMap &variables = {}) const;
};

/// A type reference such as `[String!]!`.
struct STRATUS_EXPORT TypeRef
{
    enum class Kind { Named, List, NonNull };

    Kind kind = Kind::Named;
    QString name; ///< For Named.
    std::shared_ptr<TypeRef> ofType; ///< For List and NonNull.
    Location location;

    /// The innermost named type.
    QString namedType() const;
    bool isNonNull() const { return kind == Kind::NonNull; }
    /// True for `[T]`, `[T]!`.
    bool isList() const;
    /// Formats as in source: `[String!]!`.
    QString toString() const;
};

struct Argument
{
    QString name;
    Value value;
    Location location;
};

struct STRATUS_EXPORT Directive
{
    QString name; ///< Without `@`.
    QList<Argument> arguments;
    Location location;

    /// The argument called \a name, or nullptr.
    const Argument *argument(QStringView name) const;
};

/// One entry of a selection set: a field, a fragment spread or an inline fragment.
struct Selection
{
    enum class Kind { Field, FragmentSpread, InlineFragment };

    Kind kind = Kind::Field;
    QString alias; ///< Field alias, empty when none.
    QString name; ///< Field name, or the fragment name for a spread.
    QString typeCondition; ///< Inline fragment `... on T`; empty when none.
    QList<Argument> arguments;
    QList<Directive> directives;
    QList<Selection> selectionSet;
    Location location;

    /// The response key: the alias if any, else the name.
    QString responseKey() const { return alias.isEmpty() ? name : alias; }
};

struct VariableDefinition
{
    QString name; ///< Without `$`.
    TypeRef type;
    std::optional<Value> defaultValue;
    QList<Directive> directives;
    Location location;
};

struct OperationDefinition
{
    enum class Type { Query, Mutation, Subscription };

    Type type = Type::Query;
    QString name; ///< Empty for anonymous operations and the `{ ... }` shorthand.
    QList<VariableDefinition> variables;
    QList<Directive> directives;
    QList<Selection> selectionSet;
    Location location;
};

struct FragmentDefinition
{
    QString name;
    QString typeCondition;
    QList<Directive> directives;
    QList<Selection> selectionSet;
    Location location;
};

struct InputValueDefinition
{
    QString description;
    QString name;
    TypeRef type;
    std::optional<Value> defaultValue;
    QList<Directive> directives;
    Location location;
};

struct FieldDefinition
{
    QString description;
    QString name;
    QList<InputValueDefinition> arguments;
    TypeRef type;
    QList<Directive> directives;
    Location location;
};

struct EnumValueDefinition
{
    QString description;
    QString name;
    QList<Directive> directives;
    Location location;
};

/// A type definition or extension (`type`, `interface`, `union`, `enum`, `input`, `scalar`).
struct STRATUS_EXPORT TypeDefinition
{
    enum class Kind { Scalar, Object, Interface, Union, Enum, InputObject };

    Kind kind = Kind::Object;
    bool isExtension = false; ///< `extend type ...`
    QString description;
    QString name;
    QStringList interfaces; ///< `implements A & B`
    QList<Directive> directives;
    QList<FieldDefinition> fields; ///< Object and Interface.
    QList<InputValueDefinition> inputFields; ///< InputObject.
    QList<EnumValueDefinition> enumValues; ///< Enum.
    QStringList unionMembers; ///< Union.
    Location location;

    const FieldDefinition *field(QStringView name) const;
};

struct DirectiveDefinition
{
    QString description;
    QString name;
    QList<InputValueDefinition> arguments;
    bool isRepeatable = false;
    QStringList locations; ///< `FIELD_DEFINITION`, `OBJECT`, ...
    Location location;
};

struct SchemaDefinition
{
    bool isExtension = false;
    QString description;
    QList<Directive> directives;
    QList<std::pair<QString, QString>> operationTypes; ///< ("query", "Query"), ...
    Location location;
};

/// A parsed document. Definitions are grouped by kind, each list in source order.
struct Document
{
    QList<OperationDefinition> operations;
    QList<FragmentDefinition> fragments;
    QList<TypeDefinition> types;
    QList<DirectiveDefinition> directiveDefinitions;
    QList<SchemaDefinition> schemaDefinitions;

    bool isExecutable() const
    {
        return types.isEmpty() && directiveDefinitions.isEmpty() && schemaDefinitions.isEmpty();
    }
};

/// Why a document could not be parsed, and where.
struct STRATUS_EXPORT ParseError
{
    QString message; ///< Translated, without the position.
    Location location;

    /// `line:column: message`
    QString toString() const;
};

/// Parses GraphQL documents. Stateless; safe to use from any thread.
class STRATUS_EXPORT Parser
{
public:
    enum class DocumentKind {
        Any, ///< Executable and type-system definitions may be mixed.
        Executable, ///< Only operations and fragments (what a GraphQL server accepts).
        TypeSystem, ///< Only type-system definitions and extensions (schema.graphql).
    };

    struct Limits
    {
        int maxDepth = 128; ///< Nesting of selection sets, lists, objects, types.
        qsizetype maxTokens = 1'000'000; ///< Tokens in one document.
        qsizetype maxSourceLength = 16 * 1024 * 1024; ///< UTF-16 code units.
    };

    /// Parses \a source. On failure returns std::nullopt and, if \a error is not null, sets it to
    /// the first error found. Never throws, never crashes on any input.
    static std::optional<Document> parse(QStringView source, DocumentKind kind = DocumentKind::Any,
                                         ParseError *error = nullptr);
    static std::optional<Document> parse(QStringView source, DocumentKind kind,
                                         const Limits &limits, ParseError *error);
};

} // namespace Stratus::GraphQL
