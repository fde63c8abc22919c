#pragma once

#include <QtCore/qobject.h>
#include <QtQml/qqmlregistration.h>

namespace Stratus {

/// `Stratus` in QML: facts about the library. The data store types arrive in the next version
/// of this module.
class StratusInfo : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Stratus)
    QML_SINGLETON
    Q_PROPERTY(QString version READ version CONSTANT)

public:
    explicit StratusInfo(QObject *parent = nullptr);

    QString version() const;
    /// Checks an AppSync filter JSON text; returns the error message, empty when it is valid.
    Q_INVOKABLE QString checkFilter(const QString &json) const;
};

} // namespace Stratus
