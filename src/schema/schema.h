#pragma once

#include <Stratus/error.h>
#include <Stratus/stratus_export.h>

#include <QtCore/qjsonobject.h>
#include <QtCore/qlist.h>
#include <QtCore/qobjectdefs.h>
#include <QtCore/qshareddata.h>
#include <QtCore/qstring.h>
#include <QtCore/qstringlist.h>
#include <QtCore/qvariant.h>

#include <memory>
#include <optional>
#include <vector>

namespace Stratus {

class ModelFieldData;
class ModelSchemaData;
class SchemaData;
class SchemaBuilderPrivate;

/// One field of a model or non-model type, as declared in the schema (read-only introspection).
class STRATUS_EXPORT ModelField
{
    Q_GADGET
    Q_PROPERTY(QString name READ name)
    Q_PROPERTY(Type type READ type)
    Q_PROPERTY(QString typeName READ typeName)
    Q_PROPERTY(bool list READ isList)
    Q_PROPERTY(bool required READ isRequired)
    Q_PROPERTY(bool readOnly READ isReadOnly)
    Q_PROPERTY(Relation relation READ relation)

public:
    /// The field's type: an AppSync scalar, or an enum, non-model or model type of the schema.
    enum class Type {
        Invalid,
        ID,
        String,
        Int,
        Float,
        Boolean,
        AWSDate,
        AWSTime,
        AWSDateTime,
        AWSTimestamp,
        AWSEmail,
        AWSJSON,
        AWSURL,
        AWSPhone,
        AWSIPAddress,
        Enum, ///< typeName() names the enum.
        NonModel, ///< An embedded type without @model; typeName() names it.
        Model, ///< A relation field; typeName() names the related model.
    };
    Q_ENUM(Type)

    enum class Relation { None, HasMany, HasOne, BelongsTo, ManyToMany };
    Q_ENUM(Relation)

    ModelField();
    ModelField(const ModelField &other);
    ModelField &operator=(const ModelField &other);
    ~ModelField();

    bool isValid() const;
    QString name() const;
    Type type() const;
    /// The GraphQL name of the type: `String`, `AWSDateTime`, `Priority`, `Post`.
    QString typeName() const;
    bool isScalar() const;
    bool isList() const;
    bool isRequired() const;
    /// For lists: whether the items are non-null (`[String!]`).
    bool isListItemRequired() const;
    /// Set by the store, refused from the app: `createdAt`, `updatedAt`.
    bool isReadOnly() const;
    /// Whether the value lives in a column of the model's table (every field but relations).
    bool isStored() const;
    /// Whether Stratus added the field (`id`, timestamps, implicit foreign keys).
    bool isImplicit() const;

    Relation relation() const;
    /// For relations: the model at the other end.
    QString relatedModel() const;
    /// For BelongsTo and HasOne: the fields of this model holding the related record's key.
    QStringList targetNames() const;
    /// For HasMany and HasOne: the fields of the related model that point back to this one.
    QStringList associatedWith() const;
    /// For Enum fields: the allowed values.
    QStringList enumValues() const;
    /// For ManyToMany: the join model Stratus generated (the directive's relationName).
    QString joinModel() const;

    /// The field's directives as codegen writes them: `[{"type": "index", "properties": {...}}]`.
    QVariantList attributes() const;

    int line() const;
    int column() const;

    /// The GraphQL type as written: `[String!]!`.
    QString toTypeString() const;

    /// The scalar for a GraphQL type name, or Type::Invalid.
    static Type scalarType(QStringView name);
    static QString scalarName(Type type);

private:
    friend class SchemaBuilderPrivate;
    friend class ModelSchemaData;
    QExplicitlySharedDataPointer<ModelFieldData> d;
};

/// A secondary index (`@index`) of a model.
struct ModelIndex
{
    QString name;
    QStringList fields; ///< Partition key first, then sort key fields.
    QString queryField;
};

/// A model (`type X @model`) or non-model type of the schema (read-only introspection).
class STRATUS_EXPORT ModelSchema
{
    Q_GADGET
    Q_PROPERTY(QString name READ name)
    Q_PROPERTY(QString pluralName READ pluralName)
    Q_PROPERTY(bool syncable READ isSyncable)
    Q_PROPERTY(QStringList primaryKey READ primaryKey)

public:
    ModelSchema();
    ModelSchema(const ModelSchema &other);
    ModelSchema &operator=(const ModelSchema &other);
    ~ModelSchema();

    bool isValid() const;
    QString name() const;
    /// The plural exactly as Amplify codegen spells it (`Categories`), as in `syncCategories`.
    QString pluralName() const;
    /// True for `@model` types; false for non-model (embedded) types.
    bool isModel() const;
    /// Whether local changes go to the outbox and sync. True for every @model by default.
    bool isSyncable() const;

    QList<ModelField> fields() const;
    /// The field called \a name, or an invalid ModelField.
    ModelField field(QStringView name) const;
    bool hasField(QStringView name) const;
    QStringList fieldNames() const;

    /// The primary key fields: `["id"]` unless `@primaryKey` says otherwise.
    QStringList primaryKey() const;
    /// True when the key is not the managed `id` (custom or composite key).
    bool hasCustomPrimaryKey() const;
    QList<ModelIndex> indexes() const;
    /// The name of the createdAt / updatedAt fields; empty when timestamps are off.
    QString createdAtField() const;
    QString updatedAtField() const;

    /// The type's directives as codegen writes them (`model`, `key`, `auth`, ...).
    QVariantList attributes() const;

    int line() const;
    int column() const;

private:
    friend class SchemaBuilderPrivate;
    friend class SchemaData;
    QExplicitlySharedDataPointer<ModelSchemaData> d;
};

/// An enum of the schema.
struct EnumSchema
{
    QString name;
    QStringList values;
};

/// A loaded, validated schema: the models, enums and non-model types of a `schema.graphql`.
/// Implicitly shared and immutable; cheap to copy and safe to share between threads.
class STRATUS_EXPORT Schema
{
public:
    Schema();
    Schema(const Schema &other);
    Schema &operator=(const Schema &other);
    ~Schema();

    /// Loads an Amplify Gen 1 schema from a file path, a `:/` resource path or a `qrc:` or
    /// `file:` URL. On failure returns std::nullopt and sets \a error (kind Schema) with
    /// `file:line:column: reason` in its message.
    static std::optional<Schema> load(const QString &fileOrUrl, Error *error = nullptr);
    /// Parses schema text. \a fileName is only used in error messages.
    static std::optional<Schema> fromGraphQL(const QString &source, const QString &fileName = {},
                                             Error *error = nullptr);

    bool isValid() const;
    QList<ModelSchema> models() const;
    /// The model called \a name, or an invalid ModelSchema.
    ModelSchema model(QStringView name) const;
    bool hasModel(QStringView name) const;
    QList<ModelSchema> nonModels() const;
    ModelSchema nonModel(QStringView name) const;
    QList<EnumSchema> enums() const;
    std::optional<EnumSchema> enumType(QStringView name) const;

    /// A hash over everything that shapes stored data: changes when a model, field, key, index
    /// or relation changes, not when e.g. only `@auth` rules do.
    QString version() const;
    /// The schema in the JSON form of `amplify codegen models` (`models`, `enums`,
    /// `nonModels`, `version`).
    QJsonObject toJson() const;

private:
    friend class SchemaBuilderPrivate;
    QExplicitlySharedDataPointer<SchemaData> d;
};

/// Declares models in C++, without a schema file. Produces the same Schema as the file would.
///
///     SchemaBuilder builder;
///     builder.addEnum(u"Priority"_s, {u"LOW"_s, u"HIGH"_s});
///     builder.addModel(u"Todo"_s)
///         .addField(u"name"_s, u"String"_s, SchemaBuilder::Required)
///         .addField(u"priority"_s, u"Priority"_s)
///         .addField(u"tags"_s, u"String"_s, SchemaBuilder::List);
///     std::optional<Schema> schema = builder.build(&error);
class STRATUS_EXPORT SchemaBuilder
{
public:
    enum FieldOption {
        NoOption = 0,
        Required = 0x1, ///< `T!`
        List = 0x2, ///< `[T]`
        ListItemRequired = 0x4, ///< `[T!]`
    };
    Q_DECLARE_FLAGS(FieldOptions, FieldOption)

    /// Declares one model or non-model type. Returned by SchemaBuilder::addModel(); valid as
    /// long as the SchemaBuilder lives.
    class STRATUS_EXPORT TypeBuilder
    {
    public:
        /// A field of a scalar, enum or non-model type, named as in GraphQL (`AWSDateTime`).
        TypeBuilder &addField(const QString &name, const QString &typeName,
                              FieldOptions options = NoOption);
        TypeBuilder &setPrimaryKey(const QStringList &fields);
        TypeBuilder &addIndex(const QString &name, const QStringList &fields,
                              const QString &queryField = {});
        /// `@hasMany(indexName, fields)`: children of \a relatedModel whose fields
        /// \a associatedWith (the index's fields) hold this record's key. Empty: implicit.
        TypeBuilder &addHasMany(const QString &name, const QString &relatedModel,
                                const QStringList &associatedWith = {});
        /// `@hasOne(fields)`: \a targetNames of this model hold the child's key.
        TypeBuilder &addHasOne(const QString &name, const QString &relatedModel,
                               const QStringList &targetNames = {}, bool required = false);
        /// `@belongsTo(fields)`: \a targetNames of this model hold the parent's key.
        TypeBuilder &addBelongsTo(const QString &name, const QString &relatedModel,
                                  const QStringList &targetNames = {}, bool required = false);
        /// `@manyToMany(relationName)`: the join model \a relationName is generated.
        TypeBuilder &addManyToMany(const QString &name, const QString &relatedModel,
                                   const QString &relationName);
        /// `@model(timestamps: {createdAt, updatedAt})`; empty names turn timestamps off.
        TypeBuilder &setTimestamps(const QString &createdAt, const QString &updatedAt);
        /// Local-only models keep no outbox and never sync.
        TypeBuilder &setSyncable(bool syncable);
        TypeBuilder &setPluralName(const QString &pluralName);

    private:
        friend class SchemaBuilderPrivate;
        friend class SchemaBuilder;
        TypeBuilder(SchemaBuilderPrivate *builder, int index);
        SchemaBuilderPrivate *m_builder;
        int m_index;
    };

    SchemaBuilder();
    ~SchemaBuilder();
    SchemaBuilder(const SchemaBuilder &) = delete;
    SchemaBuilder &operator=(const SchemaBuilder &) = delete;

    TypeBuilder &addModel(const QString &name);
    TypeBuilder &addNonModel(const QString &name);
    SchemaBuilder &addEnum(const QString &name, const QStringList &values);

    /// Validates and returns the schema; on failure std::nullopt and \a error (kind Schema).
    std::optional<Schema> build(Error *error = nullptr) const;

private:
    friend class SchemaBuilderPrivate;
    std::unique_ptr<SchemaBuilderPrivate> d;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(SchemaBuilder::FieldOptions)

} // namespace Stratus
