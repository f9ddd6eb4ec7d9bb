// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/document/awsimporter.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMetaObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <set>

namespace Costscape::Ui {

AwsImporter::AwsImporter(QObject *parent)
    : QObject(parent)
{
}

AwsImporter::~AwsImporter()
{
    cancel();
    wait();
}

void AwsImporter::wait()
{
    while (m_running)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

bool AwsImporter::start(const QStringList &files, const QStringList &regions)
{
    if (m_running)
        return false;
    m_running = true;
    m_cancel = false;
    qint64 total = 0;
    for (const QString &f : files)
        total += QFileInfo(f).size();
    auto *watcher = new QFutureWatcher<std::shared_ptr<const AwsImportOutcome>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        const auto outcome = watcher->result();
        watcher->deleteLater();
        m_running = false;
        Q_EMIT finished(outcome);
    });
    QPointer<AwsImporter> self(this);
    watcher->setFuture(QtConcurrent::run([self, files, regions, total, cancel = &m_cancel] {
        auto outcome = std::make_shared<AwsImportOutcome>();
        auto sheet = std::make_shared<Pricing::PriceSheet>();
        sheet->provenance.name = "AWS Price List";
        Pricing::AwsImportOptions options;
        for (const QString &r : regions)
            options.regions.push_back(r.trimmed().toStdString());
        qint64 before = 0;
        for (const QString &file : files) {
            options.progress = [&](std::uint64_t done, std::uint64_t) {
                if (self)
                    QMetaObject::invokeMethod(self, [self, done = before + static_cast<qint64>(done), total] {
                        if (self)
                            Q_EMIT self->progress(done, total);
                    }, Qt::QueuedConnection);
                return !cancel->load();
            };
            auto summary = Pricing::importAwsOffer(file.toStdString(), *sheet, options);
            for (const Error &w : summary.warnings())
                outcome->warnings << QString::fromStdString(w.toString());
            if (!summary) {
                outcome->cancelled = summary.error().code == ErrorCode::Cancelled;
                outcome->error = QString::fromStdString(summary.error().toString());
                return std::shared_ptr<const AwsImportOutcome>(std::move(outcome));
            }
            outcome->summaries.push_back(std::move(summary).value());
            before += QFileInfo(file).size();
        }
        if (sheet->regions.empty())
            outcome->error = QObject::tr("The files hold no price Costscape uses%1.")
                                 .arg(regions.isEmpty() ? QString() : QObject::tr(" in %1").arg(regions.join(QStringLiteral(", "))));
        else
            outcome->sheet = std::move(sheet);
        return std::shared_ptr<const AwsImportOutcome>(std::move(outcome));
    }));
    return true;
}

QString AwsImporter::describe(const AwsImportOutcome &outcome)
{
    if (!outcome.sheet)
        return outcome.error;
    std::set<std::string> types;
    std::set<std::string> services;
    for (const auto &[code, region] : outcome.sheet->regions) {
        for (const auto &[name, type] : region.ec2)
            types.insert(name);
        if (region.lambda)
            services.insert("Lambda");
        if (region.fargate)
            services.insert("Fargate");
        if (!region.ec2.empty())
            services.insert("EC2");
    }
    QStringList regions;
    for (const auto &[code, region] : outcome.sheet->regions)
        regions << QString::fromStdString(code);
    QStringList published;
    for (const auto &s : outcome.summaries)
        published << QStringLiteral("%1 %2").arg(QString::fromStdString(s.offerCode), QString::fromStdString(s.publicationDate));
    QStringList serviceNames;
    for (const auto &s : services)
        serviceNames << QString::fromStdString(s);
    return QObject::tr("%1 for %n region(s) (%2); %3 EC2 instance types. Published: %4.", nullptr,
                       static_cast<int>(regions.size()))
        .arg(serviceNames.join(QStringLiteral(", ")), regions.join(QStringLiteral(", ")))
        .arg(types.size())
        .arg(published.join(QStringLiteral("; ")));
}

} // namespace Costscape::Ui
