#include "schema_p.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qfile.h>
#include <QtCore/qjsonarray.h>
#include <QtCore/qurl.h>

using namespace Qt::StringLiterals;

namespace Stratus {

namespace {

struct ScalarName
{
    ModelField::Type type;
    QStringView name;
};

constexpr ScalarName scalarNames[] = {
    {ModelField::Type::ID, u"ID"},
    {ModelField::Type::String, u"String"},
    {ModelField::Type::Int, u"Int"},
    {ModelField::Type::Float, u"Float"},
    {ModelField::Type::Boolean, u"Boolean"},
    {ModelField::Type::AWSDate, u"AWSDate"},
    {ModelField::Type::AWSTime, u"AWSTime"},
    {ModelField::Type::AWSDateTime, u"AWSDateTime"},
    {ModelField::Type::AWSTimestamp, u"AWSTimestamp"},
    {ModelField::Type::AWSEmail, u"AWSEmail"},
    {ModelField::Type::AWSJSON, u"AWSJSON"},
    {ModelField::Type::AWSURL, u"AWSURL"},
    {ModelField::Type::AWSPhone, u"AWSPhone"},
    {ModelField::Type::AWSIPAddress, u"AWSIPAddress"},
};

} // namespace

// ModelField

ModelField::ModelField() = default;
ModelField::ModelField(const ModelField &other) = default;
ModelField &ModelField::operator=(const ModelField &other) = default;
ModelField::~ModelField() = default;

bool ModelField::isValid() const
{
    return d && d->type != Type::Invalid;
}
QString ModelField::name() const
{
    return d ? d->name : QString();
}
ModelField::Type ModelField::type() const
{
    return d ? d->type : Type::Invalid;
}
QString ModelField::typeName() const
{
    return d ? d->typeName : QString();
}
bool ModelField::isScalar() const
{
    return d && d->type != Type::Invalid && d->type != Type::Enum && d->type != Type::NonModel
        && d->type != Type::Model;
}
bool ModelField::isList() const
{
    return d && d->list;
}
bool ModelField::isRequired() const
{
    return d && d->required;
}
bool ModelField::isListItemRequired() const
{
    return d && d->listItemRequired;
}
bool ModelField::isReadOnly() const
{
    return d && d->readOnly;
}
bool ModelField::isStored() const
{
    return d && d->type != Type::Invalid && d->type != Type::Model;
}
bool ModelField::isImplicit() const
{
    return d && d->implicit;
}
ModelField::Relation ModelField::relation() const
{
    return d ? d->relation : Relation::None;
}
QString ModelField::relatedModel() const
{
    return d ? d->relatedModel : QString();
}
QStringList ModelField::targetNames() const
{
    return d ? d->targetNames : QStringList();
}
QStringList ModelField::associatedWith() const
{
    return d ? d->associatedWith : QStringList();
}
QStringList ModelField::enumValues() const
{
    return d ? d->enumValues : QStringList();
}
QString ModelField::joinModel() const
{
    return d ? d->joinModel : QString();
}
QVariantList ModelField::attributes() const
{
    return d ? d->attributes : QVariantList();
}
int ModelField::line() const
{
    return d ? d->line : 0;
}
int ModelField::column() const
{
    return d ? d->column : 0;
}

QString ModelField::toTypeString() const
{
    if (!d)
        return {};
    QString text = d->typeName;
    if (d->list) {
        if (d->listItemRequired)
            text += u'!';
        text = u'[' + text + u']';
    }
    if (d->required)
        text += u'!';
    return text;
}

ModelField::Type ModelField::scalarType(QStringView name)
{
    for (const auto &scalar : scalarNames) {
        if (scalar.name == name)
            return scalar.type;
    }
    return Type::Invalid;
}

QString ModelField::scalarName(Type type)
{
    for (const auto &scalar : scalarNames) {
        if (scalar.type == type)
            return scalar.name.toString();
    }
    return {};
}

// ModelSchema

ModelSchema::ModelSchema() = default;
ModelSchema::ModelSchema(const ModelSchema &other) = default;
ModelSchema &ModelSchema::operator=(const ModelSchema &other) = default;
ModelSchema::~ModelSchema() = default;

bool ModelSchema::isValid() const
{
    return bool(d);
}
QString ModelSchema::name() const
{
    return d ? d->name : QString();
}
QString ModelSchema::pluralName() const
{
    return d ? d->pluralName : QString();
}
bool ModelSchema::isModel() const
{
    return d && d->isModel;
}
bool ModelSchema::isSyncable() const
{
    return d && d->isModel && d->syncable;
}
QList<ModelField> ModelSchema::fields() const
{
    return d ? d->fields : QList<ModelField>();
}

ModelField ModelSchema::field(QStringView name) const
{
    if (!d)
        return {};
    const auto it = d->fieldIndex.constFind(name.toString());
    return it == d->fieldIndex.cend() ? ModelField() : d->fields.at(*it);
}

bool ModelSchema::hasField(QStringView name) const
{
    return d && d->fieldIndex.contains(name.toString());
}

QStringList ModelSchema::fieldNames() const
{
    QStringList names;
    if (d) {
        for (const ModelField &field : d->fields)
            names.append(field.name());
    }
    return names;
}

QStringList ModelSchema::primaryKey() const
{
    return d ? d->primaryKey : QStringList();
}
bool ModelSchema::hasCustomPrimaryKey() const
{
    return d && d->primaryKey != QStringList{u"id"_s};
}
QList<ModelIndex> ModelSchema::indexes() const
{
    return d ? d->indexes : QList<ModelIndex>();
}
QString ModelSchema::createdAtField() const
{
    return d ? d->createdAtField : QString();
}
QString ModelSchema::updatedAtField() const
{
    return d ? d->updatedAtField : QString();
}
QVariantList ModelSchema::attributes() const
{
    return d ? d->attributes : QVariantList();
}
int ModelSchema::line() const
{
    return d ? d->line : 0;
}
int ModelSchema::column() const
{
    return d ? d->column : 0;
}

// Schema

Schema::Schema() = default;
Schema::Schema(const Schema &other) = default;
Schema &Schema::operator=(const Schema &other) = default;
Schema::~Schema() = default;

bool Schema::isValid() const
{
    return bool(d);
}
QList<ModelSchema> Schema::models() const
{
    return d ? d->models : QList<ModelSchema>();
}

ModelSchema Schema::model(QStringView name) const
{
    if (d) {
        for (const ModelSchema &model : d->models) {
            if (model.name() == name)
                return model;
        }
    }
    return {};
}

bool Schema::hasModel(QStringView name) const
{
    return model(name).isValid();
}
QList<ModelSchema> Schema::nonModels() const
{
    return d ? d->nonModels : QList<ModelSchema>();
}

ModelSchema Schema::nonModel(QStringView name) const
{
    if (d) {
        for (const ModelSchema &type : d->nonModels) {
            if (type.name() == name)
                return type;
        }
    }
    return {};
}

QList<EnumSchema> Schema::enums() const
{
    return d ? d->enums : QList<EnumSchema>();
}

std::optional<EnumSchema> Schema::enumType(QStringView name) const
{
    if (d) {
        for (const EnumSchema &type : d->enums) {
            if (type.name == name)
                return type;
        }
    }
    return std::nullopt;
}

QString Schema::version() const
{
    return d ? d->version : QString();
}

namespace {

QJsonObject fieldToJson(const ModelField &field)
{
    QJsonObject json;
    json[u"name"_s] = field.name();
    json[u"isArray"_s] = field.isList();
    switch (field.type()) {
    case ModelField::Type::Enum:
        json[u"type"_s] = QJsonObject{{u"enum"_s, field.typeName()}};
        break;
    case ModelField::Type::NonModel:
        json[u"type"_s] = QJsonObject{{u"nonModel"_s, field.typeName()}};
        break;
    case ModelField::Type::Model:
        json[u"type"_s] = QJsonObject{{u"model"_s, field.typeName()}};
        break;
    default:
        json[u"type"_s] = field.typeName();
    }
    json[u"isRequired"_s] = field.isRequired();
    json[u"attributes"_s] = QJsonArray::fromVariantList(field.attributes());
    if (field.isList())
        json[u"isArrayNullable"_s] = !field.isListItemRequired();
    if (field.isReadOnly())
        json[u"isReadOnly"_s] = true;
    if (field.relation() != ModelField::Relation::None) {
        QJsonObject association;
        switch (field.relation()) {
        case ModelField::Relation::HasMany:
        case ModelField::Relation::ManyToMany:
            association[u"connectionType"_s] = u"HAS_MANY"_s;
            association[u"associatedWith"_s] = QJsonArray::fromStringList(field.associatedWith());
            break;
        case ModelField::Relation::HasOne:
            association[u"connectionType"_s] = u"HAS_ONE"_s;
            association[u"associatedWith"_s] = QJsonArray::fromStringList(field.associatedWith());
            association[u"targetNames"_s] = QJsonArray::fromStringList(field.targetNames());
            break;
        case ModelField::Relation::BelongsTo:
            association[u"connectionType"_s] = u"BELONGS_TO"_s;
            association[u"targetNames"_s] = QJsonArray::fromStringList(field.targetNames());
            break;
        case ModelField::Relation::None:
            break;
        }
        if (field.relation() == ModelField::Relation::ManyToMany)
            json[u"type"_s] = QJsonObject{{u"model"_s, field.joinModel()}};
        json[u"association"_s] = association;
    }
    return json;
}

QJsonObject typeToJson(const ModelSchema &model)
{
    QJsonObject fields;
    for (const ModelField &field : model.fields())
        fields[field.name()] = fieldToJson(field);
    QJsonObject json{{u"name"_s, model.name()}, {u"fields"_s, fields}};
    if (model.isModel()) {
        json[u"pluralName"_s] = model.pluralName();
        json[u"syncable"_s] = model.isSyncable();
        json[u"attributes"_s] = QJsonArray::fromVariantList(model.attributes());
        QJsonArray primaryKey = QJsonArray::fromStringList(model.primaryKey());
        json[u"primaryKey"_s] = primaryKey;
    }
    return json;
}

} // namespace

QJsonObject Schema::toJson() const
{
    QJsonObject models;
    QJsonObject nonModels;
    QJsonObject enums;
    for (const ModelSchema &model : this->models())
        models[model.name()] = typeToJson(model);
    for (const ModelSchema &type : this->nonModels())
        nonModels[type.name()] = typeToJson(type);
    for (const EnumSchema &type : this->enums()) {
        enums[type.name] = QJsonObject{{u"name"_s, type.name},
                                       {u"values"_s, QJsonArray::fromStringList(type.values)}};
    }
    return QJsonObject{{u"models"_s, models},
                       {u"enums"_s, enums},
                       {u"nonModels"_s, nonModels},
                       {u"codegenVersion"_s, u"3.4.4"_s},
                       {u"version"_s, version()}};
}

std::optional<Schema> Schema::load(const QString &fileOrUrl, Error *error)
{
    QString path = fileOrUrl;
    const QUrl url(fileOrUrl);
    if (url.scheme() == u"qrc")
        path = u':' + url.path();
    else if (url.isLocalFile())
        path = url.toLocalFile();

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) {
            *error =
                Error(Error::Kind::Schema,
                      QCoreApplication::translate("Stratus", "Cannot read the schema file %1: %2")
                          .arg(fileOrUrl, file.errorString()));
        }
        return std::nullopt;
    }
    constexpr qint64 maxSchemaSize = 16 * 1024 * 1024;
    if (file.size() > maxSchemaSize) {
        if (error) {
            *error = Error(
                Error::Kind::Schema,
                QCoreApplication::translate("Stratus", "The schema file %1 is larger than 16 MiB")
                    .arg(fileOrUrl));
        }
        return std::nullopt;
    }
    return fromGraphQL(QString::fromUtf8(file.readAll()), fileOrUrl, error);
}

QString formatSchemaError(const QString &fileName, SourcePosition position, const QString &message)
{
    QString prefix;
    if (!fileName.isEmpty())
        prefix = fileName + u':';
    if (position.line > 0)
        prefix += QString::number(position.line) + u':' + QString::number(position.column) + u':';
    return prefix.isEmpty() ? message : prefix + u' ' + message;
}

} // namespace Stratus
