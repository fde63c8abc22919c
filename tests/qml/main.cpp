#include <QtCore/qdir.h>
#include <QtCore/qtemporarydir.h>
#include <QtCore/qurl.h>
#include <QtQml/qqmlcontext.h>
#include <QtQml/qqmlengine.h>
#include <QtQuickTest/quicktest.h>

// Gives every QML test a fresh folder for its databases: `testDatabaseDir`.
class Setup : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->rootContext()->setContextProperty(QStringLiteral("testDatabaseDir"), m_dir.path());
        engine->rootContext()->setContextProperty(
            QStringLiteral("quickstartUrl"),
            QUrl::fromLocalFile(QStringLiteral(STRATUS_QUICKSTART_QML)));
        // The quick start writes todos.sqlite in the working directory.
        QDir::setCurrent(m_dir.path());
    }

private:
    QTemporaryDir m_dir;
};

QUICK_TEST_MAIN_WITH_SETUP(stratus, Setup)

#include "main.moc"
