// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editors/platformform.h"

#include "models/platforms/platformmodel.h"

namespace Costscape::Ui {

PlatformForm::PlatformForm(Models::Platform platform, QWidget *parent)
    : FieldForm(parent)
    , m_platform(platform)
    , m_spec(Models::platformModel(platform).defaultSpec())
{
}

PlatformForm::~PlatformForm() = default;

void PlatformForm::setContext(const FormContext &context)
{
    const bool sheetDiffers = !m_hasContext || context.sheet != m_context.sheet || context.region != m_context.region;
    m_context = context;
    m_hasContext = true;
    if (sheetDiffers) {
        Updating guard(*this);
        sheetChanged();
    }
    if (m_shown)
        updateState();
}

void PlatformForm::showSpec(const Models::PlatformSpec &spec, bool force)
{
    if (spec.index() != static_cast<std::size_t>(m_platform))
        throw std::bad_variant_access();
    m_spec = spec;
    m_shown = true;
    {
        Updating guard(*this);
        if (force)
            clearMarks();
        showFields(force);
    }
    updateState();
}

QString PlatformForm::memoryLabel() const
{
    return tr("&Memory per request:");
}

QString PlatformForm::memoryHint() const
{
    return {};
}

void PlatformForm::addRangeButtons(RangeButtonMaker &)
{
}

void PlatformForm::commit(const Models::PlatformSpec &next, const QString &field)
{
    // An edit that changes nothing (typing "1.0" after "1") must not become an undo step.
    if (next == m_spec) {
        updateState();
        return;
    }
    m_spec = next;
    // A copy: the owner's slot usually calls showSpec(), which reassigns m_spec.
    const Models::PlatformSpec edited = m_spec;
    Q_EMIT specEdited(edited, field);
    // If the owner does not answer with showSpec(), what follows from the edit must still show
    // (the count a switch to a fixed fleet filled in, the hints).
    {
        Updating guard(*this);
        showFields(false);
    }
    updateState();
}

} // namespace Costscape::Ui
