#pragma once

#include <Stratus/datastore.h>

#include <QtCore/qhash.h>
#include <QtCore/qpointer.h>
#include <QtCore/qthread.h>

#include <atomic>

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
    /// Sets the state from any thread; stateChanged() follows on the DataStore's thread, in
    /// order. The storage thread sets it before it fulfils a future, so that a caller who
    /// waited for the future reads the new state.
    void setState(DataStore::State state);
    /// Atomically moves from \a from to \a to; false if the state was not \a from.
    bool moveState(DataStore::State from, DataStore::State to);
    void reportError(const Error &error); // any thread
    std::optional<QVariantMap> keyOf(const ModelSchema &model, const QVariant &key,
                                     Error *error) const;
    ModelSchema modelOf(const QString &name, Error *error) const;
    /// Validates \a record and gives it canonical values; std::nullopt and \a error if invalid.
    std::optional<Record> prepareForSave(const Record &record, Error *error) const;

    DataStore *q_ptr;
    Schema schema;
    QString databasePath;
    DataStore::Durability durability = DataStore::Durability::ProcessCrashSafe;
    std::atomic<DataStore::State> state = DataStore::State::Stopped;
    DataStore::State emittedState = DataStore::State::Stopped; // the DataStore's thread only
    Error lastError;
    QHash<QString, DataStore::Validator> validators;
    QThread thread;
    StorageEngine *engine = nullptr;
    QList<QPointer<Observation>> observations;

    void connectObservation(Observation *observation);
    /// Lets a setting change: false (and \a refusal as the error) unless the store is stopped.
    bool dropEngine(const QString &refusal);
};

} // namespace Stratus
