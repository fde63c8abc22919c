#include "storageengine_p.h"

#include "predicate/predicate_p.h"
#include "predicate/sqlcompiler_p.h"
#include "schema/scalars_p.h"
#include "store/record_p.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qdatetime.h>
#include <QtCore/qdir.h>
#include <QtCore/qfile.h>
#include <QtCore/qfileinfo.h>
#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qset.h>
#include <QtCore/quuid.h>
#include <QtSql/qsqlerror.h>
#include <QtSql/qsqlquery.h>
#include <QtSql/qsqlrecord.h>

using namespace Qt::StringLiterals;

namespace Stratus {

namespace {

const QString outboxTable = u"_stratus_outbox"_s;
const QString metaTable = u"_stratus_meta"_s;
constexpr int storeFormatVersion = 1;

QString columnType(const ModelField &field)
{
    if (field.isList() || field.type() == ModelField::Type::NonModel)
        return u"TEXT"_s; // JSON
    switch (field.type()) {
    case ModelField::Type::Int:
    case ModelField::Type::AWSTimestamp:
    case ModelField::Type::Boolean:
        return u"INTEGER"_s;
    case ModelField::Type::Float:
        return u"REAL"_s;
    default:
        return u"TEXT"_s;
    }
}

QList<ModelField> storedFields(const ModelSchema &model)
{
    QList<ModelField> fields;
    for (const ModelField &field : model.fields()) {
        if (field.isStored())
            fields.append(field);
    }
    return fields;
}

QString quote(const QString &name)
{
    return SqlCompiler::quote(name);
}

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

bool isNull(const QVariant &value)
{
    return !value.isValid() || value.isNull();
}

bool sameValue(const QVariant &a, const QVariant &b)
{
    if (isNull(a) || isNull(b))
        return isNull(a) == isNull(b);
    return a == b;
}

QJsonValue jsonValue(const QVariant &value)
{
    return QJsonValue::fromVariant(value);
}

QString typeText(const QJsonObject &field)
{
    const QJsonValue type = field.value(u"type"_s);
    QString name =
        type.isObject() ? type.toObject().constBegin().value().toString() : type.toString();
    if (field.value(u"isArray"_s).toBool())
        name = u'[' + name + u']';
    return name;
}

} // namespace

QString migrationProblem(const QJsonObject &oldSchema, const QJsonObject &newSchema,
                         const std::function<bool(const QString &model)> &hasRows)
{
    const QJsonObject oldModels = oldSchema.value(u"models"_s).toObject();
    const QJsonObject newModels = newSchema.value(u"models"_s).toObject();
    for (auto it = newModels.constBegin(); it != newModels.constEnd(); ++it) {
        if (!oldModels.contains(it.key()))
            continue; // a new model: a new table
        const QString model = it.key();
        const QJsonObject oldModel = oldModels.value(model).toObject();
        const QJsonObject newModel = it.value().toObject();
        if (oldModel.value(u"primaryKey"_s) != newModel.value(u"primaryKey"_s))
            return QCoreApplication::translate("Stratus", "the primary key of %1 changed")
                .arg(model);
        const QJsonObject oldFields = oldModel.value(u"fields"_s).toObject();
        const QJsonObject newFields = newModel.value(u"fields"_s).toObject();
        for (auto field = newFields.constBegin(); field != newFields.constEnd(); ++field) {
            const QJsonObject newField = field.value().toObject();
            if (newField.contains(u"association"_s))
                continue; // relation fields have no column
            if (!oldFields.contains(field.key())) {
                if (newField.value(u"isRequired"_s).toBool() && hasRows(model))
                    return QCoreApplication::translate(
                               "Stratus",
                               "the new field %1.%2 is required, and the stored records have no "
                               "value for it")
                        .arg(model, field.key());
                continue;
            }
            const QJsonObject oldField = oldFields.value(field.key()).toObject();
            if (typeText(oldField) != typeText(newField))
                return QCoreApplication::translate("Stratus",
                                                   "the field %1.%2 changed type from %3 to %4")
                    .arg(model, field.key(), typeText(oldField), typeText(newField));
            if (newField.value(u"isRequired"_s).toBool()
                && !oldField.value(u"isRequired"_s).toBool() && hasRows(model))
                return QCoreApplication::translate(
                           "Stratus",
                           "the field %1.%2 became required, and stored records may lack it")
                    .arg(model, field.key());
        }
    }
    const QJsonObject oldEnums = oldSchema.value(u"enums"_s).toObject();
    const QJsonObject newEnums = newSchema.value(u"enums"_s).toObject();
    for (auto it = oldEnums.constBegin(); it != oldEnums.constEnd(); ++it) {
        if (!newEnums.contains(it.key()))
            continue;
        const QJsonArray newValues =
            newEnums.value(it.key()).toObject().value(u"values"_s).toArray();
        for (const QJsonValue &value : it.value().toObject().value(u"values"_s).toArray()) {
            if (!newValues.contains(value))
                return QCoreApplication::translate(
                           "Stratus",
                           "the value %1 was removed from the enum %2, and records may hold it")
                    .arg(value.toString(), it.key());
        }
    }
    return {};
}

QString keyToText(const ModelSchema &model, const QVariantMap &key)
{
    QJsonArray values;
    for (const QString &field : model.primaryKey())
        values.append(jsonValue(key.value(field)));
    return QString::fromUtf8(QJsonDocument(values).toJson(QJsonDocument::Compact));
}

struct StorageEngine::Row
{
    QVariantMap values;
    int version = 0;
    qint64 lastChangedAt = 0;
    bool deleted = false;
};

StorageEngine::StorageEngine(const Schema &schema, const QString &path,
                             DataStore::Durability durability)
    : m_schema(schema)
    , m_path(path)
    , m_durability(durability)
    , m_connectionName(u"stratus-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{ }

StorageEngine::~StorageEngine()
{
    close();
}

Error StorageEngine::storageError(const QString &what, const QSqlError &error) const
{
    return Error(Error::Kind::Storage,
                 QCoreApplication::translate("Stratus", "%1 failed in %2").arg(what, m_path), {},
                 {}, error.text());
}

bool StorageEngine::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName)
        && QSqlDatabase::database(m_connectionName, false).isOpen();
}

Result<void> StorageEngine::open()
{
    if (isOpen())
        return {};
    Result<void> result = openConnection();
    if (!result)
        close(); // after every handle of openConnection() is gone
    return result;
}

Result<void> StorageEngine::openConnection()
{
    const QFileInfo info(m_path);
    if (!info.absoluteDir().exists() && !QDir().mkpath(info.absolutePath()))
        return Error(
            Error::Kind::Storage,
            QCoreApplication::translate("Stratus", "Cannot create the folder %1 for the database")
                .arg(info.absolutePath()));
    // The outbox must have one drainer: a second store on the same file, in this process or
    // another, is refused. A lock left by a killed process is stale (its PID is gone).
    m_lock = std::make_unique<QLockFile>(m_path + u".lock"_s);
    m_lock->setStaleLockTime(0);
    if (!m_lock->tryLock(0)) {
        qint64 pid = 0;
        QString host;
        QString application;
        m_lock->getLockInfo(&pid, &host, &application);
        const QLockFile::LockError reason = m_lock->error();
        m_lock.reset();
        if (reason == QLockFile::LockFailedError)
            return Error(Error::Kind::State,
                         QCoreApplication::translate(
                             "Stratus",
                             "The database %1 is already open in another DataStore (process %2, "
                             "%3); a database file has one writer: use one DataStore, or one "
                             "file per store")
                             .arg(m_path)
                             .arg(pid)
                             .arg(application.isEmpty() ? host : application));
        return Error(
            Error::Kind::Storage,
            QCoreApplication::translate("Stratus", "Cannot lock the database %1").arg(m_path));
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    if (!db.isValid())
        return Error(Error::Kind::Storage,
                     QCoreApplication::translate(
                         "Stratus", "The Qt SQLite driver (QSQLITE) is not available"));
    db.setDatabaseName(m_path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db.open())
        return storageError(QCoreApplication::translate("Stratus", "Opening the database"),
                            db.lastError());
    QSqlQuery query(db);
    const QStringList pragmas = {
        u"PRAGMA journal_mode=WAL"_s,
        m_durability == DataStore::Durability::PowerLossSafe ? u"PRAGMA synchronous=FULL"_s
                                                             : u"PRAGMA synchronous=NORMAL"_s,
        u"PRAGMA foreign_keys=OFF"_s,
    };
    for (const QString &pragma : pragmas) {
        if (!query.exec(pragma))
            return storageError(QCoreApplication::translate("Stratus", "Setting up the database"),
                                query.lastError());
        query.finish();
    }
    // Is it an SQLite database at all? journal_mode answers "wal" only if it is.
    if (query.exec(u"PRAGMA journal_mode"_s) && query.next()
        && query.value(0).toString().compare(u"wal", Qt::CaseInsensitive) != 0) {
        return Error(
            Error::Kind::Storage,
            QCoreApplication::translate("Stratus", "The database %1 cannot use write-ahead logging")
                .arg(m_path));
    }
    query.finish();
    return createTables();
}

Result<void> StorageEngine::createTables()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    Error error;
    if (!begin(&error))
        return error;
    QSqlQuery query(db);
    auto exec = [&](const QString &sql) {
        if (!query.exec(sql)) {
            error = storageError(QCoreApplication::translate("Stratus", "Creating the tables"),
                                 query.lastError());
            return false;
        }
        return true;
    };
    const bool ok = exec(u"CREATE TABLE IF NOT EXISTS "_s + metaTable
                         + u" (key TEXT PRIMARY KEY NOT NULL, value TEXT)"_s)
        && exec(u"CREATE TABLE IF NOT EXISTS "_s + outboxTable
                + u" (id INTEGER PRIMARY KEY AUTOINCREMENT, model TEXT NOT NULL, "
                  u"operation TEXT NOT NULL, model_key TEXT NOT NULL, data TEXT NOT NULL, "
                  u"condition TEXT NOT NULL DEFAULT '{}', in_flight INTEGER NOT NULL DEFAULT 0, "
                  u"created_at INTEGER NOT NULL)"_s)
        && exec(u"CREATE INDEX IF NOT EXISTS _stratus_outbox_by_key ON "_s + outboxTable
                + u" (model, model_key)"_s);
    if (!ok) {
        rollback();
        return error;
    }
    // Refuse a database written by a newer Stratus.
    if (query.exec(u"SELECT value FROM "_s + metaTable + u" WHERE key = 'format'"_s) && query.next()
        && query.value(0).toInt() > storeFormatVersion) {
        rollback();
        return Error(Error::Kind::Storage,
                     QCoreApplication::translate(
                         "Stratus", "The database %1 was written by a newer version of Stratus")
                         .arg(m_path));
    }
    query.finish();

    // A schema change that cannot keep the data refuses to open, leaving the file as it was.
    if (query.exec(u"SELECT value FROM "_s + metaTable + u" WHERE key = 'schema'"_s)
        && query.next()) {
        const QJsonObject stored =
            QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object();
        query.finish();
        const QString problem =
            migrationProblem(stored, m_schema.toJson(), [&](const QString &model) {
                QSqlQuery count(db);
                return count.exec(u"SELECT 1 FROM "_s + quote(model) + u" LIMIT 1"_s)
                    && count.next();
            });
        if (!problem.isEmpty()) {
            rollback();
            return Error(Error::Kind::Schema,
                         QCoreApplication::translate(
                             "Stratus",
                             "The schema changed in a way that cannot keep the data in %1: %2. "
                             "The database was left as it was; clear() it to start afresh.")
                             .arg(m_path, problem));
        }
    }
    query.finish();

    for (const ModelSchema &model : m_schema.models()) {
        const QList<ModelField> fields = storedFields(model);
        QStringList columns;
        for (const ModelField &field : fields) {
            QString column = quote(field.name()) + u' ' + columnType(field);
            if (model.primaryKey().contains(field.name()))
                column += u" NOT NULL"_s;
            columns.append(column);
        }
        columns.append(u"\"_version\" INTEGER"_s);
        columns.append(u"\"_lastChangedAt\" INTEGER"_s);
        columns.append(u"\"_deleted\" INTEGER NOT NULL DEFAULT 0"_s);
        QStringList key;
        for (const QString &name : model.primaryKey())
            key.append(quote(name));
        columns.append(u"PRIMARY KEY ("_s + key.join(u", ") + u')');
        if (!exec(u"CREATE TABLE IF NOT EXISTS "_s + quote(model.name()) + u" ("_s
                  + columns.join(u", ") + u')')) {
            rollback();
            return error;
        }
        // Fields added to the schema since the table was made: optional columns, rows kept.
        QSet<QString> existing;
        if (!query.exec(u"PRAGMA table_info("_s + quote(model.name()) + u')')) {
            error = storageError(QCoreApplication::translate("Stratus", "Reading the tables"),
                                 query.lastError());
            rollback();
            return error;
        }
        while (query.next())
            existing.insert(query.value(1).toString());
        query.finish();
        for (const ModelField &field : fields) {
            if (!existing.contains(field.name())
                && !exec(u"ALTER TABLE "_s + quote(model.name()) + u" ADD COLUMN "_s
                         + quote(field.name()) + u' ' + columnType(field))) {
                rollback();
                return error;
            }
        }
        QList<ModelIndex> indexes = model.indexes();
        for (const ModelField &field : model.fields()) {
            if (field.relation() == ModelField::Relation::BelongsTo
                && !field.targetNames().isEmpty())
                indexes.append(ModelIndex{u"fk_"_s + field.name(), field.targetNames(), {}});
        }
        for (const ModelIndex &index : std::as_const(indexes)) {
            QStringList indexColumns;
            for (const QString &name : index.fields)
                indexColumns.append(quote(name));
            if (!exec(u"CREATE INDEX IF NOT EXISTS "_s + quote(model.name() + u'_' + index.name)
                      + u" ON "_s + quote(model.name()) + u" ("_s + indexColumns.join(u", ")
                      + u')')) {
                rollback();
                return error;
            }
        }
    }
    QSqlQuery meta(db);
    meta.prepare(u"INSERT OR REPLACE INTO "_s + metaTable + u" (key, value) VALUES (?, ?)"_s);
    const std::pair<QString, QString> settings[] = {
        {u"format"_s, QString::number(storeFormatVersion)},
        {u"schemaVersion"_s, m_schema.version()},
        {u"schema"_s,
         QString::fromUtf8(QJsonDocument(m_schema.toJson()).toJson(QJsonDocument::Compact))},
    };
    for (const auto &[key, value] : settings) {
        meta.addBindValue(key);
        meta.addBindValue(value);
        if (!meta.exec()) {
            error = storageError(QCoreApplication::translate("Stratus", "Writing the schema"),
                                 meta.lastError());
            rollback();
            return error;
        }
    }
    if (Error committed = commit(); committed.isValid())
        return committed;
    return {};
}

void StorageEngine::close()
{
    if (!QSqlDatabase::contains(m_connectionName)) {
        m_lock.reset();
        return;
    }
    m_statements.clear(); // prepared statements die before their connection
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen()) {
            QSqlQuery checkpoint(db);
            checkpoint.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_lock.reset(); // unlocks
}

Result<void> StorageEngine::destroy()
{
    close();
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s, u"-journal"_s}) {
        QFile file(m_path + suffix);
        if (file.exists() && !file.remove())
            return Error(Error::Kind::Storage,
                         QCoreApplication::translate("Stratus", "Cannot delete %1: %2")
                             .arg(file.fileName(), file.errorString()));
    }
    return {};
}

QSqlQuery &StorageEngine::statement(const QString &sql)
{
    // Statements whose text never changes for a model are prepared once per connection.
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto query = std::make_unique<QSqlQuery>(QSqlDatabase::database(m_connectionName, false));
        query->prepare(sql); // a failure shows at exec()
        it = m_statements.emplace(sql, std::move(query)).first;
    }
    return *it->second;
}

bool StorageEngine::begin(Error *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isOpen()) {
        *error = Error(Error::Kind::State,
                       QCoreApplication::translate("Stratus", "The database is not open"));
        return false;
    }
    // IMMEDIATE takes the write lock now, so a second process fails here, not at COMMIT.
    QSqlQuery query(db);
    if (!query.exec(u"BEGIN IMMEDIATE"_s)) {
        *error = storageError(QCoreApplication::translate("Stratus", "Starting a transaction"),
                              query.lastError());
        return false;
    }
    return true;
}

Error StorageEngine::commit()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(u"COMMIT"_s)) {
        const Error error =
            storageError(QCoreApplication::translate("Stratus", "Committing"), query.lastError());
        rollback();
        return error;
    }
    return {};
}

void StorageEngine::rollback()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.exec(u"ROLLBACK"_s);
}

QVariant StorageEngine::toSql(const ModelField &field, const QVariant &value) const
{
    if (isNull(value))
        return QVariant(QMetaType(columnType(field) == u"TEXT"       ? QMetaType::QString
                                      : columnType(field) == u"REAL" ? QMetaType::Double
                                                                     : QMetaType::LongLong));
    if (field.isList() || field.type() == ModelField::Type::NonModel) {
        const QJsonValue json = QJsonValue::fromVariant(value);
        if (json.isArray())
            return QString::fromUtf8(QJsonDocument(json.toArray()).toJson(QJsonDocument::Compact));
        return QString::fromUtf8(QJsonDocument(json.toObject()).toJson(QJsonDocument::Compact));
    }
    if (field.type() == ModelField::Type::Boolean)
        return QVariant(qlonglong(value.toBool() ? 1 : 0));
    // QSQLITE binds a null QString as SQL NULL; an empty string is a value, not a null.
    if (value.metaType().id() == QMetaType::QString && value.toString().isNull())
        return QVariant(u""_s);
    return value;
}

QVariant StorageEngine::canonical(const ModelField &field, const QVariant &value) const
{
    if (isNull(value))
        return QVariant();
    if (field.type() == ModelField::Type::NonModel) {
        const ModelSchema type = m_schema.nonModel(field.typeName());
        const QVariantMap map = value.toMap();
        QVariantMap result;
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            const ModelField inner = type.field(it.key());
            if (!inner.isValid())
                continue;
            if (inner.isList()) {
                QVariantList items;
                for (const QVariant &item : it.value().toList())
                    items.append(canonical(inner, item));
                result.insert(it.key(), items);
            } else {
                result.insert(it.key(), canonical(inner, it.value()));
            }
        }
        return result;
    }
    switch (field.type()) {
    case ModelField::Type::Int:
    case ModelField::Type::AWSTimestamp:
        return QVariant(value.toLongLong());
    case ModelField::Type::Float:
        return QVariant(value.toDouble());
    case ModelField::Type::Boolean:
        return QVariant(value.toBool());
    default:
        return QVariant(value.toString());
    }
}

QVariant StorageEngine::fromSql(const ModelField &field, const QVariant &value) const
{
    if (isNull(value))
        return QVariant();
    if (field.isList()) {
        const QJsonDocument document = QJsonDocument::fromJson(value.toString().toUtf8());
        QVariantList items;
        for (const QJsonValue &item : document.array())
            items.append(canonical(field, item.toVariant()));
        return items;
    }
    if (field.type() == ModelField::Type::NonModel)
        return canonical(
            field, QJsonDocument::fromJson(value.toString().toUtf8()).object().toVariantMap());
    return canonical(field, value);
}

std::optional<StorageEngine::Row> StorageEngine::readRow(const ModelSchema &model,
                                                         const QVariantMap &key, Error *error)
{
    const QList<ModelField> fields = storedFields(model);
    QStringList columns;
    for (const ModelField &field : fields)
        columns.append(quote(field.name()));
    QStringList where;
    for (const QString &name : model.primaryKey())
        where.append(quote(name) + u" = ?"_s);
    QSqlQuery &query = statement(u"SELECT "_s + columns.join(u", ")
                                 + u", _version, _lastChangedAt, _deleted FROM "_s
                                 + quote(model.name()) + u" WHERE "_s + where.join(u" AND "));
    for (const QString &name : model.primaryKey())
        query.addBindValue(toSql(model.field(name), key.value(name)));
    if (!query.exec()) {
        *error =
            storageError(QCoreApplication::translate("Stratus", "Reading %1").arg(model.name()),
                         query.lastError());
        return std::nullopt;
    }
    if (!query.next()) {
        query.finish();
        return std::nullopt;
    }
    Row row;
    for (qsizetype i = 0; i < fields.size(); ++i)
        row.values.insert(fields.at(i).name(), fromSql(fields.at(i), query.value(int(i))));
    row.version = query.value(int(fields.size())).toInt();
    row.lastChangedAt = query.value(int(fields.size()) + 1).toLongLong();
    row.deleted = query.value(int(fields.size()) + 2).toBool();
    query.finish();
    return row;
}

Error StorageEngine::writeOutbox(const QString &sql, const QVariantList &values)
{
    QSqlQuery &query = statement(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return storageError(QCoreApplication::translate("Stratus", "Writing the outbox"),
                            query.lastError());
    return {};
}

Error StorageEngine::enqueue(const ModelSchema &model, const QString &operation,
                             const QVariantMap &key, const QJsonObject &data,
                             const QJsonObject &condition)
{
    auto json = [](const QJsonObject &object) {
        return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
    };
    const QString modelKey = keyToText(model, key);
    QJsonObject entry = data;
    // Merge with the pending (not in-flight) entry of the same record, as Amplify's outbox
    // does, so that the server gets one mutation per record and burst. A create merges into
    // nothing (no rule folds a create into an earlier entry), nor does a conditional change.
    if (operation != u"Create" && condition.isEmpty()) {
        QSqlQuery &query = statement(
            u"SELECT id, operation, data, condition FROM "_s + outboxTable
            + u" WHERE model = ? AND model_key = ? AND in_flight = 0 ORDER BY id DESC LIMIT 1"_s);
        query.addBindValue(model.name());
        query.addBindValue(modelKey);
        if (!query.exec())
            return storageError(QCoreApplication::translate("Stratus", "Reading the outbox"),
                                query.lastError());
        const bool hasPending = query.next();
        const qint64 pendingId = hasPending ? query.value(0).toLongLong() : 0;
        const QString pendingOperation = hasPending ? query.value(1).toString() : QString();
        QJsonObject pendingData = hasPending
            ? QJsonDocument::fromJson(query.value(2).toString().toUtf8()).object()
            : QJsonObject();
        const bool pendingHasCondition = hasPending && query.value(3).toString() != u"{}";
        query.finish();
        auto withoutVersion = [&](QJsonObject target) {
            for (auto it = data.begin(); it != data.end(); ++it) {
                if (it.key() != u"_version")
                    target.insert(it.key(), it.value());
            }
            return target;
        };
        const QString deletePending = u"DELETE FROM "_s + outboxTable + u" WHERE id = ?"_s;
        if (pendingOperation == u"Create" && operation == u"Delete") {
            // Never sent: nothing to tell the server.
            return writeOutbox(deletePending, {pendingId});
        }
        if (pendingOperation == u"Create" && operation == u"Update") {
            return writeOutbox(u"UPDATE "_s + outboxTable + u" SET data = ? WHERE id = ?"_s,
                               {json(withoutVersion(pendingData)), pendingId});
        }
        if (pendingOperation == u"Update" && !pendingHasCondition) {
            // One entry at the tail, carrying the version the server last gave us.
            entry = withoutVersion(operation == u"Update" ? pendingData : QJsonObject());
            entry.insert(u"_version"_s, pendingData.value(u"_version"_s));
            if (Error error = writeOutbox(deletePending, {pendingId}); error.isValid())
                return error;
        }
    }
    return writeOutbox(u"INSERT INTO "_s + outboxTable
                           + u" (model, operation, model_key, data, condition, created_at) "
                             u"VALUES (?, ?, ?, ?, ?, ?)"_s,
                       {model.name(), operation, modelKey, json(entry), json(condition),
                        QDateTime::currentMSecsSinceEpoch()});
}

Error StorageEngine::finish(const QList<Change> &changes)
{
    if (changes.isEmpty()) {
        rollback(); // nothing changed: nothing to write, sync or report
        return {};
    }
    if (Error error = commit(); error.isValid())
        return error;
    Q_EMIT committed(changes);
    return {};
}

Result<Record> StorageEngine::save(const Record &record, const Predicate &condition)
{
    Error error;
    if (!begin(&error))
        return error;
    QList<Change> changes;
    Result<Record> saved = saveInTransaction(record, condition, &changes);
    if (!saved) {
        rollback();
        return saved;
    }
    if (error = finish(changes); error.isValid())
        return error;
    return saved;
}

Result<QList<Record>> StorageEngine::saveAll(const QList<Record> &records)
{
    Error error;
    if (!begin(&error))
        return error;
    QList<Change> changes;
    QList<Record> saved;
    saved.reserve(records.size());
    for (const Record &record : records) {
        Result<Record> one = saveInTransaction(record, Predicate(), &changes);
        if (!one) {
            rollback();
            return one.error();
        }
        saved.append(one.value());
    }
    if (error = finish(changes); error.isValid())
        return error;
    return saved;
}

Result<Record> StorageEngine::saveInTransaction(const Record &record, const Predicate &condition,
                                                QList<Change> *changes)
{
    const ModelSchema model = m_schema.model(record.modelName());
    const QVariantMap key = record.key();
    Error error;
    const std::optional<Row> existing = readRow(model, key, &error);
    if (error.isValid()) {
        return error;
    }
    const bool exists = existing && !existing->deleted;
    if (!condition.isAll() && (!exists || !condition.matches(existing->values))) {
        return Error(
            Error::Kind::Condition,
            exists ? QCoreApplication::translate(
                         "Stratus", "The stored %1 does not match the save condition %2")
                         .arg(model.name(), condition.toString())
                   : QCoreApplication::translate(
                         "Stratus", "The save condition %1 needs a stored %2, and there is none")
                         .arg(condition.toString(), model.name()),
            model.name());
    }

    const QList<ModelField> fields = storedFields(model);
    QVariantMap values;
    if (exists && record.isSnapshotCopy()) {
        // Apply only what the app changed, on top of what is stored now.
        values = existing->values;
        const QVariantMap recordValues = record.values();
        for (const QString &name : record.changedFields())
            values.insert(name, recordValues.value(name));
    } else {
        values = record.values();
    }
    const QString now = nowIso();
    if (!model.createdAtField().isEmpty())
        values.insert(model.createdAtField(),
                      exists ? existing->values.value(model.createdAtField()) : QVariant(now));

    QStringList changed;
    for (const ModelField &field : fields) {
        if (field.isReadOnly())
            continue;
        if (!exists || !sameValue(existing->values.value(field.name()), values.value(field.name())))
            changed.append(field.name());
    }
    if (exists && changed.isEmpty()) {
        // Nothing to write and nothing to sync.
        return RecordPrivate::snapshot(model, existing->values, existing->version,
                                       existing->lastChangedAt, false);
    }
    if (!model.updatedAtField().isEmpty())
        values.insert(model.updatedAtField(), now);

    QSqlQuery update(QSqlDatabase::database(m_connectionName, false));
    QSqlQuery *statementToRun = &update;
    QStringList columns;
    QStringList marks;
    for (const ModelField &field : fields) {
        columns.append(quote(field.name()));
        marks.append(u"?"_s);
    }
    if (exists) {
        QStringList assignments;
        for (const ModelField &field : fields) {
            if (changed.contains(field.name()) || field.isReadOnly())
                assignments.append(quote(field.name()) + u" = ?"_s);
        }
        QStringList where;
        for (const QString &name : model.primaryKey())
            where.append(quote(name) + u" = ?"_s);
        update.prepare(u"UPDATE "_s + quote(model.name()) + u" SET "_s + assignments.join(u", ")
                       + u" WHERE "_s + where.join(u" AND "));
        for (const ModelField &field : fields) {
            if (changed.contains(field.name()) || field.isReadOnly())
                update.addBindValue(toSql(field, values.value(field.name())));
        }
        for (const QString &name : model.primaryKey())
            update.addBindValue(toSql(model.field(name), key.value(name)));
    } else {
        // A tombstone of the same key is replaced by the new record.
        statementToRun = &statement(u"INSERT OR REPLACE INTO "_s + quote(model.name()) + u" ("_s
                                    + columns.join(u", ") + u", _deleted) VALUES ("_s
                                    + marks.join(u", ") + u", 0)"_s);
        for (const ModelField &field : fields)
            statementToRun->addBindValue(toSql(field, values.value(field.name())));
    }
    QSqlQuery &query = *statementToRun;
    if (!query.exec()) {
        error = storageError(QCoreApplication::translate("Stratus", "Saving %1").arg(model.name()),
                             query.lastError());
        return error;
    }

    if (model.isSyncable()) {
        QJsonObject data;
        for (const ModelField &field : fields) {
            if (field.isReadOnly())
                continue;
            if (!exists || changed.contains(field.name())
                || model.primaryKey().contains(field.name()))
                data.insert(field.name(), jsonValue(values.value(field.name())));
        }
        if (exists)
            data.insert(u"_version"_s,
                        existing->version ? QJsonValue(existing->version) : QJsonValue());
        error = enqueue(model, exists ? u"Update"_s : u"Create"_s, key, data, condition.toJson());
        if (error.isValid()) {
            return error;
        }
    }
    QVariantMap full;
    for (const ModelField &field : fields)
        full.insert(field.name(), values.value(field.name()));
    const Record saved = RecordPrivate::snapshot(model, full, exists ? existing->version : 0,
                                                 exists ? existing->lastChangedAt : 0, false);
    Change change;
    change.operation = exists ? Change::Operation::Update : Change::Operation::Insert;
    change.record = saved;
    change.condition = condition;
    changes->append(change);
    return saved;
}

Result<QueryResult> StorageEngine::query(const ModelSchema &model, const Predicate &predicate,
                                         const QueryOptions &options)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isOpen())
        return Error(Error::Kind::State,
                     QCoreApplication::translate("Stratus", "The database is not open"));
    const QList<ModelField> fields = storedFields(model);
    QStringList columns;
    for (const ModelField &field : fields)
        columns.append(quote(field.name()));
    const SqlFragment where = SqlCompiler::compile(predicate, model, {}, &m_schema);
    QStringList order;
    for (const SortField &sort : options.sort)
        order.append(quote(sort.field)
                     + (sort.order == Qt::AscendingOrder ? u" ASC"_s : u" DESC"_s));
    for (const QString &name : model.primaryKey())
        order.append(quote(name) + u" ASC"_s);
    QString sql = u"SELECT "_s + columns.join(u", ") + u", _version, _lastChangedAt FROM "_s
        + quote(model.name()) + u" WHERE _deleted = 0 AND "_s + where.sql + u" ORDER BY "_s
        + order.join(u", ");
    QVariantList bindings = where.bindings;
    if (options.limit) {
        sql += u" LIMIT ? OFFSET ?"_s;
        bindings.append(qlonglong(*options.limit) + 1);
        bindings.append(qlonglong(options.page.value_or(0)) * qlonglong(*options.limit));
    }
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &value : std::as_const(bindings))
        query.addBindValue(value);
    if (!query.exec())
        return storageError(QCoreApplication::translate("Stratus", "Querying %1").arg(model.name()),
                            query.lastError());
    QueryResult result;
    while (query.next()) {
        if (options.limit && result.items.size() == *options.limit) {
            result.hasMore = true;
            break;
        }
        QVariantMap values;
        for (qsizetype i = 0; i < fields.size(); ++i)
            values.insert(fields.at(i).name(), fromSql(fields.at(i), query.value(int(i))));
        result.items.append(
            RecordPrivate::snapshot(model, values, query.value(int(fields.size())).toInt(),
                                    query.value(int(fields.size()) + 1).toLongLong(), false));
    }
    return result;
}

Result<Record> StorageEngine::get(const ModelSchema &model, const QVariantMap &key)
{
    if (!isOpen())
        return Error(Error::Kind::State,
                     QCoreApplication::translate("Stratus", "The database is not open"));
    Error error;
    const std::optional<Row> row = readRow(model, key, &error);
    if (error.isValid())
        return error;
    if (!row || row->deleted)
        return Record();
    return RecordPrivate::snapshot(model, row->values, row->version, row->lastChangedAt, false);
}

Result<QList<Record>> StorageEngine::remove(const ModelSchema &model, const Predicate &predicate,
                                            const std::optional<QVariantMap> &key,
                                            const Predicate &condition)
{
    Error error;
    if (!begin(&error))
        return error;
    QList<Record> victims;
    if (key) {
        const std::optional<Row> row = readRow(model, *key, &error);
        if (error.isValid()) {
            rollback();
            return error;
        }
        if (row && !row->deleted) {
            if (!condition.isAll() && !condition.matches(row->values)) {
                rollback();
                return Error(Error::Kind::Condition,
                             QCoreApplication::translate(
                                 "Stratus", "The stored %1 does not match the remove condition %2")
                                 .arg(model.name(), condition.toString()),
                             model.name());
            }
            victims.append(RecordPrivate::snapshot(model, row->values, row->version,
                                                   row->lastChangedAt, false));
        }
    } else {
        auto found = query(model, predicate, {});
        if (!found) {
            rollback();
            return found.error();
        }
        victims = found.value().items;
    }
    QList<Change> changes;
    QSet<QString> visited;
    for (const Record &victim : std::as_const(victims)) {
        error = removeRecord(model, victim, condition, 0, changes, visited);
        if (error.isValid()) {
            rollback();
            return error;
        }
    }
    if (victims.isEmpty()) {
        rollback();
        return victims;
    }
    if (error = commit(); error.isValid())
        return error;
    Q_EMIT committed(changes);
    return victims;
}

Result<QList<Record>> StorageEngine::children(const ModelSchema &model, const Record &record,
                                              const ModelField &field)
{
    // The records that hold this record's key in their fields associatedWith.
    const ModelSchema child =
        m_schema.model(field.relation() == ModelField::Relation::ManyToMany ? field.joinModel()
                                                                            : field.relatedModel());
    const QStringList foreignKey = field.associatedWith();
    const QStringList key = model.primaryKey();
    if (!child.isValid() || foreignKey.size() != key.size())
        return QList<Record>();
    QList<Predicate> parts;
    for (qsizetype i = 0; i < key.size(); ++i) {
        const QVariant value = record.value(key.at(i));
        if (PredicateValues::isNull(value))
            return QList<Record>();
        parts.append(Predicate::comparison(foreignKey.at(i), Predicate::Operator::Eq, value));
    }
    auto found = query(child, Predicate::allOf(parts), {});
    if (!found)
        return found.error();
    return found->items;
}

Result<QList<Record>> StorageEngine::related(const Record &record, const QString &fieldName)
{
    if (!isOpen())
        return Error(Error::Kind::State,
                     QCoreApplication::translate("Stratus", "The database is not open"));
    const ModelSchema model = m_schema.model(record.modelName());
    const ModelField field = model.field(fieldName);
    switch (field.relation()) {
    case ModelField::Relation::BelongsTo:
    case ModelField::Relation::HasOne: {
        const ModelSchema target = m_schema.model(field.relatedModel());
        const QStringList foreignKey = field.targetNames();
        const QStringList key = target.primaryKey();
        if (foreignKey.size() != key.size())
            return QList<Record>();
        QVariantMap values;
        for (qsizetype i = 0; i < key.size(); ++i) {
            const QVariant value = record.value(foreignKey.at(i));
            if (PredicateValues::isNull(value))
                return QList<Record>();
            values.insert(key.at(i), value);
        }
        auto found = get(target, values);
        if (!found)
            return found.error();
        return found->isValid() ? QList<Record>{*found} : QList<Record>();
    }
    case ModelField::Relation::HasMany:
        return children(model, record, field);
    case ModelField::Relation::ManyToMany: {
        // Through the join model: each join record belongs to one partner.
        auto joins = children(model, record, field);
        if (!joins)
            return joins;
        const ModelSchema join = m_schema.model(field.joinModel());
        ModelField toPartner;
        for (const ModelField &candidate : join.fields()) {
            if (candidate.relation() == ModelField::Relation::BelongsTo
                && candidate.relatedModel() == field.relatedModel()
                && candidate.targetNames() != field.associatedWith())
                toPartner = candidate;
        }
        QList<Record> partners;
        for (const Record &link : joins.value()) {
            auto partner = related(link, toPartner.name());
            if (!partner)
                return partner;
            partners += partner.value();
        }
        return partners;
    }
    case ModelField::Relation::None:
        break;
    }
    return Error(Error::Kind::Validation,
                 QCoreApplication::translate("Stratus", "%1.%2 is not a relation")
                     .arg(model.name(), fieldName),
                 model.name(), fieldName);
}

Error StorageEngine::removeRecord(const ModelSchema &model, const Record &victim,
                                  const Predicate &condition, int depth, QList<Change> &changes,
                                  QSet<QString> &visited)
{
    const QVariantMap victimKey = victim.key();
    if (visited.contains(model.name() + keyToText(model, victimKey)))
        return {};
    visited.insert(model.name() + keyToText(model, victimKey));
    if (depth > 64)
        return Error(Error::Kind::Storage,
                     QCoreApplication::translate("Stratus", "Cascading deletes nest too deeply"));
    // Children first, so that the server never holds a child whose parent is gone.
    for (const ModelField &field : model.fields()) {
        QList<Record> dependents;
        ModelSchema dependentModel;
        if (field.relation() == ModelField::Relation::HasMany
            || field.relation() == ModelField::Relation::ManyToMany) {
            auto found = children(model, victim, field);
            if (!found)
                return found.error();
            dependents = found.value();
            dependentModel = m_schema.model(field.relation() == ModelField::Relation::ManyToMany
                                                ? field.joinModel()
                                                : field.relatedModel());
        } else if (field.relation() == ModelField::Relation::HasOne) {
            auto found = related(victim, field.name());
            if (!found)
                return found.error();
            dependents = found.value();
            dependentModel = m_schema.model(field.relatedModel());
        }
        for (const Record &dependent : std::as_const(dependents)) {
            if (Error error = removeRecord(dependentModel, dependent, Predicate(), depth + 1,
                                           changes, visited);
                error.isValid())
                return error;
        }
    }
    QStringList where;
    for (const QString &name : model.primaryKey())
        where.append(quote(name) + u" = ?"_s);
    QSqlQuery del(QSqlDatabase::database(m_connectionName, false));
    del.prepare(u"DELETE FROM "_s + quote(model.name()) + u" WHERE "_s + where.join(u" AND "));
    for (const QString &name : model.primaryKey())
        del.addBindValue(toSql(model.field(name), victimKey.value(name)));
    if (!del.exec())
        return storageError(
            QCoreApplication::translate("Stratus", "Removing from %1").arg(model.name()),
            del.lastError());
    if (model.isSyncable()) {
        QJsonObject data;
        for (auto it = victimKey.cbegin(); it != victimKey.cend(); ++it)
            data.insert(it.key(), jsonValue(it.value()));
        data.insert(u"_version"_s, victim.version() ? QJsonValue(victim.version()) : QJsonValue());
        if (Error error = enqueue(model, u"Delete"_s, victimKey, data,
                                  depth == 0 ? condition.toJson() : QJsonObject());
            error.isValid())
            return error;
    }
    Change change;
    change.operation = Change::Operation::Delete;
    change.record = victim;
    change.condition = depth == 0 ? condition : Predicate();
    changes.append(change);
    return {};
}

Result<QList<OutboxEntry>> StorageEngine::outbox()
{
    if (!isOpen())
        return Error(Error::Kind::State,
                     QCoreApplication::translate("Stratus", "The database is not open"));
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(u"SELECT id, model, operation, model_key, data, condition FROM "_s + outboxTable
                    + u" ORDER BY id"_s))
        return storageError(QCoreApplication::translate("Stratus", "Reading the outbox"),
                            query.lastError());
    QList<OutboxEntry> entries;
    while (query.next()) {
        OutboxEntry entry;
        entry.id = query.value(0).toLongLong();
        entry.model = query.value(1).toString();
        entry.operation = query.value(2).toString();
        entry.modelKey = query.value(3).toString();
        entry.data = QJsonDocument::fromJson(query.value(4).toString().toUtf8()).object();
        entry.condition = QJsonDocument::fromJson(query.value(5).toString().toUtf8()).object();
        entries.append(entry);
    }
    return entries;
}

Result<int> StorageEngine::outboxCount()
{
    if (!isOpen())
        return Error(Error::Kind::State,
                     QCoreApplication::translate("Stratus", "The database is not open"));
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(u"SELECT COUNT(*) FROM "_s + outboxTable) || !query.next())
        return storageError(QCoreApplication::translate("Stratus", "Reading the outbox"),
                            query.lastError());
    return query.value(0).toInt();
}

} // namespace Stratus
