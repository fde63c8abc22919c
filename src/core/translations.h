#pragma once

#include <Stratus/stratus_export.h>

#include <QtCore/qlocale.h>

namespace Stratus {

/// Installs the translator for Stratus' own messages (error messages) in \a locale's language
/// on the application, from the translations built into the library. Returns false when
/// Stratus has no translation for that language (English is the source language).
STRATUS_EXPORT bool installTranslator(const QLocale &locale = QLocale());

} // namespace Stratus
