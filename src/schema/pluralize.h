#pragma once

#include <Stratus/stratus_export.h>

#include <QtCore/qstring.h>

namespace Stratus {

/// The plural of an English word exactly as Amplify codegen and the AppSync transformer spell
/// it (they use the `pluralize` npm package): `Todo` → `Todos`, `Category` → `Categories`,
/// `Person` → `People`. The case of the input is kept as `pluralize` keeps it.
STRATUS_EXPORT QString pluralize(const QString &word);

} // namespace Stratus
