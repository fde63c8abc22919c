#include "stratusinfo.h"

#include <Stratus/predicate.h>

using namespace Qt::StringLiterals;

namespace Stratus {

StratusInfo::StratusInfo(QObject *parent) : QObject(parent) { }

QString StratusInfo::version() const
{
    return QStringLiteral(STRATUS_VERSION);
}

QString StratusInfo::checkFilter(const QString &json) const
{
    Error error;
    return Predicate::fromJson(json.toUtf8(), &error) ? QString() : error.message();
}

} // namespace Stratus
