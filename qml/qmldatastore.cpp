#include "qmldatastore.h"

#include <QtCore/qjsondocument.h>
#include <QtQml/qjsengine.h>
#include <QtQml/qqmlcontext.h>
#include <QtQml/qqmlengine.h>
#include <QtQml/qqmlinfo.h>

using namespace Qt::StringLiterals;

namespace Stratus {

QmlDataStore::QmlDataStore(QObject *parent) : DataStore(parent)
{
    connect(this, &DataStore::errorOccurred, this, &QmlDataStore::errorStringChanged);
    m_observation = observe({}, {}, this);
    connect(m_observation, &Observation::changed, this, [this](const Change &change) {
        static const QString names[] = {u"INSERT"_s, u"UPDATE"_s, u"DELETE"_s};
        Q_EMIT changed(names[int(change.operation)], change.modelName(), change.record.values());
    });
}

QUrl QmlDataStore::schemaSource() const
{
    return m_schemaSource;
}

void QmlDataStore::setSchemaSource(const QUrl &source)
{
    if (m_schemaSource == source)
        return;
    m_schemaSource = source;
    Q_EMIT schemaChanged();
    QString path = source.toString();
    if (source.isRelative() && qmlContext(this))
        path = qmlContext(this)->resolvedUrl(source).toString();
    if (!source.isEmpty())
        loadSchema(path);
}

QString QmlDataStore::errorString() const
{
    return lastError().message();
}

void QmlDataStore::componentComplete() { }

QJSValue QmlDataStore::toScript(const QVariant &value)
{
    QJSEngine *engine = qjsEngine(this);
    return engine ? engine->toScriptValue(value) : QJSValue();
}

QJSValue QmlDataStore::errorObject(const Error &error)
{
    if (!error.isValid())
        return QJSValue(QJSValue::NullValue);
    QVariantList details;
    for (const Error &detail : error.details())
        details.append(
            QVariantMap{{u"fieldName"_s, detail.fieldName()}, {u"message"_s, detail.message()}});
    return toScript(QVariantMap{
        {u"kind"_s,
         QString::fromLatin1(QMetaEnum::fromType<Error::Kind>().valueToKey(int(error.kind())))},
        {u"message"_s, error.message()},
        {u"modelName"_s, error.modelName()},
        {u"fieldName"_s, error.fieldName()},
        {u"cause"_s, error.cause()},
        {u"details"_s, details},
    });
}

void QmlDataStore::call(const QJSValue &callback, const QJSValue &result, const Error &error)
{
    if (!callback.isCallable())
        return;
    const QJSValue returned = callback.call({result, errorObject(error)});
    if (returned.isError())
        qmlWarning(this) << returned.toString();
}

std::optional<Predicate> QmlDataStore::filterFrom(const QJSValue &filter, Error *error)
{
    if (filter.isUndefined() || filter.isNull())
        return Predicate::all();
    if (filter.isString())
        return Predicate::fromJson(filter.toString().toUtf8(), error);
    const QJsonValue json = QJsonValue::fromVariant(filter.toVariant());
    if (!json.isObject()) {
        *error = Error(Error::Kind::Validation, tr("A filter must be an object or JSON text"));
        return std::nullopt;
    }
    return Predicate::fromJson(json.toObject(), error);
}

void QmlDataStore::save(const QString &modelName, const QJSValue &values,
                        const QJSValue &conditionOrCallback, const QJSValue &callback)
{
    const QJSValue done = conditionOrCallback.isCallable() ? conditionOrCallback : callback;
    Error error;
    const auto condition =
        filterFrom(conditionOrCallback.isCallable() ? QJSValue() : conditionOrCallback, &error);
    if (!condition) {
        call(done, QJSValue(QJSValue::NullValue), error);
        return;
    }
    const QVariantMap fields = values.toVariant().toMap();
    const Record fresh = create(modelName, fields);
    if (!fresh.isValid()) {
        call(
            done, QJSValue(QJSValue::NullValue),
            Error(Error::Kind::Schema, tr("The schema has no model %1").arg(modelName), modelName));
        return;
    }
    const Predicate predicate = *condition;
    // A stored record with the same key gets only the given fields changed.
    DataStore::get(modelName, fresh.key()).then(this, [=, this](const Result<Record> &stored) {
        Record record = fresh;
        if (stored && stored->isValid()) {
            QVariantMap changes = fields;
            for (const QString &key : stored->model().primaryKey())
                changes.remove(key);
            Error copyError;
            record = stored->copyOf(changes, &copyError);
            if (!record.isValid()) {
                call(done, QJSValue(QJSValue::NullValue), copyError);
                return;
            }
        }
        DataStore::save(record, predicate).then(this, [=, this](const Result<Record> &saved) {
            call(done, saved ? toScript(saved->values()) : QJSValue(QJSValue::NullValue),
                 saved.error());
        });
    });
}

void QmlDataStore::query(const QString &modelName, const QJSValue &filter,
                         const QJSValue &optionsOrCallback, const QJSValue &callback)
{
    const QJSValue done = optionsOrCallback.isCallable() ? optionsOrCallback : callback;
    Error error;
    const auto predicate = filterFrom(filter, &error);
    if (!predicate) {
        call(done, QJSValue(QJSValue::NullValue), error);
        return;
    }
    QueryOptions options;
    if (!optionsOrCallback.isCallable() && optionsOrCallback.isObject()) {
        const QVariantMap map = optionsOrCallback.toVariant().toMap();
        DataStoreModel parser;
        parser.setSort(map.value(u"sort"_s).toString());
        options.sort = parser.sortFields();
        if (map.contains(u"page"_s))
            options.page = map.value(u"page"_s).toInt();
        if (map.contains(u"limit"_s))
            options.limit = map.value(u"limit"_s).toInt();
    }
    DataStore::query(modelName, *predicate, options)
        .then(this, [=, this](const Result<QueryResult> &found) {
            if (!found) {
                call(done, QJSValue(QJSValue::NullValue), found.error());
                return;
            }
            QVariantList items;
            for (const Record &record : found->items)
                items.append(record.values());
            QJSValue result = toScript(items);
            result.setProperty(u"hasMore"_s, found->hasMore);
            call(done, result, {});
        });
}

void QmlDataStore::get(const QString &modelName, const QJSValue &key, const QJSValue &callback)
{
    DataStore::get(modelName, key.toVariant()).then(this, [=, this](const Result<Record> &found) {
        call(callback,
             found && found->isValid() ? toScript(found->values()) : QJSValue(QJSValue::NullValue),
             found.error());
    });
}

void QmlDataStore::remove(const QString &modelName, const QJSValue &target,
                          const QJSValue &callback)
{
    auto deliver = [=, this](const Result<QList<Record>> &removed) {
        QVariantList items;
        for (const Record &record : removed.value())
            items.append(record.values());
        call(callback, removed ? toScript(items) : QJSValue(QJSValue::NullValue), removed.error());
    };
    const QVariant value = target.toVariant();
    const ModelSchema model = schema().model(modelName);
    bool isKey = !target.isObject();
    if (target.isObject() && model.isValid()) {
        // An object of key fields (every key field, nothing else) is a key; otherwise a filter.
        const QVariantMap map = value.toMap();
        isKey = !map.isEmpty();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            isKey = isKey && model.primaryKey().contains(it.key())
                && !it.value().canConvert<QVariantMap>();
        isKey = isKey && map.size() == model.primaryKey().size();
    }
    if (isKey) {
        removeByKey(modelName, value).then(this, deliver);
        return;
    }
    Error error;
    const auto predicate = filterFrom(target, &error);
    if (!predicate) {
        call(callback, QJSValue(QJSValue::NullValue), error);
        return;
    }
    DataStore::remove(modelName, *predicate).then(this, deliver);
}

void QmlDataStore::clear(const QJSValue &callback)
{
    DataStore::clear().then(
        this, [=, this](const Result<void> &done) { call(callback, QJSValue(), done.error()); });
}

void QmlDataStore::start(const QJSValue &callback)
{
    DataStore::start().then(
        this, [=, this](const Result<void> &done) { call(callback, QJSValue(), done.error()); });
}

void QmlDataStore::stop(const QJSValue &callback)
{
    DataStore::stop().then(
        this, [=, this](const Result<void> &done) { call(callback, QJSValue(), done.error()); });
}

QJSValue QmlDataStore::validate(const QString &modelName, const QJSValue &values)
{
    const Record record = create(modelName, values.toVariant().toMap());
    QVariantList problems;
    if (!record.isValid()) {
        problems.append(
            QVariantMap{{u"fieldName"_s, QString()},
                        {u"message"_s, tr("The schema has no model %1").arg(modelName)}});
    } else {
        for (const Error &error : DataStore::validate(record))
            problems.append(
                QVariantMap{{u"fieldName"_s, error.fieldName()}, {u"message"_s, error.message()}});
    }
    return toScript(problems);
}

} // namespace Stratus
