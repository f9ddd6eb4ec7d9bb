// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pricing/pricesheet.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace Costscape::Ui {

class InstanceTypeFilterModel;
class InstanceTypeModel;

/**
 * The price sheet dock: which sheet is in use and where its prices come from, and the EC2
 * instance types of one region, searchable ("m5", "vcpu>=4 mem>=16", "arm") and sortable.
 * It shows a sheet and never loads one: "Load price sheet…" asks the owner (loadRequested),
 * which shows the file dialog and calls setPriceSheet.
 */
class PriceSheetPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PriceSheetPanel)

public:
    explicit PriceSheetPanel(QWidget *parent = nullptr);
    ~PriceSheetPanel() override;

    /**
     * Shows sheet (nullptr: nothing) at region. A region the sheet does not have leaves the
     * region box without a choice and the table empty, and says so in the count label.
     * Emits nothing.
     */
    void setPriceSheet(std::shared_ptr<const Pricing::PriceSheet> sheet, const QString &region);
    /** Shows another region of the current sheet, as setPriceSheet does; emits nothing. */
    void setRegion(const QString &region);

    std::shared_ptr<const Pricing::PriceSheet> priceSheet() const { return m_sheet; }
    /** The region shown, empty when none. */
    QString region() const;

    QComboBox *regionBox() const { return m_regionBox; }
    QLineEdit *searchBox() const { return m_search; }
    QTableView *table() const { return m_table; }
    InstanceTypeModel *model() const { return m_model; }
    InstanceTypeFilterModel *filter() const { return m_filter; }
    QLabel *provenanceLabel() const { return m_provenance; }
    QLabel *countLabel() const { return m_count; }
    QPushButton *loadButton() const { return m_load; }

Q_SIGNALS:
    /** The user picked region in the region box (the panel already shows it). */
    void regionChosen(const QString &region);
    /** The user asked to load another price sheet. */
    void loadRequested();

private:
    void showRegion(const QString &region);
    void onRegionIndexChanged(int index);
    void updateProvenance();
    void updateCount();

    std::shared_ptr<const Pricing::PriceSheet> m_sheet;
    QComboBox *m_regionBox;
    QLabel *m_provenance;
    QLineEdit *m_search;
    QTableView *m_table;
    QLabel *m_count;
    QPushButton *m_load;
    InstanceTypeModel *m_model;
    InstanceTypeFilterModel *m_filter;
    QString m_missingRegion; ///< a region asked for that the sheet lacks, for the count label
    bool m_columnsSized = false;
};

} // namespace Costscape::Ui
