// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/document/evaluationrunner.h"
#include "ui/mainwindow.h"
#include "ui/panels/resultspanel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTest>

namespace Costscape::Testing {

/** The sample scenario that script/run opens. */
inline const QString SampleScenario = QStringLiteral(COSTSCAPE_SOURCE_DIR "/examples/web-api.costscape.json");

/**
 * Runs the event loop until the newest evaluation's result is on screen; false after 15 s, so a
 * lost result fails the test instead of hanging it.
 */
inline bool settle(Ui::MainWindow &w)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 15000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (w.results()->shownGeneration() == w.runner()->latestGeneration() && !w.runner()->isBusy())
            return true;
        QTest::qWait(2);
    }
    return false;
}

} // namespace Costscape::Testing
