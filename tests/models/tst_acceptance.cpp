// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The published worked examples of tests/data/acceptance, each run through costscape-cli as a
// user would: `evaluate DIR/case.costscape.json --prices DIR/case.prices.json --format json`.

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

class TestAcceptance : public QObject
{
    Q_OBJECT

private slots:
    void publishedExample_data();
    void publishedExample();
};

void TestAcceptance::publishedExample_data()
{
    QTest::addColumn<QString>("dir");
    const QDir root(QStringLiteral(COSTSCAPE_TEST_DATA_DIR "/acceptance"));
    const QStringList cases = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QVERIFY2(cases.size() >= 10, "the acceptance examples are missing");
    for (const QString &c : cases)
        QTest::newRow(qPrintable(c)) << root.filePath(c);
}

namespace {
QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

// The published breakdowns name their parts their own way; these are our line items for them.
double breakdownPart(const QJsonArray &options, const QString &key, bool *known)
{
    struct Map {
        const char *key;
        QStringList prefixes;
    };
    const Map maps[] = {
        {"requests_usd", {QStringLiteral("requests")}},
        {"compute_usd", {QStringLiteral("duration")}},
        {"duration_tier1_usd", {QStringLiteral("duration tier 1")}},
        {"duration_tier2_usd", {QStringLiteral("duration tier 2")}},
        {"provisioned_concurrency_usd", {QStringLiteral("provisioned concurrency")}},
        {"duration_usd", {QStringLiteral("provisioned duration"), QStringLiteral("duration")}},
        {"vcpu_usd", {QStringLiteral("vCPU")}},
        {"memory_usd", {QStringLiteral("memory")}},
        {"windows_os_usd", {QStringLiteral("Windows licence")}},
        {"ephemeral_storage_usd", {QStringLiteral("ephemeral storage")}},
        {"instance_usage_usd", {QStringLiteral("on-demand instances"), QStringLiteral("spot instances")}},
        {"spot_usd", {QStringLiteral("spot instances")}},
        {"ec2_usd", {QStringLiteral("instances")}},
        {"management_fee_usd", {QStringLiteral("management fee")}},
    };
    *known = false;
    double sum = 0;
    for (const Map &m : maps) {
        if (key != QLatin1String(m.key))
            continue;
        *known = true;
        for (const auto &o : options)
            for (const auto &li : o.toObject()[QStringLiteral("lineItems")].toArray()) {
                const QString name = li.toObject()[QStringLiteral("name")].toString();
                for (const QString &p : m.prefixes)
                    if (name.startsWith(p)) {
                        sum += li.toObject()[QStringLiteral("cost")].toDouble();
                        break;
                    }
            }
    }
    return sum;
}
} // namespace

void TestAcceptance::publishedExample()
{
    QFETCH(QString, dir);
    const QJsonObject expected = readJson(dir + QStringLiteral("/expected.json"));
    QVERIFY(!expected.isEmpty());

    QProcess cli;
    cli.start(QStringLiteral(COSTSCAPE_CLI_PATH),
              {QStringLiteral("evaluate"), dir + QStringLiteral("/case.costscape.json"), QStringLiteral("--prices"),
               dir + QStringLiteral("/case.prices.json"), QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY(cli.waitForFinished(30000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    const QJsonObject result = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    QCOMPARE(result[QStringLiteral("format")].toString(), QStringLiteral("costscape-result"));
    const QJsonArray options = result[QStringLiteral("options")].toArray();
    QVERIFY(!options.isEmpty());

    double total = 0;
    for (const auto &o : options) {
        QVERIFY(o.toObject()[QStringLiteral("feasible")].toBool());
        total += o.toObject()[QStringLiteral("monthlyCost")].toDouble();
    }
    const double want = expected[QStringLiteral("monthlyCost")].toDouble();
    const double tolerance = expected[QStringLiteral("tolerance")].toDouble();
    QVERIFY2(std::abs(total - want) <= tolerance,
             qPrintable(QStringLiteral("monthly cost %1, published %2 (tolerance %3)").arg(total, 0, 'f', 6).arg(want).arg(tolerance)));

    // The published breakdown, part by part, where it names a part we bill.
    const QJsonObject breakdown = expected[QStringLiteral("breakdown")].toObject();
    for (auto it = breakdown.begin(); it != breakdown.end(); ++it) {
        bool known = false;
        const double part = breakdownPart(options, it.key(), &known);
        if (!known)
            continue;
        QVERIFY2(std::abs(part - it.value().toDouble()) <= std::max(tolerance, 0.011),
                 qPrintable(QStringLiteral("%1: %2, published %3").arg(it.key()).arg(part, 0, 'f', 6).arg(it.value().toDouble())));
    }
}

QTEST_GUILESS_MAIN(TestAcceptance)
#include "tst_acceptance.moc"
