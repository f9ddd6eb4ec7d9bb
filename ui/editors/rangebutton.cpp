// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editors/rangebutton.h"

#include "ui/document/scenariodocument.h"
#include "ui/uitext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <utility>

namespace Costscape::Ui {

namespace {

using Models::UncertainInput;

QString compact(double v)
{
    if (std::abs(v) >= 1e6)
        return trimZeros(english().toString(v / 1e6, 'f', 1)) + QStringLiteral("M");
    if (std::abs(v) >= 1e4)
        return trimZeros(english().toString(v / 1e3, 'f', 1)) + QStringLiteral("k");
    return trimZeros(english().toString(v, 'f', 2));
}

} // namespace

void rangeInputLimits(UncertainInput input, double &min, double &max, int &decimals)
{
    min = 0;
    max = 1;
    decimals = 2;
    switch (input) {
    case UncertainInput::Traffic:
        min = 0.01;
        max = 1000;
        break;
    case UncertainInput::DurationMs:
        min = 0.1;
        max = 900000;
        decimals = 1;
        break;
    case UncertainInput::MemoryMb:
        min = 1;
        max = 1048576;
        decimals = 0;
        break;
    case UncertainInput::SpotDiscount:
        max = 0.99;
        break;
    case UncertainInput::SpotInterruptedShare:
        break;
    case UncertainInput::BytesOutPerRequest:
    case UncertainInput::LogBytesPerRequest:
        max = 10e9;
        decimals = 0;
        break;
    case UncertainInput::SpikeHeight:
        max = 1e9;
        decimals = 1;
        break;
    }
}

RangePopup::RangePopup(UncertainInput input, QWidget *parent)
    : QFrame(parent, Qt::Popup)
    , m_input(input)
    , m_on(new QCheckBox(tr("Give a range"), this))
    , m_low(new QDoubleSpinBox(this))
    , m_typical(new QDoubleSpinBox(this))
    , m_high(new QDoubleSpinBox(this))
    , m_distribution(new QComboBox(this))
    , m_problem(new QLabel(this))
{
    setFrameStyle(QFrame::StyledPanel | QFrame::Raised);
    setObjectName(QStringLiteral("range-") + QString::fromUtf8(Models::inputKey(input)));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(QStringLiteral("<b>%1</b>").arg(QString::fromUtf8(Models::inputTitle(input)).toHtmlEscaped()), this);
    layout->addWidget(title);
    layout->addWidget(m_on);
    auto *form = new QFormLayout;
    double min = 0, max = 1;
    int decimals = 2;
    rangeInputLimits(input, min, max, decimals);
    for (QDoubleSpinBox *box : {m_low, m_typical, m_high}) {
        box->setRange(min, max);
        box->setDecimals(decimals);
        // Each step typed is committed: the odds follow as the user types (on a worker).
        box->setKeyboardTracking(true);
        connect(box, &QDoubleSpinBox::valueChanged, this, &RangePopup::controlsChanged);
    }
    m_typical->setEnabled(input != UncertainInput::Traffic);
    m_typical->setToolTip(input == UncertainInput::Traffic ? tr("Traffic is a factor on the profile: 1 is the profile as given")
                                                           : tr("The value the scenario is priced at"));
    form->addRow(tr("&Low:"), m_low);
    form->addRow(tr("&Typical:"), m_typical);
    form->addRow(tr("&High:"), m_high);
    m_distribution->addItem(tr("triangular"));
    m_distribution->addItem(tr("log-normal"));
    m_distribution->setToolTip(tr("Triangular: low is the least, high the most, typical the likeliest. Log-normal: "
                                  "typical is the median, low and high the 10th and 90th percentiles."));
    form->addRow(tr("&Distribution:"), m_distribution);
    layout->addLayout(form);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b42828"));
    m_problem->hide();
    layout->addWidget(m_problem);
    connect(m_on, &QCheckBox::toggled, this, &RangePopup::controlsChanged);
    connect(m_distribution, &QComboBox::currentIndexChanged, this, &RangePopup::controlsChanged);
}

void RangePopup::setRange(const std::optional<Models::InputRange> &range, double own)
{
    m_loading = true;
    const bool traffic = m_input == UncertainInput::Traffic;
    const double base = std::isnan(own) ? 0 : own;
    // What an unticked popup offers when ticked; a range the file gives replaces it whole.
    Models::InputRange shown;
    shown.low = traffic ? 0.5 : base * 0.8;
    shown.typical = traffic ? 1 : base;
    shown.high = traffic ? 2 : base * 1.5;
    // A share that is 0 unless ranged (the interrupted spot hours): offer a spread above it.
    if (m_input == UncertainInput::SpotInterruptedShare)
        shown.high = std::min(1.0, base + 0.1);
    // A spike's height is seldom known within a fifth: offer half to twice the one modelled.
    if (m_input == UncertainInput::SpikeHeight) {
        shown.low = base * 0.5;
        shown.high = base * 2;
    }
    shown.distribution = traffic ? Models::RangeDistribution::LogNormal : Models::RangeDistribution::Triangular;
    if (range)
        shown = *range;
    m_on->setChecked(range.has_value());
    m_low->setValue(shown.low);
    m_typical->setValue(shown.typical);
    m_high->setValue(shown.high);
    m_distribution->setCurrentIndex(shown.distribution == Models::RangeDistribution::LogNormal ? 1 : 0);
    for (QWidget *w : std::initializer_list<QWidget *>{m_low, m_high, m_distribution})
        w->setEnabled(m_on->isChecked());
    m_typical->setEnabled(m_on->isChecked() && !traffic);
    m_loading = false;
}

std::optional<Models::InputRange> RangePopup::range() const
{
    if (!m_on->isChecked())
        return std::nullopt;
    return Models::InputRange{m_low->value(), m_typical->value(), m_high->value(),
                              m_distribution->currentIndex() == 1 ? Models::RangeDistribution::LogNormal
                                                                  : Models::RangeDistribution::Triangular};
}

void RangePopup::controlsChanged()
{
    for (QWidget *w : std::initializer_list<QWidget *>{m_low, m_high, m_distribution})
        w->setEnabled(m_on->isChecked());
    m_typical->setEnabled(m_on->isChecked() && m_input != UncertainInput::Traffic);
    if (m_loading)
        return;
    // Only a range the reader accepts is committed; the reason for any other stays in view.
    const auto r = range();
    QString problem;
    if (r && !(r->low <= r->typical && r->typical <= r->high))
        problem = tr("Low ≤ typical ≤ high is needed.");
    else if (r && r->distribution == Models::RangeDistribution::LogNormal && !(r->low > 0 && r->high > r->low))
        problem = tr("A log-normal range needs 0 < low < high.");
    showProblem(problem);
    if (problem.isEmpty())
        Q_EMIT rangeEdited(r);
}

void RangePopup::showProblem(const QString &problem)
{
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
}

void RangePopup::hideEvent(QHideEvent *event)
{
    QFrame::hideEvent(event);
    Q_EMIT closed();
}

RangeButton::RangeButton(ScenarioDocument *document, UncertainInput input, QWidget *parent)
    : QToolButton(parent)
    , m_document(document)
    , m_input(input)
    // No parent: a child popup would join the window's Tab chain with its hidden controls, and
    // Tab order in the form would go astray.
    , m_popup(new RangePopup(input, nullptr))
{
    setObjectName(QStringLiteral("rangeButton-") + QString::fromUtf8(Models::inputKey(input)));
    setAutoRaise(true);
    setFocusPolicy(Qt::StrongFocus); // reachable by Tab, right after its field
    // One width for "±" and "80–250", so that the fields beside the buttons line up.
    setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("×00.5k–00.5k")) + 8);
    connect(this, &QToolButton::clicked, this, &RangeButton::openPopup);
    connect(m_popup, &RangePopup::rangeEdited, this, &RangeButton::commit);
    connect(m_popup, &RangePopup::closed, m_document, &ScenarioDocument::closeMerge);
    connect(m_document, &ScenarioDocument::scenarioChanged, this, &RangeButton::refresh);
    refresh();
}

RangeButton::~RangeButton()
{
    // Quietly: its closing must not reach a document that may be going too.
    m_popup->disconnect();
    delete m_popup;
}

void RangeButton::openPopup()
{
    refresh();
    m_popup->adjustSize();
    m_popup->move(mapToGlobal(QPoint(0, height())));
    m_popup->show();
    m_popup->enabledBox()->setFocus();
}

void RangeButton::setOwnValue(std::function<double()> ownValue)
{
    m_ownValue = std::move(ownValue);
    refresh();
}

void RangeButton::setScenarioRange(Models::Scenario &scenario, UncertainInput input,
                                   const std::optional<Models::InputRange> &range)
{
    using Json = JsonDocument::Json;
    if (!scenario.original.is_object())
        scenario.original = Json::object();
    const std::string key = Models::inputKey(input);
    Json ranges = scenario.original.contains("ranges") && scenario.original["ranges"].is_object()
        ? scenario.original["ranges"]
        : Json::object();
    if (range) {
        Models::UncertaintyRanges one;
        one[input] = *range;
        ranges[key] = Models::rangesToJson(one)[key];
    } else {
        ranges.erase(key);
    }
    if (ranges.empty())
        scenario.original.erase("ranges");
    else
        scenario.original["ranges"] = std::move(ranges);
}

void RangeButton::commit(const std::optional<Models::InputRange> &range)
{
    const QString title = QString::fromUtf8(Models::inputTitle(m_input));
    // A range the reader refuses for a reason of the scenario's (a spike's peak at or below where it
    // starts) stays in the popup with that reason, as the popup's own checks do.
    if (range) {
        Models::Scenario trial = m_document->scenario();
        setScenarioRange(trial, m_input, range);
        const auto read = Models::readRanges(trial);
        const std::string key = std::string("ranges.") + Models::inputKey(m_input);
        if (!read && read.error().message.rfind(key, 0) == 0) {
            m_popup->showProblem(qs(read.error().message));
            return;
        }
    }
    m_committing = true;
    // One undo step per run of edits in the popup (closeMerge when it closes).
    m_document->edit(range ? tr("Change range of %1").arg(title) : tr("Remove range of %1").arg(title),
                     [&](Models::Scenario &s) { setScenarioRange(s, m_input, range); },
                     QStringLiteral("ranges.") + QString::fromUtf8(Models::inputKey(m_input)));
    m_committing = false;
    refresh();
}

void RangeButton::refresh()
{
    const Models::Scenario &s = m_document->scenario();
    const auto read = Models::readRanges(s);
    const std::optional<Models::InputRange> range = read ? read.value()[m_input] : std::nullopt;
    const QString title = QString::fromUtf8(Models::inputTitle(m_input));
    if (!read) {
        setText(QStringLiteral("±!"));
        setToolTip(tr("The scenario's ranges cannot be used: %1").arg(qs(read.error().message)));
    } else if (range) {
        const QString prefix = m_input == UncertainInput::Traffic ? QStringLiteral("×") : QString();
        setText(prefix + compact(range->low) + QStringLiteral("–") + compact(range->high));
        setToolTip(tr("%1: %2 to %3, typically %4 (%5). Click to change it.")
                       .arg(title, formatEditorNumber(range->low), formatEditorNumber(range->high),
                            formatEditorNumber(range->typical),
                            range->distribution == Models::RangeDistribution::LogNormal ? tr("log-normal")
                                                                                        : tr("triangular")));
    } else {
        setText(QStringLiteral("±"));
        setToolTip(tr("%1 is certain. Click to give it a range: the odds of each option being the cheapest follow.")
                       .arg(title));
    }
    // While the user types in the popup, the popup is the truth: do not reset what they type.
    if (!m_committing && !(m_popup->isVisible() && read)) {
        double own = Models::scenarioValue(s, m_input);
        if (std::isnan(own) && m_ownValue)
            own = m_ownValue();
        m_popup->setRange(range, own);
    }
}

} // namespace Costscape::Ui
