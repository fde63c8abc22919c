#pragma once

#include <Stratus/error.h>
#include <Stratus/observation.h>
#include <Stratus/predicate.h>
#include <Stratus/record.h>
#include <Stratus/result.h>
#include <Stratus/schema.h>
#include <Stratus/stratus_export.h>

#include <QtCore/qfuture.h>
#include <QtCore/qobject.h>

#include <functional>
#include <memory>
#include <optional>

namespace Stratus {

class DataStorePrivate;
class DataStoreModel;

/// One field to sort by.
struct SortField
{
    QString field;
    Qt::SortOrder order = Qt::AscendingOrder;
};

/// How query() sorts and pages. `page` counts from 0 and needs `limit`.
struct QueryOptions
{
    QList<SortField> sort;
    std::optional<int> page;
    std::optional<int> limit;
};

/// What query() found: the items of the requested page, and whether more follow it.
struct QueryResult
{
    QList<Record> items;
    bool hasMore = false;
};

/// The local-first data store: saves, queries and removes records of the models a schema
/// declares, in an SQLite file, without a network. Every call is asynchronous: it returns at
/// once with a QFuture, and SQLite runs on the store's own storage thread, which owns the only
/// write connection of the file. Continue with `.then(context, ...)` to get the result on the
/// context object's thread:
///
///     store->save(todo).then(this, [](const Stratus::Result<Stratus::Record> &saved) {
///         if (!saved)
///             qWarning() << saved.error();
///     });
///
/// Every local write and its outbox entry (what sync will send to the server) are committed in
/// one transaction: after a crash either both are there or neither is.
class STRATUS_EXPORT DataStore : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(
        QString databasePath READ databasePath WRITE setDatabasePath NOTIFY databasePathChanged)
    Q_PROPERTY(Durability durability READ durability WRITE setDurability NOTIFY durabilityChanged)
    Q_PROPERTY(Stratus::Error lastError READ lastError NOTIFY errorOccurred)

public:
    enum class State {
        Stopped, ///< No database open; the next call starts the store.
        Starting, ///< Opening the database.
        Running, ///< Ready.
        Stopping, ///< stop() is closing the database.
        Clearing, ///< clear() is deleting the database; calls fail with a State error.
    };
    Q_ENUM(State)

    /// How hard a commit waits for the disk (SQLite's `synchronous` in WAL mode).
    enum class Durability {
        /// `synchronous=NORMAL`: a committed save survives a crash of the app or the OS killing
        /// it; a power cut may lose the last commits, never the database. The default.
        ProcessCrashSafe,
        /// `synchronous=FULL`: a committed save also survives a power cut; slower commits.
        PowerLossSafe,
    };
    Q_ENUM(Durability)

    explicit DataStore(QObject *parent = nullptr);
    /// A store for \a schema in the SQLite file \a databasePath.
    DataStore(const Schema &schema, const QString &databasePath, QObject *parent = nullptr);
    ~DataStore() override;

    Schema schema() const;
    /// Sets the schema. Only while Stopped; returns false (see lastError()) otherwise.
    bool setSchema(const Schema &schema);
    /// Loads the schema from a file or `qrc:` URL. Returns false and sets lastError() on failure.
    bool loadSchema(const QString &fileOrUrl);

    QString databasePath() const;
    /// Sets the SQLite file. Only while Stopped. One file per signed-in user keeps their data
    /// apart. Default: `stratus.sqlite` in QStandardPaths::AppLocalDataLocation.
    void setDatabasePath(const QString &path);

    Durability durability() const;
    void setDurability(Durability durability);

    State state() const;
    Error lastError() const;

    /// A new record of \a model with \a values (and a generated `id`), or an invalid Record if
    /// the schema has no such model.
    Record create(const QString &model, const QVariantMap &values = {}) const;

    /// Inserts \a record, or updates the stored record with the same key. A record made with
    /// copyOf() from a stored one writes only its changed fields, so that fields changed
    /// meanwhile (by sync, for example) are kept. With a \a condition, fails with a Condition
    /// error unless the stored record matches it. Validates first: the future then carries a
    /// Validation error whose details() list every problem. Delivers the record as stored.
    QFuture<Result<Record>> save(const Record &record, const Predicate &condition = Predicate());

    /// Saves \a records in one transaction, all or none, each as save() would (no conditions).
    /// Much faster than separate saves for imports and bursts. Delivers the records as stored.
    QFuture<Result<QList<Record>>> saveAll(const QList<Record> &records);

    /// The records of \a model that match \a predicate, sorted and paged by \a options (sorted
    /// by primary key when no sort is given).
    QFuture<Result<QueryResult>> query(const QString &model,
                                       const Predicate &predicate = Predicate::all(),
                                       const QueryOptions &options = {});
    /// The record of \a model with the key \a key: a value for a one-field key, a QVariantMap
    /// of every key field for composite keys. Delivers an invalid Record when there is none.
    QFuture<Result<Record>> get(const QString &model, const QVariant &key);

    /// Removes \a record if it is stored (and matches \a condition). Delivers what was removed.
    QFuture<Result<QList<Record>>> remove(const Record &record,
                                          const Predicate &condition = Predicate());
    /// Removes the record of \a model with key \a key (as for get()).
    QFuture<Result<QList<Record>>> removeByKey(const QString &model, const QVariant &key);
    /// Removes every record of \a model that matches \a predicate; Predicate::all() removes all.
    /// Removing a record also removes its `@hasMany` and `@hasOne` children (and `@manyToMany`
    /// join records), in the same transaction; the outbox gets the children's deletes first.
    QFuture<Result<QList<Record>>> remove(const QString &model, const Predicate &predicate);

    /// The records related to \a record through its relation field \a field, read when asked:
    /// the parent of a `@belongsTo` and the child of a `@hasOne` (zero or one record), the
    /// children of a `@hasMany`, and the partners of a `@manyToMany` (through the join model).
    QFuture<Result<QList<Record>>> related(const Record &record, const QString &field);

    /// Opens the database. Other calls start the store themselves; start() is for apps that
    /// want to know early whether the database opens.
    QFuture<Result<void>> start();
    /// Closes the database and keeps its data. Calls made before stop() finish first.
    QFuture<Result<void>> stop();
    /// Deletes the database file, its data and its outbox. Calls made while clear() runs fail
    /// with a State error; the next call after it starts an empty store.
    QFuture<Result<void>> clear();

    /// Every problem of \a record at once (empty when it is valid): unknown fields, missing
    /// required values, wrong types, enum values, AWS scalar formats, missing `@belongsTo` key
    /// fields, and the model's custom validator.
    QList<Error> validate(const Record &record) const;

    using Validator = std::function<QList<Error>(const Record &record)>;
    /// Adds a check that runs, on the calling thread, before every save of \a model.
    void setValidator(const QString &model, const Validator &validator);

    /// The number of changes waiting in the outbox to be sent to the server.
    QFuture<Result<int>> pendingChangeCount();

    /// Observes committed changes: of every model when \a model is empty, else of \a model's
    /// records that match \a predicate. The Observation emits on its own thread, in commit
    /// order; delete it to stop. An unknown model or invalid predicate makes it emit
    /// errorOccurred() and finished() instead. Local saves and (with sync) remote changes come
    /// through the same path.
    Observation *observe(const QString &model = {}, const Predicate &predicate = {},
                         QObject *parent = nullptr);
    /// Observes the one record of \a model with key \a key (as for get()).
    Observation *observeKey(const QString &model, const QVariant &key, QObject *parent = nullptr);
    /// A live query (Amplify's observeQuery): a DataStoreModel holding the records of \a model
    /// that match \a predicate in \a sort order, kept up to date change by change.
    DataStoreModel *observeQuery(const QString &model, const Predicate &predicate = {},
                                 const QList<SortField> &sort = {}, QObject *parent = nullptr);

Q_SIGNALS:
    void stateChanged(Stratus::DataStore::State state);
    void databasePathChanged(const QString &path);
    void durabilityChanged(Stratus::DataStore::Durability durability);
    /// An error that no future carries: the database failed to open in the background, ...
    void errorOccurred(const Stratus::Error &error);
    /// clear() deleted every record (live queries empty themselves).
    void cleared();

private:
    Q_DECLARE_PRIVATE(DataStore)
    std::unique_ptr<DataStorePrivate> const d_ptr;
};

} // namespace Stratus

Q_DECLARE_METATYPE(Stratus::SortField)
Q_DECLARE_METATYPE(Stratus::QueryOptions)
Q_DECLARE_METATYPE(Stratus::QueryResult)
