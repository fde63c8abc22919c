#include "datastore_p.h"

#include "schema/scalars_p.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qjsondocument.h>

using namespace Qt::StringLiterals;

namespace Stratus {

namespace {

// DynamoDB's item limit: a bigger record could never sync.
constexpr qsizetype maxRecordBytes = 400 * 1024;

bool isNull(const QVariant &value)
{
    return !value.isValid() || value.isNull();
}

class Validator
{
public:
    Validator(const Schema &schema, const QString &model) : m_schema(schema), m_model(model) { }

    QList<Error> errors;

    std::optional<QVariant> value(const ModelField &field, const QVariant &value,
                                  const QString &path, int depth);
    std::optional<QVariantMap> object(const ModelSchema &type, const QVariantMap &values,
                                      const QString &prefix, int depth, bool skipReadOnly);

private:
    void add(const QString &path, const QString &message)
    {
        errors.append(Error(Error::Kind::Validation, message, m_model, path));
    }
    std::optional<QVariant> single(const ModelField &field, const QVariant &value,
                                   const QString &path, int depth);

    Schema m_schema;
    QString m_model;
};

std::optional<QVariant> Validator::single(const ModelField &field, const QVariant &value,
                                          const QString &path, int depth)
{
    if (field.type() == ModelField::Type::NonModel) {
        if (value.metaType().id() != QMetaType::QVariantMap) {
            add(path,
                QCoreApplication::translate("Stratus", "%1.%2 must be an object of type %3, not %4")
                    .arg(m_model, path, field.typeName(), Scalars::describe(value)));
            return std::nullopt;
        }
        auto map = object(m_schema.nonModel(field.typeName()), value.toMap(), path + u'.',
                          depth + 1, false);
        if (!map)
            return std::nullopt;
        return QVariant(*map);
    }
    QString reason;
    auto coerced = Scalars::coerce(field.type(), value, field.enumValues(), &reason);
    if (!coerced) {
        add(path, QCoreApplication::translate("Stratus", "%1.%2: %3").arg(m_model, path, reason));
        return std::nullopt;
    }
    return coerced;
}

std::optional<QVariant> Validator::value(const ModelField &field, const QVariant &value,
                                         const QString &path, int depth)
{
    if (depth > 32) {
        add(path,
            QCoreApplication::translate("Stratus", "%1.%2 is nested too deeply")
                .arg(m_model, path));
        return std::nullopt;
    }
    if (isNull(value)) {
        if (field.isRequired()) {
            add(path,
                QCoreApplication::translate("Stratus", "%1.%2 is required").arg(m_model, path));
            return std::nullopt;
        }
        return QVariant();
    }
    if (!field.isList())
        return single(field, value, path, depth);
    if (value.metaType().id() != QMetaType::QVariantList
        && value.metaType().id() != QMetaType::QStringList) {
        add(path,
            QCoreApplication::translate("Stratus", "%1.%2 must be a list of %3, not %4")
                .arg(m_model, path, field.typeName(), Scalars::describe(value)));
        return std::nullopt;
    }
    QVariantList items;
    bool ok = true;
    const QVariantList list = value.toList();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString itemPath = path + u'[' + QString::number(i) + u']';
        if (isNull(list.at(i))) {
            if (field.isListItemRequired()) {
                add(itemPath,
                    QCoreApplication::translate("Stratus", "%1.%2 cannot hold null items")
                        .arg(m_model, path));
                ok = false;
            } else {
                items.append(QVariant());
            }
            continue;
        }
        auto item = single(field, list.at(i), itemPath, depth);
        if (!item)
            ok = false;
        else
            items.append(*item);
    }
    if (!ok)
        return std::nullopt;
    return QVariant(items);
}

std::optional<QVariantMap> Validator::object(const ModelSchema &type, const QVariantMap &values,
                                             const QString &prefix, int depth, bool skipReadOnly)
{
    bool ok = true;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const ModelField field = type.field(it.key());
        if (!field.isValid()) {
            add(prefix + it.key(),
                QCoreApplication::translate("Stratus", "%1 has no field %2")
                    .arg(type.name(), it.key()));
            ok = false;
        } else if (!field.isStored()) {
            add(prefix + it.key(),
                QCoreApplication::translate("Stratus",
                                            "%1.%2 is a relation; set its key fields (%3) instead")
                    .arg(type.name(), it.key(),
                         (field.targetNames().isEmpty() ? field.associatedWith()
                                                        : field.targetNames())
                             .join(u", ")));
            ok = false;
        }
    }
    QVariantMap result;
    for (const ModelField &field : type.fields()) {
        if (!field.isStored() || (skipReadOnly && field.isReadOnly()))
            continue;
        auto converted = value(field, values.value(field.name()), prefix + field.name(), depth);
        if (!converted)
            ok = false;
        else if (values.contains(field.name()))
            result.insert(field.name(), *converted);
    }
    if (!ok)
        return std::nullopt;
    return result;
}

} // namespace

QList<Error> validateRecord(const Schema &schema, const Record &record, QVariantMap *canonical)
{
    if (!record.isValid())
        return {Error(
            Error::Kind::Validation,
            QCoreApplication::translate("Stratus", "The record is invalid (it has no model)"))};
    const ModelSchema model = schema.model(record.modelName());
    if (!model.isValid())
        return {Error(Error::Kind::Schema,
                      QCoreApplication::translate("Stratus", "The schema has no model %1")
                          .arg(record.modelName()),
                      record.modelName())};
    Validator validator(schema, model.name());
    QVariantMap values = record.values();
    // The store sets the timestamps; what a snapshot carries is ignored.
    values.remove(model.createdAtField());
    values.remove(model.updatedAtField());
    auto result = validator.object(model, values, {}, 0, true);

    for (const QString &keyField : model.primaryKey()) {
        const QVariant key = values.value(keyField);
        if (key.metaType().id() == QMetaType::QString && key.toString().isEmpty() && !isNull(key)) {
            validator.errors.append(
                Error(Error::Kind::Validation,
                      QCoreApplication::translate("Stratus", "The key field %1.%2 cannot be empty")
                          .arg(model.name(), keyField),
                      model.name(), keyField));
        }
    }
    for (const ModelField &field : model.fields()) {
        if (field.relation() != ModelField::Relation::BelongsTo || !field.isRequired())
            continue;
        for (const QString &target : field.targetNames()) {
            if (isNull(values.value(target)) && !model.field(target).isRequired()) {
                validator.errors.append(
                    Error(Error::Kind::Validation,
                          QCoreApplication::translate("Stratus", "%1.%2 belongs to a %3: set %4")
                              .arg(model.name(), field.name(), field.relatedModel(), target),
                          model.name(), target));
            }
        }
    }
    if (result && validator.errors.isEmpty()) {
        const qsizetype size =
            QJsonDocument::fromVariant(*result).toJson(QJsonDocument::Compact).size();
        if (size > maxRecordBytes)
            validator.errors.append(
                Error(Error::Kind::Validation,
                      QCoreApplication::translate(
                          "Stratus", "The %1 record takes %2 bytes; at most %3 can sync")
                          .arg(model.name())
                          .arg(size)
                          .arg(maxRecordBytes),
                      model.name()));
    }
    if (validator.errors.isEmpty() && canonical)
        *canonical = *result;
    return validator.errors;
}

} // namespace Stratus
