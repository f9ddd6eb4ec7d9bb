// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/document/scenariodocument.h"
#include "ui/charts/filewriter.h"
#include "ui/logging.h"

#include "models/platforms/platformmodel.h"
#include "models/bill/billreader.h"
#include "ui/uitext.h"

#include "models/evaluator.h"
#include "models/scenario/profile.h"
#include "models/scenario/scenarioreader.h"

#include <QDir>
#include <QFileInfo>
#include <QUndoCommand>
#include <QUndoStack>

namespace Costscape::Ui {

namespace {


// All merging commands share one id; mergeWith compares the field key and the merge generation.
constexpr int MergeableCommandId = 0x5CE7;

class SnapshotCommand final : public QUndoCommand
{
public:
    SnapshotCommand(ScenarioDocument *doc, ScenarioDocument::Snapshot before, ScenarioDocument::Snapshot after,
                    const QString &text, QString mergeKey)
        : QUndoCommand(text)
        , m_doc(doc)
        , m_before(std::move(before))
        , m_after(std::move(after))
        , m_mergeKey(std::move(mergeKey))
        , m_generation(doc->mergeGeneration())
    {
    }

    void undo() override { m_doc->restore(m_before); }
    void redo() override { m_doc->restore(m_after); }
    int id() const override { return m_mergeKey.isEmpty() ? -1 : MergeableCommandId; }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *o = static_cast<const SnapshotCommand *>(other);
        if (o->m_mergeKey != m_mergeKey || o->m_generation != m_generation)
            return false;
        m_after = o->m_after;
        return true;
    }

private:
    ScenarioDocument *m_doc;
    ScenarioDocument::Snapshot m_before;
    ScenarioDocument::Snapshot m_after;
    QString m_mergeKey;
    int m_generation;
};

// What a resolved sheet depends on: the "prices" value and the folder it is relative to.
QString sheetKey(const std::string &prices, const QString &scenarioFile)
{
    return qs(prices) + QLatin1Char('\n') + QFileInfo(scenarioFile).absolutePath();
}

Models::Scenario newScenarioValue()
{
    using namespace Models;
    Scenario s;
    s.name = "New scenario";
    s.region = "us-east-1";
    s.hoursPerMonth = 730;
    s.prices = "embedded";
    // A web service: a day's curve peaking at 40 requests/s, 120 ms per request, 512 MB.
    s.workload.requests = RequestModel::hourly(scaleProfileToPeak(profilePresetShape(ProfilePreset::DiurnalWeb), 40));
    s.workload.durationMs = 120;
    s.workload.memoryMb = 512;
    s.workload.traffic = Models::defaultWorkloadTraffic();
    for (const Platform platform : allPlatforms())
        s.options.push_back(ScenarioDocument::defaultOption(platform, platformModel(platform).idStem()));
    return s;
}

} // namespace

ScenarioDocument::ScenarioDocument(QObject *parent)
    : QObject(parent)
    , m_current(std::make_shared<const Models::Scenario>(newScenarioValue()))
    , m_undo(new QUndoStack(this))
{
    resetColors(*m_current);
    connect(m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
    resolveSheet();
}

ScenarioDocument::~ScenarioDocument() = default;

QString ScenarioDocument::displayName() const
{
    if (!m_current->name.empty())
        return qs(m_current->name);
    if (!m_fileName.isEmpty())
        return QFileInfo(m_fileName).fileName();
    return tr("Untitled");
}

bool ScenarioDocument::isModified() const
{
    return !m_undo->isClean();
}

Models::OptionSpec ScenarioDocument::defaultOption(Models::Platform platform, const std::string &id)
{
    Models::OptionSpec o;
    o.id = id;
    o.spec = Models::platformModel(platform).defaultSpec();
    o.bill = Models::defaultOptionBill(platform);
    return o;
}

std::string ScenarioDocument::uniqueOptionId(const std::string &base) const
{
    auto taken = [this](const std::string &id) {
        for (const auto &o : m_current->options)
            if (o.id == id)
                return true;
        return false;
    };
    if (!taken(base))
        return base;
    for (int n = 2;; ++n)
        if (const std::string id = base + "-" + std::to_string(n); !taken(id))
            return id;
}

void ScenarioDocument::newScenario()
{
    m_undo->clear();
    m_fileName.clear();
    auto scenario = std::make_shared<const Models::Scenario>(newScenarioValue());
    resetColors(*scenario);
    setCurrent(std::move(scenario));
    m_undo->setClean();
    Q_EMIT fileNameChanged(m_fileName);
    Q_EMIT modifiedChanged(false);
}

Result<void> ScenarioDocument::load(const QString &fileName)
{
    const QString absolute = QFileInfo(fileName).absoluteFilePath();
    auto loaded = Models::loadScenario(absolute.toStdString());
    std::vector<Error> warnings = loaded.warnings();
    auto failed = [&warnings](Error error) {
        qCWarning(lcDocument) << "cannot open" << qs(error.toString());
        Result<void> r(std::move(error));
        r.setWarnings(warnings);
        return r;
    };
    if (!loaded)
        return failed(loaded.error());
    Models::Scenario s = std::move(loaded).value();
    // A sheet that cannot be read is reported now, with its file and line, not as a silent gap.
    auto sheet = Models::resolvePriceSheet(s);
    if (!sheet)
        return failed(sheet.error());
    warnings.insert(warnings.end(), sheet.warnings().begin(), sheet.warnings().end());
    // Positions only serve messages about the file as read; after the first edit they would
    // point at the wrong places, and they make every snapshot copy heavier.
    s.positions.clear();
    m_undo->clear();
    m_fileName = absolute;
    m_sheet = std::move(sheet).value();
    m_sheetKey = sheetKey(s.prices, absolute);
    m_sheetError.clear();
    resetColors(s);
    setCurrent(std::make_shared<const Models::Scenario>(std::move(s)));
    m_undo->setClean();
    Q_EMIT fileNameChanged(m_fileName);
    Q_EMIT modifiedChanged(false);
    qCInfo(lcDocument) << "opened" << m_fileName << "with" << warnings.size() << "warnings";
    Result<void> result;
    result.setWarnings(std::move(warnings));
    return result;
}

Result<void> ScenarioDocument::save(const QString &fileName)
{
    const QString absolute = QFileInfo(fileName).absoluteFilePath();
    Models::Scenario s = *m_current;
    // A sheet named relative to the old file must still be found from the new one.
    if (s.prices != "embedded" && QFileInfo(qs(s.prices)).isRelative() && !m_fileName.isEmpty()) {
        const QString sheetFile = QDir(QFileInfo(m_fileName).absolutePath()).absoluteFilePath(qs(s.prices));
        s.prices = QDir(QFileInfo(absolute).absolutePath()).relativeFilePath(sheetFile).toStdString();
    }
    const QByteArray bytes = QByteArray::fromStdString(Models::serializeScenario(s));
    // A regular file through QSaveFile (a failure leaves the old file); a pipe or a device
    // written through, never replaced; a directory refused.
    if (const QString why = writeWholeFile(absolute, bytes); !why.isEmpty()) {
        qCWarning(lcDocument) << "cannot save" << absolute << why;
        return Result<void>(Error{ErrorCode::WriteFailed, "cannot write: " + why.toStdString(), absolute.toStdString()});
    }
    s.fileName = absolute.toStdString();
    const bool renamed = absolute != m_fileName;
    m_fileName = absolute;
    // The saved values are the current ones: replace the snapshot without an undo step.
    m_current = std::make_shared<const Models::Scenario>(std::move(s));
    m_sheetKey = sheetKey(m_current->prices, absolute);
    m_undo->setClean();
    if (renamed)
        Q_EMIT fileNameChanged(m_fileName);
    return {};
}

Result<void> ScenarioDocument::recover(const QByteArray &text, const QString &originalFile)
{
    const QString absolute = originalFile.isEmpty() ? QString() : QFileInfo(originalFile).absoluteFilePath();
    // Read as the original file, so that "prices" resolves from its folder; an unsaved scenario
    // names the recovery copy in messages.
    auto parsed = Models::parseScenario(std::string_view(text.constData(), static_cast<std::size_t>(text.size())),
                                        absolute.isEmpty() ? std::string("recovered.costscape.json") : absolute.toStdString());
    if (!parsed) {
        qCWarning(lcDocument) << "cannot recover" << qs(parsed.error().toString());
        return parsed.error();
    }
    Models::Scenario s = std::move(parsed).value();
    s.positions.clear();
    m_undo->clear();
    m_fileName = absolute;
    setCurrent(std::make_shared<const Models::Scenario>(std::move(s)));
    // Modified with nothing to undo: the work is in no file until it is saved.
    m_undo->resetClean();
    Q_EMIT fileNameChanged(m_fileName);
    Q_EMIT modifiedChanged(true);
    qCInfo(lcDocument) << "recovered unsaved work" << (m_fileName.isEmpty() ? QStringLiteral("(never saved)") : m_fileName);
    return {};
}

void ScenarioDocument::setScenario(Models::Scenario scenario)
{
    m_undo->clear();
    resetColors(scenario);
    setCurrent(std::make_shared<const Models::Scenario>(std::move(scenario)));
    m_undo->setClean();
}

void ScenarioDocument::edit(const QString &text, const std::function<void(Models::Scenario &)> &change, const QString &mergeKey)
{
    auto next = std::make_shared<Models::Scenario>(*m_current);
    change(*next);
    // Comparing the serialised forms would cost more than the edit; an identical edit is rare
    // and harmless, except for focus-out re-commits, which callers avoid by comparing values.
    m_undo->push(new SnapshotCommand(this, m_current, std::move(next), text, mergeKey));
}

void ScenarioDocument::closeMerge()
{
    ++m_mergeGeneration;
}

QString ScenarioDocument::pricesPathFor(const QString &sheetFile) const
{
    const QString absolute = QFileInfo(sheetFile).absoluteFilePath();
    if (m_fileName.isEmpty())
        return absolute;
    return QDir(QFileInfo(m_fileName).absolutePath()).relativeFilePath(absolute);
}

void ScenarioDocument::restore(const Snapshot &snapshot)
{
    setCurrent(snapshot);
}

void ScenarioDocument::setCurrent(Snapshot snapshot)
{
    // The file name travels with the scenario so that a relative sheet path resolves.
    if (snapshot->fileName != m_fileName.toStdString()) {
        auto copy = std::make_shared<Models::Scenario>(*snapshot);
        copy->fileName = m_fileName.toStdString();
        snapshot = std::move(copy);
    }
    m_current = std::move(snapshot);
    std::vector<std::string> ids;
    for (const Models::OptionSpec &o : m_current->options)
        ids.push_back(o.id);
    m_colors.update(ids);
    resolveSheet();
    Q_EMIT scenarioChanged();
}

void ScenarioDocument::resetColors(const Models::Scenario &scenario)
{
    std::vector<std::string> ids;
    for (const Models::OptionSpec &o : scenario.options)
        ids.push_back(o.id);
    m_colors = OptionColors::inOrder(ids);
}

void ScenarioDocument::resolveSheet()
{
    const QString key = sheetKey(m_current->prices, m_fileName);
    if (key == m_sheetKey && (m_sheet || !m_sheetError.isEmpty()))
        return;
    m_sheetKey = key;
    auto sheet = Models::resolvePriceSheet(*m_current);
    if (sheet) {
        m_sheet = std::move(sheet).value();
        m_sheetError.clear();
    } else {
        m_sheet.reset();
        m_sheetError = qs(sheet.error().toString());
    }
    Q_EMIT priceSheetChanged();
}

} // namespace Costscape::Ui
