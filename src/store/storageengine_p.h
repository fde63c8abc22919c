#pragma once

#include <Stratus/datastore.h>
#include <Stratus/observation.h>

#include <QtCore/qlockfile.h>
#include <QtCore/qobject.h>
#include <QtCore/qset.h>

#include <QtSql/qsqldatabase.h>
#include <QtSql/qsqlquery.h>
#include <functional>
#include <memory>
#include <unordered_map>

namespace Stratus {

/// One row of the outbox: a change waiting to be sent to the server.
struct OutboxEntry
{
    qint64 id = 0;
    QString model;
    QString operation; ///< Create, Update or Delete, as the mutation names.
    QString modelKey; ///< JSON array of the key values: unambiguous for composite keys.
    QJsonObject data; ///< The mutation's input: fields, key and `_version`.
    QJsonObject condition;
};

/// Owns the only write connection of one database file and runs every statement on it. Lives
/// on the storage thread; every method runs there. Data methods expect resolved predicates and
/// validated, canonical records.
class STRATUS_EXPORT StorageEngine : public QObject
{
    Q_OBJECT

public:
    StorageEngine(const Schema &schema, const QString &path, DataStore::Durability durability);
    ~StorageEngine() override;

    Result<void> open();
    void close();
    bool isOpen() const;
    /// Closes and deletes the file and its WAL.
    Result<void> destroy();

    Result<Record> save(const Record &record, const Predicate &condition);
    /// Saves every record in one transaction: all or none.
    Result<QList<Record>> saveAll(const QList<Record> &records);
    Result<QueryResult> query(const ModelSchema &model, const Predicate &predicate,
                              const QueryOptions &options);
    Result<Record> get(const ModelSchema &model, const QVariantMap &key);
    Result<QList<Record>> remove(const ModelSchema &model, const Predicate &predicate,
                                 const std::optional<QVariantMap> &key, const Predicate &condition);
    /// The records \a field of \a record points at (0 or 1 for belongsTo and hasOne).
    Result<QList<Record>> related(const Record &record, const QString &field);
    Result<QList<OutboxEntry>> outbox();
    Result<int> outboxCount();

Q_SIGNALS:
    /// After every COMMIT, on the storage thread, in commit order.
    void committed(const QList<Stratus::Change> &changes);

private:
    struct Row;
    Error storageError(const QString &what, const QSqlError &error) const;
    Result<Record> saveInTransaction(const Record &record, const Predicate &condition,
                                     QList<Change> *changes);
    Result<QList<Record>> children(const ModelSchema &model, const Record &record,
                                   const ModelField &field);
    Error removeRecord(const ModelSchema &model, const Record &victim, const Predicate &condition,
                       int depth, QList<Change> &changes, QSet<QString> &visited);
    Result<void> openConnection();
    QSqlQuery &statement(const QString &sql);
    Result<void> createTables();
    std::optional<Row> readRow(const ModelSchema &model, const QVariantMap &key, Error *error);
    QVariant toSql(const ModelField &field, const QVariant &value) const;
    QVariant fromSql(const ModelField &field, const QVariant &value) const;
    QVariant canonical(const ModelField &field, const QVariant &value) const;
    Error enqueue(const ModelSchema &model, const QString &operation, const QVariantMap &key,
                  const QJsonObject &data, const QJsonObject &condition);
    bool begin(Error *error);
    Error commit();
    /// Ends a data transaction: rolls back when nothing changed, else commits and emits
    /// committed(changes).
    Error finish(const QList<Change> &changes);
    Error writeOutbox(const QString &sql, const QVariantList &values);
    void rollback();

    Schema m_schema;
    QString m_path;
    DataStore::Durability m_durability;
    QString m_connectionName;
    std::unique_ptr<QLockFile> m_lock; // one writer per file, across stores and processes
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
};

QString keyToText(const ModelSchema &model, const QVariantMap &key);

/// What makes \a newSchema unable to keep the data stored under \a oldSchema (both in
/// Schema::toJson() form), or an empty string when it migrates in place: new models, optional
/// fields, enum values, indexes and relations do; type changes, key changes, removed enum values
/// and new required fields over existing rows do not.
QString migrationProblem(const QJsonObject &oldSchema, const QJsonObject &newSchema,
                         const std::function<bool(const QString &model)> &hasRows);

} // namespace Stratus
