// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A soak of the undoable document (issue 13): 10,000 seeded random steps of edits (merged and
// not), undos and redos over real scenario files. After every step the scenario must be the state
// the history says it is at; at the end, undoing step by step must give back, byte for byte as
// serializeScenario writes them, the states as they were made and then the file as loaded, and
// redoing everything the last state.

#include "ui/document/scenariodocument.h"

#include "models/platforms/platformmodel.h"
#include "models/scenario/scenarioreader.h"

#include <QTest>
#include <QUndoStack>

#include <functional>
#include <map>
#include <random>
#include <string>
#include <vector>

using namespace Costscape;
using namespace Costscape::Ui;

namespace {

#ifdef COSTSCAPE_SANITIZED
// Under ASan + UBSan each step costs tens of times more: the sanitizer run checks memory on 1,000
// steps, and the plain suite keeps the 10,000 the issue asks for.
constexpr int Steps = 1'000;
#else
constexpr int Steps = 10'000;
#endif

/** One random change of the scenario, as the panels and editors make them; its undo text and merge key. */
struct Change {
    QString text;
    QString mergeKey;
    std::function<void(Models::Scenario &)> apply;
};

Change randomChange(std::mt19937 &rng, const ScenarioDocument &doc)
{
    auto pick = [&rng](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
    auto value = [&rng](double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); };
    const std::size_t options = doc.scenario().options.size();
    const auto platforms = Models::allPlatforms();
    switch (pick(12)) {
    case 0: {
        const std::string name = "Soak " + std::to_string(pick(1000));
        return {QStringLiteral("Rename"), QStringLiteral("name"), [name](Models::Scenario &s) { s.name = name; }};
    }
    case 1: {
        const double ms = value(1, 2000);
        return {QStringLiteral("Duration"), QStringLiteral("durationMs"), [ms](Models::Scenario &s) { s.workload.durationMs = ms; }};
    }
    case 2: {
        const double mb = value(64, 4096);
        return {QStringLiteral("Memory"), QStringLiteral("memoryMb"), [mb](Models::Scenario &s) { s.workload.memoryMb = mb; }};
    }
    case 3: {
        // Dragging a profile point: one hour of a day profile.
        const int hour = pick(24);
        const double rate = value(0, 500);
        return {QStringLiteral("Profile point"), QStringLiteral("profile"), [hour, rate](Models::Scenario &s) {
                    if (s.workload.requests.kind != Models::RequestModel::Kind::Hourly || s.workload.requests.perSecondHourly.size() != 24)
                        s.workload.requests = Models::RequestModel::hourly(std::vector<double>(24, 10.0));
                    s.workload.requests.perSecondHourly[static_cast<std::size_t>(hour)] = rate;
                }};
    }
    case 4: {
        const double perMonth = std::floor(value(0, 1e8));
        return {QStringLiteral("Requests per month"), {},
                [perMonth](Models::Scenario &s) { s.workload.requests = Models::RequestModel::monthly(perMonth); }};
    }
    case 5: {
        const double hours = value(1, 744);
        return {QStringLiteral("Hours"), QStringLiteral("hours"), [hours](Models::Scenario &s) { s.hoursPerMonth = hours; }};
    }
    case 6: {
        const auto platform = platforms[static_cast<std::size_t>(pick(static_cast<int>(platforms.size())))];
        const std::string id = doc.uniqueOptionId(Models::platformModel(platform).idStem());
        return {QStringLiteral("Add option"), {}, [platform, id](Models::Scenario &s) {
                    s.options.push_back(ScenarioDocument::defaultOption(platform, id));
                }};
    }
    case 7: {
        if (options == 0)
            return {QStringLiteral("Spike on"), {}, [](Models::Scenario &s) { s.workload.spike = Models::Spike{10, 400, 30, 600}; }};
        const auto at = static_cast<std::size_t>(pick(static_cast<int>(options)));
        return {QStringLiteral("Remove option"), {}, [at](Models::Scenario &s) {
                    if (at < s.options.size())
                        s.options.erase(s.options.begin() + static_cast<std::ptrdiff_t>(at));
                }};
    }
    case 8: {
        if (options == 0)
            return {QStringLiteral("Spike off"), {}, [](Models::Scenario &s) { s.workload.spike.reset(); }};
        const auto at = static_cast<std::size_t>(pick(static_cast<int>(options)));
        const std::string id = doc.uniqueOptionId(doc.scenario().options[at].id);
        return {QStringLiteral("Duplicate option"), {}, [at, id](Models::Scenario &s) {
                    if (at >= s.options.size())
                        return;
                    Models::OptionSpec copy = s.options[at];
                    copy.id = id;
                    s.options.insert(s.options.begin() + static_cast<std::ptrdiff_t>(at) + 1, std::move(copy));
                }};
    }
    case 9: {
        const auto at = static_cast<std::size_t>(pick(static_cast<int>(std::max<std::size_t>(options, 1))));
        return {QStringLiteral("Enable"), {}, [at](Models::Scenario &s) {
                    if (at < s.options.size())
                        s.options[at].enabled = !s.options[at].enabled;
                }};
    }
    case 10: {
        // An option's own duration: set, then cleared now and then.
        const auto at = static_cast<std::size_t>(pick(static_cast<int>(std::max<std::size_t>(options, 1))));
        const bool clear = pick(3) == 0;
        const double ms = value(1, 900'000);
        return {QStringLiteral("Option duration"), QStringLiteral("option-duration-") + QString::number(at),
                [at, clear, ms](Models::Scenario &s) {
                    if (at < s.options.size())
                        s.options[at].durationMs = clear ? std::nullopt : std::optional<double>(ms);
                }};
    }
    default: {
        const bool spike = pick(2) == 0;
        const double to = value(1, 5000);
        return {QStringLiteral("Spike"), QStringLiteral("spike"), [spike, to](Models::Scenario &s) {
                    if (spike)
                        s.workload.spike = Models::Spike{5, to, 0, 300};
                    else
                        s.workload.spike.reset();
                }};
    }
    }
}

} // namespace

class TestDocumentSoak : public QObject
{
    Q_OBJECT

private slots:
    void randomEditsUndosRedos_undoingAllGivesBackTheFile_data();
    void randomEditsUndosRedos_undoingAllGivesBackTheFile();
};

void TestDocumentSoak::randomEditsUndosRedos_undoingAllGivesBackTheFile_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<unsigned>("seed");
    QTest::newRow("sample-web-api-seed-1") << QStringLiteral(COSTSCAPE_SOURCE_DIR "/examples/web-api.costscape.json") << 1u;
    QTest::newRow("golden-variety-week-seed-13") << QStringLiteral(COSTSCAPE_TEST_DATA_DIR "/golden/variety-week.costscape.json") << 13u;
    QTest::newRow("golden-year-ten-options-seed-2026")
        << QStringLiteral(COSTSCAPE_TEST_DATA_DIR "/golden/year-ten-options.costscape.json") << 2026u;
}

void TestDocumentSoak::randomEditsUndosRedos_undoingAllGivesBackTheFile()
{
    QFETCH(QString, file);
    QFETCH(unsigned, seed);
    ScenarioDocument doc;
    const auto loaded = doc.load(file);
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().toString().c_str());
    QUndoStack *stack = doc.undoStack();
    const std::string original = Models::serializeScenario(doc.scenario());

    // states[i]: the snapshot at undo index i, as the history must give it back. Snapshots are
    // immutable and undo and redo restore the very one (no copy), so each step compares identity;
    // the bytes are compared at the end (serialising a year profile 10,000 times took a minute).
    std::vector<ScenarioDocument::Snapshot> states{doc.snapshot()};
    // The bytes of one state in fifty, taken when it was made, to compare on the way back.
    // Keyed by the snapshot itself: it stays alive, so no later snapshot can take its address.
    std::map<ScenarioDocument::Snapshot, std::string> madeAs;
    std::mt19937 rng(seed);
    int edits = 0, undos = 0, redos = 0, merged = 0;
    for (int step = 0; step < Steps; ++step) {
        const int roll = std::uniform_int_distribution<int>(0, 99)(rng);
        if (roll < 55) {
            const Change change = randomChange(rng, doc);
            const int indexBefore = stack->index();
            doc.edit(change.text, change.apply, change.mergeKey);
            ++edits;
            merged += stack->index() == indexBefore; // merged into the step on top
            // A push drops whatever could have been redone; the state at the new index is this one
            // (the step's own, or the merged step's new end).
            states.resize(static_cast<std::size_t>(stack->index()));
            states.push_back(doc.snapshot());
            if (edits % 50 == 0)
                madeAs[states.back()] = Models::serializeScenario(*states.back());
        } else if (roll < 60) {
            doc.closeMerge(); // focus left the field
        } else if (roll < 80) {
            if (stack->canUndo())
                ++undos;
            stack->undo();
        } else {
            if (stack->canRedo())
                ++redos;
            stack->redo();
        }
        QCOMPARE(states.size(), static_cast<std::size_t>(stack->count()) + 1);
        const auto &expected = states[static_cast<std::size_t>(stack->index())];
        if (doc.snapshot() != expected)
            QFAIL(qPrintable(QStringLiteral("step %1 (seed %2): the scenario is not the snapshot of undo index %3")
                                 .arg(step)
                                 .arg(seed)
                                 .arg(stack->index())));
    }
    // Enough of each kind to mean something.
    QVERIFY2(edits > Steps * 4 / 10 && undos > Steps / 10 && redos > Steps * 3 / 100 && merged > Steps / 100,
             qPrintable(QStringLiteral("edits %1, undos %2, redos %3, merged %4").arg(edits).arg(undos).arg(redos).arg(merged)));

    while (stack->canRedo())
        stack->redo();
    const std::string last = Models::serializeScenario(doc.scenario());
    QCOMPARE(last, Models::serializeScenario(*states.back()));
    int compared = 0;
    while (stack->canUndo()) {
        stack->undo();
        const auto made = madeAs.find(doc.snapshot());
        if (made == madeAs.end())
            continue;
        ++compared;
        if (Models::serializeScenario(doc.scenario()) != made->second)
            QFAIL(qPrintable(QStringLiteral("undo index %1 is not, byte for byte, the state made there").arg(stack->index())));
    }
    QVERIFY2(compared > Steps / 1000, qPrintable(QStringLiteral("only %1 states compared on the way back").arg(compared)));
    QVERIFY2(Models::serializeScenario(doc.scenario()) == original, "undoing everything did not give back the file");
    QVERIFY(!doc.isModified());
    while (stack->canRedo())
        stack->redo();
    QVERIFY2(Models::serializeScenario(doc.scenario()) == last, "redoing everything did not give back the last state");
}

QTEST_GUILESS_MAIN(TestDocumentSoak)
#include "tst_documentsoak.moc"
