// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/optionspanel.h"

#include "models/platforms/platformmodel.h"

#include "ui/editors/optioneditor.h"
#include "ui/editors/rangebutton.h"
#include "ui/itemmodels/optionlistmodel.h"
#include "ui/document/scenariodocument.h"

#include <QHBoxLayout>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

#include <utility>

namespace Costscape::Ui {

OptionsPanel::OptionsPanel(ScenarioDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(new OptionListModel(this))
    , m_list(new QListView(this))
    , m_add(new QPushButton(tr("&Add"), this))
    , m_duplicate(new QPushButton(tr("D&uplicate"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_scroll(new QScrollArea(this))
    , m_editor(new OptionEditor(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_list->setModel(m_model);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setToolTip(tr("Untick an option to leave it out of the comparison without deleting it."));
    auto *buttons = new QHBoxLayout;
    auto *addMenu = new QMenu(m_add);
    for (const Models::Platform platform : Models::allPlatforms())
        addMenu->addAction(QString::fromUtf8(Models::platformTitle(platform)), this, [this, platform] { addOption(platform); });
    m_add->setMenu(addMenu);
    buttons->addWidget(m_add);
    buttons->addWidget(m_duplicate);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_list);
    topLayout->addLayout(buttons);
    m_scroll->setWidget(m_editor);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(m_scroll);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({170, 500});
    layout->addWidget(splitter);

    m_editor->setRangeButtons(this);

    connect(m_duplicate, &QPushButton::clicked, this, &OptionsPanel::duplicateSelected);
    connect(m_remove, &QPushButton::clicked, this, &OptionsPanel::removeSelected);
    connect(m_model, &OptionListModel::enabledToggled, this, [this](int row, bool enabled) {
        const auto &options = m_document->scenario().options;
        if (row < 0 || row >= static_cast<int>(options.size()))
            return;
        m_document->edit(enabled ? tr("Enable %1").arg(QString::fromStdString(options[static_cast<std::size_t>(row)].id))
                                 : tr("Disable %1").arg(QString::fromStdString(options[static_cast<std::size_t>(row)].id)),
                         [&](Models::Scenario &s) { s.options[static_cast<std::size_t>(row)].enabled = enabled; });
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &OptionsPanel::showSelected);
    connect(m_editor, &OptionEditor::optionEdited, this, [this](const Models::OptionSpec &spec, const QString &field) {
        const int index = selectedIndex();
        if (index < 0)
            return;
        const QString id = QString::fromStdString(m_document->scenario().options[static_cast<std::size_t>(index)].id);
        const QString title = m_editor->fieldTitle(field);
        m_document->edit(tr("Change %1 of %2").arg(title.isEmpty() ? field : title.toLower(), id),
                         [&](Models::Scenario &s) { s.options[static_cast<std::size_t>(index)] = spec; },
                         QStringLiteral("option/%1/%2").arg(index).arg(field));
    });
    connect(m_document, &ScenarioDocument::scenarioChanged, this, &OptionsPanel::refresh);
    connect(m_document, &ScenarioDocument::priceSheetChanged, this, &OptionsPanel::showSelected);
    refresh();
    select(0);
}

QWidget *OptionsPanel::makeRangeButton(Models::UncertainInput input, std::function<double()> ownValue, QWidget *parent)
{
    auto *button = new RangeButton(m_document, input, parent);
    if (ownValue)
        button->setOwnValue(std::move(ownValue));
    return button;
}

int OptionsPanel::selectedIndex() const
{
    const QModelIndex current = m_list->selectionModel()->currentIndex();
    const int n = static_cast<int>(m_document->scenario().options.size());
    return current.isValid() && current.row() < n ? current.row() : -1;
}

void OptionsPanel::select(int index)
{
    const int n = m_model->rowCount();
    if (n == 0)
        return;
    index = std::clamp(index, 0, n - 1);
    m_list->selectionModel()->setCurrentIndex(m_model->index(index, 0), QItemSelectionModel::ClearAndSelect);
}

void OptionsPanel::setCosts(const QHash<QString, QString> &costById)
{
    m_model->setCosts(costById);
}

void OptionsPanel::refresh()
{
    const int before = selectedIndex();
    m_model->setOptionColors(m_document->optionColors());
    m_model->setOptions(m_document->scenario().options);
    if (selectedIndex() < 0 && m_model->rowCount() > 0)
        select(before < 0 ? 0 : before);
    showSelected();
}

void OptionsPanel::showSelected()
{
    const int index = selectedIndex();
    const auto &s = m_document->scenario();
    m_duplicate->setEnabled(index >= 0);
    m_remove->setEnabled(index >= 0 && s.options.size() > 1);
    m_editor->setEnabled(index >= 0);
    if (index < 0)
        return;
    QStringList taken;
    for (std::size_t i = 0; i < s.options.size(); ++i)
        if (static_cast<int>(i) != index)
            taken << QString::fromStdString(s.options[i].id);
    m_editor->setTakenIds(taken);
    m_editor->setWorkloadDefaults(s.hoursPerMonth, s.workload.durationMs, s.workload.memoryMb);
    m_editor->setOption(s.options[static_cast<std::size_t>(index)], m_document->priceSheet(), QString::fromStdString(s.region));
}

void OptionsPanel::addOption(Models::Platform platform)
{
    const std::string base = Models::platformModel(platform).idStem();
    auto option = ScenarioDocument::defaultOption(platform, m_document->uniqueOptionId(base));
    const int index = static_cast<int>(m_document->scenario().options.size());
    m_document->edit(tr("Add %1").arg(QString::fromUtf8(Models::platformTitle(platform))),
                     [&](Models::Scenario &s) { s.options.push_back(option); });
    select(index);
}

void OptionsPanel::duplicateSelected()
{
    const int index = selectedIndex();
    if (index < 0)
        return;
    auto option = m_document->scenario().options[static_cast<std::size_t>(index)];
    option.id = m_document->uniqueOptionId(option.id + "-copy");
    m_document->edit(tr("Duplicate %1").arg(QString::fromStdString(option.id)), [&](Models::Scenario &s) {
        s.options.insert(s.options.begin() + index + 1, option);
    });
    select(index + 1);
}

void OptionsPanel::removeSelected()
{
    const int index = selectedIndex();
    const auto &options = m_document->scenario().options;
    // The format needs at least one option; disabling is the way to compare none of them.
    if (index < 0 || options.size() <= 1)
        return;
    m_document->edit(tr("Remove %1").arg(QString::fromStdString(options[static_cast<std::size_t>(index)].id)),
                     [&](Models::Scenario &s) { s.options.erase(s.options.begin() + index); });
    select(index);
}

} // namespace Costscape::Ui
