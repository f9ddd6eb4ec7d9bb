// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/scenario/scenarioreader.h"
#include "models/scenario/scenariorules.h"
#include "pricing/pricesheet.h"
#include "ui/editors/numberfield.h"
#include "ui/editors/optioneditor.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QScrollArea>
#include <QSignalSpy>
#include <QStyleOptionButton>
#include <QTest>

#include <functional>

using namespace Costscape;
using Models::OptionSpec;
using Mutation = std::function<void(OptionSpec &)>;
Q_DECLARE_METATYPE(Mutation)

namespace {

const QString Region = QStringLiteral("us-east-1");

std::shared_ptr<const Pricing::PriceSheet> sheet()
{
    // The embedded sheet lives as long as the program: share it without owning it.
    static const std::shared_ptr<const Pricing::PriceSheet> s(&Pricing::embeddedPriceSheet(), [](const Pricing::PriceSheet *) {});
    return s;
}

const Models::Scenario &sample()
{
    static const Models::Scenario s = [] {
        auto r = Models::loadScenario(COSTSCAPE_SOURCE_DIR "/examples/web-api.costscape.json");
        if (!r)
            qFatal("cannot load the sample scenario: %s", r.error().message.c_str());
        return r.value();
    }();
    return s;
}

OptionSpec sampleOption(const std::string &id)
{
    for (const OptionSpec &o : sample().options)
        if (o.id == id)
            return o;
    qFatal("no option %s in the sample", id.c_str());
}

/** The sample's options, and a few variants the sample lacks. */
OptionSpec specFor(const QString &name)
{
    if (name == QLatin1String("lambda-provisioned")) {
        OptionSpec o = sampleOption("lambda-x86");
        o.as<Models::LambdaSpec>().provisionedConcurrency = Models::ProvisionedConcurrency{5, 200, std::nullopt};
        return o;
    }
    if (name == QLatin1String("lambda-ephemeral-1024")) {
        OptionSpec o = sampleOption("lambda-x86");
        o.as<Models::LambdaSpec>().ephemeralStorageMb = 1024;
        return o;
    }
    if (name == QLatin1String("ec2-fixed")) {
        OptionSpec o = sampleOption("ec2-on-demand");
        o.as<Models::Ec2Spec>().fleet = Models::FleetSpec{};
        o.as<Models::Ec2Spec>().fleet.fixedCount = 2;
        return o;
    }
    if (name == QLatin1String("fargate-spot")) {
        OptionSpec o = sampleOption("fargate");
        o.as<Models::FargateSpec>().spot = true;
        o.as<Models::FargateSpec>().spotDiscount = 0.7;
        return o;
    }
    return sampleOption(name.toStdString());
}

QString number(std::optional<double> v)
{
    return v ? QString::number(*v, 'g', 17) : QStringLiteral("-");
}

QString describeFleet(const Models::FleetSpec &f)
{
    return QStringLiteral("fixed=%1 capacity=%2:%3 target=%4 min=%5 scaling=%6")
        .arg(number(f.fixedCount))
        .arg(f.capacity ? static_cast<int>(f.capacity->kind) : -1)
        .arg(number(f.capacity ? std::optional(f.capacity->value) : std::nullopt))
        .arg(number(f.targetUtilization), number(f.minCount))
        .arg(static_cast<int>(f.scaling));
}

/** Every field of a spec, one per line, so that QCOMPARE shows what differs. */
QString describe(const OptionSpec &o)
{
    QStringList l;
    l << QStringLiteral("id=%1 platform=%2 enabled=%3").arg(QString::fromStdString(o.id)).arg(static_cast<int>(o.platform)).arg(o.enabled);
    l << QStringLiteral("hours=%1 duration=%2 memory=%3 requests=%4")
             .arg(number(o.hoursPerMonth), number(o.durationMs), number(o.memoryMb))
             .arg(o.requests ? static_cast<int>(o.requests->kind) : -1);
    const auto &la = o.lambda;
    l << QStringLiteral("lambda arch=%1 eph=%2 gran=%3 free=%4 pc=%5/%6/%7")
             .arg(QString::fromStdString(la.architecture), number(la.ephemeralStorageMb))
             .arg(la.billingGranularityMs)
             .arg(la.freeTier)
             .arg(number(la.provisionedConcurrency ? std::optional(la.provisionedConcurrency->count) : std::nullopt),
                  number(la.provisionedConcurrency ? la.provisionedConcurrency->hoursPerMonth : std::nullopt),
                  number(la.provisionedConcurrency ? la.provisionedConcurrency->shareOfRequests : std::nullopt));
    const auto &f = o.fargate;
    l << QStringLiteral("fargate os=%1 arch=%2 vcpu=%3 gb=%4 spot=%5 eph=%6 disc=%7")
             .arg(QString::fromStdString(f.os), QString::fromStdString(f.architecture), number(f.taskVcpu), number(f.taskMemoryGb))
             .arg(f.spot)
             .arg(number(f.ephemeralStorageGb), number(f.spotDiscount));
    l << QStringLiteral("fargate fleet ") + describeFleet(f.fleet);
    const auto &e = o.ec2;
    l << QStringLiteral("ec2 type=%1 os=%2 purchase=%3 spotHourly=%4 disc=%5 base=%6 above=%7")
             .arg(QString::fromStdString(e.instanceType), QString::fromStdString(e.os))
             .arg(static_cast<int>(e.purchase))
             .arg(number(e.spotHourly), number(e.spotDiscount), number(e.onDemandBase), number(e.onDemandPercentAboveBase));
    l << QStringLiteral("ec2 fleet ") + describeFleet(e.fleet);
    const auto &c = o.ecs;
    QStringList types;
    for (const auto &t : c.instanceTypes)
        types << QString::fromStdString(t);
    l << QStringLiteral("ecs auto=%1 types=%2 os=%3 purchase=%4 spotHourly=%5 disc=%6 reserved=%7 placement=%8")
             .arg(c.autoInstanceTypes)
             .arg(types.join(QLatin1Char(',')), QString::fromStdString(c.os))
             .arg(static_cast<int>(c.purchase))
             .arg(number(c.spotHourly), number(c.spotDiscount), number(c.reservedMemoryMb))
             .arg(static_cast<int>(c.placement));
    for (const auto &g : c.taskGroups)
        l << QStringLiteral("ecs group %1 vcpu=%2 mib=%3 ").arg(QString::fromStdString(g.name), number(g.taskVcpu), number(g.taskMemoryMb))
                + describeFleet(g.fleet);
    return l.join(QLatin1Char('\n'));
}

/** Replaces the text as a user does: select all, then type (or delete when text is empty). */
void typeInto(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Backspace);
    else
        QTest::keyClicks(edit, text);
}

void clickCheckBox(QCheckBox *check)
{
    QStyleOptionButton option;
    option.initFrom(check);
    const QRect indicator = check->style()->subElementRect(QStyle::SE_CheckBoxIndicator, &option, check);
    QTest::mouseClick(check, Qt::LeftButton, {}, indicator.center());
}

OptionSpec emitted(const QSignalSpy &spy, int i = -1)
{
    return spy.at(i < 0 ? spy.count() - 1 : i).at(0).value<OptionSpec>();
}

QString emittedField(const QSignalSpy &spy, int i = -1)
{
    return spy.at(i < 0 ? spy.count() - 1 : i).at(1).toString();
}

void show(Ui::OptionEditor &editor, const OptionSpec &spec)
{
    editor.setWorkloadDefaults(730, 120, 512);
    editor.setOption(spec, sheet(), Region);
}

/** What the widgets show equals the spec, field by field (QCOMPARE returns from here on failure). */
void checkShown(const Ui::OptionEditor &e, const OptionSpec &o)
{
    const auto num = [&e](const char *key) {
        Ui::NumberField *f = e.numberField(QLatin1String(key));
        return f ? f->value() : std::optional<double>(-12345);
    };
    const auto choice = [&e](const char *key) { return e.comboBox(QLatin1String(key))->currentData().toString(); };
    const auto flag = [&e](const char *key) { return e.checkBox(QLatin1String(key))->isChecked(); };
    const auto str = [](const std::string &s) { return QString::fromStdString(s); };
    QCOMPARE(e.lineEdit(QStringLiteral("id"))->text(), str(o.id));
    QCOMPARE(num("hoursPerMonth"), o.hoursPerMonth);
    QCOMPARE(num("durationMs"), o.durationMs);
    QCOMPARE(num("memoryMb"), o.memoryMb);
    const Models::FleetSpec *fleet = nullptr;
    switch (o.platform) {
    case Models::Platform::Lambda:
        QCOMPARE(choice("lambda.architecture"), str(o.as<Models::LambdaSpec>().architecture));
        QCOMPARE(num("lambda.ephemeralStorageMb"), std::optional(o.as<Models::LambdaSpec>().ephemeralStorageMb));
        QCOMPARE(choice("lambda.billingGranularityMs").toInt(), o.as<Models::LambdaSpec>().billingGranularityMs);
        QCOMPARE(flag("lambda.freeTier"), o.as<Models::LambdaSpec>().freeTier);
        QCOMPARE(flag("lambda.provisioned"), o.as<Models::LambdaSpec>().provisionedConcurrency.has_value());
        break;
    case Models::Platform::Fargate:
        QCOMPARE(choice("fargate.os"), str(o.as<Models::FargateSpec>().os));
        QCOMPARE(choice("fargate.architecture"), str(o.as<Models::FargateSpec>().architecture));
        QCOMPARE(num("fargate.taskVcpu"), std::optional(o.as<Models::FargateSpec>().taskVcpu));
        QCOMPARE(num("fargate.taskMemoryGb"), std::optional(o.as<Models::FargateSpec>().taskMemoryGb));
        QCOMPARE(flag("fargate.spot"), o.as<Models::FargateSpec>().spot);
        QCOMPARE(num("fargate.ephemeralStorageGb"), std::optional(o.as<Models::FargateSpec>().ephemeralStorageGb));
        QCOMPARE(num("fargate.spotDiscount"), o.as<Models::FargateSpec>().spotDiscount);
        fleet = &o.as<Models::FargateSpec>().fleet;
        break;
    case Models::Platform::Ec2:
        QCOMPARE(e.comboBox(QStringLiteral("ec2.instanceType"))->currentText().section(QLatin1Char(' '), 0, 0), str(o.as<Models::Ec2Spec>().instanceType));
        QCOMPARE(choice("ec2.os"), str(o.as<Models::Ec2Spec>().os));
        QCOMPARE(choice("ec2.purchase"), o.as<Models::Ec2Spec>().purchase == Models::Purchase::Spot ? QStringLiteral("spot") : QStringLiteral("on-demand"));
        QCOMPARE(num("ec2.spotHourly"), o.as<Models::Ec2Spec>().spotHourly);
        QCOMPARE(num("ec2.spotDiscount"), o.as<Models::Ec2Spec>().spotDiscount);
        QCOMPARE(num("ec2.onDemandBase"), o.as<Models::Ec2Spec>().onDemandBase);
        QCOMPARE(num("ec2.onDemandPercentAboveBase"), o.as<Models::Ec2Spec>().onDemandPercentAboveBase);
        fleet = &o.as<Models::Ec2Spec>().fleet;
        break;
    case Models::Platform::EcsEc2: {
        QCOMPARE(e.comboBox(QStringLiteral("ecs.group"))->count(), static_cast<int>(o.as<Models::EcsEc2Spec>().taskGroups.size()));
        const auto &g = o.as<Models::EcsEc2Spec>().taskGroups[static_cast<std::size_t>(e.comboBox(QStringLiteral("ecs.group"))->currentIndex())];
        QCOMPARE(e.lineEdit(QStringLiteral("ecs.groupName"))->text(), str(g.name));
        QCOMPARE(num("ecs.taskVcpu"), std::optional(g.taskVcpu));
        QCOMPARE(num("ecs.taskMemoryMb"), std::optional(g.taskMemoryMb));
        QCOMPARE(flag("ecs.autoInstanceTypes"), o.as<Models::EcsEc2Spec>().autoInstanceTypes);
        QStringList checked;
        const QListWidget *list = e.listWidget(QStringLiteral("ecs.instanceTypes"));
        for (int i = 0; i < list->count(); ++i)
            if (list->item(i)->checkState() == Qt::Checked)
                checked << list->item(i)->data(Qt::UserRole).toString();
        QStringList expected;
        for (const auto &t : o.as<Models::EcsEc2Spec>().instanceTypes)
            expected << str(t);
        checked.sort();
        expected.sort();
        QCOMPARE(checked, expected);
        QCOMPARE(choice("ecs.os"), str(o.as<Models::EcsEc2Spec>().os));
        QCOMPARE(num("ecs.spotHourly"), o.as<Models::EcsEc2Spec>().spotHourly);
        QCOMPARE(num("ecs.spotDiscount"), o.as<Models::EcsEc2Spec>().spotDiscount);
        QCOMPARE(num("ecs.reservedMemoryMb"), std::optional(o.as<Models::EcsEc2Spec>().reservedMemoryMb));
        fleet = &g.fleet;
        break;
    }
    }
    if (!fleet)
        return;
    QCOMPARE(choice("fleet.mode"), fleet->isFixed() ? QStringLiteral("fixed") : QStringLiteral("derived"));
    if (fleet->isFixed()) {
        QCOMPARE(num("fleet.count"), fleet->fixedCount);
        return;
    }
    if (fleet->capacity)
        QCOMPARE(choice("fleet.capacityKind"), fleet->capacity->kind == Models::Capacity::Kind::RequestsPerSecond
                                                   ? QStringLiteral("requestsPerSecond")
                                                   : QStringLiteral("concurrentRequests"));
    QCOMPARE(num("fleet.capacity"), fleet->capacity ? std::optional(fleet->capacity->value) : std::nullopt);
    QCOMPARE(num("fleet.targetUtilization"), std::optional(fleet->targetUtilization));
    QCOMPARE(num("fleet.minCount"), std::optional(fleet->minCount));
    QCOMPARE(choice("fleet.scaling"), fleet->scaling == Models::FleetSpec::Scaling::Peak ? QStringLiteral("peak") : QStringLiteral("hourly"));
}

QString problem(const NumberRule &rule, double v)
{
    return QString::fromStdString(rule.problem(v));
}

} // namespace

class TestOptionEditor : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_sampleOptionShowsAndGivesBackTheSpec_data();
    void roundTrip_sampleOptionShowsAndGivesBackTheSpec();
    void typingValidValue_emitsThatFieldAndKeepsTheRest_data();
    void typingValidValue_emitsThatFieldAndKeepsTheRest();
    void typingOutOfRange_marksTheFieldWithTheRuleAndEmitsNothing_data();
    void typingOutOfRange_marksTheFieldWithTheRuleAndEmitsNothing();
    void emptyingOptionalField_emitsItsDefault_data();
    void emptyingOptionalField_emitsItsDefault();
    void choosingEnum_emitsThatField_data();
    void choosingEnum_emitsThatField();
    void clickingFlag_emitsThatField_data();
    void clickingFlag_emitsThatField();
    void fleet_switchesBetweenFixedAndDerived();
    void fleet_fixedOptionSwitchedToDerivedIsSizedFromMemory();
    void fleet_capacityKindKeepsTheNumber();
    void ec2_unknownInstanceTypeIsRefused();
    void ec2_instanceTypePickedFromTheList();
    void id_duplicateOrEmptyIsRefused();
    void setOption_equalSpecKeepsInvalidTextFocusAndCursor();
    void setOption_otherOptionReplacesEveryField();
    void lambda_provisionedConcurrencyTurnsOnAndOff();
    void ecs_taskGroupsAddEditRemove();
    void ecs_instanceTypesTickAndAuto();
    void labels_followThePlatform();
    void wheelOverUnfocusedCombo_scrollsInsteadOfEditing();
    void tabOrder_followsTheForm_data();
    void tabOrder_followsTheForm();
};

void TestOptionEditor::roundTrip_sampleOptionShowsAndGivesBackTheSpec_data()
{
    QTest::addColumn<QString>("id");
    for (const OptionSpec &o : sample().options)
        QTest::newRow(o.id.c_str()) << QString::fromStdString(o.id);
    for (const char *extra : {"lambda-provisioned", "ec2-fixed", "fargate-spot"})
        QTest::newRow(extra) << QString::fromLatin1(extra);
}

void TestOptionEditor::roundTrip_sampleOptionShowsAndGivesBackTheSpec()
{
    QFETCH(QString, id);
    const OptionSpec spec = specFor(id);
    Ui::OptionEditor editor;
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    show(editor, spec);
    QCOMPARE(spy.count(), 0);
    QCOMPARE(describe(editor.option()), describe(spec));
    checkShown(editor, spec);
    if (QTest::currentTestFailed())
        return;

    // Through another option and back: every field is replaced, none is left from the other.
    show(editor, sampleOption(spec.platform == Models::Platform::Lambda ? "ecs-cluster" : "lambda-arm"));
    show(editor, spec);
    checkShown(editor, spec);
    QCOMPARE(spy.count(), 0);

    // As the file would be written.
    Models::Scenario before = sample();
    before.options = {spec};
    Models::Scenario after = before;
    after.options = {editor.option()};
    QCOMPARE(QString::fromStdString(Models::scenarioToJson(after).dump()), QString::fromStdString(Models::scenarioToJson(before).dump()));
}

void TestOptionEditor::typingValidValue_emitsThatFieldAndKeepsTheRest_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("text");
    QTest::addColumn<Mutation>("change");
    const auto row = [](const char *name, const char *source, const char *field, const char *text, Mutation change) {
        QTest::newRow(name) << QString::fromLatin1(source) << QString::fromLatin1(field) << QString::fromLatin1(text) << change;
    };
    row("lambda-memory-1024", "lambda-x86", "memoryMb", "1024", [](OptionSpec &o) { o.memoryMb = 1024; });
    row("lambda-hours-200", "lambda-x86", "hoursPerMonth", "200", [](OptionSpec &o) { o.hoursPerMonth = 200; });
    row("lambda-duration-250", "lambda-arm", "durationMs", "250", [](OptionSpec &o) { o.durationMs = 250; });
    row("lambda-ephemeral-2048", "lambda-x86", "lambda.ephemeralStorageMb", "2048", [](OptionSpec &o) { o.as<Models::LambdaSpec>().ephemeralStorageMb = 2048; });
    row("lambda-provisioned-count-20", "lambda-provisioned", "lambda.provisioned.count", "20",
        [](OptionSpec &o) { o.as<Models::LambdaSpec>().provisionedConcurrency->count = 20; });
    row("lambda-provisioned-hours-300", "lambda-provisioned", "lambda.provisioned.hoursPerMonth", "300",
        [](OptionSpec &o) { o.as<Models::LambdaSpec>().provisionedConcurrency->hoursPerMonth = 300; });
    row("lambda-provisioned-share-0.4", "lambda-provisioned", "lambda.provisioned.shareOfRequests", "0.4",
        [](OptionSpec &o) { o.as<Models::LambdaSpec>().provisionedConcurrency->shareOfRequests = 0.4; });
    row("fargate-vcpu-1", "fargate", "fargate.taskVcpu", "1", [](OptionSpec &o) { o.as<Models::FargateSpec>().taskVcpu = 1; });
    row("fargate-memory-2GB", "fargate", "fargate.taskMemoryGb", "2", [](OptionSpec &o) { o.as<Models::FargateSpec>().taskMemoryGb = 2; });
    row("fargate-ephemeral-50GB", "fargate", "fargate.ephemeralStorageGb", "50", [](OptionSpec &o) { o.as<Models::FargateSpec>().ephemeralStorageGb = 50; });
    row("fargate-spotDiscount-0.6", "fargate-spot", "fargate.spotDiscount", "0.6", [](OptionSpec &o) { o.as<Models::FargateSpec>().spotDiscount = 0.6; });
    row("fargate-capacity-8", "fargate", "fleet.capacity", "8", [](OptionSpec &o) { o.as<Models::FargateSpec>().fleet.capacity->value = 8; });
    row("fargate-target-0.5", "fargate", "fleet.targetUtilization", "0.5", [](OptionSpec &o) { o.as<Models::FargateSpec>().fleet.targetUtilization = 0.5; });
    row("fargate-min-3", "fargate", "fleet.minCount", "3", [](OptionSpec &o) { o.as<Models::FargateSpec>().fleet.minCount = 3; });
    row("ec2-spotHourly-0.03", "ec2-spot", "ec2.spotHourly", "0.03", [](OptionSpec &o) { o.as<Models::Ec2Spec>().spotHourly = 0.03; });
    row("ec2-spotDiscount-0.6", "ec2-spot", "ec2.spotDiscount", "0.6", [](OptionSpec &o) { o.as<Models::Ec2Spec>().spotDiscount = 0.6; });
    row("ec2-onDemandBase-2", "ec2-spot", "ec2.onDemandBase", "2", [](OptionSpec &o) { o.as<Models::Ec2Spec>().onDemandBase = 2; });
    row("ec2-aboveBase-25", "ec2-spot", "ec2.onDemandPercentAboveBase", "25", [](OptionSpec &o) { o.as<Models::Ec2Spec>().onDemandPercentAboveBase = 25; });
    row("ec2-fixed-count-3", "ec2-fixed", "fleet.count", "3", [](OptionSpec &o) { o.as<Models::Ec2Spec>().fleet.fixedCount = 3; });
    row("ec2-capacity-24", "ec2-on-demand", "fleet.capacity", "24", [](OptionSpec &o) { o.as<Models::Ec2Spec>().fleet.capacity->value = 24; });
    row("ecs-vcpu-1", "ecs-cluster", "ecs.taskVcpu", "1", [](OptionSpec &o) { o.as<Models::EcsEc2Spec>().taskGroups[0].taskVcpu = 1; });
    row("ecs-memory-2048", "ecs-cluster", "ecs.taskMemoryMb", "2048", [](OptionSpec &o) { o.as<Models::EcsEc2Spec>().taskGroups[0].taskMemoryMb = 2048; });
    row("ecs-reserved-512", "ecs-cluster", "ecs.reservedMemoryMb", "512", [](OptionSpec &o) { o.as<Models::EcsEc2Spec>().reservedMemoryMb = 512; });
    row("ecs-capacity-6", "ecs-cluster", "fleet.capacity", "6", [](OptionSpec &o) { o.as<Models::EcsEc2Spec>().taskGroups[0].fleet.capacity->value = 6; });
    row("ecs-min-4", "ecs-cluster", "fleet.minCount", "4", [](OptionSpec &o) { o.as<Models::EcsEc2Spec>().taskGroups[0].fleet.minCount = 4; });
}

void TestOptionEditor::typingValidValue_emitsThatFieldAndKeepsTheRest()
{
    QFETCH(QString, source);
    QFETCH(QString, field);
    QFETCH(QString, text);
    QFETCH(Mutation, change);
    const OptionSpec spec = specFor(source);
    Ui::OptionEditor editor;
    show(editor, spec);
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    Ui::NumberField *f = editor.numberField(field);
    QVERIFY(f);
    typeInto(f->lineEdit(), text);
    QVERIFY2(f->isValid(), qPrintable(f->errorText()));
    QVERIFY(!spy.isEmpty());
    for (int i = 0; i < spy.count(); ++i)
        QCOMPARE(emittedField(spy, i), field);
    OptionSpec expected = spec;
    change(expected);
    QCOMPARE(describe(emitted(spy)), describe(expected));
    QCOMPARE(describe(editor.option()), describe(expected));
    QCOMPARE(f->lineEdit()->text(), text);
}

void TestOptionEditor::typingOutOfRange_marksTheFieldWithTheRuleAndEmitsNothing_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");
    const auto row = [](const char *name, const char *source, const char *field, const char *text, const QString &reason) {
        QTest::newRow(name) << QString::fromLatin1(source) << QString::fromLatin1(field) << QString::fromLatin1(text) << reason;
    };
    using namespace Models;
    row("lambda-ephemeral-100MB", "lambda-x86", "lambda.ephemeralStorageMb", "100", problem(Rules::LambdaEphemeralMb, 100));
    row("lambda-ephemeral-20000MB", "lambda-x86", "lambda.ephemeralStorageMb", "20000", problem(Rules::LambdaEphemeralMb, 20000));
    row("lambda-memory-negative", "lambda-x86", "memoryMb", "-5", problem(Rules::MemoryMb, -5));
    row("lambda-hours-800", "lambda-arm", "hoursPerMonth", "800", problem(Rules::Hours, 800));
    row("lambda-share-2", "lambda-provisioned", "lambda.provisioned.shareOfRequests", "2", problem(Rules::ProvisionedShare, 2));
    row("lambda-provisioned-fraction", "lambda-provisioned", "lambda.provisioned.count", "2.5", problem(Rules::Count, 2.5));
    row("fargate-ephemeral-10GB", "fargate", "fargate.ephemeralStorageGb", "10", problem(Rules::FargateEphemeralGb, 10));
    row("fargate-vcpu-0", "fargate", "fargate.taskVcpu", "0", problem(Rules::TaskVcpu, 0));
    row("fargate-vcpu-empty", "fargate", "fargate.taskVcpu", "", QStringLiteral("a value is required"));
    row("fargate-target-1.5", "fargate", "fleet.targetUtilization", "1.5", problem(Rules::TargetUtilization, 1.5));
    row("fargate-capacity-0", "fargate", "fleet.capacity", "0", problem(Rules::ConcurrentRequests, 0));
    row("ec2-aboveBase-150", "ec2-spot", "ec2.onDemandPercentAboveBase", "150", problem(Rules::OnDemandPercent, 150));
    row("ec2-spotDiscount-1", "ec2-spot", "ec2.spotDiscount", "1", problem(Rules::SpotDiscount, 1));
    row("ec2-count-text", "ec2-fixed", "fleet.count", "x", QStringLiteral("not a number"));
    row("ecs-min-fraction", "ecs-cluster", "fleet.minCount", "1.5", problem(Rules::Count, 1.5));
    row("ecs-reserved-2TiB", "ecs-cluster", "ecs.reservedMemoryMb", "2000000", problem(Rules::ReservedMemoryMib, 2000000));
}

void TestOptionEditor::typingOutOfRange_marksTheFieldWithTheRuleAndEmitsNothing()
{
    QFETCH(QString, source);
    QFETCH(QString, field);
    QFETCH(QString, text);
    QFETCH(QString, reason);
    QVERIFY(!reason.isEmpty());
    Ui::OptionEditor editor;
    show(editor, specFor(source));
    Ui::NumberField *f = editor.numberField(field);
    QVERIFY(f);
    QLineEdit *edit = f->lineEdit();
    // All but the last key: a prefix may be valid ("15" of "150") and is emitted as typed.
    if (text.size() > 1) {
        typeInto(edit, text.chopped(1));
    }
    const OptionSpec before = editor.option();
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    if (text.size() > 1)
        QTest::keyClicks(edit, text.right(1));
    else
        typeInto(edit, text);
    QCOMPARE(spy.count(), 0);
    QCOMPARE(edit->text(), text);
    QVERIFY(!f->isValid());
    QCOMPARE(f->errorText(), reason);
    QCOMPARE(editor.fieldError(field), reason);
    QCOMPARE(describe(editor.option()), describe(before));
}

void TestOptionEditor::emptyingOptionalField_emitsItsDefault_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("field");
    QTest::addColumn<Mutation>("change");
    const auto row = [](const char *name, const char *source, const char *field, Mutation change) {
        QTest::newRow(name) << QString::fromLatin1(source) << QString::fromLatin1(field) << change;
    };
    row("lambda-memory-override", "lambda-x86", "memoryMb", [](OptionSpec &o) { o.memoryMb.reset(); });
    row("lambda-ephemeral-to-512", "lambda-ephemeral-1024", "lambda.ephemeralStorageMb", [](OptionSpec &o) { o.as<Models::LambdaSpec>().ephemeralStorageMb = 512; });
    row("lambda-provisioned-hours", "lambda-provisioned", "lambda.provisioned.hoursPerMonth",
        [](OptionSpec &o) { o.as<Models::LambdaSpec>().provisionedConcurrency->hoursPerMonth.reset(); });
    row("fargate-capacity-from-memory", "fargate", "fleet.capacity", [](OptionSpec &o) { o.as<Models::FargateSpec>().fleet.capacity.reset(); });
    row("fargate-target-to-0.7", "fargate", "fleet.targetUtilization", [](OptionSpec &o) { o.as<Models::FargateSpec>().fleet.targetUtilization = 0.7; });
    row("fargate-min-to-1", "fargate", "fleet.minCount", [](OptionSpec &o) { o.as<Models::FargateSpec>().fleet.minCount = 1; });
    row("fargate-spotDiscount", "fargate-spot", "fargate.spotDiscount", [](OptionSpec &o) { o.as<Models::FargateSpec>().spotDiscount.reset(); });
    row("ec2-onDemandBase", "ec2-spot", "ec2.onDemandBase", [](OptionSpec &o) { o.as<Models::Ec2Spec>().onDemandBase.reset(); });
    row("ec2-aboveBase", "ec2-spot", "ec2.onDemandPercentAboveBase", [](OptionSpec &o) { o.as<Models::Ec2Spec>().onDemandPercentAboveBase.reset(); });
    row("ecs-capacity-from-memory", "ecs-cluster", "fleet.capacity", [](OptionSpec &o) { o.as<Models::EcsEc2Spec>().taskGroups[0].fleet.capacity.reset(); });
}

void TestOptionEditor::emptyingOptionalField_emitsItsDefault()
{
    QFETCH(QString, source);
    QFETCH(QString, field);
    QFETCH(Mutation, change);
    const OptionSpec spec = specFor(source);
    Ui::OptionEditor editor;
    show(editor, spec);
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    Ui::NumberField *f = editor.numberField(field);
    QVERIFY(f);
    QVERIFY(!f->lineEdit()->text().isEmpty());
    typeInto(f->lineEdit(), QString());
    QVERIFY(f->isValid());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(emittedField(spy), field);
    OptionSpec expected = spec;
    change(expected);
    QCOMPARE(describe(emitted(spy)), describe(expected));
    // The owner answers with the new spec: the box stays empty, showing the default as placeholder.
    editor.setOption(emitted(spy), sheet(), Region);
    QCOMPARE(f->lineEdit()->text(), QString());
    QVERIFY(!f->lineEdit()->placeholderText().isEmpty());
}

void TestOptionEditor::choosingEnum_emitsThatField_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<Mutation>("change");
    const auto row = [](const char *name, const char *source, const char *field, const char *value, Mutation change) {
        QTest::newRow(name) << QString::fromLatin1(source) << QString::fromLatin1(field) << QString::fromLatin1(value) << change;
    };
    using Models::Purchase;
    row("lambda-arm64", "lambda-x86", "lambda.architecture", "arm64", [](OptionSpec &o) { o.as<Models::LambdaSpec>().architecture = "arm64"; });
    row("lambda-100ms", "lambda-x86", "lambda.billingGranularityMs", "100", [](OptionSpec &o) { o.as<Models::LambdaSpec>().billingGranularityMs = 100; });
    row("fargate-windows", "fargate", "fargate.os", "windows", [](OptionSpec &o) { o.as<Models::FargateSpec>().os = "windows"; });
    row("fargate-x86", "fargate", "fargate.architecture", "x86_64", [](OptionSpec &o) { o.as<Models::FargateSpec>().architecture = "x86_64"; });
    row("fargate-peak", "fargate", "fleet.scaling", "peak", [](OptionSpec &o) { o.as<Models::FargateSpec>().fleet.scaling = Models::FleetSpec::Scaling::Peak; });
    row("ec2-windows", "ec2-on-demand", "ec2.os", "windows", [](OptionSpec &o) { o.as<Models::Ec2Spec>().os = "windows"; });
    row("ec2-spot", "ec2-on-demand", "ec2.purchase", "spot", [](OptionSpec &o) { o.as<Models::Ec2Spec>().purchase = Purchase::Spot; });
    row("ec2-on-demand", "ec2-spot", "ec2.purchase", "on-demand", [](OptionSpec &o) { o.as<Models::Ec2Spec>().purchase = Purchase::OnDemand; });
    row("ecs-windows", "ecs-cluster", "ecs.os", "windows", [](OptionSpec &o) { o.as<Models::EcsEc2Spec>().os = "windows"; });
    row("ecs-spot", "ecs-cluster", "ecs.purchase", "spot", [](OptionSpec &o) { o.as<Models::EcsEc2Spec>().purchase = Purchase::Spot; });
    row("ecs-spread", "ecs-cluster", "ecs.placement", "spread", [](OptionSpec &o) { o.as<Models::EcsEc2Spec>().placement = Models::EcsEc2Spec::Placement::Spread; });
    row("ecs-binpack-cpu", "ecs-cluster", "ecs.placement", "binpack-cpu",
        [](OptionSpec &o) { o.as<Models::EcsEc2Spec>().placement = Models::EcsEc2Spec::Placement::BinpackCpu; });
    row("ecs-peak", "ecs-cluster", "fleet.scaling", "peak",
        [](OptionSpec &o) { o.as<Models::EcsEc2Spec>().taskGroups[0].fleet.scaling = Models::FleetSpec::Scaling::Peak; });
}

void TestOptionEditor::choosingEnum_emitsThatField()
{
    QFETCH(QString, source);
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(Mutation, change);
    const OptionSpec spec = specFor(source);
    Ui::OptionEditor editor;
    show(editor, spec);
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    QComboBox *combo = editor.comboBox(field);
    QVERIFY(combo);
    const int index = combo->findData(value);
    QVERIFY(index >= 0);
    QVERIFY(index != combo->currentIndex());
    combo->setCurrentIndex(index);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(emittedField(spy), field);
    OptionSpec expected = spec;
    change(expected);
    QCOMPARE(describe(emitted(spy)), describe(expected));
}

void TestOptionEditor::clickingFlag_emitsThatField_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("field");
    QTest::addColumn<Mutation>("change");
    QTest::newRow("lambda-freeTier") << QStringLiteral("lambda-x86") << QStringLiteral("lambda.freeTier")
                                     << Mutation([](OptionSpec &o) { o.as<Models::LambdaSpec>().freeTier = true; });
    QTest::newRow("fargate-spot") << QStringLiteral("fargate") << QStringLiteral("fargate.spot")
                                  << Mutation([](OptionSpec &o) { o.as<Models::FargateSpec>().spot = true; });
    QTest::newRow("fargate-spot-off") << QStringLiteral("fargate-spot") << QStringLiteral("fargate.spot")
                                      << Mutation([](OptionSpec &o) { o.as<Models::FargateSpec>().spot = false; });
}

void TestOptionEditor::clickingFlag_emitsThatField()
{
    QFETCH(QString, source);
    QFETCH(QString, field);
    QFETCH(Mutation, change);
    const OptionSpec spec = specFor(source);
    Ui::OptionEditor editor;
    show(editor, spec);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    QCheckBox *check = editor.checkBox(field);
    QVERIFY(check);
    clickCheckBox(check);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(emittedField(spy), field);
    OptionSpec expected = spec;
    change(expected);
    QCOMPARE(describe(emitted(spy)), describe(expected));
    // Fargate's spot discount only matters with Spot on.
    if (field == QLatin1String("fargate.spot"))
        QCOMPARE(editor.numberField(QStringLiteral("fargate.spotDiscount"))->isEnabled(), expected.as<Models::FargateSpec>().spot);
}

void TestOptionEditor::fleet_switchesBetweenFixedAndDerived()
{
    const OptionSpec spec = specFor(QStringLiteral("fargate"));
    QVERIFY(!spec.as<Models::FargateSpec>().fleet.isFixed() && spec.as<Models::FargateSpec>().fleet.capacity);
    Ui::OptionEditor editor;
    show(editor, spec);
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    QComboBox *mode = editor.comboBox(QStringLiteral("fleet.mode"));
    Ui::NumberField *count = editor.numberField(QStringLiteral("fleet.count"));
    Ui::NumberField *capacity = editor.numberField(QStringLiteral("fleet.capacity"));
    QVERIFY(!count->isVisibleTo(&editor));
    QVERIFY(capacity->isVisibleTo(&editor));
    QVERIFY(editor.numberField(QStringLiteral("fleet.targetUtilization"))->isVisibleTo(&editor));

    mode->setCurrentIndex(mode->findData(QStringLiteral("fixed")));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(emittedField(spy), QStringLiteral("fleet.mode"));
    // Starts from the fleet's minimum; the capacity is not written with a fixed count.
    Models::FleetSpec fixed = emitted(spy).as<Models::FargateSpec>().fleet;
    QCOMPARE(fixed.fixedCount, std::optional(2.0));
    QVERIFY(!fixed.capacity);
    QVERIFY(count->isVisibleTo(&editor));
    QVERIFY(!capacity->isVisibleTo(&editor));
    QVERIFY(!editor.numberField(QStringLiteral("fleet.minCount"))->isVisibleTo(&editor));
    QCOMPARE(count->lineEdit()->text(), QStringLiteral("2"));

    typeInto(count->lineEdit(), QStringLiteral("5"));
    QCOMPARE(emittedField(spy), QStringLiteral("fleet.count"));
    QCOMPARE(emitted(spy).as<Models::FargateSpec>().fleet.fixedCount, std::optional(5.0));

    // Back to derived: what the derived fields held comes back, so the spec is the original.
    mode->setCurrentIndex(mode->findData(QStringLiteral("derived")));
    QCOMPARE(emittedField(spy), QStringLiteral("fleet.mode"));
    QCOMPARE(describe(emitted(spy)), describe(spec));
    QVERIFY(!count->isVisibleTo(&editor));
    QVERIFY(capacity->isVisibleTo(&editor));

    // And fixed again remembers the count typed.
    mode->setCurrentIndex(mode->findData(QStringLiteral("fixed")));
    QCOMPARE(emitted(spy).as<Models::FargateSpec>().fleet.fixedCount, std::optional(5.0));
}

void TestOptionEditor::fleet_fixedOptionSwitchedToDerivedIsSizedFromMemory()
{
    const OptionSpec spec = specFor(QStringLiteral("ec2-fixed"));
    Ui::OptionEditor editor;
    show(editor, spec);
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    QComboBox *mode = editor.comboBox(QStringLiteral("fleet.mode"));
    QCOMPARE(mode->currentData().toString(), QStringLiteral("fixed"));
    mode->setCurrentIndex(mode->findData(QStringLiteral("derived")));
    QCOMPARE(spy.count(), 1);
    OptionSpec expected = spec;
    expected.as<Models::Ec2Spec>().fleet.fixedCount.reset();
    QCOMPARE(describe(emitted(spy)), describe(expected));
    Ui::NumberField *capacity = editor.numberField(QStringLiteral("fleet.capacity"));
    QCOMPARE(capacity->lineEdit()->text(), QString());
    QCOMPARE(capacity->lineEdit()->placeholderText(), QStringLiteral("from memory"));
    QCOMPARE(editor.fieldTitle(QStringLiteral("fleet.capacity")), QStringLiteral("Per instance"));
}

void TestOptionEditor::fleet_capacityKindKeepsTheNumber()
{
    const OptionSpec spec = specFor(QStringLiteral("ec2-on-demand"));
    Ui::OptionEditor editor;
    show(editor, spec);
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    QComboBox *kind = editor.comboBox(QStringLiteral("fleet.capacityKind"));
    Ui::NumberField *concurrent = editor.numberField(QStringLiteral("fleet.capacity"));
    kind->setCurrentIndex(kind->findData(QStringLiteral("requestsPerSecond")));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(emittedField(spy), QStringLiteral("fleet.capacityKind"));
    const auto capacity = emitted(spy).as<Models::Ec2Spec>().fleet.capacity;
    QVERIFY(capacity);
    QCOMPARE(capacity->kind, Models::Capacity::Kind::RequestsPerSecond);
    QCOMPARE(capacity->value, 16.0);
    Ui::NumberField *rate = editor.numberField(QStringLiteral("fleet.capacity"));
    QVERIFY(rate != concurrent);
    QVERIFY(rate->isVisibleTo(&editor));
    QVERIFY(!concurrent->isVisibleTo(&editor));
    QCOMPARE(rate->value(), std::optional(16.0));
    typeInto(rate->lineEdit(), QStringLiteral("250"));
    QCOMPARE(emittedField(spy), QStringLiteral("fleet.capacity"));
    QCOMPARE(emitted(spy).as<Models::Ec2Spec>().fleet.capacity->value, 250.0);
    QCOMPARE(emitted(spy).as<Models::Ec2Spec>().fleet.capacity->kind, Models::Capacity::Kind::RequestsPerSecond);
}

void TestOptionEditor::ec2_unknownInstanceTypeIsRefused()
{
    const OptionSpec spec = specFor(QStringLiteral("ec2-on-demand"));
    Ui::OptionEditor editor;
    show(editor, spec);
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    QComboBox *combo = editor.comboBox(QStringLiteral("ec2.instanceType"));
    QVERIFY(combo && combo->isEditable() && combo->completer());
    QLineEdit *edit = combo->lineEdit();
    const QString key = QStringLiteral("ec2.instanceType");

    typeInto(edit, QStringLiteral("m5.huge"));
    QCOMPARE(spy.count(), 0);
    QVERIFY2(editor.fieldError(key).contains(QStringLiteral("not in the price sheet for us-east-1")), qPrintable(editor.fieldError(key)));
    QCOMPARE(edit->text(), QStringLiteral("m5.huge"));
    QCOMPARE(describe(editor.option()), describe(spec));

    // The owner showing the same spec again leaves the refused text for the user to fix.
    editor.setOption(spec, sheet(), Region);
    QCOMPARE(edit->text(), QStringLiteral("m5.huge"));
    QVERIFY(!editor.fieldError(key).isEmpty());

    typeInto(edit, QStringLiteral("c5.xlarge"));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(emittedField(spy), key);
    QCOMPARE(emitted(spy).as<Models::Ec2Spec>().instanceType, std::string("c5.xlarge"));
    QCOMPARE(editor.fieldError(key), QString());

    // Any case is accepted and stored as the sheet spells it.
    typeInto(edit, QStringLiteral("M5.LARGE"));
    QCOMPARE(emitted(spy).as<Models::Ec2Spec>().instanceType, std::string("m5.large"));

    // Part of a name is not refused while typing, only when the user leaves it unfinished.
    const int before = spy.count();
    typeInto(edit, QStringLiteral("m5.xl"));
    QCOMPARE(spy.count(), before);
    QCOMPARE(editor.fieldError(key), QString());
    QTest::keyClick(edit, Qt::Key_Return);
    QVERIFY(editor.fieldError(key).contains(QStringLiteral("m5.xl is not in the price sheet for us-east-1")));
    QCOMPARE(spy.count(), before);

    // Another region names itself in the message.
    editor.setOption(spec, sheet(), QStringLiteral("eu-west-1"));
    typeInto(edit, QStringLiteral("zz9.large"));
    QVERIFY(editor.fieldError(key).contains(QStringLiteral("not in the price sheet for eu-west-1")));
}

void TestOptionEditor::ec2_instanceTypePickedFromTheList()
{
    Ui::OptionEditor editor;
    show(editor, specFor(QStringLiteral("ec2-spot")));
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    QComboBox *combo = editor.comboBox(QStringLiteral("ec2.instanceType"));
    QCOMPARE(combo->currentData().toString(), QStringLiteral("m7g.large"));
    QCOMPARE(combo->count(), static_cast<int>(sheet()->region("us-east-1")->as<Models::Ec2Spec>().size()));
    const int index = combo->findData(QStringLiteral("m5.large"));
    QVERIFY(index >= 0);
    QCOMPARE(combo->itemText(index), QStringLiteral("m5.large — 2 vCPU, 8 GiB, $0.096/h"));
    combo->setCurrentIndex(index);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(emitted(spy).as<Models::Ec2Spec>().instanceType, std::string("m5.large"));
    // The box shows the name; the list and the hint below show the description.
    QCOMPARE(combo->currentText(), QStringLiteral("m5.large"));
    // Sizes in order within a family, not the alphabet's.
    const int large = combo->findData(QStringLiteral("m5.large"));
    const int xlarge = combo->findData(QStringLiteral("m5.xlarge"));
    const int x2large = combo->findData(QStringLiteral("m5.2xlarge"));
    const int x4large = combo->findData(QStringLiteral("m5.4xlarge"));
    QVERIFY(large >= 0 && large < xlarge && xlarge < x2large && x2large < x4large);
}

void TestOptionEditor::id_duplicateOrEmptyIsRefused()
{
    const OptionSpec spec = specFor(QStringLiteral("lambda-x86"));
    Ui::OptionEditor editor;
    show(editor, spec);
    editor.setTakenIds({QStringLiteral("fargate"), QStringLiteral("ec2-spot")});
    QLineEdit *id = editor.lineEdit(QStringLiteral("id"));
    QVERIFY(id);
    typeInto(id, QStringLiteral("fargat"));
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    QTest::keyClicks(id, QStringLiteral("e"));
    QCOMPARE(spy.count(), 0);
    QVERIFY(editor.fieldError(QStringLiteral("id")).contains(QStringLiteral("\"fargate\"")));
    QCOMPARE(editor.option().id, std::string("fargat"));

    typeInto(id, QString());
    QCOMPARE(spy.count(), 0);
    QCOMPARE(editor.fieldError(QStringLiteral("id")), QStringLiteral("an id is required"));

    typeInto(id, QStringLiteral("api"));
    QCOMPARE(emittedField(spy), QStringLiteral("id"));
    OptionSpec expected = spec;
    expected.id = "api";
    QCOMPARE(describe(emitted(spy)), describe(expected));
    QCOMPARE(editor.fieldError(QStringLiteral("id")), QString());
}

void TestOptionEditor::setOption_equalSpecKeepsInvalidTextFocusAndCursor()
{
    const OptionSpec spec = specFor(QStringLiteral("lambda-x86"));
    Ui::OptionEditor editor;
    show(editor, spec);
    editor.show();
    editor.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&editor));
    Ui::NumberField *field = editor.numberField(QStringLiteral("lambda.ephemeralStorageMb"));
    QLineEdit *edit = field->lineEdit();
    edit->setFocus();
    QVERIFY(edit->hasFocus());
    typeInto(edit, QStringLiteral("100"));
    QVERIFY(!field->isValid());
    edit->setCursorPosition(1);

    editor.setOption(spec, sheet(), Region);
    QCOMPARE(edit->text(), QStringLiteral("100"));
    QVERIFY(!field->isValid());
    QVERIFY(edit->hasFocus());
    QCOMPARE(edit->cursorPosition(), 1);

    // Another field changed (an undo elsewhere) is shown; the refused text stays.
    OptionSpec arm = spec;
    arm.as<Models::LambdaSpec>().architecture = "arm64";
    editor.setOption(arm, sheet(), Region);
    QCOMPARE(editor.comboBox(QStringLiteral("lambda.architecture"))->currentData().toString(), QStringLiteral("arm64"));
    QCOMPARE(edit->text(), QStringLiteral("100"));
    QVERIFY(edit->hasFocus());

    // The owner answers every edit with setOption, as the options panel does: typing goes on undisturbed.
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    connect(&editor, &Ui::OptionEditor::optionEdited, &editor,
            [&editor](const OptionSpec &o, const QString &) { editor.setOption(o, sheet(), Region); });
    QTest::keyClick(edit, Qt::Key_End);
    QTest::keyClicks(edit, QStringLiteral("0"));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(emitted(spy).as<Models::LambdaSpec>().ephemeralStorageMb, 1000.0);
    QCOMPARE(emitted(spy).as<Models::LambdaSpec>().architecture, std::string("arm64"));
    edit->setCursorPosition(1);
    QTest::keyClicks(edit, QStringLiteral("0"));
    QCOMPARE(edit->text(), QStringLiteral("10000"));
    QCOMPARE(edit->cursorPosition(), 2);
    QVERIFY(edit->hasFocus());
    QCOMPARE(editor.option().as<Models::LambdaSpec>().ephemeralStorageMb, 10000.0);
}

void TestOptionEditor::setOption_otherOptionReplacesEveryField()
{
    Ui::OptionEditor editor;
    show(editor, specFor(QStringLiteral("lambda-x86")));
    Ui::NumberField *field = editor.numberField(QStringLiteral("lambda.ephemeralStorageMb"));
    typeInto(field->lineEdit(), QStringLiteral("100"));
    QVERIFY(!field->isValid());
    typeInto(editor.lineEdit(QStringLiteral("id")), QString());
    QVERIFY(!editor.fieldError(QStringLiteral("id")).isEmpty());

    const OptionSpec other = specFor(QStringLiteral("lambda-arm"));
    show(editor, other);
    QVERIFY(field->isValid());
    QCOMPARE(field->lineEdit()->text(), QStringLiteral("512"));
    QCOMPARE(editor.lineEdit(QStringLiteral("id"))->text(), QStringLiteral("lambda-arm"));
    QCOMPARE(editor.fieldError(QStringLiteral("id")), QString());
    checkShown(editor, other);
}

void TestOptionEditor::lambda_provisionedConcurrencyTurnsOnAndOff()
{
    const OptionSpec spec = specFor(QStringLiteral("lambda-x86"));
    Ui::OptionEditor editor;
    show(editor, spec);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    QCheckBox *on = editor.checkBox(QStringLiteral("lambda.provisioned"));
    Ui::NumberField *count = editor.numberField(QStringLiteral("lambda.provisioned.count"));
    QVERIFY(!count->isEnabled());

    clickCheckBox(on);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(emittedField(spy), QStringLiteral("lambda.provisioned"));
    QVERIFY(emitted(spy).as<Models::LambdaSpec>().provisionedConcurrency);
    QCOMPARE(emitted(spy).as<Models::LambdaSpec>().provisionedConcurrency->count, 1.0);
    QVERIFY(count->isEnabled());
    QCOMPARE(count->lineEdit()->text(), QStringLiteral("1"));

    typeInto(count->lineEdit(), QStringLiteral("10"));
    QCOMPARE(emitted(spy).as<Models::LambdaSpec>().provisionedConcurrency->count, 10.0);

    clickCheckBox(on);
    QCOMPARE(describe(emitted(spy)), describe(spec));
    QVERIFY(!count->isEnabled());

    // Switched on again, it starts from what the boxes kept.
    clickCheckBox(on);
    QCOMPARE(emitted(spy).as<Models::LambdaSpec>().provisionedConcurrency->count, 10.0);
}

void TestOptionEditor::ecs_taskGroupsAddEditRemove()
{
    const OptionSpec spec = specFor(QStringLiteral("ecs-cluster"));
    QCOMPARE(spec.as<Models::EcsEc2Spec>().taskGroups.size(), std::size_t(1));
    Ui::OptionEditor editor;
    show(editor, spec);
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    QComboBox *group = editor.comboBox(QStringLiteral("ecs.group"));
    QAbstractButton *add = editor.button(QStringLiteral("ecs.addGroup"));
    QAbstractButton *remove = editor.button(QStringLiteral("ecs.removeGroup"));
    QVERIFY(group && add && remove);
    QVERIFY(!remove->isEnabled());

    add->click();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(emittedField(spy), QStringLiteral("ecs.taskGroups"));
    auto groups = emitted(spy).as<Models::EcsEc2Spec>().taskGroups;
    QCOMPARE(groups.size(), std::size_t(2));
    QCOMPARE(groups[1].name, std::string("service 2"));
    QCOMPARE(group->count(), 2);
    QCOMPARE(group->currentIndex(), 1);
    QVERIFY(remove->isEnabled());
    // The form shows the new group: derived from memory, default size.
    QCOMPARE(editor.lineEdit(QStringLiteral("ecs.groupName"))->text(), QStringLiteral("service 2"));
    QCOMPARE(editor.numberField(QStringLiteral("ecs.taskVcpu"))->value(), std::optional(0.25));
    QCOMPARE(editor.numberField(QStringLiteral("fleet.capacity"))->lineEdit()->text(), QString());
    QCOMPARE(editor.numberField(QStringLiteral("fleet.minCount"))->value(), std::optional(1.0));

    typeInto(editor.numberField(QStringLiteral("ecs.taskVcpu"))->lineEdit(), QStringLiteral("1"));
    typeInto(editor.lineEdit(QStringLiteral("ecs.groupName")), QStringLiteral("worker"));
    QComboBox *mode = editor.comboBox(QStringLiteral("fleet.mode"));
    mode->setCurrentIndex(mode->findData(QStringLiteral("fixed")));
    typeInto(editor.numberField(QStringLiteral("fleet.count"))->lineEdit(), QStringLiteral("3"));
    groups = editor.option().as<Models::EcsEc2Spec>().taskGroups;
    QCOMPARE(groups[1].name, std::string("worker"));
    QCOMPARE(groups[1].taskVcpu, 1.0);
    QCOMPARE(groups[1].fleet.fixedCount, std::optional(3.0));
    QCOMPARE(group->itemText(1), QStringLiteral("worker"));
    // The first group is untouched.
    OptionSpec firstOnly = editor.option();
    firstOnly.as<Models::EcsEc2Spec>().taskGroups.resize(1);
    QCOMPARE(describe(firstOnly), describe(spec));

    // Choosing the first group shows its values, and emits nothing.
    const int before = spy.count();
    group->setCurrentIndex(0);
    QCOMPARE(spy.count(), before);
    checkShown(editor, editor.option());
    QCOMPARE(mode->currentData().toString(), QStringLiteral("derived"));

    remove->click();
    QCOMPARE(emittedField(spy), QStringLiteral("ecs.taskGroups"));
    groups = editor.option().as<Models::EcsEc2Spec>().taskGroups;
    QCOMPARE(groups.size(), std::size_t(1));
    QCOMPARE(groups[0].name, std::string("worker"));
    QCOMPARE(group->count(), 1);
    QCOMPARE(editor.numberField(QStringLiteral("fleet.count"))->value(), std::optional(3.0));
    QVERIFY(!remove->isEnabled());
}

void TestOptionEditor::ecs_instanceTypesTickAndAuto()
{
    const OptionSpec spec = specFor(QStringLiteral("ecs-cluster"));
    Ui::OptionEditor editor;
    show(editor, spec);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QSignalSpy spy(&editor, &Ui::OptionEditor::optionEdited);
    QListWidget *list = editor.listWidget(QStringLiteral("ecs.instanceTypes"));
    QVERIFY(list);
    const auto item = [list](const char *name) -> QListWidgetItem * {
        for (int i = 0; i < list->count(); ++i)
            if (list->item(i)->data(Qt::UserRole).toString() == QLatin1String(name))
                return list->item(i);
        return nullptr;
    };
    QVERIFY(item("m5.large"));
    QCOMPARE(item("m5.large")->text(), QStringLiteral("m5.large — 2 vCPU, 8 GiB, $0.096/h"));

    item("c7g.large")->setCheckState(Qt::Unchecked);
    QCOMPARE(emittedField(spy), QStringLiteral("ecs.instanceTypes"));
    QCOMPARE(emitted(spy).as<Models::EcsEc2Spec>().instanceTypes, (std::vector<std::string>{"m7g.large", "m7g.xlarge", "c7g.xlarge"}));
    item("m5.large")->setCheckState(Qt::Checked);
    QCOMPARE(emitted(spy).as<Models::EcsEc2Spec>().instanceTypes, (std::vector<std::string>{"m7g.large", "m7g.xlarge", "c7g.xlarge", "m5.large"}));

    // Unticking every type is refused: the option would have no candidate.
    for (const char *t : {"m7g.large", "m7g.xlarge", "c7g.xlarge"})
        item(t)->setCheckState(Qt::Unchecked);
    const int before = spy.count();
    item("m5.large")->setCheckState(Qt::Unchecked);
    QCOMPARE(spy.count(), before);
    QVERIFY(!editor.fieldError(QStringLiteral("ecs.instanceTypes")).isEmpty());
    QCOMPARE(editor.option().as<Models::EcsEc2Spec>().instanceTypes, std::vector<std::string>{"m5.large"});
    item("r5.large")->setCheckState(Qt::Checked);
    QCOMPARE(editor.fieldError(QStringLiteral("ecs.instanceTypes")), QString());
    QCOMPARE(editor.option().as<Models::EcsEc2Spec>().instanceTypes, std::vector<std::string>{"r5.large"});

    // "auto": every type of the sheet; the list is kept for turning it off again.
    clickCheckBox(editor.checkBox(QStringLiteral("ecs.autoInstanceTypes")));
    QCOMPARE(emittedField(spy), QStringLiteral("ecs.autoInstanceTypes"));
    QVERIFY(emitted(spy).as<Models::EcsEc2Spec>().autoInstanceTypes);
    QVERIFY(!list->isEnabled());
    clickCheckBox(editor.checkBox(QStringLiteral("ecs.autoInstanceTypes")));
    QVERIFY(!emitted(spy).as<Models::EcsEc2Spec>().autoInstanceTypes);
    QCOMPARE(emitted(spy).as<Models::EcsEc2Spec>().instanceTypes, std::vector<std::string>{"r5.large"});
    QVERIFY(list->isEnabled());

    // A candidate the sheet lacks is listed, ticked, and can be unticked.
    OptionSpec odd = spec;
    odd.as<Models::EcsEc2Spec>().instanceTypes.push_back("x9.mega");
    show(editor, odd);
    QVERIFY(item("x9.mega"));
    QCOMPARE(item("x9.mega")->checkState(), Qt::Checked);
    QVERIFY(item("x9.mega")->text().contains(QStringLiteral("not in the price sheet")));
    item("x9.mega")->setCheckState(Qt::Unchecked);
    QCOMPARE(emitted(spy).as<Models::EcsEc2Spec>().instanceTypes, spec.as<Models::EcsEc2Spec>().instanceTypes);
}

void TestOptionEditor::labels_followThePlatform()
{
    Ui::OptionEditor editor;
    show(editor, specFor(QStringLiteral("ec2-fixed")));
    QCOMPARE(editor.fieldTitle(QStringLiteral("fleet.count")), QStringLiteral("Instances"));
    QCOMPARE(editor.fieldTitle(QStringLiteral("memoryMb")), QStringLiteral("Memory per request"));
    QCOMPARE(editor.fieldTitle(QStringLiteral("ec2.instanceType")), QStringLiteral("Instance type"));
    show(editor, specFor(QStringLiteral("fargate")));
    QCOMPARE(editor.fieldTitle(QStringLiteral("fleet.count")), QStringLiteral("Tasks"));
    show(editor, specFor(QStringLiteral("lambda-x86")));
    QCOMPARE(editor.fieldTitle(QStringLiteral("memoryMb")), QStringLiteral("Memory"));
    QCOMPARE(editor.numberField(QStringLiteral("memoryMb"))->lineEdit()->placeholderText(), QStringLiteral("512 (workload)"));
    QCOMPARE(editor.fieldTitle(QStringLiteral("no.such.field")), QStringLiteral("no.such.field"));
    QVERIFY(!editor.numberField(QStringLiteral("no.such.field")));
}

void TestOptionEditor::wheelOverUnfocusedCombo_scrollsInsteadOfEditing()
{
    QScrollArea area;
    auto *editor = new Ui::OptionEditor;
    show(*editor, specFor(QStringLiteral("ecs-cluster")));
    area.setWidget(editor);
    area.setWidgetResizable(true);
    area.resize(420, 400);
    area.show();
    QVERIFY(QTest::qWaitForWindowExposed(&area));
    QSignalSpy spy(editor, &Ui::OptionEditor::optionEdited);
    QComboBox *combo = editor->comboBox(QStringLiteral("fleet.scaling"));
    area.ensureWidgetVisible(combo);
    QVERIFY(!combo->hasFocus());
    const int index = combo->currentIndex();
    const QPoint pos = combo->rect().center();
    QWheelEvent wheel(pos, combo->mapToGlobal(pos), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(combo, &wheel);
    QCOMPARE(combo->currentIndex(), index);
    QCOMPARE(spy.count(), 0);
    // Left unaccepted, a real (spontaneous) wheel event goes on to the parents and scrolls the area.
    QVERIFY(!wheel.isAccepted());

    // With focus, the wheel is the combo's, as everywhere else.
    combo->setFocus();
    area.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&area));
    QVERIFY(combo->hasFocus());
    QWheelEvent focused(pos, combo->mapToGlobal(pos), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(combo, &focused);
    QVERIFY(combo->currentIndex() != index);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(emittedField(spy), QStringLiteral("fleet.scaling"));
}

void TestOptionEditor::tabOrder_followsTheForm_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QStringList>("order");
    const QStringList option = {QStringLiteral("id"), QStringLiteral("hoursPerMonth"), QStringLiteral("durationMs"), QStringLiteral("memoryMb")};
    const QStringList derived = {QStringLiteral("fleet.mode"), QStringLiteral("fleet.capacityKind"), QStringLiteral("fleet.capacity"),
                                 QStringLiteral("fleet.targetUtilization"), QStringLiteral("fleet.minCount"), QStringLiteral("fleet.scaling")};
    QTest::newRow("lambda") << QStringLiteral("lambda-provisioned")
                            << option + QStringList{QStringLiteral("lambda.architecture"), QStringLiteral("lambda.ephemeralStorageMb"),
                                                    QStringLiteral("lambda.billingGranularityMs"), QStringLiteral("lambda.freeTier"),
                                                    QStringLiteral("lambda.provisioned"), QStringLiteral("lambda.provisioned.count"),
                                                    QStringLiteral("lambda.provisioned.hoursPerMonth"),
                                                    QStringLiteral("lambda.provisioned.shareOfRequests")};
    // Fargate's spot discount is off the chain while Spot is off.
    QTest::newRow("fargate") << QStringLiteral("fargate")
                             << option + QStringList{QStringLiteral("fargate.os"), QStringLiteral("fargate.architecture"),
                                                     QStringLiteral("fargate.taskVcpu"), QStringLiteral("fargate.taskMemoryGb"),
                                                     QStringLiteral("fargate.spot"), QStringLiteral("fargate.ephemeralStorageGb")}
                                    + derived;
    QTest::newRow("ec2-fixed") << QStringLiteral("ec2-fixed")
                               << option + QStringList{QStringLiteral("ec2.instanceType"), QStringLiteral("ec2.os"), QStringLiteral("ec2.purchase"),
                                                       QStringLiteral("ec2.spotHourly"), QStringLiteral("ec2.spotDiscount"),
                                                       QStringLiteral("ec2.onDemandBase"), QStringLiteral("ec2.onDemandPercentAboveBase"),
                                                       QStringLiteral("fleet.mode"), QStringLiteral("fleet.count")};
}

void TestOptionEditor::tabOrder_followsTheForm()
{
    QFETCH(QString, source);
    QFETCH(QStringList, order);
    Ui::OptionEditor editor;
    show(editor, specFor(source));
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    // The widgets Tab visits, named by their field key (a NumberField's box by the field's).
    QStringList visited;
    QWidget *w = editor.lineEdit(QStringLiteral("id"));
    do {
        if (w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus) && !w->focusProxy()) {
            QString key = w->objectName();
            if (qobject_cast<Ui::NumberField *>(w->parentWidget()))
                key = w->parentWidget()->objectName();
            else if (qobject_cast<QComboBox *>(w->parentWidget()))
                key = w->parentWidget()->objectName(); // an editable combo's line edit
            if (!key.isEmpty() && (visited.isEmpty() || visited.last() != key))
                visited << key;
        }
        w = w->nextInFocusChain();
    } while (w != editor.lineEdit(QStringLiteral("id")));
    // The collapsed "Spike response" group ends the form: only its toggle takes the focus.
    order << QStringLiteral("spike.toggle");
    QCOMPARE(visited, order);
}

QTEST_MAIN(TestOptionEditor)
#include "tst_optioneditor.moc"
