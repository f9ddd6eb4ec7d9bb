// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/common/evaluatetext.h"
#include "ui/itemmodels/lineitemmodel.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <cmath>

using namespace Costscape;
using Ui::LineItemModel;

namespace {

/** Lambda, Fargate, EC2 and an infeasible Lambda (20 GB), at a constant rate. */
Models::Evaluation evaluateAt(double perSecond, bool withHuge = true)
{
    const std::string workload = R"({"requests": {"perSecond": )" + std::to_string(perSecond)
        + R"(}, "durationMs": 120, "memoryMb": 512})";
    std::string options = R"({"id": "fn", "platform": "lambda"},
        {"id": "tasks", "platform": "fargate", "taskVcpu": 0.5, "taskMemoryGb": 1, "tasks": 2},
        {"id": "vm", "platform": "ec2", "instanceType": "m5.large", "instances": 2})";
    if (withHuge)
        options += R"(, {"id": "huge", "platform": "lambda", "memoryMb": 20000})";
    auto e = Tests::evaluateText(Tests::scenarioWith(workload, options));
    if (!e)
        qFatal("%s", e.error().toString().c_str());
    return e.value();
}

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

class TestLineItemModel : public QObject
{
    Q_OBJECT

private slots:
    void rows_areLineItemsThenTotalPerOption();
    void totals_equalMonthlyCostAndLineItemsSumToIt();
    void infeasibleTotal_saysWhyInRed();
    void unpricedOption_isNotPricedWithItsReasonNeverZero();
    void display_formatsMoneyPricesAndQuantities();
    void formatting_data();
    void formatting();
    void toTsv_selectionGivesHeaderAndRawNumbers();
    void toTsv_flattensTabsAndNewlines();
    void sameShape_keepsSelectionWithoutReset();
    void otherShape_resets();
};

void TestLineItemModel::rows_areLineItemsThenTotalPerOption()
{
    LineItemModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Models::Evaluation e = evaluateAt(10);
    model.setEvaluation(e);

    int row = 0;
    for (const Models::OptionResult &o : e.options) {
        for (const Models::LineItem &li : o.lineItems) {
            QCOMPARE(model.index(row, LineItemModel::OptionColumn).data().toString(), qs(o.id));
            QCOMPARE(model.index(row, LineItemModel::LineColumn).data().toString(), qs(li.name));
            QCOMPARE(model.index(row, LineItemModel::UnitColumn).data().toString(), qs(li.unit));
            QVERIFY(!model.isTotalRow(row));
            ++row;
        }
        QCOMPARE(model.optionTotalRow(qs(o.id)), row);
        QVERIFY(model.isTotalRow(row));
        QCOMPARE(model.index(row, LineItemModel::LineColumn).data().toString(), QStringLiteral("Total"));
        QVERIFY(model.index(row, 0).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(!model.index(row - 1, 0).data(Qt::FontRole).isValid());
        ++row;
    }
    QCOMPARE(model.rowCount(), row);
    QCOMPARE(model.columnCount(), 7);
    QCOMPARE(model.optionTotalRow(QStringLiteral("nope")), -1);
    QCOMPARE(model.headerData(LineItemModel::UnitPriceColumn, Qt::Horizontal).toString(), QStringLiteral("Unit price"));
    // Numbers are right-aligned, text is not.
    const auto align = [&](int column) {
        return Qt::Alignment(model.index(0, column).data(Qt::TextAlignmentRole).toInt()) & Qt::AlignHorizontal_Mask;
    };
    QCOMPARE(align(LineItemModel::CostColumn), Qt::AlignRight);
    QCOMPARE(align(LineItemModel::QuantityColumn), Qt::AlignRight);
    QCOMPARE(align(LineItemModel::NoteColumn), Qt::AlignLeft);

    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestLineItemModel::totals_equalMonthlyCostAndLineItemsSumToIt()
{
    LineItemModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Models::Evaluation e = evaluateAt(10);
    model.setEvaluation(e);

    for (const Models::OptionResult &o : e.options) {
        const int total = model.optionTotalRow(qs(o.id));
        QVERIFY(total >= 0);
        const QVariant raw = model.index(total, LineItemModel::CostColumn).data(LineItemModel::RawValueRole);
        QCOMPARE(raw.typeId(), QMetaType::Double);
        QCOMPARE(raw.toDouble(), o.monthlyCost);
        QCOMPARE(model.index(total, LineItemModel::CostColumn).data().toString(), Ui::formatMoney(o.monthlyCost, QStringLiteral("USD")));
        // A total has no quantity or unit price of its own.
        QVERIFY(!model.index(total, LineItemModel::QuantityColumn).data(LineItemModel::RawValueRole).isValid());
        QVERIFY(model.index(total, LineItemModel::UnitPriceColumn).data().toString().isEmpty());

        double sum = 0;
        int lines = 0;
        for (int r = total - 1; r >= 0 && !model.isTotalRow(r); --r, ++lines)
            sum += model.index(r, LineItemModel::CostColumn).data(LineItemModel::RawValueRole).toDouble();
        QCOMPARE(lines, static_cast<int>(o.lineItems.size()));
        QVERIFY2(std::abs(sum - o.monthlyCost) <= 1e-9 * std::max(1.0, o.monthlyCost),
                 qPrintable(QStringLiteral("%1: %2 vs %3").arg(qs(o.id)).arg(sum).arg(o.monthlyCost)));
    }
}

void TestLineItemModel::infeasibleTotal_saysWhyInRed()
{
    LineItemModel model;
    const Models::Evaluation e = evaluateAt(10);
    model.setEvaluation(e);
    const Models::OptionResult &huge = e.options.back();
    QVERIFY(!huge.feasible);
    const int total = model.optionTotalRow(QStringLiteral("huge"));
    const QModelIndex note = model.index(total, LineItemModel::NoteColumn);
    QCOMPARE(note.data().toString(), QStringLiteral("Infeasible: ") + qs(huge.warnings.front()));
    QVERIFY(note.data(Qt::ToolTipRole).toString().contains(qs(huge.warnings.front())));
    const QColor red = note.data(Qt::ForegroundRole).value<QBrush>().color();
    QVERIFY(red.isValid());
    QVERIFY(red.red() > 2 * red.green());

    // A feasible total shows its summary, in the default colour.
    const int fn = model.optionTotalRow(QStringLiteral("fn"));
    QCOMPARE(model.index(fn, LineItemModel::NoteColumn).data().toString(), qs(e.options.front().summary));
    QVERIFY(!model.index(fn, LineItemModel::NoteColumn).data(Qt::ForegroundRole).isValid());
}

void TestLineItemModel::unpricedOption_isNotPricedWithItsReasonNeverZero()
{
    // Issue 13: an option whose fleet AWS could not give (1e9 requests/s of day-long requests at
    // 0.001 requests/s per instance, tests/data/limits) has no bill. The table showed its total
    // as $0.00; it must say "not priced" with the reason, and copy no number.
    LineItemModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto e = Tests::evaluateText(Tests::scenarioWith(
        R"({"requests": {"perSecond": 1000000000}, "durationMs": 86400000, "memoryMb": 128})",
        R"({"id": "vms", "platform": "ec2", "instanceType": "m5.large", "capacity": {"requestsPerSecond": 0.001}},
           {"id": "one", "platform": "ec2", "instanceType": "m5.large", "instances": 1})"));
    QVERIFY2(e.ok(), e.ok() ? "" : e.error().toString().c_str());
    const Models::OptionResult &vms = e.value().options.front();
    QVERIFY(!vms.priced);
    QVERIFY(!vms.warnings.empty());
    model.setEvaluation(e.value());

    const int total = model.optionTotalRow(QStringLiteral("vms"));
    QVERIFY(total >= 0);
    const QModelIndex cost = model.index(total, LineItemModel::CostColumn);
    QCOMPARE(cost.data().toString(), QStringLiteral("not priced"));
    QVERIFY(!cost.data().toString().contains(QLatin1Char('0')));
    QVERIFY(!cost.data(LineItemModel::RawValueRole).isValid());
    const QModelIndex note = model.index(total, LineItemModel::NoteColumn);
    QCOMPARE(note.data().toString(), QStringLiteral("Not priced: ") + qs(vms.warnings.front()));
    QVERIFY(note.data(Qt::ToolTipRole).toString().contains(qs(vms.warnings.front())));
    QVERIFY(note.data(Qt::ForegroundRole).value<QBrush>().color().isValid());
    // No row of the option shows a money figure.
    for (int r = 0; r < model.rowCount(); ++r)
        if (model.index(r, LineItemModel::OptionColumn).data().toString() == QLatin1String("vms"))
            QVERIFY2(!model.index(r, LineItemModel::CostColumn).data().toString().contains(QLatin1Char('$')),
                     qPrintable(model.index(r, LineItemModel::CostColumn).data().toString()));
    // Copied to a spreadsheet, the cost cell is empty, not 0.
    const QStringList cells = model.toTsv({cost}).split(QLatin1Char('\n')).at(1).split(QLatin1Char('\t'));
    QCOMPARE(cells.at(LineItemModel::CostColumn), QString());
    // The priced option beside it keeps its figure.
    const int one = model.optionTotalRow(QStringLiteral("one"));
    QCOMPARE(model.index(one, LineItemModel::CostColumn).data(LineItemModel::RawValueRole).toDouble(),
             e.value().options.back().monthlyCost);
    QVERIFY(e.value().options.back().monthlyCost > 0);
}

void TestLineItemModel::display_formatsMoneyPricesAndQuantities()
{
    LineItemModel model;
    const Models::Evaluation e = evaluateAt(10);
    model.setEvaluation(e);
    // fn's second line is Lambda's duration: 1,576,800 GB-seconds at $0.0000166667.
    const Models::LineItem &duration = e.options.front().lineItems.at(1);
    QCOMPARE(duration.unit, std::string("GB-seconds"));
    QCOMPARE(model.index(1, LineItemModel::UnitPriceColumn).data().toString(), QStringLiteral("$0.0000166667"));
    QCOMPARE(model.index(1, LineItemModel::QuantityColumn).data().toString(), QStringLiteral("1,576,800"));
    QCOMPARE(model.index(1, LineItemModel::CostColumn).data().toString(), QStringLiteral("$26.28"));
    QCOMPARE(model.index(1, LineItemModel::UnitPriceColumn).data(LineItemModel::RawValueRole).toDouble(), duration.unitPrice);
    QCOMPARE(model.index(1, LineItemModel::NoteColumn).data(Qt::ToolTipRole).toString(), qs(duration.note));
    // The infeasible option's duration passes a thousand dollars: grouped.
    const int huge = model.optionTotalRow(QStringLiteral("huge"));
    QCOMPARE(model.index(huge, LineItemModel::CostColumn).data().toString(), QStringLiteral("$1,031.82"));
}

void TestLineItemModel::formatting_data()
{
    QTest::addColumn<QString>("actual");
    QTest::addColumn<QString>("expected");
    const QString usd = QStringLiteral("USD");
    QTest::newRow("money-grouped") << Ui::formatMoney(1234.564, usd) << QStringLiteral("$1,234.56");
    QTest::newRow("money-negative") << Ui::formatMoney(-12.5, usd) << QStringLiteral("-$12.50");
    QTest::newRow("money-tiny-negative-is-zero") << Ui::formatMoney(-0.001, usd) << QStringLiteral("$0.00");
    QTest::newRow("money-euro-symbol") << Ui::formatMoney(5, QStringLiteral("EUR")) << QString(QChar(0x20AC) + QStringLiteral("5.00"));
    QTest::newRow("money-other-currency") << Ui::formatMoney(5, QStringLiteral("CHF")) << QStringLiteral("CHF 5.00");
    QTest::newRow("price-gb-second") << Ui::formatUnitPrice(0.0000166667, usd) << QStringLiteral("$0.0000166667");
    QTest::newRow("price-request") << Ui::formatUnitPrice(2e-7, usd) << QStringLiteral("$0.0000002");
    QTest::newRow("price-derived-noise") << Ui::formatUnitPrice(0.1 + 0.2, usd) << QStringLiteral("$0.3");
    QTest::newRow("quantity-integer") << Ui::formatQuantity(26280000) << QStringLiteral("26,280,000");
    QTest::newRow("quantity-4-decimals") << Ui::formatQuantity(12345.678912) << QStringLiteral("12,345.6789");
    QTest::newRow("quantity-small-4-significant") << Ui::formatQuantity(0.000123456) << QStringLiteral("0.0001235");
    QTest::newRow("quantity-zero") << Ui::formatQuantity(0) << QStringLiteral("0");
    QTest::newRow("raw-no-grouping") << Ui::formatRawNumber(1031.820553) << QStringLiteral("1031.820553");
    QTest::newRow("raw-small-fixed") << Ui::formatRawNumber(0.0000166667) << QStringLiteral("0.0000166667");
}

void TestLineItemModel::formatting()
{
    QFETCH(QString, actual);
    QFETCH(QString, expected);
    QCOMPARE(actual, expected);
}

void TestLineItemModel::toTsv_selectionGivesHeaderAndRawNumbers()
{
    LineItemModel model;
    const Models::Evaluation e = evaluateAt(10);
    model.setEvaluation(e);

    // Select the Fargate option's rows (its line items and total), cell by cell in two columns,
    // as a view hands them over: rows repeat and come in any order.
    const Models::OptionResult &tasks = e.options[1];
    const int total = model.optionTotalRow(QStringLiteral("tasks"));
    const int first = total - static_cast<int>(tasks.lineItems.size());
    QModelIndexList selection;
    for (int r = total; r >= first; --r) {
        selection << model.index(r, LineItemModel::CostColumn) << model.index(r, LineItemModel::OptionColumn);
    }

    const QString tsv = model.toTsv(selection);
    QVERIFY(!tsv.contains(QLatin1Char('$')));
    QStringList lines = tsv.split(QLatin1Char('\n'));
    QCOMPARE(lines.takeLast(), QString()); // ends with a newline
    QCOMPARE(lines.size(), 1 + static_cast<int>(tasks.lineItems.size()) + 1);
    QCOMPARE(lines.front(), QStringLiteral("Option\tLine item\tQuantity\tUnit\tUnit price\tCost\tNote"));
    for (std::size_t i = 0; i < tasks.lineItems.size(); ++i) {
        const Models::LineItem &li = tasks.lineItems[i];
        const QStringList cells = lines[static_cast<int>(i) + 1].split(QLatin1Char('\t'));
        QCOMPARE(cells.size(), 7);
        QCOMPARE(cells[0], QStringLiteral("tasks"));
        QCOMPARE(cells[1], qs(li.name));
        bool ok = false;
        QCOMPARE(cells[2].toDouble(&ok), li.quantity);
        QVERIFY(ok);
        QCOMPARE(cells[3], qs(li.unit));
        QCOMPARE(cells[4].toDouble(&ok), li.unitPrice);
        QVERIFY(ok);
        QCOMPARE(cells[5].toDouble(&ok), li.cost);
        QVERIFY(ok);
    }
    const QStringList totalCells = lines.back().split(QLatin1Char('\t'));
    QCOMPARE(totalCells[1], QStringLiteral("Total"));
    QVERIFY(totalCells[2].isEmpty());
    QVERIFY(totalCells[4].isEmpty());
    QCOMPARE(totalCells[5].toDouble(), tasks.monthlyCost);
    QCOMPARE(totalCells[6], qs(tasks.summary));

    // No selection: every row.
    QCOMPARE(model.toTsv().count(QLatin1Char('\n')), 1 + model.rowCount());
}

void TestLineItemModel::toTsv_flattensTabsAndNewlines()
{
    Models::Evaluation e;
    Models::OptionResult o;
    o.id = "x";
    o.summary = "two\nlines";
    o.addLine({"odd\tname", 1.0 / 3.0, "units", 0.1 + 0.2, (1.0 / 3.0) * (0.1 + 0.2), "a\r\nnote\twith tabs"});
    e.options.push_back(o);
    LineItemModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEvaluation(e);

    const QStringList lines = model.toTsv().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    const QStringList cells = lines[1].split(QLatin1Char('\t'));
    QCOMPARE(cells.size(), 7);
    QCOMPARE(cells[1], QStringLiteral("odd name"));
    QCOMPARE(cells[2].toDouble(), 1.0 / 3.0);
    QCOMPARE(cells[4].toDouble(), 0.1 + 0.2);
    QCOMPARE(cells[5].toDouble(), (1.0 / 3.0) * (0.1 + 0.2));
    QCOMPARE(cells[6], QStringLiteral("a note with tabs"));
    QCOMPARE(lines[2].split(QLatin1Char('\t'))[6], QStringLiteral("two lines"));
    // The display keeps the note whole for the tooltip.
    QCOMPARE(model.index(0, LineItemModel::NoteColumn).data(Qt::ToolTipRole).toString(), QStringLiteral("a\r\nnote\twith tabs"));
}

void TestLineItemModel::sameShape_keepsSelectionWithoutReset()
{
    LineItemModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTableView view;
    view.setModel(&model);
    model.setEvaluation(evaluateAt(10));

    const int total = model.optionTotalRow(QStringLiteral("vm"));
    view.selectionModel()->select(model.index(total, 0),
                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    view.selectionModel()->setCurrentIndex(model.index(total, LineItemModel::CostColumn), QItemSelectionModel::NoUpdate);

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const Models::Evaluation busier = evaluateAt(25);
    model.setEvaluation(busier);

    QCOMPARE(reset.count(), 0);
    QVERIFY(changed.count() >= 1);
    QVERIFY(view.selectionModel()->isRowSelected(total, {}));
    QCOMPARE(view.selectionModel()->currentIndex(), model.index(total, LineItemModel::CostColumn));
    // The numbers are the new ones.
    const int fn = model.optionTotalRow(QStringLiteral("fn"));
    QCOMPARE(model.index(fn, LineItemModel::CostColumn).data(LineItemModel::RawValueRole).toDouble(),
             busier.options.front().monthlyCost);
    QVERIFY(busier.options.front().monthlyCost > 2 * evaluateAt(10).options.front().monthlyCost);
}

void TestLineItemModel::otherShape_resets()
{
    LineItemModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEvaluation(evaluateAt(10));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setEvaluation(evaluateAt(10, false));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.optionTotalRow(QStringLiteral("huge")), -1);
    QCOMPARE(model.optionTotalRow(QStringLiteral("vm")), model.rowCount() - 1);
    model.setEvaluation(evaluateAt(10));
    QCOMPARE(reset.count(), 2);
    model.setEvaluation(Models::Evaluation{});
    QCOMPARE(reset.count(), 3);
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestLineItemModel)
#include "tst_lineitemmodel.moc"
