#include "schema_p.h"

#include <Stratus/pluralize.h>

#include <QtCore/qcoreapplication.h>
#include <QtCore/qcryptographichash.h>
#include <QtCore/qregularexpression.h>
#include <QtCore/qset.h>

using namespace Qt::StringLiterals;

namespace Stratus {

namespace {

QString lowerFirst(const QString &name)
{
    return name.isEmpty() ? name : name.first(1).toLower() + name.mid(1);
}

QString upperFirst(const QString &name)
{
    return name.isEmpty() ? name : name.first(1).toUpper() + name.mid(1);
}

bool isGraphQLName(const QString &name)
{
    static const QRegularExpression pattern(u"^[_A-Za-z][_0-9A-Za-z]*$"_s);
    return pattern.match(name).hasMatch();
}

bool isReservedFieldName(const QString &name)
{
    // Sync metadata that Stratus keeps beside every record.
    return name == u"_version" || name == u"_lastChangedAt" || name == u"_deleted";
}

// The result of build() before it is frozen into a Schema.
struct BuiltType
{
    TypeDraft draft;
    QExplicitlySharedDataPointer<ModelSchemaData> data;
};

class Builder
{
public:
    Builder(const SchemaBuilderPrivate &source) : m_source(source) { }

    std::optional<Schema> run(Error *error);

private:
    bool fail(SourcePosition position, const QString &message, const QString &model = {},
              const QString &field = {})
    {
        m_error = Error(Error::Kind::Schema,
                        formatSchemaError(m_source.fileName, position, message), model, field);
        return false;
    }

    bool checkNames();
    bool addJoinModels();
    bool resolveType(BuiltType &type);
    bool resolveRelations(BuiltType &type);
    bool checkKeys(BuiltType &type);
    FieldDraft *findField(TypeDraft &type, const QString &name);
    BuiltType *findType(const QString &name);
    bool isEnum(const QString &name) const;
    bool addImplicitField(BuiltType &type, const QString &name, const QString &typeName,
                          SourcePosition position);
    QString computeVersion() const;

    const SchemaBuilderPrivate &m_source;
    QList<BuiltType> m_types;
    Error m_error;
};

BuiltType *Builder::findType(const QString &name)
{
    for (BuiltType &type : m_types) {
        if (type.draft.name == name)
            return &type;
    }
    return nullptr;
}

bool Builder::isEnum(const QString &name) const
{
    for (const EnumDraft &type : m_source.enums) {
        if (type.schema.name == name)
            return true;
    }
    return false;
}

FieldDraft *Builder::findField(TypeDraft &type, const QString &name)
{
    for (FieldDraft &field : type.fields) {
        if (field.name == name)
            return &field;
    }
    return nullptr;
}

bool Builder::checkNames()
{
    QSet<QString> names;
    for (const EnumDraft &type : m_source.enums) {
        if (!isGraphQLName(type.schema.name))
            return fail(type.position,
                        QCoreApplication::translate("Stratus", "\"%1\" is not a valid type name")
                            .arg(type.schema.name));
        if (ModelField::scalarType(type.schema.name) != ModelField::Type::Invalid)
            return fail(type.position,
                        QCoreApplication::translate("Stratus",
                                                    "The enum %1 has the name of a built-in scalar")
                            .arg(type.schema.name));
        if (names.contains(type.schema.name))
            return fail(type.position,
                        QCoreApplication::translate("Stratus", "The type %1 is defined twice")
                            .arg(type.schema.name));
        names.insert(type.schema.name);
        if (type.schema.values.isEmpty())
            return fail(type.position,
                        QCoreApplication::translate("Stratus", "The enum %1 has no values")
                            .arg(type.schema.name));
        QSet<QString> values;
        for (const QString &value : type.schema.values) {
            if (!isGraphQLName(value) || value == u"true" || value == u"false" || value == u"null")
                return fail(type.position,
                            QCoreApplication::translate(
                                "Stratus", "\"%1\" is not a valid value of the enum %2")
                                .arg(value, type.schema.name));
            if (values.contains(value))
                return fail(type.position,
                            QCoreApplication::translate("Stratus", "The enum %1 lists %2 twice")
                                .arg(type.schema.name, value));
            values.insert(value);
        }
    }
    for (const TypeDraft &type : m_source.types) {
        if (!isGraphQLName(type.name))
            return fail(type.position,
                        QCoreApplication::translate("Stratus", "\"%1\" is not a valid type name")
                            .arg(type.name));
        if (ModelField::scalarType(type.name) != ModelField::Type::Invalid)
            return fail(type.position,
                        QCoreApplication::translate("Stratus",
                                                    "The type %1 has the name of a built-in scalar")
                            .arg(type.name));
        if (names.contains(type.name))
            return fail(type.position,
                        QCoreApplication::translate("Stratus", "The type %1 is defined twice")
                            .arg(type.name));
        names.insert(type.name);
        QSet<QString> fieldNames;
        for (const FieldDraft &field : type.fields) {
            if (!isGraphQLName(field.name))
                return fail(
                    field.position,
                    QCoreApplication::translate("Stratus", "\"%1\" is not a valid field name")
                        .arg(field.name),
                    type.name);
            if (isReservedFieldName(field.name))
                return fail(field.position,
                            QCoreApplication::translate(
                                "Stratus", "The field name %1 is reserved for sync metadata")
                                .arg(field.name),
                            type.name, field.name);
            if (fieldNames.contains(field.name))
                return fail(
                    field.position,
                    QCoreApplication::translate("Stratus", "The field %1.%2 is defined twice")
                        .arg(type.name, field.name),
                    type.name, field.name);
            fieldNames.insert(field.name);
        }
        m_types.append(BuiltType{type, {}});
    }
    return true;
}

bool Builder::addImplicitField(BuiltType &type, const QString &name, const QString &typeName,
                               SourcePosition position)
{
    if (FieldDraft *existing = findField(type.draft, name)) {
        if (existing->typeName != typeName || existing->list)
            return fail(
                existing->position,
                QCoreApplication::translate(
                    "Stratus", "The field %1.%2 must have type %3 because a relation uses it")
                    .arg(type.draft.name, name, typeName),
                type.draft.name, name);
        return true;
    }
    FieldDraft field;
    field.name = name;
    field.typeName = typeName;
    field.position = position;
    field.implicit = true;
    type.draft.fields.append(field);
    return true;
}

// @manyToMany(relationName: "PostTags") on both sides makes one join model PostTags with a
// @belongsTo to each side, as the Amplify transformer does.
bool Builder::addJoinModels()
{
    struct Side
    {
        QString model;
        FieldDraft field;
    };
    QMap<QString, QList<Side>> sides;
    for (const BuiltType &type : std::as_const(m_types)) {
        for (const FieldDraft &field : type.draft.fields) {
            if (field.relation == ModelField::Relation::ManyToMany)
                sides[field.relationName].append(Side{type.draft.name, field});
        }
    }
    for (auto it = sides.cbegin(); it != sides.cend(); ++it) {
        const QList<Side> &list = it.value();
        const Side &first = list.first();
        if (!isGraphQLName(it.key()))
            return fail(
                first.field.relationPosition,
                QCoreApplication::translate(
                    "Stratus", "@manyToMany needs a relationName that is a valid type name"),
                first.model, first.field.name);
        if (list.size() != 2)
            return fail(first.field.relationPosition,
                        QCoreApplication::translate(
                            "Stratus",
                            "The @manyToMany relation %1 must be declared on exactly two fields, "
                            "one in each model")
                            .arg(it.key()),
                        first.model, first.field.name);
        const Side &second = list.at(1);
        if (first.field.typeName != second.model || second.field.typeName != first.model)
            return fail(second.field.relationPosition,
                        QCoreApplication::translate(
                            "Stratus",
                            "The two sides of the @manyToMany relation %1 must point at each other")
                            .arg(it.key()),
                        second.model, second.field.name);
        if (findType(it.key()))
            return fail(first.field.relationPosition,
                        QCoreApplication::translate(
                            "Stratus", "The @manyToMany relationName %1 names an existing type")
                            .arg(it.key()),
                        first.model, first.field.name);
        TypeDraft join;
        join.name = it.key();
        join.position = first.field.relationPosition;
        join.attributes.append(
            QVariantMap{{u"type"_s, u"model"_s}, {u"properties"_s, QVariantMap()}});
        for (const Side &side : list) {
            const BuiltType *sideType = findType(side.model);
            QStringList key = sideType->draft.primaryKey;
            if (key.isEmpty())
                key = QStringList{u"id"_s};
            QStringList foreignKey;
            for (const QString &keyField : std::as_const(key)) {
                FieldDraft fk;
                fk.name = lowerFirst(side.model) + upperFirst(keyField);
                fk.typeName = u"ID"_s;
                for (const FieldDraft &f : sideType->draft.fields) {
                    if (f.name == keyField)
                        fk.typeName = f.typeName;
                }
                fk.required = true;
                fk.implicit = true;
                fk.position = side.field.relationPosition;
                join.fields.append(fk);
                foreignKey.append(fk.name);
            }
            join.indexes.append(ModelIndex{u"by"_s + side.model, foreignKey, {}});
            join.indexPositions.append(side.field.relationPosition);
            FieldDraft belongsTo;
            belongsTo.fields = foreignKey;
            belongsTo.name = lowerFirst(side.model);
            belongsTo.typeName = side.model;
            belongsTo.required = true;
            belongsTo.relation = ModelField::Relation::BelongsTo;
            belongsTo.relationRequired = true;
            belongsTo.position = side.field.relationPosition;
            belongsTo.relationPosition = side.field.relationPosition;
            belongsTo.implicit = true;
            join.fields.append(belongsTo);
        }
        m_types.append(BuiltType{join, {}});
    }
    return true;
}

bool Builder::resolveType(BuiltType &type)
{
    auto data = new ModelSchemaData;
    type.data = data;
    data->name = type.draft.name;
    data->isModel = type.draft.isModel;
    data->syncable = type.draft.syncable;
    data->pluralName =
        type.draft.pluralName.isEmpty() ? pluralize(type.draft.name) : type.draft.pluralName;
    data->attributes = type.draft.attributes;
    data->line = type.draft.position.line;
    data->column = type.draft.position.column;
    data->primaryKey = type.draft.primaryKey;

    if (!type.draft.isModel) {
        if (!type.draft.primaryKey.isEmpty() || !type.draft.indexes.isEmpty())
            return fail(
                type.draft.position,
                QCoreApplication::translate(
                    "Stratus", "The non-model type %1 cannot have keys or indexes; add @model")
                    .arg(type.draft.name),
                type.draft.name);
        if (type.draft.fields.isEmpty())
            return fail(type.draft.position,
                        QCoreApplication::translate("Stratus", "The type %1 has no fields")
                            .arg(type.draft.name),
                        type.draft.name);
        return true;
    }

    // The managed id, unless the key is custom.
    if (data->primaryKey.isEmpty())
        data->primaryKey = QStringList{u"id"_s};
    if (data->primaryKey == QStringList{u"id"_s} && !findField(type.draft, u"id"_s)) {
        FieldDraft id;
        id.name = u"id"_s;
        id.typeName = u"ID"_s;
        id.required = true;
        id.implicit = true;
        id.position = type.draft.position;
        type.draft.fields.prepend(id);
    }
    if (!type.draft.createdAt.isEmpty() && type.draft.createdAt == type.draft.updatedAt)
        return fail(type.draft.position,
                    QCoreApplication::translate(
                        "Stratus", "createdAt and updatedAt of %1 must be different fields")
                        .arg(type.draft.name),
                    type.draft.name);
    for (const QString &timestamp : {type.draft.createdAt, type.draft.updatedAt}) {
        if (timestamp.isEmpty())
            continue;
        if (!isGraphQLName(timestamp))
            return fail(
                type.draft.position,
                QCoreApplication::translate("Stratus", "\"%1\" is not a valid timestamp field name")
                    .arg(timestamp),
                type.draft.name);
        if (FieldDraft *declared = findField(type.draft, timestamp)) {
            if (declared->typeName != u"AWSDateTime" || declared->list)
                return fail(declared->position,
                            QCoreApplication::translate(
                                "Stratus", "The timestamp field %1.%2 must have type AWSDateTime")
                                .arg(type.draft.name, timestamp),
                            type.draft.name, timestamp);
        } else {
            FieldDraft field;
            field.name = timestamp;
            field.typeName = u"AWSDateTime"_s;
            field.implicit = true;
            field.position = type.draft.position;
            type.draft.fields.append(field);
        }
    }
    data->createdAtField = type.draft.createdAt;
    data->updatedAtField = type.draft.updatedAt;
    return true;
}

bool Builder::resolveRelations(BuiltType &type)
{
    TypeDraft &draft = type.draft;
    for (qsizetype i = 0; i < draft.fields.size(); ++i) {
        FieldDraft field = draft.fields.at(i);
        if (field.relation == ModelField::Relation::None)
            continue;
        if (!draft.isModel)
            return fail(field.relationPosition,
                        QCoreApplication::translate(
                            "Stratus", "Relations are only allowed in @model types, not in %1")
                            .arg(draft.name),
                        draft.name, field.name);
        BuiltType *related = findType(field.typeName);
        if (!related || !related->draft.isModel)
            return fail(field.position,
                        QCoreApplication::translate(
                            "Stratus", "The relation %1.%2 must point at a @model type, not %3")
                            .arg(draft.name, field.name, field.typeName),
                        draft.name, field.name);
        const bool wantsList = field.relation == ModelField::Relation::HasMany
            || field.relation == ModelField::Relation::ManyToMany;
        if (wantsList != field.list)
            return fail(field.position,
                        wantsList ? QCoreApplication::translate("Stratus",
                                                                "The relation %1.%2 must be a list")
                                        .arg(draft.name, field.name)
                                  : QCoreApplication::translate(
                                        "Stratus", "The relation %1.%2 must not be a list")
                                        .arg(draft.name, field.name),
                        draft.name, field.name);
        const QStringList relatedKey = related->data->primaryKey;
        const QStringList ownKey = type.data->primaryKey;
        QStringList targetNames;
        QStringList associatedWith;

        auto keyFieldType = [](BuiltType *owner, const QString &name) {
            for (const FieldDraft &f : std::as_const(owner->draft.fields)) {
                if (f.name == name)
                    return f.typeName;
            }
            return QString();
        };
        auto checkTargets = [&](const QStringList &fields, BuiltType *keyOwner) -> bool {
            const QStringList key = keyOwner->data->primaryKey;
            if (fields.size() != key.size())
                return fail(
                    field.relationPosition,
                    QCoreApplication::translate(
                        "Stratus",
                        "The relation %1.%2 needs %3 field(s) to hold the key of %4, got %5")
                        .arg(draft.name, field.name)
                        .arg(key.size())
                        .arg(keyOwner->draft.name)
                        .arg(fields.size()),
                    draft.name, field.name);
            for (qsizetype k = 0; k < fields.size(); ++k) {
                FieldDraft *target = findField(draft, fields.at(k));
                if (!target)
                    return fail(field.relationPosition,
                                QCoreApplication::translate(
                                    "Stratus",
                                    "The relation %1.%2 names the field %3, which %1 does not have")
                                    .arg(draft.name, field.name, fields.at(k)),
                                draft.name, field.name);
                const QString keyType = keyFieldType(keyOwner, key.at(k));
                if (target->list || target->typeName != keyType)
                    return fail(target->position,
                                QCoreApplication::translate(
                                    "Stratus", "The field %1.%2 must have type %3 to hold %4.%5")
                                    .arg(draft.name, target->name, keyType, keyOwner->draft.name,
                                         key.at(k)),
                                draft.name, target->name);
            }
            return true;
        };

        switch (field.relation) {
        case ModelField::Relation::BelongsTo:
        case ModelField::Relation::HasOne:
            if (!field.fields.isEmpty()) {
                if (!checkTargets(field.fields, related))
                    return false;
                targetNames = field.fields;
            } else {
                QString reused;
                // A @belongsTo without fields shares the foreign key of the parent's implicit
                // @hasMany, as the transformer does.
                if (field.relation == ModelField::Relation::BelongsTo) {
                    for (const FieldDraft &parentField : std::as_const(related->draft.fields)) {
                        if (parentField.relation == ModelField::Relation::HasMany
                            && parentField.typeName == draft.name && parentField.indexName.isEmpty()
                            && parentField.fields.isEmpty()) {
                            reused = lowerFirst(related->draft.name) + upperFirst(parentField.name);
                            break;
                        }
                    }
                }
                const QString base =
                    reused.isEmpty() ? lowerFirst(draft.name) + upperFirst(field.name) : reused;
                for (qsizetype k = 0; k < relatedKey.size(); ++k) {
                    const QString name = base + upperFirst(relatedKey.at(k));
                    if (!addImplicitField(type, name, keyFieldType(related, relatedKey.at(k)),
                                          field.relationPosition))
                        return false;
                    targetNames.append(name);
                }
            }
            if (field.relation == ModelField::Relation::HasOne)
                associatedWith = relatedKey;
            break;
        case ModelField::Relation::HasMany:
            if (!field.childFields.isEmpty()) {
                if (field.childFields.size() != ownKey.size())
                    return fail(
                        field.relationPosition,
                        QCoreApplication::translate(
                            "Stratus",
                            "The relation %1.%2 needs %3 field(s) in %4 to hold the key of %1")
                            .arg(draft.name, field.name)
                            .arg(ownKey.size())
                            .arg(field.typeName),
                        draft.name, field.name);
                for (qsizetype k = 0; k < ownKey.size(); ++k) {
                    FieldDraft *child = findField(related->draft, field.childFields.at(k));
                    const QString keyType = keyFieldType(&type, ownKey.at(k));
                    if (!child || child->list || child->typeName != keyType)
                        return fail(
                            field.relationPosition,
                            QCoreApplication::translate(
                                "Stratus", "The relation %1.%2 needs the field %3.%4 of type %5")
                                .arg(draft.name, field.name, field.typeName,
                                     field.childFields.at(k), keyType),
                            draft.name, field.name);
                }
                associatedWith = field.childFields;
            } else if (!field.indexName.isEmpty()) {
                const ModelIndex *index = nullptr;
                for (const ModelIndex &candidate : std::as_const(related->draft.indexes)) {
                    if (candidate.name == field.indexName)
                        index = &candidate;
                }
                if (!index)
                    return fail(field.relationPosition,
                                QCoreApplication::translate(
                                    "Stratus",
                                    "The relation %1.%2 names the index %3, which %4 does not have")
                                    .arg(draft.name, field.name, field.indexName, field.typeName),
                                draft.name, field.name);
                const QStringList ownFields = field.fields.isEmpty() ? ownKey : field.fields;
                if (index->fields.size() < ownFields.size())
                    return fail(
                        field.relationPosition,
                        QCoreApplication::translate(
                            "Stratus",
                            "The index %1 of %2 has fewer fields than the relation %3.%4 needs")
                            .arg(field.indexName, field.typeName, draft.name, field.name),
                        draft.name, field.name);
                associatedWith = index->fields.first(ownFields.size());
            } else if (!field.fields.isEmpty()) {
                return fail(field.relationPosition,
                            QCoreApplication::translate(
                                "Stratus", "@hasMany(fields:) needs an indexName on %1")
                                .arg(field.typeName),
                            draft.name, field.name);
            } else {
                // Implicit foreign key in the child: postCommentsId.
                const QString base = lowerFirst(draft.name) + upperFirst(field.name);
                for (const QString &keyField : ownKey) {
                    const QString name = base + upperFirst(keyField);
                    if (!addImplicitField(*related, name, keyFieldType(&type, keyField),
                                          field.relationPosition))
                        return false;
                    associatedWith.append(name);
                }
            }
            break;
        case ModelField::Relation::ManyToMany: {
            BuiltType *join = findType(field.relationName);
            if (!join)
                return fail(field.relationPosition,
                            QCoreApplication::translate("Stratus", "Missing join model %1")
                                .arg(field.relationName));
            const QString back = lowerFirst(draft.name);
            for (const QString &keyField : ownKey)
                associatedWith.append(back + upperFirst(keyField));
            break;
        }
        case ModelField::Relation::None:
            break;
        }

        FieldDraft &stored = draft.fields[i];
        stored.targetNames = targetNames;
        stored.associatedWith = associatedWith;
    }
    return true;
}

bool Builder::checkKeys(BuiltType &type)
{
    TypeDraft &draft = type.draft;
    if (!draft.isModel)
        return true;
    QSet<QString> seen;
    for (const QString &name : type.data->primaryKey) {
        FieldDraft *field = findField(draft, name);
        if (!field)
            return fail(
                draft.primaryKeyPosition,
                QCoreApplication::translate(
                    "Stratus", "The primary key of %1 names the field %2, which does not exist")
                    .arg(draft.name, name),
                draft.name, name);
        if (seen.contains(name))
            return fail(
                draft.primaryKeyPosition,
                QCoreApplication::translate("Stratus", "The primary key of %1 names %2 twice")
                    .arg(draft.name, name),
                draft.name, name);
        seen.insert(name);
        const ModelField::Type scalar = ModelField::scalarType(field->typeName);
        const bool keyType =
            (scalar != ModelField::Type::Invalid && scalar != ModelField::Type::AWSJSON)
            || isEnum(field->typeName);
        if (!keyType || field->list || field->relation != ModelField::Relation::None)
            return fail(field->position,
                        QCoreApplication::translate(
                            "Stratus", "The key field %1.%2 must be a scalar or enum, not %3")
                            .arg(draft.name, name, field->typeName),
                        draft.name, name);
        if (!field->required)
            return fail(
                field->position,
                QCoreApplication::translate("Stratus", "The key field %1.%2 must be required (%3!)")
                    .arg(draft.name, name, field->typeName),
                draft.name, name);
    }
    QSet<QString> indexNames;
    for (qsizetype i = 0; i < draft.indexes.size(); ++i) {
        const ModelIndex &index = draft.indexes.at(i);
        const SourcePosition position =
            i < draft.indexPositions.size() ? draft.indexPositions.at(i) : draft.position;
        if (!isGraphQLName(index.name))
            return fail(position,
                        QCoreApplication::translate("Stratus", "\"%1\" is not a valid index name")
                            .arg(index.name),
                        draft.name);
        if (indexNames.contains(index.name))
            return fail(
                position,
                QCoreApplication::translate("Stratus", "The index %1 of %2 is defined twice")
                    .arg(index.name, draft.name),
                draft.name);
        indexNames.insert(index.name);
        if (index.fields.isEmpty())
            return fail(position,
                        QCoreApplication::translate("Stratus", "The index %1 has no fields")
                            .arg(index.name),
                        draft.name);
        for (const QString &name : index.fields) {
            FieldDraft *field = findField(draft, name);
            if (!field)
                return fail(
                    position,
                    QCoreApplication::translate(
                        "Stratus", "The index %1 of %2 names the field %3, which does not exist")
                        .arg(index.name, draft.name, name),
                    draft.name, name);
            const ModelField::Type scalar = ModelField::scalarType(field->typeName);
            if (field->list || (scalar == ModelField::Type::Invalid && !isEnum(field->typeName)))
                return fail(position,
                            QCoreApplication::translate(
                                "Stratus",
                                "The index %1 cannot use %2.%3: only scalar and enum fields can be "
                                "indexed")
                                .arg(index.name, draft.name, name),
                            draft.name, name);
        }
    }
    type.data->indexes = draft.indexes;
    return true;
}

std::optional<Schema> Builder::run(Error *error)
{
    // Every check has set m_error (through fail()) when it returns false.
    auto failed = [&]() -> std::optional<Schema> {
        if (error)
            *error = m_error;
        return std::nullopt;
    };
    if (!checkNames() || !addJoinModels())
        return failed();
    bool hasModel = false;
    for (BuiltType &type : m_types) {
        if (!resolveType(type))
            return failed();
        hasModel = hasModel || type.draft.isModel;
    }
    if (!hasModel) {
        fail({}, QCoreApplication::translate("Stratus", "The schema declares no type with @model"));
        return failed();
    }
    // Key fields get their types from the declarations, so check keys before relations use them.
    for (BuiltType &type : m_types) {
        if (!checkKeys(type))
            return failed();
    }
    for (BuiltType &type : m_types) {
        if (!resolveRelations(type))
            return failed();
    }

    auto schemaData = new SchemaData;
    Schema schema = SchemaBuilderPrivate::wrap(schemaData);
    for (const EnumDraft &type : m_source.enums)
        schemaData->enums.append(type.schema);

    for (BuiltType &type : m_types) {
        for (const FieldDraft &draft : std::as_const(type.draft.fields)) {
            auto field = new ModelFieldData;
            ModelField handle = SchemaBuilderPrivate::wrap(field);
            field->name = draft.name;
            field->typeName = draft.typeName;
            field->list = draft.list;
            field->required = draft.required;
            field->listItemRequired = draft.listItemRequired;
            field->attributes = draft.attributes;
            field->line = draft.position.line;
            field->column = draft.position.column;
            field->relation = draft.relation;
            field->implicit = draft.implicit;
            field->readOnly = type.draft.isModel
                && (draft.name == type.data->createdAtField
                    || draft.name == type.data->updatedAtField);
            const ModelField::Type scalar = ModelField::scalarType(draft.typeName);
            if (draft.relation != ModelField::Relation::None) {
                field->type = ModelField::Type::Model;
                field->relatedModel = draft.typeName;
                field->targetNames = draft.targetNames;
                field->associatedWith = draft.associatedWith;
                field->joinModel = draft.relation == ModelField::Relation::ManyToMany
                    ? draft.relationName
                    : QString();
            } else if (scalar != ModelField::Type::Invalid) {
                field->type = scalar;
            } else if (isEnum(draft.typeName)) {
                field->type = ModelField::Type::Enum;
                for (const EnumDraft &type : m_source.enums) {
                    if (type.schema.name == draft.typeName)
                        field->enumValues = type.schema.values;
                }
            } else if (BuiltType *other = findType(draft.typeName)) {
                if (other->draft.isModel) {
                    fail(draft.position,
                         QCoreApplication::translate(
                             "Stratus",
                             "The field %1.%2 has the model type %3 but no @hasMany, "
                             "@hasOne, @belongsTo or @manyToMany directive")
                             .arg(type.draft.name, draft.name, draft.typeName),
                         type.draft.name, draft.name);
                    return failed();
                }
                field->type = ModelField::Type::NonModel;
            } else {
                {
                    fail(draft.position,
                         QCoreApplication::translate("Stratus",
                                                     "The field %1.%2 has the unknown type %3")
                             .arg(type.draft.name, draft.name, draft.typeName),
                         type.draft.name, draft.name);
                    return failed();
                }
            }
            type.data->fieldIndex.insert(field->name, type.data->fields.size());
            type.data->fields.append(handle);
        }
        ModelSchema model = SchemaBuilderPrivate::wrap(type.data.data());
        if (type.draft.isModel)
            schemaData->models.append(model);
        else
            schemaData->nonModels.append(model);
    }
    schemaData->version = computeVersion();
    return schema;
}

QString Builder::computeVersion() const
{
    // Everything that shapes stored rows, in a stable order.
    QCryptographicHash hash(QCryptographicHash::Md5);
    auto add = [&](const QString &text) {
        hash.addData(text.toUtf8());
        hash.addData(QByteArrayView("\n"));
    };
    for (const EnumDraft &type : m_source.enums)
        add(u"enum "_s + type.schema.name + u' ' + type.schema.values.join(u','));
    for (const BuiltType &type : m_types) {
        add((type.draft.isModel ? u"model "_s : u"type "_s) + type.draft.name);
        add(u"key "_s + type.data->primaryKey.join(u','));
        add(u"syncable "_s + (type.draft.syncable ? u"1"_s : u"0"_s));
        add(u"timestamps "_s + type.data->createdAtField + u',' + type.data->updatedAtField);
        for (const ModelIndex &index : type.data->indexes)
            add(u"index "_s + index.name + u' ' + index.fields.join(u','));
        for (const FieldDraft &field : type.draft.fields) {
            add(u"field "_s + field.name + u' ' + field.typeName + u' '
                + QString::number(int(field.required)) + QString::number(int(field.list))
                + QString::number(int(field.listItemRequired)) + u' '
                + QString::number(int(field.relation)) + u' ' + field.fields.join(u',') + u' '
                + field.indexName + u' ' + field.relationName);
        }
    }
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace

// SchemaBuilderPrivate

SchemaBuilder::TypeBuilder &SchemaBuilderPrivate::addType(const QString &name, bool isModel)
{
    TypeDraft draft;
    draft.name = name;
    draft.isModel = isModel;
    if (isModel)
        draft.attributes.append(
            QVariantMap{{u"type"_s, u"model"_s}, {u"properties"_s, QVariantMap()}});
    types.append(draft);
    handles.emplace_back(new SchemaBuilder::TypeBuilder(this, int(types.size() - 1)));
    return *handles.back();
}

std::optional<Schema> SchemaBuilderPrivate::build(Error *error) const
{
    Builder builder(*this);
    return builder.run(error);
}

// TypeBuilder

SchemaBuilder::TypeBuilder::TypeBuilder(SchemaBuilderPrivate *builder, int index)
    : m_builder(builder), m_index(index)
{ }

SchemaBuilder::TypeBuilder &SchemaBuilder::TypeBuilder::addField(const QString &name,
                                                                 const QString &typeName,
                                                                 FieldOptions options)
{
    FieldDraft field;
    field.name = name;
    field.typeName = typeName;
    field.required = options.testFlag(Required);
    field.list = options.testFlag(List) || options.testFlag(ListItemRequired);
    field.listItemRequired = options.testFlag(ListItemRequired);
    m_builder->type(m_index).fields.append(field);
    return *this;
}

SchemaBuilder::TypeBuilder &SchemaBuilder::TypeBuilder::setPrimaryKey(const QStringList &fields)
{
    m_builder->type(m_index).primaryKey = fields;
    return *this;
}

SchemaBuilder::TypeBuilder &SchemaBuilder::TypeBuilder::addIndex(const QString &name,
                                                                 const QStringList &fields,
                                                                 const QString &queryField)
{
    TypeDraft &type = m_builder->type(m_index);
    type.indexes.append(ModelIndex{name, fields, queryField});
    type.indexPositions.append(SourcePosition{});
    return *this;
}

static FieldDraft relationField(const QString &name, const QString &relatedModel,
                                ModelField::Relation relation, bool list, bool required)
{
    FieldDraft field;
    field.name = name;
    field.typeName = relatedModel;
    field.relation = relation;
    field.list = list;
    field.required = required;
    field.relationRequired = required;
    return field;
}

SchemaBuilder::TypeBuilder &
SchemaBuilder::TypeBuilder::addHasMany(const QString &name, const QString &relatedModel,
                                       const QStringList &associatedWith)
{
    FieldDraft field =
        relationField(name, relatedModel, ModelField::Relation::HasMany, true, false);
    field.childFields = associatedWith;
    m_builder->type(m_index).fields.append(field);
    return *this;
}

SchemaBuilder::TypeBuilder &SchemaBuilder::TypeBuilder::addHasOne(const QString &name,
                                                                  const QString &relatedModel,
                                                                  const QStringList &targetNames,
                                                                  bool required)
{
    FieldDraft field =
        relationField(name, relatedModel, ModelField::Relation::HasOne, false, required);
    field.fields = targetNames;
    m_builder->type(m_index).fields.append(field);
    return *this;
}

SchemaBuilder::TypeBuilder &SchemaBuilder::TypeBuilder::addBelongsTo(const QString &name,
                                                                     const QString &relatedModel,
                                                                     const QStringList &targetNames,
                                                                     bool required)
{
    FieldDraft field =
        relationField(name, relatedModel, ModelField::Relation::BelongsTo, false, required);
    field.fields = targetNames;
    m_builder->type(m_index).fields.append(field);
    return *this;
}

SchemaBuilder::TypeBuilder &SchemaBuilder::TypeBuilder::addManyToMany(const QString &name,
                                                                      const QString &relatedModel,
                                                                      const QString &relationName)
{
    FieldDraft field =
        relationField(name, relatedModel, ModelField::Relation::ManyToMany, true, false);
    field.relationName = relationName;
    m_builder->type(m_index).fields.append(field);
    return *this;
}

SchemaBuilder::TypeBuilder &SchemaBuilder::TypeBuilder::setTimestamps(const QString &createdAt,
                                                                      const QString &updatedAt)
{
    TypeDraft &type = m_builder->type(m_index);
    type.createdAt = createdAt;
    type.updatedAt = updatedAt;
    return *this;
}

SchemaBuilder::TypeBuilder &SchemaBuilder::TypeBuilder::setSyncable(bool syncable)
{
    m_builder->type(m_index).syncable = syncable;
    return *this;
}

SchemaBuilder::TypeBuilder &SchemaBuilder::TypeBuilder::setPluralName(const QString &pluralName)
{
    m_builder->type(m_index).pluralName = pluralName;
    return *this;
}

// SchemaBuilder

SchemaBuilder::SchemaBuilder() : d(std::make_unique<SchemaBuilderPrivate>()) { }
SchemaBuilder::~SchemaBuilder() = default;

SchemaBuilder::TypeBuilder &SchemaBuilder::addModel(const QString &name)
{
    return d->addType(name, true);
}

SchemaBuilder::TypeBuilder &SchemaBuilder::addNonModel(const QString &name)
{
    return d->addType(name, false);
}

SchemaBuilder &SchemaBuilder::addEnum(const QString &name, const QStringList &values)
{
    d->enums.append(EnumDraft{EnumSchema{name, values}, {}});
    return *this;
}

std::optional<Schema> SchemaBuilder::build(Error *error) const
{
    return d->build(error);
}

} // namespace Stratus
