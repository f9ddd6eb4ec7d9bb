// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editors/grouprows.h"

#include "ui/uitext.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace Costscape::Ui {

GroupChooser::GroupChooser(FieldForm &form, QFormLayout *layout, GroupRowsText text)
    : m_form(form)
    , m_text(std::move(text))
{
    QWidget *parent = layout->parentWidget();
    m_choice = new QComboBox(parent);
    m_choice->setToolTip(m_text.choiceTip);
    // A long group name must not widen the form past the dock: the list shows it whole.
    m_choice->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_choice->setMinimumContentsLength(10);
    layout->addRow(tr("&Group:"), m_choice);
    layout->labelForField(m_choice)->setToolTip(m_text.choiceTip);
    // Add and Remove on a row of their own: beside the choice they made the form wider than a
    // narrow options dock.
    auto *buttons = new QWidget(parent);
    auto *h = new QHBoxLayout(buttons);
    h->setContentsMargins(0, 0, 0, 0);
    m_add = new QPushButton(tr("Add"), buttons);
    m_add->setToolTip(m_text.addTip);
    m_remove = new QPushButton(tr("Remove"), buttons);
    m_remove->setToolTip(m_text.removeTip);
    h->addWidget(m_add);
    h->addWidget(m_remove);
    h->addStretch(1);
    layout->addRow(QString(), buttons);
    const QString &p = m_text.prefix;
    form.addField(p + QStringLiteral(".group"), m_choice, tr("Group"));
    form.addField(p + QStringLiteral(".addGroup"), m_add, m_text.addTitle);
    form.addField(p + QStringLiteral(".removeGroup"), m_remove, m_text.removeTitle);
    form.setTitle(m_text.listKey, m_text.listTitle);
    QObject::connect(m_choice, &QComboBox::currentIndexChanged, &form, [this](int index) {
        if (!m_form.isUpdating() && index >= 0)
            chosen(index);
    });
    QObject::connect(m_add, &QPushButton::clicked, &form, [this] { added(); });
    QObject::connect(m_remove, &QPushButton::clicked, &form, [this] { removed(); });

    m_name = new QLineEdit(parent);
    m_name->setToolTip(m_text.nameTip);
    QWidget *nameRow = form.withMessage(nameKey(), m_name);
    layout->addRow(tr("N&ame:"), nameRow);
    layout->labelForField(nameRow)->setToolTip(m_text.nameTip);
    form.addField(nameKey(), m_name, tr("Name"));
    QObject::connect(m_name, &QLineEdit::textEdited, &form, [this](const QString &name) {
        if (name.trimmed().isEmpty()) {
            m_form.markField(nameKey(), tr("a name is required"));
            return;
        }
        m_form.markField(nameKey(), {});
        renamed(name.toStdString());
    });
}

GroupChooser::~GroupChooser() = default;

QString GroupChooser::nameKey() const
{
    return m_text.prefix + QStringLiteral(".groupName");
}

void GroupChooser::showNames(const std::vector<std::string> &names, bool force)
{
    const int n = static_cast<int>(names.size());
    m_index = std::clamp(m_index, 0, std::max(0, n - 1));
    bool differ = m_choice->count() != n;
    for (int i = 0; i < n && !differ; ++i)
        differ = m_choice->itemText(i) != qs(names[static_cast<std::size_t>(i)]);
    if (differ) {
        m_choice->clear();
        for (const std::string &name : names)
            m_choice->addItem(qs(name));
    }
    if (m_choice->currentIndex() != (n > 0 ? m_index : -1))
        m_choice->setCurrentIndex(n > 0 ? m_index : -1);
    const QString name = n > 0 ? qs(names[static_cast<std::size_t>(m_index)]) : QString();
    // A refused (empty) name the user is typing stays, unless another option replaces it.
    if ((force || m_form.fieldError(nameKey()).isEmpty()) && m_name->text() != name)
        m_name->setText(name);
    m_name->setEnabled(n > 0);
}

void GroupChooser::showState(std::size_t groups, FleetForm *fleet) const
{
    m_remove->setEnabled(groups > 1);
    if (fleet)
        fleet->setGroupTitle(groups > 1 ? tr("Fleet of %1").arg(m_choice->currentText()) : m_text.fleetTitle);
}

std::string GroupChooser::newName(const std::vector<std::string> &names) const
{
    for (std::size_t n = names.size() + 1;; ++n) {
        std::string name = m_text.newName.arg(n).toStdString();
        if (std::find(names.begin(), names.end(), name) == names.end())
            return name;
    }
}

} // namespace Costscape::Ui
