// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The editor's keyboard path and the range buttons its forms ask for: the Tab order through every
// platform's form, and the spot fields' range buttons beside them.
#include "tests/ui/editors/editortesting.h"
#include "ui/editors/platformform.h"
#include "ui/editors/rangebuttonmaker.h"

#include "models/platforms/platformmodel.h"

#include <QApplication>
#include <QToolButton>

#include <cmath>

using namespace EditorTesting;

class TestOptionEditorFocus : public QObject
{
    Q_OBJECT

private slots:
    void tabOrder_followsTheForm_data();
    void tabOrder_followsTheForm();
    void rangeButtons_besideTheSpotFields_offerTheDiscountPricedAt();
};

namespace {

/**
 * Range buttons as the options panel makes them, without a document: a focusable button named
 * "range." and the input's key, and the ownValue each was given.
 */
class FakeRangeButtons final : public Ui::RangeButtonMaker
{
public:
    QWidget *makeRangeButton(Models::UncertainInput input, std::function<double()> ownValue, QWidget *parent) override
    {
        auto *button = new QToolButton(parent);
        button->setObjectName(QStringLiteral("range.") + QString::fromUtf8(Models::inputKey(input)));
        button->setText(QStringLiteral("±"));
        button->setFocusPolicy(Qt::StrongFocus);
        made.push_back({input, std::move(ownValue)});
        return button;
    }

    std::vector<std::pair<Models::UncertainInput, std::function<double()>>> made;
};

} // namespace

void TestOptionEditorFocus::tabOrder_followsTheForm_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QStringList>("order");
    const QStringList option = {QStringLiteral("id"), QStringLiteral("hoursPerMonth"), QStringLiteral("durationMs"), QStringLiteral("memoryMb")};
    const QStringList derived = {QStringLiteral("fleet.mode"), QStringLiteral("fleet.capacityKind"), QStringLiteral("fleet.capacity"),
                                 QStringLiteral("fleet.targetUtilization"), QStringLiteral("fleet.minCount"), QStringLiteral("fleet.scaling")};
    // "Around the compute" follows the platform's fields: the ALB's inputs only behind an ALB, the
    // NAT traffic share only with NAT gateways, root volumes only on instances of the account's own.
    const QStringList nat = {QStringLiteral("bill.natGateways"), QStringLiteral("bill.natTrafficShare")};
    const QStringList alb = {QStringLiteral("bill.frontDoor"), QStringLiteral("bill.alb.requestsPerConnection"),
                             QStringLiteral("bill.alb.connectionSeconds"), QStringLiteral("bill.alb.rulesPerRequest")};
    QTest::newRow("lambda") << QStringLiteral("lambda-provisioned")
                            << option + QStringList{QStringLiteral("lambda.architecture"), QStringLiteral("lambda.ephemeralStorageMb"),
                                                    QStringLiteral("lambda.billingGranularityMs"), QStringLiteral("lambda.freeTier"),
                                                    QStringLiteral("lambda.provisioned"), QStringLiteral("lambda.provisioned.count"),
                                                    QStringLiteral("lambda.provisioned.hoursPerMonth"),
                                                    QStringLiteral("lambda.provisioned.shareOfRequests")}
                                   + QStringList{QStringLiteral("bill.frontDoor"), QStringLiteral("bill.natGateways"),
                                                 QStringLiteral("bill.publicIpv4"), QStringLiteral("bill.logRetentionDays")};
    // Fargate's spot discount is off the chain while Spot is off.
    QTest::newRow("fargate") << QStringLiteral("fargate")
                             << option + QStringList{QStringLiteral("fargate.os"), QStringLiteral("fargate.architecture"),
                                                     QStringLiteral("fargate.taskVcpu"), QStringLiteral("fargate.taskMemoryGb"),
                                                     QStringLiteral("fargate.spot"), QStringLiteral("fargate.ephemeralStorageGb")}
                                    + derived + alb + nat
                                    + QStringList{QStringLiteral("bill.publicIpv4"), QStringLiteral("bill.logRetentionDays")};
    // With range buttons ("+ranges": the options panel's): an option bought as spot has one beside
    // its spot discount and one on the interrupted hours' row, each right after the field before it.
    QTest::newRow("ec2-spot-ranges") << QStringLiteral("ec2-spot+ranges")
                                     << option + QStringList{QStringLiteral("ec2.instanceType"), QStringLiteral("ec2.os"), QStringLiteral("ec2.purchase"),
                                                             QStringLiteral("ec2.spotHourly"), QStringLiteral("ec2.spotDiscount"),
                                                             QStringLiteral("range.spotDiscount"), QStringLiteral("range.spotInterruptedShare"),
                                                             QStringLiteral("ec2.onDemandBase"), QStringLiteral("ec2.onDemandPercentAboveBase")}
                                            + derived + alb + nat
                                            + QStringList{QStringLiteral("bill.publicIpv4"), QStringLiteral("bill.publicIpv4PerInstance"),
                                                          QStringLiteral("bill.logRetentionDays"), QStringLiteral("bill.rootVolume.sizeGb"),
                                                          QStringLiteral("bill.rootVolume.type")};
    // Bought on demand, the spot ranges do not apply (the reader refuses them): no buttons.
    QTest::newRow("ec2-fixed-ranges") << QStringLiteral("ec2-fixed+ranges")
                                      << option + QStringList{QStringLiteral("ec2.instanceType"), QStringLiteral("ec2.os"), QStringLiteral("ec2.purchase"),
                                                              QStringLiteral("ec2.spotHourly"), QStringLiteral("ec2.spotDiscount"),
                                                              QStringLiteral("ec2.onDemandBase"), QStringLiteral("ec2.onDemandPercentAboveBase"),
                                                              QStringLiteral("fleet.mode"), QStringLiteral("fleet.count")}
                                             + alb + nat
                                             + QStringList{QStringLiteral("bill.publicIpv4"), QStringLiteral("bill.publicIpv4PerInstance"),
                                                           QStringLiteral("bill.logRetentionDays"), QStringLiteral("bill.rootVolume.sizeGb"),
                                                           QStringLiteral("bill.rootVolume.type")};
    // Only EC2 takes the spot inputs (docs/uncertainty.md): ECS on EC2 bought as spot has no button.
    QTest::newRow("ecs-one-group-ranges") << QStringLiteral("ecs-cluster+ranges")
                                          << option + QStringList{QStringLiteral("ecs.group"), QStringLiteral("ecs.addGroup"), QStringLiteral("ecs.groupName"),
                                                                  QStringLiteral("ecs.taskVcpu"), QStringLiteral("ecs.taskMemoryMb")}
                                                 + derived
                                                 + QStringList{QStringLiteral("ecs.autoInstanceTypes"), QStringLiteral("ecs.instanceTypes"),
                                                               QStringLiteral("ecs.os"), QStringLiteral("ecs.purchase"), QStringLiteral("ecs.reservedMemoryMb"),
                                                               QStringLiteral("ecs.maxTasksPerInstance"), QStringLiteral("ecs.placement")}
                                                 + alb + nat
                                                 + QStringList{QStringLiteral("bill.publicIpv4"), QStringLiteral("bill.publicIpv4PerInstance"),
                                                               QStringLiteral("bill.logRetentionDays"), QStringLiteral("bill.rootVolume.sizeGb"),
                                                               QStringLiteral("bill.rootVolume.type")};
    QTest::newRow("ec2-fixed") << QStringLiteral("ec2-fixed")
                               << option + QStringList{QStringLiteral("ec2.instanceType"), QStringLiteral("ec2.os"), QStringLiteral("ec2.purchase"),
                                                       QStringLiteral("ec2.spotHourly"), QStringLiteral("ec2.spotDiscount"),
                                                       QStringLiteral("ec2.onDemandBase"), QStringLiteral("ec2.onDemandPercentAboveBase"),
                                                       QStringLiteral("fleet.mode"), QStringLiteral("fleet.count")}
                                      + alb + nat
                                      + QStringList{QStringLiteral("bill.publicIpv4"), QStringLiteral("bill.publicIpv4PerInstance"),
                                                    QStringLiteral("bill.logRetentionDays"), QStringLiteral("bill.rootVolume.sizeGb"),
                                                    QStringLiteral("bill.rootVolume.type")};
    // The groups' rows (choice, Add, Remove, name) come first, then the group's fields and its
    // fleet, then the cluster; Remove is off the chain with one group, the spot fields without Spot.
    const auto keys = [](const char *prefix, std::initializer_list<const char *> names) {
        QStringList out;
        for (const char *name : names)
            out << QString::fromLatin1(prefix) + QLatin1Char('.') + QString::fromLatin1(name);
        return out;
    };
    const QStringList instanceBill = {QStringLiteral("bill.publicIpv4"), QStringLiteral("bill.publicIpv4PerInstance"),
                                      QStringLiteral("bill.logRetentionDays"), QStringLiteral("bill.rootVolume.sizeGb"),
                                      QStringLiteral("bill.rootVolume.type")};
    QTest::newRow("ecs-one-group") << QStringLiteral("ecs-cluster")
                                   << option + keys("ecs", {"group", "addGroup", "groupName", "taskVcpu", "taskMemoryMb"}) + derived
                                          + keys("ecs", {"autoInstanceTypes", "instanceTypes", "os", "purchase", "reservedMemoryMb",
                                                         "maxTasksPerInstance", "placement"})
                                          + alb + nat + instanceBill;
    QTest::newRow("eks-two-groups") << QStringLiteral("eks-two-groups")
                                    << option + keys("eks", {"group", "addGroup", "removeGroup", "groupName", "podVcpu", "podMemoryMb"})
                                           + derived
                                           + keys("eks", {"architecture", "nodeTypes", "purchase", "controlPlane", "prefixDelegation", "autoscaler"})
                                           + alb + nat + instanceBill;
    // EKS on Fargate: the cluster's two choices share the pods' box; the fleet follows it.
    QTest::newRow("eks-fargate") << QStringLiteral("eks-fargate")
                                 << option
                                        + keys("eksFargate", {"group", "addGroup", "groupName", "podVcpu", "podMemoryMb", "architecture", "controlPlane"})
                                        + derived + alb + nat + QStringList{QStringLiteral("bill.publicIpv4"), QStringLiteral("bill.logRetentionDays")};
}

void TestOptionEditorFocus::tabOrder_followsTheForm()
{
    QFETCH(QString, source);
    QFETCH(QStringList, order);
    Ui::OptionEditor editor;
    FakeRangeButtons ranges;
    if (source.endsWith(QStringLiteral("+ranges"))) {
        source.chop(7);
        editor.setRangeButtons(&ranges);
    }
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
    // The commitment follows the platform's fields (with none, only its kind shows); the
    // collapsed "Spike response" group ends the form: only its toggle takes the focus.
    order << QStringLiteral("commitment.kind") << QStringLiteral("spike.toggle");
    QCOMPARE(visited, order);
}

void TestOptionEditorFocus::rangeButtons_besideTheSpotFields_offerTheDiscountPricedAt()
{
    Ui::OptionEditor editor;
    FakeRangeButtons ranges;
    editor.setRangeButtons(&ranges);
    editor.setRangeButtons(&ranges); // only the first call counts
    // Only the EC2 form has fields with a scenario-wide range: the spot discount, the interrupted hours.
    QCOMPARE(ranges.made.size(), std::size_t(2));
    QCOMPARE(ranges.made[0].first, Models::UncertainInput::SpotDiscount);
    QCOMPARE(ranges.made[1].first, Models::UncertainInput::SpotInterruptedShare);
    QVERIFY(ranges.made[0].second);
    QVERIFY(!ranges.made[1].second); // 0 unless ranged: the scenario's own value
    const auto own = ranges.made[0].second;

    show(editor, specFor(QStringLiteral("ec2-spot")));
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    auto *discountRange = editor.findChild<QToolButton *>(QStringLiteral("range.spotDiscount"));
    auto *interruptedRange = editor.findChild<QToolButton *>(QStringLiteral("range.spotInterruptedShare"));
    QVERIFY(discountRange && interruptedRange);
    QVERIFY(discountRange->isVisible() && interruptedRange->isVisible());
    // Beside its field, on the field's row: the same height band, to its right.
    Ui::NumberField *discount = editor.numberField(QStringLiteral("ec2.spotDiscount"));
    const QRect field(discount->mapTo(&editor, QPoint(0, 0)), discount->size());
    const QRect button(discountRange->mapTo(&editor, QPoint(0, 0)), discountRange->size());
    QVERIFY2(button.left() >= field.right() && button.top() >= field.top() && button.top() < field.bottom(),
             qPrintable(QStringLiteral("field %1,%2 %3x%4, button %5,%6").arg(field.x()).arg(field.y()).arg(field.width()).arg(field.height())
                            .arg(button.x()).arg(button.y())));
    // The label still names the field and its shortcut focuses it; the new row has its own label.
    QCOMPARE(editor.fieldTitle(QStringLiteral("ec2.spotDiscount")), QStringLiteral("Spot discount"));
    QVERIFY(interruptedRange->mapTo(&editor, QPoint(0, 0)).y() > field.bottom());

    // The sample's m7g.large in us-east-1: no spot price in the sheet, no discount given, so the
    // Spot Instance Advisor's 64% saving prices it, and a new range is offered around 0.64.
    QVERIFY(std::abs(own() - 0.64) < 1e-12);
    // A discount typed in the field prices it then.
    typeInto(editor.numberField(QStringLiteral("ec2.spotDiscount"))->lineEdit(), QStringLiteral("0.5"));
    QCOMPARE(own(), 0.5);
    // A spot price beats the discount: $0.0612 against $0.0816 on demand is 25% off.
    typeInto(editor.numberField(QStringLiteral("ec2.spotHourly"))->lineEdit(), QStringLiteral("0.0612"));
    QVERIFY(std::abs(own() - 0.25) < 1e-12);

    // Bought on demand: no spot range applies, both buttons and the interrupted row go.
    QComboBox *purchase = editor.comboBox(QStringLiteral("ec2.purchase"));
    purchase->setCurrentIndex(purchase->findData(QStringLiteral("on-demand")));
    QCOMPARE(editor.option().as<Models::Ec2Spec>().purchase, Models::Purchase::OnDemand);
    QVERIFY(!discountRange->isVisible());
    QVERIFY(!interruptedRange->isVisible());
    purchase->setCurrentIndex(purchase->findData(QStringLiteral("spot")));
    QVERIFY(discountRange->isVisible() && interruptedRange->isVisible());
}

QTEST_MAIN(TestOptionEditorFocus)
#include "tst_optioneditorfocus.moc"
