// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/document/awsimporter.h"

#include <QCoreApplication>
#include <QFile>
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

void AwsImporter::run(Job job)
{
    m_running = true;
    m_cancel = false;
    auto *watcher = new QFutureWatcher<std::shared_ptr<const AwsImportOutcome>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        const auto outcome = watcher->result();
        watcher->deleteLater();
        m_running = false;
        Q_EMIT finished(outcome);
    });
    watcher->setFuture(QtConcurrent::run(std::move(job)));
}

void AwsImporter::reportProgress(const QPointer<AwsImporter> &self, qint64 done, qint64 total)
{
    if (self)
        QMetaObject::invokeMethod(self, [self, done, total] {
            if (self)
                Q_EMIT self->progress(done, total);
        }, Qt::QueuedConnection);
}

bool AwsImporter::start(const QStringList &files, const QStringList &regions)
{
    if (m_running)
        return false;
    qint64 total = 0;
    for (const QString &f : files)
        total += QFileInfo(f).size();
    QPointer<AwsImporter> self(this);
    run([self, files, regions, total, cancel = &m_cancel] {
        auto outcome = std::make_shared<AwsImportOutcome>();
        auto sheet = std::make_shared<Pricing::PriceSheet>();
        sheet->provenance.name = "AWS Price List";
        Pricing::AwsImportOptions options;
        for (const QString &r : regions)
            options.regions.push_back(r.trimmed().toStdString());
        qint64 before = 0;
        for (const QString &file : files) {
            options.progress = [&](std::uint64_t done, std::uint64_t) {
                reportProgress(self, before + static_cast<qint64>(done), total);
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
    });
    return true;
}

bool AwsImporter::startSpotFeed(std::shared_ptr<const Pricing::PriceSheet> base, const SpotFeedRequest &request)
{
    if (m_running || !base)
        return false;
    QPointer<AwsImporter> self(this);
    run([self, base = std::move(base), request, cancel = &m_cancel] {
        auto outcome = std::make_shared<AwsImportOutcome>();
        outcome->spotFeed = request;
        auto done = [&outcome] { return std::shared_ptr<const AwsImportOutcome>(std::move(outcome)); };
        auto cancelled = [&] {
            outcome->cancelled = true;
            outcome->error = QObject::tr("%1: cancelled").arg(request.file);
            return done();
        };
        // Read in steps, so that a large history reports progress and can be cancelled; the
        // feeds' parsers take the whole text.
        QFile file(request.file);
        if (!file.open(QIODevice::ReadOnly)) {
            outcome->error = QObject::tr("%1: cannot read the file: %2").arg(request.file, file.errorString());
            return done();
        }
        const qint64 total = file.size();
        std::string text;
        text.reserve(static_cast<std::size_t>(std::max<qint64>(total, 0)));
        constexpr qint64 step = 1 << 20;
        while (!file.atEnd()) {
            if (cancel->load())
                return cancelled();
            const QByteArray chunk = file.read(step);
            if (chunk.isEmpty() && file.error() != QFileDevice::NoError) {
                outcome->error = QObject::tr("%1: cannot read the file: %2").arg(request.file, file.errorString());
                return done();
            }
            text.append(chunk.constData(), static_cast<std::size_t>(chunk.size()));
            reportProgress(self, static_cast<qint64>(text.size()), total);
        }
        if (cancel->load())
            return cancelled();

        auto sheet = std::make_shared<Pricing::PriceSheet>(*base);
        const std::string fileName = request.file.toStdString();
        const Result<std::size_t> applied = [&] {
            if (request.feed == SpotFeedRequest::Feed::History)
                return Pricing::applySpotHistory(text, fileName, *sheet, request.region.toStdString(), request.history);
            std::vector<std::string> regions;
            for (const QString &r : request.regions)
                regions.push_back(r.trimmed().toStdString());
            return Pricing::applySpotAdvisor(text, fileName, *sheet, regions);
        }();
        for (const Error &w : applied.warnings())
            outcome->warnings << QString::fromStdString(w.toString());
        if (!applied) {
            outcome->error = QString::fromStdString(applied.error().toString());
            return done();
        }
        if (cancel->load())
            return cancelled();
        outcome->spotTypesUpdated = applied.value();
        // The sheet says where its spot figures come from.
        const std::string what = request.feed == SpotFeedRequest::Feed::History ? "spot price history" : "Spot Instance Advisor";
        const std::string from = QFileInfo(request.file).fileName().toStdString();
        sheet->provenance.name += " + " + what;
        sheet->provenance.source += (sheet->provenance.source.empty() ? "" : "; ") + what + ": " + from;
        outcome->sheet = std::move(sheet);
        return done();
    });
    return true;
}

QString AwsImporter::describe(const AwsImportOutcome &outcome)
{
    if (!outcome.sheet)
        return outcome.error;
    if (const auto &feed = outcome.spotFeed) {
        const QString file = QFileInfo(feed->file).fileName();
        const int n = static_cast<int>(outcome.spotTypesUpdated);
        QString text = feed->feed == SpotFeedRequest::Feed::History
            ? QObject::tr("%1: spot prices for %n instance type(s) in %2.", nullptr, n).arg(file, feed->region)
            : QObject::tr("%1: interruption bands and savings for %n instance type(s).", nullptr, n).arg(file);
        if (!outcome.warnings.isEmpty())
            text += QLatin1Char(' ') + QObject::tr("%n warning(s); the first: %1", nullptr, static_cast<int>(outcome.warnings.size()))
                                          .arg(outcome.warnings.first());
        return text;
    }
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
