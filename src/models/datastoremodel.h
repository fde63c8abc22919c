#pragma once

#include <Stratus/datastore.h>
#include <Stratus/stratus_export.h>

#include <QtCore/qabstractitemmodel.h>

#include <memory>

namespace Stratus {

class DataStoreModelPrivate;

/// A live query as a list model: the records of `modelName` that match `filter` (AppSync filter
/// JSON) or predicate(), in `sort` order, kept up to date change by change. A single change is
/// a single minimal signal (rowsInserted, rowsRemoved, rowsMoved or dataChanged with the roles
/// that changed); the model resets only when modelName, filter or sort is replaced.
///
/// Roles: one per stored field of the model, named like the field, and `record` (the whole
/// record as a QVariantMap). With `limit` > 0 the rows page in `limit` at a time through
/// canFetchMore()/fetchMore().
class STRATUS_EXPORT DataStoreModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(Stratus::DataStore *store READ store WRITE setStore NOTIFY storeChanged)
    Q_PROPERTY(QString modelName READ modelName WRITE setModelName NOTIFY modelNameChanged)
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
    Q_PROPERTY(QString sort READ sort WRITE setSort NOTIFY sortChanged)
    Q_PROPERTY(int limit READ limit WRITE setLimit NOTIFY limitChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(bool synced READ isSynced NOTIFY syncedChanged)
    Q_PROPERTY(Stratus::Error lastError READ lastError NOTIFY errorOccurred)

public:
    explicit DataStoreModel(QObject *parent = nullptr);
    ~DataStoreModel() override;

    DataStore *store() const;
    void setStore(DataStore *store);
    QString modelName() const;
    void setModelName(const QString &modelName);
    /// AppSync filter JSON, such as `{"done": {"eq": false}}`. Empty: every record.
    QString filter() const;
    void setFilter(const QString &filter);
    /// The C++ form of the filter; replaces filter().
    Predicate predicate() const;
    void setPredicate(const Predicate &predicate);
    /// `"done, priority desc"`: fields, each optionally followed by asc or desc.
    QString sort() const;
    using QAbstractListModel::sort; // QAbstractItemModel::sort(column, order) stays visible
    void setSort(const QString &sort);
    QList<SortField> sortFields() const;
    void setSortFields(const QList<SortField> &sort);
    /// Rows per page; 0 loads every matching record.
    int limit() const;
    void setLimit(int limit);

    int count() const;
    bool isLoading() const;
    /// Whether the model's records have been synced with the server (always false until sync
    /// is started).
    bool isSynced() const;
    Error lastError() const;

    /// The current rows, in order (Amplify observeQuery's `items`).
    QList<Record> items() const;
    Record record(int row) const;
    /// The row of \a record's key, or -1.
    int indexOf(const Record &record) const;
    /// For QML: the record at \a row as a JS object.
    Q_INVOKABLE QVariantMap get(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    /// The role of \a field, or -1.
    int roleForField(const QString &field) const;
    static constexpr int RecordRole = Qt::UserRole;

Q_SIGNALS:
    void storeChanged();
    void modelNameChanged();
    void filterChanged();
    void sortChanged();
    void limitChanged();
    void countChanged();
    void loadingChanged();
    void syncedChanged();
    void errorOccurred(const Stratus::Error &error);
    /// Once per event-loop turn in which rows changed: a snapshot consumer's cue (Amplify's
    /// observeQuery emits a snapshot then).
    void itemsChanged();

private:
    Q_DECLARE_PRIVATE(DataStoreModel)
    std::unique_ptr<DataStoreModelPrivate> const d_ptr;
};

} // namespace Stratus
