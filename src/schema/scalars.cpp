#include "scalars_p.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qdatetime.h>
#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qregularexpression.h>
#include <QtCore/qurl.h>
#include <QtCore/quuid.h>
#include <QtNetwork/qhostaddress.h>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Stratus::Scalars {

namespace {

bool matches(const QRegularExpression &pattern, QStringView text)
{
    return pattern.match(text).hasMatch();
}

// `Z`, `+hh:mm` or `+hh:mm:ss`, with sane ranges.
bool isValidZone(QStringView zone)
{
    if (zone == u"Z")
        return true;
    static const QRegularExpression pattern(u"^[+-](\\d{2}):(\\d{2})(?::(\\d{2}))?$"_s);
    const auto match = pattern.match(zone);
    return match.hasMatch() && match.capturedView(1).toInt() <= 23
        && match.capturedView(2).toInt() <= 59
        && (match.capturedView(3).isEmpty() || match.capturedView(3).toInt() <= 59);
}

bool isValidDatePart(QStringView text)
{
    static const QRegularExpression pattern(u"^(\\d{4})-(\\d{2})-(\\d{2})$"_s);
    const auto match = pattern.match(text);
    return match.hasMatch()
        && QDate(match.capturedView(1).toInt(), match.capturedView(2).toInt(),
                 match.capturedView(3).toInt())
               .isValid();
}

bool isValidTimePart(QStringView text)
{
    static const QRegularExpression pattern(u"^(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d{1,9})?)?$"_s);
    const auto match = pattern.match(text);
    return match.hasMatch() && match.capturedView(1).toInt() <= 23
        && match.capturedView(2).toInt() <= 59
        && (match.capturedView(3).isEmpty() || match.capturedView(3).toInt() <= 59);
}

qsizetype zoneStart(QStringView text, qsizetype from)
{
    for (qsizetype i = from; i < text.size(); ++i) {
        if (text[i] == u'Z' || text[i] == u'+' || text[i] == u'-')
            return i;
    }
    return -1;
}

bool isString(const QVariant &value)
{
    return value.metaType().id() == QMetaType::QString;
}

std::optional<qlonglong> toInteger(const QVariant &value, qlonglong min, qlonglong max)
{
    if (!isNumeric(value))
        return std::nullopt;
    if (value.metaType().id() == QMetaType::Double || value.metaType().id() == QMetaType::Float) {
        const double number = value.toDouble();
        if (!std::isfinite(number) || std::floor(number) != number || number < double(min)
            || number > double(max))
            return std::nullopt;
        return qlonglong(number);
    }
    if (value.metaType().id() == QMetaType::ULongLong
        || value.metaType().id() == QMetaType::ULong) {
        const qulonglong number = value.toULongLong();
        if (number > qulonglong(max))
            return std::nullopt;
        return qlonglong(number);
    }
    const qlonglong number = value.toLongLong();
    if (number < min || number > max)
        return std::nullopt;
    return number;
}

} // namespace

bool isNumeric(const QVariant &value)
{
    switch (value.metaType().id()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Double:
    case QMetaType::Float:
        return true;
    default:
        return false;
    }
}

bool isValidDate(QStringView text)
{
    if (text.size() < 10)
        return false;
    return isValidDatePart(text.first(10)) && (text.size() == 10 || isValidZone(text.mid(10)));
}

bool isValidTime(QStringView text)
{
    const qsizetype zone = zoneStart(text, 0);
    if (zone < 0)
        return isValidTimePart(text);
    return isValidTimePart(text.first(zone)) && isValidZone(text.mid(zone));
}

bool isValidDateTime(QStringView text)
{
    // AppSync requires the zone; seconds and fractions are optional.
    if (text.size() < 11 || text[10] != u'T' || !isValidDatePart(text.first(10)))
        return false;
    const qsizetype zone = zoneStart(text, 11);
    return zone > 11 && isValidTimePart(text.mid(11, zone - 11)) && isValidZone(text.mid(zone));
}

bool isValidEmail(QStringView text)
{
    // The pattern Amplify DataStore validates AWSEmail with.
    static const QRegularExpression pattern(
        u"^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
        u"(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$"_s);
    return matches(pattern, text);
}

bool isValidUrl(QStringView text)
{
    const QUrl url(text.toString(), QUrl::StrictMode);
    return url.isValid() && !url.scheme().isEmpty() && !text.contains(u' ')
        && (!url.host().isEmpty() || !url.path().isEmpty());
}

bool isValidPhone(QStringView text)
{
    static const QRegularExpression pattern(u"^\\+?\\d[\\d\\s-]+$"_s);
    return matches(pattern, text);
}

bool isValidIpAddress(QStringView text)
{
    if (text.contains(u'/')) {
        const auto subnet = QHostAddress::parseSubnet(text.toString());
        return !subnet.first.isNull();
    }
    QHostAddress address;
    return address.setAddress(text.toString());
}

QString describe(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return u"null"_s;
    switch (value.metaType().id()) {
    case QMetaType::QString: {
        QString text = value.toString();
        if (text.size() > 40)
            text = text.first(40) + u"…"_s;
        return u'"' + text + u'"';
    }
    case QMetaType::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QMetaType::QVariantList:
        return QCoreApplication::translate("Stratus", "a list");
    case QMetaType::QVariantMap:
        return QCoreApplication::translate("Stratus", "an object");
    default:
        if (isNumeric(value))
            return value.toString();
        return QCoreApplication::translate("Stratus", "a value of type %1")
            .arg(QString::fromLatin1(value.metaType().name()));
    }
}

std::optional<QVariant> coerce(ModelField::Type type, const QVariant &value,
                               const QStringList &enumValues, QString *reason)
{
    using Type = ModelField::Type;
    if (!value.isValid() || value.isNull())
        return QVariant();
    auto refuse = [&](const QString &why) -> std::optional<QVariant> {
        if (reason)
            *reason = why;
        return std::nullopt;
    };
    auto expectString = [&](const QString &what,
                            bool (*check)(QStringView)) -> std::optional<QVariant> {
        if (!isString(value))
            return refuse(
                QCoreApplication::translate("Stratus", "%1 is not %2").arg(describe(value), what));
        if (check && !check(value.toString()))
            return refuse(
                QCoreApplication::translate("Stratus", "%1 is not %2").arg(describe(value), what));
        return value.toString();
    };

    switch (type) {
    case Type::ID:
        if (value.metaType().id() == QMetaType::QUuid)
            return value.toUuid().toString(QUuid::WithoutBraces);
        if (isString(value) && value.toString().isEmpty())
            return refuse(QCoreApplication::translate("Stratus", "an ID cannot be empty"));
        return expectString(QCoreApplication::translate("Stratus", "an ID (a string)"), nullptr);
    case Type::String:
        return expectString(QCoreApplication::translate("Stratus", "a String"), nullptr);
    case Type::Enum:
        if (!isString(value))
            return refuse(
                QCoreApplication::translate("Stratus", "%1 is not an enum value (a string)")
                    .arg(describe(value)));
        if (!enumValues.contains(value.toString()))
            return refuse(QCoreApplication::translate("Stratus", "%1 is not one of %2")
                              .arg(describe(value), enumValues.join(u", ")));
        return value.toString();
    case Type::Int: {
        const auto number = toInteger(value, std::numeric_limits<qint32>::min(),
                                      std::numeric_limits<qint32>::max());
        if (!number)
            return refuse(
                QCoreApplication::translate(
                    "Stratus", "%1 is not an Int (a whole number from -2147483648 to 2147483647)")
                    .arg(describe(value)));
        return QVariant(*number);
    }
    case Type::AWSTimestamp: {
        if (value.metaType().id() == QMetaType::QDateTime && value.toDateTime().isValid())
            return QVariant(qlonglong(value.toDateTime().toSecsSinceEpoch()));
        const auto number = toInteger(value, std::numeric_limits<qint64>::min() / 1000,
                                      std::numeric_limits<qint64>::max() / 1000);
        if (!number)
            return refuse(QCoreApplication::translate(
                              "Stratus", "%1 is not an AWSTimestamp (whole seconds since 1970)")
                              .arg(describe(value)));
        return QVariant(*number);
    }
    case Type::Float: {
        if (!isNumeric(value) || !std::isfinite(value.toDouble()))
            return refuse(
                QCoreApplication::translate("Stratus", "%1 is not a Float (a finite number)")
                    .arg(describe(value)));
        return QVariant(value.toDouble());
    }
    case Type::Boolean:
        if (value.metaType().id() != QMetaType::Bool)
            return refuse(
                QCoreApplication::translate("Stratus", "%1 is not a Boolean (true or false)")
                    .arg(describe(value)));
        return value;
    case Type::AWSDate:
        if (value.metaType().id() == QMetaType::QDate && value.toDate().isValid())
            return value.toDate().toString(Qt::ISODate);
        return expectString(
            QCoreApplication::translate("Stratus", "an AWSDate (YYYY-MM-DD with an optional zone)"),
            isValidDate);
    case Type::AWSTime:
        if (value.metaType().id() == QMetaType::QTime && value.toTime().isValid())
            return value.toTime().toString(Qt::ISODateWithMs);
        return expectString(QCoreApplication::translate(
                                "Stratus", "an AWSTime (hh:mm[:ss[.sss]] with an optional zone)"),
                            isValidTime);
    case Type::AWSDateTime:
        if (value.metaType().id() == QMetaType::QDateTime && value.toDateTime().isValid())
            return value.toDateTime().toUTC().toString(Qt::ISODateWithMs);
        return expectString(
            QCoreApplication::translate(
                "Stratus", "an AWSDateTime (YYYY-MM-DDThh:mm[:ss[.sss]] and a zone such as Z)"),
            isValidDateTime);
    case Type::AWSEmail:
        return expectString(QCoreApplication::translate("Stratus", "an AWSEmail"), isValidEmail);
    case Type::AWSURL:
        return expectString(QCoreApplication::translate("Stratus", "an AWSURL (an absolute URL)"),
                            isValidUrl);
    case Type::AWSPhone:
        return expectString(QCoreApplication::translate("Stratus", "an AWSPhone"), isValidPhone);
    case Type::AWSIPAddress:
        return expectString(
            QCoreApplication::translate("Stratus",
                                        "an AWSIPAddress (IPv4 or IPv6, optionally with /prefix)"),
            isValidIpAddress);
    case Type::AWSJSON: {
        if (isString(value)) {
            QJsonParseError error;
            const QByteArray utf8 = value.toString().toUtf8();
            const QJsonDocument document = QJsonDocument::fromJson(utf8, &error);
            if (error.error != QJsonParseError::NoError) {
                // QJsonDocument only takes objects and arrays; wrap to accept any JSON value.
                const QJsonDocument wrapped = QJsonDocument::fromJson("[" + utf8 + "]", &error);
                if (error.error != QJsonParseError::NoError || wrapped.array().size() != 1)
                    return refuse(QCoreApplication::translate("Stratus", "%1 is not valid AWSJSON")
                                      .arg(describe(value)));
                QByteArray compact = wrapped.toJson(QJsonDocument::Compact);
                return QString::fromUtf8(compact.sliced(1, compact.size() - 2));
            }
            return QString::fromUtf8(document.toJson(QJsonDocument::Compact));
        }
        const QJsonValue json = QJsonValue::fromVariant(value);
        if (json.isObject())
            return QString::fromUtf8(QJsonDocument(json.toObject()).toJson(QJsonDocument::Compact));
        if (json.isArray())
            return QString::fromUtf8(QJsonDocument(json.toArray()).toJson(QJsonDocument::Compact));
        if (json.isBool() || json.isDouble()) {
            QByteArray compact = QJsonDocument(QJsonArray{json}).toJson(QJsonDocument::Compact);
            return QString::fromUtf8(compact.sliced(1, compact.size() - 2));
        }
        return refuse(
            QCoreApplication::translate("Stratus", "%1 is not valid AWSJSON").arg(describe(value)));
    }
    case Type::NonModel:
    case Type::Model:
    case Type::Invalid:
        break;
    }
    return refuse(QCoreApplication::translate("Stratus", "%1 cannot be stored in this field")
                      .arg(describe(value)));
}

} // namespace Stratus::Scalars
