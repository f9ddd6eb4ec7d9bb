// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/editors/rangebuttonmaker.h"

#include "models/scenario/scenario.h"

#include <QWidget>

class QListView;
class QPushButton;
class QScrollArea;

namespace Costscape::Ui {

class OptionEditor;
class OptionListModel;
class ScenarioDocument;

/**
 * The deployment options: a list (enable or disable each with its checkbox), Add of each
 * platform, Duplicate, Remove, and the form of the selected option. Every change is an undoable
 * edit of the document. It makes the form's range buttons (RangeButton, issue 17): the EC2 form's
 * spot discount and interrupted hours edit the scenario's `"ranges"`, each an undoable edit too.
 */
class OptionsPanel final : public QWidget, private RangeButtonMaker
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OptionsPanel)

public:
    explicit OptionsPanel(ScenarioDocument *document, QWidget *parent = nullptr);

    void addOption(Models::Platform platform);
    void duplicateSelected();
    void removeSelected();
    /** The selected option's index in the scenario, -1 when none. */
    int selectedIndex() const;
    void select(int index);
    /** Shows each option's monthly cost beside its name. */
    void setCosts(const QHash<QString, QString> &costById);

    QListView *list() const { return m_list; }
    OptionListModel *model() const { return m_model; }
    OptionEditor *editor() const { return m_editor; }

private:
    QWidget *makeRangeButton(Models::UncertainInput input, std::function<double()> ownValue, QWidget *parent) override;
    void refresh();
    void showSelected();

    ScenarioDocument *m_document;
    OptionListModel *m_model;
    QListView *m_list;
    QPushButton *m_add;
    QPushButton *m_duplicate;
    QPushButton *m_remove;
    QScrollArea *m_scroll;
    OptionEditor *m_editor;
};

} // namespace Costscape::Ui
