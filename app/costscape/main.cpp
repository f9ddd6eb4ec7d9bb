// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/chartbase.h"
#include "ui/charts/packingchart.h"
#include "ui/document/evaluationrunner.h"
#include "ui/document/scenariodocument.h"
#include "ui/editors/billform.h"
#include "ui/editors/numberfield.h"
#include "ui/panels/optionspanel.h"
#include "ui/panels/workloadpanel.h"
#include "ui/mainwindow.h"
#include "ui/panels/resultspanel.h"
#include "ui/theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QTextStream>
#include <QThread>
#include <QUndoStack>

namespace {

// Lets the worker thread finish and the charts repaint before a screenshot is taken.
void settle(Costscape::Ui::MainWindow &window)
{
    QElapsedTimer timer;
    timer.start();
    do {
        QApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(10);
    } while ((window.runner()->isBusy() || timer.elapsed() < 300) && timer.elapsed() < 20000);
    QApplication::processEvents();
}

bool grab(QWidget *widget, const QString &file)
{
    const bool ok = widget->grab().save(file);
    QTextStream(stderr) << (ok ? "wrote " : "cannot write ") << file << '\n';
    return ok;
}

/**
 * The screenshots of the README: the window, each chart, each panel, the monthly chart after a
 * duration edit, and the dark theme.
 */
int writeScreenshots(Costscape::Ui::MainWindow &window, const QString &dir)
{
    using namespace Costscape::Ui;
    QDir().mkpath(dir);
    bool ok = true;
    auto at = [&](const char *name) { return QDir(dir).filePath(QString::fromLatin1(name)); };
    settle(window);
    ok &= grab(&window, at("main-window.png"));
    const std::pair<ResultsPanel::Tab, const char *> tabs[] = {{ResultsPanel::MonthlyTab, "chart-monthly.png"},
                                                              {ResultsPanel::TrafficTab, "chart-traffic.png"},
                                                              {ResultsPanel::HourlyTab, "chart-hourly.png"},
                                                              {ResultsPanel::PackingTab, "chart-packing.png"},
                                                              {ResultsPanel::SpikeTab, "chart-spike.png"},
                                                              {ResultsPanel::LineItemsTab, "line-items.png"}};
    for (const auto &[tab, name] : tabs) {
        window.results()->setCurrentTab(tab);
        settle(window);
        ok &= grab(window.results(), at(name));
    }
    // Issue 19: the packing of the EKS on EC2 option (nodes with pods and DaemonSets), and its form.
    if (PackingChart *packing = window.results()->packingChart(); packing && packing->optionCount() > 1) {
        window.results()->setCurrentTab(ResultsPanel::PackingTab);
        packing->selectOption(packing->optionCount() - 1);
        settle(window);
        ok &= grab(window.results(), at("chart-packing-eks.png"));
        packing->selectOption(0);
    }
    const int options = static_cast<int>(window.document()->scenario().options.size());
    const int selected = window.optionsPanel()->selectedIndex();
    for (int i = 0; i < options; ++i)
        if (window.document()->scenario().options[static_cast<std::size_t>(i)].platform() == Costscape::Models::Platform::EksEc2) {
            window.optionsPanel()->select(i);
            window.optionsDock()->raise();
            settle(window);
            ok &= grab(window.optionsDock(), at("panel-options-eks.png"));
            window.optionsPanel()->select(selected);
            break;
        }
    window.results()->setCurrentTab(ResultsPanel::MonthlyTab);
    const std::pair<QDockWidget *, const char *> docks[] = {{window.workloadDock(), "panel-workload.png"},
                                                           {window.optionsDock(), "panel-options.png"},
                                                           {window.priceSheetDock(), "panel-price-sheet.png"}};
    for (const auto &[dock, name] : docks) {
        dock->raise();
        settle(window);
        ok &= grab(dock, at(name));
    }
    // Issue 15: the "Around the compute" group of the first EC2 option's editor, scrolled into view.
    for (int i = 0; i < options; ++i)
        if (window.document()->scenario().options[static_cast<std::size_t>(i)].platform() == Costscape::Models::Platform::Ec2) {
            window.optionsPanel()->select(i);
            window.optionsDock()->raise();
            settle(window);
            for (BillForm *bill : window.optionsDock()->findChildren<BillForm *>())
                for (QScrollArea *area : window.optionsDock()->findChildren<QScrollArea *>())
                    if (bill->isVisible() && area->widget() && area->widget()->isAncestorOf(bill))
                        area->ensureWidgetVisible(bill, 0, 0);
            settle(window);
            ok &= grab(window.optionsDock(), at("panel-options-bill.png"));
            for (QScrollArea *area : window.optionsDock()->findChildren<QScrollArea *>())
                area->verticalScrollBar()->setValue(0);
            window.optionsPanel()->select(selected);
            break;
        }
    window.workloadDock()->raise();

    // Issue 18: the monthly chart after typing 240 in Duration (it was 120), as a user does, so
    // that a person can see the bars and their totals fit.
    window.results()->setCurrentTab(ResultsPanel::MonthlyTab);
    if (QLineEdit *duration = window.workloadPanel()->durationField()->lineEdit()) {
        duration->setFocus();
        duration->selectAll();
        for (const QChar c : QStringLiteral("240")) {
            QKeyEvent press(QEvent::KeyPress, Qt::Key_0 + (c.unicode() - '0'), Qt::NoModifier, QString(c));
            QApplication::sendEvent(duration, &press);
        }
        QKeyEvent tab(QEvent::KeyPress, Qt::Key_Tab, Qt::NoModifier);
        QApplication::sendEvent(duration, &tab);
        settle(window);
        ok &= grab(window.results(), at("chart-monthly-duration-240ms.png"));
        window.document()->undoStack()->undo();
        // Back to the panel as it was: no field focused, scrolled to the top.
        if (QWidget *focused = QApplication::focusWidget())
            focused->clearFocus();
        if (auto *area = qobject_cast<QScrollArea *>(window.workloadDock()->widget()))
            area->verticalScrollBar()->setValue(0);
        settle(window);
    }

    applyTheme(Theme::Dark);
    settle(window);
    ok &= grab(&window, at("main-window-dark.png"));
    return ok ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Costscape"));
    QApplication::setOrganizationName(QStringLiteral("Costscape"));
    QApplication::setApplicationVersion(QStringLiteral(COSTSCAPE_VERSION));
    // Wayland compositors and docks match the window to installer/io.github.costscape.Costscape.desktop.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.costscape.Costscape"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Cost and capacity planner for AWS compute"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("scenario"), QStringLiteral("A *.costscape.json file to open."));
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                  QStringLiteral("Render the window to a PNG file and quit (for documentation)."),
                                  QStringLiteral("file"));
    QCommandLineOption screenshots(QStringLiteral("screenshots"),
                                   QStringLiteral("Render the window, each chart and each panel to PNG files in a "
                                                  "directory and quit (for documentation)."),
                                   QStringLiteral("directory"));
    parser.addOption(screenshot);
    parser.addOption(screenshots);
    parser.process(app);

    const bool documenting = parser.isSet(screenshot) || parser.isSet(screenshots);
    if (documenting) {
        // Screenshots show the defaults, not whatever layout this machine last left behind.
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, QDir::tempPath() + QStringLiteral("/costscape-screenshots"));
        QSettings().clear();
        Costscape::Ui::applyTheme(Costscape::Ui::Theme::Light);
    } else {
        Costscape::Ui::applyTheme(Costscape::Ui::themeFromName(QSettings().value(QStringLiteral("theme")).toString()));
    }

    Costscape::Ui::MainWindow window;
    window.show();
    // Unsaved work of a session that crashed comes first; a file named on the command line is
    // then opened after the unsaved-changes prompt, so neither is lost.
    if (!documenting)
        window.offerRecovery();
    if (!parser.positionalArguments().isEmpty()
        && !window.openScenario(parser.positionalArguments().constFirst(), documenting) && documenting) {
        QTextStream(stderr) << window.lastError() << '\n';
        return 1;
    }
    if (parser.isSet(screenshots))
        return writeScreenshots(window, parser.value(screenshots));
    if (parser.isSet(screenshot)) {
        settle(window);
        return grab(&window, parser.value(screenshot)) ? 0 : 1;
    }
    return QApplication::exec();
}
