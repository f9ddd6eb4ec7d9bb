// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the editor tests share: the sample's options and a few variants, a description of a spec
// that QCOMPARE can show line by line, typing and clicking as a user does, and the check that
// the widgets show a spec. Each test drives the real OptionEditor through its field keys.

#include "models/scenario/scenarioreader.h"
#include "models/scenario/scenariorules.h"
#include "pricing/pricesheet.h"
#include "ui/editors/numberfield.h"
#include "ui/editors/optioneditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QStyleOptionButton>
#include <QTest>

#include <functional>

using Mutation = std::function<void(Costscape::Models::OptionSpec &)>;
Q_DECLARE_METATYPE(Mutation)

namespace EditorTesting {

using namespace Costscape;
using Models::OptionSpec;

inline const QString Region = QStringLiteral("us-east-1");

inline std::shared_ptr<const Pricing::PriceSheet> sheet()
{
    // The embedded sheet lives as long as the program: share it without owning it.
    static const std::shared_ptr<const Pricing::PriceSheet> s(&Pricing::embeddedPriceSheet(), [](const Pricing::PriceSheet *) {});
    return s;
}

inline const Models::Scenario &sample()
{
    static const Models::Scenario s = [] {
        auto r = Models::loadScenario(COSTSCAPE_SOURCE_DIR "/examples/web-api.costscape.json");
        if (!r)
            qFatal("cannot load the sample scenario: %s", r.error().message.c_str());
        return r.value();
    }();
    return s;
}

inline OptionSpec sampleOption(const std::string &id)
{
    for (const OptionSpec &o : sample().options)
        if (o.id == id)
            return o;
    qFatal("no option %s in the sample", id.c_str());
}

/** The sample's options, and a few variants the sample lacks. */
inline OptionSpec specFor(const QString &name)
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
    if (name == QLatin1String("ecs-max-tasks-3")) {
        OptionSpec o = sampleOption("ecs-cluster");
        o.as<Models::EcsEc2Spec>().maxTasksPerInstance = 3;
        return o;
    }
    if (name == QLatin1String("eks-two-groups")) {
        // Two Deployments on the sample's EKS nodes: its pods, and a fixed worker.
        OptionSpec o = sampleOption("eks-cluster");
        auto &groups = o.as<Models::EksEc2Spec>().podGroups;
        groups[0].name = "web";
        Models::PodGroup worker;
        worker.name = "worker";
        worker.podVcpu = 1;
        worker.podMemoryMb = 2048;
        worker.fleet.fixedCount = 3;
        groups.push_back(worker);
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

inline QString number(std::optional<double> v)
{
    return v ? QString::number(*v, 'g', 17) : QStringLiteral("-");
}

inline QString describeFleet(const Models::FleetSpec &f)
{
    return QStringLiteral("fixed=%1 capacity=%2:%3 target=%4 min=%5 scaling=%6")
        .arg(number(f.fixedCount))
        .arg(f.capacity ? static_cast<int>(f.capacity->kind) : -1)
        .arg(number(f.capacity ? std::optional(f.capacity->value) : std::nullopt))
        .arg(number(f.targetUtilization), number(f.minCount))
        .arg(static_cast<int>(f.scaling));
}

/** Every field of a spec, one per line, so that QCOMPARE shows what differs. */
inline QString describe(const OptionSpec &o)
{
    QStringList l;
    l << QStringLiteral("id=%1 platform=%2 enabled=%3")
             .arg(QString::fromStdString(o.id), QString::fromLatin1(Models::platformName(o.platform())))
             .arg(o.enabled);
    l << QStringLiteral("hours=%1 duration=%2 memory=%3 requests=%4")
             .arg(number(o.hoursPerMonth), number(o.durationMs), number(o.memoryMb))
             .arg(o.requests ? static_cast<int>(o.requests->kind) : -1);
    for (const auto &[key, value] : o.scalingOverrides)
        l << QStringLiteral("spike %1=%2").arg(QString::fromStdString(key), number(value));
    if (const auto *la = o.asIf<Models::LambdaSpec>()) {
        const auto &pc = la->provisionedConcurrency;
        l << QStringLiteral("lambda arch=%1 eph=%2 gran=%3 free=%4 pc=%5/%6/%7")
                 .arg(QString::fromStdString(la->architecture), number(la->ephemeralStorageMb))
                 .arg(la->billingGranularityMs)
                 .arg(la->freeTier)
                 .arg(number(pc ? std::optional(pc->count) : std::nullopt), number(pc ? pc->hoursPerMonth : std::nullopt),
                      number(pc ? pc->shareOfRequests : std::nullopt));
    }
    if (const auto *f = o.asIf<Models::FargateSpec>()) {
        l << QStringLiteral("fargate os=%1 arch=%2 vcpu=%3 gb=%4 spot=%5 eph=%6 disc=%7")
                 .arg(QString::fromStdString(f->os), QString::fromStdString(f->architecture), number(f->taskVcpu), number(f->taskMemoryGb))
                 .arg(f->spot)
                 .arg(number(f->ephemeralStorageGb), number(f->spotDiscount));
        l << QStringLiteral("fargate fleet ") + describeFleet(f->fleet);
    }
    if (const auto *e = o.asIf<Models::Ec2Spec>()) {
        l << QStringLiteral("ec2 type=%1 os=%2 purchase=%3 spotHourly=%4 disc=%5 base=%6 above=%7")
                 .arg(QString::fromStdString(e->instanceType), QString::fromStdString(e->os))
                 .arg(static_cast<int>(e->purchase))
                 .arg(number(e->spotHourly), number(e->spotDiscount), number(e->onDemandBase), number(e->onDemandPercentAboveBase));
        l << QStringLiteral("ec2 fleet ") + describeFleet(e->fleet);
    }
    if (const auto *c = o.asIf<Models::EcsEc2Spec>()) {
        QStringList types;
        for (const auto &t : c->instanceTypes)
            types << QString::fromStdString(t);
        l << QStringLiteral("ecs auto=%1 types=%2 os=%3 purchase=%4 spotHourly=%5 disc=%6 reserved=%7 placement=%8 maxTasks=%9")
                 .arg(c->autoInstanceTypes)
                 .arg(types.join(QLatin1Char(',')), QString::fromStdString(c->os))
                 .arg(static_cast<int>(c->purchase))
                 .arg(number(c->spotHourly), number(c->spotDiscount), number(c->reservedMemoryMb))
                 .arg(static_cast<int>(c->placement))
                 .arg(c->maxTasksPerInstance);
        for (const auto &g : c->taskGroups)
            l << QStringLiteral("ecs group %1 vcpu=%2 mib=%3 ").arg(QString::fromStdString(g.name), number(g.taskVcpu), number(g.taskMemoryMb))
                    + describeFleet(g.fleet);
    }
    if (const auto *k = o.asIf<Models::EksEc2Spec>()) {
        QStringList types;
        for (const auto &t : k->nodeTypes)
            types << QString::fromStdString(t);
        l << QStringLiteral("eks auto=%1 types=%2 arch=%3 purchase=%4 spotHourly=%5 disc=%6 plane=%7 prefix=%8 scaler=%9")
                 .arg(k->autoNodeTypes)
                 .arg(types.join(QLatin1Char(',')), QString::fromStdString(k->architecture))
                 .arg(static_cast<int>(k->purchase))
                 .arg(number(k->spotHourly), number(k->spotDiscount))
                 .arg(static_cast<int>(k->controlPlane))
                 .arg(k->prefixDelegation)
                 .arg(static_cast<int>(k->autoscaler));
        for (const auto &g : k->podGroups)
            l << QStringLiteral("eks group %1 vcpu=%2 mib=%3 ").arg(QString::fromStdString(g.name), number(g.podVcpu), number(g.podMemoryMb))
                    + describeFleet(g.fleet);
    }
    if (const auto *k = o.asIf<Models::EksFargateSpec>()) {
        l << QStringLiteral("eksFargate arch=%1 plane=%2").arg(QString::fromStdString(k->architecture)).arg(static_cast<int>(k->controlPlane));
        for (const auto &g : k->podGroups)
            l << QStringLiteral("eksFargate group %1 vcpu=%2 mib=%3 ").arg(QString::fromStdString(g.name), number(g.podVcpu), number(g.podMemoryMb))
                    + describeFleet(g.fleet);
    }
    return l.join(QLatin1Char('\n'));
}

/** Replaces the text as a user does: select all, then type (or delete when text is empty). */
inline void typeInto(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Backspace);
    else
        QTest::keyClicks(edit, text);
}

inline void clickCheckBox(QCheckBox *check)
{
    QStyleOptionButton option;
    option.initFrom(check);
    const QRect indicator = check->style()->subElementRect(QStyle::SE_CheckBoxIndicator, &option, check);
    QTest::mouseClick(check, Qt::LeftButton, {}, indicator.center());
}

inline OptionSpec emitted(const QSignalSpy &spy, int i = -1)
{
    return spy.at(i < 0 ? spy.count() - 1 : i).at(0).value<OptionSpec>();
}

inline QString emittedField(const QSignalSpy &spy, int i = -1)
{
    return spy.at(i < 0 ? spy.count() - 1 : i).at(1).toString();
}

inline void show(Ui::OptionEditor &editor, const OptionSpec &spec)
{
    editor.setWorkloadDefaults(730, 120, 512);
    editor.setOption(spec, sheet(), Region);
}

/** What the widgets show equals the spec, field by field (QCOMPARE returns from here on failure). */
inline void checkShown(const Ui::OptionEditor &e, const OptionSpec &o)
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
    if (const auto *l = o.asIf<Models::LambdaSpec>()) {
        QCOMPARE(choice("lambda.architecture"), str(l->architecture));
        QCOMPARE(num("lambda.ephemeralStorageMb"), std::optional(l->ephemeralStorageMb));
        QCOMPARE(choice("lambda.billingGranularityMs").toInt(), l->billingGranularityMs);
        QCOMPARE(flag("lambda.freeTier"), l->freeTier);
        QCOMPARE(flag("lambda.provisioned"), l->provisionedConcurrency.has_value());
    }
    if (const auto *f = o.asIf<Models::FargateSpec>()) {
        QCOMPARE(choice("fargate.os"), str(f->os));
        QCOMPARE(choice("fargate.architecture"), str(f->architecture));
        QCOMPARE(num("fargate.taskVcpu"), std::optional(f->taskVcpu));
        QCOMPARE(num("fargate.taskMemoryGb"), std::optional(f->taskMemoryGb));
        QCOMPARE(flag("fargate.spot"), f->spot);
        QCOMPARE(num("fargate.ephemeralStorageGb"), std::optional(f->ephemeralStorageGb));
        QCOMPARE(num("fargate.spotDiscount"), f->spotDiscount);
        fleet = &f->fleet;
    }
    if (const auto *c = o.asIf<Models::Ec2Spec>()) {
        QCOMPARE(e.comboBox(QStringLiteral("ec2.instanceType"))->currentText().section(QLatin1Char(' '), 0, 0), str(c->instanceType));
        QCOMPARE(choice("ec2.os"), str(c->os));
        QCOMPARE(choice("ec2.purchase"), c->purchase == Models::Purchase::Spot ? QStringLiteral("spot") : QStringLiteral("on-demand"));
        QCOMPARE(num("ec2.spotHourly"), c->spotHourly);
        QCOMPARE(num("ec2.spotDiscount"), c->spotDiscount);
        QCOMPARE(num("ec2.onDemandBase"), c->onDemandBase);
        QCOMPARE(num("ec2.onDemandPercentAboveBase"), c->onDemandPercentAboveBase);
        fleet = &c->fleet;
    }
    if (const auto *ecs = o.asIf<Models::EcsEc2Spec>()) {
        QCOMPARE(e.comboBox(QStringLiteral("ecs.group"))->count(), static_cast<int>(ecs->taskGroups.size()));
        const auto &g = ecs->taskGroups[static_cast<std::size_t>(e.comboBox(QStringLiteral("ecs.group"))->currentIndex())];
        QCOMPARE(e.lineEdit(QStringLiteral("ecs.groupName"))->text(), str(g.name));
        QCOMPARE(num("ecs.taskVcpu"), std::optional(g.taskVcpu));
        QCOMPARE(num("ecs.taskMemoryMb"), std::optional(g.taskMemoryMb));
        QCOMPARE(flag("ecs.autoInstanceTypes"), ecs->autoInstanceTypes);
        QStringList checked;
        const QListWidget *list = e.listWidget(QStringLiteral("ecs.instanceTypes"));
        for (int i = 0; i < list->count(); ++i)
            if (list->item(i)->checkState() == Qt::Checked)
                checked << list->item(i)->data(Qt::UserRole).toString();
        QStringList expected;
        for (const auto &t : ecs->instanceTypes)
            expected << str(t);
        checked.sort();
        expected.sort();
        QCOMPARE(checked, expected);
        QCOMPARE(choice("ecs.os"), str(ecs->os));
        QCOMPARE(num("ecs.spotHourly"), ecs->spotHourly);
        QCOMPARE(num("ecs.spotDiscount"), ecs->spotDiscount);
        QCOMPARE(num("ecs.reservedMemoryMb"), std::optional(ecs->reservedMemoryMb));
        fleet = &g.fleet;
    }
    if (const auto *eks = o.asIf<Models::EksEc2Spec>()) {
        QCOMPARE(e.comboBox(QStringLiteral("eks.group"))->count(), static_cast<int>(eks->podGroups.size()));
        const auto &g = eks->podGroups[static_cast<std::size_t>(e.comboBox(QStringLiteral("eks.group"))->currentIndex())];
        QCOMPARE(e.lineEdit(QStringLiteral("eks.groupName"))->text(), str(g.name));
        QCOMPARE(num("eks.podVcpu"), std::optional(g.podVcpu));
        QCOMPARE(num("eks.podMemoryMb"), std::optional(g.podMemoryMb));
        QCOMPARE(choice("eks.architecture"), str(eks->architecture));
        QCOMPARE(choice("eks.purchase"), eks->purchase == Models::Purchase::Spot ? QStringLiteral("spot") : QStringLiteral("on-demand"));
        QCOMPARE(num("eks.spotDiscount"), eks->spotDiscount);
        QCOMPARE(flag("eks.prefixDelegation"), eks->prefixDelegation);
        fleet = &g.fleet;
    }
    if (const auto *eksF = o.asIf<Models::EksFargateSpec>()) {
        QCOMPARE(e.comboBox(QStringLiteral("eksFargate.group"))->count(), static_cast<int>(eksF->podGroups.size()));
        const auto &g = eksF->podGroups[static_cast<std::size_t>(e.comboBox(QStringLiteral("eksFargate.group"))->currentIndex())];
        QCOMPARE(e.lineEdit(QStringLiteral("eksFargate.groupName"))->text(), str(g.name));
        QCOMPARE(num("eksFargate.podVcpu"), std::optional(g.podVcpu));
        QCOMPARE(num("eksFargate.podMemoryMb"), std::optional(g.podMemoryMb));
        QCOMPARE(choice("eksFargate.architecture"), str(eksF->architecture));
        fleet = &g.fleet;
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

inline QString problem(const NumberRule &rule, double v)
{
    return QString::fromStdString(rule.problem(v));
}

} // namespace EditorTesting
