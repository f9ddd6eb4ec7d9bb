// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/chartset.h"
#include "report/reportblock.h"
#include "ui/optioncolors.h"

#include "models/uncertainty/montecarlo.h"

#include <vector>

namespace Costscape::Ui {

/**
 * Appends the report's uncertainty section: the ranges, a table per option (typical, P10, P50,
 * P90, odds of being cheapest with its standard error, expected regret), the band chart and the
 * two tornadoes. Charts are made in @p charts, which must outlive @p blocks. GUI thread only.
 */
void appendUncertaintySection(std::vector<ReportBlock> &blocks, const Models::UncertaintyResult &result, ChartSet &charts,
                              const OptionColors &colors);

} // namespace Costscape::Ui
