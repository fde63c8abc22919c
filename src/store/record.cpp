#include "record_p.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qdebug.h>
#include <QtCore/quuid.h>

using namespace Qt::StringLiterals;

namespace Stratus {

namespace {

bool sameValue(const QVariant &a, const QVariant &b)
{
    const bool aNull = !a.isValid() || a.isNull();
    const bool bNull = !b.isValid() || b.isNull();
    if (aNull || bNull)
        return aNull == bNull;
    return a == b;
}

// Values given for a @belongsTo or @hasOne field as a Record fill that relation's key fields,
// as Amplify's `new Comment({ post })` does.
QVariantMap applyRelatedRecords(const ModelSchema &model, const QVariantMap &values)
{
    QVariantMap result = values;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const ModelField field = model.field(it.key());
        if ((field.relation() != ModelField::Relation::BelongsTo
             && field.relation() != ModelField::Relation::HasOne)
            || field.targetNames().isEmpty())
            continue;
        const bool isRecord = it.value().metaType() == QMetaType::fromType<Record>();
        const bool isNull = !it.value().isValid() || it.value().isNull();
        if (!isRecord && !isNull)
            continue; // validation names the problem
        const Record related = isRecord ? it.value().value<Record>() : Record();
        if (isRecord && related.modelName() != field.relatedModel())
            continue;
        const QStringList key = related.isValid() ? related.model().primaryKey() : QStringList();
        const QStringList targets = field.targetNames();
        for (qsizetype i = 0; i < targets.size(); ++i)
            result.insert(targets.at(i), isRecord ? related.value(key.value(i)) : QVariant());
        result.remove(it.key());
    }
    return result;
}

} // namespace

Record::Record() = default;

Record::Record(const ModelSchema &model, const QVariantMap &values) : d(new RecordData)
{
    d->model = model;
    d->values = applyRelatedRecords(model, values);
    if (model.primaryKey() == QStringList{u"id"_s}) {
        const QVariant id = values.value(u"id"_s);
        if (!id.isValid() || id.isNull()
            || (id.metaType().id() == QMetaType::QString && id.toString().isEmpty()))
            d->values.insert(u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces));
    }
}

Record::Record(const Record &other) = default;
Record::Record(Record &&other) noexcept = default;
Record &Record::operator=(const Record &other) = default;
Record &Record::operator=(Record &&other) noexcept = default;
Record::~Record() = default;

bool Record::isValid() const
{
    return d && d->model.isValid();
}
QString Record::modelName() const
{
    return d ? d->model.name() : QString();
}
ModelSchema Record::model() const
{
    return d ? d->model : ModelSchema();
}
QVariant Record::value(const QString &field) const
{
    return d ? d->values.value(field) : QVariant();
}
bool Record::contains(const QString &field) const
{
    return d && d->values.contains(field);
}
QVariantMap Record::values() const
{
    return d ? d->values : QVariantMap();
}
QString Record::id() const
{
    return value(u"id"_s).toString();
}

QVariantMap Record::key() const
{
    QVariantMap key;
    if (d) {
        for (const QString &field : d->model.primaryKey())
            key.insert(field, d->values.value(field));
    }
    return key;
}

Record Record::copyOf(const QVariantMap &givenChanges, Error *error) const
{
    if (!isValid()) {
        if (error)
            *error = Error(Error::Kind::Validation,
                           QCoreApplication::translate("Stratus", "Cannot copy an invalid record"));
        return {};
    }
    const QVariantMap changes = applyRelatedRecords(d->model, givenChanges);
    const QStringList primaryKey = d->model.primaryKey();
    for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
        const ModelField field = d->model.field(it.key());
        if (!field.isValid() || !field.isStored()) {
            if (error)
                *error =
                    Error(Error::Kind::Validation,
                          QCoreApplication::translate("Stratus", "The model %1 has no field %2")
                              .arg(modelName(), it.key()),
                          modelName(), it.key());
            return {};
        }
        const bool changed = !sameValue(d->values.value(it.key()), it.value());
        if (field.isReadOnly() && changed) {
            if (error)
                *error = Error(Error::Kind::Validation,
                               QCoreApplication::translate(
                                   "Stratus", "The field %1.%2 is read-only: the store sets it")
                                   .arg(modelName(), it.key()),
                               modelName(), it.key());
            return {};
        }
        if (d->snapshot && changed && primaryKey.contains(it.key())) {
            if (error)
                *error = Error(Error::Kind::Validation,
                               QCoreApplication::translate(
                                   "Stratus",
                                   "The primary key field %1.%2 of a stored record cannot change; "
                                   "save a new record and remove this one instead")
                                   .arg(modelName(), it.key()),
                               modelName(), it.key());
            return {};
        }
    }
    Record copy = *this;
    for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
        if (sameValue(d->values.value(it.key()), it.value()))
            continue;
        copy.d->values.insert(it.key(), it.value());
        if (!copy.d->changedFields.contains(it.key()))
            copy.d->changedFields.append(it.key());
    }
    return copy;
}

Record Record::copyOf(const std::function<void(QVariantMap &draft)> &mutator, Error *error) const
{
    if (!isValid())
        return copyOf(QVariantMap(), error);
    QVariantMap draft = d->values;
    if (mutator)
        mutator(draft);
    QVariantMap changes;
    for (auto it = draft.cbegin(); it != draft.cend(); ++it) {
        if (!sameValue(d->values.value(it.key()), it.value()))
            changes.insert(it.key(), it.value());
    }
    for (auto it = d->values.cbegin(); it != d->values.cend(); ++it) {
        if (!draft.contains(it.key()))
            changes.insert(it.key(), QVariant()); // removing a key from the draft clears it
    }
    return copyOf(changes, error);
}

QStringList Record::changedFields() const
{
    return d ? d->changedFields : QStringList();
}
bool Record::isSnapshotCopy() const
{
    return d && d->snapshot;
}
int Record::version() const
{
    return d ? d->version : 0;
}
qint64 Record::lastChangedAt() const
{
    return d ? d->lastChangedAt : 0;
}
bool Record::isDeleted() const
{
    return d && d->deleted;
}

bool operator==(const Record &a, const Record &b)
{
    if (a.d == b.d)
        return true;
    if (!a.d || !b.d)
        return false;
    return a.modelName() == b.modelName() && a.d->values == b.d->values
        && a.d->version == b.d->version && a.d->deleted == b.d->deleted;
}

QDebug operator<<(QDebug debug, const Record &record)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "Stratus::Record(" << record.modelName() << ", " << record.values();
    if (record.version())
        debug << ", _version " << record.version();
    debug << ')';
    return debug;
}

Record RecordPrivate::snapshot(const ModelSchema &model, const QVariantMap &values, int version,
                               qint64 lastChangedAt, bool deleted)
{
    Record record;
    record.d = new RecordData;
    record.d->model = model;
    record.d->values = values;
    record.d->snapshot = true;
    record.d->version = version;
    record.d->lastChangedAt = lastChangedAt;
    record.d->deleted = deleted;
    return record;
}

void RecordPrivate::setValues(Record &record, const QVariantMap &values)
{
    record.d->values = values;
}

const QVariantMap &RecordPrivate::values(const Record &record)
{
    return record.d->values;
}

} // namespace Stratus
