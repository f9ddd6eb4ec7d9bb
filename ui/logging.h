// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

/**
 * The window's diagnostics, one category per concern (Zeal's way), off below warnings unless
 * asked for: QT_LOGGING_RULES="costscape.*.debug=true" costscape shows every evaluation's time,
 * dropped stale results, file and import events.
 */
namespace Costscape::Ui {
Q_DECLARE_LOGGING_CATEGORY(lcDocument)   ///< "costscape.document": opening, saving, the price sheet
Q_DECLARE_LOGGING_CATEGORY(lcEvaluation) ///< "costscape.evaluation": evaluations and sweeps on the worker
Q_DECLARE_LOGGING_CATEGORY(lcImport)     ///< "costscape.import": AWS price list imports
Q_DECLARE_LOGGING_CATEGORY(lcExport)     ///< "costscape.export": charts and reports written
} // namespace Costscape::Ui
