// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/uncertainty/comparison.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QTreeWidget;

namespace Costscape::Ui {

class ScenarioDocument;

/**
 * File > Compare with…: the open scenario (A) beside another (B), option by option and line item
 * by line item, with B - A. B is a scenario file (priced with its own sheet) or, in one click, the
 * open scenario with only its region changed. A follows the document's edits.
 */
class CompareDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompareDialog)

public:
    explicit CompareDialog(ScenarioDocument *document, QWidget *parent = nullptr);

    /** Compares with the scenario file at @p path; false (with the reason shown) when it cannot be priced. */
    bool compareWithFile(const QString &path);
    /** Compares with the open scenario moved to @p region. */
    bool compareWithRegion(const QString &region);

    const Models::Comparison &comparison() const { return m_comparison; }
    QTreeWidget *table() const { return m_tree; }

private:
    /** Prices A and B again and shows them; false (the reason in the heading) when either fails. */
    bool refresh();
    void showComparison(const Models::Comparison &comparison);

    ScenarioDocument *m_document;
    QComboBox *m_region = nullptr;
    QLabel *m_heading = nullptr;
    QTreeWidget *m_tree = nullptr;
    Models::Comparison m_comparison;
    QString m_file;   ///< B's file, when B is a file
    QString m_regionB; ///< B's region, when B is the open scenario elsewhere
};

} // namespace Costscape::Ui
