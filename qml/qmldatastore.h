#pragma once

#include <Stratus/datastore.h>
#include <Stratus/datastoremodel.h>

#include <QtCore/qurl.h>
#include <QtQml/qjsvalue.h>
#include <QtQml/qqml.h>
#include <QtQml/qqmlparserstatus.h>
#include <QtQml/qqmlregistration.h>

namespace Stratus {

/// `DataStore` in QML: the C++ DataStore with a schema URL, and methods that take plain JS
/// objects and AppSync filter JSON and call back with plain JS values:
///
///     store.save("Todo", { name: "Milk" }, (saved, error) => ...)
///     store.query("Todo", { done: { eq: false } }, { sort: "name", limit: 20 }, (items, error) =>
///     ...)
///
/// Callbacks get (result, error): error is null on success, else an object with kind, message,
/// modelName, fieldName and details.
class QmlDataStore : public DataStore, public QQmlParserStatus
{
    Q_OBJECT
    QML_NAMED_ELEMENT(DataStore)
    Q_INTERFACES(QQmlParserStatus)
    Q_PROPERTY(QUrl schema READ schemaSource WRITE setSchemaSource NOTIFY schemaChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

public:
    explicit QmlDataStore(QObject *parent = nullptr);

    QUrl schemaSource() const;
    void setSchemaSource(const QUrl &source);
    QString errorString() const;

    /// Inserts \a values as a new record, or, when a record with their key exists, changes only
    /// the given fields of it. \a condition (filter JSON object) must match the stored record.
    Q_INVOKABLE void save(const QString &modelName, const QJSValue &values,
                          const QJSValue &conditionOrCallback = QJSValue(),
                          const QJSValue &callback = QJSValue());
    /// Calls back with the matching records (an array of objects) and whether more exist.
    /// \a options: { sort: "field desc, other", page, limit }.
    Q_INVOKABLE void query(const QString &modelName, const QJSValue &filter = QJSValue(),
                           const QJSValue &optionsOrCallback = QJSValue(),
                           const QJSValue &callback = QJSValue());
    /// Calls back with the record of \a key (an id, or an object of key fields), or null.
    Q_INVOKABLE void get(const QString &modelName, const QJSValue &key,
                         const QJSValue &callback = QJSValue());
    /// Removes by key (a string id or an object holding the key fields) or, when \a target is
    /// a filter object ({ done: { eq: true } }), every matching record. Calls back with the
    /// removed records.
    Q_INVOKABLE void remove(const QString &modelName, const QJSValue &target,
                            const QJSValue &callback = QJSValue());
    Q_INVOKABLE void clear(const QJSValue &callback = QJSValue());
    Q_INVOKABLE void start(const QJSValue &callback = QJSValue());
    Q_INVOKABLE void stop(const QJSValue &callback = QJSValue());
    /// Every problem of \a values as a new record of \a modelName: [{ fieldName, message }].
    Q_INVOKABLE QJSValue validate(const QString &modelName, const QJSValue &values);

    void classBegin() override { }
    void componentComplete() override;

Q_SIGNALS:
    void schemaChanged();
    void errorStringChanged();
    /// A record was inserted, updated or deleted: operation is "INSERT", "UPDATE" or "DELETE".
    void changed(const QString &operation, const QString &modelName, const QVariantMap &record);

private:
    void call(const QJSValue &callback, const QJSValue &result, const Error &error);
    QJSValue toScript(const QVariant &value);
    QJSValue errorObject(const Error &error);
    std::optional<Predicate> filterFrom(const QJSValue &filter, Error *error);

    QUrl m_schemaSource;
    QPointer<Observation> m_observation;
};

/// `DataStoreModel` in QML (the C++ class, registered as it is).
struct DataStoreModelForeign
{
    Q_GADGET
    QML_FOREIGN(Stratus::DataStoreModel)
    QML_NAMED_ELEMENT(DataStoreModel)
};

} // namespace Stratus
