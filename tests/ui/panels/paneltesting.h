// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// What the uncertainty panels' tests share: the screenshot they leave for docs/screenshots and the
// range a document's scenario gives an input.
#pragma once

#include "ui/document/scenariodocument.h"

#include "models/uncertainty/ranges.h"

#include <QApplication>
#include <QTest>
#include <QWidget>

#include <optional>

namespace PanelTesting {

/**
 * With COSTSCAPE_SCREENSHOT_DIR set, writes @p widget as NAME.png there (docs/screenshots are made
 * this way, e.g. COSTSCAPE_SCREENSHOT_DIR=docs/screenshots xvfb-run -a build/tests/ui/tst_uncertaintydialog).
 */
inline void screenshot(QWidget &widget, const char *name)
{
    const QString dir = qEnvironmentVariable("COSTSCAPE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    widget.show();
    for (int i = 0; i < 20; ++i) {
        QApplication::processEvents(QEventLoop::AllEvents, 20);
        QTest::qWait(20);
    }
    QVERIFY(widget.grab().save(dir + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".png")));
}

/** The range the document's scenario gives @p input; a scenario whose ranges do not read stops the test. */
inline std::optional<Costscape::Models::InputRange> rangeOf(const Costscape::Ui::ScenarioDocument &document,
                                                            Costscape::Models::UncertainInput input)
{
    const auto read = Costscape::Models::readRanges(document.scenario());
    if (!read)
        qFatal("%s", read.error().toString().c_str());
    return read.value()[input];
}

} // namespace PanelTesting
