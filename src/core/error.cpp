#include <Stratus/error.h>

#include <QtCore/qcoreapplication.h>
#include <QtCore/qdebug.h>

using namespace Qt::StringLiterals;

namespace Stratus {

class ErrorData : public QSharedData
{
public:
    Error::Kind kind = Error::Kind::NoError;
    QString message;
    QString modelName;
    QString fieldName;
    QString cause;
    QList<Error> details;
};

Error::Error() = default;

Error::Error(Kind kind, const QString &message, const QString &modelName, const QString &fieldName,
             const QString &cause)
    : d(new ErrorData)
{
    d->kind = kind;
    d->message = message;
    d->modelName = modelName;
    d->fieldName = fieldName;
    d->cause = cause;
}

Error::Error(const Error &other) = default;
Error::Error(Error &&other) noexcept = default;
Error &Error::operator=(const Error &other) = default;
Error &Error::operator=(Error &&other) noexcept = default;
Error::~Error() = default;

bool Error::isValid() const
{
    return d && d->kind != Kind::NoError;
}
Error::Kind Error::kind() const
{
    return d ? d->kind : Kind::NoError;
}
QString Error::message() const
{
    return d ? d->message : QString();
}
QString Error::modelName() const
{
    return d ? d->modelName : QString();
}
QString Error::fieldName() const
{
    return d ? d->fieldName : QString();
}
QString Error::cause() const
{
    return d ? d->cause : QString();
}
QList<Error> Error::details() const
{
    return d ? d->details : QList<Error>();
}

void Error::setDetails(const QList<Error> &details)
{
    if (!d)
        d = new ErrorData;
    d->details = details;
}

static QString kindName(Error::Kind kind)
{
    switch (kind) {
    case Error::Kind::NoError:
        return QCoreApplication::translate("Stratus", "No error");
    case Error::Kind::Validation:
        return QCoreApplication::translate("Stratus", "Validation error");
    case Error::Kind::Condition:
        return QCoreApplication::translate("Stratus", "Condition error");
    case Error::Kind::Conflict:
        return QCoreApplication::translate("Stratus", "Conflict");
    case Error::Kind::Network:
        return QCoreApplication::translate("Stratus", "Network error");
    case Error::Kind::Storage:
        return QCoreApplication::translate("Stratus", "Storage error");
    case Error::Kind::Schema:
        return QCoreApplication::translate("Stratus", "Schema error");
    case Error::Kind::State:
        return QCoreApplication::translate("Stratus", "State error");
    case Error::Kind::Unauthorized:
        return QCoreApplication::translate("Stratus", "Unauthorized");
    }
    return {};
}

QString Error::toString() const
{
    if (!isValid())
        return kindName(Kind::NoError);
    QString text = kindName(kind());
    if (!modelName().isEmpty())
        text +=
            u" ("_s + modelName() + (fieldName().isEmpty() ? QString() : u'.' + fieldName()) + u')';
    text += u": "_s + message();
    if (!cause().isEmpty())
        text += u" ["_s + cause() + u']';
    return text;
}

bool operator==(const Error &a, const Error &b)
{
    return a.kind() == b.kind() && a.message() == b.message() && a.modelName() == b.modelName()
        && a.fieldName() == b.fieldName() && a.cause() == b.cause();
}

QDebug operator<<(QDebug debug, const Error &error)
{
    QDebugStateSaver saver(debug);
    debug.noquote().nospace() << "Stratus::Error(" << error.toString() << ')';
    return debug;
}

} // namespace Stratus
