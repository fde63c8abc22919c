#pragma once

#include <Stratus/stratus_export.h>

#include <QtCore/qlist.h>
#include <QtCore/qmetatype.h>
#include <QtCore/qobjectdefs.h>
#include <QtCore/qshareddata.h>
#include <QtCore/qstring.h>

QT_BEGIN_NAMESPACE
class QDebug;
QT_END_NAMESPACE

namespace Stratus {

class ErrorData;

/// Why an operation failed: a value like QSqlError. Stratus reports errors with values, never
/// with exceptions. A default-constructed Error means "no error" (isValid() is false).
class STRATUS_EXPORT Error
{
    Q_GADGET
    Q_PROPERTY(Kind kind READ kind)
    Q_PROPERTY(QString message READ message)
    Q_PROPERTY(QString modelName READ modelName)
    Q_PROPERTY(QString fieldName READ fieldName)
    Q_PROPERTY(QString cause READ cause)
    Q_PROPERTY(bool valid READ isValid)

public:
    enum class Kind {
        NoError,
        Validation, ///< A record, key or predicate breaks the schema's rules.
        Condition, ///< A save or remove condition did not match the stored record.
        Conflict, ///< The server rejected a change because another one won.
        Network, ///< The server could not be reached, or answered garbage.
        Storage, ///< SQLite failed: disk full, locked, corrupt, ...
        Schema, ///< The schema could not be loaded, or does not name a model or field.
        State, ///< The call races clear() or stop(), or the store is not usable.
        Unauthorized, ///< The server refused the credentials.
    };
    Q_ENUM(Kind)

    Error();
    Error(Kind kind, const QString &message, const QString &modelName = {},
          const QString &fieldName = {}, const QString &cause = {});
    Error(const Error &other);
    Error(Error &&other) noexcept;
    Error &operator=(const Error &other);
    Error &operator=(Error &&other) noexcept;
    ~Error();

    void swap(Error &other) noexcept { d.swap(other.d); }

    bool isValid() const;
    Kind kind() const;
    /// A translated, human-readable sentence.
    QString message() const;
    QString modelName() const;
    QString fieldName() const;
    /// The underlying reason, untranslated: an SQLite message, a server error, ...
    QString cause() const;

    /// For a validation error that covers several problems: each problem. Empty otherwise.
    QList<Error> details() const;
    void setDetails(const QList<Error> &details);

    /// `Validation error (Todo.name): ...`
    QString toString() const;

    friend STRATUS_EXPORT bool operator==(const Error &a, const Error &b);
    friend bool operator!=(const Error &a, const Error &b) { return !(a == b); }

private:
    QSharedDataPointer<ErrorData> d;
};

STRATUS_EXPORT QDebug operator<<(QDebug debug, const Error &error);

} // namespace Stratus

Q_DECLARE_SHARED(Stratus::Error)
