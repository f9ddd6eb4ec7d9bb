// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QFontMetricsF;

namespace Costscape::Ui {

/**
 * @p text in as few lines of at most @p width pixels as it takes, broken after a '-' or at a space
 * ("ec2-on-" / "demand", "Lambda" / "Managed" / "Instances"), for a label under a bar or beside an
 * axis that must not run into its neighbours. With more lines than @p maxLines the rest goes on the
 * last line; a line still wider than @p width (one long word, or that last line) is elided with
 * "…", so the caller shows the full text elsewhere (a tooltip). A @p width that is not positive
 * (no layout yet) or @p maxLines below 1 returns @p text as it is.
 */
QString fitLabel(const QString &text, const QFontMetricsF &metrics, double width, int maxLines);

} // namespace Costscape::Ui
