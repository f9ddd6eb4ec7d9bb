// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/editors/fieldform.h"
#include "ui/editors/fleetform.h"

#include <QCoreApplication>
#include <QString>

#include <algorithm>
#include <functional>
#include <string>
#include <utility>
#include <vector>

class QComboBox;
class QFormLayout;
class QLineEdit;
class QPushButton;

namespace Costscape::Ui {

/** The keys and texts of a form's group rows (ECS task groups, EKS pod groups). */
struct GroupRowsText {
    QString prefix;      ///< "ecs": the keys are "ecs.group", "ecs.addGroup", "ecs.removeGroup", "ecs.groupName"
    QString listKey;     ///< "ecs.taskGroups": what adding or removing a group emits
    QString listTitle;   ///< "Task groups": listKey's title (the undo text)
    QString choiceTip;   ///< help of the group choice
    QString addTitle;    ///< "Add task group"
    QString addTip;
    QString removeTitle; ///< "Remove task group"
    QString removeTip;
    QString nameTip;
    QString newName;    ///< an added group's name, %1 its number ("service %1"); never one the option has
    QString fleetTitle; ///< the fleet's title with one group ("Fleet of tasks"); with several, "Fleet of <name>"
};

/**
 * The rows that pick which of an option's groups a form edits, without the group's own type: a
 * choice of the group ("<prefix>.group"; choosing one emits nothing), Add and Remove
 * ("<prefix>.addGroup", "<prefix>.removeGroup"; they emit GroupRowsText::listKey, and the last
 * group cannot be removed: the formats need one) and the group's name ("<prefix>.groupName"; an
 * empty name is refused and marked). GroupRows<Group> binds them to a spec's groups.
 */
class GroupChooser
{
    Q_DECLARE_TR_FUNCTIONS(Costscape::Ui::GroupChooser)

public:
    GroupChooser(const GroupChooser &) = delete;
    GroupChooser &operator=(const GroupChooser &) = delete;
    virtual ~GroupChooser();

    /** The group the form shows, 0-based (show() keeps it within the spec's groups). */
    int index() const { return m_index; }

protected:
    /** Adds the rows to layout, in the tab order, and registers their keys with form. */
    GroupChooser(FieldForm &form, QFormLayout *layout, GroupRowsText text);

    /** Clamps index() to names, then shows them in the choice and the group's in the name box. */
    void showNames(const std::vector<std::string> &names, bool force);
    /** Remove is enabled with two groups or more; the fleet says whose it is when there are several. */
    void showState(std::size_t groups, FleetForm *fleet) const;
    /** GroupRowsText::newName with the first number from groups + 1 that no group has. */
    std::string newName(const std::vector<std::string> &names) const;

    virtual void chosen(int index) = 0;
    virtual void renamed(const std::string &name) = 0;
    virtual void added() = 0;
    virtual void removed() = 0;

    FieldForm &m_form;
    GroupRowsText m_text;
    int m_index = 0;

private:
    QString nameKey() const;

    QComboBox *m_choice = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QLineEdit *m_name = nullptr;
};

/**
 * GroupChooser bound to the groups of the spec a PlatformForm shows. Group has a std::string
 * `name` and a Models::FleetSpec `fleet`; a new group is Group{} with its name. The form keeps
 * the group's own fields (FieldBindings<Group> reading current() and writing through
 * commitGroup()), shows them in showGroup, and calls show() from its showFields() and
 * showState() from its updateState(). Adding or removing a group commits the whole list under
 * listKey and shows the group added, or the one after the group removed.
 */
template<class Group>
class GroupRows final : public GroupChooser
{
public:
    /** The groups of the spec shown. */
    using Groups = std::function<const std::vector<Group> &()>;
    /** Commits the spec shown with these groups, as the edit of key. */
    using Commit = std::function<void(std::vector<Group> next, const QString &key)>;
    /** Shows a group's own fields (not its fleet: setFleet() does that). */
    using ShowGroup = std::function<void(const Group &group, bool force)>;

    GroupRows(FieldForm &form, QFormLayout *layout, GroupRowsText text, Groups groups, Commit commit, ShowGroup showGroup)
        : GroupChooser(form, layout, std::move(text))
        , m_groups(std::move(groups))
        , m_commit(std::move(commit))
        , m_showGroup(std::move(showGroup))
    {
    }

    /** The fleet form that edits the group's fleet (made after the group's fields, for the tab order). */
    void setFleet(FleetForm *fleet)
    {
        m_fleet = fleet;
        QObject::connect(fleet, &FleetForm::fleetEdited, &m_form, [this](const Models::FleetSpec &f, const QString &key) {
            if (const Group *g = current()) {
                Group next = *g;
                next.fleet = f;
                commitGroup(next, key);
            }
        });
    }

    /** The group shown, or nullptr when the spec has none at index(). */
    const Group *current() const
    {
        const std::vector<Group> &groups = m_groups();
        return m_index >= 0 && m_index < static_cast<int>(groups.size()) ? &groups[static_cast<std::size_t>(m_index)] : nullptr;
    }

    /** Commits the spec with the group shown replaced by next; nothing without a group shown. */
    void commitGroup(const Group &next, const QString &key)
    {
        if (!current())
            return;
        std::vector<Group> groups = m_groups();
        groups[static_cast<std::size_t>(m_index)] = next;
        m_commit(std::move(groups), key);
    }

    /** Shows the groups and the one chosen; force (another option) goes back to the first group. */
    void show(bool force)
    {
        if (force)
            m_index = 0;
        showCurrent(force);
    }

    void showState() const { GroupChooser::showState(m_groups().size(), m_fleet); }

private:
    std::vector<std::string> names() const
    {
        std::vector<std::string> out;
        for (const Group &g : m_groups())
            out.push_back(g.name);
        return out;
    }

    void showCurrent(bool force)
    {
        showNames(names(), force);
        if (const Group *g = current()) {
            m_showGroup(*g, force);
            if (m_fleet)
                m_fleet->showFleet(g->fleet, force);
        }
    }

    void chosen(int index) override
    {
        m_index = index;
        {
            // Another group's values: replace everything its fields show.
            FieldForm::Updating guard(m_form);
            m_form.markField(QStringLiteral("%1.groupName").arg(m_text.prefix), {});
            showCurrent(true);
        }
        showState();
    }

    void renamed(const std::string &name) override
    {
        if (const Group *g = current()) {
            Group next = *g;
            next.name = name;
            commitGroup(next, QStringLiteral("%1.groupName").arg(m_text.prefix));
        }
    }

    void added() override
    {
        std::vector<Group> groups = m_groups();
        Group g;
        g.name = newName(names());
        groups.push_back(std::move(g));
        m_commit(std::move(groups), m_text.listKey);
        chosen(static_cast<int>(m_groups().size()) - 1);
    }

    void removed() override
    {
        std::vector<Group> groups = m_groups();
        if (groups.size() <= 1 || !current())
            return;
        groups.erase(groups.begin() + m_index);
        m_commit(std::move(groups), m_text.listKey);
        chosen(std::min(m_index, static_cast<int>(m_groups().size()) - 1));
    }

    Groups m_groups;
    Commit m_commit;
    ShowGroup m_showGroup;
    FleetForm *m_fleet = nullptr;
};

} // namespace Costscape::Ui
