#pragma once

#include <Stratus/error.h>
#include <Stratus/schema.h>
#include <Stratus/stratus_export.h>

#include <QtCore/qshareddata.h>
#include <QtCore/qstringlist.h>
#include <QtCore/qvariant.h>

#include <functional>

namespace Stratus {

class RecordData;

/// One record of a model, addressed by field name. Implicitly shared and immutable: records
/// that queries return are snapshots; copyOf() makes an updated copy that remembers which
/// fields changed, so that save() writes (and later syncs) only those.
///
/// Values use these Qt types: ID, String, enums and AWS string scalars as QString (QDate,
/// QTime, QDateTime and QUuid are accepted and converted); Int and AWSTimestamp as qlonglong;
/// Float as double; Boolean as bool; AWSJSON as JSON text (a QVariantMap or QVariantList is
/// accepted and serialized); lists as QVariantList; non-model types as QVariantMap.
class STRATUS_EXPORT Record
{
public:
    Record();
    /// A new record of \a model. For a model with the managed `id` key, an `id` (UUID v4) is
    /// generated unless \a values has one.
    explicit Record(const ModelSchema &model, const QVariantMap &values = {});
    Record(const Record &other);
    Record(Record &&other) noexcept;
    Record &operator=(const Record &other);
    Record &operator=(Record &&other) noexcept;
    ~Record();

    void swap(Record &other) noexcept { d.swap(other.d); }

    /// False for a default-constructed Record (for example "not found").
    bool isValid() const;
    QString modelName() const;
    ModelSchema model() const;

    QVariant value(const QString &field) const;
    QVariant operator[](const QString &field) const { return value(field); }
    bool contains(const QString &field) const;
    /// Every field value the record holds (relation fields excepted).
    QVariantMap values() const;
    /// The `id` field (empty for models without one).
    QString id() const;
    /// The primary key fields and their values.
    QVariantMap key() const;

    /// An updated copy with \a changes applied, like Amplify's `Model.copyOf`. Refuses (returns
    /// an invalid Record and sets \a error) to change primary key fields of a stored record, to
    /// set read-only fields (`createdAt`, `updatedAt`) or fields the model does not have.
    Record copyOf(const QVariantMap &changes, Error *error = nullptr) const;
    /// The same with a mutator: `record.copyOf([](QVariantMap &draft) { draft["done"] = true; })`.
    Record copyOf(const std::function<void(QVariantMap &draft)> &mutator,
                  Error *error = nullptr) const;
    /// The fields changed by copyOf() since the snapshot this record came from.
    QStringList changedFields() const;
    /// True for records read from a store and copies made from them with copyOf().
    bool isSnapshotCopy() const;

    /// Sync metadata: the server's version of the record (0 before the first sync).
    int version() const;
    /// Sync metadata: when the server last changed the record, in ms since 1970 (0 if never).
    qint64 lastChangedAt() const;
    /// Sync metadata: true for a deletion (tombstone) received from the server.
    bool isDeleted() const;

    friend STRATUS_EXPORT bool operator==(const Record &a, const Record &b);
    friend bool operator!=(const Record &a, const Record &b) { return !(a == b); }

private:
    friend class RecordPrivate;
    QSharedDataPointer<RecordData> d;
};

STRATUS_EXPORT QDebug operator<<(QDebug debug, const Record &record);

} // namespace Stratus

Q_DECLARE_SHARED(Stratus::Record)
Q_DECLARE_METATYPE(Stratus::Record)
