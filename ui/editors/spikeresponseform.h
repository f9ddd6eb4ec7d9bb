// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/editors/fieldform.h"

#include "models/platforms/platforms.h"

#include <map>
#include <string>
#include <vector>

class QToolButton;

namespace Costscape::Ui {

/**
 * The collapsible "Spike response" group of an option: one optional number field per scaling
 * assumption of the platform (Models::platformModel(platform).scalingDefaults()), under the key
 * "spike." followed by the assumption's key ("spike.instanceLaunchSeconds"). Empty shows the
 * default as placeholder and its source as tooltip; a value overrides it
 * (OptionSpec::scalingOverrides), and emptying the field removes the override. Its toggle is
 * "spike.toggle"; it starts collapsed. Value in, value out as the platform forms: showOverrides()
 * and overridesEdited().
 */
class SpikeResponseForm final : public FieldForm
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpikeResponseForm)

public:
    explicit SpikeResponseForm(Models::Platform platform, QWidget *parent = nullptr);
    ~SpikeResponseForm() override;

    /**
     * Shows the overrides (keys of other platforms are kept, not shown); force replaces every field, else
     * only those that differ, and a refused value stays.
     */
    void showOverrides(const std::map<std::string, double> &overrides, bool force);
    const std::map<std::string, double> &overrides() const { return m_overrides; }

    bool isExpanded() const;
    /** Shows or hides the fields; the toggle follows. */
    void setExpanded(bool expanded);

Q_SIGNALS:
    /** The user made a valid change: the whole new overrides, and the key of the field. */
    void overridesEdited(const std::map<std::string, double> &overrides, const QString &field);
    /** The user opened or closed the group. */
    void expandedChanged(bool expanded);

private:
    /** One scaling assumption: its key in the overrides and its field. */
    struct Row {
        std::string key;
        NumberField *field = nullptr;
    };

    void updateToggleText();

    std::map<std::string, double> m_overrides;
    std::vector<Row> m_rows;
    QToolButton *m_toggle = nullptr;
    QWidget *m_content = nullptr;
};

} // namespace Costscape::Ui
