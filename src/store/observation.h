#pragma once

#include <Stratus/error.h>
#include <Stratus/predicate.h>
#include <Stratus/record.h>
#include <Stratus/stratus_export.h>

#include <QtCore/qobject.h>

#include <memory>

namespace Stratus {

/// One committed change of a record: what observe() reports (Amplify's SubscriptionMessage).
class STRATUS_EXPORT Change
{
    Q_GADGET
    Q_PROPERTY(Operation operation MEMBER operation)
    Q_PROPERTY(Stratus::Record record MEMBER record)
    Q_PROPERTY(QString modelName READ modelName)

public:
    enum class Operation { Insert, Update, Delete };
    Q_ENUM(Operation)

    Operation operation = Operation::Insert;
    /// The record as stored after the change; for a delete, as it was before.
    Record record;
    /// The condition the save or remove was made with (Predicate::all() when none).
    Predicate condition;

    QString modelName() const { return record.modelName(); }
};

class ObservationPrivate;
class DataStore;

/// A running observe(): emits changed() for every insert, update and delete that matches, after
/// the change is committed, in commit order, on the thread the Observation lives in. Destroy it
/// to stop observing. Made by DataStore::observe().
class STRATUS_EXPORT Observation : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString modelName READ modelName CONSTANT)
    Q_PROPERTY(bool finished READ isFinished NOTIFY finished)

public:
    ~Observation() override;

    /// The observed model; empty when every model is observed.
    QString modelName() const;
    /// What a change must match (resolved against the model).
    Predicate predicate() const;
    bool isFinished() const;

Q_SIGNALS:
    void changed(const Stratus::Change &change);
    /// The observation could not start (unknown model, invalid predicate) or broke.
    void errorOccurred(const Stratus::Error &error);
    /// No more changes will come: the store was cleared or destroyed, or an error occurred.
    void finished();

private:
    friend class DataStore;
    friend class DataStorePrivate;
    Observation(const QString &model, const Predicate &predicate, QObject *parent);
    void deliver(const QList<Stratus::Change> &changes);
    void finish(const Error &error = {});

    Q_DECLARE_PRIVATE(Observation)
    std::unique_ptr<ObservationPrivate> const d_ptr;
};

} // namespace Stratus

Q_DECLARE_METATYPE(Stratus::Change)
