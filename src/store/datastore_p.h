#pragma once

#include <Stratus/datastore.h>

#include <QtCore/qhash.h>
#include <QtCore/qthread.h>

namespace Stratus {

class StorageEngine;

/// Checks \a record against \a schema. Returns every problem; when there is none, \a canonical
/// receives the values converted to the store's canonical types.
QList<Error> validateRecord(const Schema &schema, const Record &record, QVariantMap *canonical);

class DataStorePrivate
{
    Q_DECLARE_PUBLIC(DataStore)

public:
    explicit DataStorePrivate(DataStore *q) : q_ptr(q) { }

    template<typename T>
    QFuture<Result<T>> post(std::function<Result<T>(StorageEngine *engine)> work);
    template<typename T>
    static QFuture<Result<T>> ready(const Result<T> &result);

    Error ensureEngine();
    void setState(DataStore::State state);
    std::optional<QVariantMap> keyOf(const ModelSchema &model, const QVariant &key,
                                     Error *error) const;
    ModelSchema modelOf(const QString &name, Error *error) const;

    DataStore *q_ptr;
    Schema schema;
    QString databasePath;
    DataStore::Durability durability = DataStore::Durability::ProcessCrashSafe;
    DataStore::State state = DataStore::State::Stopped;
    Error lastError;
    QHash<QString, DataStore::Validator> validators;
    QThread thread;
    StorageEngine *engine = nullptr;
};

} // namespace Stratus
