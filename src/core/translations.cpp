#include <Stratus/translations.h>

#include <QtCore/qcoreapplication.h>
#include <QtCore/qtranslator.h>

using namespace Qt::StringLiterals;

namespace Stratus {

bool installTranslator(const QLocale &locale)
{
    auto *app = QCoreApplication::instance();
    if (!app)
        return false;
    auto translator = std::make_unique<QTranslator>(app);
    if (!translator->load(locale, u"stratus"_s, u"_"_s, u":/stratus/i18n"_s))
        return false;
    return QCoreApplication::installTranslator(translator.release());
}

} // namespace Stratus
