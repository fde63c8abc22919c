#pragma once

#include <Stratus/record.h>

#include <QtCore/qset.h>

namespace Stratus {

class RecordData : public QSharedData
{
public:
    ModelSchema model;
    QVariantMap values;
    QStringList changedFields;
    bool snapshot = false;
    int version = 0;
    qint64 lastChangedAt = 0;
    bool deleted = false;
};

// Store-side access to what the public API keeps read-only.
class RecordPrivate
{
public:
    static Record snapshot(const ModelSchema &model, const QVariantMap &values, int version,
                           qint64 lastChangedAt, bool deleted);
    static void setValues(Record &record, const QVariantMap &values);
    static const QVariantMap &values(const Record &record);
};

} // namespace Stratus
