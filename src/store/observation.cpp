#include <Stratus/observation.h>

namespace Stratus {

class ObservationPrivate
{
public:
    QString model;
    Predicate predicate;
    bool finished = false;
};

Observation::Observation(const QString &model, const Predicate &predicate, QObject *parent)
    : QObject(parent), d_ptr(std::make_unique<ObservationPrivate>())
{
    Q_D(Observation);
    d->model = model;
    d->predicate = predicate;
}

Observation::~Observation() = default;

QString Observation::modelName() const
{
    Q_D(const Observation);
    return d->model;
}

Predicate Observation::predicate() const
{
    Q_D(const Observation);
    return d->predicate;
}

bool Observation::isFinished() const
{
    Q_D(const Observation);
    return d->finished;
}

void Observation::deliver(const QList<Change> &changes)
{
    Q_D(Observation);
    for (const Change &change : changes) {
        if (d->finished)
            return;
        if (!d->model.isEmpty() && change.modelName() != d->model)
            continue;
        if (!d->predicate.matches(change.record))
            continue;
        Q_EMIT changed(change);
    }
}

void Observation::finish(const Error &error)
{
    Q_D(Observation);
    if (d->finished)
        return;
    d->finished = true;
    if (error.isValid())
        Q_EMIT errorOccurred(error);
    Q_EMIT finished();
}

} // namespace Stratus
