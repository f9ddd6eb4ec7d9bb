// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/evaluation.h"

#include <QMainWindow>

#include <optional>

class QLabel;
class QTableWidget;

namespace Costscape::Ui {

class CostChart;

/**
 * The main window: opens a scenario, prices it and shows the monthly comparison as a chart and
 * a table. Problems with files are shown in message boxes naming the file, line and field.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);

    /** Loads, prices and shows a scenario. On failure shows the error (unless quiet) and returns false. */
    bool openScenario(const QString &fileName, bool quiet = false);
    /** The last error, `file:line:column: message`; empty after a successful open. */
    QString lastError() const { return m_lastError; }
    const std::optional<Models::Evaluation> &evaluation() const { return m_evaluation; }
    CostChart *costChart() const { return m_chart; }
    QTableWidget *table() const { return m_table; }

private:
    void open();
    void showAbout();
    void showEvaluation(const Models::Evaluation &evaluation);

    CostChart *m_chart;
    QTableWidget *m_table;
    QLabel *m_provenance;
    std::optional<Models::Evaluation> m_evaluation;
    QString m_lastError;
};

} // namespace Costscape::Ui
