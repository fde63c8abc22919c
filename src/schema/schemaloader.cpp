#include "schema_p.h"

#include <Stratus/graphql.h>

#include <QtCore/qcoreapplication.h>

using namespace Qt::StringLiterals;

namespace Stratus {

namespace {

SourcePosition positionOf(const GraphQL::Location &location)
{
    return SourcePosition{location.line, location.column};
}

// Reads a schema.graphql document into the builder's drafts, checking what only the source
// can tell (directive arguments and their positions). build() checks the rest.
class Loader
{
public:
    explicit Loader(SchemaBuilderPrivate &builder) : m_builder(builder) { }

    bool load(const GraphQL::Document &document);
    Error error() const { return m_error; }

private:
    bool fail(const GraphQL::Location &location, const QString &message, const QString &model = {},
              const QString &field = {})
    {
        m_error = Error(Error::Kind::Schema,
                        formatSchemaError(m_builder.fileName, positionOf(location), message), model,
                        field);
        return false;
    }

    bool loadType(const GraphQL::TypeDefinition &type);
    bool loadField(TypeDraft &draft, const GraphQL::FieldDefinition &field);
    bool stringList(const GraphQL::Directive &directive, QStringView argument, QStringList *out,
                    const QString &model);
    bool string(const GraphQL::Directive &directive, QStringView argument, QString *out,
                const QString &model, bool required);
    static QVariantMap attribute(const GraphQL::Directive &directive);

    SchemaBuilderPrivate &m_builder;
    Error m_error;
};

QVariantMap Loader::attribute(const GraphQL::Directive &directive)
{
    QVariantMap properties;
    for (const GraphQL::Argument &argument : directive.arguments)
        properties.insert(argument.name, argument.value.toVariant());
    return QVariantMap{{u"type"_s, directive.name}, {u"properties"_s, properties}};
}

bool Loader::stringList(const GraphQL::Directive &directive, QStringView argument, QStringList *out,
                        const QString &model)
{
    const GraphQL::Argument *arg = directive.argument(argument);
    if (!arg)
        return true;
    // GraphQL input coercion: a single value stands for a one-item list.
    if (arg->value.kind == GraphQL::Value::Kind::String) {
        *out = QStringList{arg->value.text};
        return true;
    }
    if (arg->value.kind != GraphQL::Value::Kind::List)
        return fail(arg->value.location,
                    QCoreApplication::translate("Stratus", "@%1(%2:) must be a list of field names")
                        .arg(directive.name, argument),
                    model);
    for (const GraphQL::Value &item : arg->value.list) {
        if (item.kind != GraphQL::Value::Kind::String)
            return fail(
                item.location,
                QCoreApplication::translate("Stratus", "@%1(%2:) must be a list of field names")
                    .arg(directive.name, argument),
                model);
        out->append(item.text);
    }
    return true;
}

bool Loader::string(const GraphQL::Directive &directive, QStringView argument, QString *out,
                    const QString &model, bool required)
{
    const GraphQL::Argument *arg = directive.argument(argument);
    if (!arg) {
        if (required)
            return fail(directive.location,
                        QCoreApplication::translate("Stratus", "@%1 needs the argument %2")
                            .arg(directive.name, argument),
                        model);
        return true;
    }
    if (arg->value.kind != GraphQL::Value::Kind::String)
        return fail(arg->value.location,
                    QCoreApplication::translate("Stratus", "@%1(%2:) must be a string")
                        .arg(directive.name, argument),
                    model);
    *out = arg->value.text;
    return true;
}

bool Loader::load(const GraphQL::Document &document)
{
    for (const GraphQL::TypeDefinition &type : document.types) {
        if (!loadType(type))
            return false;
    }
    return true;
}

bool Loader::loadType(const GraphQL::TypeDefinition &type)
{
    // Custom operations, inputs, interfaces, unions and scalars do not shape the local store.
    const bool isOperationType =
        type.name == u"Query" || type.name == u"Mutation" || type.name == u"Subscription";
    if (isOperationType)
        return true;
    switch (type.kind) {
    case GraphQL::TypeDefinition::Kind::Enum: {
        if (type.isExtension)
            return fail(
                type.location,
                QCoreApplication::translate("Stratus", "Extending the enum %1 is not supported")
                    .arg(type.name));
        EnumDraft draft;
        draft.schema.name = type.name;
        draft.position = positionOf(type.location);
        for (const GraphQL::EnumValueDefinition &value : type.enumValues)
            draft.schema.values.append(value.name);
        m_builder.enums.append(draft);
        return true;
    }
    case GraphQL::TypeDefinition::Kind::Object:
        break;
    default:
        return true;
    }
    if (type.isExtension)
        return fail(type.location,
                    QCoreApplication::translate("Stratus", "Extending the type %1 is not supported")
                        .arg(type.name),
                    type.name);

    TypeDraft draft;
    draft.name = type.name;
    draft.position = positionOf(type.location);
    draft.isModel = false;
    for (const GraphQL::Directive &directive : type.directives) {
        draft.attributes.append(attribute(directive));
        if (directive.name != u"model")
            continue;
        draft.isModel = true;
        if (const GraphQL::Argument *timestamps = directive.argument(u"timestamps")) {
            const GraphQL::Value &value = timestamps->value;
            if (value.kind == GraphQL::Value::Kind::Null) {
                draft.createdAt.clear();
                draft.updatedAt.clear();
            } else if (value.kind == GraphQL::Value::Kind::Object) {
                for (const auto &[name, fieldValue] : value.fields) {
                    QString *target = name == u"createdAt" ? &draft.createdAt
                        : name == u"updatedAt"             ? &draft.updatedAt
                                                           : nullptr;
                    if (!target)
                        return fail(fieldValue.location,
                                    QCoreApplication::translate(
                                        "Stratus",
                                        "@model(timestamps:) knows createdAt and updatedAt, not %1")
                                        .arg(name),
                                    type.name);
                    if (fieldValue.kind == GraphQL::Value::Kind::Null)
                        target->clear();
                    else if (fieldValue.kind == GraphQL::Value::Kind::String)
                        *target = fieldValue.text;
                    else
                        return fail(
                            fieldValue.location,
                            QCoreApplication::translate(
                                "Stratus", "@model(timestamps: {%1:}) must be a field name or null")
                                .arg(name),
                            type.name);
                }
            } else {
                return fail(value.location,
                            QCoreApplication::translate(
                                "Stratus", "@model(timestamps:) must be an object or null"),
                            type.name);
            }
        }
    }
    for (const GraphQL::FieldDefinition &field : type.fields) {
        if (!loadField(draft, field))
            return false;
    }
    if (type.fields.isEmpty())
        return fail(
            type.location,
            QCoreApplication::translate("Stratus", "The type %1 has no fields").arg(type.name),
            type.name);
    m_builder.types.append(draft);
    return true;
}

bool Loader::loadField(TypeDraft &draft, const GraphQL::FieldDefinition &definition)
{
    FieldDraft field;
    field.name = definition.name;
    field.position = positionOf(definition.location);
    const GraphQL::TypeRef *type = &definition.type;
    if (type->kind == GraphQL::TypeRef::Kind::NonNull) {
        field.required = true;
        type = type->ofType.get();
    }
    if (type && type->kind == GraphQL::TypeRef::Kind::List) {
        field.list = true;
        type = type->ofType.get();
        if (type && type->kind == GraphQL::TypeRef::Kind::NonNull) {
            field.listItemRequired = true;
            type = type->ofType.get();
        }
    }
    if (!type || type->kind != GraphQL::TypeRef::Kind::Named)
        return fail(
            definition.type.location,
            QCoreApplication::translate(
                "Stratus", "The field %1.%2 has the type %3; lists of lists are not supported")
                .arg(draft.name, field.name, definition.type.toString()),
            draft.name, field.name);
    field.typeName = type->name;

    int relations = 0;
    for (const GraphQL::Directive &directive : definition.directives) {
        const QString &name = directive.name;
        if (name == u"primaryKey") {
            if (!draft.primaryKey.isEmpty())
                return fail(directive.location,
                            QCoreApplication::translate("Stratus",
                                                        "The type %1 has more than one @primaryKey")
                                .arg(draft.name),
                            draft.name, field.name);
            QStringList sortKeys;
            if (!stringList(directive, u"sortKeyFields", &sortKeys, draft.name))
                return false;
            draft.primaryKey = QStringList{field.name} + sortKeys;
            draft.primaryKeyPosition = positionOf(directive.location);
            draft.attributes.append(
                QVariantMap{{u"type"_s, u"key"_s},
                            {u"properties"_s, QVariantMap{{u"fields"_s, draft.primaryKey}}}});
        } else if (name == u"index") {
            QString indexName;
            QString queryField;
            QStringList sortKeys;
            if (!string(directive, u"name", &indexName, draft.name, false)
                || !string(directive, u"queryField", &queryField, draft.name, false)
                || !stringList(directive, u"sortKeyFields", &sortKeys, draft.name))
                return false;
            const QStringList fields = QStringList{field.name} + sortKeys;
            if (indexName.isEmpty()) // The transformer's default name.
                indexName = u"by"_s + field.name.first(1).toUpper() + field.name.mid(1);
            draft.indexes.append(ModelIndex{indexName, fields, queryField});
            draft.indexPositions.append(positionOf(directive.location));
            QVariantMap properties{{u"name"_s, indexName}, {u"fields"_s, fields}};
            if (!queryField.isEmpty())
                properties.insert(u"queryField"_s, queryField);
            draft.attributes.append(
                QVariantMap{{u"type"_s, u"key"_s}, {u"properties"_s, properties}});
        } else if (name == u"hasMany" || name == u"hasOne" || name == u"belongsTo"
                   || name == u"manyToMany") {
            if (++relations > 1)
                return fail(directive.location,
                            QCoreApplication::translate(
                                "Stratus", "The field %1.%2 has more than one relation directive")
                                .arg(draft.name, field.name),
                            draft.name, field.name);
            field.relationPosition = positionOf(directive.location);
            field.relationRequired = field.required;
            if (name == u"hasMany") {
                field.relation = ModelField::Relation::HasMany;
                if (!string(directive, u"indexName", &field.indexName, draft.name, false)
                    || !stringList(directive, u"fields", &field.fields, draft.name))
                    return false;
            } else if (name == u"hasOne") {
                field.relation = ModelField::Relation::HasOne;
                if (!stringList(directive, u"fields", &field.fields, draft.name))
                    return false;
            } else if (name == u"belongsTo") {
                field.relation = ModelField::Relation::BelongsTo;
                if (!stringList(directive, u"fields", &field.fields, draft.name))
                    return false;
            } else {
                field.relation = ModelField::Relation::ManyToMany;
                if (!string(directive, u"relationName", &field.relationName, draft.name, true))
                    return false;
            }
            field.attributes.append(attribute(directive));
        } else if (name == u"connection" || name == u"key") {
            return fail(directive.location,
                        QCoreApplication::translate(
                            "Stratus",
                            "@%1 is the Amplify transformer v1 syntax; use @primaryKey, @index, "
                            "@hasMany, @hasOne, @belongsTo or @manyToMany")
                            .arg(name),
                        draft.name, field.name);
        } else {
            // @auth, @default, @searchable, ...: kept in the attributes, ignored by the store.
            field.attributes.append(attribute(directive));
        }
    }
    draft.fields.append(field);
    return true;
}

} // namespace

std::optional<Schema> Schema::fromGraphQL(const QString &source, const QString &fileName,
                                          Error *error)
{
    GraphQL::ParseError parseError;
    const std::optional<GraphQL::Document> document =
        GraphQL::Parser::parse(source, GraphQL::Parser::DocumentKind::TypeSystem, &parseError);
    if (!document) {
        if (error) {
            *error = Error(
                Error::Kind::Schema,
                formatSchemaError(fileName, positionOf(parseError.location), parseError.message));
        }
        return std::nullopt;
    }
    SchemaBuilderPrivate builder;
    builder.fileName = fileName;
    Loader loader(builder);
    if (!loader.load(*document)) {
        if (error)
            *error = loader.error();
        return std::nullopt;
    }
    return builder.build(error);
}

} // namespace Stratus
