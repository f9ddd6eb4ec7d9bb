// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/comparedialog.h"

#include "ui/charts/chartbase.h"
#include "ui/document/scenariodocument.h"

#include "models/evaluator.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Costscape::Ui {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

CompareDialog::CompareDialog(ScenarioDocument *document, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_region(new QComboBox)
    , m_heading(new QLabel)
    , m_tree(new QTreeWidget)
{
    setWindowTitle(tr("Compare scenarios"));
    auto *open = new QPushButton(tr("Compare with a file…"));
    auto *row = new QHBoxLayout;
    row->addWidget(open);
    row->addSpacing(20);
    row->addWidget(new QLabel(tr("or the same scenario in")));
    row->addWidget(m_region);
    row->addStretch(1);
    if (const auto sheet = document->priceSheet())
        for (const std::string &code : sheet->regionCodes())
            m_region->addItem(qs(code));
    m_region->setCurrentIndex(-1);
    m_region->setPlaceholderText(tr("a region"));
    m_heading->setWordWrap(true);
    m_heading->setTextFormat(Qt::RichText);
    m_tree->setColumnCount(4);
    m_tree->setHeaderLabels({tr("Option / line item"), tr("A (monthly)"), tr("B (monthly)"), tr("B − A")});
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < 4; ++c)
        m_tree->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_heading);
    layout->addWidget(m_tree, 1);
    resize(820, 620);

    connect(open, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Compare with"), QString(),
                                                          tr("Costscape scenarios (*.costscape.json *.json)"));
        if (!path.isEmpty())
            compareWithFile(path);
    });
    connect(m_region, &QComboBox::activated, this, [this](int index) { compareWithRegion(m_region->itemText(index)); });
    connect(m_document, &ScenarioDocument::scenarioChanged, this, &CompareDialog::refresh);
}

bool CompareDialog::compareWithFile(const QString &path)
{
    m_file = path;
    m_regionB.clear();
    m_region->setCurrentIndex(-1);
    return refresh();
}

bool CompareDialog::compareWithRegion(const QString &region)
{
    m_file.clear();
    m_regionB = region;
    m_region->setCurrentIndex(m_region->findText(region));
    return refresh();
}

bool CompareDialog::refresh()
{
    const auto sheet = m_document->priceSheet();
    if (!sheet || (m_file.isEmpty() && m_regionB.isEmpty()))
        return false;
    const Models::Scenario &a = m_document->scenario();
    const auto evaluatedA = Models::Evaluator::evaluate(a, *sheet);
    if (!evaluatedA) {
        m_heading->setText(tr("The open scenario cannot be priced: %1").arg(qs(evaluatedA.error().message).toHtmlEscaped()));
        return false;
    }
    if (!m_file.isEmpty()) {
        const auto b = Models::loadAndEvaluate(m_file.toStdString());
        if (!b) {
            m_heading->setText(tr("%1 cannot be priced: %2").arg(m_file.toHtmlEscaped(), qs(b.error().toString()).toHtmlEscaped()));
            m_comparison = {};
            m_tree->clear();
            return false;
        }
        showComparison(Models::compareEvaluations(evaluatedA.value(), b.value().evaluation));
        return true;
    }
    Models::Scenario moved = a;
    moved.region = m_regionB.toStdString();
    const auto b = Models::Evaluator::evaluate(moved, *sheet);
    if (!b) {
        m_heading->setText(tr("The scenario cannot be priced in %1: %2").arg(m_regionB, qs(b.error().message).toHtmlEscaped()));
        m_comparison = {};
        m_tree->clear();
        return false;
    }
    showComparison(Models::compareEvaluations(evaluatedA.value(), b.value()));
    return true;
}

void CompareDialog::showComparison(const Models::Comparison &c)
{
    m_comparison = c;
    const QString cur = qs(c.currency);
    auto name = [](const std::string &s) { return ChartBase::isolated(qs(s.empty() ? std::string("(unnamed)") : s)).toHtmlEscaped(); };
    m_heading->setText(tr("<b>A</b>: %1 (%2), cheapest %3<br><b>B</b>: %4 (%5), cheapest %6")
                           .arg(name(c.scenarioA), qs(c.regionA), c.cheapestA.empty() ? tr("none") : name(c.cheapestA),
                                name(c.scenarioB), qs(c.regionB), c.cheapestB.empty() ? tr("none") : name(c.cheapestB)));
    m_tree->clear();
    auto money = [&](bool present, double v) { return present ? ChartBase::formatMoney(v, cur) : QStringLiteral("–"); };
    auto diff = [&](double v) { return (v > 0 ? QStringLiteral("+") : QString()) + ChartBase::formatMoney(v, cur); };
    for (const auto &o : c.options) {
        auto *item = new QTreeWidgetItem(m_tree);
        QString label = ChartBase::isolated(qs(o.id));
        if (!o.inA || !o.inB)
            label += o.inA ? tr("  (only in A)") : tr("  (only in B)");
        else if (!o.feasibleA || !o.feasibleB)
            label += tr("  (infeasible in %1)").arg(!o.feasibleA && !o.feasibleB ? tr("both") : !o.feasibleA ? tr("A") : tr("B"));
        item->setText(0, label);
        item->setText(1, money(o.inA, o.a));
        item->setText(2, money(o.inB, o.b));
        item->setText(3, o.inA && o.inB ? diff(o.difference()) : QStringLiteral("–"));
        QFont bold = item->font(0);
        bold.setBold(true);
        for (int col = 0; col < 4; ++col) {
            item->setFont(col, bold);
            if (col > 0)
                item->setTextAlignment(col, Qt::AlignRight | Qt::AlignVCenter);
        }
        for (const auto &l : o.lines) {
            auto *child = new QTreeWidgetItem(item);
            child->setText(0, qs(l.name));
            child->setText(1, money(l.inA, l.a));
            child->setText(2, money(l.inB, l.b));
            child->setText(3, diff(l.difference()));
            for (int col = 1; col < 4; ++col)
                child->setTextAlignment(col, Qt::AlignRight | Qt::AlignVCenter);
        }
    }
    m_tree->expandAll();
}

} // namespace Costscape::Ui
