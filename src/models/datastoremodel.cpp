#include <Stratus/datastoremodel.h>

#include "predicate/predicate_p.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qpointer.h>
#include <QtCore/qset.h>
#include <QtCore/qtimer.h>

using namespace Qt::StringLiterals;

namespace Stratus {

class DataStoreModelPrivate
{
    Q_DECLARE_PUBLIC(DataStoreModel)

public:
    explicit DataStoreModelPrivate(DataStoreModel *q) : q_ptr(q) { }

    void scheduleReload();
    void reload();
    void load(int rows, bool reset);
    void apply(const Change &change);
    void fail(const Error &error);
    void notifyItems();
    int compare(const Record &a, const Record &b) const;
    int insertPosition(const Record &record, int skip = -1) const;
    int find(const Record &record) const;
    QString keyOf(const Record &record) const;
    void setRows(const QList<Record> &records);
    QList<int> changedRoles(const Record &before, const Record &after) const;

    DataStoreModel *q_ptr;
    QPointer<DataStore> store;
    QString modelName;
    QString filter;
    Predicate predicate;
    bool predicateFromCpp = false;
    QList<SortField> sort;
    QString sortText;
    int limit = 0;

    ModelSchema schema;
    Predicate resolved;
    QList<QString> fields; // role i + 1 is fields[i]
    QList<Record> rows;
    QSet<QString> keys; // of the rows, for a quick "not here" on inserts
    bool hasMore = false;
    bool loading = false;
    bool reloadScheduled = false;
    bool itemsScheduled = false;
    quint64 generation = 0;
    Error lastError;
    QPointer<Observation> observation;
    QMetaObject::Connection clearedConnection;
};

int DataStoreModelPrivate::compare(const Record &a, const Record &b) const
{
    // The order of the store's SQL: sort fields (nulls first ascending), then the key ascending.
    auto order = [](const QVariant &x, const QVariant &y) {
        const bool xNull = PredicateValues::isNull(x);
        const bool yNull = PredicateValues::isNull(y);
        if (xNull || yNull)
            return xNull == yNull ? 0 : (xNull ? -1 : 1);
        return PredicateValues::compare(x, y).value_or(0);
    };
    for (const SortField &field : sort) {
        const int result = order(a.value(field.field), b.value(field.field));
        if (result != 0)
            return field.order == Qt::AscendingOrder ? result : -result;
    }
    for (const QString &key : schema.primaryKey()) {
        const int result = order(a.value(key), b.value(key));
        if (result != 0)
            return result;
    }
    return 0;
}

int DataStoreModelPrivate::insertPosition(const Record &record, int skip) const
{
    // First position whose row sorts after the record (binary search over the sorted rows).
    int low = 0;
    int high = int(rows.size()) - (skip >= 0 ? 1 : 0);
    while (low < high) {
        const int middle = (low + high) / 2;
        const int index = skip >= 0 && middle >= skip ? middle + 1 : middle;
        if (compare(rows.at(index), record) < 0)
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}

QString DataStoreModelPrivate::keyOf(const Record &record) const
{
    QString key;
    for (const QString &field : schema.primaryKey())
        key += record.value(field).toString() + u'\x1f';
    return key;
}

int DataStoreModelPrivate::find(const Record &record) const
{
    if (!keys.contains(keyOf(record)))
        return -1;
    const QStringList primaryKey = schema.primaryKey();
    for (int i = 0; i < rows.size(); ++i) {
        bool same = true;
        for (const QString &field : primaryKey)
            same = same && rows.at(i).value(field) == record.value(field);
        if (same)
            return i;
    }
    return -1;
}

void DataStoreModelPrivate::setRows(const QList<Record> &records)
{
    rows = records;
    keys.clear();
    for (const Record &record : records)
        keys.insert(keyOf(record));
}

QList<int> DataStoreModelPrivate::changedRoles(const Record &before, const Record &after) const
{
    QList<int> roles;
    for (int i = 0; i < fields.size(); ++i) {
        if (before.value(fields.at(i)) != after.value(fields.at(i)))
            roles.append(Qt::UserRole + 1 + i);
    }
    if (!roles.isEmpty())
        roles.append(DataStoreModel::RecordRole);
    return roles;
}

void DataStoreModelPrivate::scheduleReload()
{
    Q_Q(DataStoreModel);
    if (reloadScheduled)
        return;
    reloadScheduled = true;
    // Properties set one after another (store, modelName, filter in QML) give one reload.
    QMetaObject::invokeMethod(
        q, [this] { reload(); }, Qt::QueuedConnection);
}

void DataStoreModelPrivate::fail(const Error &error)
{
    Q_Q(DataStoreModel);
    lastError = error;
    Q_EMIT q->errorOccurred(error);
}

void DataStoreModelPrivate::notifyItems()
{
    Q_Q(DataStoreModel);
    if (itemsScheduled)
        return;
    itemsScheduled = true;
    QMetaObject::invokeMethod(
        q,
        [this] {
            Q_Q(DataStoreModel);
            itemsScheduled = false;
            Q_EMIT q->itemsChanged();
        },
        Qt::QueuedConnection);
}

void DataStoreModelPrivate::reload()
{
    Q_Q(DataStoreModel);
    reloadScheduled = false;
    ++generation;
    const int oldCount = int(rows.size());
    q->beginResetModel();
    setRows({});
    hasMore = false;
    fields.clear();
    schema = ModelSchema();
    delete observation;
    q->endResetModel();
    if (oldCount != 0)
        Q_EMIT q->countChanged();
    QObject::disconnect(clearedConnection);

    if (!store || modelName.isEmpty())
        return;
    Error error;
    schema = store->schema().model(modelName);
    if (!schema.isValid()) {
        fail(Error(
            Error::Kind::Schema,
            QCoreApplication::translate("Stratus", "The schema has no model %1").arg(modelName),
            modelName));
        return;
    }
    Predicate wanted = predicate;
    if (!predicateFromCpp && !filter.trimmed().isEmpty()) {
        const auto parsed = Predicate::fromJson(filter.toUtf8(), &error);
        if (!parsed) {
            fail(error);
            return;
        }
        wanted = *parsed;
    }
    const auto resolvedPredicate = Predicate::resolve(wanted, schema, &error);
    if (!resolvedPredicate) {
        fail(error);
        return;
    }
    for (const SortField &field : sort) {
        const ModelField f = schema.field(field.field);
        if (!f.isValid() || !f.isStored() || f.isList()) {
            fail(Error(Error::Kind::Validation,
                       QCoreApplication::translate("Stratus", "Cannot sort %1 by %2")
                           .arg(modelName, field.field),
                       modelName, field.field));
            return;
        }
    }
    resolved = *resolvedPredicate;
    q->beginResetModel();
    for (const ModelField &field : schema.fields()) {
        if (field.isStored())
            fields.append(field.name());
    }
    q->endResetModel();

    // Every change of the model: an update that makes a record stop matching must remove it.
    observation = store->observe(modelName, Predicate(), q);
    QObject::connect(observation, &Observation::changed, q,
                     [this](const Change &change) { apply(change); });
    QObject::connect(observation, &Observation::errorOccurred, q,
                     [this](const Error &e) { fail(e); });
    clearedConnection = QObject::connect(store, &DataStore::cleared, q, [this] { reload(); });
    load(limit, true);
}

void DataStoreModelPrivate::load(int count, bool initial)
{
    Q_Q(DataStoreModel);
    QueryOptions options;
    options.sort = sort;
    if (count > 0) {
        options.page = 0;
        options.limit = count;
    }
    loading = true;
    Q_EMIT q->loadingChanged();
    const quint64 expected = generation;
    store->query(modelName, resolved, options)
        .then(q, [this, expected, initial](const Result<QueryResult> &result) {
            Q_Q(DataStoreModel);
            if (expected != generation)
                return; // a newer reload replaced this query
            loading = false;
            Q_EMIT q->loadingChanged();
            if (!result) {
                fail(result.error());
                return;
            }
            // Changes that arrived before this result are in it; the rows we hold are the
            // first rows of the same state, so only the tail is new.
            const QList<Record> &items = result->items;
            const int first = initial ? 0 : int(rows.size());
            hasMore = result->hasMore;
            if (items.size() > first) {
                q->beginInsertRows(QModelIndex(), first, int(items.size()) - 1);
                if (initial) {
                    setRows(items);
                } else {
                    for (const Record &record : items.mid(first)) {
                        rows.append(record);
                        keys.insert(keyOf(record));
                    }
                }
                q->endInsertRows();
                Q_EMIT q->countChanged();
                notifyItems();
            }
        });
}

void DataStoreModelPrivate::apply(const Change &change)
{
    Q_Q(DataStoreModel);
    if (loading && rows.isEmpty())
        return; // the initial query will include it
    const int existing = find(change.record);
    const bool matches =
        change.operation != Change::Operation::Delete && resolved.matches(change.record);
    if (existing >= 0 && !matches) {
        q->beginRemoveRows(QModelIndex(), existing, existing);
        keys.remove(keyOf(rows.at(existing)));
        rows.removeAt(existing);
        q->endRemoveRows();
        Q_EMIT q->countChanged();
        notifyItems();
        return;
    }
    if (!matches)
        return;
    if (existing < 0) {
        const int position = insertPosition(change.record);
        if (position == rows.size() && hasMore)
            return; // belongs to the part not fetched yet
        q->beginInsertRows(QModelIndex(), position, position);
        rows.insert(position, change.record);
        keys.insert(keyOf(change.record));
        q->endInsertRows();
        Q_EMIT q->countChanged();
        notifyItems();
        return;
    }
    const Record before = rows.at(existing);
    const int position = insertPosition(change.record, existing);
    if (hasMore && position == rows.size() - 1) {
        // Now last: it may sort after rows not fetched yet. Dropping it keeps the rows a
        // prefix of the result; fetchMore() brings it back in its place.
        q->beginRemoveRows(QModelIndex(), existing, existing);
        keys.remove(keyOf(rows.at(existing)));
        rows.removeAt(existing);
        q->endRemoveRows();
        Q_EMIT q->countChanged();
        notifyItems();
        return;
    }
    if (position != existing) {
        const int destination = position > existing ? position + 1 : position;
        q->beginMoveRows(QModelIndex(), existing, existing, QModelIndex(), destination);
        rows.move(existing, position);
        rows[position] = change.record;
        q->endMoveRows();
    } else {
        rows[existing] = change.record;
    }
    const QList<int> roles = changedRoles(before, change.record);
    if (!roles.isEmpty()) {
        const QModelIndex index = q->index(position);
        Q_EMIT q->dataChanged(index, index, roles);
    }
    notifyItems();
}

DataStoreModel::DataStoreModel(QObject *parent)
    : QAbstractListModel(parent), d_ptr(std::make_unique<DataStoreModelPrivate>(this))
{ }

DataStoreModel::~DataStoreModel() = default;

DataStore *DataStoreModel::store() const
{
    Q_D(const DataStoreModel);
    return d->store;
}

void DataStoreModel::setStore(DataStore *store)
{
    Q_D(DataStoreModel);
    if (d->store == store)
        return;
    d->store = store;
    Q_EMIT storeChanged();
    d->scheduleReload();
}

QString DataStoreModel::modelName() const
{
    Q_D(const DataStoreModel);
    return d->modelName;
}

void DataStoreModel::setModelName(const QString &modelName)
{
    Q_D(DataStoreModel);
    if (d->modelName == modelName)
        return;
    d->modelName = modelName;
    Q_EMIT modelNameChanged();
    d->scheduleReload();
}

QString DataStoreModel::filter() const
{
    Q_D(const DataStoreModel);
    return d->filter;
}

void DataStoreModel::setFilter(const QString &filter)
{
    Q_D(DataStoreModel);
    if (d->filter == filter && !d->predicateFromCpp)
        return;
    d->filter = filter;
    d->predicateFromCpp = false;
    Q_EMIT filterChanged();
    d->scheduleReload();
}

Predicate DataStoreModel::predicate() const
{
    Q_D(const DataStoreModel);
    return d->predicateFromCpp ? d->predicate : d->resolved;
}

void DataStoreModel::setPredicate(const Predicate &predicate)
{
    Q_D(DataStoreModel);
    d->predicate = predicate;
    d->predicateFromCpp = true;
    d->filter = QString::fromUtf8(QJsonDocument(predicate.toJson()).toJson(QJsonDocument::Compact));
    Q_EMIT filterChanged();
    d->scheduleReload();
}

QString DataStoreModel::sort() const
{
    Q_D(const DataStoreModel);
    return d->sortText;
}

void DataStoreModel::setSort(const QString &sort)
{
    Q_D(DataStoreModel);
    QList<SortField> fields;
    for (const QString &part : sort.split(u',', Qt::SkipEmptyParts)) {
        const QStringList words = part.simplified().split(u' ');
        if (words.isEmpty() || words.first().isEmpty())
            continue;
        const bool descending =
            words.size() > 1 && words.at(1).compare(u"desc", Qt::CaseInsensitive) == 0;
        fields.append(
            SortField{words.first(), descending ? Qt::DescendingOrder : Qt::AscendingOrder});
    }
    d->sortText = sort;
    if (d->sort.size() == fields.size()
        && std::equal(fields.cbegin(), fields.cend(), d->sort.cbegin(),
                      [](const SortField &a, const SortField &b) {
                          return a.field == b.field && a.order == b.order;
                      }))
        return;
    d->sort = fields;
    Q_EMIT sortChanged();
    d->scheduleReload();
}

QList<SortField> DataStoreModel::sortFields() const
{
    Q_D(const DataStoreModel);
    return d->sort;
}

void DataStoreModel::setSortFields(const QList<SortField> &sort)
{
    QStringList parts;
    for (const SortField &field : sort)
        parts.append(field.field + (field.order == Qt::DescendingOrder ? u" desc"_s : QString()));
    setSort(parts.join(u", "));
}

int DataStoreModel::limit() const
{
    Q_D(const DataStoreModel);
    return d->limit;
}

void DataStoreModel::setLimit(int limit)
{
    Q_D(DataStoreModel);
    limit = std::max(0, limit);
    if (d->limit == limit)
        return;
    d->limit = limit;
    Q_EMIT limitChanged();
    d->scheduleReload();
}

int DataStoreModel::count() const
{
    Q_D(const DataStoreModel);
    return int(d->rows.size());
}

bool DataStoreModel::isLoading() const
{
    Q_D(const DataStoreModel);
    return d->loading || d->reloadScheduled;
}

bool DataStoreModel::isSynced() const
{
    return false;
}

Error DataStoreModel::lastError() const
{
    Q_D(const DataStoreModel);
    return d->lastError;
}

QList<Record> DataStoreModel::items() const
{
    Q_D(const DataStoreModel);
    return d->rows;
}

Record DataStoreModel::record(int row) const
{
    Q_D(const DataStoreModel);
    return d->rows.value(row);
}

int DataStoreModel::indexOf(const Record &record) const
{
    Q_D(const DataStoreModel);
    return d->find(record);
}

QVariantMap DataStoreModel::get(int row) const
{
    return record(row).values();
}

int DataStoreModel::rowCount(const QModelIndex &parent) const
{
    Q_D(const DataStoreModel);
    return parent.isValid() ? 0 : int(d->rows.size());
}

QVariant DataStoreModel::data(const QModelIndex &index, int role) const
{
    Q_D(const DataStoreModel);
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Record &record = d->rows.at(index.row());
    if (role == RecordRole)
        return record.values();
    const int field = role - Qt::UserRole - 1;
    if (field >= 0 && field < d->fields.size())
        return record.value(d->fields.at(field));
    if (role == Qt::DisplayRole && !d->fields.isEmpty())
        return record.value(d->schema.primaryKey().value(0));
    return {};
}

QHash<int, QByteArray> DataStoreModel::roleNames() const
{
    Q_D(const DataStoreModel);
    QHash<int, QByteArray> roles{{RecordRole, "record"}};
    for (int i = 0; i < d->fields.size(); ++i)
        roles.insert(Qt::UserRole + 1 + i, d->fields.at(i).toUtf8());
    return roles;
}

int DataStoreModel::roleForField(const QString &field) const
{
    Q_D(const DataStoreModel);
    const int index = int(d->fields.indexOf(field));
    return index < 0 ? -1 : Qt::UserRole + 1 + index;
}

bool DataStoreModel::canFetchMore(const QModelIndex &parent) const
{
    Q_D(const DataStoreModel);
    return !parent.isValid() && d->hasMore && !d->loading;
}

void DataStoreModel::fetchMore(const QModelIndex &parent)
{
    Q_D(DataStoreModel);
    if (!canFetchMore(parent) || !d->store)
        return;
    d->load(int(d->rows.size()) + std::max(1, d->limit), false);
}

} // namespace Stratus
