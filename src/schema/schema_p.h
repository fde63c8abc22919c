#pragma once

#include <Stratus/schema.h>

#include <QtCore/qhash.h>
#include <QtCore/qshareddata.h>

namespace Stratus {

class ModelFieldData : public QSharedData
{
public:
    QString name;
    ModelField::Type type = ModelField::Type::Invalid;
    QString typeName;
    bool list = false;
    bool required = false;
    bool listItemRequired = false;
    bool readOnly = false;
    bool implicit = false;
    ModelField::Relation relation = ModelField::Relation::None;
    QString relatedModel;
    QStringList targetNames;
    QStringList associatedWith;
    QString joinModel;
    QStringList enumValues;
    QString indexName; // @hasMany(indexName:) before resolution
    QVariantList attributes;
    int line = 0;
    int column = 0;
};

class ModelSchemaData : public QSharedData
{
public:
    QString name;
    QString pluralName;
    bool isModel = true;
    bool syncable = true;
    QList<ModelField> fields;
    QHash<QString, qsizetype> fieldIndex;
    QStringList primaryKey;
    QList<ModelIndex> indexes;
    QString createdAtField;
    QString updatedAtField;
    QVariantList attributes;
    int line = 0;
    int column = 0;
};

class SchemaData : public QSharedData
{
public:
    QList<ModelSchema> models;
    QList<ModelSchema> nonModels;
    QList<EnumSchema> enums;
    QString version;
};

/// The source position of a declaration, for error messages.
struct SourcePosition
{
    int line = 0;
    int column = 0;
};

/// What the SDL loader and the C++ builder both fill in before build() validates it.
struct FieldDraft
{
    QString name;
    QString typeName;
    bool required = false;
    bool list = false;
    bool listItemRequired = false;
    ModelField::Relation relation = ModelField::Relation::None;
    bool relationRequired = false;
    QStringList fields; // @hasOne/@belongsTo(fields:), @hasMany(fields:)
    QString indexName; // @hasMany(indexName:)
    QStringList childFields; // SchemaBuilder::addHasMany(associatedWith)
    QString relationName; // @manyToMany(relationName:)
    QStringList targetNames; // resolved by build()
    QStringList associatedWith; // resolved by build()
    QVariantList attributes;
    bool implicit = false; // added by build(): id, timestamps, foreign keys, join fields
    SourcePosition position;
    SourcePosition relationPosition;
};

struct TypeDraft
{
    QString name;
    bool isModel = true;
    bool syncable = true;
    QString pluralName;
    QList<FieldDraft> fields;
    QStringList primaryKey;
    SourcePosition primaryKeyPosition;
    QList<ModelIndex> indexes;
    QList<SourcePosition> indexPositions;
    QString createdAt = QStringLiteral("createdAt");
    QString updatedAt = QStringLiteral("updatedAt");
    QVariantList attributes;
    SourcePosition position;
};

struct EnumDraft
{
    EnumSchema schema;
    SourcePosition position;
};

class SchemaBuilderPrivate
{
public:
    QString fileName;
    std::vector<std::unique_ptr<SchemaBuilder::TypeBuilder>> handles;
    QList<TypeDraft> types;
    QList<EnumDraft> enums;

    SchemaBuilder::TypeBuilder &addType(const QString &name, bool isModel);
    TypeDraft &type(int index) { return types[index]; }
    std::optional<Schema> build(Error *error) const;

    static Schema wrap(SchemaData *data)
    {
        Schema schema;
        schema.d = data;
        return schema;
    }
    static ModelSchema wrap(ModelSchemaData *data)
    {
        ModelSchema model;
        model.d = data;
        return model;
    }
    static ModelField wrap(ModelFieldData *data)
    {
        ModelField field;
        field.d = data;
        return field;
    }
};

/// `file:line:column: message` (parts left out when unknown).
QString formatSchemaError(const QString &fileName, SourcePosition position, const QString &message);

} // namespace Stratus
