#include <QtQml/qqmlextensionplugin.h>

// Declared by the code qt_add_qml_module generates for the backing library (StratusQml).
extern void qml_register_types_Stratus();

// The plugin the QML engine loads for `import Stratus`. The types themselves live in the
// StratusQml backing library (qml/); this only makes sure it is linked and registered.
class StratusPlugin : public QQmlEngineExtensionPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID QQmlEngineExtensionInterface_iid)

public:
    explicit StratusPlugin(QObject *parent = nullptr) : QQmlEngineExtensionPlugin(parent)
    {
        volatile auto registration = &qml_register_types_Stratus;
        Q_UNUSED(registration);
    }
};

#include "stratusqmlplugin.moc"
