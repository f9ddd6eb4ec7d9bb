// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "costchart.h"
#include "models/evaluator.h"
#include "models/resultformat.h"

#include <QApplication>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTableWidget>

namespace Costscape::Ui {

namespace {
QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_chart(new CostChart(this))
    , m_table(new QTableWidget(this))
    , m_provenance(new QLabel(this))
{
    setWindowTitle(tr("Costscape"));
    auto *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(tr("&Open scenario..."), QKeySequence::Open, this, &MainWindow::open);
    fileMenu->addSeparator();
    fileMenu->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);
    auto *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About Costscape"), this, &MainWindow::showAbout);

    m_table->setColumnCount(5);
    m_table->setHorizontalHeaderLabels({tr("Option"), tr("Platform"), tr("Monthly cost"), tr("Fleet peak / avg"), tr("Configuration")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(4, QHeaderView::Stretch);
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_chart);
    splitter->addWidget(m_table);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({430, 260});
    setCentralWidget(splitter);
    statusBar()->addPermanentWidget(m_provenance, 1);
    resize(1100, 720);
}

bool MainWindow::openScenario(const QString &fileName, bool quiet)
{
    auto fail = [&](const Error &error) {
        m_lastError = qs(error.toString());
        if (!quiet)
            QMessageBox::warning(this, tr("Cannot open scenario"), m_lastError);
        return false;
    };
    auto priced = Models::loadAndEvaluate(fileName.toStdString());
    if (!priced)
        return fail(priced.error());
    m_lastError.clear();
    const std::string name = priced.value().scenario.name;
    m_evaluation = std::move(priced.value().evaluation);
    showEvaluation(*m_evaluation);
    setWindowTitle(tr("%1 - Costscape").arg(name.empty() ? fileName : qs(name)));
    return true;
}

void MainWindow::showEvaluation(const Models::Evaluation &e)
{
    CostBars bars;
    bars.currency = qs(e.prices.currency);
    bars.cheapest = e.cheapestIndex();
    m_table->setRowCount(static_cast<int>(e.options.size()));
    for (std::size_t i = 0; i < e.options.size(); ++i) {
        const Models::OptionResult &o = e.options[i];
        bars.labels.push_back(qs(o.id) + QLatin1Char('\n') + QString::fromLatin1(Models::platformTitle(o.platform)));
        bars.totals.push_back(o.monthlyCost);
        bars.feasible.push_back(o.feasible);
        const int row = static_cast<int>(i);
        auto set = [&](int column, const QString &text, Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter) {
            auto *item = new QTableWidgetItem(text);
            item->setTextAlignment(align);
            if (!o.feasible)
                item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
            if (!o.warnings.empty())
                item->setToolTip(qs(o.warnings.front()));
            m_table->setItem(row, column, item);
        };
        set(0, qs(o.id));
        set(1, QString::fromLatin1(Models::platformTitle(o.platform)));
        set(2, qs(Models::formatMoney(o.monthlyCost) + " " + e.prices.currency), Qt::AlignRight | Qt::AlignVCenter);
        set(3, QStringLiteral("%L1 / %L2 %3").arg(o.fleet.peak, 0, 'f', 0).arg(o.fleet.average, 0, 'f', 1).arg(qs(o.fleet.unit)));
        QString what = qs(o.summary);
        if (!o.feasible)
            what = tr("Infeasible: %1").arg(qs(o.warnings.empty() ? std::string() : o.warnings.front()));
        else if (static_cast<int>(i) == bars.cheapest)
            what = tr("Cheapest. %1").arg(what);
        set(4, what);
    }
    m_chart->setBars(bars);
    m_provenance->setText(tr("%1 | %2, %3 h/month | prices: %4, retrieved %5")
                              .arg(qs(e.scenario), qs(e.region))
                              .arg(e.hoursPerMonth)
                              .arg(qs(e.prices.name), qs(e.prices.retrieved)));
}

void MainWindow::open()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Open scenario"), QString(),
                                                      tr("Costscape scenarios (*.costscape.json);;JSON files (*.json)"));
    if (!file.isEmpty())
        openScenario(file);
}

void MainWindow::showAbout()
{
    const auto &p = Pricing::embeddedPriceSheet().provenance;
    QMessageBox::about(this, tr("About Costscape"),
                       tr("<h3>Costscape %1</h3><p>Cost and capacity planner for AWS compute: Lambda, Fargate, "
                          "EC2 on-demand and spot, ECS on EC2.</p><p>Licensed under the GNU General Public License, "
                          "version 3 or later.</p><p>Embedded price sheet: %2, retrieved %3.</p><p><small>%4</small></p>")
                           .arg(QStringLiteral(COSTSCAPE_VERSION), qs(p.name).toHtmlEscaped(), qs(p.retrieved).toHtmlEscaped(),
                                qs(p.source).toHtmlEscaped()));
}

} // namespace Costscape::Ui
