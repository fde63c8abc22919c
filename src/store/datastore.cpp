#include "datastore_p.h"

#include "schema/scalars_p.h"
#include "store/record_p.h"
#include "store/storageengine_p.h"

#include <Stratus/datastoremodel.h>

#include <QtCore/qcoreapplication.h>
#include <QtCore/qdir.h>
#include <QtCore/qpromise.h>
#include <QtCore/qstandardpaths.h>

using namespace Qt::StringLiterals;

namespace Stratus {

namespace {

QString defaultDatabasePath()
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    if (folder.isEmpty())
        folder = QDir::currentPath();
    return folder + u"/stratus.sqlite"_s;
}

} // namespace

template<typename T>
QFuture<Result<T>> DataStorePrivate::ready(const Result<T> &result)
{
    QPromise<Result<T>> promise;
    promise.start();
    promise.addResult(result);
    promise.finish();
    return promise.future();
}

template<typename T>
QFuture<Result<T>> DataStorePrivate::post(std::function<Result<T>(StorageEngine *engine)> work)
{
    if (state == DataStore::State::Clearing)
        return ready<T>(Error(
            Error::Kind::State,
            QCoreApplication::translate(
                "Stratus", "The store is being cleared; try again when clear() has finished")));
    if (Error error = ensureEngine(); error.isValid())
        return ready<T>(error);
    moveState(DataStore::State::Stopped, DataStore::State::Starting);
    auto promise = std::make_shared<QPromise<Result<T>>>();
    promise->start();
    QFuture<Result<T>> future = promise->future();
    StorageEngine *engine = this->engine;
    QMetaObject::invokeMethod(
        engine,
        [this, engine, promise, work = std::move(work)] {
            if (!engine->isOpen()) {
                if (auto opened = engine->open(); !opened) {
                    moveState(DataStore::State::Starting, DataStore::State::Stopped);
                    reportError(opened.error());
                    promise->addResult(Result<T>(opened.error()));
                    promise->finish();
                    return;
                }
            }
            // Opened, or reopened after stop() by a call queued behind it.
            if (!moveState(DataStore::State::Starting, DataStore::State::Running))
                moveState(DataStore::State::Stopped, DataStore::State::Running);
            promise->addResult(work(engine));
            promise->finish();
        },
        Qt::QueuedConnection);
    return future;
}

Error DataStorePrivate::ensureEngine()
{
    if (engine)
        return {};
    if (!schema.isValid())
        return Error(Error::Kind::Schema,
                     QCoreApplication::translate(
                         "Stratus", "The store has no schema; call setSchema() or loadSchema()"));
    if (databasePath.isEmpty())
        databasePath = defaultDatabasePath();
    engine = new StorageEngine(schema, databasePath, durability);
    engine->moveToThread(&thread);
    observations.removeAll(nullptr);
    for (const QPointer<Observation> &observation : std::as_const(observations))
        connectObservation(observation);
    if (!thread.isRunning()) {
        thread.setObjectName(u"Stratus storage"_s);
        thread.start();
    }
    return {};
}

bool DataStorePrivate::dropEngine(const QString &refusal)
{
    Q_Q(DataStore);
    if (state != DataStore::State::Stopped) {
        lastError = Error(Error::Kind::State, refusal);
        Q_EMIT q->errorOccurred(lastError);
        return false;
    }
    // Stopped after use: the next call makes an engine with the new settings. Deleting the old
    // one on its thread runs after every call queued to it.
    if (StorageEngine *old = engine) {
        QMetaObject::invokeMethod(
            old, [old] { delete old; }, Qt::QueuedConnection);
        engine = nullptr;
    }
    return true;
}

void DataStorePrivate::connectObservation(Observation *observation)
{
    // Queued straight from the storage thread to the observation's thread: one hop, in commit
    // order, and disconnected when either side is destroyed.
    QObject::connect(engine, &StorageEngine::committed, observation, &Observation::deliver,
                     Qt::QueuedConnection);
}

void DataStorePrivate::setState(DataStore::State newState)
{
    state.store(newState);
    Q_Q(DataStore);
    auto emitChange = [this, newState] {
        Q_Q(DataStore);
        if (emittedState == newState)
            return;
        emittedState = newState;
        Q_EMIT q->stateChanged(newState);
    };
    if (QThread::currentThread() == q->thread())
        emitChange();
    else
        QMetaObject::invokeMethod(q, emitChange, Qt::QueuedConnection);
}

bool DataStorePrivate::moveState(DataStore::State from, DataStore::State to)
{
    DataStore::State expected = from;
    if (!state.compare_exchange_strong(expected, to))
        return false;
    setState(to);
    return true;
}

void DataStorePrivate::reportError(const Error &error)
{
    Q_Q(DataStore);
    QMetaObject::invokeMethod(
        q,
        [this, error] {
            Q_Q(DataStore);
            lastError = error;
            Q_EMIT q->errorOccurred(error);
        },
        Qt::QueuedConnection);
}

ModelSchema DataStorePrivate::modelOf(const QString &name, Error *error) const
{
    const ModelSchema model = schema.model(name);
    if (!model.isValid())
        *error = Error(
            Error::Kind::Schema,
            schema.isValid()
                ? QCoreApplication::translate("Stratus", "The schema has no model %1").arg(name)
                : QCoreApplication::translate(
                    "Stratus", "The store has no schema; call setSchema() or loadSchema()"),
            name);
    return model;
}

std::optional<QVariantMap> DataStorePrivate::keyOf(const ModelSchema &model, const QVariant &key,
                                                   Error *error) const
{
    const QStringList fields = model.primaryKey();
    QVariantMap values;
    if (key.metaType().id() == QMetaType::QVariantMap) {
        values = key.toMap();
    } else if (fields.size() == 1) {
        values.insert(fields.constFirst(), key);
    } else {
        *error =
            Error(Error::Kind::Validation,
                  QCoreApplication::translate(
                      "Stratus", "%1 has the composite key (%2): give a map with every key field")
                      .arg(model.name(), fields.join(u", ")),
                  model.name());
        return std::nullopt;
    }
    QVariantMap result;
    for (const QString &name : fields) {
        const ModelField field = model.field(name);
        QString reason;
        const auto value =
            Scalars::coerce(field.type(), values.value(name), field.enumValues(), &reason);
        if (!values.contains(name) || !value || !value->isValid()) {
            *error = Error(
                Error::Kind::Validation,
                values.contains(name)
                    ? QCoreApplication::translate("Stratus", "Invalid key %1.%2: %3")
                          .arg(model.name(), name, reason)
                    : QCoreApplication::translate("Stratus", "The key of %1 needs the field %2")
                          .arg(model.name(), name),
                model.name(), name);
            return std::nullopt;
        }
        result.insert(name, *value);
    }
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (!fields.contains(it.key())) {
            *error = Error(Error::Kind::Validation,
                           QCoreApplication::translate("Stratus", "%1 is not a key field of %2")
                               .arg(it.key(), model.name()),
                           model.name(), it.key());
            return std::nullopt;
        }
    }
    return result;
}

DataStore::DataStore(QObject *parent)
    : QObject(parent), d_ptr(std::make_unique<DataStorePrivate>(this))
{
    qRegisterMetaType<Stratus::Error>();
    qRegisterMetaType<Stratus::Change>();
    qRegisterMetaType<QList<Stratus::Change>>();
}

DataStore::DataStore(const Schema &schema, const QString &databasePath, QObject *parent)
    : DataStore(parent)
{
    Q_D(DataStore);
    d->schema = schema;
    d->databasePath = databasePath;
}

DataStore::~DataStore()
{
    Q_D(DataStore);
    for (const QPointer<Observation> &observation : std::as_const(d->observations)) {
        if (observation)
            QMetaObject::invokeMethod(
                observation, [observation] { observation->finish(); }, Qt::QueuedConnection);
    }
    if (d->engine) {
        // Runs after every call already queued: nothing acknowledged is left unwritten.
        StorageEngine *engine = d->engine;
        QMetaObject::invokeMethod(
            engine,
            [engine] {
                delete engine;
                QThread::currentThread()->quit();
            },
            Qt::QueuedConnection);
        d->engine = nullptr;
    }
    d->thread.wait();
}

Schema DataStore::schema() const
{
    Q_D(const DataStore);
    return d->schema;
}

bool DataStore::setSchema(const Schema &schema)
{
    Q_D(DataStore);
    if (!d->dropEngine(QCoreApplication::translate(
            "Stratus", "The schema can only change while the store is stopped")))
        return false;
    d->schema = schema;
    return true;
}

bool DataStore::loadSchema(const QString &fileOrUrl)
{
    Q_D(DataStore);
    Error error;
    const std::optional<Schema> schema = Schema::load(fileOrUrl, &error);
    if (!schema) {
        d->lastError = error;
        Q_EMIT errorOccurred(error);
        return false;
    }
    return setSchema(*schema);
}

QString DataStore::databasePath() const
{
    Q_D(const DataStore);
    return d->databasePath.isEmpty() ? defaultDatabasePath() : d->databasePath;
}

void DataStore::setDatabasePath(const QString &path)
{
    Q_D(DataStore);
    if (d->databasePath == path)
        return;
    if (!d->dropEngine(QCoreApplication::translate(
            "Stratus", "The database path can only change while the store is stopped")))
        return;
    d->databasePath = path;
    Q_EMIT databasePathChanged(path);
}

DataStore::Durability DataStore::durability() const
{
    Q_D(const DataStore);
    return d->durability;
}

void DataStore::setDurability(Durability durability)
{
    Q_D(DataStore);
    if (d->durability == durability)
        return;
    if (!d->dropEngine(QCoreApplication::translate(
            "Stratus", "The durability can only change while the store is stopped")))
        return;
    d->durability = durability;
    Q_EMIT durabilityChanged(durability);
}

DataStore::State DataStore::state() const
{
    Q_D(const DataStore);
    return d->state;
}

Error DataStore::lastError() const
{
    Q_D(const DataStore);
    return d->lastError;
}

Record DataStore::create(const QString &model, const QVariantMap &values) const
{
    Q_D(const DataStore);
    const ModelSchema schema = d->schema.model(model);
    return schema.isValid() ? Record(schema, values) : Record();
}

QList<Error> DataStore::validate(const Record &record) const
{
    Q_D(const DataStore);
    QList<Error> errors = validateRecord(d->schema, record, nullptr);
    if (const auto it = d->validators.constFind(record.modelName());
        it != d->validators.cend() && *it) {
        if (errors.isEmpty() || errors.constFirst().kind() != Error::Kind::Schema)
            errors += (*it)(record);
    }
    return errors;
}

void DataStore::setValidator(const QString &model, const Validator &validator)
{
    Q_D(DataStore);
    d->validators.insert(model, validator);
}

std::optional<Record> DataStorePrivate::prepareForSave(const Record &record, Error *error) const
{
    QVariantMap canonical;
    QList<Error> errors = validateRecord(schema, record, &canonical);
    if (errors.isEmpty()) {
        if (const auto it = validators.constFind(record.modelName());
            it != validators.cend() && *it)
            errors = (*it)(record);
    }
    if (!errors.isEmpty()) {
        if (errors.size() == 1 && errors.constFirst().kind() != Error::Kind::Validation) {
            *error = errors.constFirst();
            return std::nullopt;
        }
        QStringList messages;
        for (const Error &problem : std::as_const(errors))
            messages.append(problem.message());
        *error = Error(Error::Kind::Validation,
                       QCoreApplication::translate("Stratus", "The %1 record is invalid: %2")
                           .arg(record.modelName(), messages.join(u"; ")),
                       record.modelName(),
                       errors.size() == 1 ? errors.constFirst().fieldName() : QString());
        error->setDetails(errors);
        return std::nullopt;
    }
    const ModelSchema model = schema.model(record.modelName());
    Record stored = record;
    // Timestamps are the store's; carry the snapshot's through for the merge.
    for (const QString &timestamp : {model.createdAtField(), model.updatedAtField()}) {
        if (!timestamp.isEmpty() && record.contains(timestamp))
            canonical.insert(timestamp, record.value(timestamp));
    }
    RecordPrivate::setValues(stored, canonical);
    return stored;
}

QFuture<Result<Record>> DataStore::save(const Record &record, const Predicate &condition)
{
    Q_D(DataStore);
    Error error;
    const std::optional<Record> stored = d->prepareForSave(record, &error);
    if (!stored)
        return d->ready<Record>(error);
    const auto resolved = Predicate::resolve(condition, stored->model(), &error);
    if (!resolved)
        return d->ready<Record>(error);
    const Predicate predicate = *resolved;
    return d->post<Record>([stored = *stored, predicate](StorageEngine *engine) {
        return engine->save(stored, predicate);
    });
}

QFuture<Result<QList<Record>>> DataStore::saveAll(const QList<Record> &records)
{
    Q_D(DataStore);
    QList<Record> prepared;
    prepared.reserve(records.size());
    for (const Record &record : records) {
        Error error;
        const std::optional<Record> stored = d->prepareForSave(record, &error);
        if (!stored)
            return d->ready<QList<Record>>(error);
        prepared.append(*stored);
    }
    return d->post<QList<Record>>(
        [prepared](StorageEngine *engine) { return engine->saveAll(prepared); });
}

QFuture<Result<QueryResult>> DataStore::query(const QString &modelName, const Predicate &predicate,
                                              const QueryOptions &options)
{
    Q_D(DataStore);
    Error error;
    const ModelSchema model = d->modelOf(modelName, &error);
    if (!model.isValid())
        return d->ready<QueryResult>(error);
    if (options.page && !options.limit)
        return d->ready<QueryResult>(Error(
            Error::Kind::Validation,
            QCoreApplication::translate("Stratus", "A page needs a limit (page %1 without a limit)")
                .arg(*options.page),
            modelName));
    if ((options.page && *options.page < 0) || (options.limit && *options.limit < 0))
        return d->ready<QueryResult>(
            Error(Error::Kind::Validation,
                  QCoreApplication::translate("Stratus", "page and limit cannot be negative"),
                  modelName));
    for (const SortField &sort : options.sort) {
        const ModelField field = model.field(sort.field);
        if (!field.isValid() || !field.isStored() || field.isList()
            || field.type() == ModelField::Type::NonModel)
            return d->ready<QueryResult>(
                Error(Error::Kind::Validation,
                      field.isValid()
                          ? QCoreApplication::translate(
                                "Stratus", "Cannot sort %1 by %2: only scalar and enum fields sort")
                                .arg(modelName, sort.field)
                          : QCoreApplication::translate(
                                "Stratus", "Cannot sort %1 by %2: the model has no such field")
                                .arg(modelName, sort.field),
                      modelName, sort.field));
    }
    const auto resolved = Predicate::resolve(predicate, model, d->schema, &error);
    if (!resolved)
        return d->ready<QueryResult>(error);
    const Predicate where = *resolved;
    return d->post<QueryResult>([model, where, options](StorageEngine *engine) {
        return engine->query(model, where, options);
    });
}

QFuture<Result<Record>> DataStore::get(const QString &modelName, const QVariant &key)
{
    Q_D(DataStore);
    Error error;
    const ModelSchema model = d->modelOf(modelName, &error);
    if (!model.isValid())
        return d->ready<Record>(error);
    const auto values = d->keyOf(model, key, &error);
    if (!values)
        return d->ready<Record>(error);
    const QVariantMap keyValues = *values;
    return d->post<Record>(
        [model, keyValues](StorageEngine *engine) { return engine->get(model, keyValues); });
}

QFuture<Result<QList<Record>>> DataStore::remove(const Record &record, const Predicate &condition)
{
    Q_D(DataStore);
    if (!record.isValid())
        return d->ready<QList<Record>>(
            Error(Error::Kind::Validation,
                  QCoreApplication::translate("Stratus", "Cannot remove an invalid record")));
    Error error;
    const ModelSchema model = d->modelOf(record.modelName(), &error);
    if (!model.isValid())
        return d->ready<QList<Record>>(error);
    const auto key = d->keyOf(model, record.key(), &error);
    if (!key)
        return d->ready<QList<Record>>(error);
    const auto resolved = Predicate::resolve(condition, model, &error);
    if (!resolved)
        return d->ready<QList<Record>>(error);
    const QVariantMap keyValues = *key;
    const Predicate predicate = *resolved;
    return d->post<QList<Record>>([model, keyValues, predicate](StorageEngine *engine) {
        return engine->remove(model, Predicate(), keyValues, predicate);
    });
}

QFuture<Result<QList<Record>>> DataStore::removeByKey(const QString &modelName, const QVariant &key)
{
    Q_D(DataStore);
    Error error;
    const ModelSchema model = d->modelOf(modelName, &error);
    if (!model.isValid())
        return d->ready<QList<Record>>(error);
    const auto values = d->keyOf(model, key, &error);
    if (!values)
        return d->ready<QList<Record>>(error);
    const QVariantMap keyValues = *values;
    return d->post<QList<Record>>([model, keyValues](StorageEngine *engine) {
        return engine->remove(model, Predicate(), keyValues, Predicate());
    });
}

QFuture<Result<QList<Record>>> DataStore::remove(const QString &modelName,
                                                 const Predicate &predicate)
{
    Q_D(DataStore);
    Error error;
    const ModelSchema model = d->modelOf(modelName, &error);
    if (!model.isValid())
        return d->ready<QList<Record>>(error);
    const auto resolved = Predicate::resolve(predicate, model, d->schema, &error);
    if (!resolved)
        return d->ready<QList<Record>>(error);
    const Predicate where = *resolved;
    return d->post<QList<Record>>([model, where](StorageEngine *engine) {
        return engine->remove(model, where, std::nullopt, Predicate());
    });
}

QFuture<Result<QList<Record>>> DataStore::related(const Record &record, const QString &field)
{
    Q_D(DataStore);
    Error error;
    const ModelSchema model = d->modelOf(record.modelName(), &error);
    if (!model.isValid())
        return d->ready<QList<Record>>(error);
    const ModelField relation = model.field(field);
    if (relation.relation() == ModelField::Relation::None)
        return d->ready<QList<Record>>(Error(
            Error::Kind::Validation, tr("%1.%2 is not a relation field").arg(model.name(), field),
            model.name(), field));
    return d->post<QList<Record>>(
        [record, field](StorageEngine *engine) { return engine->related(record, field); });
}

QFuture<Result<void>> DataStore::start()
{
    Q_D(DataStore);
    return d->post<void>([](StorageEngine *) { return Result<void>(); });
}

QFuture<Result<void>> DataStore::stop()
{
    Q_D(DataStore);
    if (d->state == State::Clearing)
        return d->ready<void>(
            Error(Error::Kind::State,
                  QCoreApplication::translate("Stratus", "The store is being cleared")));
    if (!d->engine || d->state == State::Stopped)
        return d->ready<void>(Result<void>());
    d->setState(State::Stopping);
    auto promise = std::make_shared<QPromise<Result<void>>>();
    promise->start();
    QFuture<Result<void>> future = promise->future();
    StorageEngine *engine = d->engine;
    QMetaObject::invokeMethod(
        engine,
        [d, engine, promise] {
            engine->close();
            d->moveState(State::Stopping, State::Stopped);
            promise->addResult(Result<void>());
            promise->finish();
        },
        Qt::QueuedConnection);
    return future;
}

QFuture<Result<void>> DataStore::clear()
{
    Q_D(DataStore);
    if (d->state == State::Clearing)
        return d->ready<void>(
            Error(Error::Kind::State,
                  QCoreApplication::translate("Stratus", "clear() is already running")));
    if (Error error = d->ensureEngine(); error.isValid())
        return d->ready<void>(error);
    d->setState(State::Clearing);
    auto promise = std::make_shared<QPromise<Result<void>>>();
    promise->start();
    QFuture<Result<void>> future = promise->future();
    StorageEngine *engine = d->engine;
    QMetaObject::invokeMethod(
        engine,
        [d, engine, promise] {
            const Result<void> result = engine->destroy();
            if (!result)
                d->reportError(result.error());
            d->setState(State::Stopped);
            QMetaObject::invokeMethod(d->q_ptr, &DataStore::cleared, Qt::QueuedConnection);
            promise->addResult(result);
            promise->finish();
        },
        Qt::QueuedConnection);
    return future;
}

Observation *DataStore::observe(const QString &model, const Predicate &predicate, QObject *parent)
{
    Q_D(DataStore);
    Error error;
    Predicate resolved;
    if (!model.isEmpty()) {
        const ModelSchema schema = d->modelOf(model, &error);
        if (schema.isValid()) {
            if (auto r = Predicate::resolve(predicate, schema, &error))
                resolved = *r;
        }
    } else if (!predicate.isAll()) {
        error = Error(Error::Kind::Validation, tr("Observing with a predicate needs a model"));
    }
    auto *observation = new Observation(model, resolved, parent);
    if (error.isValid()) {
        QMetaObject::invokeMethod(
            observation, [observation, error] { observation->finish(error); },
            Qt::QueuedConnection);
        return observation;
    }
    d->observations.removeAll(nullptr);
    d->observations.append(observation);
    if (d->engine)
        d->connectObservation(observation);
    return observation;
}

Observation *DataStore::observeKey(const QString &model, const QVariant &key, QObject *parent)
{
    Q_D(DataStore);
    Error error;
    const ModelSchema schema = d->modelOf(model, &error);
    std::optional<QVariantMap> values;
    if (schema.isValid())
        values = d->keyOf(schema, key, &error);
    if (!values) {
        auto *observation = new Observation(model, Predicate(), parent);
        QMetaObject::invokeMethod(
            observation, [observation, error] { observation->finish(error); },
            Qt::QueuedConnection);
        return observation;
    }
    QList<Predicate> parts;
    for (auto it = values->cbegin(); it != values->cend(); ++it)
        parts.append(field(it.key()).eq(it.value()));
    return observe(model, Predicate::allOf(parts), parent);
}

DataStoreModel *DataStore::observeQuery(const QString &model, const Predicate &predicate,
                                        const QList<SortField> &sort, QObject *parent)
{
    auto *live = new DataStoreModel(parent);
    live->setStore(this);
    live->setModelName(model);
    live->setPredicate(predicate);
    live->setSortFields(sort);
    return live;
}

QFuture<Result<int>> DataStore::pendingChangeCount()
{
    Q_D(DataStore);
    return d->post<int>([](StorageEngine *engine) { return engine->outboxCount(); });
}

} // namespace Stratus
