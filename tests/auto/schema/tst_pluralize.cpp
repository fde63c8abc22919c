#include <Stratus/pluralize.h>

#include <QtCore/qfile.h>
#include <QtTest/qtest.h>

using namespace Qt::StringLiterals;

// Stratus::pluralize() against the npm package `pluralize` 8.0.0: data/pluralize.tsv holds what
// the package returns for several thousand words (regenerate it with
// data/make-pluralize-tsv.js).
class tst_Pluralize : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pluralize_data();
    void pluralize();
    void repeatedCallsAgree();
};

void tst_Pluralize::pluralize_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("expected");

    // By hand, so that the test says something even without the data file.
    QTest::newRow("Todo") << u"Todo"_s << u"Todos"_s;
    QTest::newRow("Category") << u"Category"_s << u"Categories"_s;
    QTest::newRow("Person") << u"Person"_s << u"People"_s;
    QTest::newRow("Status") << u"Status"_s << u"Statuses"_s;
    QTest::newRow("PostTags") << u"PostTags"_s << u"PostTags"_s;
    QTest::newRow("API") << u"API"_s << u"APIS"_s;
    QTest::newRow("empty") << QString() << QString();
    // Not representable in the UTF-8 data file: lone surrogates, and a newline (JS `$` does not
    // match before a final newline, PCRE2's does). Expected values from pluralize 8.0.0.
    QTest::newRow("lone high surrogate") << QString(QChar(0xd801)) << QString(QChar(0xd801));
    QTest::newRow("lone low surrogate + y")
        << (QChar(0xdc00) + u"y"_s) << (QChar(0xdc00) + u"ies"_s);
    QTest::newRow("box + newline") << u"box\n"_s << u"box\ns"_s;
    QTest::newRow("newline + box") << u"\nbox"_s << u"\nboxes"_s;

    QFile file(QStringLiteral(STRATUS_TEST_DATA_DIR "/pluralize.tsv"));
    QVERIFY2(file.open(QIODevice::ReadOnly | QIODevice::Text), qPrintable(file.errorString()));
    int rows = 0;
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        QString line = QString::fromUtf8(file.readLine());
        if (line.endsWith(u'\n'))
            line.chop(1);
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const qsizetype tab = line.indexOf(u'\t');
        QVERIFY2(tab > 0 && line.indexOf(u'\t', tab + 1) < 0,
                 qPrintable(u"pluralize.tsv:%1: expected word<TAB>plural"_s.arg(lineNumber)));
        const QString word = line.left(tab);
        QTest::addRow("%d: %s", lineNumber, qUtf8Printable(word)) << word << line.mid(tab + 1);
        ++rows;
    }
    QVERIFY2(rows >= 1000, qPrintable(u"pluralize.tsv has only %1 rows"_s.arg(rows)));
}

void tst_Pluralize::pluralize()
{
    QFETCH(QString, word);
    QFETCH(QString, expected);
    QCOMPARE(Stratus::pluralize(word), expected);
}

void tst_Pluralize::repeatedCallsAgree()
{
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(Stratus::pluralize(u"Child"_s), u"Children"_s);
        QCOMPARE(Stratus::pluralize(u"mouse"_s), u"mice"_s);
        QCOMPARE(Stratus::pluralize(u"QUIZ"_s), u"QUIZZES"_s);
    }
}

QTEST_MAIN(tst_Pluralize)
#include "tst_pluralize.moc"
