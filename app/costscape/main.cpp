// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Costscape"));
    QApplication::setOrganizationName(QStringLiteral("Costscape"));
    QApplication::setApplicationVersion(QStringLiteral(COSTSCAPE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Cost and capacity planner for AWS compute"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("scenario"), QStringLiteral("A *.costscape.json file to open."));
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                  QStringLiteral("Render the window to a PNG file and quit (for documentation)."),
                                  QStringLiteral("file"));
    parser.addOption(screenshot);
    parser.process(app);

    Costscape::Ui::MainWindow window;
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openScenario(parser.positionalArguments().constFirst());
    if (parser.isSet(screenshot)) {
        QApplication::processEvents();
        return window.grab().save(parser.value(screenshot)) ? 0 : 1;
    }
    return QApplication::exec();
}
