// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/pricesheetpanel.h"
#include "ui/uitext.h"

#include "ui/itemmodels/instancetypemodel.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableView>
#include <QVBoxLayout>

namespace Costscape::Ui {

namespace {


/** The start of a long text, cut at a word, with "…"; the whole text goes in the tooltip. */
QString elided(const QString &text, qsizetype length)
{
    if (text.size() <= length)
        return text;
    qsizetype cut = text.lastIndexOf(QLatin1Char(' '), length);
    if (cut < length / 2)
        cut = length;
    return text.left(cut).trimmed() + QStringLiteral("\u2026");
}

} // namespace

PriceSheetPanel::PriceSheetPanel(QWidget *parent)
    : QWidget(parent)
    , m_regionBox(new QComboBox(this))
    , m_provenance(new QLabel(this))
    , m_search(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_count(new QLabel(this))
    , m_load(new QPushButton(tr("Load price sheet\u2026"), this))
    , m_model(new InstanceTypeModel(this))
    , m_filter(new InstanceTypeFilterModel(this))
{
    auto *top = new QHBoxLayout;
    auto *regionLabel = new QLabel(tr("&Region:"), this);
    regionLabel->setBuddy(m_regionBox);
    top->addWidget(regionLabel);
    top->addWidget(m_regionBox, 1);
    top->addWidget(m_load);

    m_provenance->setWordWrap(true);
    m_provenance->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_search->setPlaceholderText(tr("Filter: m5, vcpu>=4, mem>=16, arm"));
    m_search->setClearButtonEnabled(true);

    m_filter->setSourceModel(m_model);
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(InstanceTypeModel::TypeColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_provenance);
    layout->addWidget(m_search);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_count);

    connect(m_regionBox, &QComboBox::currentIndexChanged, this, &PriceSheetPanel::onRegionIndexChanged);
    connect(m_search, &QLineEdit::textChanged, m_filter, &InstanceTypeFilterModel::setSearch);
    connect(m_load, &QPushButton::clicked, this, &PriceSheetPanel::loadRequested);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &PriceSheetPanel::updateCount);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &PriceSheetPanel::updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &PriceSheetPanel::updateCount);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &PriceSheetPanel::updateCount);
    updateProvenance();
    updateCount();
}

PriceSheetPanel::~PriceSheetPanel() = default;

void PriceSheetPanel::setPriceSheet(std::shared_ptr<const Pricing::PriceSheet> sheet, const QString &region)
{
    m_sheet = std::move(sheet);
    {
        const QSignalBlocker blocker(m_regionBox);
        m_regionBox->clear();
        if (m_sheet)
            for (const std::string &code : m_sheet->regionCodes())
                m_regionBox->addItem(qs(code));
    }
    updateProvenance();
    showRegion(region);
}

void PriceSheetPanel::setRegion(const QString &region)
{
    showRegion(region);
}

QString PriceSheetPanel::region() const
{
    return m_regionBox->currentIndex() < 0 ? QString() : m_regionBox->currentText();
}

void PriceSheetPanel::showRegion(const QString &region)
{
    {
        const QSignalBlocker blocker(m_regionBox);
        m_regionBox->setCurrentIndex(m_regionBox->findText(region));
    }
    const Pricing::RegionPrices *prices = m_sheet ? m_sheet->region(region.toStdString()) : nullptr;
    m_missingRegion = prices || region.isEmpty() || !m_sheet ? QString() : region;
    m_model->setRegion(prices, m_sheet ? qs(m_sheet->provenance.currency) : QString());
    if (!m_columnsSized && m_model->rowCount() > 0) {
        // Once: after that the widths are the user's.
        m_table->resizeColumnsToContents();
        m_columnsSized = true;
    }
    updateCount();
}

void PriceSheetPanel::onRegionIndexChanged(int index)
{
    if (index < 0)
        return;
    const QString code = m_regionBox->itemText(index);
    showRegion(code);
    Q_EMIT regionChosen(code);
}

void PriceSheetPanel::updateProvenance()
{
    if (!m_sheet) {
        m_provenance->setText(tr("No price sheet"));
        m_provenance->setToolTip({});
        return;
    }
    const Pricing::Provenance &p = m_sheet->provenance;
    const QString file = qs(p.file);
    const QString fileName = file == QLatin1String("embedded") || file.isEmpty() ? file : QFileInfo(file).fileName();
    QStringList parts;
    for (const QString &part : {qs(p.name), elided(qs(p.source), 60),
                                p.retrieved.empty() ? QString() : tr("retrieved %1").arg(qs(p.retrieved)), fileName})
        if (!part.isEmpty())
            parts.push_back(part);
    m_provenance->setText(parts.join(QStringLiteral(" \u2014 ")));
    m_provenance->setToolTip(tr("%1\n\nSource: %2\nRetrieved: %3\nCurrency: %4\nFile: %5")
                                 .arg(qs(p.name), qs(p.source), qs(p.retrieved),
                                      qs(p.currency), file));
}

void PriceSheetPanel::updateCount()
{
    if (!m_missingRegion.isEmpty()) {
        m_count->setText(tr("The price sheet has no prices for %1").arg(m_missingRegion));
        return;
    }
    m_count->setText(tr("%1 of %2 instance types").arg(m_filter->rowCount()).arg(m_model->rowCount()));
}

} // namespace Costscape::Ui
