// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/logging.h"

namespace Costscape::Ui {
Q_LOGGING_CATEGORY(lcDocument, "costscape.document", QtWarningMsg)
Q_LOGGING_CATEGORY(lcEvaluation, "costscape.evaluation", QtWarningMsg)
Q_LOGGING_CATEGORY(lcImport, "costscape.import", QtWarningMsg)
Q_LOGGING_CATEGORY(lcExport, "costscape.export", QtWarningMsg)
} // namespace Costscape::Ui
