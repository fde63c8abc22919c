#include <Stratus/datastore.h>
#include <Stratus/translations.h>

#include <QtCore/qtranslator.h>
#include <QtTest/qtest.h>

using namespace Qt::StringLiterals;
using namespace Stratus;

class tst_Error : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kinds_data();
    void kinds();
    void noError();
    void details();
    void debugStreaming();
    void translations_data();
    void translations();
    void noTranslation();
};

void tst_Error::kinds_data()
{
    QTest::addColumn<Error::Kind>("kind");
    QTest::addColumn<QString>("prefix");
    QTest::addRow("validation") << Error::Kind::Validation << u"Validation error"_s;
    QTest::addRow("condition") << Error::Kind::Condition << u"Condition error"_s;
    QTest::addRow("conflict") << Error::Kind::Conflict << u"Conflict"_s;
    QTest::addRow("network") << Error::Kind::Network << u"Network error"_s;
    QTest::addRow("storage") << Error::Kind::Storage << u"Storage error"_s;
    QTest::addRow("schema") << Error::Kind::Schema << u"Schema error"_s;
    QTest::addRow("state") << Error::Kind::State << u"State error"_s;
    QTest::addRow("unauthorized") << Error::Kind::Unauthorized << u"Unauthorized"_s;
}

void tst_Error::kinds()
{
    QFETCH(Error::Kind, kind);
    QFETCH(QString, prefix);
    const Error error(kind, u"Something failed"_s, u"Todo"_s, u"name"_s, u"disk I/O error"_s);
    QVERIFY(error.isValid());
    QCOMPARE(error.kind(), kind);
    QCOMPARE(error.message(), u"Something failed"_s);
    QCOMPARE(error.modelName(), u"Todo"_s);
    QCOMPARE(error.fieldName(), u"name"_s);
    QCOMPARE(error.cause(), u"disk I/O error"_s);
    QCOMPARE(error.toString(), prefix + u" (Todo.name): Something failed [disk I/O error]"_s);
    const Error copy = error;
    QCOMPARE(copy, error);
    QVERIFY(copy != Error(kind, u"Other"_s));
    // The kind is readable from QML and QMetaEnum.
    QVERIFY(QMetaEnum::fromType<Error::Kind>().valueToKey(int(kind)));
}

void tst_Error::noError()
{
    const Error error;
    QVERIFY(!error.isValid());
    QCOMPARE(error.kind(), Error::Kind::NoError);
    QVERIFY(error.message().isEmpty());
    QCOMPARE(error, Error());
}

void tst_Error::details()
{
    Error error(Error::Kind::Validation, u"Two problems"_s, u"Todo"_s);
    error.setDetails({Error(Error::Kind::Validation, u"a"_s, u"Todo"_s, u"a"_s),
                      Error(Error::Kind::Validation, u"b"_s, u"Todo"_s, u"b"_s)});
    QCOMPARE(error.details().size(), 2);
    QCOMPARE(error.details().at(1).fieldName(), u"b"_s);
}

void tst_Error::debugStreaming()
{
    QString text;
    QDebug(&text) << Error(Error::Kind::State, u"busy"_s);
    QCOMPARE(text, u"Stratus::Error(State error: busy) "_s);
}

void tst_Error::translations_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("kindName");
    QTest::addColumn<QString>("required");
    QTest::addRow("German") << u"de"_s << u"Validierungsfehler"_s
                            << u"Todo.name ist erforderlich"_s;
    QTest::addRow("French") << u"fr"_s << u"Erreur de validation"_s
                            << u"Todo.name est obligatoire"_s;
}

void tst_Error::translations()
{
    QFETCH(QString, language);
    QFETCH(QString, kindName);
    QFETCH(QString, required);
    QVERIFY(installTranslator(QLocale(language)));
    QVERIFY(Error(Error::Kind::Validation, u"x"_s).toString().startsWith(kindName));

    SchemaBuilder builder;
    builder.addModel(u"Todo"_s).addField(u"name"_s, u"String"_s, SchemaBuilder::Required);
    DataStore store(*builder.build(), QString());
    const QList<Error> problems = store.validate(store.create(u"Todo"_s));
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().message(), required);

    for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    QCOMPARE(Error(Error::Kind::Validation, u"x"_s).toString(), u"Validation error: x"_s);
}

void tst_Error::noTranslation()
{
    QVERIFY(!installTranslator(QLocale(QLocale::Japanese)));
}

QTEST_MAIN(tst_Error)
#include "tst_error.moc"
